"""One side of the review, old or new: a Line API pane that draws its rows from ``tui.rows``.

The review screen gives both panes the same ``Rows`` (one block per shown pair, wrapped once per
width) and the current pair; each pane draws its side with ``render_line``, building a block's
strips only when it scrolls into view and caching them until the rows, the search or the theme
change. No widget is mounted per clause, so a document of a thousand clauses scrolls as fast as
one of ten. The pane reports what the user does to it (a click, a scroll, a resize) as messages.
"""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from compare.model import Pair, Status
from compare.safe import printable
from tui.rows import GUTTER, Line, Rows, Side, Tag, is_unsure, marks
from tui.text import fitted_title

__all__ = ["ClausePane"]

_WHOLE = frozenset({Status.UNCHANGED, Status.ADDED, Status.REMOVED})
"""Statuses that concern a clause as a whole: its text takes the status colour. In the other
pairs only the changed words are coloured."""

_CURSOR_BAR = "\u258c"


class ClausePane(ScrollView, can_focus=True, inherit_bindings=False):
    """The clauses of one document, in the rows both panes share."""

    COMPONENT_CLASSES = {
        *(f"clause-pane--{status}" for status in Status),
        *(f"clause-pane--{tag}" for tag in Tag if tag is not Tag.TEXT),
        "clause-pane--cursor",
        "clause-pane--cursor-bar",
        "clause-pane--match",
        "clause-pane--unsure",
    }

    DEFAULT_CSS = """
    ClausePane {
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
    }
    ClausePane > .clause-pane--unchanged { color: $text-muted; }
    ClausePane > .clause-pane--reworded { color: $text-warning; text-style: bold; }
    ClausePane > .clause-pane--moved { color: $text-accent; text-style: bold; }
    ClausePane > .clause-pane--split { color: $text-secondary; text-style: bold; }
    ClausePane > .clause-pane--merged { color: $text-secondary; text-style: bold; }
    ClausePane > .clause-pane--added { color: $text-success; }
    ClausePane > .clause-pane--removed { color: $text-error; }
    ClausePane > .clause-pane--delete { color: $text-error; background: $error 20%; text-style: strike; }
    ClausePane > .clause-pane--insert { color: $text-success; background: $success 20%; text-style: bold; }
    ClausePane > .clause-pane--note { color: $text-muted; text-style: italic; }
    ClausePane > .clause-pane--cursor { background: $boost; }
    ClausePane > .clause-pane--cursor-bar { color: $accent; }
    ClausePane > .clause-pane--match { text-style: reverse bold; }
    ClausePane > .clause-pane--unsure { text-style: dim; }
    ClausePane:focus > .clause-pane--cursor { background: $primary 20%; }
    """

    current: reactive[int] = reactive(0, init=False)
    """Index of the selected pair among the shown ones."""
    pattern: reactive[re.Pattern[str] | None] = reactive(None, init=False)
    """What to highlight: the search as a pattern, or None."""

    class Selected(Message):
        """The user clicked a pair."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index
            """Index of the pair among the shown ones."""

    class Scrolled(Message):
        """The user scrolled the pane (wheel or scrollbar); the other pane should follow."""

        def __init__(self, pane: ClausePane, row: int) -> None:
            super().__init__()
            self.pane = pane
            self.row = row
            """The first row in view."""

    class Resized(Message):
        """The pane changed size: the rows may need wrapping again."""

    def __init__(self, side: Side, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.side = side
        self.rows: Rows | None = None
        self.pairs: tuple[Pair, ...] = ()
        self._blocks: dict[int, list[Strip]] = {}
        self._scrolling_quietly = False
        self._heading: tuple[str, str | None] | None = None

    def set_heading(self, path: str, date: str | None) -> None:
        """Title the pane with its side, the document's path and date, fitted to its width."""
        self._heading = (printable(path), printable(date) if date else None)
        self._fit_heading()

    def _fit_heading(self) -> None:
        if self._heading is not None:
            path, date = self._heading
            self.border_title = Content(fitted_title(self.side, path, date, self.outer_size.width - 2))

    def show(self, rows: Rows, pairs: tuple[Pair, ...]) -> None:
        """Draw these rows, of these pairs (both in shown order)."""
        self.rows, self.pairs = rows, pairs
        self._blocks.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, rows.total)
        self.refresh()

    def text_width(self) -> int:
        """Cells left for text on a row, after the gutter."""
        return self.scrollable_content_region.width - GUTTER

    def pair_at(self, y: int) -> int | None:
        """Index of the pair drawn at row ``y`` of the pane (0 at its top), if any."""
        if self.rows is None or not self.pairs:
            return None
        return self.rows.pair_at(self.scroll_offset.y + y)

    def row_for_current(self, height: int) -> int:
        """The first row to show so that the current pair is in view, scrolling as little as needed.

        Args:
            height: rows in view (the screen passes the lower of both panes').
        """
        row = round(self.scroll_y)
        if self.rows is None or not 0 <= self.current < len(self.pairs):
            return row
        top, end = self.rows.span(self.current)
        if top < row:
            return top
        if end > row + height:
            return min(top, end - height)
        return row

    def follow(self, row: int) -> None:
        """Scroll to ``row`` at the screen's request, without reporting it as the user's scroll.

        Only the user's own scrolling is reported: if the panes reported what they are told to do,
        two panes of slightly different heights would keep correcting each other.
        """
        self._scrolling_quietly = True
        try:
            self.scroll_to(y=row, animate=False, immediate=True)
        finally:
            self._scrolling_quietly = False

    def watch_current(self, previous: int, current: int) -> None:
        for index in (previous, current):
            self._blocks.pop(self._block_of(index), None)
        self.refresh()

    def _block_of(self, index: int) -> int:
        """The block that shows the pair at ``index`` (in a stacked pane, a folded run's first)."""
        if self.rows is None or not 0 <= index < len(self.pairs):
            return index
        return self.rows.shown_at(index)

    def watch_pattern(self) -> None:
        self._blocks.clear()
        self.refresh()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value) and not self._scrolling_quietly:
            self.post_message(self.Scrolled(self, round(new_value)))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._blocks.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_heading()
        self.post_message(self.Resized())

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        index = None if offset is None else self.pair_at(offset.y)
        if index is not None:
            self.post_message(self.Selected(index))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = self.scroll_offset.y + y
        if self.rows is None or not self.pairs or row >= self.rows.total:
            return Strip.blank(width, self.rich_style)
        index = self.rows.pair_at(row)
        block = self._blocks.get(index)
        if block is None:
            block = self._blocks[index] = self._render_block(index)
        return block[row - self.rows.starts[index]].crop_extend(0, width, self.rich_style)

    def _render_block(self, index: int) -> list[Strip]:
        """The strips of one pair's block: its text rows, padding to the taller side, a gap."""
        assert self.rows is not None
        pair = self.pairs[index]
        selected = index == self._block_of(self.current)
        base = self.rich_style + (
            self.get_component_rich_style("clause-pane--cursor") if selected else Style()
        )
        lines = self.rows.lines(self.side, index)
        top, end = self.rows.span(index)
        strips = [self._render_line(line, pair, selected) for line in lines]
        strips.extend(self._render_line(Line(()), pair, selected) for _ in range(end - top - len(lines)))
        strips = [strip.apply_style(base) for strip in strips]
        strips.append(Strip.blank(0, self.rich_style))
        return strips

    def _render_line(self, line: Line, pair: Pair, selected: bool) -> Strip:
        """One row: cursor bar, status mark (and "?" when unsure) on a clause's first row, then
        the text pieces, dimmed when the pairing is unsure."""
        style = self.get_component_rich_style
        status = pair.status
        status_style = style(f"clause-pane--{status}", partial=True)
        bar = Text(_CURSOR_BAR if selected else " ", style("clause-pane--cursor-bar", partial=True))
        mark = Text(marks(pair, line), status_style)
        unsure = is_unsure(pair)
        body = Text(no_wrap=True, end="", style=style("clause-pane--unsure", partial=True) if unsure else "")
        for text, tag in line.pieces:
            if tag is Tag.TEXT:
                body.append(text, status_style if status in _WHOLE else None)
            else:
                body.append(text, style(f"clause-pane--{tag}", partial=True))
        if self.pattern is not None:
            body.highlight_regex(self.pattern, style("clause-pane--match", partial=True))
        return Strip(Text.assemble(bar, mark, body, no_wrap=True, end="").render(self.app.console))
