"""Aligning: pair the clauses of two versions and say how each pair changed.

Fourth stage of the pipeline (read -> segment -> classify -> align -> render). Every clause
pair is scored in one vectorised rapidfuzz ``process.cdist`` call on normalised text
(``compare.normalise``), the best one-to-one matching is taken (greedy best-first, or a global
assignment), and then:

- **moved**: matched, but out of order against the longest increasing run of matches;
- **split**: one old clause matches two or three adjacent new clauses taken together better
  than any of them alone; **merged**: the reverse;
- **unchanged** (equal after normalisation), **reworded**, **added**, **removed**.

Each changed pair carries a word-level diff. Pairs come in the new document's order, removed
clauses placed where they stood in the old one, and every clause is in exactly one pair.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare.model import Clause, Pair, Status, WordOp
from compare.normalise import normalise

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DEFAULT_THRESHOLD", "METHODS", "SCORERS", "align", "word_diff"]

DEFAULT_THRESHOLD = 55.0
"""Lowest similarity (0-100) at which two clauses still count as the same clause reworded."""

DEFAULT_SPLIT_GAIN = 8.0
"""How many points a split or merge must score above the best one-to-one match to be taken."""

CONTAINMENT = 75.0
"""token_set_ratio (0-100) each part of a split or merge must reach against the whole."""

POSITION_WEIGHT = 4.0
"""Points at most added to a pair's matching priority for lying at the same relative position
in both documents, so repeated formula sentences pair in order. Not part of the shown score."""

MOVE_MIN_SCORE = 75.0
"""An out-of-order match scoring below this that crosses only one other match is a local
reordering, shown as reworded rather than moved."""

SCORERS = ("blend", "ratio", "token_sort_ratio", "token_set_ratio", "WRatio")
METHODS = ("greedy", "global")

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class _Match:
    old: tuple[int, ...]
    new: tuple[int, ...]
    score: float


def align(
    old: Sequence[Clause],
    new: Sequence[Clause],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    split_gain: float = DEFAULT_SPLIT_GAIN,
    scorer: str = "blend",
    method: str = "greedy",
) -> tuple[Pair, ...]:
    """Align the clauses of an old and a new version.

    Args:
        old: clauses of the old document, in order.
        new: clauses of the new document, in order.
        threshold: lowest similarity (0-100) for two clauses to be paired as reworded.
        split_gain: points a split or merge must gain over the best single match.
        scorer: one of SCORERS; "blend" averages ratio and token_sort_ratio.
        method: "greedy" (best pair first) or "global" (an optimal assignment).

    Returns:
        The pairs, in the new document's order with removed clauses where they stood.
    """
    old_keys = [_key(clause.text) for clause in old]
    new_keys = [_key(clause.text) for clause in new]
    matches = _one_to_one(old_keys, new_keys, threshold=threshold, scorer=scorer, method=method)
    matches = _find_splits_and_merges(
        old_keys,
        new_keys,
        matches,
        threshold=threshold,
        split_gain=split_gain,
        scorer=scorer,
        method=method,
    )
    in_order = _in_order(matches)
    pairs_and_keys = []
    for match in matches:
        status = _status(match, old_keys, new_keys, match in in_order)
        pair = _pair(status, [old[i] for i in match.old], [new[j] for j in match.new], match.score)
        pairs_and_keys.append((pair, match))
    return _ordered(pairs_and_keys, len(old), len(new), old, new)


def _key(text: str) -> str:
    """What two clauses must share to count as unchanged: the normalised text, or the raw text
    where nothing is left after normalising (a clause of bare punctuation)."""
    return normalise(text) or " ".join(text.split())


def _score_matrix(old_keys: Sequence[str], new_keys: Sequence[str], scorer: str) -> np.ndarray:
    import numpy as np
    from rapidfuzz import fuzz, process

    if not old_keys or not new_keys:
        return np.zeros((len(old_keys), len(new_keys)), dtype=np.float32)

    def matrix(function: object) -> np.ndarray:
        return process.cdist(
            old_keys, new_keys, scorer=function, processor=None, dtype=np.float32, workers=-1
        )

    if scorer == "blend":
        return (matrix(fuzz.ratio) + matrix(fuzz.token_sort_ratio)) / 2
    return matrix(getattr(fuzz, scorer))


def _similarity(a: str, b: str, scorer: str) -> float:
    """One score with the same scorer as the matrix, rounded to 0.1.

    >>> _similarity("we welcome the plan", "we welcome the plan", "blend")
    100.0
    """
    from rapidfuzz import fuzz

    if scorer == "blend":
        return round((fuzz.ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2, 1)
    return round(float(getattr(fuzz, scorer)(a, b)), 1)


def _one_to_one(
    old_keys: Sequence[str], new_keys: Sequence[str], *, threshold: float, scorer: str, method: str
) -> list[_Match]:
    """Equal clauses first (in order), then the best fuzzy one-to-one matching of the rest."""
    matches = _equal_matches(old_keys, new_keys)
    taken_old = {i for match in matches for i in match.old}
    taken_new = {j for match in matches for j in match.new}
    free_old = [i for i in range(len(old_keys)) if i not in taken_old]
    free_new = [j for j in range(len(new_keys)) if j not in taken_new]
    if free_old and free_new:
        matches.extend(
            _fuzzy_matches(old_keys, new_keys, free_old, free_new, threshold, scorer, method)
        )
    return matches


def _fuzzy_matches(
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    free_old: Sequence[int],
    free_new: Sequence[int],
    threshold: float,
    scorer: str,
    method: str,
) -> list[_Match]:
    """The best one-to-one matching, at or above threshold, of the free clauses."""
    scores = _score_matrix([old_keys[i] for i in free_old], [new_keys[j] for j in free_new], scorer)
    priority = scores + _position_bonus(free_old, free_new, len(old_keys), len(new_keys))
    priority[scores < threshold] = -1.0
    if method == "global":
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(priority, maximize=True)
        chosen = [(r, c) for r, c in zip(rows, cols, strict=True) if priority[r, c] >= 0]
    else:
        chosen = _greedy(priority)
    return [
        _Match((free_old[r],), (free_new[c],), round(float(scores[r, c]), 1)) for r, c in chosen
    ]


def _equal_matches(old_keys: Sequence[str], new_keys: Sequence[str]) -> list[_Match]:
    """Pair clauses whose keys are equal, the k-th occurrence in old with the k-th in new."""
    positions: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(new_keys):
        positions[key].append(j)
    used: dict[str, int] = defaultdict(int)
    matches = []
    for i, key in enumerate(old_keys):
        candidates = positions.get(key)
        if candidates and used[key] < len(candidates):
            matches.append(_Match((i,), (candidates[used[key]],), 100.0))
            used[key] += 1
    return matches


def _position_bonus(rows: Sequence[int], cols: Sequence[int], n_old: int, n_new: int) -> np.ndarray:
    import numpy as np

    old_position = np.asarray(rows, dtype=np.float32)[:, None] / max(n_old - 1, 1)
    new_position = np.asarray(cols, dtype=np.float32)[None, :] / max(n_new - 1, 1)
    return POSITION_WEIGHT * (1.0 - np.abs(old_position - new_position))


def _greedy(priority: np.ndarray) -> list[tuple[int, int]]:
    """Take pairs best first, skipping rows and columns already taken."""
    import numpy as np

    candidates = np.flatnonzero(priority >= 0)
    order = candidates[np.argsort(-priority.ravel()[candidates], kind="stable")]
    rows, cols = np.unravel_index(order, priority.shape)
    taken_rows = np.zeros(priority.shape[0], dtype=bool)
    taken_cols = np.zeros(priority.shape[1], dtype=bool)
    chosen = []
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        if not taken_rows[r] and not taken_cols[c]:
            taken_rows[r] = taken_cols[c] = True
            chosen.append((r, c))
    return chosen


def _find_splits_and_merges(
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    matches: list[_Match],
    *,
    threshold: float,
    split_gain: float,
    scorer: str,
    method: str,
) -> list[_Match]:
    """Replace one-to-one matches by split or merged groups where a group fits clearly better,
    then pair up again what the groups set free."""
    matches = _grouped(old_keys, new_keys, matches, threshold, split_gain, scorer)
    flipped = [_Match(m.new, m.old, m.score) for m in matches]
    flipped = _grouped(new_keys, old_keys, flipped, threshold, split_gain, scorer)
    matches = [_Match(m.new, m.old, m.score) for m in flipped]
    taken_old = {i for m in matches for i in m.old}
    taken_new = {j for m in matches for j in m.new}
    free_old = [i for i in range(len(old_keys)) if i not in taken_old]
    free_new = [j for j in range(len(new_keys)) if j not in taken_new]
    if free_old and free_new:
        again = _fuzzy_matches(old_keys, new_keys, free_old, free_new, threshold, scorer, method)
        matches.extend(again)
    return matches


def _grouped(
    one_keys: Sequence[str],
    many_keys: Sequence[str],
    matches: list[_Match],
    threshold: float,
    split_gain: float,
    scorer: str,
) -> list[_Match]:
    """Find clauses on the "one" side that match a run of two or three adjacent clauses on
    the "many" side (a split, read this way round; a merge with the sides swapped)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    single = [m for m in matches if len(m.old) == 1 and len(m.new) == 1]
    grouped = [m for m in matches if m not in single]
    match_of_one = {m.old[0]: m for m in single}
    match_of_many = {m.new[0]: m for m in single}
    unavailable_one = {i for m in grouped for i in m.old}
    unavailable_many = {j for m in grouped for j in m.new}
    candidates = [
        i
        for i in range(len(one_keys))
        if i not in unavailable_one and (i not in match_of_one or match_of_one[i].score < 100.0)
    ]
    if not candidates or len(many_keys) < 2:
        return matches
    containment = process.cdist(
        [one_keys[i] for i in candidates],
        many_keys,
        scorer=fuzz.token_set_ratio,
        processor=None,
        dtype=np.float32,
        workers=-1,
        score_cutoff=CONTAINMENT,
    )
    proposals: list[tuple[float, int, tuple[int, ...]]] = []
    for row, i in enumerate(candidates):
        contained = set(np.flatnonzero(containment[row] >= CONTAINMENT).tolist())
        for j in sorted(contained):
            if j + 1 not in contained:
                continue
            run = [j, j + 1, j + 2] if j + 2 in contained else [j, j + 1]
            if any(k in unavailable_many for k in run):
                continue
            length, score = _best_run(one_keys[i], [many_keys[k] for k in run], scorer)
            run = run[:length]
            rivals = [match_of_many[k].score for k in run if k in match_of_many]
            if i in match_of_one:
                rivals.append(match_of_one[i].score)
            if score >= threshold and score >= max(rivals, default=0.0) + split_gain:
                proposals.append((score, i, tuple(run)))
    proposals.sort(key=lambda proposal: (-proposal[0], proposal[1]))
    taken_one: set[int] = set()
    taken_many: set[int] = set()
    accepted: list[_Match] = []
    for score, i, run in proposals:
        if i in taken_one or taken_many.intersection(run):
            continue
        taken_one.add(i)
        taken_many.update(run)
        accepted.append(_Match((i,), run, score))
    if not accepted:
        return matches
    # Matches whose clauses went into a group are dropped; their partners are freed.
    kept = [m for m in single if m.old[0] not in taken_one and m.new[0] not in taken_many]
    return [*grouped, *kept, *accepted]


def _best_run(one_key: str, run_keys: Sequence[str], scorer: str) -> tuple[int, float]:
    """The best-scoring prefix of two or three clauses of a run, as (length, score)."""
    best = (0, -1.0)
    for length in range(2, len(run_keys) + 1):
        score = _similarity(one_key, " ".join(run_keys[:length]), scorer)
        if score > best[1]:
            best = (length, score)
    return best


def _in_order(matches: Sequence[_Match]) -> set[_Match]:
    """The matches that did not move: the heaviest run increasing in both documents (weighted
    by score, so a good match is not called moved to keep a poor one in order), plus those out
    of that run that only swap places with a neighbour and are not close copies (a local
    reordering inside a reworded passage, not a move a reader would care about)."""
    by_new = sorted(matches, key=lambda m: m.new[0])
    size = max((m.old[0] for m in by_new), default=-1) + 2
    tree_best = [0.0] * (size + 1)
    tree_at = [-1] * (size + 1)
    previous = [-1] * len(by_new)
    total = [0.0] * len(by_new)
    for k, match in enumerate(by_new):
        best, at = 0.0, -1
        position = match.old[0]  # prefix over old indices < this one (Fenwick tree, 1-based)
        while position > 0:
            if tree_best[position] > best:
                best, at = tree_best[position], tree_at[position]
            position -= position & -position
        total[k] = best + match.score
        previous[k] = at
        position = match.old[0] + 1
        while position <= size:
            if total[k] > tree_best[position]:
                tree_best[position], tree_at[position] = total[k], k
            position += position & -position
    in_run: set[_Match] = set()
    k = max(range(len(by_new)), key=total.__getitem__, default=-1)
    while k >= 0:
        in_run.add(by_new[k])
        k = previous[k]
    run = sorted(in_run, key=lambda m: m.new[0])
    settled = set(in_run)
    for match in by_new:
        if match in in_run or match.score >= MOVE_MIN_SCORE:
            continue
        crossed = sum(
            1
            for other in run
            if (other.old[0] < match.old[0]) != (other.new[0] < match.new[0])
        )
        if crossed <= 1:
            settled.add(match)
    return settled


def _status(match: _Match, old_keys: Sequence[str], new_keys: Sequence[str], in_order: bool) -> Status:
    if len(match.new) > 1:
        return Status.SPLIT
    if len(match.old) > 1:
        return Status.MERGED
    if not in_order:
        return Status.MOVED
    if old_keys[match.old[0]] == new_keys[match.new[0]]:
        return Status.UNCHANGED
    return Status.REWORDED


def _pair(status: Status, old: list[Clause], new: list[Clause], score: float | None) -> Pair:
    old_text = " ".join(clause.text for clause in old)
    new_text = " ".join(clause.text for clause in new)
    words = () if status is Status.UNCHANGED else word_diff(old_text, new_text)
    if words and all(op.op == "equal" for op in words):
        words = ()
    return Pair(status, tuple(old), tuple(new), score, words)


def _ordered(
    pairs_and_matches: list[tuple[Pair, _Match]],
    n_old: int,
    n_new: int,
    old: Sequence[Clause],
    new: Sequence[Clause],
) -> tuple[Pair, ...]:
    """All pairs in the new document's order, removed clauses after their old predecessor."""
    matched_old = {i for _, match in pairs_and_matches for i in match.old}
    matched_new = {j for _, match in pairs_and_matches for j in match.new}
    keyed: list[tuple[tuple[float, int, int], Pair]] = []
    anchor_of_old: dict[int, float] = {}
    for pair, match in pairs_and_matches:
        position = float(min(match.new))
        keyed.append(((position, 0, 0), pair))
        if pair.status is not Status.MOVED:
            for i in match.old:
                anchor_of_old[i] = position
    for j in range(n_new):
        if j not in matched_new:
            keyed.append(((float(j), 0, 0), Pair(Status.ADDED, (), (new[j],), None)))
    anchor = -1.0
    for i in range(n_old):
        if i in anchor_of_old:
            anchor = anchor_of_old[i]
        elif i not in matched_old:
            keyed.append(((anchor, 1, i), Pair(Status.REMOVED, (old[i],), (), None)))
    keyed.sort(key=lambda item: item[0])
    return tuple(pair for _, pair in keyed)


def word_diff(old_text: str, new_text: str) -> tuple[WordOp, ...]:
    """Word-level operations turning old_text into new_text.

    Words compare on their normalised form, so re-wrapping, quote style and British/US
    spelling are not changes; equal runs show the new text.

    >>> [(op.op, op.text) for op in word_diff("We note the plan.", "We strongly welcome the plan.")]
    [('equal', 'We'), ('delete', 'note'), ('insert', 'strongly welcome'), ('equal', 'the plan.')]
    """
    old_words = _TOKEN.findall(old_text)
    new_words = _TOKEN.findall(new_text)
    matcher = difflib.SequenceMatcher(
        a=[_key(word) for word in old_words], b=[_key(word) for word in new_words], autojunk=False
    )
    operations: list[WordOp] = []
    for tag, a_low, a_high, b_low, b_high in matcher.get_opcodes():
        if tag == "equal":
            operations.append(WordOp("equal", " ".join(new_words[b_low:b_high])))
            continue
        if a_high > a_low:
            operations.append(WordOp("delete", " ".join(old_words[a_low:a_high])))
        if b_high > b_low:
            operations.append(WordOp("insert", " ".join(new_words[b_low:b_high])))
    return tuple(operations)
