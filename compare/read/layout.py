"""The common layout step of reading: the blocks a front end found become a Document.

Every front end (``text``, ``markdown``, ``html``, ``pdf``) hands over a ``Body`` of ``Para``
blocks; ``document_from`` lays them out: hard-wrapped lines joined (end-of-line hyphenation
undone, the document itself the first witness of how a word is written), paragraph numbers and
bullets moved into ``Block.marker``, white space collapsed, each block written as one line of
``Document.text``, blocks separated by a blank line; then the title and date are filled in from
what is known (``dates``). Also the small shapes and helpers the front ends share.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from compare import regexcache
from compare.model import Block, BlockKind, Document, Furniture
from compare.read.dates import UN_TITLE, date_from_name, iso_date, un_title_and_date

__all__ = [
    "CLOSERS",
    "SPACE",
    "Body",
    "Line",
    "Para",
    "Words",
    "collapse",
    "document_from",
    "ends_sentence_or_clause",
    "is_blank",
    "join_lines",
    "line_at",
    "numbered_lines",
]

# White space for layout purposes. Control characters that Python also counts as white space
# (\x0b, \x1c-\x1f, \x85) are deliberately absent: they stay in the text, and later stages
# neutralise them for display.
SPACE = (
    " \t\n\r\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_SPACE_RUN = regexcache.compiled(f"[{SPACE}]+")

# Paragraph numbers, letters and bullets at the start of a block ("12.", "(a)", "(iv)", "b)", "-").
_MARKER = regexcache.compiled(
    r"(?P<marker>\(\d{1,3}\)|\d{1,3}[.)]|\((?:[ivxlc]{1,6}|[a-z]{1,2})\)|[a-z][.)]"
    r"|(?P<bullet>[-*+\u2022\u2023\u25e6\u25aa]))"
    f"(?:[{SPACE}]+|$)"
    r"|(?P<tight>\d{1,3}\.)(?=[A-Z][a-z])"  # "24.We welcome": a typo for "24. We"
)

_TERMINAL = ".,;:!?\u2026"
CLOSERS = "\"'\u2019\u201d)]*"

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
_BROKEN_WORD = regexcache.compiled(r"([^\W\d_]+)[-\u2011\u00ad]$")
_WORD_START = regexcache.compiled(r"[^\W\d_]+")
_WORD = regexcache.compiled(r"[^\W\d_]+(?:[-\u2011][^\W\d_]+)*")


class Line(NamedTuple):
    """One line of the source and its 1-based number."""

    number: int
    text: str


class Para(NamedTuple):
    """A block as a front end found it, before the common layout step."""

    text: str
    line: int
    kind: BlockKind | None = None
    """None: decide from the text (plain text and PDF have no markup that says)."""
    marker: str = ""
    line_count: int = 1


@dataclass(frozen=True, slots=True)
class Body:
    """What a front end found: the blocks and everything set aside on the way."""

    paras: tuple[Para, ...]
    furniture: tuple[Furniture, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    title: str | None = None
    date: str | None = None


def numbered_lines(lines: Iterable[str], first: int = 1) -> list[Line]:
    """Lines paired with their 1-based numbers in the source."""
    return [Line(number, line) for number, line in enumerate(lines, start=first)]


def collapse(text: str) -> str:
    """Collapse runs of white space to one space and trim the ends.

    >>> collapse("  two\\u00a0 words\\n")
    'two words'
    """
    return _SPACE_RUN.sub(" ", text).strip(" ")


def is_blank(line: str) -> bool:
    """Whether a line holds nothing but white space (no-break spaces included)."""
    return not line.strip(SPACE)


class Words:
    """How often each word and hyphenated compound occurs in a document: the witness that
    _rejoin_hyphen asks. Counted on first use, since most documents never need it.

    >>> words = Words("Non-proliferation and ratification; non\u2011proliferation.")
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


def _rejoin_hyphen(head: str, tail: str, words: Words) -> str:
    """What goes between `head` (before a hyphen at a line end) and `tail` (the next line's word).

    "-": a compound, the hyphen stays; "": a word broken in two, the hyphen goes; "- ": a
    suspended hyphen ("victim- and gender-sensitive"). The document itself decides first: a
    compound or a whole word written elsewhere in it; then known prefixes and second parts of
    compounds keep the hyphen, and known word endings drop it.

    >>> nothing = Words("")
    >>> _rejoin_hyphen("non", "proliferation", nothing), _rejoin_hyphen("ratifica", "tion", nothing)
    ('-', '')
    >>> _rejoin_hyphen("victim", "and", nothing), _rejoin_hyphen("inter", "Korean", nothing)
    ('- ', '-')
    >>> _rejoin_hyphen("negoti", "ating", Words("negotiating"))
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


def join_lines(lines: Sequence[Line], words: Words) -> tuple[str, list[int], list[int]]:
    """Join the lines of one block with single spaces, undoing end-of-line hyphenation.

    Returns the joined text, the offset where each kept line starts in it, and that line's
    number (so that a position in the text can be traced back to a source line).
    """
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    length = 0
    for line in lines:
        piece = line.text.strip(SPACE)
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


def line_at(offset: int, starts: list[int], numbers: list[int]) -> int:
    """The source line of a position in text joined by join_lines."""
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


def ends_sentence_or_clause(text: str) -> bool:
    """Whether text ends with punctuation that closes a sentence or a clause (quotes aside)."""
    return text.rstrip(CLOSERS)[-1:] in _TERMINAL


def _looks_like_heading(text: str, line_count: int) -> bool:
    """A short block of one to three short lines that starts with a capital and ends unpunctuated.

    >>> _looks_like_heading("Agenda item 104", 1), _looks_like_heading("The General Assembly,", 1)
    (True, False)
    """
    return (
        line_count <= 3
        and len(text) <= min(160, 90 * line_count)
        and text[:1].isupper()
        and not ends_sentence_or_clause(text)
        and not text.endswith("draft resolution")
    )


def _guess_kind(text: str, line_count: int, marker: str) -> BlockKind:
    """The kind of a block whose source had no markup to say: bullets are list items."""
    if marker == "-":
        return BlockKind.LIST_ITEM
    if marker:
        return BlockKind.PARAGRAPH
    if UN_TITLE.fullmatch(text) or _looks_like_heading(text, line_count):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _layout(paras: Iterable[Para]) -> tuple[str, tuple[Block, ...]]:
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
        body = collapse(para.text)
        kind: BlockKind | None = None
        marker = para.marker
        if not marker:
            marker, body = _split_marker(body)
        if not marker and (title := UN_TITLE.fullmatch(body)):
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


def document_from(body: Body, *, path: str, source_format: str) -> Document:
    """Lay out what a front end found and fill in the title and date from what is known."""
    text, blocks = _layout(body.paras)
    title, date = body.title, body.date
    if source_format in ("text", "pdf") and (title is None or date is None):
        un_title, un_date = un_title_and_date(
            f"{block.marker} {text[block.start:block.end]}".lstrip() for block in blocks[:40]
        )
        title = title or un_title
        date = date or un_date or dict(body.metadata).get("distribution-date")
        opening = [text[block.start : block.end] for block in blocks[:3] if block.kind is BlockKind.HEADING]
        # A statement typed as plain text opens with its title and a date line.
        title = title or next((line for line in opening if iso_date(line) is None), None)
        date = date or next((iso_date(line) for line in opening if len(line) <= 60 and iso_date(line)), None)
    return Document(
        path=path,
        text=text,
        blocks=blocks,
        title=title,
        date=date or date_from_name(path),
        source_format=source_format,
        metadata=body.metadata,
        furniture=tuple(sorted(body.furniture, key=lambda item: item.line)),
    )
