"""Reading the reporter's words around a quotation: who is quoted, who the article says spoke,
and the reporter's own verb.

News sentences wrap statement language in narration ("They accused China of “...”", "“...,” a
joint statement said"). For each quotation this module reads the narration of its sentence
before the opening mark (from the previous quotation of the sentence, if any) and a few words
after the closing mark, using the data of ``reporting.toml``: the **attribution** (the words
that say whose the quotation is) and its **source** (the statement, or a person speaking
elsewhere), the **speaker** (the subject the article gives the quoted words to) and the
**framing verb** (the reporter's characterising verb, "accused", "hit out at", "noted"). It
also says of a subject phrase whether it names one party or several (``party``), which the
wrong-speaker check compares with the statement's own subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from compare import regexcache
from compare.data import shipped_toml
from compare.quotes.model import Source

__all__ = ["Attribution", "Narration", "Party", "ReportingVerb", "aimed_at", "party", "read_narration", "reporting"]


@dataclass(frozen=True, slots=True)
class ReportingVerb:
    """A reporter's verb of ``reporting.toml`` and where it stands on the stance ladders."""

    id: str
    kind: str
    """"concern", "call", "commitment", "position", "welcome", "mention", or "other" for a light verb."""
    rung: int
    light: bool
    pattern: re.Pattern[str]
    base: int
    """The rung of the plain verb a strong news verb stands for: "slammed" (7) is "condemned" (6)
    said strongly, so it ties with "strongly condemns" and not with "strongly opposes"."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """Words of ``reporting.toml`` that say whose the quoted words are."""

    source: str
    """"statement", "person" or "any" (the words around decide)."""
    introduces: str
    """"clause" (the quoted clause may follow with its own subject) or "object"."""
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Reporting:
    """The compiled contents of ``reporting.toml``."""

    verbs: tuple[ReportingVerb, ...]
    attributions: tuple[Attribution, ...]
    qualifiers: re.Pattern[str]
    names: tuple[tuple[str, re.Pattern[str]], ...]


@cache
def reporting() -> Reporting:
    """The reporting lexicon, read and compiled once."""
    raw = shipped_toml("compare.quotes", "reporting.toml")
    verbs = tuple(
        ReportingVerb(
            entry["id"], entry["kind"], int(entry["rung"]), bool(entry.get("light", False)), _compile(entry["patterns"]),
            int(entry.get("base", entry["rung"])),
        )
        for entry in raw["verb"]
    )
    attributions = tuple(
        Attribution(entry["source"], entry.get("introduces", "clause"), _compile(entry["patterns"]))
        for entry in raw["attribution"]
    )
    qualifiers = _compile([pattern for entry in raw["qualifier"] for pattern in entry["patterns"]])
    names = tuple((entry["name"], _compile(entry["patterns"], flags=0)) for entry in raw["name"])
    return Reporting(verbs, attributions, qualifiers, names)


def _compile(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", flags)


@dataclass(frozen=True, slots=True)
class Narration:
    """What the narration around one quotation says."""

    attribution: str
    source: Source
    speaker: str
    framing_verb: str
    framing: ReportingVerb | None
    before: str
    """The narration before the quotation that was read (for the speaker, the verb and names)."""


_DATELINE = regexcache.compiled(
    r"^\s*[A-Z][\w.'\u2019 ]{1,30}(?:,\s*[A-Z][\w.'\u2019 ]{1,30}){0,2}(?:,?\s*\d{1,2})?(?:,\s*\d{4})?\s*"
    r"(?:\([^)]{1,30}\)\s*)?(?:\s-{1,2}\s|[\u2014\u2013])\s*"
)
"""A wire dateline before the first sentence: "TOKYO, April 9 — ", "Tokyo, Japan—",
"WILMINGTON, Delaware, Sept. 21 — "."""
_LEADING_PHRASE = regexcache.compiled(
    r"^\s*(?:(?:on|in|at|for|after|before|during|with|as|amid)\b[^,\u201c\u201d\"]{0,80},\s*)+", re.IGNORECASE
)
"""An opening adverbial set off by a comma: "On North Korea, ", "In language seen as aimed at Beijing, "."""
_TRAILING_FILLER = regexcache.compiled(
    r"(?:\s+(?:also|further|again|jointly|together|all|to|that|on|last|this|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day))+\s*$",
    re.IGNORECASE,
)
_VERB_LIKE = regexcache.compiled(
    r"\b(?:had|has|have|was|were|is|are|would|will|could|should|can|may|might|must|did|do|does|met|made|"
    r"[a-z]+ed)\b"
)
"""Where a subject phrase ends at the latest: an auxiliary or a past tense ("marked", "met")."""
_PRONOUN = regexcache.compiled(r"^(?:they|it|he|she|we|them|themselves|itself)$", re.IGNORECASE)
_NOT_A_SUBJECT = regexcache.compiled(r"^(?:in|on|at|of|for|to|with|from|by|which|who|that)\b|['\u2019]s?$", re.IGNORECASE)
_CARRIES_ON = regexcache.compiled(r"[\s,]*(?:(?:and|or)\b[\s,]*(?:that\b\s*)?(?:[\w\u2019'-]+\s*){0,2})?", re.IGNORECASE)
"""Narration that only joins a quotation to the previous one ("and that Chinese")."""
_RELATIVE = regexcache.compiled(r",\s*(?:which|who|whom|whose|where|when)\b[^,]*(?:,|$)", re.IGNORECASE)
"""A relative clause set off by commas ("On Ukraine, where New Delhi has declined to criticise
Moscow, the leaders voiced ..."): its verbs are the background's, not the quotation's frame."""
_THE_WORDS = regexcache.compiled(
    r"\b(?:phrase|line|language|wording|words|passage|sentence|formulation|reference)\b", re.IGNORECASE
)
"""The quotation named as words after it ("“...,” a phrase economists said showed ..."): whoever
speaks next comments on the words, and does not say them."""
_ASIDE = regexcache.compiled(r",\s*(?:speaking|who\s+(?:spoke|asked|requested|declined))\b[^,]*,", re.IGNORECASE)
"""An aside between a speaker and the verb ("A Fed official, speaking on condition of anonymity
because the talks are private, said"): taken out, so that the speaker meets the verb."""
_DENIED = regexcache.compiled(
    r"(?:\bnot|\bnever|n['\u2019]t|\bdeclin(?:e|es|ed|ing)\s+to|\brefus(?:e|es|ed|ing)\s+to|\bshort\s+of|"
    r"\brefrain(?:s|ed|ing)?\s+from|\bavoid(?:s|ed|ing)?|\bwithout|\bno\s+longer)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
"""Words that deny the verb after them ("declined to criticise", "stopped short of condemning",
"without naming"): a verb the speakers did not use frames nothing."""
_WORDS = regexcache.compiled(r"[\w'\u2019.-]+")
_AIMED = regexcache.compiled(
    r"\b(?:(?:aimed|directed|targeted|pointed)\s+(?:\w+ly\s+)?at"
    r"|(?:swipe|jab|dig|broadside|potshot|rebuke|warning|message|signal)\s+(?:at|to)"
    r"|(?:reference|allusion|nod)\s+to)"
    r"\s+(?:[\w\u2019'-]+\s+){0,3}[\w\u2019'-]+",
    re.IGNORECASE,
)
"""The reporter pointing the quoted words at a party: "in a veiled swipe at Beijing", "a move aimed
squarely at Moscow", "a clear message to Pyongyang"."""
_CALLS_THE_TEXT = regexcache.compiled(
    r"\b(?:the|this|that|its|their)\s+(?:\w+\s+)?(?:text|statement|resolution|communiqu[eé]|declaration|document)\s+as\s*$",
    re.IGNORECASE,
)
"""The statement named as what the quoted words call it ("rejected the text as “...”",
"dismissed the communiqué as “...”"): the words are the critic's, not the statement's."""


def read_narration(before: str, after: str, previous: Narration | None = None) -> Narration:
    """Read the attribution, source, speaker and framing verb of one quotation.

    Args:
        before: the sentence's words before the opening mark (after the previous quotation's
            closing mark when the sentence has one).
        after: the words after the closing mark, up to the next quotation or the sentence's end.
        previous: the narration of the sentence's previous quotation, whose speaker and verb a
            quotation joined to it by "and" alone carries on ("They accused China of “...” and
            that Chinese “...”").

    >>> n = read_narration("They accused China of ", "")
    >>> (n.speaker, n.framing_verb, n.source.value)
    ('They', 'accused', 'statement')
    >>> n = read_narration("", ", a senior official told reporters.")
    >>> (n.attribution, n.source.value)
    ('a senior official told reporters', 'person')
    >>> n = read_narration("Whitcomb told reporters the United States ", "")
    >>> (n.speaker, n.source.value)
    ('the United States', 'person')
    """
    lexicon = reporting()
    readable = _RELATIVE.sub(", ", before)  # "The pact, which Beijing has criticised as ..., is"
    readable = _ASIDE.sub(" ", readable)  # "A Fed official, speaking on condition of anonymity, said"
    carries_on = (
        previous is not None
        and _CARRIES_ON.fullmatch(before) is not None
        and not _saying(before, lexicon)
        and not _verbs(before, lexicon)
        and not _VERB_LIKE.search(before)
    )
    if carries_on and previous is not None:
        return Narration(previous.attribution, previous.source, previous.speaker, previous.framing_verb,
                         previous.framing, before)
    saying = _saying(readable, lexicon)
    introduced = readable[saying[-1][1] :] if saying else readable
    framing, verb_text = _framing(_verbs(introduced, lexicon), introduced)
    if framing is None and saying:
        # "took aim at China’s conduct ..., declaring themselves “...”": a reporter's criticism
        # colours the words its sentence goes on to quote (a pledge or a note does not)
        critical = [item for item in _verbs(readable, lexicon) if item[2].kind in ("concern", "mention")]
        framing, verb_text = _framing(critical, readable)
    if framing is None:
        framing, verb_text = _verb_after(after, lexicon)
    attribution, source = _attribution(readable, after, lexicon, saying)
    speaker = _speaker(readable, lexicon, saying)
    if previous is not None and (not speaker or _PRONOUN.match(speaker)):
        speaker = previous.speaker or speaker
    if _CALLS_THE_TEXT.search(before):
        # "North Korea's envoy rejected the text as “...”": what someone calls the statement
        source = Source.PERSON
    elif source is Source.UNATTRIBUTED and (framing is not None or saying):
        source = Source.STATEMENT
    return Narration(attribution, source, speaker, verb_text, framing, before)


def aimed_at(sentence: str) -> str:
    """The reporter's words in a sentence that point what it quotes at a party, or "".

    >>> aimed_at("Quad leaders … coercion at sea in veiled swipe at Beijing")
    'swipe at Beijing'
    >>> aimed_at("The move was not aimed at any country, officials said.")
    ''
    """
    for found in _AIMED.finditer(sentence):
        if not _DENIED.search(sentence[max(0, found.start() - 40) : found.start()]):
            return found.group()
    return ""


def _saying(text: str, lexicon: Reporting) -> list[tuple[int, int, Attribution]]:
    """Every attribution in the text, in reading order."""
    found = [(m.start(), m.end(), entry) for entry in lexicon.attributions for m in entry.pattern.finditer(text)]
    return sorted(found, key=lambda item: (item[0], -item[1]))


def _verbs(text: str, lexicon: Reporting) -> list[tuple[int, int, ReportingVerb]]:
    """Every reporter's verb in the text, longest first where two overlap, in reading order."""
    found = []
    for verb in lexicon.verbs:
        for match in verb.pattern.finditer(text):
            found.append((match.start(), match.end(), verb))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[tuple[int, int, ReportingVerb]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def _framing(found: list[tuple[int, int, ReportingVerb]], text: str) -> tuple[ReportingVerb | None, str]:
    """The verb that frames the quotation: a characterising verb before a light one ("accused
    China of ..., expressing “concern”" is an accusation), else the one nearest the quotation."""
    found = [item for item in found if not _DENIED.search(text[max(0, item[0] - 40) : item[0]])]
    if not found:
        return None, ""
    heavy = [item for item in found if not item[2].light]
    start, end, verb = heavy[-1] if heavy else found[-1]
    if verb.light:
        # "expressed concern about China’s “...”": the light verb and the words it governs
        end = start + len(text[start:].rstrip())
        words = text[start:end].split()
        return verb, " ".join(words[:6])
    return verb, " ".join(text[start:end].split())


def _verb_after(after: str, lexicon: Reporting) -> tuple[ReportingVerb | None, str]:
    """A characterising verb right after the quotation, with its subject ("“...,” the leaders
    warned"); never one that opens a clause of its own ("... and called on Iran")."""
    head = " ".join(after.split()[:6])
    found = _verbs(head, lexicon)
    if not found:
        return None, ""
    start, end, verb = found[0]
    lead = head[:start]
    # "..., a long-standing Indian demand": a noun phrase set beside the quotation, not its subject
    if verb.light or re.search(r"\b(?:and|while|but|as|which|who|a|an)\b", lead, re.IGNORECASE) or len(lead.split()) > 4:
        return None, ""
    # "..., stopping short of condemning Russia": a verb denied frames nothing; "..., the
    # statement said, referring to a pact": after the attribution comes the reporter's own gloss
    if _DENIED.search(lead) or _saying(lead, lexicon):
        return None, ""
    return verb, head[start:end]


def _attribution(text: str, after: str, lexicon: Reporting, saying: list) -> tuple[str, Source]:
    """The attribution phrase nearest the quotation and whom it gives the words to."""
    near_after = " ".join(after.split()[:10])
    after_saying = [item for item in _saying(near_after, lexicon) if not re.search(
        r"\b(?:and|while|but)\b", near_after[: item[0]], re.IGNORECASE) and not _THE_WORDS.search(near_after[: item[1]])]
    for found, where in ((after_saying, near_after), (list(reversed(saying)), text)):
        for source in ("person", "statement", "any"):
            for start, end, entry in found:
                if entry.source != source:
                    continue
                if where is near_after:
                    phrase = where[:end]
                else:
                    phrase = " ".join([*re.split(r"[,;]", where[:start])[-1].split()[-4:], where[start:end]])
                if source == "person" or (source == "any" and _is_person(_speaker(text, lexicon, saying))):
                    return _tidy(phrase), Source.PERSON
                return _tidy(phrase), Source.STATEMENT
    return "", Source.UNATTRIBUTED


def _is_person(speaker: str) -> bool:
    return bool(_PERSON.search(speaker)) and not re.search(r"\band\b|,", speaker)


def _tidy(text: str) -> str:
    return " ".join(text.strip(" ,.;:\u201c\u201d\"'\u2018\u2019").split())


def _speaker(text: str, lexicon: Reporting, saying: list) -> str:
    """The subject the article gives the quoted words to, as written ("Both governments")."""
    offset = 0
    dateline = _DATELINE.match(text)
    if dateline:
        offset = dateline.end()
    lead = _LEADING_PHRASE.match(text, offset)
    if lead:
        offset = lead.end()
    body = text[offset:]
    appositive = re.match(r"[^,]*\b(?:who|which)\b[^,]*,\s*", body)  # "the opposition leader who died ..., "
    if appositive:
        body = body[appositive.end() :]
        offset += appositive.end()
    verbs = [start for start, _, _ in _verbs(body, lexicon)]
    saying_here = [(start - offset, end - offset, entry) for start, end, entry in saying if start >= offset]
    first = min([*verbs, *(start for start, _, _ in saying_here)], default=len(body))
    head = _subject(body[:first])
    clause_saying = [item for item in saying_here if item[2].introduces == "clause"]
    if clause_saying:
        # "the leaders said Russia “must ...”", "Whitcomb told reporters the United States “...”":
        # the quoted clause has a subject of its own after the reporting verb
        tail_start = clause_saying[-1][1]
        tail_end = min([start for start in verbs if start >= tail_start], default=len(body))
        tail = _subject(re.sub(r"^[\s,]*that\b", "", body[tail_start:tail_end], flags=re.IGNORECASE))
        if tail and not _PRONOUN.match(tail):
            return tail
    return head


def _subject(text: str) -> str:
    """The noun phrase a stretch of narration opens with, or "" when it opens with none."""
    text = text.strip(" ,;:\u2014\u2013-")
    text = re.sub(r"^(?:and|while|but|as|with|so)\b\s*", "", text, flags=re.IGNORECASE)
    verb = _VERB_LIKE.search(text)
    if verb:
        text = text[: verb.start()]
    text = _TRAILING_FILLER.sub("", " " + text.strip(" ,;:")).strip(" ,;:")
    text = " ".join(text.split())
    if not text or _NOT_A_SUBJECT.search(text):
        return ""
    return text


@dataclass(frozen=True, slots=True)
class Party:
    """Who a subject phrase names: several parties, one, the document itself, or unknown."""

    kind: str
    """"collective", "single", "document" or "unknown"."""
    names: frozenset[str] = frozenset()
    """Canonical country or body names it holds; for a person, their surname."""


_COLLECTIVE = regexcache.compiled(
    r"\b(?:we|they|both|two|three|four|five|all|leaders|ministers|presidents|sides|officials|governments|"
    r"allies|partners|countries|nations|parties|members|delegations|heads|quad|g7|g20|aukus|assembly|"
    r"council|committee|alliance|group)\b",
    re.IGNORECASE,
)
_COUNTING = regexcache.compiled(r"\b(?:we|they|both|two|three|four|five|all|each)\b", re.IGNORECASE)
_DOCUMENT = regexcache.compiled(r"\b(?:statement|communiqu[eé]|declaration|resolution|text|document|readout)\b", re.IGNORECASE)
_PERSON = regexcache.compiled(
    r"\b(?:President|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Secretary|Minister|Prime\s+Minister|Chancellor|Premier|Advisor|Adviser)"
    r"(?:\s+[A-Z][\w.'-]*)*\s+([A-Z][\w'-]+)\b"
)


def party(phrase: str, names: tuple[str, ...], *, strict: bool = False) -> Party:
    """Whether a subject phrase names several parties, one, or the document itself.

    Args:
        phrase: the subject as written ("The Israeli side", "Both governments").
        names: the canonical country and body names found in it (by the classifier).
        strict: read a statement's subject, which must look like a speaker: no possessive
            ("Russia’s attacks on ..." is no speaker), one party named in at most four words
            ("The Israeli side"), a person only with a title ("President Yoon").

    >>> party("Both governments", ()).kind, party("The United States", ("United States",))
    ('collective', Party(kind='single', names=frozenset({'United States'})))
    >>> party("For his part, President Yoon", ())
    Party(kind='single', names=frozenset({'yoon'}))
    >>> party("U.S. officials", ("United States",)).kind, party("the statement", ()).kind
    ('single', 'document')
    """
    text = re.sub(r"^.*,\s*(?=\S)", "", phrase) if re.match(r"^\s*(?:for|in|on|at)\b[^,]*,", phrase, re.IGNORECASE) else phrase
    if not text.strip():
        return Party("unknown")
    if _DOCUMENT.search(text):
        return Party("document")
    if _PRONOUN_PARTY.fullmatch(text.strip()):
        return Party("collective" if text.strip().lower() in ("we", "they") else "unknown")
    if strict and (_POSSESSIVE.search(text) or len(_WORDS.findall(text)) > 8):
        return Party("unknown")
    people = {match.group(1).lower() for match in _PERSON.finditer(text)}
    distinct = set(names)
    if _COUNTING.search(text) or re.search(r"\band\b", text, re.IGNORECASE) and len(distinct | people) >= 2:
        return Party("collective", frozenset(distinct))
    if len(distinct) == 1:
        if strict and len(_WORDS.findall(text)) > 4:
            return Party("unknown")
        return Party("single", frozenset(distinct))
    if len(distinct) > 1:
        return Party("collective", frozenset(distinct))
    if people:
        return Party("single", frozenset(people))
    if _COLLECTIVE.search(text):
        return Party("collective")
    words = [word for word in _WORDS.findall(text) if word.lower() not in _NOT_NAMES]
    if not strict and len(words) == 1 and words[0][:1].isupper() and len(words[0]) > 2:
        return Party("single", frozenset({words[0].lower()}))  # a surname: "Whitcomb"
    return Party("unknown")


_PRONOUN_PARTY = regexcache.compiled(r"(?:we|they|it|he|she)", re.IGNORECASE)
_POSSESSIVE = regexcache.compiled(r"\w['\u2019]s\b(?!\s+Republic)")
_NOT_NAMES = frozenset(
    """also further furthermore moreover finally again together today jointly additionally
    accordingly and but while it he she this that these those such""".split()
)
