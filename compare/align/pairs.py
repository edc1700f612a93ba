"""From matches to Pairs: a status for each, a word diff for each change, and the new order.

Pairs come in the new document's order, removed clauses placed right after the old clause
before them; every clause is in exactly one pair.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from compare import regexcache
from compare.align.match import Match
from compare.align.texts import Text, key
from compare.model import Clause, Pair, Status, WordOp

__all__ = ["build_pairs", "word_diff"]

_TOKEN = regexcache.compiled(r"\S+")


def build_pairs(
    matches: Sequence[Match],
    in_order: set[Match],
    old_texts: Sequence[Text],
    new_texts: Sequence[Text],
    old: Sequence[Clause],
    new: Sequence[Clause],
    unpaired_confidence: dict[tuple[str, int], float],
) -> tuple[Pair, ...]:
    """Every clause in exactly one pair, in the new document's order.

    Args:
        unpaired_confidence: for ("old", i) or ("new", j) left unpaired, how sure (0.0-1.0)
            the aligner is that it has no counterpart; 1.0 where absent.
    """
    keyed: list[tuple[tuple[float, int, int], Pair]] = []
    anchor_of_old: dict[int, float] = {}
    matched_old: set[int] = set()
    matched_new: set[int] = set()
    for match in matches:
        status = _status(match, old_texts, new_texts, match in in_order)
        pair = _pair(status, [old[i] for i in match.old], [new[j] for j in match.new], match)
        position = float(min(match.new))
        keyed.append(((position, 0, 0), pair))
        matched_old.update(match.old)
        matched_new.update(match.new)
        if status is not Status.MOVED:
            for i in match.old:
                anchor_of_old[i] = position
    for j in range(len(new)):
        if j not in matched_new:
            sure = round(unpaired_confidence.get(("new", j), 1.0), 2)
            keyed.append(((float(j), 0, 0), Pair(Status.ADDED, (), (new[j],), None, confidence=sure)))
    anchor = -1.0
    for i in range(len(old)):
        if i in anchor_of_old:
            anchor = anchor_of_old[i]
        elif i not in matched_old:
            sure = round(unpaired_confidence.get(("old", i), 1.0), 2)
            keyed.append(((anchor, 1, i), Pair(Status.REMOVED, (old[i],), (), None, confidence=sure)))
    keyed.sort(key=lambda item: item[0])
    return tuple(pair for _, pair in keyed)


def _status(match: Match, old_texts: Sequence[Text], new_texts: Sequence[Text], in_order: bool) -> Status:
    if len(match.new) > 1:
        return Status.SPLIT
    if len(match.old) > 1:
        return Status.MERGED
    if not in_order:
        return Status.MOVED
    if old_texts[match.old[0]].key == new_texts[match.new[0]].key:
        return Status.UNCHANGED
    return Status.REWORDED


def _pair(status: Status, old: list[Clause], new: list[Clause], match: Match) -> Pair:
    old_text = " ".join(clause.text for clause in old)
    new_text = " ".join(clause.text for clause in new)
    words = () if status is Status.UNCHANGED else word_diff(old_text, new_text)
    if words and all(op.op == "equal" for op in words):
        words = ()
    return Pair(
        status,
        tuple(old),
        tuple(new),
        match.score,
        words,
        confidence=round(match.confidence, 2),
        matched_by=match.found_by,
    )


def word_diff(old_text: str, new_text: str) -> tuple[WordOp, ...]:
    """Word-level operations turning old_text into new_text.

    Words compare on their normalised form, so re-wrapping, quote style and British/US
    spelling are not changes; equal runs show the new text.

    >>> [(op.op, op.text) for op in word_diff("We note the plan.", "We strongly welcome the plan.")]
    [('equal', 'We'), ('delete', 'note'), ('insert', 'strongly welcome'), ('equal', 'the plan.')]
    """
    old_words = _TOKEN.findall(old_text)
    new_words = _TOKEN.findall(new_text)
    keys = {word: key(word) for word in {*old_words, *new_words}}  # each distinct word once
    matcher = difflib.SequenceMatcher(
        a=list(map(keys.__getitem__, old_words)), b=list(map(keys.__getitem__, new_words)), autojunk=False
    )
    operations: list[WordOp] = []
    for tag, a_low, a_high, b_low, b_high in matcher.get_opcodes():
        if tag == "equal":
            operations.append(WordOp("equal", " ".join(new_words[b_low:b_high])))
            continue
        if a_high > a_low:
            operations.append(WordOp("delete", " ".join(old_words[a_low:a_high])))
        if b_high > b_low:
            operations.append(WordOp("insert", " ".join(new_words[b_low:b_high])))
    return tuple(operations)
