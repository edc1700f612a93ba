"""e writes the Markdown report of the current view (never over a file without asking); y copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from compare.model import Document, Status
from tests.tui.conftest import review_screen, settle
from tui.app import ReviewApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.export import ExportScreen


def _opening(pair, side: str = "new") -> str:
    clauses = pair.new if side == "new" else pair.old
    return " ".join(clauses[0].text.split()[:4])


async def _export_to(pilot, path: Path) -> None:
    await pilot.press("e")
    assert isinstance(pilot.app.screen, ExportScreen)
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_e_suggests_a_name_and_writes_the_report_of_the_current_view(
    small_case: tuple[Document, Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        screen.toggle_filter("statuses", Status.ADDED)
        await pilot.press("e")
        assert pilot.app.screen.query_one(Input).value == "new-review.md"
        await pilot.press("enter")
        await settle(pilot)
        report = (tmp_path / "new-review.md").read_text(encoding="utf-8")
        assert report.startswith("#")
        assert all(_opening(pair) in report for pair in screen.shown)
        unchanged = [pair for pair in screen.comparison.pairs if pair.status is Status.UNCHANGED]
        assert _opening(unchanged[-1]) not in report  # (the first is the title, which heads any report)


async def test_an_existing_file_is_only_replaced_after_confirmation(
    small_case: tuple[Document, Document], tmp_path: Path
) -> None:
    target = tmp_path / "report.md"
    target.write_text("keep me\n", encoding="utf-8")
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _export_to(pilot, target)
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(pilot.app.screen, ExportScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "keep me\n"
        await _export_to(pilot, target)
        await pilot.press("y")
        await settle(pilot)
        assert target.read_text(encoding="utf-8").startswith("#")


async def test_a_folder_or_a_missing_folder_is_refused_in_the_dialog(
    small_case: tuple[Document, Document], tmp_path: Path
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _export_to(pilot, tmp_path)
        assert isinstance(pilot.app.screen, ExportScreen)
        pilot.app.screen.query_one(Input).value = str(tmp_path / "nowhere" / "report.md")
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, ExportScreen)
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, ExportScreen)
        assert list(tmp_path.iterdir()) == []


async def test_y_copies_the_selected_clause(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("n", "y")
        assert screen.current_pair is not None
        assert pilot.app.clipboard == " ".join(clause.text for clause in screen.current_pair.new)


async def test_y_on_a_removed_clause_copies_its_old_text(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        screen.toggle_filter("statuses", Status.REMOVED)
        await pilot.press("y")
        assert screen.current_pair is not None
        assert pilot.app.clipboard == screen.current_pair.old[0].text
