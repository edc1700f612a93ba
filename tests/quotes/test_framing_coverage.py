"""The reporter's verbs against the statement's stance, and the statement's stances the article
quotes, paraphrases or leaves out."""

from __future__ import annotations

import pytest

from compare.classify import classify
from compare.model import Clause, Kind, Label
from compare.quotes.framing import compare_framing, reporter_stance
from compare.quotes.model import Coverage
from tests.quotes.conftest import only, report


@pytest.mark.parametrize(
    ("article", "direction"),
    [
        ("They accused China of “intensifying attempts to unilaterally change the status quo”.", "stronger"),
        ("They hit out at the “intensifying attempts to unilaterally change the status quo”.", "stronger"),
        ("They referred to “the DPRK’s ballistic missile launches”.", "weaker"),
        ("They condemned “the DPRK’s ballistic missile launches”.", "weaker"),
        ("They voiced “serious concern over the PRC’s intensifying attempts to unilaterally change the status quo”.", "same"),
        # the newsroom's other verbs of censure, each on the concern ladder
        ("They decried the “intensifying attempts to unilaterally change the status quo”.", "stronger"),
        ("They sounded the alarm over the “intensifying attempts to unilaterally change the status quo”.", "stronger"),
        ("They chided Beijing for its “intensifying attempts to unilaterally change the status quo”.", "stronger"),
        ("They took issue with the “intensifying attempts to unilaterally change the status quo”.", "stronger"),
        ("They censured the “intensifying attempts to unilaterally change the status quo”.", "stronger"),
        ("They expressed alarm at the “intensifying attempts to unilaterally change the status quo”.", "stronger"),
        # a hint or an allusion puts less than the statement's "serious concern"
        ("They hinted at the “intensifying attempts to unilaterally change the status quo”.", "weaker"),
        ("They alluded to the “intensifying attempts to unilaterally change the status quo”.", "weaker"),
    ],
)
def test_the_reporters_verb_is_set_against_the_statements(article: str, direction: str) -> None:
    framing = only(article).framing
    assert framing is not None and framing.direction == direction, framing


def test_a_quotation_that_carries_its_own_stance_word_has_no_framing() -> None:
    assert only("They “strongly condemned the DPRK’s ballistic missile launches”.").framing is None


@pytest.mark.parametrize(
    ("reporter", "statement", "direction"),
    [
        (("concern", 5, "accused"), Label(Kind.POSITION, 2, "assessed"), "stronger"),
        (("mention", 0, "discussed"), Label(Kind.CONCERN, 6, "condemned"), "weaker"),
        (("mention", 0, "discussed"), Label(Kind.OTHER), "same"),
        (("call", 4, "called on"), Label(Kind.CALL, 5, "urges"), "weaker"),
        (("call", 4, "called on"), Label(Kind.CONCERN, 4, "call upon Iran to stop"), "same"),
        (("position", 3, "stressed"), Label(Kind.POSITION, 4, "stresses the vital importance"), "same"),
        (("position", 2, "noted"), Label(Kind.WELCOME, 2, "welcomed"), "weaker"),
        # a reporting verb over a pledge reports it again; a note of it, or a vow over a position, does not
        (("position", 3, "reiterated"), Label(Kind.COMMITMENT, 3, "will"), "same"),
        (("position", 3, "reaffirmed"), Label(Kind.COMMITMENT, 4, "affirms the commitment"), "same"),
        (("position", 2, "noted"), Label(Kind.COMMITMENT, 4, "commit to"), "weaker"),
        (("commitment", 4, "vowed"), Label(Kind.POSITION, 3, "reaffirm"), "stronger"),
        (("commitment", 4, "vowed"), Label(Kind.CALL, 2, "invites"), "unclear"),
        # over a statement with no stance word: criticism is harder, praise is not, a pledge may
        # be the statement's content
        (("concern", 6, "condemned"), Label(Kind.OTHER), "stronger"),
        (("welcome", 3, "hailed"), Label(Kind.OTHER), "same"),
        (("commitment", 4, "vowed"), Label(Kind.OTHER), "unclear"),
    ],
)
def test_the_ladders_order_reporters_verbs_and_statements_alike(
    reporter: tuple[str, int, str], statement: Label, direction: str
) -> None:
    assert compare_framing(reporter, statement)[0] == direction


def test_a_mention_is_as_neutral_as_a_statements_note() -> None:
    recalled = classify(Clause("old", 0, 1, 1, 0, 40, "We recall the tsunami of 2004.")).label
    assert recalled is not None and compare_framing(("mention", 0, "referred to"), recalled)[0] == "same"
    urged = classify(Clause("old", 0, 1, 1, 0, 40, "We urge Russia to withdraw its forces.")).label
    assert urged is not None and compare_framing(("mention", 0, "referred to"), urged)[0] == "weaker"


def test_the_statements_verb_counts_with_its_intensifiers_but_without_its_hedges() -> None:
    # "urged" against "Urges ..., where appropriate, ...": the same verb; the dropped hedge is a
    # flag of its own
    hedged = classify(Clause("old", 0, 1, 1, 0, 80, "Urges all parties, where appropriate, to resume talks;")).label
    assert hedged is not None and hedged.intensity < 5
    assert compare_framing(("call", 5, "urged"), hedged)[0] == "same"
    strong = classify(Clause("old", 0, 1, 1, 0, 80, "Strongly urges all parties to resume talks;")).label
    assert compare_framing(("call", 5, "urged"), strong)[0] == "weaker"


@pytest.mark.parametrize(
    ("verb", "following", "placed"),
    [
        ("implored", "Russia", ("call", 5)),
        ("pushed for", "a ceasefire", ("call", 5)),
        ("undertook to", "mobilise", ("commitment", 4)),
        ("resolved to", "act", ("commitment", 4)),
        ("endorsed", "the plan", ("welcome", 2)),
        ("embraced", "the plan", ("welcome", 3)),
        ("excoriated", "Moscow", ("concern", 7)),
        ("condemned in the strongest terms", "the attacks", ("concern", 7)),
        ("conceded", "that inflation has eased", ("position", 2)),
        ("insisted that", "the path to dialogue remains open", ("position", 3)),
        ("insisted on", "a ceasefire", ("call", 6)),
        # the fourth set's newsroom verbs
        ("signalled readiness to", "apply additional measures", ("commitment", 2)),
        ("left the door open to", "selective cooperation", ("commitment", 1)),
        ("voiced frustration over", "steps taken by Iran", ("concern", 2)),
        ("toned down", "its language on the region", ("concern", 2)),
        ("cautioned that", "the risks increased", ("concern", 2)),
        ("cautioned against", "any threat", ("concern", 3)),
        ("sharply criticised", "the confiscation of land", ("concern", 6)),
        ("stepped up its criticism of", "Beijing", ("concern", 6)),
        ("took a hard line on", "military aggression", ("concern", 7)),
        ("rapped", "Moscow’s campaign", ("concern", 4)),
        ("railed against", "Moscow", ("concern", 5)),
        ("argued that", "the plan", ("position", 3)),
        ("signalled that", "it", ("position", 2)),
        # verbs placed by the words after them, as the narration hands them over
        ("pressed", "Pakistan to take immediate action", ("call", 5)),
        ("asked", "Iran to cease the arrests", ("call", 3)),
        ("backed", "India’s bid for permanent membership", ("welcome", 2)),
        ("signalled", "that it will act", ("position", 2)),
        ("blamed", "Moscow for the serious impacts", ("concern", 5)),
        # a readiness, a trial balloon and a disquiet sit below the firm pledge and the concern
        ("stood ready to", "build constructive relations", ("commitment", 2)),
        ("floated", "a regular ministerial dialogue", ("commitment", 1)),
        ("expressed unease over", "the devastating impact", ("concern", 1)),
        ("committed their governments to", "working collaboratively", ("commitment", 4)),
    ],
)
def test_more_newsroom_verbs_stand_on_the_ladders(verb: str, following: str, placed: tuple[str, int]) -> None:
    stance = reporter_stance(verb, following)
    assert stance is not None and stance[:2] == placed


def test_an_assessment_is_on_no_ladder_but_an_accusation_is_harder_than_it() -> None:
    judged = classify(Clause("old", 0, 1, 1, 0, 60, "The Committee judges that some inflation risks remain.")).label
    assert judged is not None and judged.kind is Kind.POSITION
    assert compare_framing(("concern", 3, "cautioned"), judged)[0] == "unclear"
    assert compare_framing(("concern", 5, "accused"), judged)[0] == "stronger"
    # a pledge of what the statement only expects makes a promise of it
    expected = classify(Clause("old", 0, 1, 1, 0, 80, "The Committee anticipates that weak conditions are likely to warrant low rates.")).label
    assert expected is not None and compare_framing(("commitment", 4, "pledged"), expected)[0] == "stronger"


@pytest.mark.parametrize(
    ("reporter", "sentence", "direction"),
    [
        # a higher verb than the statement's, brought level only by its intensifier: the verb decides
        (("call", 6, "demanded"), "Strongly urges the Government to close the camps;", "stronger"),
        (("concern", 5, "denounced"), "We strongly oppose any coercive or unilateral actions.", "stronger"),
        # a strong news verb stands for the statement's verb said strongly
        (("concern", 7, "slammed"), "We strongly condemn the launches.", "same"),
        # the same verb without the statement's intensifier is a weaker line
        (("concern", 6, "condemned"), "We strongly condemn the launches.", "weaker"),
    ],
)
def test_a_reporters_verb_is_set_against_the_statements_verb_before_its_intensifier(
    reporter: tuple[str, int, str], sentence: str, direction: str
) -> None:
    label = classify(Clause("old", 0, 1, 1, 0, len(sentence), sentence)).label
    assert label is not None and compare_framing(reporter, label)[0] == direction


def test_a_light_verb_takes_its_stance_from_the_quoted_words() -> None:
    assert reporter_stance("expressed their", "deepest concern over the war")[:2] == ("concern", 4)


def test_coverage_lists_each_stance_once_as_quoted_or_left_out() -> None:
    result = report("They “strongly condemned the DPRK’s ballistic missile launches”.")
    def reported(start: str) -> Coverage:
        return next(item.reported for item in result.coverage if item.text.startswith(start))

    assert reported("They strongly condemned") is Coverage.QUOTED
    assert reported("They called for") is Coverage.LEFT_OUT
    assert all(item.kind != "other" for item in result.coverage)


def test_a_close_paraphrase_in_the_narration_counts_as_reported() -> None:
    article = "The ministers also pressed for an immediate resolution of the abductions issue, officials said."
    item = next(i for i in report(article).coverage if "abductions" in i.text)
    assert item.reported is Coverage.PARAPHRASED and "abductions" in item.paraphrase
