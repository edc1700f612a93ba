"""Say whether the stance of an aligned pair got stronger, weaker, stayed the same or is mixed,
marker by marker, and why.

shift() runs after align() on pairs whose clauses carry labels from classify(). Each label lists
the stance markers of its clause's governing proposition (``Label.markers``; see
``compare.classify.markers``); the two sides are compared marker by marker, and each marker that
differs becomes a piece of ``Pair.shift_evidence`` with its own direction:

- **act** (the speech act): on one ladder, the higher rung is stronger ("expressed concern ->
  condemned"); across kinds only where a scale orders them (no stance < any stance; taking note
  or noting < any other stance of another kind; position < commitment, welcome < commitment,
  and position < welcome only for the same verb with appreciation added ("support the rule of
  law" -> "stand for the rule of law" is named only); call < decision; among positions only
  taking note < noting, since a note against a reporting verb ("notes" -> "acknowledges") is on
  no ladder); otherwise the change is named ("kind changed:
  concern -> call") and claims nothing, and nor then do the other markers, which no longer
  qualify one shared proposition ("call for an immediate ceasefire" -> "welcome the
  ceasefire"); the same words read as two kinds by what follows them ("look forward to the
  meeting" -> "look forward to convening") are named only. Two acts that are both modals
  ("will" -> "may") are left to the modal marker; a move to or from an assessment ("believes"
  -> "recognizes": no rung to climb) is named only; and where one side's act stands among the
  other side's other stance words, it is carried forward, and the act beside it is named only
  ("reaffirm our support" -> "reaffirm our support ... and salute"), its intensifiers with it
  ("call for" -> "remain DEEPLY concerned ... and call for" is no harder call);
- **negation**: added is weaker, removed stronger;
- **modal**: the firmer modal is stronger (must > will, shall > should > would > may > might,
  could); a weak modal (would and below) added is weaker, dropped stronger; a firm one added or
  dropped is named only;
- **likelihood** ("likely"), **qualifier** (conditions, time limits: "where appropriate", "for
  some time") and **tentative** ("will explore") markers: added is weaker, dropped stronger; the
  same entry in other words is no change;
- **intensifier**: a higher total weight is stronger ("grave" 2 -> "gravest" 3);
  **downtoner** ("somewhat"): more is weaker; **characterisation** (the conduct called unlawful:
  "in violation of" 1, "in clear violation of" 2): a higher total weight is stronger, even where
  it stands in words one side added.

The net direction: stronger or weaker when every directed piece agrees, **mixed** when they
disagree, same when none has a direction. Targets and topics that changed are named in the
reason but never move the direction: naming a new country is news, not a harder line.

**Precision first.** A direction is claimed only on a pair aligned with confidence of at least
``compare.model.CLAIM`` (0.9, above the aligner's "sure"), or a pair built by hand: on a weaker
pairing the pieces are still listed, and the shift is **unclear**. A split or merged pair
compares the single clause with the part that corresponds to it (the same kind of act, else the
most words in common), not the strongest against the strongest, and the single clause's other
stance words with the other parts' acts ("Recalling ..., and taking note of" -> "Recalling
...;" + "and noting ..."); the intensifiers and hedges of a part whose act the single clause
does not have qualify that act, not the single clause's.

What lives where: this module compares two labels marker by marker and gives the net
direction; ``compare.shift.parts`` picks, for a split or merged pair, the part compared with the
single clause and what the other parts bring.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from compare.model import Clause, Evidence, Kind, Label, Marker, Pair, Shift, Status
from compare.readings import neutral
from compare.shift.parts import ADDED_IS_WEAKER, WEIGHED, bare, corresponding, first, normal
from compare.shift.scope import in_new_content

__all__ = ["compare_labels", "compare_markers", "describe", "shift"]

_ENDORSEMENT = {Kind.POSITION: 0, Kind.WELCOME: 1, Kind.COMMITMENT: 2}
_DEMAND = {Kind.CALL: 0, Kind.DECISION: 1}
NOTING_RUNG = 2
"""Positions up to this rung ("takes note of", "notes", "recalls") lie below every other stance."""
WEAK_MODAL = 3
"""Modals up to this firmness (would, may, might, could) hedge what they govern."""
ACT_ALONE_MATTERS = frozenset({Kind.CONCERN, Kind.CALL, Kind.DECISION})
"""Kinds of act whose mere appearance or disappearance is a change of stance: a condemnation,
a demand or a decision added is a harder line; a commitment added may be a change of tense."""
CALL_TO_STOP = "-to-stop"
"""The ending of the lexicon ids of calls to stop ("urge-to-stop"): concerns whose rung is their
call verb's."""
_CORE_OBLIGATIONS = frozenset({"must", "should", "may"})
"""Modals of obligation and permission, compared one against one even where they govern other
words; "will" and "would" there are as often tense as obligation."""
_SHOWN_AS = {"likelihood": "hedge", "tentative": "hedge"}
_ARROW = {Shift.STRONGER: " \u25b2", Shift.WEAKER: " \u25bc"}


def shift(pair: Pair) -> Pair:
    """Return the pair with ``shift``, ``shift_reason`` and ``shift_evidence`` set from the
    labels of its clauses.

    Added and removed pairs get ``shift=None``; unchanged pairs ``Shift.SAME`` with no reason.
    A clause without a label is classified with the shipped lexicon first.
    """
    if pair.status in (Status.ADDED, Status.REMOVED) or not pair.old or not pair.new:
        return _shifted(pair, None)
    if pair.status is Status.UNCHANGED:
        return _shifted(pair, Shift.SAME)
    old, new, note = corresponding(pair.old, pair.new)
    evidence = compare_markers(old, new, _text(pair.old), _text(pair.new))
    act_changed = any(item.marker == "act" and item.old and item.new for item in evidence)
    evidence = [item for item in evidence if not in_new_content(item, pair, old, new, act_changed)]
    direction = _net(evidence)
    reason = describe(evidence, old, new)
    if note and evidence:
        reason = f"{reason} ({note})"
    if not pair.claims_direction and direction is not Shift.SAME:
        how = "weak pairing" if pair.certainty != "sure" else "pairing not sure enough for a direction"
        reason = f"{how} ({pair.confidence:.2f}), no direction claimed: {reason}"
        direction = Shift.UNCLEAR
    return dataclasses.replace(pair, shift=direction, shift_reason=reason, shift_evidence=tuple(evidence))


def _shifted(pair: Pair, direction: Shift | None) -> Pair:
    """The pair with this shift and no reason or evidence; itself if it has them already."""
    if pair.shift is direction and pair.shift_reason is None and not pair.shift_evidence:
        return pair
    return dataclasses.replace(pair, shift=direction, shift_reason=None, shift_evidence=())


def compare_labels(old: Label, new: Label) -> tuple[Shift, str]:
    """The direction from one label to another and a short reason a person can read.

    >>> from compare.model import Kind, Label
    >>> compare_labels(Label(Kind.CONCERN, 2, "expressed concern"),
    ...                Label(Kind.CONCERN, 6, "condemned"))
    (<Shift.STRONGER: 'stronger'>, 'act: expressed concern -> condemned ▲')
    """
    evidence = compare_markers(old, new)
    return _net(evidence), describe(evidence, old, new)


def compare_markers(old: Label, new: Label, old_text: str = "", new_text: str = "") -> list[Evidence]:
    """Every stance marker that differs between two labels, each with its own direction.

    Args:
        old, new: the labels of the two sides.
        old_text, new_text: the sides' texts, when known: a marker found on one side only
            whose words stand anywhere in the other side's text is the same marker read at a
            different distance from the act ("will continue to consult closely" ->
            "intend to continue consulting closely"), not a change.
    """
    old_markers, new_markers = _markers(old), _markers(new)
    if old_text and new_text:
        old_markers = _unless_in(old_markers, new_markers, new_text)
        new_markers = _unless_in(new_markers, old_markers, old_text)
    evidence = _act(old, new, old_markers, new_markers)
    old_markers, new_markers = _beside_carried(old_markers, new_markers)
    if old.negated != new.negated:
        direction = Shift.WEAKER if new.negated else Shift.STRONGER
        evidence.append(Evidence("negation", "" if new.negated else "not", "not" if new.negated else "", direction))
    evidence += _modal(old_markers, new_markers)
    evidence += _obligation(old_markers, new_markers, old_text, new_text)
    evidence += _other_acts(old_markers, new_markers)
    for kind in ADDED_IS_WEAKER:
        evidence += _present_or_not(kind, old_markers, new_markers)
    evidence += _weights("intensifier", old_markers, new_markers)
    evidence += _weights("characterisation", old_markers, new_markers)
    evidence += _weights("downtoner", old_markers, new_markers)
    return neutral(evidence, old, new, old_text, new_text)  # what changed markers without a change of stance


def describe(evidence: Sequence[Evidence], old: Label, new: Label) -> str:
    """The evidence and the changed targets and topics, as one line a person can read.

    >>> describe([Evidence("modal", "will", "may", Shift.WEAKER)], Label(), Label())
    'modal: will -> may ▼'
    """
    parts = [_piece(item) for item in evidence]
    parts += _list_changes("target", old.targets, new.targets)
    parts += _list_changes("topic", old.topics, new.topics)
    return "; ".join(parts) if parts else "same stance"


def _piece(item: Evidence) -> str:
    name = _SHOWN_AS.get(item.marker, item.marker)
    arrow = _ARROW.get(item.direction, "")
    if item.old and item.new:
        return f"{name}: {item.old} -> {item.new}{arrow}"
    if item.new:
        return f"{name} added: {item.new}{arrow}"
    return f"{name} dropped: {item.old}{arrow}"


def _net(evidence: Sequence[Evidence]) -> Shift:
    directions = {item.direction for item in evidence} - {Shift.SAME}
    if not directions:
        return Shift.SAME
    if len(directions) > 1:
        return Shift.MIXED
    return directions.pop()


def _markers(label: Label) -> tuple[Marker, ...]:
    """A label's markers; for a label built by hand without them, its act alone."""
    if label.markers or label.kind is Kind.OTHER:
        return label.markers
    return (Marker("act", label.stance, label.intensity),)


def _is_modal_act(act: Marker, markers: Sequence[Marker]) -> bool:
    return any(m.kind == "modal" and m.start == act.start for m in markers)


def _act(old: Label, new: Label, old_markers: Sequence[Marker], new_markers: Sequence[Marker]) -> list[Evidence]:
    old_act, new_act = first("act", old_markers), first("act", new_markers)
    if old_act is None and new_act is None:
        return []
    if old_act is None or new_act is None:
        present = new_act or old_act
        markers = new_markers if new_act else old_markers
        if _is_modal_act(present, markers) and first("modal", old_markers if new_act else new_markers):
            return []  # "we will" -> "we must": both modals, the modal says it
        label_kind = present.of_kind or (new if new_act else old).kind
        direction = Shift.STRONGER if new_act else Shift.WEAKER
        if not present.scaled or Kind(present.of_kind or label_kind) not in ACT_ALONE_MATTERS:
            # A commitment or position appearing or going alone is as often a change of tense or
            # wording ("will purchase" -> "continues to purchase", "are determined that" ->
            # "reaffirm that") as of stance: named, not directed.
            direction = Shift.SAME
        shown = f"{present.text} ({label_kind})"
        return [Evidence("act", "" if new_act else shown, shown if new_act else "", direction)]
    if _is_modal_act(old_act, old_markers) and _is_modal_act(new_act, new_markers):
        return []  # "will" -> "may": the modal says it
    old_kind = Kind(old_act.of_kind) if old_act.of_kind else old.kind
    new_kind = Kind(new_act.of_kind) if new_act.of_kind else new.kind
    old_shown, new_shown = f"{old_act.text} ({old_kind})", f"{new_act.text} ({new_kind})"
    if old_act.entry != new_act.entry:
        # One side's act still stands among the other side's other stance words: it is carried
        # forward unchanged, and the other side's act is a stance beside it ("reaffirm our
        # unwavering support" -> "reaffirm our unwavering support ... and salute"): named only.
        if _among_others(old_act, new_markers):
            return [Evidence("act", "", new_shown, Shift.SAME)]
        if _among_others(new_act, old_markers):
            return [Evidence("act", old_shown, "", Shift.SAME)]
    if old_kind is not new_kind and normal(old_act.text) == normal(new_act.text):
        # the same words read as another kind by what follows them ("look forward to the next
        # meeting" -> "look forward to convening"): named, not directed
        return [Evidence("act", old_shown, new_shown, Shift.SAME)]
    if old_kind is new_kind:
        if new_act.value == old_act.value:
            same_entry = old_act.entry == new_act.entry if old_act.entry else normal(old_act.text) == normal(new_act.text)
            return [] if same_entry else [Evidence("act", old_act.text, new_act.text, Shift.SAME)]
        if not (old_act.scaled and new_act.scaled) or (
            old_kind is Kind.POSITION and max(old_act.value, new_act.value) > NOTING_RUNG
        ):
            # an assessment ("believes", "expects") has no rung to climb: "believes that the
            # risks are balanced" -> "recognizes that ..." is named, not a firmer line; nor does
            # a note against a reporting verb ("Notes the contact" -> "Acknowledges the
            # cooperation"): only taking note < noting orders positions among themselves
            return [Evidence("act", old_act.text, new_act.text, Shift.SAME)]
        direction = Shift.STRONGER if new_act.value > old_act.value else Shift.WEAKER
        return [Evidence("act", old_act.text, new_act.text, direction)]
    order = _cross_kind(old_kind, old_act, new_kind, new_act)
    if order is None:
        return [Evidence("kind changed", old_shown, new_shown, Shift.SAME)]
    return [Evidence("act", old_shown, new_shown, Shift.STRONGER if order > 0 else Shift.WEAKER)]


def _beside_carried(
    old_markers: Sequence[Marker], new_markers: Sequence[Marker]
) -> tuple[Sequence[Marker], Sequence[Marker]]:
    """Both sides' markers, less the intensifiers and downtoners of an act the other side lacks.

    Where one side's act stands unchanged among the other side's other stance words, the other
    side's act is a stance added beside it (named, not directed), and the words that qualify that
    act qualify it alone: in "again call for an immediate cessation" -> "We remain DEEPLY
    concerned ... and again call for an immediate cessation", "deeply" is the new concern's, not
    a harder call. So with an act that appears or goes alone: "we reiterated our UNWAVERING
    commitment to an international system ..." -> "We stand together to support an international
    order ..." drops the commitment, and "unwavering" with it, not as a softer line of its own.
    A qualifier belongs to the stance word nearest it.
    """
    old_act, new_act = first("act", old_markers), first("act", new_markers)
    differ = old_act is not None and new_act is not None and old_act.entry != new_act.entry
    if new_act is not None and (old_act is None or (differ and _among_others(old_act, new_markers))):
        new_kept, old_kept = _carried_alone(new_act, new_markers, old_markers)
        return old_kept, new_kept
    if old_act is not None and (new_act is None or (differ and _among_others(new_act, old_markers))):
        return _carried_alone(old_act, old_markers, new_markers)
    return old_markers, new_markers


def _carried_alone(
    act: Marker, markers: Sequence[Marker], other_markers: Sequence[Marker]
) -> tuple[tuple[Marker, ...], tuple[Marker, ...]]:
    """One side's markers less the intensifiers and downtoners of its lone act, and the other
    side's less the same words read there: carried words, not a change ("Iran must NEVER develop"
    -> "We are determined that Iran should NEVER acquire")."""
    kept = _less_qualifiers_of(act, markers)
    gone = {normal(m.text) for m in markers if m not in kept}
    return kept, tuple(m for m in other_markers if not (m.kind in ("intensifier", "downtoner") and normal(m.text) in gone))


def _less_qualifiers_of(act: Marker, markers: Sequence[Marker]) -> tuple[Marker, ...]:
    stances = [m for m in markers if m.kind in ("act", "also")]

    def owned(marker: Marker) -> bool:
        return min(stances, key=lambda stance: abs(stance.start - marker.start)) is act

    return tuple(m for m in markers if not (m.kind in ("intensifier", "downtoner") and owned(m)))


def _among_others(act: Marker, other_markers: Sequence[Marker]) -> bool:
    """Whether the act's lexicon entry is one of the other side's other stance words."""
    return bool(act.entry) and any(m.kind == "also" and m.entry == act.entry for m in other_markers)


def _cross_kind(old_kind: Kind, old_act: Marker, new_kind: Kind, new_act: Marker) -> int | None:
    """+1 when the new act's kind ranks above the old one's on a shared scale, -1 below, None
    where no scale holds both (or an act is on none)."""
    if not (old_act.scaled and new_act.scaled):
        return None
    if {old_kind, new_kind} == {Kind.CALL, Kind.CONCERN}:
        # a call to stop ("urge X to cease", lexicon entries "*-to-stop") stands on the call
        # ladder by its verb: "encourage X to refrain" -> "call upon X to refrain" is stronger
        to_stop = old_act if old_kind is Kind.CONCERN else new_act
        if to_stop.entry.endswith(CALL_TO_STOP) and new_act.value != old_act.value:
            return 1 if new_act.value > old_act.value else -1
        return None
    old_noting = old_kind is Kind.POSITION and old_act.value <= NOTING_RUNG
    new_noting = new_kind is Kind.POSITION and new_act.value <= NOTING_RUNG
    if old_noting != new_noting:
        return 1 if old_noting else -1
    old_text, new_text = normal(old_act.text), normal(new_act.text)
    if {old_kind, new_kind} == {Kind.POSITION, Kind.WELCOME} and old_text not in new_text and new_text not in old_text:
        # past noting, a position and a welcome in other words put the same endorsement two
        # ways ("We support the rule of law" -> "We stand for the rule of law", "support a just
        # peace" -> "reiterate the need for a just peace"); the same verb with appreciation
        # added ("Recognizing" -> "Recognizing with appreciation") is a warmer one
        return None
    for scale in (_ENDORSEMENT, _DEMAND):
        if old_kind in scale and new_kind in scale:
            return 1 if scale[new_kind] > scale[old_kind] else -1
    return None


def _modal(old_markers: Sequence[Marker], new_markers: Sequence[Marker]) -> list[Evidence]:
    old_modal, new_modal = first("modal", old_markers), first("modal", new_markers)
    if old_modal is None and new_modal is None:
        return []
    if old_modal is not None and new_modal is not None:
        if old_modal.value == new_modal.value:
            return []
        direction = Shift.STRONGER if new_modal.value > old_modal.value else Shift.WEAKER
        return [Evidence("modal", old_modal.text, new_modal.text, direction)]
    present = new_modal or old_modal
    present_side, absent_side = (new_markers, old_markers) if new_modal else (old_markers, new_markers)
    if present.entry in {m.entry for m in absent_side if m.kind == "obligation"}:
        return []  # the same modal stands there in the proposition the other side's act reports
    direction = Shift.SAME
    # "the Committee expects that inflation will remain subdued" -> "inflation is likely to be
    # subdued": the assessment the other side alone has says as much as "is likely to"
    assessed = present.entry == "expected-to" and _assesses(absent_side) and not _assesses(present_side)
    if present.value <= WEAK_MODAL and not assessed:
        direction = Shift.WEAKER if new_modal else Shift.STRONGER
    return [Evidence("modal", "" if new_modal else present.text, present.text if new_modal else "", direction)]


def _obligation(
    old_markers: Sequence[Marker], new_markers: Sequence[Marker], old_text: str = "", new_text: str = ""
) -> list[Evidence]:
    """Modals outside the act's own ("differences must be settled") that both sides have,
    governing the same words ("must be addressed" -> "should be addressed"): a modal meeting a
    different verb, or none, stands in content that changed, and says nothing of the stance.
    The exception is a hedging modal ("may", "is likely to") on one side only whose proposition
    the other side states plainly (``_hedge_dropped``)."""
    new_by_verb: dict[str, list[Marker]] = {}
    for marker in new_markers:
        if marker.kind == "obligation" and marker.governs:
            new_by_verb.setdefault(marker.governs, []).append(marker)
    pairs = []
    for old_one in (m for m in old_markers if m.kind == "obligation" and m.governs):
        same_slot = new_by_verb.get(old_one.governs)
        if same_slot:
            pairs.append((old_one, same_slot.pop(0)))
    paired_old = {id(old_one) for old_one, _ in pairs}
    old_left = [m for m in old_markers if m.kind == "obligation" and id(m) not in paired_old]
    pairs += _same_verb(old_left, [m for slot in new_by_verb.values() for m in slot])
    if not pairs:  # one obligation each side, in other words ("must seek" -> "should be resolved")
        old_core = [m for m in old_markers if m.kind == "obligation" and m.entry in _CORE_OBLIGATIONS]
        new_core = [m for m in new_markers if m.kind == "obligation" and m.entry in _CORE_OBLIGATIONS]
        if len(old_core) == 1 and len(new_core) == 1:
            pairs.append((old_core[0], new_core[0]))
    evidence = [
        Evidence("modal", old_one.text, new_one.text, Shift.STRONGER if new_one.value > old_one.value else Shift.WEAKER)
        for old_one, new_one in pairs
        if old_one.value != new_one.value
    ]
    if old_text and new_text:
        paired = {id(marker) for pair in pairs for marker in pair}
        evidence += [
            Evidence("modal", marker.text, "", Shift.STRONGER)
            for marker in _hedge_dropped(old_markers, new_markers, new_text, paired)
        ]
        evidence += [
            Evidence("modal", "", marker.text, Shift.WEAKER)
            for marker in _hedge_dropped(new_markers, old_markers, old_text, paired)
        ]
    return evidence


def _same_verb(old_left: Sequence[Marker], new_left: Sequence[Marker]) -> list[tuple[Marker, Marker]]:
    """Modals left unpaired that govern the same verb, one on each side, where the words after
    it changed ("will face severe costs" -> "may face costs"); never an auxiliary or an adverb
    (``_AUXILIARIES``: in "will be ..." the proposition is in the words after it)."""
    def by_verb(markers: Sequence[Marker]) -> dict[str, list[Marker]]:
        found: dict[str, list[Marker]] = {}
        for marker in markers:
            verb = marker.governs.split(" ", 1)[0]
            if verb and verb not in _AUXILIARIES:
                found.setdefault(verb, []).append(marker)
        return found

    old_by, new_by = by_verb(old_left), by_verb(new_left)
    return [
        (old_by[verb][0], new_by[verb][0])
        for verb in old_by
        if len(old_by[verb]) == 1 and len(new_by.get(verb, ())) == 1
    ]


_ASSESSING = "assess"
"""The lexicon entry of the assessments ("expects", "anticipates", "judges"): a likelihood of their own."""


def _assesses(markers: Sequence[Marker]) -> bool:
    return any(m.kind == "act" and m.entry == _ASSESSING for m in markers)


_HEDGING_OBLIGATIONS = frozenset({"expected-to", "may", "might"})
"""Modals that hedge the proposition they govern ("is likely to be", "may be needed", "could
weigh"); "would" is left out, being as often tense ("said they would") as a hedge."""


def _hedge_dropped(
    markers: Sequence[Marker], other_markers: Sequence[Marker], other_text: str, paired: set[int]
) -> list[Marker]:
    """The hedging modals of one side, compared with nothing, whose proposition the other side
    states without a modal: "the risk ... is likely to be the predominant concern" -> "the risk
    ... remains the predominant concern" (a likelihood dropped), "further firming is needed to
    keep" -> "further firming may be needed to keep" (one added). The proposition is the three
    words the modal hedges (``Marker.then``); the other side must hold them, and no modal of it
    may govern them, nor a modal the lexicon leaves out ("could be used" -> "can be used"), nor
    the same hedge on other words ("is likely to be more modest" -> "is likely to be modest": the
    likelihood stays where it was)."""
    governed_there = {m.then for m in other_markers if m.kind == "obligation"}
    hedged_there = {m.entry for m in other_markers if m.kind == "obligation" and id(m) not in paired}
    words = bare(other_text).split()
    return [
        marker
        for marker in markers
        if marker.kind == "obligation"
        and id(marker) not in paired
        and marker.entry in _HEDGING_OBLIGATIONS
        and marker.entry not in hedged_there
        and marker.then
        and marker.then not in governed_there
        and _stated_plainly(marker.then.split(), words)
    ]


_AUXILIARIES = frozenset({
    "be", "been", "being", "is", "are", "was", "were", "have", "has", "had",
    "also", "still", "then", "further", "not", "never", "again", "always", "ever", "now", "yet", "only",
})
"""Words passed over on the way back from a proposition to what governs it: auxiliaries, and the
adverbs a modal may stand apart from its verb by (see ``classify.markers``)."""
_STILL_HEDGED = frozenset({
    "can", "could", "may", "might", "will", "would", "shall", "should", "must", "to",
    "likely", "probably", "possibly", "perhaps", "presumably",
})
"""Words that, standing before a proposition (past its auxiliaries), still govern or hedge it:
modals the lexicon does not list ("can"), "to" ("is set to be", "is likely to remain") and the
likelihood adverbs ("is probably the main concern")."""


def _stated_plainly(proposition: list[str], words: list[str]) -> bool:
    """Whether ``words`` hold ``proposition`` with no modal or "to" before it.

    >>> _stated_plainly(["the", "main", "concern"], "the risk remains the main concern".split())
    True
    >>> _stated_plainly(["used", "to", "threaten"], "technologies that can be used to threaten".split())
    False
    >>> _stated_plainly(["the", "main", "concern"], "the risk is probably the main concern".split())
    False
    """
    size = len(proposition)
    for start in range(len(words) - size + 1):
        if words[start : start + size] == proposition:
            before = start - 1
            while before >= 0 and words[before] not in _STILL_HEDGED and (
                words[before] in _AUXILIARIES or words[before].endswith("ly")
            ):
                before -= 1
            return before < 0 or words[before] not in _STILL_HEDGED
    return False


def _other_acts(old_markers: Sequence[Marker], new_markers: Sequence[Marker]) -> list[Evidence]:
    """The clause's other stance words, one against one in order, where both sides have as many
    ("Recalling ..., taking note of" -> "Recalling ..., noting"): more or fewer is content."""
    old_acts = [m for m in old_markers if m.kind == "also"]
    new_acts = [m for m in new_markers if m.kind == "also"]
    if len(old_acts) != len(new_acts):
        return []
    evidence = []
    for old_act, new_act in zip(old_acts, new_acts, strict=True):
        if old_act.entry == new_act.entry:
            continue
        old_kind, new_kind = Kind(old_act.of_kind), Kind(new_act.of_kind)
        if old_kind is new_kind and old_act.value != new_act.value:
            direction = Shift.STRONGER if new_act.value > old_act.value else Shift.WEAKER
            evidence.append(Evidence("act", old_act.text, new_act.text, direction))
        elif old_kind is not new_kind:
            order = _cross_kind(old_kind, old_act, new_kind, new_act)
            if order is not None:
                direction = Shift.STRONGER if order > 0 else Shift.WEAKER
                evidence.append(Evidence("act", f"{old_act.text} ({old_kind})", f"{new_act.text} ({new_kind})", direction))
    return evidence


def _present_or_not(kind: str, old_markers: Sequence[Marker], new_markers: Sequence[Marker]) -> list[Evidence]:
    """Markers that weaken by being there: one added is weaker, one dropped stronger; the same
    lexicon entry in other words is no change."""
    old_of = {m.entry or normal(m.text): m for m in old_markers if m.kind == kind}
    new_of = {m.entry or normal(m.text): m for m in new_markers if m.kind == kind}
    evidence = []
    for entry, marker in new_of.items():
        if entry not in old_of:
            evidence.append(Evidence(kind, "", marker.text, Shift.WEAKER))
    for entry, marker in old_of.items():
        if entry not in new_of:
            evidence.append(Evidence(kind, marker.text, "", Shift.STRONGER))
    return evidence


def _weights(kind: str, old_markers: Sequence[Marker], new_markers: Sequence[Marker]) -> list[Evidence]:
    """Markers that count by weight: intensifiers (positive) and downtoners (negative)."""
    old_found = [m for m in old_markers if m.kind == kind]
    new_found = [m for m in new_markers if m.kind == kind]
    old_total = sum(abs(m.value) for m in old_found)
    new_total = sum(abs(m.value) for m in new_found)
    if old_total == new_total:
        return []
    stronger = new_total > old_total
    if kind == "downtoner":
        stronger = not stronger
    old_text = " ".join(m.text for m in old_found)
    new_text = " ".join(m.text for m in new_found)
    return [Evidence(kind, old_text, new_text, Shift.STRONGER if stronger else Shift.WEAKER)]


def _list_changes(what: str, old: Sequence[str], new: Sequence[str]) -> list[str]:
    added = [item for item in new if item not in old]
    dropped = [item for item in old if item not in new]
    parts = []
    if added:
        parts.append(f"{what}{'s' if len(added) > 1 else ''} added: {', '.join(added)}")
    if dropped:
        parts.append(f"{what}{'s' if len(dropped) > 1 else ''} dropped: {', '.join(dropped)}")
    return parts


def _unless_in(markers: Sequence[Marker], other_markers: Sequence[Marker], other_text: str) -> tuple[Marker, ...]:
    """Markers, without the weighed ones (intensifiers, hedges ...) found on this side only
    whose words the other side's text holds all the same."""
    read_there = {normal(m.text) for m in other_markers}
    words = f" {bare(other_text)} "
    return tuple(
        marker
        for marker in markers
        if marker.kind not in WEIGHED or normal(marker.text) in read_there or f" {normal(marker.text)} " not in words
    )


def _text(clauses: Sequence[Clause]) -> str:
    return " ".join(clause.text for clause in clauses)
