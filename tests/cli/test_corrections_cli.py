"""diff, report and check honour the corrections beside the new statement, and say when one is stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.cli import main
from tests.conftest import write_pair

OLD = "We reaffirm our commitment to peace.\n\nWe express concern about the launches.\n"
NEW = "We reaffirm our commitment to peace.\n\nWe strongly condemn the launches.\n"
STANCE = """[[stance]]
old = "We express concern about the launches."
new = "We strongly condemn the launches."
shift = "same"
note = "already implied"
"""


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    return write_pair(tmp_path, OLD, NEW)


def _pairs(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    return json.loads(capsys.readouterr().out)["pairs"]


def test_diff_reads_the_corrections_beside_the_new_statement(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    Path(pair[1]).with_name("new.corrections.toml").write_text(STANCE, encoding="utf-8")
    assert main(["diff", "--format", "json", *pair]) == 1
    changed = [p for p in _pairs(capsys) if p["status"] == "reworded"]
    assert changed[0]["shift"] == "same" and changed[0]["corrected"] == ["stance"]


def test_no_corrections_compares_as_the_engine_alone_would(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    Path(pair[1]).with_name("new.corrections.toml").write_text(STANCE, encoding="utf-8")
    assert main(["diff", "--format", "json", "--no-corrections", *pair]) == 1
    changed = [p for p in _pairs(capsys) if p["status"] == "reworded"]
    assert changed[0]["shift"] == "stronger" and changed[0]["corrected"] == []


def test_a_stale_correction_is_a_warning_and_the_terminal_view_marks_corrected_pairs(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given = tmp_path / "mine.toml"
    given.write_text(STANCE + '\n[[pin]]\nold = "Gone."\nnew = "We strongly condemn the launches."\n', encoding="utf-8")
    assert main(["diff", "--no-color", "--corrections", str(given), *pair]) == 1
    captured = capsys.readouterr()
    assert "[corrected by you (stance)]" in captured.out
    assert captured.err.count("\n") == 1 and "correction 2 (pin) no longer applies" in captured.err


def test_the_report_shows_corrections(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    Path(pair[1]).with_name("new.corrections.toml").write_text(STANCE, encoding="utf-8")
    assert main(["report", *pair]) == 1
    assert "corrected by you" in capsys.readouterr().out


def test_a_missing_corrections_file_given_by_name_is_one_error_line(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "--corrections", "nowhere.toml", *pair]) == 2
    err = capsys.readouterr().err
    assert err.startswith("jointdiff: error: cannot read corrections 'nowhere.toml'") and err.count("\n") == 1
