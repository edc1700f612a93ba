"""shift(): direction, evidence and reason of the stance change of aligned pairs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.classify import classify
from compare.model import CLAIM, SURE, Clause, Evidence, Kind, Label, Pair, Shift, Status
from compare.shift import compare_labels, shift


def clause(text: str, doc_id: str = "old", index: int = 0) -> Clause:
    return classify(Clause(doc_id, index, 1, index + 1, 0, len(text), text))


def pair(old: str, new: str, status: Status = Status.REWORDED) -> Pair:
    return Pair(status, (clause(old),), (clause(new, "new"),))


@pytest.mark.parametrize(
    ("old", "new", "direction", "reason"),
    [
        # the speech act on its ladder, and across kinds where a scale holds both
        ("We expressed concern about the launches.", "We condemned the launches.",
         Shift.STRONGER, "act: expressed concern -> condemned ▲"),
        ("We condemned the launches.", "We expressed concern about the launches.",
         Shift.WEAKER, "act: condemned -> expressed concern ▼"),
        ("We will not recognise the illegal annexation.", "We will never recognise the illegal annexation.",
         Shift.STRONGER, "intensifier added: never ▲"),
        ("They affirmed that the alliance has never been stronger.", "They affirmed that the alliance is stronger than ever.",
         Shift.SAME, "same stance"),
        ("Observers from industry are allowed to attend the sessions.", "Observers from industry may attend the sessions.",
         Shift.SAME, "same stance"),
        ("We task it to prepare a joint paper.", "We task it to prepare a joint paper, if time allows.",
         Shift.WEAKER, "qualifier added: if time allows ▼"),
        ("We will not impose new restrictions.", "We will endeavour not to impose new restrictions.",
         Shift.WEAKER, "hedge added: endeavour not to ▼"),
        ("We seek to deepen our partnership with ASEAN.", "We intend to deepen our partnership with ASEAN.",
         Shift.STRONGER, "act: seek to -> intend to ▲"),
        ("We intend to open new consulates.", "We will open new consulates.",
         Shift.STRONGER, "act: intend to -> will ▲"),
        ("Noting the report of the Secretary-General,", "Taking note of the report of the Secretary-General,",
         Shift.WEAKER, "act: Noting -> Taking note ▼"),
        # a note against a reporting verb: no ladder orders them
        ("Notes the ongoing contact with the Special Rapporteur;", "Acknowledges the cooperation with the Special Rapporteur;",
         Shift.SAME, "act: Notes -> Acknowledges"),
        # the same words read as another kind by what follows them
        ("They look forward to the next meeting in the autumn.", "They look forward to convening the meeting this summer.",
         Shift.SAME, "act: look forward to (welcome) -> look forward to (commitment)"),
        # a speech act of another kind, on no scale with the first: what qualified it directs nothing
        ("We call for an immediate ceasefire.", "We welcome the ceasefire.",
         Shift.SAME, "kind changed: call for (call) -> welcome (welcome); intensifier dropped: an immediate"),
        # a limit that arrives with the stronger verb makes the change mixed
        ("The two sides will seek to upgrade their frameworks to enable coordination.",
         "The two sides will upgrade their frameworks, subject to available resources, to enable coordination.",
         Shift.MIXED, ""),
        ("The leaders support the efforts of island countries.", "The leaders will help island countries, where requested.",
         Shift.MIXED, ""),
        # a goal met, a reported future and a negation moved into the proposition are no change
        ("They may consider negotiating an agreement on nuclear cooperation.",
         "They welcomed the entry into force of the agreement on nuclear cooperation.", Shift.SAME, ""),
        ("We intend to launch a G7 initiative to counter foreign information manipulation.",
         "We launched the G7 Rapid Response Initiative to counter foreign information manipulation.", Shift.SAME, ""),
        ("Ministers agreed to establish a Critical Minerals Working Group to map supply chain risks.",
         "Ministers welcomed the first report of the Critical Minerals Working Group.", Shift.SAME, ""),
        # a report that is not a first one is no goal met: the pledge became a welcome
        ("We commit to working with the Secretary-General on reform of the Council.",
         "We welcome the report of the Secretary-General on reform of the Council.",
         Shift.WEAKER, "act: commit to (commitment) -> welcome (welcome) ▼"),
        ("They set the goal of doubling bilateral trade by 2030.", "They committed to doubling bilateral trade by 2030.",
         Shift.STRONGER, "act: set the goal of -> committed to ▲"),
        ("We will provide support for demining.", "We will provide support for demining, subject to national procedures.",
         Shift.WEAKER, "qualifier added: subject to national procedures ▼"),
        ("We will host refugees from the region as long as our capacity allows.", "We will host refugees from the region.",
         Shift.STRONGER, "qualifier dropped: as long as our capacity allows ▲"),
        ("The Desk may, at its discretion, conduct additional operations.",
         "The Desk may conduct additional operations, as needed.", Shift.SAME, ""),
        ("The Ministers agreed that the Committee will meet in Manila in early 2026.",
         "The Ministers agreed that the Committee would meet in Manila later in 2026.", Shift.SAME, ""),
        ("The Ministers stated that they did not believe that any attempt to change the status quo could be justified.",
         "The Ministers stated that they believed that no attempt to change the status quo could be justified.",
         Shift.SAME, ""),
        # "for as long as necessary" is the firmness of "for as long as it takes", not a hedge
        ("We will support Ukraine for as long as it takes.", "We will support Ukraine for as long as necessary.",
         Shift.SAME, ""),
        ("Encourages Member States to ratify the Treaty;", "Calls upon Member States to ratify the Treaty;",
         Shift.STRONGER, "act: Encourages -> Calls upon ▲"),
        ("Requests the Secretary-General to report on the matter;",
         "Decides to establish a mechanism on the matter;", Shift.STRONGER,
         "act: Requests (call) -> Decides (decision) ▲"),
        ("Takes note of the report of the Secretary-General;", "Welcomes the report of the Secretary-General;",
         Shift.STRONGER, "act: Takes note (position) -> Welcomes (welcome) ▲"),
        ("Welcomes the efforts of the Government;", "Notes the efforts of the Government;",
         Shift.WEAKER, "act: Welcomes (welcome) -> Notes (position) ▼"),
        ("We will champion adherence to international law.",
         "We emphasise the importance of adherence to international law.",
         Shift.WEAKER, "act: will (commitment) -> emphasise (position) ▼"),
        ("The ministers met in Tokyo.", "The ministers condemned the launch in Tokyo.",
         Shift.STRONGER, "act added: condemned (concern) ▲"),
        ("We express concern about the drills.", "We call on China to engage in dialogue.",
         Shift.SAME, "kind changed: express concern (concern) -> call on (call)"),
        # acts no ladder orders
        ("We affirm the importance of the partnership.", "We emphasized the importance of the partnership.",
         Shift.SAME, "act: affirm -> emphasized"),
        ("We announce a new initiative on health security.", "We underscore a new initiative on health security.",
         Shift.SAME, "kind changed: announce (commitment) -> underscore (position)"),
        # modality and likelihood
        ("We will establish a working group.", "We may establish a working group.",
         Shift.WEAKER, "modal: will -> may ▼"),
        ("We may expand cooperation on maritime security.", "We will expand cooperation on maritime security.",
         Shift.STRONGER, "modal: may -> will ▲"),
        ("All parties must refrain from the use of force.", "All parties should refrain from the use of force.",
         Shift.WEAKER, "modal: must -> should ▼"),
        ("The Committee will maintain the target range.", "The Committee will likely maintain the target range.",
         Shift.WEAKER, "hedge added: likely ▼"),
        # qualifiers, conditions and time limits
        ("We will coordinate our assistance.", "We will, where appropriate, coordinate our assistance.",
         Shift.WEAKER, "qualifier added: where appropriate ▼"),
        ("The Committee will act as needed.", "The Committee will act.",
         Shift.STRONGER, "qualifier dropped: as needed ▲"),
        ("The Committee anticipates that rates will remain low for some time.",
         "The Committee anticipates that rates will remain low.", Shift.STRONGER,
         "qualifier dropped: for some time ▲"),
        ("We will, where appropriate, share information.", "We will, as appropriate, share information.",
         Shift.SAME, "same stance"),
        # intensifiers and downtoners
        ("We will closely monitor developments in the region.", "We will monitor developments in the region.",
         Shift.WEAKER, "intensifier dropped: closely ▼"),
        ("We support the peace process.", "We strongly support the peace process.",
         Shift.STRONGER, "intensifier added: strongly ▲"),
        ("We express grave concern over the launches.", "We express our gravest concern over the launches.",
         Shift.STRONGER, "intensifier: grave -> gravest ▲"),
        ("In particular, we steadfastly oppose any attempt to change the status quo.",
         "We steadfastly oppose any attempt to change the status quo.", Shift.SAME, "same stance"),
        ("We wholeheartedly reaffirm our support for Ukraine.", "We reaffirm our unwavering support for Ukraine.",
         Shift.SAME, "same stance"),
        # a call to stop stands on the call ladder by its verb
        ("We encourage the authorities to end the use of force against protesters.",
         "We call upon the authorities to end the use of force against protesters.",
         Shift.STRONGER, "act: encourage (call) -> call upon the authorities to end (concern) ▲"),
        ("We demand that Venezuela cease its destabilizing initiatives.",
         "We call on Venezuela to cease its destabilizing initiatives.",
         Shift.WEAKER, "▼"),
        ("We call on Venezuela to support dialogue.", "We call on Venezuela to cease its initiatives.",
         Shift.SAME, "kind changed"),
        # the intensifiers of the clause's other stance words, not only of its act
        ("We will stand with our partners in condemning the aggression.",
         "We will stand with our partners in strongly condemning the aggression.",
         Shift.STRONGER, "intensifier added: strongly ▲"),
        ("Acknowledges the pardons, while expressing serious concern at their circumstances;",
         "Acknowledges the pardons, while expressing concern at their circumstances;",
         Shift.WEAKER, "intensifier dropped: serious ▼"),
        # an aside between the modal and its verb
        ("We will continue to support our economies for as long as is necessary.",
         "We will, where appropriate, continue to support our economies for as long as is necessary.",
         Shift.WEAKER, "qualifier added: where appropriate ▼"),
        # negation
        ("We support the plan.", "We do not support the plan.", Shift.WEAKER, "negation added: not ▼"),
        ("We will no longer fund the program.", "We will fund the program.", Shift.STRONGER,
         "negation dropped: not ▲"),
        ("We do not accept any unilateral attempt to change the status quo.",
         "We reject any unilateral attempt to change the status quo.", Shift.SAME, "act: do not accept -> reject"),
        ("We will phase out unabated coal power.", "We should phase out unabated coal power.", Shift.WEAKER,
         "modal: will -> should ▼"),
        # a negation that opens what a call asks or a decision decides is content, not the act's
        ("We call on China to act in accordance with its obligations, and not to conduct interference activities.",
         "We call on China not to conduct or condone interference activities, and to act in accordance with its obligations.",
         Shift.SAME, "same stance"),
        ("The Committee decided to change the target range.", "The Committee decided not to change the target range.",
         Shift.SAME, "same stance"),
        # markers that disagree
        ("We express concern about the launches.", "We condemn, where appropriate, the launches.",
         Shift.MIXED, "act: express concern -> condemn ▲; qualifier added: where appropriate ▼"),
        # a modal outside the act, against the other side's modal on the same words
        ("We joined forces to tackle the crisis, which must be addressed with urgency.",
         "We joined forces to tackle the crisis, which should be addressed with urgency.",
         Shift.WEAKER, "modal: must -> should ▼"),
        ("The Committee judges that some further firming may be needed.",
         "The Committee judges that some further firming will be needed.",
         Shift.STRONGER, "modal: may -> will ▲"),
        ("We agreed to a plan, which will be reviewed in May, and that aid may flow.",
         "We agreed to a plan, which would be reviewed in May, and that aid may flow.",
         Shift.WEAKER, "modal: will -> would ▼"),
        # ... or on the same verb, whatever words follow it (but never an auxiliary)
        ("Those that continue to do so will face severe costs.", "Those that continue to do so may face costs.",
         Shift.WEAKER, "modal: will -> may ▼"),
        ("Those that continue to do so will be sanctioned.", "Those that continue to do so may be isolated.",
         Shift.SAME, "same stance"),
        # a hedging modal on one side only, over a proposition the other side states plainly
        ("The Council judges that weak demand is likely to be the main drag on exports this year.",
         "The Council judges that weak demand remains the main drag on exports this year.",
         Shift.STRONGER, "modal dropped: is likely to ▲"),
        ("The Bank expects that additional tightening is needed to restore price stability.",
         "The Bank expects that additional tightening may be needed to restore price stability.",
         Shift.WEAKER, "modal added: may ▼"),
        # ... but not the same hedge on other words, nor "is likely to" for an assessment dropped
        ("The Committee anticipates a return to growth, although the recovery is likely to be more modest in the near term.",
         "The Committee anticipates a return to growth, although the recovery is likely to be modest in the near term.",
         Shift.SAME, "same stance"),
        ("With slack stable, the Committee expects that inflation will remain subdued for some time.",
         "With slack stable, inflation is likely to be subdued for some time.", Shift.SAME, "act dropped: expects (position)"),
        # "are both of significant concern" is the concern "are also of significant concern" was
        ("Although downside risks to growth remain, the upside risks to inflation are also of significant concern to the Committee.",
         "The downside risks to growth and the upside risks to inflation are both of significant concern to the Committee.",
         Shift.SAME, "same stance"),
        # ... but not a modal the lexicon leaves out, nor one in a relative clause
        ("We agree that tariffs might yet be lifted by the end of the year.",
         "We agree that tariffs can yet be lifted by the end of the year.", Shift.SAME, "same stance"),
        ("We will protect sensitive technologies that could be diverted to military programmes.",
         "We will protect sensitive technologies that are diverted to military programmes.",
         Shift.SAME, "same stance"),
        # a hedge between a modal and its verb, and next to the clause's other stance word
        ("Policy is supporting activity that will likely be augmented by rebuilding.",
         "Policy is supporting activity that will be augmented by rebuilding.",
         Shift.STRONGER, "hedge dropped: likely ▲"),
        ("The Committee decided to keep the rate at 1 percent and currently anticipates that rates will stay low.",
         "The Committee decided to keep the rate at 1 percent and anticipates that rates will stay low.",
         Shift.STRONGER, "qualifier dropped: currently ▲"),
        # urgency anywhere in the clause, and a hedged "appropriate" step
        ("The Committee will act as needed to foster maximum employment.",
         "The Committee will act as needed in a timely manner to foster maximum employment.",
         Shift.STRONGER, "intensifier added: in a timely manner ▲"),
        ("We call for the release of all detainees.", "We call for the release of all detainees as soon as possible.",
         Shift.STRONGER, "intensifier added: as soon as possible ▲"),
        ("We will continue to reduce Russia's revenues by taking appropriate steps.",
         "We will continue to reduce Russia's revenues by taking steps.",
         Shift.STRONGER, "qualifier dropped: appropriate ▲"),
        # the conduct called unlawful, even in words the new version added, and how plainly
        ("Strongly condemning the transfer of children to the occupied territories,",
         "Strongly condemning the transfer of children to the occupied territories, in clear violation of international humanitarian law,",
         Shift.STRONGER, "characterisation added: in clear violation of ▲"),
        ("We condemn the seizure of the plant, in clear violation of international law.",
         "We condemn the seizure of the plant, in violation of international law.",
         Shift.WEAKER, "characterisation: in clear violation of -> in violation of ▼"),
        ("We condemn the seizure of the plant, in violation of the Charter.",
         "We condemn the seizure of the plant, which violates the Charter.", Shift.SAME, "same stance"),
        ("Welcoming the reports, which found that violations of human rights continued to take place,",
         "Welcoming the reports, which found that a wide array of gross and systematic violations of human rights continued to take place,",
         Shift.STRONGER, "characterisation added: gross and systematic violations ▲"),
        ("Condemning the widespread violations of human rights,", "Condemning the violations of human rights,",
         Shift.WEAKER, "characterisation dropped: widespread violations ▼"),
        ("We condemn the widespread attacks on civilians.", "We condemn the attacks on civilians.", Shift.SAME, "same stance"),
        ("Gravely concerned that torture has reportedly been used by the authorities,",
         "Gravely concerned that torture has reportedly been widely and systematically used by the authorities,",
         Shift.STRONGER, "characterisation added: widely and systematically ▲"),
        ("We condemn the unlawful detention of civilians.", "We condemn the detention of civilians.", Shift.SAME, "same stance"),
        # an act carried forward among the other side's stance words is unchanged; the act
        # beside it is named only
        ("We met to reaffirm our unwavering support for Ukraine for as long as it takes.",
         "We met to reaffirm our unwavering support for Ukraine for as long as it takes and salute the bravery of its people.",
         Shift.SAME, "act added: salute (welcome)"),
        # an act that goes alone takes the words that qualify it along (no softer line of their own)
        ("In light of the invasion, we reiterated our unwavering commitment to an international system that respects the rule of law.",
         "We stand together to support an international order that respects the rule of law.",
         Shift.SAME, "act dropped: reiterated our unwavering commitment (commitment)"),
        # a reported future against "should" is the reporting verb's tense, not a softer line
        ("The Committee agreed that this increase should be allowed to show through completely into interest rates.",
         "The Committee agreed that this increase would be allowed to show through completely into interest rates.",
         Shift.SAME, "modal: should -> would"),
        # a position and a welcome in other words are the same endorsement; appreciation added
        # to the same verb is a warmer one
        ("We support the rule of law, freedom of navigation and overflight.",
         "We stand for the rule of law, freedom of navigation and overflight.",
         Shift.SAME, "kind changed: support (welcome) -> stand for (position)"),
        ("Recognizing the efforts of neighbouring States in hosting refugees,",
         "Recognizing with appreciation the efforts of neighbouring States in hosting refugees,",
         Shift.STRONGER, "▲"),
        # a pledge done, then noted, is news, not a softer line
        ("To fulfill this vision, the leaders launched two Joint Task Forces on advanced telecommunications.",
         "They further acknowledged the setting-up of two Joint Task Forces on advanced telecommunications.",
         Shift.SAME, "act: launched (commitment) -> acknowledged (position)"),
        # ... and the words that qualify the act beside it are its own, not a harder carried call
        ("We again call for an immediate cessation of violence in Myanmar.",
         "We remain deeply concerned by the worsening situation in Myanmar, and again call for an immediate cessation of violence.",
         Shift.SAME, "act added: concerned (concern)"),
        # a stance the speakers join others in (", in condemning"), compared like any other
        ("We will stand with the international community, in condemning Russia's aggression.",
         "We will stand with the international community, in expressing concern at Russia's aggression.",
         Shift.WEAKER, "act: condemning -> expressing concern ▼"),
        # an assessment has no rung to climb, and a policy decision is not a stance
        ("The Committee believes that the risks are balanced.",
         "The Committee recognizes that the risks are balanced.",
         Shift.SAME, "act: believes -> recognizes"),
        ("The Federal Open Market Committee made no change today in its target for the federal funds rate.",
         "The Federal Open Market Committee voted today to raise its target for the federal funds rate.",
         Shift.SAME, "same stance"),
        # a host greeting a guest is a welcome no scale orders; a leader's initiative welcomed is not
        ("President Biden and Prime Minister Modi affirmed a vision of our two countries as close partners.",
         "Prime Minister Modi welcomed United States President Joseph R. Biden, Jr., to India today,",
         Shift.SAME, "kind changed: affirmed a vision (position) -> welcomed (welcome)"),
        ("The leaders noted President Yoon's bold steps toward improving relations with Japan.",
         "The leaders welcomed President Yoon's bold steps toward improving relations with Japan.",
         Shift.STRONGER, "act: noted (position) -> welcomed (welcome) ▲"),
        # an action reported under way is on no ladder against a pledge, while carrying one on is
        ("We are determined to foster a strong and resilient recovery.", "We are fostering a strong and resilient recovery.",
         Shift.SAME, "act: are determined -> are fostering"),
        ("We will continue to strengthen our relationships with ASEAN.", "We intend to continue to strengthen our relationships with ASEAN.",
         Shift.WEAKER, "act: continue to strengthen -> intend to ▼"),
        # content is not stance
        ("We condemn Russia's attacks.", "We condemn Russia's and North Korea's attacks.",
         Shift.SAME, "target added: North Korea"),
        ("We condemn the attacks on Ukraine.", "We condemn the attacks.", Shift.SAME,
         "target dropped: Ukraine"),
        ("We reaffirm our commitment to the alliance.", "We reaffirm our commitment to the Alliance.",
         Shift.SAME, "same stance"),
    ],
)
def test_direction_and_reason(old: str, new: str, direction: Shift, reason: str) -> None:
    result = shift(pair(old, new))
    assert result.shift is direction, result.shift_reason
    assert reason in (result.shift_reason or ""), result.shift_reason


def _with_words(old: str, new: str) -> Pair:
    from compare.align.pairs import word_diff

    return replace(pair(old, new), words=word_diff(old, new))


def test_a_modal_that_governs_added_words_hedges_them_not_the_carried_proposition() -> None:
    old = "Readings on core inflation have improved modestly this year."
    added_risk = (
        "Readings on core inflation have improved modestly this year, but recent increases in energy "
        "and commodity prices, among other factors, may put renewed upward pressure on inflation."
    )
    assert shift(_with_words(old, added_risk)).shift is Shift.SAME
    # ... while one that governs the carried words is the proposition's ("may have improved")
    hedged = "Readings on core inflation may have improved modestly this year."
    assert shift(_with_words(old, hedged)).shift is Shift.WEAKER


_NEGOTIATIONS = "We call on the parties to engage constructively in negotiations."
_CYBER = "They will strengthen cyber defenses of critical infrastructure."


@pytest.mark.parametrize(
    ("old", "new", "direction"),
    [
        # a qualifier that opens added words straight after carried ones qualifies them
        (_NEGOTIATIONS, "We urge the parties to engage constructively in negotiations, where possible under existing "
         "frameworks, towards a lasting ceasefire.", Shift.MIXED),
        # ... while one inside added content qualifies that content, not the carried proposition
        (_NEGOTIATIONS, "We call on the parties to engage constructively in negotiations. We will fund mediation "
         "where possible under existing frameworks.", Shift.SAME),
        # ... and so does one that opens a sentence of its own after them
        (_NEGOTIATIONS, "We call on the parties to engage constructively in negotiations. Where possible, we will fund "
         "mediation under existing frameworks.", Shift.SAME),
        # one that closes the sentence after a comma qualifies the whole sentence
        (_CYBER, "They will strengthen cyber defenses of critical infrastructure, including power grids and "
         "telecommunications networks, as resources allow.", Shift.WEAKER),
        # ... unless the added words before it bring a stance word of their own
        (_CYBER, "They will strengthen cyber defenses of critical infrastructure, and will seek new joint "
         "exercises with partners, as resources allow.", Shift.SAME),
        # ... and one not set off by a comma qualifies the added words before it
        (_CYBER, "They will strengthen cyber defenses of critical infrastructure, including power grids and "
         "networks where possible.", Shift.SAME),
    ],
)
def test_a_qualifier_among_added_words_qualifies_the_words_it_is_set_by(old: str, new: str, direction: Shift) -> None:
    result = shift(_with_words(old, new))
    assert result.shift is direction, result.shift_reason
    if direction is not Shift.SAME:
        assert any(item.marker == "qualifier" and item.direction is Shift.WEAKER for item in result.shift_evidence)


@pytest.mark.parametrize(
    ("old", "new", "direction"),
    [
        ("We will work to diversify supply chains for critical minerals.", "We will diversify supply chains for critical minerals.", Shift.STRONGER),
        ("We will conclude the implementing arrangement.", "We will work towards concluding the implementing arrangement.", Shift.WEAKER),
        ("We will work to expand access to vaccines.", "We are committed to expanding access to vaccines.", Shift.STRONGER),
        # seeking relations wants them, as standing ready to build them does; "seek to" hedges
        ("We stand prepared to build constructive and stable relations with China.", "We seek constructive and stable relations with China.", Shift.SAME),
        ("We seek constructive relations with China.", "We will build constructive relations with China.", Shift.STRONGER),
        ("We will strengthen bilateral cooperation.", "We seek to strengthen bilateral cooperation.", Shift.WEAKER),
        # a tentative verb opening the action a call asks for hedges the call
        ("We invite the Arlen Sound Investment Bank to consider financing the interconnector.",
         "We invite the Arlen Sound Investment Bank to finance the interconnector.", Shift.STRONGER),
        ("Encourages Member States to consider providing technical assistance.",
         "Encourages Member States to provide technical assistance, upon its request.", Shift.MIXED),
        # an offer made on request, a plan subject to demand
        ("We stand ready to support mediation efforts.", "We stand ready to support mediation efforts if both parties so request.", Shift.WEAKER),
        ("We intend to build the pipeline by 2035.", "We intend to build the pipeline by 2035, subject to market demand.", Shift.WEAKER),
        # a carve-out, a proviso of fiscal space or schedules, national circumstances
        ("We oppose the use of export restrictions as a tool of coercion.",
         "We firmly oppose the use of export restrictions as a tool of coercion, except where they are justified on security grounds.", Shift.MIXED),
        ("Member states may introduce support measures for vulnerable consumers.",
         "Member states should introduce support measures for vulnerable consumers, where fiscal space allows.", Shift.MIXED),
        ("The leaders agreed to hold annual consultations between their ministers.",
         "The leaders agreed to hold consultations between their ministers at least twice a year, as their schedules permit.", Shift.WEAKER),
        ("They expressed their support for the energy transition.",
         "They expressed their support for the energy transition, taking into account their respective national circumstances.", Shift.WEAKER),
        # a forecast "projected to" is one "expected to" as before
        ("Global demand for critical minerals is expected to triple by 2040.", "Global demand for critical minerals is projected to triple by 2040.", Shift.SAME),
        # working towards an end after another act is a hedge on it, as "explore" is; the act
        # itself is never its own hedge
        ("They agreed to work towards the conclusion of an investment treaty.", "They agreed to conclude an investment treaty.", Shift.STRONGER),
        # a refusal "under no circumstances" is one "never" given
        ("They stated that they would under no circumstances recognize the annexation.", "They stated that they did not recognize the annexation.", Shift.WEAKER),
        # "will be prepared to" -> "is prepared to" is tense
        ("The Committee will be prepared to adjust the stance of monetary policy.", "The Committee is prepared to adjust the stance of monetary policy.", Shift.SAME),
        # all necessary measures, a call made for once conditions permit, a mandate within existing resources
        ("Calls upon the Government to take all necessary measures to protect journalists.", "Calls upon the Government to take measures to protect journalists.", Shift.WEAKER),
        ("They called on the international community to support the reconstruction.", "They called on the international community to support the reconstruction once conditions permit.", Shift.WEAKER),
        ("Requests the Office to provide technical assistance, as appropriate.", "Requests the Office to provide technical assistance, as appropriate and within existing resources.", Shift.WEAKER),
        ("They committed to reduce emissions in line with the Paris Agreement.",
         "They reaffirmed their commitment to reduce emissions in line with the Paris Agreement and in light of their national circumstances.", Shift.WEAKER),
        ("They urged all parties to return to negotiations.", "They urged all parties to return to negotiations without preconditions.", Shift.STRONGER),
        ("The Committee remains highly attentive to inflation risks.", "The Committee remains attentive to inflation risks.", Shift.WEAKER),
        # a time limit dropped, an open-ended pledge, provisos of law, markets and budgets
        ("We will keep patrol aircraft in Dunholm until 2027.", "We will keep patrol aircraft in Dunholm.", Shift.STRONGER),
        ("We will support Lirenia for as long as it takes.", "We will support Lirenia.", Shift.WEAKER),
        ("We will share threat information in real time.", "Where national law permits, we will share threat information in real time.", Shift.WEAKER),
        ("We will seek to mobilize private investment for recovery.", "We will mobilize private investment for recovery, as market conditions permit.", Shift.MIXED),
        # the same modal in a proposition now reported by an act
        ("Any use of nuclear weapons would be met with severe consequences.", "We reiterate that any use of nuclear weapons would be met with severe consequences.", Shift.SAME),
        ("We will share information on migration flows, to the extent permitted by national law.",
         "We will share information on migration flows.", Shift.STRONGER),
        # making every effort pledges the effort, a hedge on the act it goes with
        ("We will make every effort to conclude the negotiations this year.", "We will conclude the negotiations this year.", Shift.STRONGER),
        ("We will conclude the negotiations this year.", "We will make efforts to conclude the negotiations this year.", Shift.WEAKER),
        # "are working to" reports the work under way, on no scale against a pledge
        ("We will expand access to vaccines.", "We are working to expand access to vaccines.", Shift.SAME),
        ("We will work to keep the temperature limit within reach.", "We will work together to keep the temperature limit within reach.", Shift.SAME),
    ],
)
def test_one_marker_changed_gives_its_direction(old: str, new: str, direction: Shift) -> None:
    """A sentence and its revision with one stance marker moved (an act, a hedge, a proviso, an
    intensifier): the direction claimed, or same where the change is not one of stance."""
    result = shift(pair(old, new))
    assert result.shift is direction, result.shift_reason


def test_a_tentative_verb_that_opens_dropped_words_right_after_the_act_was_the_acts() -> None:
    old = "The Ministers agreed to examine options for more regular staff talks between their forces."
    firm = "The Ministers agreed to hold staff talks between their forces twice a year."
    result = shift(_with_words(old, firm))
    assert Evidence("tentative", "examine", "", Shift.STRONGER) in result.shift_evidence
    assert result.shift is Shift.STRONGER, result.shift_reason
    # ... while one that opens added words after other carried words is the new content's
    old = "We will strengthen cooperation on ports and deepen ties."
    added = "We will strengthen cooperation on ports and explore new areas of maritime cooperation."
    assert shift(_with_words(old, added)).shift is Shift.SAME


def test_words_carried_beside_a_lone_new_act_are_not_dropped_from_the_old_side() -> None:
    result = shift(pair("Iran must never develop a nuclear weapon.", "We are determined that Iran should never acquire a nuclear weapon."))
    assert not [item for item in result.shift_evidence if item.marker == "intensifier"], result.shift_reason


def test_every_marker_that_differs_is_evidence_with_its_own_direction() -> None:
    result = shift(pair("We will, where appropriate, consider sanctions.", "We must consider sanctions."))
    assert Evidence("modal", "will", "must", Shift.STRONGER) in result.shift_evidence
    assert Evidence("qualifier", "where appropriate", "", Shift.STRONGER) in result.shift_evidence
    assert result.shift is Shift.STRONGER


def test_a_modal_governing_other_words_is_content_not_stance() -> None:
    """"will" in one clause of content and "would" in another are tense, not a softer line."""
    result = shift(pair(
        "We launched the fund, which will support clean energy, and the forum must meet yearly.",
        "We launched the fund, which would finance new ports, and the forum must meet yearly.",
    ))
    assert result.shift is Shift.SAME, result.shift_reason


def test_a_new_target_alone_never_makes_a_pair_stronger() -> None:
    old = Label(Kind.CONCERN, 6, "condemn", targets=("Russia",))
    new = Label(Kind.CONCERN, 6, "condemn", targets=("Russia", "North Korea"))
    assert compare_labels(old, new) == (Shift.SAME, "target added: North Korea")


@pytest.mark.parametrize("status", [Status.ADDED, Status.REMOVED])
def test_added_and_removed_pairs_have_no_shift(status: Status) -> None:
    sides = ((clause("We condemn the attack."),), ())
    result = shift(Pair(status, *(sides if status is Status.REMOVED else sides[::-1])))
    assert (result.shift, result.shift_reason, result.shift_evidence) == (None, None, ())


def test_an_unchanged_pair_is_the_same_with_no_reason() -> None:
    result = shift(pair("We condemn the attack.", "We condemn the attack.", Status.UNCHANGED))
    assert (result.shift, result.shift_reason) == (Shift.SAME, None)


def test_a_split_pair_compares_the_part_that_corresponds() -> None:
    old = (clause("We express concern about the drills."),)
    new = (clause("We condemn the drills.", "new", 0), clause("We welcome the talks on the drills.", "new", 1))
    result = shift(Pair(Status.SPLIT, old, new))
    assert result.shift is Shift.STRONGER
    assert "condemn" in (result.shift_reason or "") and "part 1 of 2 compared" in (result.shift_reason or "")


def test_a_merged_pair_compares_the_part_that_corresponds() -> None:
    old = (clause("We welcome the talks.", "old", 0), clause("We express concern about the drills.", "old", 1))
    new = (clause("We welcome the talks and condemn the drills.", "new"),)
    result = shift(Pair(Status.MERGED, old, new))
    # the new clause is a concern (a condemnation governs a mixed clause): so is old part 2
    assert result.shift is Shift.STRONGER
    assert "part 2 of 2 compared" in (result.shift_reason or ""), result.shift_reason


def test_a_split_pair_compares_the_other_stance_words_with_the_other_parts() -> None:
    old = (clause("Recalling its resolutions, and taking note of the proposals submitted,"),)
    new = (clause("Recalling its resolutions,", "new", 0), clause("and noting the proposals submitted,", "new", 1))
    result = shift(Pair(Status.SPLIT, old, new))
    assert result.shift is Shift.STRONGER, result.shift_reason
    assert "act: taking note -> noting ▲" in (result.shift_reason or ""), result.shift_reason


def test_the_intensifier_of_a_part_with_an_act_of_its_own_is_not_the_single_clauses() -> None:
    old = (clause("We strongly oppose any unilateral attempts to change the status quo."),)
    new = (clause("We remain seriously concerned about the situation in the seas", "new", 0),
           clause("and strongly oppose any unilateral attempts to change the status quo.", "new", 1))
    result = shift(Pair(Status.SPLIT, old, new))
    assert result.shift is Shift.SAME, result.shift_reason


def test_a_part_that_only_continues_its_lead_adds_no_marker() -> None:
    """A sub-paragraph labelled by its paragraph's lead ("Expresses its very serious concern")
    carries the lead's words, not its own: they are no intensifier added."""
    lead = classify(Clause("new", 0, 1, 1, 0, 40, "Expresses its very serious concern about:"))
    part = classify(Clause("new", 1, 1, 1, 0, 30, "(a) violations of the rights of children,"))
    part = replace(part, label=lead.label)
    old = (clause("(a) violations of the rights of children, and notes their situation,"),)
    new = (part, clause("and notes their situation,", "new", 2))
    result = shift(Pair(Status.SPLIT, old, new))
    assert result.shift is Shift.SAME, result.shift_reason


def test_unlabelled_clauses_are_classified_first() -> None:
    raw = Pair(
        Status.REWORDED,
        (Clause("old", 0, 1, 1, 0, 10, "We note the plan."),),
        (Clause("new", 0, 1, 1, 0, 10, "We welcome the plan."),),
    )
    assert shift(raw).shift is Shift.STRONGER


def test_shift_leaves_its_input_alone() -> None:
    original = pair("We note the plan.", "We welcome the plan.")
    shift(original)
    assert original.shift is None and original.shift_reason is None


def test_a_weak_pairing_names_the_change_but_claims_no_direction() -> None:
    sure = pair("We express concern over the launches.", "We strongly condemn the launches of missiles.")
    weak = shift(replace(sure, confidence=0.6))
    assert weak.shift is Shift.UNCLEAR
    assert weak.shift_reason.startswith("weak pairing (0.60), no direction claimed")
    assert weak.shift_evidence == shift(sure).shift_evidence != ()
    assert shift(replace(sure, confidence=CLAIM)).shift is Shift.STRONGER


def test_a_sure_pairing_below_the_claim_bar_names_the_change_but_claims_no_direction() -> None:
    """A direction is the claim an analyst quotes: it needs more than the aligner's "sure"."""
    sure = pair("We express concern over the launches.", "We strongly condemn the launches of missiles.")
    between = shift(replace(sure, confidence=0.87))
    assert SURE <= 0.87 < CLAIM
    assert between.shift is Shift.UNCLEAR
    assert between.shift_reason.startswith("pairing not sure enough for a direction (0.87), no direction claimed")
    assert between.shift_evidence == shift(sure).shift_evidence


def test_a_weak_pairing_without_a_marker_change_stays_the_same() -> None:
    weak = replace(pair("We condemn the attack.", "We condemn the attack on the city."), confidence=0.3)
    assert shift(weak).shift is Shift.SAME



def test_a_hedge_dropped_with_the_act_it_qualifies_still_counts() -> None:
    # "explore" went with "will", in the words the new version rewrote: a hedge dropped
    old = "The Space Working Group will explore avenues to deliver Earth Observation data to assist nations."
    new = "Our four countries intend to continue delivering Earth Observation data to assist nations."
    result = shift(_with_words(old, new))
    assert result.shift is Shift.MIXED
    assert "hedge dropped: explore" in (result.shift_reason or "")
