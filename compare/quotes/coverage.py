"""Coverage: which of the statement's stances the article reports, and how.

Fifth step of ``jointdiff quotes`` (read -> extract -> locate -> flag -> frame -> **cover** ->
render). Every sentence of the statement that takes a stance (a concern, a commitment, a call, a
position, a welcome, a decision: any clause the classifier gives a kind other than "other") is
an item, with the kind of its first such clause and the targets of all of them. Each is

- **quoted** when a quotation was found in it;
- **paraphrased** when a sentence of the article's own narration (its words outside quotation
  marks, five words or more) lies close to it in meaning: the cosine of the two texts' static
  embeddings (``compare.align.meaning.embed``, the model the aligner's semantic pass uses) plus
  half the share of the statement sentence's rare words the narration holds, at least
  ``PARAPHRASE_AT``. That threshold was chosen on the seed article's coverage labels (one
  paraphrase among 36 stances); it is a development figure, not a measured one;
- **left out** otherwise.

The narration's own stance ("while also condemning Russia's growing military cooperation with
China") is compared with the statement's on the sentence it matches best, quoted or not: the
framing of a paraphrase, beside the framing of each quotation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from compare.model import Clause, Kind, Label
from compare.quotes.framing import compare_framing
from compare.quotes.locate import Sentence, StatementIndex
from compare.quotes.model import Coverage, CoverageItem, Framing, QuoteCheck
from compare.quotes.tokens import content_keys, tokenise

__all__ = ["PARAPHRASE_AT", "Narrated", "cover"]

PARAPHRASE_AT = 0.5
"""Lowest meaning score (cosine + half the rare-word share) for a narration sentence to count
as reporting a statement sentence. Chosen on the seed's coverage labels, and kept
well above the highest score of any stance the seed article leaves out (0.24), because on the
development articles (coverage unlabelled) leads and the narration around quotations
("WASHINGTON, April 26 -- President Joe Biden and ... celebrated 70 years of their alliance")
scored up to 0.45 against sentences they do not report: "paraphrased" is meant to be precise.
The seed's one labelled paraphrase, a loose summary ("talks aimed at boosting military
cooperation" for "resolved to continue strengthening the deterrence ... of the Alliance"),
scores 0.03 and is missed: no threshold separates it from the stances left out."""
FRAMING_AT = 0.3
"""The same for a narration clause that takes a stance of its own and names a target the
statement sentence names too ("condemning Russia's growing military cooperation with China"):
the shared target vouches for the match, so its framing is compared a little further out."""
MIN_NARRATION_WORDS = 5
"""Statement clauses shorter than this are not weighed on their own."""
MIN_CONTENT_WORDS = 6
"""Narration holding fewer content words than this outside its quotations ("On Ukraine, the
leaders expressed their … and said …") says too little to report a sentence by itself."""
MIN_SHARED = 2
"""Words a paraphrase must share with the sentence it reports, other than names (of countries,
bodies or people) and the vocabulary of meetings and statements ("summit", "adopted",
"leaders"): meaning alone matches a lead full of names with any sentence that names them."""
_EVENT_WORDS = frozenset(
    """statement joint said says leaders leader ministers minister president presidents prime secretary
    adopted assembly resolution summit meeting meetings met visit talks official officials vote recorded
    today week year day call video hosted host state""".split()
)


@dataclass(frozen=True, slots=True)
class Narrated:
    """One stretch of the article's own words (outside quotation marks), with its classification
    when it is a clause that takes a stance of its own."""

    text: str
    label: Label | None = None


def cover(index: StatementIndex, checks: Sequence[QuoteCheck], narration: Sequence[Narrated]) -> tuple[CoverageItem, ...]:
    """The statement's stances and whether the article reports each.

    Args:
        index: the statement.
        checks: the quotations, checked.
        narration: the article's narration: sentences with their quotations taken out, and
            the clauses among them that take a stance of their own.
    """
    stances = [(k, sentence) for k, sentence in enumerate(index.sentences) if _stance_clause(sentence) is not None]
    if not stances:
        return ()
    quoted: dict[int, list[int]] = {}
    for check in checks:
        if not check.from_statement:
            continue
        for piece in check.pieces:
            for number in piece.sentences:
                quoted.setdefault(number, []).append(check.quotation.index)
    usable = [item for item in narration if len(content_keys(tokenise(item.text))) >= MIN_CONTENT_WORDS]
    scores, shared = _scores([sentence for _, sentence in stances], [item.text for item in usable], index) if usable else (None, None)
    framings = _narration_framings(stances, usable, scores, shared)
    items = []
    for row, (_, sentence) in enumerate(stances):
        clause = _stance_clause(sentence)
        label = clause.label if clause is not None and clause.label is not None else Label()
        targets = tuple(dict.fromkeys(t for c in sentence.clauses if c.label for t in c.label.targets))
        best_score, best_text, reports = None, "", False
        if scores is not None and shared is not None:
            column = int(scores[row].argmax())
            best_score, best_text = float(scores[row, column]), usable[column].text
            reports = best_score >= PARAPHRASE_AT and shared[row, column] >= MIN_SHARED
        found_in = tuple(dict.fromkeys(quoted.get(sentence.number, [])))
        if found_in:
            reported = Coverage.QUOTED
        elif reports:
            reported = Coverage.PARAPHRASED
        else:
            reported = Coverage.LEFT_OUT
        paraphrase = best_text if reports else ""
        framing, framed = framings.get(row, (None, ""))
        paraphrase = paraphrase or framed
        items.append(
            CoverageItem(
                sentence=sentence.number,
                paragraph=sentence.paragraph,
                start=sentence.start,
                end=sentence.end,
                text=" ".join(index.document.text[sentence.start : sentence.end].split()),
                kind=label.kind.value,
                stance=label.stance,
                targets=targets,
                reported=reported,
                quotations=found_in,
                paraphrase=paraphrase,
                similarity=round(best_score, 3) if best_score is not None else None,
                framing=framing,
            )
        )
    return tuple(items)


def _stance_clause(sentence: Sentence) -> Clause | None:
    return next((c for c in sentence.clauses if c.label is not None and c.label.kind is not Kind.OTHER), None)


def _scores(sentences: list[Sentence], narration_texts: list[str], index: StatementIndex):
    """Meaning scores, one row per statement sentence, one column per narration stretch: the
    best of the sentence's own score and those of its clauses (a long sentence's second clause,
    "and urged the DPRK to accept the repeated offers of dialogue", is reported on its own);
    and how many rare words other than country names each pair shares."""
    import numpy as np

    from compare.align.meaning import available, embed

    texts: list[str] = []
    rows: list[int] = []
    for row, sentence in enumerate(sentences):
        pieces = [index.document.text[sentence.start : sentence.end]]
        if len(sentence.clauses) > 1:
            pieces += [clause.text for clause in sentence.clauses if len(clause.text.split()) >= MIN_NARRATION_WORDS]
        texts += pieces
        rows += [row] * len(pieces)
    proper = _proper_keys(index)
    overlap = np.zeros((len(texts), len(narration_texts)), dtype=np.float32)
    common = np.zeros((len(texts), len(narration_texts)), dtype=np.float32)
    narration_keys = [content_keys(tokenise(text)) for text in narration_texts]
    for row, text in enumerate(texts):
        keys = content_keys(tokenise(text))
        total = index.keys_rarity(keys) or 1.0
        for column, other in enumerate(narration_keys):
            overlap[row, column] = index.keys_rarity(keys & other) / total
            common[row, column] = len({key for key in keys & other if not _is_name(key) and key not in proper})
    scores = overlap
    if available():
        vectors = embed([*texts, *narration_texts])
        scores = vectors[: len(texts)] @ vectors[len(texts) :].T + 0.5 * overlap
    best = np.full((len(sentences), len(narration_texts)), -1.0, dtype=np.float32)
    np.maximum.at(best, np.asarray(rows), scores)
    shared = np.zeros((len(sentences), len(narration_texts)), dtype=np.float32)
    np.maximum.at(shared, np.asarray(rows), common)
    return best, shared


def _proper_keys(index: StatementIndex) -> set[str]:
    """Words the statement writes with a capital inside its sentences: names of people and
    places ("Navalny", "Apulia"), and the words of meetings and statements."""
    firsts = {sentence.first for sentence in index.sentences}
    proper = {t.key for k, t in enumerate(index.tokens) if k not in firsts and t.raw[:1].isupper()}
    return proper | _EVENT_WORDS


def _is_name(key: str) -> bool:
    """Whether a word key is a country's or body's name ("china", "israeli")."""
    return any(key == name or (" " not in name and key.startswith(name[:5]) and len(name) >= 5) for name in _name_keys())


@cache
def _name_keys() -> frozenset[str]:
    from compare.classify import load_lexicon
    from compare.normalise import aliases

    names = {alias.canonical.casefold() for alias in aliases()}
    names |= {name.name.casefold() for name in load_lexicon().targets}
    return frozenset(names)


def _narration_framings(stances, usable: Sequence[Narrated], scores, shared) -> dict[int, tuple[Framing, str]]:
    """For each narration clause with a stance of its own, its framing against the statement
    sentence it matches best (when it matches one at all), with the narration's words."""
    found: dict[int, tuple[Framing, str]] = {}
    if scores is None:
        return found
    for column, item in enumerate(usable):
        if item.label is None or item.label.kind is Kind.OTHER:
            continue
        row = int(scores[:, column].argmax())
        clause = _stance_clause(stances[row][1])
        if clause is None or clause.label is None:
            continue
        named = {t for c in stances[row][1].clauses if c.label for t in c.label.targets}
        threshold = FRAMING_AT if set(item.label.targets) & named else PARAPHRASE_AT
        if float(scores[row, column]) < threshold or shared[row, column] < MIN_SHARED:
            continue
        reporter = (item.label.kind.value, item.label.intensity, item.label.stance)
        direction, reason = compare_framing(reporter, clause.label)
        framing = Framing(item.label.stance, f"{reporter[0]} {reporter[1]}", clause.label.stance, direction, reason)
        if row not in found or direction != "same":
            found[row] = (framing, item.text)
    return found


