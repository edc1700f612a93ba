"""Odd text never crashes the review: control characters, right-to-left scripts, huge clauses."""

from __future__ import annotations

import re

from tests.tui.conftest import documents, review_screen, settle
from tui.app import ReviewApp
from tui.rows import Rows, Side
from tui.widgets.clause_pane import ClausePane

_RAW_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _shown_text(rows: Rows) -> str:
    return "".join(
        text
        for side in Side
        for index in range(len(rows.old))
        for line in rows.lines(side, index)
        for text, _ in line.pieces
    )


async def _visit_every_pair(pilot) -> None:
    """Walk the selection over every pair, so that every block is drawn at least once."""
    screen = review_screen(pilot)
    for _ in range(len(screen.shown)):
        await pilot.press("j")
    await pilot.press("enter", "G", "g")
    await pilot.pause()


async def test_control_characters_and_escape_sequences_are_shown_not_obeyed() -> None:
    old, new = documents(
        "We note the plan here.\n\nThe ministers met.\n",
        "We note \x1b]0;pwned\x07 the \x1b[2J plan \u202e here.\n\nThe ministers\x00 met\x08.\n",
    )
    async with ReviewApp(old, new).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _visit_every_pair(pilot)
        rows = review_screen(pilot).query_one("#new-pane", ClausePane).rows
        assert rows is not None
        shown = _shown_text(rows)
        assert not _RAW_CONTROL.search(shown)
        assert "\u241b]0;pwned\u2407" in shown and "<U+202E>" in shown


async def test_right_to_left_text_is_reviewed_and_searched() -> None:
    old, new = documents(
        "نحن ندين بشدة إطلاق الصواريخ.\n\nאנו מברכים על ההסכם.\n",
        "نحن ندين إطلاق الصواريخ الباليستية.\n\nאנו מברכים בחום על ההסכם.\n",
    )
    async with ReviewApp(old, new).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        assert len(screen.shown) >= 2
        await _visit_every_pair(pilot)
        await pilot.press("slash", *"ההסכם", "enter")
        assert len(screen.matches) == 1
        assert screen.current_pair is not None and "ההסכם" in screen.current_pair.new[0].text


async def test_a_clause_of_twenty_thousand_characters_wraps_and_scrolls() -> None:
    words = " ".join(f"word{index}" for index in range(2500))[:20_000]
    unbroken = "x" * 20_000
    old, new = documents(
        f"We note the plan.\n\n{words}.\n\nThe end.\n",
        f"We note the plan.\n\n{words} and more.\n\n{unbroken}\n\nThe end.\n",
    )
    async with ReviewApp(old, new).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        pane = screen.query_one("#new-pane", ClausePane)
        assert pane.rows is not None and pane.rows.total > 20_000 // pane.rows.width
        await _visit_every_pair(pilot)
        pane.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("slash", *"word2000", "enter")
        assert screen.matches


async def test_wide_characters_and_combining_marks_wrap_by_cells() -> None:
    old, new = documents(
        "日本と米国は同盟の強化を確認した。\n\nCafe\u0301 talks resumed.\n",
        "日本と米国は同盟の一層の強化を確認した。\n\nCafe\u0301 talks resumed today.\n",
    )
    async with ReviewApp(old, new).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _visit_every_pair(pilot)
        assert review_screen(pilot).comparison is not None


async def test_empty_documents_open_an_empty_review() -> None:
    old, new = documents("", "   \n")
    async with ReviewApp(old, new).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        assert screen.comparison is not None and screen.shown == ()
        await pilot.press("n", "p", "j", "k", "g", "G", "pagedown", "enter", "y", "c", "slash", "a", "enter")
        assert pilot.app.is_running


async def test_a_tiny_terminal_still_draws() -> None:
    old, new = documents("We note the plan.\n", "We welcome the plan.\n")
    async with ReviewApp(old, new).run_test(size=(30, 10)) as pilot:
        await settle(pilot)
        await pilot.press("n", "enter", "j")
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert review_screen(pilot).current_pair is not None
