"""``jointdiff check DIR``: run a corpus manifest's cases and rules unattended, as CI does.

The command loads ``DIR/jointdiff.toml`` (``compare.check.load_manifest``), runs it
(``compare.check.run_check``), prints the outcome as text, JSON or GitHub workflow annotations,
and can write JUnit XML (``compare.junit``). It returns 0 when everything passed, 1 when a case or
rule failed, and lets ``cli.main`` turn a bad manifest or input into 2. At module scope it
imports only the standard library, click and ``compare.console``; the pipeline loads inside the
command, so ``jointdiff --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from compare.console import note, os_reason
from compare.options import format_option

if TYPE_CHECKING:
    from compare.check import CheckResult, Outcome
    from compare.errors import ExitCode

__all__ = ["check", "cpu_count"]

_OUTPUT_FORMATS = ("text", "json", "github")


@click.command("check")
@click.argument("directory", metavar="DIR")
@click.option("--update", is_flag=True, help="Rewrite the golden files from this run (review that diff like code).")
@click.option("--junit", "junit_file", metavar="FILE", help="Also write JUnit XML to FILE.")
@format_option(
    _OUTPUT_FORMATS,
    default="text",
    description="text for people, json for programs, github for workflow annotations.",
)
@click.option(
    "-j",
    "--jobs",
    type=int,
    default=None,
    help="Worker processes when there are many cases, at most the CPU count [default: the CPU count].",
)
def check(directory: str, update: bool, junit_file: str | None, fmt: str, jobs: int | None) -> ExitCode:
    """Run every case and rule of DIR/jointdiff.toml (see the README, "Checking a corpus in CI").

    A case compares two statements of DIR and must match its golden files (the JSON of
    'jointdiff diff', the Markdown of 'jointdiff report'); a rule forbids that selected clauses
    are removed or weakened, or requires that the new text still says something.
    Exit status: 0 all passed, 1 a case or rule failed, 2 bad manifest or input.
    """
    from compare.check import load_manifest, run_check
    from compare.errors import ExitCode, UsageError

    workers = _workers(jobs)
    if junit_file and Path(junit_file).is_dir():
        raise UsageError(f"cannot write '{junit_file}': is a directory (--junit takes a file)")
    manifest = load_manifest(directory, creating_goldens=update)
    result = run_check(manifest, update=update, jobs=workers, progress=_progress())
    if junit_file:
        from compare.junit import junit_xml

        try:
            Path(junit_file).write_text(junit_xml(result), encoding="utf-8", newline="\n")
        except OSError as err:
            raise UsageError(f"cannot write '{junit_file}': {os_reason(err)}") from err
    click.echo(_FORMATTERS[fmt](result), nl=False)
    return ExitCode.SAME if result.passed else ExitCode.DIFFERENT


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _workers(jobs: int | None) -> int:
    """Worker processes for ``--jobs``: the CPU count by default, and never more, since a case
    keeps a CPU busy and every worker holds a copy of the pipeline (about 20 MB) in memory.

    Raises:
        UsageError: fewer than one job asked for.
    """
    from compare.errors import UsageError

    cpus = cpu_count()
    if jobs is None:
        return cpus
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    if jobs > cpus:
        note(f"--jobs {jobs} lowered to {cpus}, the number of CPUs")
        return cpus
    return jobs


def _progress() -> Callable[[int, int], None] | None:
    """A counter on standard error while cases run, when it is a terminal; None otherwise."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\r" + " " * 40 + "\r" if done == total else ""
        click.echo(f"\rchecking: {done}/{total} cases{end}", err=True, nl=False)

    return show


def _summary(result: CheckResult) -> str:
    """The last line of every output but JSON: counts and time.

    >>> from pathlib import Path
    >>> from compare.check import CheckResult, Manifest, Outcome
    >>> manifest = Manifest(Path("c/jointdiff.toml"), Path("/c"), ())
    >>> _summary(CheckResult(manifest, (Outcome("case", "a", 2),), (Outcome("rule", "r", 9, ()),), 1.25))
    '1 case, 1 rule: all passed in 1.2 s'
    """
    failed = sum(1 for outcome in result.outcomes if not outcome.passed)
    counts = f"{_count(len(result.cases), 'case')}, {_count(len(result.rules), 'rule')}"
    verdict = f"{failed} failed" if failed else "all passed"
    updated = f"; updated {_count(len(result.updated), 'golden file')}" if result.updated else ""
    return f"{counts}: {verdict} in {result.seconds:.1f} s{updated}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _text(result: CheckResult) -> str:
    """Each failure with its manifest line and a compact difference, then the summary."""
    from compare.safe import printable

    where = printable(result.manifest.path.as_posix())  # the folder's name is the user's
    lines = []
    for outcome in result.outcomes:
        if not outcome.passed:
            lines.append(f"FAIL {outcome.kind} {outcome.name!r}")
            for failure in outcome.failures:
                lines.append(f"  {where}:{failure.line}: {failure.message}")
                lines.extend(f"    {detail}" for detail in failure.details)
        lines.extend(f"updated {path}" for path in outcome.updated)
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def _json(result: CheckResult) -> str:
    """The outcome for programs, written like every JSON output of jointdiff."""
    from compare.render.jsonfmt import dumps

    def outcome_record(outcome: Outcome) -> dict[str, Any]:
        return {
            "kind": outcome.kind,
            "name": outcome.name,
            "line": outcome.line,
            "passed": outcome.passed,
            "seconds": round(outcome.seconds, 3),
            "updated": list(outcome.updated),
            "failures": [
                {"message": failure.message, "line": failure.line, "details": list(failure.details)}
                for failure in outcome.failures
            ],
        }

    return dumps(
        {
            "schema_version": 1,
            "manifest": result.manifest.path.as_posix(),
            "passed": result.passed,
            "seconds": round(result.seconds, 3),
            "cases": [outcome_record(outcome) for outcome in result.cases],
            "rules": [outcome_record(outcome) for outcome in result.rules],
        }
    )


def _github(result: CheckResult) -> str:
    """One ``::error`` workflow command per failure, pointing at its manifest line, then the summary."""
    from compare.safe import printable

    where = _property(printable(result.manifest.path.as_posix()))
    lines = [
        f"::error file={where},line={failure.line},title={_property(f'{outcome.kind} {outcome.name}')}"
        f"::{_data(chr(10).join((failure.message, *failure.details)))}"
        for outcome in result.outcomes
        for failure in outcome.failures
    ]
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def _data(text: str) -> str:
    """The message of a workflow command, escaped as GitHub reads it.

    >>> _data("50% less\\nweaker")
    '50%25 less%0Aweaker'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A property value (file, title) of a workflow command, escaped.

    >>> _property("case 'a, b: c'")
    "case 'a%2C b%3A c'"
    """
    return _data(text).replace(":", "%3A").replace(",", "%2C")


_FORMATTERS: dict[str, Callable[[CheckResult], str]] = {"text": _text, "json": _json, "github": _github}
