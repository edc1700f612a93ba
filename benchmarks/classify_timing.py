"""Classification time per clause over the whole corpus, for one or more checkouts side by side.

Every statement of each series folder of ../shared/corpus (as ``jointdiff series`` takes them:
``compare.series.order.statement_files``) is read and cut into clauses once; then each checkout given classifies all of them, in a fresh process, afresh
(``forget_texts`` first: no label remembered), best of ``--repeat`` passes. The checkouts are
run in turn, ``--rounds`` times, so that a busy machine slows all alike; the medians and minima
per checkout are printed. Give the checkout this script lives in and an older one (``git
worktree add ../base <commit>``) to see what a change costs.

    python benchmarks/classify_timing.py [CHECKOUT ...] [--rounds N] [--repeat N] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

_ONE_RUN = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from compare.classify import classify_all, load_lexicon
from compare.pipeline import forget_texts
from compare.read import read
from compare.routine import detect_profile
from compare.segment import segment
from compare.series.order import statement_files
corpus = Path(sys.argv[2])
documents = [read(path) for folder in sorted(p for p in corpus.iterdir() if p.is_dir())
             for path in statement_files(folder)]
cut = [(d, segment(d, doc_id="old"), detect_profile(d.text).speaker) for d in documents]
clauses = sum(len(c) for _, c, _ in cut)
best = float("inf")
for _ in range(int(sys.argv[3])):
    forget_texts()
    lexicon = load_lexicon()
    start = time.perf_counter()
    for document, found, speaker in cut:
        classify_all(document, found, lexicon=lexicon, speaker=speaker)
    best = min(best, time.perf_counter() - start)
print(clauses, best / clauses * 1e6)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkouts", nargs="*", type=Path, default=[ROOT])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}", file=sys.stderr)
        return 0
    times: dict[Path, list[float]] = {checkout: [] for checkout in args.checkouts}
    clauses = 0
    for _ in range(args.rounds):
        for checkout in args.checkouts:
            command = [sys.executable, "-c", _ONE_RUN, str(checkout.resolve()), str(args.corpus), str(args.repeat)]
            out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=checkout).stdout.split()
            clauses = int(out[0])
            times[checkout].append(float(out[1]))
    print(f"{clauses} clauses; µs a clause, best of {args.repeat} passes per process, {args.rounds} processes each")
    for checkout, found in times.items():
        print(f"  {checkout}: median {statistics.median(found):.1f}, min {min(found):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
