"""What goes in which section of the change report, decided once for Markdown and HTML.

``build_report`` takes a Comparison (after an optional PairFilter) and sorts its pairs into the
report's sections: hardened, softened, new, dropped, reworded, moved/split/merged, routine and
unchanged. Every pair lands in exactly one section (``section_of``), so the counts at a glance
add up to what the sections list. Routine changes (a meeting date, a session number) are
counted but listed only in the appendix, which shows every pair. The result is plain text and
the pairs themselves; ``compare.report.markdown`` and ``compare.report.html`` lay it out and
escape every piece of document text for their format.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath

from compare.filters import PairFilter, names_in
from compare.model import Clause, Comparison, Document, Kind, Pair, Shift, Status
from compare.normalise import normalise
from compare.render.common import location, shift_note

__all__ = [
    "HEADINGS",
    "KIND_ORDER",
    "READING_NOTE",
    "SECTION_LABEL",
    "Group",
    "Heading",
    "NameChange",
    "Report",
    "Section",
    "about",
    "build_report",
    "joined_facts",
    "kind_of",
    "note",
    "pair_count",
    "section_of",
    "side_text",
    "stance_change",
    "stance_phrase",
    "status_word",
]


class Section(StrEnum):
    """The one part of the report where a pair is listed (routine: the appendix only)."""

    HARDENED = "hardened"
    SOFTENED = "softened"
    NEW = "new"
    DROPPED = "dropped"
    REWORDED = "reworded"
    REARRANGED = "rearranged"
    ROUTINE = "routine"
    UNCHANGED = "unchanged"


SECTION_LABEL: dict[Section, str] = {
    Section.HARDENED: "Hardened",
    Section.SOFTENED: "Softened",
    Section.NEW: "New",
    Section.DROPPED: "Dropped",
    Section.REWORDED: "Reworded",
    Section.REARRANGED: "Moved, split, merged",
    Section.ROUTINE: "Routine",
    Section.UNCHANGED: "Unchanged",
}
"""Column headings of the table at a glance, in section order."""

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

_KIND_PLURAL: dict[Kind, str] = {
    Kind.CONCERN: "Concerns",
    Kind.COMMITMENT: "Commitments",
    Kind.CALL: "Calls",
    Kind.DECISION: "Decisions",
    Kind.WELCOME: "Welcomes",
    Kind.POSITION: "Positions",
    Kind.OTHER: "Other (no stance)",
}

_TOTALS_WORD: dict[Section, str] = {
    Section.HARDENED: "hardened",
    Section.SOFTENED: "softened",
    Section.NEW: "new",
    Section.DROPPED: "dropped",
    Section.REWORDED: "reworded",
    Section.REARRANGED: "moved, split or merged",
}
"""How the totals sentence names the sections that list changes."""

_NO_TOPIC = "Other subjects"
_SOURCE_FIELDS = (("symbol", "Symbol"), ("source_url", "Source"))
"""Metadata keys that say where a document comes from, and their row labels."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A section's heading, its HTML anchor and the sentence under it."""

    anchor: str
    title: str
    blurb: str


HEADINGS: dict[str, Heading] = {
    "glance": Heading(
        "at-a-glance",
        "At a glance",
        "Clause pairs by what happened to them (columns) and what they say (rows). "
        "Each pair is counted once, in the section below that lists it.",
    ),
    "hardened": Heading(
        "hardened", "Hardened", "Clauses whose stance got stronger: the stance before and after, why, and where."
    ),
    "softened": Heading(
        "softened", "Softened", "Clauses whose stance got weaker: the stance before and after, why, and where."
    ),
    "new": Heading("new", "New", "Clauses of the new version with no counterpart in the old one, by what they say."),
    "dropped": Heading(
        "dropped", "Dropped", "Clauses of the old version with no counterpart in the new one, by what they say."
    ),
    "names": Heading(
        "names",
        "Named for the first time, or no longer named",
        "Countries, organisations and topics that only one of the two versions mentions.",
    ),
    "reworded": Heading(
        "reworded",
        "Reworded",
        "Same clause, same stance, different words, grouped by topic: "
        "deleted words are struck through, inserted words are in bold.",
    ),
    "rearranged": Heading(
        "moved-split-merged",
        "Moved, split and merged",
        "Clauses that changed place, or were cut in two or joined, with both positions.",
    ),
    "appendix": Heading(
        "appendix",
        "Appendix: every clause pair",
        "The full aligned comparison in the new version's order, routine changes included.",
    ),
}
"""Every section of the report, in order, keyed by the Report field it shows."""

READING_NOTE = (
    "Positions read ¶ (paragraph) and s (sentence), counted from the top of each version; "
    "old -> new where a clause has both."
)


@dataclass(frozen=True, slots=True)
class Group:
    """Pairs listed under one sub-heading (a kind, or a topic)."""

    heading: str
    pairs: tuple[Pair, ...]


@dataclass(frozen=True, slots=True)
class NameChange:
    """A target or topic that only one version names, and where that version names it."""

    name: str
    roles: str
    """"target", "topic" or "target, topic"."""
    places: tuple[str, ...]
    """Positions like "new ¶8 s18", in document order."""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a change report shows, as plain text and pairs, in section order."""

    title: str
    documents: tuple[tuple[str, str, str], ...]
    """Rows of (label, old value, new value): title, date, file and where known the source."""
    totals: str
    """One sentence of counts."""
    filter_note: str
    """What the filter kept, or "" when it kept everything."""
    routine_note: str
    """How many routine changes there are, and that only the appendix lists them."""
    glance_columns: tuple[str, ...]
    glance: tuple[tuple[str, tuple[int, ...]], ...]
    """Rows of (kind label, counts per column); the last column and the last row are totals."""
    hardened: tuple[Pair, ...]
    softened: tuple[Pair, ...]
    new: tuple[Group, ...]
    """Added pairs by kind."""
    dropped: tuple[Group, ...]
    """Removed pairs by kind."""
    names: tuple[tuple[str, tuple[NameChange, ...]], ...]
    """Two lists under their headings: names first used by the new version, names it dropped."""
    reworded: tuple[Group, ...]
    """Reworded pairs by topic."""
    rearranged: tuple[Pair, ...]
    appendix: tuple[Pair, ...]
    """Every pair the filter kept, routine ones included."""


def build_report(comparison: Comparison, *, title: str | None = None, pair_filter: PairFilter | None = None) -> Report:
    """Sort the pairs the filter keeps into the report's sections.

    Args:
        comparison: what ``compare_documents`` returned.
        title: the report's heading; by default it names both documents.
        pair_filter: which pairs to cover; all of them when None.
    """
    pair_filter = pair_filter or PairFilter()
    shown = pair_filter.apply(comparison.pairs)
    by_section: dict[Section, list[Pair]] = {section: [] for section in Section}
    for pair in shown:
        by_section[section_of(pair)].append(pair)
    counts = {section: len(pairs) for section, pairs in by_section.items()}
    first_named, no_longer_named = _name_changes(comparison, shown)
    return Report(
        title=title or _default_title(comparison.old, comparison.new),
        documents=_document_rows(comparison.old, comparison.new),
        totals=_totals(counts),
        filter_note=_filter_note(pair_filter, len(shown), len(comparison.pairs)),
        routine_note=_routine_note(counts[Section.ROUTINE]),
        glance_columns=(*SECTION_LABEL.values(), "Total"),
        glance=_glance(shown),
        hardened=tuple(by_section[Section.HARDENED]),
        softened=tuple(by_section[Section.SOFTENED]),
        new=_by_kind(by_section[Section.NEW]),
        dropped=_by_kind(by_section[Section.DROPPED]),
        names=(("Named for the first time", first_named), ("No longer named", no_longer_named)),
        reworded=_by_topic(by_section[Section.REWORDED]),
        rearranged=tuple(by_section[Section.REARRANGED]),
        appendix=shown,
    )


def section_of(pair: Pair) -> Section:
    """The section that lists the pair: routine first, then the stance shift, then the status.

    >>> from compare.model import Pair, Shift, Status
    >>> section_of(Pair(Status.MOVED, (), (), shift=Shift.WEAKER))
    <Section.SOFTENED: 'softened'>
    >>> section_of(Pair(Status.REWORDED, (), (), shift=Shift.STRONGER, routine=True))
    <Section.ROUTINE: 'routine'>
    """
    if pair.routine:
        return Section.ROUTINE
    if pair.shift is Shift.STRONGER:
        return Section.HARDENED
    if pair.shift is Shift.WEAKER:
        return Section.SOFTENED
    return {
        Status.ADDED: Section.NEW,
        Status.REMOVED: Section.DROPPED,
        Status.REWORDED: Section.REWORDED,
        Status.UNCHANGED: Section.UNCHANGED,
    }.get(pair.status, Section.REARRANGED)


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


def pair_count(groups: Iterable[Group]) -> int:
    """How many pairs the groups hold together."""
    return sum(len(group.pairs) for group in groups)


def status_word(pair: Pair) -> str:
    """The status where it adds to the name of the section listing it: "moved", "split", "merged"."""
    return "" if pair.status in (Status.REWORDED, Status.ADDED, Status.REMOVED) else pair.status.value


def note(pair: Pair) -> str:
    """The appendix note of a pair: its stance shift and whether it is routine, or ""."""
    return joined_facts(shift_note(pair), "routine" if pair.routine else "")


def joined_facts(*facts: str) -> str:
    """The non-empty facts joined by "; ".

    >>> joined_facts("¶2 s3", "", "China")
    '¶2 s3; China'
    """
    return "; ".join(fact for fact in facts if fact)


def side_text(clauses: Sequence[Clause]) -> str:
    """The text of one side of a pair, its clauses joined by a space."""
    return " ".join(clause.text for clause in clauses)


def _document_name(document: Document) -> str:
    if document.title:
        return document.title
    return "standard input" if document.path == "-" else PurePath(document.path).name


def _default_title(old: Document, new: Document) -> str:
    old_name, new_name = _document_name(old), _document_name(new)
    if normalise(old_name) == normalise(new_name):  # the same title, give or take its quotes
        return f"Change report: {new_name}"
    return f"Change report: {old_name} → {new_name}"


def _document_rows(old: Document, new: Document) -> tuple[tuple[str, str, str], ...]:
    rows = [
        ("Title", old.title or "no title found", new.title or "no title found"),
        ("Date", old.date or "no date found", new.date or "no date found"),
        ("File", old.path, new.path),
    ]
    old_meta, new_meta = dict(old.metadata), dict(new.metadata)
    for key, label in _SOURCE_FIELDS:
        if key in old_meta or key in new_meta:
            rows.append((label, old_meta.get(key, "–"), new_meta.get(key, "–")))
    return tuple(rows)


def _counted(count: int, singular: str, plural: str | None = None) -> str:
    """ "1 clause pair", "3 clause pairs".

    >>> _counted(1, "clause pair"), _counted(2, "change")
    ('1 clause pair', '2 changes')
    """
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _joined(parts: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c".

    >>> _joined(["a", "b", "c"])
    'a, b and c'
    """
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _totals(counts: dict[Section, int]) -> str:
    total = sum(counts.values())
    if not total:
        return "There are no clauses to compare."
    unchanged = counts[Section.UNCHANGED]
    if unchanged == total:
        return f"Nothing changed: all {_counted(total, 'clause pair')} are the same in both versions."
    listed = [f"{counts[section]} {word}" for section, word in _TOTALS_WORD.items() if counts[section]]
    routine = counts[Section.ROUTINE]
    if routine:
        listed.append(f"{_counted(routine, 'routine change')} listed only in the appendix")
    changed = total - unchanged
    return f"Of {_counted(total, 'clause pair')}, {changed} changed: {_joined(listed)}; {unchanged} unchanged."


def _routine_note(routine: int) -> str:
    return (
        "Routine changes (dates, venues, session numbers and the like, which a statement changes by "
        f"construction) are folded away: counted here ({routine}) and listed only in the appendix."
    )


def _filter_note(pair_filter: PairFilter, shown: int, total: int) -> str:
    if pair_filter.is_empty:
        return ""
    criteria = [
        (what, ", ".join(sorted(str(value) for value in values)))
        for what, values in (
            ("status", pair_filter.statuses),
            ("kind", pair_filter.kinds),
            ("target", pair_filter.targets),
            ("topic", pair_filter.topics),
            ("shift", pair_filter.shifts),
        )
        if values
    ]
    described = [f"{what} {values}" for what, values in criteria]
    if pair_filter.only_changes:
        described.append("changes only")
    if pair_filter.hide_routine:
        described.append("routine changes hidden")
    return f"Filtered ({'; '.join(described)}): this report covers {shown} of {_counted(total, 'clause pair')}."


def _glance(pairs: Sequence[Pair]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    columns = list(SECTION_LABEL)
    rows = []
    totals = [0] * len(columns)
    for kind in KIND_ORDER:
        counts = [0] * len(columns)
        for pair in pairs:
            if kind_of(pair) is kind:
                counts[columns.index(section_of(pair))] += 1
        if any(counts):
            rows.append((_KIND_PLURAL[kind], (*counts, sum(counts))))
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
    rows.append(("All clauses", (*totals, sum(totals))))
    return tuple(rows)


def _by_kind(pairs: Sequence[Pair]) -> tuple[Group, ...]:
    return tuple(
        Group(_KIND_PLURAL[kind], tuple(pair for pair in pairs if kind_of(pair) is kind))
        for kind in KIND_ORDER
        if any(kind_of(pair) is kind for pair in pairs)
    )


def _by_topic(pairs: Sequence[Pair]) -> tuple[Group, ...]:
    """Pairs under their first topic, topics in order of first appearance, no topic last."""
    groups: dict[str, list[Pair]] = {}
    for pair in pairs:
        topics = [topic for clause in (*pair.new, *pair.old) if clause.label for topic in clause.label.topics]
        groups.setdefault(topics[0] if topics else "", []).append(pair)
    ordered = sorted(groups.items(), key=lambda item: item[0] == "")
    return tuple(Group(topic or _NO_TOPIC, tuple(grouped)) for topic, grouped in ordered)


def _name_changes(
    comparison: Comparison, shown: Sequence[Pair]
) -> tuple[tuple[NameChange, ...], tuple[NameChange, ...]]:
    """Names the shown pairs carry that the other version never mentions: (first named, no longer named)."""
    every_old = [clause for pair in comparison.pairs for clause in pair.old]
    every_new = [clause for pair in comparison.pairs for clause in pair.new]
    first_named = _named_only((clause for pair in shown for clause in pair.new), every_old, side="new")
    no_longer_named = _named_only((clause for pair in shown for clause in pair.old), every_new, side="old")
    return first_named, no_longer_named


def _named_only(clauses: Iterable[Clause], other_side: Sequence[Clause], *, side: str) -> tuple[NameChange, ...]:
    """Names ``clauses`` carry that no clause of ``other_side`` does, with where they stand."""
    elsewhere = {role: names_in(other_side, role + "s") for role in ("target", "topic")}
    roles: dict[str, list[str]] = {}
    places: dict[str, list[str]] = {}
    for clause in sorted(clauses, key=lambda clause: clause.index):
        if clause.label is None:
            continue
        for role, names in (("target", clause.label.targets), ("topic", clause.label.topics)):
            for name in names:
                if name in elsewhere[role]:
                    continue
                if role not in roles.setdefault(name, []):
                    roles[name].append(role)
                place = f"{side} {location((clause,))}"
                if place not in places.setdefault(name, []):
                    places[name].append(place)
    return tuple(NameChange(name, ", ".join(roles[name]), tuple(places[name])) for name in roles)
