"""The summary sidebar: counts by status, stance shift, kind, target and topic, each a filter.

The review screen hands it a ``tui.facets.Summary`` whenever the filter changes; the sidebar
lists every choice with a check box and its count, and selecting one (Enter or a click) posts
``SummarySidebar.Toggled``. The screen owns the filter; this widget only shows it.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from compare.safe import printable
from tui.facets import Choice, Facet, Summary
from tui.text import counted

__all__ = ["SummarySidebar"]

_COUNT_CELLS = 4
"""Room for counts up to 9999 pairs; larger ones push their label right."""


class SummarySidebar(OptionList):
    """Counts that double as filters: select one to show only the pairs it counts."""

    class Toggled(Message):
        """The user switched one filter value on or off."""

        def __init__(self, facet: Facet, value: Hashable) -> None:
            super().__init__()
            self.facet = facet
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._choices: dict[str, Choice] = {}

    def show_summary(self, summary: Summary) -> None:
        """List the summary's choices, keeping the highlight where the list has not changed."""
        self.border_subtitle = f"{summary.shown} of {counted(summary.total, 'pair')}"
        choices = {choice.key: choice for choice in summary.choices()}
        if choices.keys() == self._choices.keys():
            for key, choice in choices.items():
                if choice != self._choices[key]:
                    self.replace_option_prompt(key, self._prompt(choice))
        else:
            options: list[Option] = []
            for section in summary.sections:
                options.append(Option(Content.styled(section.heading, "bold"), disabled=True))
                options.extend(Option(self._prompt(choice), id=choice.key) for choice in section.choices)
            self.set_options(options)
        self._choices = choices

    @staticmethod
    def _prompt(choice: Choice) -> Content:
        """A check box, the count, then the label: "[x]   21 ~ reworded"."""
        box = "[x]" if choice.selected else "[ ]"
        text = f"{box} {choice.count:>{_COUNT_CELLS}} {printable(choice.label)}"
        return Content.styled(text, "bold" if choice.selected else "dim" if not choice.count else "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = self._choices.get(event.option_id or "")
        if choice is not None:
            self.post_message(self.Toggled(choice.facet, choice.value))
