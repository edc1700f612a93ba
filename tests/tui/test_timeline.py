"""The series timeline in the review app: loading, the table, the thread screen, errors."""

from __future__ import annotations

from compare.read import parse, read
from compare.series.model import Change
from compare.series.order import statement_files
from compare.series.select import ThreadFilter
from tests.conftest import FIXTURES
from tests.tui.conftest import settle
from tui.screens.thread import ThreadScreen, ThreadWording
from tui.screens.timeline import TimelineScreen
from tui.series_app import SeriesApp

MINISTERS = FIXTURES / "series" / "ministers"


def _documents():
    return [read(path) for path in statement_files(MINISTERS)]


def _timeline(app: SeriesApp) -> TimelineScreen:
    return next(screen for screen in app.screen_stack if isinstance(screen, TimelineScreen))


async def test_the_timeline_shows_one_row_per_thread_and_a_column_per_version() -> None:
    app = SeriesApp(_documents())
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = _timeline(app)
        table = screen.query_one("#timeline")
        assert screen.series is not None
        assert table.row_count == len(screen.series.threads) == 8
        assert len(table.columns) == 1 + 4 + 1


async def test_enter_opens_the_thread_and_escape_comes_back() -> None:
    app = SeriesApp(_documents())
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ThreadScreen)
        assert app.screen.thread.number == 3
        assert app.screen.thread.steps[1].change is Change.HARDENED
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


async def test_the_thread_screen_marks_deleted_and_inserted_words_without_colour() -> None:
    app = SeriesApp(_documents(), color=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        shown = str(app.screen.query_one(ThreadWording).render())
        assert "[-expressed concern over-]" in shown and "{+strongly condemned+}" in shown


async def test_changes_only_hides_the_threads_that_never_changed() -> None:
    app = SeriesApp(_documents())
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        screen = _timeline(app)
        assert all(thread.has_changes for thread in screen.shown)
        assert screen.query_one("#timeline").row_count == 7


async def test_a_filter_given_on_the_command_line_narrows_the_rows() -> None:
    app = SeriesApp(_documents(), thread_filter=ThreadFilter(kinds=frozenset({"concern"})))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert [thread.number for thread in _timeline(app).shown] == [3]


async def test_a_series_that_cannot_be_ordered_is_a_notification_not_a_crash() -> None:
    undated = [parse("We agree.", path="a.txt"), parse("We agree fully.", path="b.txt")]
    app = SeriesApp(undated)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert any("cannot place 'a.txt'" in str(note.message) for note in app._notifications)
        assert _timeline(app).series is None
