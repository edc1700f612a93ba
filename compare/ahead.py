"""A comparison started ahead, in a child process, while the review app starts up.

``jointdiff review`` spends its first second on two things that do not depend on each other:
comparing the pair (reading is done, then segment, classify, align: all Python, holding the
interpreter lock) and starting Textual (importing it, building the screen, the first frame).
In one process they take turns on the lock; on a machine with two cores they can run side by
side. ``compare_ahead`` forks a child that runs ``Settings.compare`` on the pair and sends the
result back through a pipe, pickled; the app's worker thread waits on the pipe (which holds no
lock) when it needs the comparison.

Only where ``fork`` is the safe way to start a process (Linux) and before any thread of the app
exists. Elsewhere, or when the child cannot be started, the comparison is run in the caller's
thread when first asked for, as before. An error in the child (an unreadable corrections file)
is raised in the thread that asks, as if the comparison had run there.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from compare.model import Comparison, Document
    from compare.options import Settings

__all__ = ["Ahead", "compare_ahead"]


class Ahead:
    """A comparison under way: call it for the result (waiting if need be), once; ``close()``
    stops the work if nobody asked for it (the review was closed before it came)."""

    def __init__(self, settings: Settings, old: Document, new: Document) -> None:
        self._compare = lambda: settings.compare(old, new)
        self._child: BaseProcess | None = None
        self._receiving: Connection | None = None

    def start(self) -> Ahead:
        """Fork the child that compares, where fork is the safe way to start one (Linux)."""
        if sys.platform != "linux":
            return self
        import multiprocessing

        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        child = context.Process(target=_compare_into, args=(sending, self._compare), daemon=True)
        try:
            child.start()
        except OSError:  # no process to spare: compare in the thread that asks
            receiving.close()
            return self
        finally:
            sending.close()
        self._child, self._receiving = child, receiving
        return self

    def __call__(self) -> Comparison:
        if self._receiving is None:
            return self._compare()
        try:
            outcome, value = self._receiving.recv()
        except EOFError:  # the child died without a word (killed): do the work here
            outcome, value = "ok", self._compare()
        finally:
            self.close()
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


def compare_ahead(settings: Settings, old: Document, new: Document) -> Ahead:
    """Start comparing ``old`` with ``new``; call what is returned for the comparison."""
    return Ahead(settings, old, new).start()


def _compare_into(sending: Connection, compare: Callable[[], Comparison]) -> None:
    """The child's work: compare, and send ("ok", comparison) or ("error", exception).

    Ctrl-C is the app's to handle (it stops the child through ``Ahead.close``), and an app that
    is gone is no one to tell: neither prints anything on the user's terminal."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        message: tuple[str, object] = ("ok", compare())
    except Exception as error:  # noqa: BLE001 - every error goes back to the app, which shows it
        message = ("error", error)
    try:
        sending.send(message)
    except OSError:  # the pipe is closed: the review ended before the comparison came
        pass
    except Exception as error:  # noqa: BLE001 - an exception that cannot be pickled
        with contextlib.suppress(OSError):
            sending.send(("error", RuntimeError(str(message[1]) if message[0] == "error" else str(error))))
    finally:
        sending.close()
