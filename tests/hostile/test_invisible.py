"""Defect 12: a clause that differed only by a zero-width space was reported unchanged with exit
0, and the U+200B reached the output raw.

The decision (README, "Invisible characters"): they are no part of the wording, so matching
ignores them and such a pair stays unchanged (exit 0 when nothing else changed); but every view
shows them (``<U+200B>``), and a pair whose invisible characters differ is reported as a warning
on standard error and in the JSON's warnings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.cli import main
from compare.normalise import normalise
from compare.safe import INVISIBLE, markdown_inline, printable

OLD = "The Ministers reaffirmed their commitment to peace.\n\nThey condemned the launches.\n"
MARKED = "The Ministers reaffirmed their commit\u200bment to peace.\n\nThey condemned the launches.\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(MARKED, encoding="utf-8")
    return str(tmp_path / "old.txt"), str(tmp_path / "new.txt")


def test_a_difference_only_in_invisible_characters_is_no_change_but_is_reported(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "--no-color", *pair]) == 0
    captured = capsys.readouterr()
    assert "commit<U+200B>ment" in captured.out
    assert "\u200b" not in captured.out
    assert captured.err == (
        f"jointdiff: warning: '{pair[1]}': 1 clause differs from '{pair[0]}' only in invisible characters "
        "(1 × U+200B), not counted as a change\n"
    )


def test_the_json_carries_the_warning(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--format", "json", *pair]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["summary"]["unchanged"] == 2
    assert record["old"]["warnings"] == []
    (warning,) = record["new"]["warnings"]
    assert "only in invisible characters (1 × U+200B)" in warning


def test_markdown_shows_the_character(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--format", "markdown", *pair]) == 0
    out = capsys.readouterr().out
    assert "commit\\<U+200B>ment" in out and "\u200b" not in out


def test_the_clauses_table_shows_the_character(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", "--no-color", pair[1]]) == 0
    out = capsys.readouterr().out
    assert "<U+200B>" in out and "\u200b" not in out


def test_a_real_change_beside_an_invisible_one_is_a_change_that_shows_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(MARKED.replace("peace", "lasting peace"), encoding="utf-8")
    assert main(["diff", "--no-color", str(tmp_path / "old.txt"), str(tmp_path / "new.txt")]) == 1
    captured = capsys.readouterr()
    assert "<U+200B>" in captured.out and "{+lasting+}" in captured.out
    assert captured.err == ""  # the pair is reported as reworded: nothing is hidden


def test_identical_invisible_characters_raise_no_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("old.txt", "new.txt"):
        (tmp_path / name).write_text(MARKED, encoding="utf-8")
    assert main(["diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt")]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("char", sorted(INVISIBLE))
def test_every_invisible_character_is_shown_and_ignored_for_matching(char: str) -> None:
    shown = printable(f"commit{char}ment")
    assert shown == f"commit<U+{ord(char):04X}>ment"
    assert f"<U+{ord(char):04X}>" in markdown_inline(f"commit{char}ment")
    assert normalise(f"our commit{char}ment") == "our commitment"
