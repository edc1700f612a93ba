"""The terminal view of ``jointdiff series``: a timeline table, one row per thread, one column
per version.

Each cell is a sign (``compare.series.common.CHANGE_SIGN``: ``=`` unchanged, ``~`` reworded,
``▲`` hardened, ``▼`` softened, ``·`` absent ...), followed by ``?`` where the link into it
is not sure, so the table reads without colour; with colour the signs are painted too. The
versions are listed above the table and a legend and a summary close it. Document text passes
through ``compare.safe.plain``; the wording is cut to ``width`` columns when one is given.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from compare.safe import plain
from compare.series.common import LEGEND, cell_sign, summary_line, thread_text, version_line
from compare.series.model import Change, Series, Thread

__all__ = ["render"]

_RESET = "\x1b[0m"
_STYLE: dict[object, str] = {
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    Change.FIRST: "\x1b[32m",
    Change.UNCHANGED: "\x1b[2m",
    Change.REWORDED: "\x1b[33m",
    Change.MOVED: "\x1b[35m",
    Change.HARDENED: "\x1b[1;31m",
    Change.SOFTENED: "\x1b[1;34m",
    Change.RETURNED: "\x1b[1;32m",
    Change.DROPPED: "\x1b[31m",
    Change.ABSENT: "\x1b[2m",
}


def render(
    series: Series,
    threads: Sequence[Thread],
    *,
    color: bool = False,
    width: int | None = None,
    filter_note: str = "",
) -> str:
    """The timeline as terminal text, coloured with ANSI SGR codes when ``color``.

    Args:
        threads: the threads to show (a ``ThreadFilter`` applied to the series).
        width: the terminal's width, to cut the wording to; None leaves it whole.
        filter_note: what a filter kept, said under the versions.
    """
    return "".join(line + "\n" for line in _lines(series, threads, color, width, filter_note))


def _paint(text: str, style: object, color: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if color else text


def _lines(series: Series, threads: Sequence[Thread], color: bool, width: int | None, filter_note: str) -> Iterator[str]:
    how = {"date": "by date", "symbol": "by UN symbol", "given": "as given"}[series.order]
    yield _paint(f"{len(series.versions)} versions, ordered {how}", "bold", color)
    for version in series.versions:
        yield f"  {plain(version_line(version))}"
    if filter_note:
        yield f"{filter_note}: {len(threads)} of {len(series.threads)} threads"
    yield ""
    cell = max(len(str(len(series.versions))) + 1, 2) + 1
    number = max(len(str(len(series.threads))), len("thread"))
    heads = "".join(f"{index + 1:<{cell}}" for index in range(len(series.versions)))
    yield _paint(f"{'thread':>{number}}  {heads} wording (latest)", "bold", color)
    room = None if width is None else max(width - number - 3 - cell * len(series.versions), 20)
    for thread in threads:
        cells = "".join(_cell(step, cell, color) for step in thread.steps)
        text = plain(thread_text(thread))
        if room is not None and len(text) > room:
            text = text[: room - 1] + "\u2026"
        yield f"{thread.number:>{number}}  {cells} {text}"
    if not threads:
        yield "(no thread passes the filters)"
    yield ""
    yield _paint(LEGEND, "dim", color)
    yield summary_line(series, threads)


def _cell(step, width: int, color: bool) -> str:
    sign = cell_sign(step)
    return _paint(sign, step.change, color) + " " * (width - len(sign))
