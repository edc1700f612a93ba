"""Reading, the first stage of the pipeline: a path (or "-" for standard input) becomes a Document.

read() does all the I/O and decoding; parse() turns text that is already decoded into a Document
and is pure. Plain text, Markdown, HTML and PDF each have a front end that finds the blocks of the
source (paragraphs, headings, list items); all of them end in the same layout step, which joins
hard-wrapped lines (undoing end-of-line hyphenation), moves paragraph numbers and bullets into
``Block.marker`` and writes each block as one line of ``Document.text``, blocks separated by a
blank line. What a front end takes out of the body (front matter, UN page headers and footnotes,
footnote markers glued to words, link targets, the release end marker, page chrome) is kept as
``Furniture`` with its source line, so nothing is lost without a trace.
"""

from __future__ import annotations

import bisect
import datetime
import html
import io
import logging
import math
import os
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO, NamedTuple

from compare.errors import InputError
from compare.limits import (
    MAX_CLAUSES_VARIABLE,
    MAX_INPUT_VARIABLE,
    Unreadable,
    max_input_bytes,
    max_text_chars,
    read_limited,
    read_stream,
)
from compare.model import Block, BlockKind, Document, Furniture

__all__ = ["parse", "read"]

_SOURCE_FORMATS = ("text", "markdown", "html")  # read() adds "pdf", which it turns into text itself

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}

# White space for layout purposes. Control characters that Python also counts as white space
# (\x0b, \x1c-\x1f, \x85) are deliberately absent: they stay in the text, and later stages
# neutralise them for display.
_SPACE = (
    " \t\n\r\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_SPACE_RUN = re.compile(f"[{_SPACE}]+")

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.I)
_COMPACT_DATE = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")

# Paragraph numbers, letters and bullets at the start of a block ("12.", "(a)", "(iv)", "b)", "-").
_MARKER = re.compile(
    r"(?P<marker>\(\d{1,3}\)|\d{1,3}[.)]|\((?:[ivxlc]{1,6}|[a-z]{1,2})\)|[a-z][.)]"
    r"|(?P<bullet>[-*+\u2022\u2023\u25e6\u25aa]))"
    f"(?:[{_SPACE}]+|$)"
    r"|(?P<tight>\d{1,3}\.)(?=[A-Z][a-z])"  # "24.We welcome": a typo for "24. We"
)
_BULLET_LINE = re.compile(f"[{_SPACE}]*[-*+\u2022\u2023\u25e6\u25aa][{_SPACE}]+\\S")
_NUMBER_LINE = re.compile(
    r"\s*(?:\(\d{1,3}\)|\d{1,3}[.)]|\((?:[ivxlc]{1,6}|[a-z]{1,2})\)|[a-z]\))(?:\s|$)"
)
_TERMINAL = ".,;:!?\u2026"
_CLOSERS = "\"'\u2019\u201d)]*"

# UN document furniture, as PyMuPDF extracts it.
_UN_SYMBOL = re.compile(r"[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+\*?")
_UN_JOB = re.compile(r"\d{2}-\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\d{6})?")
_UN_BARCODE = re.compile(r"\*\d{7}\*")
_PAGE_COUNTER = re.compile(r"\d{1,3}/\d{1,3}")
_UN_FRONT = re.compile(
    r"United Nations|General Assembly|Security Council|Economic and Social Council"
    r"|Distr\.: .+|Original: .+"
)
_DISTRIBUTION = re.compile(r"Distr\.: (.+)")
_COLUMN_GAP = re.compile(f"[{_SPACE}]{{3,}}")
_UN_STANDALONE = re.compile(
    r"[A-Z][a-z]+(?:-[a-z]+)? (?:special |emergency special )?session"
    r"|Agenda items? \d.*|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee"
)
_UN_TITLE = re.compile(r"\d{1,3}/\d{1,4}\.\s+(.+)")
UNWRAPPED_MEDIAN_LINE = 120
"""Plain text whose median line is longer than this was never hard-wrapped (hard-wrapped
statements run to 72-95 columns): each of its lines is a paragraph."""
_UN_ADOPTED = re.compile(r"Resolution adopted by the General Assembly on (.+)", re.I)
_RULE = re.compile(r"\s*_{5,}\s*")
_FOOTNOTE_START = re.compile(r"\s*(\d{1,3}|\*{1,3}|[\u2020\u2021])\s+\S")
_MARKER_FOLLOWERS = frozenset(
    "and or to in which as on that for with was were is are has have had by from at".split()
)
_NOT_MARKER_AFTER = frozenset(
    "annex article articles chapter decision item no. para. paragraph paragraphs part "
    "protocol resolution resolutions rule section vol. volume".split()
)

# End-of-line hyphenation. A hyphen at a line end is kept when the word is a compound and
# dropped when it only broke a word; the document itself is the first witness (see
# _rejoin_hyphen), these lists the second.
_PREFIXES = frozenset(
    "anti co counter cross cyber de ex extra follow high ill inter intra large long low macro "
    "micro mid multi near neo non nuclear off on one out over part post pre pro quasi re "
    "self semi short small so socio state sub super trans two three four five six seven eight "
    "nine ten ultra un under well wide".split()
)
_SECOND_PARTS = frozenset(
    "affected backed based bound building centered centred day down driven focused free "
    "friendly funded in led level like long making off oriented out over owned related "
    "responsive run scale sensitive specific sponsored term time up wide year".split()
)
_SUFFIXES = frozenset(
    "tion tions sion sions ment ments ness nesses ity ities ing ings ance ances ence ences "
    "ly ally ed al ial ials ous ive ives ible able ably ure ures ism ist ists ise ize ised "
    "ized ising izing ation ations tional ant ants ent ents er ers ery ory ular cy tive "
    "tives ture tures ic ics ical".split()
)
_SUSPENDED_FOLLOWERS = frozenset({"and", "or", "nor", "to"})
_BROKEN_WORD = re.compile(r"([^\W\d_]+)[-\u2011\u00ad]$")
_WORD_START = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2011][^\W\d_]+)*")

# Markdown.
_ATX_OPENING = re.compile(r" {0,3}#{1,6}(?=[ \t]|$)")
_RELEASE_MARKER = re.compile(r"\s*\\?#{3}\s*")
_THEMATIC_BREAK = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")
_SETEXT = re.compile(r" {0,3}(?:=+|-{2,})[ \t]*")
_LIST_ITEM = re.compile(
    r"( {0,3})(?:(?P<bullet>[-*+])|(?P<number>\d{1,9})[.)])(?:[ \t]+(?P<rest>.*))?"
)
_SEPARATOR = re.compile(r"([*=~#_-])(?: ?\1){2,}")  # "*****", "* * *": a rule written as text
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,1000})?/?>")
_BOLD_ONLY = re.compile(  # "**Title**", "***Title***", "I. **Title**", "**Trade and** **Labor**"
    r"\s*(?:(?:[IVXLC]{1,6}|[A-Z]|\d{1,3})\.\s+)?(?:(\*{2,3}|_{2,3})(?:(?!\1).)+?\1\s*)+", re.S
)
_INLINE = re.compile(
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
_TEXT_LINK = re.compile(
    r"\[(?P<label>[^\[\]]*)\]\((?P<url>(?:https?:|mailto:|/|\.)[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)"
)
_FRONT_KEY = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*)|)")
_YAML_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\u0085",
    "_": "\u00a0", "L": "\u2028", "P": "\u2029",
}
_YAML_HEX = {"x": 2, "u": 4, "U": 8}

# Markdown signals, for sniffing text of unknown format.
_MARKDOWN_SIGNALS = (
    re.compile(r"^#{1,6} \S", re.M),
    re.compile(r"\*\*[^*\n]+\*\*"),
    # Neither part may hold its own opening bracket: "[a[a[a..." is then linear, not quadratic.
    re.compile(r"\[[^\[\]\n]+\]\([^()\s]+\)"),
    re.compile(r"^\\#", re.M),
    re.compile(r"^(?:-|\d+\.) {2,3}\S", re.M),
    re.compile(r"\\[\[\]*_]"),
)
_FRONT_MATTER = re.compile(
    r"---[ \t]*\n(?=[A-Za-z_][\w.-]*[ \t]*:)(?:[^\n]*\n){0,200}?(?:---|\.\.\.)[ \t]*(?:\n|$)"
)

_BINARY_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "zip archive"),
    (b"\x7fELF", "executable"),
    (b"\x1f\x8b", "gzip archive"),
)
_LATIN_CODECS = frozenset(
    "cp1250 cp1252 cp1254 cp1257 latin_1 iso8859_1 iso8859_2 iso8859_3 iso8859_4 iso8859_9 "
    "iso8859_10 iso8859_13 iso8859_14 iso8859_15 iso8859_16 mac_roman mac_latin2 "
    "mac_iceland mac_turkish".split()
)

_PAGE_NUMBER = re.compile(  # "2", "Page 2 of 5", "2/7", "- 2 -"
    r"\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*|\s*-\s*\d{1,4}\s*-\s*", re.I
)


class _Line(NamedTuple):
    """One line of the source and its 1-based number."""

    number: int
    text: str


class _Para(NamedTuple):
    """A block as a front end found it, before the common layout step."""

    text: str
    line: int
    kind: BlockKind | None = None
    """None: decide from the text (plain text and PDF have no markup that says)."""
    marker: str = ""
    line_count: int = 1


@dataclass(frozen=True, slots=True)
class _Body:
    """What a front end found: the blocks and everything set aside on the way."""

    paras: tuple[_Para, ...]
    furniture: tuple[Furniture, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    title: str | None = None
    date: str | None = None


# --------------------------------------------------------------------------------------------
# Public API


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
    data = _read_bytes(name, stdin, max_input_bytes() if max_bytes is None else max_bytes)
    max_chars = max_text_chars() if max_chars is None else max_chars
    if not data:
        raise InputError(f"cannot read '{name}': empty file")
    source_format = _EXTENSIONS.get(Path(name).suffix.lower()) if name != "-" else None
    warnings: list[str] = []
    if _looks_like_pdf(data):
        if source_format not in (None, "pdf"):
            warnings.append(f"'{name}': content is a PDF, read as PDF")
        source_format = "pdf"
    if source_format == "pdf":
        pages = _pdf_pages(data, name, max_chars)
        document = _document(_pdf_body(pages), path=name, source_format="pdf")
        if not document.blocks:
            raise InputError(f"cannot read '{name}': no text layer (scanned?)")
        return replace(document, warnings=(*warnings, *document.warnings))
    _refuse_binary(data, name)
    text, decode_warnings = _decode(data, name)
    if len(text) > max_chars:
        raise InputError(f"cannot read '{name}': {_too_long(max_chars)}")
    warnings.extend(decode_warnings)
    if not text.strip(_SPACE + "\ufeff"):
        raise InputError(f"cannot read '{name}': only white space")
    document = parse(text, path=name, source_format=source_format or _sniff(text))
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
    if source_format == "markdown":
        body = _markdown_body(text)
    elif source_format == "html":
        body = _html_body(text)
    else:
        body = _text_body(_numbered_lines(text.split("\n")))
    return _document(body, path=path, source_format=source_format)


# --------------------------------------------------------------------------------------------
# Bytes: reading, sniffing, decoding


def _too_long(max_chars: int) -> str:
    return (
        f"too long: over {max_chars} characters of text, beyond what the clause limit allows "
        f"(set {MAX_CLAUSES_VARIABLE} to raise it)"
    )


def _read_bytes(name: str, stdin: BinaryIO | None, limit: int) -> bytes:
    """All the bytes of a file, or of standard input for "-", up to `limit`.

    Devices, sockets and folders are refused; a named pipe is read while data keeps coming
    (``compare.limits.read_limited``). Every failure becomes an InputError naming the file.
    """
    hint = f"set {MAX_INPUT_VARIABLE} to raise the limit"
    try:
        if name == "-":
            return read_stream(stdin if stdin is not None else sys.stdin.buffer, limit, limit_hint=hint)
        return read_limited(name, limit, pipes=True, limit_hint=hint)
    except Unreadable as err:  # chained to the OS error where there is one
        raise InputError(f"cannot read '{name}': {err.reason}") from (err.__cause__ or err)
    except OSError as err:
        reason = (err.strerror or str(err) or type(err).__name__).lower()
        raise InputError(f"cannot read '{name}': {reason}") from err


def _looks_like_pdf(data: bytes) -> bool:
    """Whether the content is a PDF, whatever the name says."""
    return data[:1024].lstrip().startswith(b"%PDF-")


def _refuse_binary(data: bytes, name: str) -> None:
    """Raise InputError for images, archives and anything with NUL bytes but no UTF-16 BOM."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(f"cannot read '{name}': binary file ({what})")
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise InputError(f"cannot read '{name}': binary file (NUL bytes)")


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes -> text: UTF-8 (BOM or not), UTF-16/32 with a BOM, else a guessed legacy encoding."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError as err:
                reason = f"not valid {codec.upper()} ({err.reason})"
                raise InputError(f"cannot read '{name}': {reason}") from err
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        encoding = _guess_encoding(data)
        if encoding is None:
            raise InputError(
                f"cannot read '{name}': not UTF-8 (byte 0x{data[err.start]:02x} at offset "
                f"{err.start}) and no other encoding fits"
            ) from err
        return data.decode(encoding), [f"'{name}': decoded as {encoding} (not UTF-8)"]


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import (
        from_bytes,  # slow to import; only legacy files need it
    )

    best = from_bytes(data).best()
    if best is None:
        return None
    # charset_normalizer often names a Central European code page for Western text; between
    # Latin-script code pages, Windows-1252 is by far the likelier for English statements.
    if best.encoding in _LATIN_CODECS:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return best.encoding
        return "cp1252"
    return best.encoding


def _sniff(text: str) -> str:
    """Guess the format of decoded text that came without a telling extension.

    >>> _sniff("<!DOCTYPE html><p>x</p>"), _sniff("---\\ntitle: x\\n---\\nBody"), _sniff("Plain.")
    ('html', 'markdown', 'text')
    """
    head = text.lstrip(_SPACE + "\ufeff")[:2000].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("<?xml") and "<html" in head:
        return "html"
    if _FRONT_MATTER.match(text.lstrip("\ufeff")):
        return "markdown"
    if head.startswith("# ") or sum(1 for signal in _MARKDOWN_SIGNALS if signal.search(text)) >= 2:
        return "markdown"
    return "text"


# --------------------------------------------------------------------------------------------
# The common layout step


def _numbered_lines(lines: Iterable[str], first: int = 1) -> list[_Line]:
    """Lines paired with their 1-based numbers in the source."""
    return [_Line(number, line) for number, line in enumerate(lines, start=first)]


def _collapse(text: str) -> str:
    """Collapse runs of white space to one space and trim the ends.

    >>> _collapse("  two\\u00a0 words\\n")
    'two words'
    """
    return _SPACE_RUN.sub(" ", text).strip(" ")


def _is_blank(line: str) -> bool:
    """Whether a line holds nothing but white space (no-break spaces included)."""
    return not line.strip(_SPACE)


class _Words:
    """How often each word and hyphenated compound occurs in a document: the witness that
    _rejoin_hyphen asks. Counted on first use, since most documents never need it.

    >>> words = _Words("Non-proliferation and ratification; non\u2011proliferation.")
    >>> words["non-proliferation"], words["ratification"], words["treaty"]
    (2, 1, 0)
    """

    __slots__ = ("_counts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._counts: Counter[str] | None = None

    def __getitem__(self, word: str) -> int:
        if self._counts is None:
            found = _WORD.findall(self._text.lower())
            self._counts = Counter(word.replace("\u2011", "-") for word in found)
        return self._counts[word]


def _rejoin_hyphen(head: str, tail: str, words: _Words) -> str:
    """What goes between `head` (before a hyphen at a line end) and `tail` (the next line's word).

    "-": a compound, the hyphen stays; "": a word broken in two, the hyphen goes; "- ": a
    suspended hyphen ("victim- and gender-sensitive"). The document itself decides first: a
    compound or a whole word written elsewhere in it; then known prefixes and second parts of
    compounds keep the hyphen, and known word endings drop it.

    >>> nothing = _Words("")
    >>> _rejoin_hyphen("non", "proliferation", nothing), _rejoin_hyphen("ratifica", "tion", nothing)
    ('-', '')
    >>> _rejoin_hyphen("victim", "and", nothing), _rejoin_hyphen("inter", "Korean", nothing)
    ('- ', '-')
    >>> _rejoin_hyphen("negoti", "ating", _Words("negotiating"))
    ''
    """
    low_head, low_tail = head.lower(), tail.lower()
    if low_tail in _SUSPENDED_FOLLOWERS:
        return "- "
    if words[f"{low_head}-{low_tail}"]:
        return "-"
    if words[low_head + low_tail]:
        return ""
    if tail[:1].isupper() or low_head in _PREFIXES or low_tail in _SECOND_PARTS:
        return "-"
    if low_tail in _SUFFIXES:
        return ""
    return "-"


def _join_lines(lines: Sequence[_Line], words: _Words) -> tuple[str, list[int], list[int]]:
    """Join the lines of one block with single spaces, undoing end-of-line hyphenation.

    Returns the joined text, the offset where each kept line starts in it, and that line's
    number (so that a position in the text can be traced back to a source line).
    """
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    length = 0
    for line in lines:
        piece = line.text.strip(_SPACE)
        if not piece:
            continue
        if parts:
            separator = " "
            previous = parts[-1]
            broken = None
            if previous[-1] in "-\u2011\u00ad":
                broken = _BROKEN_WORD.search(previous[-64:])
            following = _WORD_START.match(piece)
            if broken and previous.endswith("\u00ad"):
                separator = ""
                parts[-1] = previous[:-1]
            elif broken and following:
                joint = _rejoin_hyphen(broken.group(1), following.group(), words)
                if previous.endswith("\u2011"):
                    joint = "\u2011"  # a non-breaking hyphen never breaks a word
                elif joint:
                    joint = previous[-1] + joint[1:]
                parts[-1] = previous[:-1]
                separator = joint
            elif previous[-1] in "-\u2011" and previous[-2:-1].isalnum() and piece[0].isalnum():
                separator = ""  # "1990-" + "1995": a range split at its hyphen
            length += len(parts[-1]) - len(previous)
            parts.append(separator)
            length += len(separator)
        starts.append(length)
        numbers.append(line.number)
        parts.append(piece)
        length += len(piece)
    return "".join(parts), starts, numbers


def _line_at(offset: int, starts: list[int], numbers: list[int]) -> int:
    """The source line of a position in text joined by _join_lines."""
    return numbers[max(0, bisect.bisect_right(starts, offset) - 1)] if numbers else 0


def _split_marker(text: str) -> tuple[str, str]:
    """Take a paragraph number, letter or bullet off the start of a block's text.

    >>> _split_marker("12. Urges all States"), _split_marker("(iv) Torture")
    (('12.', 'Urges all States'), ('(iv)', 'Torture'))
    >>> _split_marker("- item"), _split_marker("24.We welcome")
    (('-', 'item'), ('24.', 'We welcome'))
    >>> _split_marker("1.5 per cent"), _split_marker("79/77. Title")
    (('', '1.5 per cent'), ('', '79/77. Title'))
    """
    match = _MARKER.match(text)
    if match is None:
        return "", text
    marker = "-" if match.group("bullet") else match.group("marker") or match.group("tight")
    return marker, text[match.end():]


def _ends_sentence_or_clause(text: str) -> bool:
    """Whether text ends with punctuation that closes a sentence or a clause (quotes aside)."""
    return text.rstrip(_CLOSERS)[-1:] in _TERMINAL


def _looks_like_heading(text: str, line_count: int) -> bool:
    """A short block of one to three short lines that starts with a capital and ends unpunctuated.

    >>> _looks_like_heading("Agenda item 104", 1), _looks_like_heading("The General Assembly,", 1)
    (True, False)
    """
    return (
        line_count <= 3
        and len(text) <= min(160, 90 * line_count)
        and text[:1].isupper()
        and not _ends_sentence_or_clause(text)
        and not text.endswith("draft resolution")
    )


def _guess_kind(text: str, line_count: int, marker: str) -> BlockKind:
    """The kind of a block whose source had no markup to say: bullets are list items."""
    if marker == "-":
        return BlockKind.LIST_ITEM
    if marker:
        return BlockKind.PARAGRAPH
    if _UN_TITLE.fullmatch(text) or _looks_like_heading(text, line_count):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _layout(paras: Iterable[_Para]) -> tuple[str, tuple[Block, ...]]:
    """The common layout step: markers out, white space collapsed, blocks joined by a blank line.

    A number alone on its line ("1." above the paragraph it numbers) becomes the marker of the
    next block; one with no block to number stays in the text.
    """
    texts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    pending_marker = ""

    def emit(body: str, kind: BlockKind, marker: str) -> None:
        nonlocal offset
        if texts:
            offset += 2
        blocks.append(Block(offset, offset + len(body), kind, marker))
        texts.append(body)
        offset += len(body)

    for para in paras:
        body = _collapse(para.text)
        kind: BlockKind | None = None
        marker = para.marker
        if not marker:
            marker, body = _split_marker(body)
        if not marker and (title := _UN_TITLE.fullmatch(body)):
            # "79/77. Comprehensive Nuclear-Test-Ban Treaty": the resolution number is numbering.
            marker, body = body[: title.start(1)].strip(), title.group(1)
            kind = BlockKind.HEADING
        # Control characters stay in the text, but not at the edges of a block, where str.strip()
        # would count them as white space.
        body = body.strip()
        if not body:
            if marker and pending_marker:
                emit(pending_marker, BlockKind.PARAGRAPH, "")
            pending_marker = marker or pending_marker
            continue
        if pending_marker and marker:
            emit(pending_marker, BlockKind.PARAGRAPH, "")
        marker = marker or pending_marker
        pending_marker = ""
        emit(body, kind or para.kind or _guess_kind(body, para.line_count, marker), marker)
    if pending_marker:
        emit(pending_marker, BlockKind.PARAGRAPH, "")
    return "\n\n".join(texts), tuple(blocks)


def _document(body: _Body, *, path: str, source_format: str) -> Document:
    """Lay out what a front end found and fill in the title and date from what is known."""
    text, blocks = _layout(body.paras)
    title, date = body.title, body.date
    if source_format in ("text", "pdf") and (title is None or date is None):
        un_title, un_date = _un_title_and_date(
            f"{block.marker} {text[block.start:block.end]}".lstrip() for block in blocks[:40]
        )
        title = title or un_title
        date = date or un_date or dict(body.metadata).get("distribution-date")
        opening = [text[block.start : block.end] for block in blocks[:3] if block.kind is BlockKind.HEADING]
        # A statement typed as plain text opens with its title and a date line.
        title = title or next((line for line in opening if _iso_date(line) is None), None)
        date = date or next((_iso_date(line) for line in opening if len(line) <= 60 and _iso_date(line)), None)
    return Document(
        path=path,
        text=text,
        blocks=blocks,
        title=title,
        date=date or _date_from_name(path),
        source_format=source_format,
        metadata=body.metadata,
        furniture=tuple(sorted(body.furniture, key=lambda item: item.line)),
    )


# --------------------------------------------------------------------------------------------
# Dates and titles


def _iso_date(text: str) -> str | None:
    """The first real date written in `text`, as YYYY-MM-DD.

    >>> _iso_date("on 2 December 2024"), _iso_date("September 29, 2021")
    ('2024-12-02', '2021-09-29')
    >>> _iso_date("2022-09-23 15:00:10-04:00")
    '2022-09-23'
    >>> _iso_date("2024-02-30") is None
    True
    """
    candidates: list[tuple[int, int, int, int]] = []
    for match in _ISO_DATE.finditer(text):
        candidates.append((match.start(), int(match[1]), int(match[2]), int(match[3])))
    for match in _DAY_MONTH_YEAR.finditer(text):
        candidates.append((match.start(), int(match[3]), _MONTHS[match[2].lower()], int(match[1])))
    for match in _MONTH_DAY_YEAR.finditer(text):
        candidates.append((match.start(), int(match[3]), _MONTHS[match[1].lower()], int(match[2])))
    for _, year, month, day in sorted(candidates):
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def _date_from_name(path: str) -> str | None:
    """A date in the base name of a path: YYYY-MM-DD or YYYYMMDD.

    >>> _date_from_name("fomc/20080916.xt"), _date_from_name("a/2024-06-14_g7.md")
    ('2008-09-16', '2024-06-14')
    >>> _date_from_name("-") is None
    True
    """
    name = os.path.basename(path)
    for pattern in (_ISO_DATE, _COMPACT_DATE):
        for match in pattern.finditer(name):
            try:
                return datetime.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                continue
    return None


def _un_title_and_date(texts: Iterable[str]) -> tuple[str | None, str | None]:
    """Title and adoption date from the opening blocks of a UN resolution or draft."""
    title = date = None
    after_sponsors = False
    for text in texts:
        if text.startswith("The General Assembly"):
            break
        if title is None and (match := _UN_TITLE.fullmatch(text)):
            title = match.group(1)
        elif title is None and after_sponsors:
            title = text
        if date is None and (match := _UN_ADOPTED.match(text)):
            date = _iso_date(match.group(1))
        after_sponsors = text.endswith("draft resolution")
    return title, date


# --------------------------------------------------------------------------------------------
# Plain text (and the text layer of PDFs)


def _text_body(
    lines: list[_Line], *, line_width: int | None = None, page_starts: frozenset[int] = frozenset()
) -> _Body:
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
    start = _un_front_header(lines, furniture, metadata)
    body: list[_Line] = []
    footnotes: list[tuple[str, int]] = []
    footnote_lines: list[_Line] = []
    last_footnote: int | None = None
    in_footnotes = False
    has_page_counters = any(_PAGE_COUNTER.fullmatch(line.text.strip(_SPACE)) for line in lines)
    index = start
    while index < len(lines):
        line = lines[index]
        if in_footnotes and line.number in page_starts:
            _close_footnote(footnote_lines, footnotes, furniture)
            in_footnotes = False
        header_end = _un_page_header_end(lines, index) if has_page_counters else None
        if header_end is not None:
            _close_footnote(footnote_lines, footnotes, furniture)
            in_footnotes = False
            header = [
                item.text.strip(_SPACE)
                for item in lines[index + 1 : header_end + 1]
                if not _is_blank(item.text)
            ]
            furniture.append(Furniture("page-header", " | ".join(header), lines[index + 1].number))
            index = header_end + 1
            blanks = 0
            while index < len(lines) and _is_blank(lines[index].text):
                blanks += 1
                index += 1
            if blanks >= 2:
                body.append(_Line(lines[index - 1].number, ""))
            continue
        if _RULE.fullmatch(line.text) and _footnote_follows(lines, index):
            in_footnotes = True
        elif in_footnotes:
            match = _FOOTNOTE_START.match(line.text)
            if match and _opens_footnote(match.group(1), last_footnote):
                _close_footnote(footnote_lines, footnotes, furniture)
                if match.group(1).isdigit():
                    last_footnote = int(match.group(1))
            if not _is_blank(line.text):
                footnote_lines.append(line)
        else:
            body.append(line)
        index += 1
    _close_footnote(footnote_lines, footnotes, furniture)
    body = _strip_footnote_markers(body, footnotes, furniture)
    front_end = _front_zone_end(body) if start else 0
    words = _Words("\n".join(line.text for line in lines))
    paras = _group_lines(
        body,
        words,
        front_end=front_end,
        line_width=line_width,
        furniture=furniture,
        line_per_paragraph=line_width is None and _is_unwrapped(body),
    )
    return _Body(tuple(paras), tuple(furniture), tuple(metadata))


def _un_front_header(
    lines: list[_Line], furniture: list[Furniture], metadata: list[tuple[str, str]]
) -> int:
    """Take the masthead off the first page of a UN document; return where the body starts.

    One item a line as PyMuPDF extracts it, or side by side ("United Nations      A/RES/79/77")
    as a layout-preserving extraction does.
    """
    def is_masthead(cell: str) -> bool:
        return bool(
            _UN_FRONT.fullmatch(cell)
            or _UN_SYMBOL.fullmatch(cell)
            or _UN_JOB.fullmatch(cell)
            or _UN_BARCODE.fullmatch(cell)
            or (found and _DAY_MONTH_YEAR.fullmatch(cell))
        )

    index = 0
    found: list[_Line] = []
    while index < len(lines) and index < 40:
        text = lines[index].text.strip(_SPACE)
        cells = [text] if not text or is_masthead(text) else _COLUMN_GAP.split(text)
        if not all(not cell or is_masthead(cell) for cell in cells):
            break
        found.extend(_Line(lines[index].number, cell) for cell in cells if cell)
        index += 1
    evidence = (
        any(line.text == "United Nations" for line in found),
        any(_UN_SYMBOL.fullmatch(line.text) for line in found),
        any(_UN_JOB.fullmatch(line.text) or _UN_BARCODE.fullmatch(line.text) for line in found),
    )
    if sum(evidence) < 2:
        return 0
    masthead = " | ".join(line.text for line in found)
    furniture.append(Furniture("page-header", masthead, found[0].number))
    for position, line in enumerate(found):
        if _UN_SYMBOL.fullmatch(line.text) and not any(key == "symbol" for key, _ in metadata):
            metadata.append(("symbol", line.text.rstrip("*")))
        elif match := _DISTRIBUTION.fullmatch(line.text):
            metadata.append(("distribution", match.group(1)))
            following = found[position + 1].text if position + 1 < len(found) else ""
            if date := _iso_date(following):
                metadata.append(("distribution-date", date))
    return index


def _un_page_header_end(lines: list[_Line], index: int) -> int | None:
    """If a UN running page header starts after the blank line at `index`, where it ends.

    The header is a group of lines with the document symbol and the short title, one or two
    blank lines, then the job number and the page counter (drafts have no short title; some
    pages no job number). It must hold a page counter and a symbol or job number.
    """
    if not _is_blank(lines[index].text):
        return None
    limit = min(index + 12, len(lines))
    position = index + 1
    has_id = has_counter = False
    title_lines = 0
    while position < limit and not _is_blank(lines[position].text):
        text = lines[position].text.strip(_SPACE)
        if _PAGE_COUNTER.fullmatch(text) or _UN_JOB.fullmatch(text):
            break
        if _UN_SYMBOL.fullmatch(text):
            has_id = True
        elif len(text) <= 100 and title_lines < 4:
            title_lines += 1
        else:
            return None
        position += 1
    blanks = 0
    while position < limit and _is_blank(lines[position].text):
        blanks += 1
        position += 1
    if blanks > 2:
        return None
    end = None
    while position < limit and not _is_blank(lines[position].text):
        text = lines[position].text.strip(_SPACE)
        if _PAGE_COUNTER.fullmatch(text):
            has_counter = True
        elif _UN_JOB.fullmatch(text):
            has_id = True
        else:
            break
        end = position
        position += 1
    return end if has_counter and has_id else None


def _footnote_follows(lines: list[_Line], index: int) -> bool:
    """Whether the rule at `index` is a footnote rule: a numbered note follows it."""
    for line in lines[index + 1 : index + 4]:
        if not _is_blank(line.text):
            return bool(_FOOTNOTE_START.match(line.text))
    return False


def _opens_footnote(label: str, last_number: int | None) -> bool:
    """Whether a footnote-zone line that starts with `label` opens a new footnote.

    Numbers must follow on from the last footnote, so that a continuation line starting with a
    number ("2321 (2016) and 2375 (2017).") stays with its footnote.

    >>> _opens_footnote("3", 2), _opens_footnote("2321", 3), _opens_footnote("*", 3)
    (True, False, True)
    """
    return not label.isdigit() or last_number is None or int(label) == last_number + 1


def _close_footnote(
    current: list[_Line], footnotes: list[tuple[str, int]], furniture: list[Furniture]
) -> None:
    """Record the footnote collected in `current` (its label and line too) and start afresh."""
    if not current:
        return
    text, _, _ = _join_lines(current, _Words(""))
    text = _collapse(text)
    match = _FOOTNOTE_START.match(text)
    footnotes.append((match.group(1) if match else "", current[0].number))
    furniture.append(Furniture("footnote", text, current[0].number))
    current.clear()


def _strip_footnote_markers(
    lines: list[_Line], footnotes: list[tuple[str, int]], furniture: list[Furniture]
) -> list[_Line]:
    """Take footnote markers out of the body ("Weapons,1" -> "Weapons,").

    Only the numbers of footnotes that exist are markers, each taken once, in order, from the
    page before its footnote; a real number ("resolution 50/245", "2 nuclear-weapon States")
    fails the checks in _is_footnote_marker.
    """
    texts = [line.text for line in lines]
    numbers_at = [line.number for line in lines]
    row = column = 0
    for label, footnote_line in footnotes:
        if not label.isdigit():
            continue
        found = _find_marker(texts, numbers_at, label, footnote_line, row, column)
        if found is None:
            continue
        row, start = found
        texts[row] = texts[row][:start] + texts[row][start + len(label) :]
        column = start
        furniture.append(Furniture("footnote-marker", label, numbers_at[row]))
    return [_Line(number, text) for number, text in zip(numbers_at, texts, strict=True)]


def _find_marker(
    texts: list[str], numbers_at: list[int], label: str, footnote_line: int, row: int, column: int
) -> tuple[int, int] | None:
    """Where the marker of the footnote at `footnote_line` is, searching from (row, column).

    A marker sits on the page of its footnote, so the search covers about a page (150 lines,
    20,000 characters): however many footnotes lack a marker, reading stays linear.
    """
    first = max(row, bisect.bisect_left(numbers_at, footnote_line - 150))
    budget = 20_000
    for position in range(first, len(texts)):
        if numbers_at[position] >= footnote_line or budget <= 0:
            return None
        text = texts[position]
        search_from = column if position == row else 0
        budget -= len(text) - search_from
        start = text.find(label, search_from, search_from + 20_000)
        while start != -1:
            if _is_footnote_marker(text, start, start + len(label)):
                return position, start
            start = text.find(label, start + 1, search_from + 20_000)
    return None


def _is_footnote_marker(text: str, start: int, end: int) -> bool:
    """Whether the digits text[start:end] read as a footnote marker rather than a number.

    Glued to a word, punctuation or a year ("Treaty1", "Weapons,1", "2023;28", "194912"), or
    standing alone after a comma ("resolutions, 3  urges"), before a little word ("replies 11
    to") or between a name and a lower-case word ("Iran 4 and").

    >>> _is_footnote_marker("of Nuclear Weapons,1 in which", 19, 20)
    True
    >>> _is_footnote_marker("Conventions of 12 August 194912 and", 29, 31)
    True
    >>> _is_footnote_marker("resolution 50/245 of 10 September", 21, 23)
    False
    >>> _is_footnote_marker("the G7 partners", 5, 6)
    False
    >>> _is_footnote_marker("including 41 of the 44", 10, 12)
    False
    """
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if after.isdigit() or (after and not (after.isspace() or after in ",;:.)")):
        return False
    if before.isdigit():
        year = text[start - 4 : start]
        return (
            start >= 4
            and year.isdigit()
            and year[:2] in ("19", "20")
            and not (start >= 5 and (text[start - 5].isdigit() or text[start - 5] in "/-."))
        )
    if before and not before.isspace():
        if before.isalpha():
            return start >= 2 and text[start - 2].isalpha()
        if before == ".":
            return start >= 2 and not text[start - 2].isdigit() and text[start - 2] != "."
        return before in ",;:)]\u201d\u2019\""
    # Only the neighbourhood matters; slicing the whole line here would be quadratic.
    previous = text[max(0, start - 100) : start].rstrip()
    following = text[end : end + 100].split(None, 1)
    next_word = following[0].rstrip(",;:.") if following else ""
    if not previous:
        # At the start of a line only PyMuPDF's wide gap after a marker tells it from a number.
        return text[end : end + 2] == "  " and next_word[:1].islower()
    if previous[-1] in ",;:)\u201d\u2019" or text[end : end + 2] == "  ":
        return True
    previous_word = previous.rsplit(None, 1)[-1]
    if previous_word.lower() in _NOT_MARKER_AFTER:
        return False
    if next_word in _MARKER_FOLLOWERS:
        return True
    return (not next_word or next_word[0].islower()) and (
        previous_word[:1].isupper() or any(char.isdigit() for char in previous_word)
    )


def _front_zone_end(lines: list[_Line]) -> int:
    """Line number where a UN resolution's opening ("The General Assembly,") starts."""
    for line in lines:
        if line.text.lstrip(_SPACE).startswith("The General Assembly"):
            return line.number
    return 0


def _group_lines(
    lines: list[_Line],
    words: _Words,
    *,
    front_end: int,
    line_width: int | None,
    furniture: list[Furniture],
    line_per_paragraph: bool = False,
) -> list[_Para]:
    """Group body lines into blocks: blank lines, bullets and numbered lines start new ones;
    with ``line_per_paragraph`` (text that was never hard-wrapped) so does every line."""
    paras: list[_Para] = []
    current: list[_Line] = []

    def flush() -> None:
        if current:
            paras.append(_text_para(current, words, furniture))
            current.clear()

    for line in lines:
        text = line.text
        if _is_blank(text):
            flush()
            continue
        stripped = text.strip(_SPACE)
        if line.number < front_end and _UN_STANDALONE.fullmatch(stripped):
            flush()
            current.append(line)
            flush()
            continue
        after_clause = bool(current) and _ends_sentence_or_clause(current[-1].text.strip(_SPACE))
        if current and (_BULLET_LINE.match(text) or (_NUMBER_LINE.match(text) and after_clause)):
            flush()
        current.append(line)
        if line_per_paragraph or (line_width is not None and _ends_pdf_paragraph(stripped, line_width)):
            flush()
    flush()
    return paras


def _is_unwrapped(lines: Sequence[_Line]) -> bool:
    """Whether plain text keeps each paragraph on one long line (copied from a web page or a
    news feed) rather than hard-wrapping it: then a line break ends a paragraph.

    >>> _is_unwrapped([_Line(1, "x" * 300), _Line(2, "y" * 250)]), _is_unwrapped([_Line(1, "x" * 78)])
    (True, False)
    """
    lengths = sorted(len(line.text.strip(_SPACE)) for line in lines if not _is_blank(line.text))
    return bool(lengths) and lengths[len(lengths) // 2] > UNWRAPPED_MEDIAN_LINE


def _ends_pdf_paragraph(text: str, line_width: int) -> bool:
    """A PDF line well short of the column ends its paragraph if it ends a sentence or a title."""
    if len(text) >= 0.75 * line_width:
        return False
    last = text.rstrip(_CLOSERS)[-1:]
    return last in ".!?:;" or (text[:1].isupper() and last not in ",-" and len(text.split()) <= 12)


def _text_para(lines: list[_Line], words: _Words, furniture: list[Furniture]) -> _Para:
    """One block of plain text; Markdown-style links keep their label, the target is furniture."""
    text, starts, numbers = _join_lines(lines, words)
    if "](" in text:

        def unlink(match: re.Match[str]) -> str:
            line = _line_at(match.start(), starts, numbers)
            furniture.append(Furniture("link-target", match.group("url"), line))
            return match.group("label")

        text = _TEXT_LINK.sub(unlink, text)
    return _Para(text, lines[0].number, line_count=len(lines))


# --------------------------------------------------------------------------------------------
# Markdown


def _markdown_body(text: str) -> _Body:
    """Markdown (as the White House converter writes it) -> blocks, markup removed."""
    lines = _numbered_lines(text.split("\n"))
    furniture: list[Furniture] = []
    start, metadata = _front_matter(lines)
    if start:
        raw = "\n".join(line.text for line in lines[1 : start - 1])
        furniture.append(Furniture("front-matter", raw, 1))
    words = _Words(text)
    paras: list[_Para] = []
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
        if _is_blank(raw):
            flush()
        elif _RELEASE_MARKER.fullmatch(raw):
            flush()
            furniture.append(Furniture("release-marker", raw.strip(_SPACE), line.number))
        elif _SETEXT.fullmatch(raw) and chunk.lines and chunk.kind is BlockKind.PARAGRAPH:
            chunk.kind = BlockKind.HEADING
            flush()
        elif _THEMATIC_BREAK.fullmatch(raw):
            flush()
        elif (heading := _atx_heading(raw)) is not None:
            flush()
            chunk = _Chunk([_Line(line.number, heading)], BlockKind.HEADING)
            flush()
        elif (match := _LIST_ITEM.fullmatch(raw)) and not chunk.continues_with(match):
            flush()
            marker = "-" if match.group("bullet") else f"{match.group('number')}."
            first = _Line(line.number, match.group("rest") or "")
            chunk = _Chunk([first], BlockKind.LIST_ITEM, marker)
            chunk.note(raw)
        else:
            if chunk.lines and chunk.breaks_before_next():
                flush()
            chunk.lines.append(_Line(line.number, raw.lstrip(" >") if raw.startswith(">") else raw))
            chunk.note(raw)
    flush()
    values = dict(metadata)
    title = values.get("title") or None
    date = _iso_date(values.get("date", "")) or _iso_date(values.get("published_time", ""))
    return _Body(tuple(paras), tuple(furniture), tuple(metadata), title and _collapse(title), date)


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

    lines: list[_Line] = field(default_factory=list)
    kind: BlockKind = BlockKind.PARAGRAPH
    marker: str = ""
    bold_open: bool = False
    visible_end: str = ""
    hard_break: bool = False

    def note(self, raw: str) -> None:
        """Record what a newly added line leaves open: bold, its last visible text, a hard break."""
        if raw.count("**") % 2:
            self.bold_open = not self.bold_open
        visible = (_TAG.sub("", _drop_comments(raw)) if "<" in raw else raw).rstrip(_SPACE + "\\")
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
        return not item.group("rest") or not _ends_sentence_or_clause(self.visible_end)

    def breaks_before_next(self) -> bool:
        """A hard line break ends a block where a sentence or a bold heading ends before it."""
        if not self.hard_break or self.bold_open:
            return False
        return self.visible_end.endswith("**") or _ends_sentence_or_clause(self.visible_end)


def _markdown_para(chunk: _Chunk, words: _Words, furniture: list[Furniture]) -> _Para | None:
    """One Markdown block as plain text, or None where it held only markup."""
    text, starts, numbers = _join_lines(chunk.lines, words)
    text = _drop_comments(text)
    kind = chunk.kind
    if kind is BlockKind.PARAGRAPH and len(text) <= 400:
        visible = _TAG.sub("", text)
        if _BOLD_ONLY.fullmatch(visible) and not _ends_sentence_or_clause(visible.rstrip("*_ ")):
            kind = BlockKind.HEADING  # a line in bold alone is a heading; a bold sentence is not
    clean = _collapse(_markdown_inline(text, starts, numbers, furniture))
    if _SEPARATOR.fullmatch(clean):
        furniture.append(Furniture("separator", clean, chunk.lines[0].number))
        return None
    if not clean:
        return None
    return _Para(clean, chunk.lines[0].number, kind, chunk.marker, len(chunk.lines))


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
            line = _line_at(match.start(), starts, numbers)
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


def _front_matter(lines: list[_Line]) -> tuple[int, list[tuple[str, str]]]:
    """YAML front matter between "---" lines: (index of the first body line, key/value pairs).

    Only the simple YAML these files use: "key: value" with plain, single- or double-quoted
    scalars (escapes such as \\u2019 and \\_ included), folded continuation lines and "- item"
    lists, which are joined with ", ".
    """
    if not lines or lines[0].text.strip() != "---":
        return 0, []
    end = next(
        (index for index in range(1, len(lines)) if lines[index].text.strip() in ("---", "...")),
        None,
    )
    if end is None or not _FRONT_KEY.fullmatch(lines[1].text):
        return 0, []
    entries: list[tuple[str, list[str]]] = []
    for line in lines[1:end]:
        match = _FRONT_KEY.fullmatch(line.text)
        if match and not line.text[:1].isspace():
            entries.append((match.group(1), [match.group(2) or ""]))
        elif entries:
            entries[-1][1].append(line.text)
    return end + 1, [(key, _yaml_scalar(raw)) for key, raw in entries]


def _yaml_scalar(raw: list[str]) -> str:
    r"""The value of one simple YAML scalar, given its lines.

    >>> _yaml_scalar([r'"G7 Leaders\u2019\_Statement"'])
    'G7 Leaders’\xa0Statement'
    >>> _yaml_scalar(['"Strategic Consultative\\_\\', '  Group"']), _yaml_scalar(["'it''s'"])
    ('Strategic Consultative\xa0Group', "it's")
    >>> _yaml_scalar(["", "  - a", "  - b"]), _yaml_scalar(["2022-09-23 15:00:10-04:00"])
    ('a, b', '2022-09-23 15:00:10-04:00')
    """
    first = raw[0].strip()
    if first.startswith('"'):
        return _yaml_double_quoted("\n".join([first, *raw[1:]])[1:])
    if first.startswith("'"):
        body = _fold_yaml("\n".join([first, *raw[1:]])[1:])
        return (body[: body.rfind("'")] if "'" in body else body).replace("''", "'")
    items = [line.strip()[2:].strip() for line in raw[1:] if line.strip().startswith("- ")]
    if not first and items:
        return ", ".join(items)
    return _fold_yaml("\n".join([first, *raw[1:]])).strip()


def _fold_yaml(text: str) -> str:
    """Fold a multi-line YAML scalar: each line break with its indentation becomes one space."""
    return re.sub(r"[ \t]*\n[ \t]*", " ", text)


def _yaml_double_quoted(body: str) -> str:
    """The text of a double-quoted YAML scalar, `body` starting after its opening quote."""
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == '"':
            break
        if char == "\\" and index + 1 < len(body):
            code = body[index + 1]
            if code == "\n":
                index += 2
                while index < len(body) and body[index] in " \t":
                    index += 1
                continue
            if code in _YAML_HEX:
                digits = body[index + 2 : index + 2 + _YAML_HEX[code]]
                try:
                    out.append(chr(int(digits, 16)))
                    index += 2 + len(digits)
                    continue
                except ValueError:
                    pass
            out.append(_YAML_ESCAPES.get(code, "\\" + code))
            index += 2
            continue
        if char == "\n":
            while out and out[-1] in " \t":
                out.pop()
            out.append(" ")
            index += 1
            while index < len(body) and body[index] in " \t":
                index += 1
            continue
        out.append(char)
        index += 1
    return "".join(out)


# --------------------------------------------------------------------------------------------
# HTML

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
_UNKNOWN_MARKED_SECTION = re.compile(
    r"<!\[(?!(?i:cdata|if|else|endif|temp|ignore|include|rcdata)\b)"
)
_DATE_META = frozenset(
    {
        "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date",
        "dcterms.issued", "citation_publication_date", "datepublished", "publish-date",
    }
)


def _html_body(text: str) -> _Body:
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
    paras: list[_Para] = []
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
    title = values.get("og:title") or _collapse("".join(extractor.title)) or None
    dates = [value for key, value in extractor.meta if key.lower() in _DATE_META]
    date = next(filter(None, map(_iso_date, [*dates, *extractor.times])), None)
    return _Body(tuple(paras), tuple(furniture), metadata, title, date)


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
        self.blocks: list[tuple[str, _Para]] = []
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
            if data.strip(_SPACE):
                if not self._buffer_kind:
                    self._buffer_kind, self._buffer_marker = self._kind()
                    self._buffer_line = self.getpos()[0]
                    self._buffer_scope = self._scope()
                self._buffer_bold = self._buffer_bold and self._bold > 0
            self._buffer.append(data)

    def flush(self) -> None:
        """End the block being collected, if it holds any text."""
        text = _collapse("".join(self._buffer))
        kind = self._buffer_kind
        if text and kind:
            if kind is BlockKind.PARAGRAPH and self._buffer_bold and len(text) <= 160:
                if not _ends_sentence_or_clause(text):
                    kind = BlockKind.HEADING  # <p><strong>Title</strong></p>, as in Markdown
            para = _Para(text, self._buffer_line, kind, self._buffer_marker)
            self.blocks.append((self._buffer_scope, para))
        self._buffer = []
        self._buffer_kind = None
        self._buffer_marker = ""
        self._buffer_bold = True

    def _flush_chrome(self) -> None:
        text = _collapse("".join(self._chrome_text))
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


# --------------------------------------------------------------------------------------------
# PDF


def _pdf_pages(data: bytes, name: str, max_chars: int) -> list[str]:
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
                    raise InputError(f"cannot read '{name}': {_too_long(max_chars)}")
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


def _pdf_body(pages: Sequence[str]) -> _Body:
    """PDF page texts -> blocks: repeated page headers and footers and page numbers set aside."""
    furniture: list[Furniture] = []
    page_lines: list[list[_Line]] = []
    number = 1
    for page in pages:
        raw = page.replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ").split("\n")
        # A page boundary is no paragraph break: blank lines around it must not pose as one.
        numbered = _numbered_lines(raw, number)
        filled = [index for index, line in enumerate(numbered) if not _is_blank(line.text)]
        page_lines.append(numbered[filled[0] : filled[-1] + 1] if filled else [])
        number += len(raw)
    repeated = _repeated_page_lines(page_lines)
    kept: list[_Line] = []
    page_starts: set[int] = set()
    for lines in page_lines:
        page_start = len(kept)
        filled = [index for index, line in enumerate(lines) if not _is_blank(line.text)]
        edges = {*filled[:2], *filled[-2:]}
        for index, line in enumerate(lines):
            if index in edges:
                if _PAGE_NUMBER.fullmatch(line.text):
                    furniture.append(Furniture("page-number", line.text.strip(_SPACE), line.number))
                    continue
                if _page_line_key(line.text) in repeated:
                    kind = "page-header" if index in filled[:2] else "page-footer"
                    furniture.append(Furniture(kind, line.text.strip(_SPACE), line.number))
                    continue
            kept.append(line)
        if len(kept) > page_start:
            page_starts.add(kept[page_start].number)
    lengths = sorted(len(line.text.strip(_SPACE)) for line in kept if not _is_blank(line.text))
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    body = _text_body(kept, line_width=width, page_starts=frozenset(page_starts))
    return replace(body, furniture=(*furniture, *body.furniture))


def _page_line_key(text: str) -> str:
    """A line with its numbers blanked, so that "Page 2" and "Page 3" count as the same."""
    return re.sub(r"\d+", "#", _collapse(text))


def _repeated_page_lines(page_lines: list[list[_Line]]) -> set[str]:
    """Lines (digits ignored) found at the top or bottom of most pages: running heads and feet."""
    if len(page_lines) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in page_lines:
        filled = [line.text for line in lines if not _is_blank(line.text)]
        counts.update({_page_line_key(text) for text in (*filled[:2], *filled[-2:])})
    needed = max(2, math.ceil(0.5 * len(page_lines)))
    return {key for key, count in counts.items() if count >= needed and key}
