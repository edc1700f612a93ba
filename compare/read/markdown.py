"""Markdown for reading (as the White House converter writes it): blocks with the markup removed.

Headings (ATX, setext, and a line in bold alone), list items, block quotes and hard breaks are
understood; escapes, emphasis, tags, entities and links become plain text, the link targets,
front matter (``frontmatter``), separators and the release end marker ("###") furniture.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from compare import regexcache
from compare.model import BlockKind, Furniture
from compare.read.dates import iso_date
from compare.read.frontmatter import front_matter
from compare.read.layout import (
    SPACE,
    Body,
    Line,
    Para,
    Words,
    collapse,
    ends_sentence_or_clause,
    is_blank,
    join_lines,
    line_at,
    numbered_lines,
)

__all__ = ["markdown_body"]

_ATX_OPENING = regexcache.compiled(r" {0,3}#{1,6}(?=[ \t]|$)")
_RELEASE_MARKER = regexcache.compiled(r"\s*\\?#{3}\s*")
_THEMATIC_BREAK = regexcache.compiled(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")
_SETEXT = regexcache.compiled(r" {0,3}(?:=+|-{2,})[ \t]*")
_LIST_ITEM = regexcache.compiled(
    r"( {0,3})(?:(?P<bullet>[-*+])|(?P<number>\d{1,9})[.)])(?:[ \t]+(?P<rest>.*))?"
)
_SEPARATOR = regexcache.compiled(r"([*=~#_-])(?: ?\1){2,}")  # "*****", "* * *": a rule written as text
_TAG = regexcache.compiled(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,1000})?/?>")
_BOLD_ONLY = regexcache.compiled(  # "**Title**", "***Title***", "I. **Title**", "**Trade and** **Labor**"
    r"\s*(?:(?:[IVXLC]{1,6}|[A-Z]|\d{1,3})\.\s+)?(?:(\*{2,3}|_{2,3})(?:(?!\1).)+?\1\s*)+", re.S
)
_INLINE = regexcache.compiled(
    r"(?=[\\<!\[&*_~])"  # every construct starts with one of these: skip other text fast
    r"(?:\\(?P<escaped>[!-/:-@\[-`{-~])"
    r"|!?\[(?P<label>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]"
    r"\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)"
    r"|<(?P<autolink>(?:https?|ftp|mailto):[^\s<>]*)>"
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,1000})?/?>"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<emphasis>\*+|_+|~~))",
    re.S,
)


def markdown_body(text: str) -> Body:
    """Markdown (as the White House converter writes it) -> blocks, markup removed."""
    lines = numbered_lines(text.split("\n"))
    furniture: list[Furniture] = []
    start, metadata = front_matter(lines)
    if start:
        raw = "\n".join(line.text for line in lines[1 : start - 1])
        furniture.append(Furniture("front-matter", raw, 1))
    words = Words(text)
    paras: list[Para] = []
    chunk = _Chunk()

    def flush() -> None:
        nonlocal chunk
        if chunk.lines:
            para = _markdown_para(chunk, words, furniture)
            if para is not None:
                paras.append(para)
        chunk = _Chunk()

    for line in lines[start:]:
        raw = line.text
        if is_blank(raw):
            flush()
        elif _RELEASE_MARKER.fullmatch(raw):
            flush()
            furniture.append(Furniture("release-marker", raw.strip(SPACE), line.number))
        elif _SETEXT.fullmatch(raw) and chunk.lines and chunk.kind is BlockKind.PARAGRAPH:
            chunk.kind = BlockKind.HEADING
            flush()
        elif _THEMATIC_BREAK.fullmatch(raw):
            flush()
        elif (heading := _atx_heading(raw)) is not None:
            flush()
            chunk = _Chunk([Line(line.number, heading)], BlockKind.HEADING)
            flush()
        elif (match := _LIST_ITEM.fullmatch(raw)) and not chunk.continues_with(match):
            flush()
            marker = "-" if match.group("bullet") else f"{match.group('number')}."
            first = Line(line.number, match.group("rest") or "")
            chunk = _Chunk([first], BlockKind.LIST_ITEM, marker)
            chunk.note(raw)
        else:
            if chunk.lines and chunk.breaks_before_next():
                flush()
            chunk.lines.append(Line(line.number, raw.lstrip(" >") if raw.startswith(">") else raw))
            chunk.note(raw)
    flush()
    values = dict(metadata)
    title = values.get("title") or None
    date = iso_date(values.get("date", "")) or iso_date(values.get("published_time", ""))
    return Body(tuple(paras), tuple(furniture), tuple(metadata), title and collapse(title), date)


def _atx_heading(line: str) -> str | None:
    """The text of a Markdown heading line ("## Title ##"), or None for any other line.

    The closing run of "#" goes when white space precedes it. Done with string methods: as one
    regular expression, a lazy title before optional trailing blanks takes time quadratic in a
    run of spaces.

    >>> _atx_heading("## Joint Statement ##"), _atx_heading("#"), _atx_heading("# C# #")
    ('Joint Statement', '', 'C#')
    >>> _atx_heading("#hashtag") is None, _atx_heading("####### seven") is None
    (True, True)
    """
    opening = _ATX_OPENING.match(line)
    if opening is None:
        return None
    title = line[opening.end() :].strip(" \t")
    unclosed = title.rstrip("#")
    if unclosed != title and unclosed[-1:] in (" ", "\t"):
        return unclosed.rstrip(" \t")
    return title


@dataclass(slots=True)
class _Chunk:
    """The Markdown block being collected, and what decides whether a hard break ends it."""

    lines: list[Line] = field(default_factory=list)
    kind: BlockKind = BlockKind.PARAGRAPH
    marker: str = ""
    bold_open: bool = False
    visible_end: str = ""
    hard_break: bool = False

    def note(self, raw: str) -> None:
        """Record what a newly added line leaves open: bold, its last visible text, a hard break."""
        if raw.count("**") % 2:
            self.bold_open = not self.bold_open
        visible = (_TAG.sub("", _drop_comments(raw)) if "<" in raw else raw).rstrip(SPACE + "\\")
        if visible:
            self.visible_end = visible[-8:]
        self.hard_break = raw.endswith(("  ", "\\")) or raw.endswith("\u00a0 ")

    def continues_with(self, item: re.Match[str]) -> bool:
        """Whether a line that looks like a list item is the wrapped end of an open paragraph.

        A hard-wrapped sentence can put "2023." or "- " at the start of a line; it starts a list
        only where the paragraph before it has ended a sentence.
        """
        if not self.lines or self.kind is not BlockKind.PARAGRAPH:
            return False
        return not item.group("rest") or not ends_sentence_or_clause(self.visible_end)

    def breaks_before_next(self) -> bool:
        """A hard line break ends a block where a sentence or a bold heading ends before it."""
        if not self.hard_break or self.bold_open:
            return False
        return self.visible_end.endswith("**") or ends_sentence_or_clause(self.visible_end)


def _markdown_para(chunk: _Chunk, words: Words, furniture: list[Furniture]) -> Para | None:
    """One Markdown block as plain text, or None where it held only markup."""
    text, starts, numbers = join_lines(chunk.lines, words)
    text = _drop_comments(text)
    kind = chunk.kind
    if kind is BlockKind.PARAGRAPH and len(text) <= 400:
        visible = _TAG.sub("", text)
        if _BOLD_ONLY.fullmatch(visible) and not ends_sentence_or_clause(visible.rstrip("*_ ")):
            kind = BlockKind.HEADING  # a line in bold alone is a heading; a bold sentence is not
    clean = collapse(_markdown_inline(text, starts, numbers, furniture))
    if _SEPARATOR.fullmatch(clean):
        furniture.append(Furniture("separator", clean, chunk.lines[0].number))
        return None
    if not clean:
        return None
    return Para(clean, chunk.lines[0].number, kind, chunk.marker, len(chunk.lines))


def _markdown_inline(
    text: str, starts: list[int], numbers: list[int], furniture: list[Furniture]
) -> str:
    """Inline Markdown -> plain text: escapes, emphasis, tags, entities and links.

    >>> _markdown_inline(r"**We** \\[strongly\\] [condemn](https://x.org) <u>it</u>", [0], [1], [])
    'We [strongly] condemn it'
    """

    def plain(match: re.Match[str]) -> str:
        if match.group("escaped") is not None:
            return match.group("escaped")
        if match.group("label") is not None:
            line = line_at(match.start(), starts, numbers)
            furniture.append(Furniture("link-target", match.group("url"), line))
            return _INLINE.sub(plain, match.group("label"))
        if match.group("autolink") is not None:
            return match.group("autolink")
        if match.group("entity") is not None:
            return html.unescape(match.group("entity"))
        if match.group("emphasis") is not None:
            return _emphasis(match)
        return " " if match.group().lower().startswith("<br") else ""

    return _INLINE.sub(plain, text)


def _drop_comments(text: str) -> str:
    """Remove HTML comments; an unclosed one is left as text.

    >>> _drop_comments("a <!-- note --> b <!-- open")
    'a  b <!-- open'
    """
    if "<!--" not in text:
        return text
    kept: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break  # no later comment can close either: one scan, never quadratic
        kept.append(text[position:start])
        position = end + 3
    kept.append(text[position:])
    return "".join(kept)


def _emphasis(match: re.Match[str]) -> str:
    """Drop an emphasis delimiter run; underscores inside a word (snake_case) are text.

    Converters escape the stars and underscores they mean as text, so the rest is markup.
    """
    run, text = match.group(), match.string
    if run[0] == "_":
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        if before.isalnum() and after.isalnum():
            return run
    return ""
