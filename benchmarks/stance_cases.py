"""Controlled stance changes: real corpus sentences with ONE stance phrase moved ONE rung.

Each ``Case`` is a sentence from a version file of the shared corpus (``old``, unmodified) and
the same sentence with exactly one stance phrase moved one rung up or down one ladder (``new``),
with the direction that move must be read as ("stronger" or "weaker"). The ladders below are
written from genre knowledge of joint statements, UN resolutions and FOMC statements, on
purpose NOT from jointdiff's ``compare/lexicons``: the cases are an independent reference
against which the engine's hardened / softened claims can be checked.

Every ladder step is applied in both directions, to at most ``PER_MOVE`` sentences per move,
taken round-robin across series so that one statement family does not dominate. A sentence is
used only where the phrase stands in a position where the substitution stays grammatical
(a modal followed by a base verb, "urges X to do" / "demands that X do", "notes the ...",
agreement of "encourages" / "calls upon", and so on), and only where the phrase occurs once.
Everything is deterministic: files, sentences and series are visited in sorted order and no
randomness is used.

Modal and commitment moves ("will -> may", "intend to -> commit to", hedge insertions) are
applied only where the speaker (we, the Committee, the leaders, ...) is the subject, so that they
change the speaker's own commitment rather than a description ("conditions that may generate
inflation pressures"); "must" / "should" / "shall" obligations are moved whoever they bind. The
corpus has only two "will likely" sentences, both FOMC forecasts: there "will likely -> will"
asserts the forecast more firmly (the label files count forecast certainty as content, so these
two cases test the likelihood marker, not the Committee's policy stance).

Standard library only. Usage: python benchmarks/stance_cases.py [--corpus DIR] [--examples N]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PER_MOVE = 8

# Ladders, lowest rung first: each entry is one step (weaker, stronger). "(none)" stands for the
# absence of a hedge, so ("where appropriate", "(none)") says that dropping the hedge is stronger.
LADDERS: dict[str, tuple[tuple[str, str], ...]] = {
    "modality": (("should", "must"), ("may", "will"), ("may", "shall"), ("will likely", "will")),
    "commitment": (("aim to", "intend to"), ("intend to", "commit to")),
    "calls": (("encourage", "call upon"), ("call upon", "urge"), ("urge", "demand")),
    "acknowledgement": (
        ("takes note of", "notes"),
        ("notes", "welcomes"),
        ("noting", "welcoming"),
        ("noted", "welcomed"),
    ),
    "concern": (
        ("concern", "serious concern"),
        ("serious concern", "grave concern"),
        ("grave concern", "gravest concern"),
    ),
    "condemnation": (("expressed concern", "condemned"), ("condemned", "strongly condemned")),
    "intensifier": (("monitor", "closely monitor"), ("support", "strongly support")),
    "qualifier": (
        ("where appropriate", "(none)"),
        ("as appropriate", "(none)"),
        ("currently", "(none)"),
        ("for some time", "for an extended period"),
    ),
}

# Base verbs that follow a modal or "to" in these texts; a modal not followed by one of them
# ("against their will", "should diplomacy fail", "in May") is left alone.
_BASE_VERBS = frozenset(
    """abandon abide accept accelerate achieve act adapt add address adhere adjust adopt advance align allow
    announce anticipate assess assist avoid be become begin bolster boost bring broaden build
    carry cease champion collaborate combat comply conduct consider consult continue contribute
    convene cooperate coordinate counter create cut deepen defend deliver deter develop disclose
    discuss do drive eliminate employ enable encourage end engage enhance ensure establish
    evaluate expand explore extend facilitate finance focus foster fulfil fulfill generate give
    grant guarantee halt have help hold host identify implement impose improve include increase
    inform intensify invest investigate join keep launch lead leverage lift limit maintain make manage meet mitigate
    mobilize monitor pay play prepare preserve press prevent prioritize procure promote protect
    provide pursue put raise reach reduce refrain reinforce release remain report resolve respect
    respond restore return reverse review revoke safeguard ratify scale secure seek serve share sign stand step stop
    strengthen submit support sustain tackle take tighten undertake uphold use withdraw work""".split()
)
_DETERMINERS = r"(?:the|its|their|our|a|an|all|any|this|these|those)"
# The speaker (or a co-author) as the subject right before a modal or commitment verb, so that a
# move changes the speaker's own commitment, not a description ("conditions that may generate").
_SPEAKER = re.compile(
    r"(?:\b(?:[Ww]e|[Tt]hey|[Tt]he Committee|[Tt]he Federal Reserve|[Tt]he Quad|[Oo]ur (?:governments|countries|nations)"
    r"|[Tt]he (?:two )?(?:Presidents|[Ll]eaders)|[Bb]oth (?:leaders|sides|countries)"
    r"|[Tt]he United States and (?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*)*|[A-Z][a-z]+ and the United States"
    r"|President [A-Z][a-z]+ and (?:Prime Minister|President) [A-Z][a-z]+))"
    r"(?:,[^,]{1,60},)?\s+(?:(?:also|further|jointly|together|collectively)\s+)?$"
)
# Objects no one welcomes or condemns: a move onto them would be grammatical but absurd.
_NOT_WELCOME = re.compile(
    r"\b(concern\w*|violations?|abuses?|vulnerab\w+|limited|lack|failure|threats?|crisis|deteriorat\w*|"
    r"restrictions?|need|importance|outbreak|pandemic|situation|risks?|findings|impact|decline|gap)\b",
    re.I,
)


def _speaker_before(sentence: str, start: int) -> bool:
    """Whether the speaker is the subject of what starts at ``start``."""
    return bool(_SPEAKER.search(sentence[:start]))


_ADVERB = r"(?:(?:also|further|not|never|jointly|collectively|fully|together|\w+ly)\s+)"


@dataclass(frozen=True, slots=True)
class Case:
    """One real sentence and its one-rung variant."""

    series: str
    file: str
    old: str
    new: str
    direction: str
    """"stronger" or "weaker": how ``new`` stands to ``old``."""
    ladder: str
    move: str
    """The phrase moved, "old phrase -> new phrase" ("(none)" for an absent hedge)."""


@dataclass(frozen=True, slots=True)
class Move:
    """One directed ladder step and the rewrite that performs it on a sentence."""

    ladder: str
    name: str
    direction: str
    rewrite: Callable[[str], str | None]


def _like(source: str, text: str) -> str:
    """``text`` with the initial capital of ``source``."""
    return text[:1].upper() + text[1:] if source[:1].isupper() else text


def _verb_at(sentence: str, pos: int) -> bool:
    """Whether a base verb (after optional adverbs) starts at ``pos``."""
    found = re.match(rf"\s+{_ADVERB}*([a-z]+)\b", sentence[pos:])
    return bool(found) and found.group(1) in _BASE_VERBS


def _once(sentence: str, pattern: str, flags: int = 0) -> re.Match[str] | None:
    """The only match of ``pattern`` in ``sentence``, or None when there are none or several."""
    found = list(re.finditer(pattern, sentence, flags))
    return found[0] if len(found) == 1 else None


def _splice(sentence: str, found: re.Match[str], text: str) -> str:
    return sentence[: found.start()] + text + sentence[found.end() :]


def swap_modal(sentence: str, old: str, new: str) -> str | None:
    """Replace the one modal ``old`` that governs a verb by ``new``; None if not exactly one.

    >>> swap_modal("We will continue to support Ukraine.", "will", "may")
    'We may continue to support Ukraine.'
    >>> swap_modal("Disputes must be resolved peacefully.", "must", "should")
    'Disputes should be resolved peacefully.'
    >>> swap_modal("It is preparing options should diplomacy fail.", "should", "must") is None
    True
    >>> swap_modal("They were abducted against their will.", "will", "may") is None
    True
    >>> swap_modal("Inflation will likely slow.", "will likely", "will")
    'Inflation will slow.'
    >>> swap_modal("The risks are weighted toward conditions that may generate inflation.", "may", "will") is None
    True
    >>> swap_modal("The Committee judges that some further policy firming may be needed.", "may", "will")
    'The Committee judges that some further policy firming will be needed.'
    """
    if old == "will likely":
        found = _once(sentence, r"\b(will|would) likely\b")
        return _splice(sentence, found, found.group(1)) if found else None
    if re.search(rf"\b{old}\s+likely\b", sentence):
        return None
    found = _once(sentence, rf"\b{old}\b")
    if found is None or not _verb_at(sentence, found.end()):
        return None
    guidance = (
        old == "may"
        and "Committee" in sentence
        and re.match(r"\s+(yet\s+)?be (needed|warranted)", sentence[found.end() :])
    )
    if (
        old in ("will", "may")
        and not (guidance and new == "will")
        and not _speaker_before(sentence, found.start())
    ):
        return None
    if new == "will likely" and re.match(r"\s+(not|never)\b", sentence[found.end() :]):
        return None
    return _splice(sentence, found, new)


# Inflected forms of the speech-act verbs (base, third person, -ing, past), lower case.
_FORMS: dict[str, tuple[str, str, str, str]] = {
    "encourage": ("encourage", "encourages", "encouraging", "encouraged"),
    "call upon": ("call upon", "calls upon", "calling upon", "called upon"),
    "call on": ("call on", "calls on", "calling on", "called on"),
    "urge": ("urge", "urges", "urging", "urged"),
    "demand": ("demand", "demands", "demanding", "demanded"),
    "takes note of": ("take note of", "takes note of", "taking note of", "took note of"),
    "notes": ("note", "notes", "noting", "noted"),
    "welcomes": ("welcome", "welcomes", "welcoming", "welcomed"),
    "aim to": ("aim to", "aims to", "aiming to", "aimed to"),
    "intend to": ("intend to", "intends to", "intending to", "intended to"),
    "commit to": ("commit to", "commits to", "committing to", "committed to"),
}


def _form_pattern(lemmas: tuple[str, ...], slots: tuple[int, ...] = (0, 1, 2, 3)) -> str:
    words = sorted({_FORMS[lemma][i] for lemma in lemmas for i in slots}, key=len, reverse=True)
    return r"\b(" + "|".join(re.escape(w) for w in words) + r")\b"


def _slot(lemmas: tuple[str, ...], form: str) -> int:
    return next(i for lemma in lemmas for i, f in enumerate(_FORMS[lemma]) if f == form.lower())


def swap_act(
    sentence: str, old: tuple[str, ...], new: str, complement: str, slots: tuple[int, ...] = (0, 1, 2, 3)
) -> str | None:
    """Replace the one form of the ``old`` verb(s) followed by ``complement`` with the same
    inflection of ``new``; None if there is not exactly one such form.

    >>> swap_act("Encourages the Security Council to take appropriate action;",
    ...          ("encourage",), "call upon", _TO_INFINITIVE)
    'Calls upon the Security Council to take appropriate action;'
    >>> swap_act("and encourages their continuation;", ("encourage",), "call upon", _TO_INFINITIVE) is None
    True
    >>> swap_act("We call on North Korea to abide by its obligations.", ("call upon", "call on"), "urge",
    ...          _TO_INFINITIVE)
    'We urge North Korea to abide by its obligations.'
    >>> swap_act("Notes the efforts of the Government;", ("notes",), "welcomes", _OBJECT, (1, 2))
    'Welcomes the efforts of the Government;'
    >>> swap_act("Notes with concern the reports;", ("notes",), "welcomes", _OBJECT, (1, 2)) is None
    True
    >>> swap_act("Reiterates its call upon all States to refrain from such measures;", ("call upon", "call on"),
    ...          "urge", _TO_INFINITIVE) is None
    True
    >>> swap_act("while noting the limited scope of such cooperation,", ("notes",), "welcomes", _OBJECT, (2,)) is None
    True
    >>> swap_act("to support our aim to reach $100 billion.", ("aim to",), "intend to", _BARE_VERB, (0, 1)) is None
    True
    """
    pattern = _form_pattern(old, slots)
    if len(re.findall(pattern, sentence, re.I)) != 1:
        return None
    found = _once(sentence, pattern + complement, re.I)
    if found is None:
        return None
    form = found.group(1)
    before = sentence[: found.start()]
    if re.search(
        r"\b(strongly|be|is|are|was|were|been|its|our|their|the|a|an|this|his|her|shared|common)\s+$",
        before,
        re.I,
    ):
        return None
    if complement is _OBJECT and _NOT_WELCOME.search(" ".join(sentence[found.end(1) :].split()[:6])):
        return None
    if new in ("intend to", "commit to", "aim to") and not _speaker_before(sentence, found.start()):
        return None
    if complement is _TO_INFINITIVE and re.search(r"\b(which|that|who)\s+$", before):
        return None
    replacement = _like(form, _FORMS[new][_slot(old, form)])
    return sentence[: found.start(1)] + replacement + sentence[found.end(1) :]


_VERB_ALT = "|".join(sorted(_BASE_VERBS))
# "X to do": a noun phrase without its own "to", then "to" and a base verb.
_TO_INFINITIVE = rf"\s+(?:(?!\bto\b|, and\b)[^;:.]){{1,80}}?\s+to\s+{_ADVERB}*(?:{_VERB_ALT})\b"
_OBJECT = rf"(?=\s+{_DETERMINERS}\b)"
_BARE_VERB = rf"(?=\s+{_ADVERB}*(?:{_VERB_ALT})\b)"


def urge_to_demand(sentence: str) -> str | None:
    """ "urges X to do" -> "demands that X do" (one infinitive only, so the clause stays whole).

    >>> urge_to_demand("Urges the Government to release all persons arbitrarily detained;")
    'Demands that the Government release all persons arbitrarily detained;'
    >>> urge_to_demand("We urge North Korea to refrain from provocations and engage in dialogue.")
    'We demand that North Korea refrain from provocations and engage in dialogue.'
    >>> urge_to_demand("Urges States to ratify the Treaty and to refrain from testing;") is None
    True
    """
    pattern = _form_pattern(("urge",), (0, 1, 2))
    if len(re.findall(pattern, sentence, re.I)) != 1 or re.search(r"\bstrongly\s+urg", sentence, re.I):
        return None
    found = _once(
        sentence,
        pattern + rf"\s+((?:(?!\bto\b|, and\b)[^;:.]){{1,80}}?)\s+to\s+({_ADVERB}*(?:{_VERB_ALT}))\b",
        re.I,
    )
    if found is None or re.search(r"(,|\band|\bor)\s+to\s+[a-z]+", sentence[found.end() :].split(";")[0]):
        return None
    verb = _like(found.group(1), _FORMS["demand"][_slot(("urge",), found.group(1))])
    return (
        sentence[: found.start()] + f"{verb} that {found.group(2)} {found.group(3)}" + sentence[found.end() :]
    )


def demand_to_urge(sentence: str) -> str | None:
    """ "demands that X do" -> "urges X to do".

    >>> demand_to_urge("Demands that the Russian Federation immediately cease its aggression;")
    'Urges the Russian Federation to immediately cease its aggression;'
    >>> demand_to_urge("Strongly demanding again that it listen;") is None
    True
    >>> demand_to_urge("which demands that Afghan territory must never again be used for terrorism.") is None
    True
    """
    pattern = _form_pattern(("demand",), (0, 1, 2))
    if len(re.findall(pattern, sentence, re.I)) != 1:
        return None
    noun_phrase = r"(?:(?!\b(?:that|must|should|shall|will|may|would|could|can|to)\b)[^;:]){1,60}?"
    found = _once(sentence, pattern + rf"\s+that\s+({noun_phrase})\s+({_ADVERB}*(?:{_VERB_ALT}))\b", re.I)
    if found is None or re.search(r"\bstrongly\s+$", sentence[: found.start()], re.I):
        return None
    verb = _like(found.group(1), _FORMS["urge"][_slot(("demand",), found.group(1))])
    return (
        sentence[: found.start()] + f"{verb} {found.group(2)} to {found.group(3)}" + sentence[found.end() :]
    )


def replace_once(sentence: str, pattern: str, text: str | Callable[[re.Match[str]], str]) -> str | None:
    """Replace the only match of ``pattern`` (None when there are none or several).

    >>> replace_once("Expresses serious concern at the arrests;", r"\\bserious concern\\b", "grave concern")
    'Expresses grave concern at the arrests;'
    >>> replace_once("We express our grave concern over the war.", r"\\b(its|our|their) grave concern\\b",
    ...              lambda m: f"{m.group(1)} gravest concern")
    'We express our gravest concern over the war.'
    """
    found = _once(sentence, pattern)
    if found is None:
        return None
    return _splice(sentence, found, text if isinstance(text, str) else text(found))


def concern_to_condemn(sentence: str) -> str | None:
    """ "expresses concern at X" -> "condemns X" (plain concern only, one rung).

    >>> concern_to_condemn("Expresses concern at the use of harassment and intimidation;")
    'Condemns the use of harassment and intimidation;'
    >>> concern_to_condemn("We expressed serious concern over the launches.") is None
    True
    >>> concern_to_condemn("Both leaders express concern over the recent COVID-19 outbreak.") is None
    True
    """
    found = _once(
        sentence, r"\b([Ee]xpress(?:es|ed|ing)?)\s+(?:(?:its|our|their)\s+)?concern\s+(?:at|about|over)\s+"
    )
    if found is None or _NOT_WELCOME.search(" ".join(sentence[found.end() :].split()[:4])):
        return None
    tense = {
        "express": "condemn",
        "expresses": "condemns",
        "expressed": "condemned",
        "expressing": "condemning",
    }
    return _splice(sentence, found, _like(found.group(1), tense[found.group(1).lower()]) + " ")


def condemn_to_concern(sentence: str) -> str | None:
    """ "condemns X" -> "expresses concern at X".

    >>> condemn_to_concern("We condemn the dangerous use of coast guard vessels.")
    'We express concern at the dangerous use of coast guard vessels.'
    >>> condemn_to_concern("Condemns in the strongest terms the aggression;") is None
    True
    """
    if re.search(r"\bcondemnation\b", sentence, re.I) or len(re.findall(r"\bcondemn", sentence, re.I)) != 1:
        return None
    found = _once(sentence, rf"\b([Cc]ondemn(?:s|ed|ing)?)\s+(?={_DETERMINERS}\b|[A-Z])")
    if found is None or re.search(
        r"\b(strongly|resolutely|unequivocally)\s+$", sentence[: found.start()], re.I
    ):
        return None
    tense = {
        "condemn": "express",
        "condemns": "expresses",
        "condemned": "expressed",
        "condemning": "expressing",
    }
    return _splice(sentence, found, _like(found.group(1), tense[found.group(1).lower()]) + " concern at ")


def add_strongly_condemn(sentence: str) -> str | None:
    """ "condemns" -> "strongly condemns".

    >>> add_strongly_condemn("Condemning the ongoing temporary occupation;")
    'Strongly condemning the ongoing temporary occupation;'
    """
    found = _once(sentence, r"\b([Cc]ondemn(?:s|ed|ing)?)\b(?!\s+(?:in the strongest|without reservation))")
    if found is None or re.search(
        r"\b(strongly|resolutely|unequivocally)\s+$", sentence[: found.start()], re.I
    ):
        return None
    if len(re.findall(r"\bcondemn", sentence, re.I)) != 1:
        return None
    return _splice(sentence, found, _like(found.group(1), "strongly " + found.group(1).lower()))


def drop_word(sentence: str, word: str, before: str) -> str | None:
    """Remove the one ``word`` standing before ``before`` (keeping the capital).

    >>> drop_word("Strongly condemning the forcible transfer of children,", "strongly", "condemn")
    'Condemning the forcible transfer of children,'
    >>> drop_word("The Committee currently anticipates low rates.", "currently", "anticipates")
    'The Committee anticipates low rates.'
    """
    found = _once(sentence, rf"\b{word}\s+({before}\w*)", re.I)
    if found is None:
        return None
    return _splice(sentence, found, _like(found.group(0), found.group(1)))


def add_word(sentence: str, word: str, before: str, after: str = "") -> str | None:
    """Insert ``word`` before the one ``before`` (optionally only after ``after``).

    >>> add_word("We support IORA as the premier regional organization.", "strongly", "support",
    ...          r"\\b(?:We|we|also|They|they|jointly)\\s+")
    'We strongly support IORA as the premier regional organization.'
    """
    found = _once(sentence, rf"{after}\b({before})\b")
    if found is None or re.search(rf"\b{word}\s+$", sentence[: found.start(1)], re.I):
        return None
    return (
        sentence[: found.start(1)]
        + _like(found.group(1), f"{word} {found.group(1).lower()}")
        + sentence[found.end(1) :]
    )


def drop_hedge(sentence: str, hedge: str) -> str | None:
    """Remove the one ``hedge`` phrase with its commas.

    >>> drop_hedge("We will impose measures on entities, where appropriate, in third countries.",
    ...            "where appropriate")
    'We will impose measures on entities in third countries.'
    >>> drop_hedge("It is prepared to employ its tools as appropriate.", "as appropriate")
    'It is prepared to employ its tools.'
    """
    if len(re.findall(hedge, sentence)) != 1:
        return None
    for pattern, text in ((rf",\s+{hedge},", ""), (rf",?\s+{hedge}(?=[.;])", ""), (rf"\s+{hedge},", "")):
        result = replace_once(sentence, pattern, text)
        if result is not None:
            return result
    return None


def add_hedge(sentence: str, hedge: str) -> str | None:
    """Add ``hedge`` to the one "will <verb>" (or "is prepared to <verb>") commitment.

    >>> add_hedge("We will continue to take action against third-country actors.", "where appropriate")
    'We will, where appropriate, continue to take action against third-country actors.'
    >>> add_hedge("We will impose additional sanctions on those companies.", "as appropriate")
    'We will, as appropriate, impose additional sanctions on those companies.'
    >>> add_hedge("A first focus will be on clean energy.", "where appropriate") is None
    True
    """
    if "appropriate" in sentence or "as needed" in sentence:
        return None
    found = _once(sentence, rf"\b(will|(?:is|are) prepared to)(?=\s+{_ADVERB}*(?:{_VERB_ALT})\b)")
    if found is None or re.search(r"\b(will|shall|must|should|may)\b", sentence[found.end() :]):
        return None
    if re.match(r"\s+be\b", sentence[found.end() :]) or not _speaker_before(sentence, found.start()):
        return None
    return _splice(sentence, found, f"{found.group(1)}, {hedge},")


_SPEAKER_VERB = r"(?:anticipates|expects|believes|judges|intends|anticipate|expect|believe|intend)"


def _moves() -> list[Move]:
    """Both directions of every ladder step, with the rewrite that performs each."""
    to_inf, obj = _TO_INFINITIVE, _OBJECT
    steps: dict[tuple[str, str], tuple[Callable[[str], str | None], Callable[[str], str | None]]] = {
        # (weaker, stronger): (rewrite weaker -> stronger, rewrite stronger -> weaker)
        ("should", "must"): (
            lambda s: swap_modal(s, "should", "must"),
            lambda s: swap_modal(s, "must", "should"),
        ),
        ("may", "will"): (lambda s: swap_modal(s, "may", "will"), lambda s: swap_modal(s, "will", "may")),
        ("may", "shall"): (lambda s: swap_modal(s, "may", "shall"), lambda s: swap_modal(s, "shall", "may")),
        ("will likely", "will"): (
            lambda s: swap_modal(s, "will likely", "will"),
            lambda s: swap_modal(s, "will", "will likely"),
        ),
        ("aim to", "intend to"): (
            lambda s: swap_act(s, ("aim to",), "intend to", _BARE_VERB, (0, 1)),
            lambda s: swap_act(s, ("intend to",), "aim to", _BARE_VERB, (0, 1)),
        ),
        ("intend to", "commit to"): (
            lambda s: swap_act(s, ("intend to",), "commit to", _BARE_VERB, (0, 1)),
            lambda s: swap_act(s, ("commit to",), "intend to", _BARE_VERB, (0, 1)),
        ),
        ("encourage", "call upon"): (
            lambda s: swap_act(s, ("encourage",), "call upon", to_inf, (0, 1, 2)),
            lambda s: swap_act(s, ("call upon", "call on"), "encourage", to_inf, (0, 1, 2)),
        ),
        ("call upon", "urge"): (
            lambda s: swap_act(s, ("call upon", "call on"), "urge", to_inf, (0, 1, 2)),
            lambda s: swap_act(s, ("urge",), "call upon", to_inf, (0, 1, 2)),
        ),
        ("urge", "demand"): (urge_to_demand, demand_to_urge),
        ("takes note of", "notes"): (
            lambda s: swap_act(s, ("takes note of",), "notes", obj, (1, 2)),
            lambda s: swap_act(s, ("notes",), "takes note of", obj, (1, 2)),
        ),
        ("notes", "welcomes"): (
            lambda s: swap_act(s, ("notes",), "welcomes", obj, (1,)),
            lambda s: swap_act(s, ("welcomes",), "notes", obj, (1,)),
        ),
        ("noting", "welcoming"): (
            lambda s: swap_act(s, ("notes",), "welcomes", obj, (2,)),
            lambda s: swap_act(s, ("welcomes",), "notes", obj, (2,)),
        ),
        ("noted", "welcomed"): (
            lambda s: swap_act(s, ("notes",), "welcomes", obj, (3,)),
            lambda s: swap_act(s, ("welcomes",), "notes", obj, (3,)),
        ),
        ("concern", "serious concern"): (
            lambda s: replace_once(
                s,
                r"\b((?:[Ee]xpress(?:es|ed|ing)?\s+(?:(?:its|our|their)\s+)?)|(?:with\s+))concern\b",
                lambda m: m.group(1) + "serious concern",
            ),
            lambda s: replace_once(s, r"(?<!very )\bserious concern\b", "concern"),
        ),
        ("serious concern", "grave concern"): (
            lambda s: replace_once(s, r"\bserious concern\b", "grave concern"),
            lambda s: replace_once(s, r"\bgrave concern\b", "serious concern"),
        ),
        ("grave concern", "gravest concern"): (
            lambda s: replace_once(
                s, r"\b(its|our|their) grave concern\b", lambda m: f"{m.group(1)} gravest concern"
            ),
            lambda s: replace_once(s, r"\bgravest concern\b", "grave concern"),
        ),
        ("expressed concern", "condemned"): (concern_to_condemn, condemn_to_concern),
        ("condemned", "strongly condemned"): (
            add_strongly_condemn,
            lambda s: drop_word(s, "strongly", "condemn"),
        ),
        ("monitor", "closely monitor"): (
            lambda s: (
                add_word(s, "closely", "monitor", r"\b(?:to|will|and)\s+")
                if not re.search(r"\b(closely|carefully)\b", s)
                else None
            ),
            lambda s: drop_word(s, "closely", "monitor"),
        ),
        ("support", "strongly support"): (
            lambda s: (
                add_word(s, "strongly", "support", r"\b(?:We|we|also|They|they|jointly)\s+")
                if re.search(rf"\b(?:We|we|also|They|they|jointly)\s+support\s+(?:{_DETERMINERS}\b|[A-Z])", s)
                else None
            ),
            lambda s: drop_word(s, "strongly", "support"),
        ),
        ("where appropriate", "(none)"): (
            lambda s: drop_hedge(s, "where appropriate"),
            lambda s: add_hedge(s, "where appropriate"),
        ),
        ("as appropriate", "(none)"): (
            lambda s: drop_hedge(s, "as appropriate"),
            lambda s: add_hedge(s, "as appropriate"),
        ),
        ("currently", "(none)"): (
            lambda s: drop_word(s, "currently", _SPEAKER_VERB),
            lambda s: (
                add_word(s, "currently", _SPEAKER_VERB, r"\b(?:[Tt]he Committee|[Ww]e)\s+")
                if not re.search(r"\bcurrently\b|\bbelieve in\b", s)
                else None
            ),
        ),
        ("for some time", "for an extended period"): (
            lambda s: replace_once(s, r"\bfor some time\b", "for an extended period") if _policy(s) else None,
            lambda s: replace_once(s, r"\bfor an extended period\b", "for some time") if _policy(s) else None,
        ),
    }
    moves = []
    for ladder, ladder_steps in LADDERS.items():
        for weaker, stronger in ladder_steps:
            up, down = steps[(weaker, stronger)]
            moves.append(Move(ladder, f"{weaker} -> {stronger}", "stronger", up))
            moves.append(Move(ladder, f"{stronger} -> {weaker}", "weaker", down))
    return moves


def _policy(sentence: str) -> bool:
    """Whether an FOMC sentence is forward guidance about the policy rate (not a forecast)."""
    return bool(re.search(r"federal funds rate|policy accommodation", sentence))


# --- reading the corpus (the same joins as the label files assume, without importing them) -----

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Jr|Mr|Mrs|Ms|Dr|St|No|Nos|Gov|Sen|Rep|Inc|Ltd|Co|vs|Gen|Lt|Col|Adm|Amb|Sr"
    r"|e\.g|i\.e|U\.S|U\.K|U\.N|E\.U|D\.C|p\.m|a\.m))\.$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019]?\s+(?=[\"\u201c(\[]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    """Sentences of a corpus file: front matter and link targets dropped, hard wraps joined.

    >>> sentences("The Committee will act.\\nIt will\\nmonitor developments.\\n\\nU.S. officials met.")
    ['The Committee will act.', 'It will monitor developments.', 'U.S. officials met.']
    """
    text = _LINK.sub(r"\1", _FRONT_MATTER.sub("", text)).replace("**", "")
    found: list[str] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        paragraph = " ".join(block.split())
        merged: list[str] = []
        for piece in _SENTENCE_END.split(paragraph) if paragraph else ():
            if merged and _ABBREVIATION.search(merged[-1]):
                merged[-1] += " " + piece
            else:
                merged.append(piece)
        found.extend(merged)
    return found


def _usable(sentence: str) -> bool:
    """A whole, ordinary sentence: no page-break debris, headings, vote lists or dissents."""
    return (
        40 <= len(sentence) <= 700
        and (sentence[0].isupper() or sentence[0] == "(")
        and sentence[-1] in ".;,:"
        and "__" not in sentence
        and not re.search(r"\b(Voting|preferred|dissent|Mr\.|Ms\.)|\b[Hh]e (believed|judged|was)\b", sentence)
    )


def version_files(corpus: Path) -> dict[str, list[str]]:
    """The adopted versions of each series (drafts left out), in order, as corpus-relative paths."""
    manifest = corpus / "manifest.csv"
    series: dict[str, list[str]] = defaultdict(list)
    if manifest.is_file():
        with manifest.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["role"] == "version":
                    series[row["series"]].append(row["file"])
    else:
        for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
            series[folder.name] = [f"{folder.name}/{p.name}" for p in folder.iterdir() if p.is_file()]
    return {name: sorted(files) for name, files in sorted(series.items())}


def generate(corpus: Path) -> list[Case]:
    """Every controlled case the corpus yields: per move at most ``PER_MOVE`` sentences, taken in
    turn from each series (sorted), the same sentence text never twice for one move."""
    files = version_files(corpus)
    pool: list[tuple[str, str, str]] = []
    for series, paths in files.items():
        for path in paths:
            for sentence in sentences((corpus / path).read_text("utf-8")):
                if _usable(sentence):
                    pool.append((series, path, sentence))
    cases: list[Case] = []
    for move in _moves():
        by_series: dict[str, list[Case]] = defaultdict(list)
        seen: set[str] = set()
        for series, path, sentence in pool:
            # A sentence carried unchanged (or nearly) through several versions is used once.
            key = " ".join(sentence.split()[:14])
            if key in seen:
                continue
            new = move.rewrite(sentence)
            if new is None or new == sentence:
                continue
            seen.add(key)
            by_series[series].append(
                Case(series, path, sentence, new, move.direction, move.ladder, move.name)
            )
        picked: list[Case] = []
        queues = [list(by_series[name]) for name in sorted(by_series)]
        while len(picked) < PER_MOVE and any(queues):
            for queue in queues:
                if queue and len(picked) < PER_MOVE:
                    picked.append(queue.pop(0))
        cases.extend(picked)
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--examples", type=int, default=6, help="how many examples to print")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}")
    cases = generate(args.corpus)
    print(
        f"{len(cases)} cases, {len({c.move for c in cases})} distinct moves, "
        f"{len({c.series for c in cases})} series"
    )
    by_ladder = Counter(c.ladder for c in cases)
    by_move = Counter((c.ladder, c.move, c.direction) for c in cases)
    for ladder in LADDERS:
        directions = Counter(c.direction for c in cases if c.ladder == ladder)
        print(
            f"\n{ladder}: {by_ladder[ladder]} ({directions['stronger']} stronger, {directions['weaker']} weaker)"
        )
        for (name, move, direction), n in sorted(by_move.items()):
            if name == ladder:
                print(f"  {move:<42} {direction:<8} {n}")
    print("\nexamples:")
    shown = set()
    for case in cases:
        if len(shown) >= args.examples or case.ladder in shown:
            continue
        shown.add(case.ladder)
        at = next((i for i, (a, b) in enumerate(zip(case.old, case.new, strict=False)) if a != b), 0)
        start = max(0, at - 70)
        print(f"  [{case.ladder}: {case.move}, {case.direction}] {case.file}")
        print(f"    old: ...{case.old[start : start + 150]}")
        print(f"    new: ...{case.new[start : start + 150]}")


if __name__ == "__main__":
    main()
