"""The command line starts fast: importing it pulls in no heavy library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HEAVY = (
    "textual", "tui", "numpy", "rapidfuzz", "rich", "pandas", "scipy", "matplotlib",
    "compare.pipeline", "compare.report.sections", "compare.align", "compare.classify", "compare.regexcache",
)
"""Libraries, and the engine's stages: the commands' options and help need none of them."""


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


FRONT_ENDS = ("compare.read.text", "compare.read.markdown", "compare.read.html", "compare.read.pdf")
_SOURCES = {
    "statement.txt": "We agree to cooperate.\n\nWe condemn the attack.\n",
    "statement.md": "# Joint statement\n\nWe agree to **cooperate**.\n",
    "statement.html": "<html><body><main><p>We agree to cooperate.</p></main></body></html>\n",
}
_FRONT_END_OF = {"statement.txt": "compare.read.text", "statement.md": "compare.read.markdown", "statement.html": "compare.read.html"}


@pytest.mark.parametrize("name", sorted(_SOURCES))
def test_reading_a_document_imports_only_the_front_end_of_its_format(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(_SOURCES[name], encoding="utf-8")
    code = (
        f"import sys, compare.read; compare.read.read({str(path)!r}); "
        f"print(','.join(m for m in {FRONT_ENDS!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip().split(",") == [_FRONT_END_OF[name]]


def test_reading_a_pdf_loads_its_front_end_only_then() -> None:
    code = "import sys, compare.read; print('compare.read.pdf' in sys.modules, 'pypdf' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False False"
