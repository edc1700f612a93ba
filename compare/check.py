"""Checking a corpus unattended: the cases and rules of a ``jointdiff.toml`` manifest, for CI.

A corpus is a folder holding statements and a manifest. Each ``[[case]]`` names an old and a new
statement and, optionally, golden files: the JSON of ``jointdiff diff --format json`` and the
Markdown report of ``jointdiff report``, both as run from the corpus folder. Each ``[[rule]]``
selects clauses (by target or topic, kind, text pattern) and either forbids statuses and shifts
for them or requires that the new text still says something. This module loads and validates the
manifest (``load_manifest``), runs every case through the pipeline, in worker processes when
there are many (``run_check``), and returns the outcomes; ``check_command`` prints them and
``junit`` writes them for CI systems. Nothing in a manifest is ever executed: it is data, its
paths must stay inside the corpus folder, golden files may be neither inputs (by name or by hard
link) nor hidden files, and its patterns are refused when matching them could take long and
stopped when they do (see ``compile_pattern``).
"""

from __future__ import annotations

import difflib
import json
import math
import os
import re
import secrets
import stat
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

# The parser of Python's own regular expressions: private, but the only way to see the
# structure of a pattern exactly as ``re`` will run it.
from re import _constants as sre
from re import _parser as sre_parser
from typing import TYPE_CHECKING, Any

import regex

from compare.errors import FixtureError, InputError
from compare.limits import Unreadable, check_clause_count, max_input_bytes, read_limited
from compare.model import Clause, Kind, Pair, Shift, Status
from compare.safe import printable

if TYPE_CHECKING:
    from compare.corrections import Corrections
    from compare.model import Comparison, Document

__all__ = [
    "MANIFEST_NAME",
    "Case",
    "CaseInputs",
    "CaseRun",
    "CheckResult",
    "Failure",
    "Finding",
    "Manifest",
    "Outcome",
    "PatternTooSlow",
    "Rule",
    "compile_pattern",
    "evaluate_case",
    "golden_json_diff",
    "golden_text_diff",
    "load_manifest",
    "read_case",
    "run_check",
    "search",
]

MANIFEST_NAME = "jointdiff.toml"
MAX_PATTERN_LENGTH = 500
"""Longest text pattern a rule may hold, in characters."""
MAX_MANIFEST_BYTES = 1_000_000
MAX_DETAIL_LINES = 20
"""Lines of difference shown under one failure; the rest are counted, not shown."""
PARALLEL_FROM = 8
"""Fewest cases worth starting worker processes for: below this, start-up costs more than it saves."""

_CASE_KEYS = ("name", "old", "new", "expect", "report")
_RULE_KEYS = ("name", "cases", "target", "kind", "text", "forbid", "require")
_FORBIDDABLE = (*(status.value for status in Status), *(shift.value for shift in Shift))
_KINDS = tuple(kind.value for kind in Kind)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control and bidi-override characters: refused in names, so every output can show them as they are."""


# --------------------------------------------------------------------------------------------
# The manifest


@dataclass(frozen=True, slots=True)
class Case:
    """One comparison to run: two statements of the corpus and the golden files it must match."""

    name: str
    old: str
    """Path relative to the corpus folder, as written in the manifest; the Document is named so."""
    new: str
    expect: str | None = None
    """Golden JSON of ``jointdiff diff --format json`` run from the corpus folder."""
    report: str | None = None
    """Golden Markdown of ``jointdiff report`` run from the corpus folder."""
    line: int = 0
    """Line of the manifest where the case starts (its ``[[case]]`` header)."""
    lines: tuple[tuple[str, int], ...] = ()
    """Line of each key of the case, for messages that point at one field."""

    def line_of(self, key: str) -> int:
        """The manifest line of ``key``, or of the case itself where the key has none."""
        return dict(self.lines).get(key, self.line)

    def where(self, manifest: Path, key: str) -> str:
        """How a message points at one field of the case: ``jointdiff.toml:5: [[case]] 'a': new``."""
        return f"{manifest}:{self.line_of(key)}: [[case]] {self.name!r}: {key}"

    @property
    def goldens(self) -> tuple[tuple[str, str], ...]:
        """(key, path) of each golden file the case names."""
        return tuple((key, path) for key, path in (("expect", self.expect), ("report", self.report)) if path)


@dataclass(frozen=True, slots=True)
class Rule:
    """Clauses to select and what must (not) become of them.

    A clause is selected when it passes every selector given: one of ``targets`` among its
    targets or topics, one of ``kinds`` as its kind, ``text`` found in it. A ``forbid`` rule fails
    for each selected pair (a pair is selected when a clause on either side is) whose status or
    shift is forbidden; a ``require`` rule fails when no selected clause of the new text matches.
    """

    name: str
    cases: tuple[str, ...] = ()
    """Names of the cases it applies to; every case when empty."""
    targets: tuple[str, ...] = ()
    """Canonical names, matched case-insensitively against a clause's targets and its topics."""
    kinds: tuple[str, ...] = ()
    text: regex.Pattern[str] | None = None
    forbid: tuple[str, ...] = ()
    """Statuses and shifts ("removed", "weaker") a selected pair must not have."""
    require: regex.Pattern[str] | None = None
    line: int = 0

    @property
    def has_selectors(self) -> bool:
        """Whether the rule narrows the clauses it looks at (else it looks at every clause)."""
        return bool(self.targets or self.kinds or self.text)

    def applies_to(self, case: Case) -> bool:
        """Whether the rule checks this case."""
        return not self.cases or case.name in self.cases

    def selects(self, clause: Clause, deadline: float = math.inf) -> bool:
        """Whether the clause passes every selector of the rule (the text pattern searched no
        later than ``deadline``, a ``time.monotonic()`` value).

        >>> from compare.model import Clause, Label
        >>> clause = Clause("old", 0, 1, 1, 0, 9, "Peace in the Strait", Label(topics=("Taiwan Strait",)))
        >>> Rule("r", targets=("taiwan strait",)).selects(clause), Rule("r", kinds=("call",)).selects(clause)
        (True, False)

        Raises:
            TimeoutError: the deadline passed while searching.
        """
        label = clause.label
        if self.targets:
            names = {name.casefold() for name in (*label.targets, *label.topics)} if label else set()
            if not names & {target.casefold() for target in self.targets}:
                return False
        if self.kinds and (label is None or label.kind.value not in self.kinds):
            return False
        return self.text is None or search(self.text, clause.text, deadline)


@dataclass(frozen=True, slots=True)
class Manifest:
    """A validated manifest: where the corpus is, its cases and its rules."""

    path: Path
    """The manifest as the user named it (``fixtures/jointdiff.toml``): what messages show."""
    root: Path
    """The corpus folder, resolved: every path of the manifest lies inside it."""
    cases: tuple[Case, ...]
    rules: tuple[Rule, ...] = ()

    def rules_for(self, case: Case) -> tuple[Rule, ...]:
        """The rules that check ``case``."""
        return tuple(rule for rule in self.rules if rule.applies_to(case))


def load_manifest(directory: str | os.PathLike[str], *, creating_goldens: bool = False) -> Manifest:
    """Read and validate ``DIRECTORY/jointdiff.toml``; nothing in it is run.

    Args:
        directory: the corpus folder.
        creating_goldens: golden files may be missing (``--update`` writes them); otherwise a
            missing golden file is an error like any missing file.

    Raises:
        FixtureError: the folder or manifest is missing or unreadable, the manifest is not TOML,
            or an entry is malformed: an unknown key, a wrong type, a path that is missing or
            leaves the folder, a pattern that does not compile or could take too long. The
            message names the manifest line and the field.
    """
    folder = Path(directory)
    path = folder / MANIFEST_NAME
    if not folder.is_dir():
        raise FixtureError(f"cannot check '{folder}': not a directory")
    if not path.exists() and not path.is_symlink():
        raise FixtureError(f"cannot check '{folder}': no {MANIFEST_NAME} in it")
    try:
        # A regular file only: a FIFO would block and a link to /dev/zero fill memory.
        data = read_limited(path, MAX_MANIFEST_BYTES)
    except Unreadable as err:
        problem = "too large" if err.reason.startswith("larger") else "cannot be read"
        raise FixtureError(f"'{path}' {problem}: {err.reason}") from err
    try:
        text = data.decode("utf-8")
        document = tomllib.loads(text)
    except UnicodeDecodeError as err:
        raise FixtureError(f"'{path}' is not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})") from err
    except tomllib.TOMLDecodeError as err:
        raise FixtureError(f"'{path}' is not valid TOML ({err})") from err
    except RecursionError as err:  # tomllib recurses once per level of nesting: "a = [[[[..."
        raise FixtureError(f"'{path}' is not valid TOML (nested too deeply)") from err
    return _Validator(path, folder.resolve(), _Layout(text), creating_goldens).manifest(document)


class _Layout:
    """Where tables and keys sit in the manifest text: tomllib gives no line numbers.

    Found by scanning lines for table headers and ``key =``, which is exact for manifests as
    people write them (a header inside a multi-line string would mislead it, and then a message
    points at a nearby line instead).

    >>> layout = _Layout('[[case]]\\nname = "a"\\n\\n[[case]]\\n old = "x"\\n')
    >>> layout.line("case", 1), layout.line("case", 1, "old"), layout.line("case", 1, "new")
    (4, 5, 4)
    """

    _HEADER = re.compile(r"\s*\[\[?\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
    _KEY = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\s*[=.]")

    def __init__(self, text: str) -> None:
        self._tables: list[tuple[str, int, dict[str, int]]] = [("", 1, {})]
        for number, line in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(line)
            if header:
                self._tables.append((header.group(1), number, {}))
                continue
            key = self._KEY.match(line)
            if key:
                self._tables[-1][2].setdefault(key.group(1).strip("\"'"), number)

    def line(self, header: str, index: int = 0, key: str | None = None) -> int:
        """Line of ``key`` in the ``index``-th table named ``header`` ("" for the top level),
        else of that table's header, else 1."""
        found = [(number, keys) for name, number, keys in self._tables if name == header]
        if index >= len(found):
            return self._tables[0][2].get(header, 1)
        number, keys = found[index]
        return keys.get(key, number) if key else number


@dataclass(slots=True)
class _Entry:
    """One ``[[case]]`` or ``[[rule]]`` table being validated, and how to point at its lines."""

    validator: _Validator
    section: str
    index: int
    values: dict[str, Any]
    name: str = ""

    def line(self, key: str | None = None) -> int:
        return self.validator.layout.line(self.section, self.index, key)

    def fail(self, key: str | None, problem: str) -> FixtureError:
        what = f"[[{self.section}]] {self.name!r}" if self.name else f"[[{self.section}]] #{self.index + 1}"
        where = f"{what}: {key}" if key else what
        return FixtureError(f"{self.validator.path}:{self.line(key)}: {where}: {problem}")

    def check_keys(self, allowed: Sequence[str]) -> None:
        for key in self.values:
            if key not in allowed:
                raise self.fail(key, f"unknown key (expected one of {', '.join(allowed)})")

    def string(self, key: str, *, required: bool = False) -> str | None:
        value = self.values.get(key)
        if value is None:
            if required:
                raise self.fail(key, "missing")
            return None
        if not isinstance(value, str):
            raise self.fail(key, f"must be a string, not {_shown(value)}")
        if not value.strip():
            raise self.fail(key, "must not be empty")
        if _CONTROL.search(value):
            raise self.fail(key, "must not hold control or bidi characters")
        return value

    def strings(self, key: str, choices: Sequence[str] = ()) -> tuple[str, ...]:
        """A string or a list of strings, each one of ``choices`` where choices are given."""
        value = self.values.get(key, [])
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise self.fail(key, f"must be a string or a list of strings, not {_shown(value)}")
        if key in self.values and not all(v.strip() for v in (values or [""])):
            raise self.fail(key, "must not be empty")
        for item in values:
            if _CONTROL.search(item):
                raise self.fail(key, "must not hold control or bidi characters")
            if choices and item not in choices:
                raise self.fail(key, f"{item!r} is not one of {', '.join(choices)}")
        return tuple(dict.fromkeys(values))

    def pattern(self, key: str) -> regex.Pattern[str] | None:
        value = self.string(key)
        if value is None:
            return None
        try:
            return compile_pattern(value)
        except ValueError as err:
            raise self.fail(key, str(err)) from err

    def path(self, key: str, *, required: bool = False, may_be_missing: bool = False) -> str | None:
        value = self.string(key, required=required)
        if value is None:
            return None
        try:
            resolved = _contained(self.validator.root, value)
        except ValueError as err:
            raise self.fail(key, str(err)) from err
        if resolved.is_file() or (may_be_missing and not resolved.exists() and resolved.parent.is_dir()):
            return value
        if resolved.is_dir():
            raise self.fail(key, f"'{value}' is a directory")
        if may_be_missing:
            raise self.fail(key, f"no such directory for '{value}'")
        hint = " (jointdiff check --update writes it)" if key in ("expect", "report") else ""
        raise self.fail(key, f"no such file '{value}'{hint}")


@dataclass(slots=True)
class _Validator:
    """Turns the parsed manifest into a Manifest, or raises at the first problem found."""

    path: Path
    root: Path
    layout: _Layout
    creating_goldens: bool

    def manifest(self, document: dict[str, Any]) -> Manifest:
        for key in document:
            if key not in ("case", "rule"):
                where = f"{self.path}:{self.layout.line(key)}"
                raise FixtureError(f"{where}: unknown table or key {key!r} (expected [[case]] and [[rule]])")
        cases = tuple(self._case(entry) for entry in self._entries(document, "case"))
        if not cases:
            raise FixtureError(f"{self.path}:1: no [[case]] (a manifest needs at least one)")
        self._check_goldens(cases)
        names = {case.name for case in cases}
        rules = tuple(self._rule(entry, names) for entry in self._entries(document, "rule"))
        return Manifest(self.path, self.root, cases, rules)

    def _entries(self, document: dict[str, Any], section: str) -> Iterator[_Entry]:
        tables = document.get(section, [])
        if not isinstance(tables, list):
            raise FixtureError(f"{self.path}:{self.layout.line(section)}: {section}: write [[{section}]] tables")
        seen: dict[str, int] = {}
        for index, values in enumerate(tables):
            entry = _Entry(self, section, index, values if isinstance(values, dict) else {})
            if not isinstance(values, dict):
                raise entry.fail(None, "must be a table")
            entry.name = entry.string("name", required=True) or ""
            if entry.name in seen:
                raise entry.fail("name", f"used twice (also on line {seen[entry.name]})")
            seen[entry.name] = entry.line()
            yield entry

    def _case(self, entry: _Entry) -> Case:
        entry.check_keys(_CASE_KEYS)
        goldens = {
            key: entry.path(key, may_be_missing=self.creating_goldens) for key in ("expect", "report")
        }
        return Case(
            name=entry.name,
            old=entry.path("old", required=True) or "",
            new=entry.path("new", required=True) or "",
            expect=goldens["expect"],
            report=goldens["report"],
            line=entry.line(),
            lines=tuple((key, entry.line(key)) for key in entry.values),
        )

    def _check_goldens(self, cases: Sequence[Case]) -> None:
        """Refuse golden files that ``--update`` would write over an input, the manifest or
        another golden file, whether by the same path or through a hard link (the same file
        under another name), or into a hidden file or folder such as ``.git/``."""
        taken: dict[Path, str] = {}
        inodes: dict[tuple[int, int], str] = {}

        def claim(resolved: Path, what: str) -> None:
            taken[resolved] = what
            if (identity := _identity(resolved)) is not None:
                inodes[identity] = what

        claim(_contained(self.root, MANIFEST_NAME), "the manifest")
        for case in cases:
            for path in (case.old, case.new):
                claim(_contained(self.root, path), f"an input of case {case.name!r}")
        for case in cases:
            for key, path in case.goldens:
                resolved = _contained(self.root, path)
                hidden = _hidden_part(path, resolved.relative_to(self.root))
                identity = _identity(resolved)
                if hidden:
                    problem = (
                        f"'{path}' is hidden ('{hidden}' starts with a dot): golden files are never "
                        "written to hidden files or folders, such as .git/"
                    )
                elif resolved in taken:
                    problem = f"'{path}' is {taken[resolved]}: a golden file needs a file of its own"
                elif identity in inodes:
                    problem = (
                        f"'{path}' is {inodes[identity]} under another name (a hard link): "
                        "a golden file needs a file of its own"
                    )
                else:
                    claim(resolved, f"the {key} file of case {case.name!r}")
                    continue
                raise FixtureError(f"{case.where(self.path, key)}: {problem}")

    def _rule(self, entry: _Entry, case_names: set[str]) -> Rule:
        entry.check_keys(_RULE_KEYS)
        cases = entry.strings("cases")
        for name in cases:
            if name not in case_names:
                raise entry.fail("cases", f"no case is named {name!r}")
        rule = Rule(
            name=entry.name,
            cases=cases,
            targets=entry.strings("target"),
            kinds=entry.strings("kind", _KINDS),
            text=entry.pattern("text"),
            forbid=entry.strings("forbid", _FORBIDDABLE),
            require=entry.pattern("require"),
            line=entry.line(),
        )
        if bool(rule.forbid) == (rule.require is not None):
            both = ", not both (write two rules)" if rule.forbid else ""
            raise entry.fail(None, f"give forbid or require{both}")
        return rule


def _shown(value: object) -> str:
    """A value of the wrong type as a message shows it: its TOML type, not its content.

    >>> _shown(3), _shown([1, 2]), _shown({"a": 1})
    ('an integer', 'a list holding other things', 'a table')
    """
    if isinstance(value, list):
        return "a list holding other things"
    names = {bool: "a boolean", int: "an integer", float: "a number", dict: "a table"}
    return names.get(type(value), f"a {type(value).__name__}")


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of an existing file: equal for two names of one file (hard links)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _hidden_part(*paths: PurePath) -> str:
    """The first part of any of ``paths`` that starts with a dot (".git"), or "".

    >>> _hidden_part(PurePosixPath("cases/.git/config")), _hidden_part(PurePosixPath("a/b.json"))
    ('.git', '')
    """
    for path in paths:
        for part in PurePosixPath(path).parts:
            if part.startswith(".") and part not in (".", ".."):
                return part
    return ""


def _contained(root: Path, relative: str) -> Path:
    """The resolved path of ``relative`` inside ``root`` (resolved), following symbolic links.

    Raises:
        ValueError: the path is absolute, uses "..", holds a NUL or a backslash, or leads out of
            ``root`` (through a symbolic link, say).

    >>> _contained(Path("/corpus"), "../etc/passwd")
    Traceback (most recent call last):
    ValueError: '../etc/passwd' must not use '..'
    """
    windows = PureWindowsPath(relative)
    if PurePosixPath(relative).is_absolute() or windows.is_absolute() or windows.drive:
        raise ValueError(f"'{relative}' must be a path relative to the corpus folder")
    if "\\" in relative or "\x00" in relative:
        raise ValueError(f"'{relative}' must use '/' between folders")
    if ".." in PurePosixPath(relative).parts:
        raise ValueError(f"'{relative}' must not use '..'")
    resolved = (root / relative).resolve()
    if not resolved.is_relative_to(root):
        raise ValueError(f"'{relative}' leads out of the corpus folder (through a symbolic link)")
    return resolved


# --------------------------------------------------------------------------------------------
# Patterns that cannot hang the check

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


# --------------------------------------------------------------------------------------------
# Running cases and rules


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


def run_check(
    manifest: Manifest,
    *,
    update: bool = False,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """Run every case and rule of the manifest.

    Args:
        update: rewrite golden files that differ from (or are missing for) this run.
        jobs: worker processes; cases run in the calling process when 1 or when there are
            fewer than PARALLEL_FROM cases.
        progress: called with (cases done, cases in all) after each case.

    Raises:
        InputError: a statement cannot be read; the message names the manifest line.
        FixtureError: a case names a report golden and the report library is missing.
    """
    started = time.perf_counter()
    cases = manifest.cases
    _require_report_library(manifest)
    runs: dict[str, CaseRun] = {}
    for done, run in enumerate(_runs(manifest, update, jobs), start=1):
        runs[run.outcome.name] = run
        if progress:
            progress(done, len(cases))
    rules = tuple(
        _rule_outcome(rule, [runs[case.name] for case in cases if rule.applies_to(case)]) for rule in manifest.rules
    )
    outcomes = tuple(runs[case.name].outcome for case in cases)
    return CheckResult(manifest, outcomes, rules, time.perf_counter() - started)


def _runs(manifest: Manifest, update: bool, jobs: int) -> Iterator[CaseRun]:
    """Each case run, in the order they finish."""
    if jobs <= 1 or len(manifest.cases) < PARALLEL_FROM:
        yield from (_check_case(manifest, case, update) for case in manifest.cases)
        return
    import compare.pipeline  # noqa: F401  -- loaded once here, so forked workers inherit it

    # Longest inputs first, so that no worker is left with a long case while the other idles.
    largest_first = sorted(manifest.cases, key=lambda case: -_input_size(manifest, case))
    with ProcessPoolExecutor(max_workers=min(jobs, len(largest_first))) as pool:
        futures = [pool.submit(_check_case, manifest, case, update) for case in largest_first]
        try:
            for future in as_completed(futures):
                yield future.result()
        finally:
            for future in futures:
                future.cancel()


def _input_size(manifest: Manifest, case: Case) -> int:
    """Bytes of both statements of a case (0 for one that cannot be read now: reading will say why)."""
    try:
        return sum((manifest.root / path).stat().st_size for path in (case.old, case.new))
    except OSError:
        return 0


def _check_case(manifest: Manifest, case: Case, update: bool) -> CaseRun:
    """Read, evaluate and (with ``update``) write the goldens of one case: a worker's task."""
    started = time.perf_counter()
    try:
        run = evaluate_case(case, read_case(manifest, case), manifest.rules_for(case))
    except PatternTooSlow as err:
        slow = PatternTooSlow(err.rule, f"case {case.name!r}")
        raise FixtureError(f"{manifest.path}:{err.rule.line}: {slow}") from err
    outcome = run.outcome
    if update:
        updated = tuple(path for path, text in run.made if _write_golden(manifest, case, path, text))
        outcome = replace(outcome, failures=(), updated=updated)
    return replace(run, outcome=replace(outcome, seconds=time.perf_counter() - started), made=())


def read_case(manifest: Manifest, case: Case) -> CaseInputs:
    """Read both statements and the golden files of a case: the only reading a check does.

    The documents are named by their manifest paths, as ``jointdiff diff`` names them when run
    from the corpus folder, so that golden files do not depend on where the corpus lies.

    Raises:
        InputError: a statement cannot be read, or a path has left the corpus folder since the
            manifest was loaded; the message names the manifest line.
    """
    from compare.read import read

    documents = []
    for key, relative in (("old", case.old), ("new", case.new)):
        try:
            path = _contained(manifest.root, relative)
            document = read(path)
            check_clause_count(document)
        except (ValueError, InputError) as err:
            raise InputError(f"{case.where(manifest.path, key)}: {err}") from err
        # read() names the file it was given in its warnings too ("'x.txt': decoded as cp1252").
        quoted, renamed = f"'{path}'", f"'{relative}'"
        warnings = tuple(warning.replace(quoted, renamed) for warning in document.warnings)
        documents.append(replace(document, path=relative, warnings=warnings))
    goldens: dict[str, str | None] = {}
    for key, relative in case.goldens:
        try:
            data = read_limited(_contained(manifest.root, relative), max_input_bytes())
            goldens[key] = data.decode("utf-8", errors="replace")
        except Unreadable as err:
            if err.reason != "no such file":
                raise InputError(f"{case.where(manifest.path, key)}: cannot read '{relative}': {err.reason}") from err
            goldens[key] = None
        except ValueError as err:
            raise InputError(f"{case.where(manifest.path, key)}: {err}") from err
    return CaseInputs(
        documents[0], documents[1], goldens.get("expect"), goldens.get("report"), _case_corrections(manifest, case)
    )


def _case_corrections(manifest: Manifest, case: Case) -> Corrections | None:
    """The corrections file beside a case's new statement, named by its manifest path."""
    from compare.corrections import default_path, load_corrections

    relative = default_path(case.new)
    if relative is None:
        return None
    try:
        path = _contained(manifest.root, relative.as_posix())
    except ValueError:
        return None
    if not Path(path).is_file():
        return None
    loaded = load_corrections(path)
    return replace(loaded, path=relative.as_posix())


def _write_golden(manifest: Manifest, case: Case, relative: str, text: str) -> bool:
    """Write one golden file unless it already holds ``text``; whether it was written."""
    path = _contained(manifest.root, relative)
    data = text.encode("utf-8")
    try:
        if read_limited(path, len(data)) == data:
            return False
    except Unreadable:
        pass  # missing, longer than this run's or not a plain file: replaced below
    try:
        _replace_file(path, data)
    except OSError as err:
        key = "expect" if relative == case.expect else "report"
        reason = (err.strerror or str(err)).lower()
        raise FixtureError(f"{case.where(manifest.path, key)}: cannot write '{relative}': {reason}") from err
    return True


def _replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file beside ``path``, then rename it over ``path``.

    Writing in place would write through a hard link into whatever other file shares the
    golden file's inode (an input, should one have been linked there after the manifest was
    checked); a new file only ever replaces the name. A reader never sees half a file either.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o666  # as a new file gets it, less the umask
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def evaluate_case(case: Case, inputs: CaseInputs, rules: Sequence[Rule] = ()) -> CaseRun:
    """Compare the statements of a case, check its goldens and rules; pure (no I/O).

    Returns:
        The case's outcome, what each rule found, and each golden file as this run makes it.
    """
    from compare.pipeline import compare_documents
    from compare.render.jsonfmt import comparison_record, dumps

    comparison = compare_documents(inputs.old, inputs.new, corrections=inputs.corrections)
    made: list[tuple[str, str]] = []
    failures: list[Failure] = [Failure(warning, case.line_of("new")) for warning in comparison.warnings]
    if case.expect:
        actual = dumps(comparison_record(comparison))
        made.append((case.expect, actual))
        if actual != inputs.expected_json:
            details = golden_json_diff(inputs.expected_json, actual)
            failures.append(Failure(f"{case.expect} differs from this run", case.line_of("expect"), details))
    if case.report:
        from compare.report import render_report

        actual = render_report(comparison)
        made.append((case.report, actual))
        if actual != inputs.expected_report:
            details = golden_text_diff(inputs.expected_report, actual)
            failures.append(Failure(f"{case.report} differs from this run", case.line_of("report"), details))
    findings = tuple(_finding(rule, comparison) for rule in rules)
    outcome = Outcome("case", case.name, case.line, tuple(failures))
    return CaseRun(outcome, findings, tuple(made))


def _require_report_library(manifest: Manifest) -> None:
    """Fail before any work when a case asks for a report and the report library is missing.

    Raises:
        FixtureError: named at the first case's ``report`` line.
    """
    case = next((case for case in manifest.cases if case.report), None)
    if case is None:
        return
    try:
        import compare.report  # noqa: F401
    except ImportError as err:
        problem = f"this installation has no report library ({err})"
        raise FixtureError(f"{case.where(manifest.path, 'report')}: {problem}") from err


def _finding(rule: Rule, comparison: Comparison) -> Finding:
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
    return Finding(rule.name, len(selected), Failure(message, rule.line, _capped(details)))


def _forbidden(rule: Rule, pair: Pair) -> str:
    """Which forbidden status or shift the pair has ("removed", "weaker"), or ""."""
    for value in (pair.status.value, pair.shift.value if pair.shift else None):
        if value in rule.forbid:
            return value
    return ""


def _rule_outcome(rule: Rule, runs: Sequence[CaseRun]) -> Outcome:
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


# --------------------------------------------------------------------------------------------
# Compact differences between golden and actual


def _describe(pair: Pair, width: int = 70) -> str:
    """One line for a pair: its clause ids and the start of its text.

    >>> from compare.model import Clause, Pair, Status
    >>> _describe(Pair(Status.REMOVED, (Clause("old", 3, 1, 1, 0, 9, "We condemn it."),), ()))
    'old:4 "We condemn it."'
    """
    return _clauses_line([c.id for c in pair.old], [c.id for c in pair.new], (pair.new or pair.old)[0].text, width)


def _clauses_line(old_ids: Sequence[str], new_ids: Sequence[str], text: str, width: int = 70) -> str:
    ids = " → ".join(part for part in (",".join(old_ids), ",".join(new_ids)) if part)
    return f'{ids} "{_shortened(text, width)}"'


def _shortened(text: str, width: int) -> str:
    """The text made printable and cut to ``width`` characters with an ellipsis.

    >>> _shortened("The Ministers underscored the importance", 20)
    'The Ministers under…'
    """
    text = printable(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _capped(lines: Sequence[str]) -> tuple[str, ...]:
    """At most MAX_DETAIL_LINES lines, the rest counted on a last line."""
    if len(lines) <= MAX_DETAIL_LINES:
        return tuple(lines)
    return (*lines[: MAX_DETAIL_LINES - 1], f"… and {len(lines) - MAX_DETAIL_LINES + 1} more")


def golden_json_diff(expected: str | None, actual: str) -> tuple[str, ...]:
    """What differs between golden and actual ``jointdiff diff`` JSON, one screen at most.

    Summary counts, options and documents first; then, pairs matched by their clause texts,
    changes of status, score, shift, routine and clause labels; then pairs of the golden file
    the run no longer makes (``-``) and pairs it makes instead (``+``). Differences that none of
    these show (offsets, formatting) are shown as the first differing line.

    >>> golden_json_diff(None, "{}")
    ('no golden file yet: jointdiff check --update writes it',)
    """
    if expected is None:
        return ("no golden file yet: jointdiff check --update writes it",)
    try:
        old_record = json.loads(expected)
        if not isinstance(old_record, dict) or not isinstance(old_record.get("pairs"), list):
            raise ValueError("no list of pairs")
        lines = _record_changes(old_record, json.loads(actual))
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as err:
        problem = f"the golden file is not jointdiff JSON ({_shortened(str(err), 60)})"
        lines = [problem, *_first_difference(expected, actual)]
    return _capped(lines or _first_difference(expected, actual))


_Record = dict[str, Any]
"""One JSON object of ``jointdiff diff --format json`` (the whole output, a pair, a clause)."""


def _record_changes(expected: _Record, actual: _Record) -> list[str]:
    """The differences between two whole outputs, header first, then pair by pair."""
    lines: list[str] = []
    for key in ("schema_version", "options", "old", "new", "summary"):
        was, now = expected.get(key), actual.get(key)
        if isinstance(was, dict) and isinstance(now, dict):
            changed = _changes(was, now, sorted(set(was) | set(now)))
            if changed:
                lines.append(f"{key}: {', '.join(changed)}")
        elif was != now:
            lines.append(f"{key}: {_value(was)} → {_value(now)}")
    expected_pairs, actual_pairs = expected["pairs"], actual["pairs"]
    for key in (_pair_texts, _pair_ids):
        matched, expected_pairs, actual_pairs = _matched(expected_pairs, actual_pairs, key)
        lines.extend(line for was, now in matched for line in _pair_changes(was, now))
    lines.extend(f"- {_pair_line(pair)}" for pair in expected_pairs)
    lines.extend(f"+ {_pair_line(pair)}" for pair in actual_pairs)
    return lines


def _matched(
    expected: list[_Record], actual: list[_Record], key: Callable[[_Record], tuple[Any, ...]]
) -> tuple[list[tuple[_Record, _Record]], list[_Record], list[_Record]]:
    """Pairs of both lists with the same key (in order), and what is left of each list."""
    waiting: dict[tuple[Any, ...], list[_Record]] = defaultdict(list)
    for pair in expected:
        waiting[key(pair)].append(pair)
    matched, left = [], []
    for pair in actual:
        twins = waiting.get(key(pair))
        if twins:
            matched.append((twins.pop(0), pair))
        else:
            left.append(pair)
    return matched, [pair for pairs in waiting.values() for pair in pairs], left


def _pair_texts(pair: _Record) -> tuple[Any, ...]:
    return tuple(c["text"] for c in pair["old"]), tuple(c["text"] for c in pair["new"])


def _pair_ids(pair: _Record) -> tuple[Any, ...]:
    return tuple(c["id"] for c in pair["old"]), tuple(c["id"] for c in pair["new"])


def _pair_line(pair: _Record) -> str:
    score = f" {pair['score']:.1f}" if isinstance(pair.get("score"), (int, float)) else ""
    text = (pair["new"] or pair["old"])[0]["text"]
    clauses = _clauses_line([c["id"] for c in pair["old"]], [c["id"] for c in pair["new"]], text)
    return f"{pair['status']}{score} {clauses}"


_PAIR_FIELDS = ("status", "score", "shift", "routine")
_CLAUSE_FIELDS = (
    "kind", "intensity", "stance", "negated", "hedges", "actors", "targets", "topics", "quoted", "attribution"
)


def _pair_changes(expected: _Record, actual: _Record) -> list[str]:
    """Changes within one pair found in both: its own fields, then each clause's labels."""
    lines = []
    changed = _changes(expected, actual, _PAIR_FIELDS)
    if changed:
        lines.append(f"~ {_pair_line(actual)}: {', '.join(changed)}")
    for was, now in zip((*expected["old"], *expected["new"]), (*actual["old"], *actual["new"]), strict=True):
        changed = _changes(was, now, _CLAUSE_FIELDS)
        if was["text"] != now["text"]:
            changed.append(_text_change(was["text"], now["text"]))
        if changed:
            lines.append(f"~ {_clauses_line([now['id']], [], now['text'])}: {', '.join(changed)}")
    return lines


def _changes(was: _Record, now: _Record, keys: Iterable[str]) -> list[str]:
    """"key old → new" for each of ``keys`` whose value differs.

    >>> _changes({"status": "moved", "score": 99.0}, {"status": "reworded", "score": 99.0}, ["status", "score"])
    ['status moved → reworded']
    """
    return [f"{key} {_value(was.get(key))} → {_value(now.get(key))}" for key in keys if was.get(key) != now.get(key)]


def _text_change(was: str, now: str) -> str:
    """Where a clause's text changed, with a little context on each side.

    >>> _text_change("We welcome the plan.", "We welcome the new plan.")
    'text "…ome the plan." → "…ome the new plan."'
    """
    start = next((i for i, (a, b) in enumerate(zip(was, now, strict=False)) if a != b), min(len(was), len(now)))
    context = max(0, start - 8)
    return f'text "…{_shortened(was[context:], 30)}" → "…{_shortened(now[context:], 30)}"'


def _value(value: Any) -> str:
    """A JSON value as a difference shows it.

    >>> _value(87.456), _value(None), _value(["China"])
    ('87.5', 'none', "['China']")
    """
    if isinstance(value, float):
        return f"{value:.1f}"
    if value is None:
        return "none"
    return _shortened(str(value), 40)


def golden_text_diff(expected: str | None, actual: str) -> tuple[str, ...]:
    """The changed lines between a golden text file (the Markdown report) and this run's.

    >>> golden_text_diff("a\\nb\\n", "a\\nc\\n")
    ('@@ -2 +2 @@', '-b', '+c')
    """
    if expected is None:
        return ("no golden file yet: jointdiff check --update writes it",)
    delta = difflib.unified_diff(expected.splitlines(), actual.splitlines(), n=0, lineterm="")
    lines = [_shortened(line, 120) for line in delta if not line.startswith(("---", "+++"))]
    return _capped(lines or _first_difference(expected, actual))


def _first_difference(expected: str, actual: str) -> list[str]:
    """Where two texts first differ, for differences the structured views do not show."""
    for number, (was, now) in enumerate(zip(expected.splitlines(True), actual.splitlines(True), strict=False), start=1):
        if was != now:
            return [
                f"first difference on line {number}:",
                f"- {_shortened(repr(was), 110)}",
                f"+ {_shortened(repr(now), 110)}",
            ]
    return [f"lengths differ: {len(expected)} → {len(actual)} characters (line ends or a final newline?)"]
