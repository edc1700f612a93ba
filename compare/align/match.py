"""Choosing pairs: equal clauses first, then the most probable one-to-one links, then moves.

Equal clauses (the same key after normalising) pair first, the k-th occurrence in the old text
with the k-th in the new: they are the skeleton the other links are weighed against (a link
that jumps across many of them is less likely; see ``compare.align.link``).

Links are then chosen among the candidates the link model finds more likely than not: best
first, then improved by local exchanges until none helps, so that a clause is not left to a
weaker partner while its near-verbatim counterpart goes unpaired ("greedy" method); or by an
optimal assignment over the same weights ("global", which needs scipy and costs its import).
Both maximise the summed log-odds of the links chosen.

Moves: the heaviest run of links increasing in both documents is in order; a link off it that
crosses one other link only is a local reordering and counts as in order; the rest are moved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare.align.texts import Text

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Match", "choose", "crossings", "equal_matches", "heaviest_run", "settle_moves"]

_IMPROVEMENT_ROUNDS = 8
"""How many passes of local exchanges the greedy method makes at most (two or three suffice)."""


@dataclass(frozen=True, slots=True)
class Match:
    """Old and new clause indices that correspond, with how alike and how sure."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    score: float
    """Similarity 0-100 (see ``compare.align.scores``)."""
    confidence: float = 1.0
    """Probability (0.0-1.0) that the clauses correspond."""
    found_by: str = "words"
    """"equal", "words", "group", "meaning", "place" or "corrected" (``Pair.matched_by``)."""


def equal_matches(old_texts: Sequence[Text], new_texts: Sequence[Text]) -> list[Match]:
    """Pair clauses whose keys are equal, the k-th occurrence in old with the k-th in new."""
    positions: dict[str, list[int]] = defaultdict(list)
    for j, text in enumerate(new_texts):
        positions[text.key].append(j)
    used: dict[str, int] = defaultdict(int)
    matches = []
    for i, text in enumerate(old_texts):
        candidates = positions.get(text.key)
        if candidates and used[text.key] < len(candidates):
            matches.append(Match((i,), (candidates[used[text.key]],), 100.0, 1.0, "equal"))
            used[text.key] += 1
    return matches


def choose(
    rows: np.ndarray, cols: np.ndarray, probability: np.ndarray, *, method: str = "greedy"
) -> list[tuple[int, int]]:
    """The one-to-one subset of candidate links (rows[k], cols[k]) with the highest summed
    log-odds; only candidates with probability above one half are considered.

    >>> import numpy as np
    >>> # old 0 fits new 0 a little better than new 1, but old 1 fits only new 0
    >>> choose(np.array([0, 0, 1]), np.array([0, 1, 0]), np.array([0.9, 0.85, 0.8]))
    [(0, 1), (1, 0)]
    """
    import numpy as np

    keep = probability > 0.5
    rows, cols, probability = rows[keep], cols[keep], probability[keep]
    if not len(rows):
        return []
    weight = np.log(probability / np.maximum(1.0 - probability, 1e-9))
    if method == "global":
        return _assignment(rows, cols, weight)
    # Ties go by a key that does not change when the documents swap places.
    order = sorted(range(len(rows)), key=lambda k: (-weight[k], int(rows[k] + cols[k]), abs(int(rows[k] - cols[k]))))
    by_row: dict[int, int] = {}
    by_col: dict[int, int] = {}
    link_weight = {(int(rows[k]), int(cols[k])): float(weight[k]) for k in range(len(rows))}
    for k in order:
        r, c = int(rows[k]), int(cols[k])
        if r not in by_row and c not in by_col:
            by_row[r], by_col[c] = c, r
    _improve(by_row, by_col, link_weight)
    return sorted(by_row.items())


def _improve(by_row: dict[int, int], by_col: dict[int, int], link_weight: dict[tuple[int, int], float]) -> None:
    """Exchange links while the sum of weights grows: a free clause takes a partner whose
    current clause has another free partner (or goes free when that still gains)."""
    options_of_row: dict[int, list[int]] = defaultdict(list)
    for r, c in link_weight:
        options_of_row[r].append(c)
    for _ in range(_IMPROVEMENT_ROUNDS):
        improved = False
        for (r, c), gain in sorted(link_weight.items(), key=lambda item: -item[1]):
            if by_row.get(r) == c:
                continue
            # r takes c: what r and c's current partners lose and can find instead
            before = 0.0
            after = gain
            moved: list[tuple[int, int | None]] = []
            old_c = by_row.get(r)
            if old_c is not None:
                before += link_weight[(r, old_c)]
            holder = by_col.get(c)
            if holder is not None:
                before += link_weight[(holder, c)]
                free = [alt for alt in options_of_row[holder] if alt != c and (alt not in by_col or alt == old_c)]
                if free:
                    best = max(free, key=lambda alt: link_weight[(holder, alt)])
                    after += link_weight[(holder, best)]
                    moved.append((holder, best))
                else:
                    moved.append((holder, None))
            if after <= before + 1e-9:
                continue
            if old_c is not None:
                del by_col[old_c]
            for holder_row, _ in moved:
                del by_row[holder_row]
            by_col.pop(c, None)
            by_row[r], by_col[c] = c, r
            for holder_row, alt in moved:
                if alt is not None:
                    by_row[holder_row], by_col[alt] = alt, holder_row
            improved = True
        if not improved:
            return


def _assignment(rows: np.ndarray, cols: np.ndarray, weight: np.ndarray) -> list[tuple[int, int]]:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    row_ids, row_index = np.unique(rows, return_inverse=True)
    col_ids, col_index = np.unique(cols, return_inverse=True)
    matrix = np.full((len(row_ids), len(col_ids)), -1.0)
    matrix[row_index, col_index] = weight
    chosen_rows, chosen_cols = linear_sum_assignment(matrix, maximize=True)
    return sorted(
        (int(row_ids[r]), int(col_ids[c]))
        for r, c in zip(chosen_rows, chosen_cols, strict=True)
        if matrix[r, c] > 0
    )


def crossings(rows: Sequence[int], cols: Sequence[int], skeleton: Sequence[Match]) -> np.ndarray:
    """How many skeleton matches the link (rows[k], cols[k]) would cross, per k."""
    import numpy as np

    rows_array = np.asarray(rows, dtype=np.int64)
    cols_array = np.asarray(cols, dtype=np.int64)
    if not skeleton:
        return np.zeros(len(rows_array), dtype=np.int64)
    run_old = np.sort(np.asarray([m.old[0] for m in skeleton]))
    run_new = np.sort(np.asarray([m.new[0] for m in skeleton]))
    # In a run, old and new orders agree, so the k-th smallest old goes with the k-th new.
    before_old = np.searchsorted(run_old, rows_array)
    before_new = np.searchsorted(run_new, cols_array)
    return np.abs(before_old - before_new)


_TIE_BREAK = 1e-6
"""How much a match's distance from the diagonal (0-1) lowers its weight in the heaviest run:
enough to break a tie between scores, never to outweigh a difference of 0.1 in one. How late it
stands in both documents (0-2) lowers it by a thousandth of that, for ties of distance."""


_RUNS: list[tuple[tuple[Match, ...], tuple[int, int] | None, tuple[Match, ...]]] = []
"""The last few runs found, with the matches and sizes they were found for: one alignment asks
for the run of the same matches again and again (each linking stage weighs its candidates
against it), 15 times of 20 on a 100,000-word pair."""
_RUNS_KEPT = 4


def heaviest_run(matches: Sequence[Match], sizes: tuple[int, int] | None = None) -> list[Match]:
    """The run of matches increasing in both documents with the highest total score, in order
    (so a good match is not called moved to keep a poor one in order).

    Runs of equal score are told apart by how far their matches stand from the diagonal (each
    side's position as a share of its document, ``sizes`` = (old clauses, new clauses); by
    default as far as the matches reach), then by how early they stand in both, neither of
    which changes when the documents swap places: of two equal clauses that swapped places, the
    same one stays in order in both directions. (Two matches that mirror each other across the
    diagonal still tie.)
    """
    key = tuple(matches)
    for known, known_sizes, run in _RUNS:
        # the same match objects in the same order: compared by identity first, so no hashing
        if known_sizes == sizes and len(known) == len(key) and known == key:
            return list(run)
    found = _heaviest_run(key, sizes)
    _RUNS.insert(0, (key, sizes, tuple(found)))
    del _RUNS[_RUNS_KEPT:]
    return found


def _heaviest_run(matches: Sequence[Match], sizes: tuple[int, int] | None) -> list[Match]:
    by_new = sorted(matches, key=lambda m: m.new[0])
    if sizes is None:
        sizes = (max((m.old[0] for m in matches), default=0) + 1, max((m.new[0] for m in matches), default=0) + 1)
    last_old, last_new = max(sizes[0] - 1, 1), max(sizes[1] - 1, 1)
    weight = [
        m.score - _TIE_BREAK * (abs(m.old[0] / last_old - m.new[0] / last_new) + (m.old[0] / last_old + m.new[0] / last_new) / 1000)
        for m in by_new
    ]
    size = max((m.old[0] for m in by_new), default=-1) + 2
    tree_best = [0.0] * (size + 1)
    tree_at = [-1] * (size + 1)
    previous = [-1] * len(by_new)
    total = [0.0] * len(by_new)
    for k, match in enumerate(by_new):
        best, at = 0.0, -1
        position = match.old[0]  # best total over old indices below this one (Fenwick tree)
        while position > 0:
            if tree_best[position] > best:
                best, at = tree_best[position], tree_at[position]
            position -= position & -position
        total[k] = best + weight[k]
        previous[k] = at
        position = match.old[0] + 1
        while position <= size:
            if total[k] > tree_best[position]:
                tree_best[position], tree_at[position] = total[k], k
            position += position & -position
    run: list[Match] = []
    k = max(range(len(by_new)), key=total.__getitem__, default=-1)
    while k >= 0:
        run.append(by_new[k])
        k = previous[k]
    return run[::-1]


def settle_moves(matches: Sequence[Match], sizes: tuple[int, int] | None = None) -> set[Match]:
    """The matches that count as in order: the heaviest run, and those off it that cross one
    other match of it only (a local reordering)."""
    run = heaviest_run(matches, sizes)
    in_order = set(run)
    run_old = sorted(m.old[0] for m in run)
    run_new = sorted(m.new[0] for m in run)
    from bisect import bisect_left

    for match in matches:
        if match not in in_order:
            crossed = abs(bisect_left(run_old, match.old[0]) - bisect_left(run_new, match.new[0]))
            if crossed <= 1:
                in_order.add(match)
    return in_order
