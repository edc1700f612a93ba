"""Say whether the stance of an aligned pair got stronger, weaker or stayed the same, and why.

shift() runs after align() on pairs whose clauses carry labels from classify(). Only stance
decides the direction: the kind of speech act and its rung on the ladder of that kind (see
``compare.classify``). Everything else that changed and matters to an analyst (a hedge, a new
target or topic) is named in the reason but never moves the direction on its own: naming a
new country is news, but "We condemn X" is not a harder line than "We condemn Y".

Rules, in order:

1. Negation added ("will" -> "will not", "no longer") is weaker; removed is stronger.
2. Same kind: the higher rung is stronger ("expressed concern -> strongly condemned").
3. Different kinds that lie on one scale are ordered; kinds that do not are "same" with the
   reason "kind changed: concern -> call". The scales:

   - no stance (other) < any stance: a stance added is stronger, a stance dropped weaker;
   - bare noting (position at rung 1: "notes", "takes note", "recalls") < any other stance,
     because every ladder starts there ("takes note of the report" -> "welcomes the report");
   - position < welcome < commitment: saying a thing matters, backing it, pledging to act
     ("will champion adherence" -> "emphasise the importance of adherence" is weaker);
   - call < decision: a decision is the top of the call ladder ("requests" -> "decides").

   A concern is on no scale with the others: "concern -> call" is a change of kind, not of
   strength, and is reported as such.
4. Split and merged pairs compare the strongest stance of each side: the concern if a side
   has one (as classify() lets a concern govern a mixed clause), else the highest rung; the
   targets, topics and hedges of a side are those of all its clauses.
5. A pair aligned with a similarity under WEAK_MATCH whose two sides are of different kinds
   gets "same", its reason starting "weak match": on the corpus such pairs were mostly two
   different sentences ("We believe ..." paired with "We are united in our commitment ..."),
   and a false "hardened" costs an analyst more than a missed one. A change of rung within one
   kind keeps its direction at any similarity.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from compare.model import Clause, Kind, Label, Pair, Shift, Status

__all__ = ["shift", "compare_labels"]

WEAK_MATCH = 60.0
"""Below this similarity (0-100), a pair whose kinds differ gets no direction (rule 5)."""

_ENDORSEMENT = {Kind.POSITION: 0, Kind.WELCOME: 1, Kind.COMMITMENT: 2}
_DEMAND = {Kind.CALL: 0, Kind.DECISION: 1}


def shift(pair: Pair) -> Pair:
    """Return the pair with ``shift`` and ``shift_reason`` set from the labels of its clauses.

    Added and removed pairs get ``shift=None``; unchanged pairs ``Shift.SAME`` with no reason.
    A clause without a label is classified with the shipped lexicon first.
    """
    if pair.status in (Status.ADDED, Status.REMOVED) or not pair.old or not pair.new:
        return dataclasses.replace(pair, shift=None, shift_reason=None)
    if pair.status is Status.UNCHANGED:
        return dataclasses.replace(pair, shift=Shift.SAME, shift_reason=None)
    old, new = _side(pair.old), _side(pair.new)
    direction, reason = compare_labels(old, new)
    if direction is not Shift.SAME and old.kind is not new.kind and (pair.score or 100.0) < WEAK_MATCH:
        # Two clauses this unlike that also say different kinds of thing are more often two
        # statements than one statement hardened: name the change, claim no direction.
        direction, reason = Shift.SAME, f"weak match ({pair.score:g}), {reason}"
    return dataclasses.replace(pair, shift=direction, shift_reason=reason)


def compare_labels(old: Label, new: Label) -> tuple[Shift, str]:
    """The direction from one label to another and a short reason a person can read.

    >>> from compare.model import Kind, Label
    >>> compare_labels(Label(Kind.CONCERN, 2, "expressed concern"),
    ...                Label(Kind.CONCERN, 7, "strongly condemned"))
    (<Shift.STRONGER: 'stronger'>, 'expressed concern -> strongly condemned')
    >>> compare_labels(Label(Kind.COMMITMENT, 3, "will"), Label(Kind.COMMITMENT, 1, "may"))
    (<Shift.WEAKER: 'weaker'>, "commitment dropped 'will' -> 'may'")
    """
    direction, stance_reason = _stance_direction(old, new)
    parts = [stance_reason] if stance_reason else []
    parts += _list_changes("hedge", old.hedges, new.hedges, quote=True)
    parts += _list_changes("target", old.targets, new.targets)
    parts += _list_changes("topic", old.topics, new.topics)
    if not parts:
        parts = ["same stance"]
    return direction, "; ".join(parts)


def _stance_direction(old: Label, new: Label) -> tuple[Shift, str]:
    if old.negated != new.negated:
        said = f"'{old.stance}' -> '{new.stance}'" if old.stance or new.stance else ""
        change = "negation added" if new.negated else "negation removed"
        return (Shift.WEAKER if new.negated else Shift.STRONGER), " ".join(filter(None, [change, said]))
    if old.kind is new.kind:
        if old.kind is Kind.OTHER:
            return Shift.SAME, ""
        if new.intensity == old.intensity:
            same = _normal(old.stance) == _normal(new.stance)
            return Shift.SAME, ("" if same else f"same stance: '{old.stance}' -> '{new.stance}'")
        stronger = new.intensity > old.intensity
        if old.stance and _normal(old.stance) == _normal(new.stance):
            # the words are the same, so a hedge made the difference: the hedge part says which
            return (Shift.STRONGER if stronger else Shift.WEAKER), ""
        if old.kind is Kind.COMMITMENT and not stronger:
            return Shift.WEAKER, f"commitment dropped '{old.stance}' -> '{new.stance}'"
        return (Shift.STRONGER if stronger else Shift.WEAKER), f"{old.stance} -> {new.stance}"
    order = _cross_kind(old, new)
    described = f"{old.kind} '{old.stance}' -> {new.kind} '{new.stance}'"
    if old.kind is Kind.OTHER:
        described = f"stance added: {new.kind} '{new.stance}'"
    elif new.kind is Kind.OTHER:
        described = f"stance dropped: {old.kind} '{old.stance}'"
    if order is None:
        return Shift.SAME, f"kind changed: {old.kind} -> {new.kind}"
    if old.kind is Kind.COMMITMENT and order < 0:
        return Shift.WEAKER, f"commitment dropped '{old.stance}' -> {new.kind} '{new.stance}'"
    return (Shift.STRONGER if order > 0 else Shift.WEAKER), described


def _cross_kind(old: Label, new: Label) -> int | None:
    """+1 when new's kind ranks above old's on a shared scale, -1 below, None off-scale."""
    if old.kind is Kind.OTHER or new.kind is Kind.OTHER:
        return 1 if old.kind is Kind.OTHER else -1
    old_noting = old.kind is Kind.POSITION and old.intensity <= 1
    new_noting = new.kind is Kind.POSITION and new.intensity <= 1
    if old_noting != new_noting:
        return 1 if old_noting else -1
    for scale in (_ENDORSEMENT, _DEMAND):
        if old.kind in scale and new.kind in scale:
            return 1 if scale[new.kind] > scale[old.kind] else -1
    return None


def _list_changes(what: str, old: Sequence[str], new: Sequence[str], *, quote: bool = False) -> list[str]:
    def shown(items: Sequence[str]) -> str:
        return ", ".join(f"'{item}'" if quote else item for item in items)

    added = [item for item in new if item not in old]
    dropped = [item for item in old if item not in new]
    parts = []
    if added:
        parts.append(f"{what}{'s' if len(added) > 1 else ''} added: {shown(added)}")
    if dropped:
        parts.append(f"{what}{'s' if len(dropped) > 1 else ''} dropped: {shown(dropped)}")
    return parts


def _normal(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


def _side(clauses: Sequence[Clause]) -> Label:
    """The label that speaks for one side of a pair (rule 4 of the module doc)."""
    labels = [_labelled(clause) for clause in clauses]
    if len(labels) == 1:
        return labels[0]
    strongest = max(
        labels, key=lambda label: (label.kind is not Kind.OTHER, label.kind is Kind.CONCERN, label.intensity)
    )

    def union(attribute: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(item for label in labels for item in getattr(label, attribute)))

    return dataclasses.replace(
        strongest, targets=union("targets"), topics=union("topics"), hedges=strongest.hedges
    )


def _labelled(clause: Clause) -> Label:
    if clause.label is not None:
        return clause.label
    from compare.classify import classify  # deferred: only unlabelled input pays for it

    return classify(clause).label or Label()
