"""``jointdiff series``: speed on the whole corpus, and thread accuracy against labelled threads.

Speed: every series of ../shared/corpus compared as ``jointdiff series DIR`` compares it
(ordering, consecutive comparisons, threads, returns), in-process, one series after another;
then the FOMC 1994-2011 series alone; peak memory by tracemalloc (Python allocations) and the
process's maximum resident set size. Targets: all series in at most 20 s, FOMC in at most 10 s.

Accuracy, against threads labelled by reading the texts (``fixtures/labels/series_threads.toml``,
the development half; ``--blind`` scores the held-out half, ``blind/series_threads.toml``, and
prints aggregate figures only). For each labelled thread, each version it is in is located by
the start of its sentence (``find``); jointdiff's thread for it is the thread that holds the
located sentence in the most of those versions. Then, version by version:

- a **cell** is right when presence agrees (jointdiff's thread holds a clause of the located
  sentence where the label has one, and holds nothing where the label says absent) and the
  change agrees: first, unchanged, reworded, moved, returned and absent (jointdiff's "dropped"
  is absent) must be equal; hardened and softened are compared only on links that carry a
  direction (confidence ``compare.model.CLAIM`` or more): below it jointdiff claims no
  direction, and its "reworded" there counts as right for a labelled hardened or softened;
- a **thread** is right when every one of its cells is right (**thread accuracy**);
- its **life** is right when presence agrees in every version, whatever the change (first
  and last appearance, drops and returns).

    python benchmarks/series_bench.py [--blind] [--speed-only | --accuracy-only] [--verbose]

``--verbose`` lists the wrong cells of the development threads; it is refused with ``--blind``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tomllib
import tracemalloc
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.normalise import normalise  # noqa: E402
from compare.pipeline import forget_texts  # noqa: E402
from compare.read import read  # noqa: E402
from compare.series.build import compare_series  # noqa: E402
from compare.series.model import Change, Series, Thread, Version  # noqa: E402
from compare.series.order import statement_files  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = ROOT / "fixtures" / "labels"
DEVELOPMENT = LABELS / "series_threads.toml"
BLIND = LABELS / "blind" / "series_threads.toml"
TARGETS = {"all": 20.0, "fomc": 10.0}

_SAME = {
    "first": {Change.FIRST},
    "unchanged": {Change.UNCHANGED},
    "reworded": {Change.REWORDED},
    "moved": {Change.MOVED},
    "hardened": {Change.HARDENED},
    "softened": {Change.SOFTENED},
    "returned": {Change.RETURNED},
    "absent": {Change.ABSENT, Change.DROPPED},
}


def _all_series(folders: list[Path]) -> tuple[float, int, list[tuple[str, int, int, float]]]:
    started = time.perf_counter()
    rows = []
    documents = 0
    for folder in folders:
        t = time.perf_counter()
        files = statement_files(folder)
        series = compare_series([read(path) for path in files])
        documents += len(files)
        rows.append((folder.name, len(files), len(series.threads), time.perf_counter() - t))
    return time.perf_counter() - started, documents, rows


def speed() -> None:
    if not CORPUS.is_dir():
        print(f"skipped speed: no corpus at {CORPUS}")
        return
    folders = sorted(path for path in CORPUS.iterdir() if path.is_dir())
    compare_series([read(path) for path in statement_files(folders[0])])  # loads the lexicon and models once
    # Each timing starts from a process that has read none of its texts: what the warm-up (and,
    # for the FOMC run, the run over every series) cut and classified is forgotten first.
    forget_texts()
    total, documents, rows = _all_series(folders)
    print(f"{'series':60} {'versions':>8} {'threads':>7} {'seconds':>8}")
    for name, versions, threads, seconds in rows:
        print(f"{name:60} {versions:8} {threads:7} {seconds:8.2f}")
    forget_texts()
    t = time.perf_counter()
    fomc = compare_series([read(path) for path in statement_files(CORPUS / "fomc")], until="2011")
    fomc_seconds = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # A second pass under tracemalloc, which slows Python down several times, for the peak.
    forget_texts()
    tracemalloc.start()
    _all_series(folders)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nall {len(folders)} series ({documents} documents): {total:.2f} s (target {TARGETS['all']:g} s)")
    print(f"fomc 1994-2011 ({len(fomc.versions)} versions) alone: {fomc_seconds:.2f} s (target {TARGETS['fomc']:g} s)")
    print(f"peak memory: {rss:.0f} MiB resident (whole process), {peak / 2**20:.1f} MiB allocated by Python at once")


@dataclass
class Score:
    threads: int = 0
    threads_right: int = 0
    lives_right: int = 0
    cells: int = 0
    cells_right: int = 0
    unlocated: int = 0


def _located(version: Version, find: str) -> int | None:
    """The sentence number of the version that starts with ``find`` (or, failing that, holds it)."""
    wanted = normalise(find)
    text = version.document.text
    for clause in version.clauses:
        if normalise(text[clause.start : clause.start + len(find) + 40]).startswith(wanted):
            return clause.sentence
    for clause in version.clauses:
        if wanted and wanted in normalise(clause.text):
            return clause.sentence
    return None


def _holds(thread: Thread, version: int, sentence: int | None) -> bool:
    return any(clause.sentence == sentence for clause in thread.steps[version].clauses)


def _cell_right(thread: Thread | None, version: int, entry: dict, sentence: int | None) -> tuple[bool, bool, str]:
    """(presence right, cell right, what jointdiff says) for one labelled version."""
    label = entry["change"]
    if thread is None:
        return label == "absent", label == "absent", "no thread"
    step = thread.steps[version]
    if label == "absent":
        present_right = not step.change.is_present
    else:
        present_right = _holds(thread, version, sentence)
    claims_direction = step.pair is None or step.pair.claims_direction
    change_right = step.change in _SAME[label] or (
        label in ("hardened", "softened") and not claims_direction and step.change is Change.REWORDED
    )
    return present_right, present_right and change_right, step.change.value


def accuracy(label_file: Path, *, blind: bool, verbose: bool) -> None:
    if not label_file.is_file():
        print(f"skipped accuracy: no labels at {label_file}")
        return
    labels = tomllib.loads(label_file.read_text("utf-8"))
    totals = Score()
    print(f"{'series':60} {'threads':>7} {'right':>6} {'life':>6} {'cells':>6}")
    for entry in labels["series"]:
        folder = CORPUS / entry["name"]
        if not folder.is_dir():
            print(f"skipped {entry['name']}: not in the corpus")
            continue
        series = compare_series([read(path) for path in statement_files(folder)])
        score = _score_series(series, entry["thread"], verbose=verbose and not blind)
        for name in vars(totals):
            setattr(totals, name, getattr(totals, name) + getattr(score, name))
        _print_score(entry["name"], score)
    _print_score("all", totals)
    if totals.unlocated:
        print(f"({totals.unlocated} labelled sentences not located)")


def _print_score(name: str, score: Score) -> None:
    n = max(score.threads, 1)
    print(
        f"{name:60} {score.threads:7} {score.threads_right / n:6.2f} {score.lives_right / n:6.2f} "
        f"{score.cells_right / max(score.cells, 1):6.2f}"
    )


def _score_series(series: Series, labelled: list[dict], *, verbose: bool) -> Score:
    score = Score()
    by_file = {version.document.path.rsplit("/", 1)[-1]: version for version in series.versions}
    for gold in labelled:
        located: dict[int, int | None] = {}
        for entry in gold["version"]:
            version = by_file[entry["file"]]
            if entry["change"] != "absent":
                located[version.index] = _located(version, entry["find"])
                score.unlocated += located[version.index] is None
        candidates = Counter()
        for thread in series.threads:
            held = sum(_holds(thread, v, s) for v, s in located.items() if s is not None)
            if held:
                candidates[thread.number] = held
        thread = series.threads[candidates.most_common(1)[0][0] - 1] if candidates else None
        lives = cells = 0
        wrong = []
        for entry in gold["version"]:
            version = by_file[entry["file"]].index
            present_right, cell_right, said = _cell_right(thread, version, entry, located.get(version))
            lives += present_right
            cells += cell_right
            if not cell_right:
                wrong.append(f"v{version + 1} {entry['change']} -> {said}{'' if present_right else ' (presence)'}")
        n = len(gold["version"])
        score.threads += 1
        score.cells += n
        score.cells_right += cells
        score.lives_right += lives == n
        score.threads_right += cells == n
        if verbose and wrong:
            number = thread.number if thread else "-"
            print(f"  thread {number} [{gold['note'][:70]}]: {'; '.join(wrong)}")
    return score


def grid() -> None:
    """Thread accuracy of the development threads for each minimum link and return confidence."""
    from compare.options import Settings
    from compare.series.build import thread_series
    from compare.series.order import order_versions

    labels = tomllib.loads(DEVELOPMENT.read_text("utf-8"))
    settings = Settings()
    prepared = []
    for entry in labels["series"]:
        documents, _ = order_versions([read(path) for path in statement_files(CORPUS / entry["name"])])
        comparisons = [settings.compare(a, b) for a, b in zip(documents, documents[1:], strict=False)]
        prepared.append((entry, documents, comparisons))
    print(f"{'link':>5} {'return':>6}  " + "  ".join(f"{entry['name'][:24]:>24}" for entry, _, _ in prepared))
    for min_link in (0.0, 0.4, 0.5, 0.6):
        for min_return in (0.5, 0.6, 0.7, 0.8, 1.01):
            cells = []
            for entry, documents, comparisons in prepared:
                series = thread_series(documents, comparisons, settings=settings, min_link=min_link, min_return=min_return)
                score = _score_series(series, entry["thread"], verbose=False)
                cells.append(f"{score.threads_right / score.threads:.2f} {score.lives_right / score.threads:.2f} {score.cells_right / score.cells:.2f}")
            print(f"{min_link:5.2f} {min_return:6.2f}  " + "  ".join(f"{cell:>24}" for cell in cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--blind", action="store_true", help="score the held-out labels (aggregates only)")
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--accuracy-only", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list wrong cells (development labels only)")
    parser.add_argument("--grid", action="store_true", help="try link and return confidences (development only)")
    args = parser.parse_args()
    if args.grid:
        if args.blind:
            parser.error("--grid tunes, and tuning never looks at the blind labels")
        grid()
        return 0
    if args.blind and args.verbose:
        parser.error("--verbose lists threads, which the blind labels must never show")
    if not args.accuracy_only:
        speed()
        print()
    if not args.speed_only:
        print("thread accuracy, " + ("BLIND half (aggregates only)" if args.blind else "development half"))
        accuracy(BLIND if args.blind else DEVELOPMENT, blind=args.blind, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
