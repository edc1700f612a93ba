"""The series as a briefing: Markdown to paste, or one self-contained HTML page.

Both formats hold the same sections, in order: the versions, the totals, the **timeline** (a
row per thread, a column per version, the signs of ``compare.series.common``), a **chart per
target** (concerns and commitments naming it in each version and their highest intensity,
``compare.series.chart``) and the **changes** of each thread version by version, as redlines.
The HTML page draws the charts as inline SVG and loads nothing (a Content-Security-Policy
forbids it to); the Markdown report shows each chart's figures as a table, and links the chart
as an SVG file where the command wrote one beside it (``chart_files``). Every piece of
document text passes through ``compare.safe``: ``markdown_inline`` for Markdown,
``plain`` (through ``compare.render.page.html_text``) for HTML.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from compare.model import Pair
from compare.render.common import marked_words, shift_note
from compare.render.markdown import redline
from compare.render.page import REDLINE_MARKS, html_page, html_text
from compare.safe import markdown_inline
from compare.series.chart import TargetChart, chart_svg
from compare.series.common import CHANGE_SIGN, LEGEND, cell_sign, summary_line, thread_text
from compare.series.model import Change, Series, Step, Thread

__all__ = ["REPORT_FORMATS", "render_markdown", "render_html"]

REPORT_FORMATS = ("markdown", "html")
_CHART_ROWS = (
    ("concerns", "concerns"),
    ("commitments", "commitments"),
    ("highest concern intensity", "concern_intensity"),
    ("highest commitment intensity", "commitment_intensity"),
)
_QUIET = (Change.UNCHANGED, Change.ABSENT)
"""Steps the changes section leaves out: the timeline already says them."""


def default_title(series: Series) -> str:
    """The report's heading when none is given."""
    latest = series.versions[-1].document
    name = latest.title or latest.path.rsplit("/", 1)[-1]
    return f"{name}: {len(series.versions)} versions, clause by clause"


def _step_facts(step: Step, series: Series) -> str:
    """"v3 2024-12-17, reworded, likely link (0.66), after v1" for one step."""
    version = series.versions[step.version]
    facts = [f"{version.id} {version.label}", step.change.value]
    pair = step.pair
    if pair is not None:
        if pair.score is not None and pair.status.value != "unchanged":
            facts.append(f"similarity {pair.score:g}")
        if not step.is_sure:
            facts.append(f"{pair.certainty} link ({pair.confidence:.2f})")
        if pair.routine:
            facts.append("routine")
    if step.since is not None:
        facts.append(f"last seen in {series.versions[step.since].id}")
    return ", ".join(facts)


def _changed_steps(thread: Thread) -> list[Step]:
    return [step for step in thread.steps if step.change not in _QUIET]


# --------------------------------------------------------------------------------------------
# Markdown


def render_markdown(
    series: Series,
    threads: Sequence[Thread],
    charts: Sequence[TargetChart],
    *,
    title: str | None = None,
    filter_note: str = "",
    chart_files: Mapping[str, str] | None = None,
) -> str:
    """The series as GitHub-flavoured Markdown, ending in a newline.

    Args:
        charts: the per-target charts (``target_charts``).
        chart_files: target -> relative path of its SVG file, where one was written.
    """
    return "\n".join(_markdown(series, threads, charts, title, filter_note, chart_files or {})) + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _markdown(
    series: Series,
    threads: Sequence[Thread],
    charts: Sequence[TargetChart],
    title: str | None,
    filter_note: str,
    chart_files: Mapping[str, str],
) -> Iterator[str]:
    yield f"# {markdown_inline(title or default_title(series))}"
    yield ""
    yield _row(("Version", "Date", "Symbol", "Title", "File"))
    yield _row(("---",) * 5)
    for version in series.versions:
        document = version.document
        symbol = dict(document.metadata).get("symbol", "")
        cells = (version.id, document.date or "", symbol, document.title or "", document.path)
        yield _row([markdown_inline(cell) for cell in cells])
    yield ""
    yield f"**{markdown_inline(summary_line(series, threads))}.**"
    yield ""
    if filter_note:
        yield f"*{markdown_inline(filter_note)}: {len(threads)} of {len(series.threads)} threads.*"
        yield ""
    yield "## Timeline"
    yield ""
    yield markdown_inline(
        "One row per thread (a clause followed through the versions), one column per version. " + LEGEND + "."
    )
    yield ""
    if threads:
        yield _row(("Thread", *(version.id for version in series.versions), "Latest wording"))
        yield _row(("---:", *(":---:" for _ in series.versions), "---"))
        for thread in threads:
            signs = [markdown_inline(cell_sign(step)) for step in thread.steps]
            yield _row((str(thread.number), *signs, markdown_inline(thread_text(thread))))
    else:
        yield "*No thread passes the filters.*"
    yield ""
    yield "## Charts by target"
    yield ""
    yield markdown_inline(
        "For each target, how many concerns and commitments name it in each version, and the "
        "highest intensity (rung on the kind's ladder) among them."
    )
    yield ""
    if not charts:
        yield "*No concern or commitment names a target.*"
        yield ""
    for chart in charts:
        yield f"### {markdown_inline(chart.target)}"
        yield ""
        if chart.target in chart_files:
            yield f"![{markdown_inline(chart.target)}]({chart_files[chart.target]})"
            yield ""
        yield _row(("", *(markdown_inline(label) for label in chart.versions)))
        yield _row(("---", *("---:" for _ in chart.versions)))
        for name, attribute in _CHART_ROWS:
            yield _row((name, *(str(value) for value in getattr(chart, attribute))))
        yield ""
    yield "## Changes by thread"
    yield ""
    changed = [thread for thread in threads if thread.has_changes]
    if not changed:
        yield "*No thread changed.*"
        yield ""
    for thread in changed:
        yield f"### Thread {thread.number}"
        yield ""
        for step in _changed_steps(thread):
            sign = markdown_inline(CHANGE_SIGN[step.change])
            yield f"- {sign} **{markdown_inline(_step_facts(step, series))}**{_markdown_text(step)}"
        yield ""


def _markdown_text(step: Step) -> str:
    if not step.clauses:
        return ""
    note = _shift(step.pair)
    text = redline(step.pair) if step.pair is not None and step.pair.words else markdown_inline(
        " ".join(clause.text for clause in step.clauses)
    )
    return (f" *{markdown_inline(note)}*" if note else "") + f": {text}"


def _shift(pair: Pair | None) -> str:
    return "" if pair is None else shift_note(pair)


# --------------------------------------------------------------------------------------------
# HTML

_CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --del-bg: #ffebe9; --del-ink: #82071e; --ins-bg: #dafbe1; --ins-ink: #0f5323;
  --hardened: #b35900; --softened: #0550ae; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 80rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.3rem; margin-top: 2.25rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.note { color: var(--muted); }
.totals { font-weight: 600; }
.table-wrap { overflow-x: auto; margin: .5rem 0; }
table { border-collapse: collapse; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
td.cell { text-align: center; font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td.first, td.returned { background: var(--ins-bg); }
td.dropped { background: var(--del-bg); }
td.reworded, td.moved { background: #fff8c5; }
td.hardened { background: #ffd8b5; font-weight: 700; color: var(--hardened); }
td.softened { background: #ddf4ff; font-weight: 700; color: var(--softened); }
td.absent, td.unchanged { color: var(--muted); }
table.timeline td.wording { min-width: 24rem; }
figure { margin: .5rem 0 1rem; }
figure svg { max-width: 100%; height: auto; }
del { background: var(--del-bg); color: var(--del-ink); }
ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: none; font-weight: 600; }
ul.steps { list-style: none; padding: 0; }
ul.steps > li { margin: .4rem 0; padding: .4rem .7rem; border-left: 4px solid var(--line); background: var(--panel); }
ul.steps > li.hardened { border-left-color: var(--hardened); }
ul.steps > li.softened { border-left-color: var(--softened); }
.facts { font-weight: 600; }
.shift { font-style: italic; }
@media print { ul.steps > li, tr, figure { break-inside: avoid; } h2, h3 { break-after: avoid; } }
"""


def render_html(
    series: Series,
    threads: Sequence[Thread],
    charts: Sequence[TargetChart],
    *,
    title: str | None = None,
    filter_note: str = "",
) -> str:
    """The series as one self-contained HTML page (charts inline), ending in a newline."""
    title = title or default_title(series)
    page = html_page(title, generator="jointdiff series", css=_CSS, body=_html(series, threads, charts, title, filter_note))
    return "\n".join(page) + "\n"


def _html(
    series: Series, threads: Sequence[Thread], charts: Sequence[TargetChart], title: str, filter_note: str
) -> Iterator[str]:
    yield f"<h1>{html_text(title)}</h1>"
    yield '<div class="table-wrap"><table class="versions">'
    yield "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in ("Version", "Date", "Symbol", "Title", "File"))
    yield "</tr></thead><tbody>"
    for version in series.versions:
        document = version.document
        cells = (document.date or "", dict(document.metadata).get("symbol", ""), document.title or "", document.path)
        yield f'<tr><th scope="row">{version.id}</th>' + "".join(f"<td>{html_text(c)}</td>" for c in cells) + "</tr>"
    yield "</tbody></table></div>"
    yield f'<p class="totals">{html_text(summary_line(series, threads))}.</p>'
    if filter_note:
        yield f'<p class="note"><em>{html_text(filter_note)}: {len(threads)} of {len(series.threads)} threads.</em></p>'
    yield from _html_timeline(series, threads)
    yield from _html_charts(charts)
    yield from _html_changes(series, threads)


def _html_timeline(series: Series, threads: Sequence[Thread]) -> Iterator[str]:
    yield '<section id="timeline">'
    yield "<h2>Timeline</h2>"
    yield f'<p class="note">One row per thread (a clause followed through the versions), one column per version. {html_text(LEGEND)}.</p>'
    if not threads:
        yield '<p class="note"><em>No thread passes the filters.</em></p>'
        yield "</section>"
        return
    yield '<div class="table-wrap"><table class="timeline">'
    heads = "".join(
        f'<th scope="col" title="{html_text(version.label)}">{version.id}</th>' for version in series.versions
    )
    yield f'<thead><tr><th scope="col">Thread</th>{heads}<th scope="col">Latest wording</th></tr></thead>'
    yield "<tbody>"
    for thread in threads:
        cells = "".join(
            f'<td class="cell {step.change.value}" title="{html_text(series.versions[step.version].id + " " + step.change.value)}">'
            f"{html_text(cell_sign(step))}</td>"
            for step in thread.steps
        )
        yield (
            f'<tr><td class="number"><a href="#thread-{thread.number}">{thread.number}</a></td>{cells}'
            f'<td class="wording">{html_text(thread_text(thread))}</td></tr>'
        )
    yield "</tbody></table></div>"
    yield "</section>"


def _html_charts(charts: Sequence[TargetChart]) -> Iterator[str]:
    yield '<section id="charts">'
    yield "<h2>Charts by target</h2>"
    yield (
        '<p class="note">For each target, how many concerns and commitments name it in each version, and the '
        "highest intensity (rung on the kind's ladder) among them.</p>"
    )
    if not charts:
        yield '<p class="note"><em>No concern or commitment names a target.</em></p>'
    for number, chart in enumerate(charts, start=1):
        yield f"<h3>{html_text(chart.target)}</h3>"
        yield f'<figure role="img" aria-label="{html_text("Concerns and commitments naming " + chart.target + " by version")}">'
        yield chart_svg(chart, prefix=f"chart-{number}")
        yield "</figure>"
    yield "</section>"


def _html_changes(series: Series, threads: Sequence[Thread]) -> Iterator[str]:
    yield '<section id="changes">'
    yield "<h2>Changes by thread</h2>"
    changed = [thread for thread in threads if thread.has_changes]
    if not changed:
        yield '<p class="note"><em>No thread changed.</em></p>'
    for thread in changed:
        yield f'<h3 id="thread-{thread.number}">Thread {thread.number}</h3>'
        yield '<ul class="steps">'
        for step in _changed_steps(thread):
            note = _shift(step.pair)
            shift = f' <span class="shift">{html_text(note)}</span>' if note else ""
            body = f"<br>{_html_redline(step)}" if step.clauses else ""
            sign = html_text(CHANGE_SIGN[step.change])
            yield (
                f'<li class="{step.change.value}">{sign} <span class="facts">{html_text(_step_facts(step, series))}</span>'
                f"{shift}{body}</li>"
            )
        yield "</ul>"
    yield "</section>"


def _html_redline(step: Step) -> str:
    pair = step.pair
    if pair is None or not pair.words:
        return html_text(" ".join(clause.text for clause in step.clauses))
    return marked_words(pair.words, html_text, REDLINE_MARKS)
