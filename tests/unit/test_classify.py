"""classify(): kinds, ladders, modifiers, hedges, negation, openers, FOMC, names, news quotes."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from compare.classify import Context, classify, classify_all, load_lexicon
from compare.errors import UsageError
from compare.model import Clause, Document, Kind, Label
from compare.segment import segment

ROOT = Path(__file__).resolve().parents[2]


def label_of(text: str, **options: object) -> Label:
    label = classify(Clause("old", 0, 1, 1, 0, len(text), text), **options).label
    assert label is not None
    return label


def modals(label: Label) -> list[str]:
    """The modals a label reads, as written."""
    return [marker.text for marker in label.markers if marker.kind == "modal"]


def test_classify_returns_a_new_clause_and_keeps_text_and_offsets() -> None:
    clause = Clause("old", 3, 2, 4, 10, 30, "We condemn the attack.")
    labelled = classify(clause)
    assert labelled is not clause and clause.label is None
    assert (labelled.text, labelled.start, labelled.end, labelled.index) == (
        clause.text, clause.start, clause.end, clause.index)


# ------------------------------------------------------------------------------ kinds
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We will establish a working group on critical minerals.", Kind.COMMITMENT),
        ("We commit to strengthening our cooperation.", Kind.COMMITMENT),
        ("The leaders pledge to mobilize $10 billion.", Kind.COMMITMENT),
        ("We resolve to deepen our partnership.", Kind.COMMITMENT),
        ("Both sides intend to open new consulates.", Kind.COMMITMENT),
        ("The Ministers agreed to expand joint exercises.", Kind.COMMITMENT),
        ("Today we launch the Quad Fellowship.", Kind.COMMITMENT),
        ("We decided to establish a new dialogue.", Kind.COMMITMENT),
        ("We remain committed to a free and open Indo-Pacific.", Kind.COMMITMENT),
        ("We express serious concern about the situation in Myanmar.", Kind.CONCERN),
        ("We are concerned about the militarization of disputed features.", Kind.CONCERN),
        ("We strongly oppose any unilateral attempts to change the status quo.", Kind.CONCERN),
        ("The Ministers objected to the PRC's unlawful maritime claims.", Kind.CONCERN),
        ("We condemn the attack.", Kind.CONCERN),
        ("We deplore the loss of life.", Kind.CONCERN),
        ("We reject the sham referenda.", Kind.CONCERN),
        ("We warn against any use of nuclear weapons.", Kind.CONCERN),
        ("The upside risks to inflation are also of significant concern to the Committee.", Kind.CONCERN),
        ("Such actions have been of grave concern to us.", Kind.CONCERN),
        ("Decisive progress is needed to direct the revenues to Ukraine.", Kind.CALL),
        # a position said of a document or of data is no stance of the speakers
        ("The agreement reaffirms the partners' existing non-proliferation obligations.", Kind.OTHER),
        ("Information received since the Committee met confirms that the recovery continues.", Kind.OTHER),
        ("Reaffirming its previous resolutions on the question,", Kind.POSITION),
        # nor is a verb in a subordinate clause
        ("It is not right for Russia to decide if or when it will pay for the damage it has caused.", Kind.OTHER),
        # the speakers' verb in a relative clause is not the clause's stance
        ("The steps we are announcing today will help us to advance these objectives.", Kind.OTHER),
        ("The endeavor we launch today will help sustain peace and stability.", Kind.OTHER),
        # nor is a speaker's verb in a clause of time or concession
        ("As we are seeing a sharper rivalry of models, this shift raises hard questions.", Kind.OTHER),
        ("While we welcome the talks, we remain concerned about the violence.", Kind.CONCERN),
        ("As we recover from the crisis, we will invest in resilient supply chains.", Kind.COMMITMENT),
        # ... unless the noun ends an opening phrase left without its comma
        ("To meet these goals we will double our support for clean ports by 2030.", Kind.COMMITMENT),
        ("In light of the steps we are taking, we will double our support.", Kind.COMMITMENT),
        ("Through the fund we created last year we welcome new partners.", Kind.WELCOME),
        ("We call on Russia to stop its aggression.", Kind.CONCERN),
        ("We call on the government to free all detainees and to stop the persecution.", Kind.CONCERN),
        ("Our countries will also increase efforts to promote biosecurity norms.", Kind.COMMITMENT),
        ("Our respective agencies will work together on common charging standards.", Kind.COMMITMENT),
        ("We task our Finance Ministers and Central Bank Governors to consider the detail.", Kind.COMMITMENT),
        ("Today, we are proud to announce an expansion of our partnership.", Kind.COMMITMENT),
        ("We reaffirm that the Treaty remains essential.", Kind.POSITION),
        ("We reiterate the importance of freedom of navigation.", Kind.POSITION),
        ("We recognise the role of ASEAN.", Kind.POSITION),
        ("We recognize the role of ASEAN.", Kind.POSITION),
        ("We underscore the importance of the Treaty.", Kind.POSITION),
        ("We stress the need for dialogue.", Kind.POSITION),
        ("We emphasise the importance of adherence to international law.", Kind.POSITION),
        ("We emphasize the importance of adherence to international law.", Kind.POSITION),
        ("We affirm the right of return.", Kind.POSITION),
        ("We note the report of the panel.", Kind.POSITION),
        ("We welcome the progress made.", Kind.WELCOME),
        ("We support the work of IORA.", Kind.WELCOME),
        ("We commend the Philippines for its leadership.", Kind.WELCOME),
        ("We appreciate the efforts of the Secretary-General.", Kind.WELCOME),
        ("We call upon all States to sign the Treaty.", Kind.CALL),
        ("We urge North Korea to resolve the abductions issue.", Kind.CALL),
        ("We encourage all partners to join.", Kind.CALL),
        ("Requests the Secretary-General to submit a report.", Kind.CALL),
        ("Invites the Conference on Disarmament to establish a working group.", Kind.CALL),
        ("Demands that all parties comply with their obligations.", Kind.CALL),
        ("Decides to remain seized of the matter.", Kind.DECISION),
        ("The Federal Open Market Committee decided today to keep its target at 5 percent.",
         Kind.DECISION),
        # the Committee adopting its directive, or a decision reported in the passive
        ("Against this background, the Committee adopted a directive that was biased toward a possible firming of policy.", Kind.DECISION),
        ("The FOMC has chosen to adopt a directive that includes no predilection about near-term policy action.", Kind.DECISION),
        ("The decision was taken to move toward a less accommodative stance in monetary policy.", Kind.DECISION),
        ("As a consequence, the directive the Committee adopted is symmetrical with regard to the outlook.", Kind.OTHER),
        ("The ministers met in Tokyo on Sunday.", Kind.OTHER),
        ("Economic growth slowed in the third quarter.", Kind.OTHER),
        # the speakers' satisfaction, a shared view, a commitment renewed "ourselves"
        ("The leaders expressed satisfaction at the ongoing implementation of the announcements.", Kind.WELCOME),
        ("President Yoon and President Biden share the view that the Alliance has matured.", Kind.POSITION),
        ("Today, with the formation of AUKUS, we recommit ourselves to this vision.", Kind.COMMITMENT),
        # asking or inviting their own ministers is tasking them; inviting others is a call
        ("We ask our Finance Ministers to convene shortly to discuss a joint approach.", Kind.COMMITMENT),
        ("We invite G7 Chief Scientific Advisers or equivalents to review progress.", Kind.COMMITMENT),
        ("We invite all partners to join the initiative.", Kind.CALL),
        # ... and so is calling on their own governments, or a body they name being "tasked"
        ("The leaders called on their governments to continue the work of the partnership.", Kind.COMMITMENT),
        ("We call on our partners to join the initiative.", Kind.CALL),
        ("The working group is tasked to focus on exchanging information.", Kind.COMMITMENT),
        ("Many countries are determined to act.", Kind.OTHER),
        # an action under way "also" is still the speakers' action, hyphenated verbs too
        ("We are also deploying advanced algorithms across our shared military systems.", Kind.COMMITMENT),
        ("We are de-risking and diversifying supply chains where necessary.", Kind.COMMITMENT),
        # "We direct" (as "directs" and "directed"), a view held, concerns they keep voicing
        ("We direct our relevant ministers to continue working on this issue.", Kind.COMMITMENT),
        ("Foreign direct investment to the region rose.", Kind.OTHER),
        ("The United States and the European Union are of the view that export controls should be targeted.", Kind.POSITION),
        ("We will keep voicing our concerns about the human rights situation.", Kind.CONCERN),
        ("The Federal Reserve announced today the following monetary policy actions:", Kind.DECISION),
        ("The Federal Reserve today announced two actions designed to maintain favorable trends in inflation.", Kind.DECISION),
        ("The Board of Directors voted unanimously to maintain the interest rate paid on reserve balances.", Kind.DECISION),
        # the Committee attentive to risks holds a view; a threat assessment shared is no threat
        ("The Committee is highly attentive to inflation risks.", Kind.POSITION),
        ("We will share threat assessments, as appropriate, to strengthen our cyber defence.", Kind.COMMITMENT),
        # "have" before a participle is the tense, not "have" a vision or concerns
        ("We have developed a common vision for 6G.", Kind.OTHER),
        ("We have a shared vision for the region.", Kind.POSITION),
        ("We stand united with Lirenia.", Kind.WELCOME),
        # a commitment reinforced, as one renewed
        ("Building on our progress, we reinforce our commitment to promote economic resilience.", Kind.COMMITMENT),
        # "reemphasize" without its hyphen
        ("We reemphasize the importance of supply-side reforms.", Kind.POSITION),
        # what the speakers should do binds them; what others should do does not
        ("We should coordinate our responses to supply shortages of legacy chips.", Kind.COMMITMENT),
        ("All parties should refrain from violence.", Kind.OTHER),
        # a warning of the answer to come commits the speakers, whoever the subject; an assessment does not
        ("Any use of nuclear weapons by Russia would be met with severe consequences.", Kind.COMMITMENT),
        ("Russia will face severe consequences for its actions.", Kind.COMMITMENT),
        ("Such conduct will not go unanswered.", Kind.COMMITMENT),
        ("This would have serious consequences for the region.", Kind.OTHER),
        ("Households will face higher costs.", Kind.OTHER),
        # agreeing on what will be done commits; agreeing that something is so, or a forecast, does not
        ("They agreed that the Strategic Dialogue would continue to be held annually.", Kind.COMMITMENT),
        ("The officials agreed that they will remain in close coordination.", Kind.COMMITMENT),
        ("They agreed that growth would likely slow.", Kind.POSITION),
        ("We agree that the climate crisis is urgent.", Kind.POSITION),
        ("The Committee agreed that this increase would be allowed to show through.", Kind.DECISION),
        # the Committee's directive to its Desk decides; the speakers' directing their officials commits
        ("The Federal Open Market Committee directs the Desk to undertake open market operations.", Kind.DECISION),
        ("The Desk is authorized to conduct small-value transactions in government securities.", Kind.DECISION),
        ("We direct our ministers to report back by the end of the year.", Kind.COMMITMENT),
        # a phrase set off by commas between "commit" and its "to"
        ("They also commit, domestically as well as in partner countries, to supporting new reactors.", Kind.COMMITMENT),
        ("We are committed, together with our regional partners, to leverage our collective expertise.", Kind.COMMITMENT),
    ],
)
def test_kind_follows_the_governing_verb(text: str, kind: Kind) -> None:
    assert label_of(text).kind is kind


@pytest.mark.parametrize(
    "text",
    [
        "We condemn the launch.",
        "The Ministers condemns the launch.",
        "The Ministers condemned the launch.",
        "Condemning the launch,",
    ],
)
def test_every_form_of_condemn_is_a_condemnation(text: str) -> None:
    label = label_of(text)
    assert (label.kind, label.intensity) == (Kind.CONCERN, 6)


@pytest.mark.parametrize(
    "text",
    [
        "They expressed concern about the launch.",
        "We are concerned about the launch.",
        "We remain concerned about the launch.",
        "We express concern over the launch.",
        "We have concerns about the launch.",
        "We share concerns about the launch.",
    ],
)
def test_every_way_of_saying_concern_is_a_concern(text: str) -> None:
    label = label_of(text)
    assert (label.kind, label.intensity) == (Kind.CONCERN, 2)


# ------------------------------------------------------------------------------ ladders
LADDERS = {
    "concern": [
        "Notes with concern the lack of progress.",
        "We express concern about the situation.",
        "We express serious concern about the situation.",
        "We strongly oppose these actions.",
        "We condemn these actions.",
        "We strongly condemn these actions.",
    ],
    "call": [
        "Encourages all States to sign the Treaty.",
        "Invites all States to sign the Treaty.",
        "Requests all States to sign the Treaty.",
        "Calls upon all States to sign the Treaty.",
        "Urges all States to sign the Treaty.",
        "Demands that all States sign the Treaty.",
    ],
    "commitment": [
        "We may establish a working group.",
        "We intend to establish a working group.",
        "We will establish a working group.",
        "We commit to establishing a working group.",
        "We reaffirm our unwavering commitment to the alliance.",
    ],
    "welcome": [
        "Encouraged by the progress made,",
        "We welcome the progress made.",
        "We warmly welcome the progress made.",
    ],
    "position": [
        "We take note of the report.",
        "We note the report.",
        "We recognize the report's findings.",
    ],
}


@pytest.mark.parametrize(
    ("kind", "weaker", "stronger"),
    [
        (kind, rungs[i], rungs[i + 1])
        for kind, rungs in LADDERS.items()
        for i in range(len(rungs) - 1)
    ],
)
def test_each_rung_of_a_ladder_is_above_the_one_below(kind: str, weaker: str, stronger: str) -> None:
    low, high = label_of(weaker), label_of(stronger)
    assert low.kind is high.kind is Kind(kind)
    assert low.intensity < high.intensity, (low, high)


@pytest.mark.parametrize(
    ("text", "rung"),
    [
        ("We express deep concern about the war.", 3),
        ("Deeply concerned by the lack of progress,", 3),
        ("We express our deepest concern over the war.", 4),
        ("Gravely concerned about the situation,", 4),
        ("Expresses grave concern at the situation.", 4),
        ("We oppose the annexation.", 4),
        ("We reject the annexation.", 4),
        ("Alarmed by the escalation,", 4),
        ("We deplore the annexation.", 5),
        ("Condemns in the strongest terms the war of aggression.", 7),
    ],
)
def test_where_the_in_between_concern_words_sit(text: str, rung: int) -> None:
    label = label_of(text)
    assert (label.kind, label.intensity) == (Kind.CONCERN, rung)


def test_a_decision_is_its_own_kind_above_the_call_ladder() -> None:
    assert label_of("Decides to include the item in the provisional agenda.").kind is Kind.DECISION


# ----------------------------------------------------------------- modifiers, hedges, negation
@pytest.mark.parametrize(
    ("plain", "modified"),
    [
        ("We support the initiative.", "We strongly support the initiative."),
        ("We reject the claims.", "We firmly reject the claims."),
        ("We welcome the agreement.", "We warmly welcome the agreement."),
        ("We oppose the claims.", "We resolutely oppose the claims."),
        ("We reiterate our commitment to the alliance.", "We reiterate our ironclad commitment to the alliance."),
        ("The Committee will act as needed.", "The Committee will act forcefully as needed."),
        ("We condemn the attacks.", "We condemn unequivocally the attacks."),
    ],
)
def test_a_modifier_raises_the_rung(plain: str, modified: str) -> None:
    assert label_of(modified).intensity == label_of(plain).intensity + 1


@pytest.mark.parametrize(
    ("plain", "hedged", "hedge"),
    [
        ("We will coordinate our aid.", "We will, where appropriate, coordinate our aid.", "where appropriate"),
        ("We will coordinate our aid.", "We will coordinate our aid as appropriate.", "as appropriate"),
        ("We will coordinate our aid.", "We will coordinate our aid to the extent possible.", "to the extent possible"),
        ("The Committee will act.", "The Committee will act as necessary.", "as necessary"),
        ("We will establish a dialogue.", "We will consider establishing a dialogue.", "consider"),
        ("We will establish a dialogue.", "We will explore establishing a dialogue.", "explore"),
        ("We will establish a dialogue.", "We may establish a dialogue.", "may"),
        ("We will establish a dialogue.", "We could establish a dialogue.", "could"),
    ],
)
def test_a_hedge_lowers_the_rung_and_is_listed(plain: str, hedged: str, hedge: str) -> None:
    before, after = label_of(plain), label_of(hedged)
    assert after.intensity < before.intensity
    assert hedge in after.hedges and not before.hedges


@pytest.mark.parametrize(
    "text",
    ["We will not support the proposal.", "We do not support the proposal.", "We no longer support the plan."],
)
def test_negation_is_flagged(text: str) -> None:
    assert label_of(text).negated


def test_refusing_to_accept_is_a_rejection_not_a_negated_stance() -> None:
    label = label_of("We will never recognize the illegal annexation of Crimea.")
    assert (label.kind, label.negated) == (Kind.CONCERN, False)


# ------------------------------------------------------------------------------ UN openers
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Recalling its resolution 78/66 of 4 December 2023,", Kind.POSITION),
        ("Reaffirming the sovereign equality of States,", Kind.POSITION),
        ("Noting with concern the lack of progress,", Kind.CONCERN),
        ("Deeply concerned by the lack of progress,", Kind.CONCERN),
        ("Welcoming the entry into force of the Treaty,", Kind.WELCOME),
        ("Encouraged by the signing of the Treaty by 187 States,", Kind.WELCOME),
        ("Bearing in mind the importance of the issue,", Kind.POSITION),
        ("Mindful of the risks,", Kind.POSITION),
        ("Considering that wide participation in the legal regime could contribute to its effectiveness,",
         Kind.POSITION),
        ("Convinced that further measures should be examined,", Kind.POSITION),
        ("Expressing concern at the escalation,", Kind.CONCERN),
        ("Alarmed by the increase in executions,", Kind.CONCERN),
        ("Gravely concerned that the provisions have not been implemented,", Kind.CONCERN),
        ("Decides to include in the provisional agenda of its eightieth session the item;", Kind.DECISION),
        ("Demands that the parties comply with their obligations;", Kind.CALL),
        ("Calls upon Member States to support the mechanism;", Kind.CALL),
        ("Urges all States to refrain from nuclear tests;", Kind.CALL),
        ("Encourages further expressions of intention to ratify;", Kind.CALL),
        ("Requests the Secretary-General to submit a report;", Kind.CALL),
        ("Invites all States to cooperate;", Kind.CALL),
        ("Notes the efforts of the Government;", Kind.POSITION),
        ("Condemns the demolition of homes;", Kind.CONCERN),
        ("Strongly condemns the demolition of homes;", Kind.CONCERN),
        ("Welcomes the report of the Secretary-General;", Kind.WELCOME),
        ("Expresses serious concern at the use of force;", Kind.CONCERN),
        ("4. Stresses the vital importance of the Treaty;", Kind.POSITION),
        ("(b) Calls upon the Government to release prisoners;", Kind.CALL),
    ],
)
def test_un_openers_and_operative_verbs_are_recognised(text: str, kind: Kind) -> None:
    assert label_of(text).kind is kind


def test_a_call_to_stop_is_a_concern() -> None:
    label = label_of("Demands that the Russian Federation immediately cease its war of aggression;")
    assert label.kind is Kind.CONCERN and label.intensity == 6


def test_a_sub_paragraph_takes_the_stance_of_its_lead() -> None:
    lead = label_of("Expresses its very serious concern about:")
    item = label_of("(a) Torture and arbitrary detention;", context=Context(lead=lead))
    assert (item.kind, item.intensity) == (Kind.CONCERN, lead.intensity)


def test_a_sub_paragraph_naming_others_requests_keeps_its_leads_call() -> None:
    lead = label_of("Calls upon the Government to cooperate fully with the Special Rapporteur, including:")
    item = label_of("(a) By accepting the repeated requests made by the Special Rapporteur to visit the country;",
                    context=Context(lead=lead))
    assert (item.kind, item.stance) == (Kind.CALL, lead.stance)


@pytest.mark.parametrize(
    "text",
    [
        "In taking the discount action, the Board approved requests submitted by the Reserve Banks.",
        "The rates were set as requested by the Board of Directors.",
    ],
)
def test_requests_someone_else_made_are_no_call_of_the_speakers(text: str) -> None:
    assert all(marker.entry != "request" for marker in label_of(text).markers)


def _document_labels(text: str) -> list[tuple[str, Kind, str]]:
    document = Document("d", text)
    return [(c.text, c.label.kind, c.label.stance) for c in classify_all(document, segment(document))]


@pytest.mark.parametrize(
    "text",
    [
        "The Task Force has established bilateral relations between Task Force members which have "
        "catalysed private-sector initiatives and will last beyond the timeframe of the Task Force.",
        "Sanctions have already cut Russia's revenues, and will intensify pressure on Russia over time.",
    ],
)
def test_a_verb_carrying_on_a_things_clause_is_no_stance_of_the_speakers(text: str) -> None:
    assert [kind for _, kind, _ in _document_labels(text)] == [Kind.OTHER, Kind.OTHER]


@pytest.mark.parametrize(
    "text",
    [
        "The United States and the European Union have already taken, and will continue to take, important policy steps.",
        "We met in Tokyo today, and will continue our talks tomorrow.",
    ],
)
def test_a_verb_carrying_on_the_speakers_clause_is_their_stance(text: str) -> None:
    assert _document_labels(text)[-1][1] is Kind.COMMITMENT


def test_a_clause_carrying_on_a_calls_verb_phrase_takes_that_call() -> None:
    sentence = "We urge North Korea to respect human rights, facilitate access for aid groups, and resolve the abductions issue immediately."
    labels = _document_labels(sentence)
    assert len(labels) == 2 and labels[1][0].startswith("and resolve")
    assert [(kind, stance) for _, kind, stance in labels] == [(Kind.CALL, "urge")] * 2


@pytest.mark.parametrize(
    "text",
    [
        "We condemn the attack, and tensions remain high.",  # a concern governs no verb phrase
        "We will strengthen our cooperation on cyber, and the Quad will meet in 2024.",  # its own act
        "We urge restraint. And resolve matters.",  # another sentence
    ],
)
def test_other_clauses_after_a_stance_keep_their_own_reading(text: str) -> None:
    labels = _document_labels(text)
    alone = label_of(labels[1][0])
    assert labels[0][1] is not Kind.OTHER and labels[1][1:] == (alone.kind, alone.stance)


def test_where_the_genre_names_its_speaker_a_country_named_in_the_text_does_not_speak() -> None:
    un = Context(speaker="General Assembly")
    text = "Recalling that officials of the Russian Federation established in the occupied territories are illegitimate,"
    assert label_of(text, context=un).kind is Kind.POSITION
    assert label_of(text).kind is Kind.COMMITMENT  # a joint statement's countries do speak


def test_a_concern_among_chained_preambular_participles_governs() -> None:
    text = "Taking note of the report of the Special Rapporteur, regretting that the Government has not cooperated,"
    assert label_of(text, context=Context(speaker="General Assembly")).kind is Kind.CONCERN


def test_a_default_speaker_is_used_when_the_clause_names_none() -> None:
    label = label_of("Condemns the attack;", context=Context(speaker="General Assembly"))
    assert label.actors == ("General Assembly",)


# ------------------------------------------------------------------------------ FOMC
@pytest.mark.parametrize(
    ("text", "kind", "topic"),
    [
        ("The Federal Open Market Committee decided today to lower its target for the federal "
         "funds rate 25 basis points to 4-1/4 percent.", Kind.DECISION, "interest rates"),
        ("The Committee decided to purchase up to $300 billion of longer-term Treasury securities.",
         Kind.DECISION, "asset purchases"),
        ("In a related action, the Board of Governors unanimously approved a 25-basis-point "
         "decrease in the discount rate to 4-3/4 percent.", Kind.DECISION, "interest rates"),
        ("In this context, the Committee judges that some inflation risks remain.", Kind.POSITION,
         "inflation"),
        ("The Committee expects inflation to moderate in coming quarters.", Kind.POSITION, "inflation"),
        ("The Committee will continue to monitor economic and financial developments carefully "
         "and will act as needed to promote sustainable economic growth and price stability.",
         Kind.COMMITMENT, "economic growth"),
        ("it will continue to monitor inflation developments carefully", Kind.COMMITMENT, "inflation"),
        ("Voting for the FOMC monetary policy action were: Ben S. Bernanke, Chairman; Timothy F. "
         "Geithner, Vice Chairman; and Kevin M. Warsh.", Kind.OTHER, None),
        ("Nonetheless, the growth of demand has continued to outpace that of supply.", Kind.OTHER, None),
        # what the Committee goes on seeing is its judgement, not an action it carries on
        ("The Committee, accordingly, continues to see a risk of heightened inflation pressures.",
         Kind.POSITION, "inflation"),
        ("The Committee sees growth as likely to moderate to a more sustainable pace.", Kind.POSITION, None),
        ("The Board also established interest rates on required and excess reserve balances of 1/4 "
         "percent.", Kind.DECISION, "interest rates"),
    ],
)
def test_fomc_sentences(text: str, kind: Kind, topic: str | None) -> None:
    label = label_of(text)
    assert label.kind is kind
    if topic:
        assert topic in label.topics


def test_the_fomc_decision_names_the_committee_as_actor() -> None:
    label = label_of("The Federal Open Market Committee decided today to raise its target.")
    assert label.actors == ("Federal Open Market Committee",)


def test_what_the_committee_has_authorized_is_a_decision() -> None:
    label = label_of("The Federal Open Market Committee has authorized temporary reciprocal currency arrangements.")
    assert (label.kind, label.stance) == (Kind.DECISION, "has authorized")


def test_an_fomc_hedge_as_needed_is_listed() -> None:
    assert "as needed" in label_of("The Committee will act as needed to foster price stability.").hedges


# ------------------------------------------------------------------------------ names
@pytest.mark.parametrize(
    ("text", "targets", "topics"),
    [
        ("We strongly oppose the PRC's unlawful maritime claims in the South China Sea.",
         {"China"}, {"South China Sea"}),
        ("We condemn North Korea's ballistic missile launches.", {"North Korea"}, {"ballistic missiles"}),
        ("We condemn Russia's war against Ukraine.", {"Russia", "Ukraine"}, {"Ukraine"}),
        ("We underscore the importance of peace and stability across the Taiwan Strait.", set(),
         {"Taiwan Strait"}),
        ("We oppose attempts to change the status quo in the East China Sea.", set(), {"East China Sea"}),
        ("We are concerned about the DPRK's nuclear weapons programme.", {"North Korea"},
         {"nuclear weapons"}),
        ("We condemn the Houthis' attacks on shipping in the Red Sea.", {"Houthis"}, {"Red Sea"}),
        ("We will cooperate on cyber security, outer space and artificial intelligence.", set(),
         {"cyber", "outer space", "AI"}),
        ("We will secure supply chains for critical minerals and fight climate change.", set(),
         {"supply chains", "critical minerals", "climate"}),
        ("Expresses serious concern at human rights violations in the Islamic Republic of Iran;",
         {"Iran"}, {"human rights"}),
        ("The Committee seeks to foster maximum employment and price stability.", set(),
         {"employment", "inflation"}),
    ],
)
def test_targets_and_topics_use_canonical_names(text: str, targets: set[str], topics: set[str]) -> None:
    label = label_of(text)
    assert targets <= set(label.targets), label.targets
    assert topics <= set(label.topics), label.topics


def test_seas_and_straits_are_topics_never_targets() -> None:
    label = label_of("We oppose militarization in the South China Sea, the East China Sea and the Taiwan Strait.")
    assert not {"South China Sea", "East China Sea", "Taiwan Strait"} & set(label.targets)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("The Ministers condemned the launches.", ("Ministers",)),
        ("We condemn the launches.", ("We",)),
        ("Japan will host the next meeting.", ("Japan",)),
        ("The United States and Japan condemned the launches.", ("United States", "Japan")),
        ("The Committee will act as needed.", ("Federal Open Market Committee",)),
        ("President Biden welcomed the agreement.", ("President Biden",)),
        # "the Presidents" as well as "the two Presidents" (it was no speaker, so a clause after
        # an opening participle was governed by the participle: a false "hardened" between two
        # versions that differ only in "the leaders" -> "the Presidents")
        ("The Presidents expressed concern regarding the illicit cyber activities.", ("Presidents",)),
        ("Recognizing the importance of vendor diversity, the Presidents also commit to work together.", ("Presidents",)),
        ("The Prime Ministers welcomed the agreement.", ("Prime Ministers",)),
        # bare "officials" opening a clause are the delegations that met; a nation's are not
        ("Officials expressed commitment to countering the threats to the region.", ("Both sides",)),
        ("In this regard, officials pledged to enhance coordination.", ("Both sides",)),
    ],
)
def test_actors_are_the_speakers_in_the_subject(text: str, actors: tuple[str, ...]) -> None:
    assert label_of(text).actors == actors


@pytest.mark.parametrize(
    "text",
    [
        "The Leaders of the United States, Japan, and the Republic of Korea reaffirmed their commitment to trilateral cooperation.",
        "We, the Leaders of Japan, the Republic of Korea and the United States, condemn the launches by North Korea.",
        "President Yoon Suk Yeol of the Republic of Korea, Prime Minister Kishida of Japan, and President Biden of the United States reaffirmed their commitment to peace.",
    ],
)
def test_every_country_a_subject_lists_speaks_and_none_is_a_target(text: str) -> None:
    label = label_of(text)
    assert {"United States", "Japan", "South Korea"} <= set(label.actors)
    assert not {"United States", "Japan", "South Korea"} & set(label.targets)


def test_a_subject_that_says_more_than_who_speaks_keeps_its_objects_as_targets() -> None:
    label = label_of("The attacks by Russia, Iran and North Korea on Ukraine, we strongly condemn.")
    assert "Russia" not in label.actors


@pytest.mark.parametrize(
    "text",
    ["We are witnessing rapid technological advancements which create new risks.", "We are facing unprecedented challenges."],
)
def test_what_the_speakers_undergo_or_see_is_no_action_of_theirs(text: str) -> None:
    assert label_of(text).kind is Kind.OTHER
    assert label_of("We are facilitating trade between our economies.").kind is Kind.COMMITMENT


def test_another_nations_officials_are_not_the_speakers() -> None:
    assert "Both sides" not in label_of("Iranian officials will face new sanctions.").actors


def test_a_country_after_a_preposition_is_not_the_speaker() -> None:
    label = label_of("Visits by submarines to Australia have supported steady progress.")
    assert label.kind is Kind.OTHER


@pytest.mark.parametrize(
    ("text", "kind", "stance"),
    [
        # what the speakers see in another country is no commitment of theirs
        ("To date, we have not seen evidence that Russia is committed to sustainable peace efforts.", Kind.OTHER, ""),
        ("We believe that China is determined to expand its arsenal.", Kind.POSITION, "believe"),
        ("We note that Russia has committed to withdraw its forces.", Kind.POSITION, "note"),
        ("The Leaders resolved that the Taliban must abide by UNSC Resolution 2593.", Kind.POSITION, "resolved that"),
        # what a country "must" do is the speakers' demand, even declared, and even in a clause
        # that opens on its verb
        ("We reaffirm that Russia must withdraw its forces.", Kind.POSITION, "reaffirm"),
        ("and reiterate that Iran must cease its unabated escalation of its nuclear program.", Kind.POSITION, "reiterate"),
    ],
)
def test_a_stance_the_speakers_report_of_a_named_country_is_not_theirs(text: str, kind: Kind, stance: str) -> None:
    label = label_of(text)
    assert (label.kind, label.stance) == (kind, stance)
    assert not {"Russia", "China", "Taliban"} & set(label.actors)


@pytest.mark.parametrize(
    "text",
    [
        "Iran must cease its destabilizing actions.",
        "Russia must end its illegal war of aggression and pay for the damage it has caused.",
        "In exercising its right to defend itself, Israel must fully comply with international law.",
        "Russia’s obligations under international law are clear: Russia must both end its war and pay.",
    ],
)
def test_what_a_named_country_must_do_is_no_pledge_of_anyone(text: str) -> None:
    # a demand of the speakers', read like "All parties must ...": no stance, its modal still seen
    label = label_of(text)
    assert label.kind is Kind.OTHER
    assert modals(label) == ["must"]


def test_what_the_speakers_own_countries_must_do_stays_their_commitment() -> None:
    text = "The Leaders decided that the United States and India must continue their partnership."
    assert label_of(text).kind is Kind.COMMITMENT
    assert label_of("We must do more to protect civilians.").kind is Kind.COMMITMENT
    assert label_of("G7 countries must lead by example.").kind is Kind.COMMITMENT


@pytest.mark.parametrize(
    "text",
    [
        "President Whitfield affirmed that the United States will provide extended deterrence to Japan.",
        "The United States and India affirmed that India will host the next summit.",
        "We emphasize that G7 countries intend to be leading contributors to the goal.",
        "The two Presidents affirmed that the two countries will cooperate closely.",
        "and affirmed that the United States will provide extended deterrence.",
    ],
)
def test_a_commitment_the_speakers_declare_or_name_themselves_stays_a_commitment(text: str) -> None:
    assert label_of(text).kind is Kind.COMMITMENT


# ----------------------------------------------------------------- governing verb choice
def test_a_coordinated_concern_governs_a_mixed_clause() -> None:
    label = label_of("We remain seriously concerned about the situation and call on China to engage.")
    assert label.kind is Kind.CONCERN
    label = label_of("We welcome the progress and strongly condemn the attacks.")
    assert (label.kind, label.intensity) == (Kind.CONCERN, 7)


def test_the_first_main_verb_governs_otherwise() -> None:
    assert label_of("We thank Bangladesh for its term and commit to working with India.").kind is Kind.WELCOME


def test_a_verb_in_a_relative_clause_never_governs() -> None:
    label = label_of("The leaders urged the Taliban to abide by resolution 2593, which demands that ...")
    assert label.stance == "urged"


def test_a_concern_inside_a_participles_complement_does_not_govern() -> None:
    # "expressing our concerns" is what the importance is of, not a participle chained to it
    label = label_of("recognizing the importance of engaging candidly with and expressing our concerns directly to China.")
    assert (label.kind, label.stance) == (Kind.POSITION, "recognizing")


def test_a_participle_tail_does_not_govern() -> None:
    label = label_of("We stand prepared to build stable relations with China, recognizing the "
                     "importance of engaging candidly with and expressing our concerns directly to China.")
    assert label.kind is Kind.COMMITMENT


def test_a_restating_verb_takes_the_kind_of_its_noun() -> None:
    assert label_of("We reaffirm our commitment to the alliance.").kind is Kind.COMMITMENT
    assert label_of("We reiterate our strong opposition to the claims.").kind is Kind.CONCERN
    assert label_of("We reiterate our support for ASEAN centrality.").kind is Kind.WELCOME
    assert label_of("We reiterate our call for denuclearization.").kind is Kind.CALL
    assert label_of("We reaffirm that the Treaty is essential.").kind is Kind.POSITION


# ------------------------------------------------------------------------------ news text
def test_a_quoted_stance_is_read_from_the_quotation() -> None:
    label = label_of("They also \u201cstrongly condemned deepening Russia-North Korea cooperation, "
                     "exemplified by Russia\u2019s procurement of ballistic missiles.\u201d")
    assert label.quoted and label.kind is Kind.CONCERN and label.intensity == 7
    assert {"Russia", "North Korea"} <= set(label.targets)
    assert "ballistic missiles" in label.topics


def test_narration_carries_the_stance_when_the_quotation_has_none() -> None:
    label = label_of("In addition, they expressed concern about China\u2019s \u201congoing and rapid "
                     "expansion of its nuclear weapons arsenal.\u201d")
    assert label.quoted and label.kind is Kind.CONCERN and label.stance == "expressed concern"
    assert "China" in label.targets and "nuclear weapons" in label.topics


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ("Japan \u201creiterated its objections to the claims,\u201d a joint statement said.",
         "a joint statement said"),
        ("\u201cThe situation is grave,\u201d the communique added", "the communique added"),
        ("The statement also \u201chighlighted with concern the drills.\u201d", "The statement also"),
    ],
)
def test_the_attribution_is_found(text: str, attribution: str) -> None:
    label = label_of(text)
    assert label.quoted and label.attribution == attribution


def test_a_quoted_title_in_a_statement_is_not_a_quotation() -> None:
    label = label_of("We support Indonesia\u2019s Chairmanship and its theme \u201cASEAN Matters: Epicentrum of Growth\u201d.")
    assert not label.quoted and label.kind is Kind.WELCOME


# ------------------------------------------------------------------------------ lexicon files
def test_a_user_lexicon_extends_replaces_and_disables_entries(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text(
        """
[[stance]]
id = "castigate"
kind = "concern"
rung = 6
patterns = ['castigat(?:e|es|ed|ing)']

[[stance]]
id = "deplore"
kind = "concern"
rung = 6
patterns = ['deplor(?:e|es|ed|ing)']

[[stance]]
id = "encourage"
enabled = false

[[topic]]
name = "fisheries"
patterns = ['fisheries', 'fishing']
""",
        encoding="utf-8",
    )
    lexicon = load_lexicon([user])
    assert label_of("We castigate the decision.", lexicon=lexicon).kind is Kind.CONCERN
    assert label_of("We deplore the decision.", lexicon=lexicon).intensity == 6
    assert label_of("We deplore the decision.").intensity == 5
    assert label_of("Encourages all States to act;", lexicon=lexicon).kind is Kind.OTHER
    assert "fisheries" in label_of("We will protect fisheries.", lexicon=lexicon).topics


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[stance]]\nid = 'x'\nkind = 'anger'\nrung = 1\npatterns = ['x']\n", "kind 'anger'"),
        ("[[stance]]\nid = 'x'\nkind = 'concern'\nrung = 'high'\npatterns = ['x']\n", "rung"),
        ("[[stance]]\nid = 'x'\nkind = 'concern'\nrung = 1\npatterns = ['(unclosed']\n", "does not compile"),
        ("[[stance]]\nkind = 'concern'\nrung = 1\npatterns = ['x']\n", "has no id"),
        ("[[stance]]\nid = 'x'\nkind = 'concern'\nrung = 1\npatterns = []\n", "patterns"),
        ("[[stance]]\nid = 'x'\nkind = 'concern'\nrung = 1\nverbs = ['x']\npatterns = ['x']\n", "unknown key"),
        ("[[verbs]]\nid = 'x'\n", "unknown table [verbs]"),
        ("[[modifier]]\nid = 'x'\nscope = 'inside'\npatterns = ['x']\n", "scope"),
        ("this is = not toml =", "not valid TOML"),
    ],
)
def test_a_bad_lexicon_file_is_a_usage_error_naming_file_and_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_lexicon([bad])
    assert "bad.toml" in str(caught.value) and problem in str(caught.value)


def test_a_missing_lexicon_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read lexicon .*nope.toml.*no such file"):
        load_lexicon([tmp_path / "nope.toml"])


def test_the_lexicon_is_loaded_and_compiled_once() -> None:
    assert load_lexicon() is load_lexicon() is load_lexicon(())


# ------------------------------------------------------------------------------ speed
def test_six_hundred_clauses_classify_well_under_a_second() -> None:
    texts = [
        "We strongly condemn North Korea's ballistic missile launches in violation of UNSC resolutions.",
        "We will, where appropriate, coordinate our assistance to Pacific island countries.",
        "Recalling its resolution 78/66 of 4 December 2023,",
        "The Committee will continue to monitor economic and financial developments carefully.",
        "Economic growth slowed in the third quarter as household spending weakened.",
        "We welcome the launch of the Quad Investors Network, which aims to facilitate investments.",
    ] * 100
    clauses = [Clause("old", i, 1, i + 1, 0, len(t), t + " " * (i % 7)) for i, t in enumerate(texts)]
    lexicon = load_lexicon()
    classify(clauses[0], lexicon=lexicon)
    start = time.perf_counter()
    for clause in clauses:
        classify(clause, lexicon=lexicon)
    assert time.perf_counter() - start < 0.5


# ------------------------------------------------------------------------------ the seed
def _seed_path() -> Path | None:
    for folder in (ROOT / "seeds", ROOT.parent / "shared" / "seeds"):
        found = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if found:
            return found[0]
    return None


def test_the_seed_article_yields_the_concerns_of_the_2_plus_2_statement() -> None:
    from compare.pipeline import label_document
    from compare.read import read

    path = _seed_path()
    if path is None:
        pytest.skip("no seed article in seeds/ or ../shared/seeds/")
    labels = [clause.label for clause in label_document(read(str(path)))]
    concerns = [label for label in labels if label is not None and label.kind is Kind.CONCERN]

    def find(targets: set[str], topics: set[str], **fields: object) -> Label:
        found = [
            label
            for label in concerns
            if targets <= set(label.targets)
            and topics <= set(label.topics)
            and all(getattr(label, name) == value for name, value in fields.items())
        ]
        assert found, f"no concern about {targets} / {topics} with {fields}"
        return found[0]

    maritime = find({"China"}, {"South China Sea"}, attribution="a joint statement said", quoted=True)
    assert maritime.stance_quoted and "unlawful maritime claims" in maritime.quotes[0]
    find({"China"}, {"East China Sea"}, stance="accused", stance_quoted=False)  # the reporter's word
    find({"China"}, {"nuclear weapons"}, stance_quoted=False)
    find({"Russia", "China"}, {"military cooperation"}, attribution="The statement also", stance_quoted=True)
    find({"Russia", "North Korea"}, {"ballistic missiles"}, intensity=7, stance_quoted=True)
    narration = find({"China"}, {"South China Sea"}, stance="hit out Sunday at")
    assert narration.quoted and not narration.stance_quoted and narration.quotes == ("destabilizing actions",)


def _labels_of(text: str) -> list[tuple[str, str]]:
    from compare.pipeline import label_document
    from compare.read import parse

    return [(c.text[:30], c.label.kind.value) for c in label_document(parse(text)) if c.label]


def test_a_un_operative_verb_governs_its_paragraph_over_a_later_body_that_acts() -> None:
    text = (
        "The General Assembly,\n\n1. Condemns in the strongest terms the violations documented by "
        "the commission of inquiry established by the Human Rights Council in its resolution 22/13;\n"
    )
    assert _labels_of(text)[-1][1] == "concern"


def test_an_opening_participle_does_not_govern_a_main_clause_with_its_own_speaker() -> None:
    text = "Acknowledging the key role of emerging technologies, we commit to enhancing cooperation on them.\n"
    assert _labels_of(text)[0][1] == "commitment"


def test_nested_sub_paragraphs_take_the_stance_of_their_whole_lead_in() -> None:
    text = (
        "The General Assembly,\n\n2. Expresses its very serious concern about:\n\n"
        "(a) The persistence of reports of violations, including:\n\n"
        "(i) Torture and other cruel treatment in places of detention;\n\n"
        "(b) To immediately cease the use of torture;\n"
    )
    kinds = [kind for _, kind in _labels_of(text)]
    assert kinds[-2:] == ["concern", "concern"]


def test_an_infinitive_sub_paragraph_carries_on_its_lead_in_call() -> None:
    text = (
        "The General Assembly,\n\n3. Strongly urges the Government:\n\n"
        "(a) To ensure full and unhindered access to persons in need, as pledged by the Government;\n\n"
        "(b) To immediately cease the use of torture;\n"
    )
    kinds = [kind for _, kind in _labels_of(text)]
    assert kinds[-2:] == ["call", "concern"]


def test_a_long_addressed_call_to_stop_in_a_sub_paragraph_is_a_concern() -> None:
    text = (
        "The General Assembly,\n\n18. Strongly urges the Government of the Democratic People’s Republic of Korea "
        "to respect all human rights and, in this regard:\n\n"
        "(a) To immediately put an end to the grave violations;\n\n"
        "(b) To release all political prisoners;\n\n"
        "(c) To immediately cease the use of torture;\n"
    )
    from compare.pipeline import label_document
    from compare.read import parse

    labels = [clause.label for clause in label_document(parse(text))]
    assert [label.kind.value for label in labels[-3:]] == ["concern", "call", "concern"]
    assert labels[-1].stance == "Strongly urges … To immediately cease"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We urge North Korea to abide by all its obligations under the UNSCRs, refrain from further provocations.", Kind.CONCERN),
        ("We call on Iran to refrain from providing support for Hamas.", Kind.CONCERN),
        ("We demand that Venezuela refrain from further destabilizing initiatives.", Kind.CONCERN),
        ("Reiterates its call upon all States to refrain from promulgating such laws;", Kind.CALL),
        ("Urges all Member States to refrain from any action that may hamper its entry into force;", Kind.CALL),
        ("We call on all parties to refrain from actions that could escalate tensions.", Kind.CALL),
        (
            "Demands that Israel comply with its legal obligations, as mentioned in the advisory opinion rendered "
            "on 9 July 2004, and to put an end to its unlawful acts;",
            Kind.CONCERN,
        ),
        ("We call on Russia to act in accordance with its obligations, and to withdraw its forces.", Kind.CONCERN),
        ("Urges all States not to carry out explosions and to refrain from acts that would defeat the object;", Kind.CALL),
    ],
)
def test_refrain_asked_of_a_named_party_is_a_concern_and_of_everyone_a_call(text: str, kind: Kind) -> None:
    assert label_of(text).kind is kind


@pytest.mark.parametrize(
    ("text", "kind", "stance"),
    [
        ("We are united in condemning the attack.", Kind.CONCERN, "condemning"),
        ("We stand together in calling for the release of all hostages.", Kind.CALL, "calling for"),
        ("We stand together in calling for Russia to end its brutal war.", Kind.CONCERN, "calling for Russia to end"),
        ("We are united in supporting the comprehensive deal.", Kind.WELCOME, "supporting"),
        ("We join partners in calling on Iran to release the detainees.", Kind.CALL, "calling on"),
        ("Progress in supporting refugees remains slow.", Kind.OTHER, ""),
    ],
)
def test_what_the_speakers_stand_united_in_doing_is_their_stance(text: str, kind: Kind, stance: str) -> None:
    label = label_of(text)
    assert (label.kind, label.stance) == (kind, stance)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We call for an immediate cessation of hostilities and unimpeded humanitarian access.", Kind.CONCERN),
        ("We continue to call for the immediate end to violence in Myanmar.", Kind.CONCERN),
        ("Reiterates its demand for the immediate and complete cessation of all settlement activities;", Kind.CONCERN),
        ("We also call for the withdrawal of foreign forces.", Kind.CONCERN),
        ("We call for the full implementation of the agreement.", Kind.CALL),
        ("Calls for compliance with the demands for a complete and immediate cessation of all activities;", Kind.CALL),
    ],
)
def test_a_stop_asked_for_as_a_noun_is_a_concern(text: str, kind: Kind) -> None:
    assert label_of(text).kind is kind


@pytest.mark.parametrize(
    ("text", "kind", "stance"),
    [
        ("We, the Quad Leaders, remain dedicated to working with Indo-Pacific partners.", "commitment", "remain dedicated to"),
        ("We and our governments will continue to listen to Pacific priorities.", "commitment", "will"),
    ],
)
def test_compound_and_appositive_subjects_still_speak(text: str, kind: str, stance: str) -> None:
    label = classify(Clause("old", 0, 1, 1, 0, len(text), text)).label
    assert label is not None and (label.kind.value, label.stance) == (kind, stance)
    assert "We" in label.actors


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("We oppose militarization in the South China Sea.", ()),
        ("Peace and stability across the Taiwan Strait is indispensable.", ()),
        ("We oppose the PRC's coercive activities in the South China Sea.", ("China",)),
    ],
)
def test_a_country_named_only_in_a_place_name_is_no_target(text: str, targets: tuple[str, ...]) -> None:
    assert label_of(text).targets == targets


def test_a_subject_set_off_by_a_phrase_of_its_own_still_speaks() -> None:
    label = label_of("India, through its $10 million commitment to the WHO, will offer support.")
    assert label.actors == ("India",)
    assert "India" not in label.targets


def test_the_indian_ocean_is_a_place_not_india() -> None:
    assert "India" not in label_of("We will deepen cooperation in the Indian Ocean region.").targets


def test_every_shipped_lexicon_pattern_compiles() -> None:
    # The shipped lexicon's scanners compile a branch when it is first tried, so that a short
    # document does not pay for every word of the lexicon: none may fail there.
    load_lexicon().compiled.compile_all()


def test_a_user_pattern_that_parses_but_cannot_compile_is_a_usage_error_on_loading(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text(
        "[[stance]]\nid = 'x'\nkind = 'concern'\nrung = 1\npatterns = ['(?<=a+)castigate']\n", encoding="utf-8"
    )
    with pytest.raises(UsageError, match="look-behind requires fixed-width pattern"):
        load_lexicon([user])


def test_a_scanner_compiles_a_branch_only_when_a_word_it_is_filed_under_is_read() -> None:
    from compare.classify.scanner import Scanner, compiled_branch, words

    scanner = Scanner([("g0", r"zyxwvut(?:s|ed)"), ("g1", r"qponml(?:s|ed)")], re.IGNORECASE)
    compiled_branch.cache_clear()
    plain = "We zyxwvuted it."
    assert scanner.scan(plain, words(plain)) == [(3, 12, "g0")]
    assert compiled_branch.cache_info().currsize == 1


def test_a_pattern_that_refers_back_to_its_own_group_is_never_merged_into_an_alternation() -> None:
    # a user's "(\w+) and \1" inside an alternation would refer to another branch's group
    from compare.classify.scanner import Alternation, Scanner, words

    branches = [(f"g{index}", rf"the\s+x{index}") for index in range(6)] + [("echo", r"the\s+(\w+)\s+and\s+\1")]
    branches += [(f"h{index}", rf"the\s+y{index}") for index in range(6)]
    scanner = Scanner(branches, re.IGNORECASE)
    plan = scanner.plan("the")
    assert [type(branch).__name__ for branch, _ in plan] == ["Alternation", "Pattern", "Alternation"]
    assert all(isinstance(branch, Alternation) or group == "echo" for branch, group in plan)
    plain = "We saw the cats and cats, the x3 and the y5."
    assert scanner.scan(plain, words(plain)) == [(7, 24, "echo"), (26, 32, "g3"), (37, 43, "h5")]


# ----------------------------------------------------------------- whose act it is
def test_a_stance_word_after_a_possessive_is_a_noun() -> None:
    # "Modi's plan to" named no plan of the speakers': the verb that governs is "lauded"
    label = label_of("President Biden lauded Prime Minister Modi’s plan to eliminate tuberculosis by 2025.")
    assert (label.kind, label.stance, label.actors) == (Kind.WELCOME, "lauded", ("President Biden",))
    assert label_of("We endorse African countries’ call for greater voice.").kind is Kind.WELCOME


def test_a_state_of_someone_named_before_it_is_not_the_speakers() -> None:
    text = "Inflation remains elevated and central banks remain strongly committed to price stability."
    assert label_of(text).kind is Kind.OTHER
    assert label_of("Many countries are determined to reach the goal.").kind is Kind.OTHER
    # the speakers' own, named or carried on, still commit
    assert label_of("and are committed to the goal.").kind is Kind.COMMITMENT
    assert label_of("The two nations are committed to building regional partnerships.").actors == ("Both sides",)
    assert label_of("Our governments remain committed to peace.").kind is Kind.COMMITMENT


def test_names_in_a_thing_the_speakers_judge_are_not_speakers() -> None:
    text = "The violations committed by multiple parties, including Russian proxies in the region are unacceptable."
    label = label_of(text)
    assert (label.kind, label.actors) == (Kind.CONCERN, ())
    assert "Russia" in label.targets


def test_the_noun_demand_is_no_call() -> None:
    assert label_of("We aim at addressing the supply and demand imbalance in the industry.").kind is not Kind.CALL
    assert label_of("We demand that the hostages be released.").kind is Kind.CALL


@pytest.mark.parametrize(
    "text", ["Household demand has been sustained,", "Furthermore, global demand appears to be slowing significantly."]
)
def test_demand_with_no_speaker_before_it_is_the_noun(text: str) -> None:
    assert label_of(text).kind is Kind.OTHER


def test_demand_is_still_a_call_of_its_speaker_or_opening_the_clause() -> None:
    assert label_of("Demands that the occupying Power comply with its obligations;").kind is Kind.CALL
    assert label_of("and demand the immediate release of all hostages.").kind is Kind.CALL


def test_not_just_is_no_negation() -> None:
    label = label_of("Its military is still posing a threat not just to Ukraine but also to international security.")
    assert (label.kind, label.negated) == (Kind.CONCERN, False)
    assert not label_of("We will not only deepen our cooperation in these areas.").negated
    assert label_of("We do not support the plan.").negated


def test_a_threat_denied_is_no_concern() -> None:
    label = label_of("It is the Committee's view that these developments do not pose a more persistent threat.")
    assert label.kind is Kind.OTHER
    assert label_of("These launches pose a grave threat to peace.").kind is Kind.CONCERN


def test_the_modal_of_a_concessive_clause_is_not_the_clause_s_own() -> None:
    # "should" -> "may" was read between these FOMC sentences (2001), which both say "should"
    text = (
        "Although the reallocation of resources to enhance security may restrain advances in productivity for a "
        "time, the long-term prospects remain favorable and should become evident once the forces abate."
    )
    assert modals(label_of(text)) == ["should"]


@pytest.mark.parametrize(
    "text",
    [
        "The Quad Fellowship will bring 100 students to the United States each year.",
        "This Group will bolster our coordination in addressing issues of the semiconductor industry.",
        "The working group will be hosting a public stakeholder outreach event in mid-December.",
    ],
)
def test_what_an_initiative_of_the_speakers_will_do_is_their_commitment(text: str) -> None:
    label = label_of(text)
    assert label.kind is Kind.COMMITMENT
    assert "Initiative" in label.actors


@pytest.mark.parametrize(
    "text",
    [
        "These actions will help stem the extinction crisis.",
        "This initiative will be based on the principles of open trade.",
        "Our experts assess that the Cancer Moonshot will save hundreds of thousands of lives.",
        "These developments will make it harder to live and work in Hong Kong.",
    ],
)
def test_what_an_initiative_will_achieve_or_be_is_no_commitment(text: str) -> None:
    assert label_of(text).kind is Kind.OTHER


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Guided by our shared commitment to human rights, the United States and the ROK are constructing an Alliance.",
         "are constructing"),
        ("As leaders of Australia, the United Kingdom, and the United States, guided by our enduring ideals, we resolve "
         "to deepen cooperation in the region.", "resolve to"),
    ],
)
def test_an_opening_past_participle_does_not_govern_the_main_clause(text: str, stance: str) -> None:
    label = label_of(text)
    assert (label.kind, label.stance) == (Kind.COMMITMENT, stance)


def test_a_concern_or_a_lone_participle_still_governs() -> None:
    assert label_of("Alarmed by the effects of climate change, we will scale up action.").kind is Kind.CONCERN
    assert label_of("Guided by the Charter of the United Nations,").kind is Kind.POSITION


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Regarding Yemen, we call on all parties to secure a durable ceasefire.", "Yemen"),
        ("Under the Italian Presidency, we will continue our support to Ukraine.", "Italy"),
        ("We stand united in our principled approach towards Russia and we are ready to respond.", "Russia"),
    ],
)
def test_a_name_in_a_fronted_phrase_or_after_a_preposition_is_a_target_not_a_speaker(text: str, target: str) -> None:
    label = label_of(text)
    assert label.actors == ("We",)
    assert target in label.targets


def test_a_person_met_with_is_no_speaker() -> None:
    text = "We the Leaders of the G7 met today with Ukrainian President Volodymyr Zelenskyy to reaffirm our support."
    assert "President Volodymyr Zelenskyy" not in label_of(text).actors
    text = "we, the Leaders of the G7, met with Ukraine’s President Volodymyr Zelenskyy to reaffirm our support."
    assert "President Volodymyr Zelenskyy" not in label_of(text).actors


def _kinds_in(title: str | None, text: str) -> list[Kind]:
    document = Document("d", text, title=title)
    return [clause.label.kind for clause in classify_all(document, segment(document))]


def _markdown_kinds(text: str) -> list[Kind]:
    from compare.pipeline import label_document
    from compare.read import parse

    return [clause.label.kind for clause in label_document(parse(text, source_format="markdown"))]


def test_the_first_clause_of_a_list_item_completes_the_sentence_before_the_list() -> None:
    text = (
        "We are determined to work together and with others to:\n\n"
        "- foster a strong and resilient global economic recovery;\n"
        "- promote the evolution of the Multilateral Development Banks. The banks met in April.\n\n"
        "We are:\n\n"
        "- engaging with African countries, in a spirit of partnership.\n"
        "- taking the following new measures:\n\n"
        "  (i) tighter export controls;\n\n"
        "- united in supporting the comprehensive deal.\n\n"
        "Reference documents:\n\n"
        "- G7 Clean Energy Economy Action Plan\n"
    )
    kinds = [kind.value for kind in _markdown_kinds(text)]
    assert kinds == [
        "commitment", "commitment", "commitment", "other",  # the item's second sentence is its own
        "other", "commitment", "commitment", "commitment", "welcome",  # not what a sibling item opened
        "other", "other",
    ]


def test_a_call_to_bring_an_end_to_conduct_is_an_objection() -> None:
    text = (
        "Urges the Russian Federation:\n\n"
        "(a) To take all measures necessary to bring an immediate end to all violations of human rights law;\n"
    )
    kinds = _markdown_kinds(text)
    assert kinds == [Kind.CALL, Kind.CONCERN]


def test_a_numbered_list_completes_its_lead_in_but_a_numbered_body_does_not() -> None:
    def kinds(text: str) -> list[str]:
        return [kind.value for kind in _markdown_kinds(text)]

    numbered_list = (
        "In pursuit of these objectives, we intend to:\n\n"
        "1.  Share information on trade measures.\n"
        "2.  Exchange information on labor provisions.\n\n"
        "The markets were calm.\n"
    )
    assert kinds(numbered_list) == ["commitment", "commitment", "commitment", "other"]
    # after a bulleted list, numbered paragraphs are the body, not more items of the lead-in
    bulleted_then_numbered = (
        "We are determined to:\n\n"
        "- foster a strong recovery;\n\n"
        "1.  Share information on trade measures.\n"
    )
    assert kinds(bulleted_then_numbered) == ["commitment", "commitment", "other"]


def test_what_a_country_outside_the_statement_does_is_reported_not_pledged() -> None:
    text = (
        "As we reiterated in February, Ukraine is defending its freedom and territorial integrity. "
        "Japan will host the next summit. We will extend our full support to the Presidency of Ukraine."
    )
    assert _kinds_in("G7 Leaders' Statement", text) == [Kind.OTHER, Kind.COMMITMENT, Kind.COMMITMENT]
    # no parties named in the title: nothing is decided on them
    assert _kinds_in(None, text)[0] is Kind.COMMITMENT


def test_the_parties_are_the_title_s_and_those_who_speak_with_them() -> None:
    from compare.classify.parties import makers

    lexicon = load_lexicon()
    parties = makers("U.S-EU Joint Statement", [label_of("The United States and the European Union will meet.")], lexicon)
    assert {"United States", "European Union"} <= parties
    parties = makers("Joint Statement from the Leaders of Australia, India, Japan, and the United States", [], lexicon)
    assert "Quad" in parties


def test_a_country_a_verb_acts_on_is_no_speaker() -> None:
    label = label_of("Our approaches are not designed to harm China nor do we seek to thwart its development.")
    assert (label.actors, "China" in label.targets) == (("We",), True)
    # a subject after "that", or "we" after a fronted phrase with no comma, still speaks
    assert "G7" in label_of("We emphasize that G7 countries intend to be leading contributors.").actors
    assert label_of("To this end we welcome the Global Hub for Pandemic Intelligence.").actors == ("We",)


def test_it_after_that_is_someone_reported_on() -> None:
    assert label_of("Several economies have indicated that it will do so no later than 2025;").kind is Kind.OTHER
    assert label_of("and it will continue to monitor inflation developments carefully.").kind is Kind.COMMITMENT
