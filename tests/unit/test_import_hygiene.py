"""The command line starts fast: importing it pulls in no heavy library."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_cli_loads_no_heavy_module() -> None:
    code = (
        "import sys, compare.cli; "
        "heavy = [m for m in ('textual', 'numpy', 'rapidfuzz', 'rich', 'pandas', 'tui') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_library_never_imports_the_review_app_at_module_scope() -> None:
    code = (
        "import sys, compare.pipeline, compare.render.terminal, compare.render.markdown, "
        "compare.render.jsonfmt; print('textual' in sys.modules or 'tui' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
