"""The timeline screen: one row per thread of a series, one column per version.

On mount it compares the series in a worker (``compare.series.build.compare_series``) behind a
loading indicator; when it is ready, a ``DataTable`` shows each thread's change in each version
as the terminal timeline does (``compare.series.common.cell_sign``: ``=`` unchanged, ``~``
reworded, ``▲`` hardened ...), and the latest wording. ``Enter`` opens the selected thread's
wording in every version (``ThreadScreen``); ``c`` shows only threads that changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, WorkerState

from compare.model import Document
from compare.options import Settings
from compare.safe import plain, printable
from compare.series.common import LEGEND, cell_sign, summary_line, thread_text, version_line
from compare.series.model import Series, Thread
from compare.series.select import ThreadFilter
from tui.screens.thread import ThreadScreen

__all__ = ["TimelineScreen"]

_WORDING_WIDTH = 160
"""Characters of a thread's wording shown in its row (the detail screen shows it all)."""


class TimelineScreen(Screen[None]):
    """The threads of a series as a table, and the way into each one."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [
        Binding("enter", "open_thread", "Thread", tooltip="Show the selected thread's wording in every version"),
        Binding("c", "toggle_changes", "Changes only", tooltip="Show only threads that changed, or all again"),
    ]

    series: var[Series | None] = var(None, init=False)
    """The compared series; None while it is compared."""
    thread_filter: var[ThreadFilter] = var(ThreadFilter(), init=False)
    """Which threads the table shows."""

    class Ready(Message):
        """The series has been compared."""

        def __init__(self, series: Series) -> None:
            super().__init__()
            self.series = series

    def __init__(
        self,
        documents: Sequence[Document],
        *,
        order: str = "date",
        since: str | None = None,
        until: str | None = None,
        thread_filter: ThreadFilter | None = None,
        settings: Settings | None = None,
        marked: bool = False,
    ) -> None:
        super().__init__()
        self.documents = tuple(documents)
        self.order = order
        self.since = since
        self.until = until
        self.settings = settings or Settings()
        self.marked = marked
        self.set_reactive(TimelineScreen.thread_filter, thread_filter or ThreadFilter())
        self.shown: tuple[Thread, ...] = ()
        """The threads the filter lets through, in order."""

    @property
    def current_thread(self) -> Thread | None:
        """The thread under the cursor, or None when no thread is shown."""
        table = self.query_one("#timeline", DataTable)
        if not self.shown or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def compose(self) -> ComposeResult:
        yield Static(id="versions")
        yield DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        yield Static(id="legend")
        yield Static(id="status-line")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#versions", Static).border_title = "Versions"
        self.query_one("#legend", Static).update(Content(LEGEND))
        table = self.query_one("#timeline", DataTable)
        table.loading = True
        table.focus()
        self.compare_in_background()

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def compare_in_background(self) -> None:
        """Compare the series off the event loop and post the result."""
        from compare.series.build import compare_series

        series = compare_series(
            self.documents, order=self.order, since=self.since, until=self.until, settings=self.settings
        )
        self.post_message(self.Ready(series))

    def on_timeline_screen_ready(self, message: Ready) -> None:
        self.query_one("#timeline", DataTable).loading = False
        self.series = message.series

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.group == "compare":
            self.query_one("#timeline", DataTable).loading = False
            text = f"could not compare the series: {event.worker.error}"
            self._status(text)
            self.notify(printable(text), severity="error", timeout=30, markup=False)

    def watch_series(self, series: Series) -> None:
        self.query_one("#versions", Static).update(
            Content("\n".join(plain(version_line(version)) for version in series.versions))
        )
        self._refill()

    def watch_thread_filter(self) -> None:
        self._refill()

    def _refill(self) -> None:
        """Fill the table with the threads the filter lets through."""
        if self.series is None:
            return
        series = self.series
        self.shown = self.thread_filter.apply(series)
        table = self.query_one("#timeline", DataTable)
        table.clear(columns=True)
        table.add_column("thread", key="thread")
        for version in series.versions:
            table.add_column(str(version.index + 1), key=version.id)
        table.add_column("wording (latest)", key="wording")
        for thread in self.shown:
            wording = plain(thread_text(thread))
            if len(wording) > _WORDING_WIDTH:
                wording = wording[: _WORDING_WIDTH - 1] + "\u2026"
            table.add_row(
                str(thread.number), *(cell_sign(step) for step in thread.steps), wording, key=str(thread.number)
            )
        self._status(summary_line(series, self.shown))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_thread()

    def action_open_thread(self) -> None:
        thread = self.current_thread
        if thread is None or self.series is None:
            return
        self.app.push_screen(ThreadScreen(self.series, thread, marked=self.marked))

    def action_toggle_changes(self) -> None:
        self.thread_filter = replace(self.thread_filter, only_changes=not self.thread_filter.only_changes)

    def _status(self, text: str) -> None:
        self.query_one("#status-line", Static).update(Content(printable(text)))
