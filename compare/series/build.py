"""A series compared: versions in order, consecutive pairs compared, clauses followed as threads.

``compare_series`` is to a series what ``compare.pipeline.compare_documents`` is to a pair, and
calls it for each consecutive pair with the same settings as ``jointdiff diff`` (threshold,
scorer, method, lexicon, profile); ``compare.series.threads`` then follows each clause through
the versions. Safe to run in a worker thread: it only reads its arguments (and the user's
lexicon and profile files, through ``Settings``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from compare.errors import UsageError
from compare.model import Clause, Comparison, Document, Pair, StaleCorrection
from compare.series.model import Series, Version
from compare.series.order import in_range, order_versions
from compare.series.threads import MIN_LINK_CONFIDENCE, MIN_RETURN_CONFIDENCE, follow, rejoin, threads_of

if TYPE_CHECKING:
    from compare.options import Settings

__all__ = ["compare_series", "thread_series"]

Progress = Callable[[int, int], None]
"""Told (comparisons done, comparisons in all) as the series is compared."""


def compare_series(
    documents: Sequence[Document],
    *,
    order: str = "date",
    since: str | None = None,
    until: str | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Series:
    """Compare the versions of a statement in order and follow every clause through them.

    Args:
        documents: what ``read()`` returned for each version, in any order.
        order: "date" (front matter, text or file name; UN symbols where dates are missing)
            or "given" (as listed).
        since, until: keep only the versions dated within these (a date or its first part,
            "2021" or "2021-06").
        settings: how to compare each pair (``compare.options.Settings``); the defaults when None.
        progress: called after each comparison, for a progress display.

    Raises:
        UsageError: a version cannot be placed in order, or fewer than two versions are left.
    """
    from compare.options import Settings

    settings = settings or Settings()
    ordered, how = order_versions(documents, order)
    if since is not None or until is not None:
        undated = next((d for d in ordered if not d.date), None)
        if undated is not None:
            raise UsageError(f"cannot apply --since or --until: '{undated.path}' has no date")
        ordered = tuple(d for d in ordered if in_range(d.date, since, until))
    if len(ordered) < 2:
        raise UsageError(f"a series needs at least two versions ({len(ordered)} left to compare)")
    comparisons: list[Comparison] = []
    for old, new in zip(ordered, ordered[1:], strict=False):
        comparisons.append(settings.compare(old, new))
        if progress is not None:
            progress(len(comparisons), len(ordered) - 1)
    series = thread_series(ordered, comparisons, settings=settings, order=how)
    return replace(series, warnings=stale_corrections(comparisons))


def stale_corrections(comparisons: Sequence[Comparison]) -> tuple[str, ...]:
    """The corrections that apply to none of the comparisons that read them.

    A corrections file beside a version is read for the one comparison that ends there; one
    given with ``--corrections`` is read for every comparison, and a correction in it names
    clauses of one or two versions only, so it is stale for the series only when it is stale
    for every comparison that read its file.
    """
    reads = Counter(dict(comparison.options).get("corrections") for comparison in comparisons)
    stale: dict[tuple[str, int], list[StaleCorrection]] = {}
    for comparison in comparisons:
        for correction in comparison.stale:
            stale.setdefault((correction.path, correction.number), []).append(correction)
    return tuple(found[0].line for (path, _), found in stale.items() if len(found) >= reads[path])


def thread_series(
    documents: Sequence[Document],
    comparisons: Sequence[Comparison],
    *,
    settings: Settings,
    order: str = "date",
    min_link: float = MIN_LINK_CONFIDENCE,
    min_return: float = MIN_RETURN_CONFIDENCE,
) -> Series:
    """The series of documents already in order and their consecutive comparisons.

    Args:
        min_link, min_return: how sure a link must be to carry a thread to the next version,
            and to make a later clause a dropped one's return (``compare.series.threads``).
    """
    versions = _versions(documents, comparisons)
    drafts, holders = follow(versions, comparisons, min_link=min_link)
    rejoin(drafts, holders, versions, _aligner(settings), min_confidence=min_return)
    return Series(versions, threads_of(drafts, versions), order, comparisons[-1].options)


def _versions(documents: Sequence[Document], comparisons: Sequence[Comparison]) -> tuple[Version, ...]:
    """Each document with its classified clauses, as the comparisons found them."""
    sides = [_side(comparisons[0], "old")] + [_side(comparison, "new") for comparison in comparisons]
    versions = []
    for index, (document, clauses) in enumerate(zip(documents, sides, strict=True)):
        # A comparison may add a warning to its new document (invisible characters); keep it.
        if index:
            document = comparisons[index - 1].new
        doc_id = f"v{index + 1}"
        versions.append(Version(index, document, tuple(replace(clause, doc_id=doc_id) for clause in clauses)))
    return tuple(versions)


def _side(comparison: Comparison, side: str) -> list[Clause]:
    clauses = {clause.index: clause for pair in comparison.pairs for clause in getattr(pair, side)}
    return [clauses[index] for index in sorted(clauses)]


def _aligner(settings: Settings) -> Callable[[Sequence[Clause], Sequence[Clause]], tuple[Pair, ...]]:
    """Aligns a pool of dropped clauses with later ones as the comparisons do, stance shifts
    included; the pool comes from several versions, so its order is no document's."""
    from compare.align import align
    from compare.shift import shift

    def aligned(old: Sequence[Clause], new: Sequence[Clause]) -> tuple[Pair, ...]:
        pairs = align(
            old, new, threshold=settings.threshold, scorer=settings.scorer, method=settings.method, ordered=False
        )
        return tuple(shift(pair) for pair in pairs)

    return aligned
