"""What the review app and the series app share: the keys to quit and for help, colour that
follows ``--color/--no-color`` before ``NO_COLOR``, and a calm loading indicator."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App
from textual.binding import Binding
from textual.filter import LineFilter, Monochrome, NoColor
from textual.widget import Widget

from tui.widgets.loading import CalmLoadingIndicator

__all__ = ["JointdiffApp"]

_MONOCHROME = Monochrome()


class JointdiffApp(App[None]):
    """A jointdiff app: ``color`` True or False turns colour on or off; None follows ``NO_COLOR``."""

    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave the review"),
        Binding("question_mark", "show_help_panel", "Help", tooltip="Show every key and what it does"),
    ]

    def __init__(self, *, color: bool | None = None) -> None:
        super().__init__()
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
