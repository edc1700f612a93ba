"""Locating a quotation in the statement: exact, normalised, approximate, stitched, not found."""

from __future__ import annotations

from compare.quotes.locate import parse_quotation
from compare.quotes.model import Status
from tests.quotes.conftest import STATEMENT, kinds, only, report


def test_the_statements_own_words_are_verbatim_and_located() -> None:
    check = only("They “strongly condemned the DPRK’s ballistic missile launches,” the statement said.")
    assert check.status is Status.VERBATIM and not check.altered
    assert [piece.text for piece in check.pieces] == ["strongly condemned the DPRK’s ballistic missile launches"]


def test_typography_case_and_spelling_are_normalised_not_altered() -> None:
    check = only("They \"Strongly condemned the DPRK's ballistic missile launches\".")
    assert check.status is Status.NORMALISED and not check.altered


def test_another_name_for_the_same_country_is_noted_not_flagged() -> None:
    check = only("They “strongly condemned North Korea’s ballistic missile launches”.")
    assert check.status is Status.APPROXIMATE and not check.altered
    assert "“North Korea” for “DPRK”" in check.note


def test_a_hyphenated_compound_written_as_one_word_is_typography() -> None:
    statement = "The Ministers reaffirmed their commitment to non-proliferation and disarmament."
    check = only("They stressed their “commitment to nonproliferation and disarmament”.", statement)
    assert check.status is Status.NORMALISED and not check.altered


def test_two_whole_consecutive_sentences_are_verbatim_not_stitched() -> None:
    check = only(
        "“They strongly condemned the DPRK’s ballistic missile launches. They called for the immediate "
        "resolution of the abductions issue.”"
    )
    assert check.status is Status.VERBATIM
    first, second = check.pieces[0].sentences
    assert second == first + 1


def test_pieces_of_two_sentences_run_together_are_stitched() -> None:
    check = only("They “strongly condemned the DPRK’s ballistic missile launches and called for the immediate resolution”.")
    assert check.status is Status.STITCHED and "stitched" in kinds(check)


def test_an_ellipsis_marks_a_cut_that_is_no_stitch() -> None:
    check = only("They “strongly condemned the DPRK’s … ballistic missile launches”.")
    assert check.status is Status.VERBATIM and not check.altered


def test_a_bracketed_word_may_stand_in_place_of_the_statements() -> None:
    check = only("They expressed concern over “[China’s] intensifying attempts to unilaterally change the status quo”.")
    assert check.status is Status.VERBATIM and not check.altered


def test_words_the_statement_does_not_have_are_not_found() -> None:
    check = only("The statement said “the alliance is not directed at any country”.")
    assert check.status is Status.NOT_FOUND and check.altered and check.pieces == ()


def test_a_remark_to_reporters_that_the_statement_lacks_is_not_counted() -> None:
    check = only("“We are building this for the long haul,” a senior official told reporters.")
    assert check.status is Status.NOT_FOUND and not check.from_statement and not check.altered


def test_a_name_in_quotation_marks_is_not_counted() -> None:
    assert not only("Ministers met at the “Iikura Guest House” in Tokyo.").from_statement


def test_a_short_quotation_is_found_where_a_longer_one_of_the_article_holds_it() -> None:
    article = (
        "Allies decry ‘ballistic missile launches’\n\n"
        "They “strongly condemned the DPRK’s ballistic missile launches,” the statement said."
    )
    first, second = report(article).checks
    assert first.pieces[0].sentence == second.pieces[0].sentence


def test_parsing_keeps_brackets_and_glosses_apart_from_words() -> None:
    (part,) = parse_quotation("condemn[s] the PRC (China)")
    assert [item.kind for item in part] == ["word", "insert", "word", "word", "gloss"]


def test_the_fixture_statement_has_the_sentences_the_tests_count_on() -> None:
    assert "abductions issue" in STATEMENT


def test_of_two_occurrences_the_one_written_as_quoted_is_verbatim() -> None:
    """The same words occur inside one sentence ("... that the Leaders condemn the attacks") and
    as a sentence of their own: quoting the second is quoting it word for word."""
    statement = "They agreed that the Leaders condemn the attacks. The Leaders condemn the attacks."
    check = only("Officials said “The Leaders condemn the attacks.”", statement)
    assert check.status is Status.VERBATIM


def test_a_repeated_run_of_words_quoted_whole_is_verbatim() -> None:
    """Found by the property test: three sentences of the same few words."""
    statement = "The We We We strongly. The the We We We We. The We We We We."
    assert only("Officials said “The We We We We.”", statement).status is Status.VERBATIM
