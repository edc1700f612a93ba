"""Plain text for reading (and the text layer of PDFs): lines grouped into blocks.

Blank lines, bullets and numbered lines start blocks; text that was never hard-wrapped has one
paragraph a line. UN page headers, footnotes and the footnote markers glued to words are set
aside as furniture (``furniture``); Markdown-style links keep their label and set the target
aside.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compare import regexcache
from compare.model import Furniture
from compare.read.furniture import (
    FOOTNOTE_START,
    PAGE_COUNTER,
    RULE,
    close_footnote,
    footnote_follows,
    opens_footnote,
    strip_footnote_markers,
    un_front_header,
    un_page_header_end,
)
from compare.read.layout import (
    CLOSERS,
    SPACE,
    Body,
    Line,
    Para,
    Words,
    ends_sentence_or_clause,
    is_blank,
    join_lines,
    line_at,
)

__all__ = ["UNWRAPPED_MEDIAN_LINE", "text_body"]

_BULLET_LINE = regexcache.compiled(f"[{SPACE}]*[-*+\u2022\u2023\u25e6\u25aa][{SPACE}]+\\S")
_NUMBER_LINE = regexcache.compiled(
    r"\s*(?:\(\d{1,3}\)|\d{1,3}[.)]|\((?:[ivxlc]{1,6}|[a-z]{1,2})\)|[a-z]\))(?:\s|$)"
)

_UN_STANDALONE = regexcache.compiled(
    r"[A-Z][a-z]+(?:-[a-z]+)? (?:special |emergency special )?session"
    r"|Agenda items? \d.*|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee"
)

UNWRAPPED_MEDIAN_LINE = 120
"""Plain text whose median line is longer than this was never hard-wrapped (hard-wrapped
statements run to 72-95 columns): each of its lines is a paragraph."""

_TEXT_LINK = regexcache.compiled(
    r"\[(?P<label>[^\[\]]*)\]\((?P<url>(?:https?:|mailto:|/|\.)[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)"
)


def text_body(
    lines: list[Line], *, line_width: int | None = None, page_starts: frozenset[int] = frozenset()
) -> Body:
    """Plain text -> blocks, taking out UN page furniture, footnotes and glued footnote markers.

    Paragraphs are separated by blank lines. A UN page break is a blank line, the page header
    (document symbol, short title, job number, page counter) and one blank line; a second blank
    line after it means the paragraph ended with the page, none means it runs on, so the
    page's two halves become one block again. Footnotes run from a rule to the next page.
    PDF text layers come with `page_starts` (line numbers where pages begin) and `line_width`:
    they have no blank lines, so a line clearly shorter than that which ends a sentence also
    ends a paragraph.
    """
    furniture: list[Furniture] = []
    metadata: list[tuple[str, str]] = []
    start = un_front_header(lines, furniture, metadata)
    body: list[Line] = []
    footnotes: list[tuple[str, int]] = []
    footnote_lines: list[Line] = []
    last_footnote: int | None = None
    in_footnotes = False
    has_page_counters = any(PAGE_COUNTER.fullmatch(line.text.strip(SPACE)) for line in lines)
    index = start
    while index < len(lines):
        line = lines[index]
        if in_footnotes and line.number in page_starts:
            close_footnote(footnote_lines, footnotes, furniture)
            in_footnotes = False
        header_end = un_page_header_end(lines, index) if has_page_counters else None
        if header_end is not None:
            close_footnote(footnote_lines, footnotes, furniture)
            in_footnotes = False
            header = [
                item.text.strip(SPACE)
                for item in lines[index + 1 : header_end + 1]
                if not is_blank(item.text)
            ]
            furniture.append(Furniture("page-header", " | ".join(header), lines[index + 1].number))
            index = header_end + 1
            blanks = 0
            while index < len(lines) and is_blank(lines[index].text):
                blanks += 1
                index += 1
            if blanks >= 2:
                body.append(Line(lines[index - 1].number, ""))
            continue
        if RULE.fullmatch(line.text) and footnote_follows(lines, index):
            in_footnotes = True
        elif in_footnotes:
            match = FOOTNOTE_START.match(line.text)
            if match and opens_footnote(match.group(1), last_footnote):
                close_footnote(footnote_lines, footnotes, furniture)
                if match.group(1).isdigit():
                    last_footnote = int(match.group(1))
            if not is_blank(line.text):
                footnote_lines.append(line)
        else:
            body.append(line)
        index += 1
    close_footnote(footnote_lines, footnotes, furniture)
    body = strip_footnote_markers(body, footnotes, furniture)
    front_end = _front_zone_end(body) if start else 0
    words = Words("\n".join(line.text for line in lines))
    paras = _group_lines(
        body,
        words,
        front_end=front_end,
        line_width=line_width,
        furniture=furniture,
        line_per_paragraph=line_width is None and _is_unwrapped(body),
    )
    return Body(tuple(paras), tuple(furniture), tuple(metadata))


def _front_zone_end(lines: list[Line]) -> int:
    """Line number where a UN resolution's opening ("The General Assembly,") starts."""
    for line in lines:
        if line.text.lstrip(SPACE).startswith("The General Assembly"):
            return line.number
    return 0


def _group_lines(
    lines: list[Line],
    words: Words,
    *,
    front_end: int,
    line_width: int | None,
    furniture: list[Furniture],
    line_per_paragraph: bool = False,
) -> list[Para]:
    """Group body lines into blocks: blank lines, bullets and numbered lines start new ones;
    with ``line_per_paragraph`` (text that was never hard-wrapped) so does every line."""
    paras: list[Para] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            paras.append(_text_para(current, words, furniture))
            current.clear()

    for line in lines:
        text = line.text
        if is_blank(text):
            flush()
            continue
        stripped = text.strip(SPACE)
        if line.number < front_end and _UN_STANDALONE.fullmatch(stripped):
            flush()
            current.append(line)
            flush()
            continue
        after_clause = bool(current) and ends_sentence_or_clause(current[-1].text.strip(SPACE))
        if current and (_BULLET_LINE.match(text) or (_NUMBER_LINE.match(text) and after_clause)):
            flush()
        current.append(line)
        if line_per_paragraph or (line_width is not None and _ends_pdf_paragraph(stripped, line_width)):
            flush()
    flush()
    return paras


def _is_unwrapped(lines: Sequence[Line]) -> bool:
    """Whether plain text keeps each paragraph on one long line (copied from a web page or a
    news feed) rather than hard-wrapping it: then a line break ends a paragraph.

    >>> _is_unwrapped([Line(1, "x" * 300), Line(2, "y" * 250)]), _is_unwrapped([Line(1, "x" * 78)])
    (True, False)
    """
    lengths = sorted(len(line.text.strip(SPACE)) for line in lines if not is_blank(line.text))
    return bool(lengths) and lengths[len(lengths) // 2] > UNWRAPPED_MEDIAN_LINE


def _ends_pdf_paragraph(text: str, line_width: int) -> bool:
    """A PDF line well short of the column ends its paragraph if it ends a sentence or a title."""
    if len(text) >= 0.75 * line_width:
        return False
    last = text.rstrip(CLOSERS)[-1:]
    return last in ".!?:;" or (text[:1].isupper() and last not in ",-" and len(text.split()) <= 12)


def _text_para(lines: list[Line], words: Words, furniture: list[Furniture]) -> Para:
    """One block of plain text; Markdown-style links keep their label, the target is furniture."""
    text, starts, numbers = join_lines(lines, words)
    if "](" in text:

        def unlink(match: re.Match[str]) -> str:
            line = line_at(match.start(), starts, numbers)
            furniture.append(Furniture("link-target", match.group("url"), line))
            return match.group("label")

        text = _TEXT_LINK.sub(unlink, text)
    return Para(text, lines[0].number, line_count=len(lines))
