"""Which threads a view of a series shows: ``--target``, ``--topic``, ``--kind`` and ``--text``.

A ``ThreadFilter`` is a frozen value, like ``compare.filters.PairFilter`` for a pair: each
criterion left empty lets every thread through, criteria combine with AND, and the values of
one criterion with OR. A thread matches when a clause of it, in any version, matches: a
concern about China dropped in 2023 still shows under ``--target China``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from compare.errors import UsageError
from compare.series.model import Series, Thread

__all__ = ["ThreadFilter", "compile_text"]


def compile_text(pattern: str | None) -> re.Pattern[str] | None:
    """The ``--text`` pattern, compiled case-insensitively.

    Raises:
        UsageError: it is not a valid regular expression.

    >>> compile_text("Houthi").search("the houthis") is not None
    True
    """
    if not pattern:
        return None
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        raise UsageError(f"bad --text pattern '{pattern}': {err}") from err


@dataclass(frozen=True, slots=True)
class ThreadFilter:
    """Criteria for the threads a view shows."""

    targets: frozenset[str] = frozenset()
    """Countries and organisations, by canonical name ("China"), compared case-insensitively."""
    topics: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    text: re.Pattern[str] | None = None
    """Searched in the clause texts."""
    only_changes: bool = False

    def matches(self, thread: Thread) -> bool:
        """Whether the thread passes every criterion."""
        if self.only_changes and not thread.has_changes:
            return False
        clauses = thread.clauses
        labels = [clause.label for clause in clauses if clause.label]
        if self.kinds and not self.kinds & {label.kind.value for label in labels}:
            return False
        if self.targets and not _folded(self.targets) & _folded(n for label in labels for n in label.targets):
            return False
        if self.topics and not _folded(self.topics) & _folded(n for label in labels for n in label.topics):
            return False
        return self.text is None or any(self.text.search(clause.text) for clause in clauses)

    def apply(self, series: Series) -> tuple[Thread, ...]:
        """The threads of the series that pass, in order."""
        return tuple(thread for thread in series.threads if self.matches(thread))

    @property
    def is_empty(self) -> bool:
        """True when the filter lets every thread through."""
        return self == ThreadFilter()

    def describe(self) -> str:
        """The criteria in words, for a view's header ("" when empty).

        >>> ThreadFilter(targets=frozenset({"China"}), kinds=frozenset({"concern"})).describe()
        'kind concern, target China'
        """
        parts = []
        for name, values in (("kind", self.kinds), ("target", self.targets), ("topic", self.topics)):
            if values:
                parts.append(f"{name} {' or '.join(sorted(values))}")
        if self.text is not None:
            parts.append(f"text /{self.text.pattern}/")
        if self.only_changes:
            parts.append("changed threads only")
        return ", ".join(parts)


def _folded(names: Iterable[str]) -> set[str]:
    return {name.casefold() for name in names}
