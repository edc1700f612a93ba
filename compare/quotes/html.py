"""``jointdiff quotes`` as one self-contained HTML page: no network, no scripts, prints cleanly.

The same sections as the Markdown view (``markdown``): totals, every quotation with where it
was found and its flags, each altered quotation's redline (``<del>`` for the statement's words
the article dropped, ``<ins>`` for what it put instead), the framing of the reporter's verbs, and
the statement's stances by kind, quoted, paraphrased or left out. Styles are inline and a
Content-Security-Policy forbids loading anything, so the page opens offline and from an
e-mail. Every piece of document text passes through
``compare.render.page.html_text``: it is shown, never obeyed.
"""

from __future__ import annotations

from collections.abc import Iterator

from compare.quotes import views
from compare.quotes.model import FLAG_KINDS, QuoteCheck, QuoteReport
from compare.render.page import REDLINE_MARKS, html_page, html_text

__all__ = ["render"]

_CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --del-bg: #ffebe9; --del-ink: #82071e; --ins-bg: #dafbe1; --ins-ink: #0f5323;
  --flag: #b35900; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
.totals { font-weight: 600; }
.muted, .where { color: var(--muted); }
table { border-collapse: collapse; font-size: .93rem; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
.table-wrap { overflow-x: auto; }
del { background: var(--del-bg); color: var(--del-ink); }
ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: none; font-weight: 600; }
ul.items { list-style: none; padding: 0; }
ul.items > li { margin: .6rem 0; padding: .5rem .75rem; border-left: 4px solid var(--flag); background: var(--panel); }
.status { font-weight: 700; white-space: nowrap; }
.altered { color: var(--flag); }
.fine { color: var(--ok); }
.flag { color: var(--flag); font-weight: 600; }
@media (max-width: 40rem) { body { font-size: 15px; } main { padding: .75rem; } }
@media print { ul.items > li, tr { break-inside: avoid; }
  del, ins, ul.items > li { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def render(report: QuoteReport, *, color: bool = False) -> str:
    """The report as a complete HTML document, ending in a newline (``color`` is ignored)."""
    title = f"Quotations checked: {report.article.title or report.article.path}"
    page = html_page(title, generator="jointdiff quotes", css=_CSS, body=_body(report, title))
    return "\n".join(page) + "\n"


def _body(report: QuoteReport, title: str) -> Iterator[str]:
    yield f"<h1>{html_text(title)}</h1>"
    yield "<ul>"
    yield f"<li><strong>Article:</strong> {html_text(views.document_line(report.article))}</li>"
    yield f"<li><strong>Statement:</strong> {html_text(views.document_line(report.statement))}</li>"
    yield "</ul>"
    yield f'<p class="totals">{html_text(views.quotation_summary(report))}. {html_text(views.coverage_line(report))}.</p>'
    yield from _quotations(report)
    yield from _changed(report)
    yield from _framing(report)
    yield from _coverage(report)
    yield from _legend(report)


def _quotations(report: QuoteReport) -> Iterator[str]:
    yield '<h2 id="quotations">Quotations</h2>'
    yield '<div class="table-wrap"><table>'
    yield "<thead><tr><th>#</th><th>status</th><th>quotation</th><th>article</th><th>statement</th><th>flags</th><th>framing</th></tr></thead>"
    yield "<tbody>"
    for check in report.checks:
        css = "altered" if check.altered else "fine" if check.from_statement else "muted"
        flags = ", ".join(item.kind for item in check.flags)
        framing = check.framing.direction if check.framing else ""
        yield (
            f"<tr><td>{check.quotation.index}</td><td class=\"status {css}\">{html_text(views.status_word(check))}</td>"
            f"<td>“{html_text(check.quotation.text)}”</td><td>{html_text(views.where_in_article(check))}</td>"
            f"<td>{html_text(views.where_in_statement(check))}</td><td class=\"flag\">{html_text(flags)}</td><td>{html_text(framing)}</td></tr>"
        )
    yield "</tbody></table></div>"


def _changed(report: QuoteReport) -> Iterator[str]:
    altered = [check for check in report.checks if check.altered]
    yield '<h2 id="changed">What the article changed</h2>'
    if not altered:
        yield '<p class="muted">Every quotation of the statement is its words, as the article attributes them.</p>'
        return
    yield '<ul class="items">'
    for check in altered:
        yield from _altered(check)
    yield "</ul>"


def _altered(check: QuoteCheck) -> Iterator[str]:
    quotation = check.quotation
    yield "<li>"
    yield f"<p><strong>[{quotation.index}] {html_text(views.status_word(check))}</strong>: “{html_text(quotation.text)}”</p>"
    yield f'<p class="where">Article: {html_text(views.said_line(check))}</p>'
    if not check.pieces:
        yield f"<p>Statement: {views.not_found_line(check)}.</p>"
    for piece in check.pieces:
        words = views.redline(piece, html_text, REDLINE_MARKS)
        yield f"<p>Statement {html_text(views.where_in_piece(piece))}: {words}</p>"
    if check.note:
        yield f'<p class="muted">Note: {html_text(check.note)}</p>'
    if check.flags:
        yield "<ul>"
        for item in check.flags:
            yield f'<li><span class="flag">{html_text(item.kind)}</span>: {html_text(item.detail)}</li>'
        yield "</ul>"
    if check.framing is not None:
        yield f"<p>Framing: {html_text(views.framing_line(check))}</p>"
    if not check.from_statement:
        yield f'<p class="muted">Not counted: {html_text(views.not_counted_reason(check))}</p>'
    yield "</li>"


def _framing(report: QuoteReport) -> Iterator[str]:
    framed = [check for check in report.checks if check.framing is not None]
    narrated = [item for item in report.coverage if item.framing is not None]
    yield '<h2 id="framing">Framing</h2>'
    if not framed and not narrated:
        yield '<p class="muted">The article\u2019s own verbs characterise no quotation.</p>'
        return
    if framed:
        yield "<table><thead><tr><th>#</th><th>reporter\u2019s words</th><th>statement\u2019s stance</th><th>reporter is</th></tr></thead><tbody>"
        for check in framed:
            framing = check.framing
            assert framing is not None
            yield (
                f"<tr><td>{check.quotation.index}</td><td>{html_text(framing.verb)} ({html_text(framing.reporter)})</td>"
                f"<td>{html_text(framing.statement or '(no stance word)')}</td><td><strong>{html_text(framing.direction)}</strong></td></tr>"
            )
        yield "</tbody></table>"
    if narrated:
        yield "<ul>"
        for item in narrated:
            framing = item.framing
            assert framing is not None
            yield (
                f"<li>¶{item.paragraph} s{item.sentence}, in the article\u2019s own words “{html_text(item.paraphrase)}”: "
                f"<strong>{html_text(framing.direction)}</strong>: {html_text(framing.reason)}</li>"
            )
        yield "</ul>"


def _coverage(report: QuoteReport) -> Iterator[str]:
    yield '<h2 id="coverage">Coverage</h2>'
    yield f"<p>{html_text(views.coverage_line(report))}.</p>"
    for kind, items in views.coverage_groups(report):
        yield f"<h3>{html_text(kind)} ({len(items)})</h3>"
        yield '<div class="table-wrap"><table>'
        yield "<thead><tr><th>where</th><th>reported</th><th>sentence</th><th>targets</th></tr></thead><tbody>"
        for item in items:
            state = views.coverage_state(item)
            css = "muted" if state == "left out" else "fine"
            yield (
                f"<tr><td>¶{item.paragraph} s{item.sentence}</td><td class=\"{css}\">{html_text(state)}</td>"
                f"<td>{html_text(item.text)}</td><td>{html_text(', '.join(item.targets))}</td></tr>"
            )
        yield "</tbody></table></div>"


def _legend(report: QuoteReport) -> Iterator[str]:
    used = sorted({item.kind for check in report.checks for item in check.flags})
    if not used:
        return
    yield '<h2 id="flags">Reading the flags</h2>'
    yield "<dl>"
    for kind in used:
        yield f"<dt><strong>{html_text(kind)}</strong></dt><dd>{html_text(FLAG_KINDS[kind])}</dd>"
    yield "</dl>"
