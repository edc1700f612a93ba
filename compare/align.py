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
from functools import lru_cache
from typing import TYPE_CHECKING

from compare.model import Clause, Pair, Status, WordOp
from compare.normalise import normalise

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DEFAULT_THRESHOLD", "METHODS", "SCORERS", "align", "word_diff"]

DEFAULT_THRESHOLD = 55.0
"""Lowest similarity (0-100) at which two clauses still count as the same clause reworded."""

DEFAULT_SPLIT_GAIN = 3.0
"""How many points a split or merge must score above the best one-to-one match to be taken.
Gains from 2 to 12 score the same on the gold alignments; across the corpus, 3 adds 13 groups
over 8, most of them real (an FOMC sentence cut in two, a UN paragraph that gained a clause)."""

CONTAINMENT = 60.0
"""Share (0-100) of its words each part of a split or merge must have in the whole."""

POSITION_WEIGHT = 4.0
"""Points at most added to a pair's matching priority for lying at the same relative position
in both documents, so repeated formula sentences pair in order. Not part of the shown score."""

MOVE_MIN_SCORE = 75.0
"""An out-of-order match scoring below this that crosses only one other match is a local
reordering, shown as reworded rather than moved."""

_SUFFIXES = ("ing", "ed", "es", "s")
_FIRST_CODE = 0xF0000
"""Word codes start in Unicode's supplementary private-use planes (room for 131,068 words)."""

HYBRID_BAND = 25.0
"""With the "hybrid" scorer, pairs whose word score reaches this are rescored on characters
too (and keep the higher score); the rest are too unlike to be worth the time."""

SCORERS = ("hybrid", "words", "blend", "ratio", "token_sort_ratio", "token_set_ratio", "WRatio")
METHODS = ("greedy", "global")

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class _Text:
    """A clause as the aligner sees it: its normalised key and its word code."""

    key: str
    code: str
    """One private-use character per stemmed word (see _word_codes)."""
    paragraph: int = 0
    """The paragraph of the clause: a split or merge never reaches across paragraphs, where a
    heading would be swept into its first sentence."""

    def __add__(self, other: _Text) -> _Text:
        return _Text(f"{self.key} {other.key}", self.code + other.code, self.paragraph)


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
    scorer: str = "hybrid",
    method: str = "greedy",
) -> tuple[Pair, ...]:
    """Align the clauses of an old and a new version.

    Args:
        old: clauses of the old document, in order.
        new: clauses of the new document, in order.
        threshold: lowest similarity (0-100) for two clauses to be paired as reworded.
        split_gain: points a split or merge must gain over the best single match.
        scorer: one of SCORERS. "words" averages rapidfuzz's ratio over the sequence of
            stemmed words and over the same words sorted; "blend" does the same over
            characters; "hybrid" (the default) takes "words" for every pair and the higher of
            it and "blend" for pairs that share at least a quarter of their words; the others
            are plain rapidfuzz scorers over characters. Measured against hand-labelled
            alignments in ``benchmarks/align_quality.py``.
        method: "greedy" (best pair first) or "global" (an optimal assignment).

    Returns:
        The pairs, in the new document's order with removed clauses where they stood.
    """
    old_texts, new_texts = _texts(old, new)
    scores = _score_matrix(old_texts, new_texts, scorer)
    # Equal clauses first, in order; then the best fuzzy matching of the rest, with the equal
    # clauses as the skeleton that a weak match may not jump across.
    matches = _equal_matches(old_texts, new_texts)
    matches += _rematch(matches, scores, threshold, method)
    matches = _find_splits_and_merges(
        old_texts,
        new_texts,
        matches,
        scores,
        threshold=threshold,
        split_gain=split_gain,
        scorer=scorer,
        method=method,
    )
    matches, in_order = _settle_moves(matches)
    pairs_and_keys = []
    for match in matches:
        status = _status(match, old_texts, new_texts, match in in_order)
        pair = _pair(status, [old[i] for i in match.old], [new[j] for j in match.new], match.score)
        pairs_and_keys.append((pair, match))
    return _ordered(pairs_and_keys, len(old), len(new), old, new)


def _texts(old: Sequence[Clause], new: Sequence[Clause]) -> tuple[list[_Text], list[_Text]]:
    """Keys and word codes of both documents' clauses, over one shared vocabulary."""
    old_keys = [_key(clause.text) for clause in old]
    new_keys = [_key(clause.text) for clause in new]
    old_codes, new_codes = _word_codes(old_keys, new_keys)
    return (
        [_Text(k, code, c.paragraph) for k, code, c in zip(old_keys, old_codes, old, strict=True)],
        [_Text(k, code, c.paragraph) for k, code, c in zip(new_keys, new_codes, new, strict=True)],
    )


def _key(text: str) -> str:
    """What two clauses must share to count as unchanged: the normalised text, or the raw text
    where nothing is left after normalising (a clause of bare punctuation)."""
    return normalise(text) or " ".join(text.split())


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude English stem, enough to make "condemned" and "condemns" the same word.

    >>> [_stem(w) for w in ("condemned", "condemns", "condemning", "concerns", "us")]
    ['condemn', 'condemn', 'condemn', 'concern', 'us']
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _word_codes(*groups: Sequence[str]) -> list[list[str]]:
    """Each key as a string with one character per (stemmed) word, the same character for the
    same word across all groups, so that character scorers compare word sequences: shorter
    strings (fast bit-parallel and SIMD paths in rapidfuzz) and whole-word edits."""
    vocabulary: dict[str, str] = {}
    encoded = []
    for keys in groups:
        codes = []
        for key in keys:
            characters = []
            for word in key.split():
                stem = _stem(word)
                code = vocabulary.get(stem)
                if code is None:
                    code = vocabulary[stem] = _code_point(len(vocabulary))
                characters.append(code)
            codes.append("".join(characters))
        encoded.append(codes)
    return encoded


def _code_point(number: int) -> str:
    """A private-use character for word number ``number``: never real text, never a space."""
    return chr(_FIRST_CODE + number)


def _score_matrix(old_texts: Sequence[_Text], new_texts: Sequence[_Text], scorer: str) -> np.ndarray:
    """Similarity (0-100) of every old text with every new text, in one vectorised pass."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not old_texts or not new_texts:
        return np.zeros((len(old_texts), len(new_texts)), dtype=np.float32)

    def matrix(function: object, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        return process.cdist(a, b, scorer=function, processor=None, dtype=np.float32, workers=-1)

    old_keys = [text.key for text in old_texts]
    new_keys = [text.key for text in new_texts]
    if scorer in ("words", "hybrid"):
        old_codes = [text.code for text in old_texts]
        new_codes = [text.code for text in new_texts]
        in_order = matrix(fuzz.ratio, old_codes, new_codes)
        bag = matrix(fuzz.ratio, [_sorted(c) for c in old_codes], [_sorted(c) for c in new_codes])
        words = (in_order + bag) / 2
        if scorer == "words":
            return words
        rows, cols = np.nonzero(words >= HYBRID_BAND)
        if len(rows):
            old_near = [old_keys[r] for r in rows.tolist()]
            new_near = [new_keys[c] for c in cols.tolist()]
            characters = sum(
                process.cpdist(old_near, new_near, scorer=scorer_, processor=None, dtype=np.float32, workers=-1)
                for scorer_ in (fuzz.ratio, fuzz.token_sort_ratio)
            ) / 2
            words[rows, cols] = np.maximum(words[rows, cols], characters)
        return words
    if scorer == "blend":
        in_order = matrix(fuzz.ratio, old_keys, new_keys)
        return (in_order + matrix(fuzz.token_sort_ratio, old_keys, new_keys)) / 2
    return matrix(getattr(fuzz, scorer), old_keys, new_keys)


def _sorted(codes: str) -> str:
    return "".join(sorted(codes))


def _similarity(a: _Text, b: _Text, scorer: str) -> float:
    """One score with the same scorer as the matrix, rounded to 0.1.

    >>> text = _Text("we welcome the plan", "abcd")
    >>> _similarity(text, text, "hybrid")
    100.0
    """
    return round(float(_score_matrix([a], [b], scorer)[0, 0]), 1)


def _containment(one_texts: Sequence[_Text], many_texts: Sequence[_Text]) -> np.ndarray:
    """Share (0-100) of the words of each "many" text that also occur in each "one" text.

    >>> _containment([_Text("", "abc")], [_Text("", "ab"), _Text("", "xy")]).tolist()
    [[100.0, 0.0]]
    """
    import numpy as np

    one_words = [set(text.code) for text in one_texts]
    many_words = [set(text.code) for text in many_texts]
    # Only words found on both sides can be shared: a dense matrix over those stays small.
    shared_vocabulary = set().union(*one_words) & set().union(*many_words)
    column = {word: k for k, word in enumerate(sorted(shared_vocabulary))}

    def bag_of_words(word_sets: list[set[str]]) -> np.ndarray:
        bag = np.zeros((len(word_sets), len(column)), dtype=np.float32)
        rows = [row for row, words in enumerate(word_sets) for word in words if word in column]
        columns = [column[word] for words in word_sets for word in words if word in column]
        bag[rows, columns] = 1.0
        return bag

    shared = bag_of_words(one_words) @ bag_of_words(many_words).T
    many_sizes = np.asarray([max(len(words), 1) for words in many_words], dtype=np.float32)
    return 100.0 * shared / many_sizes[None, :]


def _rematch(matches: Sequence[_Match], scores: np.ndarray, threshold: float, method: str) -> list[_Match]:
    """The best one-to-one matching, at or above threshold, of the clauses no match holds yet.

    A pair that would jump across more than one match of the heaviest in-order run must score
    at least MOVE_MIN_SCORE: a weak likeness far away is a coincidence of the genre's stock
    phrases, not a move."""
    import numpy as np

    taken_old = {i for match in matches for i in match.old}
    taken_new = {j for match in matches for j in match.new}
    free_old = [i for i in range(scores.shape[0]) if i not in taken_old]
    free_new = [j for j in range(scores.shape[1]) if j not in taken_new]
    if not free_old or not free_new:
        return []
    free_scores = scores[np.ix_(free_old, free_new)]
    priority = free_scores + _position_bonus(free_old, free_new, *scores.shape)
    priority[free_scores < threshold] = -1.0
    far = _crossings(free_old, free_new, _heaviest_run(matches)) > 1
    priority[far & (free_scores < MOVE_MIN_SCORE)] = -1.0
    if method == "global":
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(priority, maximize=True)
        chosen = [(r, c) for r, c in zip(rows, cols, strict=True) if priority[r, c] >= 0]
    else:
        chosen = _greedy(priority)
    return [
        _Match((free_old[r],), (free_new[c],), round(float(free_scores[r, c]), 1)) for r, c in chosen
    ]


def _crossings(rows: Sequence[int], cols: Sequence[int], skeleton: Sequence[_Match]) -> np.ndarray:
    """How many skeleton matches the pair (old rows[r], new cols[c]) would cross, per r, c."""
    import numpy as np

    if not skeleton:
        return np.zeros((len(rows), len(cols)), dtype=np.int32)
    run_old = np.sort(np.asarray([m.old[0] for m in skeleton]))
    run_new = np.sort(np.asarray([m.new[0] for m in skeleton]))
    # In a run, old and new orders agree, so the k-th smallest old goes with the k-th new.
    before_old = np.searchsorted(run_old, np.asarray(rows))[:, None]
    before_new = np.searchsorted(run_new, np.asarray(cols))[None, :]
    return np.abs(before_old - before_new).astype(np.int32)


def _equal_matches(old_texts: Sequence[_Text], new_texts: Sequence[_Text]) -> list[_Match]:
    """Pair clauses whose keys are equal, the k-th occurrence in old with the k-th in new."""
    positions: dict[str, list[int]] = defaultdict(list)
    for j, text in enumerate(new_texts):
        positions[text.key].append(j)
    used: dict[str, int] = defaultdict(int)
    matches = []
    for i, text in enumerate(old_texts):
        key = text.key
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
    old_texts: Sequence[_Text],
    new_texts: Sequence[_Text],
    matches: list[_Match],
    scores: np.ndarray,
    *,
    threshold: float,
    split_gain: float,
    scorer: str,
    method: str,
) -> list[_Match]:
    """Replace one-to-one matches by split or merged groups where a group fits clearly better,
    then pair up again what the groups set free.

    Split and merge candidates are weighed together, best first, so that swapping the two
    documents swaps splits and merges and changes nothing else."""
    single = [m for m in matches if len(m.old) == 1 and len(m.new) == 1]
    flipped = [_Match(m.new, m.old, m.score) for m in single]
    proposals = _group_proposals(old_texts, new_texts, single, threshold, split_gain, scorer)
    proposals += [
        _Match(m.new, m.old, m.score)
        for m in _group_proposals(new_texts, old_texts, flipped, threshold, split_gain, scorer)
    ]
    # Ties go by a key that does not change when the documents swap places.
    proposals.sort(key=lambda m: (-m.score, sorted((m.old, m.new))))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    accepted: list[_Match] = []
    for proposal in proposals:
        if taken_old.intersection(proposal.old) or taken_new.intersection(proposal.new):
            continue
        taken_old.update(proposal.old)
        taken_new.update(proposal.new)
        accepted.append(proposal)
    # Matches whose clauses went into a group are dropped; their partners are freed.
    kept = [m for m in matches if not taken_old.intersection(m.old) and not taken_new.intersection(m.new)]
    matches = kept + accepted
    return matches + _rematch(matches, scores, threshold, method)


def _group_proposals(
    one_texts: Sequence[_Text],
    many_texts: Sequence[_Text],
    single: Sequence[_Match],
    threshold: float,
    split_gain: float,
    scorer: str,
) -> list[_Match]:
    """Clauses on the "one" side that match a run of two or three adjacent clauses of one
    paragraph on the "many" side (splits, read this way round; merges with the sides swapped)
    clearly better than the one-to-one matches they would replace."""
    import numpy as np

    match_of_one = {m.old[0]: m for m in single}
    match_of_many = {m.new[0]: m for m in single}
    candidates = [i for i in range(len(one_texts)) if i not in match_of_one or match_of_one[i].score < 100.0]
    if not candidates or len(many_texts) < 2:
        return []
    containment = _containment([one_texts[i] for i in candidates], many_texts)
    proposals: list[_Match] = []
    for row, i in enumerate(candidates):
        contained = set(np.flatnonzero(containment[row] >= CONTAINMENT).tolist())
        for j in sorted(contained):
            if not _adjacent(many_texts, contained, j, j + 1):
                continue
            run = [j, j + 1, j + 2] if _adjacent(many_texts, contained, j + 1, j + 2) else [j, j + 1]
            length, score = _best_run(one_texts[i], [many_texts[k] for k in run], scorer)
            run = run[:length]
            rivals = [match_of_many[k].score for k in run if k in match_of_many]
            if i in match_of_one:
                rivals.append(match_of_one[i].score)
            if score >= threshold and score >= max(rivals, default=0.0) + split_gain:
                proposals.append(_Match((i,), tuple(run), score))
    return proposals


def _adjacent(texts: Sequence[_Text], contained: set[int], j: int, k: int) -> bool:
    """Whether clause k can follow clause j in a split or merged group."""
    return k in contained and texts[k].paragraph == texts[j].paragraph


def _best_run(one: _Text, run: Sequence[_Text], scorer: str) -> tuple[int, float]:
    """The best-scoring prefix of two or three clauses of a run, as (length, score)."""
    best = (0, -1.0)
    joined = run[0]
    for length in range(2, len(run) + 1):
        joined = joined + run[length - 1]
        score = _similarity(one, joined, scorer)
        if score > best[1]:
            best = (length, score)
    return best


def _heaviest_run(matches: Sequence[_Match]) -> list[_Match]:
    """The run of matches increasing in both documents with the highest total score, in order
    (so a good match is not called moved to keep a poor one in order)."""
    by_new = sorted(matches, key=lambda m: m.new[0])
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
        total[k] = best + match.score
        previous[k] = at
        position = match.old[0] + 1
        while position <= size:
            if total[k] > tree_best[position]:
                tree_best[position], tree_at[position] = total[k], k
            position += position & -position
    run: list[_Match] = []
    k = max(range(len(by_new)), key=total.__getitem__, default=-1)
    while k >= 0:
        run.append(by_new[k])
        k = previous[k]
    return run[::-1]


def _settle_moves(matches: Sequence[_Match]) -> tuple[list[_Match], set[_Match]]:
    """Split matches into those kept and, among them, those not moved.

    Off the heaviest run, a match that crosses one other match only is a local reordering and
    counts as in order; one that jumps further is moved if it scores at least MOVE_MIN_SCORE,
    and is dropped otherwise (its clauses become removed and added)."""
    run = _heaviest_run(matches)
    in_order = set(run)
    kept = []
    for match in matches:
        if match not in in_order:
            crossed = sum(1 for other in run if (other.old[0] < match.old[0]) != (other.new[0] < match.new[0]))
            if crossed <= 1:
                in_order.add(match)
            elif match.score < MOVE_MIN_SCORE and len(match.old) == len(match.new) == 1:
                continue
        kept.append(match)
    return kept, in_order


def _status(match: _Match, old_texts: Sequence[_Text], new_texts: Sequence[_Text], in_order: bool) -> Status:
    if len(match.new) > 1:
        return Status.SPLIT
    if len(match.old) > 1:
        return Status.MERGED
    if not in_order:
        return Status.MOVED
    if old_texts[match.old[0]].key == new_texts[match.new[0]].key:
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
