"""Changes of marker that are no change of stance, and where a changed act leaves nothing to compare.

``compare.shift`` compares two clauses marker by marker; ``neutral`` then takes the direction
from the pieces that claim none. A speech act that changed kind with no scale between the two
("call for an immediate ceasefire" -> "welcome the ceasefire") leaves no shared proposition for
the words around it to qualify: every piece is named and directs nothing. And three kinds of edit
change a marker while the speakers' stance stays where it was, which only the clause's words show:

- **a goal met**: an aim or a pledge becomes a welcome, or a note, of what was aimed at, done ("We
  aim to conclude the negotiations" -> "We welcome the conclusion of the negotiations"; "We look
  forward to welcoming Timor-Leste" -> "We welcomed the admission of Timor-Leste"; "the leaders
  launched two task forces" -> "They acknowledged the setting-up of two task forces"; "agreed to
  establish a Working Group" -> "welcomed the first report of the Working Group"): the news is
  that it happened, not a softer line;
- **reported speech**: "will" becomes "would" (or back) after a reporting verb in the past ("The
  Ministers agreed that the Committee would meet"): tense, not a hedge; and such a "would"
  against "should" or "must" directs nothing either ("agreed that this increase should be
  allowed" -> "... would be allowed");
- **a negation moved** from the verb to a word of the proposition ("did not believe that any
  attempt could be justified" -> "believed that no attempt could be justified").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from compare import regexcache
from compare.model import Evidence, Kind, Label, Shift

__all__ = ["neutral"]

_DONE = regexcache.compiled(
    r"\b(?:welcom(?:e|es|ed|ing)|acknowledg(?:e|es|ed|ing)|not(?:e|es|ed|ing)|tak(?:e|es|ing)\s+note\s+of|took\s+note\s+of|"
    r"recogni[sz](?:e|es|ed|ing)|applaud(?:s|ed|ing)?|hail(?:s|ed|ing)?|commend(?:s|ed|ing)?|celebrat(?:e|es|ed|ing))"
    r"(?:\s+\w+ly)?\s+(?:the\s+)?(?:successful\s+|timely\s+|recent\s+)?(?:(?:first|inaugural)\s+(?:report|meeting|session|round|results)|conclusion|adoption|entry\s+into\s+force|"
    r"launch|establishment|setting[-\s]up|signing|signature|completion|admission|accession|opening|holding|release|publication|"
    r"ratification|finalization|finalisation|creation|inauguration)\s+of\b",
    re.IGNORECASE,
)
"""A welcome, or a note, of something done: the conclusion, adoption, launch, setting-up ... of it,
or the first report, meeting or results of it (of a body or a process that now exists)."""
_REPORTED = regexcache.compiled(
    r"\b(?:agreed|said|stated|announced|decided|confirmed|noted|affirmed|reaffirmed|stressed|emphasi[sz]ed|"
    r"underlined|indicated|expected|believed|hoped|recalled)\s+that\b[^.;]*?\bwould\b",
    re.IGNORECASE,
)
"""A "would" that is the future of a reporting verb in the past ("agreed that ... would meet")."""
_NEGATIVE_WORD = regexcache.compiled(r"\b(?:no|none|nothing|never|neither|nor|nobody|cannot)\b", re.IGNORECASE)
"""A negation carried by a word of the proposition rather than by the verb."""


def neutral(evidence: Sequence[Evidence], old: Label, new: Label, old_text: str = "", new_text: str = "") -> list[Evidence]:
    """The evidence with the direction taken from the pieces that are no change of stance.

    >>> from compare.model import Label, Kind
    >>> aim, done = Label(Kind.COMMITMENT, 1, "aim to"), Label(Kind.WELCOME, 2, "welcome")
    >>> piece = Evidence("act", "aim to (commitment)", "welcome (welcome)", Shift.WEAKER)
    >>> neutral([piece], aim, done, "We aim to conclude the talks.", "We welcome the conclusion of the talks.")[0].direction
    <Shift.SAME: 'same'>
    """
    if any(item.marker == "kind changed" for item in evidence) or _goal_met(old, new, old_text, new_text):
        # nothing shared is left to compare (what was aimed at is done, and the hedges and modals
        # of the aim went with it): every piece is named and directs nothing
        return [dataclasses.replace(item, direction=Shift.SAME) for item in evidence]
    if not (old_text and new_text):
        return list(evidence)
    return [
        dataclasses.replace(item, direction=Shift.SAME) if _no_change(item, old_text, new_text) else item
        for item in evidence
    ]


def _goal_met(old: Label, new: Label, old_text: str, new_text: str) -> bool:
    """An aim or a pledge become a welcome, or a note, of the thing done ("the leaders launched two
    task forces" -> "They further acknowledged the setting-up of two task forces"), or the very
    action pledged reported done ("We intend to launch a G7 initiative" -> "We launched the G7
    Rapid Response Initiative")."""
    if _act_kind(old) is not Kind.COMMITMENT:
        return False
    if _act_kind(new) in (Kind.WELCOME, Kind.POSITION):
        return bool(_DONE.search(new_text))
    return _act_kind(new) is Kind.COMMITMENT and _done_as_pledged(new, old_text)


def _done_as_pledged(new: Label, old_text: str) -> bool:
    """Whether the new act is a verb in the past ("launched", "established") that the old text
    pledged ("intend to launch", "will establish", "aim to adopt")."""
    act = new.act
    verb = act.text.split()[-1].casefold() if act is not None and act.text else ""
    if not verb.endswith("ed") or len(verb) < 5:
        return False
    stems = {verb[:-2], verb[:-1]}  # "launched" -> "launch", "concluded" -> "conclude"
    words = _WORDS.findall(old_text.casefold())
    for at, word in enumerate(words):
        if word in stems:
            before = words[max(at - 2, 0):at]
            if before and (before[-1] in _PLEDGING or (before[-1].endswith("ly") and before[0] in _PLEDGING)):
                return True
    return False


_WORDS = regexcache.compiled(r"[a-z]+")
_PLEDGING = frozenset({"to", "will", "shall"})
"""The words before a verb pledged ("intend TO launch", "WILL establish", "SHALL promptly adopt")."""


def _act_kind(label: Label) -> Kind | None:
    """The kind of a label's speech act (a label built by hand, with no markers, is its act)."""
    act = label.act
    if act is None:
        return None if label.markers else label.kind
    return Kind(act.of_kind) if act.of_kind else label.kind


def _no_change(item: Evidence, old_text: str, new_text: str) -> bool:
    if item.direction is Shift.SAME:
        return False
    if item.marker in ("modal", "obligation") and "would" in (item.old, item.new):
        # a reported future ("agreed that the increase would be allowed") is the reporting
        # verb's tense: against "will" no change, and against "should" or "must" no firmness
        # that can be read off the modals alone
        return bool(_REPORTED.search(new_text if item.new == "would" else old_text))
    if item.marker == "negation":
        plain = new_text if item.old else old_text  # the side without the verb's negation
        return bool(_NEGATIVE_WORD.search(plain))
    return False
