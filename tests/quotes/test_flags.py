"""What the article changed: one test per kind of flag, on small literal texts."""

from __future__ import annotations

import pytest

from compare.quotes.model import FLAG_KINDS, Status
from tests.quotes.conftest import kinds, only, report


@pytest.mark.parametrize(
    ("article", "flag"),
    [
        ("The Ministers said they “accept the PRC’s claims in the South China Sea”.", "negation-dropped"),
        ("They said attacks in space “could not lead to the invocation of Article V”.", "negation-added"),
        ("They said attacks in space “could lead to the invocation of Article V”.", "qualifier-dropped"),
        ("The statement said “Japan and the United States will co-produce missiles, where appropriate”.", "hedge-dropped"),
        ("They said “the United States will upgrade U.S. Forces, Japan to a joint force headquarters”.", "hedge-dropped"),
        ("They “expressed concern over the PRC’s intensifying attempts to unilaterally change the status quo”.", "stance-word-changed"),
        ("They “expressed concern over the DPRK’s ballistic missile launches”.", "stance-word-changed"),
        ("The Ministers “welcomed cooperation with Australia and the Philippines”.", "target-removed"),
        ("The Ministers “welcomed cooperation with Australia, New Zealand, India and the Philippines”.", "target-added"),
        ("They “strongly condemned the [Chinese and] DPRK’s ballistic missile launches”.", "target-added"),
        ("They hit out at Russia, saying they “called for the immediate resolution of the abductions issue”.", "target-added"),
        ("The Ministers “welcomed cooperation with New Zealand, Australia and the Philippines”.", "reordered"),
        ("They said the allies “will explore co-production of … missiles, where appropriate”.", ""),
        ("They “strongly condemned the DPRK’s ballistic missile launches and called for the immediate resolution”.", "stitched"),
        ("Both governments “intend to upgrade U.S. Forces, Japan to a joint force headquarters”.", "wrong-speaker"),
        ("Japan “intends to upgrade U.S. Forces, Japan to a joint force headquarters”.", "wrong-speaker"),
    ],
)
def test_each_kind_of_change_is_flagged(article: str, flag: str) -> None:
    check = only(article)
    if flag:
        assert flag in kinds(check), check.flags
        assert check.altered
    else:
        assert not check.altered, check.flags


def test_an_ellipsis_that_cuts_a_negation_is_a_meaningful_cut() -> None:
    statement = "Urges all States that have not yet signed or ratified, or that have signed but not yet ratified, the Treaty to act."
    check = only("It urged “all States that have … signed but not yet ratified, the Treaty” to act.", statement)
    assert {"words-cut", "negation-dropped"} <= kinds(check)
    assert check.status is Status.APPROXIMATE


@pytest.mark.parametrize(
    ("statement", "article", "flag"),
    [
        # a condition opening the quoted words' clause, left behind
        ("We reaffirm that consistent with our respective legal systems, Russia’s sovereign assets will remain immobilized.",
         "The leaders vowed that “Russia’s sovereign assets will remain immobilized.”", "qualifier-dropped"),
        # an ellipsis that cuts a limit on the scope
        ("We will reduce excessive dependencies in our critical supply chains.",
         "They said: “We will reduce … dependencies in our critical supply chains.”", "qualifier-dropped"),
        ("These actions should help forestall some of the adverse effects on the economy.",
         "Officials said the cuts “should help forestall … adverse effects on the economy.”", "words-cut"),
        # a willingness printed as a promise
        ("We are willing to work with the international community to provide assistance.",
         "They said they “will work with the international community to provide assistance.”", "hedge-dropped"),
        # limits the quotation leaves out
        ("We stand ready to apply additional measures as required.",
         "They signalled readiness to “apply additional measures”.", "qualifier-dropped"),
        ("Calls for measures of accountability, consistent with international law, including targeted measures against extremist settlers;",
         "It called for “measures of accountability ... including targeted measures against extremist settlers”.", "qualifier-dropped"),
        ("Consistent with our national authorities, we will impose sanctions on additional individuals.",
         "They said “we will impose sanctions on additional individuals”.", "qualifier-dropped"),
        ("The Committee will purchase up to an additional $750 billion of agency securities.",
         "The Fed said it would purchase “an additional $750 billion of agency securities”.", "qualifier-dropped"),
        # words the statement gives one party, given to both: before a verb the lexicon does not
        # hold that opens the quoted words, by the second verb of the subject's sentence, and as
        # the object of what the subject did, some words after its verb
        ("President Biden lauded India’s G20 Presidency for its outcomes.",
         "The leaders “lauded India’s G20 Presidency for its outcomes.”", "wrong-speaker"),
        ("The United States reaffirmed its support for India’s membership and committed to continue engagement with partners.",
         "The two sides “committed to continue engagement with partners.”", "wrong-speaker"),
        ("President Biden affirms the U.S. extended deterrence commitment using the full range of U.S. defense capabilities.",
         "Both presidents reaffirmed the commitment “using the full range of U.S. defense capabilities.”", "wrong-speaker"),
    ],
)
def test_what_the_statement_says_around_or_inside_the_cut_is_flagged(statement: str, article: str, flag: str) -> None:
    check = only(article, statement)
    assert flag in kinds(check), check.flags
    assert check.altered


def test_an_obligation_named_after_the_words_is_no_qualifier() -> None:
    check = only("They said they “will report”.", "We will report as required by the resolution.")
    assert "qualifier-dropped" not in kinds(check), check.flags


def test_a_condition_that_does_not_open_the_quoted_clause_is_not_flagged() -> None:
    statement = "Where appropriate, we will consult partners and we will reduce dependencies in our supply chains."
    check = only("They said they “will reduce dependencies in our supply chains.”", statement)
    assert "qualifier-dropped" not in kinds(check), check.flags


def test_a_country_the_paragraph_names_is_no_target_the_reporter_adds() -> None:
    statement = (
        "We share concerns about China’s practices in the medical devices sector. "
        "We will continue to monitor developments in the medical devices sector.\n\n"
        "We will meet again next year."
    )
    check = only("They warned Beijing over its practices, saying they would “continue to monitor developments in "
                 "the medical devices sector.”", statement)
    assert "target-added" not in kinds(check), check.flags
    elsewhere = "We will continue to monitor developments in the medical devices sector.\n\nWe share concerns about China."
    check = only("They warned Beijing, saying they would “continue to monitor developments in the medical devices "
                 "sector.”", elsewhere)
    assert "target-added" in kinds(check), check.flags


def test_a_clause_with_a_subject_of_its_own_gives_no_speaker() -> None:
    statement = "President Biden affirms that the two countries will expand cooperation on critical minerals."
    check = only("Both presidents said “the two countries will expand cooperation on critical minerals.”", statement)
    assert "wrong-speaker" not in kinds(check), check.flags


def test_a_country_the_reporter_points_the_words_at_is_a_note_to_check_not_a_flag() -> None:
    checks = report(
        "They “strongly condemned the DPRK’s ballistic missile launches” and, in a thinly veiled swipe at "
        "Moscow, said they “will explore co-production of missiles”."
    ).checks
    first, second = checks
    assert "Russia" not in first.note
    assert "Russia" in second.note and "target-added" not in kinds(second)
    # a phrase set beside a quotation is that quotation's, not the next one's
    first, second = report(
        "They vowed to “strongly condemn the DPRK’s ballistic missile launches,” a reference to Moscow’s "
        "arms deals, and said they “will explore co-production of missiles”."
    ).checks
    assert "Russia" in first.note and "Russia" not in second.note
    denied = only("The plan, not aimed at Moscow, says they “will explore co-production of missiles”.")
    assert "points these words" not in denied.note


def test_the_speaker_the_statement_gives_is_no_wrong_speaker() -> None:
    check = only("The United States “intends to upgrade U.S. Forces, Japan to a joint force headquarters”.")
    assert "wrong-speaker" not in kinds(check) and not check.altered


def test_a_target_the_statement_sentence_names_is_no_added_target() -> None:
    check = only("They accused China of “intensifying attempts to unilaterally change the status quo”.")
    assert not check.altered


def test_every_flag_has_a_meaning_for_the_views() -> None:
    assert {"negation-dropped", "wrong-speaker", "words-cut", "stitched"} <= set(FLAG_KINDS)
