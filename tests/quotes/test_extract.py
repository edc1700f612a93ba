"""Finding quotations and reading the narration around them."""

from __future__ import annotations

import pytest

from compare.quotes.extract import find_quotations
from compare.quotes.model import Source
from compare.read import parse


def quotations(text: str) -> list[str]:
    return [quotation.text for quotation in find_quotations(parse(text, path="a.txt"))]


def test_curly_and_straight_double_quotes_are_both_found() -> None:
    text = "They “strongly condemned” the launches and \"called for\" talks."
    assert quotations(text) == ["strongly condemned", "called for"]


def test_a_nested_quotation_stays_inside_the_outer_one() -> None:
    text = "“We will never recognise so-called ‘elections’, past and future,” the leaders said."
    assert quotations(text) == ["We will never recognise so-called ‘elections’, past and future,"]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Japan’s ministers met the allies’ envoys and said they \"share the PRC's concerns\"."
    assert quotations(text) == ["share the PRC's concerns"]


def test_single_quotes_in_a_headline_and_as_a_british_paper_prints_them() -> None:
    text = "Allies hail 'linchpin' ties\n\nThe leaders said ‘the partners’ shared goals will guide us’, officials said."
    assert quotations(text) == ["linchpin", "the partners’ shared goals will guide us"]


def test_a_quotation_that_runs_on_into_the_next_paragraph_is_one() -> None:
    text = "They added: “We condemn the launches.\n\n“We urge restraint.”\n\nOfficials left."
    assert quotations(text) == ["We condemn the launches. We urge restraint."]


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    assert quotations("They said “we will act\n\nNext paragraph.") == ["we will act"]


@pytest.mark.parametrize(
    ("text", "attribution", "source"),
    [
        ("“We act,” a joint statement said.", "a joint statement said", Source.STATEMENT),
        ("The leaders said they “will act”.", "The leaders said", Source.STATEMENT),
        ("“We act,” a senior official told reporters.", "a senior official told reporters", Source.PERSON),
        ("“We act,” according to the communique.", "according to the communique", Source.STATEMENT),
        ("Leaders met at the “Summit Hall”.", "", Source.UNATTRIBUTED),
        # a speaker with an aside before the verb, a speaker named by trade, and words the next
        # speaker only comments on
        ("A Fed official, speaking on condition of anonymity because the talks are private, said: “We act.”",
         "A Fed official said", Source.PERSON),
        ("“We act,” said one economist at a New York bank.", "said one economist", Source.PERSON),
        ("The statement said “we act,” a phrase economists said showed resolve.", "The statement said", Source.STATEMENT),
        # a foreign ministry's reaction, and what a critic calls the statement
        ("China’s foreign ministry said the G7 was “smearing and attacking China”.", "China’s foreign ministry said", Source.PERSON),
        ("North Korea’s envoy rejected the text as “a product of hostile policy.”", "", Source.PERSON),
    ],
)
def test_the_attribution_says_whose_words_they_are(text: str, attribution: str, source: Source) -> None:
    quotation = find_quotations(parse(text, path="a.txt"))[0]
    assert (quotation.attribution, quotation.source) == (attribution, source)


def test_the_speaker_and_the_framing_verb_come_from_the_narration() -> None:
    text = "TOKYO, April 9 — The ministers also accused Beijing of a “rapid expansion of its arsenal”."
    quotation = find_quotations(parse(text, path="a.txt"))[0]
    assert (quotation.speaker, quotation.framing_verb) == ("The ministers", "accused")


def test_a_second_quotation_joined_by_and_carries_on_the_first_ones_verb() -> None:
    text = "They accused China of “intensifying attempts” and that Chinese “policy seeks to reshape the order”."
    second = find_quotations(parse(text, path="a.txt"))[1]
    assert (second.speaker, second.framing_verb) == ("They", "accused")


def test_a_subject_after_the_reporting_verb_is_the_speaker() -> None:
    text = "Whitcomb told reporters the United States “reiterated its commitment”."
    quotation = find_quotations(parse(text, path="a.txt"))[0]
    assert quotation.speaker == "the United States"
    assert quotation.framing_verb == ""


def test_a_verb_in_a_relative_clause_does_not_frame_the_quotation() -> None:
    text = "The pact, which Beijing has criticised as a bloc, is meant to “bolster deterrence”."
    assert find_quotations(parse(text, path="a.txt"))[0].framing_verb == ""


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # a verb in a "where" clause, or one the speakers did not use, frames nothing
        ("On Ukraine, where New Delhi has declined to criticise Moscow, the leaders voiced “deep concern”.", "voiced"),
        ("They stopped short of condemning what they called “destabilizing activities”.", ""),
        # a noun beside the quotation is no verb after it
        ("Biden backed India’s bid for “permanent membership,” a long-standing Indian demand.", "backed"),
        ("Biden voted for “permanent membership,” a long-standing Indian demand.", ""),
        # the document's verb, when it characterises, is the framing
        ("The statement noted “coercive actions and rising tensions” in the region.", "noted"),
        # a verb after the quotation that is denied, or that glosses after the attribution
        ("They “discussed the crisis in Ukraine,” stopping short of condemning Russia.", ""),
        ("They “will review the pact,” the statement said, referring to a technology pact.", ""),
        ("They “will review the pact,” the leaders warned.", "warned"),
        # "in a reference to" glosses what the words point to; it says nothing of how they were said
        ("The statement came in a reference to tactics including “the use of militia.”", ""),
    ],
)
def test_only_a_verb_the_speakers_used_on_the_quotation_frames_it(text: str, verb: str) -> None:
    assert find_quotations(parse(text, path="a.txt"))[0].framing_verb == verb
