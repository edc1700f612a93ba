"""Where a word stands in a clause's grammar: the tests classify() applies before taking a verb
for the statement's own stance.

A speaker's verb inside a relative clause ("..., which demands ..."; "the steps we are
announcing"), a subordinate one ("if or when it will pay") or a clause of time or concession
("As we are witnessing ...") is not the stance of the clause; an -ing verb after ", in" is the
speakers joining others in it ("..., in condemning the attack"); and a stance word whose subject
is a country the speakers report on ("we have not seen evidence that Russia is committed to
...") or a thing or body in front of it ("central banks remain committed to ...") is theirs,
not the speakers'; and a stance word after a determiner or a possessive is a noun.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Protocol, TypeVar

from compare import regexcache
from compare.classify.lexicon import StanceEntry
from compare.classify.scanner import WORD_PATTERN
from compare.model import Kind, Label

if TYPE_CHECKING:
    from compare.classify.compiled import Compiled

__all__ = [
    "OPENS_ON_COPULA",
    "PREVIOUS_WORD",
    "SUBORDINATE",
    "in_adverbial_clause",
    "in_adverbial_stretch",
    "in_relative_clause",
    "is_participle",
    "joins_in",
    "no_stance",
    "not_reported",
    "opens_relative",
    "others_state",
    "owned",
    "verb_object",
]

PREVIOUS_WORD = regexcache.compiled(r"\b([\w']+)\s+$")
"""The word right before a place (on text whose quotes are plain)."""
_JOINING_IN = regexcache.compiled(r",\s*in\s+$", re.IGNORECASE)
"""", in" before a verb in -ing: the speakers join others IN doing it ("we will stand with the
international community, in condemning Russia's aggression"), a stance of their own."""
_UNITED_IN = regexcache.compiled(
    r"\b(?:(?:stand|stands|stood|are|is|remain|remains|were)\s+(?:united|together|unified|firm|steadfast|as\s+one)"
    r"|join(?:s|ed)?(?:\s+(?:others|partners|allies))?)\s+in\s+$",
    re.IGNORECASE,
)
_GERUND = regexcache.compiled(r"\w+ing\b", re.IGNORECASE)
_REDUCED_RELATIVE = regexcache.compiled(
    r"\b(?:the|these|those|all|any|every|each)\s+(?!(?:way|time|moment|day|year)s?\b)[a-z][\w-]*\s+$",
    re.IGNORECASE,
)
"""A noun and its determiner just before "we" or "they": the speakers' verb then opens a relative
clause ("The steps we are announcing today will help ...", "the endeavor we launch today"), not
the clause's stance. Not after "the way", "the time" ("the moment we met")."""
_FRONTED = regexcache.compiled(
    r"\s*(?:in|by|through|to|for|with|after|under|building\s+on|based\s+on|given)\s[^,;:()]*",
    re.IGNORECASE,
)
"""A clause opening with a phrase of manner, means or purpose and no comma up to a point."""
_SUBORDINATING = "which|who|whom|whose|where|if|whether|unless|until"
"""Words that open a relative or subordinate clause."""
_RELATIVE = regexcache.compiled(rf"\b(?:{_SUBORDINATING}|when)\b", re.IGNORECASE)
"""What opens a clause whose verbs are not the speakers' stance ("..., which demands ...", "for
Russia to decide if or when it will pay ...")."""
SUBORDINATE = regexcache.compiled(rf"\b(?:that|{_SUBORDINATING})\b", re.IGNORECASE)
"""What opens a clause whose modal is not the clause's own ("..., which must be addressed")."""
_ADVERBIAL_OPENING = regexcache.compiled(r"\s*(?:as|while|whilst|although|though|because|whereas|even\s+as)\s+", re.IGNORECASE)
"""What opens a clause of time, reason or concession before its subject."""


def joins_in(plain: str, start: int, end: int) -> bool:
    """Whether the stance verb at ``plain[start:end]`` is an -ing form after ", in"."""
    return _GERUND.match(plain, start, end) is not None and _JOINING_IN.search(plain, max(0, start - 8), start) is not None


def united_in(plain: str, start: int) -> int:
    """Where the speakers' "are united in", "stand together in" or "join in" starts, when it comes
    right before the -ing stance word at ``start`` ("We are united in CONDEMNING ..."): the verb is
    theirs, where after a bare "in" it is a noun ("in support of"); -1 when it does not."""
    if _GERUND.match(plain, start) is None:
        return -1
    frame = _UNITED_IN.search(plain, max(0, start - 40), start)
    return frame.start() if frame else -1


def is_quoted_fragment(quoted: str) -> bool:
    """Whether a quotation is a fragment of a sentence (two words or more, in lower case first)."""
    words = quoted.split()
    return len(words) >= 2 and words[0][:1].islower()


def opens_relative(plain: str, start: int, end: int, opening: int, speakers: list[tuple[int, int, str]]) -> bool:
    """Whether the "we" or "they" at ``plain[start:end]`` opens a relative clause after a noun
    ("The steps we are announcing today will help"). Not where the noun ends a fronted phrase
    with no comma after it, when no other subject follows (another "we", or a speaker after a
    comma): in "In fulfilling these commitments we will continue ... a G7 pathway", "we" is the
    main clause's."""
    if plain[start:end].lower() not in ("we", "they") or not _REDUCED_RELATIVE.search(plain, max(0, start - 40), start):
        return False
    fronted = _FRONTED.fullmatch(plain, opening, start) is not None
    return not fronted or any(
        later > end and (plain[later:later_end].lower() in ("we", "they") or "," in plain[end:later])
        for later, later_end, _ in speakers
    )


def in_relative_clause(plain: str, position: int) -> bool:
    """Whether a relative or subordinate word stands between the last comma (or semicolon, or
    colon) and ``position``: "..., which demands ...", "if or when it will pay"."""
    return bool(_RELATIVE.search(plain, _stretch_start(plain, position), position))


def in_adverbial_clause(plain: str, subject_start: int) -> bool:
    """Whether a speaker stands right after "as", "while", "although" ... opening a stretch of the
    clause: "As we are witnessing an increasing divergence of models, this transformation ...",
    "While we welcome the talks, we remain concerned ...": a clause of time or concession, whose
    verb is not the statement's stance."""
    if subject_start < 0:
        return False
    return _ADVERBIAL_OPENING.fullmatch(plain, _stretch_start(plain, subject_start), subject_start) is not None


def in_adverbial_stretch(plain: str, position: int) -> bool:
    """Whether ``position`` lies in a stretch of the clause that opens with "as", "while",
    "although" ...: "Although the reallocation of resources MAY restrain advances for a time, the
    prospects remain favorable and should become evident" (the clause's own modal is "should")."""
    return _ADVERBIAL_OPENING.match(plain, _stretch_start(plain, position)) is not None


def _stretch_start(plain: str, position: int) -> int:
    """Where the stretch of the clause holding ``position`` starts: after the last comma,
    semicolon or colon before it (0 where there is none)."""
    return max(plain.rfind(mark, 0, position) for mark in ",;:") + 1


class _Hit(Protocol):
    """What ``not_reported`` reads of a stance word found in a clause."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def entry(self) -> StanceEntry: ...
    @property
    def subject_start(self) -> int: ...
    @property
    def at_opening(self) -> bool: ...


H = TypeVar("H", bound=_Hit)


_THAT_BEFORE = regexcache.compiled(r"\bthat\s+(?:the\s+)?$", re.IGNORECASE)


def not_reported(
    hits: list[H], plain: str, speakers: list[tuple[int, int, str]], third_parties: set[int]
) -> list[H]:
    """The hits that are the speakers' own, not what they say they see in someone else.

    In "we have not seen evidence that RUSSIA is committed to peace" or "We believe that CHINA is
    determined to ...", the stance is Russia's or China's: a country or body named as subject of a
    that-clause, after a subject of the speakers' own (or a clause opening on its verb, "and
    reiterate that") that does not name it, is reported on. Unless the speakers declare it
    ("President Whitfield affirmed that the United States will provide ...": a party's pledge
    announced), but what it "must" do is their demand, never its pledge ("reiterate that Iran must
    cease"). ("The United States and India affirmed that India will ..." names India: India's.)

    Nor is what a country or body named as its subject "must" do, wherever it stands: "Iran must
    cease its destabilizing actions", "Russia must end its illegal war" say what the speakers
    demand of Iran or Russia, not what anyone pledges; such a clause reads like "All parties
    must ...", with no stance of the speakers' (its modal still seen, see ``labels``). Where
    speakers stand before it, the that-clause rule above decides ("The Leaders decided that the
    United States and India must continue ...": their own countries).
    """
    kept = []
    for hit in hits:
        start = hit.subject_start
        if start in third_parties and plain[hit.start : hit.end].lower() == "must":
            if not any(s_end <= start and s_start not in third_parties for s_start, s_end, _ in speakers):
                continue
        if start in third_parties and _THAT_BEFORE.search(plain, max(0, start - 12), start):
            that = plain.rfind("that", 0, start)
            own = {name for s_start, s_end, name in speakers if s_end <= that}
            reported = next(name for s_start, _, name in speakers if s_start == start)
            declared = plain[hit.start : hit.end].lower() != "must" and any(
                other.entry.id in _DECLARING and (0 <= other.subject_start or other.at_opening) and other.end <= that
                for other in hits
            )
            speaks = bool(own) or any(other.at_opening and other.end <= that for other in hits)
            if speaks and reported not in own and not declared:
                continue
        kept.append(hit)
    return kept


_DECLARING = frozenset({"affirm", "reaffirm"})
"""The lexicon's entries by which speakers declare what a that-clause says, not what they see."""


_NOT_A_SUBJECT = (
    r"\b(?!(?:and|or|but|we|they|it|also|further|both|all|each|which|who|that|still|now|today|"
    r"together|jointly|fully|firmly|strongly|deeply|remain|remains|are|is)\b)[a-z]+\s+"
)
_COPULA = r"(?:are|is|was|were|remain|remains|remained|ha(?:ve|s)\s+been)\s+"
_OTHERS_STATE = regexcache.compiled(_NOT_A_SUBJECT + _COPULA + r"(?:(?:\w+ly|also|still|fully)\s+)*$")
_SUBJECT_BEFORE = regexcache.compiled(_NOT_A_SUBJECT + "$")
OPENS_ON_COPULA = regexcache.compiled(_COPULA)
_TASKED = regexcache.compiled(r"(?:is|are|(?:has|have)\s+been)\s+(?:\w+\s+)?tasked\b", re.IGNORECASE)


def others_state(plain: str, start: int) -> bool:
    """Whether a subject noun and a copula stand right before a commitment no speaker is
    attached to ("central banks REMAIN strongly committed to ...", "many countries ARE
    determined to", the copula inside the word's own pattern or before it): the resolve is that
    subject's, not the speakers'. (A thing's evaluation, "the rhetoric IS unacceptable", is the
    speakers' own and is not asked about; nor is a body's tasking, "the Working Group IS TASKED
    to", which the speakers do.)"""
    if _TASKED.match(plain, start):
        return False
    if OPENS_ON_COPULA.match(plain, start):
        return _SUBJECT_BEFORE.search(plain, max(0, start - 30), start) is not None
    return _OTHERS_STATE.search(plain, max(0, start - 60), start) is not None


def owned(word: str, determiners: frozenset[str]) -> bool:
    """Whether a word before a stance word makes it a noun: a determiner ("the demands of") or
    a possessive ("Prime Minister Modi's plan to eliminate ...", "Japan's commitment")."""
    lowered = word.lower()
    return lowered in determiners or lowered.endswith("'s") or lowered.endswith("s'")


def no_stance(label: Label | None) -> Label | None:
    """The label with no stance of its own: its names and modals kept, its acts dropped."""
    if label is None:
        return None
    markers = tuple(marker for marker in label.markers if marker.kind not in ("act", "also"))
    return dataclasses.replace(label, kind=Kind.OTHER, intensity=0, stance="", negated=False, hedges=(), markers=markers)


_BY = regexcache.compiled(r"\s+by\b", re.IGNORECASE)


def is_participle(plain: str, hit: _Hit) -> bool:
    """Whether the hit is a participle: in -ing, or in -ed before "by" ("Guided by our shared
    commitment ..., the United States and the ROK are constructing ...") unless a concern."""
    word = WORD_PATTERN.match(plain, hit.phrase_start)
    if not word:
        return False
    lowered = word.group(0).lower()
    if lowered.endswith("ing"):
        return True
    # a concern so opening still governs: "Alarmed by the effects of climate change, we will ..."
    return lowered.endswith("ed") and hit.entry.kind is not Kind.CONCERN and _BY.match(plain, word.end()) is not None


def verb_object(plain: str, start: int, compiled: Compiled) -> bool:
    """Whether the name at ``start`` follows a lower-case word no subject holds: the object of a
    verb ("not designed to harm China nor do we seek ..."), not a speaker. Subjects hold
    determiners, fillers and the lexicon's ``subject_words`` ("and the", "also", "both")."""
    before = PREVIOUS_WORD.search(plain, max(0, start - 30), start)
    if before is None or not before.group(1)[0].islower() or not plain[start : start + 1].isupper():
        return False  # a name only: "we" after a phrase with no comma ("To this end we welcome") speaks
    word = before.group(1)
    lowered = word.lower()
    opens_subject = lowered in _OPENS_A_CLAUSE or lowered in compiled.subject_words or lowered in compiled.determiners
    return not (opens_subject or compiled.fillers.fullmatch(word))


_OPENS_A_CLAUSE = frozenset("that which who when where while whereas as if because since so but yet nor or".split())
"""Words after which a clause's subject comes ("We emphasize that G7 countries intend ...")."""
