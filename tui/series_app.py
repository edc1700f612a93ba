"""The series app: the versions of a statement as a timeline of threads, in the terminal.

``jointdiff series --review`` reads and checks every version, then runs
``SeriesApp(documents, ...)``; the ``TimelineScreen`` it pushes compares the series in a
worker and shows one row per thread. Colour follows ``color`` or ``NO_COLOR`` exactly as in
``ReviewApp``, and nothing depends on it: the timeline's cells are signs.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.model import Document
from compare.options import Settings
from compare.series.select import ThreadFilter
from tui.base import JointdiffApp
from tui.screens.timeline import TimelineScreen

__all__ = ["SeriesApp"]


class SeriesApp(JointdiffApp):
    """A statement's versions, each clause followed through them."""

    TITLE = "jointdiff series"

    def __init__(
        self,
        documents: Sequence[Document],
        *,
        order: str = "date",
        since: str | None = None,
        until: str | None = None,
        thread_filter: ThreadFilter | None = None,
        settings: Settings | None = None,
        color: bool | None = None,
    ) -> None:
        """Review the series of ``documents``.

        Args:
            order, since, until: as for ``compare.series.build.compare_series``.
            thread_filter: the threads the timeline shows; all when None.
            settings: how to compare (the command's options); the defaults when None.
            color: True or False turns colour on or off; None follows ``NO_COLOR``.
        """
        super().__init__(color=color)
        self.documents = tuple(documents)
        self.order = order
        self.since = since
        self.until = until
        self.thread_filter = thread_filter or ThreadFilter()
        self.settings = settings or Settings()

    def on_mount(self) -> None:
        self.push_screen(
            TimelineScreen(
                self.documents,
                order=self.order,
                since=self.since,
                until=self.until,
                thread_filter=self.thread_filter,
                settings=self.settings,
                marked=self.no_color,
            )
        )
