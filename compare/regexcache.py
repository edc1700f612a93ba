"""Regular expressions compiled once and kept between runs, as Python keeps bytecode: the
lexicon's, the genre profiles' and the modules' own (``PATTERN = regexcache.compiled(...)``
where a module would write ``re.compile``); and, in the same file, the parse of the TOML files
they come from (``toml``). Standard library only.

Python parses and compiles a regular expression in Python code: for the lexicon's few hundred
patterns that was a fifth of a typical ``jointdiff diff`` (about 40 ms of parsing, compiling
and working out each scanner branch's first letters, every run); the modules' hundred-odd
patterns and the plain texts of the lexicon's literal branches cost some 25 ms more. This module
keeps what the compiler makes of each pattern (the code the regex engine runs, its flags and
groups), each scanner branch's first letters and each literal branch's texts in one file per
Python build, and builds the patterns from it.

- **Format**: ``marshal``, Python's own format for its bytecode caches, with each pattern's code
  as the raw bytes of its words. Until December 2026 it was JSON, whose 1.2 MB of integer lists
  took 20 ms to parse, some 8% of a typical ``jointdiff diff``; ``marshal`` reads the same
  tables in about 2 ms. A file is only read by the Python build that wrote it (its name says
  which), as with ``__pycache__``.
- **Where**: ``$JOINTDIFF_CACHE_DIR``, else ``$XDG_CACHE_HOME/jointdiff``, else
  ``~/.cache/jointdiff``; ``JOINTDIFF_CACHE_DIR=off`` keeps nothing between runs.
- **When written**: after loading a lexicon that held a pattern the file did not (the first run,
  a new release, a user's ``--lexicon``), when every pattern of the lexicon is compiled; and,
  for any other pattern new to the file, when the process ends. The file is replaced whole
  (written beside it, then renamed), so a reader never sees half of it.
- **Size**: a pattern no run uses any more (a user's lexicon since edited, an older release's)
  stays until a table of the file holds more than ``KEPT_ENTRIES``; then a run that writes it
  keeps only what that run used, so the file cannot grow without end. The same build's file of
  an older format is removed when the new one is written.
- **Trust**: the file is trusted as Python trusts ``__pycache__``, which lives in the same kind
  of place and is read with the same ``marshal``. A file that cannot be read or parsed, or that
  another Python build wrote, is ignored (and replaced when there is something to write); one
  that cannot be written is not, and the run is only slower. Entries are checked by the regex
  engine when built, and an entry the engine refuses is compiled afresh. A pattern is keyed by
  its full source and flags, so a changed lexicon never meets a stale entry.
"""

from __future__ import annotations

import _sre  # the regex engine's compiler interface (``re`` imports it: no cost)
import atexit
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = [
    "KEPT_ENTRIES", "cache_file", "compiled", "forget", "literals", "mark_valid", "pending", "prefixes", "save", "toml", "valid",
]

_FORMAT = 2
_TABLES = ("patterns", "prefixes", "literals", "documents")
_OFF = "off"
KEPT_ENTRIES = 4096
"""How many entries a table of the cache file (patterns, first letters, literal texts, valid
patterns) may hold before a run that writes it keeps only the entries it used: the shipped
lexicon and modules use about 600 patterns and 1,100 literal texts."""


def cache_file() -> Path | None:
    """The cache file of this Python build, or None when caching is off."""
    folder = os.environ.get("JOINTDIFF_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME")
        if not base:
            try:
                base = str(Path.home() / ".cache")
            except (RuntimeError, KeyError):  # no home directory to be found: keep nothing
                return None
        folder = str(Path(base) / "jointdiff")
    if not folder or folder == _OFF:
        return None
    build = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return Path(folder) / f"lexicon-regex-{build}-v{_FORMAT}.marshal"


class _Store:
    """The entries read from the cache file, and whether this run added any."""

    def __init__(self) -> None:
        self.path = cache_file()
        self.patterns: dict[str, list[Any]] = {}
        self.prefixes: dict[str, list[str] | None] = {}
        self.literals: dict[str, list[str] | None] = {}
        self.documents: dict[str, bytes] = {}
        """TOML texts -> their parse, in marshal (``toml``)."""
        self.valid: set[str] = set()
        self.used: dict[str, set[str]] = {name: set() for name in (*_TABLES, "valid")}
        """The keys of each table this run read or added, kept when a table outgrows KEPT_ENTRIES."""
        self.added = False
        if self.path is None:
            return
        try:
            data = marshal.loads(self.path.read_bytes())
            tables, valid = [data[name] for name in _TABLES], data["valid"]
        except (OSError, EOFError, ValueError, KeyError, TypeError):
            return  # no file yet, or one this build cannot use: it is rewritten when needed
        if all(isinstance(table, dict) for table in tables) and isinstance(valid, set):
            for name, table in zip(_TABLES, tables, strict=True):
                setattr(self, name, table)
            self.valid = valid


_store: _Store | None = None
_saving_at_exit = False
"""Whether ``save`` is registered to run when the process ends (once per process)."""


def _the_store() -> _Store:
    global _store
    if _store is None:
        _store = _Store()
    return _store


def compiled(source: str, flags: int = 0, parsed: Callable[[], Any] | None = None) -> re.Pattern[str]:
    """``re.compile(source, flags)``, built from the cache when it holds the pattern.

    Args:
        source: the pattern; the cache key with ``flags``.
        flags: as for re.compile.
        parsed: where the caller parses the pattern itself (to check it, or to share the parse),
            the parse to compile; the pattern then keeps no source (``.pattern`` is None), as
            when re's compiler is given a parse.
    """
    store = _the_store()
    key = f"{int(flags)}:{'p' if parsed else 's'}:{source}"
    store.used["patterns"].add(key)
    entry = store.patterns.get(key)
    if entry is not None:
        try:
            return _build(None if parsed else source, entry)
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # not code this engine runs: compiled afresh below
    from re import _compiler, _parser  # noqa: PLC0415  (only on a miss)

    tree = parsed() if parsed else _parser.parse(source, int(flags))
    code = _compiler._code(tree, int(flags))
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = [int(flags) | tree.state.flags, _words(code), tree.state.groups - 1, groupindex, indexgroup]
    store.patterns[key] = entry
    _added(store)
    return _build(None if parsed else source, entry)


def _added(store: _Store) -> None:
    """Note that this run added an entry; the first time, have it saved when the process ends
    (the lexicon saves its own at once; a module's pattern compiled after that is kept too)."""
    global _saving_at_exit
    if store.path is not None and not _saving_at_exit:
        atexit.register(save)
        _saving_at_exit = True
    store.added = True


_WORD = next((kind for kind in "IL" if array(kind).itemsize == _sre.CODESIZE), None)
"""The array type of the regex engine's code words (``_sre.CODESIZE`` bytes: 4 on CPython), or
None where no array type has that size (the code is then kept as a list)."""


def _words(code: list[int]) -> bytes | list[int]:
    """A pattern's code as the file keeps it: the raw bytes of its words."""
    return code if _WORD is None else array(_WORD, code).tobytes()


def _build(source: str | None, entry: list[Any]) -> re.Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = entry
    if isinstance(code, bytes):
        if _WORD is None:
            raise ValueError("code kept as bytes where the engine's words fit no array type")
        code = array(_WORD, code).tolist()
    return _sre.compile(source, final_flags, code, groups, groupindex, tuple(indexgroup))


def prefixes(pattern: str, work_out: Callable[[], set[str] | None]) -> set[str] | None:
    """A scanner branch's first letters (``scanner._prefixes``), from the cache when it holds
    them."""
    store = _the_store()
    store.used["prefixes"].add(pattern)
    found = store.prefixes.get(pattern, False)
    if found is None:
        return None
    if isinstance(found, list) and all(isinstance(text, str) for text in found):
        return set(found)
    result = work_out()
    store.prefixes[pattern] = None if result is None else sorted(result)
    _added(store)
    return result


def literals(pattern: str, work_out: Callable[[], tuple[str, ...] | None]) -> tuple[str, ...] | None:
    """Every text a plain-text lexicon pattern matches (``scanner.literal_variants``), or None
    for a real regular expression, from the cache when it holds the pattern."""
    store = _the_store()
    store.used["literals"].add(pattern)
    found = store.literals.get(pattern, False)
    if found is None:
        return None
    if isinstance(found, list) and found and all(isinstance(text, str) for text in found):
        return tuple(found)
    result = work_out()
    store.literals[pattern] = None if result is None else list(result)
    _added(store)
    return result


def toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, from the cache when it holds the text's parse: a fresh copy each
    time, which the caller may change. The shipped lexicon, data files and profiles are read
    this way: parsing their 70 KB of TOML took some 12 ms of every command.

    Raises:
        tomllib.TOMLDecodeError, RecursionError: as ``tomllib.loads`` (never from the cache).
    """
    store = _the_store()
    store.used["documents"].add(text)
    kept = store.documents.get(text)
    if isinstance(kept, bytes):
        try:
            document = marshal.loads(kept)
        except (EOFError, ValueError, TypeError):
            document = None
        if isinstance(document, dict):
            return document
    import tomllib  # noqa: PLC0415  (only on a miss)

    document = tomllib.loads(text)
    try:
        store.documents[text] = marshal.dumps(document)
    except ValueError:  # a date or a time, which marshal cannot hold: parsed on every run
        return document
    _added(store)
    return document


def valid(pattern: str) -> bool:
    """Whether the cache knows ``pattern`` as a lexicon pattern that parsed (``mark_valid``)."""
    store = _the_store()
    store.used["valid"].add(pattern)
    return pattern in store.valid


def mark_valid(pattern: str) -> None:
    """Remember that ``pattern`` parsed as a scanner branch (``scanner.check_pattern``)."""
    store = _the_store()
    store.used["valid"].add(pattern)
    if pattern not in store.valid:
        store.valid.add(pattern)
        _added(store)


def pending() -> bool:
    """Whether this run added entries the cache file does not hold yet (never when caching is off)."""
    store = _the_store()
    return store.added and store.path is not None


def save() -> None:
    """Write the cache file if this run added entries; nothing happens where it cannot be. A
    table holding more than ``KEPT_ENTRIES`` entries is written with only those this run used."""
    store = _the_store()
    if not store.added or store.path is None:
        return
    for name in _TABLES:
        table = getattr(store, name)
        if len(table) > KEPT_ENTRIES:
            setattr(store, name, {key: value for key, value in table.items() if key in store.used[name]})
    if len(store.valid) > KEPT_ENTRIES:
        store.valid &= store.used["valid"]
    data = marshal.dumps(
        {**{name: getattr(store, name) for name in _TABLES}, "valid": store.valid}
    )
    try:
        store.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=store.path.parent, prefix=".lexicon-regex-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, store.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        build = store.path.name.rsplit("-v", 1)[0]
        for older in store.path.parent.glob(f"{build}-v*"):  # this build's files of an older format
            if older != store.path:
                older.unlink(missing_ok=True)
    except OSError:
        return  # a read-only or full disk: the next run compiles again
    store.added = False


def forget() -> None:
    """Drop what this process read or added (tests, and a changed ``JOINTDIFF_CACHE_DIR``)."""
    global _store
    _store = None
