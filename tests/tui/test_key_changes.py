"""The review opens on the key changes, ranked, the uncertain ones apart and marked; Enter goes to
one in the side-by-side view, Escape leaves them, K brings them back."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import OptionList

from compare.filters import PairFilter
from compare.keychanges import key_changes
from compare.model import Document, Status
from tests.tui.conftest import documents, review_screen, settle, until_compared
from tui.app import ReviewApp
from tui.rows import UNSURE_MARK
from tui.screens.confirm import ConfirmScreen
from tui.screens.key_changes import KeyChangesScreen
from tui.screens.review import ReviewScreen
from tui.widgets.clause_pane import ClausePane


def _listed(screen: KeyChangesScreen) -> list[tuple[str, object]]:
    """The prompt text and the pair of every key change the list offers, in order."""
    key_list = screen.query_one(OptionList)
    return [
        (str(option.prompt), screen._pairs[option.id])
        for option in key_list.options
        if option.id is not None and not option.disabled
    ]


async def test_the_review_opens_on_the_key_changes_ranked_with_the_uncertain_ones_last(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await until_compared(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, KeyChangesScreen)
        comparison = review_screen(pilot).comparison
        assert comparison is not None
        changes = key_changes(comparison)
        sure = [change.pair for _, group in changes.by_target for change in group]
        unsure = [change.pair for change in changes.uncertain]
        assert sure and unsure
        listed = _listed(screen)
        assert [pair for _, pair in listed] == sure + unsure
        for prompt, _ in listed[len(sure) :]:
            assert prompt.lstrip().startswith(UNSURE_MARK)
        for prompt, _ in listed[: len(sure)]:
            assert not prompt.lstrip().startswith(UNSURE_MARK)
        assert screen.query_one(OptionList).highlighted_option.id == "key-0"


async def test_more_uncertain_changes_than_rows_come_after_the_first_frame_laid_out_alike(
    small_case: tuple[Document, Document],
) -> None:
    """Uncertain changes that need more lines than the terminal has rows (7 changes of two lines or
    more in 12 rows here; 602 on the G7 pair) come a moment after the key changes are first
    drawn: the same list in the same order, each option wrapped as when everything is listed at
    once (the scrollbar reserved from the start)."""

    async def listing(rows: int) -> tuple[list[str], int, bool]:
        async with ReviewApp(*small_case).run_test(size=(120, rows)) as pilot:
            await until_compared(pilot)
            screen = pilot.app.screen
            assert isinstance(screen, KeyChangesScreen)
            later = screen._later
            await pilot.pause()
            key_list = screen.query_one(OptionList)
            return [str(option.prompt) for option in key_list.options], key_list.virtual_size.height, later

    at_once, at_once_height, at_once_later = await listing(40)
    later, later_height, deferred = await listing(12)
    assert (at_once_later, deferred) == (False, True)
    assert later == at_once
    assert later_height == at_once_height


async def test_enter_on_a_key_change_selects_its_pair_side_by_side(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await until_compared(pilot)
        chosen = _listed(pilot.app.screen)[2][1]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.current_pair is chosen and screen.current != 0


async def test_k_brings_the_key_changes_back_and_escape_keeps_the_selection(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("j", "j")
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(pilot.app.screen, KeyChangesScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen and screen.current == 2


async def test_going_to_a_key_change_that_the_filters_hide_clears_them(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        screen.pair_filter = PairFilter(statuses=frozenset({Status.UNCHANGED}))
        await pilot.press("K")
        await pilot.pause()
        listed = _listed(pilot.app.screen)
        position, added = next((k, pair) for k, (_, pair) in enumerate(listed) if pair.status is Status.ADDED)
        await pilot.press(*["down"] * position, "enter")
        await pilot.pause()
        assert screen.pair_filter.is_empty and screen.current_pair is added


async def test_a_comparison_without_key_changes_says_so() -> None:
    async with ReviewApp(*documents("We met in Tokyo.\n", "We met in Tokyo.\n")).run_test(
        size=(120, 40)
    ) as pilot:
        await until_compared(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, KeyChangesScreen)
        assert _listed(screen) == []
        assert "None:" in str(screen.query_one(OptionList).options[0].prompt)
        await pilot.press("enter")
        assert pilot.app.screen is screen


async def test_a_key_change_chosen_after_the_comparison_ran_again_selects_the_same_clauses(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await until_compared(pilot)
        screen = review_screen(pilot)
        chosen = _listed(pilot.app.screen)[1][1]
        again = screen.settings.compare(screen.old, screen.new)  # as after a correction
        screen.comparison = replace(again, warnings=("compared again",))
        await pilot.pause()
        assert not any(pair is chosen for pair in screen.comparison.pairs)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert [c.index for c in screen.current_pair.new] == [c.index for c in chosen.new]
        assert [c.index for c in screen.current_pair.old] == [c.index for c in chosen.old]


async def test_the_side_by_side_rows_are_built_only_once_the_key_changes_are_left(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await until_compared(pilot)
        assert isinstance(pilot.app.screen, KeyChangesScreen)
        screen = review_screen(pilot)
        assert screen.hidden
        old_pane, new_pane = screen.query_one("#old-pane", ClausePane), screen.query_one("#new-pane", ClausePane)
        assert old_pane.rows is None and new_pane.rows is None
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen and not screen.hidden
        assert new_pane.rows is not None and old_pane.rows is new_pane.rows
        assert new_pane.rows.width == min(old_pane.text_width(), new_pane.text_width())
        assert new_pane.pairs == screen.shown


async def test_a_dialog_over_the_review_does_not_hide_it(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        pilot.app.push_screen(ConfirmScreen("Pin?", yes="Pin"))
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen) and not screen.hidden


async def test_a_list_longer_than_the_screen_shows_its_scrollbar_and_keeps_its_usual_overflow() -> None:
    commitments = " ".join(f"We commit to fund project number {n} in full." for n in range(40))
    old, new = documents("We meet today.\n", f"We meet today.\n\n{commitments}\n")
    async with ReviewApp(old, new).run_test(size=(120, 20)) as pilot:
        await until_compared(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, KeyChangesScreen)
        key_list = screen.query_one(OptionList)
        assert key_list.option_count > 20
        assert key_list.styles.overflow_y == "auto" and key_list.show_vertical_scrollbar
