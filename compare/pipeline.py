"""The pipeline in one readable function: read documents are segmented, classified, aligned.

``compare_documents`` is what every command and the review app call; the stages it chains are
pure functions, so it is safe to run in a worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compare.align import DEFAULT_THRESHOLD, align
from compare.classify import classify_all
from compare.model import Comparison, Document
from compare.routine import detect_profile, mark_routine
from compare.segment import segment
from compare.shift import shift

if TYPE_CHECKING:
    from compare.classify import Lexicon
    from compare.routine import Profile

__all__ = ["compare_documents"]


def compare_documents(
    old: Document,
    new: Document,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    scorer: str = "hybrid",
    method: str = "greedy",
    lexicon: Lexicon | None = None,
    profiles: tuple[Profile, ...] | None = None,
) -> Comparison:
    """Compare two versions of a statement clause by clause.

    Args:
        old, new: what ``read()`` returned.
        threshold, scorer, method: alignment settings (see ``compare.align.align``).
        lexicon: classification word lists; the shipped ones when None.
        profiles: genre profiles for routine changes; the shipped ones when None.
    """
    profile = detect_profile(new.text, profiles)
    old_clauses = classify_all(old, segment(old, doc_id="old"), lexicon=lexicon, speaker=profile.speaker)
    new_clauses = classify_all(new, segment(new, doc_id="new"), lexicon=lexicon, speaker=profile.speaker)
    pairs = align(old_clauses, new_clauses, threshold=threshold, scorer=scorer, method=method)
    pairs = tuple(mark_routine(shift(pair), profile) for pair in pairs)
    options = (("threshold", threshold), ("scorer", scorer), ("method", method), ("profile", profile.name))
    return Comparison(old, new, pairs, options)
