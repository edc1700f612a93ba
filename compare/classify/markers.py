"""Every marker of how firmly a clause puts its stance, read around its governing stance word.

classify() finds the act (the governing stance word: "condemn", "will", "express ... concern")
and asks this module what stands around it:

- **intensifiers** (``[[modifier]]``: "strongly", "grave", "gravest") within three words before
  the act, not across a comma ("In particular, we oppose": "particular" is not about
  "oppose"), or right after it ("condemn in the strongest terms", "will closely monitor");
- **modals** (``[[modal]]``: must, will, should, would, may, might) within three words before
  it, or the act itself when it is one ("We will ...");
- **hedges** (``[[hedge]]``): qualifiers (conditions, time limits) anywhere in the clause or,
  for words as often about the content ("currently available", "temporarily occupied"),
  within three words of the act; likelihood ("will likely") next to the act; tentative verbs
  after it ("will explore"); downtoners before it ("somewhat");
- **negation** within three words before the act or right after it;
- **modals outside the act** anywhere in the clause ("the crisis, which must be addressed"),
  each with the two words it governs, for shift() to set against the same slot of the other
  version (``obligation_markers``), and the hedges of the clause's other stance words
  (``hedges_near``).

The rung of the label rises by the intensifiers' weights (at most 2) and falls by the hedges'
and modals' weights (at most 2); ``Label.markers`` keeps each marker as written, for shift().
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare import regexcache
from compare.classify.grammar import SUBORDINATE, in_adverbial_stretch
from compare.model import Kind, Marker

if TYPE_CHECKING:
    from compare.classify.compiled import Compiled
    from compare.classify.lexicon import StanceEntry
    from compare.classify.scanner import Scanner

__all__ = [
    "OBLIGATIONS",
    "Reading",
    "bare_modal_markers",
    "hedges_near",
    "intensifiers_around",
    "obligation_markers",
    "read_markers",
    "word_window_end",
    "word_window_start",
]

_LAST_WORD = regexcache.compiled(r"[\w'-]+[\s,]*$")
_NEXT_WORDS = {count: regexcache.compiled(rf"(?:[\s,]*[\w'-]+){{0,{count}}}") for count in (1, 2, 3, 4)}
_CLAUSE_MARK = regexcache.compiled(r"[,;:()]")
_INFINITIVE = regexcache.compiled(r"\s+to\s+\w", re.IGNORECASE)
"""What follows a negation that opens an infinitive ("not to conduct")."""

RISE_CAP = 2
"""The most intensifiers can raise a rung."""
FALL_CAP = 2
"""The most hedges and modals can lower a rung."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What stands around the act: how far it moves the rung, and each marker."""

    rise: int
    fall: int
    phrase_start: int
    """Where the stance phrase starts, widened to the intensifiers and modals before the act."""
    phrase_end: int
    """Where it ends, widened to an intensifier after the act."""
    hedges: tuple[str, ...]
    """Hedges and lowering modals as written (``Label.hedges``)."""
    negated: bool
    markers: tuple[Marker, ...]


def read_markers(
    text: str,
    plain: str,
    words: list[tuple[int, str]],
    act: tuple[int, int, int],
    entry: StanceEntry | None,
    compiled: Compiled,
    head: tuple[int, int, StanceEntry] | None = None,
) -> Reading:
    """The markers around an act standing at ``plain[act[1]:act[2]]``.

    Args:
        text: the clause as written; ``plain`` the same with ASCII quotes and dashes.
        words: word starts of ``plain`` and their first letters (``scanner.words``).
        act: where the stance word itself starts (a noun after its light verb), where the act's
            phrase starts (the light verb, if any) and where it ends.
        entry: the act's lexicon entry; None when the anchor is a bare modal ("All parties
            must refrain"), which gives markers but no act.
        head: where a modal act ("We will ...") is followed by the stance verb it governs
            ("will strongly support"), that verb's start, end and entry: it is the act shift()
            compares, the modal its modal.
    """
    act_start, act_phrase_start, act_end = act
    found: list[Marker] = []

    def written(start: int, end: int) -> str:
        return " ".join(text[start:end].split())

    _, before, after = _around(plain, words, act_phrase_start, act_end)
    if entry is not None and entry.kind is Kind.CALL:
        after = _with_requested_action(plain, words, act_end, after)
    phrase_start, phrase_end = act_phrase_start, act_end
    rise = fall = 0
    hedges: list[str] = []

    if head is not None:
        head_start, head_end, head_entry = head
        found.append(
            Marker(
                "act", written(head_start, head_end), head_entry.rung, head_start, head_entry.id,
                head_entry.on_scale, head_entry.kind.value,
            )
        )
    elif entry is not None:
        phrase = written(act_phrase_start, act_end)
        found.append(
            Marker("act", phrase, entry.rung, act_phrase_start, entry.id, entry.on_scale, entry.kind.value)
        )
    act_is_modal = compiled.modal_exact is not None and compiled.modal_exact.fullmatch(plain, act_start, act_end)
    if act_is_modal:
        _, modal_id, value = compiled.markers[act_is_modal.lastgroup]
        found.append(Marker("modal", written(act_start, act_end), value, act_start, modal_id))
        fall += compiled.weights[act_is_modal.lastgroup]
        if compiled.weights[act_is_modal.lastgroup] and entry is None:
            hedges.append(written(act_start, act_end))
    if compiled.modals is not None:
        for start, end, group in compiled.modals.scan(plain, before):
            _, modal_id, value = compiled.markers[group]
            found.append(Marker("modal", written(start, end), value, start, modal_id))
            fall += compiled.weights[group]
            if compiled.weights[group]:
                hedges.append(written(start, end))
            phrase_start = min(phrase_start, start)
    for marker, end in intensifiers_around(text, plain, words, (act_phrase_start, act_end), compiled):
        found.append(marker)
        rise += marker.value
        if marker.start < act_end:
            phrase_start = min(phrase_start, marker.start)
        else:
            phrase_end = end
    if compiled.modifiers_clause is not None:
        taken = {marker.start for marker in found}
        for start, end, group in compiled.modifiers_clause.scan(plain, words):
            if start not in taken:
                kind, entry_id, weight = compiled.markers[group]
                found.append(Marker(kind, written(start, end), weight, start, entry_id))
    near = before + after
    own_start = head[0] if head is not None else act_phrase_start
    for scope, window in (("clause", words), ("near", near), ("before", before), ("after", after)):
        scanner = compiled.hedges.get(scope)
        if scanner is None or not window:
            continue
        for marker in _hedges_in(text, plain, window, scanner, compiled):
            if marker.start == own_start:
                continue  # the act itself ("We will WORK TO diversify"), not a hedge on it
            found.append(marker)
            fall -= marker.value
            hedges.append(marker.text)
            if scope == "before" or (scope == "near" and marker.start < act_phrase_start):
                phrase_start = min(phrase_start, marker.start)
    asks = head is None and entry is not None and entry.kind in (Kind.CALL, Kind.DECISION)
    negated = _negated(plain, act_phrase_start, act_end, compiled, asks=asks)
    if negated:
        found.append(Marker("negation", "not", -1, act_phrase_start, "not"))
    found.sort(key=lambda marker: marker.start)
    return Reading(
        rise=min(rise, RISE_CAP),
        fall=min(fall, FALL_CAP),
        phrase_start=phrase_start,
        phrase_end=phrase_end,
        hedges=tuple(dict.fromkeys(hedges)),
        negated=negated,
        markers=tuple(found),
    )


OBLIGATIONS = frozenset({"must", "will", "should", "expected-to", "would", "may", "might"})
"""Modals read wherever they stand in a clause, for what it obliges or expects ("differences
must be settled through dialogue", "further firming may be needed"): shift() compares one with
the other side's modal governing the same words ("may be needed" -> "will be needed")."""
_GOVERNED = regexcache.compiled(
    r"[\s,]+((?:\w+ly\s+|also\s+|still\s+|then\s+|further\s+|not\s+|never\s+|again\s+|always\s+|ever\s+"
    r"|now\s+|yet\s+|only\s+)*)([\w'-]+)\s+([\w'-]+)"
)
"""The two words a modal governs, past any adverbs between ("must urgently BE ADDRESSED")."""
_PROPOSITION = regexcache.compiled(r"(?:(?:be|been|have|has)\s+)?([\w'-]+\s+[\w'-]+\s+[\w'-]+)", re.IGNORECASE)
"""The first three words of what a modal hedges, past a "be" or "have" (``Marker.then``)."""
_RELATIVE_BEFORE = regexcache.compiled(r"\b(?:that|which|who)\s+$", re.IGNORECASE)


def obligation_markers(
    text: str, plain: str, words: list[tuple[int, str]], taken: set[int], compiled: Compiled
) -> list[Marker]:
    """The clause's modals outside its act's own, as "obligation" markers with what each governs,
    and the hedges between a modal and its verb ("will LIKELY be augmented")."""
    found: list[Marker] = []
    if compiled.modals is None:
        return found
    hedges = compiled.hedges.get("near")
    for start, end, group in compiled.modals.scan(plain, words):
        _, modal_id, value = compiled.markers[group]
        if start in taken or modal_id not in OBLIGATIONS:
            continue
        governed = _GOVERNED.match(plain, end)
        governs = f"{governed[2]} {governed[3]}".casefold() if governed else ""
        # a modal opening a relative clause ("technologies that could be used") describes the
        # content: no proposition of the statement's own for shift() to weigh
        relative = _RELATIVE_BEFORE.search(plain, max(0, start - 8), start)
        proposition = _PROPOSITION.match(plain, governed.start(2)) if governed and not relative else None
        then = " ".join(proposition[1].casefold().split()) if proposition else ""
        found.append(
            Marker("obligation", " ".join(text[start:end].split()), value, start, modal_id, governs=governs, then=then)
        )
        if governed and hedges is not None and governed.end(1) > governed.start(1):
            between = _in_window(words, governed.start(1), governed.end(1))
            found += [m for m in _hedges_in(text, plain, between, hedges, compiled) if m.start not in taken]
    return found


def intensifiers_around(
    text: str, plain: str, words: list[tuple[int, str]], phrase: tuple[int, int], compiled: Compiled
) -> list[tuple[Marker, int]]:
    """The intensifiers of the stance phrase at ``plain[phrase[0]:phrase[1]]``, each with where
    it ends: those of scope "before" within three words before it (not across a comma) or inside
    it ("express SERIOUS concern"), and the first of scope "after" among the three words that
    follow it ("condemn in the strongest terms")."""
    phrase_start, end_of_phrase = phrase
    before_start, _, after = _around(plain, words, phrase_start, end_of_phrase)
    found = []
    if compiled.modifiers_before is not None:
        for start, end, group in compiled.modifiers_before.scan(plain, _in_window(words, before_start, end_of_phrase)):
            kind, entry_id, _ = compiled.markers[group]
            shown = " ".join(text[start:end].split())
            found.append((Marker(kind, shown, compiled.weights[group], start, entry_id), end))
    if compiled.modifiers_after is not None:
        match = next((m for start, _ in after[:3] if (m := compiled.modifiers_after.match(plain, start))), None)
        if match:
            weight = compiled.weights[match.lastgroup]
            kind, entry_id, _ = compiled.markers[match.lastgroup]
            shown = " ".join(text[match.start() : match.end()].split())
            found.append((Marker(kind, shown, weight, match.start(), entry_id), match.end()))
    return found


def hedges_near(
    text: str, plain: str, words: list[tuple[int, str]], phrase: tuple[int, int], compiled: Compiled
) -> list[Marker]:
    """The hedges of scope "near" ("currently", "likely") within three words before the stance
    phrase at ``plain[phrase[0]:phrase[1]]`` (not across a comma) or after it: read for a
    clause's other stance words ("... and CURRENTLY anticipates that ...")."""
    scanner = compiled.hedges.get("near")
    if scanner is None:
        return []
    _, before, after = _around(plain, words, *phrase)
    return _hedges_in(text, plain, before + after, scanner, compiled)


def _around(
    plain: str, words: list[tuple[int, str]], start: int, end: int
) -> tuple[int, list[tuple[int, str]], list[tuple[int, str]]]:
    """Around the phrase at ``plain[start:end]``: where the three words before it start (not
    across a comma), those words, and the three words after it."""
    before_start = _clause_start(plain, word_window_start(plain, start, 3), start)
    return before_start, _in_window(words, before_start, start), _in_window(words, end, word_window_end(plain, end, 3))


_ADDRESSEE_TO = regexcache.compiled(r"\s+(?:[^\s,.;:()]+\s+){1,8}?to\s+(?=\w)", re.IGNORECASE)
"""A call's addressee and the "to" of the action asked of it ("invite the Arlen Sound Investment
Bank to ..."), within one stretch of the clause."""


def _with_requested_action(
    plain: str, words: list[tuple[int, str]], act_end: int, after: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """The words after a call, with the first word of the action it asks for: a tentative verb
    there ("We invite the Bank to CONSIDER financing ...") hedges the call as one right after the
    verb does ("We urge CONSIDERING ...")."""
    asked = _ADDRESSEE_TO.match(plain, act_end)
    if asked is None:
        return after
    action = _in_window(words, asked.end(), asked.end() + 1)
    return after + [word for word in action if word not in after]


def _hedges_in(
    text: str, plain: str, window: list[tuple[int, str]], scanner: Scanner, compiled: Compiled
) -> list[Marker]:
    """The hedges ``scanner`` finds starting at the words of ``window``, as markers."""
    found = []
    for start, end, group in scanner.scan(plain, window):
        kind, hedge_id, weight = compiled.markers[group]
        found.append(Marker(kind, " ".join(text[start:end].split()), -weight, start, hedge_id))
    return found


def word_window_start(plain: str, position: int, words: int) -> int:
    """Where the ``words`` words before ``position`` start."""
    start = position
    for _ in range(words):
        match = _LAST_WORD.search(plain, max(0, start - 40), start)
        if not match:
            break
        start = match.start()
    return start


def word_window_end(plain: str, position: int, words: int) -> int:
    """Where the ``words`` words after ``position`` end."""
    match = _NEXT_WORDS[words].match(plain, position, position + 80)
    return match.end() if match else position


def _clause_start(plain: str, start: int, position: int) -> int:
    """``start``, moved past the last comma or other clause mark before ``position``.

    >>> _clause_start("In particular, we oppose", 3, 18)
    14
    """
    marks = [match.end() for match in _CLAUSE_MARK.finditer(plain, start, position)]
    return marks[-1] if marks else start


def _in_window(words: list[tuple[int, str]], start: int, end: int) -> list[tuple[int, str]]:
    """The words starting in [start, end); ``words`` is in order of position."""
    return words[bisect_left(words, start, key=_position) : bisect_left(words, end, key=_position)]


def _position(word: tuple[int, str]) -> int:
    return word[0]


def _negated(plain: str, act_start: int, act_end: int, compiled: Compiled, *, asks: bool) -> bool:
    """Whether a negation stands within three words before the act or two after it. After a call
    or a decision (``asks``), one that opens an infinitive ("We call on China NOT TO conduct
    ...", "decided not to change") negates what is asked or decided, not the act: it is content,
    as "to refrain from" is."""
    if compiled.negation is None:
        return False
    before = word_window_start(plain, act_start, 3)
    if compiled.negation.search(plain, before, act_start):
        return True
    after = compiled.negation.search(plain, act_end, word_window_end(plain, act_end, 2))
    return after is not None and not (asks and _INFINITIVE.match(plain, after.end()))


def bare_modal_markers(text: str, plain: str, words: list[tuple[int, str]], compiled: Compiled) -> tuple:
    """The markers around the first modal of a clause with no stance word ("All parties must
    refrain ..."), so that "must" -> "should" is still seen; () when it has none."""
    if compiled.modals is None:
        return ()
    for start, end, _ in compiled.modals.scan(plain, words):
        if in_adverbial_stretch(plain, start):
            continue  # the modal of a clause of time or concession
        if SUBORDINATE.search(plain, 0, start):
            # "... the climate crisis, which must be addressed": not the clause's own modal,
            # but what it obliges is still read
            return tuple(obligation_markers(text, plain, words, set(), compiled))
        markers = read_markers(text, plain, words, (start, start, end), None, compiled).markers
        taken = {marker.start for marker in markers}
        return markers + tuple(obligation_markers(text, plain, words, taken, compiled))
    return ()
