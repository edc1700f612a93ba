"""Every key of the review screen, with its footer description and tooltip.

The review screen's ``BINDINGS``; the help panel (``?``) and the command palette
(``tui.commands``) list them too. Keys that share a footer entry share a ``Binding.Group``.
"""

from __future__ import annotations

from textual.binding import Binding

__all__ = ["REVIEW_BINDINGS"]

_CHANGE = Binding.Group("Change")
"""n and p share one footer entry."""
_CORRECT = Binding.Group("Correct")
"""m, b and w, the corrections, share one entry in the help panel."""

REVIEW_BINDINGS = [
    Binding("n", "next_change", "Next change", tooltip="Jump to the next changed pair", group=_CHANGE),
    Binding(
        "p",
        "previous_change",
        "Previous change",
        tooltip="Jump to the previous changed pair",
        group=_CHANGE,
    ),
    Binding("slash", "start_search", "Search", tooltip="Search both texts; matches are highlighted"),
    Binding(
        "enter", "toggle_detail", "Detail", tooltip="Show or hide scores, kinds and positions of the pair"
    ),
    Binding(
        "f",
        "switch_focus",
        "Filters",
        tooltip="Move to the summary sidebar (Enter toggles a filter), or back",
    ),
    Binding("K", "key_changes", "Key changes", tooltip="List the key changes, ranked; Enter goes to one"),
    Binding(
        "m",
        "mark_pin",
        "Pin",
        show=False,
        tooltip="Pin two clauses as a pair: m on the old clause, then m on the new one",
        group=_CORRECT,
    ),
    Binding(
        "b",
        "break_pair",
        "Break",
        show=False,
        tooltip="Say the selected pair is wrong: its clauses never pair",
        group=_CORRECT,
    ),
    Binding(
        "w",
        "correct_stance",
        "Wrong stance",
        show=False,
        tooltip="Say the stance claim on the selected pair is wrong, and what you read instead",
        group=_CORRECT,
    ),
    # Export, copy and the corrections stay out of the footer (the help panel lists them), so
    # that at 80 columns it still shows q and ?.
    Binding(
        "e", "export", "Export", show=False, tooltip="Write the Markdown report of the current view to a file"
    ),
    Binding("y", "copy_clause", "Copy", show=False, tooltip="Copy the selected clause's text to the clipboard"),
    Binding("j,down", "next_pair", "Next pair", show=False, tooltip="Select the next pair"),
    Binding("k,up", "previous_pair", "Previous pair", show=False, tooltip="Select the previous pair"),
    Binding("g,home", "first_pair", "First pair", show=False, tooltip="Select the first pair"),
    Binding("G,end", "last_pair", "Last pair", show=False, tooltip="Select the last pair"),
    Binding("pagedown,space", "next_page", "Page down", show=False, tooltip="Move a screenful down"),
    Binding("pageup", "previous_page", "Page up", show=False, tooltip="Move a screenful up"),
    Binding(
        "right_square_bracket",
        "next_match",
        "Next match",
        show=False,
        tooltip="Jump to the next search match",
    ),
    Binding(
        "left_square_bracket",
        "previous_match",
        "Previous match",
        show=False,
        tooltip="Jump to the previous search match",
    ),
    Binding(
        "c",
        "toggle_filter('only_changes')",
        "Changes only",
        show=False,
        tooltip="Show only changed pairs",
    ),
    Binding(
        "r", "toggle_filter('hide_routine')", "Hide routine", show=False, tooltip="Hide routine changes"
    ),
    Binding(
        "h",
        "toggle_filter('shifts', 'stronger')",
        "Hardened",
        show=False,
        tooltip="Show only hardened pairs",
    ),
    Binding(
        "s",
        "toggle_filter('shifts', 'weaker')",
        "Softened",
        show=False,
        tooltip="Show only softened pairs",
    ),
    Binding("x", "clear_filters", "Clear filters", show=False, tooltip="Show every pair again"),
    Binding("escape", "close", "Close", show=False, tooltip="Close the search bar, detail panel or help"),
]
