"""Pane titles keep the end of the file name when cut; counts say "1 pair" and "2 pairs"."""

from __future__ import annotations

from dataclasses import replace

from compare.model import Document
from tests.tui.conftest import documents, review_screen, settle
from tui.app import ReviewApp
from tui.commands import ReviewCommands
from tui.text import fitted_title
from tui.widgets.clause_pane import ClausePane
from tui.widgets.summary_sidebar import SummarySidebar

OLD_PATH = "shared/corpus/g7-leaders-communique/2023-05-20_g7-hiroshima-leaders-communique.md"
NEW_PATH = "shared/corpus/g7-leaders-communique/2024-06-14_g7-apulia-leaders-communique.md"


def _long_named(pair: tuple[Document, Document]) -> tuple[Document, Document]:
    old, new = pair
    return replace(old, path=OLD_PATH, date="2023-05-20"), replace(new, path=NEW_PATH, date="2024-06-14")


def test_a_title_that_fits_is_whole_and_one_that_does_not_keeps_its_end() -> None:
    assert fitted_title("old", "a/b.md", "2024-01-02", 40) == "old: a/b.md (2024-01-02)"
    for width in range(12, 120):
        title = fitted_title("new", NEW_PATH, "2024-06-14", width)
        assert len(title) <= width
        assert title.startswith("new: ")
        assert title.endswith(".md") or title.endswith(".md (2024-06-14)")
        if width >= 30:
            assert title.endswith(("-communique.md", "-communique.md (2024-06-14)"))
        if width >= 62:
            assert title.endswith("/2024-06-14_g7-apulia-leaders-communique.md (2024-06-14)")


def test_a_long_title_keeps_the_start_of_a_long_file_name_too() -> None:
    title = fitted_title("old", OLD_PATH, "2023-05-20", 40)
    assert title.startswith("old: 2023-05") and title.endswith("communique.md") and "\u2026" in title


async def test_the_pane_titles_keep_the_date_and_the_name_on_a_narrow_terminal(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*_long_named(small_case)).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        for pane_id, name in (
            ("#old-pane", "2023-05-20_g7-hiroshima-leaders-communique.md"),
            ("#new-pane", "2024-06-14_g7-apulia-leaders-communique.md"),
        ):
            pane = screen.query_one(pane_id, ClausePane)
            title = str(pane.border_title)
            assert pane.outer_size.width < len(f"{pane.side}: {OLD_PATH}")
            assert len(title) < pane.outer_size.width and title.endswith(name)


async def test_the_pane_titles_are_refitted_when_the_terminal_grows(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*_long_named(small_case)).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = review_screen(pilot).query_one("#new-pane", ClausePane)
        assert "(2024-06-14)" not in str(pane.border_title)
        await pilot.resize_terminal(240, 40)
        await settle(pilot)
        assert str(pane.border_title) == f"new: {NEW_PATH} (2024-06-14)"


async def test_the_sidebar_and_the_palette_say_1_pair_for_one() -> None:
    old, new = documents("We note the plan.\n", "We welcome the plan.\n")
    async with ReviewApp(old, new).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        assert screen.comparison is not None and len(screen.comparison.pairs) == 1
        assert screen.query_one(SummarySidebar).border_subtitle == "1 of 1 pair"
        provider = ReviewCommands(screen)
        helps = {name: help_text for name, help_text, _ in provider._commands()}
        assert helps["Filter: ~ reworded"].startswith("1 pair;")
        assert helps["Filter: + added"].startswith("0 pairs;")
