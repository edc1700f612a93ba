"""Text patterns of rules: what people write compiles; what could hang the check is refused."""

from __future__ import annotations

import time

import pytest

from compare.check import compile_pattern

ACCEPTED = [
    "condemn.*ballistic missile",
    r"condemn.*ballistic\s+missiles?",
    "decided today to (?:raise|lower|keep|maintain) its target for the federal funds rate",
    r"(?:very |deeply |gravely )?concern(?:ed)? (?:about|at|over)",
    r"\bTaiwan Strait\b",
    r"\d{1,2} (?:January|February|March) \d{4}",
    r"[A-Z]/RES/\d+/\d+",
    r"\w+\s+\w+ strait",
    ".*peace.*",
]

REFUSED = [
    "(a+)+$",
    "(a|a)*b",
    "(?:x*)*y",
    "(?:a|ab)+c",
    ".*.*.*x",
    r"\w+\w+\w+x",
    ".{0,900}.{0,900}.{0,900}x",
    "(?:ab|a)" * 24 + "x",
    r"(\w+) \1",
    r"(a)?(?(1)b|c)",
]


@pytest.mark.parametrize("pattern", ACCEPTED)
def test_patterns_people_write_are_accepted_and_case_insensitive(pattern: str) -> None:
    assert compile_pattern(pattern).flags & 2  # re.IGNORECASE


@pytest.mark.parametrize("pattern", REFUSED)
def test_patterns_that_could_backtrack_for_long_are_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match="could take too long to match"):
        compile_pattern(pattern)


def test_the_most_expensive_accepted_pattern_stays_fast_on_a_long_clause() -> None:
    # Two open-ended wildcards and no match: the worst the bound lets through.
    pattern = compile_pattern(".*.*x")
    clause = "a" * 600
    started = time.perf_counter()
    assert pattern.search(clause) is None
    assert time.perf_counter() - started < 2.0


def test_a_pattern_over_500_characters_is_refused() -> None:
    compile_pattern("a" * 500)
    with pytest.raises(ValueError, match="at most 500"):
        compile_pattern("a" * 501)


def test_deeply_nested_optional_groups_are_refused_not_a_crash() -> None:
    with pytest.raises(ValueError, match="could take too long to match"):
        compile_pattern("(?:a|b" * 60 + ")?" * 60)
