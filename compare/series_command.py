"""``jointdiff series``: a statement's versions in order, each clause followed through them.

The command reads every version (a folder stands for its statements, ``compare.series.order``),
orders them by date, UN symbol or as given, compares each with the next using the same
settings as ``diff`` (``compare.options``), follows every clause through the series
(``compare.series.build``) and shows the threads a filter lets through: a timeline in the
terminal, a Markdown or HTML report with a chart per target, JSON, CSV, or the review app's
timeline screen (``--review``). At module scope it imports only the standard library, click,
``compare.console`` and ``compare.options``; the pipeline, pandas, matplotlib and Textual load inside the command,
and only the ones the chosen view needs.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from compare.console import (
    format_for,
    output_path,
    read_keys_from_terminal,
    read_one,
    use_color,
    warn,
    write_output,
)
from compare.options import (
    INPUT_PATH,
    Settings,
    color_option,
    comparison_options,
    format_option,
    output_option,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from compare.errors import ExitCode
    from compare.model import Document
    from compare.series.chart import TargetChart
    from compare.series.model import Series, Thread
    from compare.series.select import ThreadFilter

__all__ = ["series"]

_FORMATS = ("terminal", "markdown", "html", "json", "csv")
_KINDS = ("commitment", "concern", "position", "welcome", "call", "decision", "other")


def _date_bound(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    """A --since or --until value as given, when ``series.order.in_range`` can take it."""
    from compare.series.order import is_date_bound  # noqa: PLC0415  (only when the option is given)

    if value is None or is_date_bound(value):
        return value
    raise click.BadParameter(f"{value!r} is not a date (write 2021, 2021-06 or 2021-06-13)")


@click.command("series")
@click.argument("inputs", nargs=-1, metavar="FILE... | DIR", type=INPUT_PATH)
@click.option(
    "--order",
    type=click.Choice(("date", "given")),
    default="date",
    show_default=True,
    help="Order the versions by date (front matter, text, UN symbol or file name) or as given.",
)
@click.option(
    "--since", metavar="DATE", callback=_date_bound,
    help="Only versions dated on or after DATE (2021, 2021-06 or 2021-06-13).",
)
@click.option("--until", metavar="DATE", callback=_date_bound, help="Only versions dated on or before DATE.")
@click.option("--target", "targets", multiple=True, metavar="NAME", help="Only threads naming this target (repeatable).")
@click.option("--topic", "topics", multiple=True, metavar="TOPIC", help="Only threads on this topic (repeatable).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(_KINDS), help="Only threads of this kind (repeatable).")
@click.option("--text", "text", metavar="REGEX", help="Only threads whose wording matches REGEX (any case).")
@click.option("--only-changes", is_flag=True, help="Leave out threads that never changed.")
@format_option(
    _FORMATS,
    default=None,
    description="Output format [default: html when FILE ends in .html, markdown when .md, else terminal].",
)
@output_option("Write to FILE instead of standard output (Markdown also writes its charts beside it).")
@click.option("--title", default=None, help="Heading of a Markdown or HTML report.")
@click.option("--review", is_flag=True, help="Open the series in the review app's timeline.")
@comparison_options
@color_option("the timeline")
def series(
    inputs: tuple[str, ...],
    order: str,
    since: str | None,
    until: str | None,
    targets: tuple[str, ...],
    topics: tuple[str, ...],
    kinds: tuple[str, ...],
    text: str | None,
    only_changes: bool,
    fmt: str | None,
    output: str | None,
    title: str | None,
    review: bool,
    settings: Settings,
    color: bool | None,
) -> ExitCode:
    """Follow every clause of a statement through its versions.

    FILE... are the versions (.txt, .md, .html or .pdf), or DIR a folder of them. Versions are
    ordered by date; consecutive ones are compared as 'jointdiff diff' compares them, and
    each clause is followed from its first version through each rewording, stance shift and
    move to the version that dropped it, and any return. Exit status: 0 nothing changed
    across the series (among the threads shown), 1 something did, 2 trouble.
    """
    from compare.errors import ExitCode, UsageError
    from compare.series.select import ThreadFilter, compile_text

    if not inputs:
        raise UsageError("give the versions (FILE... or a folder DIR); see --help")
    thread_filter = ThreadFilter(
        targets=frozenset(targets),
        topics=frozenset(topics),
        kinds=frozenset(kinds),
        text=compile_text(text),
        only_changes=only_changes,
    )
    paths = _paths(inputs)
    destination = output_path(output, noun="series report", inputs=paths)
    fmt = fmt or format_for(destination, _FORMATS)
    if review and (fmt != "terminal" or destination is not None):
        raise UsageError("--review opens the app: it takes no --format or --output")
    documents = _read_all(paths)
    if review:
        return _review(documents, order, since, until, thread_filter, settings, color)
    from compare.series.build import compare_series

    result = compare_series(
        documents, order=order, since=since, until=until, settings=settings, progress=_progress()
    )
    for version in result.versions[1:]:
        for warning in version.document.warnings[len(_by_path(documents)[version.document.path].warnings) :]:
            warn(warning)
    for warning in result.warnings:
        warn(warning)
    threads = thread_filter.apply(result)
    note = "Filtered (" + thread_filter.describe() + ")" if not thread_filter.is_empty else ""
    body = _render(result, threads, fmt, thread_filter, note, title, targets, destination, color)
    if destination is None:
        click.echo(body, nl=False, color=fmt == "terminal" and use_color(color))
    else:
        write_output(destination, body)
    return ExitCode.DIFFERENT if any(thread.has_changes for thread in threads) else ExitCode.SAME


def _render(
    result: Series,
    threads: Sequence[Thread],
    fmt: str,
    thread_filter: ThreadFilter,
    note: str,
    title: str | None,
    targets: tuple[str, ...],
    destination: Path | None,
    color: bool | None,
) -> str:
    """The shown threads of the series in the chosen format."""
    if fmt == "json":
        from compare.series.jsonfmt import render

        return render(result, threads, thread_filter)
    if fmt == "csv":
        from compare.frames import to_csv
        from compare.series.frame import series_frame

        return to_csv(series_frame(result, threads))
    if fmt == "terminal":
        from compare.series.timeline import render

        colored = use_color(color)
        width = shutil.get_terminal_size().columns if destination is None and sys.stdout.isatty() else None
        return render(result, threads, color=colored and destination is None, width=width, filter_note=note)
    from compare.series.chart import target_charts
    from compare.series.report import render_html, render_markdown

    charts = target_charts(result, threads, targets)
    if fmt == "html":
        return render_html(result, threads, charts, title=title, filter_note=note)
    files = _write_charts(destination, charts) if destination is not None else {}
    return render_markdown(result, threads, charts, title=title, filter_note=note, chart_files=files)


def _paths(inputs: tuple[str, ...]) -> list[str]:
    """The files to read: each FILE as given, each DIR's statements by name."""
    from compare.series.order import statement_files

    paths: list[str] = []
    for given in inputs:
        if given != "-" and Path(given).is_dir():
            paths.extend(str(path) for path in statement_files(Path(given)))
        else:
            paths.append(given)
    if paths.count("-") > 1:
        from compare.errors import UsageError

        raise UsageError("only one version can be '-' (standard input)")
    return paths


def _read_all(paths: list[str]) -> list[Document]:
    """Read every version, warnings to stderr; any error names the file."""
    return [read_one(path) for path in paths]


def _by_path(documents: list[Document]) -> dict[str, Document]:
    return {document.path: document for document in documents}


def _progress() -> Callable[[int, int], None] | None:
    """A progress line on standard error while comparing, when it is a terminal; else None."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\r\x1b[K" if done == total else "\r"
        click.echo(f"jointdiff: comparing versions {done}/{total}{end}", err=True, nl=False)

    return show


def _write_charts(destination: Path, charts: Sequence[TargetChart]) -> dict[str, str]:
    """Each chart as an SVG file beside a Markdown report ("briefing.chart-1.svg"); target ->
    its name relative to the report."""
    from compare.series.chart import chart_svg

    files = {}
    for number, chart in enumerate(charts, start=1):
        path = destination.with_name(f"{destination.stem}.chart-{number}.svg")
        write_output(path, chart_svg(chart, prefix=f"chart-{number}") + "\n")
        files[chart.target] = path.name
    return files


def _review(
    documents: list[Document],
    order: str,
    since: str | None,
    until: str | None,
    thread_filter: ThreadFilter,
    settings: Settings,
    color: bool | None,
) -> ExitCode:
    """Open the series in the review app; its exit status says whether it ran."""
    from compare.errors import ExitCode
    from compare.series.order import order_versions

    order_versions(documents, order)  # an undated version is one line on stderr before the app starts
    if "-" in (document.path for document in documents) and not sys.stdin.isatty():
        read_keys_from_terminal()
    from tui.series_app import SeriesApp

    app = SeriesApp(
        documents,
        order=order,
        since=since,
        until=until,
        thread_filter=thread_filter,
        settings=settings,
        color=color,
    )
    app.run()
    return ExitCode.TROUBLE if app.return_code else ExitCode.SAME

