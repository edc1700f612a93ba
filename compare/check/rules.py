"""What a rule finds: the clauses it selects in one comparison, the forbidden statuses and
shifts among their pairs or the required text missing, and its outcome over all its cases.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from compare.check.golden import capped, clauses_line
from compare.check.manifest import Rule
from compare.check.patterns import RULE_SECONDS, PatternTooSlow, search
from compare.check.results import CaseRun, Failure, Finding, Outcome
from compare.model import Pair
from compare.safe import printable

if TYPE_CHECKING:
    from compare.model import Comparison

__all__ = ["rule_finding", "rule_outcome"]


def rule_finding(rule: Rule, comparison: Comparison) -> Finding:
    """What ``rule`` finds in one comparison.

    Raises:
        PatternTooSlow: its patterns took longer than ``RULE_SECONDS`` in all.
    """
    try:
        return _find(rule, comparison, time.monotonic() + RULE_SECONDS)
    except TimeoutError as err:
        raise PatternTooSlow(rule) from err


def _find(rule: Rule, comparison: Comparison, deadline: float) -> Finding:
    if rule.require is not None:
        candidates = [clause for pair in comparison.pairs for clause in pair.new if rule.selects(clause, deadline)]
        if any(search(rule.require, clause.text, deadline) for clause in candidates):
            return Finding(rule.name, len(candidates))
        among = f" among the {len(candidates)} it selects" if rule.has_selectors else ""
        message = f"no clause of the new text matches /{printable(rule.require.pattern)}/{among}"
        return Finding(rule.name, len(candidates), Failure(message, rule.line))
    selected = [pair for pair in comparison.pairs if any(rule.selects(c, deadline) for c in (*pair.old, *pair.new))]
    broken = [pair for pair in selected if _forbidden(rule, pair)]
    if not broken:
        return Finding(rule.name, len(selected))
    details = tuple(f"{_forbidden(rule, pair)}: {_describe(pair)}" for pair in broken)
    message = f"{len(broken)} of {len(selected)} selected pairs are {' or '.join(rule.forbid)}"
    return Finding(rule.name, len(selected), Failure(message, rule.line, capped(details)))


def _forbidden(rule: Rule, pair: Pair) -> str:
    """Which forbidden status or shift the pair has ("removed", "weaker"), or ""."""
    for value in (pair.status.value, pair.shift.value if pair.shift else None):
        if value in rule.forbid:
            return value
    return ""


def rule_outcome(rule: Rule, runs: Sequence[CaseRun]) -> Outcome:
    """A rule's outcome over every case it checks; a rule that selects nothing anywhere fails."""
    findings = [(run.outcome.name, f) for run in runs for f in run.findings if f.rule == rule.name]
    failures = [
        replace(f.failure, message=f"in case {case!r}: {f.failure.message}")
        for case, f in findings
        if f.failure is not None
    ]
    if not any(f.selected for _, f in findings):
        failures.append(
            Failure(
                "selects no clause in any of its cases, so it checks nothing "
                "(target names are the classifier's: 'China', 'Taiwan Strait'; see the README)",
                rule.line,
            )
        )
    return Outcome("rule", rule.name, rule.line, tuple(failures))


def _describe(pair: Pair, width: int = 70) -> str:
    """One line for a pair: its clause ids and the start of its text.

    >>> from compare.model import Clause, Pair, Status
    >>> _describe(Pair(Status.REMOVED, (Clause("old", 3, 1, 1, 0, 9, "We condemn it."),), ()))
    'old:4 "We condemn it."'
    """
    return clauses_line([c.id for c in pair.old], [c.id for c in pair.new], (pair.new or pair.old)[0].text, width)
