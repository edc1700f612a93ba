"""What goes in which section of the change report, decided once for Markdown and HTML.

``build_report`` takes a Comparison (after an optional PairFilter) and sorts its pairs into the
report's sections: hardened, softened, new, dropped, reworded, moved/split/merged, routine and
unchanged. Every pair lands in exactly one section (``section_of``), so the counts at a glance
add up to what the sections list. Routine changes (a meeting date, a session number) are
counted but listed only in the appendix, which shows every pair. The result is plain text and
the pairs themselves; ``compare.report.markdown`` and ``compare.report.html`` lay it out and
escape every piece of document text for their format. How much each section lists is the length
budget's call (``budget``); the headings and phrases both formats print are in ``wording``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath

from compare.filters import PairFilter
from compare.keychanges import KeyChange, key_changes
from compare.model import Comparison, Document, Pair, Shift, Status
from compare.normalise import normalise
from compare.render.common import summary_line
from compare.report.budget import (
    Budget,
    fitted_by_kind,
    fitted_by_target,
    fitted_changes,
    fitted_groups,
    fitted_names,
    words_in,
    words_of_pair,
)
from compare.report.names import NameChange, name_changes
from compare.report.wording import (
    HEADINGS,
    KIND_ORDER,
    KIND_PLURAL,
    kind_of,
    shown_path,
)

__all__ = [
    "KEY_LIMIT",
    "NAMES_AT_LEAST",
    "SECTION_LABEL",
    "UNCERTAIN_LIMIT",
    "Group",
    "NameChange",
    "Report",
    "Section",
    "build_report",
    "empty_sections",
    "group_count",
    "left_to_appendix",
    "section_counts",
    "section_of",
    "shown_sections",
]


class Section(StrEnum):
    """The one part of the report where a pair is listed (routine: the appendix only)."""

    HARDENED = "hardened"
    SOFTENED = "softened"
    MIXED = "mixed"
    NEW = "new"
    DROPPED = "dropped"
    REWORDED = "reworded"
    REARRANGED = "rearranged"
    ROUTINE = "routine"
    UNCHANGED = "unchanged"


SECTION_LABEL: dict[Section, str] = {
    Section.HARDENED: "Hardened",
    Section.SOFTENED: "Softened",
    Section.MIXED: "Mixed",
    Section.NEW: "New",
    Section.DROPPED: "Dropped",
    Section.REWORDED: "Reworded",
    Section.REARRANGED: "Moved, split, merged",
    Section.ROUTINE: "Routine",
    Section.UNCHANGED: "Unchanged",
}
"""Column headings of the table at a glance, in section order."""


_NO_TOPIC = "Other subjects"
_SOURCE_FIELDS = (("symbol", "Symbol"), ("source_url", "Source"))
"""Metadata keys that say where a document comes from, and their row labels."""


@dataclass(frozen=True, slots=True)
class Group:
    """Pairs listed under one sub-heading (a kind, or a topic)."""

    heading: str
    pairs: tuple[Pair, ...]
    more: int = 0
    """Pairs of the group the length budget left to the appendix."""

    @property
    def total(self) -> int:
        """Pairs in the group, listed or not."""
        return len(self.pairs) + self.more


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a change report shows, as plain text and pairs, in section order."""

    title: str
    documents: tuple[tuple[str, str, str], ...]
    """Rows of (label, old value, new value): title, date, file and where known the source."""
    totals: str
    """One sentence of counts: the same numbers as ``jointdiff diff``'s summary line."""
    filter_note: str
    """What the filter kept, or "" when it kept everything."""
    routine_note: str
    """How many routine changes there are, and that only the appendix lists them."""
    budget_note: str
    """What the length budget left to the appendix, or "" when everything fitted."""
    key: tuple[tuple[str, tuple[KeyChange, ...]], ...]
    """Key changes by target (see ``compare.keychanges``), as many as fit."""
    key_more: int
    uncertain: tuple[KeyChange, ...]
    uncertain_more: int
    glance_columns: tuple[str, ...]
    glance: tuple[tuple[str, tuple[int, ...]], ...]
    """Rows of (kind label, counts per column); the last column and the last row are totals."""
    hardened: tuple[Pair, ...]
    softened: tuple[Pair, ...]
    mixed: tuple[Pair, ...]
    new: tuple[Group, ...]
    """Added pairs by kind."""
    dropped: tuple[Group, ...]
    """Removed pairs by kind."""
    names: tuple[tuple[str, tuple[NameChange, ...]], ...]
    """Two lists under their headings: names first used by the new version, names it dropped."""
    reworded: tuple[Group, ...]
    """Reworded pairs by topic."""
    rearranged: Group
    appendix: tuple[Pair, ...]
    """Every pair the filter kept, routine ones included."""


KEY_LIMIT = 15
"""Key changes listed at most; the rest are counted and listed in the sections below."""


UNCERTAIN_LIMIT = 8
"""Uncertain changes listed at most (the first one whatever the budget)."""


def build_report(
    comparison: Comparison,
    *,
    title: str | None = None,
    pair_filter: PairFilter | None = None,
    labels: tuple[str | None, str | None] = (None, None),
) -> Report:
    """Sort the pairs the filter keeps into the report's sections, within the length budget.

    Args:
        comparison: what ``compare_documents`` returned.
        title: the report's heading; by default it names both documents.
        pair_filter: which pairs to cover; all of them when None.
        labels: names shown for the old and new files instead of their paths, where given.
    """
    pair_filter = pair_filter or PairFilter()
    shown = pair_filter.apply(comparison.pairs)
    by_section: dict[Section, list[Pair]] = {section: [] for section in Section}
    for pair in shown:
        by_section[section_of(pair)].append(pair)
    counts = {section: len(pairs) for section, pairs in by_section.items()}
    first_named, no_longer_named = name_changes(comparison, shown)
    documents = _document_rows(comparison.old, comparison.new, labels)
    fixed = _FIXED_WORDS + sum(words_in(" ".join(row)) for row in documents)
    budget = Budget.for_texts(comparison.old.text, comparison.new.text, fixed=fixed)
    key = key_changes(shown)
    key_listed, key_more = fitted_by_target(key.by_target, KEY_LIMIT, budget)
    uncertain_listed = fitted_changes(key.uncertain[:UNCERTAIN_LIMIT], budget, at_least=1)
    hardened, softened, mixed = (tuple(by_section[s]) for s in (Section.HARDENED, Section.SOFTENED, Section.MIXED))
    budget.spend(sum(words_of_pair(pair) for pair in (*hardened, *softened, *mixed)))
    new = _by_kind(by_section[Section.NEW])
    dropped = _by_kind(by_section[Section.DROPPED])
    # Countries, bodies and topics named only once are short and say much: they go before new
    # and dropped clauses; proper names as written go after the concerns and commitments.
    known = [fitted_names(_names_of(names, proper=False), budget, at_least=NAMES_AT_LEAST) for names in (first_named, no_longer_named)]
    new, dropped = fitted_by_kind(new, dropped, budget)
    proper = [fitted_names(_names_of(names, proper=True), budget) for names in (first_named, no_longer_named)]
    first_named, no_longer_named = (known[side][0] + proper[side][0] for side in (0, 1))
    first_more, no_longer_more = (known[side][1] + proper[side][1] for side in (0, 1))
    reworded = fitted_groups(_by_topic(by_section[Section.REWORDED]), budget)
    rearranged_listed, rearranged_more = budget.fit(by_section[Section.REARRANGED])
    left_out = key_more + sum(g.more for g in (*new, *dropped, *reworded)) + rearranged_more + first_more + no_longer_more
    return Report(
        title=title or _default_title(comparison.old, comparison.new),
        documents=documents,
        totals=_totals(comparison, shown, counts),
        filter_note=_filter_note(pair_filter, len(shown), len(comparison.pairs)),
        routine_note=_routine_note(counts[Section.ROUTINE]),
        budget_note=_budget_note(left_out),
        key=key_listed,
        key_more=key_more,
        uncertain=uncertain_listed,
        uncertain_more=len(key.uncertain) - len(uncertain_listed),
        glance_columns=(*SECTION_LABEL.values(), "Total"),
        glance=_glance(shown),
        hardened=hardened,
        softened=softened,
        mixed=mixed,
        new=new,
        dropped=dropped,
        names=(("Named for the first time", first_named), ("No longer named", no_longer_named)),
        reworded=reworded,
        rearranged=Group("", rearranged_listed, rearranged_more),
        appendix=shown,
    )


_FIXED_WORDS = 330
"""Words the totals, the notes, the headings and the table at a glance take (the rows naming
the two documents are counted apart)."""
NAMES_AT_LEAST = 5
"""Countries, bodies and topics named only once listed whatever the budget, on each side."""


def _names_of(changes: tuple[NameChange, ...], *, proper: bool) -> tuple[NameChange, ...]:
    """The proper names as written (``proper``), or the classifier's targets and topics."""
    return tuple(change for change in changes if (change.roles == "name") == proper)


def section_counts(report: Report) -> dict[str, int | None]:
    """How many items each section (a key of HEADINGS) counts in its heading, listed or left to
    the appendix; None for the table at a glance, which has no count.

    >>> empty = Report("", (), "", "", "", "", (), 2, (), 0, (), (), (), (), (), (), (), (), (), Group("", ()), ())
    >>> counts = section_counts(empty)
    >>> counts["key"], counts["new"], counts["glance"]
    (2, 0, None)
    """
    return {
        "key": sum(len(changes) for _, changes in report.key) + report.key_more,
        "uncertain": len(report.uncertain) + report.uncertain_more,
        "glance": None,
        "hardened": len(report.hardened),
        "softened": len(report.softened),
        "mixed": len(report.mixed),
        "new": group_count(report.new),
        "dropped": group_count(report.dropped),
        "names": sum(len(changes) for _, changes in report.names),
        "reworded": group_count(report.reworded),
        "rearranged": report.rearranged.total,
        "appendix": len(report.appendix),
    }


_ALWAYS_SHOWN = frozenset({"key", "glance", "appendix"})
"""Sections shown even when they list nothing: the key changes say so, the table counts zero."""


def shown_sections(report: Report) -> tuple[str, ...]:
    """The keys of HEADINGS the report shows, in order: empty sections are left out (and named
    in one line), the key changes, the table at a glance and the appendix always shown."""
    counts = section_counts(report)
    return tuple(key for key in HEADINGS if key in _ALWAYS_SHOWN or counts[key])


def left_to_appendix(groups: Sequence[Group]) -> str:
    """One line for the groups the budget left wholly to the appendix, or "".

    >>> left_to_appendix((Group("Welcomes", (), 1), Group("Other (no stance)", (), 2)))
    'And 3 more (welcomes 1, other (no stance) 2), in the appendix.'
    """
    left = [group for group in groups if group.more and not group.pairs]
    if not left:
        return ""
    listed = ", ".join(f"{group.heading.lower()} {group.more}" for group in left)
    return f"And {sum(group.more for group in left)} more ({listed}), in the appendix."


def empty_sections(report: Report) -> str:
    """One sentence naming the sections with nothing to list, which the report leaves out.

    >>> empty_sections(Report("", (), "", "", "", "", (), 0, (), 0, (), (), (), (), (), (), (), (), (), Group("", ()), ()))
    'Nothing hardened, softened, new, dropped, named only once, reworded, or moved, split or merged.'
    """
    counts = section_counts(report)
    empty = [
        word
        for word, key in (
            ("hardened", "hardened"),
            ("softened", "softened"),
            ("new", "new"),
            ("dropped", "dropped"),
            ("named only once", "names"),
            ("reworded", "reworded"),
            ("moved, split or merged", "rearranged"),
        )
        if not counts[key]
    ]
    if not empty:
        return ""
    return "Nothing " + (empty[0] if len(empty) == 1 else ", ".join(empty[:-1]) + ", or " + empty[-1]) + "."


def _budget_note(left_out: int) -> str:
    if not left_out:
        return ""
    return (
        f"To stay readable, this report lists {_counted(left_out, 'change')} only in the appendix "
        "(the length budget: the report before the appendix holds about a third of the words of the two versions)."
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
    if pair.shift is Shift.MIXED:
        return Section.MIXED
    return {
        Status.ADDED: Section.NEW,
        Status.REMOVED: Section.DROPPED,
        Status.REWORDED: Section.REWORDED,
        Status.UNCHANGED: Section.UNCHANGED,
    }.get(pair.status, Section.REARRANGED)


def group_count(groups: Iterable[Group]) -> int:
    """How many pairs the groups hold together, listed or left to the appendix."""
    return sum(group.total for group in groups)


def _document_name(document: Document) -> str:
    if document.title:
        return document.title
    return "standard input" if document.path == "-" else PurePath(document.path).name


def _default_title(old: Document, new: Document) -> str:
    old_name, new_name = _document_name(old), _document_name(new)
    if normalise(old_name) == normalise(new_name):  # the same title, give or take its quotes
        return f"Change report: {new_name}"
    return f"Change report: {old_name} → {new_name}"


def _document_rows(
    old: Document, new: Document, labels: tuple[str | None, str | None]
) -> tuple[tuple[str, str, str], ...]:
    old_file, new_file = (label or shown_path(doc.path) for label, doc in zip(labels, (old, new), strict=True))
    rows = [
        ("Title", old.title or "no title found", new.title or "no title found"),
        ("Date", old.date or "no date found", new.date or "no date found"),
        ("File", old_file, new_file),
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


def _totals(comparison: Comparison, shown: Sequence[Pair], counts: dict[Section, int]) -> str:
    """The counts, as ``jointdiff diff`` and the review app give them: clause pairs by status."""
    total = sum(counts.values())
    if not total:
        return "There are no clauses to compare."
    if counts[Section.UNCHANGED] == total:
        return f"Nothing changed: all {_counted(total, 'clause pair')} are the same in both versions."
    if len(shown) == len(comparison.pairs):
        return summary_line(comparison) + "."
    return summary_line(dataclasses.replace(comparison, pairs=tuple(shown))) + " (of the pairs this report covers)."


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
            ("speaker", pair_filter.speakers),
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
            rows.append((KIND_PLURAL[kind], (*counts, sum(counts))))
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
    rows.append(("All clauses", (*totals, sum(totals))))
    return tuple(rows)


def _by_kind(pairs: Sequence[Pair]) -> tuple[Group, ...]:
    return tuple(
        Group(KIND_PLURAL[kind], tuple(pair for pair in pairs if kind_of(pair) is kind))
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
