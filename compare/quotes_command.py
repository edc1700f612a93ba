"""``jointdiff quotes``: check a news article's quotations against the statement they quote.

The command reads both inputs with ``compare.console.read_one`` (a missing, empty or unreadable
file is one line on stderr and exit status 2), runs ``compare.quotes.check_quotes`` and writes
the chosen view to standard output. Exit status: 0 when every quotation given as the
statement's words is its words (verbatim, or only typography, case and spelling differ) and is
attributed as the statement does; 1 when any is altered or not found; 2 on trouble. Only the
standard library, click, ``compare.console`` and ``compare.options`` are imported at module
scope, so ``jointdiff --help`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from compare.console import format_for, note, output_path, read_one, use_color, write_output
from compare.options import INPUT_PATH, color_option, format_option, lexicon_option, output_option

if TYPE_CHECKING:
    from compare.errors import ExitCode

__all__ = ["quotes"]

_FORMATS = ("terminal", "markdown", "html", "json")


@click.command("quotes")
@click.argument("article", metavar="ARTICLE", type=INPUT_PATH)
@click.argument("statement", metavar="STATEMENT", type=INPUT_PATH)
@format_option(
    _FORMATS,
    default=None,
    description=(
        "Output format: terminal text, Markdown, one self-contained HTML page, or JSON "
        "[default: html when FILE ends in .html, markdown when .md, json when .json, else terminal]."
    ),
)
@output_option("Write to FILE instead of standard output.")
@lexicon_option
@color_option("the terminal output")
def quotes(
    article: str, statement: str, fmt: str | None, output: str | None, lexicons: tuple[str, ...], color: bool | None
) -> ExitCode:
    """Check the quotations of a news ARTICLE against the STATEMENT it quotes.

    For each quotation: is it verbatim, the same after normalising, approximate (with the word
    diff), stitched from several sentences, or not in the statement; does it drop a negation, a
    qualifier or a hedge, change a stance word, add or drop a target, reorder words, or give
    the words to the wrong speaker; is the reporter's own verb stronger or weaker than the
    statement's. Then which of the statement's stances the article quotes, paraphrases or
    leaves out.

    ARTICLE and STATEMENT are .txt, .md, .html or .pdf files ('-' reads standard input); -o
    writes the check to a file, in the format its name asks for. Exit status: 0 every quotation
    is the statement's words, 1 one is altered or not found, 2 trouble.
    """
    from compare.classify import load_lexicon
    from compare.errors import ExitCode, UsageError
    from compare.quotes.check import check_quotes
    from compare.quotes.views import render_quotes

    if article == "-" and statement == "-":
        raise UsageError("only one of ARTICLE and STATEMENT can be '-' (standard input)")
    destination = output_path(output, noun="quotation check", inputs=(article, statement))
    fmt = fmt or format_for(destination, _FORMATS)
    article_document = read_one(article)
    statement_document = read_one(statement)
    report = check_quotes(article_document, statement_document, lexicon=load_lexicon(lexicons))
    if not report.checks:
        note(f"'{article}': no quotation marks found, so nothing to check")
    if destination is not None:
        write_output(destination, render_quotes(report, fmt, color=False), noun="quotation check")
    else:
        colored = fmt == "terminal" and use_color(color)
        click.echo(render_quotes(report, fmt, color=colored), nl=False, color=colored)
    return ExitCode.DIFFERENT if report.has_problems else ExitCode.SAME
