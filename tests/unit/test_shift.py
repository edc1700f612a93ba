"""shift(): direction and reason of the stance change of aligned pairs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.classify import classify
from compare.model import Clause, Kind, Label, Pair, Shift, Status
from compare.shift import WEAK_MATCH, compare_labels, shift


def clause(text: str, doc_id: str = "old", index: int = 0) -> Clause:
    return classify(Clause(doc_id, index, 1, index + 1, 0, len(text), text))


def pair(old: str, new: str, status: Status = Status.REWORDED) -> Pair:
    return Pair(status, (clause(old),), (clause(new, "new"),))


@pytest.mark.parametrize(
    ("old", "new", "direction", "reason"),
    [
        ("We expressed concern about the launches.", "We strongly condemned the launches.",
         Shift.STRONGER, "expressed concern -> strongly condemned"),
        ("We strongly condemned the launches.", "We expressed concern about the launches.",
         Shift.WEAKER, "strongly condemned -> expressed concern"),
        ("In this context, we express our deep concern over the war raging in Ukraine.",
         "We express our deepest concern over the war raging in Ukraine.",
         Shift.STRONGER, "express our deep concern -> express our deepest concern"),
        ("We will establish a working group.", "We may establish a working group.",
         Shift.WEAKER, "commitment dropped 'will' -> 'may establish'"),
        ("We intend to open new consulates.", "We will open new consulates.",
         Shift.STRONGER, "intend to -> will"),
        ("We will coordinate our assistance.", "We will, where appropriate, coordinate our assistance.",
         Shift.WEAKER, "hedge added: 'where appropriate'"),
        ("The Committee will act as needed.", "The Committee will act.",
         Shift.STRONGER, "hedge dropped: 'as needed'"),
        ("We support the plan.", "We do not support the plan.", Shift.WEAKER, "negation added"),
        ("We will no longer fund the program.", "We will fund the program.", Shift.STRONGER,
         "negation removed"),
        ("We condemn Russia's attacks.", "We condemn Russia's and North Korea's attacks.",
         Shift.SAME, "target added: North Korea"),
        ("We condemn the attacks on Ukraine.", "We condemn the attacks.", Shift.SAME,
         "target dropped: Ukraine"),
        ("We express concern about the drills.", "We call on China to engage in dialogue.",
         Shift.SAME, "kind changed: concern -> call"),
        ("Requests the Secretary-General to report on the matter;",
         "Decides to establish a mechanism on the matter;", Shift.STRONGER,
         "call 'Requests' -> decision 'Decides'"),
        ("Takes note of the report of the Secretary-General;", "Welcomes the report of the Secretary-General;",
         Shift.STRONGER, "position 'Takes note' -> welcome 'Welcomes'"),
        ("Welcomes the efforts of the Government;", "Notes the efforts of the Government;",
         Shift.WEAKER, "welcome 'Welcomes' -> position 'Notes'"),
        ("We will champion adherence to international law.",
         "We emphasise the importance of adherence to international law.",
         Shift.WEAKER, "commitment dropped 'will' -> position 'emphasise'"),
        ("The ministers met in Tokyo.", "The ministers condemned the launch in Tokyo.",
         Shift.STRONGER, "stance added: concern 'condemned'"),
        ("We welcome the work of IORA.", "We strongly support IORA.", Shift.STRONGER,
         "welcome -> strongly support"),
        ("We reaffirm our commitment to the alliance.", "We reaffirm our commitment to the Alliance.",
         Shift.SAME, "same stance"),
        ("We do not accept any unilateral attempt to change the status quo.",
         "We reject any unilateral attempt to change the status quo.", Shift.SAME, "same stance"),
    ],
)
def test_direction_and_reason(old: str, new: str, direction: Shift, reason: str) -> None:
    result = shift(pair(old, new))
    assert result.shift is direction, result.shift_reason
    assert reason in (result.shift_reason or ""), result.shift_reason


def test_a_new_target_alone_never_makes_a_pair_stronger() -> None:
    old = Label(Kind.CONCERN, 6, "condemn", targets=("Russia",))
    new = Label(Kind.CONCERN, 6, "condemn", targets=("Russia", "North Korea"))
    assert compare_labels(old, new) == (Shift.SAME, "target added: North Korea")


@pytest.mark.parametrize("status", [Status.ADDED, Status.REMOVED])
def test_added_and_removed_pairs_have_no_shift(status: Status) -> None:
    sides = ((clause("We condemn the attack."),), ())
    result = shift(Pair(status, *(sides if status is Status.REMOVED else sides[::-1])))
    assert (result.shift, result.shift_reason) == (None, None)


def test_an_unchanged_pair_is_the_same_with_no_reason() -> None:
    result = shift(pair("We condemn the attack.", "We condemn the attack.", Status.UNCHANGED))
    assert (result.shift, result.shift_reason) == (Shift.SAME, None)


def test_a_split_pair_compares_the_strongest_stance_of_each_side() -> None:
    old = (clause("We express concern about the drills and welcome the talks."),)
    new = (clause("We condemn the drills.", "new", 0), clause("We welcome the talks.", "new", 1))
    result = shift(Pair(Status.SPLIT, old, new))
    assert result.shift is Shift.STRONGER
    assert "condemn" in (result.shift_reason or "")


def test_unlabelled_clauses_are_classified_first() -> None:
    raw = Pair(
        Status.REWORDED,
        (Clause("old", 0, 1, 1, 0, 10, "We note the plan."),),
        (Clause("new", 0, 1, 1, 0, 10, "We welcome the plan."),),
    )
    assert shift(raw).shift is Shift.STRONGER


def test_shift_leaves_its_input_alone() -> None:
    original = pair("We note the plan.", "We welcome the plan.")
    shift(original)
    assert original.shift is None and original.shift_reason is None


def test_a_weak_match_between_kinds_claims_no_direction_but_a_rung_change_keeps_it() -> None:
    def clause(text: str, doc_id: str) -> Clause:
        return classify(Clause(doc_id, 0, 1, 1, 0, len(text), text))

    across = Pair(
        Status.REWORDED,
        (clause("We believe all countries have a role in regional peace.", "old"),),
        (clause("We are united in our commitment to regional peace.", "new"),),
        score=WEAK_MATCH - 4,
    )
    within = Pair(
        Status.REWORDED,
        (clause("We express concern over the launches.", "old"),),
        (clause("We strongly condemn the launches of missiles.", "new"),),
        score=WEAK_MATCH - 4,
    )
    weak = shift(across)
    assert weak.shift is Shift.SAME and weak.shift_reason.startswith("weak match")
    assert shift(within).shift is Shift.STRONGER
    assert shift(replace(across, score=WEAK_MATCH + 20)).shift is Shift.STRONGER
