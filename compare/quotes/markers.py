"""What a run of words holds that can change a statement's meaning: negations, modals, hedges and
qualifiers, intensifiers, stance words, and the names of countries and bodies.

The flagging step (``flags``) reads the words a quotation dropped from the statement, the words
it added, the words an ellipsis cut and the words of a bracket, and asks this module what each
holds. The word lists are the classifier's (``compare/lexicons/*.toml``, through
``load_lexicon``), so that the quotation checker and the stance shifts of ``jointdiff diff``
speak of the same markers, plus the few scope limiters and names of ``reporting.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from compare import regexcache
from compare.classify import classify, load_lexicon
from compare.model import Clause
from compare.quotes.narration import reporting

__all__ = ["Held", "hold", "names_in", "opens_with_marker"]

_SEPARATOR = " \u00a6 "
"""Joins runs so that no multi-word pattern reads across two of them."""


@dataclass(frozen=True, slots=True)
class Held:
    """What a run of words holds."""

    negations: tuple[str, ...] = ()
    modals: tuple[tuple[str, int], ...] = ()
    """(as written, firmness: must 6, will 5, should 4, would 3, may 2, might and could 1)."""
    hedges: dict[str, tuple[str, str]] = field(default_factory=dict)
    """entry id -> (as written, marker: "qualifier", "likelihood", "tentative", "downtoner")."""
    near: frozenset[str] = frozenset()
    """Entries of ``hedges`` that are hedges only next to a stance word ("temporarily occupied"
    is content): a quotation that merely stops before one has cut nothing."""
    intensifiers: dict[str, str] = field(default_factory=dict)
    """entry id -> as written."""
    stances: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    """entry id -> (as written, kind, rung)."""

    @property
    def is_empty(self) -> bool:
        """Whether the run holds none of these."""
        return not (self.negations or self.modals or self.hedges or self.intensifiers or self.stances)


@dataclass(frozen=True, slots=True)
class _Patterns:
    negation: re.Pattern[str] | None
    modals: tuple[tuple[re.Pattern[str], int], ...]
    hedges: tuple[tuple[str, re.Pattern[str], str], ...]
    near_hedges: frozenset[str]
    intensifiers: tuple[tuple[str, re.Pattern[str]], ...]
    stances: tuple[tuple[str, re.Pattern[str], str, int], ...]
    light: re.Pattern[str] | None
    """Light verbs ("express", "reiterate") that take their stance from a noun after them."""
    target_names: frozenset[str]


@cache
def _patterns() -> _Patterns:
    lexicon = load_lexicon()

    def compiled(patterns: tuple[str, ...] | list[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE)

    negation_patterns = [p for entry in lexicon.negations for p in entry.patterns]
    hedges = [(entry.id, compiled(entry.patterns), entry.marker or "qualifier") for entry in lexicon.hedges]
    hedges.append(("scope", reporting().qualifiers, "qualifier"))
    return _Patterns(
        negation=compiled(negation_patterns) if negation_patterns else None,
        modals=tuple((compiled(entry.patterns), entry.value) for entry in lexicon.modals),
        hedges=tuple(hedges),
        near_hedges=frozenset(entry.id for entry in lexicon.hedges if entry.scope != "clause"),
        intensifiers=tuple((entry.id, compiled(entry.patterns)) for entry in lexicon.modifiers if entry.scope != "clause"),
        stances=tuple(
            (entry.id, compiled(entry.patterns), entry.kind.value, entry.rung)
            for entry in lexicon.stances
            if entry.role in ("verb", "noun")
        ),
        light=compiled(light) if (light := [p for e in lexicon.stances if e.role == "light" for p in e.patterns]) else None,
        target_names=frozenset(name.name for name in lexicon.targets),
    )


def hold(runs: list[str] | tuple[str, ...]) -> Held:
    """What the runs of words hold, together.

    >>> held = hold(["could", "where appropriate"])
    >>> held.modals, sorted(held.hedges)
    ((('could', 1),), ['as-appropriate'])
    >>> hold(["expressed deep concern about"]).stances["express-concern"][1:] if "express-concern" in hold(["expressed deep concern about"]).stances else "ok"
    'ok'
    """
    text = _SEPARATOR.join(runs)
    patterns = _patterns()
    negations = tuple(m.group(0) for m in patterns.negation.finditer(text)) if patterns.negation else ()
    modals = tuple((m.group(0), value) for pattern, value in patterns.modals for m in pattern.finditer(text))
    hedges = {
        entry: (match.group(0), marker)
        for entry, pattern, marker in patterns.hedges
        for match in [pattern.search(text)]
        if match
    }
    intensifiers = {entry: match.group(0) for entry, pattern in patterns.intensifiers for match in [pattern.search(text)] if match}
    stances = {
        entry: (match.group(0), kind, rung)
        for entry, pattern, kind, rung in patterns.stances
        for match in [pattern.search(text)]
        if match
    }
    return Held(
        negations=negations,
        modals=modals,
        hedges=hedges,
        near=frozenset(hedges) & patterns.near_hedges,
        intensifiers=intensifiers,
        stances=stances,
    )


def opens_with_marker(text: str) -> bool:
    """Whether a stance word, a modal or a hedge starts the text ("stand ready to provide").

    >>> opens_with_marker("stand ready to provide"), opens_with_marker("the ROK stand ready")
    (True, False)
    """
    patterns = _patterns()
    candidates = [
        *([patterns.light] if patterns.light is not None else []),
        *(pattern for _, pattern, _, _ in patterns.stances),
        *(pattern for pattern, _ in patterns.modals),
        *(pattern for _, pattern, _ in patterns.hedges),
    ]
    return any(pattern.match(text) for pattern in candidates)


def names_in(text: str) -> frozenset[str]:
    """The canonical names of the countries and bodies a text names ("Beijing" is China).

    >>> sorted(names_in("the PRC’s ties with Pyongyang and New Zealand"))
    ['China', 'New Zealand', 'North Korea']
    """
    return _names_in(" ".join(text.split()))


_SEAS = regexcache.compiled(r"\bChina(?=\s+Seas?\b)")
""""the South China Sea" is a place, not China: the classifier names China as a target wherever
a China sea is named (and misses "the East and South China Seas" as a topic), so the word is
masked before it reads the text."""


@cache
def _names_in(text: str) -> frozenset[str]:
    if not text:
        return frozenset()
    text = _SEAS.sub("Asia", text)
    label = classify(Clause("new", 0, 1, 1, 0, len(text), text)).label
    known = _patterns().target_names
    found = {name for name in (*label.targets, *label.actors) if name in known}
    found |= {name for name, pattern in reporting().names if pattern.search(text)}
    return frozenset(found)
