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

from compare import regexcache
from compare.model import BlockKind, Document
from compare.quotes.model import Quotation
from compare.quotes.narration import Narration, aimed_at, read_narration
from compare.segment import segment

__all__ = ["find_quotations", "quotation_spans"]

_MARK = regexcache.compiled("[\"\u201c\u201d'\u2018\u2019]")
_OPENING_CONTEXT = " \t([{\u2014\u2013-/\u201c\"\u2018'"


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
        own = before[len(_beside(before)) :] if same_sentence else before  # not the last one's aside
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
                # the words before the quotation are its own, the sentence's tail the last one's,
                # and so is a phrase set beside it ("“...,” a reference to China's build-up, and")
                aimed_at=aimed_at(f"{own} … {after if not following else _beside(after)}"),
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
    r"""Where each quotation lies: its parts (offsets of the words between the marks), the offset
    of its opening mark and the offset just after its closing mark.

    The outermost marks may be double (“...” or "...") or single (‘...’, as British papers
    quote, or '...' in a headline); marks of the other kind inside are nested quotations and
    stay part of it. A single mark between two letters is an apostrophe, and so is a closing
    single mark with no opening one ("countries’ offshore").

    >>> from compare.read import parse
    >>> doc = parse("Biden hails 'linchpin' ties\n\nThey said \"we will never recognise so-called 'elections', past\n\n\"and future.\"")
    >>> [[doc.text[s:e] for s, e in parts] for parts, _, _ in quotation_spans(doc)]
    [['linchpin'], ["we will never recognise so-called 'elections', past", 'and future.']]
    >>> doc = parse("They said ‘we will act, as the “2+2” agreed’, officials said.")
    >>> [[doc.text[s:e] for s, e in parts] for parts, _, _ in quotation_spans(doc)]
    [['we will act, as the “2+2” agreed']]
    """
    text = article.text
    blocks = [(block.start, block.end) for block in article.blocks] or [(0, len(text))]
    reader = _Reader(text)
    for block_start, block_end in blocks:
        reader.paragraph(block_start, block_end)
    reader.finish()
    return [item for item in reader.found if item[0] and any(ch.isalnum() for s, e in item[0] for ch in text[s:e])]


class _Reader:
    """Reads quotation marks paragraph by paragraph, keeping a quotation open across a paragraph
    break when the next paragraph opens with the same kind of mark."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[tuple[list[tuple[int, int]], int, int]] = []
        self.stack: list[str] = []
        """Kinds of the open marks, outermost first: "d" double, "s" single."""
        self.parts: list[tuple[int, int]] = []
        self.part_start = 0
        self.opened_at = 0
        self.curly_opening = True

    def paragraph(self, start: int, end: int) -> None:
        text = self.text
        skip = -1
        if self.stack:
            first = start + len(text[start:end]) - len(text[start:end].lstrip())
            opening = "\u201c\"" if self.stack[0] == "d" else "\u2018'"
            if first < end and text[first] in opening:
                self.part_start, skip = first + 1, first  # the quotation runs on into this paragraph
                self.stack = self.stack[:1]
            else:
                self._emit(self.parts[-1][1] if self.parts else start)
        for mark in _MARK.finditer(text, start, end):
            position = mark.start()
            if position != skip:
                self._mark(mark.group(0), position, start, end)
        if self.stack:
            if self.stack[0] == "d" or self.curly_opening:
                self.parts.append((self.part_start, end))
            else:
                self._reset()  # a straight single mark left open was an apostrophe

    def _mark(self, char: str, position: int, start: int, end: int) -> None:
        text = self.text
        before = text[position - 1] if position > start else " "
        after = text[position + 1] if position + 1 < end else " "
        if char == "\u201c" or (char == '"' and "d" not in self.stack):
            self._open("d", position, char == "\u201c")
        elif char in "\u201d\"":
            self._close("d", position)
        elif char in "\u2019'" and "s" in self.stack and _closes_single(before, after):
            if not _possessive(text, position, before):
                self._close("s", position)
        elif _opens_single(char, before, after):
            self._open("s", position, char == "\u2018")

    def _open(self, kind: str, position: int, curly: bool) -> None:
        if not self.stack:
            self.opened_at, self.part_start, self.parts, self.curly_opening = position, position + 1, [], curly
        self.stack.append(kind)

    def _close(self, kind: str, position: int) -> None:
        if kind not in self.stack:
            return
        while self.stack and self.stack.pop() != kind:
            pass
        if not self.stack:
            self.parts.append((self.part_start, position))
            self.found.append(_finished(self.parts, self.text, self.opened_at, position + 1))
            self._reset()

    def _emit(self, closing: int) -> None:
        self.found.append(_finished(self.parts, self.text, self.opened_at, closing))
        self._reset()

    def _reset(self) -> None:
        self.stack, self.parts = [], []

    def finish(self) -> None:
        if self.stack and self.parts:
            self._emit(self.parts[-1][1])


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


_AFTER_QUOTE = frozenset(
    """said says the a an and but or while as he she they it we according in on at to from with for
    of by was were is are had has officials""".split()
)


def _possessive(text: str, position: int, before: str) -> bool:
    """Whether a single mark after an "s" is a plural possessive ("the allies’ statement"), not
    the end of a quotation: a lower-case word follows that does not usually follow one."""
    following = re.match(r" ([a-z][\w-]*)", text[position + 1 : position + 30])
    return before == "s" and following is not None and following.group(1) not in _AFTER_QUOTE


_BESIDE = regexcache.compiled(r"[\s,\u201d\u2019\"']*(?:in\s+)?(?:an?|what)\s[^,;.]*")


def _beside(after: str) -> str:
    """A noun phrase set beside a quotation, right after it (", a reference to China's ...")."""
    found = _BESIDE.match(after)
    return found.group() if found else ""


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


