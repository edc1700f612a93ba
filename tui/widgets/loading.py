"""A loading indicator that redraws a few times a second, not sixteen.

While the comparison runs in a worker thread, every redraw of Textual's indicator takes the
interpreter lock from it: on the G7 pair the stock indicator redrew some 33 times and slowed
the comparison it waited for. This one animates at REDRAWS_PER_SECOND, which still reads as
alive.
"""

from __future__ import annotations

from textual.events import Mount
from textual.widgets import LoadingIndicator

__all__ = ["REDRAWS_PER_SECOND", "CalmLoadingIndicator"]

REDRAWS_PER_SECOND = 4


class CalmLoadingIndicator(LoadingIndicator):
    """Textual's loading indicator, redrawn REDRAWS_PER_SECOND times a second."""

    def on_mount(self, event: Mount) -> None:
        # Textual runs every class's mount handler, the stock one last (it sets 1/16 s), so
        # the rate is set once the handlers have run.
        del event
        self.call_next(self._calm)

    def _calm(self) -> None:
        self.auto_refresh = 1 / REDRAWS_PER_SECOND
