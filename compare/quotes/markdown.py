"""Markdown output of ``jointdiff quotes``: a fact-check to paste into a wiki, an issue or a
briefing.

Sections: a header with both documents and the totals; **Quotations**, one table row each
(status, the quotation, where it stands in the article and in the statement, its flags, the
reporter's framing); **What the article changed**, each altered or unfound quotation with its
redline (the statement's words struck through, the article's in bold) and every flag;
**Framing**, the reporter's verbs against the statement's; **Coverage**, the statement's
stances by kind, quoted, paraphrased or left out. Every piece of document text passes through
``compare.safe.markdown_inline``: shown, never obeyed.
"""

from __future__ import annotations

from collections.abc import Iterator

from compare.quotes import views
from compare.quotes.model import FLAG_KINDS, Framing, QuoteCheck, QuoteReport
from compare.render.markdown import REDLINE_MARKS
from compare.safe import markdown_inline as md

__all__ = ["render"]


def render(report: QuoteReport, *, color: bool = False) -> str:
    """The report as Markdown (``color`` is ignored)."""
    return "\n".join(_lines(report)).rstrip("\n") + "\n"


def _lines(report: QuoteReport) -> Iterator[str]:
    title = report.article.title or report.article.path
    yield f"# Quotations checked: {md(title)}"
    yield ""
    yield f"- **Article:** {md(views.document_line(report.article))}"
    yield f"- **Statement:** {md(views.document_line(report.statement))}"
    yield ""
    yield f"**{md(views.quotation_summary(report))}.** {md(views.coverage_line(report))}."
    yield ""
    yield "## Quotations"
    yield ""
    yield "| # | status | quotation | article | statement | flags | framing |"
    yield "| ---: | --- | --- | --- | --- | --- | --- |"
    for check in report.checks:
        flags = ", ".join(item.kind for item in check.flags)
        framing = check.framing.direction if check.framing else ""
        yield (
            f"| {check.quotation.index} | {md(views.status_sign(check) + ' ' + views.status_word(check))} | "
            f"“{md(_short(check.quotation.text, 120))}” | {md(views.where_in_article(check))} | "
            f"{md(views.where_in_statement(check))} | {md(flags)} | {md(framing)} |"
        )
    yield ""
    altered = [check for check in report.checks if check.altered]
    yield "## What the article changed"
    yield ""
    if not altered:
        yield "*Every quotation of the statement is its words, as the article attributes them.*"
        yield ""
    for check in altered:
        yield from _altered(check)
    framed = [check for check in report.checks if check.framing is not None]
    narrated = [item for item in report.coverage if item.framing is not None]
    yield "## Framing"
    yield ""
    if not framed and not narrated:
        yield "*The article's own verbs characterise no quotation.*"
        yield ""
    if framed:
        yield "| # | reporter's words | statement's stance | reporter is |"
        yield "| ---: | --- | --- | --- |"
        for check in framed:
            framing = check.framing
            assert framing is not None
            yield (
                f"| {check.quotation.index} | {md(framing.verb)} ({md(framing.reporter)}) | "
                f"{md(framing.statement or '(no stance word)')} | **{md(framing.direction)}** |"
            )
        yield ""
    for item in narrated:
        framing = item.framing
        assert framing is not None
        yield f"- ¶{item.paragraph} s{item.sentence}, in the article's own words “{md(_short(item.paraphrase, 140))}”: {md(_framing_words(framing))}"
    if narrated:
        yield ""
    yield "## Coverage"
    yield ""
    yield md(views.coverage_line(report)) + "."
    yield ""
    for kind, items in views.coverage_groups(report):
        yield f"### {md(kind)} ({len(items)})"
        yield ""
        yield "| where | reported | sentence | targets |"
        yield "| --- | --- | --- | --- |"
        for item in items:
            yield (
                f"| ¶{item.paragraph} s{item.sentence} | {md(views.coverage_state(item))} | {md(_short(item.text, 160))} | "
                f"{md(', '.join(item.targets))} |"
            )
        yield ""
    yield "## Reading the flags"
    yield ""
    used = sorted({item.kind for check in report.checks for item in check.flags})
    for kind in used:
        yield f"- **{md(kind)}**: {md(FLAG_KINDS[kind])}"
    if not used:
        yield "*No flags.*"


def _framing_words(framing: Framing) -> str:
    sign = {"stronger": "▲", "weaker": "▼", "same": "="}.get(framing.direction, "?")
    return f"{sign} {framing.direction}: {framing.reason}"


def _altered(check: QuoteCheck) -> Iterator[str]:
    quotation = check.quotation
    yield f"### [{quotation.index}] {md(views.status_word(check))}: “{md(_short(quotation.text, 160))}”"
    yield ""
    yield "- **Article:** " + md(views.said_line(check))
    if not check.pieces:
        yield f"- **Statement:** {views.not_found_line(check)}"
    for piece in check.pieces:
        words = views.redline(piece, md, REDLINE_MARKS)
        yield f"- **Statement {md(views.where_in_piece(piece))}:** {words}"
    if check.note:
        yield f"- **Note:** {md(check.note)}"
    for item in check.flags:
        yield f"- **{md(item.kind)}**: {md(item.detail)}"
    if check.framing is not None:
        yield f"- **Framing:** {md(views.framing_line(check))}"
    if not check.from_statement:
        yield f"- *Not counted: {md(views.not_counted_reason(check))}*"
    yield ""


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
