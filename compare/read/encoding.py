"""Bytes for reading: an input's bytes read within the limits, binaries refused, text decoded
and its format sniffed when the name does not tell.

UTF-8 (with or without a byte-order mark) and UTF-16/32 with one are decoded as they are; any
other encoding is guessed (``charset_normalizer``, imported only when needed) and reported as a
warning. Every failure is an InputError that names the input.
"""

from __future__ import annotations

import re
import sys
from typing import BinaryIO

from compare import regexcache
from compare.errors import InputError
from compare.limits import MAX_CLAUSES_VARIABLE, MAX_INPUT_VARIABLE, Unreadable, read_limited, read_stream
from compare.read.layout import SPACE

__all__ = ["EXTENSIONS", "decode", "looks_like_pdf", "read_bytes", "refuse_binary", "sniff", "too_long"]

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}

# Markdown signals, for sniffing text of unknown format.
_MARKDOWN_SIGNALS = (
    regexcache.compiled(r"^#{1,6} \S", re.M),
    regexcache.compiled(r"\*\*[^*\n]+\*\*"),
    # Neither part may hold its own opening bracket: "[a[a[a..." is then linear, not quadratic.
    regexcache.compiled(r"\[[^\[\]\n]+\]\([^()\s]+\)"),
    regexcache.compiled(r"^\\#", re.M),
    regexcache.compiled(r"^(?:-|\d+\.) {2,3}\S", re.M),
    regexcache.compiled(r"\\[\[\]*_]"),
)
_FRONT_MATTER = regexcache.compiled(
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


def too_long(max_chars: int) -> str:
    """Why a text over ``max_chars`` is refused, and how to raise the limit."""
    return (
        f"too long: over {max_chars} characters of text, beyond what the clause limit allows "
        f"(set {MAX_CLAUSES_VARIABLE} to raise it)"
    )


def read_bytes(name: str, stdin: BinaryIO | None, limit: int) -> bytes:
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


def looks_like_pdf(data: bytes) -> bool:
    """Whether the content is a PDF, whatever the name says."""
    return data[:1024].lstrip().startswith(b"%PDF-")


def refuse_binary(data: bytes, name: str) -> None:
    """Raise InputError for images, archives and anything with NUL bytes but no UTF-16 BOM."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(f"cannot read '{name}': binary file ({what})")
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise InputError(f"cannot read '{name}': binary file (NUL bytes)")


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
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


def sniff(text: str) -> str:
    """Guess the format of decoded text that came without a telling extension.

    >>> sniff("<!DOCTYPE html><p>x</p>"), sniff("---\\ntitle: x\\n---\\nBody"), sniff("Plain.")
    ('html', 'markdown', 'text')
    """
    head = text.lstrip(SPACE + "\ufeff")[:2000].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("<?xml") and "<html" in head:
        return "html"
    if _FRONT_MATTER.match(text.lstrip("\ufeff")):
        return "markdown"
    if head.startswith("# ") or sum(1 for signal in _MARKDOWN_SIGNALS if signal.search(text)) >= 2:
        return "markdown"
    return "text"
