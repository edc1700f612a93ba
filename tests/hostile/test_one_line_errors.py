"""Defects 5, 6 and 10: every failure is one ``jointdiff: error:`` line, exit 2, no traceback,
and a file name cannot drive the terminal or break that line."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from compare.cli import main
from tests.hostile.conftest import ROOT, environment, jointdiff, one_error_line

FIXTURE = ROOT / "fixtures" / "two-plus-two"
OLD, NEW = FIXTURE / "old.txt", FIXTURE / "new.txt"
COMMANDS = {
    "diff": ["diff", str(OLD), str(NEW)],
    "clauses": ["clauses", str(OLD)],
    "check": ["check", str(ROOT / "fixtures")],
}


# Defect 5: standard output full or closed, TOML nested too deeply ---------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_on_standard_output_is_one_line(command: str) -> None:
    with open("/dev/full", "w") as full:
        result = jointdiff(*COMMANDS[command], stdout=full)
    assert result.returncode == 2
    assert one_error_line(result.stderr) == "jointdiff: error: cannot write the output: no space left on device"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_closed_standard_output_is_one_line(command: str) -> None:
    arguments = " ".join(f"'{argument}'" for argument in COMMANDS[command])
    result = subprocess.run(
        ["sh", "-c", f"exec python -m compare {arguments} >&-"],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert one_error_line(result.stderr) == "jointdiff: error: cannot write the output: standard output is closed"


@pytest.mark.parametrize("option", ["--lexicon", "--profile"])
def test_a_lexicon_or_profile_nested_500_deep_is_one_line(tmp_path: Path, option: str) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    result = jointdiff("diff", option, deep, OLD, NEW)
    assert result.returncode == 2
    what = option.strip("-")
    assert one_error_line(result.stderr).endswith(f"bad {what} '{deep}': not valid TOML (nested too deeply)")


def test_a_profile_nested_too_deeply_is_refused_by_the_loader_too(tmp_path: Path) -> None:
    from compare.errors import UsageError
    from compare.routine import load_profiles

    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "{b = " * 500 + "1" + "}" * 500 + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match="nested too deeply"):
        load_profiles((deep,))


# Defect 6: file names reach the terminal made printable ------------------------------------

HOSTILE_NAMES = {
    "csi": "x\x1b[2J\x1b[31mred.txt",
    "osc": "x\x1b]0;owned\x07.txt",
    "osc-52-clipboard": "x\x1b]52;c;cm0gLXJmIH4K\x07.txt",
    "c1-csi": "x\u009b2J.txt",
    "bidi-override": "x\u202etxt.exe",
    "newline": "x\njointdiff: error: forged.txt",
    "zero-width": "x\u200b.txt",
}


@pytest.mark.parametrize("kind", HOSTILE_NAMES)
def test_a_missing_file_with_a_hostile_name_is_one_printable_line(tmp_path: Path, kind: str) -> None:
    result = jointdiff("diff", tmp_path / HOSTILE_NAMES[kind], NEW)
    assert result.returncode == 2
    assert one_error_line(result.stderr).endswith("': no such file")


@pytest.mark.parametrize("kind", HOSTILE_NAMES)
def test_a_warning_about_a_file_with_a_hostile_name_is_one_printable_line(tmp_path: Path, kind: str) -> None:
    path = tmp_path / HOSTILE_NAMES[kind]
    path.write_bytes("The Minist\u00e8res r\u00e9affirment leur engagement envers la paix.\n".encode("cp1252"))
    result = jointdiff("clauses", path)
    assert result.returncode == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith("jointdiff: warning: '") and line.endswith("': decoded as cp1252 (not UTF-8)")
    assert line.isprintable()


def test_the_escape_shows_as_a_visible_sign(tmp_path: Path) -> None:
    result = jointdiff("diff", tmp_path / "x\x1b]52;c;aGk=\x07\u202e.txt", NEW)
    assert "x␛]52;c;aGk=␇<U+202E>.txt': no such file" in result.stderr


def test_a_hostile_corpus_folder_name_is_printable_in_check_output(tmp_path: Path) -> None:
    folder = tmp_path / "corpus\x1b[2J"
    folder.mkdir()
    (folder / "old.txt").write_text("We welcome the summit.\n", encoding="utf-8")
    (folder / "new.txt").write_text("We welcome the plan.\n", encoding="utf-8")
    (folder / "expected.json").write_text("{}\n", encoding="utf-8")
    (folder / "jointdiff.toml").write_text(
        '[[case]]\nname = "a"\nold = "old.txt"\nnew = "new.txt"\nexpect = "expected.json"\n', encoding="utf-8"
    )
    result = jointdiff("check", folder)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "corpus␛[2J" in result.stdout


# Defect 10: click's usage text ------------------------------------------------------------


def test_an_unreadable_input_is_one_line_not_click_usage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Simulated: tests may run as root, for whom chmod 000 denies nothing.
    locked = tmp_path / "locked.txt"
    locked.write_text("The Ministers met.\n", encoding="utf-8")
    locked.chmod(0)
    real_open = os.open

    def refuse(path: str, flags: int, *args: int) -> int:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # what click would ask
    assert main(["diff", str(locked), str(NEW)]) == 2
    assert one_error_line(capsys.readouterr().err) == f"jointdiff: error: cannot read '{locked}': permission denied"


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["diff", "--no-colr"], "no such option '--no-colr'; (Did you mean one of: '--color', '--no-color', '--no-corrections'?) (see 'jointdiff diff --help')"),
        (["review", "--no-such-option"], "no such option '--no-such-option'"),
        (["diff", "--threshold", "200", "a", "b"], "invalid value for '--threshold'"),
        (["clauses"], "missing argument 'FILE' (see 'jointdiff clauses --help')"),
        (["no-such-command"], "no such command 'no-such-command'"),
    ],
)
def test_click_usage_errors_are_one_line(arguments: list[str], said: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(arguments) == 2
    assert said in one_error_line(capsys.readouterr().err)


def test_a_directory_as_a_lexicon_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", "--lexicon", str(ROOT), str(OLD)]) == 2
    assert one_error_line(capsys.readouterr().err).endswith(f"cannot read lexicon '{ROOT}': is a directory")
