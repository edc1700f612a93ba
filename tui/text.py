"""Plain-text helpers the review's widgets share: a count with its noun, a title cut to a width,
the opening words of clauses quoted for a question.

Nothing here knows about Textual. Titles are cut by terminal cells, from the start or the middle,
so the end of a file name (its date and name, what tells two versions apart) always shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from rich.cells import cell_len

if TYPE_CHECKING:
    from compare.model import Clause

__all__ = ["ELLIPSIS", "counted", "fitted_title", "quoted_start"]

ELLIPSIS = "\u2026"


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """A count and its noun, singular for one: "1 pair", "2 pairs", "0 pairs".

    >>> counted(1, "pair"), counted(2, "pair"), counted(0, "match", "matches")
    ('1 pair', '2 pairs', '0 matches')
    """
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def fitted_title(side: str, path: str, date: str | None, width: int) -> str:
    """A pane's title, "old: <path> (<date>)", cut to ``width`` cells without losing the end.

    What goes first when there is no room: the middle of the path, keeping the file name whole;
    then the date in brackets, where the file name already shows it; then the middle of the
    file name, keeping its start and, longer, its end. The ending always shows.

    >>> fitted_title("old", "corpus/g7/2023-05-20_g7-hiroshima.md", "2023-05-20", 80)
    'old: corpus/g7/2023-05-20_g7-hiroshima.md (2023-05-20)'
    >>> fitted_title("old", "corpus/g7/2023-05-20_g7-hiroshima.md", "2023-05-20", 47)
    'old: c…/2023-05-20_g7-hiroshima.md (2023-05-20)'
    >>> fitted_title("old", "corpus/g7/2023-05-20_g7-hiroshima.md", "2023-05-20", 36)
    'old: cor…/2023-05-20_g7-hiroshima.md'
    >>> fitted_title("new", "corpus/g7/2024-06-14_g7-apulia-communique.md", "2024-06-14", 30)
    'new: 2024-06-…ia-communique.md'
    """
    head = f"{side}: "
    dated = f" ({date})" if date else ""
    if cell_len(head + path + dated) <= width:
        return head + path + dated
    name = PurePath(path).name or path
    folder_cut = path != name
    redundant = not date or date in name
    ending = "/" + name
    for suffix in (dated, "") if redundant else (dated,):
        room = width - cell_len(head) - cell_len(suffix)
        if cell_len(path) <= room:
            return head + path + suffix
        if folder_cut and room >= cell_len(ending) + 1:
            folder = _first_cells(path[: -len(ending)], room - 1 - cell_len(ending))
            return head + folder + ELLIPSIS + ending + suffix
        if folder_cut and room >= cell_len(name) + 1:
            return head + ELLIPSIS + name + suffix
    suffix = "" if redundant or width - cell_len(head) - cell_len(dated) < _MIN_NAME else dated
    room = max(width - cell_len(head) - cell_len(suffix), 1)
    return head + _cut_middle(name, room) + suffix


_MIN_NAME = 12
"""Cells a cut file name keeps at least before the date in brackets gives way to it."""


def _cut_middle(text: str, room: int) -> str:
    """The text cut to ``room`` cells by an ellipsis: a third from its start, the rest its end.

    >>> _cut_middle("2024-06-14_statement.md", 13)
    '2024…ement.md'
    """
    if cell_len(text) <= room:
        return text
    if room <= 1:
        return ELLIPSIS[:room]
    start = (room - 1) // 3
    return _first_cells(text, start) + ELLIPSIS + _last_cells(text, room - 1 - start)


def _first_cells(text: str, cells: int) -> str:
    """The longest start of the text that takes at most ``cells`` cells."""
    used = 0
    for position, char in enumerate(text):
        used += cell_len(char)
        if used > cells:
            return text[:position]
    return text


def _last_cells(text: str, cells: int) -> str:
    """The longest end of the text that takes at most ``cells`` cells."""
    return _first_cells(text[::-1], cells)[::-1]


def quoted_start(clauses: Sequence[Clause]) -> str:
    """The start of a side's text in quotes, for a question about it.

    >>> from compare.model import Clause
    >>> quoted_start([Clause("old", 0, 1, 1, 0, 23, "We condemn the launches.")])
    "'We condemn the launches.'"
    """
    words = " ".join(clause.text for clause in clauses).split()
    return "'" + " ".join(words[:12]) + (" ...'" if len(words) > 12 else "'")
