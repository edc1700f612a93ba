"""How the review looks, on the two-plus-two fixture: narrow and wide, with the detail panel, in monochrome.

Regenerate with ``pytest tests/tui --snapshot-update`` and look at every image before keeping it.
"""

from __future__ import annotations

from textual.pilot import Pilot

from compare.model import Status
from tests.tui.conftest import fixture_pair, review_screen, settle, until_compared
from tui.app import ReviewApp


def test_narrow_terminals_stack_the_panes(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReviewApp(*fixture_pair()), terminal_size=(80, 24), run_before=settle)


def test_wide_terminals_put_the_panes_side_by_side(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReviewApp(*fixture_pair()), terminal_size=(160, 48), run_before=settle)


def test_a_filtered_view_with_the_detail_panel_and_a_search(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def filter_and_open_the_detail(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("c", "h", "s", "slash", *"prc", "enter", "right_square_bracket", "enter")
        await pilot.pause()

    app = ReviewApp(*fixture_pair())
    assert snap_compare(app, terminal_size=(160, 48), run_before=filter_and_open_the_detail)


def test_monochrome_spells_changes_out_on_a_split_group(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def to_a_split(pilot: Pilot[None]) -> None:
        await settle(pilot)
        screen = review_screen(pilot)
        screen.current = next(index for index, pair in enumerate(screen.shown) if pair.status is Status.SPLIT)
        await pilot.pause()

    assert snap_compare(
        ReviewApp(*fixture_pair(), color=False), terminal_size=(80, 24), run_before=to_a_split
    )


def test_narrow_terminals_fold_clauses_only_one_side_has(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def to_the_added_clauses(pilot: Pilot[None]) -> None:
        await settle(pilot)
        screen = review_screen(pilot)
        screen.current = next(index for index, pair in enumerate(screen.shown) if pair.status is Status.ADDED)
        await pilot.pause()

    assert snap_compare(ReviewApp(*fixture_pair()), terminal_size=(100, 36), run_before=to_the_added_clauses)


def test_the_review_opens_on_the_key_changes(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReviewApp(*fixture_pair()), terminal_size=(120, 40), run_before=until_compared)
