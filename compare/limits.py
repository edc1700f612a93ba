"""How much jointdiff reads and compares, and reading that stops at those limits.

Every file the commands read goes through ``read_limited`` (documents through ``read()``,
manifests, golden files, lexicons and profiles directly): regular files up to a size limit,
named pipes only where a document is expected and only while data keeps coming, and no devices,
sockets or folders, so that ``/dev/zero``, a FIFO nobody writes to or a 5 GB file ends in one
line of error instead of a hang or a ``MemoryError``. ``check_clause_count`` bounds the one
step whose cost grows with the square of the input, aligning every clause with every other: a
document with more clauses than the limit is refused before it is compared. Both limits can be
changed through the environment (``JOINTDIFF_MAX_INPUT_MB``, ``JOINTDIFF_MAX_CLAUSES``), which
only the edges consult, the reader and the commands; the pure stages after it never do.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING, BinaryIO

from compare.errors import InputError, UsageError

if TYPE_CHECKING:
    from compare.model import Document

__all__ = [
    "DEFAULT_MAX_CLAUSES",
    "DEFAULT_MAX_INPUT_MB",
    "MAX_CLAUSES_VARIABLE",
    "MAX_INPUT_VARIABLE",
    "MAX_SETTINGS_BYTES",
    "PIPE_IDLE_SECONDS",
    "Unreadable",
    "check_clause_count",
    "describe_size",
    "max_clauses",
    "max_input_bytes",
    "max_text_chars",
    "read_limited",
    "read_stream",
]

DEFAULT_MAX_INPUT_MB = 50
"""Largest document file read, in megabytes (10^6 bytes): a PDF with its fonts and images
included. Text files are refused long before by the clause limit."""
MAX_INPUT_VARIABLE = "JOINTDIFF_MAX_INPUT_MB"
DEFAULT_MAX_CLAUSES = 2000
"""Most clauses a document may have: two and a half times the longest statement of the corpus
(the G7 communiqués, 700-800 clauses). Aligning costs the product of the two clause counts:
two documents of 2000 distinct clauses compare in about 4 s and 160 MB on two cores, 3000 took
8 to 11 s on a busy machine."""
MAX_CLAUSES_VARIABLE = "JOINTDIFF_MAX_CLAUSES"
MAX_SETTINGS_BYTES = 1_000_000
"""Largest manifest, lexicon or profile: hand-written TOML is a few kilobytes."""
PIPE_IDLE_SECONDS = 5.0
"""How long a named pipe given as a document may stay silent before reading gives up on it."""

_CHUNK = 1 << 16
_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


class Unreadable(Exception):
    """A file that ``read_limited`` will not or cannot read; ``reason`` says why, for a message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def max_input_bytes() -> int:
    """The document size limit in bytes: ``JOINTDIFF_MAX_INPUT_MB`` megabytes, else 50 MB.

    Raises:
        UsageError: the variable is set to something other than a positive number.
    """
    megabytes = _positive(MAX_INPUT_VARIABLE, DEFAULT_MAX_INPUT_MB, "a number of megabytes")
    return max(1, int(megabytes * 1_000_000))


def max_clauses() -> int:
    """The clause limit of a document: ``JOINTDIFF_MAX_CLAUSES``, else 2000.

    Raises:
        UsageError: the variable is set to something other than a positive number.
    """
    return max(1, int(_positive(MAX_CLAUSES_VARIABLE, DEFAULT_MAX_CLAUSES, "a number of clauses")))


def max_text_chars() -> int:
    """The longest document text worth laying out: ``max_clauses()`` clauses of the longest
    length ``segment`` lets a clause have. Anything longer has more clauses than the limit."""
    from compare.segment import MAX_CLAUSE_CHARS

    return max_clauses() * MAX_CLAUSE_CHARS


def _positive(variable: str, default: float, what: str) -> float:
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise UsageError(f"{variable} must be a positive number ({what}), not {raw!r}")
    return value


def describe_size(limit: int) -> str:
    """A byte count as the limit is written.

    >>> describe_size(50_000_000), describe_size(1_500_000), describe_size(2048)
    ('50 MB', '1.5 MB', '2048 bytes')
    """
    if limit >= 100_000:
        return f"{limit / 1_000_000:g} MB"
    return f"{limit} bytes"


def read_limited(
    path: str | os.PathLike[str],
    limit: int,
    *,
    pipes: bool = False,
    idle_seconds: float | None = None,
    limit_hint: str = "",
) -> bytes:
    """All the bytes of a file, refusing anything that could hang or exhaust memory.

    A regular file larger than ``limit`` is refused before it is read (and reading stops at the
    limit should it grow meanwhile). With ``pipes``, a named pipe (``mkfifo``, or ``<(...)`` in
    a shell) is read until its writer closes it, up to the limit, and given up on when no data
    comes for ``idle_seconds`` (``PIPE_IDLE_SECONDS`` when None); without it, a pipe is refused
    like a device.

    Args:
        limit_hint: how to raise the limit, added to the message when it is exceeded.

    Raises:
        Unreadable: the file is missing, not readable, not a regular file, too large, or a pipe
            that stayed silent; ``reason`` says which in a few lowercase words.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError as err:
        raise Unreadable("no such file") from err
    except OSError as err:
        raise Unreadable(_reason(err)) from err
    _refuse_kind(info.st_mode, pipes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        # O_NONBLOCK: opening a FIFO would otherwise wait for a writer, possibly for ever.
        descriptor = os.open(path, flags)
    except OSError as err:
        raise Unreadable(_reason(err)) from err
    try:
        mode = os.fstat(descriptor).st_mode  # what was opened, should the path have changed since
        _refuse_kind(mode, pipes)
        if stat.S_ISFIFO(mode):
            idle = PIPE_IDLE_SECONDS if idle_seconds is None else idle_seconds
            return _read_pipe(descriptor, limit, idle, limit_hint)
        if os.fstat(descriptor).st_size > limit:
            raise Unreadable(_too_large(limit, limit_hint))
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return read_stream(stream, limit, limit_hint=limit_hint)
    except OSError as err:
        raise Unreadable(_reason(err)) from err
    finally:
        os.close(descriptor)


def read_stream(stream: BinaryIO, limit: int, *, limit_hint: str = "") -> bytes:
    """The bytes of an open stream (standard input, say) up to ``limit``; more is refused.

    >>> import io
    >>> read_stream(io.BytesIO(b"abc"), 3)
    b'abc'
    >>> read_stream(io.BytesIO(b"abcd"), 3)
    Traceback (most recent call last):
    compare.limits.Unreadable: larger than 3 bytes
    """
    data = stream.read(limit + 1) or b""
    if len(data) > limit:
        raise Unreadable(_too_large(limit, limit_hint))
    return data


def _refuse_kind(mode: int, pipes: bool) -> None:
    for is_kind, what in _KINDS:
        if is_kind(mode):
            raise Unreadable("is a directory" if what == "a directory" else f"not a regular file ({what})")
    if stat.S_ISFIFO(mode) and not pipes:
        raise Unreadable("not a regular file (a named pipe)")


def _read_pipe(descriptor: int, limit: int, idle_seconds: float, limit_hint: str) -> bytes:
    """Read a pipe opened without blocking until its writer closes it."""
    import select

    if not hasattr(select, "poll"):  # no poll (Windows has no named pipes of this kind anyway)
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return read_stream(stream, limit, limit_hint=limit_hint)
    poller = select.poll()
    poller.register(descriptor, select.POLLIN)
    chunks: list[bytes] = []
    size = 0
    while True:
        # Until a writer has opened the pipe, reading says "end of file": wait until poll says
        # there is something to read (or the writer closed it) before believing that.
        if not poller.poll(int(idle_seconds * 1000)):
            raise Unreadable(f"a named pipe that sent nothing for {idle_seconds:g} s")
        try:
            chunk = os.read(descriptor, _CHUNK)
        except BlockingIOError:
            continue
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise Unreadable(_too_large(limit, limit_hint))
        chunks.append(chunk)


def _too_large(limit: int, hint: str) -> str:
    return f"larger than {describe_size(limit)}{f' ({hint})' if hint else ''}"


def _reason(err: OSError) -> str:
    """An OS error in the words of a message: lowercase, no errno."""
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    if isinstance(err, FileNotFoundError):
        return "no such file"
    return (err.strerror or str(err) or type(err).__name__).lower()


def check_clause_count(document: Document, limit: int | None = None) -> None:
    """Refuse a document with more clauses than the limit, before it is classified or aligned.

    A clause is at most ``segment.MAX_CLAUSE_CHARS`` long, so a text longer than ``limit`` times
    that is refused without segmenting it; otherwise it is segmented and its clauses counted.

    Raises:
        InputError: the document has more clauses than ``limit`` (``max_clauses()`` when None).
    """
    from compare.segment import MAX_CLAUSE_CHARS, segment

    limit = max_clauses() if limit is None else limit
    if len(document.text) > limit * MAX_CLAUSE_CHARS:
        count = f"more than {limit} clauses"
    else:
        clauses = len(segment(document))
        if clauses <= limit:
            return
        count = f"{clauses} clauses"
    raise InputError(
        f"cannot read '{document.path}': too long: {count}, the limit is {limit} "
        f"(set {MAX_CLAUSES_VARIABLE} to raise it)"
    )
