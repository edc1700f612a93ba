"""Threads: each clause followed through a series, from the pairs of consecutive comparisons.

Second step of ``compare.series.build`` (after the versions are compared in turn, before any
view). ``follow`` chains the pairs: a clause of version k+1 continues the threads of the
clauses of version k it is paired with (a split carries one thread into several clauses, a
merge several threads into one clause), and a clause added in version k+1 starts a thread.
``rejoin`` then gives a dropped clause its chance to come back: the clauses of threads that
ended before version m are aligned, with the same engine and settings, against the clauses
that start a thread in version m, and a link at least ``MIN_RETURN_CONFIDENCE`` sure makes
the new thread the old one's return. Each version is aligned once against the pool of
dropped clauses, so the work grows with the number of versions, not with its square.

Pure functions of their inputs; nothing here reads, prints or keeps state between calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from compare.model import Clause, Comparison, Pair, Shift, Status
from compare.normalise import normalise
from compare.segment import heading_indices
from compare.series.model import Change, Step, Thread, Version

__all__ = [
    "MIN_LINK_CONFIDENCE",
    "MIN_RETURN_CONFIDENCE",
    "MOVED_MIN_SCORE",
    "change_of",
    "follow",
    "rejoin",
    "threads_of",
]

MIN_LINK_CONFIDENCE = 0.0
"""How sure (0.0-1.0) a pair of consecutive versions must be to carry a thread on; a weaker
pair ends the thread and starts another (which may still be found as its return)."""
MIN_RETURN_CONFIDENCE = 0.8
"""How sure (0.0-1.0) a link between a dropped clause and a later one must be for the later
one to count as its return. A pool of clauses from several versions has no order to check a link
against, and a return joins versions no comparison put side by side, so only a confident link is
claimed: 0.8, the best of 0.5-0.8 on the development threads (``series_bench.py --grid``); it was
the aligner's "sure" until that rose to 0.85, and 0.85 here loses a development thread."""
POOL_NEAREST = 8
"""How many dropped clauses, the most alike in words, each new clause is aligned against: it
keeps the alignment of a long series (the FOMC's 122 versions) from growing with the pool."""
MOVED_MIN_SCORE = 90.0
"""Similarity (0-100) from which a pair off the order of its neighbours is a move rather
than a rewording that also moved."""

Aligner = Callable[[Sequence[Clause], Sequence[Clause]], tuple[Pair, ...]]
"""Aligns old clauses with new ones as ``compare.align.align`` does, shifts included."""


def change_of(pair: Pair) -> Change:
    """What a pair linking two versions makes of a thread; a stance shift is claimed only on a
    link that carries a direction (confidence ``compare.model.CLAIM`` or more).

    >>> change_of(Pair(Status.REWORDED, (), (), 80.0, shift=Shift.STRONGER, confidence=0.9))
    <Change.HARDENED: 'hardened'>
    >>> change_of(Pair(Status.REWORDED, (), (), 80.0, shift=Shift.STRONGER, confidence=0.7))
    <Change.REWORDED: 'reworded'>
    """
    if pair.status is Status.UNCHANGED:
        return Change.UNCHANGED
    if pair.claims_direction:
        if pair.shift is Shift.STRONGER:
            return Change.HARDENED
        if pair.shift is Shift.WEAKER:
            return Change.SOFTENED
    if pair.status is Status.MOVED and (not pair.words or (pair.score or 0.0) >= MOVED_MIN_SCORE):
        return Change.MOVED
    return Change.REWORDED


_RANK = {Change.UNCHANGED: 0, Change.MOVED: 1, Change.REWORDED: 2, Change.HARDENED: 3, Change.SOFTENED: 3}


def _combined(first: Change, second: Change) -> Change:
    """One change for a thread reached by two pairs: the larger, and opposite shifts cancel."""
    if {first, second} == {Change.HARDENED, Change.SOFTENED}:
        return Change.REWORDED
    return first if _RANK.get(first, 0) >= _RANK.get(second, 0) else second


@dataclass
class _Presence:
    """A thread in one version while the threads are being drawn."""

    clauses: list[int]
    change: Change
    pair: Pair | None = None
    since: int | None = None


@dataclass
class _Draft:
    presences: dict[int, _Presence] = field(default_factory=dict)
    merged_into: int | None = None


def follow(
    versions: Sequence[Version], comparisons: Sequence[Comparison], *, min_link: float = MIN_LINK_CONFIDENCE
) -> tuple[list[_Draft], list[dict[int, list[int]]]]:
    """Chain the pairs of consecutive comparisons into threads.

    A pair less sure than ``min_link``, or one that links a heading with body text (a section
    title is never the same clause as a sentence), counts as a clause removed and one added.

    Returns:
        The drafts, and for each version which drafts hold each of its clause indices.
    """
    drafts: list[_Draft] = []
    holders: list[dict[int, list[int]]] = [{} for _ in versions]
    headings = [heading_indices(version.document, version.clauses) for version in versions]

    def start(version: int, indices: list[int]) -> None:
        drafts.append(_Draft({version: _Presence(indices, Change.FIRST)}))
        for index in indices:
            holders[version].setdefault(index, []).append(len(drafts) - 1)

    if comparisons:
        for pair in comparisons[0].pairs:
            for clause in pair.old:
                start(0, [clause.index])
    for k, comparison in enumerate(comparisons):
        for pair in comparison.pairs:
            new_indices = [clause.index for clause in pair.new]
            if not pair.new:
                continue
            if (
                not pair.old
                or (pair.confidence is not None and pair.confidence < min_link)
                or _crosses_heading(pair, headings[k], headings[k + 1])
            ):
                start(k + 1, new_indices)
                continue
            threads = list(dict.fromkeys(t for clause in pair.old for t in holders[k].get(clause.index, ())))
            change = change_of(pair)
            for t in threads:
                presence = drafts[t].presences.get(k + 1)
                if presence is None:
                    drafts[t].presences[k + 1] = _Presence(list(new_indices), change, pair)
                else:
                    presence.clauses.extend(i for i in new_indices if i not in presence.clauses)
                    presence.change = _combined(presence.change, change)
                for index in new_indices:
                    held = holders[k + 1].setdefault(index, [])
                    if t not in held:
                        held.append(t)
    return drafts, holders


def _crosses_heading(pair: Pair, old_headings: frozenset[int], new_headings: frozenset[int]) -> bool:
    was = any(clause.index in old_headings for clause in pair.old)
    now = any(clause.index in new_headings for clause in pair.new)
    return was != now


def rejoin(
    drafts: list[_Draft],
    holders: list[dict[int, list[int]]],
    versions: Sequence[Version],
    aligner: Aligner,
    *,
    min_confidence: float = MIN_RETURN_CONFIDENCE,
) -> None:
    """Link threads that ended to threads that start later, as their returns (in place).

    For each version m from the third on, the pool is every thread present in some version
    before m-1 and in neither m-1 nor m (its clauses in the last version that held it; of
    several with the same words, the latest), and the candidates are the threads that start
    in m. One alignment of the pool against the candidates decides; ``aligner`` must weigh
    the pool as clauses in no document's order (``compare.align.align(..., ordered=False)``,
    as ``compare.series.build`` does), for the pool's order is only how it was gathered.
    Headings are left out:
    a section title coming back says nothing of what the section says.
    """
    headings = [heading_indices(version.document, version.clauses) for version in versions]
    for m in range(2, len(versions)):
        born = [t for t, d in enumerate(drafts) if d.merged_into is None and min(d.presences) == m]
        if not born:
            continue
        pool: dict[str, tuple[int, int]] = {}
        for t, draft in enumerate(drafts):
            if draft.merged_into is not None or m - 1 in draft.presences or m in draft.presences:
                continue
            before = [v for v in draft.presences if v < m - 1]
            if not before:
                continue
            last = max(before)
            if set(draft.presences[last].clauses) <= headings[last]:
                continue
            text = normalise(" ".join(versions[last].clauses[i].text for i in draft.presences[last].clauses))
            if text not in pool or pool[text][1] < last:
                pool[text] = (t, last)
        if not pool:
            continue
        old_side: list[tuple[int, int, Clause]] = []
        for t, last in sorted(pool.values(), key=lambda item: (item[1], min(drafts[item[0]].presences[item[1]].clauses))):
            for index in drafts[t].presences[last].clauses:
                if index not in headings[last]:
                    old_side.append((t, last, versions[last].clauses[index]))
        new_side: list[tuple[int, Clause]] = [
            (t, versions[m].clauses[index])
            for t in born
            for index in drafts[t].presences[m].clauses
            if index not in headings[m]
        ]
        if not new_side:
            continue
        old_side = _nearest(old_side, [clause for _, clause in new_side])
        old_clauses = [replace(c, doc_id="old", index=n) for n, (_, _, c) in enumerate(old_side)]
        new_clauses = [replace(c, doc_id="new", index=n) for n, (_, c) in enumerate(new_side)]
        for pair in aligner(old_clauses, new_clauses):
            if not pair.old or not pair.new or (pair.confidence is not None and pair.confidence < min_confidence):
                continue
            t, last, _ = old_side[pair.old[0].index]
            returned = replace(
                pair,
                old=tuple(old_side[c.index][2] for c in pair.old),
                new=tuple(new_side[c.index][1] for c in pair.new),
            )
            for b in dict.fromkeys(new_side[c.index][0] for c in pair.new):
                if drafts[b].merged_into is None and b != t:
                    _merge(drafts, holders, b, t, m, returned, last)


def _nearest(old_side: list[tuple[int, int, Clause]], new: Sequence[Clause]) -> list[tuple[int, int, Clause]]:
    """The pool narrowed to the POOL_NEAREST clauses most alike in words to each new clause
    (rapidfuzz's token set ratio, one vectorised call), in pool order."""
    if len(old_side) <= POOL_NEAREST:
        return old_side
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    scores = process.cdist(
        [clause.text for _, _, clause in old_side],
        [clause.text for clause in new],
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        dtype=np.float32,
    )
    nearest = np.argsort(-scores, axis=0, kind="stable")[:POOL_NEAREST]
    keep = sorted(set(nearest.ravel().tolist()))
    return [old_side[i] for i in keep]


def _merge(
    drafts: list[_Draft], holders: list[dict[int, list[int]]], born: int, into: int, m: int, pair: Pair, since: int
) -> None:
    """Make thread ``born`` (starting in version m) the return of thread ``into``."""
    target = drafts[into].presences
    for version, presence in sorted(drafts[born].presences.items()):
        if version == m:
            presence = _Presence(list(presence.clauses), Change.RETURNED, pair, since)
        if version in target:
            target[version].clauses.extend(i for i in presence.clauses if i not in target[version].clauses)
        else:
            target[version] = presence
        for index in presence.clauses:
            held = holders[version].setdefault(index, [])
            held[:] = list(dict.fromkeys(into if t == born else t for t in held))
    drafts[born].merged_into = into
    drafts[born].presences = {}


def threads_of(drafts: Sequence[_Draft], versions: Sequence[Version]) -> tuple[Thread, ...]:
    """The finished threads, a step for every version, numbered by first appearance."""
    live = [draft for draft in drafts if draft.merged_into is None and draft.presences]
    live.sort(key=lambda d: (min(d.presences), min(d.presences[min(d.presences)].clauses)))
    threads = []
    for number, draft in enumerate(live, start=1):
        steps = []
        seen = False
        for version in versions:
            presence = draft.presences.get(version.index)
            if presence is None:
                steps.append(Step(version.index, Change.DROPPED if seen and steps[-1].change.is_present else Change.ABSENT))
                continue
            seen = True
            clauses = tuple(version.clauses[i] for i in sorted(presence.clauses))
            steps.append(Step(version.index, presence.change, clauses, presence.pair, presence.since))
        threads.append(Thread(number, tuple(steps)))
    return tuple(threads)
