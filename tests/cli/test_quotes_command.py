"""``jointdiff quotes ARTICLE STATEMENT``: exit statuses, formats, standard input, errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from compare.cli import main
from tests.conftest import FIXTURES

SEED = FIXTURES / "quotes" / "seed"
TOKYO = FIXTURES / "quotes" / "articles" / "two-plus-two-tokyo.txt"
TWO_PLUS_TWO = FIXTURES / "two-plus-two" / "new.txt"


def test_an_article_whose_quotations_are_the_statements_words_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--no-color", str(SEED / "article.txt"), str(SEED / "statement.txt")]) == 0
    out = capsys.readouterr().out
    assert "= verbatim" in out and "0 altered or not found" in out


def test_an_altered_quotation_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--no-color", str(TOKYO), str(TWO_PLUS_TWO)]) == 1
    out = capsys.readouterr().out
    assert "! wrong-speaker" in out and "! negation-added" in out


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json"])
def test_every_format_is_written_to_standard_output(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--format", fmt, str(TOKYO), str(TWO_PLUS_TWO)]) == 1
    out = capsys.readouterr().out
    assert out.endswith("\n") and "intensifying attempts" in out
    if fmt == "json":
        assert json.loads(out)["summary"]["altered"] == 5


@pytest.mark.parametrize(("name", "opening"), [("check.html", "<!DOCTYPE html>"), ("check.json", "{"), ("check.md", "# ")])
def test_output_goes_to_a_file_in_the_format_its_name_asks_for(
    name: str, opening: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / name
    assert main(["quotes", str(TOKYO), str(TWO_PLUS_TWO), "-o", str(target)]) == 1
    assert capsys.readouterr().out == ""
    text = target.read_text("utf-8")
    assert text.startswith(opening) and "intensifying attempts" in text and "\x1b[" not in text


def test_output_never_overwrites_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(TOKYO.read_bytes())
    assert main(["quotes", str(article), str(TWO_PLUS_TWO), "-o", str(article)]) == 2
    assert "it is an input" in capsys.readouterr().err
    assert article.read_bytes() == TOKYO.read_bytes()


def test_a_missing_file_is_one_line_naming_it_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "no-such-article.txt", str(TWO_PLUS_TWO)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("jointdiff: error:") and "no-such-article.txt" in err


def test_an_empty_statement_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["quotes", str(TOKYO), str(empty)]) == 2
    assert "empty.txt" in capsys.readouterr().err


def test_the_article_can_come_from_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = TOKYO.read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["quotes", "--format", "json", "-", str(TWO_PLUS_TWO)]) == 1
    assert json.loads(capsys.readouterr().out)["article"]["path"] == "-"


def test_both_inputs_from_standard_input_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "-", "-"]) == 2
    assert "only one of ARTICLE and STATEMENT" in capsys.readouterr().err


def test_an_article_without_quotations_exits_0_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "plain.txt"
    article.write_text("Ministers met in Tokyo on Sunday and discussed the region.\n", encoding="utf-8")
    assert main(["quotes", str(article), str(TWO_PLUS_TWO)]) == 0
    captured = capsys.readouterr()
    assert "no quotation marks found" in captured.err and "Coverage:" in captured.out
