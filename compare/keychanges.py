"""Key changes first: the few changes of a comparison a reader must not miss, ranked, and the
weak or uncertain ones set apart.

The report opens with them and the review app shows them first. A key change is one of:

- a **dropped** or **new** clause that says something: a concern, commitment, call or
  decision (welcomes, positions and narration are listed in the report's sections, not here);
- a **sure stance shift**: hardened, softened or mixed, on a pair aligned surely.

Each is **ranked** by a weight (``weight``): the kind (concern and commitment 3, call and
decision 2, welcome 1, position 1, other 0), times one plus a tenth of its rung (a condemnation
outranks an expression of concern), times 1.5 when it names a target (a country, a body),
times 1.2 for a stance shift (a direction is news), times the confidence of the claim. Changes
are then grouped **by named target**, targets in the order of their heaviest change, changes
naming no target last. What is not sure (an added or removed clause that may have a
counterpart, a shift whose pairing is too weak to claim a direction) is **uncertain**: listed
apart, by the same weight, never mixed in with the sure ones. Routine changes are never key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compare.model import Comparison, Kind, Pair, Shift, Status

__all__ = ["KIND_WEIGHT", "KeyChange", "KeyChanges", "key_changes", "weight"]

KIND_WEIGHT: dict[Kind, float] = {
    Kind.CONCERN: 3.0,
    Kind.COMMITMENT: 3.0,
    Kind.CALL: 2.0,
    Kind.DECISION: 2.0,
    Kind.WELCOME: 1.0,
    Kind.POSITION: 1.0,
    Kind.OTHER: 0.0,
}
"""How much a change of each kind of clause weighs: concerns and commitments first."""

ADDED_OR_DROPPED_KINDS = frozenset({Kind.CONCERN, Kind.COMMITMENT, Kind.CALL, Kind.DECISION})
"""Kinds whose arrival or disappearance is a key change."""

NO_TARGET = "No named target"


@dataclass(frozen=True, slots=True)
class KeyChange:
    """One change a reader must not miss."""

    what: str
    """"dropped", "new", "hardened", "softened" or "mixed"; "unclear" among uncertain ones."""
    kind: Kind
    targets: tuple[str, ...]
    weight: float
    pair: Pair


@dataclass(frozen=True, slots=True)
class KeyChanges:
    """The key changes by target, ranked, and the uncertain ones."""

    by_target: tuple[tuple[str, tuple[KeyChange, ...]], ...]
    """(target, its changes heaviest first), targets in the order of their heaviest change."""
    uncertain: tuple[KeyChange, ...]
    """Changes that are not sure, heaviest first."""

    @property
    def count(self) -> int:
        """How many sure key changes there are."""
        return sum(len(changes) for _, changes in self.by_target)


def key_changes(comparison: Comparison | Sequence[Pair]) -> KeyChanges:
    """The key changes of a comparison (or of some of its pairs), ranked and grouped."""
    pairs = comparison.pairs if isinstance(comparison, Comparison) else tuple(comparison)
    sure: list[KeyChange] = []
    uncertain: list[KeyChange] = []
    for pair in pairs:
        change = _key_change(pair)
        if change is None:
            continue
        (sure if pair.certainty == "sure" and change.what != "unclear" else uncertain).append(change)
    groups: dict[str, list[KeyChange]] = {}
    for change in sorted(sure, key=_order):
        groups.setdefault(change.targets[0] if change.targets else NO_TARGET, []).append(change)
    named = [(target, tuple(changes)) for target, changes in groups.items() if target != NO_TARGET]
    if NO_TARGET in groups:
        named.append((NO_TARGET, tuple(groups[NO_TARGET])))
    return KeyChanges(tuple(named), tuple(sorted(uncertain, key=_order)))


def weight(pair: Pair, kind: Kind, *, shifted: bool) -> float:
    """The ranking weight of a change (see the module docstring).

    >>> from compare.model import Pair, Status
    >>> weight(Pair(Status.REMOVED, (), (), confidence=1.0), Kind.CONCERN, shifted=False)
    3.0
    """
    clauses = pair.new or pair.old
    rung = max((clause.label.intensity for clause in clauses if clause.label), default=0)
    named = any(clause.label and clause.label.targets for clause in (*pair.old, *pair.new))
    value = KIND_WEIGHT[kind] * (1 + rung / 10) * (1.5 if named else 1.0) * (1.2 if shifted else 1.0)
    return round(value * (pair.confidence if pair.confidence is not None else 1.0), 3)


def _key_change(pair: Pair) -> KeyChange | None:
    if pair.routine:
        return None
    clauses = pair.new or pair.old
    kinds = [clause.label.kind for clause in clauses if clause.label and clause.label.kind is not Kind.OTHER]
    kind = kinds[0] if kinds else Kind.OTHER
    targets = tuple(dict.fromkeys(t for clause in (*pair.new, *pair.old) if clause.label for t in clause.label.targets))
    if pair.status in (Status.ADDED, Status.REMOVED):
        if kind not in ADDED_OR_DROPPED_KINDS:
            return None
        what = "new" if pair.status is Status.ADDED else "dropped"
        return KeyChange(what, kind, targets, weight(pair, kind, shifted=False), pair)
    what = {Shift.STRONGER: "hardened", Shift.WEAKER: "softened", Shift.MIXED: "mixed", Shift.UNCLEAR: "unclear"}.get(
        pair.shift
    )
    if what is None:
        return None
    if what == "unclear" and not any(item.direction is not Shift.SAME for item in pair.shift_evidence):
        return None
    return KeyChange(what, kind, targets, weight(pair, max(kind, Kind.POSITION, key=KIND_WEIGHT.get), shifted=True), pair)


def _order(change: KeyChange) -> tuple[float, int]:
    clauses = change.pair.new or change.pair.old
    return -change.weight, clauses[0].index if clauses else 0
