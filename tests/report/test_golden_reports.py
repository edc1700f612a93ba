"""Golden reports: the Markdown report of every fixture case, and the examples under docs/.

``pytest tests/report --update-golden`` rewrites them; review that diff like code, and read each
fixture report against the case's NOTES.md. Paths in the goldens are as ``jointdiff check
fixtures/`` names them (relative to the fixtures folder); the docs examples are made from the
repository root with the command written in the README (Change reports for a briefing).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from compare.cli import main
from tests.conftest import FIXTURES, ROOT

CASES = sorted(path for path in FIXTURES.iterdir() if (path / "old.txt").is_file() and (path / "new.txt").is_file())
EXAMPLE = ("fixtures/two-plus-two/old.txt", "fixtures/two-plus-two/new.txt")
"""The bundled pair the docs examples are made from, relative to the repository root."""


def _matches_golden(actual: str, golden: Path, update_golden: bool) -> None:
    if update_golden:
        golden.write_text(actual, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no golden file {golden}: run pytest --update-golden and review it"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        lines = expected.splitlines(True), actual.splitlines(True)
        delta = "".join(difflib.unified_diff(*lines, "expected", "actual", n=2))
        where = golden.relative_to(ROOT)
        pytest.fail(f"output differs from {where} (pytest --update-golden rewrites it):\n{delta[:4000]}")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_markdown_report_matches_the_golden_file(
    case: Path, update_golden: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    old, new = (case / "old.txt").relative_to(FIXTURES), (case / "new.txt").relative_to(FIXTURES)
    assert main(["report", old.as_posix(), new.as_posix()]) == 1
    _matches_golden(capsys.readouterr().out, case / "expected.md", update_golden)


@pytest.mark.parametrize("name", ["report.md", "report.html"])
def test_the_docs_examples_are_up_to_date(
    name: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    made = tmp_path / name
    assert main(["report", *EXAMPLE, "-o", str(made)]) == 1
    _matches_golden(made.read_text(encoding="utf-8"), ROOT / "docs" / "examples" / name, update_golden)
