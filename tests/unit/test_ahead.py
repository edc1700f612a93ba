"""The review's first comparison, run ahead in a child process (``compare.ahead``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.ahead import compare_ahead
from compare.errors import UsageError
from compare.model import Document
from compare.options import Settings

OLD = Document("old.txt", "We express concern about the launches. We welcome the talks.")
NEW = Document("new.txt", "We condemn the launches. We welcome the talks on trade.")


def test_the_comparison_run_ahead_is_the_one_run_here() -> None:
    settings = Settings(use_corrections=False)
    assert compare_ahead(settings, OLD, NEW)() == settings.compare(OLD, NEW)


def test_an_error_in_the_child_is_raised_where_the_comparison_is_asked_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = = not toml", encoding="utf-8")
    first = compare_ahead(Settings(corrections=str(bad)), OLD, NEW)
    with pytest.raises(UsageError, match="not valid TOML"):
        first()


def test_without_fork_the_comparison_runs_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "darwin")
    asked: list[tuple[Document, Document]] = []

    class Counting(Settings):
        def compare(self, old: Document, new: Document):  # type: ignore[no-untyped-def]
            asked.append((old, new))
            return super().compare(old, new)

    first = compare_ahead(Counting(use_corrections=False), OLD, NEW)
    assert asked == []  # nothing runs until the app asks
    assert first().pairs
    assert asked == [(OLD, NEW)]


def test_closing_before_asking_stops_the_child() -> None:
    import multiprocessing

    ahead = compare_ahead(Settings(use_corrections=False), OLD, NEW)
    assert multiprocessing.active_children()  # the child is at work
    ahead.close()
    assert multiprocessing.active_children() == []


def test_a_review_gone_before_the_comparison_leaves_no_trace_on_the_terminal(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """The child finds the pipe closed (the app quit): it ends quietly, no traceback."""
    import multiprocessing

    from compare.ahead import _work_into

    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    receiving.close()
    child = context.Process(target=_work_into, args=(sending, {"": lambda: Settings(use_corrections=False).compare(OLD, NEW)}))
    child.start()
    sending.close()
    child.join(timeout=30)
    assert child.exitcode == 0
    assert "Traceback" not in capfd.readouterr().err
