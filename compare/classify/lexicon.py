"""The lexicon: the word lists of ``compare/lexicons/*.toml`` (and users' ``--lexicon`` files),
checked, merged and compiled once per set of files.

Entries are keyed by ``id`` (stances, qualifiers) or ``name`` (actors, targets, topics,
attributions): a later file's entry with a known key replaces it, a new one is added, and
``enabled = false`` removes one. A file that cannot work is a one-line ``UsageError``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from compare import regexcache
from compare.classify.scanner import check_pattern
from compare.data import shipped_text
from compare.errors import UsageError
from compare.model import Kind, Label
from compare.normalise import aliases

if TYPE_CHECKING:
    from compare.classify.compiled import Compiled

__all__ = ["Context", "Lexicon", "Name", "Qualifier", "SHIPPED_FILES", "StanceEntry", "load_lexicon"]

SHIPPED_FILES = ("stance.toml", "qualifiers.toml", "entities.toml")
_ROLES = ("verb", "noun", "light")
_SCOPES = {"modifier": ("before", "after", "clause"), "hedge": ("clause", "near", "before", "after")}
_QUALIFIER_SECTIONS = ("modifier", "hedge", "modal", "negation")
_MARKERS = {
    "modifier": ("intensifier", "characterisation"),
    "hedge": ("qualifier", "likelihood", "tentative", "downtoner"),
    "modal": ("modal",),
    "negation": ("negation",),
}
"""What shift() may call an entry of each section (the first is the default)."""
_NAME_SECTIONS = ("actor", "target", "topic", "attribution")
_SECTIONS = ("stance", *_QUALIFIER_SECTIONS, *_NAME_SECTIONS, "grammar")
_GRAMMAR_KEYS = ("fillers", "determiners", "prepositions", "subject_words")


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
    on_scale: bool = True
    """False for acts that no ladder orders against other kinds ("announce"): a change to or
    from one is named, never called stronger or weaker."""


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A modifier (raises the rung), a hedge or modal (lowers it) or a negation, with where it
    acts and what shift() calls it."""

    id: str
    patterns: tuple[str, ...]
    weight: int = 1
    scope: str = "before"
    marker: str = ""
    """The marker kind shift() reads it as ("intensifier", "qualifier", "modal" ...)."""
    value: int = 0
    """A modal's firmness (must 6 ... might 1); unused for the other sections."""


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
    modals: tuple[Qualifier, ...] = ()
    negations: tuple[Qualifier, ...] = ()
    actors: tuple[Name, ...] = ()
    targets: tuple[Name, ...] = ()
    topics: tuple[Name, ...] = ()
    attributions: tuple[Name, ...] = ()
    places: tuple[str, ...] = ()
    """Topics that are places named after a country ("South China Sea", "Taiwan Strait": the
    targets a [[target]] entry disables): the country's name inside them names no target."""
    fillers: tuple[str, ...] = ()
    """Words that may stand between a speaker and its stance verb ("also", "continue to")."""
    determiners: tuple[str, ...] = ()
    """A stance word right after one of these is a noun ("the demands of")."""
    prepositions: tuple[str, ...] = ()
    """A name right after one of these is an object, not a speaker ("visits to Australia")."""
    subject_words: tuple[str, ...] = ()
    """Words a subject that lists the speakers may hold besides their names ("the Leaders of",
    "Prime Minister", "and"): every name in such a subject speaks."""
    compiled: Compiled = field(init=False, repr=False)

    def __post_init__(self) -> None:
        from compare.classify.compiled import compile_lexicon

        object.__setattr__(self, "compiled", compile_lexicon(self))





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
    documents = [(name, shipped_text("compare.lexicons", name)) for name in SHIPPED_FILES]
    for path in extra:
        try:
            documents.append((path, Path(path).read_text("utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(f"cannot read lexicon '{path}': {_reason(err)}") from err
    for source, text in documents:
        try:
            document = regexcache.toml(text)
        except ValueError as err:  # tomllib.TOMLDecodeError
            raise UsageError(f"bad lexicon '{source}': not valid TOML ({err})") from err
        except RecursionError as err:  # tomllib recurses once per level of nesting
            raise UsageError(f"bad lexicon '{source}': not valid TOML (nested too deeply)") from err
        _merge(source, document, merged, grammar)
    build = _Builder(merged)
    try:
        lexicon = Lexicon(
            stances=build.stances(),
            modifiers=build.qualifiers("modifier"),
            hedges=build.qualifiers("hedge"),
            modals=build.qualifiers("modal"),
            negations=build.qualifiers("negation"),
            actors=build.names("actor"),
            targets=build.targets(),
            places=build.places(),
            topics=build.names("topic"),
            attributions=build.names("attribution"),
            fillers=tuple(dict.fromkeys(grammar["fillers"])),
            determiners=tuple(dict.fromkeys(grammar["determiners"])),
            prepositions=tuple(dict.fromkeys(grammar["prepositions"])),
            subject_words=tuple(dict.fromkeys(grammar["subject_words"])),
        )
        if extra or regexcache.pending():
            # The shipped patterns compile (a test compiles them all), so their scanners compile
            # each branch when it is first tried; a user's pattern may parse and still not
            # compile ("(?<=a+)b"), which must be a UsageError now, not a crash mid-document.
            # Patterns new to the cache are all compiled now, once, for the runs to come.
            lexicon.compiled.compile_all()
            regexcache.save()
        return lexicon
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
        "stance": {"id", "kind", "rung", "role", "subject", "priority", "scale", "patterns", "enabled"},
        "modifier": {"id", "patterns", "weight", "scope", "marker", "enabled"},
        "hedge": {"id", "patterns", "weight", "scope", "marker", "enabled"},
        "modal": {"id", "patterns", "weight", "value", "enabled"},
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
            check_pattern(pattern)  # parsed once at most: the scanners compile from this parse
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
    if section in ("modifier", "hedge", "modal"):
        lowest = 0 if section == "modal" else 1
        weight = entry.get("weight", lowest if section == "modal" else 1)
        if not isinstance(weight, int) or isinstance(weight, bool) or not lowest <= weight <= 5:
            raise fail(f"{where}: weight must be a whole number from {lowest} to 5, not {weight!r}")
    if section in _MARKERS and entry.get("marker", _MARKERS[section][0]) not in _MARKERS[section]:
        raise fail(f"{where}: marker {entry.get('marker')!r} is not one of {', '.join(_MARKERS[section])}")
    if section == "modal":
        value = entry.get("value")
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10:
            raise fail(f"{where}: value must be a whole number from 0 to 10, not {value!r}")
    if section == "stance" and not isinstance(entry.get("scale", True), bool):
        raise fail(f"{where}: scale must be true or false")


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
                on_scale=bool(entry.get("scale", True)),
            )
            for key, entry in self._live("stance")
        )

    def qualifiers(self, section: str) -> tuple[Qualifier, ...]:
        return tuple(
            Qualifier(
                id=key,
                patterns=tuple(entry["patterns"]),
                weight=int(entry.get("weight", 0 if section == "modal" else 1)),
                scope=str(entry.get("scope", "before")),
                marker=str(entry.get("marker", _MARKERS[section][0])),
                value=int(entry.get("value", 0)),
            )
            for key, entry in self._live(section)
        )

    def names(self, section: str) -> tuple[Name, ...]:
        return tuple(Name(key, tuple(entry["patterns"])) for key, entry in self._live(section))

    def places(self) -> tuple[str, ...]:
        topics = {key for key, _ in self._live("topic")}
        return tuple(k for k, v in self.merged["target"].items() if not v.get("enabled", True) and k in topics)

    def targets(self) -> tuple[Name, ...]:
        disabled = {k for k, v in self.merged["target"].items() if not v.get("enabled", True)}
        table: dict[str, list[str]] = {}
        for alias in aliases():
            if alias.canonical not in disabled:
                variants = (alias.canonical, *alias.variants)
                table.setdefault(alias.canonical, []).extend(_literal(v) for v in variants)
        for key, entry in self._live("target"):
            table.setdefault(key, []).extend(entry.get("patterns", [_literal(key)]))
        known = {key.casefold() for key in table} | {
            variant.casefold() for alias in aliases() for variant in alias.variants
        } | {key.casefold() for key in self.merged["target"]}
        for name, variants in _countries():
            if name.casefold() not in known and not any(v.casefold() in known for v in variants):
                table[name] = [_literal(v) for v in (name, *variants)]
        return tuple(Name(name, tuple(dict.fromkeys(patterns))) for name, patterns in table.items())


@cache
def _countries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every country of ISO 3166 (the pycountry package's data) as a canonical name and its
    other names, so that a statement naming a country no alias lists still names a target.
    Names written "Korea, Republic of" keep only what reads as a name in running text.

    The package's data file is read directly: importing pycountry costs a tenth of a
    ``jointdiff diff`` (it looks up its own version), and the file is all that is needed.
    """
    from importlib.util import find_spec

    import orjson

    spec = find_spec("pycountry")
    if spec is None or spec.origin is None:  # the lexicon still works on its own lists
        return ()
    try:
        data = orjson.loads((Path(spec.origin).parent / "databases" / "iso3166-1.json").read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return ()
    found = []
    for country in data.get("3166-1", ()):
        names = [country.get(field) for field in ("common_name", "name", "official_name")]
        usable = [name for name in names if name and "," not in name and "(" not in name]
        if usable:
            found.append((usable[0], tuple(dict.fromkeys(usable[1:]))))
    return tuple(found)


def _literal(name: str) -> str:
    """A regex for a name as written, with any apostrophe or hyphen spelling.

    >>> _literal("People's Republic")
    "People['\u2019]s\\\\ Republic"
    """
    return re.escape(name).replace("'", "['\u2019]").replace(r"\-", "[-\u2010\u2011]")
