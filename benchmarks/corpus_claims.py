"""Count the claims a report leads with over every consecutive pair of ../shared/corpus.

For each series folder, its statements in name order (``compare.series.order.statement_files``:
notes and sub-folders left out) are compared one with the next, as ``jointdiff report`` compares
them, and the sure key changes (``compare.keychanges``: new and dropped concerns, commitments,
calls and decisions, and sure hardened, softened or mixed shifts) are counted, in all and by
what they say. These are the figures the README gives when a change to classification moves
what an analyst reads first; ``--list`` prints each one, with its clauses, to read.

``--dump FILE`` also writes every clause label of every statement (kind, rung, stance phrase)
and every aligned pair's shift and reason, one JSON line each, and ``--compare OLD NEW`` counts
what differs between two such files: run it in two checkouts (``git worktree add``) to see how
many labels, directions and reasons a change moved.

    python benchmarks/corpus_claims.py [--corpus DIR] [--list] [--dump FILE]
    python benchmarks/corpus_claims.py --compare OLD.jsonl NEW.jsonl
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.keychanges import key_changes  # noqa: E402
from compare.pipeline import compare_documents, label_document  # noqa: E402
from compare.read import read  # noqa: E402
from compare.series.order import statement_files  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DIRECTED = ("hardened", "softened", "mixed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--list", action="store_true", help="print every sure key change with its clauses")
    parser.add_argument("--dump", type=Path, help="write every clause label and every pair's shift here")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("OLD", "NEW"), help="count what two dumps differ in")
    args = parser.parse_args()
    if args.compare:
        return _compare(*args.compare)
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}", file=sys.stderr)
        return 0
    with args.dump.open("w", encoding="utf-8") if args.dump else contextlib.nullcontext() as dump:
        pairs, counts = _count(args.corpus, dump, args.list)
    directed = sum(counts[what] for what in DIRECTED)
    print(f"{pairs} consecutive pairs; {sum(counts.values())} sure key changes, {directed} of them directional claims")
    print("  " + ", ".join(f"{what} {count}" for what, count in sorted(counts.items())))
    return 0


def _count(corpus: Path, dump: TextIO | None, listing: bool) -> tuple[int, Counter[str]]:
    """How many consecutive pairs were compared, and their sure key changes by what they say;
    every label and shift written to ``dump`` when given, every key change printed when
    ``listing``."""
    pairs = 0
    counts: Counter[str] = Counter()
    for series in sorted(path for path in corpus.iterdir() if path.is_dir()):
        documents = [(path.name, read(path)) for path in statement_files(series)]
        for name, document in documents if dump else ():
            for clause in label_document(document):
                label = clause.label
                row = ["label", f"{series.name}/{name}", clause.text, label.kind.value, label.intensity, label.stance]
                dump.write(json.dumps(row) + "\n")
        for (old_name, old), (new_name, new) in zip(documents, documents[1:], strict=False):
            pairs += 1
            comparison = compare_documents(old, new)
            for pair in comparison.pairs if dump else ():
                texts = [clause.text for clause in (*pair.old, *pair.new)]
                shift = pair.shift.value if pair.shift else None
                dump.write(json.dumps(["pair", f"{series.name}/{old_name}", texts, shift, pair.shift_reason]) + "\n")
            for _, changes in key_changes(comparison).by_target:
                for change in changes:
                    counts[change.what] += 1
                    if listing:
                        texts = " | ".join(clause.text[:100] for clause in (*change.pair.old, *change.pair.new))
                        print(f"{series.name}: {old_name} -> {new_name}: {change.what} {change.kind.value}: {texts}")
    return pairs, counts


def _compare(old: Path, new: Path) -> int:
    """Count the labels whose kind, rung or stance phrase differ, and the pairs whose shift or
    reason differ, between two dumps of the same corpus (line by line)."""
    try:
        before = old.read_text("utf-8").splitlines()
        after = new.read_text("utf-8").splitlines()
    except OSError as err:
        print(f"corpus_claims: cannot read '{err.filename}': {(err.strerror or str(err)).lower()}", file=sys.stderr)
        return 2
    if len(before) != len(after):
        print(f"the dumps differ in length ({len(before)} and {len(after)} lines): not the same cut", file=sys.stderr)
        return 2
    kinds: Counter[tuple[str, str]] = Counter()
    labels = directions = reasons = 0
    for line_before, line_after in zip(before, after, strict=True):
        a, b = json.loads(line_before), json.loads(line_after)
        if a[0] == "label" and a[3:] != b[3:]:
            labels += 1
            if a[3] != b[3]:
                kinds[(a[3], b[3])] += 1
        elif a[0] == "pair":
            directions += a[3] != b[3]
            reasons += a[4] != b[4]
    print(f"labels changed: {labels} ({sum(kinds.values())} of kind: " + ", ".join(f"{x} -> {y} {n}" for (x, y), n in kinds.most_common()) + ")")
    print(f"pairs whose direction changed: {directions}; whose reason changed: {reasons}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
