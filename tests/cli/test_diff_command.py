"""``jointdiff diff``: exit codes as ``git diff --exit-code``, formats, colour, standard input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from compare.cli import main
from tests.conftest import write_pair

OLD = "We reaffirm our commitment to peace.\n\nWe express concern about the launches.\n"
NEW = "We reaffirm our commitment to peace.\n\nWe strongly condemn the launches.\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    return write_pair(tmp_path, OLD, NEW)


def test_identical_documents_exit_0(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", pair[0], pair[0]]) == 0
    assert "2 unchanged" in capsys.readouterr().out


def test_different_documents_exit_1(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--no-color", *pair]) == 1
    out = capsys.readouterr().out
    assert "[-express concern about-] {+strongly condemn+}" in out
    assert "\u25b2 hardened: act: express concern -> condemn \u25b2; intensifier added: strongly \u25b2" in out
    assert out.rstrip().endswith("2 pairs: 1 unchanged, 1 reworded; 1 hardened, 0 softened, 0 routine")


def test_a_missing_file_exits_2_with_one_line_naming_it(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", pair[0], "nowhere.txt"]) == 2
    err = capsys.readouterr().err
    assert "nowhere.txt" in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_directory_exits_2(tmp_path: Path, pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path), pair[1]]) == 2
    assert str(tmp_path) in capsys.readouterr().err


def test_both_inputs_from_standard_input_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "-", "-"]) == 2
    assert "standard input" in capsys.readouterr().err


def test_missing_arguments_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff"]) == 2
    assert "OLD and NEW" in capsys.readouterr().err


def test_an_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--no-such-option"]) == 2


def test_dash_reads_standard_input(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NEW.encode("utf-8"))))
    assert main(["diff", "--format", "json", pair[0], "-"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["new"]["path"] == "-"
    assert record["summary"]["reworded"] == 1


def test_json_follows_the_contract(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    main(["diff", "--format", "json", *pair])
    out = capsys.readouterr().out
    record = json.loads(out)
    assert out.endswith("}\n") and record["schema_version"] == 1
    assert set(record) >= {"old", "new", "summary", "pairs"}
    for pair_record in record["pairs"]:
        assert pair_record["status"] in record["summary"]
        for clause in pair_record["old"] + pair_record["new"]:
            assert {"id", "paragraph", "sentence", "start", "end", "text"} <= set(clause)


def test_only_changes_leaves_unchanged_pairs_out(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    main(["diff", "--format", "json", "--only-changes", *pair])
    statuses = {p["status"] for p in json.loads(capsys.readouterr().out)["pairs"]}
    assert statuses == {"reworded"}


def test_no_color_environment_turns_colour_off_and_the_flag_beats_it(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    main(["diff", *pair])
    assert "\x1b[" not in capsys.readouterr().out
    main(["diff", "--color", *pair])
    assert "\x1b[" in capsys.readouterr().out


def test_escape_sequences_in_a_document_cannot_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("We note \x1b]0;pwned\x07 the \x1b[2J plan \u202e here.\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("We note the plan here.\n", encoding="utf-8")
    main(["diff", "--color", str(plain), str(hostile)])
    out = capsys.readouterr().out
    assert "\x1b]0" not in out and "\x1b[2J" not in out and "\x07" not in out and "\u202e" not in out


def test_the_bundled_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--example", "--no-color"]) == 1
    assert "pairs:" in capsys.readouterr().out


def test_the_console_script_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "compare", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "diff" in result.stdout


def test_a_user_lexicon_changes_how_clauses_are_classified(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = write_pair(tmp_path, "The Council noted the plan.\n", "The Council expressed its dismay at the plan.\n")
    lexicon = tmp_path / "dismay.toml"
    lexicon.write_text(
        "[[stance]]\nid = 'dismay'\nkind = 'concern'\nrung = 3\nrole = 'verb'\n"
        "patterns = ['express(?:es|ed)? (?:its )?dismay']\n",
        encoding="utf-8",
    )
    main(["diff", "--format", "json", old, new])
    assert json.loads(capsys.readouterr().out)["pairs"][0]["new"][0]["kind"] == "other"
    main(["diff", "--format", "json", "--lexicon", str(lexicon), old, new])
    assert json.loads(capsys.readouterr().out)["pairs"][0]["new"][0]["kind"] == "concern"


def test_a_user_profile_marks_its_genre_s_routine_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = write_pair(
        tmp_path,
        "The Arctic Council met on Tuesday in Tromso to review the work plan.\n",
        "The Arctic Council met on Wednesday in Tromso to review the work plan.\n",
    )
    profile = tmp_path / "arctic.toml"
    profile.write_text(
        "name = 'arctic'\npriority = 50\ncues = ['Arctic Council']\n"
        "[[mask]]\nname = 'weekday'\npattern = '(?:Mon|Tues|Wednes|Thurs|Fri)day'\nreplacement = '<day>'\n",
        encoding="utf-8",
    )
    main(["diff", "--format", "json", old, new])
    assert json.loads(capsys.readouterr().out)["pairs"][0]["routine"] is False
    main(["diff", "--format", "json", "--profile", str(profile), old, new])
    record = json.loads(capsys.readouterr().out)
    assert record["pairs"][0]["routine"] is True and record["options"]["profile"] == "arctic"


def test_a_broken_profile_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = write_pair(tmp_path, "A plan.\n", "A new plan.\n")
    profile = tmp_path / "bad.toml"
    profile.write_text("name = 'x'\nsurprise = 1\n", encoding="utf-8")
    assert main(["diff", "--profile", str(profile), old, new]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and len(err.strip().splitlines()) == 1
