"""Measure the stance claims an analyst would quote: hardened, softened, mixed, same.

Two sets:

- **labelled real pairs** (``fixtures/labels/stance_pairs.toml``, development; the second
  development set ``fixtures/labels/dev2/stance_pairs.toml``, written 2026-12-07 without running
  jointdiff, whose first score is quoted as taken before any change it prompted; the third,
  ``fixtures/labels/dev3/stance_pairs.toml``, on invented statement pairs rewritten as real ones
  are (``fixtures/stance-dev3/``), written to find wrong claims, and the fourth (``dev4``, a UN
  resolution, a central bank's statement and two joint statements, by another writer), and the
  fifth (``dev5``, written to trap the engine with stance words that change while the stance
  does not), and the later sets of ``LATER`` (``dev6`` to ``dev12``: invented pairs by
  further writers, ``dev7`` real pairs again), each first scored before any change it prompted
  (those first scores are in the README's stance table); and, with
  ``--blind`` only, ``fixtures/labels/blind/stance_pairs.toml``): sentences of consecutive
  corpus versions that a reader takes for the same sentence revised (or, ``same_proposition =
  false``, two different sentences an aligner may pair). Each pair of files is compared as the
  product compares it (``compare_documents``, alignment included). The engine's claim for a
  labelled pair is what it shows on the two sentences: the shifts of every aligned pair that
  links a clause of the old sentence with a clause of the new one (one direction if they agree,
  mixed if they disagree, unclear or same otherwise), and no claim at all when none does. A
  sentence is often cut into several clauses, each paired on its own ("We urge North Korea to
  respect human rights, | and resolve the abductions issue immediately"), so the claim may come
  from any of them. The measure used until December 2026, the shift of the one pair holding
  most of each sentence, is printed beside it (``--verbose`` lists the pairs where they differ);
- **generated cases** (``benchmarks/stance_cases.py``): a real sentence and the same sentence
  with one stance phrase moved one rung on a ladder written independently of the lexicon; each
  is compared as two one-sentence statements.

Printed: recall of stronger/weaker (labelled direction found), precision of claimed directions
(a stronger or weaker claim matching the label), how mixed labels fared, what the engine
claimed on pairs that are not the same proposition, and the confusion table.

    python benchmarks/stance_bench.py [--corpus DIR] [--blind] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from classify_bench import sentences  # noqa: E402
from stance_cases import generate  # noqa: E402

from compare.model import Clause, Comparison, Document, Pair  # noqa: E402
from compare.pipeline import compare_documents  # noqa: E402
from compare.read import read  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = ROOT / "fixtures" / "labels"
DIRECTIONS = ("stronger", "weaker")
LATER = (
    ("dev2", "labelled real pairs, second development set"),
    ("dev3", "labelled invented pairs, third development set"),
    ("dev4", "labelled invented pairs, fourth development set"),
    ("dev5", "labelled invented pairs, fifth development set"),
    ("dev6", "labelled invented pairs, sixth development set"),
    ("dev7", "labelled real pairs, seventh development set"),
    ("dev8", "labelled invented pairs, eighth development set"),
    ("dev9", "labelled invented pairs, ninth development set"),
    ("dev10", "labelled invented pairs, tenth development set"),
    ("dev11", "labelled invented pairs, eleventh development set"),
    ("dev12", "labelled invented pairs, twelfth development set"),
)
"""The later development sets (folders of ``fixtures/labels``), scored when present."""


def _path(corpus: Path, file: str) -> Path:
    """A labelled file: the project's own (``fixtures/...``) or the corpus's."""
    return ROOT / file if file.startswith("fixtures/") else corpus / file


@cache
def _compared(corpus: Path, old_file: str, new_file: str) -> Comparison:
    return compare_documents(read(_path(corpus, old_file)), read(_path(corpus, new_file)))


@cache
def _sentences(corpus: Path, file: str) -> tuple[str, ...]:
    return tuple(sentences(_path(corpus, file).read_text("utf-8")))


def _words(text: str) -> set[str]:
    return {word.strip(".,;:()\"'\u201c\u201d\u2019").casefold() for word in text.split()} - {""}


def _holding(pairs: tuple[Pair, ...], side: str, sentence: str) -> Pair | None:
    """The aligned pair whose clauses on one side overlap the labelled sentence most."""
    wanted = _words(sentence)
    best, best_share = None, 0.0
    for pair in pairs:
        clauses = pair.old if side == "old" else pair.new
        if not clauses:
            continue
        share = len(wanted & _words(" ".join(c.text for c in clauses))) / max(len(wanted), 1)
        if share > best_share:
            best, best_share = pair, share
    return best if best_share >= 0.5 else None


def _inside(clause: Clause, sentence: str) -> bool:
    return " ".join(clause.text.split()) in " ".join(sentence.split())


def _labelled_sentences(corpus: Path, entry: dict) -> tuple[str, str, Comparison]:
    old_sentence = next(s for s in _sentences(corpus, entry["old_file"]) if entry["old_find"] in s)
    new_sentence = next(s for s in _sentences(corpus, entry["new_file"]) if entry["new_find"] in s)
    return old_sentence, new_sentence, _compared(corpus, entry["old_file"], entry["new_file"])


def claim_on_labelled(corpus: Path, entry: dict) -> str:
    """What the product claims on one labelled pair of sentences: a Shift value, or "not
    paired". Where no clause lies wholly inside the labelled sentences (the benchmark's sentence
    splitter cut elsewhere), the pair holding most of each sentence is read (``claim_by_holding``)."""
    old_sentence, new_sentence, comparison = _labelled_sentences(corpus, entry)
    linking = [
        pair for pair in comparison.pairs
        if pair.shift is not None
        and any(_inside(c, old_sentence) for c in pair.old)
        and any(_inside(c, new_sentence) for c in pair.new)
    ]
    if not linking:
        return claim_by_holding(corpus, entry)
    shifts = {pair.shift.value for pair in linking}
    directed = shifts & {"stronger", "weaker", "mixed"}
    if directed:
        return directed.pop() if len(directed) == 1 else "mixed"
    return "unclear" if "unclear" in shifts else "same"


def claim_by_holding(corpus: Path, entry: dict) -> str:
    """The measure used until December 2026: the shift of the aligned pair holding most of both
    sentences, or "not paired"."""
    old_sentence, new_sentence, comparison = _labelled_sentences(corpus, entry)
    old_pair = _holding(comparison.pairs, "old", old_sentence)
    new_pair = _holding(comparison.pairs, "new", new_sentence)
    if old_pair is None or old_pair is not new_pair or old_pair.shift is None:
        return "not paired"
    return old_pair.shift.value


def claim_on_generated(old: str, new: str) -> str:
    """What the product claims when a sentence is compared with its one-rung variant."""
    comparison = compare_documents(Document("old", old), Document("new", new))
    changed = [pair for pair in comparison.pairs if pair.has_changes]
    claims = {pair.shift.value for pair in changed if pair.shift is not None}
    if not claims:
        return "not paired" if any(not p.old or not p.new for p in changed) else "same"
    for direction in (*DIRECTIONS, "mixed", "unclear"):
        if direction in claims:
            return direction
    return claims.pop()


def _rates(gold: list[str], claimed: list[str]) -> tuple[int, int, int]:
    """(directions found, directions labelled, directions claimed): a direction found is a
    claim that is right, so recall is found/labelled and precision found/claimed."""
    wanted = sum(1 for g in gold if g in DIRECTIONS)
    found = sum(1 for g, c in zip(gold, claimed, strict=True) if g in DIRECTIONS and g == c)
    made = sum(1 for c in claimed if c in DIRECTIONS)
    return found, wanted, made


def report(title: str, gold: list[str], claimed: list[str]) -> None:
    """Recall and precision of directions, and the confusion table."""
    confusion = Counter(zip(gold, claimed, strict=True))
    found, wanted, made = _rates(gold, claimed)
    wrong_way = sum(n for (g, c), n in confusion.items() if {g, c} == set(DIRECTIONS))
    print(f"\n== {title}: {len(gold)} pairs, {wanted} labelled stronger/weaker")
    print(f"  recall of stronger/weaker   {found}/{wanted} = {found / max(wanted, 1):.3f}")
    print(f"  precision of claimed dirs   {found}/{made} = {found / max(made, 1):.3f}")
    print(f"  opposite direction claimed  {wrong_way}")
    mixed = sum(1 for g in gold if g == "mixed")
    if mixed:
        mixed_found = confusion[("mixed", "mixed")]
        print(f"  mixed labels found as mixed {mixed_found}/{mixed}")
    rows = sorted({g for g in gold})
    columns = sorted({c for c in claimed})
    print("  gold \\ claimed " + " ".join(f"{c:>10}" for c in columns))
    for g in rows:
        print(f"  {g:15} " + " ".join(f"{confusion[(g, c)]:10d}" for c in columns))


def labelled(corpus: Path, path: Path, title: str, verbose: bool) -> None:
    if not path.is_file():
        print(f"\n== {title} skipped: no {path.relative_to(ROOT)}")
        return
    entries = tomllib.loads(path.read_text("utf-8"))["pair"]
    gold, claimed, by_holding = [], [], []
    for entry in entries:
        claim = claim_on_labelled(corpus, entry)
        label = entry.get("shift", "same") if entry.get("same_proposition", True) else "not the same"
        gold.append(label)
        claimed.append(claim)
        by_holding.append(claim_by_holding(corpus, entry))
        if verbose and (label in (*DIRECTIONS, "mixed") or claim in DIRECTIONS) and claim != label:
            print(f"  [{label} -> {claim}] {entry['old_find']!r} / {entry['new_find']!r}: {entry.get('why', '')}")
        if verbose and by_holding[-1] != claim:
            print(f"  (one pair holding most of each sentence: {by_holding[-1]}) {entry['old_find']!r}")
    report(title, gold, claimed)
    found, wanted, made = _rates(gold, by_holding)
    print(
        f"  measured by the one pair holding most of each sentence (until December 2026): "
        f"recall {found}/{wanted} = {found / max(wanted, 1):.3f}, precision {found}/{made} = {found / max(made, 1):.3f}"
    )


def generated(corpus: Path, verbose: bool) -> None:
    cases = generate(corpus)
    gold, claimed = [], []
    by_ladder: Counter[tuple[str, bool]] = Counter()
    for case in cases:
        claim = claim_on_generated(case.old, case.new)
        gold.append(case.direction)
        claimed.append(claim)
        by_ladder[(case.ladder, claim == case.direction)] += 1
        if verbose and claim != case.direction:
            print(f"  [{case.move}: {case.direction} -> {claim}] {case.new[:140]}")
    report(f"generated cases ({len({c.move for c in cases})} moves)", gold, claimed)
    for ladder in sorted({ladder for ladder, _ in by_ladder}):
        hit, miss = by_ladder[(ladder, True)], by_ladder[(ladder, False)]
        print(f"  {ladder:16} {hit}/{hit + miss}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--blind", action="store_true", help="also score the blind half (only when done tuning)")
    parser.add_argument("--verbose", action="store_true", help="print the misses (never of the blind half)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    labelled(args.corpus, LABELS / "stance_pairs.toml", "labelled real pairs, development half", args.verbose)
    for folder, title in LATER:
        if (LABELS / folder / "stance_pairs.toml").is_file():
            labelled(args.corpus, LABELS / folder / "stance_pairs.toml", title, args.verbose)
    if args.blind:
        labelled(args.corpus, LABELS / "blind" / "stance_pairs.toml", "labelled real pairs, BLIND half", False)
    generated(args.corpus, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
