"""The app as a whole: help and quit, narrow and wide layouts, monochrome, and a failing pipeline."""

from __future__ import annotations

import pytest
from textual.filter import Monochrome

from compare.model import Document
from compare.options import Settings
from tests.tui.conftest import review_screen, settle
from tui.app import ReviewApp
from tui.rows import Side, Tag
from tui.widgets.clause_pane import ClausePane


async def test_question_mark_shows_every_key_and_escape_hides_it(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert pilot.app.screen.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert not pilot.app.screen.query("HelpPanel")


async def test_q_quits(small_case: tuple[Document, Document]) -> None:
    app = ReviewApp(*small_case)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_every_binding_has_a_description_and_a_tooltip(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for binding in (*pilot.app.BINDINGS, *review_screen(pilot).BINDINGS):
            assert binding.description and binding.tooltip, binding


@pytest.mark.parametrize(("size", "layout"), [((80, 24), "-narrow"), ((160, 48), "-wide")])
async def test_narrow_terminals_stack_the_panes_and_wide_ones_put_them_side_by_side(
    small_case: tuple[Document, Document], size: tuple[int, int], layout: str
) -> None:
    async with ReviewApp(*small_case).run_test(size=size) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        assert screen.has_class(layout)
        old, new = (
            screen.query_one("#old-pane", ClausePane).region,
            screen.query_one("#new-pane", ClausePane).region,
        )
        if layout == "-narrow":
            assert old.x == new.x and old.bottom <= new.y
        else:
            assert old.y == new.y and old.right <= new.x


async def test_resizing_wraps_the_rows_again_and_keeps_the_panes_aligned(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        old_pane, new_pane = (
            screen.query_one("#old-pane", ClausePane),
            screen.query_one("#new-pane", ClausePane),
        )
        wide_rows = new_pane.rows
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert new_pane.rows is not wide_rows and new_pane.rows.total > wide_rows.total
        assert old_pane.rows is new_pane.rows
        assert new_pane.rows.width == min(old_pane.text_width(), new_pane.text_width())


def _has_marked_words(app: ReviewApp) -> bool:
    rows = app.screen.query_one("#new-pane", ClausePane).rows
    assert rows is not None
    return any(
        text.startswith("{+")
        for index in range(len(rows.new))
        for line in rows.lines(Side.NEW, index)
        for text, tag in line.pieces
        if tag is Tag.INSERT
    )


async def test_no_color_draws_in_monochrome_and_spells_changes_out(
    small_case: tuple[Document, Document],
) -> None:
    app = ReviewApp(*small_case, color=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.no_color and any(isinstance(f, Monochrome) for f in app.get_line_filters())
        assert _has_marked_words(app)


async def test_the_no_color_environment_variable_is_honoured(
    small_case: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReviewApp(*small_case)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.no_color and _has_marked_words(app)


async def test_colour_views_show_changes_by_style_not_markers(
    small_case: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReviewApp(*small_case, color=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.no_color and not _has_marked_words(app)
        assert not any(isinstance(f, Monochrome) for f in app.get_line_filters())


async def test_a_failing_pipeline_is_reported_not_raised(
    small_case: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(settings: Settings, old: Document, new: Document) -> None:
        raise ValueError("alignment failed")

    monkeypatch.setattr(Settings, "compare", broken)
    app = ReviewApp(*small_case)
    messages: list[tuple[str, str]] = []
    app.notify = lambda message, *, severity="information", **_: messages.append((message, severity))  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        assert screen.comparison is None and not screen.query_one("#panes").loading
        assert any("alignment failed" in message and severity == "error" for message, severity in messages)
        await pilot.press("n", "j", "enter", "e", "y", "c")
        assert app.is_running


async def test_every_view_draws_in_monochrome(small_case: tuple[Document, Document]) -> None:
    app = ReviewApp(*small_case, color=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press(
            "n", "enter", "slash", *"japan", "enter", "right_square_bracket", "y", "f", "down", "f"
        )
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape", "e")
        await pilot.pause()
        await pilot.press("escape", "c", "G")
        await pilot.pause()
        assert app.is_running and review_screen(pilot).current_pair is not None
