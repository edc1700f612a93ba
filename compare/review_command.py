"""``jointdiff review``: the side-by-side review app, started from the command line.

The command reads and checks both inputs before any UI starts, so a missing or unreadable file
is one line on stderr and exit status 2, as for ``diff``; only then does it import the review
app (``tui``), which shows the pipeline's result: the comparison is started in a child process
just before (``compare.ahead``), so that it runs while Textual starts. Only the standard library, click,
``compare.console`` and ``compare.options`` are imported at module scope: ``compare`` never
pulls Textual in until a review actually starts.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from compare.console import inputs, read_keys_from_terminal, read_pair, use_color
from compare.options import Settings, color_option, comparison_options, pair_arguments

if TYPE_CHECKING:
    from compare.errors import ExitCode

__all__ = ["review"]


@click.command("review")
@pair_arguments
@click.option("--example", is_flag=True, help="Review the bundled example pair.")
@color_option("the review", default="unless NO_COLOR is set")
@comparison_options
def review(old: str | None, new: str | None, example: bool, color: bool | None, settings: Settings) -> ExitCode:
    """Review what changed from OLD to NEW, side by side, in the terminal.

    OLD and NEW are .txt, .md, .html or .pdf statements ('-' reads standard input). It opens
    on the key changes (K brings them back). Keys: n/p next and previous change, / search,
    Enter details, m/b/w pin, break or correct the stance (saved to the corrections file),
    e export, ? all keys, q quit.
    """
    from compare.errors import ExitCode

    old_path, new_path = inputs(old, new, example)
    old_document, new_document = read_pair(old_path, new_path)
    if "-" in (old_path, new_path) and not sys.stdin.isatty():
        read_keys_from_terminal()
    from compare.ahead import compare_ahead

    first = compare_ahead(settings, old_document, new_document)  # runs while Textual starts
    from tui.app import ReviewApp

    app = ReviewApp(old_document, new_document, color=use_color(color), settings=settings, first=first)
    try:
        app.run()
    finally:
        first.close()  # the review may end before it asked for the comparison
    # The review's exit status says whether it ran, not whether the documents differ.
    return ExitCode.TROUBLE if app.return_code else ExitCode.SAME

