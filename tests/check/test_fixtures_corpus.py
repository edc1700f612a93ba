"""The project's own fixtures are a check corpus: ``jointdiff check fixtures/`` passes, and what
it checks against is byte for byte what the golden tests make with ``diff`` and ``report``."""

from __future__ import annotations

import pytest

from compare.check import Case, evaluate_case, load_manifest, read_case
from compare.cli import cli, main
from tests.conftest import FIXTURES

MANIFEST = load_manifest(FIXTURES)


def test_the_fixtures_manifest_covers_every_fixture_case() -> None:
    folders = sorted(path.name for path in FIXTURES.iterdir() if (path / "old.txt").is_file())
    assert sorted(case.name for case in MANIFEST.cases) == folders
    assert all(case.expect for case in MANIFEST.cases)


def test_check_fixtures_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FIXTURES)]) == 0, capsys.readouterr().out
    assert "all passed" in capsys.readouterr().out


@pytest.mark.parametrize("case", MANIFEST.cases, ids=[case.name for case in MANIFEST.cases])
def test_the_golden_json_is_what_jointdiff_diff_prints_from_the_corpus_folder(
    case: Case, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made = dict(evaluate_case(case, read_case(MANIFEST, case)).made)
    monkeypatch.chdir(FIXTURES)
    main(["diff", "--format", "json", case.old, case.new])
    assert made[case.expect] == capsys.readouterr().out


@pytest.mark.parametrize("case", MANIFEST.cases, ids=[case.name for case in MANIFEST.cases])
def test_the_golden_report_is_what_jointdiff_report_prints_from_the_corpus_folder(
    case: Case, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    command = pytest.importorskip("compare.report.command", reason="the report library is not in this checkout")
    if not case.report:
        pytest.skip(f"case {case.name!r} has no report golden yet")
    made = dict(evaluate_case(case, read_case(MANIFEST, case)).made)
    monkeypatch.setitem(cli.commands, "report", command.report)
    monkeypatch.chdir(FIXTURES)
    main(["report", case.old, case.new])
    assert made[case.report] == capsys.readouterr().out
