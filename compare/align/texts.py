"""The aligner's view of two documents: each clause as a normalised key, a word code and a
bag of content words weighted by how rare they are across both versions.

A word code has one private-use character per stemmed word, the same character for the same
word in both documents, so rapidfuzz's character scorers compare word sequences (shorter
strings, whole-word edits). Word weights are inverse document frequencies over the clauses of
both versions, with English function words nearly weightless: "the Indo-Pacific Partnership
for Maritime Domain Awareness" says more about where a sentence went than "we reaffirm our".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from compare import regexcache
from compare.model import Clause
from compare.normalise import normalise

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Text", "View", "forget", "key", "prepare"]

_SUFFIXES = ("ing", "ed", "es", "s")
_FIRST_CODE = 0xF0000
"""Word codes start in Unicode's supplementary private-use planes (room for 131,068 words)."""

FUNCTION_WEIGHT = 0.1
"""Share of its rarity weight a function word or a stance word keeps: "of", "our", "will" and
"condemn" say nothing about which clause is which."""

_FUNCTION_WORDS = frozenset(
    """a an the of to and or nor but in on at by for with from into onto upon over under about
    as than that this these those which who whom whose what when where while whether if so such
    is are was were be been being am has have had do does did will would shall should may might
    can could must it its it's we our ours us they their them he his she her i my you your all
    any each both every other another more most many much some no not also further only very
    there here then thus including within without between among against through during before
    after toward towards per via""".split()
)
_STANCE_WORDS = frozenset(
    """express expresses expressed concern concerns concerned condemn condemns condemned deplore
    deplores oppose opposes opposed reject rejects rejected welcome welcomes welcomed support
    supports supported commend commends reaffirm reaffirms reaffirmed reiterate reiterates
    reiterated affirm affirms affirmed recall recalls recalled note notes noted noting stress
    stresses stressed emphasize emphasizes emphasized underscore underscores underscored
    recognize recognizes recognized acknowledge acknowledges acknowledged urge urges urged call
    calls called encourage encourages encouraged invite invites request requests demand demands
    decide decides decided commit commits committed commitment pledge pledges pledged intend
    intends seek seeks aim aims strongly deeply seriously serious deep grave gravest firmly
    firm continue continues continued remain remains remained also further again""".split()
)
"""Words that say how a proposition is put, not what it is about: a clause that hardens from
"express concern about the launches" to "strongly condemn the launches" is still the same
clause, so these weigh as little as function words when clauses are matched on content."""
_WORD = regexcache.compiled(r"\S+")


@dataclass(frozen=True, slots=True)
class Text:
    """A clause as the aligner sees it."""

    key: str
    """The normalised text: what two clauses must share to count as unchanged."""
    code: str
    """One private-use character per stemmed word, in order."""
    paragraph: int = 0
    sentence: int = 0

    def __add__(self, other: Text) -> Text:
        return Text(f"{self.key} {other.key}", self.code + other.code, self.paragraph, self.sentence)

    @property
    def words(self) -> int:
        """Number of words."""
        return len(self.code)


@dataclass(frozen=True, slots=True)
class View:
    """Both documents as the aligner sees them, with the word weights they share."""

    old: tuple[Text, ...]
    new: tuple[Text, ...]
    weight: dict[str, float]
    """Rarity weight of each word code over the clauses of both documents."""
    forbidden: frozenset[tuple[int, int]] = frozenset()
    """(old, new) clause indices an analyst said do not correspond: never linked."""
    ordered: bool = True
    """Whether each side's order is its document's: False for clauses gathered from several
    versions (a series' dropped clauses), where how far a link jumps says nothing."""
    headings: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
    """The old and the new clauses that are section headings ("Climate", "Closing"): a heading
    links only with a heading, for a section title is never the same clause as a sentence."""

    def mass(self, text: Text) -> float:
        """The summed weight of a text's distinct words."""
        return sum(self.weight.get(code, 0.0) for code in set(text.code))

    @property
    def restricted(self) -> bool:
        """Whether some links are ruled out (by an analyst's break, or a heading on one side)."""
        return bool(self.forbidden or self.headings[0] or self.headings[1])

    def may_link(self, i: int, j: int) -> bool:
        """Whether old clause i and new clause j may be linked at all."""
        return (i, j) not in self.forbidden and (i in self.headings[0]) == (j in self.headings[1])

    def allowed(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """``may_link`` for each candidate (rows[k], cols[k]), as a boolean array."""
        import numpy as np

        old_heading = np.zeros(len(self.old), dtype=bool)
        old_heading[list(self.headings[0])] = True
        new_heading = np.zeros(len(self.new), dtype=bool)
        new_heading[list(self.headings[1])] = True
        allowed = old_heading[rows] == new_heading[cols]
        if self.forbidden:
            pairs = zip(rows.tolist(), cols.tolist(), strict=True)
            allowed &= np.fromiter(((i, j) not in self.forbidden for i, j in pairs), dtype=bool, count=len(rows))
        return allowed


def prepare(
    old: Sequence[Clause],
    new: Sequence[Clause],
    *,
    forbidden: frozenset[tuple[int, int]] = frozenset(),
    ordered: bool = True,
    headings: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
) -> View:
    """Keys, word codes and word weights of both documents' clauses, over one vocabulary."""
    old_keys = [key(clause.text) for clause in old]
    new_keys = [key(clause.text) for clause in new]
    vocabulary: dict[str, str] = {}
    codes = _word_codes([*old_keys, *new_keys], vocabulary)
    old_codes, new_codes = codes[: len(old_keys)], codes[len(old_keys) :]
    function_codes = {code for word, code in vocabulary.items() if word in _LIGHT_STEMS}
    old_texts = tuple(
        Text(k, code, c.paragraph, c.sentence) for k, code, c in zip(old_keys, old_codes, old, strict=True)
    )
    new_texts = tuple(
        Text(k, code, c.paragraph, c.sentence) for k, code, c in zip(new_keys, new_codes, new, strict=True)
    )
    return View(old_texts, new_texts, _weights(old_codes + new_codes, function_codes), forbidden, ordered, headings)


def _light_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in _FUNCTION_WORDS | _STANCE_WORDS)


def key(text: str) -> str:
    """What two clauses must share to count as unchanged: the normalised text, or the raw text
    where nothing is left after normalising (a clause of bare punctuation).

    >>> key("We  \u201cwelcome\u201d the plan.")
    'we welcome the plan'
    """
    return normalise(text) or " ".join(text.split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, enough to make "condemned" and "condemns" the same word.

    >>> [stem(w) for w in ("condemned", "condemns", "condemning", "concerns", "us")]
    ['condemn', 'condemn', 'condemn', 'concern', 'us']
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _word_codes(keys: Sequence[str], vocabulary: dict[str, str]) -> list[str]:
    """Each key as one character per stemmed word; ``vocabulary`` maps stems to characters and
    grows as new words are met, so both documents share it. A key met before gets the code it
    got then (its words are all in the vocabulary by now), without being read again."""
    known: dict[str, str] = {}
    for text in keys:
        if text in known:
            continue
        characters = []
        for token in _WORD.findall(text):
            word = token.strip(".,;:!?()[]\"'")
            stemmed = stem(word) if word else token
            code = vocabulary.get(stemmed)
            if code is None:
                code = vocabulary[stemmed] = chr(_FIRST_CODE + len(vocabulary))
            characters.append(code)
        known[text] = "".join(characters)
    return [known[text] for text in keys]


def forget() -> None:
    """Forget every word's stem (see ``pipeline.forget_texts``)."""
    stem.cache_clear()


def _weights(codes: Sequence[str], function_codes: set[str]) -> dict[str, float]:
    """Inverse document frequency of each word code over the given clauses.

    >>> weights = _weights(["ab", "ac", "ad"], {"a"})
    >>> weights["b"] > weights["a"]
    True
    """
    frequency: dict[str, int] = {}
    for code in codes:
        for character in set(code):
            frequency[character] = frequency.get(character, 0) + 1
    total = len(codes)
    weight = {c: math.log((total + 1) / (count + 0.5)) for c, count in frequency.items()}
    for character in function_codes:
        if character in weight:
            weight[character] *= FUNCTION_WEIGHT
    return weight


_LIGHT_STEMS = _light_stems()
"""Stems of the function and stance words (see FUNCTION_WEIGHT)."""
