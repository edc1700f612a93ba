"""Aligning: statuses, word diffs, order of pairs, and the options that steer matching."""

from __future__ import annotations

import pytest

from compare.align import align, word_diff
from compare.model import SURE, Document, Status
from compare.segment import segment


def pairs_of(old_text: str, new_text: str, **options: object) -> list[tuple[str, list[str], list[str]]]:
    old = segment(Document("old", old_text), doc_id="old")
    new = segment(Document("new", new_text), doc_id="new")
    return [
        (pair.status.value, [c.text for c in pair.old], [c.text for c in pair.new])
        for pair in align(old, new, **options)
    ]


def statuses(old_text: str, new_text: str, **options: object) -> list[str]:
    return [status for status, _, _ in pairs_of(old_text, new_text, **options)]


A = "We reaffirm our commitment to a free and open Indo-Pacific region."
B = "We strongly condemn North Korea's ballistic missile launches this year."
C = "The Ministers welcomed progress on the realignment of forces in Okinawa."
D = "They decided to establish a new working group on critical minerals."


def test_identical_clauses_are_unchanged() -> None:
    assert statuses(f"{A} {B}", f"{A} {B}") == ["unchanged", "unchanged"]


def test_rewrapping_typography_and_spelling_are_not_changes() -> None:
    old = "We oppose destabilising actions in the\nSouth China Sea \u2014 the PRC\u2019s \u201cclaims\u201d."
    new = "We oppose destabilizing actions in the South China Sea - China's \"claims\"."
    assert statuses(old, new) == ["unchanged"]


def test_a_small_edit_is_reworded_with_a_word_diff() -> None:
    old = segment(Document("o", "We note the concerns raised about the South China Sea."), doc_id="old")
    new = segment(Document("n", "We strongly condemn the concerns raised about the South China Sea."), doc_id="new")
    (pair,) = align(old, new)
    assert pair.status is Status.REWORDED
    assert [(op.op, op.text) for op in pair.words if op.op != "equal"] == [
        ("delete", "note"),
        ("insert", "strongly condemn"),
    ]
    assert 55 <= pair.score < 100


def test_unrelated_clauses_are_added_and_removed_in_place() -> None:
    result = pairs_of(f"{A} {C}", f"{A} {D}")
    assert [status for status, _, _ in result] == ["unchanged", "removed", "added"]


DIALOGUE = "We will hold dialogue with the North without preconditions."
TALKS = "Talks with Pyongyang stay our aim."


def test_a_clause_alone_in_its_place_on_both_sides_links_on_a_lower_bar_never_surely() -> None:
    old = segment(Document("old", f"{A} {DIALOGUE} {B}"), doc_id="old")
    new = segment(Document("new", f"{A} {TALKS} {B}"), doc_id="new")
    middle = align(old, new)[1]
    assert (middle.status, middle.matched_by) == (Status.REWORDED, "place")
    assert 0.4 <= middle.confidence < SURE
    assert statuses(f"{A} {B} {DIALOGUE}", f"{A} {B} {TALKS}") == ["unchanged", "unchanged", "reworded"]


def test_the_lower_bar_holds_only_for_one_clause_on_each_side_in_place() -> None:
    # two clauses left in the gap: their places no longer vouch for either pairing
    assert "reworded" not in statuses(f"{A} {DIALOGUE} {C} {B}", f"{A} {TALKS} {D} {B}")
    # out of place: the old clause stood before B, the new one stands after it
    assert statuses(f"{A} {DIALOGUE} {B}", f"{A} {B} {TALKS}") == ["unchanged", "removed", "unchanged", "added"]


def test_a_removed_clause_stands_where_it_was_in_the_old_document() -> None:
    result = pairs_of(f"{A} {B} {C}", f"{A} {C}")
    assert result == [("unchanged", [A], [A]), ("removed", [B], []), ("unchanged", [C], [C])]


def test_a_moved_paragraph_is_moved_not_removed_and_added() -> None:
    old = f"{A}\n\n{B}\n\n{C}\n\n{D}"
    new = f"{B}\n\n{C}\n\n{D}\n\n{A}"
    result = pairs_of(old, new)
    assert ("moved", [A], [A]) in result
    assert [s for s, _, _ in result].count("unchanged") == 3


ONE = (
    "The Ministers condemned the repeated missile launches by North Korea, which violate "
    "multiple Security Council resolutions and threaten the peace of the region."
)
TWO = (
    "The Ministers condemned the repeated missile launches by North Korea. These launches "
    "violate multiple Security Council resolutions and threaten the peace of the region."
)


def test_one_clause_split_in_two_is_a_split() -> None:
    old, new = ONE, TWO
    result = pairs_of(old, new)
    assert [s for s, _, _ in result] == ["split"]
    assert len(result[0][2]) == 2


def test_two_clauses_merged_in_one_is_a_merge() -> None:
    assert statuses(TWO, ONE) == ["merged"]


def test_clauses_chained_in_one_sentence_align_one_to_one_with_two_sentences() -> None:
    old = "The Ministers condemned the launches by North Korea and called on it to stop them at once."
    new = "The Ministers condemned the launches by North Korea. They called on it to stop them at once."
    assert statuses(old, new) == ["unchanged", "reworded"]


def test_a_higher_threshold_turns_a_weak_rewording_into_removed_and_added() -> None:
    old = "We note the concerns raised about the South China Sea."
    new = "We strongly condemn the concerns raised about the South China Sea."
    assert statuses(old, new, threshold=95) == ["removed", "added"]


@pytest.mark.parametrize("method", ["greedy", "global"])
def test_both_matching_methods_pair_every_clause_once(method: str) -> None:
    old = f"{A} {B} {C} {D}"
    new = f"{D} {C} {B} {A} {A}"
    result = pairs_of(old, new, method=method)
    assert sum(len(o) for _, o, _ in result) == 4
    assert sum(len(n) for _, _, n in result) == 5


@pytest.mark.parametrize("method", ["greedy", "global"])
def test_both_matching_methods_pair_rewordings(method: str) -> None:
    old = f"{A} {B}"
    new = A.replace("reaffirm", "reiterate") + " " + B.replace("strongly", "firmly")
    assert statuses(old, new, method=method) == ["reworded", "reworded"]


def test_clauses_in_no_document_order_link_without_a_penalty_for_jumping() -> None:
    exercise = "We will hold a joint exercise on disaster relief in the spring."
    moved = "A joint exercise on disaster relief will be held by our forces next autumn."
    old = segment(Document("o", f"{A}\n\n{B}\n\n{C}\n\n{D}\n\n{exercise}"), doc_id="old")
    new = segment(Document("n", f"{moved}\n\n{A}\n\n{B}\n\n{C}\n\n{D}"), doc_id="new")

    def confidence(**options: object) -> float:
        (pair,) = [p for p in align(old, new, **options) if p.new and p.new[0].text == moved]
        assert [c.text for c in pair.old] == [exercise]
        return pair.confidence

    assert confidence(ordered=False) > confidence()


def test_repeated_formula_sentences_pair_in_order() -> None:
    old = f"{A} {B} {A}"
    new = f"{A} {B} {A}"
    assert statuses(old, new) == ["unchanged"] * 3


def test_empty_documents_align_to_nothing() -> None:
    assert align((), ()) == ()


def test_word_diff_ignores_case_quotes_and_wrapping() -> None:
    assert [op.op for op in word_diff("The \u201cPlan\u201d holds", "the \"plan\"\nholds")] == ["equal"]


def test_a_section_heading_links_only_with_a_heading() -> None:
    """"Peace and Prosperity" over a section is not the sentence that speaks of peace and
    prosperity: told which clauses are headings, the aligner never links one with body text."""
    from compare.model import Clause

    old = [Clause("old", 0, 1, 1, 0, 53, "We seek lasting peace and prosperity for our peoples.")]
    new = [Clause("new", 0, 1, 1, 0, 20, "Peace and Prosperity"), Clause("new", 1, 2, 2, 0, 25, "The leaders met in Seoul.")]
    assert align(old, new)[0].status is Status.REWORDED  # on words alone they would pair
    pairs = align(old, new, headings=((), (0,)))
    assert all(not (pair.old and pair.new) for pair in pairs)


def test_the_pipeline_reads_headings_from_the_documents_blocks() -> None:
    from compare.pipeline import compare_documents
    from compare.read import parse

    old = parse("We seek lasting peace and prosperity for our peoples.\n", path="old.md", source_format="markdown")
    new = parse("## Peace and Prosperity\n\nThe leaders met in Seoul.\n", path="new.md", source_format="markdown")
    assert all(not (pair.old and pair.new) for pair in compare_documents(old, new).pairs)
    # the same words as a sentence of the body pair as before
    body = parse("Peace and prosperity.\n\nThe leaders met in Seoul.\n", path="new.md", source_format="markdown")
    assert any(pair.old and pair.new for pair in compare_documents(old, body).pairs)


def test_a_text_that_is_the_batch_mean_has_no_direction() -> None:
    """Texts of one repeated word all embed alike: once the batch's mean is taken off, what is
    left is rounding noise, which must not point anywhere (its direction would depend on the
    order of the batch, and swapping the documents would change the alignment)."""
    import numpy as np

    from compare.align import meaning

    if not meaning.available():
        pytest.skip("the wordllama model is not installed")
    vectors = meaning.embed(["We We We We", "We", "We", "We We We We We"])
    assert not np.any(vectors)


def test_a_text_repeated_in_a_batch_embeds_as_if_each_copy_were_worked_out() -> None:
    """Clauses kept word for word are embedded once per batch and copied: the rows must be the
    very numbers a text-by-text reckoning gives (the alignment of close versions depends on
    them), the repeated texts still counting in the batch's token frequencies and its mean."""
    import numpy as np

    from compare.align import meaning

    if not meaning.available():
        pytest.skip("the wordllama model is not installed")
    texts = [
        "We condemn the missile launches.",
        "We support a free and open Indo-Pacific.",
        "We condemn the missile launches.",
        "",
        "The Committee will act as needed.",
        "We condemn the missile launches.",
    ]
    _, table = meaning._model()
    ids = [meaning._token_ids(text) for text in texts]
    frequency: dict[int, int] = {}
    for row in ids:
        for token in set(row.tolist()):
            frequency[token] = frequency.get(token, 0) + 1
    expected = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for k, row in enumerate(ids):
        if len(row):
            weights = np.log((len(texts) + 1) / (np.asarray([frequency[t] for t in row.tolist()], dtype=np.float32) + 0.5))
            expected[k] = (np.asarray(table[row]).astype(np.float32) * weights[:, None]).sum(axis=0) / float(weights.sum())
    before = np.linalg.norm(expected, axis=1, keepdims=True)
    present = np.asarray([len(row) > 0 for row in ids])
    expected[present] -= expected[present].mean(axis=0)
    norms = np.linalg.norm(expected, axis=1, keepdims=True)
    expected = expected / np.where(norms > meaning.NOISE * before, norms, np.inf)
    assert np.array_equal(meaning.embed(texts), expected)
    assert not np.any(meaning.embed(texts)[3])


def test_the_character_score_sorts_words_as_token_sort_ratio_does() -> None:
    """The hybrid scorer sorts each clause's words once instead of calling token_sort_ratio on
    every pair: the scores must be rapidfuzz's own, also for texts with runs of spaces, tabs,
    odd separators, and the no-break space rapidfuzz does not split on (left to rapidfuzz)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from compare.align.scores import _characters

    old = ["we note  the plan", "", " b a", "x\ty z", "zeta\u00a0alpha beta", "a\u2003b c", "c b\x1ca", "the plan"]
    new = ["the plan we note", "a", "a b ", "z y x", "alpha zeta beta", "c b a", "a b c", "plan the"]
    expected = sum(
        process.cpdist(old, new, scorer=scorer, processor=None, dtype=np.float32) for scorer in (fuzz.ratio, fuzz.token_sort_ratio)
    ) / 2
    assert np.array_equal(_characters(old, new, workers=1), expected)
    assert np.array_equal(_characters(old[5:], new[5:], workers=1), expected[5:])


def test_the_nearest_counterparts_are_those_a_full_sort_gives() -> None:
    """An unpaired clause's likeliest counterparts are found by partition, not by sorting its
    whole row: on rows with ties (long documents hold many equal scores, zeros above all) and
    short rows, the same places as the sort's, so its confidence does not change."""
    import numpy as np

    from compare.align import NEAREST, _largest

    generator = np.random.default_rng(7)
    rows = [generator.integers(0, 4, size=size).astype(np.float32) for size in (1, 2, 3, 4, 5, 9, 40, 300, 2000, 4500)]
    rows += [generator.integers(0, 2, size=size).astype(np.float32) for size in (1000, 3000, 5000)]
    rows += [generator.random(size).astype(np.float32) for size in (3, 4, 50, 4000)]
    rows += [np.zeros(size, dtype=np.float32) for size in (20, 1000, 4000)]
    rows += [np.asarray([np.nan, 1.0, 2.0, 2.0, 0.5], dtype=np.float32)]
    for row in rows:
        assert [sorted(near) for near in _largest(row[None, :])] == [sorted(np.argsort(-row)[:NEAREST].tolist())]
    square = np.stack([generator.integers(0, 3, size=1500).astype(np.float32) for _ in range(20)])
    square[3] = 0.0
    expected = [sorted(np.argsort(-row)[:NEAREST].tolist()) for row in square]
    assert [sorted(near) for near in _largest(square)] == expected


def test_the_shares_a_group_needs_are_read_band_by_band_as_a_whole_matrix_gives_them() -> None:
    """Splits and merges look for clauses most of whose words lie inside another; on long
    documents those shares are read a band of rows at a time. The answer must be the one the
    whole share matrix gives, both ways round, across band edges and at the floor itself."""
    import numpy as np

    from compare.align import scores as module

    generator = np.random.default_rng(3)
    n_old, n_new = module._BAND_ROWS + 37, 2 * module._BAND_ROWS + 5
    shared = generator.integers(0, 6, size=(n_old, n_new)).astype(np.float32)
    old_mass = generator.integers(0, 10, size=n_old).astype(np.float32)
    new_mass = generator.integers(0, 10, size=n_new).astype(np.float32)
    scores = module.Scores(np.zeros((n_old, n_new), dtype=np.float32), shared, old_mass, new_mass)
    new_in_old = np.minimum(100.0 * shared / np.maximum(new_mass[None, :], 1e-6), 100.0)
    old_in_new = np.minimum(100.0 * shared / np.maximum(old_mass[:, None], 1e-6), 100.0)
    for floor in (60.0, 50.0, 100.0):
        assert np.array_equal(scores.found_in(floor), new_in_old >= floor)
        assert np.array_equal(scores.found_in(floor, flipped=True), (old_in_new >= floor).T)


def test_the_similarity_matrix_is_made_band_by_band_as_the_whole_formula_gives_it() -> None:
    """The similarity (the higher of the words and the content score) is worked out a band of
    rows at a time, and dice and containment only at the candidates that need them: every value
    must be the whole-matrix formula's, across band edges, for zero masses, and swapped."""
    import numpy as np

    from compare.align import scores as module

    generator = np.random.default_rng(5)
    n_old, n_new = 2 * module._BAND_ROWS + 11, 300
    shared = generator.integers(0, 6, size=(n_old, n_new)).astype(np.float32)
    old_mass = generator.integers(0, 10, size=n_old).astype(np.float32)
    new_mass = generator.integers(0, 10, size=n_new).astype(np.float32)
    words = (generator.random((n_old, n_new)) * 100).astype(np.float32)
    dice = 200.0 * shared / np.maximum(old_mass[:, None] + new_mass[None, :], 1e-6)
    contained = np.minimum(100.0 * shared / np.maximum(np.minimum(old_mass[:, None], new_mass[None, :]), 1e-6), 100.0)
    similarity = np.maximum(words, (dice + contained) / 2)
    scores = module.Scores(words, shared, old_mass, new_mass)
    assert scores.similarity.dtype == similarity.dtype
    assert np.array_equal(scores.similarity, similarity)
    assert np.array_equal(scores.flipped().similarity, similarity.T)
    rows, cols = generator.integers(0, n_old, size=500), generator.integers(0, n_new, size=500)
    assert np.array_equal(scores.dice_at(rows, cols), dice[rows, cols])
    assert np.array_equal(scores.contained_at(rows, cols), contained[rows, cols])


def test_respelling_word_by_word_from_pieces_gives_what_a_substitution_gives() -> None:
    """Normalising respells each run of letters (organize -> organise, colour -> color) by
    splitting the text into words and what lies between; the result must be a per-word
    substitution's, also next to digits, underscores, accents and at either end."""
    import re

    from compare import normalise as module

    texts = [
        "Organizations organize; colour-coded 2organizes organizes2 stabilization_x",
        "réorganize naïve analyze", "", "123 456", "recognizes", " emphasizing, ",
    ]
    for text in texts:
        folded = module.canonical_text(text).casefold()
        respelled = re.sub(r"[a-z]+", lambda match: module._us_spelling(match.group(0)), folded)
        expected = " ".join(module._NOT_WORD.sub(" ", respelled).split())
        module.forget()
        assert module.normalise(text) == expected
