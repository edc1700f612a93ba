"""The alignment choices the command line offers, and their defaults.

They live apart from ``compare.align`` so that building the command line (``jointdiff --help``,
every option's help text) imports no part of the engine; ``compare.align`` takes them from here.
"""

from __future__ import annotations

__all__ = ["DEFAULT_THRESHOLD", "METHODS", "SCORERS"]

DEFAULT_THRESHOLD = 55.0
"""Lowest similarity (0-100) at which two clauses may pair on their words."""

METHODS = ("greedy", "global")
"""How one-to-one links are chosen: the most probable first, or the best set as a whole."""

SCORERS = ("hybrid", "words", "blend", "ratio", "token_sort_ratio", "token_set_ratio", "WRatio")
"""The words scores ``compare.align.scores`` can use; the first is the default."""
