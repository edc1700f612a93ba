"""Segmenting: sentences survive abbreviations and numbers; clauses split where stance chains."""

from __future__ import annotations

import pytest

from compare.model import Block, BlockKind, Document
from compare.segment import MAX_CLAUSE_CHARS, segment


def texts(text: str) -> list[str]:
    return [clause.text for clause in segment(Document("t", text))]


def sentences(text: str) -> list[int]:
    return [clause.sentence for clause in segment(Document("t", text))]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Secretary of State met the U.K. Foreign Secretary in Tokyo.",
        "The U.N. and the E.U. agreed on the plan for the region.",
        "Mr. Blinken and Dr. Smith met on Jan. 5 in the capital.",
        "See No. 5 of Art. 3 and para. 7 of the annex for details.",
        "Measures, e.g. sanctions, and controls, i.e. export rules, apply.",
        "President Joseph R. Biden, Jr. of the United States attended.",
        "The target was raised to 2-1/2 percent and then 2.5 percent.",
        "We welcome the “Vision Statement. It sets a course.” issued today.",
        "Ben S. Bernanke, Chairman, and Kevin M. Warsh voted for the action.",
    ],
)
def test_abbreviations_initials_decimals_and_quotations_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [1] * len(sentences(text))


def test_sentences_end_at_full_stops_followed_by_a_new_sentence() -> None:
    text = "We met in Tokyo. We reaffirmed the alliance. Talks continue in the U.S. The next meeting is in May."
    assert sorted(set(sentences(text))) == [1, 2, 3, 4]


def test_a_semicolon_between_full_clauses_splits_them() -> None:
    text = (
        "The Ministers reaffirmed their commitment to the alliance; "
        "they strongly condemned the missile launches by North Korea."
    )
    assert texts(text) == [
        "The Ministers reaffirmed their commitment to the alliance;",
        "they strongly condemned the missile launches by North Korea.",
    ]


def test_a_semicolon_list_of_names_stays_one_clause() -> None:
    text = (
        "Voting for the action were: Ben S. Bernanke, Chairman; Timothy F. Geithner, "
        "Vice Chairman; Charles L. Evans; and Kevin M. Warsh."
    )
    assert len(texts(text)) == 1


def test_a_coordinated_main_clause_with_its_own_verb_is_a_clause() -> None:
    text = (
        "We reaffirm our commitment to a free and open Indo-Pacific, and strongly condemn "
        "Russia's war of aggression against Ukraine, while also welcoming the steps taken by partners."
    )
    assert texts(text) == [
        "We reaffirm our commitment to a free and open Indo-Pacific,",
        "and strongly condemn Russia's war of aggression against Ukraine,",
        "while also welcoming the steps taken by partners.",
    ]


def test_a_new_subject_with_a_finite_verb_after_and_is_a_clause() -> None:
    text = "In this context, the Committee judges that some risks remain, and it will continue to monitor developments."
    assert len(texts(text)) == 2


def test_a_short_list_of_nouns_is_not_split() -> None:
    assert len(texts("We support peace, stability, and prosperity in the Indo-Pacific region.")) == 1


def test_a_quotation_is_never_split() -> None:
    text = "They said the plan “will endure, and will reaffirm the commitment of all parties to peace.”"
    assert len(texts(text)) == 1


def test_inline_enumerations_become_clauses() -> None:
    text = (
        "Urges the Government: (a) to release all political prisoners without delay; "
        "(b) to allow humanitarian access to all regions of the country."
    )
    assert texts(text)[1:] == [
        "(a) to release all political prisoners without delay;",
        "(b) to allow humanitarian access to all regions of the country.",
    ]


def test_clauses_carry_paragraph_and_sentence_numbers_and_offsets() -> None:
    document = Document("t", "First point here. Second sentence here.\n\nSecond paragraph.")
    clauses = segment(document, doc_id="new")
    assert [(c.paragraph, c.sentence) for c in clauses] == [(1, 1), (1, 2), (2, 3)]
    assert all(document.text[c.start : c.end] == c.text for c in clauses)
    assert [c.id for c in clauses] == ["new:1", "new:2", "new:3"]


def test_the_readers_blocks_are_used_as_paragraphs() -> None:
    text = "Heading\n\nBody text here."
    blocks = (Block(0, 7, BlockKind.HEADING), Block(9, 24, BlockKind.PARAGRAPH, "1."))
    clauses = segment(Document("t", text, blocks=blocks))
    assert [(c.paragraph, c.text) for c in clauses] == [(1, "Heading"), (2, "Body text here.")]


def test_a_huge_paragraph_without_punctuation_is_cut_into_bounded_clauses() -> None:
    text = " ".join(["word"] * 250_000)
    clauses = segment(Document("t", text))
    assert max(len(c.text) for c in clauses) <= MAX_CLAUSE_CHARS
    assert sum(len(c.text.split()) for c in clauses) == 250_000


def test_punctuation_only_text_is_one_clause_per_sentence() -> None:
    assert "".join(texts("... !!! ??? ;;; ,,,")).replace(" ", "") == "...!!!???;;;,,,"


def test_a_full_stop_glued_to_the_next_sentence_still_ends_the_sentence() -> None:
    text = "We also oppose efforts to disrupt offshore activities.We reaffirm that disputes must be resolved peacefully."
    assert texts(text) == [
        "We also oppose efforts to disrupt offshore activities.",
        "We reaffirm that disputes must be resolved peacefully.",
    ]


def test_a_glued_full_stop_in_an_abbreviation_or_a_name_is_not_a_sentence_end() -> None:
    assert len(texts("The U.S.Government and St.Louis bank met in Washington D.C.Today.")) == 1


def test_a_un_operative_paragraph_chaining_its_verbs_with_commas_is_one_clause_per_verb() -> None:
    text = (
        "Calls upon the Government to address the poor conditions of prisons, urges an end to the "
        "practice of denying prisoners medical treatment, requests the Secretary-General to report;"
    )
    assert [t.split()[0] for t in texts(text)] == ["Calls", "urges", "requests"]


@pytest.mark.parametrize(
    "text",
    [
        # the last item of a list of names that is the subject of the verb after it
        "In addition, Japan, the ROK, and the United States are working to deter threats together.",
        "Australia, the United Kingdom, and the United States have a long history of working together.",
        "Industrial production, housing starts, and employment have continued to decline steeply.",
        # words that share what follows them
        "We established an Advisory Panel to advise and support members of the network.",
        "We remain appalled by and condemn the devastating attacks on the civilian population.",
        "Australia does not seek and will not acquire nuclear weapons of any kind.",
        "The Quad countries have led and will continue to lead global efforts on vaccines.",
        # a noun after "and", not a verb
        "Stressing also the vital importance and urgency of achieving the entry into force of the Treaty,",
        "We express our full solidarity and support to Israel and its people in this hour.",
        "The Committee will evaluate information on the balance of aggregate supply and demand and conditions in markets.",
        "Condemns the failure to comply with the repeated requests and demands of the General Assembly;",
        "Concomitant with the growth in our partnership and demand for travel, both sides intend to open consulates.",
    ],
)
def test_coordinated_phrases_are_not_cut_into_clauses(text: str) -> None:
    assert texts(text) == [text]


def test_a_compound_name_ending_in_an_abbreviation_does_not_end_the_sentence() -> None:
    text = "We welcome the Japan-Australia-India-U.S. (Quad) Senior Cyber Group meeting. We note progress."
    assert texts(text) == [
        "We welcome the Japan-Australia-India-U.S. (Quad) Senior Cyber Group meeting.",
        "We note progress.",
    ]


def test_coordinated_clauses_after_a_list_with_a_verb_are_still_cut() -> None:
    text = (
        "Financial market conditions have deteriorated, and tighter credit conditions have the "
        "potential to restrain economic growth."
    )
    assert len(texts(text)) == 2


def test_a_document_checked_on_reading_and_then_compared_is_cut_once() -> None:
    from dataclasses import replace

    from compare.limits import check_clause_count
    from compare.segment import _cuts

    document = Document("d.txt", "We agree to act. We condemn the attack; we call for calm.\n\nWe will meet.")
    check_clause_count(document)
    before = _cuts.cache_info()
    old, new = segment(document), segment(document, doc_id="new")
    assert _cuts.cache_info().hits == before.hits + 2 and _cuts.cache_info().misses == before.misses
    assert new == tuple(replace(clause, doc_id="new") for clause in old)
    assert all(document.text[c.start : c.end] == c.text for c in new)


def test_a_process_that_forgets_its_texts_compares_them_the_same_afresh() -> None:
    """``forget_texts`` drops every cut, normalised text, token and label kept from earlier
    comparisons (the benchmarks time a first comparison so): what was kept is gone, and the
    comparison made afresh is the very same."""
    from compare.align import meaning, texts
    from compare.classify import load_lexicon
    from compare.model import Document
    from compare.normalise import _normalise_cached
    from compare.pipeline import compare_documents, forget_texts
    from compare.render.jsonfmt import render
    from compare.segment import _block_sentence_cuts, _sorted_clause_cuts

    old = Document("old.txt", "We express concern about the launches. We support the plan.\\n\\nWe will meet again.")
    new = Document("new.txt", "We strongly condemn the launches. We support the plan.\\n\\nWe may meet again.")
    before = render(compare_documents(old, new))
    kept = (_block_sentence_cuts, _sorted_clause_cuts, _normalise_cached, texts.stem)
    assert all(cache.cache_info().currsize for cache in kept) and load_lexicon().compiled.labels
    forget_texts()
    assert not any(cache.cache_info().currsize for cache in kept) and not load_lexicon().compiled.labels
    assert meaning._word_ids.cache_info().currsize == 0
    assert render(compare_documents(old, new)) == before


def test_a_page_long_block_is_cut_the_same_and_not_held() -> None:
    """Blocks and sentences keep their cuts, but one longer than PIECE_CHARS_KEPT (a document
    with no blank lines) is cut each time, not held in memory; its cuts are the same."""
    from compare import segment as module
    from compare.model import Document

    module.forget()
    sentence = "We note the plan, and we will act on it as needed. "
    long_block = sentence * (module.PIECE_CHARS_KEPT // len(sentence) + 5)
    document = Document("long.txt", f"We agree.\n\n{long_block.strip()}")
    clauses = module.segment(document)
    assert module._block_sentence_cuts.cache_info().currsize == 1  # the short block only
    module.forget()
    assert [(c.start, c.end) for c in module.segment(document)] == [(c.start, c.end) for c in clauses]
    assert clauses[-1].text == "and we will act on it as needed."
