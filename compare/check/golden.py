"""Compact differences between a golden file and this run's output, one screen at most.

``golden_json_diff`` reads both ``jointdiff diff`` JSON outputs and names what changed, pair by
pair; ``golden_text_diff`` shows the changed lines of a text golden (the Markdown report). Both
cap what they show at ``MAX_DETAIL_LINES``.
"""

from __future__ import annotations

import difflib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from compare.safe import printable

__all__ = ["MAX_DETAIL_LINES", "capped", "clauses_line", "golden_json_diff", "golden_text_diff", "shortened"]

MAX_DETAIL_LINES = 20
"""Lines of difference shown under one failure; the rest are counted, not shown."""


def clauses_line(old_ids: Sequence[str], new_ids: Sequence[str], text: str, width: int = 70) -> str:
    ids = " → ".join(part for part in (",".join(old_ids), ",".join(new_ids)) if part)
    return f'{ids} "{shortened(text, width)}"'


def shortened(text: str, width: int) -> str:
    """The text made printable and cut to ``width`` characters with an ellipsis.

    >>> shortened("The Ministers underscored the importance", 20)
    'The Ministers under…'
    """
    text = printable(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def capped(lines: Sequence[str]) -> tuple[str, ...]:
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
        problem = f"the golden file is not jointdiff JSON ({shortened(str(err), 60)})"
        lines = [problem, *_first_difference(expected, actual)]
    return capped(lines or _first_difference(expected, actual))


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
    clauses = clauses_line([c["id"] for c in pair["old"]], [c["id"] for c in pair["new"]], text)
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
            lines.append(f"~ {clauses_line([now['id']], [], now['text'])}: {', '.join(changed)}")
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
    return f'text "…{shortened(was[context:], 30)}" → "…{shortened(now[context:], 30)}"'


def _value(value: Any) -> str:
    """A JSON value as a difference shows it.

    >>> _value(87.456), _value(None), _value(["China"])
    ('87.5', 'none', "['China']")
    """
    if isinstance(value, float):
        return f"{value:.1f}"
    if value is None:
        return "none"
    return shortened(str(value), 40)


def golden_text_diff(expected: str | None, actual: str) -> tuple[str, ...]:
    """The changed lines between a golden text file (the Markdown report) and this run's.

    >>> golden_text_diff("a\\nb\\n", "a\\nc\\n")
    ('@@ -2 +2 @@', '-b', '+c')
    """
    if expected is None:
        return ("no golden file yet: jointdiff check --update writes it",)
    delta = difflib.unified_diff(expected.splitlines(), actual.splitlines(), n=0, lineterm="")
    lines = [shortened(line, 120) for line in delta if not line.startswith(("---", "+++"))]
    return capped(lines or _first_difference(expected, actual))


def _first_difference(expected: str, actual: str) -> list[str]:
    """Where two texts first differ, for differences the structured views do not show."""
    for number, (was, now) in enumerate(zip(expected.splitlines(True), actual.splitlines(True), strict=False), start=1):
        if was != now:
            return [
                f"first difference on line {number}:",
                f"- {shortened(repr(was), 110)}",
                f"+ {shortened(repr(now), 110)}",
            ]
    return [f"lengths differ: {len(expected)} → {len(actual)} characters (line ends or a final newline?)"]
