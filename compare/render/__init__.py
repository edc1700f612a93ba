"""Renderers: a Comparison -> text in one output format.

``FORMATS`` names every format ``jointdiff diff --format`` accepts; ``render()`` imports the
module of the chosen one only when it is used, so the command line stays fast. Renderers are
pure: they take ``color`` as an argument and never read the environment.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.model import Comparison

__all__ = ["FORMATS", "render"]

FORMATS: dict[str, str] = {
    "terminal": "compare.render.terminal",
    "markdown": "compare.render.markdown",
    "json": "compare.render.jsonfmt",
    "csv": "compare.render.csvfmt",
}
"""Format name -> module whose ``render(comparison, *, color, only_changes)`` makes it."""


def render(comparison: Comparison, fmt: str, *, color: bool = False, only_changes: bool = False) -> str:
    """The comparison in format ``fmt`` (a key of FORMATS)."""
    module = import_module(FORMATS[fmt])
    return module.render(comparison, color=color, only_changes=only_changes)
