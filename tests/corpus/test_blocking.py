"""Long documents are scored only at candidate pairs: that must not change what is paired.

Blocking (``compare.align.scores.BLOCKED_FROM``) applies only from about 1,000 clauses a side.
Every labelled pair is shorter, so its alignment is the unblocked one by construction (checked
here); on a long pair built from the corpus, the blocked alignment is compared with the whole
one.
"""

from __future__ import annotations

import sys

import pytest

import compare.align.scores as scores
from compare.model import Comparison, Document
from compare.pipeline import compare_documents
from compare.read import read
from compare.segment import segment
from tests.conftest import ROOT, corpus_or_skip

LABELS = ROOT / "fixtures" / "labels"


def _pairs_of(comparison: Comparison) -> set[tuple[tuple[int, ...], tuple[int, ...], str]]:
    return {
        (tuple(c.index for c in pair.old), tuple(c.index for c in pair.new), pair.status.value)
        for pair in comparison.pairs
    }


def test_every_labelled_pair_is_scored_whole() -> None:
    import tomllib

    corpus = corpus_or_skip()
    biggest = 0
    for labels in LABELS.rglob("alignments*.toml"):
        for case in tomllib.loads(labels.read_text(encoding="utf-8")).get("pair", []):
            paths = [ROOT / case[side] if case[side].startswith("fixtures/") else corpus / case[side] for side in ("old", "new")]
            if not all(path.is_file() for path in paths):
                continue
            old, new = (segment(read(path), doc_id=side) for path, side in zip(paths, ("old", "new"), strict=True))
            biggest = max(biggest, len(old) * len(new))
    assert biggest, "no labelled pair was found"
    assert biggest < scores.BLOCKED_FROM


def test_a_long_pair_aligns_the_same_blocked_or_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = corpus_or_skip()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from speed_bench import long_pair
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    old, new = long_pair(corpus, 25_000)
    assert len(segment(old, doc_id="old")) * len(segment(new, doc_id="new")) >= scores.BLOCKED_FROM
    blocked = _pairs_of(compare_documents(old, new))
    monkeypatch.setattr(scores, "BLOCKED_FROM", 10**12)
    whole = _pairs_of(compare_documents(old, new))
    assert len(blocked & whole) >= 0.99 * len(whole)


def test_blocking_scores_every_pair_near_the_skeleton_and_every_rare_word_pair() -> None:
    from compare.align.texts import prepare

    sentences = [f"The members discussed item {n} of the agenda in detail." for n in range(200)]
    old = Document("old.txt", "\n\n".join(["Talks on Zanzibar resumed.", *sentences]))
    new = Document("new.txt", "\n\n".join([*sentences, "The Zanzibar talks resumed."]))
    view = prepare(segment(old, doc_id="old"), segment(new, doc_id="new"))
    rows, cols = scores.candidates(view)
    found = set(zip(rows.tolist(), cols.tolist(), strict=True))
    last = len(view.new) - 1
    assert (0, last) in found  # far apart, but sharing a rare word
    assert (100, 100) in found and (100, 100 + scores.BAND) in found  # on and near the skeleton
    assert (100, 100 + 3 * scores.BAND) not in found  # far, sharing only common words


def test_a_word_in_many_clauses_is_not_rare_however_long_the_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    """A share alone would let "rare" grow with the documents, and the candidates with the square
    of their length: past RARE_MOST clauses a word pairs nothing beyond the skeleton's band."""
    from compare.align.texts import prepare

    size = 60  # clauses a side holding the word
    count = int(size / scores.RARE_SHARE) + 100  # clauses a side: enough for the share to allow it
    holding = {k * (count // size) for k in range(size)}

    def version(tag: str) -> Document:
        lines = [
            f"Item {n} {tag}: the members discussed Zanzibar." if n in holding else f"Item {n} {tag} of the agenda."
            for n in range(count)
        ]
        return Document(f"{tag}.txt", "\n\n".join(lines))

    view = prepare(segment(version("old"), doc_id="old"), segment(version("new"), doc_id="new"))
    assert scores.RARE_MOST < 2 * size
    rows, cols = scores.candidates(view)
    assert (abs(rows - cols) <= scores.BAND + 1).all()
    monkeypatch.setattr(scores, "RARE_MOST", 10**6)  # by its share alone, the word would be rare
    rows, cols = scores.candidates(view)
    assert (abs(rows - cols) > scores.BAND + 1).any()


@pytest.mark.parametrize("pairwise_from", [1, 500, 10**9])
def test_the_long_content_score_sums_the_same_words_as_the_whole_one(
    pairwise_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np

    from compare.align.texts import prepare

    # every word pair by pair (1 pair in PAIRWISE_FROM = 1 of the matrix), a mix, all in the product
    monkeypatch.setattr(scores, "PAIRWISE_FROM", pairwise_from)
    rare = ["Zanzibar", "cobalt", "fisheries", "vaccines", "tariffs", "drones", "ports", "visas"]
    old = [f"The members discussed {rare[n % 8]} and item {n} of the agenda." for n in range(60)]
    new = [f"The members agreed on {rare[(n * 3) % 8]} under item {n + 2} of the agenda." for n in range(50)]
    view = prepare(
        segment(Document("old.txt", "\n\n".join(old)), doc_id="old"),
        segment(Document("new.txt", "\n\n".join(new)), doc_id="new"),
    )
    whole = scores._shared(view)
    assert whole.max() > 0
    np.testing.assert_allclose(scores._shared_long(view, scores._postings(view)), whole, rtol=1e-5, atol=1e-4)
