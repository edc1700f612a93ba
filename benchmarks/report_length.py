"""The report's length budget, measured: words before the appendix over words of the two texts.

For every consecutive pair of every leaders' statement series of ../shared/corpus (not the
FOMC, not the UN resolutions: the restructured statements the budget is for), renders
``jointdiff report`` as Markdown, counts the words before the appendix (runs holding a letter
or a digit, as ``compare.report.budget.words_in`` counts them, so table rules do not count)
and divides by the words of the two texts as read. The budget aims at about a third (0.33),
with a floor of ``MINIMUM_WORDS`` for the listed changes of short statements: below about 1,500
source words the header and that floor dominate, and those pairs are summarised apart.

    python benchmarks/report_length.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.pipeline import compare_documents  # noqa: E402
from compare.read import read  # noqa: E402
from compare.report import render_report  # noqa: E402
from compare.report.budget import MINIMUM_WORDS, words_in  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
NOT_LEADERS = ("fomc", "unga-")
LONG_WORDS = 1500
"""Below this many source words the floor and the header dominate; reported apart."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    ratios: list[tuple[int, float]] = []
    print(f"{'pair':72} {'source':>7} {'report':>7} {'ratio':>6}")
    for series in sorted(p for p in args.corpus.iterdir() if p.is_dir() and not p.name.startswith(NOT_LEADERS)):
        files = sorted(p for p in series.iterdir() if p.is_file())
        for old_path, new_path in zip(files, files[1:], strict=False):
            old, new = read(old_path), read(new_path)
            report = render_report(compare_documents(old, new))
            body = report.split("\n## Appendix", 1)[0]
            source = words_in(old.text) + words_in(new.text)
            shown = words_in(body)
            ratios.append((source, shown / source))
            name = f"{series.name}/{old_path.stem[:10]}->{new_path.stem[:10]}"
            print(f"{name:72} {source:7d} {shown:7d} {shown / source:6.2f}")
    print()
    for label, chosen in (
        ("all pairs", ratios),
        (f"pairs of at least {LONG_WORDS:,} source words", [r for r in ratios if r[0] >= LONG_WORDS]),
        (f"pairs under {LONG_WORDS:,} source words", [r for r in ratios if r[0] < LONG_WORDS]),
    ):
        values = [ratio for _, ratio in chosen]
        if values:
            print(
                f"{label}: {len(values)}, median ratio {statistics.median(values):.2f}, "
                f"highest {max(values):.2f}"
            )
    print(f"(budget: a third of the source words, with at least {MINIMUM_WORDS} words for the listed changes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
