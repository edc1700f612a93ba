"""Finding the quotations of a news article, with the narration around each.

First step of ``jointdiff quotes`` (read -> **extract** -> locate -> flag -> frame -> cover ->
render). Every pair of quotation marks is a quotation: curly (“ ” ‘ ’) or straight (" ') marks,
double or single, the single ones only where they cannot be apostrophes ("Russia’s",
"countries’"). Marks nested inside a quotation ("so-called 'elections'") stay part of it. A
quotation that runs on into the next paragraph (no closing mark at the paragraph's end, the next
paragraph opening with a mark, as wire copy does) is one quotation whose parts are joined by one
space. Each quotation then gets the narration of its sentence (``narration.read_narration``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from compare.model import BlockKind, Document
from compare.quotes.model import Quotation
from compare.quotes.narration import Narration, read_narration
from compare.segment import segment

__all__ = ["find_quotations", "quotation_spans"]

_MARK = re.compile("[\"\u201c\u201d'\u2018\u2019]")
_OPENING_CONTEXT = " \t([{\u2014\u2013-/\u201c\"\u2018'"
_MAX_SINGLE_WORDS = 12
"""A single-quoted stretch outside double quotes longer than this is taken for apostrophes."""


def find_quotations(article: Document) -> tuple[Quotation, ...]:
    """Every quotation of the article in reading order, with its attribution, speaker and the
    reporter's framing verb.

    >>> from compare.read import parse
    >>> article = parse('They accused China of “intensifying attempts,” a statement said.')
    >>> [(q.text, q.speaker, q.framing_verb, q.attribution) for q in find_quotations(article)]
    [('intensifying attempts,', 'They', 'accused', 'a statement said')]
    """
    spans = quotation_spans(article)
    sentences = _sentences(article)
    starts = [start for start, _ in sentences]
    quotations: list[Quotation] = []
    previous: tuple[tuple[int, int], Narration, int] | None = None
    for index, (parts, opening, closing) in enumerate(spans, start=1):
        sentence = sentences[max(0, bisect_right(starts, opening) - 1)] if sentences else (0, len(article.text))
        same_sentence = previous is not None and previous[0] == sentence
        before_start = previous[2] if same_sentence and previous is not None else sentence[0]
        before = article.text[before_start:opening]
        after_end = sentence[1]
        following = [o for _, o, _ in spans[index:] if o < sentence[1]]
        if following:
            after_end = following[0]
        after = article.text[closing:after_end] if closing < after_end else ""
        if closing >= sentence[1]:  # the quotation ends its sentence or runs on past it
            closing_sentence = sentences[max(0, bisect_right(starts, closing - 1) - 1)]
            after = article.text[closing : max(closing, closing_sentence[1])]
        narration = read_narration(before, after, previous[1] if same_sentence and previous else None)
        if not narration.attribution and quotations and _continues(article, quotations[-1], parts[0][0]):
            last = quotations[-1]
            narration = Narration(last.attribution, last.source, narration.speaker or last.speaker,
                                  narration.framing_verb, narration.framing, narration.before)
        block = _block_of(article, opening)
        quotations.append(
            Quotation(
                index=index,
                text=" ".join(" ".join(article.text[start:end].split()) for start, end in parts),
                parts=tuple(parts),
                paragraph=block + 1,
                sentence=sentence,
                attribution=narration.attribution,
                source=narration.source,
                speaker=narration.speaker,
                framing_verb=narration.framing_verb,
                narration=" ".join(narration.before.split()),
                headline=_is_headline(article, block),
            )
        )
        previous = (sentence, narration, closing)
    return tuple(quotations)


def _continues(article: Document, last: Quotation, start: int) -> bool:
    """Whether a quotation with no attribution of its own follows straight on from the last one
    in the same paragraph ("“...,” the statement said. “...”"): it is the same source speaking."""
    between = article.text[last.end : start]
    return "\n" not in between and len(between.split()) <= 12


def quotation_spans(article: Document) -> list[tuple[list[tuple[int, int]], int, int]]:
    """Where each quotation lies: its parts (offsets of the words between the marks), the offset
    of its opening mark and the offset just after its closing mark.

    >>> from compare.read import parse
    >>> doc = parse("Biden hails 'linchpin' ties\\n\\nThey said \\"we will never recognise so-called 'elections', past\\n\\n\\"and future.\\"")
    >>> [[doc.text[s:e] for s, e in parts] for parts, _, _ in quotation_spans(doc)]
    [['linchpin'], ["we will never recognise so-called 'elections', past", 'and future.']]
    """
    found: list[tuple[list[tuple[int, int]], int, int]] = []
    text = article.text
    blocks = [(block.start, block.end) for block in article.blocks] or [(0, len(text))]
    open_double: list[tuple[int, int]] | None = None
    """Parts of the outermost double quotation being read (its current part's end still open)."""
    opened_at = 0
    part_start = 0
    stack: list[str] = []
    for block_start, block_end in blocks:
        skip = -1
        if open_double is not None:
            first = re.match(r"\s*", text[block_start:block_end]).end() + block_start
            if first < block_end and text[first] in "\u201c\"":
                part_start, skip = first + 1, first  # the quotation runs on into this paragraph
                stack = ["d"]
            else:
                found.append(_finished(open_double, text, opened_at, open_double[-1][1]))
                open_double, stack = None, []
        for mark in _MARK.finditer(text, block_start, block_end):
            position = mark.start()
            if position == skip:
                continue
            char = mark.group(0)
            before = text[position - 1] if position > block_start else " "
            after = text[position + 1] if position + 1 < block_end else " "
            if char == "\u201c" or (char == '"' and "d" not in stack):
                if not stack:
                    opened_at, part_start, open_double = position, position + 1, []
                    stack = ["d"]
                elif "d" in stack:
                    stack.append("d")
                else:  # a double mark inside a top-level single quotation: take it as the outer one
                    opened_at, part_start, open_double, stack = position, position + 1, [], ["d"]
            elif char in "\u201d\"":
                if "d" not in stack:
                    continue
                while stack and stack.pop() != "d":
                    pass
                if not stack and open_double is not None:
                    open_double.append((part_start, position))
                    found.append(_finished(open_double, text, opened_at, position + 1))
                    open_double = None
            elif _opens_single(char, before, after):
                if not stack:
                    opened_at, part_start = position, position + 1
                stack.append("s")
            elif stack and stack[-1] == "s" and _closes_single(before, after):
                stack.pop()
                if not stack and open_double is None:
                    words = len(text[part_start:position].split())
                    if 0 < words <= _MAX_SINGLE_WORDS:
                        found.append(_finished([(part_start, position)], text, opened_at, position + 1))
        if open_double is not None:
            open_double.append((part_start, block_end))
            stack = ["d"]
        else:
            stack = []  # a single mark left open at the end of a paragraph was an apostrophe
    if open_double is not None:
        found.append(_finished(open_double, text, opened_at, open_double[-1][1]))
    return [item for item in found if item[0] and any(ch.isalnum() for s, e in item[0] for ch in text[s:e])]


def _finished(parts: list[tuple[int, int]], text: str, opening: int, closing: int) -> tuple[list[tuple[int, int]], int, int]:
    trimmed = []
    for start, end in parts:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed, opening, closing


def _opens_single(char: str, before: str, after: str) -> bool:
    if char not in "\u2018'":
        return False
    return (before.isspace() or before in _OPENING_CONTEXT) and (after.isalnum() or after in "\u201c\"")


def _closes_single(before: str, after: str) -> bool:
    return not before.isspace() and not after.isalnum()


def _sentences(article: Document) -> list[tuple[int, int]]:
    """The article's sentences as offsets, in order (from the engine's segmenter)."""
    spans: dict[int, list[int]] = {}
    for clause in segment(article):
        span = spans.setdefault(clause.sentence, [clause.start, clause.end])
        span[0], span[1] = min(span[0], clause.start), max(span[1], clause.end)
    return [(start, end) for start, end in sorted(spans.values())]


def _block_of(article: Document, position: int) -> int:
    for index, block in enumerate(article.blocks):
        if block.start <= position < block.end:
            return index
    return 0


def _is_headline(article: Document, block: int) -> bool:
    if not article.blocks:
        return False
    kind = article.blocks[block].kind
    first = article.text[article.blocks[0].start : article.blocks[0].end].rstrip()
    return kind is BlockKind.HEADING or (block == 0 and not first.endswith((".", "!", "?", ")")))


def _iter_parts(quotations: tuple[Quotation, ...]) -> Iterator[tuple[int, int]]:
    for quotation in quotations:
        yield from quotation.parts
