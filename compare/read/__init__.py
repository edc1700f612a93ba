"""Reading, the first stage of the pipeline: a path (or "-" for standard input) becomes a Document.

read() does all the I/O and decoding; parse() turns text that is already decoded into a Document
and is pure. Plain text, Markdown, HTML and PDF each have a front end that finds the blocks of the
source (paragraphs, headings, list items); all of them end in the same layout step, which joins
hard-wrapped lines (undoing end-of-line hyphenation), moves paragraph numbers and bullets into
``Block.marker`` and writes each block as one line of ``Document.text``, blocks separated by a
blank line. What a front end takes out of the body (front matter, UN page headers and footnotes,
footnote markers glued to words, link targets, the release end marker, page chrome) is kept as
``Furniture`` with its source line, so nothing is lost without a trace.

What lives where:

- this module: ``read`` and ``parse``, the only public names; each front end below is imported
  only when a document of its format is read, so reading a text file loads neither the HTML
  parser nor the PDF front end;
- ``encoding``: bytes read within the limits, binaries refused, decoding, format sniffing;
- ``text``: plain text (and the text layer of PDFs) grouped into blocks;
- ``furniture``: UN mastheads, running page headers, footnotes and their markers, set aside;
- ``markdown`` and ``frontmatter``: Markdown blocks and inline markup, and its YAML front matter;
- ``html``: the blocks of a page's main text;
- ``pdf``: each page's text layer (pypdf), running heads and page numbers set aside;
- ``layout``: the common layout step (``document_from``) and the shapes the front ends share;
- ``dates``: dates in text and file names, UN resolution titles and adoption dates.

``compare.read`` is this module, and calling it calls read() (``compare.callable_module``).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from compare.errors import InputError
from compare.limits import max_input_bytes, max_text_chars
from compare.model import Document
from compare.read.encoding import (
    EXTENSIONS,
    decode,
    looks_like_pdf,
    read_bytes,
    refuse_binary,
    sniff,
    too_long,
)
from compare.read.layout import SPACE, document_from, numbered_lines

__all__ = ["parse", "read"]

_SOURCE_FORMATS = ("text", "markdown", "html")  # read() adds "pdf", which it turns into text itself


def read(
    source: str | os.PathLike[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int | None = None,
    max_chars: int | None = None,
) -> Document:
    """Read a statement. "-" reads bytes from `stdin` (default sys.stdin.buffer).

    The format comes from the extension (.txt .md .html .htm .pdf); for any other name, and for
    standard input, it is sniffed from the content.

    Args:
        max_bytes: the largest input read; ``compare.limits.max_input_bytes()`` (50 MB unless
            ``JOINTDIFF_MAX_INPUT_MB`` says otherwise) when None.
        max_chars: the longest text (decoded, or extracted from a PDF) worth laying out, since
            no more clauses than the clause limit can be compared; ``limits.max_text_chars()``
            when None.

    Raises:
        InputError: the input is missing, unreadable, not a regular file or a pipe, larger than
            a limit, empty, binary, undecodable, an encrypted or corrupt PDF, or holds no text.
    """
    name = os.fspath(source)
    data = read_bytes(name, stdin, max_input_bytes() if max_bytes is None else max_bytes)
    max_chars = max_text_chars() if max_chars is None else max_chars
    if not data:
        raise InputError(f"cannot read '{name}': empty file")
    source_format = EXTENSIONS.get(Path(name).suffix.lower()) if name != "-" else None
    warnings: list[str] = []
    if looks_like_pdf(data):
        if source_format not in (None, "pdf"):
            warnings.append(f"'{name}': content is a PDF, read as PDF")
        source_format = "pdf"
    if source_format == "pdf":
        from compare.read.pdf import pdf_body, pdf_pages

        pages = pdf_pages(data, name, max_chars)
        document = document_from(pdf_body(pages), path=name, source_format="pdf")
        if not document.blocks:
            raise InputError(f"cannot read '{name}': no text layer (scanned?)")
        return replace(document, warnings=(*warnings, *document.warnings))
    refuse_binary(data, name)
    text, decode_warnings = decode(data, name)
    if len(text) > max_chars:
        raise InputError(f"cannot read '{name}': {too_long(max_chars)}")
    warnings.extend(decode_warnings)
    if not text.strip(SPACE + "\ufeff"):
        raise InputError(f"cannot read '{name}': only white space")
    document = parse(text, path=name, source_format=source_format or sniff(text))
    if not document.blocks:
        reason = "no text in HTML" if document.source_format == "html" else "no body text"
        raise InputError(f"cannot read '{name}': {reason}")
    return replace(document, warnings=(*warnings, *document.warnings))


def parse(text: str, *, path: str = "<text>", source_format: str = "text") -> Document:
    """Pure: already-decoded text -> Document (used by read() and by tests/properties).

    Args:
        text: the whole source, decoded.
        path: the name to record (its base name is also searched for a date).
        source_format: "text", "markdown" or "html".

    Returns:
        The Document; text that holds nothing but white space or markup gives one with no blocks.
    """
    if source_format not in _SOURCE_FORMATS:
        raise ValueError(f"source_format must be one of {_SOURCE_FORMATS}, not {source_format!r}")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ")
    # Each front end is imported when its format is first read: a Markdown pair never loads
    # the HTML parser, nor a text file the PDF front end and its logging and warnings set-up.
    if source_format == "markdown":
        from compare.read.markdown import markdown_body

        body = markdown_body(text)
    elif source_format == "html":
        from compare.read.html import html_body

        body = html_body(text)
    else:
        from compare.read.text import text_body

        body = text_body(numbered_lines(text.split("\n")))
    return document_from(body, path=path, source_format=source_format)


# ``compare.read`` is this module, and calling it calls read(): the name means one thing
# whatever was imported first (see compare.callable_module).
import sys  # noqa: E402

from compare.callable_module import CallableModule  # noqa: E402

sys.modules[__name__].__class__ = CallableModule
