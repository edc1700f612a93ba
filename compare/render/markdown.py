"""Markdown output of ``jointdiff diff``: a plain listing that renders on GitHub.

A heading naming both documents, a table of counts per status, then one list item per pair
with its status, positions and text; deleted words struck through, inserted words in bold.
Document text is escaped (``compare.safe.markdown_inline``) so it is shown, never obeyed. The
full briefing report is ``jointdiff report``.
"""

from __future__ import annotations

from collections.abc import Iterator

from compare.model import Comparison, Document, Pair, Status
from compare.render.common import (
    certainty_note,
    corrected_note,
    marked_words,
    pair_location,
    shift_note,
    summary_line,
)
from compare.safe import markdown_inline

__all__ = ["REDLINE_MARKS", "document_line", "redline", "render"]

REDLINE_MARKS = {"equal": "{}", "delete": "~~{}~~", "insert": "**{}**"}
"""Deleted words struck through, inserted words in bold (``render.common.marked_words``)."""


def render(comparison: Comparison, *, color: bool = False, only_changes: bool = False) -> str:
    """The comparison as GitHub-flavoured Markdown (``color`` is ignored)."""
    return "\n".join(_lines(comparison, only_changes=only_changes)) + "\n"


def document_line(label: str, document: Document) -> str:
    """A bullet naming one document: path, title and date, all escaped."""
    details = [markdown_inline(document.path)]
    if document.title:
        details.append(markdown_inline(document.title))
    if document.date:
        details.append(markdown_inline(document.date))
    return f"- **{label}:** " + ", ".join(details)


def redline(pair: Pair) -> str:
    """The pair's new text with deletions struck through and insertions in bold."""
    if not pair.words:
        return markdown_inline(" ".join(clause.text for clause in (pair.new or pair.old)))
    return marked_words(pair.words, markdown_inline, REDLINE_MARKS)


def _lines(comparison: Comparison, *, only_changes: bool) -> Iterator[str]:
    yield "# Clause-by-clause comparison"
    yield ""
    yield document_line("Old", comparison.old)
    yield document_line("New", comparison.new)
    yield ""
    yield summary_line(comparison) + "."
    yield ""
    yield "| Status | Pairs |"
    yield "| --- | ---: |"
    for status, count in comparison.summary.items():
        yield f"| {status} | {count} |"
    yield ""
    yield "## Pairs"
    yield ""
    for pair in comparison.pairs:
        if only_changes and not pair.has_changes:
            continue
        score = f", score {pair.score:g}" if pair.score is not None and pair.status is not Status.UNCHANGED else ""
        routine = ", routine" if pair.routine else ""
        certainty = certainty_note(pair)
        routine += f", {certainty}" if certainty else ""
        routine += f", {corrected_note(pair)}" if pair.corrected else ""
        note = shift_note(pair)
        shift = f" **{markdown_inline(note)}**" if note else ""
        yield f"- **{pair.status.value}** ({pair_location(pair)}{score}{routine}){shift}: {redline(pair)}"
