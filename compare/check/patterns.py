"""Rules' text patterns that cannot hang a check, even when the manifest comes from a stranger.

``compile_pattern`` refuses a pattern whose parse tree allows too many ways to match one clause
and compiles the rest on the ``regex`` engine; ``search`` runs it with a timeout, so every search
of one rule on one case shares a budget of ``RULE_SECONDS`` (else ``PatternTooSlow``).
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Iterable

# The parser of Python's own regular expressions: private, but the only way to see the
# structure of a pattern exactly as ``re`` will run it.
from re import _constants as sre
from re import _parser as sre_parser
from typing import TYPE_CHECKING, Any

import regex

from compare.errors import FixtureError

if TYPE_CHECKING:
    from compare.check.manifest import Rule

__all__ = ["MAX_PATTERN_LENGTH", "RULE_SECONDS", "PatternTooSlow", "compile_pattern", "search"]

MAX_PATTERN_LENGTH = 500
"""Longest text pattern a rule may hold, in characters."""


_TEXT_LENGTH = 1000
"""How far an open-ended repeat is taken to reach: a long clause, not the longest
(``segment.MAX_CLAUSE_CHARS``). The bound is a first filter that refuses hopeless patterns at
once; the timeout is what bounds the time a pattern can take."""
_MAX_WAYS = 10_000_000
"""Most ways a pattern may have to match one clause: about two open-ended wildcards."""
RULE_SECONDS = 2.0
"""Most time the patterns of one rule may take on one case, searching all its clauses."""
_SIMPLE = frozenset({sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN, sre.AT, sre.CATEGORY})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})
_SPACE = frozenset({(sre.CATEGORY, sre.CATEGORY_SPACE), (sre.LITERAL, ord(" "))})


class PatternTooSlow(FixtureError):
    """A rule's patterns took longer than ``RULE_SECONDS`` on one case."""

    def __init__(self, rule: Rule, case: str = "one case") -> None:
        super().__init__(
            f"[[rule]] {rule.name!r}: its pattern took longer than {RULE_SECONDS:g} s on {case} "
            "(simplify it: fewer open-ended repeats such as .* and \\w+)"
        )
        self.rule = rule


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """A rule's text pattern compiled case-insensitively, if matching it can stay cheap.

    Two guards, because a manifest may come from a pull request and CI runs it. First, the
    pattern's parse tree bounds the number of ways it can match one clause (sequences
    multiply, alternatives add, a repeat multiplies by how far it reaches: a long clause for
    ``.*``, two characters for a run of spaces, since reading collapses white space;
    repeating anything that can match in several ways raises that to a power), and patterns
    over the bound are refused at once, as are back-references, conditionals and patterns
    longer than 500 characters. That bound cannot see that a search tries every start
    position, nor what a hostile document does to a pattern that passed it, so, second, the
    pattern runs on the ``regex`` engine (the syntax is Python's ``re``, checked with ``re``
    itself), whose searches take a timeout: every search of one rule on one case shares a
    budget of ``RULE_SECONDS`` (see ``search``).

    >>> compile_pattern("condemn.*ballistic\\\\s+missiles?").search("We condemn the ballistic missile launches")
    <regex.Match object; span=(3, 32), match='condemn the ballistic missile'>
    >>> compile_pattern("(a+)+$")
    Traceback (most recent call last):
    ValueError: pattern could take too long to match: simplify it (fewer open-ended repeats, none nested)

    Raises:
        ValueError: the pattern is too long, does not compile, or could take too long to match.
    """
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(f"pattern is {len(pattern)} characters long (at most {MAX_PATTERN_LENGTH})")
    try:
        re.compile(pattern, re.IGNORECASE)
        parsed = sre_parser.parse(pattern, re.IGNORECASE)
        compiled = regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
    except (re.error, regex.error) as err:
        raise ValueError(f"pattern does not compile ({err})") from err
    except RecursionError as err:
        raise ValueError("pattern is nested too deeply") from err
    if _ways(parsed) > _MAX_WAYS:
        raise ValueError("pattern could take too long to match: simplify it (fewer open-ended repeats, none nested)")
    return compiled


def search(pattern: regex.Pattern[str], text: str, deadline: float) -> bool:
    """Whether ``pattern`` is found in ``text``, searching no later than ``deadline``
    (a ``time.monotonic()`` value).

    Raises:
        TimeoutError: the deadline has passed, or passes during the search.
    """
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("the deadline has passed")
    # regex takes an infinite timeout as one already over
    return pattern.search(text, timeout=remaining if remaining < math.inf else None) is not None


def _ways(items: Iterable[tuple[Any, Any]]) -> int:
    """Upper bound of the ways a parsed (sub)pattern can match, capped just above the limit."""
    total = 1
    for op, arg in items:
        total = min(total * _item_ways(op, arg), _MAX_WAYS + 1)
    return total


def _item_ways(op: Any, arg: Any) -> int:
    if op in _SIMPLE:
        return 1
    if op is sre.SUBPATTERN:
        return _ways(arg[-1])
    if op is sre.ATOMIC_GROUP:
        return _ways(arg)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _ways(arg[1])
    if op is sre.BRANCH:
        return min(sum(_ways(branch) for branch in arg[1]), _MAX_WAYS + 1)
    if op in _REPEATS:
        low, high, body = arg
        reach = 2 if len(body) == 1 and _is_space(body[0]) else _TEXT_LENGTH
        high = min(high, low + reach)
        each = _ways(body)
        if each == 1:
            return high - low + 1
        if high * each.bit_length() > 64:  # each ** high is far beyond any limit
            return _MAX_WAYS + 1
        return min((high - low + 1) * each**high, _MAX_WAYS + 1)
    return _MAX_WAYS + 1  # back-references and conditionals: no bound


def _is_space(item: tuple[Any, Any]) -> bool:
    op, arg = item
    if op is sre.IN:
        return all(member in _SPACE for member in arg)
    return op in (sre.CATEGORY, sre.LITERAL) and item in _SPACE
