"""Corrections made in the review: pin two clauses, break a pair, correct a stance claim. Each is
saved to the corrections file, the comparison runs again with it (the selection stays on the
same clauses) and the pair says "corrected by you"; the file reads back as written, a review
opened later honours it, and a correction that no longer applies is reported."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from compare.corrections import Correction, dumps, load_corrections
from compare.errors import UsageError
from compare.model import Document, Shift, Status
from compare.options import Settings
from compare.read import read
from tests.conftest import write_pair
from tests.tui.conftest import review_screen, settle
from tui.app import ReviewApp
from tui.corrections import save_correction
from tui.screens.confirm import ConfirmScreen
from tui.screens.review import ReviewScreen
from tui.screens.stance import StanceScreen
from tui.widgets.clause_pane import ClausePane

OLD = (
    "We reaffirm our commitment to peace.\n\n"
    "We will hold dialogue with the North without preconditions.\n\n"
    "We express concern about the launches.\n"
)
NEW = "We reaffirm our commitment to peace.\n\nPyongyang is welcome at the table at any time.\n\nWe strongly condemn the launches.\n"
DIALOGUE_OLD = "We will hold dialogue with the North without preconditions."
DIALOGUE_NEW = "Pyongyang is welcome at the table at any time."
LAUNCHES_OLD = "We express concern about the launches."
LAUNCHES_NEW = "We strongly condemn the launches."


@pytest.fixture
def statements(tmp_path: Path) -> tuple[Document, Document]:
    """The two statements, read from files in a folder of their own (corrections go beside them)."""
    old, new = write_pair(tmp_path, OLD, NEW)
    return read(old), read(new)


def _beside(new: Document) -> Path:
    return Path(new.path).with_name("new.corrections.toml")


def _select(screen: ReviewScreen, text: str) -> None:
    screen.current = next(
        index
        for index, pair in enumerate(screen.shown)
        if any(c.text == text for c in (*pair.old, *pair.new))
    )


def _notes(screen: ReviewScreen) -> str:
    """Every row the panes show for the selected pair, as one line of text."""
    words = []
    for pane in (screen.query_one("#old-pane", ClausePane), screen.query_one("#new-pane", ClausePane)):
        assert pane.rows is not None
        for line in pane.rows.lines(pane.side, pane.rows.shown_at(screen.current)):
            words.append("".join(text for text, _ in line.pieces))
    return " ".join(" ".join(words).split())


async def _after_correcting(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_m_on_an_old_clause_then_on_a_new_one_pins_them_as_a_pair(
    statements: tuple[Document, Document],
) -> None:
    async with ReviewApp(*statements).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        _select(screen, DIALOGUE_OLD)
        assert screen.current_pair.status is Status.REMOVED
        await pilot.press("m")
        assert [c.text for c in screen.pin_old] == [DIALOGUE_OLD]
        _select(screen, DIALOGUE_NEW)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")
        await _after_correcting(pilot)
        saved = load_corrections(_beside(statements[1]))
        assert saved.items == (Correction("pin", (DIALOGUE_OLD,), (DIALOGUE_NEW,)),)
        pair = screen.current_pair
        assert [c.text for c in pair.old] == [DIALOGUE_OLD] and [c.text for c in pair.new] == [DIALOGUE_NEW]
        assert pair.corrected == ("pinned",) and screen.pin_old == ()
        assert "corrected by you (pinned)" in _notes(screen)


async def test_escape_forgets_a_clause_marked_for_pinning(statements: tuple[Document, Document]) -> None:
    async with ReviewApp(*statements).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        _select(screen, DIALOGUE_OLD)
        await pilot.press("m", "escape")
        assert screen.pin_old == ()
        _select(screen, DIALOGUE_NEW)
        await pilot.press("m")  # marks nothing: the pair has no old clause
        assert screen.pin_old == () and not isinstance(pilot.app.screen, ConfirmScreen)
        assert not _beside(statements[1]).exists()


async def test_b_breaks_the_selected_pair_and_the_selection_stays_on_its_new_clause(
    statements: tuple[Document, Document],
) -> None:
    async with ReviewApp(*statements).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        _select(screen, LAUNCHES_NEW)
        assert screen.current_pair.status is Status.REWORDED
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("n")  # the dialog's No: nothing is saved
        await pilot.pause()
        assert not _beside(statements[1]).exists() and screen.current_pair.status is Status.REWORDED
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("y")
        await _after_correcting(pilot)
        assert load_corrections(_beside(statements[1])).items == (
            Correction("break", (LAUNCHES_OLD,), (LAUNCHES_NEW,)),
        )
        pair = screen.current_pair
        assert pair.status is Status.ADDED and [c.text for c in pair.new] == [LAUNCHES_NEW]
        assert pair.corrected == ("broken",) and "corrected by you (broken)" in _notes(screen)


async def test_w_replaces_the_stance_claim_and_a_second_reading_replaces_the_first(
    statements: tuple[Document, Document],
) -> None:
    async with ReviewApp(*statements).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        _select(screen, LAUNCHES_NEW)
        assert screen.current_pair.shift is Shift.STRONGER
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StanceScreen)
        await pilot.press("equals_sign")
        await _after_correcting(pilot)
        pair = screen.current_pair
        assert pair.shift is Shift.SAME and pair.corrected == ("stance",)
        assert "corrected by you (stance)" in _notes(screen)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("m")
        await _after_correcting(pilot)
        assert screen.current_pair.shift is Shift.MIXED
        assert load_corrections(_beside(statements[1])).items == (
            Correction("stance", (LAUNCHES_OLD,), (LAUNCHES_NEW,), "mixed"),
        )


async def test_the_saved_file_round_trips_and_a_later_review_honours_it(
    statements: tuple[Document, Document],
) -> None:
    async with ReviewApp(*statements).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        _select(screen, LAUNCHES_NEW)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("s")
        await _after_correcting(pilot)
        _select(screen, DIALOGUE_OLD)
        await pilot.press("m")
        _select(screen, DIALOGUE_NEW)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("y")
        await _after_correcting(pilot)
    path = _beside(statements[1])
    text = path.read_text(encoding="utf-8")
    saved = load_corrections(path)
    assert [item.action for item in saved.items] == ["stance", "pin"]
    assert dumps(saved) == text
    async with ReviewApp(*statements).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        pairs = review_screen(pilot).comparison.pairs
        launches = next(p for p in pairs if any(c.text == LAUNCHES_NEW for c in p.new))
        dialogue = next(p for p in pairs if any(c.text == DIALOGUE_NEW for c in p.new))
        assert launches.shift is Shift.WEAKER and launches.corrected == ("stance",)
        assert dialogue.corrected == ("pinned",) and dialogue.old


async def test_a_correction_that_no_longer_applies_is_reported_when_the_review_opens(
    statements: tuple[Document, Document],
) -> None:
    _beside(statements[1]).write_text(
        '[[pin]]\nold = "Gone."\nnew = "We strongly condemn the launches."\n', encoding="utf-8"
    )
    app = ReviewApp(*statements)
    told: list[tuple[str, str]] = []
    app.notify = lambda message, *, severity="information", **_: told.append((message, severity))  # type: ignore[method-assign]
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        stale = [message for message, severity in told if severity == "warning"]
        assert (
            len(stale) == 1 and "correction 1 (pin) no longer applies" in stale[0] and "'Gone.'" in stale[0]
        )


async def test_with_the_new_text_from_standard_input_nothing_is_saved_and_the_review_says_why(
    statements: tuple[Document, Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    old, new = statements[0], replace(statements[1], path="-")
    app = ReviewApp(old, new)
    told: list[str] = []
    app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        _select(review_screen(pilot), LAUNCHES_NEW)
        await pilot.press("b")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ConfirmScreen)
        assert any("standard input" in message and "not saved" in message for message in told)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["new.txt", "old.txt"]


async def test_with_corrections_off_nothing_is_saved(statements: tuple[Document, Document]) -> None:
    app = ReviewApp(*statements, settings=Settings(use_corrections=False))
    told: list[str] = []
    app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        _select(review_screen(pilot), LAUNCHES_NEW)
        await pilot.press("w")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, StanceScreen)
        assert any("--no-corrections" in message for message in told)
    assert not _beside(statements[1]).exists()


async def test_corrections_go_to_the_file_given_with_corrections(
    statements: tuple[Document, Document], tmp_path: Path
) -> None:
    given = tmp_path / "mine.toml"
    given.write_text("", encoding="utf-8")
    app = ReviewApp(*statements, settings=Settings(corrections=str(given)))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        _select(screen, LAUNCHES_NEW)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("y")
        await _after_correcting(pilot)
        assert screen.current_pair.corrected == ("broken",)
    assert [item.action for item in load_corrections(given).items] == ["break"]
    assert not _beside(statements[1]).exists()


def test_a_file_that_is_not_a_corrections_file_is_never_overwritten(tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="not a corrections file"):
        save_correction(str(other), Correction("break", ("a",), ("b",)))
    assert other.read_text(encoding="utf-8") == '[project]\nname = "x"\n'
    with pytest.raises(UsageError, match="not a file"):
        save_correction(str(tmp_path), Correction("break", ("a",), ("b",)))


async def test_a_correction_that_cannot_be_saved_is_an_error_not_a_crash(
    statements: tuple[Document, Document],
) -> None:
    app = ReviewApp(*statements)
    told: list[tuple[str, str]] = []
    app.notify = lambda message, *, severity="information", **_: told.append((message, severity))  # type: ignore[method-assign]
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        _beside(statements[1]).write_text("not toml at all [", encoding="utf-8")
        _select(screen, LAUNCHES_NEW)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("y")
        await _after_correcting(pilot)
        assert app.is_running and not screen.query_one("#panes").loading
        assert any("not a corrections file" in message and severity == "error" for message, severity in told)
        assert screen.current_pair.status is Status.REWORDED
    assert _beside(statements[1]).read_text(encoding="utf-8") == "not toml at all ["
