"""The review screen: old and new side by side, a summary that filters, search, detail, export.

It lays out the widgets and coordinates them; they draw. On mount it runs the pipeline
(``compare.options.Settings.compare``) in a worker behind a loading indicator, and when the comparison
is ready it owns the state every widget shows: the filter (a ``compare.filters.PairFilter``), the
pairs it lets through, the current pair and the search. It hands both panes the same rows (wrapped
once per width by ``tui.rows``) so they stay aligned, keeps their scrolling in step, and gives the
sidebar fresh counts (``tui.facets``) whenever the filter changes. Wide terminals put the panes
side by side; narrow ones (under 120 columns) stack them, and then each pane has rows of its
own (``tui.rows.layout_side``), a run of clauses only the other side has folded into one row.

The first comparison opens the key changes over it (``KeyChangesScreen``; ``K`` again). The
corrections keys (m pin, b break, w stance) save to the corrections file and run the pipeline
again in a worker (``tui.corrections`` does the file), keeping the selection on the same clauses;
corrections that no longer apply (``Comparison.warnings``) are notified. Its keys are listed in
``tui.screens.review_keys``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState

from compare.corrections import Correction
from compare.filters import PairFilter
from compare.model import Clause, Comparison, Document, Pair, Shift, Status
from compare.options import Settings
from compare.render.common import location, pair_location
from compare.report import render_report
from compare.safe import printable
from tui.commands import ReviewCommands
from tui.corrections import Anchor, anchor_of, correction, pair_holding, save_correction, where_to_save
from tui.facets import Facet, Summary, named_most_first, summarise, toggled
from tui.rows import (
    Rows,
    Side,
    layout_rows,
    layout_side,
    matches_in,
    position_line,
    search_pattern,
)
from tui.screens.confirm import ConfirmScreen
from tui.screens.export import ExportScreen
from tui.screens.key_changes import KeyChangesScreen
from tui.screens.review_keys import REVIEW_BINDINGS
from tui.screens.stance import StanceScreen
from tui.text import quoted_start
from tui.widgets.clause_pane import ClausePane
from tui.widgets.detail_panel import DetailPanel
from tui.widgets.summary_sidebar import SummarySidebar

__all__ = ["ReviewScreen"]

_NAMED = (Facet.TARGETS, Facet.TOPICS, Facet.SPEAKERS)
"""Facets whose values are the names the documents use."""


class ReviewScreen(Screen[None]):
    """Two aligned panes, the summary sidebar, the detail panel and the search bar."""

    CSS_PATH = ["review.tcss", "key_changes.tcss"]  # the key changes' styles read ahead, while comparing
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    COMMANDS = Screen.COMMANDS | {ReviewCommands}
    BINDINGS = REVIEW_BINDINGS

    comparison: var[Comparison | None] = var(None, init=False)
    """The pipeline's result; None while it runs."""
    pair_filter: var[PairFilter] = var(PairFilter(), init=False)
    """What the view shows, as the sidebar and the filter keys set it."""
    current: var[int] = var(0, init=False, always_update=True)
    """Index of the selected pair among the shown ones."""
    search_text: var[str] = var("", init=False)
    """The search as typed; "" for none."""

    class Ready(Message):
        """The pipeline has compared the documents (again, after a correction)."""

        def __init__(self, comparison: Comparison, anchor: Anchor | None = None, saved: str = "") -> None:
            super().__init__()
            self.comparison = comparison
            self.anchor = anchor
            """The clauses to select in the new comparison; None: those selected now."""
            self.saved = saved
            """What was saved to the corrections file before comparing, or ""."""

    class Exported(Message):
        """The report of the view has been written."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(
        self,
        old: Document,
        new: Document,
        *,
        marked: bool = False,
        settings: Settings | None = None,
        first: Callable[[], Comparison] | None = None,
    ) -> None:
        """Review ``old`` against ``new``; ``marked`` spells changes out for monochrome views;
        ``settings`` says how to compare (the defaults when None); ``first``, when given, gives
        the first comparison, already under way elsewhere (``compare.ahead``)."""
        super().__init__()
        self.old = old
        self.new = new
        self.settings = settings or Settings()
        self._first = first
        self.marked = marked
        self.shown: tuple[Pair, ...] = ()
        """The pairs the filter lets through, in the new document's order."""
        self.matches: tuple[int, ...] = ()
        """Indexes (among the shown pairs) of the pairs the search finds."""
        self.summary: Summary | None = None
        self._rows: Rows | None = None
        """The new pane's rows (the old pane's too, side by side)."""
        self._stacked = False
        self._anchor: Anchor | None = None
        """The clauses the selection stays on when a new comparison comes in."""
        self.pin_old: tuple[Clause, ...] = ()
        """Old clauses marked with m, waiting for the new clauses to pin them to."""
        self._names: dict[str, tuple[str, ...]] = {}
        """The targets, topics and speakers the sidebar offers, by facet."""
        self._positions: dict[int, int] = {}
        self._key_changes_due = False
        """The first comparison is in and the key changes are about to open over this screen."""

    @property
    def current_pair(self) -> Pair | None:
        """The selected pair, or None when no pair is shown."""
        return self.shown[self.current] if self.shown else None

    @property
    def detail_open(self) -> bool:
        """Whether the detail panel is showing."""
        return self.has_class("-detail")

    @property
    def searching(self) -> bool:
        """Whether the search bar is open."""
        return self.has_class("-searching")

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield SummarySidebar(id="summary")
            with Vertical(id="main"):
                with Container(id="panes"):
                    yield ClausePane(Side.OLD, id="old-pane")
                    yield ClausePane(Side.NEW, id="new-pane")
                yield DetailPanel(id="detail")
                yield Input(placeholder="Search both texts; Enter to jump, Escape to clear", id="search")
        yield Static(id="status-line")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        for pane, document in zip(self._panes(), (self.old, self.new), strict=True):
            pane.set_heading(document.path, document.date)
        self.query_one("#summary").border_title = "Summary"
        self.query_one("#panes").loading = True
        self.query_one("#new-pane").focus()
        self.compare_in_background()

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def compare_in_background(self) -> None:
        """Run the pipeline (or wait for the one under way) off the event loop; post the result."""
        first, self._first = self._first, None
        self.post_message(self.Ready(first() if first is not None else self.settings.compare(self.old, self.new)))

    def on_review_screen_ready(self, message: Ready) -> None:
        self.query_one("#panes").loading = False
        previous = self.comparison
        pair = self.current_pair
        self._anchor = message.anchor or (anchor_of(pair.old, pair.new) if pair else None)
        self.comparison = message.comparison
        if message.saved:
            self._tell(message.saved, timeout=6)
        for warning in message.comparison.warnings:
            if previous is None or warning not in previous.warnings:
                self._tell(warning, severity="warning", timeout=20)
        if previous is None:  # once the comparison is laid out here, so the screen under it is settled
            self._key_changes_due = True
            self.call_after_refresh(self.action_key_changes)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        if event.worker.group == "compare":
            self.query_one("#panes").loading = False
            self._status(f"could not compare the documents: {event.worker.error}")
            self._tell(f"could not compare the documents: {event.worker.error}", severity="error", timeout=30)
        elif event.worker.group == "export":
            self._tell(f"could not export: {event.worker.error}", severity="error", timeout=10)
        elif event.worker.group == "correct":
            self.query_one("#panes").loading = False
            self._tell(f"could not save the correction: {event.worker.error}", severity="error", timeout=20)

    def watch_comparison(self, comparison: Comparison) -> None:
        pairs = comparison.pairs
        self._positions = {id(pair): position for position, pair in enumerate(pairs)}
        self._names = {str(facet): named_most_first(pairs, facet) for facet in _NAMED}
        self.shown = ()
        self._refilter(near=pair_holding(pairs, self._anchor))

    def watch_pair_filter(self) -> None:
        self._refilter()

    def watch_current(self, current: int) -> None:
        for pane in self._panes():
            pane.current = current
        self._scroll_to_current()
        if self.detail_open:
            self.query_one(DetailPanel).show_pair(self.current_pair)
        self._show_position()

    def watch_search_text(self, search_text: str) -> None:
        pattern = search_pattern(search_text)
        self.matches = matches_in(self.shown, pattern) if pattern else ()
        for pane in self._panes():
            pane.pattern = pattern
        self._show_position()

    def _refilter(self, near: Pair | None = None) -> None:
        """Apply the filter: new shown pairs, rows, counts and matches; keep the selection near
        the selected pair (or near ``near``, a pair of a new comparison)."""
        if self.comparison is None:
            return
        previous = near or self.current_pair
        pairs = self.comparison.pairs
        self.shown = self.pair_filter.apply(pairs)
        self.summary = summarise(pairs, self.pair_filter, **self._names)
        self.query_one(SummarySidebar).show_summary(self.summary)
        pattern = search_pattern(self.search_text)
        self.matches = matches_in(self.shown, pattern) if pattern else ()
        self._rows = None
        self._relayout()
        self.current = self._index_near(previous)

    def _index_near(self, pair: Pair | None) -> int:
        """Where the pair is among the shown ones, or the first shown pair after where it was."""
        if pair is None or not self.shown:
            return 0
        shown_positions = [self._positions[id(shown)] for shown in self.shown]
        return min(bisect_left(shown_positions, self._positions[id(pair)]), len(self.shown) - 1)

    def _relayout(self) -> None:
        """Wrap the shown pairs for the panes' width, unless they already are.

        While the loading indicator covers them the panes have no width yet; their first
        ``Resized`` brings them back here. While a screen hides this one (the key changes, which
        the first comparison opens over it) nothing is wrapped: wrapping a long pair of documents
        takes a good part of a tenth of a second, and the rows are built when this screen shows
        again (``on_screen_resume``), at the width it then has. Nor are they between the first
        comparison coming in and the key changes opening over it.
        """
        width = min(pane.text_width() for pane in self._panes())
        if self.comparison is None or width <= 0 or self.hidden or self._key_changes_due:
            return
        stacked = self.stacked
        if self._rows is not None and self._rows.width == width and self._stacked == stacked:
            return
        if stacked:
            layouts = {side: layout_side(self.shown, side, width, marked=self.marked) for side in Side}
        else:
            shared = layout_rows(self.shown, width, marked=self.marked)
            layouts = {side: shared for side in Side}
        for pane in self._panes():
            pane.show(layouts[pane.side], self.shown)
        self._rows, self._stacked = layouts[Side.NEW], stacked
        self._scroll_to_current()

    @property
    def hidden(self) -> bool:
        """Whether a screen above this one hides it: one with an opaque background, as the key
        changes have (a dialog's background lets this screen show through)."""
        stack = self.app.screen_stack
        above = stack[stack.index(self) + 1 :] if self in stack else []
        return any(screen.styles.background.a == 1 for screen in above)

    @property
    def stacked(self) -> bool:
        """Whether the panes are one above the other (a narrow terminal), each with its own rows."""
        return self.has_class("-narrow")

    def _scroll_to_current(self) -> None:
        """Bring the current pair into view in both panes: at the same row side by side, where
        each pane shows it when stacked."""
        old_pane, new_pane = self._panes()
        if old_pane.rows is not new_pane.rows:
            for pane in (old_pane, new_pane):
                pane.follow(pane.row_for_current(max(pane.scrollable_content_region.height, 1)))
            return
        height = min(old_pane.scrollable_content_region.height, new_pane.scrollable_content_region.height)
        row = new_pane.row_for_current(max(height, 1))
        old_pane.follow(row)
        new_pane.follow(row)

    def on_screen_resume(self) -> None:
        self._relayout()

    def on_clause_pane_resized(self) -> None:
        self._relayout()
        self._scroll_to_current()

    def on_clause_pane_scrolled(self, message: ClausePane.Scrolled) -> None:
        for pane in self._panes():
            if pane is not message.pane and pane.rows is not None and message.pane.rows is not None:
                pane.follow(message.pane.rows.same_place(message.row, pane.rows))

    def on_clause_pane_selected(self, message: ClausePane.Selected) -> None:
        self.current = message.index

    def on_summary_sidebar_toggled(self, message: SummarySidebar.Toggled) -> None:
        self.toggle_filter(message.facet, message.value)

    def toggle_filter(self, facet: Facet | str, value: Hashable = True) -> None:
        """Switch one filter value on or off (a switch such as "only_changes" takes no value)."""
        facet = Facet(facet)
        if facet is Facet.STATUSES:
            value = Status(value)
        elif facet is Facet.SHIFTS:
            value = Shift(value)
        self.pair_filter = toggled(self.pair_filter, facet, value)

    def action_toggle_filter(self, facet: str, value: str | None = None) -> None:
        self.toggle_filter(facet, True if value is None else value)

    def action_clear_filters(self) -> None:
        self.pair_filter = PairFilter()

    def action_switch_focus(self) -> None:
        sidebar = self.query_one(SummarySidebar)
        (self.query_one("#new-pane") if sidebar.has_focus else sidebar).focus()

    def _move_to(self, index: int | None, nothing: str) -> None:
        """Select the pair at ``index``, or say ``nothing`` (there is no such pair)."""
        if index is None:
            self._tell(nothing)
        else:
            self.current = index

    def action_next_change(self) -> None:
        later = (k for k in range(self.current + 1, len(self.shown)) if self.shown[k].has_changes)
        self._move_to(next(later, None), "no change after this pair")

    def action_previous_change(self) -> None:
        earlier = (k for k in range(self.current - 1, -1, -1) if self.shown[k].has_changes)
        self._move_to(next(earlier, None), "no change before this pair")

    def action_next_pair(self) -> None:
        if self.current + 1 < len(self.shown):
            self.current += 1

    def action_previous_pair(self) -> None:
        if self.current > 0:
            self.current -= 1

    def action_first_pair(self) -> None:
        if self.shown:
            self.current = 0

    def action_last_pair(self) -> None:
        if self.shown:
            self.current = len(self.shown) - 1

    def action_next_page(self) -> None:
        self._page(+1)

    def action_previous_page(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Select the pair a screenful of rows away."""
        if self._rows is None or not self.shown:
            return
        height = self.query_one("#new-pane", ClausePane).scrollable_content_region.height
        self.current = self._rows.pair_at(self._rows.starts[self.current] + direction * max(height, 1))

    def action_start_search(self) -> None:
        self.add_class("-searching")
        search = self.query_one("#search", Input)
        search.value = self.search_text
        search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.search_text = event.value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        self._close_search()
        if self.matches:
            self._jump_to_match(+1, from_current=True)
        elif self.search_text.strip():
            self._tell(f"no pair holds '{self.search_text.strip()}'")

    def _close_search(self) -> None:
        self.remove_class("-searching")
        self.query_one("#new-pane").focus()

    def action_next_match(self) -> None:
        self._jump_to_match(+1)

    def action_previous_match(self) -> None:
        self._jump_to_match(-1)

    def _jump_to_match(self, direction: int, *, from_current: bool = False) -> None:
        """Select the next (or previous) matching pair, going round at either end."""
        if not self.matches:
            self._tell("no search matches: press / to search")
            return
        if direction > 0:
            start = self.current if from_current else self.current + 1
            self.current = self.matches[bisect_left(self.matches, start) % len(self.matches)]
        else:
            self.current = self.matches[bisect_left(self.matches, self.current) - 1]

    def action_toggle_detail(self) -> None:
        self.toggle_class("-detail")
        if self.detail_open:
            self.query_one(DetailPanel).show_pair(self.current_pair)

    def action_close(self) -> None:
        """Close or clear one thing, the most recently opened first: the search bar, the detail
        panel, a clause marked for pinning, a search already submitted (its highlights and
        matches), then the help."""
        if self.searching:
            self.search_text = ""
            self._close_search()
        elif self.detail_open:
            self.remove_class("-detail")
        elif self.pin_old:
            self.pin_old = ()
            self._show_position()
        elif self.search_text:
            self.search_text = ""
        else:
            self.app.action_hide_help_panel()

    def action_key_changes(self) -> None:
        """Show the key changes; the one chosen is selected here."""
        if self.comparison is not None:
            self.app.push_screen(KeyChangesScreen(self.comparison), self.go_to_pair)
        self._key_changes_due = False

    def go_to_pair(self, pair: Pair | None) -> None:
        """Select this pair of the comparison, clearing the filters if they hide it."""
        if pair is None or self.comparison is None:
            return
        if not any(held is pair for held in self.comparison.pairs):  # compared again meanwhile
            pair = pair_holding(self.comparison.pairs, anchor_of(pair.old, pair.new))
            if pair is None:
                return
        if not any(shown is pair for shown in self.shown):
            self.pair_filter = PairFilter()
            self._tell("filters cleared to show the pair")
        self.current = next(index for index, shown in enumerate(self.shown) if shown is pair)

    def action_mark_pin(self) -> None:
        """m on an old clause marks it; m on a new clause asks to pin the two as a pair."""
        pair = self.current_pair
        if pair is None or not self._can_save():
            return
        if not self.pin_old:
            if not pair.old:
                self._tell("this pair has no old clause: select the old clause to pin, then press m")
                return
            self.pin_old = pair.old
            self._tell(f"marked old {location(pair.old)}: select the new clause it matches and press m (Esc cancels)")
            self._show_position()
            return
        if not pair.new:
            self._tell("this pair has no new clause: select the new clause to pin to, then press m")
            return
        old, new = self.pin_old, pair.new
        question = f"Pin old {location(old)} {quoted_start(old)} to new {location(new)} {quoted_start(new)}? They will always pair."
        self._confirm(question, "Pin", correction("pin", old, new), anchor_of(old, new))

    def action_break_pair(self) -> None:
        """Ask to break the selected pair: its clauses will never pair."""
        pair = self.current_pair
        if pair is None or not self._can_save():
            return
        if not (pair.old and pair.new):
            self._tell("only a pair with an old and a new clause can be broken")
            return
        question = (
            f"Break the pair {pair_location(pair)}: old {quoted_start(pair.old)} and new {quoted_start(pair.new)}? "
            "They will never pair."
        )
        self._confirm(question, "Break", correction("break", pair.old, pair.new), anchor_of(pair.old, pair.new))

    def action_correct_stance(self) -> None:
        """Ask what the stance of the selected pair really did, and save that reading."""
        pair = self.current_pair
        if pair is None or not self._can_save():
            return
        if not (pair.old and pair.new):
            self._tell("only a pair with an old and a new clause has a stance shift to correct")
            return

        def chosen(reading: str | None) -> None:
            if reading:
                self._save(correction("stance", pair.old, pair.new, reading), anchor_of(pair.old, pair.new))

        self.app.push_screen(StanceScreen(pair), chosen)

    def _can_save(self) -> bool:
        """Whether corrections can be kept; if not, say why."""
        path, why_not = where_to_save(self.settings, self.new)
        if path is None:
            self._tell(f"{why_not}: not saved", severity="warning", timeout=10)
        return path is not None

    def _confirm(self, question: str, yes: str, item: Correction, anchor: Anchor | None) -> None:
        """Ask, and save the correction if the answer is yes."""

        def answered(agreed: bool | None) -> None:
            if agreed:
                self._save(item, anchor)

        self.app.push_screen(ConfirmScreen(printable(question), yes=yes), answered)

    def _save(self, item: Correction, anchor: Anchor | None) -> None:
        path, _ = where_to_save(self.settings, self.new)
        if path is None:
            return
        self.pin_old = ()
        self.query_one("#panes").loading = True
        self.correct_in_background(path, item, anchor)

    @work(thread=True, exclusive=True, group="correct", exit_on_error=False)
    def correct_in_background(self, path: str, item: Correction, anchor: Anchor | None) -> None:
        """Add the correction to the file, then compare again with it and post the result."""
        save_correction(path, item)
        comparison = self.settings.compare(self.old, self.new)
        self.post_message(self.Ready(comparison, anchor, saved=f"saved to '{path}': {item.describe()}"))

    def action_copy_clause(self) -> None:
        pair = self.current_pair
        if pair is None:
            return
        clauses = pair.new or pair.old
        self.app.copy_to_clipboard(" ".join(clause.text for clause in clauses))
        self._tell(f"copied the {'new' if pair.new else 'old'} text of {clauses[0].id}")

    def action_export(self) -> None:
        if self.comparison is None:
            return
        stem = Path(self.new.path).stem if self.new.path != "-" else "review"
        self.app.push_screen(ExportScreen(f"{stem}-review.md"), self._export_chosen)

    def _export_chosen(self, path: Path | None) -> None:
        if path is not None and self.comparison is not None:
            self.export_in_background(path, self.comparison, self.pair_filter)

    @work(thread=True, group="export", exit_on_error=False)
    def export_in_background(self, path: Path, comparison: Comparison, pair_filter: PairFilter) -> None:
        """Write the Markdown report of the filtered comparison to ``path`` (replacing it was agreed)."""
        path.write_text(
            render_report(comparison, fmt="markdown", pair_filter=pair_filter), encoding="utf-8", newline="\n"
        )
        self.post_message(self.Exported(path))

    def on_review_screen_exported(self, message: Exported) -> None:
        self._tell(f"wrote {message.path}")

    def _panes(self) -> tuple[ClausePane, ClausePane]:
        return self.query_one("#old-pane", ClausePane), self.query_one("#new-pane", ClausePane)

    def _show_position(self) -> None:
        """Say where the selection is, and what the search found."""
        pair = self.current_pair
        if pair is None:
            self._status("no pair passes the filters: x clears them" if self.comparison else "")
            return
        line = position_line(pair, self.current, len(self.shown), self.pin_old, self.search_text, len(self.matches))
        self._status(line)

    def _status(self, text: str) -> None:
        self.query_one("#status-line", Static).update(Content(printable(text)))

    def _tell(self, text: str, *, severity: SeverityLevel = "information", timeout: float = 3) -> None:
        """A notification; its text may hold document text or file names, so it is never markup."""
        self.notify(printable(text), severity=severity, timeout=timeout, markup=False)

