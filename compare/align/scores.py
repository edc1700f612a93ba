"""How alike two clauses are: every old clause against every new one, in a few vectorised passes.

Two families of score, both 0-100:

- **words**: rapidfuzz's ratio over word codes, in order and as a bag, averaged; with the
  "hybrid" scorer, pairs sharing at least HYBRID_BAND of their words are rescored on
  characters too and keep the higher score (see ``compare.align.align`` for the other scorers);
- **content**: the share of rare words two clauses have in common (see ``compare.align.texts``),
  as a Dice coefficient and as the share of the shorter clause found in the longer one, averaged.
  It sees one clause carried whole inside a longer one ("... and will expand coverage to the
  Indian Ocean region in the coming months"), where the words score falls with the length.

A pair's **similarity** is the higher of the two: what ``--threshold`` applies to and what the
views show as the score.

**Long documents** (BLOCKED_FROM cells or more, some 1,000 clauses a side) get their words score
only where a pairing is possible: pairs that share a rare word (one found in at most RARE_SHARE
of the clauses, and in at most RARE_MOST of them), and pairs near the in-order skeleton (within BAND places of where the new
clause would stand if nothing moved). Every other pair's words score is 0 (its content score is
still worked out: the words found in few clauses pair by pair, the common ones in one matrix
product), so that the string matching, the costliest part, grows with the candidates, not with
the square of the length. Statements of ordinary length are scored whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from compare.align.texts import Text, View
from compare.choices import SCORERS

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "HYBRID_BAND",
    "SCORERS",
    "Scores",
    "content_of",
    "dice_and_contained",
    "score",
    "similarity",
    "words_of",
]

HYBRID_BAND = 25.0
"""With the "hybrid" scorer, pairs whose words score reaches this are rescored on characters
too (and keep the higher score); the rest are too unlike to be worth the time."""


BLOCKED_FROM = 1_000_000
"""Score matrices of at least this many cells are scored only at candidate pairs (see above)."""
RARE_SHARE = 0.02
"""A word found in at most this share of the clauses (and in at least two) makes its clauses
candidates for one another on long documents..."""
RARE_MOST = 50
"""... and in at most this many clauses of the two versions, whatever their length: a share
alone lets a "rare" word grow with the documents, and its candidate pairs with the square of
their length (1.24 million pairs, 7% of the matrix, at 100,000 words a side)."""
BAND = 25
"""On long documents, every pair within this many places of the in-order skeleton is scored."""
PAIRWISE_FROM = 500
"""On long documents, a word's shared weight is added pair by pair when its clause pairs number
at most 1/PAIRWISE_FROM of the matrix (cheaper than its column in the product); the common words
go through the product (at 4,000 clauses a side, the content score took 1.4 s as one product,
0.46 s so)."""

_BAND_ROWS = 256
"""Rows of the similarity matrix, or of a matrix of shares, worked out at a time (see
``Scores.similarity`` and ``Scores.found_in``)."""

_THREADED_FROM = 40_000
"""Matrices with at least this many cells (or a long document's candidate pairs, as many) are
scored on every core; fewer on one, where starting threads would cost more than it saves (and,
while a child reads the labels, the second core is busy)."""


@dataclass(frozen=True, slots=True)
class Scores:
    """Every old clause against every new one."""

    words: np.ndarray
    """String similarity (0-100) with the chosen scorer."""
    shared: np.ndarray
    """Summed weight of the words each pair has in common."""
    old_mass: np.ndarray
    """Summed weight of each old clause's words."""
    new_mass: np.ndarray
    """Summed weight of each new clause's words."""
    _made: dict[str, np.ndarray] = field(default_factory=dict, compare=False, repr=False)
    """The similarity matrix, worked out once (on long documents it is large, and the aligner
    reads it many times)."""

    def dice_at(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Weighted share (0-100) of the two clauses' rare words that they have in common, for
        the pairs (rows[k], cols[k])."""
        return _dice(self.shared[rows, cols], self.old_mass[rows], self.new_mass[cols])

    def contained_at(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Weighted share (0-100) of the shorter clause's rare words found in the longer one, for
        the pairs (rows[k], cols[k])."""
        return _contained(self.shared[rows, cols], self.old_mass[rows], self.new_mass[cols])

    @property
    def similarity(self) -> np.ndarray:
        """The higher of the words and the content score (dice and containment averaged).

        Worked out a band of rows at a time: the content score is never held whole (on long
        documents each matrix is large, and every fresh one costs its pages)."""
        made = self._made.get("similarity")
        if made is None:
            import numpy as np

            made = self._made["similarity"] = np.empty(self.words.shape, dtype=np.result_type(self.words, self.shared))
            for start in range(0, len(made), _BAND_ROWS):
                band = slice(start, start + _BAND_ROWS)
                shared, old, new = self.shared[band], self.old_mass[band, None], self.new_mass[None, :]
                content = np.add(_dice(shared, old, new), _contained(shared, old, new))
                content /= 2
                np.maximum(self.words[band], content, out=made[band])
        return made

    def found_in(self, floor: float, *, flipped: bool = False) -> np.ndarray:
        """Whether the weighted share (0-100) of each new clause's words found in each old clause
        reaches ``floor``, as booleans (old x new); ``flipped``: of each old clause's words in
        each new one (new x old). Worked out a band of rows at a time, so that a long document
        never holds the shares themselves, a float matrix as large as the score matrices.
        """
        import numpy as np

        shared, other_mass = (self.shared.T, self.old_mass) if flipped else (self.shared, self.new_mass)
        over = np.maximum(other_mass[None, :], 1e-6)
        reached = np.empty(shared.shape, dtype=bool)
        for start in range(0, len(shared), _BAND_ROWS):
            band = shared[start : start + _BAND_ROWS]
            np.greater_equal(_share(band, 100.0, over, 100.0), floor, out=reached[start : start + _BAND_ROWS])
        return reached

    def flipped(self) -> Scores:
        """The same scores with the documents swapped."""
        return Scores(self.words.T, self.shared.T, self.new_mass, self.old_mass)


def _dice(shared: np.ndarray, old_mass: np.ndarray, new_mass: np.ndarray) -> np.ndarray:
    """Dice scores (0-100) from the shared weight and the two clauses' masses (arrays that
    broadcast together: pairs, or a band of rows against every column)."""
    import numpy as np

    total = old_mass + new_mass
    return _share(shared, 200.0, np.maximum(total, 1e-6, out=total))


def _contained(shared: np.ndarray, old_mass: np.ndarray, new_mass: np.ndarray) -> np.ndarray:
    """Containment scores (0-100), as ``_dice``: the shared weight over the smaller mass."""
    import numpy as np

    smaller = np.minimum(old_mass, new_mass)
    return _share(shared, 100.0, np.maximum(smaller, 1e-6, out=smaller), 100.0)


def _share(shared: np.ndarray, scale: float, over: np.ndarray, most: float | None = None) -> np.ndarray:
    """``scale * shared / over``, capped at ``most``: worked out in one new matrix, for on long
    documents each is large, and every fresh one costs its pages.

    >>> import numpy as np
    >>> _share(np.asarray([[1.0, 4.0]]), 100.0, np.asarray([[2.0, 2.0]]), 100.0).tolist()
    [[50.0, 100.0]]
    """
    import numpy as np

    made = np.multiply(shared, scale)
    np.divide(made, over, out=made)
    return made if most is None else np.minimum(made, most, out=made)


def score(view: View, scorer: str, *, settled: Sequence[tuple[int, int]] = ()) -> Scores:
    """All scores of all clause pairs of a view (on long documents, of the candidate pairs).

    ``settled``: the (old, new) clauses already paired word for word (equal keys). On long
    documents no words score is worked out between a settled old clause and a settled new one
    other than its own partner: the aligner never reads one. It reads a settled clause's row or
    column only for its two highest values, as a rival of a candidate with a free clause (see
    ``compare.align.link``), and there the partner's 100 is the highest whatever the others
    are: a candidate below 100 meets the 100 as its rival, one at 100 ties with it and meets
    100 again. Two versions of a long document repeat most of their clauses, so this leaves
    the string matching a fraction of the candidates (at 25,000 words a side, a few percent).
    """
    old_mass = _masses(view, view.old)
    new_mass = _masses(view, view.new)
    if len(view.old) * len(view.new) >= BLOCKED_FROM and scorer in ("words", "hybrid"):
        postings = _postings(view)
        rows, cols = _unsettled(view, candidates(view, postings), settled)
        return Scores(_blocked(view, scorer, rows, cols), _shared_long(view, postings), old_mass, new_mass)
    words = _words(view.old, view.new, scorer)
    shared = _shared(view)
    return Scores(words, shared, old_mass, new_mass)


def _postings(view: View) -> dict[str, tuple[list[int], list[int]]]:
    """For every word code, the old and the new clauses it is found in."""
    postings: dict[str, tuple[list[int], list[int]]] = {}
    for side, texts in enumerate((view.old, view.new)):
        for index, text in enumerate(texts):
            for code in set(text.code):
                postings.setdefault(code, ([], []))[side].append(index)
    return postings


def candidates(
    view: View, postings: dict[str, tuple[list[int], list[int]]] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs a long document's alignment scores: those sharing a rare word, and those near
    the in-order skeleton; as (old indices, new indices), row by row."""
    import numpy as np

    n_old, n_new = len(view.old), len(view.new)
    mask = np.zeros((n_old, n_new), dtype=bool)
    if postings is None:
        postings = _postings(view)
    most = max(2, min(int(RARE_SHARE * (n_old + n_new)), RARE_MOST))
    for old_ids, new_ids in postings.values():
        if old_ids and new_ids and len(old_ids) + len(new_ids) <= most:
            mask[np.ix_(old_ids, new_ids)] = True
    skeleton = np.rint(np.arange(n_old) * ((n_new - 1) / max(n_old - 1, 1))).astype(np.int64)
    for offset in range(-BAND, BAND + 1):
        cols = skeleton + offset
        inside = (cols >= 0) & (cols < n_new)
        mask[np.nonzero(inside)[0], cols[inside]] = True
    return np.nonzero(mask)


def _unsettled(
    view: View, pairs: tuple[np.ndarray, np.ndarray], settled: Sequence[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs (rows, cols) less those of a settled old clause with a settled new
    one, and with every settled pair's own cell (see ``score``), row by row. (A settled pair
    that was no candidate, a clause of function words only far from the skeleton, is one now:
    its 100 is the highest of its row and column, as the rivals should read it.)

    >>> import numpy as np
    >>> from compare.align.texts import View
    >>> view = View([None] * 3, [None] * 3, {})
    >>> rows, cols = _unsettled(view, (np.asarray([0, 0, 1, 2]), np.asarray([1, 2, 2, 0])), [(0, 0), (1, 1)])
    >>> list(zip(rows.tolist(), cols.tolist()))
    [(0, 0), (0, 2), (1, 1), (1, 2), (2, 0)]
    """
    import numpy as np

    rows, cols = pairs
    if not settled:
        return rows, cols
    partner_rows, partner_cols = (np.asarray(side, dtype=np.int64) for side in zip(*settled, strict=True))
    old_settled = np.zeros(len(view.old), dtype=bool)
    new_settled = np.zeros(len(view.new), dtype=bool)
    old_settled[partner_rows] = True
    new_settled[partner_cols] = True
    keep = ~(old_settled[rows] & new_settled[cols])
    cells = np.unique(np.concatenate([rows[keep] * len(view.new) + cols[keep], partner_rows * len(view.new) + partner_cols]))
    return cells // len(view.new), cells % len(view.new)


def _blocked(view: View, scorer: str, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The words matrix of a long document, worked out only at the candidate pairs (rows[k],
    cols[k]) and 0 elsewhere."""
    import numpy as np
    from rapidfuzz import fuzz, process

    shape = (len(view.old), len(view.new))
    row_list, col_list = rows.tolist(), cols.tolist()
    workers = -1 if len(row_list) >= _THREADED_FROM else 1

    def pairwise(function: object, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        return process.cpdist(a, b, scorer=function, processor=None, dtype=np.float32, workers=workers)

    old_codes = [view.old[r].code for r in row_list]
    new_codes = [view.new[c].code for c in col_list]
    sorted_once = cache(_sorted)  # each distinct clause's words sorted once, as candidates need them
    values = (
        pairwise(fuzz.ratio, old_codes, new_codes)
        + pairwise(fuzz.ratio, [sorted_once(code) for code in old_codes], [sorted_once(code) for code in new_codes])
    ) / 2
    if scorer == "hybrid":
        near = np.nonzero(values >= HYBRID_BAND)[0]
        if len(near):
            old_near = [view.old[row_list[k]].key for k in near.tolist()]
            new_near = [view.new[col_list[k]].key for k in near.tolist()]
            values[near] = np.maximum(values[near], _characters(old_near, new_near, workers=workers))
    words = np.zeros(shape, dtype=np.float32)
    words[rows, cols] = values
    return words


def _characters(old_keys: Sequence[str], new_keys: Sequence[str], *, workers: int) -> np.ndarray:
    """The hybrid scorer's character score of each pair (old_keys[k], new_keys[k]): rapidfuzz's
    ratio and token_sort_ratio, averaged."""
    import numpy as np
    from rapidfuzz import fuzz, process

    def pairwise(function: object, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        return process.cpdist(a, b, scorer=function, processor=None, dtype=np.float32, workers=workers)

    in_order = pairwise(fuzz.ratio, old_keys, new_keys)
    old_sorted, new_sorted = _words_sorted(old_keys), _words_sorted(new_keys)
    if old_sorted is None or new_sorted is None:
        return (in_order + pairwise(fuzz.token_sort_ratio, old_keys, new_keys)) / 2
    # token_sort_ratio is ratio over each text's words sorted; a clause is in many pairs, so its
    # words are sorted once here rather than once per pair.
    return (in_order + pairwise(fuzz.ratio, old_sorted, new_sorted)) / 2


def _words_sorted(texts: Sequence[str]) -> list[str] | None:
    """Each text's words in sorted order, as rapidfuzz's ``token_sort_ratio`` sorts them, each
    distinct text sorted once; None when a text holds U+0085 or U+00A0, which ``str.split``
    takes for spaces and rapidfuzz does not (normalised keys hold neither).

    >>> _words_sorted(["the plan we note", "b a", "the plan we note"])
    ['note plan the we', 'a b', 'note plan the we']
    """
    done: dict[str, str] = {}
    for text in texts:
        if text not in done:
            if "\x85" in text or "\xa0" in text:
                return None
            done[text] = " ".join(sorted(text.split()))
    return [done[text] for text in texts]


def similarity(view: View, a: Text, b: Text, scorer: str) -> float:
    """One pair's similarity, as ``Scores.similarity`` would give it, rounded to 0.1.

    >>> from compare.align.texts import View, Text
    >>> view = View((), (), {"a": 1.0, "b": 1.0})
    >>> similarity(view, Text("x y", "ab"), Text("x y", "ab"), "hybrid")
    100.0
    """
    return round(max(words_of(a, b, scorer), content_of(view, a, b)), 1)


def content_of(view: View, a: Text, b: Text) -> float:
    """The content score (0-100) of one pair.

    >>> from compare.align.texts import View, Text
    >>> view = View((), (), {"a": 1.0, "b": 1.0, "c": 2.0})
    >>> round(content_of(view, Text("", "ab"), Text("", "abc")), 1)
    83.3
    """
    return sum(dice_and_contained(view, a, b)) / 2


def dice_and_contained(view: View, a: Text, b: Text) -> tuple[float, float]:
    """The Dice and containment scores (0-100) of one pair."""
    set_a, set_b = set(a.code), set(b.code)
    mass_a = sum(view.weight.get(code, 0.0) for code in set_a)
    mass_b = sum(view.weight.get(code, 0.0) for code in set_b)
    shared = sum(view.weight.get(code, 0.0) for code in set_a & set_b)
    if not shared:
        return 0.0, 0.0
    return 200.0 * shared / (mass_a + mass_b), min(100.0, 100.0 * shared / min(mass_a, mass_b))


def words_of(a: Text, b: Text, scorer: str) -> float:
    """One pair's words score, as ``_words`` would give it, without the matrix machinery.

    >>> words_of(Text("we note the plan", "abcd"), Text("we note the plan", "abcd"), "hybrid")
    100.0
    """
    from rapidfuzz import fuzz

    if scorer not in ("words", "hybrid"):
        return float(_words([a], [b], scorer)[0, 0])
    words = (fuzz.ratio(a.code, b.code) + fuzz.ratio(_sorted(a.code), _sorted(b.code))) / 2
    if scorer == "hybrid" and words >= HYBRID_BAND:
        characters = (fuzz.ratio(a.key, b.key) + fuzz.token_sort_ratio(a.key, b.key)) / 2
        words = max(words, characters)
    return float(words)


def _words(old_texts: Sequence[Text], new_texts: Sequence[Text], scorer: str) -> np.ndarray:
    """String similarity (0-100) of every old text with every new text."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not old_texts or not new_texts:
        return np.zeros((len(old_texts), len(new_texts)), dtype=np.float32)
    workers = -1 if len(old_texts) * len(new_texts) >= _THREADED_FROM else 1

    def matrix(function: object, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        return process.cdist(a, b, scorer=function, processor=None, dtype=np.float32, workers=workers)

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
            words[rows, cols] = np.maximum(words[rows, cols], _characters(old_near, new_near, workers=workers))
        return words
    if scorer == "blend":
        in_order = matrix(fuzz.ratio, old_keys, new_keys)
        return (in_order + matrix(fuzz.token_sort_ratio, old_keys, new_keys)) / 2
    return matrix(getattr(fuzz, scorer), old_keys, new_keys)


def _sorted(codes: str) -> str:
    return "".join(sorted(codes))


def _shared(view: View) -> np.ndarray:
    """Summed weight of the words every old clause shares with every new clause."""
    import numpy as np

    shape = (len(view.old), len(view.new))
    if not view.old or not view.new:
        return np.zeros(shape, dtype=np.float32)
    postings = _postings(view)
    # Only words found on both sides can be shared: a dense matrix over those stays small.
    return _product(view, sorted(code for code, (old_ids, new_ids) in postings.items() if old_ids and new_ids), postings)


def _shared_long(view: View, postings: dict[str, tuple[list[int], list[int]]]) -> np.ndarray:
    """``_shared`` of a long document: a word found in few clauses adds its weight to the pairs
    it is shared by, one by one; the common words go through one matrix product (see
    PAIRWISE_FROM). The same sums as ``_shared`` up to float rounding."""
    import numpy as np

    n_old, n_new = len(view.old), len(view.new)
    most = n_old * n_new // PAIRWISE_FROM
    cells, weights, common = [], [], []
    for code, (old_ids, new_ids) in postings.items():
        if not old_ids or not new_ids:
            continue
        if len(old_ids) * len(new_ids) > most:
            common.append(code)
            continue
        cells.append((np.asarray(old_ids, dtype=np.int64)[:, None] * n_new + np.asarray(new_ids, dtype=np.int64)).ravel())
        weights.append(np.full(len(old_ids) * len(new_ids), view.weight[code], dtype=np.float32))
    result = np.ascontiguousarray(  # added to in place below, through a flat view; zeros when no word is common
        _product(view, sorted(common), postings)
    )
    if cells:
        np.add.at(result.reshape(-1), np.concatenate(cells), np.concatenate(weights))
    return result


def _product(view: View, vocabulary: list[str], postings: dict[str, tuple[list[int], list[int]]]) -> np.ndarray:
    """Summed weight of the words of ``vocabulary`` every old clause shares with every new one,
    as one matrix product of which clauses hold each word (read off the ``postings``)."""
    import numpy as np

    weights = np.asarray([view.weight[code] for code in vocabulary], dtype=np.float32)

    def incidence(side: int, clauses: int) -> np.ndarray:
        matrix = np.zeros((clauses, len(vocabulary)), dtype=np.float32)
        holders = [postings[code][side] for code in vocabulary]
        rows = [row for held in holders for row in held]
        cols = [k for k, held in enumerate(holders) for _ in held]
        matrix[rows, cols] = 1.0
        return matrix

    return (incidence(0, len(view.old)) * weights[None, :]) @ incidence(1, len(view.new)).T


def _masses(view: View, texts: Sequence[Text]) -> np.ndarray:
    import numpy as np

    found: dict[str, float] = {}  # a clause kept word for word is weighed once
    for text in texts:
        if text.code not in found:
            found[text.code] = view.mass(text)
    return np.asarray([found[text.code] for text in texts], dtype=np.float32)
