"""Framing: the reporter's verb set against the statement's own stance on the same clause.

Fourth step of ``jointdiff quotes`` (read -> extract -> locate -> flag -> **frame** -> cover ->
render). A reporter who writes "They accused China of “intensifying attempts ...”" where the
statement "expressed serious concern over" them makes the text sound harder than it is. The
reporter's verb is placed on the stance ladders by ``reporting.toml`` ("accused": concern 5); a
light verb ("voiced", "expressed") is read with the words it governs by the classifier
("expressed their “deepest concern”": concern 4). The statement's clause is read by the
classifier (kind and rung, intensifiers included). Then:

- the same kind: the higher rung is **stronger** ("condemn" 6 against "strongly condemned" 7 is
  weaker), but where the two tie only through the statement's intensifier the plain verbs decide
  ("demanded" against "strongly urges" is stronger); a call against a concern too, since "calls
  on X to stop" is a concern at the rung of "calls on"; positions ("stressed", "reaffirmed",
  "agreed") are reporting verbs no ladder orders among themselves, so they are the same unless
  one of them only notes;
- a criticism (concern) where the statement takes a position, welcomes, commits or only
  states: stronger; a position, a welcome, a commitment or a mere mention ("referred to",
  "discussed") where the statement voices concern: weaker; a mention where the statement takes
  no stance or only notes ("We recall"), or a position on a plain statement: the **same**;
- a statement's act on no scale (an assessment, "judges that", "expects"; a host's greeting)
  against a reporter's verb of another kind: **unclear**, but for an accusation or a
  condemnation (concern 5 and up) or a pledge (commitment 4), which is stronger;
- a note (position, rung 2 or less) below any other stance; position < welcome < commitment,
  except that a reporting verb ("reiterated", "reaffirmed") over a commitment is the same: it
  reports the pledge again; call < decision; anything else is **unclear** (named, not directed).
"""

from __future__ import annotations

from compare.classify import classify
from compare.classify.markers import RISE_CAP
from compare.model import Clause, Kind, Label
from compare.quotes.narration import ReportingVerb, reporting

__all__ = ["compare_framing", "reporter_stance", "reporting_verb"]

_ENDORSEMENT = {"position": 0, "welcome": 1, "commitment": 2}
_DEMAND = {"call": 0, "decision": 1}
_NOTING = 2
_ACCUSATION = 5
"""The concern rung of "accused" and "hit out at", from which a reporter's criticism is a harder
line than any statement's assessment."""
_PLEDGE = 4
"""The commitment rung of "pledged" and "vowed", from which a reporter's verb makes a promise of
what the statement only assesses or expects ("pledged" for "anticipates")."""


def reporting_verb(text: str, following: str = "") -> ReportingVerb | None:
    """The entry of ``reporting.toml`` a reporter's verb as written belongs to; ``following``,
    the words after it, for the entries that read them ("pressed Pakistan to", "backed India's").

    >>> reporting_verb("hit out Sunday at").kind, reporting_verb("accused").rung
    ('concern', 5)
    >>> reporting_verb("pressed", "Pakistan to act").id
    'urge'
    """
    text = text.strip()
    joined = f"{text} {following.strip()}"
    for verb in reporting().verbs:
        if verb.pattern.fullmatch(text):
            return verb
        found = verb.pattern.match(joined)
        if following and found is not None and found.end() == len(text):
            return verb
    for verb in reporting().verbs:
        if verb.pattern.search(text):
            return verb
    return None


def reporter_stance(verb_text: str, following: str) -> tuple[str, int, str] | None:
    """Where the reporter's verb stands: (kind, rung, phrase), or None when it is none.

    Args:
        verb_text: the verb as written ("accused", "voiced").
        following: the words after it, the quotation's included, which a light verb takes its
            stance from ("voiced" + "serious concern").

    >>> reporter_stance("voice", "serious concern")
    ('concern', 3, 'voice serious concern')
    >>> reporter_stance("referred to", "the terror attacks")
    ('mention', 0, 'referred to')
    """
    verb = reporting_verb(verb_text, following)
    if verb is None:
        return None
    if not verb.light:
        return verb.kind, verb.rung, verb_text
    sentence = f"They {verb_text} {following}".strip()
    label = classify(Clause("new", 0, 1, 1, 0, len(sentence), sentence)).label
    if label is None or label.kind is Kind.OTHER:
        return None
    return label.kind.value, label.intensity, label.stance or verb_text


def compare_framing(reporter: tuple[str, int, str], statement: Label) -> tuple[str, str]:
    """Whether the reporter's stance is stronger, weaker, the same or not comparable, and why.

    >>> from compare.model import Kind, Label
    >>> compare_framing(("concern", 5, "accused"), Label(Kind.CONCERN, 3, "expressed serious concern over"))
    ('stronger', '“accused” (concern 5) is stronger than the statement’s “expressed serious concern over” (concern 3)')
    """
    kind, rung, phrase = reporter
    stated_kind = statement.kind.value
    stated_rung = _verb_rung(statement)
    direction = _direction(kind, rung, stated_kind, stated_rung)
    act = statement.act
    same_ladder = kind == stated_kind or {kind, stated_kind} == {"call", "concern"}
    if direction == "same" and same_ladder and act is not None and act.value < stated_rung and _plain_rung(phrase) > act.value:
        # "demanded" against "strongly urges": the reporter's verb is a higher one than the
        # statement's, which only an intensifier brings level; the verb decides
        direction = "stronger"
    if act is not None and not act.scaled and kind != stated_kind and direction in ("stronger", "weaker"):
        # an assessment ("The Committee judges that some risks remain") or a host's greeting is on
        # no ladder: a reporter's "cautioned" may be what the assessment amounts to; only an
        # accusation or a condemnation (rung 5 and up), or a pledge, is plainly a harder line
        if not (kind == "concern" and rung >= _ACCUSATION) and not (kind == "commitment" and rung >= _PLEDGE):
            direction = "unclear"
    stated = f"“{statement.stance}” ({stated_kind} {stated_rung})" if statement.stance else "no stance word"
    word = {"stronger": "stronger than", "weaker": "weaker than", "same": "as strong as"}.get(direction, "not comparable with")
    return direction, f"“{phrase}” ({kind} {rung}) is {word} the statement’s {stated}"


def _plain_rung(phrase: str) -> int:
    """The rung of the plain verb behind a reporter's own verb ("slammed" is a strong
    "condemned": 6); 0 for a light verb, whose rung is the quoted words'."""
    verb = next((verb for verb in reporting().verbs if verb.pattern.fullmatch(phrase.strip())), None)
    return 0 if verb is None or verb.light else verb.base


def _verb_rung(statement: Label) -> int:
    """The rung of the statement's stance verb with its intensifiers, without its hedges: a
    reporter's verb is set against the statement's verb ("urged" against "Urges ... where
    appropriate" is the same verb; the dropped hedge is a flag of its own, not framing)."""
    act = statement.act
    if act is None:
        return statement.intensity
    phrase = f" {statement.stance.casefold()} "
    rise = sum(
        m.value for m in statement.markers
        if m.kind == "intensifier" and f" {m.text.casefold()} " in phrase
    )
    return max(1, act.value + min(rise, RISE_CAP))


def _direction(kind: str, rung: int, stated_kind: str, stated_rung: int) -> str:
    if kind == "mention":
        # a mention is as neutral as a statement's note ("referred to" for "We recall")
        noted = stated_kind == "position" and stated_rung <= _NOTING
        return "same" if stated_kind == "other" or noted else "weaker"
    if stated_kind == "other":
        # criticism or a demand the statement does not make is a harder line; praise or a
        # position over a plain statement is not; a pledge over one may be its content
        return "stronger" if kind in ("concern", "call") else "same" if kind in ("position", "welcome") else "unclear"
    if kind == stated_kind == "position" or {kind, stated_kind} == {"position"}:
        noted, stated_noted = rung <= _NOTING, stated_rung <= _NOTING
        return "same" if noted == stated_noted else "weaker" if noted else "stronger"
    if kind == stated_kind or {kind, stated_kind} == {"call", "concern"}:
        # "calls on X to stop" is a concern at the rung of "calls on": the two ladders meet there
        return "same" if rung == stated_rung else "stronger" if rung > stated_rung else "weaker"
    if kind == "position" and rung > _NOTING and stated_kind == "commitment":
        # "reiterated" or "reaffirmed" a pledge reports it again, a firm one or a plain "will":
        # the quotation carries the commitment, and a reporting verb weakens nothing
        return "same"
    if kind == "concern" and stated_kind in _ENDORSEMENT:
        return "stronger"
    if stated_kind == "concern" and kind in _ENDORSEMENT:
        return "weaker"
    noted, stated_noted = kind == "position" and rung <= _NOTING, stated_kind == "position" and stated_rung <= _NOTING
    if noted != stated_noted:
        return "weaker" if noted else "stronger"
    for scale in (_ENDORSEMENT, _DEMAND):
        if kind in scale and stated_kind in scale:
            return "stronger" if scale[kind] > scale[stated_kind] else "weaker"
    return "unclear"
