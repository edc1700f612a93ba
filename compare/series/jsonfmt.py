"""The JSON record of ``jointdiff series --format json``; its schema is in the README
("JSON of a series").

Schema version 1 (extend it, never break it)::

    {"schema_version": 1, "order": "date" | "symbol" | "given", "options": {...},
     "versions": [{"id": "v1", "index", "path", "title", "date", "symbol", "format",
                   "clauses", "warnings"}],
     "filter": {"kinds", "targets", "topics", "text", "only_changes"},
     "summary": {"threads", "shown", "changes": {change: steps}},
     "threads": [{"number", "first", "last", "has_changes", "kinds", "targets", "topics",
                  "steps": [{"version", "change", "sure", "since", "clauses": [clause...],
                             "link": null | {"status", "score", "confidence", "certainty",
                                             "matched_by", "shift", "shift_reason",
                                             "shift_evidence", "routine", "corrected",
                                             "words"}}]}],
     "warnings": [corrections that no longer apply]}

Clauses are written as ``jointdiff diff`` writes them (``compare.render.jsonfmt``), their ids
naming the version ("v3:12"). Written with the same ``dumps``: sorted keys, non-ASCII kept,
invisible and bidi characters escaped, indent 2, final newline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from compare.render.jsonfmt import clause_record, dumps, link_record
from compare.series.model import Series, Step, Thread, Version
from compare.series.select import ThreadFilter

__all__ = ["SCHEMA_VERSION", "render", "series_record"]

SCHEMA_VERSION = 1


def render(series: Series, threads: Sequence[Thread], thread_filter: ThreadFilter | None = None) -> str:
    """The series as JSON text, with the shown threads."""
    return dumps(series_record(series, threads, thread_filter or ThreadFilter()))


def series_record(series: Series, threads: Sequence[Thread], thread_filter: ThreadFilter) -> dict[str, Any]:
    """The series as plain JSON-ready data."""
    changes = Counter(step.change.value for thread in threads for step in thread.steps)
    return {
        "schema_version": SCHEMA_VERSION,
        "order": series.order,
        "options": dict(series.options),
        "versions": [_version_record(version) for version in series.versions],
        "filter": {
            "kinds": sorted(thread_filter.kinds),
            "targets": sorted(thread_filter.targets),
            "topics": sorted(thread_filter.topics),
            "text": thread_filter.text.pattern if thread_filter.text else None,
            "only_changes": thread_filter.only_changes,
        },
        "summary": {"threads": len(series.threads), "shown": len(threads), "changes": dict(changes)},
        "threads": [thread_record(thread, series) for thread in threads],
        "warnings": list(series.warnings),
    }


def _version_record(version: Version) -> dict[str, Any]:
    document = version.document
    return {
        "id": version.id,
        "index": version.index,
        "path": document.path,
        "title": document.title,
        "date": document.date,
        "symbol": dict(document.metadata).get("symbol"),
        "format": document.source_format,
        "clauses": len(version.clauses),
        "warnings": list(document.warnings),
    }


def thread_record(thread: Thread, series: Series) -> dict[str, Any]:
    """One thread: where it starts and ends, what it is about, and a step for every version."""
    labels = [clause.label for clause in thread.clauses if clause.label]
    return {
        "number": thread.number,
        "first": series.versions[thread.first].id,
        "last": series.versions[thread.last].id,
        "has_changes": thread.has_changes,
        "kinds": sorted({label.kind.value for label in labels}),
        "targets": sorted({name for label in labels for name in label.targets}),
        "topics": sorted({name for label in labels for name in label.topics}),
        "steps": [_step_record(step, series) for step in thread.steps],
    }


def _step_record(step: Step, series: Series) -> dict[str, Any]:
    pair = step.pair
    return {
        "version": series.versions[step.version].id,
        "change": step.change.value,
        "sure": step.is_sure,
        "since": None if step.since is None else series.versions[step.since].id,
        "clauses": [clause_record(clause) for clause in step.clauses],
        "link": None if pair is None else link_record(pair),
    }
