"""Golden files: the bytes of ``jointdiff diff --format json`` for every fixture case.

Run ``pytest tests/golden --update-golden`` to rewrite them, then review that diff like code.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from compare.cli import main
from tests.conftest import FIXTURES, ROOT

CASES = sorted(path for path in FIXTURES.iterdir() if (path / "old.txt").is_file() and (path / "new.txt").is_file())


def _relative(path: Path) -> str:
    """Paths as ``jointdiff check fixtures/`` names them: relative to the fixtures folder."""
    return path.relative_to(FIXTURES).as_posix()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_diff_json_matches_the_golden_file(
    case: Path, update_golden: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    main(["diff", "--format", "json", _relative(case / "old.txt"), _relative(case / "new.txt")])
    actual = capsys.readouterr().out
    golden = case / "expected.json"
    if update_golden:
        golden.write_text(actual, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no golden file {golden}: run pytest --update-golden and review it"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        delta = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "expected", "actual", n=2))
        pytest.fail(f"{case.name}: output differs from {golden.relative_to(ROOT)}:\n{delta[:4000]}")
