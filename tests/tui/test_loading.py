"""While the comparison runs, the loading indicator redraws a few times a second, not sixteen
(every redraw takes the interpreter from the worker thread that compares)."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import LoadingIndicator

from compare.options import Settings
from tests.tui.conftest import fixture_pair, until_compared
from tui.app import ReviewApp
from tui.widgets.loading import REDRAWS_PER_SECOND, CalmLoadingIndicator


@pytest.mark.asyncio
async def test_the_loading_indicator_redraws_a_few_times_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    compare = Settings.compare

    def held(self: Settings, old, new):  # type: ignore[no-untyped-def]
        release.wait(10)
        return compare(self, old, new)

    monkeypatch.setattr(Settings, "compare", held)
    app = ReviewApp(*fixture_pair())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panes = app.screen.query_one("#panes")
        assert panes.loading
        # Textual covers a loading widget with the app's loading widget (outside the DOM query)
        cover = getattr(panes, "_cover_widget", None)
        assert isinstance(cover, CalmLoadingIndicator)
        assert cover.auto_refresh == pytest.approx(1 / REDRAWS_PER_SECOND)
        assert REDRAWS_PER_SECOND <= 4
        release.set()
        await until_compared(pilot)
        assert not panes.loading
        assert not list(app.screen.query(LoadingIndicator))
