"""Normalisation for matching only: two spellings of the same clause should score as equal.

align() scores clauses on these normalised forms; every view still shows what was written.
The steps: Unicode quotes, dashes and hyphens to ASCII; alias names to one canonical name
(PRC / People's Republic of China -> China), kept in ``data/aliases.toml``; case folded;
British to US spelling (``data/spelling.toml`` plus the -ise/-ize rule); punctuation dropped
and white space collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from compare import regexcache
from compare.data import shipped_toml
from compare.safe import INVISIBLE

__all__ = ["Alias", "aliases", "canonical_text", "forget", "normalise", "unify_characters"]

_CHARACTER_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    }
    | dict.fromkeys(INVISIBLE)  # zero-width spaces, soft hyphens ...: no part of the wording
)
_IZE = regexcache.compiled(r"(?<=[a-z]{2})([iy])z(e|es|ed|ing|ation|ations|er|ers|able)\b")
_WORDS_APART = regexcache.compiled(r"([a-z]+)")
_NOT_WORD = regexcache.compiled(r"[^\w%$.]+|(?<!\d)\.|\.(?!\d)")


@dataclass(frozen=True, slots=True)
class Alias:
    """One canonical name and the ways statements write it."""

    canonical: str
    variants: tuple[str, ...]


@cache
def aliases() -> tuple[Alias, ...]:
    """The alias table shipped in ``compare/data/aliases.toml``."""
    raw = shipped_toml("compare.data", "aliases.toml")
    return tuple(
        Alias(entry["canonical"], tuple(entry.get("variants", ()))) for entry in raw["alias"]
    )


@cache
def _alias_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    to_canonical: dict[str, str] = {}
    for alias in aliases():
        for variant in (alias.canonical, *alias.variants):
            to_canonical[unify_characters(variant)] = alias.canonical
    ordered = sorted(to_canonical, key=len, reverse=True)
    body = "|".join(re.escape(variant) for variant in ordered)
    # Proper names are matched as written (case-sensitive) so that "US" never eats "us".
    return regexcache.compiled(rf"(?<![\w.])(?:{body})(?![\w])"), to_canonical


@cache
def _spelling() -> dict[str, str]:
    raw = shipped_toml("compare.data", "spelling.toml")
    return dict(raw["words"])


def unify_characters(text: str) -> str:
    """Map typographic quotes, dashes, hyphens and spaces to plain ASCII ones.

    >>> unify_characters("non\u2011proliferation \u201cfree\u201d")
    'non-proliferation "free"'
    """
    return unicodedata.normalize("NFKC", text.translate(_CHARACTER_MAP)).translate(_CHARACTER_MAP)


def canonical_text(text: str) -> str:
    """Rewrite every alias to its canonical name, keeping case and punctuation otherwise.

    >>> canonical_text("the PRC and the DPRK")
    'China and the North Korea'
    """
    pattern, to_canonical = _alias_pattern()
    return pattern.sub(lambda match: to_canonical[match.group(0)], unify_characters(text))


@lru_cache(maxsize=1 << 16)
def _us_spelling(word: str) -> str:
    """The one spelling matched for a folded word: the spelling table's, and -ize written -ise
    (kept per word: a statement repeats its words, and the rule is a regex substitution).

    >>> _us_spelling("organize"), _us_spelling("colour"), _us_spelling("size")
    ('organise', 'color', 'size')
    """
    return _spelling().get(word) or _IZE.sub(r"\1s\2", word)


def forget() -> None:
    """Forget every normalised text and spelling (see ``pipeline.forget_texts``)."""
    _normalise_cached.cache_clear()
    _us_spelling.cache_clear()


NORMALISED_KEPT = 1 << 16
"""Clauses whose normalised form is kept (the most recent): a statement's versions, a series or
a ``check`` run repeat most of them, and a long-lived process keeps no more than this."""


@lru_cache(maxsize=NORMALISED_KEPT)
def _normalise_cached(text: str) -> str:
    # Words and what lies between them, alternately: each word respelled by a call from C
    # (a substitution with a Python function per word cost half as much again).
    pieces = _WORDS_APART.split(canonical_text(text).casefold())
    pieces[1::2] = map(_us_spelling, pieces[1::2])
    return " ".join(_NOT_WORD.sub(" ", "".join(pieces)).split())


def normalise(text: str) -> str:
    """The matching form of a clause: what two equal clauses have in common.

    >>> normalise("We \u201cstrongly\u201d oppose the PRC\u2019s destabilising actions.")
    'we strongly oppose china s destabilising actions'
    >>> normalise("We strongly oppose China's destabilizing actions") == normalise(
    ...     "We strongly oppose the PRC\u2019s destabilising actions.")
    True
    >>> normalise("rate of 2.5 percent")
    'rate of 2.5 percent'
    """
    return _normalise_cached(text)
