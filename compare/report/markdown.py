"""The change report as GitHub-flavoured Markdown, to paste into a briefing or a pull request.

Lays out what ``compare.report.sections`` decided: a header table of both documents, a table at
a glance, then one section per kind of change, and the full aligned table folded in a
``<details>`` block (the only HTML it writes). Every piece of document text passes through
``compare.safe.markdown_inline``, which also keeps ``|`` and line breaks from breaking a table
row; redlines come from ``compare.render.markdown.redline``, as in ``jointdiff diff``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from compare.model import Pair
from compare.render.common import location, pair_location
from compare.render.markdown import redline
from compare.report.sections import (
    HEADINGS,
    READING_NOTE,
    Group,
    NameChange,
    Report,
    about,
    joined_facts,
    note,
    pair_count,
    stance_change,
    stance_phrase,
    status_word,
)
from compare.safe import markdown_inline

__all__ = ["render"]


_Item = Callable[[Pair], Iterator[str]]
"""Writes the lines of one list item for a pair."""


def render(report: Report) -> str:
    """The report as Markdown text, ending in a newline."""
    return "\n".join(_lines(report)) + "\n"


def _row(cells: Iterable[str]) -> str:
    """One table row of cells that are already Markdown."""
    return "| " + " | ".join(cells) + " |"


def _heading(key: str, count: int | None = None) -> Iterator[str]:
    heading = HEADINGS[key]
    yield f"## {heading.title}" + ("" if count is None else f" ({count})")
    yield ""
    yield markdown_inline(heading.blurb)
    yield ""


def _lines(report: Report) -> Iterator[str]:
    yield f"# {markdown_inline(report.title)}"
    yield ""
    yield _row(("", "Old", "New"))
    yield _row(("---", "---", "---"))
    for label, old, new in report.documents:
        yield _row((f"**{label}**", markdown_inline(old), markdown_inline(new)))
    yield ""
    yield f"**{markdown_inline(report.totals)}**"
    yield ""
    if report.filter_note:
        yield f"*{markdown_inline(report.filter_note)}*"
        yield ""
    yield markdown_inline(READING_NOTE)
    yield ""
    yield from _glance(report)
    yield from _heading("hardened", len(report.hardened))
    yield from _items(report.hardened, _shifted_item)
    yield from _heading("softened", len(report.softened))
    yield from _items(report.softened, _shifted_item)
    yield from _heading("new", pair_count(report.new))
    yield from _grouped(report.new, _clause_item)
    yield from _heading("dropped", pair_count(report.dropped))
    yield from _grouped(report.dropped, _clause_item)
    yield from _heading("names", sum(len(changes) for _, changes in report.names))
    for label, changes in report.names:
        yield from _names(label, changes)
    yield from _heading("reworded", pair_count(report.reworded))
    yield from _grouped(report.reworded, _reworded_item)
    yield from _heading("rearranged", len(report.rearranged))
    yield from _items(report.rearranged, _rearranged_item)
    yield from _appendix(report.appendix)


def _glance(report: Report) -> Iterator[str]:
    yield from _heading("glance")
    yield _row(("", *report.glance_columns))
    yield _row(("---", *("---:" for _ in report.glance_columns)))
    for label, counts in report.glance:
        yield _row((f"**{label}**", *(str(count) if count else "–" for count in counts)))
    yield ""
    yield markdown_inline(report.routine_note)
    yield ""


def _items(pairs: Sequence[Pair], item: _Item) -> Iterator[str]:
    if not pairs:
        yield "None."
        yield ""
        return
    for pair in pairs:
        yield from item(pair)
    yield ""


def _grouped(groups: Sequence[Group], item: _Item) -> Iterator[str]:
    if not groups:
        yield "None."
        yield ""
    for group in groups:
        yield f"### {markdown_inline(group.heading)} ({len(group.pairs)})"
        yield ""
        yield from _items(group.pairs, item)


def _facts(*facts: str) -> str:
    """The parenthesis after an item's headline, escaped."""
    return markdown_inline(f"({joined_facts(*facts)})")


def _shifted_item(pair: Pair) -> Iterator[str]:
    yield f"- **{markdown_inline(stance_change(pair))}** {_facts(pair_location(pair), status_word(pair), about(pair))}"
    yield f"  - Reason: {markdown_inline(pair.shift_reason or 'not given')}"
    yield f"  - {redline(pair)}"


def _clause_item(pair: Pair) -> Iterator[str]:
    clauses = pair.new or pair.old
    yield f"- **{markdown_inline(stance_phrase(clauses))}** {_facts(pair_location(pair), about(pair))}: {redline(pair)}"


def _reworded_item(pair: Pair) -> Iterator[str]:
    yield f"- {_facts(pair_location(pair))}: {redline(pair)}"


def _rearranged_item(pair: Pair) -> Iterator[str]:
    yield f"- **{pair.status.value}** {_facts(pair_location(pair), about(pair))}: {redline(pair)}"


def _names(label: str, changes: Sequence[NameChange]) -> Iterator[str]:
    yield f"### {label} ({len(changes)})"
    yield ""
    if not changes:
        yield "None."
    for change in changes:
        places = markdown_inline(", ".join(change.places))
        yield f"- **{markdown_inline(change.name)}** {_facts(change.roles)}: {places}"
    yield ""


def _appendix(pairs: Sequence[Pair]) -> Iterator[str]:
    yield from _heading("appendix", len(pairs))
    yield "<details>"
    yield f"<summary>Show all {len(pairs)} clause pairs</summary>"
    yield ""
    yield _row(("#", "Status", "Old", "New", "Text (deleted ~~struck~~, inserted **bold**)", "Note"))
    yield _row(("---:", "---", "---", "---", "---", "---"))
    for number, pair in enumerate(pairs, start=1):
        cells = (str(number), pair.status.value, location(pair.old) or "–", location(pair.new) or "–")
        yield _row((*cells, redline(pair), markdown_inline(note(pair))))
    yield ""
    yield "</details>"
