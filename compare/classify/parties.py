"""Who makes a joint statement: the parties its title names, and those who speak with them.

A leaders' statement reports what others do as well as what its parties pledge. "Ukraine is
defending its freedom, sovereignty, independence and territorial integrity", in a G7 communiqué,
is no commitment of the G7's, though "Japan will host the next summit" is one of a member's. The
parties are read from the title: the countries and bodies it names ("U.S.-India Joint Leaders'
Statement": the United States and India) and the members of a group it names
(``compare/data/groups.toml``: the G7, the Quad, AUKUS); then whoever speaks together with a
party in the statement ("The United States and the European Union will ...") and a group most of
whose members are parties. A title that names none gives no parties, and then nothing is decided
on them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from compare import regexcache
from compare.classify.grammar import in_adverbial_stretch
from compare.classify.labels import classify
from compare.classify.lexicon import Lexicon
from compare.data import shipped_toml
from compare.model import Clause, Kind, Label

__all__ = ["countries", "makers", "reported"]


@cache
def _groups() -> tuple[tuple[str, re.Pattern[str], frozenset[str]], ...]:
    raw = shipped_toml("compare.data", "groups.toml")
    return tuple(
        (entry["name"], regexcache.compiled("|".join(entry["title"]), re.IGNORECASE), frozenset(entry["members"]))
        for entry in raw["group"]
    )


@cache
def countries(lexicon: Lexicon) -> frozenset[str]:
    """Every country and body the lexicon names (what a party can be), once per lexicon."""
    return frozenset(lexicon.compiled.name_of_group.values())


def makers(title: str | None, labels: Sequence[Label | None], lexicon: Lexicon) -> frozenset[str]:
    """The countries, bodies and groups that make the statement (empty when its title names none).

    >>> from compare.classify.lexicon import load_lexicon
    >>> sorted(makers("U.S.-India Joint Leaders' Statement", [], load_lexicon()))
    ['India', 'United States']
    >>> "Australia" in makers("Joint Leaders Statement on AUKUS", [], load_lexicon())
    True
    """
    if not title:
        return frozenset()
    label = classify(Clause("title", 0, 0, 0, 0, len(title), title), lexicon=lexicon).label
    found = set() if label is None else set(label.targets) | set(label.actors)
    for name, pattern, members in _groups():
        if pattern.search(title):
            found |= members | {name}
    if not found:
        return frozenset()
    for other in labels:  # "The United States and the European Union will ..."
        if other is not None and set(other.actors) & found:
            found |= set(other.actors)
    for name, _, members in _groups():
        if len(members & found) * 2 > len(members):
            found.add(name)
    return frozenset(found)


_FIRST_PERSON = regexcache.compiled(r"\b(?:we|our|ours|us|ourselves)\b", re.IGNORECASE)


def reported(clause: Clause, parties: frozenset[str], countries: frozenset[str]) -> bool:
    """Whether a clause's stance is only reported of others: every one of its speakers is a
    country or body (none is "we", "the Leaders", a person, an initiative ...), none is a party,
    and the clause does not speak in the first person ("..., in Dubai, the United Arab Emirates,
    and extend OUR full support to the UAE Presidency" is the speakers')."""
    label = clause.label
    if label is None or label.kind is Kind.OTHER or not parties or not label.actors:
        return False
    if not all(actor in countries and actor not in parties for actor in label.actors):
        return False
    # the first person outside "As we reiterated in February, ..." speaks for the parties
    return all(in_adverbial_stretch(clause.text, m.start()) for m in _FIRST_PERSON.finditer(clause.text))
