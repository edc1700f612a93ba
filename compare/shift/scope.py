"""Which words a marker found on one side only governs: the proposition both sides carry, or
content that side alone added or dropped (``compare.shift`` leaves the second out of the
direction: a hedge on added content does not hedge the proposition carried forward).
"""

from __future__ import annotations

from compare.model import Evidence, Label, Marker, Pair, WordOp
from compare.shift.parts import ADDED_IS_WEAKER, WEIGHED, bare

__all__ = ["CONTENT_RUN", "in_new_content"]

CONTENT_RUN = 4
"""Words of content inserted or deleted around a marker from which the marker belongs to that
content ("and our commitment to pursuing designations, as appropriate, by the Committee"), not
to the proposition the two sides share."""


def in_new_content(item: Evidence, pair: Pair, old: Label, new: Label, act_changed: bool = False) -> bool:
    """Whether a marker found on one side only stands inside a run of words that side added or
    dropped: a hedge on added content does not hedge the proposition carried forward. Nor does a
    modal that governs added words ("Readings on core inflation have improved modestly this year"
    -> "..., but recent increases in energy prices MAY put renewed upward pressure on inflation":
    a new risk, hedged, not a softer reading of the old one), as one that governs carried words
    does ("is intended to help" -> "..., combined with the action taken in September, SHOULD
    help"). Unless the marker is a hedge and the run also holds that side's act, which changed: the
    hedge then qualifies the act ("The Working Group WILL EXPLORE avenues to deliver ..." -> "Our
    four countries INTEND TO continue delivering ...": "explore" goes with "will"). Nor a
    qualifier that opens the run straight after carried words of the same sentence: it qualifies
    them ("... in negotiations, WHERE POSSIBLE under existing frameworks, towards a lasting
    ceasefire"); nor a tentative verb that opens it straight after the side's act, carried:
    "agreed to EXAMINE options for more regular staff talks" -> "agreed to hold staff talks". Nor
    a qualifier that closes the sentence after a comma, where the added words before it bring no
    stance word of their own: it qualifies the whole sentence ("They will strengthen the cyber
    defenses of critical infrastructure, including power grids and telecommunications networks,
    AS RESOURCES ALLOW.")."""
    if item.marker not in (*WEIGHED, "modal") or (item.old and item.new):
        return False
    marker, op, label = (item.new, "insert", new) if item.new else (item.old, "delete", old)
    side_act = label.act
    own_act = side_act if act_changed else None  # where the act changed
    words = len(marker.split())
    for at_run, run in enumerate(pair.words):
        if run.op != op:
            continue
        text = f" {bare(run.text)} "
        at = text.find(f" {bare(marker)} ")
        if at < 0 or len(run.text.split()) - words < CONTENT_RUN:
            continue
        if own_act and item.marker in ADDED_IS_WEAKER and f" {bare(own_act.text)} " in text:
            return False
        if at == 0 and at_run and _qualifies_carried(item.marker, pair.words[at_run - 1], side_act):
            continue  # "negotiations, WHERE POSSIBLE under ...", "agreed to EXAMINE options for ..."
        if item.marker == "qualifier" and _closes_sentence(marker, run, pair.words[at_run + 1 :], label):
            continue  # "..., including power grids and telecommunications networks, AS RESOURCES ALLOW."
        if item.marker != "modal" or len(text[at:].split()) - words >= CONTENT_RUN:
            return True
    return False


def _qualifies_carried(kind: str, before: WordOp, act: Marker | None) -> bool:
    """Whether a marker of this kind opening a run qualifies the carried words before it: those
    words go on into the run (a comma at most between them, never a full stop, semicolon or colon
    after which new content starts) and the marker is a qualifier, or a tentative verb right after
    the act."""
    if before.op != "equal" or before.text.rstrip()[-1:] in ".;:":
        return False
    if kind == "qualifier":
        return True
    words = f" {bare(before.text)}"
    return kind == "tentative" and act is not None and words.endswith(f" {bare(act.text)}")


def _closes_sentence(marker: str, run: WordOp, after: tuple[WordOp, ...], label: Label) -> bool:
    """Whether a qualifier ends the run and its sentence, set off by a comma, with no other stance
    word in the run before it: nothing but punctuation follows it, on this side, and the run holds
    no other marker of the side's label (a new "and will explore ..., as appropriate" brings its
    own act, which the qualifier may govern alone)."""
    text = run.text.rstrip().rstrip(".;:!")
    head, comma, tail = text.rpartition(",")
    if not comma or bare(tail) != bare(marker) or any(bare(op.text) for op in after if op.op in ("equal", run.op)):
        return False
    before = f" {bare(head)} "
    return not any(
        f" {bare(other.text)} " in before for other in label.markers if bare(other.text) != bare(marker)
    )
