"""Defects 3 and 9: no limit on input size, and FIFOs that block for ever.

Reading stops at the input limit (50 MB, ``JOINTDIFF_MAX_INPUT_MB``) from files, standard input
and pipes; devices and sockets are refused; a named pipe is read while data keeps coming and
given up on when it stays silent; a document with more clauses than the clause limit
(``JOINTDIFF_MAX_CLAUSES``) is refused before it is aligned. Each ends in one error line.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from compare.errors import InputError, UsageError
from compare.limits import PIPE_IDLE_SECONDS, Unreadable, max_clauses, max_input_bytes, read_limited
from compare.read import read
from tests.hostile.conftest import ROOT, jointdiff, one_error_line, python

FIXTURE = ROOT / "fixtures" / "two-plus-two"
OLD, NEW = FIXTURE / "old.txt", FIXTURE / "new.txt"


def test_dev_zero_as_an_input_is_refused_at_once() -> None:
    result = jointdiff("diff", "/dev/zero", NEW, timeout=30)
    assert result.returncode == 2
    assert one_error_line(result.stderr) == "jointdiff: error: cannot read '/dev/zero': not a regular file (a character device)"


def test_endless_standard_input_stops_at_the_limit() -> None:
    with open("/dev/zero", "rb") as zeros:
        result = jointdiff("diff", "-", NEW, stdin=zeros, timeout=30, env={"JOINTDIFF_MAX_INPUT_MB": "2"})
    assert result.returncode == 2
    assert one_error_line(result.stderr) == (
        "jointdiff: error: cannot read '-': larger than 2 MB (set JOINTDIFF_MAX_INPUT_MB to raise the limit)"
    )


def test_a_file_over_the_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as stream:  # sparse: 6 GB that take no room on disk
        stream.truncate(6_000_000_000)
    result = jointdiff("diff", huge, NEW, timeout=30)
    assert result.returncode == 2
    assert one_error_line(result.stderr).endswith("huge.txt': larger than 50 MB (set JOINTDIFF_MAX_INPUT_MB to raise the limit)")


def test_the_input_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("The Ministers met. " * 200, encoding="utf-8")
    monkeypatch.setenv("JOINTDIFF_MAX_INPUT_MB", "0.001")
    assert max_input_bytes() == 1000
    with pytest.raises(InputError, match="larger than 1000 bytes"):
        read(path)
    monkeypatch.setenv("JOINTDIFF_MAX_INPUT_MB", "1")
    assert read(path).text
    monkeypatch.setenv("JOINTDIFF_MAX_INPUT_MB", "lots")
    with pytest.raises(UsageError, match="JOINTDIFF_MAX_INPUT_MB must be a positive number"):
        read(path)


def test_two_20_mb_files_end_in_one_line_not_a_memory_error(tmp_path: Path) -> None:
    paragraph = "The Ministers reaffirmed their commitment to a free and open Indo-Pacific region. " * 10
    for name in ("old.md", "new.md"):
        (tmp_path / name).write_text((paragraph + "\n\n") * 24_000, encoding="utf-8")  # 20 MB
    started = time.monotonic()
    result = jointdiff("diff", tmp_path / "old.md", tmp_path / "new.md", timeout=60)
    assert result.returncode == 2
    assert "too long: over 4000000 characters of text" in one_error_line(result.stderr)
    assert time.monotonic() - started < 30


def test_two_2_mb_files_are_refused_by_the_clause_limit_in_seconds(tmp_path: Path) -> None:
    # 112 s and 3.5 GB before: aligning 11,000 clauses with 11,000.
    for name, verb in (("old.txt", "noted"), ("new.txt", "welcomed")):
        sentences = (f"The Ministers {verb} item {number} of the plan. " for number in range(45_000))
        (tmp_path / name).write_text("".join(sentences), encoding="utf-8")
    result = jointdiff("diff", tmp_path / "old.txt", tmp_path / "new.txt", timeout=60)
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert "old.txt': too long: 45000 clauses, the limit is 2000 (set JOINTDIFF_MAX_CLAUSES to raise it)" in line


def test_the_clause_limit_is_configurable() -> None:
    assert max_clauses() == 2000
    result = jointdiff("clauses", OLD, env={"JOINTDIFF_MAX_CLAUSES": "10"})
    assert result.returncode == 2
    assert "too long" in one_error_line(result.stderr) and "the limit is 10" in result.stderr
    assert jointdiff("clauses", OLD).returncode == 0


# Pipes ---------------------------------------------------------------------------------------

WITH_SHORT_PIPE_PATIENCE = """
import sys
import compare.limits
compare.limits.PIPE_IDLE_SECONDS = 0.5
from compare.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _main_with_short_patience(*args: str | Path) -> tuple[int, str]:
    code = WITH_SHORT_PIPE_PATIENCE.replace("sys.argv[1:]", repr([str(arg) for arg in args]))
    result = python(code, timeout=30)
    return result.returncode, result.stderr


def test_a_fifo_nobody_writes_to_is_given_up_on(tmp_path: Path) -> None:
    fifo = tmp_path / "statement.txt"
    os.mkfifo(fifo)
    status, stderr = _main_with_short_patience("diff", fifo, NEW)
    assert status == 2
    assert one_error_line(stderr).endswith("statement.txt': a named pipe that sent nothing for 0.5 s")


def test_a_silent_pipe_is_given_up_on_after_the_idle_time(tmp_path: Path) -> None:
    assert PIPE_IDLE_SECONDS == 5  # the default, which the README states
    fifo = tmp_path / "silent"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def attempt() -> None:
        try:
            read_limited(fifo, 1000, pipes=True, idle_seconds=1.0)
        except BaseException as err:
            outcome.append(err)

    # In a thread, so that a read that blocks for ever fails this test instead of hanging it.
    reader = threading.Thread(target=attempt, daemon=True)
    started = time.monotonic()
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "reading a FIFO with no writer blocked"
    assert 0.9 < time.monotonic() - started < 10
    (raised,) = outcome
    assert isinstance(raised, Unreadable) and raised.reason == "a named pipe that sent nothing for 1 s"


def test_a_fifo_with_a_writer_is_read_like_a_file(tmp_path: Path) -> None:
    # What a shell's process substitution gives: jointdiff diff <(git show HEAD:old.txt) new.txt
    fifo = tmp_path / "old.txt"
    os.mkfifo(fifo)

    def write_slowly() -> None:
        with open(fifo, "wb") as stream:
            time.sleep(0.2)
            stream.write(OLD.read_bytes())

    writer = threading.Thread(target=write_slowly)
    writer.start()
    try:
        document = read(fifo)
    finally:
        writer.join(timeout=10)
    assert document.text == read(OLD).text


def test_a_fifo_that_sends_too_much_is_cut_at_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)
    stop = threading.Event()

    def flood() -> None:
        try:
            with open(fifo, "wb") as stream:
                while not stop.is_set():
                    stream.write(b"x" * 65536)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=flood, daemon=True)
    writer.start()
    try:
        with pytest.raises(Unreadable, match="larger than 1 MB"):
            read_limited(fifo, 1_000_000, pipes=True)
    finally:
        stop.set()


@pytest.mark.parametrize("option", ["--lexicon", "--profile"])
def test_a_fifo_as_lexicon_or_profile_is_refused_at_once(tmp_path: Path, option: str) -> None:
    fifo = tmp_path / "words.toml"
    os.mkfifo(fifo)
    result = jointdiff("diff", option, fifo, OLD, NEW, timeout=30)
    assert result.returncode == 2
    what = option.strip("-")
    assert one_error_line(result.stderr).endswith(f"cannot read {what} '{fifo}': not a regular file (a named pipe)")


def test_a_fifo_as_manifest_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "jointdiff.toml")
    result = jointdiff("check", tmp_path, timeout=30)
    assert result.returncode == 2
    assert "not a regular file (a named pipe)" in one_error_line(result.stderr)


def test_a_manifest_linked_to_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    (tmp_path / "jointdiff.toml").symlink_to("/dev/zero")
    result = jointdiff("check", tmp_path, timeout=30)
    assert result.returncode == 2
    assert "not a regular file (a character device)" in one_error_line(result.stderr)


def test_a_lexicon_linked_to_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    (tmp_path / "lexicon.toml").symlink_to("/dev/zero")
    result = jointdiff("clauses", "--lexicon", tmp_path / "lexicon.toml", OLD, timeout=30)
    assert result.returncode == 2
    assert "not a regular file (a character device)" in one_error_line(result.stderr)
