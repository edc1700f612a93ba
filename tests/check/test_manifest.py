"""Manifest validation: every problem is an error naming the manifest line and the field, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.check import load_manifest
from compare.cli import main
from compare.errors import FixtureError
from tests.check.conftest import CASE, write_manifest


def _error(folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run the check, assert exit 2 and one line on stderr without a traceback, and return it."""
    assert main(["check", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    assert len(captured.err.strip().splitlines()) == 1, captured.err
    return captured.err


def test_a_valid_manifest_loads_with_lines_for_each_case_and_rule(corpus: Path) -> None:
    text = CASE + '\n[[rule]]\nname = "kept"\ntarget = ["Taiwan Strait", "China"]\nforbid = "removed"\n'
    manifest = load_manifest(write_manifest(corpus, text))
    (case,), (rule,) = manifest.cases, manifest.rules
    assert (case.name, case.old, case.line, case.line_of("new")) == ("talks", "talks/old.txt", 1, 4)
    assert (rule.line, rule.targets, rule.forbid) == (6, ("Taiwan Strait", "China"), ("removed",))
    assert manifest.root == corpus.resolve()


def test_an_unknown_key_names_its_line_and_field(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + 'expected = "talks/new.json"\n')
    err = _error(corpus, capsys)
    assert "jointdiff.toml:5:" in err and "[[case]] 'talks': expected: unknown key" in err


def test_an_unknown_rule_key_names_its_line(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + '\n[[rule]]\nname = "r"\nforbid = "removed"\nstatus = "added"\n')
    assert "jointdiff.toml:9: [[rule]] 'r': status: unknown key" in _error(corpus, capsys)


def test_an_unknown_table_is_an_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + "\n[settings]\njobs = 2\n")
    assert "jointdiff.toml:6: unknown table or key 'settings'" in _error(corpus, capsys)


@pytest.mark.parametrize(
    ("line", "field", "problem"),
    [
        ("name = 3", "name", "must be a string, not an integer"),
        ('name = ""', "name", "must not be empty"),
        ('old = ["talks/old.txt"]', "old", "must be a string, not a list holding other things"),
        ("new = { path = 'talks/new.txt' }", "new", "must be a string, not a table"),
        ("expect = true", "expect", "must be a string, not a boolean"),
    ],
)
def test_a_case_field_of_the_wrong_type_is_named(
    corpus: Path, capsys: pytest.CaptureFixture[str], line: str, field: str, problem: str
) -> None:
    key = line.split(" =")[0]
    body = "\n".join(row for row in CASE.splitlines() if not row.startswith(f"{key} ="))
    text = f"{body}\n{line}\n"
    write_manifest(corpus, text)
    err = _error(corpus, capsys)
    assert f": {field}: {problem}" in err
    assert f"jointdiff.toml:{text.splitlines().index(line) + 1}:" in err


@pytest.mark.parametrize(
    ("line", "field", "problem"),
    [
        ("target = 7", "target", "must be a string or a list of strings, not an integer"),
        ("forbid = [1, 2]", "forbid", "must be a string or a list of strings, not a list holding other things"),
        ('forbid = ["deleted"]', "forbid", "'deleted' is not one of unchanged, reworded"),
        ('kind = "threat"', "kind", "'threat' is not one of commitment, concern"),
        ('cases = ["nowhere"]', "cases", "no case is named 'nowhere'"),
        ("cases = []", "cases", "must not be empty"),
        ("text = { pattern = 'x' }", "text", "must be a string, not a table"),
    ],
)
def test_a_rule_field_of_the_wrong_type_or_value_is_named(
    corpus: Path, capsys: pytest.CaptureFixture[str], line: str, field: str, problem: str
) -> None:
    forbid = "" if line.startswith("forbid") else 'forbid = "removed"\n'
    write_manifest(corpus, f'{CASE}\n[[rule]]\nname = "r"\n{forbid}{line}\n')
    err = _error(corpus, capsys)
    assert f"[[rule]] 'r': {field}: {problem}" in err


def test_a_rule_needs_forbid_or_require_but_not_both(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, f'{CASE}\n[[rule]]\nname = "r"\ntarget = "China"\n')
    assert "jointdiff.toml:6: [[rule]] 'r': give forbid or require" in _error(corpus, capsys)
    write_manifest(corpus, f'{CASE}\n[[rule]]\nname = "r"\nforbid = "removed"\nrequire = "peace"\n')
    assert "not both" in _error(corpus, capsys)


def test_a_missing_input_names_the_line_and_field(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE.replace("talks/new.txt", "talks/newer.txt"))
    assert "jointdiff.toml:4: [[case]] 'talks': new: no such file 'talks/newer.txt'" in _error(corpus, capsys)


def test_a_missing_golden_file_is_an_error_that_points_to_update(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + 'expect = "talks/expected.json"\n')
    err = _error(corpus, capsys)
    assert "jointdiff.toml:5:" in err and "expect: no such file 'talks/expected.json'" in err and "--update" in err


def test_a_directory_as_input_is_an_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE.replace('"talks/old.txt"', '"talks"'))
    assert "old: 'talks' is a directory" in _error(corpus, capsys)


def test_a_case_name_used_twice_is_an_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + "\n" + CASE)
    assert "jointdiff.toml:7: [[case]] 'talks': name: used twice (also on line 1)" in _error(corpus, capsys)


def test_a_case_without_a_name_is_an_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE.replace('name = "talks"\n', ""))
    assert "jointdiff.toml:1: [[case]] #1: name: missing" in _error(corpus, capsys)


def test_malformed_toml_is_an_error_with_its_line(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + 'report = "unclosed\n')
    err = _error(corpus, capsys)
    assert "is not valid TOML" in err and "line 5" in err


def test_a_case_written_as_a_single_table_is_an_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE.replace("[[case]]", "[case]"))
    assert "case: write [[case]] tables" in _error(corpus, capsys)


def test_a_manifest_without_cases_is_an_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, "# nothing yet\n")
    assert "no [[case]]" in _error(corpus, capsys)


def test_a_folder_without_a_manifest_is_an_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "no jointdiff.toml" in _error(corpus, capsys)


def test_a_manifest_that_is_not_utf8_is_an_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "jointdiff.toml").write_bytes(CASE.encode() + b'# caf\xe9\n')
    assert "is not UTF-8" in _error(corpus, capsys)


def test_a_huge_manifest_is_refused_unread(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + "#" * 1_000_001 + "\n")
    assert "too large" in _error(corpus, capsys)


def test_a_golden_file_may_not_be_an_input_or_the_manifest(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE + 'expect = "talks/old.txt"\n')
    assert "expect: 'talks/old.txt' is an input of case 'talks'" in _error(corpus, capsys)
    write_manifest(corpus, CASE + 'report = "jointdiff.toml"\n')
    assert "report: 'jointdiff.toml' is the manifest" in _error(corpus, capsys)
    write_manifest(corpus, CASE + 'expect = "talks/x.json"\nreport = "talks/x.json"\n')
    assert main(["check", "--update", str(corpus)]) == 2
    assert "is the expect file of case 'talks'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("x" * 501, "pattern is 501 characters long (at most 500)"),
        ("(a+)+$", "could take too long to match"),
        ("(?:.*)*x", "could take too long to match"),
        (".*.*.*x", "could take too long to match"),
        ("(\\\\w+) \\\\1", "could take too long to match"),
        ("condemn(", "pattern does not compile (missing ), unterminated subpattern"),
    ],
)
def test_a_hostile_or_broken_pattern_is_refused_before_anything_runs(
    corpus: Path, capsys: pytest.CaptureFixture[str], value: str, problem: str
) -> None:
    write_manifest(corpus, f'{CASE}\n[[rule]]\nname = "r"\nrequire = "{value}"\n')
    err = _error(corpus, capsys)
    assert "jointdiff.toml:8: [[rule]] 'r': require:" in err and problem in err


def test_names_are_data_never_commands(corpus: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    name = f"$(touch {marker}) `touch {marker}` __import__('os').system('touch {marker}')"
    write_manifest(corpus, CASE.replace('"talks"', repr(name)) + '\n[[rule]]\nname = "{0}"\nforbid = "added"\ntext = "{{x}}"\n')
    assert main(["check", str(corpus), "--format", "github"]) == 1
    assert not marker.exists()
    assert "title=rule {0}::" in capsys.readouterr().out


@pytest.mark.parametrize("character", ["\x1b", "\u202e", "\x00"])
def test_control_and_bidi_characters_in_names_are_refused(
    corpus: Path, capsys: pytest.CaptureFixture[str], character: str
) -> None:
    write_manifest(corpus, CASE.replace('name = "talks"', f'name = "ta\\u{ord(character):04x}lks"'))
    assert "name: must not hold control or bidi characters" in _error(corpus, capsys)


def test_load_manifest_raises_fixture_error(corpus: Path) -> None:
    write_manifest(corpus, CASE + "extra = 1\n")
    with pytest.raises(FixtureError, match=r"jointdiff\.toml:5: \[\[case\]\] 'talks': extra: unknown key"):
        load_manifest(corpus)
