"""Small pieces every renderer shares: where a pair stands, and the summary sentence."""

from __future__ import annotations

from collections.abc import Sequence

from compare.model import Clause, Comparison, Pair, Shift, Status

__all__ = ["SHIFT_MARK", "STATUS_MARK", "location", "pair_location", "shift_note", "summary_line"]

STATUS_MARK: dict[Status, str] = {
    Status.UNCHANGED: "=",
    Status.REWORDED: "~",
    Status.MOVED: ">",
    Status.SPLIT: "<",
    Status.MERGED: "}",
    Status.ADDED: "+",
    Status.REMOVED: "-",
}
"""One sign per status, so that a monochrome view still tells them apart."""


SHIFT_MARK: dict[Shift, str] = {Shift.STRONGER: "\u25b2", Shift.WEAKER: "\u25bc"}
"""Arrows for hardened and softened pairs, shown with the words, never instead of them."""

SHIFT_WORD: dict[Shift, str] = {Shift.STRONGER: "hardened", Shift.WEAKER: "softened"}


def shift_note(pair: Pair) -> str:
    """"▲ hardened: expressed concern -> strongly condemned", or "" when the stance held.

    >>> from compare.model import Pair, Shift, Status
    >>> shift_note(Pair(Status.REWORDED, (), (), shift=Shift.WEAKER, shift_reason="will -> may"))
    '▼ softened: will -> may'
    """
    if pair.shift not in SHIFT_MARK:
        return ""
    reason = f": {pair.shift_reason}" if pair.shift_reason else ""
    return f"{SHIFT_MARK[pair.shift]} {SHIFT_WORD[pair.shift]}{reason}"


def location(clauses: Sequence[Clause]) -> str:
    """Paragraph and sentence of a clause group, like "¶2 s3" or "¶2 s3-4".

    >>> from compare.model import Clause
    >>> location((Clause("old", 0, 2, 3, 0, 1, "a"), Clause("old", 1, 2, 4, 2, 3, "b")))
    '¶2 s3-4'
    """
    if not clauses:
        return ""
    first, last = clauses[0], clauses[-1]
    paragraphs = f"¶{first.paragraph}" + (f"-{last.paragraph}" if last.paragraph != first.paragraph else "")
    sentences = f"s{first.sentence}" + (f"-{last.sentence}" if last.sentence != first.sentence else "")
    return f"{paragraphs} {sentences}"


def pair_location(pair: Pair) -> str:
    """Both positions of a pair: "¶2 s3 -> ¶4 s9", or one side for added and removed."""
    if not pair.old:
        return f"new {location(pair.new)}"
    if not pair.new:
        return f"old {location(pair.old)}"
    return f"{location(pair.old)} -> {location(pair.new)}"


def summary_line(comparison: Comparison) -> str:
    """One sentence of counts, statuses with none left out.

    >>> from compare.model import Document
    >>> summary_line(Comparison(Document("a", ""), Document("b", ""), ()))
    'no clauses to compare'
    """
    counts = comparison.summary
    parts = [f"{count} {status}" for status, count in counts.items() if count]
    if not parts:
        return "no clauses to compare"
    total = sum(counts.values())
    line = f"{total} pairs: " + ", ".join(parts)
    shifts = [
        f"{sum(p.shift is shift for p in comparison.pairs)} {word}" for shift, word in SHIFT_WORD.items()
    ]
    routine = sum(p.routine for p in comparison.pairs)
    if any(clause.label is not None for pair in comparison.pairs for clause in (*pair.old, *pair.new)):
        line += "; " + ", ".join(shifts) + f", {routine} routine"
    return line
