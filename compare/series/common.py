"""What every view of a series shares: a sign per change, the legend, names and the summary.

The terminal timeline, the Markdown and HTML reports and the review app's timeline all draw a
cell with ``cell_sign`` and close with ``summary_line``, so they never disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from compare.series.model import Change, Series, Step, Thread, Version

__all__ = [
    "CHANGE_SIGN",
    "LEGEND",
    "UNSURE_SIGN",
    "cell_sign",
    "summary_line",
    "thread_text",
    "version_line",
]

CHANGE_SIGN: dict[Change, str] = {
    Change.FIRST: "+",
    Change.UNCHANGED: "=",
    Change.REWORDED: "~",
    Change.MOVED: ">",
    Change.HARDENED: "\u25b2",
    Change.SOFTENED: "\u25bc",
    Change.RETURNED: "*",
    Change.DROPPED: "-",
    Change.ABSENT: "\u00b7",
}
"""One sign per change, so that the timeline reads without colour."""
UNSURE_SIGN = "?"
"""After a cell's sign: the link from the previous version is likely or weak, not sure."""

LEGEND = "  ".join(f"{sign} {change.value}" for change, sign in CHANGE_SIGN.items()) + (
    f"  {UNSURE_SIGN} link not sure"
)


def cell_sign(step: Step) -> str:
    """The sign of one cell, with ``?`` where the link into it is not sure.

    >>> cell_sign(Step(0, Change.FIRST)), cell_sign(Step(2, Change.ABSENT))
    ('+', '·')
    """
    return CHANGE_SIGN[step.change] + ("" if step.is_sure else UNSURE_SIGN)


def thread_text(thread: Thread) -> str:
    """The thread's wording in the last version that holds it."""
    return " ".join(clause.text for clause in thread.latest)


def version_line(version: Version) -> str:
    """How a version is listed: its number, date, UN symbol where there is one, and file."""
    document = version.document
    symbol = dict(document.metadata).get("symbol", "")
    parts = [version.id, document.date or "(no date)", symbol, document.path]
    return "  ".join(part for part in parts if part)


def summary_line(series: Series, threads: Sequence[Thread]) -> str:
    """One sentence of totals over the shown threads.

    How many threads held throughout unchanged, changed, came after the first version, were
    dropped (and of those, returned), and how many steps of each change there were.
    """
    later = sum(1 for thread in threads if thread.first > 0)
    dropped = sum(1 for thread in threads if any(step.change is Change.DROPPED for step in thread.steps))
    returned = sum(1 for thread in threads if any(step.change is Change.RETURNED for step in thread.steps))
    steady = sum(1 for thread in threads if not thread.has_changes)
    steps = Counter(step.change for thread in threads for step in thread.steps)
    kinds = ", ".join(
        f"{steps[change]} {change.value}"
        for change in (Change.REWORDED, Change.MOVED, Change.HARDENED, Change.SOFTENED)
        if steps[change]
    )
    noun = "thread" if len(threads) == 1 else "threads"
    line = (
        f"{len(threads)} {noun} across {len(series.versions)} versions: {steady} unchanged throughout, "
        f"{later} first seen after {series.versions[0].id}, {dropped} dropped, {returned} returned"
    )
    return f"{line}; {kinds}" if kinds else line
