"""``jointdiff report``: the change report of two statements, as Markdown or one HTML file.

The command reads both inputs with ``compare.console.read_pair``, runs the pipeline, filters the
pairs (``compare.filters.PairFilter``) and writes ``compare.report.render_report`` to standard
output or to ``-o FILE``. At module scope it imports only the standard library, click and light
modules (``compare.console``, ``compare.errors``, ``compare.model``, ``compare.options`` and
``compare.report``); the pipeline loads inside the command, so ``jointdiff --help`` stays fast.
"""

from __future__ import annotations

import click

from compare.console import format_for, inputs, output_path, read_pair, report_findings, write_output
from compare.errors import ExitCode
from compare.model import Kind
from compare.options import Settings, comparison_options, format_option, output_option, pair_arguments
from compare.report import REPORT_FORMATS, render_report

__all__ = ["report"]

@click.command("report")
@pair_arguments
@output_option("Write the report to FILE instead of standard output.")
@format_option(
    REPORT_FORMATS,
    default=None,
    description="Report format [default: html when FILE ends in .html, else markdown].",
)
@click.option("--title", default=None, help="Heading of the report [default: names both documents].")
@click.option("--label-old", metavar="NAME", default=None, help="Name the old file NAME in the report instead of its path.")
@click.option("--label-new", metavar="NAME", default=None, help="Name the new file NAME in the report instead of its path.")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(tuple(kind.value for kind in Kind)),
    help="Only clauses of this kind (repeatable).",
)
@click.option(
    "--target",
    "targets",
    multiple=True,
    metavar="NAME",
    help="Only clauses naming this target, e.g. China (repeatable).",
)
@click.option("--topic", "topics", multiple=True, metavar="TOPIC", help="Only clauses on this topic (repeatable).")
@click.option("--only-changes", is_flag=True, help="Leave unchanged clauses out of the appendix and the counts.")
@click.option("--example", is_flag=True, help="Report on the bundled example pair.")
@comparison_options
def report(
    old: str | None,
    new: str | None,
    output: str | None,
    fmt: str | None,
    title: str | None,
    label_old: str | None,
    label_new: str | None,
    kinds: tuple[str, ...],
    targets: tuple[str, ...],
    topics: tuple[str, ...],
    only_changes: bool,
    example: bool,
    settings: Settings,
) -> ExitCode:
    """Write a change report from OLD to NEW that reads without a terminal.

    The report opens with the key changes by country or body named (uncertain ones apart),
    totals and a table at a glance, then lists what hardened, softened, is new, was dropped, was
    reworded (as a redline) or moved, within a length budget of about a third of the two texts'
    words, and ends with every clause pair, folded. Routine changes (dates, session numbers) are
    counted and shown only at the end. Files are named as given (an absolute path by its name
    only), or as --label-old and --label-new say.

    OLD and NEW are .txt, .md, .html or .pdf statements ('-' reads standard input).
    Exit status: 0 no differences among the reported clauses, 1 differences, 2 trouble.
    """
    from compare.filters import PairFilter

    old_path, new_path = inputs(old, new, example)
    destination = output_path(output, noun="report", inputs=(old_path, new_path))
    fmt = fmt or format_for(destination, tuple(REPORT_FORMATS), fallback="markdown")
    documents = read_pair(old_path, new_path)
    comparison = settings.compare(*documents)
    report_findings(comparison, documents[1])
    pair_filter = PairFilter(
        kinds=frozenset(kinds), targets=frozenset(targets), topics=frozenset(topics), only_changes=only_changes
    )
    text = render_report(comparison, fmt=fmt, title=title, pair_filter=pair_filter, labels=(label_old, label_new))
    if destination is None:
        click.echo(text, nl=False)
    else:
        write_output(destination, text, noun="report")
    shown = pair_filter.apply(comparison.pairs)
    return ExitCode.DIFFERENT if any(pair.has_changes for pair in shown) else ExitCode.SAME

