"""HTML for reading: the text blocks of a page's main text, with the standard library's parser.

Only ``<main>``, else ``<article>``, else the whole body counts as the statement; navigation,
headers, footers and whatever lies outside the main text become furniture, as do link targets.
The title and date come from meta tags, ``<title>`` and ``<time>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from compare import regexcache
from compare.model import BlockKind, Furniture
from compare.read.dates import iso_date
from compare.read.layout import SPACE, Body, Para, collapse, ends_sentence_or_clause

__all__ = ["html_body"]

_SKIPPED_TAGS = frozenset({"script", "style", "template", "svg", "math"})
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "noscript"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "td", "th", "tr", "table",
        "thead", "tbody", "tfoot", "caption", "section", "article", "main", "pre", "figure",
        "figcaption", "address", "body", "html", "center", "details", "summary",
    }
    | _HEADINGS
)
_VOID_TAGS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    }
)
_UNKNOWN_MARKED_SECTION = regexcache.compiled(
    r"<!\[(?!(?i:cdata|if|else|endif|temp|ignore|include|rcdata)\b)"
)
_DATE_META = frozenset(
    {
        "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date",
        "dcterms.issued", "citation_publication_date", "datepublished", "publish-date",
    }
)


def html_body(text: str) -> Body:
    """HTML -> blocks from the main text only (<main>, else <article>, else the whole body)."""
    extractor = _HtmlExtractor()
    # html.parser rescans to the end for every "<" that no ">" follows (quadratic time), and
    # such a "<" can only be text: write it as an entity. It also gives up (AssertionError) on a
    # marked section of an unknown kind ("<![foo["), which can only be text too.
    last_close = text.rfind(">") + 1
    text = text[:last_close] + text[last_close:].replace("<", "&lt;")
    text = _UNKNOWN_MARKED_SECTION.sub("&lt;![", text)
    try:
        extractor.feed(text)
        extractor.close()
    except AssertionError:
        pass  # any other declaration html.parser cannot take: keep what it had read
    extractor.flush()
    if any(scope == "main" for scope, _ in extractor.blocks):
        wanted = "main"
    elif any(scope == "article" for scope, _ in extractor.blocks):
        wanted = "article"
    else:
        wanted = None
    paras: list[Para] = []
    furniture = list(extractor.furniture)
    for scope, para in extractor.blocks:
        if wanted is None or scope == wanted:
            paras.append(para)
        else:
            furniture.append(Furniture("boilerplate", para.text, para.line))
    furniture.extend(
        Furniture("link-target", url, line)
        for scope, url, line in extractor.links
        if wanted is None or scope == wanted
    )
    metadata = tuple(extractor.meta)
    values = {key.lower(): value for key, value in extractor.meta}
    title = values.get("og:title") or collapse("".join(extractor.title)) or None
    dates = [value for key, value in extractor.meta if key.lower() in _DATE_META]
    date = next(filter(None, map(iso_date, [*dates, *extractor.times])), None)
    return Body(tuple(paras), tuple(furniture), metadata, title, date)


@dataclass(slots=True)
class _OpenBlock:
    """A block-level element the HTML parser is inside."""

    tag: str
    marker: str = ""
    """For <li>: "-" or its number in an ordered list."""
    next_number: int = 1
    """For <ol>: the number of its next item."""


class _HtmlExtractor(HTMLParser):
    """Collects the text blocks of an HTML page with the standard library's tolerant parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, Para]] = []
        self.furniture: list[Furniture] = []
        self.links: list[tuple[str, str, int]] = []
        self.meta: list[tuple[str, str]] = []
        self.times: list[str] = []
        self.title: list[str] = []
        self._stack: list[_OpenBlock] = []
        self._buffer: list[str] = []
        self._buffer_bold = True
        self._buffer_kind: BlockKind | None = None
        self._buffer_marker = ""
        self._buffer_line = 0
        self._buffer_scope = ""
        self._skip = 0
        self._chrome = 0
        self._chrome_text: list[str] = []
        self._chrome_line = 0
        self._main = 0
        self._article = 0
        self._bold = 0
        self._in_head = False
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop")
            if key and "content" in values:
                self.meta.append((key, values["content"]))
            return
        if tag == "head":
            self._in_head = True
        elif tag == "title":
            self._in_title = True
        elif tag == "time" and values.get("datetime"):
            self.times.append(values["datetime"])
        elif tag in _SKIPPED_TAGS:
            self._skip += 1
        elif tag in _CHROME_TAGS:
            if not self._chrome:
                self._chrome_line = self.getpos()[0]
            self._chrome += 1
        elif tag == "a" and values.get("href") and not (self._skip or self._chrome):
            self.links.append((self._scope(), values["href"], self.getpos()[0]))
        elif tag in ("b", "strong"):
            self._bold += 1
        if tag == "br":
            self._buffer.append(" ")
        elif tag == "hr":
            self.flush()
        elif tag in _BLOCK_TAGS and tag not in _VOID_TAGS:
            self._in_head = False
            self.flush()
            open_tag = self._stack[-1].tag if self._stack else ""
            if tag in ("p", "li", *_HEADINGS) and open_tag in ("p", *_HEADINGS):
                self._stack.pop()  # an unclosed <p> ends where the next block starts
            if tag == "li" and self._stack and self._stack[-1].tag == "li":
                self._stack.pop()
            marker = self._list_marker() if tag == "li" else ""
            self._stack.append(_OpenBlock(tag, marker, _start(values)))
            if tag == "main":
                self._main += 1
            elif tag == "article":
                self._article += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        elif tag == "title":
            self._in_title = False
        elif tag in _SKIPPED_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _CHROME_TAGS:
            self._chrome = max(0, self._chrome - 1)
            if not self._chrome:
                self._flush_chrome()
        elif tag in ("b", "strong"):
            self._bold = max(0, self._bold - 1)
        elif tag in _BLOCK_TAGS:
            self.flush()
            for depth in range(len(self._stack) - 1, -1, -1):
                if self._stack[depth].tag == tag:
                    del self._stack[depth:]
                    break
            if tag == "main":
                self._main = max(0, self._main - 1)
            elif tag == "article":
                self._article = max(0, self._article - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif self._skip or self._in_head:
            return
        elif self._chrome:
            self._chrome_text.append(data)
        else:
            if data.strip(SPACE):
                if not self._buffer_kind:
                    self._buffer_kind, self._buffer_marker = self._kind()
                    self._buffer_line = self.getpos()[0]
                    self._buffer_scope = self._scope()
                self._buffer_bold = self._buffer_bold and self._bold > 0
            self._buffer.append(data)

    def flush(self) -> None:
        """End the block being collected, if it holds any text."""
        text = collapse("".join(self._buffer))
        kind = self._buffer_kind
        if text and kind:
            if kind is BlockKind.PARAGRAPH and self._buffer_bold and len(text) <= 160:
                if not ends_sentence_or_clause(text):
                    kind = BlockKind.HEADING  # <p><strong>Title</strong></p>, as in Markdown
            para = Para(text, self._buffer_line, kind, self._buffer_marker)
            self.blocks.append((self._buffer_scope, para))
        self._buffer = []
        self._buffer_kind = None
        self._buffer_marker = ""
        self._buffer_bold = True

    def _flush_chrome(self) -> None:
        text = collapse("".join(self._chrome_text))
        if text:
            self.furniture.append(Furniture("boilerplate", text, self._chrome_line))
        self._chrome_text = []

    def _scope(self) -> str:
        return "main" if self._main else "article" if self._article else "other"

    def _kind(self) -> tuple[BlockKind, str]:
        for block in reversed(self._stack):
            if block.tag in _HEADINGS:
                return BlockKind.HEADING, ""
            if block.tag == "li":
                return BlockKind.LIST_ITEM, block.marker
        return BlockKind.PARAGRAPH, ""

    def _list_marker(self) -> str:
        for block in reversed(self._stack):
            if block.tag == "ol":
                block.next_number += 1
                return f"{block.next_number - 1}."
            if block.tag == "ul":
                return "-"
        return "-"


def _start(values: dict[str, str]) -> int:
    """The first number of an ordered list (its start attribute)."""
    try:
        return int(values.get("start", "1"))
    except ValueError:
        return 1
