"""The JSON contract of ``jointdiff diff --format json``: what graders and later commands read.

Schema version 1 (extend it, never break it)::

    {"schema_version": 1,
     "old": {"path", "title", "date"}, "new": {...},
     "summary": {status: count, ...},
     "pairs": [{"status", "score", "confidence", "certainty", "matched_by",
                "shift", "shift_reason", "shift_evidence": [{"marker", "old", "new", "direction"}],
                "old": [clause...], "new": [clause...], "words": [op...]}]}
    clause = {"id", "paragraph", "sentence", "start", "end", "text", "kind", ...,
              "markers": [{"kind", "text", "value", "entry"}]}

The README's "JSON output" section documents every field.

Keys are sorted, non-ASCII kept, indent 2, final newline. C1 control, bidi and invisible
characters (U+200B ...), which ``json`` would pass through raw, are written as \\u escapes so the
output is safe to print and shows them.
"""

from __future__ import annotations

import json
from typing import Any

from compare import regexcache
from compare.model import Clause, Comparison, Document, Label, Pair
from compare.render.common import link_facts
from compare.safe import HIDDEN_CLASS

__all__ = ["SCHEMA_VERSION", "clause_record", "comparison_record", "dumps", "link_record", "pair_record", "render"]

SCHEMA_VERSION = 1
_UNSAFE_IN_JSON = regexcache.compiled(f"[{HIDDEN_CLASS}]")
"""What JSON writes as an escape though it need not: characters that hide or reorder text."""


def render(comparison: Comparison, *, color: bool = False, only_changes: bool = False) -> str:
    """The comparison as JSON text (``color`` is ignored: JSON never holds colour)."""
    return dumps(comparison_record(comparison, only_changes=only_changes))


def dumps(record: Any) -> str:
    """Serialise the way every JSON output of jointdiff is written.

    orjson writes it (several times faster than ``json`` with indentation, whose encoder is
    then pure Python); the standard encoder is the reference, and takes over wherever the two
    could differ: a float orjson writes in another form (``0.00001`` for ``1e-05``), or a value
    orjson refuses (a key that is not a string, a lone surrogate).

    >>> print(dumps({"b": [1, 0.5], "a": "\u200b"}), end="")
    {
      "a": "\\u200b",
      "b": [
        1,
        0.5
      ]
    }
    """
    text = _orjson(record)
    if text is None:
        text = json.dumps(record, sort_keys=True, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


_EXPONENT = regexcache.compiled(r"(?<=\d)[eE][-+]?\d")
_TINY = regexcache.compiled(r"\b0\.0000")
"""Where orjson and ``json`` may write a float differently: exponents, values under 1e-4. (Two
patterns, each opening with what it must find, and the second tried only where a plain search
finds "0.0000": one alternation opening with a digit class was tried at every position, 80 ms
of a 2 MB document.)"""


def _float_forms_differ(text: str) -> bool:
    """Whether ``text`` may hold a float that orjson writes otherwise than ``json``.

    >>> _float_forms_differ('{"a": 1e-05}'), _float_forms_differ('{"a": 0.00001}')
    (True, True)
    >>> _float_forms_differ('{"a": 0.5, "b": "re-establish e-mobility by 2030"}')
    False
    """
    return bool(_EXPONENT.search(text)) or ("0.0000" in text and bool(_TINY.search(text)))


def _orjson(record: Any) -> str | None:
    """The record as orjson writes it, or None where ``json`` must (see ``dumps``)."""
    try:
        import orjson
    except ImportError:
        return None
    try:
        text = orjson.dumps(record, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        return None
    return None if _float_forms_differ(text) else text


def comparison_record(comparison: Comparison, *, only_changes: bool = False) -> dict[str, Any]:
    """The comparison as plain JSON-ready data."""
    pairs = [p for p in comparison.pairs if p.has_changes or not only_changes]
    return {
        "schema_version": SCHEMA_VERSION,
        "old": document_record(comparison.old),
        "new": document_record(comparison.new),
        "options": dict(comparison.options),
        "summary": comparison.summary,
        "warnings": list(comparison.warnings),
        "pairs": [pair_record(pair) for pair in pairs],
    }


def document_record(document: Document) -> dict[str, Any]:
    """Where a document came from: path, title, date (and what the reader set aside)."""
    return {
        "path": document.path,
        "title": document.title,
        "date": document.date,
        "format": document.source_format,
        "set_aside": len(document.furniture),
        "warnings": list(document.warnings),
    }


def pair_record(pair: Pair) -> dict[str, Any]:
    """One aligned pair: its clauses and ``link_record``."""
    record = link_record(pair)
    record["old"] = [clause_record(clause) for clause in pair.old]
    record["new"] = [clause_record(clause) for clause in pair.new]
    return record


def link_record(pair: Pair) -> dict[str, Any]:
    """How the pair's clauses are linked, without the clauses: status, scores, how it was found,
    corrections, the word diff, and (where the clauses were classified) the stance shift with its
    evidence and whether the change is routine."""
    record: dict[str, Any] = {
        **link_facts(pair),
        "corrected": list(pair.corrected),
        "words": [{"op": op.op, "text": op.text} for op in pair.words],
    }
    if any(clause.label is not None for clause in (*pair.old, *pair.new)):
        record["shift_evidence"] = [
            {"marker": item.marker, "old": item.old, "new": item.new, "direction": item.direction.value}
            for item in pair.shift_evidence
        ]
        record["routine"] = pair.routine
    else:
        del record["shift"], record["shift_reason"]
    return record


def clause_record(clause: Clause) -> dict[str, Any]:
    """One clause, with its labels once classified."""
    record: dict[str, Any] = {
        "id": clause.id,
        "paragraph": clause.paragraph,
        "sentence": clause.sentence,
        "start": clause.start,
        "end": clause.end,
        "text": clause.text,
    }
    if clause.label is not None:
        record.update(label_record(clause.label))
    return record


def label_record(label: Label) -> dict[str, Any]:
    """What classify() said of a clause."""
    return {
        "kind": label.kind.value,
        "intensity": label.intensity,
        "stance": label.stance,
        "negated": label.negated,
        "hedges": list(label.hedges),
        "actors": list(label.actors),
        "targets": list(label.targets),
        "topics": list(label.topics),
        "quoted": label.quoted,
        "attribution": label.attribution,
        "quotes": list(label.quotes),
        "stance_quoted": label.stance_quoted,
        "markers": [
            {"kind": marker.kind, "text": marker.text, "value": marker.value, "entry": marker.entry}
            for marker in label.markers
        ],
    }
