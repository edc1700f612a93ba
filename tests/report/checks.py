"""Parser-based checks shared by the report tests: what a Markdown or HTML reader really sees.

Markdown goes through markdown-it-py (CommonMark plus GitHub's tables and strikethrough);
HTML through the standard library's ``html.parser``. Checks look at the parsed structure
(tokens, elements, text), never at source substrings, so escaping mistakes cannot hide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from importlib import import_module

from markdown_it import MarkdownIt
from markdown_it.token import Token

from compare.model import Comparison
from compare.safe import printable

MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])

# markdown-it's own cell splitter: it tells how many cells a row has before the parser pads or
# truncates the row to the header's width (which would hide a row broken by a stray "|").
_split_cells = import_module("markdown_it.rules_block.table").escapedSplit

_OWN_HTML = re.compile(r"<details>\n<summary>[^<>&]*</summary>\n?|</details>\n?")
"""The only raw HTML the Markdown report writes: the fold around the appendix."""


def visible(text: str) -> str:
    """Document text as a report shows it: white space collapsed, control characters made visible."""
    return printable(" ".join(text.split()))


def clause_texts(comparison: Comparison) -> list[str]:
    """Every clause of both documents, as ``visible`` shows it."""
    return [visible(clause.text) for pair in comparison.pairs for clause in (*pair.old, *pair.new)]


def redline_texts(comparison: Comparison) -> list[str]:
    """What a redline of each pair reads as plain text: every word operation in turn."""
    return [
        " ".join(visible(op.text) for op in pair.words)
        if pair.words
        else visible(" ".join(clause.text for clause in pair.new or pair.old))
        for pair in comparison.pairs
    ]


@lru_cache(maxsize=4)
def _parsed(markdown: str) -> tuple[Token, ...]:
    """The block tokens of a report, parsed once for all the checks run on it."""
    return tuple(MARKDOWN.parse(markdown))


def _row_width(line: str) -> int:
    cells = _split_cells(line.strip())
    if cells and cells[0].strip() == "":
        cells.pop(0)
    if cells and cells[-1].strip() == "":
        cells.pop()
    return len(cells)


def table_widths(markdown: str) -> list[list[int]]:
    """For each table the parser finds, the number of cells in each source row (header first)."""
    lines = markdown.splitlines()
    tables: list[list[int]] = []
    for token in _parsed(markdown):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open" and token.map:
            tables[-1].append(_row_width(lines[token.map[0]]))
    return tables


def table_rows(markdown: str) -> list[int]:
    """The number of body rows of each table."""
    counts: list[int] = []
    in_body = False
    for token in _parsed(markdown):
        if token.type == "table_open":
            counts.append(0)
        in_body = {"tbody_open": True, "tbody_close": False}.get(token.type, in_body)
        if token.type == "tr_open" and in_body:
            counts[-1] += 1
    return counts


def _all_tokens(markdown: str) -> list[Token]:
    tokens = []
    for token in _parsed(markdown):
        tokens.append(token)
        tokens.extend(token.children or ())
    return tokens


def foreign_html(markdown: str) -> list[str]:
    """Raw HTML the parser would pass through that is not the report's own ``<details>`` fold."""
    return [
        token.content
        for token in _all_tokens(markdown)
        if token.type in ("html_block", "html_inline") and not _OWN_HTML.fullmatch(token.content)
    ]


def links_and_images(markdown: str) -> list[str]:
    """Every link or image the parser finds, by target."""
    return [
        str(token.attrs.get("href") or token.attrs.get("src"))
        for token in _all_tokens(markdown)
        if token.type in ("link_open", "image")
    ]


def markdown_text(markdown: str) -> str:
    """The text a reader sees, white space collapsed (cells and list items run together)."""
    pieces = [
        token.content
        for token in _all_tokens(markdown)
        if token.type in ("text", "code_inline", "softbreak", "hardbreak")
        or (token.type == "inline" and not token.children)
    ]
    return " ".join(" ".join(pieces).split())


@dataclass
class Element:
    """One element of a parsed HTML page."""

    tag: str
    attrs: dict[str, str | None]
    text: list[str] = field(default_factory=list)


class PageParser(HTMLParser):
    """Collects elements with their attributes, style sheets, and the text of each ``<section id=...>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.texts: list[str] = []
        self.styles: list[str] = []
        self.headings: list[str] = []
        """The text of every h2 and h3, in order."""
        self._in_heading = False
        self.sections: dict[str, list[str]] = {}
        self._open_sections: list[str] = []
        self._depth_of_section: list[int] = []
        self._depth = 0
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))
        self._in_style = tag == "style"
        if tag in ("h2", "h3"):
            self._in_heading = True
            self.headings.append("")
        if tag in ("meta", "link", "br", "img", "input", "hr", "source"):
            return
        self._depth += 1
        if tag == "section":
            self._open_sections.append(dict(attrs).get("id") or "")
            self._depth_of_section.append(self._depth)
            self.sections[self._open_sections[-1]] = []

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        self._in_heading = self._in_heading and tag not in ("h2", "h3")
        if self._depth_of_section and self._depth_of_section[-1] == self._depth and tag == "section":
            self._open_sections.pop()
            self._depth_of_section.pop()
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
            return
        self.texts.append(data)
        if self._in_heading:
            self.headings[-1] += data
        for section in self._open_sections:
            self.sections[section].append(data)

    def text(self, section: str | None = None) -> str:
        """The page's visible text (or one section's), white space collapsed."""
        pieces = self.texts if section is None else self.sections[section]
        return " ".join(" ".join(pieces).split())


def parse_page(page: str) -> PageParser:
    """The HTML page parsed into elements, text and sections."""
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def external_references(parser: PageParser) -> list[str]:
    """Anything that would make a browser fetch: src, srcset, poster, data, stylesheets, CSS url()."""
    found = [
        f"{element.tag} {name}={value}"
        for element in parser.elements
        for name, value in element.attrs.items()
        if name in ("src", "srcset", "poster", "data", "background", "action", "formaction")
    ]
    found += [f"link {element.attrs}" for element in parser.elements if element.tag == "link"]
    found += re.findall(r"url\(|@import|@font-face", " ".join(parser.styles))
    return found
