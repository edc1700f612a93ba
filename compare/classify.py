"""Label each clause with what it does: its kind of stance, how hard it is put, who and what.

classify() runs after segment() and before align(): it reads one clause and returns a copy
carrying a Label (kind, intensity rung, the stance phrase as written, hedges, negation, actors,
targets, topics, and whether it quotes a statement in a news report). shift() later compares
the labels of aligned clauses. Every word list lives in the TOML files of ``compare/lexicons``
(users add their own with ``--lexicon FILE``); this module only knows how to apply them.

How a clause is read:

1. Stance words are found with two compiled patterns, one for verbs (with the "light" verbs
   such as reaffirm, reiterate, express) and one for stance nouns (commitment, concern,
   objection, call, support). A noun counts only when a light verb governs it from at most four
   words before ("reiterated their strong OBJECTIONS", "express deep CONCERN") or when the
   clause opens with it ("Our COMMITMENT ..."); it then gives the clause its kind.
2. The governing stance is the first stance word attached to a speaker ("We", "the Leaders",
   "Japan", "the Committee" followed only by words like also, continue to, strongly), else the
   first one at the start of the clause or anywhere outside a relative clause (UN paragraphs
   open with their verb: "Recalling", "Strongly condemns"). Words inside relative clauses
   ("..., which demands ...") never govern.
   Choice for mixed clauses: when a later verb coordinated with it ("..., and condemn ...",
   "while also condemning ...") or with its own speaker expresses CONCERN, that concern governs:
   in "We welcome ... and strongly condemn ..." the objection is what a reader must not miss.
   So "We remain seriously concerned about X and call on China to Y" is a concern, either way.
   Coordinated verbs of the governing kind lend it their rung when higher (the clause says
   both, and its strength is its strongest word).
3. Intensity: the entry's rung, plus modifiers (strongly, deep: +1; grave, deepest,
   "in the strongest terms": +2; at most +2), minus hedges (where appropriate, as needed: -1;
   may, could: -2; will consider / explore: -1; at most -2), floor 1. Negation ("will not",
   "no longer", "do not") sets ``negated`` and leaves the rung as it is.
4. News text: a quotation of at least two words that starts in lower case ("... “strongly
   condemned ...”"), or any quotation with an attribution ("a joint statement said"), makes
   the clause ``quoted``; its stance is read from the quoted words when they carry one, else
   from the reporter's narration ("they expressed concern about ...", "accused").

Names: actors are the speakers named in the subject of the governing verb (We, the Leaders,
the Committee, Japan, "President Biden"); targets are the countries, governments, groups and
organisations named anywhere else, under the canonical names of ``compare/data/aliases.toml``;
seas and straits (South China Sea, East China Sea, Taiwan Strait) are places and so topics,
never targets, while the state acting there is the target. A UN sub-paragraph with no verb
takes the stance of the paragraph it completes when the caller passes it as ``Context.lead``.

Ladders (rungs per kind; the TOML comments in ``lexicons/stance.toml`` carry the same table):

============ =================================================================================
kind         rungs, weakest first
============ =================================================================================
concern      1 notes with concern < 2 expresses concern, is concerned < 3 serious/deep concern,
             warns < 4 grave/deepest concern, opposes, objects, rejects, does not accept,
             alarmed, calls on X to stop < 5 strongly opposes, deplores, denounces
             < 6 condemns, demands X cease < 7 strongly condemns, condemns in the strongest terms
call         1 encourages < 2 invites < 3 requests < 4 calls upon < 5 urges < 6 demands
             (a decision ranks above every call)
commitment   1 may, hopes to < 2 intends to, will consider < 3 will, agrees to < 4 commits to,
             pledges < 5 reaffirms its unwavering commitment
position     1 notes, recalls, believes, expects < 2 recognizes, acknowledges, affirms
             < 3 reaffirms, reiterates, stresses, emphasizes
welcome      1 notes with appreciation, encouraged by < 2 welcomes, supports < 3 commends,
             applauds, warmly welcomes, strongly supports
decision     1 decides
============ =================================================================================
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from compare.errors import UsageError
from compare.model import Clause, Document, Kind, Label
from compare.normalise import aliases

__all__ = [
    "Context",
    "Lexicon",
    "Name",
    "Qualifier",
    "StanceEntry",
    "classify",
    "classify_all",
    "load_lexicon",
    "plain_quotes",
]

SHIPPED_FILES = ("stance.toml", "qualifiers.toml", "entities.toml")
_GAP = r"(?:\s+[^\s.;:!?]+){0,6}?\s+"
_ROLES = ("verb", "noun", "light")
_SCOPES = {"modifier": ("before", "after"), "hedge": ("clause", "before", "after")}
_QUALIFIER_SECTIONS = ("modifier", "hedge", "negation")
_NAME_SECTIONS = ("actor", "target", "topic", "attribution")
_SECTIONS = ("stance", *_QUALIFIER_SECTIONS, *_NAME_SECTIONS, "grammar")
_GRAMMAR_KEYS = ("fillers", "determiners", "prepositions")
_STOP_BETWEEN = frozenset(
    "to of for in on at that which who with by from as than and or but not no".split()
)
_WORD = re.compile(r"[\w'’-]+")
_QUOTE = re.compile(r'"([^"]+)"')
_LEAD = re.compile(
    r"\s*(?:[-*•]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z]{1,4}\)\s+|\d{1,3}\.\s*)?"
    r"(?:the\s+general\s+assembly\s*,\s*)?"
    r"(?:(?:also|further|furthermore|moreover|finally|in\s+addition|together|today|"
    r"to\s+that\s+end|in\s+this\s+context|in\s+this\s+regard|accordingly|consequently|"
    r"as\s+a\s+consequence|nonetheless|nevertheless|however|in\s+particular|"
    r"individually\s+and\s+together)\s*,\s*)*",
    re.IGNORECASE,
)
_AND_BEFORE = re.compile(r"\band(?:\s+(?:also|further|\w+ly))*\s+$", re.IGNORECASE)
_PREVIOUS_WORD = re.compile(r"\b([\w']+)\s+$")
_INFINITIVE = re.compile(r"\bto\s+$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose|where)\b", re.IGNORECASE)
_COORDINATED = re.compile(
    r"(?:,\s*|\s)(?:and|while|but|as\s+well\s+as)(?:\s+(?:also|further|\w+ly|we|they|it))*\s*$",
    re.IGNORECASE,
)
_POSSESSIVE_OPENING = re.compile(r"\s*(?:our|its|their)(?:\s+[\w-]+){0,2}\s+$", re.IGNORECASE)
_CHARACTERS = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u02bc": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)


# ------------------------------------------------------------------------------------ data


@dataclass(frozen=True, slots=True)
class StanceEntry:
    """One stance word or phrase of the lexicon, with the kind and rung it gives a clause."""

    id: str
    kind: Kind
    rung: int
    patterns: tuple[str, ...]
    role: str = "verb"
    """"verb", "noun" (counts only when a light verb governs it) or "light"."""
    needs_subject: bool = False
    """Counts only right after a speaker or at the start of the clause."""
    priority: int = 0


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A modifier (raises the rung), a hedge (lowers it) or a negation, with where it acts."""

    id: str
    patterns: tuple[str, ...]
    weight: int = 1
    scope: str = "before"


@dataclass(frozen=True, slots=True)
class Name:
    """A canonical name (actor, target, topic, attribution) and the patterns that find it."""

    name: str
    patterns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Context:
    """What the document around a clause tells classify() that the clause itself does not."""

    speaker: str | None = None
    """The actor of clauses that name none (a UN resolution's "General Assembly")."""
    lead: Label | None = None
    """The label of the paragraph this clause completes, for a clause with no stance word of
    its own: a UN sub-paragraph "(b) Torture and ..." after "Expresses its very serious
    concern about:" is that concern."""


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Everything language-specific classify() uses, with its patterns compiled once.

    Compared by identity (``eq=False``): it is built once per set of files by load_lexicon()
    and hashing it must cost nothing.
    """

    stances: tuple[StanceEntry, ...]
    modifiers: tuple[Qualifier, ...] = ()
    hedges: tuple[Qualifier, ...] = ()
    negations: tuple[Qualifier, ...] = ()
    actors: tuple[Name, ...] = ()
    targets: tuple[Name, ...] = ()
    topics: tuple[Name, ...] = ()
    attributions: tuple[Name, ...] = ()
    fillers: tuple[str, ...] = ()
    """Words that may stand between a speaker and its stance verb ("also", "continue to")."""
    determiners: tuple[str, ...] = ()
    """A stance word right after one of these is a noun ("the demands of")."""
    prepositions: tuple[str, ...] = ()
    """A name right after one of these is an object, not a speaker ("visits to Australia")."""
    compiled: _Compiled = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", _compile(self))


@dataclass(frozen=True, slots=True)
class _Compiled:
    verbs: _Scanner
    verb_entries: dict[str, StanceEntry]
    nouns: _Scanner | None
    noun_entries: dict[str, StanceEntry]
    modifiers_before: _Scanner | None
    modifiers_after: re.Pattern[str] | None
    weights: dict[str, int]
    """Weight of each modifier and hedge pattern, by group name."""
    hedges: dict[str, _Scanner | None]
    negation: re.Pattern[str] | None
    actors: _Scanner | None
    actor_names: dict[str, str]
    names: _Scanner | None
    name_of_group: dict[str, str]
    topics: _Scanner | None
    topic_of_group: dict[str, str]
    attribution: re.Pattern[str] | None
    fillers: re.Pattern[str]
    determiners: frozenset[str]
    object_before: re.Pattern[str]
    """A preposition ending just before a name: the name is an object, not a speaker."""
    main: _MainScan
    """verbs, nouns, actors, names and topics in one pass, in that order."""


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


# ------------------------------------------------------------------------------- loading


def load_lexicon(extra: Sequence[Path | str] = ()) -> Lexicon:
    """The shipped lexicon, extended or overridden by user files, compiled once per set of files.

    Args:
        extra: TOML files given with ``--lexicon FILE``, applied in order after the shipped
            ones. An entry whose ``id`` (stances, qualifiers) or ``name`` (actors, targets,
            topics, attributions) is already known replaces it; a new one is added;
            ``enabled = false`` removes one.

    Raises:
        UsageError: a file cannot be read, is not TOML, or holds an entry that cannot work
            (unknown kind, a rung that is not a whole number, a pattern that does not compile).
    """
    return _load(tuple(str(path) for path in extra))


@cache
def _load(extra: tuple[str, ...]) -> Lexicon:
    merged: dict[str, dict[str, dict[str, object]]] = {section: {} for section in _SECTIONS}
    grammar: dict[str, list[str]] = {key: [] for key in _GRAMMAR_KEYS}
    package = resources.files("compare.lexicons")
    documents = [(name, package.joinpath(name).read_text("utf-8")) for name in SHIPPED_FILES]
    for path in extra:
        try:
            documents.append((path, Path(path).read_text("utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(f"cannot read lexicon '{path}': {_reason(err)}") from err
    for source, text in documents:
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise UsageError(f"bad lexicon '{source}': not valid TOML ({err})") from err
        _merge(source, document, merged, grammar)
    build = _Builder(merged)
    try:
        return Lexicon(
            stances=build.stances(),
            modifiers=build.qualifiers("modifier"),
            hedges=build.qualifiers("hedge"),
            negations=build.qualifiers("negation"),
            actors=build.names("actor"),
            targets=build.targets(),
            topics=build.names("topic"),
            attributions=build.names("attribution"),
            fillers=tuple(dict.fromkeys(grammar["fillers"])),
            determiners=tuple(dict.fromkeys(grammar["determiners"])),
            prepositions=tuple(dict.fromkeys(grammar["prepositions"])),
        )
    except re.error as err:  # a pattern valid alone but not in combination (rare)
        raise UsageError(f"bad lexicon: patterns do not combine ({err})") from err


def _reason(err: Exception) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file"
    if isinstance(err, UnicodeDecodeError):
        return "not UTF-8"
    return str(getattr(err, "strerror", None) or err).lower()


def _merge(
    source: str,
    document: dict[str, object],
    merged: dict[str, dict[str, dict[str, object]]],
    grammar: dict[str, list[str]],
) -> None:
    def fail(problem: str) -> UsageError:
        return UsageError(f"bad lexicon '{source}': {problem}")

    for section, value in document.items():
        if section not in _SECTIONS:
            raise fail(f"unknown table [{section}] (expected one of {', '.join(_SECTIONS)})")
        if section == "grammar":
            if not isinstance(value, dict):
                raise fail("[grammar] must be a table")
            for key, words in value.items():
                if key not in _GRAMMAR_KEYS:
                    raise fail(f"[grammar] has unknown key {key!r} (expected {', '.join(_GRAMMAR_KEYS)})")
                if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                    raise fail(f"[grammar] {key} must be a list of words")
                grammar[key].extend(words)
            continue
        if not isinstance(value, list):
            raise fail(f"[{section}] must be an array of tables: write [[{section}]]")
        key_field = "name" if section in _NAME_SECTIONS else "id"
        for number, entry in enumerate(value, start=1):
            where = f"[[{section}]] #{number}"
            if not isinstance(entry, dict):
                raise fail(f"{where} is not a table")
            key = entry.get(key_field)
            if not isinstance(key, str) or not key:
                raise fail(f"{where} has no {key_field}")
            where = f"[[{section}]] {key_field} = {key!r}"
            if entry.get("enabled", True) is False:
                merged[section][key] = {"enabled": False}
                continue
            _check_entry(section, entry, where, fail)
            merged[section][key] = dict(entry)


def _check_entry(section: str, entry: dict[str, object], where: str, fail) -> None:
    allowed = {
        "stance": {"id", "kind", "rung", "role", "subject", "priority", "patterns", "enabled"},
        "modifier": {"id", "patterns", "weight", "scope", "enabled"},
        "hedge": {"id", "patterns", "weight", "scope", "enabled"},
        "negation": {"id", "patterns", "enabled"},
    }.get(section, {"name", "patterns", "enabled"})
    unknown = set(entry) - allowed
    if unknown:
        raise fail(f"{where}: unknown key {sorted(unknown)[0]!r}")
    patterns = entry.get("patterns")
    needs_patterns = not (section == "target" and "patterns" not in entry)
    if needs_patterns and (
        not isinstance(patterns, list)
        or not patterns
        or not all(isinstance(p, str) and p for p in patterns)
    ):
        raise fail(f"{where}: patterns must be a non-empty list of strings")
    for pattern in patterns or ():
        if "(?P<" in pattern:
            raise fail(f"{where}: pattern {pattern!r} has a named group; use (?:...)")
        try:
            re.compile(_expand(pattern))
        except re.error as err:
            raise fail(f"{where}: pattern {pattern!r} does not compile ({err})") from err
    if section == "stance":
        kind = entry.get("kind")
        if kind not in {k.value for k in Kind}:
            raise fail(f"{where}: kind {kind!r} is not one of {', '.join(k.value for k in Kind)}")
        rung = entry.get("rung")
        if not isinstance(rung, int) or isinstance(rung, bool) or not 0 <= rung <= 20:
            raise fail(f"{where}: rung must be a whole number from 0 to 20, not {rung!r}")
        if entry.get("role", "verb") not in _ROLES:
            raise fail(f"{where}: role {entry.get('role')!r} is not one of {', '.join(_ROLES)}")
        if not isinstance(entry.get("subject", False), bool):
            raise fail(f"{where}: subject must be true or false")
        if not isinstance(entry.get("priority", 0), int):
            raise fail(f"{where}: priority must be a whole number")
    if section in _SCOPES:
        scope = entry.get("scope", "before")
        if scope not in _SCOPES[section]:
            raise fail(f"{where}: scope {scope!r} is not one of {', '.join(_SCOPES[section])}")
    if section in ("modifier", "hedge"):
        weight = entry.get("weight", 1)
        if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 5:
            raise fail(f"{where}: weight must be a whole number from 1 to 5, not {weight!r}")


class _Builder:
    def __init__(self, merged: dict[str, dict[str, dict[str, object]]]) -> None:
        self.merged = merged

    def _live(self, section: str) -> Iterable[tuple[str, dict[str, object]]]:
        return ((k, v) for k, v in self.merged[section].items() if v.get("enabled", True))

    def stances(self) -> tuple[StanceEntry, ...]:
        return tuple(
            StanceEntry(
                id=key,
                kind=Kind(entry["kind"]),
                rung=int(entry["rung"]),
                patterns=tuple(entry["patterns"]),
                role=str(entry.get("role", "verb")),
                needs_subject=bool(entry.get("subject", False)),
                priority=int(entry.get("priority", 0)),
            )
            for key, entry in self._live("stance")
        )

    def qualifiers(self, section: str) -> tuple[Qualifier, ...]:
        return tuple(
            Qualifier(
                id=key,
                patterns=tuple(entry["patterns"]),
                weight=int(entry.get("weight", 1)),
                scope=str(entry.get("scope", "before")),
            )
            for key, entry in self._live(section)
        )

    def names(self, section: str) -> tuple[Name, ...]:
        return tuple(Name(key, tuple(entry["patterns"])) for key, entry in self._live(section))

    def targets(self) -> tuple[Name, ...]:
        disabled = {k for k, v in self.merged["target"].items() if not v.get("enabled", True)}
        table: dict[str, list[str]] = {}
        for alias in aliases():
            if alias.canonical not in disabled:
                variants = (alias.canonical, *alias.variants)
                table.setdefault(alias.canonical, []).extend(_literal(v) for v in variants)
        for key, entry in self._live("target"):
            table.setdefault(key, []).extend(entry.get("patterns", [_literal(key)]))
        return tuple(Name(name, tuple(dict.fromkeys(patterns))) for name, patterns in table.items())


def _literal(name: str) -> str:
    """A regex for a name as written, with any apostrophe or hyphen spelling.

    >>> _literal("People's Republic")
    "People['\u2019]s\\\\ Republic"
    """
    return re.escape(name).replace("'", "['\u2019]").replace(r"\-", "[-\u2010\u2011]")


def _expand(pattern: str) -> str:
    return pattern.replace("{gap}", _GAP)


# ----------------------------------------------------------------------------- compiling


class _Scanner:
    """Many patterns searched at once, tried only at word starts whose first letters can match.

    One alternation of a few hundred patterns costs about a millisecond per clause, because
    Python's regex engine tries every branch at every position. Here each branch is filed
    under the (lower-case) first three characters its matches can start with, worked out
    from the parsed pattern; at each word start only the branches filed under that word's
    first letters are tried, in their priority order, compiled once per distinct set.
    """

    __slots__ = ("_branches", "_by_prefix", "_anywhere", "_flags", "_in_compounds", "_ready")

    def __init__(
        self, branches: Sequence[tuple[str, str]], flags: int, *, in_compounds: bool = False
    ) -> None:
        self._branches = tuple((group, _expand(pattern)) for group, pattern in branches)
        self._flags = flags
        # Stance words never start inside a hyphenated compound ("non-recognition"); names
        # and topics may ("Russia-North Korea cooperation").
        self._in_compounds = in_compounds
        self._by_prefix: dict[str, list[int]] = {}
        self._anywhere: list[int] = []
        for index, (_, pattern) in enumerate(self._branches):
            prefixes = _prefixes(pattern, flags)
            if prefixes is None:
                self._anywhere.append(index)
            for prefix in prefixes or ():
                self._by_prefix.setdefault(prefix, []).append(index)
        self._ready: dict[str, re.Pattern[str] | None] = {}

    def _pattern_for(self, key: str) -> re.Pattern[str] | None:
        chosen = set(self._anywhere)
        for size in range(1, _PREFIX + 1):
            chosen.update(self._by_prefix.get(key[:size], ()))
        if not chosen:
            return None
        body = "|".join(
            rf"(?P<{self._branches[i][0]}>(?:{self._branches[i][1]})(?!\w))" for i in sorted(chosen)
        )
        return re.compile(body, self._flags)

    def scan(self, plain: str, words: Sequence[tuple[int, str]]) -> list[tuple[int, int, str]]:
        """Non-overlapping matches as (start, end, group), leftmost first, as finditer would."""
        found: list[tuple[int, int, str]] = []
        taken = 0
        ready = self._ready
        for start, key in words:
            if start < taken or (not self._in_compounds and start and plain[start - 1] == "-"):
                continue
            if key in ready:
                pattern = ready[key]
            else:
                pattern = ready[key] = self._pattern_for(key)
            if pattern is None:
                continue
            match = pattern.match(plain, start)
            if match:
                found.append((start, match.end(), match.lastgroup))
                taken = match.end()
        return found


class _MainScan:
    """The verb, noun, actor, name and topic scanners run in one pass over a clause's words."""

    __slots__ = ("_scanners", "_plans")

    def __init__(self, scanners: Sequence[_Scanner | None]) -> None:
        self._scanners = tuple(scanners)
        self._plans: dict[str, tuple[tuple[int, re.Pattern[str], bool], ...]] = {}

    def _plan(self, key: str) -> tuple[tuple[int, re.Pattern[str], bool], ...]:
        plan = []
        for index, scanner in enumerate(self._scanners):
            if scanner is None:
                continue
            if key not in scanner._ready:
                scanner._ready[key] = scanner._pattern_for(key)
            pattern = scanner._ready[key]
            if pattern is not None:
                plan.append((index, pattern, scanner._in_compounds))
        return tuple(plan)

    def scan(self, plain: str, words: Sequence[tuple[int, str]]) -> list[list[tuple[int, int, str]]]:
        found: list[list[tuple[int, int, str]]] = [[] for _ in self._scanners]
        taken = [0] * len(self._scanners)
        plans = self._plans
        for start, key in words:
            plan = plans.get(key)
            if plan is None:
                plan = plans[key] = self._plan(key)
            for index, pattern, in_compounds in plan:
                if start < taken[index] or (not in_compounds and start and plain[start - 1] == "-"):
                    continue
                match = pattern.match(plain, start)
                if match:
                    found[index].append((start, match.end(), match.lastgroup))
                    taken[index] = match.end()
        return found


_PREFIX = 3
_WORDS = re.compile(r"\w+")


def _words(plain: str) -> list[tuple[int, str]]:
    return [(m.start(), plain[m.start() : m.start() + _PREFIX].lower()) for m in _WORDS.finditer(plain)]


def _prefixes(pattern: str, flags: int) -> set[str] | None:
    """The lower-case first characters (up to three) a match can start with; None if any.

    >>> sorted(_prefixes(r"condemn(?:s|ed)?", re.I))
    ['con']
    >>> sorted(_prefixes(r"call(?:s|ed)?\\s+(?:up)?on|urg(?:e|es)", re.I))
    ['cal', 'urg']
    >>> _prefixes(r"\\w+ly", re.I) is None
    True
    """
    from re import _constants as sre  # noqa: PLC0415  (only while compiling)
    from re import _parser

    def sequence(items, room: int) -> set[tuple[str, bool]] | None:
        results = {("", True)}
        for op, av in items:
            if all(not done or len(text) >= room for text, done in results):
                break
            step = single(op, av, room)
            if step is None:  # what follows is unknown: the prefixes found so far still hold
                return {(text, False) for text, _ in results}
            joined = set()
            for text, done in results:
                if not done or len(text) >= room:
                    joined.add((text[:room], False))
                    continue
                for more, more_done in step:
                    combined = text + more
                    joined.add((combined[:room], more_done and len(combined) <= room))
            results = joined
            if len(results) > 300:
                return None
        return results

    def single(op, av, room: int) -> set[tuple[str, bool]] | None:
        if op is sre.LITERAL:
            return {(chr(av).lower(), True)}
        if op is sre.IN:
            chars = set()
            for inner_op, inner_av in av:
                if inner_op is sre.LITERAL:
                    chars.add(chr(inner_av).lower())
                elif inner_op is sre.RANGE and inner_av[1] - inner_av[0] < 64:
                    chars.update(chr(c).lower() for c in range(inner_av[0], inner_av[1] + 1))
                else:
                    return None
            return {(c, True) for c in chars}
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return {("", True)}
        if op is sre.SUBPATTERN:
            return sequence(av[-1].data, room)
        if op is sre.BRANCH:
            union: set[tuple[str, bool]] = set()
            for alternative in av[1]:
                part = sequence(alternative.data, room)
                if part is None:
                    return None
                union |= part
            return union
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            body = sequence(sub.data, room)
            if body is None:
                return None
            results = {("", True)} if low == 0 else set()
            current = {("", True)}
            for count in range(1, min(high, room) + 1):
                grown = set()
                for text, done in current:
                    if not done:
                        grown.add((text, False))
                        continue
                    for more, more_done in body:
                        combined = text + more
                        grown.add((combined[:room], more_done and len(combined) <= room))
                current = grown
                if count >= low:
                    results |= current
            if high > room:
                results |= {(text, False) for text, _ in current}
            return results
        return None

    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    starts = sequence(parsed.data, _PREFIX)
    if starts is None or any(text == "" for text, _ in starts):
        return None
    return {text for text, _ in starts}


def _regex(items: Iterable[tuple[str, str]], flags: int) -> re.Pattern[str] | None:
    body = "|".join(rf"(?P<{group}>(?<!\w)(?:{_expand(pattern)})(?!\w))" for group, pattern in items)
    return re.compile(body, flags) if body else None


def _compile(lexicon: Lexicon) -> _Compiled:
    def ordered(entries: Iterable[StanceEntry]) -> list[tuple[str, str, StanceEntry]]:
        branches = [
            (f"s{index}_{number}", pattern, entry)
            for index, entry in enumerate(entries)
            for number, pattern in enumerate(entry.patterns)
        ]
        branches.sort(key=lambda b: (-b[2].priority, -len(b[1])))
        return branches

    verb_branches = ordered(e for e in lexicon.stances if e.role != "noun")
    noun_branches = ordered(e for e in lexicon.stances if e.role == "noun")

    def grouped(entries: Iterable[Any], prefix: str, value: Callable[[Any], Any]) -> tuple[list[tuple[str, str]], dict[str, Any]]:
        """Each entry's patterns as named groups, longest first, and each group's value."""
        items, values = [], {}
        for index, entry in enumerate(entries):
            for number, pattern in enumerate(entry.patterns):
                group = f"{prefix}{index}_{number}"
                items.append((group, pattern))
                values[group] = value(entry)
        items.sort(key=lambda item: -len(item[1]))
        return items, values

    def weighted(qualifiers: Iterable[Qualifier], prefix: str) -> tuple[list[tuple[str, str]], dict[str, int]]:
        return grouped(qualifiers, prefix, lambda qualifier: qualifier.weight)

    def scanner(items: list[tuple[str, str]], flags: int = re.IGNORECASE, **how: bool) -> _Scanner | None:
        return _Scanner(items, flags, **how) if items else None

    weights: dict[str, int] = {}
    before, w = weighted((m for m in lexicon.modifiers if m.scope == "before"), "mb")
    weights.update(w)
    after, w = weighted((m for m in lexicon.modifiers if m.scope == "after"), "ma")
    weights.update(w)
    hedges: dict[str, _Scanner | None] = {}
    for scope in ("clause", "before", "after"):
        items, w = weighted((h for h in lexicon.hedges if h.scope == scope), f"h{scope[0]}")
        hedges[scope] = scanner(items)
        weights.update(w)
    negations, _ = weighted(lexicon.negations, "x")

    def named(names: Iterable[Name], prefix: str) -> tuple[list[tuple[str, str]], dict[str, str]]:
        return grouped(names, prefix, lambda name: name.name)

    actors, actor_names = named(lexicon.actors, "a")
    names, name_of_group = named(lexicon.targets, "n")
    topics, topic_of_group = named(lexicon.topics, "t")
    attributions, _ = named(lexicon.attributions, "r")
    filler_words = "|".join(sorted((re.escape(w) for w in lexicon.fillers), key=len, reverse=True))
    fillers = re.compile(
        rf"(?:[\s,]+|\([^()]{{1,15}}\)|\b(?:{filler_words or 'also'})\b|\b\w+ly\b)*",
        re.IGNORECASE,
    )
    verbs = _Scanner([(g, p) for g, p, _ in verb_branches], re.IGNORECASE)
    noun_scanner = scanner([(g, p) for g, p, _ in noun_branches])
    actor_scanner = scanner(actors, in_compounds=True)
    name_scanner = scanner(names, 0, in_compounds=True)
    topic_scanner = scanner(topics, in_compounds=True)
    return _Compiled(
        verbs=verbs,
        verb_entries={group: entry for group, _, entry in verb_branches},
        nouns=noun_scanner,
        noun_entries={group: entry for group, _, entry in noun_branches},
        modifiers_before=scanner(before),
        modifiers_after=_regex(after, re.IGNORECASE),
        weights=weights,
        hedges=hedges,
        negation=_regex(negations, re.IGNORECASE),
        actors=actor_scanner,
        actor_names=actor_names,
        names=name_scanner,
        name_of_group=name_of_group,
        topics=topic_scanner,
        topic_of_group=topic_of_group,
        attribution=_regex(attributions, re.IGNORECASE),
        fillers=fillers,
        determiners=frozenset(word.lower() for word in lexicon.determiners),
        object_before=re.compile(
            rf"\b(?:{'|'.join(re.escape(w) for w in lexicon.prepositions) or 'of'})\s+$", re.IGNORECASE
        ),
        main=_MainScan([verbs, noun_scanner, actor_scanner, name_scanner, topic_scanner]),
    )


# --------------------------------------------------------------------------- classifying


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
    return dataclasses.replace(clause, label=_label(clause.text, used, context or Context()))


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
    stance from it when it has none of its own.

    Args:
        document: the document the clauses were cut from (for their blocks' markers).
        clauses: what segment() returned for it.
        lexicon: the word lists; the shipped lexicon when None.
        speaker: the genre's default actor (a routine profile's ``speaker``).
    """
    used = lexicon if lexicon is not None else load_lexicon()
    labelled: list[Clause] = []
    lead_in: str | None = None
    for clause in clauses:
        block = document.blocks[clause.paragraph - 1] if clause.paragraph <= len(document.blocks) else None
        in_sub_paragraph = block is not None and block.marker.startswith("(")
        lead = None
        if in_sub_paragraph and lead_in is not None:
            # Read the sub-paragraph as its lead-in says it: "Strongly urges the DPRK: (c) To
            # immediately cease ..." is a call to stop, that is a concern.
            joined = dataclasses.replace(clause, text=f"{lead_in} {clause.text}")
            lead = classify(joined, lexicon=used, context=Context(speaker=speaker)).label
        result = classify(clause, lexicon=used, context=Context(speaker=speaker, lead=lead))
        if clause.text.endswith(":"):
            # A sub-paragraph that opens a list of its own ("(a) ..., including:") carries on
            # the lead-in it completes.
            own = clause.text.rstrip(":")
            lead_in = f"{lead_in} {own}" if in_sub_paragraph and lead_in is not None else own
        elif not in_sub_paragraph:
            lead_in = None
        labelled.append(result)
    return tuple(labelled)


def _label(text: str, lexicon: Lexicon, context: Context) -> Label:
    compiled = lexicon.compiled
    plain = plain_quotes(text)
    words = _words(plain)
    opening = _LEAD.match(plain).end()
    quotes = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(plain)]
    attribution_match = compiled.attribution.search(plain) if compiled.attribution else None
    quoted = bool(quotes) and (
        attribution_match is not None
        or any(_is_quoted_fragment(plain[start:end]) for start, end in quotes)
    )
    verb_found, noun_found, actor_found, name_found, topic_found = compiled.main.scan(plain, words)
    names = [(start, end, compiled.name_of_group[group]) for start, end, group in name_found]
    speakers = _speakers(plain, actor_found, compiled, names)
    hits = _stance_hits(plain, verb_found, noun_found, compiled, speakers, opening, quotes)

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
        " ".join(text[attribution_match.start() : attribution_match.end()].split())
        if attribution_match
        else None
    )
    quotations = tuple(" ".join(text[start:end].split()) for start, end in quotes) if quoted else ()
    continues_lead = governing is None or _INFINITIVE_OPENING.match(plain) is not None
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
        )

    entry = governing.entry
    strongest = governing
    for peer in peers:
        if peer.entry.kind is entry.kind and peer.entry.rung > strongest.entry.rung:
            strongest = peer
    rise, phrase_start, phrase_end = _modifiers(plain, words, strongest, compiled)
    fall, hedges, hedge_start = _hedges(text, plain, words, strongest, compiled)
    phrase_start = min(phrase_start, hedge_start)  # "may establish", not "establish"
    actors = _actors_before(plain, governing.phrase_start, opening, speakers, compiled)
    if not actors and context.speaker:
        actors = (context.speaker,)
    return Label(
        kind=entry.kind,
        intensity=max(1, strongest.entry.rung + rise - fall),
        stance=" ".join(text[phrase_start:phrase_end].split()),
        negated=_negated(plain, strongest, compiled),
        hedges=hedges,
        actors=actors,
        targets=tuple(t for t in targets_found if t not in actors),
        topics=topics,
        quoted=quoted,
        attribution=attribution,
        quotes=quotations,
        stance_quoted=quoted and inside(governing),
    )


def _is_quoted_fragment(quoted: str) -> bool:
    words = quoted.split()
    return len(words) >= 2 and words[0][:1].islower()


def _speakers(
    plain: str,
    actor_found: list[tuple[int, int, str]],
    compiled: _Compiled,
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
    compiled: _Compiled,
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
        previous = _PREVIOUS_WORD.search(plain, max(0, start - 20), start)
        if previous and previous.group(1).lower() in determiners:
            continue  # "the demands of": a noun, not the verb
        if any(start < n_end and n_start < end for n_start, n_end, _ in nouns if n_start in used_nouns):
            continue
        if entry.role == "light":
            noun = _governed_noun(plain, end, nouns)
            if noun is not None:
                n_start, n_end, n_entry = noun
                subject, opens = attached(start), at_opening(start)
                if entry.kind is Kind.OTHER and subject < 0 and not opens and not _AND_BEFORE.search(
                    plain, max(0, start - 30), start
                ):
                    continue  # "our shared commitment": "share" is no speaker's verb here
                used_nouns.add(n_start)
                hits.append(_Hit(n_start, n_end, n_entry, subject, opens, start))
                continue
            if entry.kind is Kind.OTHER:
                continue
        subject = attached(start)
        opens = at_opening(start)
        if entry.needs_subject and subject < 0 and not opens:
            continue
        if subject < 0 and not opens and _INFINITIVE.search(plain, max(0, start - 4), start):
            continue  # "efforts to encourage ...": the complement of another word, not a stance
        hits.append(_Hit(start, end, entry, subject, opens))
    for n_start, n_end, n_entry in nouns:
        if n_start not in used_nouns and _POSSESSIVE_OPENING.fullmatch(plain, opening, n_start):
            hits.append(_Hit(n_start, n_end, n_entry, -1, True))
    hits.sort(key=lambda hit: hit.phrase_start)
    return [hit for hit in hits if not _in_relative_clause(plain, hit.phrase_start)]


def _governed_noun(
    plain: str, light_end: int, nouns: list[tuple[int, int, StanceEntry]]
) -> tuple[int, int, StanceEntry] | None:
    for noun in nouns:
        n_start = noun[0]
        if n_start < light_end:
            continue
        between = plain[light_end:n_start]
        found = _WORD.findall(between)
        if len(found) > 4 or any(ch in between for ch in '.;:,()"'):
            return None
        if any(word.lower() in _STOP_BETWEEN for word in found):
            return None
        return noun
    return None


def _in_relative_clause(plain: str, position: int) -> bool:
    boundary = max(plain.rfind(mark, 0, position) for mark in ",;:")
    return bool(_RELATIVE.search(plain, boundary + 1, position))


_OPENING_FILLERS = frozenset({"also", "further", "furthermore", "moreover", "again"})
_INFINITIVE_OPENING = re.compile(r"\s*to\s+(?:\w+ly\s+)?\w+", re.IGNORECASE)
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
    if opening.subject_start < 0 and opens_with_it and not _is_participle(plain, opening):
        # A UN operative paragraph opens with its verb ("Condemns ...", "Calls upon ..."): a
        # body later in it that "established" or "pledged" something does not speak for the
        # Assembly. (An opening participle, "Acknowledging ..., we commit ...", does not
        # govern a main clause with its own speaker.)
        return opening, []
    if not attached:
        # A paragraph that opens with its verb (UN style) is governed by that verb alone: the
        # verbs chained after it ("..., acknowledges ..., and notes with concern ...") are
        # paragraphs of their own for the segmenter.
        return hits[0], []
    governing = attached[0]

    def is_peer(hit: _Hit) -> bool:
        if hit is governing or hit.phrase_start <= governing.start:
            return False
        if ";" in plain[governing.end : hit.phrase_start]:
            return False  # "...; expresses concern at ...": a clause of its own
        if hit.subject_start >= 0:
            return True
        if _is_participle(plain, hit) != _is_participle(plain, governing):
            return False  # "We stand prepared ..., recognizing ... and expressing ...": a tail
        window_start = max(governing.end, hit.phrase_start - 60)
        return bool(_COORDINATED.search(plain, window_start, hit.phrase_start))

    peers = [hit for hit in hits if is_peer(hit)]
    if governing.entry.kind is not Kind.CONCERN:
        concerns = [hit for hit in peers if hit.entry.kind is Kind.CONCERN]
        if concerns:
            governing = concerns[0]
            peers = [hit for hit in peers if hit.phrase_start > governing.start]
    return governing, peers


def _is_participle(plain: str, hit: _Hit) -> bool:
    word = _WORDS.match(plain, hit.phrase_start)
    return bool(word) and word.group(0).lower().endswith("ing")


_LAST_WORD = re.compile(r"[\w'-]+[\s,]*$")
_NEXT_WORDS = {count: re.compile(rf"(?:[\s,]*[\w'-]+){{0,{count}}}") for count in (1, 2, 3, 4)}


def _word_window_start(plain: str, position: int, words: int) -> int:
    start = position
    for _ in range(words):
        match = _LAST_WORD.search(plain, max(0, start - 40), start)
        if not match:
            break
        start = match.start()
    return start


def _word_window_end(plain: str, position: int, words: int) -> int:
    match = _NEXT_WORDS[words].match(plain, position, position + 80)
    return match.end() if match else position


def _in_window(words: list[tuple[int, str]], start: int, end: int) -> list[tuple[int, str]]:
    return [word for word in words if start <= word[0] < end]


def _modifiers(
    plain: str, words: list[tuple[int, str]], hit: _Hit, compiled: _Compiled
) -> tuple[int, int, int]:
    """How far modifiers raise the stance (at most 2), and the stance phrase widened to them."""
    rise, phrase_start, phrase_end = 0, hit.phrase_start, hit.end
    if compiled.modifiers_before:
        window = _in_window(words, _word_window_start(plain, hit.phrase_start, 3), hit.end)
        for start, _, group in compiled.modifiers_before.scan(plain, window):
            rise += compiled.weights[group]
            phrase_start = min(phrase_start, start)
    if compiled.modifiers_after:
        window = _in_window(words, hit.end, _word_window_end(plain, hit.end, 3))[:3]
        match = next(
            (m for start, _ in window if (m := compiled.modifiers_after.match(plain, start))), None
        )
        if match:
            rise += compiled.weights[match.lastgroup]
            phrase_end = match.end()
    return min(rise, 2), phrase_start, phrase_end


def _hedges(
    text: str, plain: str, words: list[tuple[int, str]], hit: _Hit, compiled: _Compiled
) -> tuple[int, tuple[str, ...], int]:
    """How far hedges lower the stance (at most 2), the hedges as written, and where the
    earliest hedge standing right before the stance word starts (to widen the phrase)."""
    fall, found, first_before = 0, [], hit.phrase_start
    windows = {
        "clause": words,
        "before": _in_window(words, _word_window_start(plain, hit.phrase_start, 3), hit.phrase_start),
        "after": _in_window(words, hit.end, _word_window_end(plain, hit.end, 3)),
    }
    for scope, window in windows.items():
        scanner = compiled.hedges.get(scope)
        if scanner is None or not window:
            continue
        for start, end, group in scanner.scan(plain, window):
            fall += compiled.weights[group]
            found.append(" ".join(text[start:end].split()))
            if scope == "before":
                first_before = min(first_before, start)
    return min(fall, 2), tuple(dict.fromkeys(found)), first_before


def _negated(plain: str, hit: _Hit, compiled: _Compiled) -> bool:
    if compiled.negation is None:
        return False
    before = _word_window_start(plain, hit.phrase_start, 3)
    after = _word_window_end(plain, hit.end, 2)
    return bool(
        compiled.negation.search(plain, before, hit.phrase_start)
        or compiled.negation.search(plain, hit.end, after)
    )


def _actors_before(
    plain: str,
    position: int,
    opening: int,
    speakers: list[tuple[int, int, str]],
    compiled: _Compiled,
) -> tuple[str, ...]:
    """Speakers named in the subject: between the last clause boundary and the stance word."""
    boundary = max(opening, *(plain.rfind(mark, 0, position) + 1 for mark in ",;:"))
    # a subject set off by commas ("We, the Leaders of the G7, strongly condemn"): look back
    # past the appositive to the clause opening
    if boundary > opening and compiled.fillers.fullmatch(plain, boundary, position):
        boundary = opening
    found = []
    for start, end, name in speakers:
        if boundary <= start and end <= position:
            if plain.startswith("'s", end) or _OBJECT_BEFORE.search(plain, max(0, start - 6), start):
                continue
            found.append(name)
    return tuple(dict.fromkeys(found))


_OBJECT_BEFORE = re.compile(r"\b(?:of|to|with|by|for|at|on|in)\s+$", re.IGNORECASE)
