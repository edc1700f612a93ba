"""PDF for reading: the text layer of each page (pypdf, imported only for PDFs), read as text.

Running heads and feet repeated on most pages and page numbers are set aside as furniture; the
rest goes to the plain-text front end (``text``), told where pages start and how wide a line is.
"""

from __future__ import annotations

import io
import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from compare import regexcache
from compare.errors import InputError
from compare.model import Furniture
from compare.read.encoding import too_long
from compare.read.layout import SPACE, Body, Line, collapse, is_blank, numbered_lines
from compare.read.text import text_body

__all__ = ["pdf_body", "pdf_pages"]

_PAGE_NUMBER = regexcache.compiled(  # "2", "Page 2 of 5", "2/7", "- 2 -"
    r"\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*|\s*-\s*\d{1,4}\s*-\s*", re.I
)


def pdf_pages(data: bytes, name: str, max_chars: int) -> list[str]:
    """The text layer of each page, with pypdf (imported here: only PDFs pay for it).

    A PDF encrypted with an empty user password (an owner password only restricts printing or
    copying) opens like any other; AES needs the ``cryptography`` package, a dependency.
    Extraction stops, and the PDF is refused, once its text passes ``max_chars``: pypdf takes a
    few milliseconds a page, so a PDF of many thousand pages would otherwise take minutes.
    """
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    encrypted = False
    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data))
            encrypted = reader.is_encrypted
            if encrypted and not reader.decrypt(""):
                raise InputError(f"cannot read '{name}': encrypted PDF")
            pages: list[str] = []
            extracted = 0
            for page in reader.pages:
                pages.append(page.extract_text() or "")
                extracted += len(pages[-1])
                if extracted > max_chars:
                    raise InputError(f"cannot read '{name}': {too_long(max_chars)}")
            return pages
    except InputError:
        raise
    except DependencyError as err:
        problem = "encrypted PDF (its cipher needs the 'cryptography' package)"
        raise InputError(f"cannot read '{name}': {problem}") from err
    # pypdf raises many kinds of exception on damaged files; every one means a bad input here.
    except Exception as err:
        reason = str(err).strip().rstrip(".").lower() or type(err).__name__
        what = "encrypted PDF" if encrypted else "corrupt PDF"
        raise InputError(f"cannot read '{name}': {what} ({reason})") from err


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Keep pypdf's own log lines and warnings ("EOF marker not found") off standard error.

    They describe repairs pypdf made on the way; whether the file could be read at all is what
    read() reports, in one line. Python's last-resort handler would otherwise print every
    record of a logger that nobody configured.
    """
    logger = logging.getLogger("pypdf")
    handler = logging.NullHandler()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def pdf_body(pages: Sequence[str]) -> Body:
    """PDF page texts -> blocks: repeated page headers and footers and page numbers set aside."""
    furniture: list[Furniture] = []
    page_lines: list[list[Line]] = []
    number = 1
    for page in pages:
        raw = page.replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ").split("\n")
        # A page boundary is no paragraph break: blank lines around it must not pose as one.
        numbered = numbered_lines(raw, number)
        filled = [index for index, line in enumerate(numbered) if not is_blank(line.text)]
        page_lines.append(numbered[filled[0] : filled[-1] + 1] if filled else [])
        number += len(raw)
    repeated = _repeated_page_lines(page_lines)
    kept: list[Line] = []
    page_starts: set[int] = set()
    for lines in page_lines:
        page_start = len(kept)
        filled = [index for index, line in enumerate(lines) if not is_blank(line.text)]
        edges = {*filled[:2], *filled[-2:]}
        for index, line in enumerate(lines):
            if index in edges:
                if _PAGE_NUMBER.fullmatch(line.text):
                    furniture.append(Furniture("page-number", line.text.strip(SPACE), line.number))
                    continue
                if _page_line_key(line.text) in repeated:
                    kind = "page-header" if index in filled[:2] else "page-footer"
                    furniture.append(Furniture(kind, line.text.strip(SPACE), line.number))
                    continue
            kept.append(line)
        if len(kept) > page_start:
            page_starts.add(kept[page_start].number)
    lengths = sorted(len(line.text.strip(SPACE)) for line in kept if not is_blank(line.text))
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    body = text_body(kept, line_width=width, page_starts=frozenset(page_starts))
    return replace(body, furniture=(*furniture, *body.furniture))


def _page_line_key(text: str) -> str:
    """A line with its numbers blanked, so that "Page 2" and "Page 3" count as the same."""
    return re.sub(r"\d+", "#", collapse(text))


def _repeated_page_lines(page_lines: list[list[Line]]) -> set[str]:
    """Lines (digits ignored) found at the top or bottom of most pages: running heads and feet."""
    if len(page_lines) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in page_lines:
        filled = [line.text for line in lines if not is_blank(line.text)]
        counts.update({_page_line_key(text) for text in (*filled[:2], *filled[-2:])})
    needed = max(2, math.ceil(0.5 * len(page_lines)))
    return {key for key, count in counts.items() if count >= needed and key}
