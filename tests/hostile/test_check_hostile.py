"""Defects 1, 4, 10 and 11, on ``jointdiff check``: a manifest from a pull request is hostile.

Rule patterns run with a real time budget; golden files are never written through a hard link
nor into hidden folders such as ``.git/``; bad arguments are one line; ``--jobs`` is capped.
"""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

import pytest

from compare.check import RULE_SECONDS, Case, Manifest, compile_pattern, load_manifest, search
from compare.check.runner import _write_golden
from compare.cli import main
from compare.errors import FixtureError
from tests.conftest import CORPUS
from tests.hostile.conftest import jointdiff, one_error_line

CASE = """[[case]]
name = "talks"
old = "old.txt"
new = "new.txt"
"""
STATEMENT = "We strongly condemn the ballistic missile launches.\n\nWe welcome the summit.\n"


def _corpus(folder: Path, manifest: str, old: str = STATEMENT, new: str = STATEMENT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "old.txt").write_text(old, encoding="utf-8")
    (folder / "new.txt").write_text(new, encoding="utf-8")
    (folder / "jointdiff.toml").write_text(manifest, encoding="utf-8")
    return folder


def _rule(pattern: str) -> str:
    return f"\n[[rule]]\nname = \"slow\"\nrequire = '{pattern}'\n"


# Defect 1: patterns ------------------------------------------------------------------------


def test_two_wildcards_on_a_12_kb_input_take_seconds_not_minutes(tmp_path: Path) -> None:
    # 84 s with Python's re: each start position of each 2000-character clause is tried.
    words = "the ministers reaffirmed their commitment to peace and stability in the region".split()
    text = " ".join(words[index % len(words)] for index in range(2200))[:12_000] + "\n"
    folder = _corpus(tmp_path / "corpus", CASE + _rule(".*.*zzz"), old=text, new=text)
    result = jointdiff("check", folder, timeout=60)
    assert result.returncode == 1  # the rule fails: nothing matches zzz
    assert "no clause of the new text matches /.*.*zzz/" in result.stdout


def test_two_wildcards_on_the_g7_pair_take_seconds_not_half_a_minute(tmp_path: Path) -> None:
    series = CORPUS / "g7-leaders-communique"
    if not series.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it lives beside the checkout)")
    old = (series / "2023-05-20_g7-hiroshima-communique.md").read_text(encoding="utf-8")
    new = (series / "2024-06-14_g7-apulia-communique.md").read_text(encoding="utf-8")
    folder = _corpus(tmp_path / "corpus", CASE + _rule(".*.*zzz"), old=old, new=new)
    result = jointdiff("check", folder, timeout=60)
    assert result.returncode == 1


def test_a_pattern_that_would_take_minutes_is_stopped_by_its_time_budget(tmp_path: Path) -> None:
    # Passes the static bound, but on clauses of 2000 'a's each search takes about 0.3 s on
    # either engine, and this case has 30 of them: minutes over a corpus, stopped after 2 s.
    text = "\n\n".join("a " * 999 + "b." for _ in range(30)) + "\n"
    compile_pattern("a.*a.*x")
    folder = _corpus(tmp_path / "corpus", CASE + _rule("a.*a.*x"), old=text, new=text)
    started = time.monotonic()
    result = jointdiff("check", folder, timeout=60, env={"JOINTDIFF_MAX_CLAUSES": "100000"})
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert f"jointdiff.toml:6: [[rule]] 'slow': its pattern took longer than {RULE_SECONDS:g} s on case 'talks'" in line
    assert time.monotonic() - started < 30


def test_a_search_past_its_deadline_raises_timeout() -> None:
    pattern = compile_pattern("peace")
    assert search(pattern, "peace and stability", math.inf)
    with pytest.raises(TimeoutError):
        search(pattern, "peace and stability", time.monotonic() - 1)


def test_a_long_search_is_interrupted_at_its_deadline() -> None:
    pattern = compile_pattern("a.*a.*x")
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        search(pattern, "a" * 20_000, time.monotonic() + 0.2)  # minutes to finish
    assert time.monotonic() - started < 5


# Defect 4: golden files --------------------------------------------------------------------


def test_a_golden_file_hard_linked_to_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", CASE + 'expect = "expected.json"\n')
    os.link(folder / "old.txt", folder / "expected.json")
    result = jointdiff("check", "--update", folder)
    assert result.returncode == 2
    assert "'expected.json' is an input of case 'talks' under another name (a hard link)" in one_error_line(result.stderr)
    assert (folder / "old.txt").read_text(encoding="utf-8") == STATEMENT


def test_a_golden_file_hard_linked_to_the_manifest_is_refused(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", CASE + 'report = "expected.md"\n')
    os.link(folder / "jointdiff.toml", folder / "expected.md")
    with pytest.raises(FixtureError, match="is the manifest under another name"):
        load_manifest(folder, creating_goldens=True)


@pytest.mark.parametrize(
    "golden", [".git/config", ".git/hooks/pre-commit", ".github/workflows/ci.json", ".expected.json", "a/.hidden/b.json"]
)
def test_golden_files_are_never_written_into_hidden_files_or_folders(tmp_path: Path, golden: str) -> None:
    folder = _corpus(tmp_path / "corpus", CASE + f'expect = "{golden}"\n')
    (folder / golden).parent.mkdir(parents=True, exist_ok=True)
    (folder / golden).write_text("[core]\n", encoding="utf-8")
    result = jointdiff("check", "--update", folder)
    assert result.returncode == 2
    assert "golden files are never written to hidden files or folders" in one_error_line(result.stderr)
    assert (folder / golden).read_text(encoding="utf-8") == "[core]\n"


def test_a_golden_file_linked_into_git_is_refused(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", CASE + 'expect = "expected.json"\n')
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (folder / "expected.json").symlink_to(folder / ".git" / "config")
    result = jointdiff("check", "--update", folder)
    assert result.returncode == 2
    assert "('.git' starts with a dot)" in one_error_line(result.stderr)


def test_writing_a_golden_file_replaces_it_rather_than_writing_through_a_link(tmp_path: Path) -> None:
    # A hard link made after the manifest was checked still cannot carry the write to an input.
    folder = _corpus(tmp_path / "corpus", CASE)
    os.link(folder / "old.txt", folder / "expected.json")
    manifest = Manifest(folder / "jointdiff.toml", folder.resolve(), (Case("talks", "old.txt", "new.txt"),))
    assert _write_golden(manifest, manifest.cases[0], "expected.json", "{}\n")
    assert (folder / "expected.json").read_text(encoding="utf-8") == "{}\n"
    assert (folder / "old.txt").read_text(encoding="utf-8") == STATEMENT
    assert not list(folder.glob(".expected.json.*"))  # no temporary file left behind


def test_update_still_writes_ordinary_golden_files(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", CASE + 'expect = "goldens/talks.json"\n')
    (folder / "goldens").mkdir()
    assert main(["check", "--update", str(folder)]) == 0
    assert '"schema_version": 1' in (folder / "goldens" / "talks.json").read_text(encoding="utf-8")
    assert main(["check", str(folder)]) == 0


# Defects 10 and 11: arguments --------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--jobs", "0"], "--jobs must be at least 1, not 0"),
        (["--jobs", "-1"], "--jobs must be at least 1, not -1"),
        (["--jobs", "many"], "invalid value for '-j' / '--jobs'"),
        (["--junit", "{tmp}"], "is a directory (--junit takes a file)"),
    ],
)
def test_bad_check_arguments_are_one_line(tmp_path: Path, arguments: list[str], said: str) -> None:
    folder = _corpus(tmp_path / "corpus", CASE)
    result = jointdiff("check", *(argument.replace("{tmp}", str(tmp_path)) for argument in arguments), folder)
    assert result.returncode == 2
    assert said in one_error_line(result.stderr)


def test_check_on_a_file_is_one_line(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", CASE)
    result = jointdiff("check", folder / "jointdiff.toml")
    assert result.returncode == 2
    assert one_error_line(result.stderr).endswith("jointdiff.toml': not a directory")


def test_jobs_are_capped_at_the_cpu_count_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import compare.check

    asked: list[int] = []
    real_run_check = compare.check.run_check

    def spy(manifest: Manifest, **options: object) -> object:
        asked.append(int(options["jobs"]))  # type: ignore[call-overload]
        return real_run_check(manifest, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(compare.check, "run_check", spy)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    folder = _corpus(tmp_path / "corpus", CASE)
    assert main(["check", "--jobs", "1000", str(folder)]) == 0
    assert asked == [2]
    assert capsys.readouterr().err == "jointdiff: note: --jobs 1000 lowered to 2, the number of CPUs\n"
    assert main(["check", "--jobs", "2", str(folder)]) == 0
    assert asked == [2, 2]
    assert capsys.readouterr().err == ""


def test_a_manifest_nested_500_deep_is_one_line(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", CASE + "deep = " + "[" * 500 + "]" * 500 + "\n")
    result = jointdiff("check", folder)
    assert result.returncode == 2
    assert one_error_line(result.stderr).endswith("jointdiff.toml' is not valid TOML (nested too deeply)")
