"""The report's length budget: the body before the appendix stays readable in two minutes.

A change report that runs longer than the texts it summarises is not read. The body before the
appendix gets a budget of words, a third of the words of the two versions together, less what
the header, headings and tables take (but at least MINIMUM_WORDS for the listed changes, so that
a short statement's report still shows its changes), and the sections spend it in the order a reader needs them: key changes, stance
shifts, new and dropped concerns and commitments, names, then the rest. A section that runs out
lists what fits and says how many more the appendix holds; nothing is dropped from the appendix,
which lists every pair and stays folded.

``Budget`` keeps the count; the ``fitted_*`` functions take from each section what fits, in the
order ``sections.build_report`` calls them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from compare import regexcache
from compare.model import Pair
from compare.report.wording import KIND_ORDER, KIND_PLURAL, key_headline, key_text

if TYPE_CHECKING:
    from compare.keychanges import KeyChange
    from compare.report.names import NameChange
    from compare.report.sections import Group

__all__ = [
    "KEY_AT_LEAST",
    "MINIMUM_WORDS",
    "SHARE",
    "Budget",
    "fitted_by_kind",
    "fitted_by_target",
    "fitted_changes",
    "fitted_groups",
    "fitted_names",
    "words_in",
    "words_of_pair",
]

SHARE = 3
"""The body before the appendix may hold one word for every SHARE words of the two versions."""

MINIMUM_WORDS = 250
"""Words for the listed changes whatever the texts' length, so that a short statement's report
still shows its first changes (half a printed page)."""

ITEM_OVERHEAD = 16
"""Words an item adds around its text: its stance before and after, position, facts."""

_WORD = regexcache.compiled(r"\S*[^\W_]\S*")


def words_in(text: str) -> int:
    """Number of words: runs of non-space characters holding a letter or a digit, so that table
    rules, dashes and list marks do not count.

    >>> words_in("We note  the plan. | – | 3 |")
    5
    """
    return len(_WORD.findall(text))


def words_of_pair(pair: Pair) -> int:
    """Words a report item spends on a pair: its redline (both sides' words once) and its labels."""
    if pair.words:
        text = " ".join(op.text for op in pair.words)
    else:
        text = " ".join(clause.text for clause in (pair.new or pair.old))
    reason = words_in(pair.shift_reason or "")
    return words_in(text) + reason + ITEM_OVERHEAD


@dataclass(slots=True)
class Budget:
    """Words left for the body of the report."""

    left: int

    @classmethod
    def for_texts(cls, *texts: str, fixed: int = 0) -> Budget:
        """The budget for the changes a report on these texts lists, once ``fixed`` words go to
        its header, headings and tables.

        >>> Budget.for_texts("word " * 6000, "word " * 6000, fixed=400).left
        3600
        >>> Budget.for_texts("word " * 300, "word " * 300, fixed=400).left
        250
        """
        return cls(max(MINIMUM_WORDS, sum(words_in(text) for text in texts) // SHARE - fixed))

    def spend(self, words: int) -> None:
        """Spend words that are shown whatever the budget (headings, tables)."""
        self.left -= words

    def fit(self, pairs: Sequence[Pair], *, at_least: int = 0) -> tuple[tuple[Pair, ...], int]:
        """The pairs that fit, in order (the first ``at_least`` always do), and how many did not."""
        shown = []
        for number, pair in enumerate(pairs):
            cost = words_of_pair(pair)
            if number >= at_least and cost > self.left:
                return tuple(shown), len(pairs) - len(shown)
            self.left -= cost
            shown.append(pair)
        return tuple(shown), 0


KEY_AT_LEAST = 3
"""Key changes listed whatever the budget."""


def _key_words(change: KeyChange) -> int:
    """Words a key or uncertain change takes: its headline, position and the start of its text."""
    return words_in(" ".join(key_headline(change))) + words_in(key_text(change)) + 4


def fitted_by_target(
    by_target: tuple[tuple[str, tuple[KeyChange, ...]], ...], limit: int, budget: Budget
) -> tuple[tuple[tuple[str, tuple[KeyChange, ...]], ...], int]:
    """The heaviest key changes that fit, still grouped by target, and how many did not."""
    ranked = sorted((change for _, changes in by_target for change in changes), key=lambda c: -c.weight)
    kept = {id(change) for change in fitted_changes(ranked[:limit], budget, at_least=KEY_AT_LEAST)}
    listed = tuple(
        (target, tuple(change for change in changes if id(change) in kept))
        for target, changes in by_target
        if any(id(change) in kept for change in changes)
    )
    return listed, len(ranked) - len(kept)


def fitted_changes(changes: Sequence[KeyChange], budget: Budget, *, at_least: int) -> tuple[KeyChange, ...]:
    """The first changes that fit the budget (the first ``at_least`` whatever it holds)."""
    fitted = []
    for number, change in enumerate(changes):
        cost = _key_words(change)
        if number >= at_least and cost > budget.left:
            break
        budget.spend(cost)
        fitted.append(change)
    return tuple(fitted)


def fitted_by_kind(new: tuple[Group, ...], dropped: tuple[Group, ...], budget: Budget) -> tuple[tuple[Group, ...], tuple[Group, ...]]:
    """New and dropped groups cut to the budget: groups of the kinds that say something first,
    one pair from each group in turn, so that no group crowds the others out. Each group lists
    its first pairs up to the first that does not fit."""
    first = {KIND_PLURAL[kind] for kind in KIND_ORDER[:4]}
    listed: dict[tuple[int, str], list[Pair]] = {}
    for important in (True, False):
        turn = [
            (side, group)
            for side, groups in enumerate((new, dropped))
            for group in groups
            if (group.heading in first) == important
        ]
        open_groups = {(side, group.heading) for side, group in turn}
        for side, group in turn:
            listed[(side, group.heading)] = []
        while open_groups:
            for side, group in turn:
                key = (side, group.heading)
                if key not in open_groups:
                    continue
                shown = listed[key]
                if len(shown) == len(group.pairs) or words_of_pair(group.pairs[len(shown)]) > budget.left:
                    open_groups.discard(key)
                    continue
                budget.spend(words_of_pair(group.pairs[len(shown)]))
                shown.append(group.pairs[len(shown)])

    def cut(side: int, groups: tuple[Group, ...]) -> tuple[Group, ...]:
        return tuple(
            replace(group, pairs=tuple(listed[(side, group.heading)]), more=len(group.pairs) - len(listed[(side, group.heading)]))
            for group in groups
        )

    return cut(0, new), cut(1, dropped)


def fitted_names(
    changes: tuple[NameChange, ...], budget: Budget, *, at_least: int = 0
) -> tuple[tuple[NameChange, ...], int]:
    """The names that fit (the first ``at_least`` whatever the budget), and how many did not."""
    fitted = []
    for number, change in enumerate(changes):
        cost = words_in(change.name) + len(change.places) * 2 + 2
        if cost > budget.left and number >= at_least:
            break
        budget.spend(cost)
        fitted.append(change)
    return tuple(fitted), len(changes) - len(fitted)


def fitted_groups(groups: tuple[Group, ...], budget: Budget) -> tuple[Group, ...]:
    """Each group cut to the pairs that fit, in order; the rest counted as left to the appendix."""
    fitted = []
    for group in groups:
        listed, more = budget.fit(group.pairs)
        fitted.append(replace(group, pairs=listed, more=more))
    return tuple(fitted)
