"""The key changes screen: what the review shows first, the changes a reader must not miss.

``compare.keychanges.key_changes`` ranks them (dropped and new concerns, commitments, calls and
decisions, and sure stance shifts, grouped by the country or body they name); this screen lists
them in that order, each with the headline and text the report gives it (``key_headline``,
``key_text``), and the uncertain ones apart below, each marked "?" with how sure the engine is.
Enter on one dismisses the screen with its pair, which the review screen then selects in the
side-by-side view; Escape dismisses it with None. The review screen pushes it when the first
comparison is ready and again on ``K``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from compare.keychanges import KeyChange, key_changes
from compare.model import Comparison, Pair
from compare.render.common import certainty_note, pair_location
from compare.report.wording import HEADINGS, key_headline, key_text, shown_path
from compare.safe import printable
from tui.rows import UNSURE_MARK
from tui.text import counted

__all__ = ["KeyChangesScreen"]

NONE_SURE = "None: no concern, commitment, call or decision was surely dropped or added, and no stance surely shifted."


class KeyChangesScreen(Screen[Pair | None]):
    """The ranked key changes; choosing one goes to its pair in the side-by-side view."""

    CSS_PATH = "key_changes.tcss"
    BINDINGS = [
        Binding("enter", "go", "Go to pair", tooltip="Show the highlighted key change's pair side by side"),
        Binding(
            "escape,K", "leave", "Side by side", tooltip="Leave the key changes for the side-by-side view"
        ),
        Binding("j", "cursor('down')", "Next", show=False, tooltip="Highlight the next key change"),
        Binding("k", "cursor('up')", "Previous", show=False, tooltip="Highlight the previous key change"),
    ]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison
        self.changes = key_changes(comparison)
        self._pairs: dict[str, Pair] = {}
        """Option id -> the pair of the key change it lists."""
        self._later = False
        """Whether the uncertain changes are listed after the first frame (``compose``)."""

    def compose(self) -> ComposeResult:
        old, new = (shown_path(document.path) for document in (self.comparison.old, self.comparison.new))
        sure, unsure = self.changes.count, len(self.changes.uncertain)
        yield Static(Content(printable(f"{HEADINGS['key'].title}: {old} -> {new}")), id="key-title")
        yield Static(
            Content(
                f"{counted(sure, 'key change')}, heaviest first, by the country or body named; "
                f"{counted(unsure, 'uncertain one')} below. Enter goes to the pair side by side, "
                "Escape to the first pair, K comes back here."
            ),
            id="key-help",
        )
        # Uncertain changes that fill more than the terminal (each takes two lines or more; 602
        # changes on the G7 pair) are listed a moment after the first frame, which laying them
        # all out (some 100 ms) would hold back. The list then overflows whatever the wrapping,
        # so its scrollbar is reserved from the start and every option is wrapped at one width.
        self._later = 2 * len(self.changes.uncertain) > self.app.size.height
        options = self._options()
        key_list = OptionList(*options, id="key-list")
        if self._later or sum(option is not None for option in options) > self.app.size.height:
            # A list this long shows its scrollbar: reserve it from the start. Otherwise the
            # list wraps every option at its full width, the scrollbar appears and it wraps
            # them all again (some 40 ms on the G7 pair). on_mount gives the list back its
            # usual overflow once it is laid out, so that a taller terminal can hide the bar.
            key_list.styles.overflow_y = "scroll"
        yield key_list
        yield Footer(compact=True)

    def on_mount(self) -> None:
        key_list = self.query_one(OptionList)
        if self._later:  # before the overflow is given back: wrapped beside the scrollbar
            self.call_after_refresh(self._add_uncertain)
        if key_list.styles.overflow_y == "scroll":
            self.call_after_refresh(key_list.styles.clear_rule, "overflow_y")
        key_list.focus()
        self._highlight_first(key_list)

    def _add_uncertain(self) -> None:
        if not self.is_attached:  # left before the frame after the first (a quick Escape)
            return
        key_list = self.query_one(OptionList)
        key_list.add_options([self._option(change, uncertain=True) for change in self.changes.uncertain])
        if key_list.highlighted is None:
            self._highlight_first(key_list)

    @staticmethod
    def _highlight_first(key_list: OptionList) -> None:
        key_list.highlighted = next((index for index, option in enumerate(key_list.options) if not option.disabled), None)

    def _options(self) -> list[Option | None]:
        """Headings (disabled) and one option per key change, uncertain ones last (or only their
        heading, when they come later: ``_add_uncertain``); None between groups draws a separator."""
        options: list[Option | None] = []
        if not self.changes.by_target:
            options.append(Option(Content(NONE_SURE), disabled=True))
        for target, changes in self.changes.by_target:
            if options:
                options.append(None)
            options.append(
                Option(Content.styled(f"{printable(target)} ({len(changes)})", "bold"), disabled=True)
            )
            options.extend(self._option(change, uncertain=False) for change in changes)
        if self.changes.uncertain:
            heading = HEADINGS["uncertain"]
            title = f"{UNSURE_MARK} {heading.title} ({len(self.changes.uncertain)}). {heading.blurb}"
            options.extend((None, Option(Content.styled(title, "bold"), disabled=True)))
            if not self._later:
                options.extend(self._option(change, uncertain=True) for change in self.changes.uncertain)
        return options

    def _option(self, change: KeyChange, *, uncertain: bool) -> Option:
        option_id = f"key-{len(self._pairs)}"
        self._pairs[option_id] = change.pair
        return Option(_prompt(change, uncertain=uncertain), id=option_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        pair = self._pairs.get(event.option_id or "")
        if pair is not None:
            self.dismiss(pair)

    def action_cursor(self, direction: str) -> None:
        key_list = self.query_one(OptionList)
        key_list.action_cursor_down() if direction == "down" else key_list.action_cursor_up()

    def action_go(self) -> None:
        self.query_one(OptionList).action_select()

    def action_leave(self) -> None:
        self.dismiss(None)


def _prompt(change: KeyChange, *, uncertain: bool) -> Content:
    """Two lines: sign, headline and where; then the start of the clause's text, dimmed.

    An uncertain change is marked "?" and says how sure the engine is, whatever its sign.
    """
    sign, headline = key_headline(change, uncertain=uncertain)
    if uncertain and sign != UNSURE_MARK:
        sign = f"{UNSURE_MARK}{sign}"
        headline = f"{headline} ({certainty_note(change.pair)})"
    where = pair_location(change.pair)
    return Content.assemble(
        (f"{sign:>2} ", "bold"),
        printable(" ".join(headline.split())),
        (f"  {where}", "dim"),
        "\n   ",
        (printable(key_text(change)), "italic"),
    )
