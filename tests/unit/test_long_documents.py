"""What long documents skip or hand to a second core must leave every comparison as it was.

- ``compare.align.scores``: between a clause already matched word for word and another such
  clause (not its partner), no words score is worked out.
- ``compare.pipeline``: labels and embeddings are read in a child process while the parent
  aligns (``compare.ahead``).

Both only apply to long documents; the tests lower the bars so that the bundled statements take
those paths, and compare with the paths every statement took before.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from compare.pipeline import compare_documents, forget_texts
from compare.read import read

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAIRS = sorted(path.parent for path in FIXTURES.rglob("old.txt") if (path.parent / "new.txt").is_file())


def _documents(folder: Path):  # type: ignore[no-untyped-def]
    return read(folder / "old.txt"), read(folder / "new.txt")


def test_there_are_bundled_pairs_to_compare() -> None:
    assert len(PAIRS) >= 10


def test_clauses_matched_word_for_word_are_not_scored_against_each_other(monkeypatch: pytest.MonkeyPatch) -> None:
    from compare.align import scores

    monkeypatch.setattr(scores, "BLOCKED_FROM", 1)  # every pair is scored as a long document's
    skipped = []
    unsettled = scores._unsettled

    def counting(view, pairs, settled):  # type: ignore[no-untyped-def]
        kept = unsettled(view, pairs, settled)
        skipped.append(len(pairs[0]) - len(kept[0]))
        return kept

    every_cell = {}
    monkeypatch.setattr(scores, "_unsettled", lambda view, pairs, settled: pairs)
    for folder in PAIRS:
        every_cell[folder] = compare_documents(*_documents(folder)).pairs
    monkeypatch.setattr(scores, "_unsettled", counting)
    for folder in PAIRS:
        assert compare_documents(*_documents(folder)).pairs == every_cell[folder], folder.name
    assert sum(skipped) > 1000  # the cells were there to skip


@pytest.mark.skipif(sys.platform != "linux", reason="a child process is forked only on Linux")
def test_labels_and_embeddings_read_in_a_child_give_the_same_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    from compare import ahead, pipeline

    forked = []
    start = ahead.Ahead.start

    def recording(self):  # type: ignore[no-untyped-def]
        started = start(self)
        forked.append(self._child is not None)
        return started

    monkeypatch.setattr(ahead.Ahead, "start", recording)
    for folder in PAIRS[:6]:
        monkeypatch.setattr(pipeline, "READ_AHEAD_FROM", 1)
        forget_texts()  # else the labels are known here, and nothing is left to read ahead
        in_child = compare_documents(*_documents(folder))
        monkeypatch.setattr(pipeline, "READ_AHEAD_FROM", 10**9)
        forget_texts()
        assert in_child == compare_documents(*_documents(folder)), folder.name
        assert in_child.pairs[0].new[0].label is not None or in_child.pairs[0].old[0].label is not None
    assert forked == [True] * 6


@pytest.mark.skipif(sys.platform != "linux", reason="a child process is forked only on Linux")
def test_an_error_reading_ahead_is_raised_in_the_comparison_and_leaves_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from compare import pipeline

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("the lexicon broke")

    monkeypatch.setattr(pipeline, "READ_AHEAD_FROM", 1)
    monkeypatch.setattr(pipeline, "classify_all", failing)
    forget_texts()
    with pytest.raises(ValueError, match="the lexicon broke"):
        compare_documents(*_documents(PAIRS[0]))
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(sys.platform != "linux", reason="a child process is forked only on Linux")
def test_a_part_too_large_for_the_pipe_does_not_hold_up_the_next() -> None:
    """Each part is sent while the next is worked out: a result larger than the pipe holds
    waits for the parent to read it, and must neither be lost nor stop the work after it (the
    next part is done before the parent reads the first, not after)."""
    import time

    from compare.ahead import Ahead

    large = "x" * 2_000_000
    ahead = Ahead({"large": lambda: large, "later": time.monotonic}).start()
    time.sleep(0.5)  # the parent is busy
    try:
        read = time.monotonic()
        assert ahead.result("large") == large
        assert ahead.result("later") < read
    finally:
        ahead.close()


def test_a_part_after_one_that_failed_is_worked_out_where_it_is_asked_for() -> None:
    from compare.ahead import Ahead

    def failing() -> str:
        raise LookupError("no such clause")

    ahead = Ahead({"first": failing, "second": lambda: "done here"}).start()
    try:
        with pytest.raises(LookupError, match="no such clause"):
            ahead.result("first")
        assert ahead.result("second") == "done here"
    finally:
        ahead.close()


@pytest.mark.skipif(sys.platform != "linux", reason="a child process is forked only on Linux")
def test_a_comparison_run_ahead_reads_a_long_documents_labels_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """The review's comparison runs in a child (a daemon, which may start no child of its own):
    there a long document is read without reading ahead, and the comparison is the same."""
    from compare import pipeline
    from compare.ahead import compare_ahead
    from compare.options import Settings

    monkeypatch.setattr(pipeline, "READ_AHEAD_FROM", 1)
    forget_texts()
    settings = Settings(use_corrections=False)
    old, new = _documents(PAIRS[0])
    assert compare_ahead(settings, old, new)() == settings.compare(old, new)


def test_no_child_is_forked_while_another_thread_runs() -> None:
    """Forking copies one thread and whatever locks the others hold: with a second thread alive
    (the review app's worker, say), the work is done in the process."""
    import threading

    from compare.ahead import Ahead, can_fork

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not can_fork()
        ahead = Ahead({"labels": lambda: "read here"}).start()
        assert ahead._child is None
        assert ahead.result("labels") == "read here"
    finally:
        release.set()
        other.join()


def test_where_no_child_may_start_the_same_parts_are_worked_out_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Elsewhere than Linux a long document's labels and embeddings are read in the process,
    when the comparison asks for them: the same comparison, and no child."""
    import multiprocessing

    from compare import pipeline

    folder = PAIRS[0]
    forget_texts()
    expected = compare_documents(*_documents(folder))
    monkeypatch.setattr("sys.platform", "darwin")
    monkeypatch.setattr(pipeline, "READ_AHEAD_FROM", 1)
    forget_texts()
    assert compare_documents(*_documents(folder)) == expected
    assert multiprocessing.active_children() == []
