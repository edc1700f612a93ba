"""What every command shares at the terminal: its inputs, its messages on stderr, its colour.

The commands (``cli.py`` registers them) take their inputs with ``inputs`` and ``read_pair`` or
``read_one``, say what went wrong or needs noticing with ``error``, ``warn`` and ``note`` (one
printable line each on standard error), decide colour once with ``use_color``, check and write
an ``-o`` file (``output_path``, ``write_output``) and, for the review app, take keys from the
terminal when standard input held a document. Nothing here
imports another command module, so every command can import it and ``cli.py`` imports nothing
back from the commands it registers. Only the standard library and click load at module scope.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from compare.errors import UsageError

if TYPE_CHECKING:
    from compare.model import Comparison, Document

__all__ = [
    "PROG",
    "error",
    "example_pair",
    "inputs",
    "note",
    "os_reason",
    "output_path",
    "read_keys_from_terminal",
    "read_one",
    "read_pair",
    "report_findings",
    "use_color",
    "warn",
    "write_output",
]

PROG = "jointdiff"


def error(message: str) -> None:
    """Print one error line on standard error, made printable."""
    _say("error", message)


def warn(message: str) -> None:
    """Print one warning line on standard error, made printable."""
    _say("warning", message)


def note(message: str) -> None:
    """Print one note on standard error (something the user should know, not a problem)."""
    _say("note", message)


def _say(level: str, message: str) -> None:
    from compare.safe import printable

    click.echo(f"{PROG}: {level}: {printable(message)}", err=True)


def example_pair() -> tuple[Path, Path]:
    """The bundled example: a ministers' joint statement and its revision a year later."""
    here = Path(__file__).resolve().parent
    for folder in (here / "examples" / "two-plus-two", here.parent / "fixtures" / "two-plus-two"):
        if (folder / "old.txt").is_file() and (folder / "new.txt").is_file():
            return folder / "old.txt", folder / "new.txt"
    raise UsageError("the bundled example is missing from this installation")


def _shown(path: Path) -> str:
    """A path as short as it can be shown: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def inputs(old: str | None, new: str | None, example: bool) -> tuple[str, str]:
    """The two inputs to compare: OLD and NEW as given, or the bundled example pair."""
    if example:
        if old or new:
            raise UsageError("--example takes no OLD or NEW argument")
        return tuple(_shown(path) for path in example_pair())  # type: ignore[return-value]
    if not old or not new:
        raise UsageError("give OLD and NEW (or --example); see --help")
    if old == "-" and new == "-":
        raise UsageError("only one of OLD and NEW can be '-' (standard input)")
    return old, new


def read_pair(old: str, new: str) -> tuple[Document, Document]:
    """Read both inputs, warnings to stderr; any error names the file."""
    documents = [read_one(source) for source in (old, new)]
    return documents[0], documents[1]


def read_one(source: str) -> Document:
    """Read one input for a command: warnings to stderr, and refused when it has more clauses
    than can be compared in reasonable time (``compare.limits``); any error names the file."""
    from compare.limits import check_clause_count
    from compare.read import read

    document = read(source)
    for warning in document.warnings:
        warn(warning)
    check_clause_count(document)
    return document


def report_findings(comparison: Comparison, new_document: Document) -> None:
    """Warn on stderr of what comparing found beyond the pairs: clauses that differ only in
    invisible characters, and corrections that no longer apply."""
    for warning in comparison.new.warnings[len(new_document.warnings) :]:
        warn(warning)
    for warning in comparison.warnings:
        warn(warning)


def use_color(flag: bool | None) -> bool:
    """--color/--no-color beats NO_COLOR (set and non-empty means off), which beats isatty."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout is not None and sys.stdout.isatty()


def os_reason(err: OSError) -> str:
    """What the operating system said, in lowercase: "permission denied"."""
    return (err.strerror or str(err)).lower()


def output_path(output: str | None, *, noun: str = "", inputs: Sequence[str] = ()) -> Path | None:
    """The file ``-o`` names, checked before any work: None for standard output (none, or '-').

    Args:
        noun: what the command writes, for messages: "report" gives "cannot write the report to
            'x.md': ...", "" gives "cannot write to 'x.md': ...".
        inputs: files the output must not be ('-' and files that do not exist are skipped).

    Raises:
        UsageError: the file is a directory, lies in no directory, is one of ``inputs``, or its
            name cannot be used at all (too long, say).
    """
    if output is None or output == "-":
        return None
    cannot = _cannot_write(output, noun)
    path = Path(output)
    try:
        if path.is_dir():
            raise UsageError(f"{cannot}: it is a directory")
        if not path.parent.is_dir():
            raise UsageError(f"{cannot}: no such directory '{path.parent}'")
        existing_inputs = [source for source in inputs if source != "-" and Path(source).exists()]
        if path.exists() and any(path.samefile(source) for source in existing_inputs):
            raise UsageError(f"{cannot}: it is an input of this {noun or 'command'}")
    except OSError as err:
        raise UsageError(f"{cannot}: {os_reason(err)}") from err
    return path


_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".json": "json", ".csv": "csv"}


def format_for(destination: Path | None, formats: Sequence[str], fallback: str = "terminal") -> str:
    """The output format a file's name asks for, among a command's ``formats``: HTML for .html,
    Markdown for .md, JSON for .json, CSV for .csv; ``fallback`` for anything else, and for
    standard output (None).

    >>> format_for(Path("brief.HTML"), ("terminal", "html")), format_for(Path("x.csv"), ("terminal", "json"))
    ('html', 'terminal')
    >>> format_for(None, ("markdown", "html"), fallback="markdown")
    'markdown'
    """
    wanted = _SUFFIX_FORMATS.get(destination.suffix.lower()) if destination is not None else None
    return wanted if wanted in formats else fallback


def write_output(path: Path, text: str, *, noun: str = "") -> None:
    """Write ``text`` as UTF-8 with newline line ends, naming the file in any error (``noun`` as
    for ``output_path``)."""
    try:
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as err:
        raise UsageError(f"{_cannot_write(path, noun)}: {os_reason(err)}") from err


def _cannot_write(path: str | Path, noun: str) -> str:
    return f"cannot write the {noun} to '{path}'" if noun else f"cannot write to '{path}'"


def read_keys_from_terminal() -> None:
    """Standard input held a document: take the keys from the terminal instead, as ``less`` does.

    Raises:
        UsageError: there is no terminal to read keys from.
    """
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError as err:
        raise UsageError(
            "review reads its keys from a terminal, and there is none: save standard input to a file"
        ) from err
    os.dup2(terminal, sys.stdin.fileno())
    os.close(terminal)
