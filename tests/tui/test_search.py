"""Searching both texts: / opens the bar, matches are highlighted, ] and [ go from match to match."""

from __future__ import annotations

from textual.widgets import Input, Static

from compare.model import Document
from tests.tui.conftest import review_screen, settle
from tui.app import ReviewApp
from tui.widgets.clause_pane import ClausePane


def _holds(pair, word: str) -> bool:
    return any(word.casefold() in clause.text.casefold() for clause in (*pair.old, *pair.new))


async def test_slash_searches_both_texts_and_enter_jumps_to_the_first_match(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("slash")
        assert screen.searching
        await pilot.press(*"senkaku")
        assert screen.search_text == "senkaku"
        expected = tuple(index for index, pair in enumerate(screen.shown) if _holds(pair, "Senkaku"))
        assert len(expected) >= 2 and screen.matches == expected
        assert screen.query_one("#new-pane", ClausePane).pattern is not None
        await pilot.press("enter")
        assert not screen.searching
        assert screen.current == expected[0]


async def test_square_brackets_go_to_the_next_and_previous_match_and_wrap_around(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("slash", *"senkaku", "enter")
        first, second = screen.matches[:2]
        await pilot.press("right_square_bracket")
        assert screen.current == second
        await pilot.press("left_square_bracket")
        assert screen.current == first
        await pilot.press("left_square_bracket")
        assert screen.current == screen.matches[-1]
        await pilot.press("right_square_bracket")
        assert screen.current == first


async def test_a_search_for_a_word_in_the_old_text_only_finds_its_pair(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("slash", *"tabletop", "enter")
        assert len(screen.matches) == 1
        assert screen.current_pair is not None and not screen.current_pair.new


async def test_escape_in_the_search_bar_clears_the_search(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("slash", *"alliance")
        assert screen.matches
        await pilot.press("escape")
        assert not screen.searching and screen.search_text == "" and screen.matches == ()
        assert screen.query_one("#new-pane", ClausePane).pattern is None


async def test_a_search_that_finds_nothing_keeps_the_selection(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("j", "j", "slash", *"zzzz", "enter")
        assert screen.matches == () and screen.current == 2
        await pilot.press("right_square_bracket")
        assert screen.current == 2


async def test_matches_follow_the_filter(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("slash", *"senkaku", "enter")
        everywhere = len(screen.matches)
        await pilot.press("c")
        assert all(screen.shown[index].has_changes for index in screen.matches)
        assert len(screen.matches) < everywhere


async def test_escape_after_enter_clears_the_submitted_search(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("slash", *"senkaku", "enter")
        assert not screen.searching and screen.matches
        selected = screen.current
        await pilot.press("escape")
        assert screen.search_text == "" and screen.matches == ()
        assert screen.query_one("#new-pane", ClausePane).pattern is None
        await pilot.press("right_square_bracket")
        assert screen.current == selected
        await pilot.press("slash")
        assert screen.query_one("#search", Input).value == ""


async def test_escape_closes_the_detail_panel_before_it_clears_the_search(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("slash", *"senkaku", "enter", "enter")
        assert screen.detail_open and screen.search_text == "senkaku"
        await pilot.press("escape")
        assert not screen.detail_open and screen.search_text == "senkaku"
        await pilot.press("escape")
        assert screen.search_text == ""


async def test_the_status_line_says_1_pair_matches_and_2_pairs_match(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        status = screen.query_one("#status-line", Static)
        await pilot.press("slash", *"tabletop", "enter")
        assert len(screen.matches) == 1
        assert "1 pair matches 'tabletop'" in str(status.content)
        await pilot.press("escape", "slash", *"senkaku", "enter")
        assert len(screen.matches) > 1
        assert f"{len(screen.matches)} pairs match 'senkaku'" in str(status.content)
