"""The table of ``jointdiff clauses``: one row per clause with its labels, drawn by rich.

rich wraps long clause text inside its column and sizes columns to the terminal; document text
is neutralised (``compare.safe.printable``) and escaped for rich markup before it is drawn.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Sequence

from compare.model import Clause
from compare.safe import printable

__all__ = ["clause_table"]


def clause_table(clauses: Sequence[Clause], *, color: bool) -> str:
    """The clauses as a text table, coloured when ``color``."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, expand=False, header_style="bold" if color else "")
    for name, justify in (("id", "right"), ("¶ s", "right"), ("kind", "left"), ("int", "right"),
                          ("stance", "left"), ("actors", "left"), ("targets / topics", "left"),
                          ("q", "center"), ("text", "left")):  # fmt: skip
        table.add_column(name, justify=justify, overflow="fold")
    for clause in clauses:
        label = clause.label
        names = ", ".join((*label.targets, *(f"#{t}" for t in label.topics))) if label else ""
        table.add_row(
            clause.id,
            f"{clause.paragraph} {clause.sentence}",
            label.kind.value if label else "",
            str(label.intensity or "") if label else "",
            Text(printable(label.stance)) if label else "",
            Text(printable(", ".join(label.actors))) if label else "",
            Text(printable(names)),
            "\u201c" if label and label.quoted else "",
            Text(printable(clause.text)),
        )
    buffer = io.StringIO()
    width = max(shutil.get_terminal_size((160, 24)).columns, 100)
    console = Console(file=buffer, width=width, color_system="standard" if color else None, force_terminal=color)
    console.print(table)
    return buffer.getvalue()
