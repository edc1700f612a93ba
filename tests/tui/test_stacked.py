"""Stacked panes (under 120 columns): each pane reads like its own document, a run of clauses
only the other side has folded into one row, and the panes still follow each other pair by pair."""

from __future__ import annotations

from itertools import groupby

from compare.model import Document, Status
from tests.tui.conftest import review_screen, settle
from tui.app import ReviewApp
from tui.widgets.clause_pane import ClausePane


def _texts(pane: ClausePane) -> list[str]:
    assert pane.rows is not None
    return [
        "".join(text for text, _ in line.pieces)
        for index in range(len(pane.pairs))
        for line in pane.rows.lines(pane.side, index)
    ]


async def test_the_old_pane_folds_each_run_of_added_clauses_into_one_row(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        old_pane, new_pane = (
            screen.query_one("#old-pane", ClausePane),
            screen.query_one("#new-pane", ClausePane),
        )
        assert screen.stacked and old_pane.rows is not new_pane.rows
        added_runs = [
            len(list(run))
            for added, run in groupby(screen.shown, lambda p: p.status is Status.ADDED)
            if added
        ]
        removed_runs = [
            len(list(run))
            for gone, run in groupby(screen.shown, lambda p: p.status is Status.REMOVED)
            if gone
        ]
        assert sum(added_runs) > len(added_runs) >= 1  # at least one run of two or more
        old_texts, new_texts = _texts(old_pane), _texts(new_pane)
        assert not any("not in the old text" in text for text in old_texts)
        assert not any("not in the new text" in text for text in new_texts)
        folded = [text for text in old_texts if text.startswith("(the new text adds")]
        assert len(folded) == len(added_runs)
        assert (
            "(the new text adds 2 clauses here)" in folded or "(the new text adds 3 clauses here)" in folded
        )
        assert sum(1 for text in new_texts if text.startswith("(the new text drops")) == len(removed_runs)
        assert old_pane.rows.total < new_pane.rows.total


async def test_side_by_side_the_panes_share_their_rows_and_placeholders(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        old_pane, new_pane = (
            screen.query_one("#old-pane", ClausePane),
            screen.query_one("#new-pane", ClausePane),
        )
        assert not screen.stacked and old_pane.rows is new_pane.rows
        assert any("(not in the old text)" in text for text in _texts(old_pane))
        await pilot.resize_terminal(100, 36)
        await settle(pilot)
        assert screen.stacked and old_pane.rows is not new_pane.rows


async def test_stacked_panes_keep_the_selected_pair_in_view_in_both(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        panes = screen.query_one("#old-pane", ClausePane), screen.query_one("#new-pane", ClausePane)
        for index in (
            len(screen.shown) - 1,
            next(i for i, p in enumerate(screen.shown) if p.status is Status.ADDED) + 1,
            3,
        ):
            screen.current = index
            await pilot.pause()
            for pane in panes:
                top, end = pane.rows.span(index)
                assert pane.scroll_y <= top and end <= pane.scroll_y + pane.scrollable_content_region.height


async def test_scrolling_one_stacked_pane_brings_the_other_to_the_same_pair(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        old_pane, new_pane = (
            screen.query_one("#old-pane", ClausePane),
            screen.query_one("#new-pane", ClausePane),
        )
        row = new_pane.rows.starts[30]
        new_pane.scroll_to(y=row, animate=False, immediate=True)
        await pilot.pause()
        assert old_pane.rows.pair_at(round(old_pane.scroll_y)) == old_pane.rows.shown_at(30)
        assert old_pane.scroll_y != row  # its own rows: the same pair sits elsewhere
