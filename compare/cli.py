"""The ``jointdiff`` command line: the only place that prints results and exits.

Commands return an ExitCode; ``main`` turns results and errors into an exit status
(0 no differences, 1 differences, 2 trouble, as with ``git diff --exit-code``). Only the
standard library, click and light modules are imported at module scope (the command modules
registered here, ``compare.console`` and ``compare.options``, none of which imports this one):
each command imports the pipeline inside its body, so ``jointdiff --help`` starts fast.
"""

from __future__ import annotations

import errno
import os
import sys
import traceback
from collections.abc import Sequence

import click

from compare.check_command import check
from compare.console import PROG, error, inputs, os_reason, read_one, read_pair, report_findings, use_color
from compare.errors import CompareError, ExitCode
from compare.options import (
    INPUT_PATH,
    Settings,
    color_option,
    comparison_options,
    format_option,
    lexicon_option,
    pair_arguments,
)
from compare.quotes_command import quotes
from compare.report.command import report
from compare.review_command import review
from compare.series_command import series

__all__ = ["PROG", "cli", "main", "run"]

_FORMATS = ("terminal", "markdown", "json", "csv")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` and return the exit status.

    Every failure a user can cause ends as one line on standard error, ``jointdiff: error:``
    and a printable message (file names hold whatever their creator put in them, escape
    sequences and line breaks included), with exit status 2.
    """
    if sys.stdout is None:  # started with standard output closed (``>&-``)
        error("cannot write the output: standard output is closed")
        return ExitCode.TROUBLE
    try:
        status = int(cli.main(args=argv, prog_name=PROG, standalone_mode=False) or 0)
        sys.stdout.flush()  # a full disk shows here, while there is still someone to tell
        return status
    except CompareError as err:
        error(str(err))
        return err.exit_code
    except click.exceptions.Exit as err:
        return err.exit_code
    except click.ClickException as err:
        error(_click_message(err))
        return ExitCode.TROUBLE
    except (KeyboardInterrupt, click.Abort):
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader closed the pipe (``jointdiff diff a b | head``): nothing left to say.
        _discard_output()
        sys.stderr.close()
        return ExitCode.TROUBLE
    except OSError as err:
        if err.errno not in _OUTPUT_ERRORS:
            traceback.print_exc()
            return ExitCode.TROUBLE
        # Inputs are read in compare.read and compare.limits, which turn OS errors into
        # CompareErrors; what is left is writing: ``> /dev/full``, a full disk or quota.
        _discard_output()
        error(f"cannot write the output: {os_reason(err)}")
        return ExitCode.TROUBLE
    except MemoryError:
        error("out of memory (are the inputs far larger than statements?)")
        return ExitCode.TROUBLE
    except Exception:  # a bug: show it, but never exit 1 ("different")
        traceback.print_exc()
        return ExitCode.TROUBLE


_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF, errno.EROFS})


def _click_message(err: click.ClickException) -> str:
    """Click's message in this program's style, on one line: lowercase, no final period,
    and where to look for the right usage instead of the whole usage text.

    >>> _click_message(click.UsageError("No such option: --colour. Did you mean --color?"))
    'no such option: --colour; did you mean --color?'
    """
    sentences = " ".join(err.format_message().split()).rstrip(".").split(". ")
    message = "; ".join(
        sentence[:1].lower() + sentence[1:] if sentence[1:2].islower() else sentence for sentence in sentences
    )
    context = getattr(err, "ctx", None)
    if isinstance(err, click.UsageError) and context is not None:
        message += f" (see '{context.command_path} --help')"
    return message


def _discard_output() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush of what could not be
    written fails no more (it would print a second message, out of our control)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="jointdiff", prog_name=PROG)
def cli() -> None:
    """Compare successive diplomatic statements clause by clause.

    Splits each statement into clause-level commitments and concerns, aligns them across
    versions with fuzzy matching, and shows what was unchanged, reworded, moved, split,
    merged, added or removed.
    """


@cli.command()
@pair_arguments
@format_option(_FORMATS, default="terminal", description="Output format.")
@click.option("--only-changes", is_flag=True, help="Leave unchanged clauses out.")
@comparison_options
@color_option("the terminal output")
@click.option("--example", is_flag=True, help="Compare the bundled example pair.")
def diff(
    old: str | None,
    new: str | None,
    fmt: str,
    only_changes: bool,
    settings: Settings,
    color: bool | None,
    example: bool,
) -> ExitCode:
    """Show what changed from OLD to NEW, clause by clause.

    OLD and NEW are .txt, .md, .html or .pdf statements ('-' reads standard input).
    Exit status: 0 no differences, 1 differences, 2 trouble.
    """
    from compare.render import render

    old_document, new_document = read_pair(*inputs(old, new, example))
    comparison = settings.compare(old_document, new_document)
    report_findings(comparison, new_document)
    colored = fmt == "terminal" and use_color(color)
    output = render(comparison, fmt, color=colored, only_changes=only_changes)
    click.echo(output, nl=False, color=colored)
    return ExitCode.DIFFERENT if comparison.has_changes else ExitCode.SAME


@cli.command()
@click.argument("file", metavar="FILE", type=INPUT_PATH)
@format_option(
    ("table", "json", "csv"),
    default="table",
    description="A table to read, JSON, or CSV (one row per clause with the file, date and title).",
)
@lexicon_option
@color_option("the table")
def clauses(file: str, fmt: str, lexicons: tuple[str, ...], color: bool | None) -> ExitCode:
    """List the clauses of FILE with their labels.

    Each clause shows its paragraph and sentence, its kind (commitment, concern, position,
    welcome, call, decision, other), intensity on its kind's ladder, the stance phrase, who
    speaks, whom and what it is about, and whether it quotes a statement.
    """
    from compare.classify import load_lexicon
    from compare.pipeline import label_document

    document = read_one(file)
    labelled = label_document(document, lexicon=load_lexicon(lexicons))
    if fmt == "csv":
        from compare.frames import clause_frame, to_csv

        click.echo(to_csv(clause_frame(labelled, document)), nl=False)
    elif fmt == "json":
        from compare.render.jsonfmt import clause_record, document_record, dumps

        record = {
            "schema_version": 1,
            "document": document_record(document),
            "clauses": [clause_record(clause) for clause in labelled],
        }
        click.echo(dumps(record), nl=False)
    else:
        from compare.render.table import clause_table

        colored = use_color(color)
        click.echo(clause_table(labelled, color=colored), nl=False, color=colored)
    return ExitCode.SAME


# The views that live in their own modules. Each imports only light modules at module scope
# (click, compare.console, compare.options) and nothing from this one, so there is no circle.
cli.add_command(report)
cli.add_command(review)
cli.add_command(check)
cli.add_command(series)
cli.add_command(quotes)
