"""Corrections: kept in TOML, honoured by the pipeline, and said out loud when they go stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.corrections import (
    Correction,
    Corrections,
    default_path,
    dumps,
    load_corrections,
    save_corrections,
)
from compare.errors import UsageError
from compare.model import Document, Shift, Status
from compare.pipeline import compare_documents

OLD = Document(
    "old.txt",
    "We reaffirm our commitment to peace.\n\n"
    "We will hold dialogue with the North without preconditions.\n\n"
    "We express concern about the launches.",
)
NEW = Document(
    "new.txt",
    "We reaffirm our commitment to peace.\n\n"
    "Pyongyang is welcome at the table at any time.\n\n"
    "We strongly condemn the launches.",
)
DIALOGUE_OLD = "We will hold dialogue with the North without preconditions."
DIALOGUE_NEW = "Pyongyang is welcome at the table at any time."
LAUNCHES_OLD = "We express concern about the launches."
LAUNCHES_NEW = "We strongly condemn the launches."


def pair_of(comparison, text):  # noqa: ANN001, ANN201 - a test helper
    return next(p for p in comparison.pairs if any(c.text == text for c in (*p.old, *p.new)))


def test_a_pin_pairs_clauses_the_engine_left_apart() -> None:
    plain = compare_documents(OLD, NEW)
    assert pair_of(plain, DIALOGUE_OLD).status is Status.REMOVED
    pinned = compare_documents(OLD, NEW, corrections=Corrections("c.toml", (Correction("pin", (DIALOGUE_OLD,), (DIALOGUE_NEW,)),)))
    pair = pair_of(pinned, DIALOGUE_OLD)
    assert [c.text for c in pair.new] == [DIALOGUE_NEW]
    assert pair.confidence == 1.0 and pair.matched_by == "corrected" and pair.corrected == ("pinned",)
    assert sum(len(p.old) for p in pinned.pairs) == 3 and sum(len(p.new) for p in pinned.pairs) == 3


def test_a_break_keeps_two_clauses_apart() -> None:
    broken = compare_documents(OLD, NEW, corrections=Corrections("c.toml", (Correction("break", (LAUNCHES_OLD,), (LAUNCHES_NEW,)),)))
    assert pair_of(broken, LAUNCHES_OLD).status is Status.REMOVED
    assert pair_of(broken, LAUNCHES_NEW).status is Status.ADDED
    assert pair_of(broken, LAUNCHES_OLD).corrected == pair_of(broken, LAUNCHES_NEW).corrected == ("broken",)
    assert all(not pair.corrected for pair in broken.pairs if LAUNCHES_OLD not in {c.text for c in (*pair.old, *pair.new)}
               and LAUNCHES_NEW not in {c.text for c in (*pair.old, *pair.new)})


def test_a_stance_correction_replaces_the_claim_and_keeps_what_the_engine_said() -> None:
    correction = Correction("stance", (LAUNCHES_OLD,), (LAUNCHES_NEW,), "same", "condemnation was implied")
    corrected = pair_of(compare_documents(OLD, NEW, corrections=Corrections("c.toml", (correction,))), LAUNCHES_OLD)
    assert corrected.shift is Shift.SAME and corrected.corrected == ("stance",)
    assert corrected.shift_reason.startswith("corrected by you: condemnation was implied (the engine said stronger")


def test_a_correction_whose_text_is_gone_is_reported_not_dropped() -> None:
    stale = Corrections("c.toml", (Correction("pin", ("A sentence no version has.",), (DIALOGUE_NEW,)),))
    comparison = compare_documents(OLD, NEW, corrections=stale)
    assert comparison.warnings == (
        "'c.toml': correction 1 (pin) no longer applies: the old text 'A sentence no version has.' is not in this version",
    )


def test_corrections_survive_a_round_trip_through_their_file(tmp_path: Path) -> None:
    items = (
        Correction("pin", (DIALOGUE_OLD,), (DIALOGUE_NEW,), note='a "kept" offer'),
        Correction("stance", (LAUNCHES_OLD,), (LAUNCHES_NEW,), "weaker"),
        Correction("break", ("a",), ("b", "c")),
    )
    path = tmp_path / "new.corrections.toml"
    save_corrections(Corrections(str(path), items))
    assert load_corrections(path) == Corrections(str(path), items)
    assert dumps(load_corrections(path)) == path.read_text(encoding="utf-8")


def test_the_default_file_sits_beside_the_new_statement() -> None:
    assert default_path("briefs/2024-06-14_g7.md") == Path("briefs/2024-06-14_g7.corrections.toml")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[pin]]\nold = 'a'\n", "new must name at least one clause"),
        ("[[stance]]\nold = 'a'\nnew = 'b'\nshift = 'harder'\n", "shift must be one of"),
        ("[[move]]\nold = 'a'\nnew = 'b'\n", "unknown table [move]"),
        ("[[pin]]\nold = 'a'\nnew = 'b'\ncolour = 'red'\n", "unknown key 'colour'"),
        ("pin = ", "not valid TOML"),
    ],
)
def test_a_bad_corrections_file_is_one_usage_error_naming_it(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "bad.corrections.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match="bad.corrections.toml") as caught:
        load_corrections(path)
    assert problem in str(caught.value)


def test_the_readme_corrections_example_is_a_valid_file_and_does_what_it_says(tmp_path: Path) -> None:
    import re

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(# jointdiff corrections.*?)```", readme, re.DOTALL)
    assert example, "the README lost its corrections example"
    path = tmp_path / "new.corrections.toml"
    path.write_text(example.group(1), encoding="utf-8")
    corrections = load_corrections(path)
    assert [c.action for c in corrections.items] == ["pin", "break", "stance"]
    old = Document("old.txt", "We will fund schools.\n\nWe express concern over the launches.")
    new = Document("new.txt", "We may fund schools.\n\nThe Ministers deplored the repeated missile launches.")
    comparison = compare_documents(old, new, corrections=corrections)
    by_text = {pair.new[0].text: pair for pair in comparison.pairs if pair.new}
    assert by_text["We may fund schools."].shift is Shift.WEAKER
    assert "stance" in by_text["We may fund schools."].corrected
    assert by_text["The Ministers deplored the repeated missile launches."].old
    assert comparison.warnings and "We note the plan." in " ".join(comparison.warnings)
