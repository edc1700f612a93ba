"""Shared pieces of the review app's tests: the fixture pair, literal documents, and settle()."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.pilot import Pilot

from compare.model import Document
from compare.read import parse, read
from tests.conftest import FIXTURES
from tui.screens.key_changes import KeyChangesScreen
from tui.screens.review import ReviewScreen

SMALL_CASE = FIXTURES / "two-plus-two"


def fixture_pair() -> tuple[Document, Document]:
    """two-plus-two, with paths that do not depend on where the checkout lives."""
    old, new = (read(SMALL_CASE / name) for name in ("old.txt", "new.txt"))
    return replace(old, path="two-plus-two/old.txt"), replace(new, path="two-plus-two/new.txt")


@pytest.fixture
def small_case() -> tuple[Document, Document]:
    return fixture_pair()


def documents(old_text: str, new_text: str) -> tuple[Document, Document]:
    """Two documents from literal text, read as plain text."""
    return parse(old_text, path="old.txt"), parse(new_text, path="new.txt")


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the comparison is in and drawn, and leave the key changes (the review opens on
    them) for the side-by-side view."""
    await until_compared(pilot)
    if isinstance(pilot.app.screen, KeyChangesScreen):
        await pilot.press("escape")
        await pilot.pause()


async def until_compared(pilot: Pilot[None]) -> None:
    """Wait until the comparison is in and drawn, whatever screen shows it: after the first
    comparison, until the key changes it opens (one refresh later) are up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(100):
        if not any(isinstance(screen, ReviewScreen) and screen._key_changes_due for screen in pilot.app.screen_stack):
            break
        await pilot.pause(0.01)
    else:
        raise AssertionError("the key changes never opened over the first comparison")
    await pilot.pause()


def review_screen(pilot: Pilot[None]) -> ReviewScreen:
    """The app's review screen, also while a dialog is open over it."""
    return next(screen for screen in pilot.app.screen_stack if isinstance(screen, ReviewScreen))
