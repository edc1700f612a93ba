"""``jointdiff check``: exit codes, --update, output formats, progress, worker processes."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import compare.check.runner
from compare.check import PARALLEL_FROM
from compare.cli import main
from tests.check.conftest import CASE, write_manifest

GOLDEN = CASE + 'expect = "talks/expected.json"\n'
FAILING_RULE = '\n[[rule]]\nname = "strait"\ntarget = "Taiwan Strait"\nforbid = "removed"\n'


def _diff_json(corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """What ``jointdiff diff --format json`` prints for the case, run from the corpus folder."""
    capsys.readouterr()
    with monkeypatch.context() as context:
        context.chdir(corpus)
        main(["diff", "--format", "json", "talks/old.txt", "talks/new.txt"])
    return capsys.readouterr().out


def test_everything_passing_exits_0(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + '\n[[rule]]\nname = "asean"\nrequire = "ASEAN"\n')
    assert main(["check", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 case, 1 rule: all passed in ") and out.count("\n") == 1


def test_a_failing_rule_exits_1(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + FAILING_RULE)
    assert main(["check", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("FAIL rule 'strait'\n")
    assert f"  {(corpus / 'jointdiff.toml').as_posix()}:6: in case 'talks': 1 of 1 selected pairs are removed\n" in out
    assert out.rstrip().splitlines()[-1].startswith("1 case, 1 rule: 1 failed in ")


def test_an_unreadable_input_exits_2_naming_the_manifest_line(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "talks" / "new.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    write_manifest(corpus, CASE)
    assert main(["check", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert "jointdiff.toml:4: [[case]] 'talks': new: cannot read" in err and "binary file (PNG image)" in err


def test_a_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_update_writes_the_golden_json_as_diff_makes_it(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_manifest(corpus, GOLDEN)
    assert main(["check", "--update", str(corpus)]) == 0
    assert "updated talks/expected.json" in capsys.readouterr().out
    golden = (corpus / "talks" / "expected.json").read_bytes().decode("utf-8")
    assert golden == _diff_json(corpus, monkeypatch, capsys)
    assert json.loads(golden)["old"]["path"] == "talks/old.txt"
    assert main(["check", str(corpus)]) == 0


def test_a_changed_golden_fails_with_a_compact_diff_and_update_fixes_it(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_manifest(corpus, GOLDEN)
    assert main(["check", "--update", str(corpus)]) == 0
    golden = corpus / "talks" / "expected.json"
    record = json.loads(golden.read_text(encoding="utf-8"))
    record["pairs"][0]["status"] = "unchanged"
    record["summary"]["unchanged"] += 1
    golden.write_text(json.dumps(record), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert "jointdiff.toml:5: talks/expected.json differs from this run" in out
    assert "    summary: unchanged 2 → 1\n" in out
    assert "\n    ~ reworded " in out and "status unchanged → reworded" in out
    assert len(out.splitlines()) < 25
    assert main(["check", "--update", str(corpus)]) == 0
    assert "updated talks/expected.json" in capsys.readouterr().out
    assert main(["check", str(corpus)]) == 0


def test_update_leaves_unchanged_goldens_alone(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, GOLDEN)
    main(["check", "--update", str(corpus)])
    golden = corpus / "talks" / "expected.json"
    before = golden.stat().st_mtime_ns
    capsys.readouterr()
    assert main(["check", "--update", str(corpus)]) == 0
    assert "updated" not in capsys.readouterr().out
    assert golden.stat().st_mtime_ns == before


def test_update_does_not_excuse_a_failing_rule(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, GOLDEN + FAILING_RULE)
    assert main(["check", "--update", str(corpus)]) == 1
    assert (corpus / "talks" / "expected.json").is_file()


def test_update_writes_the_golden_report(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("compare.report", reason="the report library (compare.report) is not in this checkout")
    from compare.check import load_manifest, read_case
    from compare.pipeline import compare_documents
    from compare.report import render_report

    write_manifest(corpus, CASE + 'report = "talks/expected.md"\n')
    assert main(["check", "--update", str(corpus)]) == 0
    manifest = load_manifest(corpus)
    inputs = read_case(manifest, manifest.cases[0])
    expected = render_report(compare_documents(inputs.old, inputs.new))
    assert (corpus / "talks" / "expected.md").read_text(encoding="utf-8") == expected
    (corpus / "talks" / "expected.md").write_text(expected.replace("talks/old.txt", "talks/older.txt"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert "talks/expected.md differs from this run" in out and "\n    -" in out and "\n    +" in out


def test_json_format(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + FAILING_RULE)
    assert main(["check", "--format", "json", str(corpus)]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["passed"] is False and record["schema_version"] == 1
    assert [case["name"] for case in record["cases"]] == ["talks"] and record["cases"][0]["passed"]
    (rule,) = record["rules"]
    assert rule["line"] == 6 and rule["failures"][0]["line"] == 6
    assert rule["failures"][0]["details"][0].startswith("removed: old:2")


def test_github_format_annotates_the_manifest_line(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, GOLDEN + FAILING_RULE)
    main(["check", "--update", str(corpus)])
    capsys.readouterr()
    assert main(["check", "--format", "github", str(corpus)]) == 1
    first, summary = capsys.readouterr().out.splitlines()
    manifest = (corpus / "jointdiff.toml").as_posix().replace(":", "%3A").replace(",", "%2C")
    assert first.startswith(f"::error file={manifest},line=7,title=rule strait::in case 'talks': 1 of 1")
    assert "%0Aremoved: old:2" in first
    assert summary.startswith("1 case, 1 rule: 1 failed")


def test_junit_is_written_even_when_a_check_fails(corpus: Path, tmp_path: Path) -> None:
    write_manifest(corpus, CASE + FAILING_RULE)
    report = tmp_path / "junit.xml"
    assert main(["check", "--junit", str(report), str(corpus)]) == 1
    assert "<failure" in report.read_text(encoding="utf-8")


def test_an_unwritable_junit_file_exits_2(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE)
    assert main(["check", "--junit", str(tmp_path / "no" / "junit.xml"), str(corpus)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_progress_shows_on_a_terminal_only(corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE)
    assert main(["check", str(corpus)]) == 0
    assert capsys.readouterr().err == ""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["check", str(corpus)]) == 0
    assert "\rchecking: 1/1 cases" in terminal.getvalue()


def test_worker_processes_give_the_same_outcome_as_one_process(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = "".join(CASE.replace('"talks"', f'"talks {n}"') for n in range(PARALLEL_FROM))
    write_manifest(corpus, cases + FAILING_RULE)
    started = []
    real_pool = compare.check.runner.ProcessPoolExecutor

    def pool(*args: object, **kwargs: object) -> object:
        started.append(kwargs)
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(compare.check.runner, "ProcessPoolExecutor", pool)
    assert main(["check", "--format", "json", "--jobs", "1", str(corpus)]) == 1
    alone = json.loads(capsys.readouterr().out)
    assert started == []
    assert main(["check", "--format", "json", "--jobs", "2", str(corpus)]) == 1
    together = json.loads(capsys.readouterr().out)
    assert started == [{"max_workers": 2}]
    for record in (alone, together):
        for outcome in (*record["cases"], *record["rules"]):
            outcome["seconds"] = 0
        record["seconds"] = 0
    assert alone == together
    assert len(together["rules"][0]["failures"]) == PARALLEL_FROM


def test_a_bad_input_in_a_worker_exits_2(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = "".join(CASE.replace('"talks"', f'"talks {n}"') for n in range(PARALLEL_FROM))
    write_manifest(corpus, cases)
    (corpus / "talks" / "new.txt").write_bytes(b"\x00\x01binary")
    assert main(["check", "--jobs", "2", str(corpus)]) == 2
    assert "binary file" in capsys.readouterr().err


def test_a_report_golden_without_the_report_library_exits_2_before_any_work(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_manifest(corpus, CASE + 'report = "talks/expected.md"\n')
    monkeypatch.setitem(sys.modules, "compare.report", None)  # as if not installed
    assert main(["check", "--update", str(corpus)]) == 2
    assert "jointdiff.toml:5: [[case]] 'talks': report: this installation has no report library" in capsys.readouterr().err
    assert not (corpus / "talks" / "expected.md").exists()


def test_a_golden_path_that_is_a_folder_exits_2(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, GOLDEN)
    (corpus / "talks" / "expected.json").mkdir()
    assert main(["check", "--update", str(corpus)]) == 2
    assert "expect: 'talks/expected.json' is a directory" in capsys.readouterr().err


def test_check_honours_the_corrections_beside_a_case_and_fails_on_a_stale_one(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule = '\n[[rule]]\nname = "port"\nkind = "commitment"\nforbid = "removed"\n'
    pin = (
        '[[pin]]\nold = "We will fund the new port in Manila."\n'
        'new = "We call on China to respect freedom of navigation in the South China Sea."\n'
    )
    (corpus / "talks" / "new.corrections.toml").write_text(pin, encoding="utf-8")
    write_manifest(corpus, CASE + rule)
    assert main(["check", str(corpus)]) == 0  # pinned, the port clause is no longer removed
    capsys.readouterr()
    (corpus / "talks" / "new.corrections.toml").write_text(pin.replace("Manila", "Cebu"), encoding="utf-8")
    assert main(["check", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert "FAIL case 'talks'" in out and "correction 1 (pin) no longer applies" in out
