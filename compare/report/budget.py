"""The report's length budget: the body before the appendix stays readable in two minutes.

A change report that runs longer than the texts it summarises is not read. The body before the
appendix gets a budget of words, a third of the words of the two versions together, less what
the header, headings and tables take (but at least MINIMUM_WORDS for the listed changes, so that
a short statement's report still shows its changes), and the sections spend it in the order a reader needs them: key changes, stance
shifts, new and dropped concerns and commitments, names, then the rest. A section that runs out
lists what fits and says how many more the appendix holds; nothing is dropped from the appendix,
which lists every pair and stays folded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from compare.model import Pair

__all__ = ["MINIMUM_WORDS", "SHARE", "Budget", "words_in", "words_of_pair"]

SHARE = 3
"""The body before the appendix may hold one word for every SHARE words of the two versions."""

MINIMUM_WORDS = 250
"""Words for the listed changes whatever the texts' length, so that a short statement's report
still shows its first changes (half a printed page)."""

ITEM_OVERHEAD = 16
"""Words an item adds around its text: its stance before and after, position, facts."""

_WORD = re.compile(r"\S*[^\W_]\S*")


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
