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

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath

from compare.filters import PairFilter
from compare.keychanges import KeyChange, key_changes
from compare.model import Clause, Comparison, Document, Kind, Pair, Shift, Status
from compare.normalise import normalise
from compare.render.common import certainty_note, corrected_note, shift_note, summary_line
from compare.report.budget import Budget, words_in, words_of_pair
from compare.report.names import NameChange, name_changes

__all__ = [
    "HEADINGS",
    "KEY_TEXT_WORDS",
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
    "empty_sections",
    "key_headline",
    "key_text",
    "left_to_appendix",
    "kind_of",
    "note",
    "group_count",
    "section_of",
    "shown_path",
    "shown_sections",
    "side_text",
    "stance_change",
    "stance_phrase",
    "status_word",
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
    Section.MIXED: "mixed",
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
        "Same clause, same stance, new words, by topic (deleted words struck through, inserted in bold).",
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
KEY_AT_LEAST = 3
"""Key changes listed whatever the budget."""
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
    key_listed, key_more = _listed(key.by_target, KEY_LIMIT, budget)
    uncertain_listed = _fitted_changes(key.uncertain[:UNCERTAIN_LIMIT], budget, at_least=1)
    hardened, softened, mixed = (tuple(by_section[s]) for s in (Section.HARDENED, Section.SOFTENED, Section.MIXED))
    budget.spend(sum(words_of_pair(pair) for pair in (*hardened, *softened, *mixed)))
    new = _by_kind(by_section[Section.NEW])
    dropped = _by_kind(by_section[Section.DROPPED])
    # Countries, bodies and topics named only once are short and say much: they go before new
    # and dropped clauses; proper names as written go after the concerns and commitments.
    known = [_fitted_names(_names_of(names, proper=False), budget, at_least=NAMES_AT_LEAST) for names in (first_named, no_longer_named)]
    new, dropped = _fitted_by_kind(new, dropped, budget)
    proper = [_fitted_names(_names_of(names, proper=True), budget) for names in (first_named, no_longer_named)]
    first_named, no_longer_named = (known[side][0] + proper[side][0] for side in (0, 1))
    first_more, no_longer_more = (known[side][1] + proper[side][1] for side in (0, 1))
    reworded = _fitted_groups(_by_topic(by_section[Section.REWORDED]), budget)
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


def _key_words(change: KeyChange) -> int:
    """Words a key or uncertain change takes: its headline, position and the start of its text."""
    return words_in(" ".join(key_headline(change))) + words_in(key_text(change)) + 4


def _listed(
    by_target: tuple[tuple[str, tuple[KeyChange, ...]], ...], limit: int, budget: Budget
) -> tuple[tuple[tuple[str, tuple[KeyChange, ...]], ...], int]:
    """The heaviest key changes that fit, still grouped by target, and how many did not."""
    ranked = sorted((change for _, changes in by_target for change in changes), key=lambda c: -c.weight)
    kept = {id(change) for change in _fitted_changes(ranked[:limit], budget, at_least=KEY_AT_LEAST)}
    listed = tuple(
        (target, tuple(change for change in changes if id(change) in kept))
        for target, changes in by_target
        if any(id(change) in kept for change in changes)
    )
    return listed, len(ranked) - len(kept)


def _fitted_changes(changes: Sequence[KeyChange], budget: Budget, *, at_least: int) -> tuple[KeyChange, ...]:
    """The first changes that fit the budget (the first ``at_least`` whatever it holds)."""
    fitted = []
    for number, change in enumerate(changes):
        cost = _key_words(change)
        if number >= at_least and cost > budget.left:
            break
        budget.spend(cost)
        fitted.append(change)
    return tuple(fitted)


def _fitted_by_kind(new: tuple[Group, ...], dropped: tuple[Group, ...], budget: Budget) -> tuple[tuple[Group, ...], tuple[Group, ...]]:
    """New and dropped groups cut to the budget: groups of the kinds that say something first,
    one pair from each group in turn, so that no group crowds the others out. Each group lists
    its first pairs up to the first that does not fit."""
    first = {_KIND_PLURAL[kind] for kind in KIND_ORDER[:4]}
    listed: dict[tuple[int, str], list[Pair]] = {}
    for important in (True, False):
        turn = [
            (side, group)
            for side, groups in enumerate((new, dropped))
            for group in groups
            if (group.heading in first) == important
        ]
        open_groups = {(side, group.heading) for side, group in turn}
        for side, group in turn:
            listed[(side, group.heading)] = []
        while open_groups:
            for side, group in turn:
                key = (side, group.heading)
                if key not in open_groups:
                    continue
                shown = listed[key]
                if len(shown) == len(group.pairs) or words_of_pair(group.pairs[len(shown)]) > budget.left:
                    open_groups.discard(key)
                    continue
                budget.spend(words_of_pair(group.pairs[len(shown)]))
                shown.append(group.pairs[len(shown)])

    def cut(side: int, groups: tuple[Group, ...]) -> tuple[Group, ...]:
        return tuple(
            Group(group.heading, tuple(listed[(side, group.heading)]), len(group.pairs) - len(listed[(side, group.heading)]))
            for group in groups
        )

    return cut(0, new), cut(1, dropped)


def _names_of(changes: tuple[NameChange, ...], *, proper: bool) -> tuple[NameChange, ...]:
    """The proper names as written (``proper``), or the classifier's targets and topics."""
    return tuple(change for change in changes if (change.roles == "name") == proper)


def _fitted_names(
    changes: tuple[NameChange, ...], budget: Budget, *, at_least: int = 0
) -> tuple[tuple[NameChange, ...], int]:
    """The names that fit (the first ``at_least`` whatever the budget), and how many did not."""
    fitted = []
    for number, change in enumerate(changes):
        cost = words_in(change.name) + len(change.places) * 2 + 2
        if cost > budget.left and number >= at_least:
            break
        budget.spend(cost)
        fitted.append(change)
    return tuple(fitted), len(changes) - len(fitted)


def shown_sections(report: Report) -> tuple[str, ...]:
    """The keys of HEADINGS the report shows, in order: empty sections are left out (and named
    in one line), the key changes, the table at a glance and the appendix always shown."""
    counts = {
        "uncertain": len(report.uncertain) + report.uncertain_more,
        "hardened": len(report.hardened),
        "softened": len(report.softened),
        "mixed": len(report.mixed),
        "new": group_count(report.new),
        "dropped": group_count(report.dropped),
        "names": sum(len(changes) for _, changes in report.names),
        "reworded": group_count(report.reworded),
        "rearranged": report.rearranged.total,
    }
    return tuple(key for key in HEADINGS if counts.get(key, 1))


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
    empty = [
        word
        for word, count in (
            ("hardened", len(report.hardened)),
            ("softened", len(report.softened)),
            ("new", group_count(report.new)),
            ("dropped", group_count(report.dropped)),
            ("named only once", sum(len(changes) for _, changes in report.names)),
            ("reworded", group_count(report.reworded)),
            ("moved, split or merged", report.rearranged.total),
        )
        if not count
    ]
    if not empty:
        return ""
    return "Nothing " + (empty[0] if len(empty) == 1 else ", ".join(empty[:-1]) + ", or " + empty[-1]) + "."


def _fitted_groups(groups: tuple[Group, ...], budget: Budget) -> tuple[Group, ...]:
    fitted = []
    for group in groups:
        listed, more = budget.fit(group.pairs)
        fitted.append(Group(group.heading, listed, more))
    return tuple(fitted)


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


def group_count(groups: Iterable[Group]) -> int:
    """How many pairs the groups hold together, listed or left to the appendix."""
    return sum(group.total for group in groups)


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

