"""Moving through the pairs: next and previous change, pair by pair, first and last, pages, clicks."""

from __future__ import annotations

from compare.model import Document
from tests.tui.conftest import review_screen, settle
from tui.app import ReviewApp
from tui.widgets.clause_pane import ClausePane
from tui.widgets.detail_panel import DetailPanel


async def test_the_comparison_loads_in_the_background_and_selects_the_first_pair(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        assert screen.comparison is not None
        assert len(screen.shown) == len(screen.comparison.pairs) > 40
        assert screen.current == 0
        assert not screen.query_one("#panes").loading


async def test_n_and_p_jump_between_changed_pairs(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        changed = [index for index, pair in enumerate(screen.shown) if pair.has_changes]
        await pilot.press("n")
        assert screen.current == changed[0]
        await pilot.press("n", "n")
        assert screen.current == changed[2]
        await pilot.press("p")
        assert screen.current == changed[1]


async def test_n_on_the_last_change_stays_put(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        last_change = max(index for index, pair in enumerate(screen.shown) if pair.has_changes)
        screen.current = last_change
        await pilot.press("n")
        assert screen.current == last_change
        screen.current = 0
        await pilot.press("p")
        assert screen.current == 0


async def test_j_k_and_the_arrows_move_one_pair(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("j", "j", "down")
        assert screen.current == 3
        await pilot.press("k", "up")
        assert screen.current == 1
        await pilot.press("up", "up")
        assert screen.current == 0


async def test_g_and_shift_g_go_to_the_first_and_last_pair(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("G")
        assert screen.current == len(screen.shown) - 1
        await pilot.press("g")
        assert screen.current == 0
        await pilot.press("end")
        assert screen.current == len(screen.shown) - 1
        await pilot.press("home")
        assert screen.current == 0


async def test_the_panes_keep_the_current_pair_in_view_and_scroll_together(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        old_pane, new_pane = (
            screen.query_one("#old-pane", ClausePane),
            screen.query_one("#new-pane", ClausePane),
        )
        await pilot.press("G")
        await pilot.pause()
        assert new_pane.scroll_y > 0
        assert old_pane.scroll_y == new_pane.scroll_y
        top, end = new_pane.rows.span(screen.current)
        assert (
            new_pane.scroll_y <= top and end <= new_pane.scroll_y + new_pane.scrollable_content_region.height
        )
        old_pane.scroll_to(y=7, animate=False, immediate=True)
        await pilot.pause()
        assert new_pane.scroll_y == 7


async def test_page_down_and_up_move_a_screenful(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("pagedown")
        assert screen.current > 3
        await pilot.press("pageup")
        assert screen.current == 0


async def test_clicking_a_pair_selects_it(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        pane = screen.query_one("#new-pane", ClausePane)
        first_row_of_the_fourth = pane.rows.starts[3]
        border = 1
        await pilot.click("#new-pane", offset=(5, first_row_of_the_fourth + border))
        assert screen.current == 3
        await pilot.click("#new-pane", offset=(5, first_row_of_the_fourth - 1 + border))
        assert screen.current == 2


async def test_enter_opens_the_detail_panel_on_the_current_pair_and_escape_closes_it(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("n", "enter")
        assert screen.detail_open
        assert screen.query_one("#detail").display
        await pilot.press("enter")
        assert not screen.detail_open
        await pilot.press("enter", "escape")
        assert not screen.detail_open


async def test_the_detail_panel_follows_the_selection(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        detail = screen.query_one(DetailPanel)
        await pilot.press("enter")
        assert detail.pair is screen.shown[0]
        await pilot.press("n")
        assert detail.pair is screen.current_pair is not screen.shown[0]


async def test_stacked_panes_of_different_heights_settle_after_a_move(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(100, 31)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        panes = screen.query_one("#old-pane", ClausePane), screen.query_one("#new-pane", ClausePane)
        await pilot.press("enter", "G", "g", "n", "n")
        await pilot.pause()
        positions = [pane.scroll_y for pane in panes]
        await pilot.pause(0.2)
        assert [pane.scroll_y for pane in panes] == positions


async def test_opening_the_detail_panel_keeps_the_current_pair_in_view(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(140, 42)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        pane = screen.query_one("#new-pane", ClausePane)
        screen.current = 16
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        top, end = pane.rows.span(screen.current)
        assert pane.scroll_y <= top and end <= pane.scroll_y + pane.scrollable_content_region.height
