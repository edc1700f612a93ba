"""``series_frame``: a series as a pandas DataFrame, threads x versions, for notebooks and CSV.

One row per thread: its number, first and last version, kinds, targets and topics, its latest
wording, then one column per version (named by its id and label, "v3 2024-12-17") holding that
version's change ("first", "unchanged", "reworded", "hardened", "absent" ...), with "?" after
it where the link is not sure. ``jointdiff series --format csv`` writes it as it is. pandas is
imported only here, and only when called.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from compare.series.model import Series, Thread

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["THREAD_COLUMNS", "series_frame"]

THREAD_COLUMNS = ("thread", "first", "last", "kinds", "targets", "topics", "text")
"""The columns before the one-per-version columns."""
_SEPARATOR = "; "


def series_frame(series: Series, threads: Sequence[Thread] | None = None) -> pd.DataFrame:
    """Threads x versions: a row per thread (all of them when ``threads`` is None)."""
    import pandas as pd

    shown = series.threads if threads is None else threads
    version_columns = [f"{version.id} {version.label}" for version in series.versions]
    rows = []
    for thread in shown:
        labels = [clause.label for clause in thread.clauses if clause.label]
        row: dict[str, object] = {
            "thread": thread.number,
            "first": series.versions[thread.first].id,
            "last": series.versions[thread.last].id,
            "kinds": _SEPARATOR.join(sorted({label.kind.value for label in labels})),
            "targets": _SEPARATOR.join(sorted({name for label in labels for name in label.targets})),
            "topics": _SEPARATOR.join(sorted({name for label in labels for name in label.topics})),
            "text": " ".join(clause.text for clause in thread.latest),
        }
        for column, step in zip(version_columns, thread.steps, strict=True):
            row[column] = step.change.value + ("" if step.is_sure else "?")
        rows.append(row)
    return pd.DataFrame(rows, columns=[*THREAD_COLUMNS, *version_columns])
