"""The link model: how likely two clauses are the same clause, from what their scores say.

A candidate pair (an old and a new clause whose similarity reaches CANDIDATE) is described by
a few numbers that do not change when the documents swap places: its words and content scores,
how far it stands above the best rival of either clause, whether each clause is the other's
best, how far apart the two lie and how many sure matches the pair would jump across, and how
long the shorter clause is. A logistic model turns them into a probability, which is both what
the matching maximises and the pair's confidence (``Pair.confidence``).

The coefficients are fitted on hand-labelled alignments by ``benchmarks/align_fit.py``, which
prints them in the form below; its development labels are the only data they were fitted on.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "ATTACH_MODEL",
    "CANDIDATE",
    "FEATURES",
    "MEANING_FEATURES",
    "MEANING_MODEL",
    "LinkModel",
    "STRING_MODEL",
    "UNPAIRED_FEATURES",
    "UNPAIRED_MODEL",
    "features",
    "meaning_features",
    "probability",
    "unpaired_features",
]

CANDIDATE = 35.0
"""Similarity (0-100) from which a pair is weighed by the link model at all."""

FEATURES = (
    "words",
    "dice",
    "contained",
    "margin",
    "mutual_best",
    "either_best",
    "crossings",
    "distance",
    "short",
)
"""What the model sees of a candidate pair (see ``features``)."""


@dataclass(frozen=True, slots=True)
class LinkModel:
    """A logistic model over FEATURES (plus, for the semantic pass, ``meaning``)."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float

    def logit(self, values: np.ndarray) -> np.ndarray:
        """Log-odds of a link for each row of ``values`` (one column per name)."""
        import numpy as np

        return values @ np.asarray(self.weights, dtype=np.float64) + self.intercept


STRING_MODEL = LinkModel(
    names=FEATURES,
    weights=(1.702, 2.638, 1.408, 0.830, 1.176, 1.870, -0.767, -1.704, -0.802),
    intercept=-4.266,
)
"""Links found on words and content (fitted by ``benchmarks/align_fit.py``, penalty 1.0)."""


MEANING_FEATURES = (*FEATURES, "meaning", "meaning_margin")
"""What the meaning model sees: the string features, the cosine of the two clauses' embeddings
and how far it stands above the best rival's."""

MEANING_MODEL = LinkModel(
    names=MEANING_FEATURES,
    weights=(1.072, 1.501, 1.688, 0.846, -0.226, 0.331, -0.693, 0.146, -0.863, 1.548, 1.759),
    intercept=-1.659,
)
"""Links found by the semantic pass (fitted by ``benchmarks/align_fit.py``, penalty 1.0)."""


ATTACH_MODEL = LinkModel(
    names=MEANING_FEATURES,
    weights=(0.008, 1.487, 1.499, 0.307, 0.053, 0.275, -0.867, 0.749, -0.271, 1.181, 2.106),
    intercept=-1.466,
)
"""A clause left unmatched joining the match of a clause it corresponds to (a merge or split
found by meaning; placeholder weights until fitted)."""


UNPAIRED_FEATURES = (
    "best_free_link",
    "best_paired_link",
    "best_similarity",
    "best_meaning",
    "has_meaning",
    "paired_share",
    "short",
)
"""What the unpaired model sees of a clause left unpaired: the highest probability that a
clause of the other version left free is its counterpart, the same over clauses already paired
(a counterpart taken by a better partner), its highest similarity and cosine with any clause of
the other version (cosine 0 when the semantic model was not read), the share of its document's
clauses that found a partner, and the inverse of its length."""

UNPAIRED_MODEL = LinkModel(
    names=UNPAIRED_FEATURES,
    weights=(4.167, -0.264, 0.708, 1.807, -0.000, 1.027, -0.637),
    intercept=-2.886,
)
"""The probability that a clause left unpaired has a counterpart after all (placeholder)."""


def unpaired_features(
    best_free_link: float,
    best_paired_link: float,
    best_similarity: float,
    best_meaning: float | None,
    paired_share: float,
    words: int,
) -> list[float]:
    """The unpaired model's features of one clause (see UNPAIRED_FEATURES).

    >>> unpaired_features(0.5, 0.9, 60.0, None, 0.8, 4)
    [0.5, 0.9, 0.6, 0.0, 0.0, 0.8, 0.25]
    """
    has_meaning = best_meaning is not None
    return [
        float(best_free_link),
        float(best_paired_link),
        float(best_similarity) / 100.0,
        float(best_meaning) if has_meaning else 0.0,
        1.0 if has_meaning else 0.0,
        float(paired_share),
        1.0 / max(words, 1),
    ]


def meaning_features(string_features: np.ndarray, cosine: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The string features of candidates (rows[k], cols[k]) with their embeddings' cosine and
    its margin over the best rival of either clause (``cosine`` is over the same clauses)."""
    import numpy as np

    # (a float32 matrix is read widened, so the features are the same as from a float64 one)
    value = cosine[rows, cols].astype(np.float64)
    rival = np.maximum(_rival(cosine, rows, cols, axis=1), _rival(cosine, rows, cols, axis=0)).astype(np.float64)
    return np.column_stack([string_features, value, np.clip(value - rival, -0.5, 0.5)])


def features(
    words: np.ndarray,
    dice: np.ndarray,
    contained: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    crossings: np.ndarray,
    short_words: np.ndarray,
    similarity: np.ndarray,
    *,
    ordered: bool = True,
) -> np.ndarray:
    """The feature matrix of the candidate pairs (rows[k], cols[k]), one row per candidate.

    Args:
        words, dice, contained: the candidates' scores (0-100), one each.
        rows, cols: the candidates' old and new clause indices.
        crossings: how many sure matches each candidate would jump across.
        short_words: the word count of each candidate's shorter clause.
        similarity: the full similarity matrix, ``max(words, (dice + contained) / 2)``.
        ordered: whether the indices are places in two documents; when not (clauses gathered
            from several versions), the distance between them is 0, as for a clause in place.
    """
    import numpy as np

    value = similarity[rows, cols]
    row_rival = _rival(similarity, rows, cols, axis=1)
    col_rival = _rival(similarity, rows, cols, axis=0)
    is_row_best = value >= row_rival
    is_col_best = value >= col_rival
    n_old, n_new = similarity.shape
    distance = np.abs(rows / max(n_old - 1, 1) - cols / max(n_new - 1, 1)) if ordered else np.zeros(len(rows))
    columns = [
        words / 100.0,
        dice / 100.0,
        contained / 100.0,
        np.clip((value - np.maximum(row_rival, col_rival)) / 100.0, -0.5, 0.5),
        (is_row_best & is_col_best).astype(np.float64),
        (is_row_best | is_col_best).astype(np.float64),
        np.log1p(crossings),
        distance,
        1.0 / np.maximum(short_words, 1),
    ]
    return np.column_stack(columns).astype(np.float64)


def probability(model: LinkModel, values: np.ndarray) -> np.ndarray:
    """The model's probability (0.0-1.0) of a link for each row of ``values``."""
    import numpy as np

    return 1.0 / (1.0 + np.exp(-model.logit(values)))


_TOP_TWO: dict[tuple[int, int], tuple[weakref.ref[np.ndarray], tuple[np.ndarray, np.ndarray]]] = {}
"""The two highest values of each row or column of the matrices the aligner is working on, by
the matrix's identity (held weakly, so that a matrix that is gone is never mistaken for a new
one at the same address)."""


def _top_two(matrix: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """The highest and second highest value of every row (axis=1) or column (axis=0), worked
    out once per matrix: one alignment asks for them many times."""
    import numpy as np

    key = (id(matrix), axis)
    known = _TOP_TWO.get(key)
    if known is not None and known[0]() is matrix:
        return known[1]
    for stale in [k for k, (ref, _) in _TOP_TWO.items() if ref() is None]:
        del _TOP_TWO[stale]
    stored, along = matrix, axis
    if matrix.flags.f_contiguous and not matrix.flags.c_contiguous:  # a transposed view: read it as stored
        stored, along = matrix.T, 1 - axis
    # Block by block of rows as stored (no copy of the whole matrix, no sort, no strided reads):
    # the highest value of each line, and the highest once that one cell is set aside (the
    # highest itself where two cells share it); along columns, each block's two are merged into
    # the running two.
    if along == 1:
        first = np.empty(stored.shape[0], dtype=stored.dtype)
        second = np.empty(stored.shape[0], dtype=stored.dtype)
        for start in range(0, stored.shape[0], _BLOCK):
            first[start : start + _BLOCK], second[start : start + _BLOCK] = _two(stored[start : start + _BLOCK], 1)
    else:
        first, second = _two(stored[:_BLOCK], 0)
        for start in range(_BLOCK, stored.shape[0], _BLOCK):
            block_first, block_second = _two(stored[start : start + _BLOCK], 0)
            second = np.maximum(np.minimum(first, block_first), np.maximum(second, block_second))
            first = np.maximum(first, block_first)
    found = (first, second)
    _TOP_TWO[key] = (weakref.ref(matrix), found)
    return found


_BLOCK = 256
"""Rows of a matrix read at once by _top_two."""


def _two(block: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """The highest value along ``axis`` and the highest of the rest once one highest cell is set
    aside (so the highest again where two cells share it; -inf along a single cell)."""
    import numpy as np

    at = block.argmax(axis=axis)
    index = np.arange(len(at))
    cells = (index, at) if axis == 1 else (at, index)
    highest = block[cells]
    rest = block.copy()
    rest[cells] = -np.inf
    return highest, rest.max(axis=axis)


def _rival(similarity: np.ndarray, rows: np.ndarray, cols: np.ndarray, *, axis: int) -> np.ndarray:
    """The best similarity of each candidate's clause with any other clause of the other side."""
    import numpy as np

    if similarity.shape[axis] < 2:
        return np.zeros(len(rows), dtype=similarity.dtype)
    first, second = _top_two(similarity, axis)
    own = rows if axis == 1 else cols
    value = similarity[rows, cols]
    return np.where(value >= first[own], second[own], first[own])
