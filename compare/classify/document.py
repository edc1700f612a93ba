"""Reading a whole document: each clause with what the clauses around it tell it.

classify_all() reads the clauses of one document in order and gives each the context it takes
from its neighbours: a UN sub-paragraph or the first clause of a list item its lead-in's stance
(read as the end of the lead-in's sentence), a clause that carries on the verb
phrase before it that phrase's call or commitment, and a clause that carries on a clause with no
stance and no speaker ("... which have catalysed initiatives | and will last beyond ...") no stance
of its own; and, in a joint statement, a clause only another country speaks no stance of the
statement's (``compare.classify.parties``). Each clause itself is read by
``compare.classify.labels.classify``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from compare import regexcache
from compare.classify.grammar import no_stance
from compare.classify.labels import INFINITIVE_OPENING, classify, mentions_speaker, opens_with_speaker
from compare.classify.lexicon import Context, Lexicon, load_lexicon
from compare.classify.parties import countries, makers, reported
from compare.model import Clause, Document, Kind, Label

__all__ = ["classify_all"]


def classify_all(
    document: Document,
    clauses: Sequence[Clause],
    *,
    lexicon: Lexicon | None = None,
    speaker: str | None = None,
) -> tuple[Clause, ...]:
    """Classify every clause of a document, giving each the context the document holds.

    A clause in a lettered sub-paragraph ("(b) Torture and ...") completes the last paragraph
    that ended with a colon ("Expresses its very serious concern about:"), and takes its
    stance from it when it has none of its own; so does the first clause of a list item ("We
    are determined to work together and with others to: | - foster a strong ..."), and a
    clause that carries on the verb phrase of a call or a commitment before it in the same
    sentence ("We urge North Korea to respect human rights, | and resolve the abductions issue
    immediately"). Where the genre names
    no speaker, what a country that is not one of the parties the title names does is reported
    ("Ukraine is defending its freedom ..." in a G7 communiqué): it takes no stance.

    Args:
        document: the document the clauses were cut from (for their blocks' markers and title).
        clauses: what segment() returned for it.
        lexicon: the word lists; the shipped lexicon when None.
        speaker: the genre's default actor (a routine profile's ``speaker``).
    """
    used = lexicon if lexicon is not None else load_lexicon()
    labelled: list[Clause] = []
    lead_in: str | None = None
    list_lead: str | None = None  # what the items of a list complete: not what an item itself opens
    # whether numbered paragraphs are that list's items: never under a numbered lead-in (a UN
    # operative paragraph's list is lettered); under another, once its first item is numbered
    numbered_items: bool | None = None  # None: no item yet
    previous: Clause | None = None
    for clause in clauses:
        block = document.blocks[clause.paragraph - 1] if clause.paragraph <= len(document.blocks) else None
        marker = block.marker if block is not None else ""
        lettered = marker.startswith("(")
        numbered = marker[:1].isdigit()
        # a numbered item completes an unnumbered lead-in whose list it opens ("we intend to: |
        # 1. Share information ..."), never another numbered paragraph's (a UN operative
        # paragraph's lettered list) nor a bulleted list's (the numbered body after a preamble's)
        item = marker in _BULLETS or (numbered and list_lead is not None and numbered_items is not False)
        in_sub_paragraph = lettered or item
        first_of_item = item and (previous is None or previous.paragraph != clause.paragraph)
        if first_of_item and numbered_items is None:
            numbered_items = numbered
        if first_of_item:
            lead_in = list_lead
        lead = None
        if lead_in is not None and (lettered or first_of_item):
            # Read the sub-paragraph as its lead-in says it: "Strongly urges the DPRK: (c) To
            # immediately cease ..." is a call to stop, that is a concern; "We are determined to
            # work together and with others to: | - foster a strong ... recovery" a commitment.
            lead = _sub_paragraph_lead(lead_in, clause, used, speaker)
        elif _carries_on(previous, clause):
            lead = previous.label
        result = classify(clause, lexicon=used, context=Context(speaker=speaker, lead=lead))
        if lead is None and _shares_a_thing_subject(previous, result, used, speaker):
            result = dataclasses.replace(result, label=no_stance(result.label))
        if clause.text.endswith(":"):
            # A sub-paragraph that opens a list of its own ("(a) ..., including:") carries on
            # the lead-in it completes.
            own = clause.text.rstrip(":")
            lead_in = f"{lead_in} {own}" if in_sub_paragraph and lead_in is not None else own
            if not in_sub_paragraph:
                list_lead, numbered_items = lead_in, (False if numbered else None)
        elif not in_sub_paragraph:
            lead_in = list_lead = None
        labelled.append(result)
        previous = result
    if speaker is None:
        # a joint statement is made by its parties: what another country does is reported, no
        # stance of the statement's ("Ukraine is defending its freedom ...", in a G7 communiqué)
        parties = makers(document.title, [clause.label for clause in labelled], used)
        named = countries(used)
        labelled = [
            dataclasses.replace(clause, label=no_stance(clause.label))
            if reported(clause, parties, named) else clause
            for clause in labelled
        ]
    return tuple(labelled)


def _sub_paragraph_lead(lead_in: str, clause: Clause, lexicon: Lexicon, speaker: str | None) -> Label:
    """The stance of a lettered sub-paragraph, or of a list item's first clause, read as the end
    of its lead-in.

    When the lead-in is a call whose addressee is long ("Strongly urges the Government of the
    Democratic People's Republic of Korea to respect ... and, in this regard: | (c) To immediately
    cease ..."), the sub-paragraph is the call's content, too far from its verb for a pattern to
    see it: it is read again after the verb and the addressee's first words only, so that a call
    to stop is a concern there as it is in one sentence.
    """
    context = Context(speaker=speaker)
    label = classify(dataclasses.replace(clause, text=f"{lead_in} {clause.text}"), lexicon=lexicon, context=context).label
    if label.kind is not Kind.CALL or not label.stance or not INFINITIVE_OPENING.match(clause.text):
        return label
    if not _STOP_WORD.search(clause.text):  # only a stop can make it a concern: no second reading
        return label
    start = lead_in.find(label.stance)
    if start < 0:
        return label
    addressee = " ".join(lead_in[start + len(label.stance):].split()[:3])
    close = f"{label.stance} {addressee} {clause.text}"
    near = classify(dataclasses.replace(clause, text=close), lexicon=lexicon, context=context).label
    if near.kind is not Kind.CONCERN:
        return label

    def written(phrase: str) -> str:
        """A phrase of the shortened text as the document has it: the verb … the sub-paragraph's words."""
        return phrase.replace(f" {addressee} ", " … ", 1)

    markers = tuple(dataclasses.replace(marker, text=written(marker.text)) for marker in near.markers)
    return dataclasses.replace(near, stance=written(near.stance), markers=markers)


_BULLETS = frozenset({"-", "*", "+", "•"})
"""Markers of a list item that may complete the sentence before it ("We are: | - united in ...")."""
_STOP_WORD = regexcache.compiled(r"\b(?:stop|cease|halt|end|desist|abandon|withdraw|reverse|rescind|refrain)\b", re.IGNORECASE)
"""The verbs of the lexicon's calls to stop ("call-to-stop", "urge-to-stop"), as a cheap test
before reading a sub-paragraph a second time."""

_GOVERNS_VERBS = frozenset({Kind.CALL, Kind.COMMITMENT})
"""Kinds of stance whose word governs a verb phrase ("urge X to A, and B"; "will A, and B")."""
_VERB_GOES_ON = regexcache.compiled(
    r"\s*(?:and|or|as\s+well\s+as|but\s+also)\s+(?:to\s+)?(?:\w+ly\s+)?"
    r"(?!(?:the|a|an|its|their|our|his|her|this|these|those|that|such|any|no|every|each|we|they|it|"
    r"he|she|there|all|both|some|many|most|other|others|also|further|not)\b)[a-z]+\b(?![-'’])"
)
"""A clause that opens with "and" and a bare verb ("and resolve", "and to facilitate"), not with
a subject of its own ("and the economy", "and we")."""


def _carries_on(previous: Clause | None, clause: Clause) -> bool:
    """Whether the clause carries on the verb phrase of the call or commitment just before it in
    the same sentence, and so takes that stance when it has none of its own."""
    return (
        previous is not None
        and previous.sentence == clause.sentence
        and previous.label is not None
        and previous.label.kind in _GOVERNS_VERBS
        and _VERB_GOES_ON.match(clause.text) is not None
    )


def _shares_a_thing_subject(previous: Clause | None, clause: Clause, lexicon: Lexicon, speaker: str | None) -> bool:
    """Whether a clause that opens on "and" and a bare verb ("and will last beyond the timeframe")
    carries on a clause of the same sentence with no stance that opens on no speaker ("The
    Task Force has established relations which have catalysed initiatives | and will last
    ..."): read together, the two then hold no stance either, and the verb is the thing's."""
    if (
        previous is None
        or previous.sentence != clause.sentence
        or previous.label is None
        or previous.label.kind is not Kind.OTHER
        or clause.label is None
        or clause.label.kind is Kind.OTHER
        or _VERB_GOES_ON.match(clause.text) is None
        or not previous.text[:1].isupper()  # itself carrying on something before it
        or opens_with_speaker(previous.text, lexicon)
        or mentions_speaker(clause.text, lexicon)  # "and recognizing ..., the leaders announced"
    ):
        return False
    joined = dataclasses.replace(clause, text=f"{previous.text} {clause.text}")
    read = classify(joined, lexicon=lexicon, context=Context(speaker=speaker)).label
    return read is not None and read.kind is Kind.OTHER
