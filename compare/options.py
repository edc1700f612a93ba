"""The options the commands share, and the settings every comparing command shares (diff, report,
review, series).

``@comparison_options`` adds ``--threshold``, ``--scorer``, ``--method``, ``--lexicon``,
``--profile``, ``--corrections`` and ``--no-corrections`` to a click command and hands the
command one ``Settings`` value instead; the review app receives the same value, so the views
always compare alike. ``format_option``, ``color_option`` and ``output_option`` make the
``--format``, ``--color/--no-color`` and ``-o/--output`` of each command alike. Only the
standard library and click are imported here at module scope.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from compare.choices import DEFAULT_THRESHOLD, METHODS, SCORERS

if TYPE_CHECKING:
    from compare.model import Comparison, Document

__all__ = [
    "INPUT_PATH",
    "Settings",
    "check_settings_file",
    "color_option",
    "comparison_options",
    "format_option",
    "lexicon_option",
    "output_option",
    "pair_arguments",
]


INPUT_PATH = click.Path(allow_dash=True, dir_okay=True, readable=False)
"""A document argument. click checks nothing: ``compare.read`` says what is wrong with a path
in one line (click would print its usage text), and it is the only reader of documents."""


def pair_arguments(command: Callable[..., Any]) -> Callable[..., Any]:
    """OLD and NEW, both optional so that ``--example`` can stand in for them, '-' for stdin."""
    for name in ("new", "old"):
        command = click.argument(name, required=False, metavar=name.upper(), type=INPUT_PATH)(command)
    return command


def format_option(choices: Sequence[str], *, default: str | None, description: str) -> Callable[..., Any]:
    """``--format``, handed to the command as ``fmt``: one of ``choices``. The default is shown in
    the help; with none, ``description`` says how the command chooses."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(tuple(choices)),
        default=default,
        show_default=default is not None,
        help=description,
    )


def color_option(what: str, *, default: str = "if a terminal") -> Callable[..., Any]:
    """``--color/--no-color`` for colouring ``what``, handed to the command as ``color``: None
    unless given, for ``compare.console.use_color`` to decide."""
    return click.option("--color/--no-color", default=None, help=f"Colour {what} [default: {default}].")


def output_option(description: str) -> Callable[..., Any]:
    """``-o/--output FILE``, handed to the command as ``output`` (None or '-': standard output);
    ``compare.console.output_path`` checks it."""
    return click.option(
        "-o",
        "--output",
        metavar="FILE",
        type=click.Path(allow_dash=True),
        default=None,
        help=description,
    )


def _settings_files(what: str) -> Callable[[click.Context, click.Parameter, tuple[str, ...]], tuple[str, ...]]:
    """A click callback that checks each lexicon or profile file before anything loads it."""

    def check(context: click.Context, parameter: click.Parameter, paths: tuple[str, ...]) -> tuple[str, ...]:
        for path in paths:
            check_settings_file(path, what)
        return paths

    return check


def _settings_file(what: str) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """A click callback that checks one optional settings file before anything loads it."""

    def check(context: click.Context, parameter: click.Parameter, path: str | None) -> str | None:
        if path is not None:
            check_settings_file(path, what)
        return path

    return check


def check_settings_file(path: str, what: str) -> None:
    """Refuse a TOML settings file that could hang or crash its loader.

    That is anything but a regular file (a FIFO would block, ``/dev/zero`` fill memory), a file
    over ``MAX_SETTINGS_BYTES``, and TOML nested deeper than Python's parser can recurse
    (``a = [[[[...``). Whatever else is wrong, the loader says in its own words.

    Raises:
        UsageError: naming the file and what is wrong with it.
    """
    import tomllib

    from compare.errors import UsageError
    from compare.limits import MAX_SETTINGS_BYTES, Unreadable, read_limited

    try:
        data = read_limited(path, MAX_SETTINGS_BYTES)
    except Unreadable as err:
        raise UsageError(f"cannot read {what} '{path}': {err.reason}") from err
    try:
        tomllib.loads(data.decode("utf-8"))
    except RecursionError as err:
        raise UsageError(f"bad {what} '{path}': not valid TOML (nested too deeply)") from err
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        pass


lexicon_option = click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    metavar="FILE",
    callback=_settings_files("lexicon"),
    help="A TOML lexicon that extends or replaces the shipped one (repeatable).",
)
"""``--lexicon FILE``, also for ``jointdiff clauses``, which classifies without comparing."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How to compare: alignment settings and the user's lexicon and profile files."""

    threshold: float = DEFAULT_THRESHOLD
    scorer: str = SCORERS[0]
    method: str = METHODS[0]
    lexicons: tuple[str, ...] = ()
    """User lexicon files added to the shipped ones (``--lexicon``)."""
    profiles: tuple[str, ...] = ()
    """User genre profiles added to the shipped ones (``--profile``)."""
    corrections: str | None = None
    """The analyst's corrections file (``--corrections``); None: the one beside the new
    statement, if there is one."""
    use_corrections: bool = True
    """False (``--no-corrections``): compare as the engine alone would."""

    def corrections_path(self, new: Document) -> str | None:
        """The corrections file this comparison reads and the review app writes: the one given,
        or the one beside the new statement; None when corrections are off or the new text
        came from standard input."""
        from compare.corrections import default_path

        if not self.use_corrections:
            return None
        if self.corrections is not None:
            return self.corrections
        beside = default_path(new.path)
        return str(beside) if beside is not None else None

    def compare(self, old: Document, new: Document) -> Comparison:
        """Run the pipeline on two documents with these settings.

        Raises:
            UsageError: a lexicon, profile or corrections file is unreadable or malformed.
        """
        from pathlib import Path

        from compare.classify import load_lexicon
        from compare.corrections import load_corrections
        from compare.pipeline import compare_documents
        from compare.routine import load_profiles

        path = self.corrections_path(new)
        given = self.corrections is not None
        corrections = load_corrections(path) if path is not None and (given or Path(path).is_file()) else None
        return compare_documents(
            old,
            new,
            threshold=self.threshold,
            scorer=self.scorer,
            method=self.method,
            lexicon=load_lexicon(self.lexicons),
            profiles=load_profiles(self.profiles),
            corrections=corrections,
        )


def comparison_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the comparison options to a click command, which receives ``settings=Settings``."""

    @functools.wraps(command)
    def with_settings(
        *args: Any,
        threshold: float | None,
        scorer: str,
        method: str,
        lexicons: tuple[str, ...],
        profiles: tuple[str, ...],
        corrections: str | None,
        use_corrections: bool,
        **kwargs: Any,
    ) -> Any:
        settings = Settings(
            threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
            scorer=scorer,
            method=method,
            lexicons=lexicons,
            profiles=profiles,
            corrections=corrections,
            use_corrections=use_corrections,
        )
        return command(*args, settings=settings, **kwargs)

    options = (
        click.option(
            "--threshold",
            type=click.FloatRange(0, 100),
            default=None,
            help=f"Lowest similarity (0-100) at which two clauses still align as reworded "
            f"[default: {DEFAULT_THRESHOLD:g}].",
        ),
        click.option(
            "--scorer",
            type=click.Choice(SCORERS),
            default=SCORERS[0],
            show_default=True,
            help="How clause similarity is scored (see README: Alignment).",
        ),
        click.option(
            "--method",
            type=click.Choice(METHODS),
            default=METHODS[0],
            show_default=True,
            help="Best-first matching, or an optimal global assignment.",
        ),
        lexicon_option,
        click.option(
            "--profile",
            "profiles",
            multiple=True,
            metavar="FILE",
            callback=_settings_files("profile"),
            help="A TOML genre profile for routine changes, added to the shipped ones (repeatable).",
        ),
        click.option(
            "--corrections",
            metavar="FILE",
            default=None,
            callback=_settings_file("corrections"),
            help="Your corrections to the engine (pinned and broken pairs, stance claims) "
            "[default: NEW's stem + .corrections.toml, beside it, if it exists].",
        ),
        click.option(
            "--no-corrections",
            "use_corrections",
            flag_value=False,
            default=True,
            help="Compare as the engine alone would, ignoring any corrections file.",
        ),
    )
    for option in reversed(options):
        with_settings = option(with_settings)
    return with_settings
