"""The change report as GitHub-flavoured Markdown, to paste into a briefing or a pull request.

Lays out what ``compare.report.sections`` decided: a header table of both documents, the key
changes by target (and, apart, the uncertain ones), a table at a glance, then one section per
kind of change within the length budget, and the full aligned table folded in a
``<details>`` block (the only HTML it writes). Every piece of document text passes through
``compare.safe.markdown_inline``, which also keeps ``|`` and line breaks from breaking a table
row; redlines come from ``compare.render.markdown.redline``, as in ``jointdiff diff``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from compare.keychanges import KeyChange
from compare.model import Pair
from compare.render.common import certainty_note, corrected_note, location, pair_location, shift_note
from compare.render.markdown import redline
from compare.report import wording
from compare.report.sections import (
    Group,
    Report,
    empty_sections,
    left_to_appendix,
    section_counts,
    shown_sections,
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
    heading = wording.HEADINGS[key]
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
    for note_line in (report.filter_note, report.budget_note):
        if note_line:
            yield f"*{markdown_inline(note_line)}*"
            yield ""
    yield markdown_inline(wording.READING_NOTE)
    yield ""
    counts = section_counts(report)
    for key in shown_sections(report):
        yield from _heading(key, counts[key])
        yield from _SECTIONS[key](report)


def _key(report: Report) -> Iterator[str]:
    if not report.key:
        yield "None: no concern, commitment, call or decision was surely dropped or added, and no stance surely shifted."
        yield ""
    for target, changes in report.key:
        yield f"### {markdown_inline(target)}"
        yield ""
        for change in changes:
            yield from _key_item(change)
        yield ""
    if report.key_more:
        yield f"*And {report.key_more} more, in the sections below.*"
        yield ""


def _uncertain(report: Report) -> Iterator[str]:
    for change in report.uncertain:
        yield from _key_item(change, uncertain=True)
    if report.uncertain_more:
        yield f"- *And {report.uncertain_more} more: see the appendix, where their pairs are marked.*"
    yield ""


def _key_item(change: KeyChange, *, uncertain: bool = False) -> Iterator[str]:
    sign, headline = wording.key_headline(change, uncertain=uncertain)
    where = pair_location(change.pair)
    yield f"- {markdown_inline(sign)} **{markdown_inline(headline)}** {_facts(where)}: {markdown_inline(wording.key_text(change))}"


def _glance(report: Report) -> Iterator[str]:
    yield _row(("", *report.glance_columns))
    yield _row(("---", *("---:" for _ in report.glance_columns)))
    for label, counts in report.glance:
        yield _row((f"**{label}**", *(str(count) if count else "–" for count in counts)))
    yield ""
    yield markdown_inline(report.routine_note)
    yield ""
    nothing = empty_sections(report)
    if nothing:
        yield markdown_inline(nothing)
        yield ""


def _items(pairs: Sequence[Pair], item: _Item, more: int = 0) -> Iterator[str]:
    if not pairs and not more:
        yield "None."
        yield ""
        return
    for pair in pairs:
        yield from item(pair)
    if more:
        yield f"- *And {more} more, in the appendix.*"
    yield ""


def _grouped(groups: Sequence[Group], item: _Item) -> Iterator[str]:
    if not groups:
        yield "None."
        yield ""
    for group in groups:
        if group.pairs:
            yield f"### {markdown_inline(group.heading)} ({group.total})"
            yield ""
            yield from _items(group.pairs, item, group.more)
    left = left_to_appendix(groups)
    if left:
        yield f"*{markdown_inline(left)}*"
        yield ""


def _facts(*facts: str) -> str:
    """The parenthesis after an item's headline, escaped."""
    return markdown_inline(f"({wording.joined_facts(*facts)})")


def _shifted_item(pair: Pair) -> Iterator[str]:
    facts = _facts(pair_location(pair), wording.status_word(pair), wording.about(pair), corrected_note(pair))
    yield f"- **{markdown_inline(wording.stance_change(pair))}** {facts}"
    yield f"  - Evidence: {markdown_inline(pair.shift_reason or 'not given')}"
    yield f"  - {redline(pair)}"


def _clause_item(pair: Pair) -> Iterator[str]:
    clauses = pair.new or pair.old
    facts = _facts(pair_location(pair), wording.about(pair), certainty_note(pair), corrected_note(pair))
    yield f"- **{markdown_inline(wording.stance_phrase(clauses))}** {facts}: {redline(pair)}"


def _reworded_item(pair: Pair) -> Iterator[str]:
    reason = shift_note(pair)
    facts = _facts(pair_location(pair), certainty_note(pair), corrected_note(pair), reason)
    yield f"- {facts}: {redline(pair)}"


def _rearranged_item(pair: Pair) -> Iterator[str]:
    yield f"- **{pair.status.value}** {_facts(pair_location(pair), wording.about(pair))}: {redline(pair)}"


def _names(report: Report) -> Iterator[str]:
    for label, changes in report.names:
        if not changes:
            continue
        yield f"### {label} ({len(changes)})"
        yield ""
        for change in changes:
            places = markdown_inline(", ".join(change.places))
            yield f"- **{markdown_inline(change.name)}** {_facts(change.roles)}: {places}"
        yield ""


def _appendix(report: Report) -> Iterator[str]:
    pairs = report.appendix
    yield "<details>"
    yield f"<summary>Show all {len(pairs)} clause pairs</summary>"
    yield ""
    yield _row(("#", "Status", "Old", "New", "Text (deleted ~~struck~~, inserted **bold**)", "Note"))
    yield _row(("---:", "---", "---", "---", "---", "---"))
    for number, pair in enumerate(pairs, start=1):
        cells = (str(number), pair.status.value, location(pair.old) or "–", location(pair.new) or "–")
        yield _row((*cells, redline(pair), markdown_inline(wording.note(pair))))
    yield ""
    yield "</details>"


_SECTIONS: dict[str, Callable[[Report], Iterable[str]]] = {
    "key": _key,
    "uncertain": _uncertain,
    "glance": _glance,
    "hardened": lambda report: _items(report.hardened, _shifted_item),
    "softened": lambda report: _items(report.softened, _shifted_item),
    "mixed": lambda report: _items(report.mixed, _shifted_item),
    "new": lambda report: _grouped(report.new, _clause_item),
    "dropped": lambda report: _grouped(report.dropped, _clause_item),
    "names": _names,
    "reworded": lambda report: _grouped(report.reworded, _reworded_item),
    "rearranged": lambda report: _items(report.rearranged.pairs, _rearranged_item, report.rearranged.more),
    "appendix": _appendix,
}
"""What follows each section's heading, by key of ``wording.HEADINGS`` (``sections.shown_sections``
says which sections show, in order)."""
