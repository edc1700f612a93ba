"""Many regular expressions searched at once, fast: the machinery under classify().

``Scanner`` files each pattern under the first letters its matches can start with and tries,
at each word start, only the patterns filed there; ``MainScan`` runs several scanners in one
pass over a clause's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from compare import regexcache

__all__ = ["GAP", "WORD_PATTERN", "MainScan", "Scanner", "Literal", "check_pattern", "compiled_branch", "expand", "literal_variants", "parsed_branch", "regex", "words"]

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
    first letters are tried, in their priority order, and the first that matches wins (as in
    an alternation). Every branch is parsed once, when the scanner is built (its first letters
    come from the parse), and compiled once, the first time a word it is filed under is read:
    a document meets the first letters of only some of the lexicon's words, and compiling
    every branch up front cost a command that reads one short pair more than its comparison.
    """

    __slots__ = ("_groups", "_sources", "_flags", "_by_prefix", "_anywhere", "_in_compounds", "_plans")

    def __init__(
        self, branches: Sequence[tuple[str, str]], flags: int, *, in_compounds: bool = False
    ) -> None:
        self._groups = tuple(group for group, _ in branches)
        self._sources = tuple(pattern for _, pattern in branches)
        self._flags = flags
        # Stance words never start inside a hyphenated compound ("non-recognition"); names
        # and topics may ("Russia-North Korea cooperation").
        self._in_compounds = in_compounds
        self._by_prefix: dict[str, list[int]] = {}
        self._anywhere: list[int] = []
        for index, (_, pattern) in enumerate(branches):
            prefixes = _prefixes(pattern)
            if prefixes is None:
                self._anywhere.append(index)
            for prefix in prefixes or ():
                self._by_prefix.setdefault(prefix, []).append(index)
        self._plans: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {}

    def plan(self, key: str) -> tuple[tuple[re.Pattern[str], str], ...]:
        """The branches to try at a word starting with ``key``, in priority order."""
        plan = self._plans.get(key)
        if plan is None:
            chosen = set(self._anywhere)
            for size in range(1, _PREFIX + 1):
                chosen.update(self._by_prefix.get(key[:size], ()))
            order = sorted(chosen)
            plan = self._plans[key] = _merged(
                [(compiled_branch(self._sources[i], self._flags), self._groups[i]) for i in order],
                [self._sources[i] for i in order],
                self._flags,
            )
        return plan

    def compile_all(self) -> None:
        """Compile every branch now, so that one that parses but cannot compile ("(?<=a+)b": a
        look-behind of no fixed width) raises ``re.error`` here rather than in mid-document; and
        every plan's ``Alternation`` (each key a text can meet gives one of the plans of the
        first letters filed), so that the cache keeps them with the lexicon's patterns."""
        for pattern in self._sources:
            compiled_branch(pattern, self._flags)
        for key in ("", *self._by_prefix):
            self.plan(key)

    def scan(self, plain: str, words: Sequence[tuple[int, str]]) -> list[tuple[int, int, str]]:
        """Non-overlapping matches as (start, end, group), leftmost first, as finditer would."""
        found: list[tuple[int, int, str]] = []
        taken = 0
        plans = self._plans
        for start, key in words:
            if start < taken or (not self._in_compounds and start and plain[start - 1] == "-"):
                continue
            plan = plans.get(key)
            for pattern, group in self.plan(key) if plan is None else plan:
                match = pattern.match(plain, start)
                if match:
                    found.append((start, match.end(), group or match.group_of_run))
                    taken = match.end()
                    break
        return found


class MainScan:
    """The verb, noun, actor, name and topic scanners run in one pass over a clause's words."""

    __slots__ = ("_scanners", "_count", "_plans")

    def __init__(self, scanners: Sequence[Scanner | None]) -> None:
        self._scanners = tuple((index, scanner) for index, scanner in enumerate(scanners) if scanner is not None)
        self._count = len(scanners)
        self._plans: dict[str, tuple[tuple[int, bool, tuple[tuple[re.Pattern[str], str], ...]], ...]] = {}

    def _plan(self, key: str) -> tuple[tuple[int, bool, tuple[tuple[re.Pattern[str], str], ...]], ...]:
        """Each scanner's branches to try at a word starting with ``key`` (scanners with none
        left out)."""
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = tuple(
                (index, scanner._in_compounds, branches)
                for index, scanner in self._scanners
                if (branches := scanner.plan(key))
            )
        return plan

    def scan(self, plain: str, words: Sequence[tuple[int, str]]) -> list[list[tuple[int, int, str]]]:
        found: list[list[tuple[int, int, str]]] = [[] for _ in range(self._count)]
        taken = [0] * self._count
        plans = self._plans
        for start, key in words:
            plan = plans.get(key)
            for index, in_compounds, branches in self._plan(key) if plan is None else plan:
                if start < taken[index] or (not in_compounds and start and plain[start - 1] == "-"):
                    continue
                for pattern, group in branches:
                    match = pattern.match(plain, start)
                    if match:
                        found[index].append((start, match.end(), group or match.group_of_run))
                        taken[index] = match.end()
                        break
        return found


_PREFIX = 3
WORD_PATTERN = regexcache.compiled(r"\w+")


def words(plain: str) -> list[tuple[int, str]]:
    """Where each word starts, and its first letters in lower case: the scanners' keys.

    >>> words("We URGE all-")
    [(0, 'we '), (3, 'urg'), (8, 'all')]
    """
    lower = plain.lower()
    if len(lower) != len(plain) or "\u03a3" in plain:
        # a letter that lowers to two ("İ") would shift the offsets, and a capital sigma lowers
        # by its place in the word: each word's letters are lowered on their own, as before
        return [(m.start(), plain[m.start() : m.start() + _PREFIX].lower()) for m in WORD_PATTERN.finditer(plain)]
    return [(start, lower[start : start + _PREFIX]) for start in [m.start() for m in WORD_PATTERN.finditer(plain)]]


def _prefixes(pattern: str) -> set[str] | None:
    """The lower-case first characters (up to three) a match can start with; None if any.

    >>> sorted(_prefixes(r"condemn(?:s|ed)?"))
    ['con']
    >>> sorted(_prefixes(r"call(?:s|ed)?\\s+(?:up)?on|urg(?:e|es)"))
    ['cal', 'urg']
    >>> _prefixes(r"\\w+ly") is None
    True
    """
    from re import _constants as sre  # noqa: PLC0415  (only while compiling)

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

    def work_out() -> set[str] | None:
        starts = sequence(parsed_branch(pattern).data, _PREFIX)
        if starts is None or any(text == "" for text, _ in starts):
            return None
        return {text for text, _ in starts}

    variants = literal_variants(pattern)
    if variants is not None:
        return {text[:_PREFIX].lower() for text in variants} if all(variants) else None
    return regexcache.prefixes(pattern, work_out)


@cache
def parsed_branch(pattern: str) -> Any:
    """The parse of a lexicon pattern as a scanner tries it (``{gap}`` written out, no word
    character after it), made once per process: validating a lexicon and building its scanners
    share it.

    Raises:
        re.error: the pattern does not parse, or is not one pattern on its own ("a)|(b").
    """
    from re import _constants as sre  # noqa: PLC0415  (only while compiling)
    from re import _parser

    parsed = _parser.parse(_wrapped(pattern))
    if not parsed.data or parsed.data[-1][0] is not sre.ASSERT_NOT:  # "a)|(b" closed the wrapper
        raise re.error(f"unbalanced parenthesis in {pattern!r}")
    return parsed


@cache
def compiled_branch(pattern: str, flags: int) -> re.Pattern[str] | Literal:
    """A lexicon pattern ready to match: a ``Literal`` when it is plain text (most names are),
    else compiled from its one parse (``parsed_branch``)."""
    variants = literal_variants(pattern)
    if variants is not None:
        return Literal(variants, ignore_case=bool(flags & re.IGNORECASE))
    return regexcache.compiled(_wrapped(pattern), flags, parsed=lambda: parsed_branch(pattern))


def check_pattern(pattern: str) -> None:
    """Raise re.error when a lexicon pattern cannot be a scanner branch (plain text always can).

    >>> check_pattern(r"People['’]s\\ Republic")
    >>> check_pattern("condemn(s")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    re.error: missing ), unterminated subpattern at position ...
    """
    if literal_variants(pattern) is None and not regexcache.valid(pattern):
        parsed_branch(pattern)
        regexcache.mark_valid(pattern)


def _wrapped(pattern: str) -> str:
    """A lexicon pattern as a scanner branch: ``{gap}`` written out, no word character after it."""
    return rf"(?:{expand(pattern)})(?!\w)"


_LITERAL_UNIT = regexcache.compiled(r"[^\\\[\](){}.*+?|^$]|\\[^A-Za-z0-9]|\[(?:'\u2019|-\u2010\u2011)\]")
_LITERAL_SOURCE = regexcache.compiled(rf"(?:{_LITERAL_UNIT.pattern})+")
_PLAIN_CHARACTERS = frozenset("\u2019\u2010\u2011")
"""Characters besides ASCII a plain-text pattern may hold (the apostrophe and hyphen forms)."""


@cache
def literal_variants(pattern: str) -> tuple[str, ...] | None:
    """Every text a plain-text pattern matches (its apostrophe and hyphen classes written out),
    or None when the pattern is a real regular expression or holds other non-ASCII letters.

    >>> literal_variants(r"People['’]s\\ Republic")
    ("People's Republic", 'People’s Republic')
    >>> literal_variants("condemn(?:s|ed)?") is None
    True
    """
    return regexcache.literals(pattern, lambda: _variants(pattern))


def _variants(pattern: str) -> tuple[str, ...] | None:
    """``literal_variants`` worked out (the regex cache keeps the answer between runs)."""
    if not _LITERAL_SOURCE.fullmatch(pattern):
        return None
    texts = [""]
    for unit in _LITERAL_UNIT.findall(pattern):
        if unit.startswith("[") and len(unit) > 1:
            choices = unit[1:-1]
        elif unit.startswith("\\"):
            choices = unit[1]
        else:
            choices = unit
        texts = [text + choice for text in texts for choice in choices]
        if len(texts) > 16:
            return None
    if not all(character.isascii() or character in _PLAIN_CHARACTERS for text in texts for character in text):
        return None
    return tuple(texts)


class Literal:
    """A plain-text branch matched without the regex engine, as ``(?:text)(?!\\w)`` would."""

    __slots__ = ("_texts", "_ignore_case", "_size")

    def __init__(self, texts: tuple[str, ...], *, ignore_case: bool) -> None:
        self._ignore_case = ignore_case
        self._texts = frozenset(text.lower() for text in texts) if ignore_case else frozenset(texts)
        self._size = len(texts[0])

    @property
    def texts(self) -> frozenset[str]:
        return self._texts

    def match(self, plain: str, start: int) -> _End | None:
        end = start + self._size
        piece = plain[start:end]
        if (piece.lower() if self._ignore_case else piece) not in self._texts:
            return None
        if end < len(plain) and (plain[end].isalnum() or plain[end] == "_"):
            return None
        return _End(end)

    @property
    def size(self) -> int:
        return self._size

    @property
    def ignore_case(self) -> bool:
        return self._ignore_case


class _End:
    """Where a ``Literal`` match ends (the one thing the scanners ask of a match), and for a
    ``Literals`` run the group of the one that matched."""

    __slots__ = ("_end", "group_of_run")

    def __init__(self, end: int, group_of_run: str = "") -> None:
        self._end = end
        self.group_of_run = group_of_run

    def end(self) -> int:
        return self._end


class Literals:
    """A run of plain-text branches of a plan tried as one, with the answer the branches tried in
    turn would give (the first of them that matches): the text at each of their lengths is cut
    and looked up once, where "the" alone files some thirty names ("the United States", "the
    Republic of Korea" ...) that were each cut and compared in turn."""

    __slots__ = ("_sizes", "_ignore_case")

    def __init__(self, run: Sequence[tuple[Literal, str]]) -> None:
        tables: dict[int, dict[str, tuple[int, str]]] = {}
        for order, (literal, group) in enumerate(run):
            table = tables.setdefault(literal.size, {})
            for text in literal.texts:
                table.setdefault(text, (order, group))
        self._sizes = tuple(tables.items())
        self._ignore_case = run[0][0].ignore_case

    def match(self, plain: str, start: int) -> _End | None:
        best: tuple[int, str, int] | None = None
        length = len(plain)
        for size, table in self._sizes:
            end = start + size
            piece = plain[start:end]
            found = table.get(piece.lower() if self._ignore_case else piece)
            if found is None or (end < length and (plain[end].isalnum() or plain[end] == "_")):
                continue
            if best is None or found[0] < best[0]:
                best = (found[0], found[1], end)
        return None if best is None else _End(best[2], best[1])


class Alternation:
    """A run of regular-expression branches of a plan tried as one alternation, in their order
    (the regex engine tries the alternatives in turn, as the scanner would, but without a call
    from Python for each): "the" files some twenty speakers ("the Leaders", "the Committee",
    "the two sides" ...), every one of them tried at every "the"."""

    __slots__ = ("_pattern", "_groups")

    def __init__(self, run: Sequence[tuple[str, str]], flags: int) -> None:
        self._groups = {f"b{index}": group for index, (_, group) in enumerate(run)}
        source = "|".join(f"(?P<b{index}>{_wrapped(pattern)})" for index, (pattern, _) in enumerate(run))
        self._pattern = regexcache.compiled(source, flags)

    def match(self, plain: str, start: int) -> _End | None:
        match = self._pattern.match(plain, start)
        return None if match is None else _End(match.end(), self._groups[match.lastgroup or ""])


_ALTERNATION_RUN = 6
"""How many regular-expression branches in a row a plan tries as one ``Alternation`` (a few
keys: compiling one for every key would cost a short command more than it saves)."""


def _merged(plan: list[tuple[Any, str]], sources: list[str], flags: int) -> tuple[tuple[Any, str], ...]:
    """A plan with each run of two or more plain-text branches (same case rule) made one
    ``Literals`` branch, and each run of ``_ALTERNATION_RUN`` or more regular expressions one
    ``Alternation``; their group is "" (the match names it)."""
    merged: list[tuple[Any, str]] = []
    literals: list[tuple[Literal, str]] = []
    patterns: list[tuple[Any, str, str]] = []

    def close() -> None:
        if len(literals) > 1:
            merged.append((Literals(literals), ""))
        else:
            merged.extend(literals)
        literals.clear()
        if len(patterns) >= _ALTERNATION_RUN:
            merged.append((Alternation([(source, group) for _, group, source in patterns], flags), ""))
        else:
            merged.extend((branch, group) for branch, group, _ in patterns)
        patterns.clear()

    for (branch, group), source in zip(plan, sources, strict=True):
        if isinstance(branch, Literal):
            if patterns or (literals and literals[0][0].ignore_case != branch.ignore_case):
                close()
            literals.append((branch, group))
        elif _GROUP_REFERENCE.search(source):
            close()
            merged.append((branch, group))
        else:
            if literals:
                close()
            patterns.append((branch, group, source))
    close()
    return tuple(merged)


_GROUP_REFERENCE = regexcache.compiled(r"\\[1-9]|\(\?P[<=]")
"""A user's pattern that names a group or refers back to one ("(\\w+) and \\1"): in an alternation
its groups would be renumbered or named twice, so it is tried on its own."""


class FirstMatch:
    """The leftmost match of a list of patterns, and at one place the first of them that
    matches: what ``regex(items, flags).search`` finds, as (start, end).

    Where every pattern starts with a word character it is found with a ``Scanner``, which tries
    only the patterns that can start with each word's first letters (a search of the combined
    pattern tries them all at every character: a seventh of the time spent classifying a clause,
    for the four attribution patterns alone); otherwise with the combined pattern.
    """

    __slots__ = ("_scanner", "_pattern")

    def __init__(self, items: Sequence[tuple[str, str]], flags: int) -> None:
        at_words = all(_starts_a_word(pattern) for _, pattern in items)
        self._scanner = Scanner(items, flags, in_compounds=True) if at_words else None
        self._pattern = None if at_words else regex(items, flags)

    def compile_all(self) -> None:
        """Compile every pattern now (``Scanner.compile_all``)."""
        if self._scanner is not None:
            self._scanner.compile_all()

    def search(self, plain: str, words: Sequence[tuple[int, str]]) -> tuple[int, int] | None:
        """Where the first match in ``plain`` (whose ``words()`` are given) starts and ends."""
        if self._scanner is not None:
            found = self._scanner.scan(plain, words)
            return (found[0][0], found[0][1]) if found else None
        match = self._pattern.search(plain) if self._pattern is not None else None
        return match.span() if match else None


def first_match(items: Sequence[tuple[str, str]], flags: int) -> FirstMatch | None:
    """A ``FirstMatch`` of the patterns; None where there are none."""
    return FirstMatch(items, flags) if items else None


def _starts_a_word(pattern: str) -> bool:
    """Whether every match of the pattern starts with a word character (so at a word's start,
    where ``(?<!\\w)`` lets the combined pattern match).

    >>> _starts_a_word(r"(?:the|a)\\s+statement"), _starts_a_word(r"[':]said"), _starts_a_word(r"\\W?said")
    (True, False, False)
    """
    prefixes = _prefixes(pattern)
    return prefixes is not None and all(prefix and (prefix[0].isalnum() or prefix[0] == "_") for prefix in prefixes)


def regex(items: Iterable[tuple[str, str]], flags: int) -> re.Pattern[str] | None:
    body = "|".join(rf"(?P<{group}>(?<!\w)(?:{expand(pattern)})(?!\w))" for group, pattern in items)
    return regexcache.compiled(body, flags) if body else None
