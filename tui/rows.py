"""The rows the clause panes draw: each side of a pair as tagged words, wrapped once per width.

This sits between the pipeline's Pairs and the ClausePane widgets. ``side_paragraphs`` turns one
side of a pair into paragraphs of tagged words (kept, deleted, inserted, or a note the view adds,
such as where a moved clause came from); ``layout_rows`` wraps both sides of every shown pair at
one width and gives each pair a block of rows as tall as its longer side, so that the old and
the new pane stay aligned row for row. Wrapping is cached per pair and width. Nothing here knows
about Textual, and every word passes through ``compare.safe.printable`` before it can reach the
terminal.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import accumulate

from rich.cells import cell_len, chop_cells

from compare.model import Clause, Pair, Status
from compare.render.common import (
    STATUS_MARK,
    certainty_note,
    corrected_note,
    location,
    pair_location,
    shift_note,
)
from compare.safe import printable
from tui.text import counted

__all__ = [
    "GUTTER",
    "UNSURE_MARK",
    "Line",
    "Piece",
    "Rows",
    "Side",
    "Tag",
    "layout_rows",
    "layout_side",
    "matches_in",
    "search_pattern",
    "side_paragraphs",
    "is_unsure",
    "marks",
    "wrap",
]

GUTTER = 3
"""Cells before the text of every row: the cursor bar, the status mark, and "?" on a pairing
the aligner is not sure of (else a space)."""

UNSURE_MARK = "?"
"""Beside the status mark of a pair that is not sure (``is_unsure``): a sign, not a colour."""

_MIN_WIDTH = 8
"""Narrowest text column wrapped; below it a pane crops instead of wrapping a word per row."""


class Side(StrEnum):
    """Which document a pane shows."""

    OLD = "old"
    NEW = "new"


class Tag(StrEnum):
    """What a piece of a row is; DELETE and INSERT are the values of ``WordOp.op``."""

    TEXT = "text"
    """Words of the clause as they stand (kept words, in a changed pair)."""
    DELETE = "delete"
    INSERT = "insert"
    NOTE = "note"
    """What the view adds: where a moved clause went, a stance shift, a missing side."""


Piece = tuple[str, Tag]
"""Some text and what it is."""

_MARKERS = {Tag.DELETE: ("[-", "-]"), Tag.INSERT: ("{+", "+}")}
"""git's word-diff markers, for views where colour and text style may not show."""


@dataclass(frozen=True, slots=True)
class Line:
    """One row of text in a pane."""

    pieces: tuple[Piece, ...]
    opens: bool = False
    """True on the first row of a clause, where the gutter shows the pair's status mark."""


@dataclass(frozen=True, slots=True)
class Rows:
    """The panes' rows at one width: one block per shown pair.

    Side by side, both panes share one ``Rows`` whose blocks are as tall as the longer side, so
    they stay aligned row for row. Stacked, each pane has its own (``layout_side``): blocks as
    tall as that side, and a run of pairs with nothing on that side folded into one marker row
    held by the run's first pair, the others' blocks empty.
    """

    width: int
    """Cells of text per row, the gutter not included."""
    old: tuple[tuple[Line, ...], ...]
    new: tuple[tuple[Line, ...], ...]
    starts: tuple[int, ...]
    """First row of each pair's block, then the total number of rows."""

    @property
    def total(self) -> int:
        """Rows in all blocks together."""
        return self.starts[-1]

    def lines(self, side: Side, index: int) -> tuple[Line, ...]:
        """The text rows of one side of the pair shown at ``index``."""
        return (self.old if side is Side.OLD else self.new)[index]

    def pair_at(self, row: int) -> int:
        """Index of the pair whose block holds ``row``, clamped to the first and last pair."""
        return self.shown_at(min(max(bisect_right(self.starts, row) - 1, 0), len(self.old) - 1))

    def span(self, index: int) -> tuple[int, int]:
        """First row and one past the last text row of the block that shows the pair (its blank
        separator left out)."""
        index = self.shown_at(index)
        return self.starts[index], self.starts[index + 1] - 1

    def shown_at(self, index: int) -> int:
        """The pair whose block shows this one: itself, or the first of the folded run it is in."""
        while index > 0 and self.starts[index] == self.starts[index + 1]:
            index -= 1
        return index

    def same_place(self, row: int, other: Rows) -> int:
        """The row of ``other`` that shows what ``row`` of these rows shows: the same pair, as
        far into its block as that block goes."""
        if other is self:
            return row
        index = self.pair_at(row)
        top, end = other.span(index)
        return top + max(min(row - self.starts[index], end - top - 1), 0)


def is_unsure(pair: Pair) -> bool:
    """Whether the aligner is less than sure of the pair: a likely or weak pairing, or an added
    or removed clause that may have a counterpart (see ``compare.model.SURE_UNPAIRED``).

    >>> is_unsure(Pair(Status.REWORDED, (), (), confidence=0.6)), is_unsure(Pair(Status.ADDED, (), ()))
    (True, False)
    """
    return pair.certainty != "sure"


def marks(pair: Pair, line: Line) -> str:
    """The two signs a row shows after the cursor bar: the status and whether it is unsure, on
    a clause's first row; blanks on the rows that continue it.

    >>> marks(Pair(Status.REWORDED, (), (), confidence=0.42), Line((), opens=True))
    '~?'
    >>> marks(Pair(Status.REWORDED, (), (), confidence=0.42), Line(()))
    '  '
    """
    if not line.opens:
        return "  "
    return STATUS_MARK[pair.status] + (UNSURE_MARK if is_unsure(pair) else " ")


def layout_rows(pairs: Sequence[Pair], width: int, *, marked: bool = False) -> Rows:
    """Wrap both sides of every pair at ``width`` cells and stack the blocks.

    Each block is as tall as its longer side, plus one blank row that separates it from the next.

    Args:
        pairs: the pairs the panes show, in order.
        width: cells of text per row (narrow widths are raised to a legible minimum).
        marked: spell deletions and insertions out with git's ``[-...-]`` and ``{+...+}``.
    """
    width = max(width, _MIN_WIDTH)
    old = tuple(_wrapped(pair, Side.OLD, width, marked) for pair in pairs)
    new = tuple(_wrapped(pair, Side.NEW, width, marked) for pair in pairs)
    heights = (
        max(len(old_lines), len(new_lines), 1) + 1 for old_lines, new_lines in zip(old, new, strict=True)
    )
    return Rows(width, old, new, (0, *accumulate(heights)))


def layout_side(pairs: Sequence[Pair], side: Side, width: int, *, marked: bool = False) -> Rows:
    """One pane's own rows, for panes stacked one above the other: each block as tall as this
    side, and each run of pairs with nothing on this side folded into one marker row.

    >>> from compare.model import Clause
    >>> kept = Clause("new", 0, 1, 1, 0, 7, "We act.")
    >>> pairs = [Pair(Status.UNCHANGED, (kept,), (kept,)), Pair(Status.ADDED, (), (kept,)),
    ...          Pair(Status.ADDED, (), (kept,)), Pair(Status.UNCHANGED, (kept,), (kept,))]
    >>> rows = layout_side(pairs, Side.OLD, 40)
    >>> rows.starts, [line.pieces for line in rows.lines(Side.OLD, 1)]
    ((0, 2, 4, 4, 6), [(('(the new text adds 2 clauses here)', <Tag.NOTE: 'note'>),)])
    >>> rows.span(2), rows.pair_at(2), rows.pair_at(4)
    ((2, 3), 1, 3)
    """
    width = max(width, _MIN_WIDTH)
    blocks: list[tuple[Line, ...]] = []
    run_start = None
    for index, pair in enumerate(pairs):
        if pair.old if side is Side.OLD else pair.new:
            blocks.append(_wrapped(pair, side, width, marked))
            run_start = None
            continue
        blocks.append(())
        if run_start is None:
            run_start = index
        blocks[run_start] = _folded_marker(index - run_start + 1, side, width)
    heights = (len(lines) + 1 if lines else 0 for lines in blocks)
    empty = tuple(() for _ in blocks)
    lines = tuple(blocks)
    return Rows(width, *((lines, empty) if side is Side.OLD else (empty, lines)), (0, *accumulate(heights)))


def _folded_marker(count: int, side: Side, width: int) -> tuple[Line, ...]:
    """The row that stands for a run of pairs with nothing on this side."""
    clauses = counted(count, "clause")
    note = f"(the new text adds {clauses} here)" if side is Side.OLD else f"(the new text drops {clauses} here)"
    return tuple(Line(pieces, number == 0) for number, pieces in enumerate(wrap(((note, Tag.NOTE),), width)))


@lru_cache(maxsize=16384)
def _wrapped(pair: Pair, side: Side, width: int, marked: bool) -> tuple[Line, ...]:
    lines: list[Line] = []
    for paragraph in side_paragraphs(pair, side, marked=marked):
        wrapped = wrap(paragraph, width)
        opens = bool(paragraph) and paragraph[0][1] is not Tag.NOTE
        lines.extend(Line(pieces, opens and number == 0) for number, pieces in enumerate(wrapped))
    return tuple(lines)


@lru_cache(maxsize=8192)
def side_paragraphs(pair: Pair, side: Side, *, marked: bool = False) -> tuple[tuple[Piece, ...], ...]:
    """One side of a pair as paragraphs, one per clause and then the view's notes.

    A paragraph is a run of words per tag: the words joined by single spaces.

    >>> from compare.model import Clause, Pair, Status, WordOp
    >>> old, new = Clause("old", 0, 1, 1, 0, 7, "We note"), Clause("new", 0, 1, 1, 0, 10, "We welcome")
    >>> pair = Pair(Status.REWORDED, (old,), (new,), 67.0, (WordOp("equal", "We"), WordOp("delete", "note"),
    ...     WordOp("insert", "welcome")))
    >>> side_paragraphs(pair, Side.NEW, marked=True)
    ((('We', <Tag.TEXT: 'text'>), ('{+welcome+}', <Tag.INSERT: 'insert'>)),)
    """
    clauses = pair.old if side is Side.OLD else pair.new
    tagged = _tagged_words(pair, side, clauses)
    paragraphs = [_runs(_marked(words) if marked else words) for words in tagged if words]
    paragraphs.extend(((note, Tag.NOTE),) for note in _notes(pair, side))
    return tuple(paragraphs)


def _runs(words: Sequence[Piece]) -> tuple[Piece, ...]:
    """Neighbouring words with the same tag joined into one piece.

    >>> _runs((("a", Tag.TEXT), ("b", Tag.TEXT), ("c", Tag.DELETE)))
    (('a b', <Tag.TEXT: 'text'>), ('c', <Tag.DELETE: 'delete'>))
    """
    runs: list[Piece] = []
    for word, tag in words:
        if runs and runs[-1][1] is tag:
            runs[-1] = (f"{runs[-1][0]} {word}", tag)
        else:
            runs.append((word, tag))
    return tuple(runs)


def _clause_words(clause: Clause) -> list[str]:
    """The words of a clause as the panes show and search them.

    >>> _clause_words(Clause("new", 0, 1, 1, 0, 12, "We\\tnote \\x1b[2J"))
    ['We', 'note', '␛[2J']
    """
    text = " ".join(clause.text.split())
    return printable(text).split(" ") if text else []


def _tagged_words(pair: Pair, side: Side, clauses: Sequence[Clause]) -> list[tuple[Piece, ...]]:
    """Each clause's words tagged by the pair's word diff (plain where the diff does not fit)."""
    words = [_clause_words(clause) for clause in clauses]
    if not pair.words:
        return [tuple((word, Tag.TEXT) for word in clause_words) for clause_words in words]
    flat = [word for clause_words in words for word in clause_words]
    tags = _word_tags(pair, side)
    if len(tags) != len(flat):
        tags = [Tag.TEXT] * len(flat)
    tagged, start = [], 0
    for clause_words in words:
        end = start + len(clause_words)
        tagged.append(tuple(zip(clause_words, tags[start:end], strict=True)))
        start = end
    return tagged


def _word_tags(pair: Pair, side: Side) -> list[Tag]:
    """One tag per word of the side, read off the word diff (equal runs count the same on both)."""
    own, other = (Tag.DELETE, Tag.INSERT) if side is Side.OLD else (Tag.INSERT, Tag.DELETE)
    tags: list[Tag] = []
    for op in pair.words:
        if op.op != other:
            tags.extend([own if op.op == own else Tag.TEXT] * len(op.text.split()))
    return tags


def _marked(words: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Words with each run of deletions or insertions wrapped in git's word-diff markers.

    >>> _marked((("a", Tag.DELETE), ("b", Tag.DELETE), ("c", Tag.TEXT)))
    (('[-a', <Tag.DELETE: 'delete'>), ('b-]', <Tag.DELETE: 'delete'>), ('c', <Tag.TEXT: 'text'>))
    """
    marked = []
    for position, (word, tag) in enumerate(words):
        if tag in _MARKERS:
            opening, closing = _MARKERS[tag]
            if position == 0 or words[position - 1][1] is not tag:
                word = opening + word
            if position == len(words) - 1 or words[position + 1][1] is not tag:
                word += closing
        marked.append((word, tag))
    return tuple(marked)


def _notes(pair: Pair, side: Side) -> list[str]:
    """What a pane says besides the text: the other position of a moved, split or merged group;
    under the new side (the old one, for a removed clause) how sure the pairing is, any
    correction of yours, the stance shift or why the stance is the same, and a routine change."""
    clauses, others = (pair.old, pair.new) if side is Side.OLD else (pair.new, pair.old)
    if not clauses:
        missing = [f"(not in the {side} text)", certainty_note(pair)]
        return [note for note in missing if note]
    notes = []
    if pair.status is Status.MOVED:
        notes.append(f"moved {'to' if side is Side.OLD else 'from'} {location(others)}")
    elif pair.status is Status.SPLIT:
        notes.append(
            f"split into {len(others)} at {location(others)}"
            if side is Side.OLD
            else f"split from {location(others)}"
        )
    elif pair.status is Status.MERGED:
        notes.append(
            f"merged into {location(others)}"
            if side is Side.OLD
            else f"merged from {len(others)} at {location(others)}"
        )
    if side is Side.NEW or not pair.new:  # the facts of the pair go under its last side
        facts = (corrected_note(pair), certainty_note(pair), shift_note(pair), "routine change" if pair.routine else "")
        notes.extend(note for note in facts if note)
    return [" ".join(printable(note).split()) for note in notes]


def wrap(runs: Sequence[Piece], width: int) -> tuple[tuple[Piece, ...], ...]:
    """Greedy word wrap of runs of words by terminal cells; a word wider than the line is cut.

    Neighbouring words with the same tag stay one piece, the space between them included.

    >>> wrap((("We", Tag.TEXT), ("note it", Tag.DELETE)), 7)
    ((('We ', <Tag.TEXT: 'text'>), ('note', <Tag.DELETE: 'delete'>)), (('it', <Tag.DELETE: 'delete'>),))
    >>> wrap((("abcdefgh", Tag.TEXT),), 3)
    ((('abc', <Tag.TEXT: 'text'>),), (('def', <Tag.TEXT: 'text'>),), (('gh', <Tag.TEXT: 'text'>),))
    """
    width = max(width, 2)
    if len(runs) == 1 and runs[0][0].isascii():
        text, tag = runs[0]
        return tuple(((line, tag),) for line in _wrap_ascii(text, width))
    lines: list[tuple[Piece, ...]] = []
    line: list[Piece] = []
    used = 0
    for word, tag in ((word, tag) for text, tag in runs for word in text.split(" ")):
        size = len(word) if word.isascii() else cell_len(word)
        if line and used + 1 + size > width:
            lines.append(tuple(line))
            line, used = [], 0
        if size > width:
            *whole, word = chop_cells(word, width)
            lines.extend(((chunk, tag),) for chunk in whole)
            size = cell_len(word)
        if line:
            # The space between two words is plain text unless both words share a tag.
            last_text, last_tag = line[-1]
            used += 1
            if last_tag is tag:
                line[-1] = (f"{last_text} {word}", tag)
                used += size
                continue
            if last_tag is Tag.TEXT:
                line[-1] = (last_text + " ", Tag.TEXT)
            elif tag is Tag.TEXT:
                word = " " + word
            else:
                line.append((" ", Tag.TEXT))
        line.append((word, tag))
        used += size
    if line:
        lines.append(tuple(line))
    return tuple(lines)


def _wrap_ascii(text: str, width: int) -> list[str]:
    """The same greedy wrap for one run of ASCII words (a cell per character), a row at a time.

    >>> _wrap_ascii("We note the plan abcdefghij", 7)
    ['We note', 'the', 'plan', 'abcdefg', 'hij']
    """
    lines = []
    start = 0
    while len(text) - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut < start:
            lines.append(text[start : start + width])
            start += width
        else:
            lines.append(text[start:cut])
            start = cut + 1
    lines.append(text[start:])
    return lines


def search_pattern(query: str) -> re.Pattern[str] | None:
    """A case-insensitive pattern for the query as typed, runs of spaces as one; None when blank.

    >>> search_pattern("  strong   opposition ").pattern
    'strong\\\\ opposition'
    """
    words = query.split()
    return re.compile(re.escape(" ".join(words)), re.IGNORECASE) if words else None


def matches_in(pairs: Sequence[Pair], pattern: re.Pattern[str]) -> tuple[int, ...]:
    """Indexes of the pairs with a clause, on either side, in which the pattern occurs."""
    return tuple(
        index
        for index, pair in enumerate(pairs)
        if any(pattern.search(" ".join(_clause_words(clause))) for clause in (*pair.old, *pair.new))
    )


def position_line(
    pair: Pair, index: int, shown: int, pin_old: tuple[Clause, ...], search: str, matches: int
) -> str:
    """The review screen's status line: where the selection is, how sure its pair is, a pin in
    progress and what the search found.

    >>> from compare.model import Status
    >>> added = Pair(Status.ADDED, (), (Clause("new", 4, 2, 5, 0, 9, "New text."),))
    >>> position_line(added, 0, 3, (), " drills ", 2)
    "pair 1 of 3  ·  + added  ·  new ¶2 s5  ·  2 pairs match 'drills'"
    """
    parts = [f"pair {index + 1} of {shown}", f"{STATUS_MARK[pair.status]} {pair.status}", pair_location(pair)]
    if is_unsure(pair):
        parts.append(f"{UNSURE_MARK} {certainty_note(pair)}")
    if pin_old:
        parts.append(f"pinning old {location(pin_old)}: m on its new clause, Esc cancels")
    if search.strip():
        parts.append(f"{counted(matches, 'pair')} {'matches' if matches == 1 else 'match'} '{search.strip()}'")
    return "  ·  ".join(parts)
