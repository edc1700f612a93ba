"""Command palette entries for the review screen: every key binding and every filter, by name.

Textual's palette (Ctrl+P) lists the app's system commands; this provider adds each binding of
the screen it was opened from (its footer description, with the tooltip as help) and one
"Filter: ..." command per sidebar choice, so that nothing in the review needs a key to reach.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.text import counted

__all__ = ["ReviewCommands"]


class ReviewCommands(Provider):
    """The review screen's actions and filters as palette commands."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """Name, help and callback of every command the screen offers now."""
        screen = self.screen
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                yield binding.description, binding.tooltip, partial(screen.run_action, binding.action)
        summary = getattr(screen, "summary", None)
        if summary is not None:
            for choice in summary.choices():
                verb = "stop showing only" if choice.selected else "show only"
                yield (
                    f"Filter: {choice.label}",
                    f"{counted(choice.count, 'pair')}; {verb} the pairs this counts",
                    partial(screen.toggle_filter, choice.facet, choice.value),
                )

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
