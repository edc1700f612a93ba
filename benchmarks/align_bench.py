"""Alignment speed against a difflib baseline, over every consecutive pair of ../shared/corpus.

For each pair both documents are read once; then jointdiff's segment + align is timed against a
``difflib.SequenceMatcher`` over regex-split sentences (the baseline a word-diff user has),
measured in the same run on the same machine. Printed per series and in total: pairs, clauses
a side, jointdiff and baseline time, their ratio, and peak memory of jointdiff's step
(tracemalloc). Then the targets: the G7 2023 -> 2024 communique pair in-process, a typical
pair in-process, and ``jointdiff diff`` as a whole command (start-up included).

    python benchmarks/align_bench.py [--corpus PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.align import align  # noqa: E402
from compare.pipeline import forget_texts  # noqa: E402
from compare.read import read  # noqa: E402
from compare.segment import segment  # noqa: E402

G7 = ("g7-leaders-communique", "2023-05-20_g7-hiroshima-communique.md", "2024-06-14_g7-apulia-communique.md")
TYPICAL = ("us-israel-scg-joint-statement", "2022-01-26_us-israel-scg-virtual.md", "2022-06-01_us-israel-scg.md")
TYPICAL_LONG = ("unga-ctbt-resolution", "2024-12-02_ctbt_A-RES-79-77.txt", "2025-12-01_ctbt_A-RES-80-70.txt")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def consecutive_pairs(corpus: Path) -> list[tuple[str, Path, Path]]:
    pairs = []
    for series in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(p for p in series.iterdir() if p.is_file())
        pairs.extend((series.name, a, b) for a, b in zip(files, files[1:], strict=False))
    return pairs


def jointdiff_step(old_document, new_document) -> int:  # type: ignore[no-untyped-def]
    old = segment(old_document, doc_id="old")
    new = segment(new_document, doc_id="new")
    align(old, new)
    return len(old) + len(new)


def baseline_step(old_text: str, new_text: str) -> int:
    old = [s for s in _SENTENCE.split(old_text) if s.strip()]
    new = [s for s in _SENTENCE.split(new_text) if s.strip()]
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a_low, a_high, b_low, b_high in matcher.get_opcodes():
        if tag == "replace":  # a word diff of each replaced block, as a redline would show
            difflib.SequenceMatcher(
                a=" ".join(old[a_low:a_high]).split(), b=" ".join(new[b_low:b_high]).split(), autojunk=False
            ).get_opcodes()
    return len(old) + len(new)


def best_of(repeat: int, function, *args) -> float:  # type: ignore[no-untyped-def]
    """The fastest of ``repeat`` runs. Before each, the process forgets every text it has cut,
    normalised or classified (``forget_texts``), so a repeat does not time its memory of the
    first run (until December 2026 nothing was, and a repeat found its documents already cut and
    normalised)."""
    times = []
    for _ in range(repeat):
        forget_texts()
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(function, *args) -> int:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    function(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    pairs = consecutive_pairs(args.corpus)
    jointdiff_step(read(pairs[0][1]), read(pairs[0][2]))  # warm imports and caches
    rows: dict[str, list[tuple[int, float, float, int]]] = defaultdict(list)
    for series, old_path, new_path in pairs:
        old, new = read(old_path), read(new_path)
        ours = best_of(args.repeat, jointdiff_step, old, new)
        theirs = best_of(args.repeat, baseline_step, old.text, new.text)
        clauses = jointdiff_step(old, new)
        rows[series].append((clauses, ours, theirs, peak_memory(jointdiff_step, old, new)))
    print(f"{'series':58} {'pairs':>5} {'clauses/side':>12} {'jointdiff ms':>12} {'difflib ms':>10} {'ratio':>6} {'peak MiB':>8}")
    totals = [0, 0, 0.0, 0.0, 0]
    for series, entries in rows.items():
        clauses = sum(e[0] for e in entries)
        ours = sum(e[1] for e in entries)
        theirs = sum(e[2] for e in entries)
        peak = max(e[3] for e in entries)
        print(
            f"{series:58} {len(entries):5} {clauses / len(entries) / 2:12.0f} {ours * 1000:12.1f} "
            f"{theirs * 1000:10.1f} {ours / theirs:6.1f} {peak / 2**20:8.1f}"
        )
        totals = [totals[0] + len(entries), totals[1] + clauses, totals[2] + ours, totals[3] + theirs, max(totals[4], peak)]
    print(
        f"{'total':58} {totals[0]:5} {totals[1] / totals[0] / 2:12.0f} {totals[2] * 1000:12.1f} "
        f"{totals[3] * 1000:10.1f} {totals[2] / totals[3]:6.1f} {totals[4] / 2**20:8.1f}"
    )
    print()
    for name, (series, a, b), target in (
        ("G7 2023 -> 2024 communique", G7, 1.0),
        ("typical pair (US-Israel SCG)", TYPICAL, 0.1),
        ("typical pair (CTBT resolution)", TYPICAL_LONG, 0.1),
    ):
        old, new = read(args.corpus / series / a), read(args.corpus / series / b)
        seconds = best_of(args.repeat, jointdiff_step, old, new)
        verdict = "ok" if seconds < target else "OVER TARGET"
        print(f"{name:34} in-process {seconds * 1000:8.1f} ms  (target < {target * 1000:.0f} ms: {verdict})")
    series, a, b = TYPICAL_LONG
    command = [sys.executable, "-m", "compare", "diff", str(args.corpus / series / a), str(args.corpus / series / b)]
    walls = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
    python_start = best_of(args.repeat, subprocess.run, [sys.executable, "-c", "pass"])
    wall = min(walls)
    verdict = "ok" if wall < 0.5 else "OVER TARGET"
    print(
        f"{'jointdiff diff, whole command':34} wall {wall * 1000:8.1f} ms  (target < 500 ms: {verdict}; "
        f"bare python start {python_start * 1000:.0f} ms; median {statistics.median(walls) * 1000:.0f} ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
