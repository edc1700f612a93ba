"""Small pieces every renderer shares: where a pair stands, how it was linked, and the summary
sentence."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from compare.model import Clause, Comparison, Pair, Shift, Status, WordOp

__all__ = [
    "SHIFT_MARK",
    "SHIFT_WORD",
    "STATUS_MARK",
    "certainty_note",
    "corrected_note",
    "link_facts",
    "location",
    "marked_words",
    "pair_location",
    "shift_note",
    "summary_line",
]

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


SHIFT_MARK: dict[Shift, str] = {
    Shift.STRONGER: "\u25b2",
    Shift.WEAKER: "\u25bc",
    Shift.MIXED: "\u25c6",
    Shift.UNCLEAR: "?",
}
"""Signs for the claims about a pair's stance, shown with the words, never instead of them."""

SHIFT_WORD: dict[Shift, str] = {
    Shift.STRONGER: "hardened",
    Shift.WEAKER: "softened",
    Shift.MIXED: "mixed",
    Shift.UNCLEAR: "unclear",
}


def marked_words(ops: Iterable[WordOp], text: Callable[[str], str], marks: Mapping[str, str]) -> str:
    """The words of a word diff in one format's markup, joined by spaces: each step's words
    escaped with ``text`` and put in the template ``marks`` gives its op ("{}" for plain text);
    steps whose op has no template are left out.

    >>> from compare.model import WordOp
    >>> ops = (WordOp("equal", "we"), WordOp("delete", "firmly"), WordOp("insert", "strongly"))
    >>> marked_words(ops, str.upper, {"equal": "{}", "delete": "~~{}~~", "insert": "**{}**"})
    'WE ~~FIRMLY~~ **STRONGLY**'
    >>> marked_words(ops, str.upper, {"equal": "{}", "insert": "<ins>{}</ins>"})
    'WE <ins>STRONGLY</ins>'
    """
    return " ".join(marks[op.op].format(text(op.text)) for op in ops if op.op in marks)


def link_facts(pair: Pair) -> dict[str, object]:
    """How a pair was linked and what its stance did, as the data views (JSON, CSV) name it:
    status, score, confidence, certainty, matched_by, shift and shift_reason."""
    return {
        "status": pair.status.value,
        "score": pair.score,
        "confidence": pair.confidence,
        "certainty": pair.certainty,
        "matched_by": pair.matched_by,
        "shift": pair.shift.value if pair.shift else None,
        "shift_reason": pair.shift_reason,
    }


def shift_note(pair: Pair) -> str:
    """What the pair's stance did, with its evidence: "▲ hardened: modal: may -> will ▲";
    "= same stance: target dropped: China" where only its targets or topics changed; "= stance
    words changed, no direction: act: launch -> continue to work" where stance markers changed
    in ways no ladder orders (not "same stance": the words that carry the stance did change);
    "" when nothing did.

    >>> from compare.model import Evidence, Pair, Shift, Status
    >>> shift_note(Pair(Status.REWORDED, (), (), shift=Shift.WEAKER, shift_reason="modal: will -> may ▼"))
    '▼ softened: modal: will -> may ▼'
    >>> shift_note(Pair(Status.REWORDED, (), (), shift=Shift.SAME, shift_reason="target dropped: China"))
    '= same stance: target dropped: China'
    >>> unordered = Evidence("act", "launch", "continue to work", Shift.SAME)
    >>> shift_note(Pair(Status.REWORDED, (), (), shift=Shift.SAME, shift_reason="act: launch -> continue to work",
    ...                 shift_evidence=(unordered,)))
    '= stance words changed, no direction: act: launch -> continue to work'
    """
    if pair.shift in SHIFT_MARK:
        reason = f": {pair.shift_reason}" if pair.shift_reason else ""
        if pair.shift is Shift.UNCLEAR:
            return f"{SHIFT_MARK[pair.shift]} {pair.shift_reason or SHIFT_WORD[pair.shift]}"
        return f"{SHIFT_MARK[pair.shift]} {SHIFT_WORD[pair.shift]}{reason}"
    if pair.shift is Shift.SAME and pair.shift_reason and pair.shift_reason != "same stance":
        said = NO_DIRECTION if pair.shift_evidence else "same stance"
        return f"= {said}: {pair.shift_reason}"
    return ""


NO_DIRECTION = "stance words changed, no direction"
"""What a pair whose stance markers changed without a direction is called (shift "same")."""


def corrected_note(pair: Pair) -> str:
    """"corrected by you (pinned)" and the like, or "" when no correction touched the pair.

    >>> from compare.model import Pair, Status
    >>> corrected_note(Pair(Status.REWORDED, (), (), corrected=("pinned", "stance")))
    'corrected by you (pinned, stance)'
    """
    return f"corrected by you ({', '.join(pair.corrected)})" if pair.corrected else ""


def certainty_note(pair: Pair) -> str:
    """"weak pairing (0.42)", "likely pairing (0.66)", "maybe not added (0.55)" ...; "" when sure.

    >>> from compare.model import Pair, Status
    >>> certainty_note(Pair(Status.REWORDED, (), (), confidence=0.42))
    'weak pairing (0.42)'
    >>> certainty_note(Pair(Status.REMOVED, (), (), confidence=0.7))
    'may have a counterpart (0.70)'
    """
    if pair.certainty == "sure" or pair.confidence is None:
        return ""
    if pair.status in (Status.ADDED, Status.REMOVED):
        return f"may have a counterpart ({pair.confidence:.2f})"
    return f"{pair.certainty} pairing ({pair.confidence:.2f})"


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
    counted = {shift: sum(p.shift is shift for p in comparison.pairs) for shift in SHIFT_WORD}
    shifts = [f"{counted[shift]} {SHIFT_WORD[shift]}" for shift in (Shift.STRONGER, Shift.WEAKER)]
    if counted[Shift.MIXED]:
        shifts.append(f"{counted[Shift.MIXED]} mixed")
    routine = sum(p.routine for p in comparison.pairs)
    if any(clause.label is not None for pair in comparison.pairs for clause in (*pair.old, *pair.new)):
        line += "; " + ", ".join(shifts) + f", {routine} routine"
    uncertain = sum(1 for p in comparison.pairs if p.certainty != "sure")
    if uncertain:
        line += f"; {uncertain} uncertain"
    return line
