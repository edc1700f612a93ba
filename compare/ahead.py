"""Work started ahead, in a child process, while this one does something else.

Comparing is all Python, holding the interpreter lock, so two pieces of work that do not depend
on each other take turns in one process; on a machine with two cores they can run side by side
in two. ``run_ahead`` forks a child that does the work and sends the result back through a
pipe, pickled; whoever needs it calls what ``run_ahead`` returned, and waits on the pipe (which
holds no lock). Two uses:

- ``jointdiff review`` compares the pair (``compare_ahead``) while Textual starts (importing it,
  building the screen, the first frame);
- ``compare.pipeline`` reads the labels of long documents' clauses while it aligns them.

Only where ``fork`` is the safe way to start a process (Linux), only from a process with no
thread but its main one (forking copies one thread and whatever locks the others held), and
not from a child of another process (the review's comparison, ``check``'s workers).
Elsewhere, or when the child cannot be started, the work is done in the caller's thread when
first asked for, as before. An error in the child (an unreadable corrections file) is raised
in the thread that asks, as if the work had run there.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from compare.model import Comparison, Document
    from compare.options import Settings

__all__ = ["Ahead", "can_fork", "compare_ahead", "run_ahead"]

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a child can be forked safely and usefully here: on Linux, from a process with
    one thread, started by no other (a child works alone: the review's is a daemon, which may
    have none, and ``jointdiff check --jobs`` already keeps every core busy with its own)."""
    if sys.platform != "linux" or threading.active_count() != 1:
        return False
    import multiprocessing

    return multiprocessing.parent_process() is None


class Ahead(Generic[T]):
    """Work under way, in one or more named parts done in order: ``result(name)`` gives a
    part's result (waiting if need be), calling gives the only part's; ``close()`` stops the
    work if nobody asked for it (the review was closed before it came)."""

    def __init__(self, work: Callable[[], T] | dict[str, Callable[[], Any]]) -> None:
        self._works: dict[str, Callable[[], Any]] = work if isinstance(work, dict) else {"": work}
        self._results: dict[str, tuple[str, Any]] = {}
        self._child: BaseProcess | None = None
        self._receiving: Connection | None = None

    def start(self) -> Ahead[T]:
        """Fork the child that does the work, where that is safe (``can_fork``)."""
        if not can_fork():
            return self
        import multiprocessing

        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        child = context.Process(target=_work_into, args=(sending, self._works), daemon=True)
        try:
            child.start()
        except OSError:  # no process to spare: do the work in the thread that asks
            receiving.close()
            return self
        finally:
            sending.close()
        self._child, self._receiving = child, receiving
        return self

    @property
    def parts(self) -> tuple[str, ...]:
        """The names of the work's parts, in the order they are done."""
        return tuple(self._works)

    def __call__(self) -> T:
        (only,) = self._works
        return self.result(only)

    def result(self, name: str) -> Any:
        """The named part's result, or the exception it raised, raised here."""
        while name not in self._results and self._receiving is not None:
            try:
                done, outcome, value = self._receiving.recv()
            except EOFError:  # the child died without a word (killed): do the rest here
                self.close()
                break
            self._results[done] = (outcome, value)
            if len(self._results) == len(self._works) or outcome == "error":
                self.close()
        if name not in self._results:
            self._results[name] = _outcome(self._works[name])
        outcome, value = self._results[name]
        if outcome == "error":
            raise value
        return value

    def close(self) -> None:
        """Stop the child if it is still at work, and let go of it."""
        if self._receiving is not None:
            self._receiving.close()
            self._receiving = None
        if self._child is not None:
            if self._child.is_alive():
                self._child.terminate()
            self._child.join(timeout=1)
            self._child = None


def run_ahead(work: Callable[[], T]) -> Ahead[T]:
    """Start ``work`` in a child process where that is safe; call what is returned for its
    result, and close it when the result is no longer wanted."""
    return Ahead(work).start()


def compare_ahead(settings: Settings, old: Document, new: Document) -> Ahead[Comparison]:
    """Start comparing ``old`` with ``new``; call what is returned for the comparison."""
    return run_ahead(lambda: settings.compare(old, new))


def _outcome(work: Callable[[], object]) -> tuple[str, object]:
    try:
        return "ok", work()
    except Exception as error:  # noqa: BLE001 - raised where the result is asked for
        return "error", error


def _work_into(sending: Connection, works: dict[str, Callable[[], object]]) -> None:
    """The child's work: do each part in turn, and send (name, "ok", result) or (name,
    "error", exception) after each; an error ends the work.

    Each result is sent from a thread while the next part is worked out: a pipe holds some
    64 KB, so a larger result waits there until the parent reads it, which may be when the
    parent has done its own work. Ctrl-C is the parent's to handle (it stops the child through
    ``Ahead.close``), and a parent that is gone is no one to tell: neither prints anything on
    the user's terminal."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sender: threading.Thread | None = None
    gone = threading.Event()

    def send(name: str, outcome: str, value: object) -> None:
        try:
            sending.send((name, outcome, value))
        except OSError:  # the pipe is closed: the parent stopped waiting before the result came
            gone.set()
        except Exception as error:  # noqa: BLE001 - a result or an exception that cannot be pickled
            said = str(value) if outcome == "error" else str(error)
            with contextlib.suppress(OSError):
                sending.send((name, "error", RuntimeError(said)))
            gone.set()

    try:
        for name, work in works.items():
            outcome, value = _outcome(work)
            if sender is not None:
                sender.join()
            if gone.is_set():
                return
            sender = threading.Thread(target=send, args=(name, outcome, value))
            sender.start()
            if outcome == "error":
                break
        if sender is not None:
            sender.join()
    finally:
        sending.close()
