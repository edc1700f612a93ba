"""The review app: holds the two documents and the global keys, and opens the review screen.

``jointdiff review`` reads and checks both documents, then runs ``ReviewApp(old, new)``; the
``ReviewScreen`` it pushes runs the pipeline and does the rest. Colour is turned off by
``color=False`` (the command's ``--no-color``) or the ``NO_COLOR`` environment variable, and on
by ``color=True`` whatever the environment says. Without colour the app is drawn in shades of
grey and changed words are spelled out with git's word-diff markers: nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Callable

from compare.model import Comparison, Document
from compare.options import Settings
from tui.base import JointdiffApp
from tui.screens.review import ReviewScreen

__all__ = ["ReviewApp"]


class ReviewApp(JointdiffApp):
    """Side-by-side review of how a statement changed between two versions."""

    TITLE = "jointdiff review"

    def __init__(
        self,
        old: Document,
        new: Document,
        *,
        color: bool | None = None,
        settings: Settings | None = None,
        first: Callable[[], Comparison] | None = None,
    ) -> None:
        """Review ``old`` against ``new``.

        Args:
            color: True or False turns colour on or off; None follows ``NO_COLOR``.
            settings: how to compare (the command's options); the defaults when None.
            first: gives the first comparison, already under way (``compare.ahead``); when
                None the review screen runs it.
        """
        super().__init__(color=color)
        self.old = old
        self.new = new
        self.settings = settings or Settings()
        self.first = first

    def on_mount(self) -> None:
        self.push_screen(
            ReviewScreen(self.old, self.new, marked=self.no_color, settings=self.settings, first=self.first)
        )
