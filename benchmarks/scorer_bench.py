"""Why rapidfuzz scores clauses and textdistance does not: the same similarity matrix, timed.

Scores every clause of one real pair against every clause of the other (normalised text) with
rapidfuzz's vectorised ``process.cdist`` (normalised Indel similarity, as jointdiff's "blend"
and "hybrid" scorers use) and with textdistance's equivalents, on a sample small enough for
textdistance to finish, and prints the times and their ratio. (textdistance hands Levenshtein
to rapidfuzz when rapidfuzz is installed, so that row measures rapidfuzz one call at a time.)

    python benchmarks/scorer_bench.py [--clauses N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.normalise import normalise  # noqa: E402
from compare.read import read  # noqa: E402
from compare.segment import segment  # noqa: E402

PAIR = ("quad-leaders-joint-statement", "2023-05-20_quad-leaders-joint-statement.md", "2024-09-21_quad-wilmington-declaration.md")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clauses", type=int, default=40, help="clauses a side (textdistance is slow)")
    args = parser.parse_args()
    corpus = ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        print(f"skipped: no corpus at {corpus}")
        return 0
    try:
        import textdistance
    except ImportError:
        print("skipped: textdistance is not installed (pip install textdistance)")
        return 0
    import numpy as np
    from rapidfuzz import fuzz, process

    series, a, b = PAIR
    old = [normalise(c.text) for c in segment(read(corpus / series / a))][: args.clauses]
    new = [normalise(c.text) for c in segment(read(corpus / series / b))][: args.clauses]
    process.cdist(old[:2], new[:2], scorer=fuzz.ratio, workers=-1)  # start the thread pool
    start = time.perf_counter()
    ours = process.cdist(old, new, scorer=fuzz.ratio, processor=None, dtype=np.float32, workers=-1)
    rapid = time.perf_counter() - start
    rows = []
    for name, measure in (("textdistance.levenshtein", textdistance.levenshtein),
                          ("textdistance.lcsseq", textdistance.lcsseq),
                          ("textdistance.jaccard (words)", None)):  # fmt: skip
        start = time.perf_counter()
        if measure is None:
            matrix = [[textdistance.jaccard.normalized_similarity(x.split(), y.split()) for y in new] for x in old]
        else:
            matrix = [[measure.normalized_similarity(x, y) for y in new] for x in old]
        rows.append((name, time.perf_counter() - start, np.asarray(matrix)))
    print(f"{len(old)} x {len(new)} clauses from {series}")
    print(f"{'rapidfuzz cdist (fuzz.ratio)':32} {rapid * 1000:10.1f} ms   1.0x")
    for name, seconds, matrix in rows:
        agreement = np.corrcoef(matrix.ravel(), ours.ravel())[0, 1]
        print(f"{name:32} {seconds * 1000:10.1f} ms {seconds / rapid:6.0f}x  (correlation with rapidfuzz {agreement:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
