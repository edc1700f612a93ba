"""Which part of a split or merged pair the single clause is compared with, and what the other
parts bring (``compare.shift`` compares the two labels this returns).

A split or merged pair compares the single clause with the part that corresponds to it (the
same act, else the same kind of act, else the most words in common), not the strongest against
the strongest; the other parts' acts become the compared part's other stance words, in order,
and the intensifiers and hedges of a part whose act the single clause does not have qualify
that act, not the single clause's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from compare import regexcache
from compare.model import Clause, Label, Marker

__all__ = ["ADDED_IS_WEAKER", "WEIGHED", "bare", "corresponding", "first", "normal"]

ADDED_IS_WEAKER = ("likelihood", "qualifier", "tentative")
"""Hedges: one added is weaker, one dropped stronger."""
WEIGHED = ("intensifier", "downtoner", *ADDED_IS_WEAKER)
"""Markers that qualify an act: weighed (intensifiers, downtoners) or added and dropped (hedges)."""


def first(kind: str, markers: Sequence[Marker]) -> Marker | None:
    """The first marker of a kind ("act", "modal" ...), or None."""
    return next((marker for marker in markers if marker.kind == kind), None)


def normal(phrase: str) -> str:
    """A phrase with case and spacing evened out, to compare wordings."""
    return " ".join(phrase.casefold().split())


_PUNCTUATION = regexcache.compiled(r"[^\w\s-]")


def bare(text: str) -> str:
    """A phrase without its punctuation, case and spacing evened out, to find words in a text."""
    return normal(_PUNCTUATION.sub(" ", text))


def corresponding(old: Sequence[Clause], new: Sequence[Clause]) -> tuple[Label, Label, str]:
    """The two labels to compare: for a split or merge, the single clause and the part that
    corresponds to it, with a note naming which part."""
    old_labels = [_labelled(clause) for clause in old]
    new_labels = [_labelled(clause) for clause in new]
    if len(old) == 1 and len(new) == 1:
        return old_labels[0], new_labels[0], ""
    single, parts, part_clauses, single_clause = (
        (old_labels[0], new_labels, new, old[0]) if len(old) == 1 else (new_labels[0], old_labels, old, new[0])
    )
    single_words = set(single_clause.text.casefold().split())

    def fit(k: int) -> tuple[bool, int]:
        """The same kind of act first, then the most words in common."""
        return parts[k].kind is single.kind, len(single_words & set(part_clauses[k].text.casefold().split()))

    best = max(range(len(parts)), key=fit)
    same_act = [k for k in range(len(parts)) if _act_entry(parts[k]) and _act_entry(parts[k]) == _act_entry(single)]
    if same_act:
        best = max(same_act, key=fit)
    in_place = _in_place(single, parts)
    if in_place is not None and parts[in_place].kind is single.kind:
        best = in_place
    note = f"part {best + 1} of {len(parts)} compared"
    others = [label for k, label in enumerate(parts) if k != best]
    chosen = dataclasses.replace(
        parts[best],
        markers=_with_other_parts(parts, part_clauses, best, single),
        targets=tuple(dict.fromkeys([*parts[best].targets, *(t for o in others for t in o.targets)])),
        topics=tuple(dict.fromkeys([*parts[best].topics, *(t for o in others for t in o.topics)])),
    )
    if len(old) == 1:
        return single, chosen, note
    return chosen, single, note


def _in_place(single: Label, parts: Sequence[Label]) -> int | None:
    """The part whose act stands where the single clause's act stands among its stance words,
    when the parts hold as many stance words in all ("Recalling ..., and taking note of" ->
    "Recalling ...;" + "and noting ..." : part 1); None otherwise."""
    acts = [m for m in single.markers if m.kind in ("act", "also")]
    owners = [k for k, part in enumerate(parts) for m in part.markers if m.kind in ("act", "also")]
    if not acts or len(acts) != len(owners):
        return None
    place = next(i for i, m in enumerate(sorted(acts, key=lambda m: m.start)) if m.kind == "act")
    return owners[place]


_CARRIED = frozenset({"also", "obligation", *WEIGHED})


def _with_other_parts(parts: Sequence[Label], clauses: Sequence[Clause], best: int, single: Label) -> tuple[Marker, ...]:
    """The markers of the part that corresponds, with what the other parts say besides: their
    acts as the clause's other stance words, in order ("Recalling ..., and taking note of" ->
    "Recalling ...;" + "and noting ..."), and their intensifiers, hedges and modals, which the
    single clause holds as its own. A part that only continues its paragraph's lead (a
    sub-paragraph under "Expresses its very serious concern") says nothing of its own; a part
    whose act the single clause does not have ("We strongly oppose ..." -> "We remain seriously
    concerned about ... | and strongly oppose ...") brings its act, but its intensifiers and
    hedges qualify that act, not the single clause's."""
    own = [m for m in parts[best].markers if m.kind not in _CARRIED]
    single_acts = {m.entry for m in single.markers if m.kind in ("act", "also") and m.entry}
    carried: list[Marker] = []
    for k, part in enumerate(parts):
        act = part.act
        if k != best and act is not None and normal(act.text) not in normal(clauses[k].text):
            continue
        foreign = k != best and act is not None and bool(act.entry) and act.entry not in single_acts
        for marker in part.markers:
            if k != best and marker.kind == "act":
                carried.append(dataclasses.replace(marker, kind="also"))
            elif marker.kind in _CARRIED and not (foreign and marker.kind in WEIGHED):
                carried.append(marker)
    return tuple(own + carried)


def _act_entry(label: Label) -> str:
    return label.act.entry if label.act else ""


def _labelled(clause: Clause) -> Label:
    if clause.label is not None:
        return clause.label
    from compare.classify import classify  # deferred: only unlabelled input pays for it

    return classify(clause).label or Label()
