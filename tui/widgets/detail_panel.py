"""The detail panel: everything the pipeline knows about the selected pair, old beside new.

Status, similarity score, how sure the pairing is (confidence, and how it was found), routine
flag, the stance shift with its reason (also on pairs whose stance stayed the same: "target
dropped: China") and any correction of yours on top, then one column per side: clause ids,
paragraph and sentence numbers, kind, intensity, the stance phrase, hedges, negation, speakers
(who says it), targets (whom it is about), topics, and the stance markers that differ (the
shift's evidence), each with its direction. The review screen calls ``show_pair`` when the selection moves;
document text passes through ``compare.safe.printable``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from compare.filters import targets_of
from compare.model import Clause, Label, Pair, Shift, Status
from compare.render.common import SHIFT_MARK, STATUS_MARK, corrected_note, location, pair_location, shift_note
from compare.safe import printable
from tui.rows import UNSURE_MARK, is_unsure

__all__ = ["DetailPanel"]


class DetailPanel(Static):
    """Scores, kinds, intensities and positions of one pair."""

    pair: Pair | None = None
    """The pair described."""

    def show_pair(self, pair: Pair | None) -> None:
        """Describe this pair (or say that nothing is selected)."""
        self.pair = pair
        if pair is None:
            self.border_title = None
            self.update(Text("No pair selected."))
            return
        unsure = f" {UNSURE_MARK}" if is_unsure(pair) else ""
        self.border_title = f"{STATUS_MARK[pair.status]} {pair.status}{unsure}"
        self.update(_table(pair))


def _table(pair: Pair) -> Table:
    heading = [pair_location(pair)]
    if pair.score is not None:
        heading.append(f"score {pair.score:g}")
    heading.append(_how_sure(pair))
    if pair.routine:
        heading.append("routine")
    notes = (" · ".join(heading), shift_note(pair) or _no_shift(pair), corrected_note(pair))
    table = Table(
        box=None,
        padding=(0, 1),
        expand=True,
        title=Text("\n".join(printable(line) for line in notes if line), justify="left"),
        title_justify="left",
    )
    table.add_column("", style="bold", no_wrap=True)
    table.add_column("old", ratio=1)
    table.add_column("new", ratio=1)
    for label, old, new in (*_rows(pair.old, pair.new), *_evidence(pair)):
        table.add_row(Text(label), Text(printable(old)), Text(printable(new)))
    return table


def _how_sure(pair: Pair) -> str:
    """How sure the aligner is of the pair, with its confidence and how it was found.

    >>> from compare.model import Status
    >>> _how_sure(Pair(Status.REWORDED, (), (), confidence=0.42, matched_by="meaning"))
    '? weak pairing (0.42, by meaning): check it'
    >>> _how_sure(Pair(Status.REWORDED, (), (), confidence=0.97, matched_by="words"))
    'sure (0.97, by words)'
    """
    if pair.confidence is None:
        return "paired by you" if pair.corrected else "sure"
    found_by = f", by {pair.matched_by}" if pair.matched_by else ""
    if not is_unsure(pair):
        return f"sure ({pair.confidence:.2f}{found_by})"
    what = "maybe not " + pair.status.value if pair.status in (Status.ADDED, Status.REMOVED) else f"{pair.certainty} pairing"
    return f"{UNSURE_MARK} {what} ({pair.confidence:.2f}{found_by}): check it"


def _no_shift(pair: Pair) -> str:
    """What the stance did when a changed pair has both sides and no note says it: the same."""
    return "= same stance" if pair.has_changes and pair.old and pair.new and pair.shift is Shift.SAME else ""


def _evidence(pair: Pair) -> list[tuple[str, str, str]]:
    """One line per stance marker that differs: its kind and direction, old beside new."""
    return [
        (f"{item.marker} {SHIFT_MARK.get(item.direction, '=')}", item.old or "-", item.new or "-")
        for item in pair.shift_evidence
    ]


def _rows(old: Sequence[Clause], new: Sequence[Clause]) -> list[tuple[str, str, str]]:
    """Label, old value and new value of each line of the table."""
    fields = {
        "clause": lambda clauses: ", ".join(clause.id for clause in clauses),
        "where": location,
        "kind": lambda clauses: _labels(clauses, lambda label: label.kind.value),
        "intensity": lambda clauses: _labels(clauses, lambda label: str(label.intensity)),
        "stance": lambda clauses: _labels(
            clauses, lambda label: label.stance + (" (negated)" if label.negated else "")
        ),
        "hedges": lambda clauses: _labels(clauses, lambda label: ", ".join(label.hedges)),
        "speakers": lambda clauses: _labels(clauses, lambda label: ", ".join(label.actors)),
        "targets": lambda clauses: _labels(clauses, lambda label: ", ".join(targets_of(label))),
        "topics": lambda clauses: _labels(clauses, lambda label: ", ".join(label.topics)),
    }
    return [(name, value(old) or "-", value(new) or "-") for name, value in fields.items()]


def _labels(clauses: Sequence[Clause], field: Callable[[Label], str]) -> str:
    """One value per labelled clause of a group, joined by " | "; empty where every value is."""
    values = [field(clause.label) for clause in clauses if clause.label]
    return " | ".join(values) if any(values) else ""
