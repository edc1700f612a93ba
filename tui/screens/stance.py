"""The stance dialog: what the analyst reads in a pair's stance, when the engine's claim is wrong.

Shows the engine's claim (``compare.render.common.shift_note``) and offers the four readings a
corrections file can hold: stronger, weaker, same or mixed. Dismisses with the chosen one (a
``compare.corrections.SHIFTS`` value), or None when cancelled; the review screen saves it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from compare.model import Pair
from compare.render.common import pair_location, shift_note
from compare.safe import printable

__all__ = ["READINGS", "StanceScreen"]

READINGS = (
    ("stronger", "h", "Hardened"),
    ("weaker", "s", "Softened"),
    ("same", "equals_sign", "Same"),
    ("mixed", "m", "Mixed"),
)
"""Each reading: its value in the corrections file, its key, and its button's word."""

_KEY_SHOWN = {"equals_sign": "="}


class StanceScreen(ModalScreen[str | None]):
    """Ask how the pair's stance really moved; the answer is the screen's result."""

    CSS_PATH = "stance.tcss"
    BINDINGS = [
        *(
            Binding(key, f"choose('{value}')", word, tooltip=f"The stance is {value}: save that")
            for value, key, word in READINGS
        ),
        Binding("escape", "choose(None)", "Cancel", tooltip="Close without correcting"),
    ]

    def __init__(self, pair: Pair) -> None:
        super().__init__()
        self.pair = pair

    def compose(self) -> ComposeResult:
        claim = shift_note(self.pair) or "same stance"
        with Vertical(id="stance-dialog"):
            yield Label(
                Content(printable(f"Pair {pair_location(self.pair)}: the engine says {claim}")),
                id="stance-claim",
            )
            yield Label("What do you read? Your reading is saved and shown as corrected by you.")
            with Horizontal(id="stance-buttons"):
                for value, key, word in READINGS:
                    yield Button(f"{word} ({_KEY_SHOWN.get(key, key)})", id=f"stance-{value}")
            yield Label("Escape cancels.", id="stance-hint")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("stance-") or None)

    def action_choose(self, value: str | None) -> None:
        self.dismiss(value)
