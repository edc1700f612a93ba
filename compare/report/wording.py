"""How the change report words things, the same in Markdown and HTML: headings, kinds, stances.

The headings of every section and the sentence under each (``HEADINGS``), the kinds in the
order a briefing reader cares about them, and the phrases both formats print for a pair or a
key change: its stance before and after, what it is about, its status and notes, the start of
its text, a document's path as a briefing shows it. Plain text only: ``markdown`` and ``html``
escape it for their format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from compare.model import Clause, Kind, Pair, Status
from compare.render.common import certainty_note, corrected_note, shift_note

if TYPE_CHECKING:
    from compare.keychanges import KeyChange

__all__ = [
    "HEADINGS",
    "KEY_TEXT_WORDS",
    "KIND_ORDER",
    "KIND_PLURAL",
    "READING_NOTE",
    "Heading",
    "about",
    "joined_facts",
    "key_headline",
    "key_text",
    "kind_of",
    "note",
    "shown_path",
    "side_text",
    "stance_change",
    "stance_phrase",
    "status_word",
]

KIND_ORDER: tuple[Kind, ...] = (
    Kind.CONCERN,
    Kind.COMMITMENT,
    Kind.CALL,
    Kind.DECISION,
    Kind.WELCOME,
    Kind.POSITION,
    Kind.OTHER,
)
"""Kinds in the order a briefing reader cares about them: concerns and commitments first."""

KIND_PLURAL: dict[Kind, str] = {
    Kind.CONCERN: "Concerns",
    Kind.COMMITMENT: "Commitments",
    Kind.CALL: "Calls",
    Kind.DECISION: "Decisions",
    Kind.WELCOME: "Welcomes",
    Kind.POSITION: "Positions",
    Kind.OTHER: "Other (no stance)",
}


@dataclass(frozen=True, slots=True)
class Heading:
    """A section's heading, its HTML anchor and the sentence under it."""

    anchor: str
    title: str
    blurb: str


HEADINGS: dict[str, Heading] = {
    "key": Heading(
        "key-changes",
        "Key changes",
        "Concerns, commitments, calls and decisions dropped or new, and stance shifts the engine is sure of, "
        "by the country or body named, heaviest first (README: Key changes).",
    ),
    "uncertain": Heading(
        "uncertain",
        "Uncertain: check these by hand",
        "Not sure: a clause shown as new or dropped that may have a counterpart, "
        "or a pairing too weak to claim a direction.",
    ),
    "glance": Heading(
        "at-a-glance",
        "At a glance",
        "Pairs by the section that lists them (columns) and by what they say (rows), each counted once: "
        "a pair whose stance shifted counts here as hardened, softened or mixed, whatever its status in the line above.",
    ),
    "hardened": Heading("hardened", "Hardened", "The stance before and after, the evidence, and where."),
    "softened": Heading("softened", "Softened", "The stance before and after, the evidence, and where."),
    "mixed": Heading("mixed", "Mixed", "Stance markers that point both ways, with the evidence."),
    "new": Heading("new", "New", "No counterpart in the old version, by what they say."),
    "dropped": Heading("dropped", "Dropped", "No counterpart in the new version, by what they say."),
    "names": Heading("names", "Named for the first time, or no longer named", "Names only one version uses."),
    "reworded": Heading(
        "reworded",
        "Reworded",
        "Same clause, new words, no stance claimed harder or softer, by topic (deleted words struck through, inserted in bold).",
    ),
    "rearranged": Heading("moved-split-merged", "Moved, split and merged", "Changed place, cut in two or joined."),
    "appendix": Heading(
        "appendix",
        "Appendix: every clause pair",
        "Every pair in the new version's order, routine changes included.",
    ),
}
"""Every section of the report, in order, keyed by the Report field it shows."""

READING_NOTE = (
    "Positions read ¶ (paragraph) and s (sentence), counted from the top of each version; "
    "old -> new where a clause has both."
)


_KEY_SIGN = {"dropped": "-", "new": "+", "hardened": "\u25b2", "softened": "\u25bc", "mixed": "\u25c6", "unclear": "?"}
KEY_TEXT_WORDS = 25
"""Words of a key change's text shown before it is cut with an ellipsis."""


def key_headline(change: KeyChange, *, uncertain: bool = False) -> tuple[str, str]:
    """The sign and the headline of a key change ("- Dropped concern", "▲ Hardened: act: ...").

    >>> from compare.keychanges import KeyChange
    >>> from compare.model import Kind, Pair, Status
    >>> key_headline(KeyChange("dropped", Kind.CONCERN, (), 3.0, Pair(Status.REMOVED, (), (), confidence=0.6)), uncertain=True)
    ('?', 'Dropped concern? It may have a counterpart (0.60)')
    """
    pair = change.pair
    if change.what in ("dropped", "new"):
        headline = f"{change.what.capitalize()} {change.kind.value}"
        if uncertain:
            return "?", f"{headline}? It may have a counterpart ({pair.confidence:.2f})"
        return _KEY_SIGN[change.what], headline
    evidence = pair.shift_reason or ""
    if change.what == "unclear":
        return "?", evidence
    return _KEY_SIGN[change.what], f"{change.what.capitalize()}: {evidence}"


def key_text(change: KeyChange) -> str:
    """The start of the text a key change is about: the new side, or the old one if dropped."""
    words = side_text(change.pair.new or change.pair.old).split()
    return " ".join(words[:KEY_TEXT_WORDS]) + (" …" if len(words) > KEY_TEXT_WORDS else "")


def kind_of(pair: Pair) -> Kind:
    """What the pair says: the first stance-bearing kind of its new side (old side if none)."""
    clauses = pair.new or pair.old
    kinds = [clause.label.kind for clause in clauses if clause.label and clause.label.kind is not Kind.OTHER]
    return kinds[0] if kinds else Kind.OTHER


def stance_phrase(clauses: Sequence[Clause]) -> str:
    """The stance of one side as written, with negation and hedges, clauses joined by " + ".

    >>> from compare.model import Clause, Kind, Label
    >>> stance_phrase((Clause("new", 0, 1, 1, 0, 1, "x", Label(Kind.COMMITMENT, 2, "will", hedges=("explore",))),))
    'will (hedged: explore)'
    """
    phrases = []
    for clause in clauses:
        label = clause.label
        if label is None:
            continue
        qualifiers = (["negated"] if label.negated else []) + (
            [f"hedged: {', '.join(label.hedges)}"] if label.hedges else []
        )
        phrase = label.stance or "no stance"
        phrases.append(phrase + (f" ({'; '.join(qualifiers)})" if qualifiers else ""))
    return " + ".join(dict.fromkeys(phrases)) or "no stance"


def stance_change(pair: Pair) -> str:
    """"expressed concern → strongly condemned": the stance of the old side, then the new."""
    return f"{stance_phrase(pair.old)} → {stance_phrase(pair.new)}"


def about(pair: Pair) -> str:
    """The targets and topics the pair's clauses name, each once, like "China, nuclear weapons"."""
    clauses = (*pair.new, *pair.old)
    names = (name for clause in clauses if clause.label for name in (*clause.label.targets, *clause.label.topics))
    return ", ".join(dict.fromkeys(names))


def status_word(pair: Pair) -> str:
    """The status where it adds to the name of the section listing it: "moved", "split", "merged"."""
    return "" if pair.status in (Status.REWORDED, Status.ADDED, Status.REMOVED) else pair.status.value


def note(pair: Pair) -> str:
    """The appendix note of a pair: how sure, corrected, its stance shift, routine; or ""."""
    return joined_facts(
        certainty_note(pair), corrected_note(pair), shift_note(pair), "routine" if pair.routine else ""
    )


def joined_facts(*facts: str) -> str:
    """The non-empty facts joined by "; ".

    >>> joined_facts("¶2 s3", "", "China")
    '¶2 s3; China'
    """
    return "; ".join(fact for fact in facts if fact)


def side_text(clauses: Sequence[Clause]) -> str:
    """The text of one side of a pair, its clauses joined by a space."""
    return " ".join(clause.text for clause in clauses)


def shown_path(path: str) -> str:
    """A document's path as a briefing should show it: as the user gave it when relative, else
    relative to the working folder when inside it, else the bare file name (an absolute local
    path says where someone keeps their files, not what the document is).

    >>> shown_path("briefs/2024.md"), shown_path("/home/ana/secret/2024.md"), shown_path("-")
    ('briefs/2024.md', '2024.md', 'standard input')
    """
    if path == "-":
        return "standard input"
    pure = PurePath(path)
    if not pure.is_absolute():
        return path
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return pure.name
