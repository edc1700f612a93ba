"""Weak pairings look different from sure ones, in colour and without; the detail panel says how
sure a pair is, its stance evidence, and why a pair rated "same" is the same."""

from __future__ import annotations

import io

from rich.console import Console

from compare.model import SURE, Document, Shift
from tests.tui.conftest import review_screen, settle
from tui.app import ReviewApp
from tui.rows import UNSURE_MARK, Side, is_unsure
from tui.widgets.clause_pane import ClausePane
from tui.widgets.detail_panel import DetailPanel


def _first_row(screen, pane_id: str, index: int):  # type: ignore[no-untyped-def]
    """The strip of the first row of the pair shown at ``index``, scrolled into view."""
    pane = screen.query_one(pane_id, ClausePane)
    screen.current = index
    top = pane.rows.starts[index] - pane.scroll_offset.y
    return pane.render_line(top)


def _detail_text(screen) -> str:  # type: ignore[no-untyped-def]
    console = Console(width=160, file=io.StringIO(), color_system=None)
    console.print(screen.query_one(DetailPanel).content)
    return console.file.getvalue()


async def test_an_unsure_pair_carries_a_question_mark_and_dim_text_even_in_monochrome(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case, color=False).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        unsure = next(i for i, pair in enumerate(screen.shown) if is_unsure(pair) and pair.old and pair.new)
        sure = next(i for i, pair in enumerate(screen.shown) if not is_unsure(pair) and pair.has_changes)
        await pilot.pause()
        unsure_row = _first_row(screen, "#old-pane", unsure)
        await pilot.pause()
        sure_row = _first_row(screen, "#old-pane", sure)
        assert unsure_row.text[2] == UNSURE_MARK and sure_row.text[2] == " "
        assert any(segment.style and segment.style.dim for segment in unsure_row if segment.text.strip())
        assert not any(segment.style and segment.style.dim for segment in sure_row if segment.text.strip())


async def test_the_detail_panel_gives_the_confidence_of_an_unsure_pair(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        index, pair = next(
            (i, p) for i, p in enumerate(screen.shown) if p.old and p.new and p.confidence < SURE
        )
        screen.current = index
        await pilot.press("enter")
        text = _detail_text(screen)
        assert f"{pair.certainty} pairing ({pair.confidence:.2f}, by {pair.matched_by}): check it" in text
        assert screen.query_one(DetailPanel).border_title.endswith(UNSURE_MARK)


async def test_the_detail_panel_lists_the_stance_evidence_marker_by_marker(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        index, pair = next((i, p) for i, p in enumerate(screen.shown) if len(p.shift_evidence) >= 2)
        screen.current = index
        await pilot.press("enter")
        lines = _detail_text(screen).splitlines()
        for item in pair.shift_evidence:
            row = next(line for line in lines if line.strip().startswith(item.marker + " "))
            assert (item.old or "-") in row and (item.new or "-") in row


async def test_a_pair_rated_same_says_why_in_the_detail_panel_and_in_the_pane(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        index, pair = next(
            (i, p)
            for i, p in enumerate(screen.shown)
            if p.shift is Shift.SAME and p.shift_reason and p.shift_reason.startswith("target")
        )
        screen.current = index
        await pilot.press("enter")
        assert f"= same stance: {pair.shift_reason}" in _detail_text(screen)
        rows = screen.query_one("#new-pane", ClausePane).rows
        shown = " ".join("".join(text for text, _ in line.pieces) for line in rows.lines(Side.NEW, index))
        assert f"same stance: {pair.shift_reason}" in " ".join(shown.split())
