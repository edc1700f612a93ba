"""Speed against references measured in the same run: the targets of the speed issue, as ratios.

Four measures, each printed with the reference it is judged against, so that a busy or slow
machine moves both alike:

1. **FOMC pairs in process**: ``compare_documents`` (segment, classify, align, stance) on every
   consecutive pair of the FOMC series, both documents already read, against ``redlines``
   (``Redlines(old, new).output_markdown``, a word-level redline of the same texts). Target:
   median at most 2x redlines.
2. **``jointdiff diff A B --format json``** on a typical pair, as a whole command (fresh
   interpreter, bytecode cached), against ``python -c pass`` and ``jointdiff --help``. Target:
   at most 220 ms wall. Each command is run once first with bytecode writing on, even where
   ``PYTHONDONTWRITEBYTECODE`` is set (as it is on the project's machines): otherwise every
   timed run would compile the project's modules afresh and time the compiler, which an
   installed ``jointdiff`` never does twice. The commands run from this checkout (``python -m
   compare`` with it as working directory), whatever copy of the package is installed.
3. **Long documents in process**: pairs of about 25,000 and 100,000 words (and 50,000, for the
   slope), built by joining consecutive versions of the corpus's statements end to end (old:
   earlier versions, new: the next ones), so that they are rewritten as real statements are.
   Targets: 25k at most 0.3 s, 100k at most 2 s. The growth exponent is the slope of log time
   over log words between the smallest and the largest.

The review app's first screen is measured by ``benchmarks/review_startup.py``.

    python benchmarks/speed_bench.py [--corpus PATH] [--repeat N] [--skip-redlines] [--only-command]

``--only-command`` times the whole command (2) alone, in a few seconds.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.model import Document  # noqa: E402
from compare.pipeline import compare_documents, forget_texts  # noqa: E402
from compare.read import read  # noqa: E402

TYPICAL = ("us-israel-scg-joint-statement", "2022-01-26_us-israel-scg-virtual.md", "2022-06-01_us-israel-scg.md")
LONG_SIZES = (25_000, 50_000, 100_000)
TARGETS = {"fomc": 2.0, "diff_ms": 220.0, 25_000: 0.3, 100_000: 2.0}


def best_of(repeat: int, function: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def series_pairs(folder: Path) -> list[tuple[Path, Path]]:
    files = sorted(path for path in folder.iterdir() if path.is_file())
    return list(zip(files, files[1:], strict=False))


def afresh(old: Document, new: Document) -> object:
    """One comparison that works everything out afresh, as a new process's first does: the
    process forgets every text it cut, normalised, tokenised or classified (``forget_texts``),
    so that repeating a run does not time its memory. (Until December 2026 only the labels were
    forgotten, and a repeated run found its documents already cut and normalised: the long
    documents' figures were 0.1 s (25k words) to 0.8 s (100k) too low.)"""
    forget_texts()
    return compare_documents(old, new)


def fomc(corpus: Path, repeat: int, skip_redlines: bool) -> None:
    pairs = [(read(a), read(b)) for a, b in series_pairs(corpus / "fomc")]
    afresh(*pairs[0])  # warm imports, the lexicon and the caches
    ours = [best_of(repeat, lambda a=a, b=b: afresh(a, b)) for a, b in pairs]
    print(f"FOMC, {len(pairs)} pairs in process: jointdiff median {statistics.median(ours) * 1000:.1f} ms", end="")
    if skip_redlines:
        print()
        return
    try:
        from redlines import Redlines
    except ImportError:
        print(" (redlines is not installed: pip install redlines, or --skip-redlines)")
        return
    Redlines(pairs[0][0].text, pairs[0][1].text).output_markdown  # noqa: B018  (warm)
    theirs = [
        best_of(repeat, lambda a=a, b=b: Redlines(a.text, b.text).output_markdown)  # type: ignore[misc]
        for a, b in pairs
    ]
    ratio = statistics.median(ours) / statistics.median(theirs)
    per_pair = statistics.median(o / t for o, t in zip(ours, theirs, strict=True))
    verdict = "ok" if ratio <= TARGETS["fomc"] else "OVER TARGET"
    print(
        f", redlines median {statistics.median(theirs) * 1000:.1f} ms: ratio {ratio:.2f}x "
        f"(median of per-pair ratios {per_pair:.2f}x; target <= {TARGETS['fomc']:.0f}x: {verdict})"
    )


def writing_bytecode() -> dict[str, str]:
    """This environment with bytecode writing on: a warm-up run in it leaves the ``.pyc`` files
    that the timed runs then read (``PYTHONDONTWRITEBYTECODE`` only stops writing them)."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def whole_command(corpus: Path, repeat: int) -> None:
    series, old_name, new_name = TYPICAL
    old, new = corpus / series / old_name, corpus / series / new_name
    jointdiff = [sys.executable, "-m", "compare"]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "jointdiff --help": [*jointdiff, "--help"],
        "jointdiff diff --format json": [*jointdiff, "diff", str(old), str(new), "--format", "json"],
    }
    for command in commands.values():  # bytecode caches written, files in the page cache
        subprocess.run(command, cwd=ROOT, env=writing_bytecode(), capture_output=True, check=False)
    walls: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):  # interleaved, so that a busy moment slows all alike
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
            walls[name].append(time.perf_counter() - start)
    best = {name: min(times) for name, times in walls.items()}
    diff_ms = best["jointdiff diff --format json"] * 1000
    verdict = "ok" if diff_ms <= TARGETS["diff_ms"] else "OVER TARGET"
    print(
        f"jointdiff diff --format json on a typical pair: {diff_ms:.0f} ms wall "
        f"(target <= {TARGETS['diff_ms']:.0f} ms: {verdict}); "
        f"{diff_ms / (best['python -c pass'] * 1000):.1f}x python -c pass ({best['python -c pass'] * 1000:.0f} ms), "
        f"{diff_ms / (best['jointdiff --help'] * 1000):.2f}x jointdiff --help ({best['jointdiff --help'] * 1000:.0f} ms); "
        f"best of {repeat}, bytecode written by a warm-up run first"
    )


@cache
def _text(path: Path) -> str:
    return read(path).text


def long_pair(corpus: Path, words: int) -> tuple[Document, Document]:
    """Consecutive versions of the corpus's statements joined end to end until the old side
    holds ``words`` words (the corpus repeated if need be; each file is read once)."""
    folders = sorted(path for path in corpus.iterdir() if path.is_dir())
    pairs = [pair for folder in folders for pair in series_pairs(folder)]
    old_parts: list[str] = []
    new_parts: list[str] = []
    count = 0
    while count < words:
        for old_path, new_path in pairs:
            old_parts.append(_text(old_path))
            new_parts.append(_text(new_path))
            count += len(_text(old_path).split())
            if count >= words:
                break
    return Document("old-long.txt", "\n\n".join(old_parts)), Document("new-long.txt", "\n\n".join(new_parts))


def long_documents(corpus: Path, repeat: int) -> None:
    timings = []
    afresh(*long_pair(corpus, 2_000))  # warm imports and caches
    for words in LONG_SIZES:
        old, new = long_pair(corpus, words)
        seconds = best_of(max(1, repeat // 2), lambda old=old, new=new: afresh(old, new))
        timings.append((len(old.text.split()) + len(new.text.split()), seconds))
        target = TARGETS.get(words)
        verdict = "" if target is None else f" (target <= {target} s: {'ok' if seconds <= target else 'OVER TARGET'})"
        print(f"about {words:,} words a side: {seconds:.2f} s in process{verdict}")
    (small_words, small), (large_words, large) = timings[0], timings[-1]
    exponent = math.log(large / small) / math.log(large_words / small_words)
    print(f"growth exponent from {LONG_SIZES[0]:,} to {LONG_SIZES[-1]:,} words: {exponent:.2f} (1 is linear, 2 quadratic)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-redlines", action="store_true", help="time jointdiff only")
    parser.add_argument(
        "--only-command", action="store_true", help="time the whole jointdiff diff command alone (measure 2)"
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if args.only_command:
        whole_command(args.corpus, args.repeat)
        return 0
    fomc(args.corpus, args.repeat, args.skip_redlines)
    whole_command(args.corpus, args.repeat)
    long_documents(args.corpus, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
