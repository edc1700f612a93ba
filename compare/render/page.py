"""The HTML pages jointdiff writes (``report``, ``quotes``, ``series``): their frame, and how
document text goes into them.

Each page is one self-contained file: UTF-8, sized for phones, its style sheet inline and a
Content-Security-Policy that lets it load nothing, so a page mailed around cannot call home or
run anything. Every piece of text passes through ``html_text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape

from compare.safe import plain

__all__ = ["REDLINE_MARKS", "html_page", "html_text"]

REDLINE_MARKS = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
"""Deleted words in ``<del>``, inserted words in ``<ins>`` (``render.common.marked_words``)."""


def html_text(text: str) -> str:
    """Text as HTML character data: spaces collapsed, controls visible, markup characters escaped.

    White space and control characters are treated as ``compare.safe.markdown_inline`` treats
    them, so every format shows the same text.

    >>> html_text('<b class="x">A\\n  & B</b>')
    '&lt;b class=&quot;x&quot;&gt;A &amp; B&lt;/b&gt;'
    """
    return escape(plain(text), quote=True)


def html_page(title: str, *, generator: str, css: str, body: Iterable[str]) -> Iterator[str]:
    """The lines of a complete page: its head (``title``, the ``generator`` meta tag, ``css``
    inline) and ``body`` inside ``<main>``."""
    yield "<!DOCTYPE html>"
    yield '<html lang="en">'
    yield "<head>"
    yield '<meta charset="utf-8">'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    yield f'<meta name="generator" content="{generator}">'
    yield f"<title>{html_text(title)}</title>"
    yield f"<style>{css}</style>"
    yield "</head>"
    yield "<body>"
    yield "<main>"
    yield from body
    yield "</main>"
    yield "</body>"
    yield "</html>"
