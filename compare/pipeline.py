"""The pipeline in one readable function: read documents are segmented, classified, aligned.

``compare_documents`` is what every command and the review app call; the stages it chains are
pure functions, so it is safe to run in a worker thread.
"""

from __future__ import annotations

from compare.align import DEFAULT_THRESHOLD, align
from compare.model import Comparison, Document
from compare.segment import segment

__all__ = ["compare_documents"]


def compare_documents(
    old: Document,
    new: Document,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    scorer: str = "hybrid",
    method: str = "greedy",
) -> Comparison:
    """Compare two versions of a statement clause by clause."""
    old_clauses = segment(old, doc_id="old")
    new_clauses = segment(new, doc_id="new")
    pairs = align(old_clauses, new_clauses, threshold=threshold, scorer=scorer, method=method)
    options = (("threshold", threshold), ("scorer", scorer), ("method", method))
    return Comparison(old, new, pairs, options)
