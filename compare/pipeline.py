"""The pipeline in one readable function: read documents are segmented, classified, aligned.

``compare_documents`` is what every command and the review app call; the stages it chains are
pure functions, so it is safe to run in a worker thread.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from compare.align import DEFAULT_THRESHOLD, align
from compare.classify import classify_all
from compare.corrections import Resolved, resolve
from compare.model import Clause, Comparison, Document, Label, Pair, Shift, StaleCorrection, Status
from compare.routine import detect_profile, mark_routine
from compare.safe import invisible_characters
from compare.segment import heading_indices, segment
from compare.shift import shift

if TYPE_CHECKING:
    from compare.ahead import Ahead
    from compare.classify import Lexicon
    from compare.corrections import Corrections
    from compare.routine import Profile

__all__ = ["compare_documents", "forget_texts", "invisible_difference", "label_document"]


def compare_documents(
    old: Document,
    new: Document,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    scorer: str = "hybrid",
    method: str = "greedy",
    lexicon: Lexicon | None = None,
    profiles: tuple[Profile, ...] | None = None,
    corrections: Corrections | None = None,
) -> Comparison:
    """Compare two versions of a statement clause by clause.

    Args:
        old, new: what ``read()`` returned.
        threshold, scorer, method: alignment settings (see ``compare.align.align``).
        lexicon: classification word lists; the shipped ones when None.
        profiles: genre profiles for routine changes; the shipped ones when None.
        corrections: an analyst's corrections (``compare.corrections``): pinned and broken
            pairs steer the alignment, stance corrections replace the shift; those that no
            longer apply are listed in ``Comparison.warnings``.
    """
    profile = detect_profile(new.text, profiles)
    old_cut, new_cut = segment(old, doc_id="old"), segment(new, doc_id="new")
    ahead = _read_ahead(((old, old_cut), (new, new_cut)), lexicon, profile.speaker)
    try:
        resolved = resolve(corrections, old_cut, new_cut)
        pairs = align(
            old_cut, new_cut, threshold=threshold, scorer=scorer, method=method,
            pins=resolved.pins, breaks=resolved.breaks,
            headings=(heading_indices(old, old_cut), heading_indices(new, new_cut)),
            embedded=(lambda: ahead.result("vectors")) if "vectors" in ahead.parts else None,
        )
        old_clauses, new_clauses = map(_with_labels, (old_cut, new_cut), ahead.result("labels"))
    finally:
        ahead.close()
    pairs = tuple(
        _corrected(mark_routine(shift(_labelled(pair, old_clauses, new_clauses)), profile), resolved) for pair in pairs
    )
    options = (("threshold", threshold), ("scorer", scorer), ("method", method), ("profile", profile.name))
    if corrections is not None:
        options += (("corrections", corrections.path),)
    note = invisible_difference(old, new, pairs)
    if note:
        new = replace(new, warnings=(*new.warnings, note))
    stale = tuple(StaleCorrection(corrections.path, number, why) for number, why in resolved.stale) if corrections else ()
    return Comparison(old, new, pairs, options, stale)


READ_AHEAD_FROM = 1_000
"""Clauses (of both versions, not yet read in this process) from which a comparison reads their
labels and embeds them in a child process while it aligns them (``compare.ahead``). Below it,
starting the child costs more than it saves: a typical statement has 40-200 clauses, a pair of
25,000-word documents about 2,000, whose labels take some 0.12 s to read and embeddings 0.05 s."""


def _read_ahead(
    documents: tuple[tuple[Document, tuple[Clause, ...]], ...], lexicon: Lexicon | None, speaker: str | None
) -> Ahead[object]:
    """What a comparison reads from its clauses that the aligner does not need first: their
    labels ("labels") and, for the semantic pass, their embeddings ("vectors").

    Worked out in a child process, while this one aligns, when the clauses are many and that is
    safe (``compare.ahead.can_fork``), the embeddings first (the aligner asks for them
    midway, the labels are read after it); else the labels in this one when asked for, and
    the embeddings by the aligner, when it needs them. Only the labels come back, not the
    clauses (a fifth of the size to pickle: at 100,000 words a side 67 ms against 170 ms to
    send and receive). Each label and vector is what this process would have worked out, so
    the comparison is the same either way (tested)."""
    from compare.ahead import Ahead
    from compare.align import embedding_texts, meaning
    from compare.classify import load_lexicon
    from compare.classify.labels import remembered
    from compare.classify.lexicon import Context

    def labels() -> tuple[tuple[Label | None, ...], ...]:
        return tuple(
            tuple(clause.label for clause in classify_all(document, cut, lexicon=lexicon, speaker=speaker))
            for document, cut in documents
        )

    used, context = lexicon or load_lexicon(), Context(speaker=speaker)
    if sum(not remembered(clause.text, used, context) for _, cut in documents for clause in cut) < READ_AHEAD_FROM:
        return Ahead({"labels": labels})
    (_, old_cut), (_, new_cut) = documents
    parts = {"vectors": lambda: meaning.embed(embedding_texts(old_cut, new_cut))} if meaning.available() else {}
    return Ahead({**parts, "labels": labels}).start()


def _with_labels(clauses: tuple[Clause, ...], labels: tuple[Label | None, ...]) -> tuple[Clause, ...]:
    return tuple(replace(clause, label=label) for clause, label in zip(clauses, labels, strict=True))


def _labelled(pair: Pair, old: tuple[Clause, ...], new: tuple[Clause, ...]) -> Pair:
    """The pair with its clauses as classified (the aligner was given them unread)."""
    return replace(pair, old=tuple(old[clause.index] for clause in pair.old), new=tuple(new[clause.index] for clause in pair.new))


def _corrected(pair: Pair, resolved: Resolved) -> Pair:
    """The pair with what the analyst's corrections say of it."""
    held_old = {clause.index for clause in pair.old}
    held_new = {clause.index for clause in pair.new}
    marks = ("pinned",) if pair.matched_by == "corrected" else ()
    # A clause left without a counterpart by a break says so: the analyst's break made it so.
    if (not pair.new and any(i in held_old for i, _ in resolved.breaks)) or (
        not pair.old and any(j in held_new for _, j in resolved.breaks)
    ):
        marks = ("broken",)
    for old_ids, new_ids, direction, note in resolved.stances:
        if held_old >= set(old_ids) and held_new >= set(new_ids) and pair.old and pair.new:
            engine = pair.shift.value if pair.shift else "none"
            said = f": {note}" if note else ""
            reason = f"corrected by you{said} (the engine said {engine}: {pair.shift_reason or 'same stance'})"
            return replace(pair, shift=Shift(direction), shift_reason=reason, corrected=(*marks, "stance"))
    return replace(pair, corrected=marks) if marks else pair


def invisible_difference(old: Document, new: Document, pairs: tuple[Pair, ...]) -> str | None:
    """A warning for pairs called unchanged whose texts differ in invisible characters.

    Zero-width spaces, soft hyphens and the like are no part of the wording, so matching
    ignores them and such a pair stays unchanged; but they can mark a copy or hide text, so
    a difference in them is said, never dropped. None when there is none.

    >>> from compare.model import Clause
    >>> def clause(doc_id: str, text: str) -> Clause:
    ...     return Clause(doc_id, 0, 1, 1, 0, len(text), text)
    >>> pair = Pair(Status.UNCHANGED, (clause("old", "We agree."),), (clause("new", "We\u200b agree."),))
    >>> invisible_difference(Document("a.txt", ""), Document("b.txt", ""), (pair,))
    "'b.txt': 1 clause differs from 'a.txt' only in invisible characters (1 × U+200B), not counted as a change"
    """
    differing = 0
    characters: Counter[str] = Counter()
    for pair in pairs:
        if pair.status is not Status.UNCHANGED:
            continue
        was = Counter(invisible_characters("".join(clause.text for clause in pair.old)))
        now = Counter(invisible_characters("".join(clause.text for clause in pair.new)))
        if was != now:
            differing += 1
            characters.update((was - now) + (now - was))
    if not differing:
        return None
    counts = ", ".join(f"{count} × U+{ord(char):04X}" for char, count in sorted(characters.items()))
    clauses = "1 clause differs" if differing == 1 else f"{differing} clauses differ"
    return (
        f"'{new.path}': {clauses} from '{old.path}' only in invisible characters ({counts}), "
        "not counted as a change"
    )


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


def forget_texts(lexicon: Lexicon | None = None) -> None:
    """Forget every text this process has cut, normalised, tokenised or classified.

    Each stage keeps what it worked out for a text (a sentence's clause cuts, a clause's label,
    a word's stem), so that versions compared together, or one after another, read what they
    share once. A comparison after this works everything out afresh, as the first comparison
    of a new process does: the benchmarks time it so, and a long-lived process may call it to
    give the memory back. ``lexicon``: the one whose labels go (the shipped one when None).
    """
    from compare.align import meaning, texts
    from compare.classify import load_lexicon
    from compare.normalise import forget as forget_normalised
    from compare.segment import forget as forget_cuts

    forget_cuts()
    forget_normalised()
    texts.forget()
    meaning.forget()
    (lexicon or load_lexicon()).compiled.labels.clear()
