"""pandas DataFrames for analysts who work in notebooks: clauses and aligned pairs as tables.

Imported lazily (``compare.clause_frame``, ``compare.pair_frame``), so that the command line
never pays for pandas unless it writes CSV. One row per clause with its labels; one row per
aligned pair with its status, confidence, shift and both texts. ``jointdiff clauses --format
csv`` writes ``clause_frame`` with the document's file, date and title; ``jointdiff diff
--format csv`` writes ``pair_frame``; both through ``to_csv``, which makes every cell safe to
open in a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from compare.model import Clause, Comparison, Document
from compare.safe import printable

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CLAUSE_COLUMNS", "DOCUMENT_COLUMNS", "PAIR_COLUMNS", "clause_frame", "pair_frame", "to_csv"]

DOCUMENT_COLUMNS = ("file", "date", "title")
"""Columns ``clause_frame`` puts first when given the document, so that tables of several
documents can be stacked."""
CLAUSE_COLUMNS = (
    "id", "paragraph", "sentence", "start", "end", "kind", "intensity", "stance", "negated",
    "hedges", "actors", "targets", "topics", "quoted", "attribution", "stance_quoted", "quotes",
    "text",
)  # fmt: skip
PAIR_COLUMNS = (
    "old_file", "old_date", "new_file", "new_date",
    "status", "score", "confidence", "certainty", "matched_by", "shift", "shift_reason", "routine", "corrected",
    "old_ids", "new_ids", "old_where", "new_where", "old_kind",
    "new_kind", "old_intensity", "new_intensity", "targets", "topics", "old_text", "new_text",
)  # fmt: skip
_LIST_SEPARATOR = "; "


def clause_frame(clauses: Sequence[Clause], document: Document | None = None) -> pd.DataFrame:
    """One row per clause: where it is, its labels (lists joined with "; ") and its text, after
    the document's file, date and title when ``document`` is given."""
    import pandas as pd

    rows = [_clause_row(clause) for clause in clauses]
    frame = pd.DataFrame(rows, columns=list(CLAUSE_COLUMNS))
    if document is not None:
        for position, (column, value) in enumerate(zip(DOCUMENT_COLUMNS, _document_cells(document), strict=True)):
            frame.insert(position, column, value)
    return frame


def pair_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per aligned pair: both files and dates, status, score, confidence, shift and its
    evidence, routine, corrections, positions, kinds and both texts."""
    import pandas as pd

    from compare.render.common import link_facts, location

    old_file, old_date, _ = _document_cells(comparison.old)
    new_file, new_date, _ = _document_cells(comparison.new)
    rows = []
    for pair in comparison.pairs:
        old_labels = [c.label for c in pair.old if c.label]
        new_labels = [c.label for c in pair.new if c.label]
        labels = [*old_labels, *new_labels]
        rows.append(
            {
                "old_file": old_file,
                "old_date": old_date,
                "new_file": new_file,
                "new_date": new_date,
                **link_facts(pair),
                "routine": pair.routine,
                "corrected": _joined(pair.corrected),
                "old_ids": _LIST_SEPARATOR.join(c.id for c in pair.old),
                "new_ids": _LIST_SEPARATOR.join(c.id for c in pair.new),
                "old_where": location(pair.old),
                "new_where": location(pair.new),
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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is read as a formula by spreadsheets (CSV injection)."""


def to_csv(frame: pd.DataFrame) -> str:
    """The frame as CSV text whose cells are safe: control and invisible characters shown as
    signs, and a text cell that a spreadsheet would run as a formula ("=HYPERLINK(...)",
    "-1+2") prefixed with an apostrophe, as OWASP advises.

    >>> import pandas as pd
    >>> print(to_csv(pd.DataFrame({"text": ["=1+2", "We note\\x1b[2J", "- a"], "n": [1, 2, 3]})), end="")
    text,n
    '=1+2,1
    We note␛[2J,2
    '- a,3
    """
    import pandas as pd

    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]) and not pd.api.types.is_bool_dtype(safe[column]):
            safe[column] = safe[column].map(_safe_cell)
    return safe.to_csv(index=False, lineterminator="\n")


def _safe_cell(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = printable(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _document_cells(document: Document) -> tuple[str, str, str]:
    """File (as the user gave it; "-" is standard input), date and title, "" where not found."""
    return document.path, document.date or "", document.title or ""


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
