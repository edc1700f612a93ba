"""Running a checked corpus: every case read, compared and held against its goldens and rules.

``run_check`` runs the cases in this process, or in worker processes when there are many, and
gathers each rule's findings across its cases (``rules``); ``read_case`` is the only reading a
check does, ``evaluate_case`` is pure, and ``--update`` rewrites golden files by replacing them,
never by writing through a hard link.
"""

from __future__ import annotations

import os
import secrets
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from compare.check.golden import golden_json_diff, golden_text_diff
from compare.check.manifest import Case, Manifest, Rule, contained
from compare.check.patterns import PatternTooSlow
from compare.check.results import CaseInputs, CaseRun, CheckResult, Failure, Outcome
from compare.check.rules import rule_finding, rule_outcome
from compare.errors import FixtureError, InputError
from compare.limits import Unreadable, check_clause_count, max_input_bytes, read_limited

if TYPE_CHECKING:
    from compare.corrections import Corrections

__all__ = ["PARALLEL_FROM", "evaluate_case", "read_case", "run_check"]

PARALLEL_FROM = 8
"""Fewest cases worth starting worker processes for: below this, start-up costs more than it saves."""


def run_check(
    manifest: Manifest,
    *,
    update: bool = False,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """Run every case and rule of the manifest.

    Args:
        update: rewrite golden files that differ from (or are missing for) this run.
        jobs: worker processes; cases run in the calling process when 1 or when there are
            fewer than PARALLEL_FROM cases.
        progress: called with (cases done, cases in all) after each case.

    Raises:
        InputError: a statement cannot be read; the message names the manifest line.
        FixtureError: a case names a report golden and the report library is missing.
    """
    started = time.perf_counter()
    cases = manifest.cases
    _require_report_library(manifest)
    runs: dict[str, CaseRun] = {}
    for done, run in enumerate(_runs(manifest, update, jobs), start=1):
        runs[run.outcome.name] = run
        if progress:
            progress(done, len(cases))
    rules = tuple(
        rule_outcome(rule, [runs[case.name] for case in cases if rule.applies_to(case)]) for rule in manifest.rules
    )
    outcomes = tuple(runs[case.name].outcome for case in cases)
    return CheckResult(manifest, outcomes, rules, time.perf_counter() - started)


def _runs(manifest: Manifest, update: bool, jobs: int) -> Iterator[CaseRun]:
    """Each case run, in the order they finish."""
    if jobs <= 1 or len(manifest.cases) < PARALLEL_FROM:
        yield from (_check_case(manifest, case, update) for case in manifest.cases)
        return
    import compare.pipeline  # noqa: F401  -- loaded once here, so forked workers inherit it

    # Longest inputs first, so that no worker is left with a long case while the other idles.
    largest_first = sorted(manifest.cases, key=lambda case: -_input_size(manifest, case))
    with ProcessPoolExecutor(max_workers=min(jobs, len(largest_first))) as pool:
        futures = [pool.submit(_check_case, manifest, case, update) for case in largest_first]
        try:
            for future in as_completed(futures):
                yield future.result()
        finally:
            for future in futures:
                future.cancel()


def _input_size(manifest: Manifest, case: Case) -> int:
    """Bytes of both statements of a case (0 for one that cannot be read now: reading will say why)."""
    try:
        return sum((manifest.root / path).stat().st_size for path in (case.old, case.new))
    except OSError:
        return 0


def _check_case(manifest: Manifest, case: Case, update: bool) -> CaseRun:
    """Read, evaluate and (with ``update``) write the goldens of one case: a worker's task."""
    started = time.perf_counter()
    try:
        run = evaluate_case(case, read_case(manifest, case), manifest.rules_for(case))
    except PatternTooSlow as err:
        slow = PatternTooSlow(err.rule, f"case {case.name!r}")
        raise FixtureError(f"{manifest.path}:{err.rule.line}: {slow}") from err
    outcome = run.outcome
    if update:
        updated = tuple(path for path, text in run.made if _write_golden(manifest, case, path, text))
        outcome = replace(outcome, failures=(), updated=updated)
    return replace(run, outcome=replace(outcome, seconds=time.perf_counter() - started), made=())


def read_case(manifest: Manifest, case: Case) -> CaseInputs:
    """Read both statements and the golden files of a case: the only reading a check does.

    The documents are named by their manifest paths, as ``jointdiff diff`` names them when run
    from the corpus folder, so that golden files do not depend on where the corpus lies.

    Raises:
        InputError: a statement cannot be read, or a path has left the corpus folder since the
            manifest was loaded; the message names the manifest line.
    """
    from compare.read import read

    documents = []
    for key, relative in (("old", case.old), ("new", case.new)):
        try:
            path = contained(manifest.root, relative)
            document = read(path)
            check_clause_count(document)
        except (ValueError, InputError) as err:
            raise InputError(f"{case.where(manifest.path, key)}: {err}") from err
        # read() names the file it was given in its warnings too ("'x.txt': decoded as cp1252").
        quoted, renamed = f"'{path}'", f"'{relative}'"
        warnings = tuple(warning.replace(quoted, renamed) for warning in document.warnings)
        documents.append(replace(document, path=relative, warnings=warnings))
    goldens: dict[str, str | None] = {}
    for key, relative in case.goldens:
        try:
            data = read_limited(contained(manifest.root, relative), max_input_bytes())
            goldens[key] = data.decode("utf-8", errors="replace")
        except Unreadable as err:
            if err.reason != "no such file":
                raise InputError(f"{case.where(manifest.path, key)}: cannot read '{relative}': {err.reason}") from err
            goldens[key] = None
        except ValueError as err:
            raise InputError(f"{case.where(manifest.path, key)}: {err}") from err
    return CaseInputs(
        documents[0], documents[1], goldens.get("expect"), goldens.get("report"), _case_corrections(manifest, case)
    )


def _case_corrections(manifest: Manifest, case: Case) -> Corrections | None:
    """The corrections file beside a case's new statement, named by its manifest path."""
    from compare.corrections import default_path, load_corrections

    relative = default_path(case.new)
    if relative is None:
        return None
    try:
        path = contained(manifest.root, relative.as_posix())
    except ValueError:
        return None
    if not Path(path).is_file():
        return None
    loaded = load_corrections(path)
    return replace(loaded, path=relative.as_posix())


def _write_golden(manifest: Manifest, case: Case, relative: str, text: str) -> bool:
    """Write one golden file unless it already holds ``text``; whether it was written."""
    path = contained(manifest.root, relative)
    data = text.encode("utf-8")
    try:
        if read_limited(path, len(data)) == data:
            return False
    except Unreadable:
        pass  # missing, longer than this run's or not a plain file: replaced below
    try:
        _replace_file(path, data)
    except OSError as err:
        key = "expect" if relative == case.expect else "report"
        reason = (err.strerror or str(err)).lower()
        raise FixtureError(f"{case.where(manifest.path, key)}: cannot write '{relative}': {reason}") from err
    return True


def _replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file beside ``path``, then rename it over ``path``.

    Writing in place would write through a hard link into whatever other file shares the
    golden file's inode (an input, should one have been linked there after the manifest was
    checked); a new file only ever replaces the name. A reader never sees half a file either.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o666  # as a new file gets it, less the umask
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def evaluate_case(case: Case, inputs: CaseInputs, rules: Sequence[Rule] = ()) -> CaseRun:
    """Compare the statements of a case, check its goldens and rules; pure (no I/O).

    Returns:
        The case's outcome, what each rule found, and each golden file as this run makes it.
    """
    from compare.pipeline import compare_documents
    from compare.render.jsonfmt import comparison_record, dumps

    comparison = compare_documents(inputs.old, inputs.new, corrections=inputs.corrections)
    made: list[tuple[str, str]] = []
    failures: list[Failure] = [Failure(warning, case.line_of("new")) for warning in comparison.warnings]
    if case.expect:
        actual = dumps(comparison_record(comparison))
        made.append((case.expect, actual))
        if actual != inputs.expected_json:
            details = golden_json_diff(inputs.expected_json, actual)
            failures.append(Failure(f"{case.expect} differs from this run", case.line_of("expect"), details))
    if case.report:
        from compare.report import render_report

        actual = render_report(comparison)
        made.append((case.report, actual))
        if actual != inputs.expected_report:
            details = golden_text_diff(inputs.expected_report, actual)
            failures.append(Failure(f"{case.report} differs from this run", case.line_of("report"), details))
    findings = tuple(rule_finding(rule, comparison) for rule in rules)
    outcome = Outcome("case", case.name, case.line, tuple(failures))
    return CaseRun(outcome, findings, tuple(made))


def _require_report_library(manifest: Manifest) -> None:
    """Fail before any work when a case asks for a report and the report library is missing.

    Raises:
        FixtureError: named at the first case's ``report`` line.
    """
    case = next((case for case in manifest.cases if case.report), None)
    if case is None:
        return
    try:
        import compare.report  # noqa: F401
    except ImportError as err:
        problem = f"this installation has no report library ({err})"
        raise FixtureError(f"{case.where(manifest.path, 'report')}: {problem}") from err
