"""List the stance claims jointdiff makes on real statement pairs, for a person to read.

Precision comes first for every claim an analyst may quote ("hardened", "softened", "mixed"),
and the labelled sets are small. This script widens the check: it compares every consecutive
pair of each corpus series, as the product does, and prints the directed claims (with their
confidence, their evidence and both texts) for someone to judge one by one.

Pairs touching a file that the blind label sets use are left out (and counted), so that reading
the claims never shows what the blind sets score: only the files those sets name are read from
them, never their labels. ``--sample N`` prints N claims drawn at random (``--seed``) rather
than all.

    python benchmarks/claims_audit.py [--corpus DIR] [--sample N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from speed_bench import series_pairs  # noqa: E402

from compare.model import Pair  # noqa: E402
from compare.pipeline import compare_documents  # noqa: E402
from compare.read import read  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
BLIND = ROOT / "fixtures" / "labels" / "blind"
DIRECTED = ("stronger", "weaker", "mixed")
FILE_KEYS = ("old_file", "new_file", "old", "new", "file")


def blind_files() -> set[str]:
    """Corpus files (series/name) that any blind label set uses."""
    names: set[str] = set()
    for path in sorted(BLIND.glob("*.toml")):
        _collect(tomllib.loads(path.read_text("utf-8")), names)
    return names


def _collect(node: object, names: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in FILE_KEYS and isinstance(value, str):
                names.add(value)
            else:
                _collect(value, names)
    elif isinstance(node, list):
        for item in node:
            _collect(item, names)


def claims(corpus: Path, skip: set[str]) -> tuple[list[tuple[str, Pair]], int, int]:
    """The directed claims on every consecutive pair whose files no blind set uses, with the
    number of pairs compared and of pairs left out."""
    found: list[tuple[str, Pair]] = []
    compared = skipped = 0
    for series in sorted(path for path in corpus.iterdir() if path.is_dir()):
        for old, new in series_pairs(series):
            # label sets name a file by series/name, or (the series threads) by its name alone
            if {f"{series.name}/{old.name}", old.name, f"{series.name}/{new.name}", new.name} & skip:
                skipped += 1
                continue
            compared += 1
            comparison = compare_documents(read(old), read(new))
            for pair in comparison.pairs:
                if pair.shift is not None and pair.shift.value in DIRECTED:
                    found.append((f"{series.name}: {old.name} -> {new.name}", pair))
    return found, compared, skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=0, help="print N claims drawn at random (default: all)")
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    found, compared, skipped = claims(args.corpus, blind_files())
    print(f"{compared} consecutive pairs compared, {skipped} left out (a file the blind sets use): {len(found)} directed claims")
    shown = random.Random(args.seed).sample(found, args.sample) if 0 < args.sample < len(found) else found
    for number, (where, pair) in enumerate(shown, start=1):
        print(f"\n#{number} {where}: {pair.shift.value if pair.shift else ''} (confidence {pair.confidence})")
        print(f"  {pair.shift_reason}")
        print("  old: " + " | ".join(" ".join(c.text.split()) for c in pair.old))
        print("  new: " + " | ".join(" ".join(c.text.split()) for c in pair.new))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
