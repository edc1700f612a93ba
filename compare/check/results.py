"""What checking a corpus gives: per case and per rule, what failed, where and how long it took.

Frozen values, returned by ``runner.run_check`` and shown by ``compare.check_command`` and
``compare.junit``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare.check.manifest import Manifest

if TYPE_CHECKING:
    from compare.corrections import Corrections
    from compare.model import Document

__all__ = ["CaseInputs", "CaseRun", "CheckResult", "Failure", "Finding", "Outcome"]


@dataclass(frozen=True, slots=True)
class CaseInputs:
    """What one case reads: both statements and the golden files (None where missing)."""

    old: Document
    new: Document
    expected_json: str | None = None
    expected_report: str | None = None
    corrections: Corrections | None = None
    """The analyst's corrections beside the new statement (``compare.corrections``), if any."""


@dataclass(frozen=True, slots=True)
class Failure:
    """One thing that failed, where the manifest says it, and a short account of the difference."""

    message: str
    line: int
    details: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one case or one rule fared."""

    kind: str
    """"case" or "rule"."""
    name: str
    line: int
    failures: tuple[Failure, ...] = ()
    seconds: float = 0.0
    updated: tuple[str, ...] = ()
    """Golden files ``--update`` rewrote, relative to the corpus folder."""

    @property
    def passed(self) -> bool:
        """Whether nothing failed."""
        return not self.failures


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Every case and rule of one manifest, in manifest order."""

    manifest: Manifest
    cases: tuple[Outcome, ...]
    rules: tuple[Outcome, ...]
    seconds: float = 0.0

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        """Cases, then rules."""
        return (*self.cases, *self.rules)

    @property
    def passed(self) -> bool:
        """Whether every case and rule passed."""
        return all(outcome.passed for outcome in self.outcomes)

    @property
    def updated(self) -> tuple[str, ...]:
        """Every golden file rewritten."""
        return tuple(path for outcome in self.cases for path in outcome.updated)


@dataclass(frozen=True, slots=True)
class Finding:
    """What one rule found in one case: how many clauses it selected, and what broke it."""

    rule: str
    selected: int
    failure: Failure | None = None


@dataclass(frozen=True, slots=True)
class CaseRun:
    """What evaluating a case gives: its outcome, the findings of its rules, the goldens as made."""

    outcome: Outcome
    """Golden-file failures only: rule failures are gathered per rule, across cases."""
    findings: tuple[Finding, ...] = ()
    made: tuple[tuple[str, str], ...] = ()
    """(path, text) of each golden file as this run makes it."""
