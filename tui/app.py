"""The review app: holds the two documents and the global keys, and opens the review screen.

``jointdiff review`` reads and checks both documents, then runs ``ReviewApp(old, new)``; the
``ReviewScreen`` it pushes runs the pipeline and does the rest. Colour is turned off by
``color=False`` (the command's ``--no-color``) or the ``NO_COLOR`` environment variable, and on
by ``color=True`` whatever the environment says. Without colour the app is drawn in shades of
grey and changed words are spelled out with git's word-diff markers: nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App
from textual.binding import Binding
from textual.filter import LineFilter, Monochrome, NoColor
from textual.widget import Widget

from compare.model import Document
from compare.options import Settings
from tui.screens.review import ReviewScreen
from tui.widgets.loading import CalmLoadingIndicator

__all__ = ["ReviewApp"]

_MONOCHROME = Monochrome()


class ReviewApp(App[None]):
    """Side-by-side review of how a statement changed between two versions."""

    TITLE = "jointdiff review"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave the review"),
        Binding("question_mark", "show_help_panel", "Help", tooltip="Show every key and what it does"),
    ]

    def __init__(
        self, old: Document, new: Document, *, color: bool | None = None, settings: Settings | None = None
    ) -> None:
        """Review ``old`` against ``new``.

        Args:
            color: True or False turns colour on or off; None follows ``NO_COLOR``.
            settings: how to compare (the command's options); the defaults when None.
        """
        super().__init__()
        self.old = old
        self.new = new
        self.settings = settings or Settings()
        if color is not None:
            self.no_color = not color

    def get_loading_widget(self) -> Widget:
        """The indicator shown while the comparison runs: redrawn a few times a second, so
        that it leaves the worker thread the interpreter."""
        return CalmLoadingIndicator()

    def get_line_filters(self) -> Sequence[LineFilter]:
        # Textual adds its own filter when NO_COLOR is set; ours follows no_color instead, so
        # that an explicit --color can win over the environment.
        filters = [f for f in super().get_line_filters() if not isinstance(f, Monochrome | NoColor)]
        return [*filters, _MONOCHROME] if self.no_color else filters

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.old, self.new, marked=self.no_color, settings=self.settings))
