"""The lexicon compiled: its patterns grouped into scanners and regular expressions, built
once per lexicon (``Lexicon.compiled``) and read by every classify() call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from compare import regexcache
from compare.classify.scanner import FirstMatch, MainScan, Scanner, first_match, regex

if TYPE_CHECKING:
    from compare.classify.lexicon import Lexicon, Name, Qualifier, StanceEntry

__all__ = ["Compiled", "compile_lexicon"]


@dataclass(frozen=True, slots=True)
class Compiled:
    verbs: Scanner
    verb_entries: dict[str, StanceEntry]
    nouns: Scanner | None
    noun_entries: dict[str, StanceEntry]
    modifiers_before: Scanner | None
    modifiers_after: re.Pattern[str] | None
    modifiers_clause: Scanner | None
    """Adverbs of action read anywhere in the clause ("... and closely monitor"): markers for
    shift(), never a rise of the rung."""
    weights: dict[str, int]
    """Weight of each modifier, hedge and modal pattern, by group name."""
    markers: dict[str, tuple[str, str, int]]
    """Marker kind, entry id and value of each modifier, hedge and modal pattern, by group."""
    hedges: dict[str, Scanner | None]
    modals: Scanner | None
    modal_exact: re.Pattern[str] | None
    """A whole stance word that is itself a modal ("will"): the act is the modal's."""
    negation: re.Pattern[str] | None
    actors: Scanner | None
    actor_names: dict[str, str]
    names: Scanner | None
    name_of_group: dict[str, str]
    topics: Scanner | None
    topic_of_group: dict[str, str]
    attribution: FirstMatch | None
    """Finds the first attribution ("the statement said") in a clause."""
    fillers: re.Pattern[str]
    subject_words: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    """Words that make the name after them an object, and a phrase they open no subject."""
    object_before: re.Pattern[str]
    """A preposition ending just before a name: the name is an object, not a speaker."""
    main: MainScan
    places: frozenset[str]
    """Topics in whose mention a country's name names no target (``Lexicon.places``)."""
    labels: dict[tuple[str, Any], Any] = field(default_factory=dict, compare=False)
    """Labels already read, by (clause text, context): a clause a version repeats, or one
    several comparisons share (a series, ``check``), is read once (see ``labels.LABELS_KEPT``)."""
    """verbs, nouns, actors, names and topics in one pass, in that order."""

    def compile_all(self) -> None:
        """Compile every scanner's branches now; otherwise each is compiled when first tried."""
        scanners = (
            self.verbs, self.nouns, self.modifiers_before, self.modifiers_clause, self.modals,
            self.actors, self.names, self.topics, *self.hedges.values(),
        )
        for scanner in scanners:
            if scanner is not None:
                scanner.compile_all()
        if self.attribution is not None:
            self.attribution.compile_all()


def compile_lexicon(lexicon: Lexicon) -> Compiled:
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

    markers: dict[str, tuple[str, str, int]] = {}

    def weighted(qualifiers: Iterable[Qualifier], prefix: str) -> tuple[list[tuple[str, str]], dict[str, int]]:
        """Patterns as named groups; records each group's weight and marker."""
        items, entry_of = grouped(qualifiers, prefix, lambda qualifier: qualifier)
        for group, q in entry_of.items():
            markers[group] = (q.marker, q.id, q.value if q.marker == "modal" else q.weight)
        return items, {group: q.weight for group, q in entry_of.items()}

    def scanner(items: list[tuple[str, str]], flags: int = re.IGNORECASE, **how: bool) -> Scanner | None:
        return Scanner(items, flags, **how) if items else None

    weights: dict[str, int] = {}
    before, w = weighted((m for m in lexicon.modifiers if m.scope == "before"), "mb")
    weights.update(w)
    after, w = weighted((m for m in lexicon.modifiers if m.scope == "after"), "ma")
    weights.update(w)
    anywhere, w = weighted((m for m in lexicon.modifiers if m.scope == "clause"), "mc")
    weights.update(w)
    hedges: dict[str, Scanner | None] = {}
    for scope in ("clause", "near", "before", "after"):
        items, w = weighted((h for h in lexicon.hedges if h.scope == scope), f"h{scope[0]}")
        hedges[scope] = scanner(items)
        weights.update(w)
    negations, _ = weighted(lexicon.negations, "x")
    modal_items, w = weighted(lexicon.modals, "mo")
    weights.update(w)

    def named(names: Iterable[Name], prefix: str) -> tuple[list[tuple[str, str]], dict[str, str]]:
        return grouped(names, prefix, lambda name: name.name)

    actors, actor_names = named(lexicon.actors, "a")
    names, name_of_group = named(lexicon.targets, "n")
    topics, topic_of_group = named(lexicon.topics, "t")
    attributions, _ = named(lexicon.attributions, "r")
    filler_words = "|".join(sorted((re.escape(w) for w in lexicon.fillers), key=len, reverse=True))
    fillers = regexcache.compiled(
        rf"(?:\s++|,[^,;:.()]{{1,40}},|,|\([^()]{{1,15}}\)|\b(?:{filler_words or 'also'})\b|\b\w+ly\b)*+",
        re.IGNORECASE,
    )
    verbs = Scanner([(g, p) for g, p, _ in verb_branches], re.IGNORECASE)
    noun_scanner = scanner([(g, p) for g, p, _ in noun_branches])
    actor_scanner = scanner(actors, in_compounds=True)
    name_scanner = scanner(names, 0, in_compounds=True)
    topic_scanner = scanner(topics, in_compounds=True)
    return Compiled(
        verbs=verbs,
        verb_entries={group: entry for group, _, entry in verb_branches},
        nouns=noun_scanner,
        noun_entries={group: entry for group, _, entry in noun_branches},
        modifiers_before=scanner(before),
        modifiers_after=regex(after, re.IGNORECASE),
        modifiers_clause=scanner(anywhere),
        weights=weights,
        markers=markers,
        hedges=hedges,
        modals=scanner(modal_items),
        modal_exact=regex(modal_items, re.IGNORECASE),
        negation=regex(negations, re.IGNORECASE),
        actors=actor_scanner,
        actor_names=actor_names,
        names=name_scanner,
        name_of_group=name_of_group,
        topics=topic_scanner,
        topic_of_group=topic_of_group,
        attribution=first_match(attributions, re.IGNORECASE),
        fillers=fillers,
        subject_words=frozenset(word.lower() for word in lexicon.subject_words),
        determiners=frozenset(word.lower() for word in lexicon.determiners),
        prepositions=frozenset(word.lower() for word in lexicon.prepositions),
        object_before=regexcache.compiled(
            rf"\b(?:{'|'.join(re.escape(w) for w in lexicon.prepositions) or 'of'})\s+$", re.IGNORECASE
        ),
        main=MainScan([verbs, noun_scanner, actor_scanner, name_scanner, topic_scanner]),
        places=frozenset(lexicon.places),
    )
