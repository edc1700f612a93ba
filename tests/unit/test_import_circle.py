"""No import circle: ``cli.py`` registers the commands, and no command imports anything back from it.

The imports are read from the source (``ast``), those inside function bodies included, so an
import deferred into a command body counts as much as one at module scope.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import compare

PACKAGE = Path(compare.__file__).parent
COMMAND_MODULES = [
    "compare/check_command.py",
    "compare/quotes_command.py",
    "compare/report/command.py",
    "compare/review_command.py",
    "compare/series_command.py",
]


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports anywhere in its source, with ``from compare import cli``
    counted as ``compare.cli``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_listed_command_modules_are_every_command_module() -> None:
    commands = {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name.endswith("_command.py") or path.name == "command.py"
    }
    assert commands == set(COMMAND_MODULES)


@pytest.mark.parametrize("module", COMMAND_MODULES)
def test_a_command_module_imports_nothing_from_the_cli(module: str) -> None:
    assert "compare.cli" not in _imports(PACKAGE.parent / module)


def test_no_module_of_compare_but_the_entry_point_imports_the_cli() -> None:
    importers = sorted(
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "compare.cli" in _imports(path)
    )
    assert importers == ["compare/__main__.py"]
