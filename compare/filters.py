"""Which aligned pairs a view shows: one filter shared by the report, the review app and diff.

A ``PairFilter`` is a frozen value; every criterion left empty lets everything through, and the
criteria combine with AND (within one criterion, any listed value matches). Kinds, targets,
topics and speakers match a pair when a clause on either side carries them, so a concern
dropped from the new text still shows under "concern". Targets are whom a clause is about and
speakers who says it (``Label.actors``): a clause never counts for a target it only names as
its own speaker (``targets_in``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from compare.model import Clause, Label, Pair, Shift, Status

__all__ = ["PairFilter", "names_in", "targets_in", "targets_of"]


@dataclass(frozen=True, slots=True)
class PairFilter:
    """Criteria for the pairs a view shows."""

    statuses: frozenset[Status] = frozenset()
    kinds: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    """Canonical names ("China", "North Korea"), compared case-insensitively."""
    topics: frozenset[str] = frozenset()
    shifts: frozenset[Shift] = frozenset()
    speakers: frozenset[str] = frozenset()
    """Who speaks (``Label.actors``: "We", "United States"), compared case-insensitively."""
    only_changes: bool = False
    hide_routine: bool = False

    def matches(self, pair: Pair) -> bool:
        """Whether the pair passes every criterion.

        >>> from compare.model import Pair, Status
        >>> PairFilter(only_changes=True).matches(Pair(Status.UNCHANGED, (), ()))
        False
        """
        clauses = (*pair.old, *pair.new)
        if self.only_changes and not pair.has_changes:
            return False
        if self.hide_routine and pair.routine:
            return False
        if self.statuses and pair.status not in self.statuses:
            return False
        if self.shifts and pair.shift not in self.shifts:
            return False
        if self.kinds and not self.kinds & {c.label.kind.value for c in clauses if c.label}:
            return False
        if self.targets and not _folded(self.targets) & _folded(targets_in(clauses)):
            return False
        if self.speakers and not _folded(self.speakers) & _folded(names_in(clauses, "actors")):
            return False
        if self.topics and not _folded(self.topics) & _folded(names_in(clauses, "topics")):
            return False
        return True

    def apply(self, pairs: Iterable[Pair]) -> tuple[Pair, ...]:
        """The pairs that pass, in their order."""
        return tuple(pair for pair in pairs if self.matches(pair))

    @property
    def is_empty(self) -> bool:
        """True when the filter lets every pair through."""
        return self == PairFilter()


def names_in(clauses: Iterable[Clause], attribute: str) -> set[str]:
    """The targets, topics or actors (``attribute``) named by any of the clauses."""
    return {name for clause in clauses if clause.label for name in getattr(clause.label, attribute)}


def targets_in(clauses: Iterable[Clause]) -> set[str]:
    """Whom the clauses are about: each clause's targets, less the names it gives as its speakers.

    >>> from compare.model import Clause, Label
    >>> said = Clause("new", 0, 1, 1, 0, 1, "x", Label(actors=("South Korea",), targets=("South Korea", "Japan")))
    >>> sorted(targets_in([said]))
    ['Japan']
    """
    return {name for clause in clauses if clause.label for name in targets_of(clause.label)}


def targets_of(label: Label) -> tuple[str, ...]:
    """One clause's targets in their order, less any it names as its speaker (``label.actors``)."""
    speaking = _folded(label.actors)
    return tuple(name for name in label.targets if name.casefold() not in speaking)


def _folded(names: Iterable[str]) -> set[str]:
    return {name.casefold() for name in names}
