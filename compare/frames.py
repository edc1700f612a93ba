"""pandas DataFrames for analysts who work in notebooks: clauses and aligned pairs as tables.

Imported lazily (``compare.clause_frame``, ``compare.pair_frame``), so that the command line
never pays for pandas unless it writes CSV. One row per clause with its labels; one row per
aligned pair with its status, score, shift and both texts. ``jointdiff clauses --format csv``
writes ``clause_frame`` as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from compare.model import Clause, Comparison

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CLAUSE_COLUMNS", "PAIR_COLUMNS", "clause_frame", "pair_frame"]

CLAUSE_COLUMNS = (
    "id", "paragraph", "sentence", "start", "end", "kind", "intensity", "stance", "negated",
    "hedges", "actors", "targets", "topics", "quoted", "attribution", "stance_quoted", "quotes",
    "text",
)  # fmt: skip
PAIR_COLUMNS = (
    "status", "score", "confidence", "certainty", "matched_by", "shift", "shift_reason", "routine",
    "old_ids", "new_ids", "old_kind",
    "new_kind", "old_intensity", "new_intensity", "targets", "topics", "old_text", "new_text",
)  # fmt: skip
_LIST_SEPARATOR = "; "


def clause_frame(clauses: Sequence[Clause]) -> pd.DataFrame:
    """One row per clause: where it is, its labels (lists joined with "; ") and its text."""
    import pandas as pd

    rows = [_clause_row(clause) for clause in clauses]
    return pd.DataFrame(rows, columns=list(CLAUSE_COLUMNS))


def pair_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per aligned pair: status, score, shift, routine, kinds and both texts."""
    import pandas as pd

    rows = []
    for pair in comparison.pairs:
        old_labels = [c.label for c in pair.old if c.label]
        new_labels = [c.label for c in pair.new if c.label]
        labels = [*old_labels, *new_labels]
        rows.append(
            {
                "status": pair.status.value,
                "score": pair.score,
                "confidence": pair.confidence,
                "certainty": pair.certainty,
                "matched_by": pair.matched_by,
                "shift": pair.shift.value if pair.shift else None,
                "shift_reason": pair.shift_reason,
                "routine": pair.routine,
                "old_ids": _LIST_SEPARATOR.join(c.id for c in pair.old),
                "new_ids": _LIST_SEPARATOR.join(c.id for c in pair.new),
                "old_kind": old_labels[0].kind.value if old_labels else None,
                "new_kind": new_labels[0].kind.value if new_labels else None,
                "old_intensity": max((label.intensity for label in old_labels), default=None),
                "new_intensity": max((label.intensity for label in new_labels), default=None),
                "targets": _joined(sorted({t for label in labels for t in label.targets})),
                "topics": _joined(sorted({t for label in labels for t in label.topics})),
                "old_text": " ".join(c.text for c in pair.old),
                "new_text": " ".join(c.text for c in pair.new),
            }
        )
    frame = pd.DataFrame(rows, columns=list(PAIR_COLUMNS))
    return frame.astype(
        {"score": "float64", "confidence": "float64", "old_intensity": "Int64", "new_intensity": "Int64"}
    )


def _clause_row(clause: Clause) -> dict[str, object]:
    label = clause.label
    return {
        "id": clause.id,
        "paragraph": clause.paragraph,
        "sentence": clause.sentence,
        "start": clause.start,
        "end": clause.end,
        "kind": label.kind.value if label else None,
        "intensity": label.intensity if label else None,
        "stance": label.stance if label else None,
        "negated": label.negated if label else None,
        "hedges": _joined(label.hedges) if label else None,
        "actors": _joined(label.actors) if label else None,
        "targets": _joined(label.targets) if label else None,
        "topics": _joined(label.topics) if label else None,
        "quoted": label.quoted if label else None,
        "attribution": label.attribution if label else None,
        "stance_quoted": label.stance_quoted if label else None,
        "quotes": _joined(label.quotes) if label else None,
        "text": clause.text,
    }


def _joined(names: Sequence[str]) -> str:
    """Names as one cell.

    >>> _joined(("China", "Russia"))
    'China; Russia'
    """
    return _LIST_SEPARATOR.join(names)
