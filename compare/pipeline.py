"""The pipeline in one readable function: read documents are segmented, classified, aligned.

``compare_documents`` is what every command and the review app call; the stages it chains are
pure functions, so it is safe to run in a worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compare.align import DEFAULT_THRESHOLD, align
from compare.classify import classify_all
from compare.model import Clause, Comparison, Document
from compare.routine import detect_profile, mark_routine
from compare.segment import segment
from compare.shift import shift

if TYPE_CHECKING:
    from compare.classify import Lexicon
    from compare.routine import Profile

__all__ = ["compare_documents", "label_document"]


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
    old_clauses = label_document(old, doc_id="old", lexicon=lexicon, profile=profile)
    new_clauses = label_document(new, doc_id="new", lexicon=lexicon, profile=profile)
    pairs = align(old_clauses, new_clauses, threshold=threshold, scorer=scorer, method=method)
    pairs = tuple(mark_routine(shift(pair), profile) for pair in pairs)
    options = (("threshold", threshold), ("scorer", scorer), ("method", method), ("profile", profile.name))
    return Comparison(old, new, pairs, options)


def label_document(
    document: Document,
    *,
    doc_id: str = "old",
    lexicon: Lexicon | None = None,
    profile: Profile | None = None,
) -> tuple[Clause, ...]:
    """One document's clauses, classified (what ``jointdiff clauses`` lists).

    Args:
        document: what ``read()`` returned.
        doc_id: "old" or "new", for the clause ids.
        lexicon: classification word lists; the shipped ones when None.
        profile: the genre; detected from the text when None.
    """
    speaker = (profile or detect_profile(document.text)).speaker
    return classify_all(document, segment(document, doc_id=doc_id), lexicon=lexicon, speaker=speaker)
