"""Names one version uses and the other never does: new members, new bodies, places dropped.

Two sources, so that the list is not limited to a fixed vocabulary:

- the classifier's **targets and topics** (canonical names: "PRC" and "China" are one name;
  every country of ISO 3166 is known, see ``compare.classify.lexicon``);
- **proper names as written**: runs of two or more capitalised words, joined by "of", "for",
  "the" or a hyphen ("Indo-Pacific Partnership for Maritime Domain Awareness", "Global
  Challenges Institute"), that the other version's text never contains. Titles and roles
  ("Prime Minister", "the Ministers"), months and a sentence's opening words are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from compare import regexcache
from compare.filters import names_in
from compare.model import Clause, Comparison, Pair
from compare.normalise import normalise
from compare.render.common import location

__all__ = ["NAME_LIMIT", "NameChange", "name_changes", "proper_names"]

NAME_LIMIT = 40
"""Proper names listed at most on each side (targets and topics are always listed)."""


@dataclass(frozen=True, slots=True)
class NameChange:
    """A name only one version uses, what it is, and where that version uses it."""

    name: str
    roles: str
    """"target", "topic", "target, topic" or "name" (a proper name as written)."""
    places: tuple[str, ...]
    """Positions like "new ¶8 s18", in document order."""


_CAPITAL_WORD = r"(?:[A-Z][\w'’.]*(?:-[A-Z0-9][\w'’]*)*|[A-Z]{2,}\w*)"
_PROPER = regexcache.compiled(rf"{_CAPITAL_WORD}(?:\s+(?:(?:of|for|the|on|de)\s+)*{_CAPITAL_WORD})+")
_NOT_NAMES = frozenset(
    """we our the this these that those it its in on at as for to by with and but also further
    however moreover today leaders leader ministers minister prime president presidents secretary
    secretaries foreign defense defence his her their both all january february march april may
    june july august september october november december monday tuesday wednesday thursday friday
    saturday sunday mr mrs ms dr""".split()
)
"""Words that cannot start or end a proper name here (openers, titles, months)."""


def proper_names(text: str) -> list[str]:
    """Proper names of two or more capitalised words in a text, as written.

    >>> proper_names("We welcome the Global Challenges Institute and the Quad Fellowship, as Prime Minister Modi said.")
    ['Global Challenges Institute', 'Quad Fellowship']
    """
    found = []
    for match in _PROPER.finditer(text):
        words = match.group(0).split()
        while words and words[0].strip(".").lower() in _NOT_NAMES:
            words = words[1:]
        while words and words[-1].strip(".").lower() in _NOT_NAMES | {"of", "for", "and", "on", "de"}:
            words = words[:-1]
        capitals = [word for word in words if word[:1].isupper()]
        if len(capitals) >= 2:
            found.append(" ".join(words).rstrip(".,;:"))
    return found


_JOINS = regexcache.compiled(r"\s+(?:(?:of|for|the|on|de)\s+)+")


def _new_parts(name: str, other_words: str) -> list[str]:
    """The parts of a name the other version does not use: the whole name, or, when the other
    version uses one of the parts of two words or more that "of", "for" or "the" join, only the
    other such parts ("White House of the U.S.-Israel Strategic Consultative Group", where the
    group was named before, is news only for "White House").

    >>> _new_parts("White House of the Strategic Consultative Group", " the strategic consultative group met ")
    ['White House']
    >>> _new_parts("Republic of Korea", " korea ")
    ['Republic of Korea']
    """
    if f" {normalise(name)} " in other_words:
        return []
    parts = [part for part in _JOINS.split(name) if len(part.split()) >= 2]
    if any(f" {normalise(part)} " in other_words for part in parts):
        return [part for part in parts if f" {normalise(part)} " not in other_words]
    return [name]


def name_changes(comparison: Comparison, shown: Sequence[Pair]) -> tuple[tuple[NameChange, ...], tuple[NameChange, ...]]:
    """Names the shown pairs carry that the other version never uses: (first named, no longer named)."""
    every_old = [clause for pair in comparison.pairs for clause in pair.old]
    every_new = [clause for pair in comparison.pairs for clause in pair.new]
    first_named = _named_only(
        (clause for pair in shown for clause in pair.new), every_old, comparison.old.text, side="new"
    )
    no_longer_named = _named_only(
        (clause for pair in shown for clause in pair.old), every_new, comparison.new.text, side="old"
    )
    return first_named, no_longer_named


def _named_only(
    clauses: Iterable[Clause], other_side: Sequence[Clause], other_text: str, *, side: str
) -> tuple[NameChange, ...]:
    """Names ``clauses`` carry that ``other_side`` never uses, with where they stand."""
    elsewhere = {role: names_in(other_side, role + "s") for role in ("target", "topic")}
    known = {normalise(name) for names in elsewhere.values() for name in names}
    other_words = f" {normalise(other_text)} "
    roles: dict[str, list[str]] = {}
    places: dict[str, list[str]] = {}
    proper = 0

    def note(name: str, role: str, clause: Clause) -> None:
        if role not in roles.setdefault(name, []):
            roles[name].append(role)
        place = f"{side} {location((clause,))}"
        if place not in places.setdefault(name, []):
            places[name].append(place)

    for clause in sorted(clauses, key=lambda clause: clause.index):
        if clause.label is not None:
            for role, names in (("target", clause.label.targets), ("topic", clause.label.topics)):
                for name in names:
                    if name not in elsewhere[role]:
                        note(name, role, clause)
                        known.add(normalise(name))
        for found in proper_names(clause.text):
            for name in _new_parts(found, other_words):
                key = normalise(name)
                if not key or key in known:
                    continue
                if name not in roles and proper >= NAME_LIMIT:
                    continue
                proper += name not in roles
                note(name, "name", clause)
    return tuple(NameChange(name, ", ".join(roles[name]), tuple(places[name])) for name in roles)
