"""``jointdiff report``: formats, -o FILE, filters, standard input and every exit code."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from compare.cli import main
from tests.conftest import write_pair
from tests.report.checks import parse_page

OLD = "We reaffirm our commitment to peace.\n\nWe express concern about the launches by China.\n"
NEW = "We reaffirm our commitment to peace.\n\nWe strongly condemn the launches by China.\n\nWe will fund schools.\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    return write_pair(tmp_path, OLD, NEW)


def test_markdown_goes_to_standard_output_and_differences_exit_1(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", *pair]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("# Change report: old.txt → new.txt\n")
    assert "## Key changes (2)" in captured.out.split("## At a glance")[0]
    assert "## Hardened (1)" in captured.out and "express concern → strongly condemn" in captured.out
    assert captured.err == ""


def test_identical_documents_exit_0_and_say_nothing_changed(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", pair[0], pair[0]]) == 0
    assert "Nothing changed: all 2 clause pairs are the same in both versions." in capsys.readouterr().out


def test_html_goes_to_standard_output(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--format", "html", *pair]) == 1
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and out.endswith("</html>\n")


def test_output_file_gets_the_report_and_standard_output_stays_empty(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "briefing.md"
    assert main(["report", *pair, "-o", str(target)]) == 1
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8").startswith("# Change report")


def test_an_html_file_name_chooses_html_unless_the_format_says_otherwise(
    pair: tuple[str, str], tmp_path: Path
) -> None:
    assert main(["report", *pair, "-o", str(tmp_path / "a.html")]) == 1
    assert (tmp_path / "a.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", *pair, "--format", "markdown", "-o", str(tmp_path / "b.html")]) == 1
    assert (tmp_path / "b.html").read_text(encoding="utf-8").startswith("# Change report")


def test_output_dash_is_standard_output(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *pair, "-o", "-"]) == 1
    assert capsys.readouterr().out.startswith("# Change report")


def test_title_replaces_the_heading(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *pair, "--title", "Launches: what changed"]) == 1
    assert capsys.readouterr().out.startswith("# Launches: what changed\n")


def test_labels_name_the_files_instead_of_their_paths(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *pair, "--label-old", "Draft of May", "--label-new", "Final"]) == 1
    out = capsys.readouterr().out
    assert "| **File** | Draft of May | Final |" in out
    assert str(Path(pair[0]).parent) not in out


def test_an_absolute_path_shows_as_the_bare_file_name(
    pair: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert Path(pair[0]).is_absolute()
    assert main(["report", *pair, "--format", "html"]) == 1
    out = capsys.readouterr().out
    assert str(tmp_path) not in out and Path(pair[0]).name in out


def test_kind_filter_keeps_only_that_kind_and_says_so(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", *pair, "--kind", "commitment"]) == 1
    out = capsys.readouterr().out
    assert "*Filtered (kind commitment): this report covers 2 of 3 clause pairs.*" in out
    assert "## Hardened" not in out and "Nothing hardened" in out and "## New (1)" in out
    assert "launches" not in out


def test_target_filter_matches_names_case_insensitively(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", *pair, "--target", "china"]) == 1
    out = capsys.readouterr().out
    assert "## Hardened (1)" in out and "schools" not in out and "peace" not in out


def test_topic_filter_with_no_match_reports_nothing_and_exits_0(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", *pair, "--topic", "outer space"]) == 0
    assert "There are no clauses to compare." in capsys.readouterr().out


def test_only_changes_leaves_unchanged_pairs_out(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *pair, "--only-changes"]) == 1
    out = capsys.readouterr().out
    assert "peace" not in out and "covers 2 of 3 clause pairs" in out


def test_an_unknown_kind_is_a_usage_error(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *pair, "--kind", "threat"]) == 2
    assert "threat" in capsys.readouterr().err


def test_example_reports_on_the_bundled_pair(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--example", "--format", "html"]) == 1
    page = parse_page(capsys.readouterr().out)
    assert "Philippines" in page.text("names")


def test_example_with_arguments_is_a_usage_error(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--example", *pair]) == 2
    assert "--example takes no OLD or NEW" in capsys.readouterr().err


def test_standard_input_can_be_one_input(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(NEW.encode("utf-8")), encoding="utf-8"))
    assert main(["report", pair[0], "-"]) == 1
    assert "strongly condemn" in capsys.readouterr().out


def test_both_inputs_from_standard_input_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "-", "-"]) == 2
    assert "standard input" in capsys.readouterr().err


def test_missing_arguments_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report"]) == 2
    assert "OLD and NEW" in capsys.readouterr().err


def test_a_missing_input_exits_2_with_one_line_naming_it(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", pair[0], "nowhere.txt"]) == 2
    err = capsys.readouterr().err
    assert "nowhere.txt" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_writing_into_a_directory_is_refused_naming_it(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", *pair, "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == f"jointdiff: error: cannot write the report to '{tmp_path}': it is a directory\n"


def test_writing_into_a_missing_folder_is_refused_before_any_work(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "report.md"
    assert main(["report", pair[0], "nowhere.txt", "-o", str(target)]) == 2
    assert f"cannot write the report to '{target}'" in capsys.readouterr().err


def test_a_missing_input_is_named_even_when_the_output_file_exists(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report", encoding="utf-8")
    assert main(["report", pair[0], "nowhere.txt", "-o", str(target)]) == 2
    assert "cannot read 'nowhere.txt'" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "old report"


def test_writing_over_an_input_is_refused(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *pair, "-o", pair[1]]) == 2
    assert "it is an input of this report" in capsys.readouterr().err
    assert Path(pair[1]).read_text(encoding="utf-8") == NEW


def test_a_file_that_cannot_be_written_exits_2_naming_it(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / ("x" * 300 + ".md")
    assert main(["report", *pair, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == f"jointdiff: error: cannot write the report to '{target}': file name too long\n"

