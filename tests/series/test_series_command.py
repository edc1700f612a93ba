"""``jointdiff series``: exit codes, ordering, filters and every output format."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from compare.cli import main
from tests.conftest import FIXTURES, ROOT
from tests.report.checks import external_references, parse_page
from tui.series_app import SeriesApp

MINISTERS = FIXTURES / "series" / "ministers"
FILES = sorted(str(path) for path in MINISTERS.glob("20*.md"))


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_folder_is_read_in_date_order_and_changes_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", str(MINISTERS), "--no-color"]) == 1
    out = capsys.readouterr().out
    assert out.index("2021-04-12") < out.index("2022-05-03") < out.index("2024-07-08")
    assert "NOTES.md" not in out
    assert "     3  +  ▲  =  =   They strongly condemned" in out
    assert "\x1b[" not in out


def test_files_given_out_of_order_are_put_in_date_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", *reversed(FILES), "--format", "json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert [version["date"] for version in record["versions"]] == sorted(v["date"] for v in record["versions"])
    assert record["order"] == "date"


def test_identical_versions_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "We reaffirm our commitment to peace.\n\nWe will meet again.\n"
    files = [_write(tmp_path, f"2024-0{month}-01.txt", text) for month in (1, 2, 3)]
    assert main(["series", *files]) == 0
    assert "2 threads across 3 versions: 2 unchanged throughout" in capsys.readouterr().out


def test_an_undated_version_is_one_line_and_exit_2_unless_the_order_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _write(tmp_path, "first.txt", "We agree to meet.\n")
    second = _write(tmp_path, "second.txt", "We agree to meet soon.\n")
    assert main(["series", first, second]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "first.txt" in err and "--order given" in err
    assert main(["series", second, first, "--order", "given", "--format", "json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert [version["path"] for version in record["versions"]] == [second, first]


def test_un_symbols_order_versions_without_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    later = _write(tmp_path, "res_A-RES-79-12.txt", "The General Assembly,\n\nUrges all States to act.\n")
    earlier = _write(tmp_path, "res_A-RES-78-40.txt", "The General Assembly,\n\nCalls upon all States to act.\n")
    assert main(["series", later, earlier, "--format", "json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["order"] == "symbol"
    assert [version["path"] for version in record["versions"]] == [earlier, later]


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        ([], "give the versions"),
        (["nowhere-at-all"], "nowhere-at-all"),
        ([FILES[0]], "at least two versions"),
        ([*FILES, "--text", "("], "bad --text pattern"),
        ([*FILES, "--since", "2030"], "at least two versions"),
        # a date that is none would compare as text and silently drop every version
        ([*FILES, "--since", "last-year"], "'last-year' is not a date"),
        ([*FILES, "--until", "2023-02-30"], "'2023-02-30' is not a date"),
        (["-", "-"], "standard input"),
        ([*FILES, "--review", "--format", "json"], "--review"),
    ],
)
def test_trouble_is_one_line_and_exit_2(arguments: list[str], said: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", *arguments]) == 2
    err = capsys.readouterr().err
    assert said in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_since_and_until_narrow_the_versions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", str(MINISTERS), "--since", "2022", "--until", "2023-12", "--format", "json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert [version["date"] for version in record["versions"]] == ["2022-05-03", "2023-06-19"]


def test_filters_narrow_the_threads(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", str(MINISTERS), "--text", "scholars", "--format", "json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["summary"]["shown"] == 1 and record["summary"]["threads"] == 8
    changes = [step["change"] for step in record["threads"][0]["steps"]]
    assert changes == ["first", "reworded", "dropped", "returned"]
    assert record["threads"][0]["steps"][3]["since"] == "v2"


def test_a_filter_that_keeps_only_unchanged_threads_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", str(MINISTERS), "--text", "maritime order"]) == 0


def test_json_follows_the_documented_schema(capsys: pytest.CaptureFixture[str]) -> None:
    main(["series", str(MINISTERS), "--format", "json"])
    out = capsys.readouterr().out
    record = json.loads(out)
    assert out.endswith("}\n") and record["schema_version"] == 1
    assert set(record) == {"schema_version", "order", "options", "versions", "filter", "summary", "threads", "warnings"}
    thread = record["threads"][2]
    assert set(thread) == {"number", "first", "last", "has_changes", "kinds", "targets", "topics", "steps"}
    hardened = thread["steps"][1]
    assert set(hardened) == {"version", "change", "sure", "since", "clauses", "link"}
    assert hardened["change"] == "hardened" and hardened["link"]["shift"] == "stronger"
    assert hardened["link"]["shift_evidence"] and hardened["clauses"][0]["id"].startswith("v2:")


def test_csv_is_threads_by_versions(capsys: pytest.CaptureFixture[str]) -> None:
    main(["series", str(MINISTERS), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:7] == ["thread", "first", "last", "kinds", "targets", "topics", "text"]
    assert rows[0][7:] == ["v1 2021-04-12", "v2 2022-05-03", "v3 2023-06-19", "v4 2024-07-08"]
    assert len(rows) == 1 + 8
    assert rows[4][7:] == ["first", "unchanged", "softened", "unchanged"]


NAMED = (
    "We express concern about North Korea's ballistic missile launches.\n\nWe will support Ukraine.\n",
    "We strongly condemn North Korea's ballistic missile launches.\n\nWe will support Ukraine.\n",
)


def test_html_is_one_self_contained_page_with_an_inline_chart(tmp_path: Path) -> None:
    files = [_write(tmp_path, f"202{n}-01-01.txt", text) for n, text in enumerate(NAMED)]
    output = tmp_path / "series.html"
    assert main(["series", *files, "-o", str(output)]) == 1
    text = output.read_text("utf-8")
    page = parse_page(text)
    assert external_references(page) == []
    assert not any(element.tag == "script" for element in page.elements)
    assert [e.attrs.get("id") for e in page.elements if e.tag == "section"] == ["timeline", "charts", "changes"]
    assert any(element.tag == "svg" for element in page.elements)
    assert "http://www.w3.org/Graphics" not in text and "<?xml" not in text


def test_markdown_written_to_a_file_links_its_charts_beside_it(tmp_path: Path) -> None:
    files = [_write(tmp_path, f"202{n}-01-01.txt", text) for n, text in enumerate(NAMED)]
    output = tmp_path / "series.md"
    assert main(["series", *files, "-o", str(output)]) == 1
    text = output.read_text("utf-8")
    assert "## Timeline" in text and "### North Korea" in text
    charts = sorted(tmp_path.glob("series.chart-*.svg"))
    assert charts
    for chart in charts:
        assert f"]({chart.name})" in text
        assert chart.read_text("utf-8").startswith("<svg")


def test_hostile_text_stays_text_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = "We condemn <script>alert(1)</script> and *this* | [x](javascript:x) \x1b[2J $5 and $6."
    files = [
        _write(tmp_path, "2024-01-01.txt", "We note the plan.\n"),
        _write(tmp_path, "2024-02-01.txt", f"We note the plan.\n\n{hostile}\n"),
    ]
    main(["series", *files, "--format", "html"])
    page = capsys.readouterr().out
    assert "<script>" not in page and "&lt;script&gt;" in page and "\x1b" not in page
    main(["series", *files, "--format", "markdown"])
    markdown = capsys.readouterr().out
    assert "\\<script>" in markdown and "\\[x\\]" in markdown and "\x1b" not in markdown
    main(["series", *files, "--no-color"])
    assert "\x1b" not in capsys.readouterr().out


def test_standard_input_can_be_one_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    first = _write(tmp_path, "2024-01-01.txt", "We note the plan.\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"We welcome the plan.\n")))
    assert main(["series", first, "-", "--order", "given", "--format", "json"]) == 1
    assert [v["path"] for v in json.loads(capsys.readouterr().out)["versions"]] == [first, "-"]


def test_review_opens_the_series_app_with_the_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    apps: list[SeriesApp] = []
    monkeypatch.setattr(SeriesApp, "run", lambda self, *args, **kwargs: apps.append(self))
    assert main(["series", str(MINISTERS), "--review", "--kind", "concern", "--no-color"]) == 0
    assert len(apps) == 1 and len(apps[0].documents) == 4
    assert apps[0].thread_filter.kinds == frozenset({"concern"}) and apps[0].no_color


def test_the_series_command_is_fast_to_import() -> None:
    code = "import sys, compare.series_command; print([m for m in ('matplotlib', 'pandas', 'numpy', 'textual') if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def test_corrections_are_honoured_and_only_a_correction_no_comparison_uses_is_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [
        _write(tmp_path, "2024-01-01.txt", "We will fund schools.\n\nWe reaffirm our commitment to peace.\n"),
        _write(tmp_path, "2024-02-01.txt", "We may fund schools.\n\nWe reaffirm our commitment to peace.\n"),
        _write(tmp_path, "2024-03-01.txt", "We may fund schools.\n\nWe reaffirm our lasting commitment to peace.\n"),
    ]
    corrections = tmp_path / "mine.toml"
    corrections.write_text(
        '[[stance]]\nold = ["We will fund schools."]\nnew = ["We may fund schools."]\nshift = "same"\n\n'
        '[[break]]\nold = ["We note the plan."]\nnew = ["We welcome the plan."]\n',
        encoding="utf-8",
    )
    assert main(["series", *files, "--corrections", str(corrections), "--format", "json"]) == 1
    captured = capsys.readouterr()
    record = json.loads(captured.out)
    links = [step["link"] for thread in record["threads"] for step in thread["steps"] if step.get("link")]
    assert any("stance" in link["corrected"] for link in links)
    stale = [line for line in captured.err.splitlines() if "no longer applies" in line]
    assert len(stale) == 1 and "correction 2 (break)" in stale[0]


def test_the_output_never_overwrites_a_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [_write(tmp_path, f"2024-0{month}-01.txt", f"We will meet in month {month}.\n") for month in (1, 2)]
    before = Path(files[0]).read_text(encoding="utf-8")
    assert main(["series", *files, "-o", files[0]]) == 2
    assert "it is an input of this series report" in capsys.readouterr().err
    assert Path(files[0]).read_text(encoding="utf-8") == before
