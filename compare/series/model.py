"""The shapes of a series: versions in order, and threads that follow one clause through them.

``compare.series.build`` makes them from the consecutive comparisons of a series; every view of
a series (terminal timeline, Markdown and HTML, JSON, CSV, the review app's timeline) reads
them. Like ``compare.model`` they are frozen values holding tuples, built once and never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from compare.model import Clause, Document, Pair

__all__ = ["Change", "Series", "Step", "Thread", "Version"]


class Change(StrEnum):
    """What became of a thread in one version, against the last version that held it."""

    FIRST = "first"
    """The version the clause first appears in."""
    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    """Other words (or split, or merged with another clause), no stance shift claimed."""
    MOVED = "moved"
    """Relocated out of order, its words the same or barely changed."""
    HARDENED = "hardened"
    """A firmer stance, claimed only where the link between the versions is sure."""
    SOFTENED = "softened"
    """A weaker stance, claimed only where the link between the versions is sure."""
    RETURNED = "returned"
    """Back after one or more versions without it."""
    DROPPED = "dropped"
    """The first version without it, after one that held it."""
    ABSENT = "absent"
    """Not there: before its first version, or after it was dropped."""

    @property
    def is_present(self) -> bool:
        """Whether the thread has clauses in this version.

        >>> Change.DROPPED.is_present, Change.MOVED.is_present
        (False, True)
        """
        return self not in (Change.DROPPED, Change.ABSENT)


@dataclass(frozen=True, slots=True)
class Version:
    """One statement of the series, in its place."""

    index: int
    """0-based position in the series."""
    document: Document
    clauses: tuple[Clause, ...]
    """Its clauses, classified; their ``doc_id`` is the version's ``id``."""

    @property
    def id(self) -> str:
        """"v1", "v2" ...: what clause ids and column heads use."""
        return f"v{self.index + 1}"

    @property
    def label(self) -> str:
        """How a column names the version: its date, or its file name where it has none."""
        return self.document.date or self.document.path.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Step:
    """A thread in one version: its clauses there and how it got there."""

    version: int
    change: Change
    clauses: tuple[Clause, ...] = ()
    """The clauses of this version that carry the thread (several after a split)."""
    pair: Pair | None = None
    """The aligned pair linking it from the last version that held it (status, score,
    confidence, word diff, stance shift and its evidence); None for FIRST, DROPPED and ABSENT."""
    since: int | None = None
    """For RETURNED: the last version that held it before."""

    @property
    def is_sure(self) -> bool:
        """Whether the link from the previous version is sure (always, where there is none)."""
        return self.pair is None or self.pair.certainty == "sure"


@dataclass(frozen=True, slots=True)
class Thread:
    """One clause's life across the series: a step for every version."""

    number: int
    """1-based, in order of first appearance (version, then position)."""
    steps: tuple[Step, ...]

    @property
    def present(self) -> tuple[Step, ...]:
        """The steps that hold clauses."""
        return tuple(step for step in self.steps if step.change.is_present)

    @property
    def first(self) -> int:
        """The version it first appears in."""
        return self.present[0].version

    @property
    def last(self) -> int:
        """The last version that holds it."""
        return self.present[-1].version

    @property
    def latest(self) -> tuple[Clause, ...]:
        """Its clauses in the last version that holds it."""
        return self.present[-1].clauses

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Every clause of every version that carries it, in order."""
        return tuple(clause for step in self.steps for clause in step.clauses)

    @property
    def has_changes(self) -> bool:
        """Whether anything happened to it after the first version of the series: it came,
        changed, moved, went or returned."""
        return any(step.change is not Change.UNCHANGED for step in self.steps[1:]) or (
            self.steps[0].change is not Change.FIRST
        )


@dataclass(frozen=True, slots=True)
class Series:
    """The versions of a statement in order, and the threads of its clauses."""

    versions: tuple[Version, ...]
    threads: tuple[Thread, ...]
    order: str = "date"
    """How the versions were ordered: "date" (front matter, text or file name), "symbol"
    (UN document symbols) or "given" (the order of the arguments)."""
    options: tuple[tuple[str, object], ...] = field(default=())
    """The comparison settings (threshold, scorer, method, profile) the series ran with."""
    warnings: tuple[str, ...] = field(default=())
    """Corrections that apply to none of the consecutive comparisons they were read for."""

    @property
    def has_changes(self) -> bool:
        """Whether any thread changed across the series."""
        return any(thread.has_changes for thread in self.threads)
