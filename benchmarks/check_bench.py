"""Time ``jointdiff check`` over every consecutive pair of the shared corpus (about 170 cases).

The corpus is copied into a temporary folder with a generated ``jointdiff.toml``: one case per
consecutive pair of each series folder (files sorted by name; ``source_json`` and ``drafts``
left out), each with a golden JSON file, and two rules over every case (both fail in some
cases, so reporting failures is timed too). Copying is the honest choice: the checker refuses
symbolic links that lead out of the corpus folder (by design), and writing a manifest and
goldens into ``shared/corpus`` would change shared data that CI mounts read-only. The copy
(about 2 MB) is made before any timing starts.

Three runs, each a fresh ``python`` process so that start-up and imports are counted:
``--update`` (writes the goldens), then ``--jobs N`` (default 2) against the 30 s target, then
``--jobs 1`` as the baseline measured on the same machine in the same run.

Usage: python benchmarks/check_bench.py [--corpus DIR] [--jobs N] [--keep]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
TARGET_SECONDS = 30.0
RUNNER = "import sys; from compare.cli import main; sys.exit(main(['check', *sys.argv[1:]]))"
"""Runs ``jointdiff check`` in a fresh interpreter, start-up included."""
RULES = """
[[rule]]
name = "commitments are not dropped"    # fails on real series: statements do drop commitments
kind = "commitment"
forbid = ["removed"]

[[rule]]
name = "the new text still names a stance"
require = '(?:reaffirm|condemn|welcome|call|decided|concern)'
"""


def build_corpus(source: Path, destination: Path) -> int:
    """Copy the series files of ``source`` and write the manifest; return the number of cases."""
    lines = []
    for series in sorted(path for path in source.iterdir() if path.is_dir()):
        files = sorted(path for path in series.iterdir() if path.is_file() and not path.name.startswith("."))
        if len(files) < 2:
            continue
        (destination / series.name).mkdir(parents=True)
        (destination / "golden" / series.name).mkdir(parents=True)
        for path in files:
            shutil.copyfile(path, destination / series.name / path.name)
        for old, new in zip(files, files[1:], strict=False):
            lines += [
                "[[case]]",
                f"name = {f'{series.name}: {old.stem} to {new.stem}'!r}",
                f"old = {f'{series.name}/{old.name}'!r}",
                f"new = {f'{series.name}/{new.name}'!r}",
                f"expect = {f'golden/{series.name}/{old.stem}--{new.stem}.json'!r}",
                "",
            ]
    (destination / "jointdiff.toml").write_text("\n".join(lines) + RULES, encoding="utf-8")
    return sum(1 for line in lines if line == "[[case]]")


def timed_check(folder: Path, *options: str) -> tuple[float, int, str]:
    """Wall-clock seconds, exit status and last output line of one check in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(folder), *options], capture_output=True, text=True, cwd=ROOT
    )
    seconds = time.perf_counter() - started
    if done.returncode == 2:
        sys.exit(f"check failed to run:\n{done.stderr}")
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    return seconds, done.returncode, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the timed run (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus and print where it is")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found at {args.corpus} (it lives beside the checkout)")
    folder = Path(tempfile.mkdtemp(prefix="jointdiff-check-bench-"))
    try:
        cases = build_corpus(args.corpus, folder / "corpus")
        corpus = folder / "corpus"
        print(f"{cases} cases over {args.corpus}, copied to a temporary folder")
        update, _, _ = timed_check(corpus, "--update", "--jobs", str(args.jobs))
        print(f"--update --jobs {args.jobs} (writes {cases} goldens): {update:6.1f} s")
        parallel, status, summary = timed_check(corpus, "--jobs", str(args.jobs))
        verdict = "within" if parallel <= TARGET_SECONDS else "OVER"
        print(f"--jobs {args.jobs}:  {parallel:6.1f} s   {verdict} the {TARGET_SECONDS:.0f} s target (exit {status}: {summary})")
        baseline, _, _ = timed_check(corpus, "--jobs", "1")
        print(f"--jobs 1 (baseline, sequential): {baseline:6.1f} s   speed-up x{baseline / parallel:.2f}")
        if args.keep:
            print(f"kept: {corpus}")
    finally:
        if not args.keep:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
