"""Terminal output of ``jointdiff diff``: like ``git diff --word-diff``, but clause by clause.

Each pair is a header line (status sign, status, positions, score, how sure the pairing is when
it is not sure, the stance shift with its evidence) and its text, with deleted
words in red and inserted words in green; without colour, git's plain word-diff markers
``[-deleted-]`` and ``{+inserted+}`` carry the same information. A summary line of counts per
status closes the output. All document text passes through ``compare.safe.printable``.
"""

from __future__ import annotations

from collections.abc import Iterator

from compare.model import Comparison, Pair, Shift, Status
from compare.render.common import (
    STATUS_MARK,
    certainty_note,
    corrected_note,
    pair_location,
    shift_note,
    summary_line,
)
from compare.safe import printable

__all__ = ["render"]

_RESET = "\x1b[0m"
_STYLE = {
    "header": "\x1b[1;36m",
    "delete": "\x1b[31;9m",
    "insert": "\x1b[32;1m",
    "dim": "\x1b[2m",
    "bold": "\x1b[1m",
    "weak": "\x1b[2;3;33m",
    Shift.STRONGER: "\x1b[1;31m",
    Shift.WEAKER: "\x1b[1;34m",
    Shift.MIXED: "\x1b[1;35m",
    Shift.UNCLEAR: "\x1b[2m",
    Shift.SAME: "\x1b[2m",
    Status.UNCHANGED: "\x1b[2m",
    Status.REWORDED: "\x1b[33m",
    Status.MOVED: "\x1b[35m",
    Status.SPLIT: "\x1b[36m",
    Status.MERGED: "\x1b[36m",
    Status.ADDED: "\x1b[32m",
    Status.REMOVED: "\x1b[31m",
}


def render(comparison: Comparison, *, color: bool = False, only_changes: bool = False) -> str:
    """The comparison as terminal text, coloured with ANSI SGR codes when ``color``."""
    return "".join(line + "\n" for line in _lines(comparison, color=color, only_changes=only_changes))


def _paint(text: str, style: object, color: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if color else text


def _lines(comparison: Comparison, *, color: bool, only_changes: bool) -> Iterator[str]:
    for sign, document in (("---", comparison.old), ("+++", comparison.new)):
        details = ", ".join(x for x in (document.date, document.title) if x)
        yield _paint(f"{sign} {printable(document.path)}" + (f"  ({printable(details)})" if details else ""), "bold", color)
    for pair in comparison.pairs:
        if only_changes and not pair.has_changes:
            continue
        yield ""
        yield _header(pair, color)
        yield from _body(pair, color)
    yield ""
    yield _paint(summary_line(comparison), "bold", color)


def _header(pair: Pair, color: bool) -> str:
    score = f"  {pair.score:g}" if pair.score is not None and pair.status is not Status.UNCHANGED else ""
    text = _paint(f"{STATUS_MARK[pair.status]} {pair.status.value}  {pair_location(pair)}{score}", pair.status, color)
    if pair.routine:
        text += "  " + _paint("(routine)", "dim", color)
    certainty = certainty_note(pair)
    if certainty:
        text += "  " + _paint(f"[{certainty}]", "weak", color)
    if pair.corrected:
        text += "  " + _paint(f"[{corrected_note(pair)}]", "bold", color)
    note = shift_note(pair)
    if note and pair.shift is not None:
        text += "  " + _paint(printable(note), pair.shift, color)
    return text


def _body(pair: Pair, color: bool) -> Iterator[str]:
    if pair.status is Status.ADDED:
        yield "  " + _paint(printable(pair.new[0].text), "insert" if color else Status.ADDED, color)
        return
    if pair.status is Status.REMOVED:
        yield "  " + _paint(printable(pair.old[0].text), "delete" if color else Status.REMOVED, color)
        return
    if not pair.words:
        text = " ".join(clause.text for clause in pair.new)
        yield "  " + (_paint(printable(text), "dim", color) if pair.status is Status.UNCHANGED else printable(text))
        return
    pieces = []
    for op in pair.words:
        text = printable(op.text)
        if op.op == "equal":
            pieces.append(text)
        elif op.op == "delete":
            pieces.append(_paint(text, "delete", True) if color else f"[-{text}-]")
        else:
            pieces.append(_paint(text, "insert", True) if color else f"{{+{text}+}}")
    yield "  " + " ".join(pieces)
