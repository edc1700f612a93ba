"""Reading one clause: its governing stance, how hard it is put, who speaks and about whom.

See the package docstring (``compare.classify``) for how a clause is read.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from compare import regexcache
from compare.classify.compiled import Compiled
from compare.classify.grammar import (
    OPENS_ON_COPULA,
    PREVIOUS_WORD,
    in_adverbial_clause,
    in_relative_clause,
    is_participle,
    is_quoted_fragment,
    joins_in,
    no_stance,
    not_reported,
    opens_relative,
    others_state,
    owned,
    united_in,
    verb_object,
)
from compare.classify.lexicon import Context, Lexicon, StanceEntry, load_lexicon
from compare.classify.markers import (
    bare_modal_markers,
    hedges_near,
    intensifiers_around,
    obligation_markers,
    read_markers,
)
from compare.classify.scanner import WORD_PATTERN as _WORDS
from compare.classify.scanner import words as _words
from compare.model import Clause, Kind, Label, Marker

__all__ = ["INFINITIVE_OPENING", "classify", "mentions_speaker", "opens_with_speaker", "plain_quotes", "remembered"]

_STOP_BETWEEN = frozenset("to of for in on at that which who with by from as than and or but not no".split())
_WORD = regexcache.compiled(r"[\w'’-]+")
_QUOTE = regexcache.compiled(r'"([^"]+)"')
_LEAD = regexcache.compiled(
    r"\s*(?:[-*•]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z]{1,4}\)\s+|\d{1,3}\.\s*)?"
    r"(?:the\s+general\s+assembly\s*,\s*)?"
    r"(?:(?:also|further|furthermore|moreover|finally|in\s+addition|together|today|"
    r"to\s+that\s+end|in\s+this\s+context|in\s+this\s+regard|accordingly|consequently|"
    r"as\s+a\s+consequence|nonetheless|nevertheless|however|in\s+particular|"
    r"individually\s+and\s+together)\s*,\s*)*",
    re.IGNORECASE,
)
_AND_BEFORE = regexcache.compiled(r"\band(?:\s+(?:also|further|\w+ly))*\s+$", re.IGNORECASE)
_LINKED_BEFORE = regexcache.compiled(r"\b(?:and|while|as\s+well\s+as)(?:\s+(?:also|further|\w+ly))*\s+$", re.IGNORECASE)
"""What links a light verb with no subject of its own to the clause's stance ("..., while
EXPRESSING serious concern at")."""
_DENIED_BY_NEGATION = frozenset({"threat-noun"})  # acts saying what a thing is: negated, denied
_INFINITIVE = regexcache.compiled(r"\bto\s+$", re.IGNORECASE)
_COORDINATED = regexcache.compiled(
    r"(?:,\s*|\s)(?:and|while|but|as\s+well\s+as)(?:\s+(?:also|further|\w+ly|we|they|it))*\s*$", re.IGNORECASE
)
_POSSESSIVE_OPENING = regexcache.compiled(r"\s*(?:our|its|their)(?:\s+[\w-]+){0,2}\s+$", re.IGNORECASE)
_CHARACTERS = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u02bc": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    entry: StanceEntry
    subject_start: int = -1
    """Start of the speaker it is attached to, or -1."""
    at_opening: bool = False
    light_start: int = -1
    """Start of the light verb that governs this noun, or -1."""

    @property
    def phrase_start(self) -> int:
        return self.light_start if self.light_start >= 0 else self.start


def plain_quotes(text: str) -> str:
    """Typographic quotes, dashes and spaces as ASCII, one character for one (offsets hold).

    >>> plain_quotes("\u201cstrongly condemned\u201d Russia\u2019s")
    '"strongly condemned" Russia\\'s'
    """
    return text.translate(_CHARACTERS)


def classify(
    clause: Clause, *, lexicon: Lexicon | None = None, context: Context | None = None
) -> Clause:
    """Return the clause with its Label: kind, intensity, stance, hedges, actors, targets, topics.

    Args:
        clause: a clause from segment(); its text is read, never changed.
        lexicon: the word lists to use; the shipped lexicon when None.
        context: what the document says that the clause does not (the default speaker).

    Returns:
        ``dataclasses.replace(clause, label=Label(...))``.
    """
    used = lexicon if lexicon is not None else load_lexicon()
    return dataclasses.replace(clause, label=_remembered_label(clause.text, used, context or Context()))


LABELS_KEPT = 20_000
"""Labels a lexicon remembers at most (the oldest are forgotten first): reading one is pure
(text and context in, label out), and statements repeat most of their sentences."""


def _remembered_label(text: str, lexicon: Lexicon, context: Context) -> Label:
    """The label of a text in a context, read once per lexicon."""
    known = lexicon.compiled.labels
    key = (text, context)
    label = known.get(key)
    if label is None:
        label = known[key] = _label(text, lexicon, context)
        if len(known) > LABELS_KEPT:
            del known[next(iter(known))]
    return label


def opens_with_speaker(text: str, lexicon: Lexicon) -> bool:
    """Whether a clause opens, past any lead-in, on one of the lexicon's speakers or a named
    country or body ("The United States and the European Union have already taken, ...")."""
    plain = plain_quotes(text)
    opening = _LEAD.match(plain).end()
    actors, names = _speaker_mentions(plain, lexicon)
    return any(start <= opening + len("the ") for start, _, _ in (*actors, *names))


def mentions_speaker(text: str, lexicon: Lexicon) -> bool:
    """Whether a clause names one of the lexicon's speakers anywhere ("..., the leaders announced"),
    not as an owner ("at the centre of the Quad's efforts")."""
    plain = plain_quotes(text)
    actors, _ = _speaker_mentions(plain, lexicon)
    return any(not plain.startswith("'s", end) for _, end, _ in actors)


def _speaker_mentions(plain: str, lexicon: Lexicon) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """The lexicon's actors and the named countries and bodies a clause mentions."""
    _, _, actors, names, _ = lexicon.compiled.main.scan(plain, _words(plain))
    return actors, names


def remembered(text: str, lexicon: Lexicon, context: Context) -> bool:
    """Whether the lexicon has read this text in this context already (reading it again costs
    nothing)."""
    return (text, context) in lexicon.compiled.labels


def _label(text: str, lexicon: Lexicon, context: Context) -> Label:
    compiled = lexicon.compiled
    plain = plain_quotes(text)
    words = _words(plain)
    opening = _LEAD.match(plain).end()
    quotes = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(plain)]
    attribution_span = compiled.attribution.search(plain, words) if compiled.attribution else None
    quoted = bool(quotes) and (
        attribution_span is not None
        or any(is_quoted_fragment(plain[start:end]) for start, end in quotes)
    )
    verb_found, noun_found, actor_found, name_found, topic_found = compiled.main.scan(plain, words)
    # "China" in "the South China Sea" names a place, not the country (see entities.toml)
    places = [(start, end) for start, end, group in topic_found if compiled.topic_of_group[group] in compiled.places]
    names = [
        (start, end, compiled.name_of_group[group])
        for start, end, group in name_found
        if not any(p_start <= start and end <= p_end and (p_start, p_end) != (start, end) for p_start, p_end in places)
    ]
    speakers = _speakers(plain, actor_found, compiled, names if context.speaker is None else [])
    hits = _stance_hits(plain, verb_found, noun_found, compiled, speakers, opening, quotes)
    if context.speaker is None and names:
        # a name that is also one of the lexicon's speakers ("G7 countries") is never reported on
        third_parties = {start for start, _, _ in names} - {start for start, _, _ in actor_found}
        hits = not_reported(hits, plain, speakers, third_parties)

    def inside(hit: _Hit) -> bool:
        return any(start <= hit.start < end for start, end in quotes)

    governing, peers = (None, [])
    if quoted:
        governing, peers = _govern([h for h in hits if inside(h)], plain)
    if governing is None:
        governing, peers = _govern([h for h in hits if not inside(h)], plain)

    targets_found = tuple(dict.fromkeys(name for _, _, name in names))
    topics = tuple(dict.fromkeys(compiled.topic_of_group[g] for _, _, g in topic_found))
    attribution = (
        " ".join(text[attribution_span[0] : attribution_span[1]].split())
        if attribution_span
        else None
    )
    quotations = tuple(" ".join(text[start:end].split()) for start, end in quotes) if quoted else ()
    continues_lead = governing is None or INFINITIVE_OPENING.match(plain) is not None
    if continues_lead and context.lead is not None and context.lead.kind is not Kind.OTHER:
        return dataclasses.replace(
            context.lead,
            targets=targets_found,
            topics=topics,
            quoted=quoted,
            attribution=attribution,
            quotes=quotations,
        )
    if governing is None:  # no stance, so nobody speaks but the genre's default speaker
        return Label(
            kind=Kind.OTHER,
            actors=(context.speaker,) if context.speaker else (),
            targets=targets_found,
            topics=topics,
            quoted=quoted,
            attribution=attribution,
            quotes=quotations,
            markers=bare_modal_markers(text, plain, words, compiled),
        )

    entry = governing.entry
    strongest = governing
    for peer in peers:
        if peer.entry.kind is entry.kind and peer.entry.rung > strongest.entry.rung:
            strongest = peer
    head = _head_of_modal(plain, strongest, hits, compiled)
    reading = read_markers(
        text, plain, words, (strongest.start, strongest.phrase_start, strongest.end), strongest.entry, compiled, head
    )
    markers = reading.markers + _other_markers(text, plain, words, hits, (strongest, head), reading.markers, compiled)
    # Who speaks is the subject the stance word is attached to (with any names coordinated
    # before it), not every name before the word: in "They stressed that these launches violate
    # UN Security Council resolutions and pose a grave threat", the Council is not speaking.
    # (a stance the speakers join others in, ", in condemning", has the main clause's subject)
    subject_start = governing.subject_start
    if subject_start < 0:
        subject_start = next((h.subject_start for h in hits if h.subject_start >= 0 and h.start < governing.start), -1)
    subject_ends = [end for start, end, _ in speakers if start == subject_start]
    speaking_end = max(subject_ends) if subject_ends else governing.phrase_start
    # where the speakers judge a thing ("The violations committed by ... Russian proxies ... ARE
    # unacceptable"), the names in it are what is judged, not who judges
    judged = subject_start < 0 and OPENS_ON_COPULA.match(plain, governing.start)
    actors = () if judged else _actors_before(plain, speaking_end, opening, speakers, compiled)
    if not actors and context.speaker:
        actors = (context.speaker,)
    label = Label(
        kind=entry.kind,
        intensity=max(1, strongest.entry.rung + reading.rise - reading.fall),
        stance=" ".join(text[reading.phrase_start : reading.phrase_end].split()),
        negated=reading.negated,
        hedges=reading.hedges,
        markers=tuple(sorted(markers, key=lambda marker: marker.start)),
        actors=actors,
        targets=tuple(t for t in targets_found if t not in actors),
        topics=topics,
        quoted=quoted,
        attribution=attribution,
        quotes=quotations,
        stance_quoted=quoted and inside(governing),
    )
    # "it is the Committee's view that they do not pose a more persistent threat": none is seen
    return no_stance(label) if entry.id in _DENIED_BY_NEGATION and reading.negated else label


def _head_of_modal(plain: str, act: _Hit, hits: list[_Hit], compiled: Compiled) -> tuple[int, int, StanceEntry] | None:
    """The stance verb a modal act governs ("will [continue to] strongly SUPPORT", "will,
    where appropriate, SUPPORT"), if one follows it with only fillers and asides between; None
    when the act is no modal or governs none."""
    if compiled.modal_exact is None or not compiled.modal_exact.fullmatch(plain, act.start, act.end):
        return None
    for hit in hits:
        if hit.phrase_start >= act.end:
            between = _ASIDE.sub(" ", plain[act.end : hit.phrase_start])
            if compiled.fillers.fullmatch(between):
                return hit.phrase_start, hit.end, hit.entry
    return None


_ASIDE = regexcache.compiled(r",[^,]{1,40},")
"""A phrase set off by commas between a modal and its verb ("will, where appropriate, ...")."""

def _other_markers(
    text: str,
    plain: str,
    words: list[tuple[int, str]],
    hits: list[_Hit],
    used: tuple[_Hit, tuple[int, int, StanceEntry] | None],
    found: tuple[Marker, ...],
    compiled: Compiled,
) -> tuple[Marker, ...]:
    """The clause's other stance words ("Recalling ..., and NOTING the proposals"), as "also"
    markers, and its obligation modals outside the act's own, as "obligation" markers."""
    act, head = used
    taken = {marker.start for marker in found} | {act.phrase_start, act.start}
    if head is not None:
        taken.add(head[0])
    extra = []
    for hit in hits:
        if hit.phrase_start in taken or hit.start in taken:
            continue
        phrase = " ".join(text[hit.phrase_start : hit.end].split())
        entry = hit.entry
        extra.append(Marker("also", phrase, entry.rung, hit.phrase_start, entry.id, entry.on_scale, entry.kind.value))
        # its own intensifiers ("while expressing SERIOUS concern", "in STRONGLY condemning")
        # and hedges ("and CURRENTLY anticipates"), which shift() weighs with the act's
        own = [marker for marker, _ in intensifiers_around(text, plain, words, (hit.phrase_start, hit.end), compiled)]
        for marker in own + hedges_near(text, plain, words, (hit.phrase_start, hit.end), compiled):
            if marker.start not in taken:
                taken.add(marker.start)
                extra.append(marker)
    extra += obligation_markers(text, plain, words, taken, compiled)
    return tuple(extra)


def _speakers(
    plain: str,
    actor_found: list[tuple[int, int, str]],
    compiled: Compiled,
    names: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """Every mention that can be a speaker: actors, and names of countries or organisations."""
    found = list(names)
    for start, end, group in actor_found:
        name = compiled.actor_names[group]
        if name == "the speaker":
            name = " ".join(plain[start:end].split())
        found.append((start, end, name))
    found.sort()
    return found


def _stance_hits(
    plain: str,
    verb_found: list[tuple[int, int, str]],
    noun_found: list[tuple[int, int, str]],
    compiled: Compiled,
    speakers: list[tuple[int, int, str]],
    opening: int,
    quotes: list[tuple[int, int]],
) -> list[_Hit]:
    fillers = compiled.fillers
    quote_starts = [start for start, _ in quotes]

    subjects = [
        (start, end) for start, end, _ in speakers
        if not compiled.object_before.search(plain, max(0, start - 12), start)
        and not plain.startswith("'s", end)
        and not opens_relative(plain, start, end, opening, speakers)
    ]
    main_subject = next((start for start, end in subjects if fillers.fullmatch(plain, opening, start)), -1)

    def attached(position: int) -> int:
        for start, end in reversed(subjects):
            if end <= position:
                if fillers.fullmatch(plain, end, position):
                    return start
                if position - end > 80:
                    break
        # a verb coordinated with the main one shares its subject ("The Committee is
        # maintaining ... and intends to ...")
        word = _WORDS.match(plain, position)
        is_participle = bool(word) and word.group(0).lower().endswith("ing")
        if main_subject >= 0 and not is_participle and _AND_BEFORE.search(plain, max(0, position - 30), position):
            if ";" not in plain[main_subject:position]:
                return main_subject
        return -1

    def at_opening(position: int) -> bool:
        starts = [opening, *(s for s in quote_starts if s <= position)]
        return any(fillers.fullmatch(plain, start, position) for start in starts if start <= position)

    nouns = [(start, end, compiled.noun_entries[group]) for start, end, group in noun_found]
    used_nouns: set[int] = set()
    hits: list[_Hit] = []
    determiners = compiled.determiners
    for start, end, group in verb_found:
        entry = compiled.verb_entries[group]
        previous = PREVIOUS_WORD.search(plain, max(0, start - 20), start)
        frame = -1
        if previous and owned(previous.group(1), determiners) and not joins_in(plain, start, end):
            frame = united_in(plain, start)  # "We are united in condemning ...": the speakers' verb
            if frame < 0 or attached(frame) < 0:
                continue  # "the demands of", "Modi's plan to": a noun, not the verb
        if any(start < n_end and n_start < end for n_start, n_end, _ in nouns if n_start in used_nouns):
            continue
        if entry.role == "light":
            noun = _governed_noun(plain, end, nouns)
            if noun is not None:
                n_start, n_end, n_entry = noun
                subject, opens = attached(start), at_opening(start)
                linked = joins_in(plain, start, end) or _LINKED_BEFORE.search(plain, max(0, start - 30), start)
                if entry.kind is Kind.OTHER and subject < 0 and not opens and not linked:
                    continue  # "our shared commitment": "share" is no speaker's verb here
                used_nouns.add(n_start)
                hits.append(_Hit(n_start, n_end, n_entry, subject, opens, start))
                continue
            if entry.kind is Kind.OTHER:
                continue
        subject = attached(frame if frame >= 0 else start)
        opens = at_opening(start)
        if entry.needs_subject and subject < 0 and not opens:
            continue
        if subject < 0 and not opens and " " not in plain[start:end] and not plain[end:].strip(" .;:,)\"'"):
            continue  # "... or extortion demands.": a noun ending the clause, not a verb
        if subject < 0 and not opens and _INFINITIVE.search(plain, max(0, start - 4), start):
            continue  # "efforts to encourage ...": the complement of another word, not a stance
        if entry.kind is Kind.COMMITMENT and subject < 0 and not opens and others_state(plain, start):
            continue  # "... and central banks remain committed to": someone else's resolve
        hits.append(_Hit(start, end, entry, subject, opens))
    for n_start, n_end, n_entry in nouns:
        if n_start not in used_nouns and _POSSESSIVE_OPENING.fullmatch(plain, opening, n_start):
            hits.append(_Hit(n_start, n_end, n_entry, -1, True))
    hits.sort(key=lambda hit: hit.phrase_start)
    return [
        hit for hit in hits
        if not in_relative_clause(plain, hit.phrase_start) and not in_adverbial_clause(plain, hit.subject_start)
    ]


_ABBREVIATION = regexcache.compiled(r"\b(?:[A-Z]\.){2,}")


def _governed_noun(
    plain: str, light_end: int, nouns: list[tuple[int, int, StanceEntry]]
) -> tuple[int, int, StanceEntry] | None:
    for noun in nouns:
        n_start = noun[0]
        if n_start < light_end:
            continue
        between = _ABBREVIATION.sub("", plain[light_end:n_start])  # "reiterated U.S. support"
        found = _WORD.findall(between)
        if len(found) > 4 or any(ch in between for ch in '.;:,()"'):
            return None
        if any(word.lower() in _STOP_BETWEEN for word in found):
            return None
        return noun
    return None


_OPENING_FILLERS = frozenset({"also", "further", "furthermore", "moreover", "again"})
INFINITIVE_OPENING = regexcache.compiled(r"\s*to\s+(?:\w+ly\s+)?\w+", re.IGNORECASE)
"""A sub-paragraph that opens "To ensure ..." carries on the sentence of its lead-in."""


def _govern(hits: list[_Hit], plain: str) -> tuple[_Hit | None, list[_Hit]]:
    """The governing hit and the main-clause hits coordinated with it (see the module doc)."""
    if not hits:
        return None, []
    attached = [hit for hit in hits if hit.subject_start >= 0]
    opening = hits[0]
    opens_with_it = all(
        word.lower() in _OPENING_FILLERS for word in _WORD.findall(plain, 0, opening.phrase_start)
    )
    if opening.subject_start < 0 and opens_with_it and not is_participle(plain, opening):
        # A UN operative paragraph opens with its verb ("Condemns ...", "Calls upon ..."): a
        # body later in it that "established" or "pledged" something does not speak for the
        # Assembly. (An opening participle, "Acknowledging ..., we commit ...", does not
        # govern a main clause with its own speaker.)
        return opening, []
    if not attached:
        # A paragraph that opens with its verb (UN style) is governed by that verb alone: the
        # verbs chained after it ("..., acknowledges ..., and notes with concern ...") are
        # paragraphs of their own for the segmenter. Participles chained in one preambular
        # paragraph are one clause, and a concern among them governs it, as a coordinated
        # concern does ("Taking note of the report ..., regretting that ...").
        if is_participle(plain, opening) and opening.entry.kind is not Kind.CONCERN:
            for hit in hits[1:]:
                if (
                    hit.entry.kind is Kind.CONCERN and is_participle(plain, hit)
                    and ";" not in plain[opening.end : hit.phrase_start]
                    and _CHAINED.search(plain, max(0, hit.phrase_start - 24), hit.phrase_start)
                ):
                    return hit, []
        return hits[0], []
    governing = attached[0]
    if is_participle(plain, governing):  # "As leaders of ..., guided by ..., we resolve to"
        governing = next((hit for hit in attached if not is_participle(plain, hit)), governing)

    def is_peer(hit: _Hit) -> bool:
        if hit is governing or hit.phrase_start <= governing.start:
            return False
        if ";" in plain[governing.end : hit.phrase_start]:
            return False  # "...; expresses concern at ...": a clause of its own
        if hit.subject_start >= 0 or joins_in(plain, hit.phrase_start, hit.end):
            return True  # its own subject, or the speakers joining others ", in condemning"
        if is_participle(plain, hit) != is_participle(plain, governing):
            return False  # "We stand prepared ..., recognizing ... and expressing ...": a tail
        window_start = max(governing.end, hit.phrase_start - 60)
        return bool(_COORDINATED.search(plain, window_start, hit.phrase_start))

    peers = [hit for hit in hits if is_peer(hit)]
    if governing.entry.kind is not Kind.CONCERN:
        concerns = [hit for hit in peers if hit.entry.kind is Kind.CONCERN]
        if concerns:
            governing = concerns[0]
            peers = [hit for hit in peers if hit.phrase_start > governing.start]
    if governing.entry.kind is Kind.POSITION:
        # "The two Presidents affirmed that the two countries WILL cooperate": what the speakers
        # affirm is their own commitment, so the clause is one.
        pledged = next(
            (
                hit for hit in hits
                if hit.entry.kind is Kind.COMMITMENT and hit.subject_start >= 0 and hit.start > governing.end
                and _THAT.search(plain, governing.end, hit.subject_start)
            ),
            None,
        )
        if pledged is not None:
            return pledged, [hit for hit in peers if hit.phrase_start > pledged.start]
    return governing, peers


_CHAINED = regexcache.compiled(r",\s*(?:(?:and|while)\s+)?(?:(?:also|further|\w+ly)\s+)?$", re.IGNORECASE)
"""What stands before a participle chained to the last one (", regretting"), not one inside its
complement ("the importance of engaging with and expressing our concerns to China")."""
_THAT = regexcache.compiled(r"\bthat\b", re.IGNORECASE)


def _actors_before(
    plain: str,
    position: int,
    opening: int,
    speakers: list[tuple[int, int, str]],
    compiled: Compiled,
) -> tuple[str, ...]:
    """Speakers named in the subject: between the last clause boundary and the stance word, or
    all of them when the subject only lists who speaks ("The Leaders of the United States, Japan,
    and the Republic of Korea reaffirmed")."""
    listed = _listed_subject(plain, position, opening, speakers, compiled)
    if listed:
        return listed
    boundary = max(opening, *(plain.rfind(mark, 0, position) + 1 for mark in ",;:"))
    # a subject set off by commas ("We, the Leaders of the G7, strongly condemn"): look back
    # past the appositive to the clause opening
    if boundary > opening and compiled.fillers.fullmatch(plain, boundary, position):
        boundary = opening
    found = []
    objects = (_OBJECT_BEFORE, compiled.object_before)  # "visits by the U.S.", "towards Russia"
    for start, end, name in speakers:
        if boundary <= start and end <= position:
            if plain.startswith("'s", end) or any(p.search(plain, max(0, start - 30), start) for p in objects):
                continue
            if verb_object(plain, start, compiled):  # "to harm China nor do we"
                continue
            found.append(name)
    if not found:
        # a subject set off by a phrase of its own ("India, through its commitment to the
        # WHO, will offer"): the speakers listed before the first comma
        first_comma = plain.find(",", opening, position)
        if first_comma > opening:
            return _listed_subject(plain, first_comma, opening, speakers, compiled)
    return tuple(dict.fromkeys(found))


def _listed_subject(
    plain: str,
    position: int,
    opening: int,
    speakers: list[tuple[int, int, str]],
    compiled: Compiled,
) -> tuple[str, ...]:
    """Every speaker of a subject that holds nothing but their names, people's names (capitalised)
    and ``subject_words`` ("the Leaders of", "Prime Minister", "and"); () for any other subject.

    Such a subject names who speaks, however its commas and "of"s fall: none of its names is a
    target of the clause.
    """
    inside = [(start, end, name) for start, end, name in speakers if opening <= start and end <= position]
    if not inside or not compiled.subject_words:
        return ()
    rest = []
    cursor = opening
    for start, end, _ in inside:
        if start >= cursor:
            rest.append(plain[cursor:start])
            cursor = end
        else:
            cursor = max(cursor, end)
    rest.append(plain[cursor:position])
    first = _WORDS.match(plain, opening)
    if first and first.group(0).lower() in compiled.prepositions:
        return ()  # "Regarding Yemen, we call on ...", "At the IMF, we support ...": a fronted phrase
    for word in _WORDS.findall(" ".join(rest)):
        if not (word[:1].isupper() or word.lower().strip("'’.") in compiled.subject_words or compiled.fillers.fullmatch(word)):
            return ()
    return tuple(dict.fromkeys(name for _, _, name in inside))


# a preposition before a name, past a possessive or a nationality ("met with Ukraine's President")
_OBJECT_BEFORE = regexcache.compiled(
    r"\b(?:of|to|with|by|for|at|on|in)\s+(?:the\s+)?(?:[\w.-]+['’]s\s+|(?-i:[A-Z][a-z]+(?:an|ese|ish|i))\s+)?$", re.I
)
