"""The two highest values of each row and column, as the aligner's rival feature reads them."""

from __future__ import annotations

import numpy as np
import pytest

from compare.align.link import _top_two


@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("shape", [(2, 2), (3, 700), (600, 5), (300, 260)])
def test_top_two_is_what_a_sort_gives(axis: int, shape: tuple[int, int]) -> None:
    generator = np.random.default_rng(7)
    # few distinct values, so that ties for the highest are common
    matrix = generator.integers(0, 6, size=shape).astype(np.float32)
    first, second = _top_two(matrix, axis)
    ordered = np.sort(matrix, axis=axis)
    assert np.array_equal(first, ordered.take(-1, axis=axis))
    assert np.array_equal(second, ordered.take(-2, axis=axis))
    assert first.dtype == matrix.dtype


def test_top_two_leaves_the_matrix_alone() -> None:
    matrix = np.array([[1.0, 3.0, 2.0], [5.0, 5.0, 0.0]])
    kept = matrix.copy()
    assert [list(values) for values in _top_two(matrix, 1)] == [[3.0, 5.0], [2.0, 5.0]]
    assert [list(values) for values in _top_two(matrix, 0)] == [[5.0, 5.0, 2.0], [1.0, 3.0, 0.0]]
    assert np.array_equal(matrix, kept)


@pytest.mark.parametrize("axis", [0, 1])
def test_top_two_of_a_transposed_view_is_that_of_its_copy(axis: int) -> None:
    matrix = np.random.default_rng(3).integers(0, 4, size=(40, 300)).astype(np.float64)
    view = matrix.T
    expected = _top_two(np.ascontiguousarray(view), axis)
    assert all(np.array_equal(a, b) for a, b in zip(_top_two(view, axis), expected, strict=True))
    assert _top_two(view, axis) is _top_two(view, axis)  # remembered while the view lives
