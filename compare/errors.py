"""Errors a user can cause, and the exit codes the command line turns them into.

The library raises these; only ``cli.main`` prints them (one line, never a traceback) and exits.
"""

from __future__ import annotations

from enum import IntEnum
from typing import ClassVar

__all__ = ["CompareError", "ExitCode", "FixtureError", "InputError", "UsageError"]


class ExitCode(IntEnum):
    """Exit status of every command, as with ``git diff --exit-code``."""

    SAME = 0
    """No differences (or every check passed)."""
    DIFFERENT = 1
    """Differences found, or a check case failed."""
    TROUBLE = 2
    """Bad usage, unreadable input, any crash."""
    INTERRUPTED = 130


class CompareError(Exception):
    """Base of every error a user can cause; shown as one line, never as a traceback."""

    exit_code: ClassVar[ExitCode] = ExitCode.TROUBLE


class InputError(CompareError):
    """A document cannot be read, decoded or holds no text."""


class UsageError(CompareError):
    """Arguments that cannot work together."""


class FixtureError(CompareError):
    """A check manifest or one of its cases is malformed."""
