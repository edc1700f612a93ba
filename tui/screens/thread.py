"""One thread of a series: its wording in every version, with the words that changed.

Pushed by the timeline screen (``Enter``). Each version that holds the thread shows its date,
what happened (first, reworded, hardened with the evidence, returned after which version ...),
how sure the link is where it is not sure, and the wording, with the words deleted since the
previous version struck through and the words inserted in bold (spelled out as ``[-...-]`` and
``{+...+}`` without colour); a version that dropped it says so. ``Escape`` goes back.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from compare.render.common import shift_note
from compare.safe import printable
from compare.series.common import CHANGE_SIGN
from compare.series.model import Change, Series, Step, Thread

__all__ = ["ThreadScreen", "ThreadWording"]


class ThreadWording(Static):
    """The wording of a thread in each version, word diffs between consecutive ones."""

    COMPONENT_CLASSES = {"thread-wording--delete", "thread-wording--insert", "thread-wording--version"}
    DEFAULT_CSS = """
    ThreadWording .thread-wording--delete { color: $error; text-style: strike; }
    ThreadWording .thread-wording--insert { color: $success; text-style: bold; }
    ThreadWording .thread-wording--version { color: $accent; text-style: bold; }
    """

    def show_thread(self, series: Series, thread: Thread, *, marked: bool = False) -> None:
        """Draw the thread; ``marked`` spells changes out for monochrome views."""
        text = Text()
        for step in thread.steps:
            if step.change is Change.ABSENT:
                continue
            if text:
                text.append("\n\n")
            text.append(_heading(series, step), style=self.get_component_rich_style("thread-wording--version"))
            note = shift_note(step.pair) if step.pair is not None else ""
            if note:
                text.append("\n" + printable(note))
            if step.change is Change.DROPPED:
                continue
            text.append("\n")
            self._append_wording(text, step, marked)
        self.update(text)

    def _append_wording(self, text: Text, step: Step, marked: bool) -> None:
        pair = step.pair
        if pair is None or not pair.words:
            text.append(printable(" ".join(clause.text for clause in step.clauses)))
            return
        styles = {
            "delete": self.get_component_rich_style("thread-wording--delete"),
            "insert": self.get_component_rich_style("thread-wording--insert"),
        }
        for number, op in enumerate(pair.words):
            if number:
                text.append(" ")
            words = printable(op.text)
            if op.op == "equal":
                text.append(words)
            elif marked:
                text.append(f"[-{words}-]" if op.op == "delete" else f"{{+{words}+}}", style=styles[op.op])
            else:
                text.append(words, style=styles[op.op])


def _heading(series: Series, step: Step) -> str:
    """"v3 2024-12-17  ~ reworded  (likely link 0.61; after v1)"."""
    version = series.versions[step.version]
    facts = []
    if step.pair is not None and not step.is_sure:
        facts.append(f"{step.pair.certainty} link {step.pair.confidence:.2f}")
    if step.since is not None:
        facts.append(f"last seen in {series.versions[step.since].id}")
    extra = f"  ({'; '.join(facts)})" if facts else ""
    return printable(f"{version.id} {version.label}  {CHANGE_SIGN[step.change]} {step.change.value}{extra}")


class ThreadScreen(Screen[None]):
    """One thread, version by version."""

    CSS_PATH = "thread.tcss"
    BINDINGS = [Binding("escape", "back", "Back", tooltip="Return to the timeline")]

    def __init__(self, series: Series, thread: Thread, *, marked: bool = False) -> None:
        super().__init__()
        self.series = series
        self.thread = thread
        self.marked = marked

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="thread-scroll"):
            yield ThreadWording(id="thread-wording")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        scroll = self.query_one("#thread-scroll", VerticalScroll)
        first = self.series.versions[self.thread.first].id
        last = self.series.versions[self.thread.last].id
        scroll.border_title = Content(f"Thread {self.thread.number}: {first} to {last}")
        self.query_one(ThreadWording).show_thread(self.series, self.thread, marked=self.marked)
        scroll.focus()

    def action_back(self) -> None:
        self.dismiss()
