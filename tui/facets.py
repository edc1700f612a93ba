"""The summary sidebar's choices: every filter a reviewer can toggle, and how many pairs it holds.

Between ``compare.filters`` and the SummarySidebar (and the command palette). ``Facet`` names
each ``PairFilter`` criterion, ``toggled`` switches one value of it, and ``summarise`` counts,
for every value, the pairs that pass all the *other* criteria: the number says how many pairs
the view would show with that value selected (faceted search), so counts follow the filters
without a selected status hiding how many pairs the other statuses hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from compare.filters import PairFilter, names_in, targets_in
from compare.model import Clause, Kind, Pair, Shift, Status
from compare.render.common import SHIFT_MARK, SHIFT_WORD, STATUS_MARK

__all__ = ["Choice", "Facet", "Section", "Summary", "named_most_first", "summarise", "toggled"]


class Facet(StrEnum):
    """A criterion of ``PairFilter``; the value is the name of its field."""

    ONLY_CHANGES = "only_changes"
    HIDE_ROUTINE = "hide_routine"
    STATUSES = "statuses"
    SHIFTS = "shifts"
    KINDS = "kinds"
    TARGETS = "targets"
    SPEAKERS = "speakers"
    TOPICS = "topics"

    @property
    def is_switch(self) -> bool:
        """Whether the criterion is on or off rather than a set of values."""
        return self in (Facet.ONLY_CHANGES, Facet.HIDE_ROUTINE)


_HEADINGS = {
    Facet.ONLY_CHANGES: "Show",
    Facet.STATUSES: "Status",
    Facet.SHIFTS: "Stance",
    Facet.KINDS: "Kind",
    Facet.TARGETS: "Target (about whom)",
    Facet.SPEAKERS: "Speaker (who says it)",
    Facet.TOPICS: "Topic",
}
"""Section headings, each before the first facet of its section."""

_SWITCH_LABELS = {Facet.ONLY_CHANGES: "changes only", Facet.HIDE_ROUTINE: "hide routine"}


@dataclass(frozen=True, slots=True)
class Choice:
    """One value a reviewer can toggle, with the number of pairs it stands for."""

    facet: Facet
    value: Hashable
    """A Status, Shift, kind, target or topic name; True for a switch."""
    label: str
    count: int
    selected: bool

    @property
    def key(self) -> str:
        """A stable identifier, like "statuses:reworded" or "only_changes:True"."""
        return f"{self.facet}:{self.value}"


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its choices, in the order the sidebar lists them."""

    heading: str
    choices: tuple[Choice, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """What the sidebar shows: how many pairs pass the filter, and every choice with its count."""

    total: int
    shown: int
    sections: tuple[Section, ...]

    def choices(self) -> Iterator[Choice]:
        """Every choice of every section."""
        for section in self.sections:
            yield from section.choices


def toggled(pair_filter: PairFilter, facet: Facet, value: Hashable = True) -> PairFilter:
    """The filter with one value of a criterion switched on or off.

    >>> toggled(toggled(PairFilter(), Facet.STATUSES, Status.ADDED), Facet.ONLY_CHANGES).statuses
    frozenset({<Status.ADDED: 'added'>})
    >>> toggled(PairFilter(kinds=frozenset({"call"})), Facet.KINDS, "call").is_empty
    True
    """
    current = getattr(pair_filter, facet)
    return replace(pair_filter, **{facet: not current if facet.is_switch else current ^ {value}})


def named_most_first(pairs: Sequence[Pair], facet: Facet) -> tuple[str, ...]:
    """The targets, topics or speakers named in the pairs, the most often named first, then by
    name."""
    facet = Facet(facet)
    counts = Counter(name for pair in pairs for name in _names((*pair.old, *pair.new), facet))
    return tuple(sorted(counts, key=lambda name: (-counts[name], name.casefold())))


def _names(clauses: Sequence[Clause], facet: Facet) -> set[str]:
    """The names of one facet the clauses carry: targets (never a clause's own speaker), topics
    or speakers."""
    if facet is Facet.TARGETS:
        return targets_in(clauses)
    return names_in(clauses, "actors" if facet is Facet.SPEAKERS else str(facet))


def summarise(
    pairs: Sequence[Pair],
    pair_filter: PairFilter,
    *,
    targets: Sequence[str] = (),
    topics: Sequence[str] = (),
    speakers: Sequence[str] = (),
) -> Summary:
    """Count the pairs behind every choice under ``pair_filter``.

    Args:
        pairs: every pair of the comparison.
        pair_filter: what the view shows now.
        targets, topics, speakers: the names to offer (see ``named_most_first``), in order.
    """
    offered: dict[Facet, Sequence[Hashable]] = {
        Facet.ONLY_CHANGES: (True,),
        Facet.HIDE_ROUTINE: (True,),
        Facet.STATUSES: tuple(Status),
        Facet.SHIFTS: tuple(SHIFT_MARK),
        Facet.KINDS: tuple(Kind),
        Facet.TARGETS: targets,
        Facet.SPEAKERS: speakers,
        Facet.TOPICS: topics,
    }
    sections: list[Section] = []
    for facet, values in offered.items():
        counts = _counts(pairs, pair_filter, facet)
        choices = tuple(
            Choice(facet, value, _label(facet, value), counts[value], _is_selected(pair_filter, facet, value))
            for value in values
        )
        if facet in _HEADINGS or not sections:
            sections.append(Section(_HEADINGS[facet], choices))
        else:
            sections[-1] = Section(sections[-1].heading, sections[-1].choices + choices)
    return Summary(len(pairs), len(pair_filter.apply(pairs)), tuple(sections))


def _counts(pairs: Sequence[Pair], pair_filter: PairFilter, facet: Facet) -> Counter[Hashable]:
    """Pairs per value of one criterion, among those passing every other criterion."""
    others = replace(pair_filter, **{facet: False if facet.is_switch else frozenset()})
    return Counter(value for pair in others.apply(pairs) for value in _values(pair, facet))


def _values(pair: Pair, facet: Facet) -> Iterator[Hashable]:
    """The values of one criterion that a pair carries."""
    clauses = (*pair.old, *pair.new)
    if (facet is Facet.ONLY_CHANGES and pair.has_changes) or (facet is Facet.HIDE_ROUTINE and pair.routine):
        yield True
    elif facet is Facet.STATUSES:
        yield pair.status
    elif facet is Facet.SHIFTS and pair.shift is not None:
        yield pair.shift
    elif facet is Facet.KINDS:
        yield from {clause.label.kind for clause in clauses if clause.label}
    elif facet in (Facet.TARGETS, Facet.TOPICS, Facet.SPEAKERS):
        yield from _names(clauses, facet)


def _label(facet: Facet, value: Hashable) -> str:
    if facet.is_switch:
        return _SWITCH_LABELS[facet]
    if isinstance(value, Status):
        return f"{STATUS_MARK[value]} {value}"
    if isinstance(value, Shift):
        return f"{SHIFT_MARK[value]} {SHIFT_WORD[value]}"
    return str(value)


def _is_selected(pair_filter: PairFilter, facet: Facet, value: Hashable) -> bool:
    current = getattr(pair_filter, facet)
    return bool(current) if facet.is_switch else value in current
