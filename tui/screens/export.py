"""The export dialog: asks where to write the Markdown report of the current view.

Suggests a file name, refuses folders and missing parent folders, and asks before replacing a
file that exists (``ConfirmScreen``). Dismisses with the chosen path, or None when cancelled;
the review screen does the writing.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from compare.safe import printable
from tui.screens.confirm import ConfirmScreen

__all__ = ["ExportScreen"]


class ExportScreen(ModalScreen[Path | None]):
    """Ask for the report's path; the chosen path is the screen's result."""

    CSS_PATH = "export.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without exporting")]

    def __init__(self, suggestion: str) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Label("Export the Markdown report of the current view to:")
            yield Input(self.suggestion, placeholder="file name", id="export-path")
            yield Label("", id="export-problem")
            yield Label("Enter exports, Escape cancels.", id="export-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self._problem("give a file name")
            return
        path = Path(event.value.strip()).expanduser()
        shown = printable(str(path))
        if path.is_dir():
            self._problem(f"'{shown}' is a folder: give a file name")
        elif not path.parent.is_dir():
            self._problem(f"there is no folder '{printable(str(path.parent))}'")
        elif path.exists():

            def answered(replace: bool | None) -> None:
                if replace:
                    self.dismiss(path)

            self.app.push_screen(ConfirmScreen(f"'{shown}' exists. Replace it?", yes="Replace"), answered)
        else:
            self.dismiss(path)

    def _problem(self, text: str) -> None:
        self.query_one("#export-problem", Label).update(Content(text))

    def action_cancel(self) -> None:
        self.dismiss(None)
