"""The manifest of a checked corpus: ``jointdiff.toml`` read and validated, nothing in it run.

``load_manifest`` turns the TOML into a ``Manifest`` of ``Case`` and ``Rule`` values, or raises a
FixtureError that names the manifest line and field of the first problem: an unknown key, a
wrong type, a path that is missing or leaves the corpus folder (``contained``), a golden file
that would overwrite an input, the manifest, another golden file or a hidden file, a pattern
that does not compile or could take too long (``patterns``).
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any

import regex

from compare import regexcache
from compare.check.patterns import compile_pattern, search
from compare.errors import FixtureError
from compare.limits import Unreadable, read_limited
from compare.model import Clause, Kind, Shift, Status

__all__ = ["MANIFEST_NAME", "MAX_MANIFEST_BYTES", "Case", "Manifest", "Rule", "contained", "load_manifest"]

MANIFEST_NAME = "jointdiff.toml"


MAX_MANIFEST_BYTES = 1_000_000


_CASE_KEYS = ("name", "old", "new", "expect", "report")
_RULE_KEYS = ("name", "cases", "target", "kind", "text", "forbid", "require")
_FORBIDDABLE = (*(status.value for status in Status), *(shift.value for shift in Shift))
_KINDS = tuple(kind.value for kind in Kind)
_CONTROL = regexcache.compiled("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control and bidi-override characters: refused in names, so every output can show them as they are."""


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

    _HEADER = regexcache.compiled(r"\s*\[\[?\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
    _KEY = regexcache.compiled(r"\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\s*[=.]")

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
            resolved = contained(self.validator.root, value)
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

        claim(contained(self.root, MANIFEST_NAME), "the manifest")
        for case in cases:
            for path in (case.old, case.new):
                claim(contained(self.root, path), f"an input of case {case.name!r}")
        for case in cases:
            for key, path in case.goldens:
                resolved = contained(self.root, path)
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


def contained(root: Path, relative: str) -> Path:
    """The resolved path of ``relative`` inside ``root`` (resolved), following symbolic links.

    Raises:
        ValueError: the path is absolute, uses "..", holds a NUL or a backslash, or leads out of
            ``root`` (through a symbolic link, say).

    >>> contained(Path("/corpus"), "../etc/passwd")
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
