"""Words with their offsets and matching forms: what quotations are located by.

A quotation and its statement are compared word by word, each word in three forms: ``raw`` as
written (verbatim means the raw forms agree), ``fold`` as the engine normalises it for matching
(``compare.normalise``: Unicode quotes and dashes, case, British/US spelling), and ``key``,
which also gives every name its canonical form (``data/aliases.toml``: "DPRK" and "North Korea"
are one key), so that a house-style name swap is found and then shown, not missed. A name of
several words ("People's Republic of China") is one token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from compare import regexcache
from compare.normalise import aliases, normalise, unify_characters

__all__ = ["STOP_WORDS", "Token", "content_keys", "tokenise", "weight"]

_WORD = regexcache.compiled(r"\d+(?:[.,]\d+)+|\w+|%")

STOP_WORDS = frozenset(
    """a an the of to in on at by for from with and or but nor as that which who whom whose this
    these those it its their our his her they we them us be is are was were been being has have
    had do does did so such than then there here also into onto upon over under about against
    between among through during before after within without any all each both other s""".split()
)
"""Function words: they count a quarter in a quotation's similarity and never anchor a match."""


@dataclass(frozen=True, slots=True)
class Token:
    """One word (or one multi-word name) of a text."""

    start: int
    end: int
    """Offsets in the text it was cut from."""
    raw: str
    fold: str
    """Matching form without names made canonical ("dprk")."""
    key: str
    """Matching form with names made canonical ("north korea")."""

    @property
    def is_content(self) -> bool:
        """Whether it is a content word (not in STOP_WORDS)."""
        return self.key not in STOP_WORDS


def tokenise(text: str) -> tuple[Token, ...]:
    """The words of ``text`` with their offsets and matching forms.

    >>> [(t.raw, t.key) for t in tokenise("the DPRK’s “co-production”")]
    [('the', 'the'), ('DPRK', 'north korea'), ('s', 's'), ('co-production', 'coproduction')]
    >>> [t.key for t in tokenise("People’s Republic of China and Russia-North Korea")]
    ['china', 'and', 'russia', 'north korea']
    """
    names = [(m.start(), m.end(), _alias_pattern()[1][_shape(m.group(0))]) for m in _alias_pattern()[0].finditer(text)]
    tokens: list[Token] = []
    is_name: list[bool] = []
    name_index = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        while name_index < len(names) and names[name_index][1] <= start:
            name_index += 1
        if name_index < len(names) and names[name_index][0] <= start < names[name_index][1]:
            name_start, name_end, canonical = names[name_index]
            if tokens and tokens[-1].start == name_start:
                continue  # a later word of the same name
            raw = text[name_start:name_end]
            tokens.append(Token(name_start, name_end, raw, _fold(raw), canonical))
            is_name.append(True)
            continue
        word = match.group(0)
        folded = "percent" if word == "%" else normalise(word) or word.casefold()
        if tokens and not is_name[-1] and text[tokens[-1].end : start] in _HYPHENS:
            # "non-proliferation" is one word, as "nonproliferation" is
            last = tokens[-1]
            joined = last.key + folded
            tokens[-1] = Token(last.start, end, text[last.start : end], joined, joined)
            continue
        tokens.append(Token(start, end, word, folded, folded))
        is_name.append(False)
    return tuple(tokens)


_HYPHENS = frozenset("-\u2010\u2011\u2012")


def weight(token: Token) -> float:
    """How much a word counts towards a quotation's similarity: content words 1, function words
    a quarter."""
    return 1.0 if token.is_content else 0.25


def content_keys(tokens: Iterable[Token]) -> set[str]:
    """The keys of the content words."""
    return {token.key for token in tokens if token.is_content}


def _fold(raw: str) -> str:
    return " ".join(unify_characters(raw).casefold().replace("'", " ").split())


def _shape(name: str) -> str:
    """A name as the alias table is keyed: plain apostrophes, one space between words."""
    return " ".join(unify_characters(name).split())


@cache
def _alias_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every way the alias table writes a name, as one pattern (case-sensitive, like the
    engine's, so that "US" never matches "us"), and the canonical key of each. A leading "the"
    stays a word of its own ("the PRC" is "the" + "China"), so both texts keep it alike."""
    canonical_of: dict[str, str] = {}
    for alias in aliases():
        for variant in (alias.canonical, *alias.variants):
            shaped = _shape(variant)
            if shaped.lower().startswith("the "):
                shaped = shaped[4:]
            canonical_of.setdefault(shaped, alias.canonical.casefold())
    ordered = sorted(canonical_of, key=len, reverse=True)
    body = "|".join(
        re.escape(variant).replace("'", "['\u2019]").replace(r"\ ", r"\s+").replace(r"\-", "[-\u2010\u2011]")
        for variant in ordered
    )
    return regexcache.compiled(rf"(?<![\w.])(?:{body})(?!\w)"), canonical_of
