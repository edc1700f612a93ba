"""The command line starts fast: importing it pulls in no heavy library."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("textual", "tui", "numpy", "rapidfuzz", "rich", "pandas", "scipy", "matplotlib", "compare.pipeline", "compare.report.sections")


@pytest.mark.parametrize(
    "module",
    ["compare.cli", "compare.report.command", "compare.review_command", "compare.check_command", "compare.series_command", "compare.quotes_command"],
)
def test_importing_the_command_line_loads_no_heavy_module(module: str) -> None:
    code = f"import sys, {module}; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_library_never_imports_the_review_app_at_module_scope() -> None:
    code = (
        "import sys, compare.pipeline, compare.render.terminal, compare.render.markdown, "
        "compare.render.jsonfmt; print('textual' in sys.modules or 'tui' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
