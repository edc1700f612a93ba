"""Helpers for the hostile-input tests: run jointdiff in a subprocess that cannot hang CI.

Every case that once hung, took minutes or crashed runs as ``python -m compare ...`` (or a short
Python snippet) from this checkout with a timeout: should the bug come back, the test fails with
``TimeoutExpired`` instead of stalling the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "jointdiff: error: "


def jointdiff(
    *args: str | os.PathLike[str],
    timeout: float = 60,
    env: dict[str, str] | None = None,
    stdin: IO[Any] | int | None = subprocess.DEVNULL,
    stdout: IO[Any] | int | None = subprocess.PIPE,
) -> subprocess.CompletedProcess[str]:
    """``python -m compare ARGS`` run from this checkout, text captured, within ``timeout``."""
    return subprocess.run(
        [sys.executable, "-m", "compare", *map(str, args)],
        cwd=ROOT,
        env=environment(env),
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )


def python(code: str, *, timeout: float = 60, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A Python snippet run in a fresh interpreter that imports this checkout's ``compare``."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment, with this checkout first on the import path."""
    return {**os.environ, "PYTHONPATH": str(ROOT), **(extra or {})}


def one_error_line(stderr: str) -> str:
    """The one line of an error on standard error, checked: exactly one line, jointdiff's
    prefix, and nothing that a terminal would act on."""
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {stderr[:2000]!r}"
    line = lines[0]
    assert line.startswith(PREFIX), line
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in line), repr(line)
    assert not any(char in line for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b"), repr(line)
    assert "Traceback" not in stderr
    return line
