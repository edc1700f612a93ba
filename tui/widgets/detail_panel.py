"""The detail panel: everything the pipeline knows about the selected pair, old beside new.

Status, similarity score, routine flag and stance shift with its reason on top, then one column
per side: clause ids, paragraph and sentence numbers, kind, intensity, the stance phrase, hedges,
negation, speakers (who says it), targets (whom it is about) and topics. The review screen calls ``show_pair`` when the selection moves;
document text passes through ``compare.safe.printable``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from compare.filters import targets_of
from compare.model import Clause, Label, Pair
from compare.render.common import STATUS_MARK, location, pair_location, shift_note
from compare.safe import printable

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
        self.border_title = f"{STATUS_MARK[pair.status]} {pair.status}"
        self.update(_table(pair))


def _table(pair: Pair) -> Table:
    heading = [pair_location(pair)]
    if pair.score is not None:
        heading.append(f"score {pair.score:g}")
    if pair.confidence is not None:
        found_by = f", by {pair.matched_by}" if pair.matched_by else ""
        heading.append(f"{pair.certainty} ({pair.confidence:.2f}{found_by})")
    if pair.routine:
        heading.append("routine")
    note = shift_note(pair)
    table = Table(
        box=None,
        padding=(0, 1),
        expand=True,
        title=Text(
            "\n".join(printable(line) for line in (" · ".join(heading), note) if line), justify="left"
        ),
        title_justify="left",
    )
    table.add_column("", style="bold", no_wrap=True)
    table.add_column("old", ratio=1)
    table.add_column("new", ratio=1)
    for label, old, new in _rows(pair.old, pair.new):
        table.add_row(Text(label), Text(printable(old)), Text(printable(new)))
    return table


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
