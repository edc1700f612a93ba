"""``check_quotes``: a news article's quotations checked against the statement they quote, in one
readable function.

The steps, one module each: **extract** the quotations and the narration around them, **locate**
each in the statement, **flag** what the article changed, **frame** the reporter's verbs against
the statement's stance, **cover** the statement's stances the article reports or leaves out. The
result, a ``QuoteReport``, is what every view renders. Pure: no I/O, safe in a worker thread.
"""

from __future__ import annotations

import re

from compare import regexcache
from compare.classify import Lexicon
from compare.model import Document, Kind
from compare.pipeline import label_document
from compare.quotes.coverage import Narrated, cover
from compare.quotes.extract import find_quotations
from compare.quotes.flags import flag, known_names
from compare.quotes.framing import compare_framing, reporter_stance
from compare.quotes.locate import Located, StatementIndex, index_statement, locate
from compare.quotes.model import Framing, Quotation, QuoteCheck, QuoteReport, Source, Status
from compare.quotes.tokens import content_keys, tokenise

__all__ = ["check_quotes"]

_SHORT = 4
"""A quotation of at most this many words ("linchpin", "serious concern") that another
quotation of the article contains is looked for where that one was found."""


def check_quotes(article: Document, statement: Document, *, lexicon: Lexicon | None = None) -> QuoteReport:
    """Check every quotation of a news article against the statement it quotes.

    Args:
        article: the news report, as ``read()`` returned it.
        statement: the statement it quotes.
        lexicon: classification word lists; the shipped ones when None.
    """
    index = index_statement(statement, label_document(statement, lexicon=lexicon))
    known = known_names(index)
    quotations = find_quotations(article)
    checks = []
    for quotation in quotations:
        context = _context(article, quotation, quotations)
        located = locate(quotation.text, index, context, others=quotation.source is Source.PERSON)
        if located.status is Status.NOT_FOUND:
            checks.append(
                QuoteCheck(quotation, Status.NOT_FOUND, similarity=round(located.similarity, 3),
                           from_statement=not _given_elsewhere(quotation))
            )
            continue
        flagged = flag(quotation, located, index, known)
        checks.append(
            QuoteCheck(
                quotation,
                flagged.status,
                flagged.pieces,
                flagged.flags,
                _framing(quotation, located, index),
                round(located.similarity, 3),
                True,
                flagged.note,
            )
        )
    narration = _narration(article, quotations, lexicon)
    return QuoteReport(article, statement, tuple(checks), cover(index, checks, narration))


def _context(article: Document, quotation: Quotation, quotations: tuple[Quotation, ...]) -> set[str]:
    """Rare words that tell where a short quotation comes from: its article sentence's, and
    those of a longer quotation of the article that holds it (a headline's 'linchpin')."""
    start, end = quotation.sentence
    context = content_keys(tokenise(article.text[start:end]))
    words = quotation.text.split()
    if len(words) <= _SHORT:
        needle = " ".join(token.key for token in tokenise(quotation.text))
        for other in quotations:
            if other is not quotation and needle and needle in " ".join(t.key for t in tokenise(other.text)):
                return content_keys(tokenise(other.text)) | content_keys(tokenise(article.text[other.sentence[0] : other.sentence[1]]))
    return context


_TITLE_WORD = regexcache.compiled(r"[A-Za-z][\w'’-]*")
_SMALL_WORDS = frozenset("a an and at by for in of on or the to".split())


def _given_elsewhere(quotation: Quotation) -> bool:
    """Whether the article gives words the statement does not have to someone speaking elsewhere,
    or puts a name in quotation marks: then they are not counted as the statement's."""
    if quotation.source is Source.PERSON:
        return True
    words = _TITLE_WORD.findall(quotation.text)
    if quotation.source is Source.UNATTRIBUTED and not quotation.headline and 0 < len(words) <= 8:
        # (a headline capitalises every word: its quotations are no names for that)
        return all(word[0].isupper() or word.lower() in _SMALL_WORDS for word in words)
    return False


def _framing(quotation: Quotation, located: Located, index: StatementIndex) -> Framing | None:
    """The reporter's verb against the stance of the statement clause the quotation was found in."""
    if not quotation.framing_verb:
        return None
    narration = quotation.narration
    at = narration.lower().rfind(quotation.framing_verb.lower())
    following = (narration[at + len(quotation.framing_verb) :] if at >= 0 else "") + " " + quotation.text
    reporter = reporter_stance(quotation.framing_verb, " ".join(following.split()))
    if reporter is None:
        return None
    region = located.regions[0]
    sentence = index.sentences[region.sentence]
    start = index.tokens[region.s_from].start
    clause = next((c for c in sentence.clauses if c.start <= start < c.end), sentence.clauses[0])
    label = clause.label
    if label is not None and label.kind is Kind.OTHER:
        label = next((c.label for c in sentence.clauses if c.label and c.label.kind is not Kind.OTHER), label)
    if label is None:
        return None
    direction, reason = compare_framing(reporter, label)
    return Framing(quotation.framing_verb, f"{reporter[0]} {reporter[1]}", label.stance, direction, reason)


def _narration(article: Document, quotations: tuple[Quotation, ...], lexicon: Lexicon | None) -> tuple[Narrated, ...]:
    """The article's own words: its sentences with the quotations taken out, and its clauses
    that take a stance of their own outside any quotation."""
    quoted_spans = [span for quotation in quotations for span in quotation.parts]
    sentences: dict[int, list[int]] = {}
    narrated: list[Narrated] = []
    for clause in label_document(article, lexicon=lexicon):
        span = sentences.setdefault(clause.sentence, [clause.start, clause.end])
        span[1] = clause.end
        label = clause.label
        outside = not any(start < clause.end and clause.start < end for start, end in quoted_spans)
        if label is not None and label.kind is not Kind.OTHER and not label.quoted and outside:
            narrated.append(Narrated(_without_quotes(article.text, clause.start, clause.end, quoted_spans), label))
    for start, end in sentences.values():
        text = _without_quotes(article.text, start, end, quoted_spans)
        narrated.append(Narrated(text))
    return tuple(item for item in narrated if item.text)


def _without_quotes(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> str:
    pieces = []
    position = start
    for q_start, q_end in sorted(quoted):
        if q_end <= start or q_start >= end:
            continue
        pieces.append(text[position : max(position, q_start)])
        position = max(position, q_end)
    pieces.append(text[position:end])
    return " ".join(re.sub("[\u201c\u201d\"]", " ", " … ".join(pieces)).split())
