"""Every consecutive pair of every series in ../shared/corpus: nothing lost, nothing crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.render import FORMATS, render
from tests.conftest import compared, consecutive_pairs, corpus_or_skip, corpus_pair_params


def test_the_corpus_is_there_or_the_skip_says_why() -> None:
    corpus_or_skip()
    assert len(consecutive_pairs()) >= 150


@pytest.mark.parametrize("pair", corpus_pair_params())
def test_a_corpus_pair_covers_every_character_and_pairs_every_clause_once(pair: tuple[Path, Path]) -> None:
    comparison = compared(*pair)
    old, new = comparison.old, comparison.new
    for side, document in (("old", old), ("new", new)):
        clauses = sorted((c for p in comparison.pairs for c in getattr(p, side)), key=lambda c: c.start)
        assert [c.index for c in sorted(clauses, key=lambda c: c.index)] == list(range(len(clauses)))
        covered = bytearray(len(document.text))
        for clause in clauses:
            assert document.text[clause.start : clause.end] == clause.text
            covered[clause.start : clause.end] = b"\x01" * (clause.end - clause.start)
        uncovered = [ch for ch, flag in zip(document.text, covered, strict=True) if not flag and not ch.isspace()]
        assert uncovered == [], f"{side}: characters in no clause"
        overlaps = [a for a, b in zip(clauses, clauses[1:], strict=False) if a.end > b.start]
        assert overlaps == []
    for fmt in FORMATS:
        assert render(comparison, fmt)
