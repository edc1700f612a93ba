"""Count the claims a report leads with over every consecutive pair of ../shared/corpus.

For each series folder, its statements in name order (``compare.series.order.statement_files``:
notes and sub-folders left out) are compared one with the next, as ``jointdiff report`` compares
them, and the sure key changes (``compare.keychanges``: new and dropped concerns, commitments,
calls and decisions, and sure hardened, softened or mixed shifts) are counted, in all and by
what they say. These are the figures the README gives when a change to classification moves
what an analyst reads first; ``--list`` prints each one, with its clauses, to read.

    python benchmarks/corpus_claims.py [--corpus DIR] [--list]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.keychanges import key_changes  # noqa: E402
from compare.pipeline import compare_documents  # noqa: E402
from compare.read import read  # noqa: E402
from compare.series.order import statement_files  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DIRECTED = ("hardened", "softened", "mixed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--list", action="store_true", help="print every sure key change with its clauses")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}", file=sys.stderr)
        return 0
    pairs = 0
    counts: Counter[str] = Counter()
    for series in sorted(path for path in args.corpus.iterdir() if path.is_dir()):
        documents = [(path.name, read(path)) for path in statement_files(series)]
        for (old_name, old), (new_name, new) in zip(documents, documents[1:], strict=False):
            pairs += 1
            for _, changes in key_changes(compare_documents(old, new)).by_target:
                for change in changes:
                    counts[change.what] += 1
                    if args.list:
                        texts = " | ".join(clause.text[:100] for clause in (*change.pair.old, *change.pair.new))
                        print(f"{series.name}: {old_name} -> {new_name}: {change.what} {change.kind.value}: {texts}")
    directed = sum(counts[what] for what in DIRECTED)
    print(f"{pairs} consecutive pairs; {sum(counts.values())} sure key changes, {directed} of them directional claims")
    print("  " + ", ".join(f"{what} {count}" for what, count in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
