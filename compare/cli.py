"""The ``jointdiff`` command line: the only place that prints results and exits.

Commands return an ExitCode; ``main`` turns results and errors into an exit status
(0 no differences, 1 differences, 2 trouble, as with ``git diff --exit-code``). Only the
standard library and click are imported at module scope: each command imports the pipeline
inside its body, so ``jointdiff --help`` starts fast.
"""

from __future__ import annotations

import errno
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from compare.errors import CompareError, ExitCode, UsageError
from compare.options import INPUT_PATH, Settings, comparison_options, lexicon_option, pair_arguments

if TYPE_CHECKING:
    from compare.model import Comparison, Document

__all__ = [
    "PROG",
    "cli",
    "error",
    "example_pair",
    "inputs",
    "main",
    "note",
    "read_one",
    "read_pair",
    "report_findings",
    "run",
    "use_color",
    "warn",
]

PROG = "jointdiff"
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
        error(f"cannot write the output: {(err.strerror or str(err)).lower()}")
        return ExitCode.TROUBLE
    except MemoryError:
        error("out of memory (are the inputs far larger than statements?)")
        return ExitCode.TROUBLE
    except Exception:  # a bug: show it, but never exit 1 ("different")
        traceback.print_exc()
        return ExitCode.TROUBLE


_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF, errno.EROFS})


def error(message: str) -> None:
    """Print one error line on standard error, made printable."""
    _say("error", message)


def warn(message: str) -> None:
    """Print one warning line on standard error, made printable."""
    _say("warning", message)


def note(message: str) -> None:
    """Print one note on standard error (something the user should know, not a problem)."""
    _say("note", message)


def _say(level: str, message: str) -> None:
    from compare.safe import printable

    click.echo(f"{PROG}: {level}: {printable(message)}", err=True)


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


def example_pair() -> tuple[Path, Path]:
    """The bundled example: a ministers' joint statement and its revision a year later."""
    here = Path(__file__).resolve().parent
    for folder in (here / "examples" / "two-plus-two", here.parent / "fixtures" / "two-plus-two"):
        if (folder / "old.txt").is_file() and (folder / "new.txt").is_file():
            return folder / "old.txt", folder / "new.txt"
    raise UsageError("the bundled example is missing from this installation")


def _shown(path: Path) -> str:
    """A path as short as it can be shown: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def inputs(old: str | None, new: str | None, example: bool) -> tuple[str, str]:
    """The two inputs to compare: OLD and NEW as given, or the bundled example pair."""
    if example:
        if old or new:
            raise UsageError("--example takes no OLD or NEW argument")
        return tuple(_shown(path) for path in example_pair())  # type: ignore[return-value]
    if not old or not new:
        raise UsageError("give OLD and NEW (or --example); see --help")
    if old == "-" and new == "-":
        raise UsageError("only one of OLD and NEW can be '-' (standard input)")
    return old, new


def read_pair(old: str, new: str) -> tuple[Document, Document]:
    """Read both inputs, warnings to stderr; any error names the file."""
    documents = [read_one(source) for source in (old, new)]
    return documents[0], documents[1]


def read_one(source: str) -> Document:
    """Read one input for a command: warnings to stderr, and refused when it has more clauses
    than can be compared in reasonable time (``compare.limits``); any error names the file."""
    from compare.limits import check_clause_count
    from compare.read import read

    document = read(source)
    for warning in document.warnings:
        warn(warning)
    check_clause_count(document)
    return document


def report_findings(comparison: Comparison, new_document: Document) -> None:
    """Warn on stderr of what comparing found beyond the pairs: clauses that differ only in
    invisible characters, and corrections that no longer apply."""
    for warning in comparison.new.warnings[len(new_document.warnings) :]:
        warn(warning)
    for warning in comparison.warnings:
        warn(warning)


def use_color(flag: bool | None) -> bool:
    """--color/--no-color beats NO_COLOR (set and non-empty means off), which beats isatty."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout is not None and sys.stdout.isatty()


@cli.command()
@pair_arguments
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    default="terminal",
    show_default=True,
    help="Output format.",
)
@click.option("--only-changes", is_flag=True, help="Leave unchanged clauses out.")
@comparison_options
@click.option("--color/--no-color", default=None, help="Colour the terminal output [default: if a terminal].")
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "json", "csv")),
    default="table",
    show_default=True,
    help="A table to read, JSON, or CSV (one row per clause with the file, date and title).",
)
@lexicon_option
@click.option("--color/--no-color", default=None, help="Colour the table [default: if a terminal].")
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


def _register_commands() -> None:
    """The views that live in their own modules (each imports only click at module scope)."""
    from compare.check_command import check
    from compare.quotes_command import quotes
    from compare.report.command import report
    from compare.review_command import review
    from compare.series_command import series

    cli.add_command(report)
    cli.add_command(review)
    cli.add_command(check)
    cli.add_command(series)
    cli.add_command(quotes)


_register_commands()
