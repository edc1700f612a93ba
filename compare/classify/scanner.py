"""Many regular expressions searched at once, fast: the machinery under classify().

``Scanner`` files each pattern under the first letters its matches can start with and tries,
at each word start, only the patterns filed there; ``MainScan`` runs several scanners in one
pass over a clause's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["GAP", "WORD_PATTERN", "MainScan", "Scanner", "expand", "regex", "words"]

GAP = r"(?:\s+[^\s.;:!?]+){0,6}?\s+"
"""What ``{gap}`` in a lexicon pattern stands for: up to six words within the clause."""


def expand(pattern: str) -> str:
    """A lexicon pattern with its ``{gap}`` written out."""
    return pattern.replace("{gap}", GAP)


class Scanner:
    """Many patterns searched at once, tried only at word starts whose first letters can match.

    One alternation of a few hundred patterns costs about a millisecond per clause, because
    Python's regex engine tries every branch at every position. Here each branch is filed
    under the (lower-case) first three characters its matches can start with, worked out
    from the parsed pattern; at each word start only the branches filed under that word's
    first letters are tried, in their priority order, compiled once per distinct set.
    """

    __slots__ = ("_branches", "_by_prefix", "_anywhere", "_flags", "_in_compounds", "_ready")

    def __init__(
        self, branches: Sequence[tuple[str, str]], flags: int, *, in_compounds: bool = False
    ) -> None:
        self._branches = tuple((group, expand(pattern)) for group, pattern in branches)
        self._flags = flags
        # Stance words never start inside a hyphenated compound ("non-recognition"); names
        # and topics may ("Russia-North Korea cooperation").
        self._in_compounds = in_compounds
        self._by_prefix: dict[str, list[int]] = {}
        self._anywhere: list[int] = []
        for index, (_, pattern) in enumerate(self._branches):
            prefixes = _prefixes(pattern, flags)
            if prefixes is None:
                self._anywhere.append(index)
            for prefix in prefixes or ():
                self._by_prefix.setdefault(prefix, []).append(index)
        self._ready: dict[str, re.Pattern[str] | None] = {}

    def _pattern_for(self, key: str) -> re.Pattern[str] | None:
        chosen = set(self._anywhere)
        for size in range(1, _PREFIX + 1):
            chosen.update(self._by_prefix.get(key[:size], ()))
        if not chosen:
            return None
        body = "|".join(
            rf"(?P<{self._branches[i][0]}>(?:{self._branches[i][1]})(?!\w))" for i in sorted(chosen)
        )
        return re.compile(body, self._flags)

    def scan(self, plain: str, words: Sequence[tuple[int, str]]) -> list[tuple[int, int, str]]:
        """Non-overlapping matches as (start, end, group), leftmost first, as finditer would."""
        found: list[tuple[int, int, str]] = []
        taken = 0
        ready = self._ready
        for start, key in words:
            if start < taken or (not self._in_compounds and start and plain[start - 1] == "-"):
                continue
            if key in ready:
                pattern = ready[key]
            else:
                pattern = ready[key] = self._pattern_for(key)
            if pattern is None:
                continue
            match = pattern.match(plain, start)
            if match:
                found.append((start, match.end(), match.lastgroup))
                taken = match.end()
        return found


class MainScan:
    """The verb, noun, actor, name and topic scanners run in one pass over a clause's words."""

    __slots__ = ("_scanners", "_plans")

    def __init__(self, scanners: Sequence[Scanner | None]) -> None:
        self._scanners = tuple(scanners)
        self._plans: dict[str, tuple[tuple[int, re.Pattern[str], bool], ...]] = {}

    def _plan(self, key: str) -> tuple[tuple[int, re.Pattern[str], bool], ...]:
        plan = []
        for index, scanner in enumerate(self._scanners):
            if scanner is None:
                continue
            if key not in scanner._ready:
                scanner._ready[key] = scanner._pattern_for(key)
            pattern = scanner._ready[key]
            if pattern is not None:
                plan.append((index, pattern, scanner._in_compounds))
        return tuple(plan)

    def scan(self, plain: str, words: Sequence[tuple[int, str]]) -> list[list[tuple[int, int, str]]]:
        found: list[list[tuple[int, int, str]]] = [[] for _ in self._scanners]
        taken = [0] * len(self._scanners)
        plans = self._plans
        for start, key in words:
            plan = plans.get(key)
            if plan is None:
                plan = plans[key] = self._plan(key)
            for index, pattern, in_compounds in plan:
                if start < taken[index] or (not in_compounds and start and plain[start - 1] == "-"):
                    continue
                match = pattern.match(plain, start)
                if match:
                    found[index].append((start, match.end(), match.lastgroup))
                    taken[index] = match.end()
        return found


_PREFIX = 3
WORD_PATTERN = re.compile(r"\w+")


def words(plain: str) -> list[tuple[int, str]]:
    return [(m.start(), plain[m.start() : m.start() + _PREFIX].lower()) for m in WORD_PATTERN.finditer(plain)]


def _prefixes(pattern: str, flags: int) -> set[str] | None:
    """The lower-case first characters (up to three) a match can start with; None if any.

    >>> sorted(_prefixes(r"condemn(?:s|ed)?", re.I))
    ['con']
    >>> sorted(_prefixes(r"call(?:s|ed)?\\s+(?:up)?on|urg(?:e|es)", re.I))
    ['cal', 'urg']
    >>> _prefixes(r"\\w+ly", re.I) is None
    True
    """
    from re import _constants as sre  # noqa: PLC0415  (only while compiling)
    from re import _parser

    def sequence(items, room: int) -> set[tuple[str, bool]] | None:
        results = {("", True)}
        for op, av in items:
            if all(not done or len(text) >= room for text, done in results):
                break
            step = single(op, av, room)
            if step is None:  # what follows is unknown: the prefixes found so far still hold
                return {(text, False) for text, _ in results}
            joined = set()
            for text, done in results:
                if not done or len(text) >= room:
                    joined.add((text[:room], False))
                    continue
                for more, more_done in step:
                    combined = text + more
                    joined.add((combined[:room], more_done and len(combined) <= room))
            results = joined
            if len(results) > 300:
                return None
        return results

    def single(op, av, room: int) -> set[tuple[str, bool]] | None:
        if op is sre.LITERAL:
            return {(chr(av).lower(), True)}
        if op is sre.IN:
            chars = set()
            for inner_op, inner_av in av:
                if inner_op is sre.LITERAL:
                    chars.add(chr(inner_av).lower())
                elif inner_op is sre.RANGE and inner_av[1] - inner_av[0] < 64:
                    chars.update(chr(c).lower() for c in range(inner_av[0], inner_av[1] + 1))
                else:
                    return None
            return {(c, True) for c in chars}
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return {("", True)}
        if op is sre.SUBPATTERN:
            return sequence(av[-1].data, room)
        if op is sre.BRANCH:
            union: set[tuple[str, bool]] = set()
            for alternative in av[1]:
                part = sequence(alternative.data, room)
                if part is None:
                    return None
                union |= part
            return union
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            body = sequence(sub.data, room)
            if body is None:
                return None
            results = {("", True)} if low == 0 else set()
            current = {("", True)}
            for count in range(1, min(high, room) + 1):
                grown = set()
                for text, done in current:
                    if not done:
                        grown.add((text, False))
                        continue
                    for more, more_done in body:
                        combined = text + more
                        grown.add((combined[:room], more_done and len(combined) <= room))
                current = grown
                if count >= low:
                    results |= current
            if high > room:
                results |= {(text, False) for text, _ in current}
            return results
        return None

    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    starts = sequence(parsed.data, _PREFIX)
    if starts is None or any(text == "" for text, _ in starts):
        return None
    return {text for text, _ in starts}


def regex(items: Iterable[tuple[str, str]], flags: int) -> re.Pattern[str] | None:
    body = "|".join(rf"(?P<{group}>(?<!\w)(?:{expand(pattern)})(?!\w))" for group, pattern in items)
    return re.compile(body, flags) if body else None
