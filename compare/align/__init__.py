"""Aligning: pair the clauses of two versions and say how each pair changed, and how surely.

Fourth stage of the pipeline (read -> segment -> classify -> align -> render). ``align`` runs:

1. **equal** clauses (the same after normalising) pair first, in order: the skeleton;
2. every other pair is scored (``scores``: string similarity, and the share of rare words in
   common) and the **link model** (``link``) gives each candidate a probability of being the
   same clause, from its scores, its rivals and how far it would jump across the skeleton;
   the most probable one-to-one links are chosen (``match``);
3. **groups** (``groups``): splits, merges and condensations, across paragraphs, replace the
   links they beat clearly; freed clauses are linked again;
4. the **semantic pass** (``meaning``) pairs by meaning what is still unmatched on both sides;
   then a clause left alone **in its place** on each side, between two consecutive in-order
   matches, is linked on a lower bar (``GAP_CHANCE``), never surely;
5. **moves** are links off the heaviest in-order run; pairs are built in the new document's
   order with a word diff (``pairs``).

Every pair carries a ``confidence`` (0.0-1.0): for a link, the model's probability that the
clauses correspond; for an added or removed clause, that it has no counterpart.

Modules: ``texts`` (keys, word codes, word weights), ``scores``, ``link``, ``match``,
``groups``, ``meaning``, ``pairs``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from compare.align.groups import find_groups
from compare.align.link import (
    ATTACH_MODEL,
    MEANING_MODEL,
    STRING_MODEL,
    UNPAIRED_MODEL,
    LinkModel,
    features,
    meaning_features,
    probability,
    unpaired_features,
)
from compare.align.match import Match, choose, crossings, equal_matches, heaviest_run, settle_moves
from compare.align.pairs import build_pairs, word_diff
from compare.align.scores import Scores, dice_and_contained, score, words_of
from compare.align.texts import View, prepare
from compare.choices import DEFAULT_THRESHOLD, METHODS, SCORERS
from compare.model import SURE, Clause, Pair

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DEFAULT_THRESHOLD", "METHODS", "SCORERS", "align", "embedding_texts", "word_diff"]

DEFAULT_SPLIT_GAIN = 3.0
"""How many points a split or merge must score above the best one-to-one match to be taken."""

MEANING_ALLOWANCE = 30.0
"""How far below the default threshold the similarity of two clauses may lie for the semantic
pass to pair them on meaning. The allowance shrinks in proportion as ``threshold`` rises towards
100, so the one threshold still orders how strict the whole alignment is."""


def align(
    old: Sequence[Clause],
    new: Sequence[Clause],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    split_gain: float = DEFAULT_SPLIT_GAIN,
    scorer: str = "hybrid",
    method: str = "greedy",
    meaning: bool = True,
    pins: Sequence[tuple[tuple[int, ...], tuple[int, ...]]] = (),
    breaks: frozenset[tuple[int, int]] = frozenset(),
    ordered: bool = True,
    headings: tuple[Collection[int], Collection[int]] = ((), ()),
    embedded: Callable[[], np.ndarray] | None = None,
) -> tuple[Pair, ...]:
    """Align the clauses of an old and a new version.

    Args:
        old: clauses of the old document, in order.
        new: clauses of the new document, in order.
        threshold: lowest similarity (0-100) for two clauses to pair on words and content; the
            semantic pass may pair clauses somewhat below it (see MEANING_ALLOWANCE).
        split_gain: points a split or merge must gain over the best single match.
        scorer: one of SCORERS, for the words score. "words" averages rapidfuzz's ratio over
            the sequence of stemmed words and over the same words sorted; "blend" does the
            same over characters; "hybrid" (the default) takes "words" for every pair and the
            higher of it and "blend" for pairs that share at least a quarter of their words;
            the others are plain rapidfuzz scorers over characters.
        method: "greedy" (best link first, then local exchanges) or "global" (an optimal
            assignment; needs scipy).
        meaning: run the semantic pass over what is left unmatched.
        pins: groups of (old indices, new indices) an analyst says correspond: they pair as
            given, with confidence 1, before anything else (``compare.corrections``).
        breaks: (old index, new index) pairs an analyst says do not correspond: never linked.
        ordered: whether each side is in its document's order. False for clauses gathered
            from several versions (``compare.series.threads``): how far a link jumps across
            the others then says nothing, and every candidate is weighed as if in place.
        headings: the indices of the old and of the new clauses that are section headings
            (``compare.segment.heading_indices``): a heading is linked only with a heading.
        embedded: gives ``embedding_texts(old, new)`` embedded (``compare.align.meaning.embed``),
            worked out elsewhere in the meantime (``compare.pipeline`` has a child process
            embed long documents while this aligns them); asked for only if the semantic pass
            runs. None: embedded here, when needed.

    Returns:
        The pairs, in the new document's order with removed clauses where they stood.
    """
    return _run(old, new, threshold, split_gain, scorer, method, meaning, None, pins, breaks, ordered, headings, embedded)


Trace = dict[str, list[tuple["np.ndarray", "np.ndarray", "np.ndarray"]]]
"""Candidates each linking stage weighed: {"words" | "meaning" | "attach": [(rows, cols, features)]}."""


def _run(
    old: Sequence[Clause],
    new: Sequence[Clause],
    threshold: float,
    split_gain: float,
    scorer: str,
    method: str,
    meaning: bool,
    trace: Trace | None,
    pins: Sequence[tuple[tuple[int, ...], tuple[int, ...]]] = (),
    breaks: frozenset[tuple[int, int]] = frozenset(),
    ordered: bool = True,
    headings: tuple[Collection[int], Collection[int]] = ((), ()),
    embedded: Callable[[], np.ndarray] | None = None,
) -> tuple[Pair, ...]:
    """align(), optionally recording the candidates of each stage (``benchmarks/align_fit.py``
    fits the link models on them)."""
    view = prepare(
        old, new, forbidden=breaks, ordered=ordered, headings=(frozenset(headings[0]), frozenset(headings[1]))
    )
    best_seen: dict[tuple[str, int], float] = {}
    matches = _pinned(view, pins, scorer)
    matches += [
        m for m in equal_matches(view.old, view.new)
        if not _holds_any(matches, m) and view.may_link(m.old[0], m.new[0])
    ]
    scores = score(view, scorer, settled=[(m.old[0], m.new[0]) for m in matches if m.found_by == "equal"])
    matches += _links(view, scores, matches, threshold, method, best_seen, trace)
    kept, groups = find_groups(view, scores, matches, threshold=threshold, split_gain=split_gain, scorer=scorer)
    matches = kept + [_rated_group(view, scores, group, kept, scorer) for group in groups]
    matches += _links(view, scores, matches, threshold, method, best_seen, trace)
    cosine = None
    floor = threshold - MEANING_ALLOWANCE * (100.0 - threshold) / (100.0 - DEFAULT_THRESHOLD)
    if meaning:
        cosine = _cosine(view, matches, old, new, embedded)
        if cosine is not None:
            matches += _meaning_links(view, scores, matches, cosine, floor, method, best_seen, trace)
            matches = _attach(view, scores, matches, cosine, floor, best_seen, trace)
    matches += _gap_links(view, scores, matches, floor, best_seen)
    in_order = settle_moves(matches, (len(view.old), len(view.new)))
    unpaired = _unpaired_confidence(view, scores, matches, cosine, best_seen, trace)
    return build_pairs(matches, in_order, view.old, view.new, old, new, unpaired)


def _pinned(view: View, pins: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], scorer: str) -> list[Match]:
    """The pairs an analyst pinned, each clause in at most one (the first pin naming it wins)."""
    from compare.align.scores import similarity

    matches: list[Match] = []
    for old_ids, new_ids in pins:
        candidate = Match(tuple(old_ids), tuple(new_ids), 0.0)
        if not old_ids or not new_ids or _holds_any(matches, candidate):
            continue
        score = similarity(view, _joined(view.old, old_ids), _joined(view.new, new_ids), scorer)
        matches.append(Match(tuple(old_ids), tuple(new_ids), score, 1.0, "corrected"))
    return matches


def _holds_any(matches: Sequence[Match], match: Match) -> bool:
    """Whether any of the matches holds a clause of ``match``."""
    return any(set(m.old) & set(match.old) or set(m.new) & set(match.new) for m in matches)


def _free(matches: Sequence[Match], n_old: int, n_new: int) -> tuple[list[int], list[int]]:
    taken_old = {i for match in matches for i in match.old}
    taken_new = {j for match in matches for j in match.new}
    return [i for i in range(n_old) if i not in taken_old], [j for j in range(n_new) if j not in taken_new]


def _candidates(
    view: View, scores: Scores, matches: Sequence[Match], free_old: list[int], free_new: list[int], floor: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Free pairs whose similarity reaches ``floor``, and their string features."""
    import numpy as np

    sub = scores.similarity[np.ix_(free_old, free_new)]
    r, c = np.nonzero(sub >= floor)
    rows = np.asarray(free_old, dtype=np.int64)[r]
    cols = np.asarray(free_new, dtype=np.int64)[c]
    if view.restricted:
        allowed = view.allowed(rows, cols)
        rows, cols = rows[allowed], cols[allowed]
    values = _string_features(view, scores, matches, rows, cols)
    return rows, cols, values


def _string_features(
    view: View, scores: Scores, matches: Sequence[Match], rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """The string link model's features of the candidate pairs (rows[k], cols[k])."""
    import numpy as np

    short = np.minimum(
        np.asarray([view.old[i].words for i in rows.tolist()], dtype=np.float64),
        np.asarray([view.new[j].words for j in cols.tolist()], dtype=np.float64),
    )
    return features(
        scores.words[rows, cols], scores.dice_at(rows, cols), scores.contained_at(rows, cols), rows, cols,
        _jumps(view, rows, cols, matches), short, scores.similarity, ordered=view.ordered,
    )


def _jumps(view: View, rows: np.ndarray, cols: np.ndarray, matches: Sequence[Match]) -> np.ndarray:
    """How many matches of the in-order run each candidate would jump across (none where the
    sides are not in document order)."""
    import numpy as np

    if not view.ordered:
        return np.zeros(len(rows))
    return crossings(rows.tolist(), cols.tolist(), heaviest_run(matches, (len(view.old), len(view.new))))


def _links(
    view: View,
    scores: Scores,
    matches: Sequence[Match],
    threshold: float,
    method: str,
    best_seen: dict[tuple[str, int], float],
    trace: Trace | None = None,
) -> list[Match]:
    """The most probable one-to-one links among the clauses no match holds yet."""
    free_old, free_new = _free(matches, len(view.old), len(view.new))
    if not free_old or not free_new:
        return []
    rows, cols, values = _candidates(view, scores, matches, free_old, free_new, threshold)
    return _chosen(scores, (rows, cols, values), STRING_MODEL, "words", method, best_seen, trace)


def _chosen(
    scores: Scores,
    candidates: tuple[np.ndarray, np.ndarray, np.ndarray],
    model: LinkModel,
    stage: str,
    method: str,
    best_seen: dict[tuple[str, int], float],
    trace: Trace | None,
) -> list[Match]:
    """The one-to-one links the model finds most probable among the candidates (rows, cols,
    features) of one linking stage ("words" or "meaning"), each tagged with the stage."""
    rows, cols, values = candidates
    if trace is not None:
        trace.setdefault(stage, []).append((rows, cols, values))
    if not len(rows):
        return []
    chance = probability(model, values)
    _remember(best_seen, rows, cols, chance)
    similarity = scores.similarity
    found = []
    for r, c in choose(rows, cols, chance, method=method):
        k = _index_of(rows, cols, r, c)
        found.append(Match((r,), (c,), round(float(similarity[r, c]), 1), float(chance[k]), stage))
    return found


def _rated_group(view: View, scores: Scores, group: Match, others: Sequence[Match], scorer: str) -> Match:
    """A group with the link model's confidence, from its joined text's scores."""
    import numpy as np

    old_text = _joined(view.old, group.old)
    new_text = _joined(view.new, group.new)
    dice, contained = dice_and_contained(view, old_text, new_text)
    words = words_of(old_text, new_text, scorer)
    rivals = [m.score for m in others if set(m.old) & set(group.old) or set(m.new) & set(group.new)]
    margin = np.clip((group.score - max(rivals, default=0.0)) / 100.0, -0.5, 0.5)
    jumps = _jumps(view, np.asarray([group.old[0]]), np.asarray([group.new[0]]), others)
    n_old, n_new = len(view.old), len(view.new)
    distance = abs(group.old[0] / max(n_old - 1, 1) - group.new[0] / max(n_new - 1, 1)) if view.ordered else 0.0
    row = np.asarray(
        [[words / 100, dice / 100, contained / 100, margin, 1.0, 1.0, np.log1p(jumps[0]), distance,
          1.0 / max(min(old_text.words, new_text.words), 1)]]
    )
    confidence = float(probability(STRING_MODEL, row)[0])
    return Match(group.old, group.new, group.score, confidence, "group")


def _joined(texts: Sequence, indices: Sequence[int]):
    joined = texts[indices[0]]
    for index in indices[1:]:
        joined = joined + texts[index]
    return joined


def embedding_texts(old: Sequence[Clause], new: Sequence[Clause]) -> list[str]:
    """What the semantic pass embeds, in one batch: every clause, not just the free ones, for
    the batch's mean is part of the model."""
    return [" ".join(clause.text.split()) for clause in (*old, *new)]


def _cosine(
    view: View,
    matches: Sequence[Match],
    old: Sequence[Clause],
    new: Sequence[Clause],
    embedded: Callable[[], np.ndarray] | None = None,
) -> np.ndarray | None:
    """The cosine of every old clause's embedding with every new one's, or None when no clause
    long enough is left unmatched (then the model is never read) or the model is missing.

    Kept in float32, as the embeddings are: each value read from it is widened to float64
    before any arithmetic, which gives the same numbers as widening the whole matrix, at half
    its memory (74 MB less at 100,000 words a side) and without the copy."""
    from compare.align import meaning

    free_old, free_new = _free(matches, len(view.old), len(view.new))
    if not any(view.old[i].words >= meaning.MIN_WORDS for i in free_old) and not any(
        view.new[j].words >= meaning.MIN_WORDS for j in free_new
    ):
        return None
    if not old or not new or not meaning.available():
        return None
    vectors = embedded() if embedded is not None else meaning.embed(embedding_texts(old, new))
    return vectors[: len(old)] @ vectors[len(old) :].T


def _meaning_candidates(
    view: View, scores: Scores, matches: Sequence[Match], cosine: np.ndarray, rows_from: list[int], cols_from: list[int], floor: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of the given clauses whose similarity reaches ``floor`` and whose cosine reaches
    CANDIDATE_COSINE, with their meaning features."""
    import numpy as np

    from compare.align import meaning

    rows_from = [i for i in rows_from if view.old[i].words >= meaning.MIN_WORDS]
    cols_from = [j for j in cols_from if view.new[j].words >= meaning.MIN_WORDS]
    if not rows_from or not cols_from:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros((0, len(MEANING_MODEL.names)))
    rows, cols, values = _candidates(view, scores, matches, rows_from, cols_from, floor)
    near = cosine[rows, cols].astype(np.float64) >= meaning.CANDIDATE_COSINE
    rows, cols, values = rows[near], cols[near], values[near]
    return rows, cols, meaning_features(values, cosine, rows, cols)


def _meaning_links(
    view: View,
    scores: Scores,
    matches: Sequence[Match],
    cosine: np.ndarray,
    floor: float,
    method: str,
    best_seen: dict[tuple[str, int], float],
    trace: Trace | None = None,
) -> list[Match]:
    """Links by meaning among clauses still unmatched on both sides (see ``compare.align.meaning``)."""
    free_old, free_new = _free(matches, len(view.old), len(view.new))
    candidates = _meaning_candidates(view, scores, matches, cosine, free_old, free_new, floor)
    return _chosen(scores, candidates, MEANING_MODEL, "meaning", method, best_seen, trace)


def _attach(
    view: View,
    scores: Scores,
    matches: list[Match],
    cosine: np.ndarray,
    floor: float,
    best_seen: dict[tuple[str, int], float],
    trace: Trace | None = None,
) -> list[Match]:
    """Join a clause left unmatched to the match of the clause it most likely corresponds to,
    making a merge (several old clauses condensed into one new one) or a split; a match grows
    on one side only, so every group stays one clause against several."""
    free_old, free_new = _free(matches, len(view.old), len(view.new))
    owner_of_old = {i: m for m in matches for i in m.old if m.found_by != "corrected"}
    owner_of_new = {j: m for m in matches for j in m.new if m.found_by != "corrected"}
    taken_old = [i for i in range(len(view.old)) if i in owner_of_old and len(owner_of_old[i].old) == 1]
    taken_new = [j for j in range(len(view.new)) if j in owner_of_new and len(owner_of_new[j].new) == 1]
    proposals: list[tuple[float, str, int, Match]] = []
    for side, rows_from, cols_from in (("old", free_old, taken_new), ("new", taken_old, free_new)):
        rows, cols, values = _meaning_candidates(view, scores, matches, cosine, rows_from, cols_from, floor)
        if trace is not None:
            trace.setdefault("attach", []).append((rows, cols, values))
        if not len(rows):
            continue
        chance = probability(ATTACH_MODEL, values)
        _remember(best_seen, rows, cols, chance)
        for r, c, p in zip(rows.tolist(), cols.tolist(), chance.tolist(), strict=True):
            if p > 0.5:
                joiner, owner = (r, owner_of_new[c]) if side == "old" else (c, owner_of_old[r])
                proposals.append((p, side, joiner, owner))
    grown: dict[Match, Match] = {}
    joined: set[tuple[str, int]] = set()
    for p, side, joiner, owner in sorted(proposals, key=lambda item: (-item[0], item[1], item[2])):
        if (side, joiner) in joined:
            continue
        current = grown.get(owner, owner)
        if side == "old" and len(current.new) == 1:
            current = Match(tuple(sorted((*current.old, joiner))), current.new, current.score, min(current.confidence, p), "meaning")
        elif side == "new" and len(current.old) == 1:
            current = Match(current.old, tuple(sorted((*current.new, joiner))), current.score, min(current.confidence, p), "meaning")
        else:
            continue
        grown[owner] = current
        joined.add((side, joiner))
    return [grown.get(match, match) for match in matches]


GAP_CHANCE = 0.4
"""How probable (by the string link model) a link must be to fill a gap of one clause on each
side between two consecutive in-order matches: where a clause is the only one left in its place
on both sides, its place is part of the evidence, and the bar is lower than the one half the
linking stages ask ("will act as needed to foster price stability" -> "will act in a timely
manner as needed to address those risks", between two unchanged sentences)."""


_BELOW_SURE = SURE - 0.01
"""The highest confidence of a link made on its place: never sure."""


def _gap_links(
    view: View, scores: Scores, matches: Sequence[Match], floor: float, best_seen: dict[tuple[str, int], float]
) -> list[Match]:
    """Links filling the gaps of exactly one free clause on each side between consecutive
    matches of the in-order run (or a document's start or end), where the string link model
    gives the pair at least GAP_CHANCE and its similarity reaches ``floor``. A candidate turned
    down still counts against its clauses being shown surely added or removed, as the linking
    stages' candidates do."""
    import numpy as np

    if not view.ordered:
        return []
    run = sorted(heaviest_run(matches, (len(view.old), len(view.new))), key=lambda m: m.old[0])
    free_old, free_new = (set(free) for free in _free(matches, len(view.old), len(view.new)))
    ends = [(-1, -1)] + [(max(m.old), max(m.new)) for m in run]
    starts = [(min(m.old), min(m.new)) for m in run] + [(len(view.old), len(view.new))]
    rows, cols = [], []
    for (after_old, after_new), (before_old, before_new) in zip(ends, starts, strict=True):
        if before_old - after_old != 2 or before_new - after_new != 2:
            continue
        i, j = after_old + 1, after_new + 1
        if i in free_old and j in free_new and scores.similarity[i, j] >= floor and view.may_link(i, j):
            rows.append(i)
            cols.append(j)
    if not rows:
        return []
    row_array, col_array = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    chance = probability(STRING_MODEL, _string_features(view, scores, matches, row_array, col_array))
    _remember(best_seen, row_array, col_array, chance)
    return [
        Match((i,), (j,), round(float(scores.similarity[i, j]), 1), min(float(p), _BELOW_SURE), "place")
        for i, j, p in zip(rows, cols, chance.tolist(), strict=True)
        if p >= GAP_CHANCE
    ]


NEAREST = 3
"""How many of the likeliest counterparts of a clause left unpaired are weighed for its
confidence: the most similar ones in words and, with the semantic model, in meaning."""


def _unpaired_confidence(
    view: View,
    scores: Scores,
    matches: Sequence[Match],
    cosine: np.ndarray | None,
    best_seen: dict[tuple[str, int], float],
    trace: Trace | None = None,
) -> dict[tuple[str, int], float]:
    """For each clause left unpaired, how sure (0.0-1.0) the aligner is that it has no
    counterpart, from the unpaired model (``compare.align.link``): how probable its likeliest
    counterparts are (its NEAREST ones in words and in meaning, whatever their score), whether
    those are free or already paired, and how much of its document found a partner at all."""
    import numpy as np

    free_old, free_new = _free(matches, len(view.old), len(view.new))
    if not (free_old or free_new) or not view.old or not view.new:
        return {}
    similarity = scores.similarity
    nearest: set[tuple[int, int]] = set()
    for matrix in (similarity, cosine):
        if matrix is None:
            continue
        if free_old:
            for i, near in zip(free_old, _largest(matrix[free_old]), strict=True):
                nearest.update((i, j) for j in near)
        if free_new:
            for j, near in zip(free_new, _largest(np.ascontiguousarray(matrix[:, free_new].T)), strict=True):
                nearest.update((i, j) for i in near)
    ordered = np.asarray(sorted(nearest), dtype=np.int64).reshape(-1, 2)
    rows, cols = ordered[:, 0], ordered[:, 1]
    values = _string_features(view, scores, matches, rows, cols)
    if cosine is not None:
        chance = probability(MEANING_MODEL, meaning_features(values, cosine, rows, cols))
    else:
        chance = probability(STRING_MODEL, values)
    # The likeliest counterpart of each unpaired clause, among clauses free and among paired ones.
    free = {("old", i) for i in free_old} | {("new", j) for j in free_new}
    best: dict[tuple[str, int], list[float]] = {side: [0.0, 0.0] for side in free}
    for r, c, p in zip(rows.tolist(), cols.tolist(), chance.tolist(), strict=True):
        for side, other in ((("old", r), ("new", c)), (("new", c), ("old", r))):
            if side in best:
                slot = 0 if other in free else 1
                best[side][slot] = max(best[side][slot], p)
    for side in best:  # a candidate weighed by a linking pass counts too
        best[side][0] = max(best[side][0], best_seen.get(side, 0.0))
    paired_share = {
        "old": 1.0 - len(free_old) / len(view.old),
        "new": 1.0 - len(free_new) / len(view.new),
    }
    described = []
    for side, index in sorted(best):
        row = similarity[index] if side == "old" else similarity[:, index]
        near = None if cosine is None else float((cosine[index] if side == "old" else cosine[:, index]).max())
        words = (view.old if side == "old" else view.new)[index].words
        described.append(
            ((side, index), unpaired_features(*best[(side, index)], float(row.max()), near, paired_share[side], words))
        )
    table = np.asarray([values for _, values in described])
    if trace is not None:  # for "unpaired", rows hold the side (0 old, 1 new), cols the clause
        sides = np.asarray([0 if side == "old" else 1 for (side, _), _ in described], dtype=np.int64)
        indices = np.asarray([index for (_, index), _ in described], dtype=np.int64)
        trace.setdefault("unpaired", []).append((sides, indices, table))
    counterpart = probability(UNPAIRED_MODEL, table)
    return {side: 1.0 - float(p) for (side, _), p in zip(described, counterpart, strict=True)}


def _largest(rows: np.ndarray) -> list[list[int]]:
    """For each row, the places of its NEAREST largest values: those ``np.argsort(-row)[:NEAREST]``
    gives.

    Found by taking each row's largest value NEAREST times over (linear, where sorting a long
    document's rows is not); in a row where values tied with the last one kept are left out,
    which of them the sort keeps is the sort's choice, so the sort is asked.

    >>> import numpy as np
    >>> [sorted(near) for near in _largest(np.asarray([[0.1, 0.9, 0.5, 0.7, 0.2], [4, 3, 2, 1, 0]]))]
    [[1, 2, 3], [0, 1, 2]]
    """
    import numpy as np

    if rows.shape[1] <= NEAREST:
        return np.argsort(-rows, axis=1).tolist()
    left = np.array(rows, dtype=np.result_type(rows.dtype, np.float32))
    every = np.arange(len(rows))
    top = np.empty((len(rows), NEAREST), dtype=np.int64)
    for rank in range(NEAREST):
        top[:, rank] = np.argmax(left, axis=1)
        left[every, top[:, rank]] = -np.inf
    last = np.take_along_axis(rows, top, axis=1).min(axis=1)
    settled = np.count_nonzero(rows >= last[:, None], axis=1) == NEAREST
    found = top.tolist()
    for k in np.flatnonzero(~settled).tolist():
        found[k] = np.argsort(-rows[k])[:NEAREST].tolist()
    return found


def _remember(best_seen: dict[tuple[str, int], float], rows: np.ndarray, cols: np.ndarray, chance: np.ndarray) -> None:
    """Keep, for each clause, the highest probability any candidate link of it reached."""
    for r, c, p in zip(rows.tolist(), cols.tolist(), chance.tolist(), strict=True):
        best_seen[("old", r)] = max(best_seen.get(("old", r), 0.0), p)
        best_seen[("new", c)] = max(best_seen.get(("new", c), 0.0), p)


def _index_of(rows: np.ndarray, cols: np.ndarray, r: int, c: int) -> int:
    import numpy as np

    return int(np.flatnonzero((rows == r) & (cols == c))[0])


# ``compare.align`` is this module, and calling it calls align(): the name means one thing
# whatever was imported first (see compare.callable_module).
import sys  # noqa: E402

from compare.callable_module import CallableModule  # noqa: E402

sys.modules[__name__].__class__ = CallableModule
