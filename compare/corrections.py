"""Corrections an analyst makes to the engine, kept in a small TOML file and honoured by every view.

Three kinds, each naming its clauses by their text (so a correction survives renumbering and
re-segmentation, and goes stale, visibly, only when the words themselves change):

- ``[[pin]]``: these old and new clauses correspond (a rewording the aligner missed);
- ``[[break]]``: these old and new clauses do not correspond (a pairing the aligner got wrong);
- ``[[stance]]``: the stance claim on the pair holding these clauses is wrong; ``shift`` says
  what the analyst reads instead (``stronger``, ``weaker``, ``same`` or ``mixed``).

The file sits beside the new statement (``<new file's stem>.corrections.toml``), or wherever
``--corrections FILE`` says. ``diff``, ``report``, ``review`` and ``check`` read it;
``review`` writes it. ``resolve`` turns it into clause indices for one comparison and says
which corrections no longer apply (a clause's text is gone), so none is dropped silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from compare.errors import UsageError
from compare.model import Clause
from compare.normalise import normalise

__all__ = [
    "ACTIONS",
    "Correction",
    "Corrections",
    "Resolved",
    "default_path",
    "dumps",
    "load_corrections",
    "resolve",
    "save_corrections",
]

ACTIONS = ("pin", "break", "stance")
SHIFTS = ("stronger", "weaker", "same", "mixed")
SUFFIX = ".corrections.toml"


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction: what to do, and the clauses it names by their text."""

    action: str
    """"pin", "break" or "stance"."""
    old: tuple[str, ...]
    new: tuple[str, ...]
    shift: str | None = None
    """For "stance": the direction the analyst reads."""
    note: str = ""

    def describe(self) -> str:
        """One line naming the correction ("pin 'We condemn ...' -> 'We strongly condemn ...'").

        >>> Correction("break", ("We note the plan.",), ("We welcome the plan.",)).describe()
        "break 'We note the plan.' -> 'We welcome the plan.'"
        """
        return f"{self.action} {_quoted(self.old)} -> {_quoted(self.new)}"

    @property
    def clauses(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The old and new clauses it names, as they are matched against a comparison's clauses
        (two corrections naming the same clauses have the same ``clauses``).

        >>> Correction("pin", ("We  note the plan.",), ("We welcome it.",)).clauses == Correction("break", ("we note the plan",), ("We welcome it.",)).clauses
        True
        """
        return tuple(_key(text) for text in self.old), tuple(_key(text) for text in self.new)


@dataclass(frozen=True, slots=True)
class Corrections:
    """A corrections file: where it lives and what it holds."""

    path: str
    items: tuple[Correction, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolved:
    """Corrections found in one comparison's clauses, by clause index."""

    pins: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = ()
    breaks: frozenset[tuple[int, int]] = frozenset()
    stances: tuple[tuple[tuple[int, ...], tuple[int, ...], str, str], ...] = ()
    """(old indices, new indices, shift, note) of each stance correction."""
    stale: tuple[tuple[int, str], ...] = field(default=())
    """(number in the file, why) of each correction that no longer applies."""


def default_path(new_document: str) -> Path | None:
    """Where the corrections of a comparison live by default: beside the new statement.

    >>> default_path("statements/2024.md").as_posix()
    'statements/2024.corrections.toml'
    >>> default_path("-") is None
    True
    """
    if new_document == "-":
        return None
    path = Path(new_document)
    return path.with_name(path.stem + SUFFIX)


def load_corrections(path: str | Path) -> Corrections:
    """Read a corrections file.

    Raises:
        UsageError: the file cannot be read or holds something that is not a correction.
    """
    import tomllib

    from compare.limits import MAX_SETTINGS_BYTES, Unreadable, read_limited

    try:
        text = read_limited(str(path), MAX_SETTINGS_BYTES).decode("utf-8")
    except Unreadable as err:
        raise UsageError(f"cannot read corrections '{path}': {err.reason}") from err
    except UnicodeDecodeError as err:
        raise UsageError(f"cannot read corrections '{path}': not UTF-8") from err
    try:
        document = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as err:
        raise UsageError(f"bad corrections '{path}': not valid TOML") from err
    items = []
    for action, entries in document.items():
        if action not in ACTIONS:
            raise UsageError(f"bad corrections '{path}': unknown table [{action}] (expected {', '.join(ACTIONS)})")
        if not isinstance(entries, list):
            raise UsageError(f"bad corrections '{path}': write [[{action}]]")
        for number, entry in enumerate(entries, start=1):
            items.append(_correction(path, action, number, entry))
    return Corrections(str(path), tuple(items))


def _correction(path: str | Path, action: str, number: int, entry: object) -> Correction:
    where = f"bad corrections '{path}': [[{action}]] #{number}"
    if not isinstance(entry, dict):
        raise UsageError(f"{where} is not a table")
    unknown = set(entry) - {"old", "new", "shift", "note"}
    if unknown:
        raise UsageError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    sides = []
    for side in ("old", "new"):
        value = entry.get(side)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise UsageError(f"{where}: {side} must name at least one clause by its text")
        sides.append(tuple(value))
    shift = entry.get("shift")
    if action == "stance" and shift not in SHIFTS:
        raise UsageError(f"{where}: shift must be one of {', '.join(SHIFTS)}")
    note = entry.get("note", "")
    if not isinstance(note, str):
        raise UsageError(f"{where}: note must be text")
    return Correction(action, sides[0], sides[1], shift if action == "stance" else None, note)


def dumps(corrections: Corrections) -> str:
    """The corrections as TOML, in the file's format.

    >>> print(dumps(Corrections("x", (Correction("pin", ("a",), ("b",), note="same offer"),))), end="")
    # Corrections to jointdiff's comparison, honoured by diff, report, review and check.
    # [[pin]]: these clauses correspond; [[break]]: they do not; [[stance]]: the stance claim
    # on their pair is wrong (shift = stronger | weaker | same | mixed). Clauses are named by
    # their text; a correction whose text is gone is reported, never applied or dropped.
    <BLANKLINE>
    [[pin]]
    old = ["a"]
    new = ["b"]
    note = "same offer"
    """
    lines = [
        "# Corrections to jointdiff's comparison, honoured by diff, report, review and check.",
        "# [[pin]]: these clauses correspond; [[break]]: they do not; [[stance]]: the stance claim",
        "# on their pair is wrong (shift = stronger | weaker | same | mixed). Clauses are named by",
        "# their text; a correction whose text is gone is reported, never applied or dropped.",
    ]
    for item in corrections.items:
        lines += ["", f"[[{item.action}]]", f"old = {_toml_list(item.old)}", f"new = {_toml_list(item.new)}"]
        if item.shift:
            lines.append(f"shift = {_toml_string(item.shift)}")
        if item.note:
            lines.append(f"note = {_toml_string(item.note)}")
    return "\n".join(lines) + "\n"


def save_corrections(corrections: Corrections) -> None:
    """Write the corrections to their file, replacing it whole (never half-written)."""
    import os
    import tempfile

    target = Path(corrections.path)
    handle, temporary = tempfile.mkstemp(prefix=".corrections-", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(dumps(corrections))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def resolve(corrections: Corrections | None, old: Sequence[Clause], new: Sequence[Clause]) -> Resolved:
    """The corrections as clause indices of this comparison, and those that no longer apply."""
    if corrections is None or not corrections.items:
        return Resolved()
    old_index = _index(old)
    new_index = _index(new)
    pins, breaks, stances, stale = [], set(), [], []
    for number, item in enumerate(corrections.items, start=1):
        old_found = [old_index.get(_key(text)) for text in item.old]
        new_found = [new_index.get(_key(text)) for text in item.new]
        missing = [text for text, found in zip((*item.old, *item.new), (*old_found, *new_found), strict=True) if found is None]
        if missing:
            side = "old" if missing[0] in item.old else "new"
            stale.append(
                (
                    number,
                    f"correction {number} ({item.action}) no longer applies: the {side} text "
                    f"{_quoted((missing[0],))} is not in this version",
                )
            )
            continue
        old_ids, new_ids = tuple(sorted(old_found)), tuple(sorted(new_found))
        if item.action == "pin":
            pins.append((old_ids, new_ids))
        elif item.action == "break":
            breaks.update((i, j) for i in old_ids for j in new_ids)
        else:
            stances.append((old_ids, new_ids, item.shift or "same", item.note))
    return Resolved(tuple(pins), frozenset(breaks), tuple(stances), tuple(stale))


def _index(clauses: Sequence[Clause]) -> dict[str, int]:
    """Each clause's normalised text -> its index (the first, for a text said twice)."""
    index: dict[str, int] = {}
    for clause in clauses:
        index.setdefault(_key(clause.text), clause.index)
    return index


def _key(text: str) -> str:
    return normalise(text) or " ".join(text.split())


def _quoted(texts: Sequence[str]) -> str:
    shown = " | ".join(" ".join(text.split()) for text in texts)
    return "'" + (shown if len(shown) <= 60 else shown[:57] + "...") + "'"


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(
        ch if ch.isprintable() else (f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}") for ch in escaped
    )
    return f'"{escaped}"'


def _toml_list(texts: Sequence[str]) -> str:
    return "[" + ", ".join(_toml_string(" ".join(text.split())) for text in texts) + "]"
