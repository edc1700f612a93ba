"""Splits, merges and condensations: one clause against several clauses of the other version.

A split is one old clause whose content now lies in two or more new clauses; a merge, several
old clauses in one new one; a condensation, a merge of sentences that stood far apart (leaders'
statements that get much shorter). The parts need not be adjacent, nor in one paragraph.

For each clause ("one") the clauses of the other side carried mostly inside it (CONTAINMENT of
their weighted words) are its possible parts. A group grows from the part most like it, adding
the part that raises the group's similarity most, while it rises by at least GROW and up to
MAX_PARTS; the parts are joined in document order. A group is proposed when it beats, by
``split_gain`` points, every one-to-one match its clauses hold. Splits and mergers are proposed
by the same function with the documents swapped and weighed together, best first, so swapping
the documents swaps splits and merges and changes nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from compare.align.match import Match
from compare.align.scores import Scores, similarity
from compare.align.texts import Text, View

if TYPE_CHECKING:
    import numpy as np

__all__ = ["CONTAINMENT", "MAX_PARTS", "find_groups"]

CONTAINMENT = 60.0
"""Weighted share (0-100) of its words each part of a group must have in the whole."""

MAX_PARTS = 4
"""The most clauses a group joins."""

GROW = 1.0
"""Points a further part must add to a group's similarity to join it."""

MIN_PART_WORDS = 3
"""Parts shorter than this (a heading, a date) are too easily contained anywhere."""


def find_groups(
    view: View,
    scores: Scores,
    matches: Sequence[Match],
    *,
    threshold: float,
    split_gain: float,
    scorer: str,
) -> tuple[list[Match], list[Match]]:
    """Groups that fit clearly better than the one-to-one matches they replace.

    Returns:
        (the matches kept, the groups accepted); the clauses of dropped matches are free again.
    """
    single = [m for m in matches if len(m.old) == 1 and len(m.new) == 1 and m.found_by != "corrected"]
    pinned = [m for m in matches if m.found_by == "corrected"]
    taken_by_pins_old = {i for m in pinned for i in m.old}
    taken_by_pins_new = {j for m in pinned for j in m.new}
    flipped_view = View(view.new, view.old, view.weight, ordered=view.ordered)
    flipped_matches = [Match(m.new, m.old, m.score, m.confidence, m.found_by) for m in single]
    proposals = _proposals(view, scores.found_in(CONTAINMENT), single, threshold, split_gain, scorer)
    proposals += [
        Match(m.new, m.old, m.score, m.confidence, m.found_by)
        for m in _proposals(
            flipped_view, scores.found_in(CONTAINMENT, flipped=True), flipped_matches, threshold, split_gain, scorer
        )
    ]
    # Ties go by a key that does not change when the documents swap places.
    proposals.sort(key=lambda m: (-m.score, sorted((m.old, m.new))))
    taken_old: set[int] = set(taken_by_pins_old)
    taken_new: set[int] = set(taken_by_pins_new)
    accepted: list[Match] = []
    for proposal in proposals:
        if taken_old.intersection(proposal.old) or taken_new.intersection(proposal.new):
            continue
        if not all(view.may_link(i, j) for i in proposal.old for j in proposal.new):
            continue
        taken_old.update(proposal.old)
        taken_new.update(proposal.new)
        accepted.append(proposal)
    grouped_old = {i for m in accepted for i in m.old}
    grouped_new = {j for m in accepted for j in m.new}
    kept = [m for m in matches if not grouped_old.intersection(m.old) and not grouped_new.intersection(m.new)]
    return kept, accepted


def _proposals(
    view: View,
    contains: np.ndarray,
    single: Sequence[Match],
    threshold: float,
    split_gain: float,
    scorer: str,
) -> list[Match]:
    """Groups of "new" clauses for "old" clauses of ``view`` (splits, read this way round).

    ``contains[i, j]``: whether the weighted share of new clause j's words found in old clause i
    reaches CONTAINMENT.
    """
    import numpy as np

    one_texts, many_texts = view.old, view.new
    if len(many_texts) < 2 or not one_texts:
        return []
    match_of_one = {m.old[0]: m for m in single}
    match_of_many = {m.new[0]: m for m in single}
    long_enough = np.asarray([text.words >= MIN_PART_WORDS for text in many_texts])
    proposals: list[Match] = []
    for i, one in enumerate(one_texts):
        if i in match_of_one and match_of_one[i].score >= 100.0:
            continue
        parts = np.flatnonzero(contains[i] & long_enough).tolist()
        parts = [j for j in parts if not (j in match_of_many and match_of_many[j].score >= 100.0)]
        if len(parts) < 2:
            continue
        group, score = _grow(view, one, many_texts, parts, scorer)
        if len(group) < 2:
            continue
        rivals = [match_of_many[j].score for j in group if j in match_of_many]
        if i in match_of_one:
            rivals.append(match_of_one[i].score)
        if score >= threshold and score >= max(rivals, default=0.0) + split_gain:
            proposals.append(Match((i,), tuple(group), score, found_by="group"))
    return proposals


def _grow(
    view: View, one: Text, many_texts: Sequence[Text], parts: Sequence[int], scorer: str
) -> tuple[list[int], float]:
    """The best group of parts for ``one``, grown one part at a time, and its similarity."""
    alone = {j: similarity(view, one, many_texts[j], scorer) for j in parts}
    group = [max(parts, key=lambda j: (alone[j], -j))]
    score = alone[group[0]]
    while len(group) < MAX_PARTS:
        best: tuple[float, int] | None = None
        for j in parts:
            if j in group:
                continue
            trial = sorted([*group, j])
            trial_score = similarity(view, one, _joined(many_texts, trial), scorer)
            if best is None or trial_score > best[0]:
                best = (trial_score, j)
        if best is None or best[0] < score + GROW:
            break
        score = best[0]
        group = sorted([*group, best[1]])
    return group, score


def _joined(texts: Sequence[Text], indices: Sequence[int]) -> Text:
    joined = texts[indices[0]]
    for index in indices[1:]:
        joined = joined + texts[index]
    return joined
