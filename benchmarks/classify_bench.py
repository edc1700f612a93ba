"""Measure classify() and shift() against hand labels: kind P/R/F1, macro-F1, shift accuracy.

Two label sets: the fixture set (``fixtures/labels/clauses.toml`` and ``shifts.toml``, clauses
of our own fixture statements, text included) and the corpus set
(``fixtures/labels/corpus_clauses.toml`` and ``corpus_shifts.toml``, labels only: the text is
read from ``../shared/corpus`` at run time and located by a unique substring). A set whose
files are missing is skipped with the reason printed. Also times the classification of the
longest G7 communique of the corpus, sentence by sentence.

The held-out clause set (``heldout2_clauses.toml``) is scored only with ``--blind``, and its
mistakes are never printed: it measures what to expect on new statements only while nobody
tunes on it.

Usage: python benchmarks/classify_bench.py [--corpus DIR] [--verbose] [--blind]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.classify import classify, load_lexicon  # noqa: E402
from compare.model import Clause, Kind, Label, Pair, Status  # noqa: E402
from compare.pipeline import forget_texts, label_document  # noqa: E402
from compare.read import read  # noqa: E402
from compare.shift import shift  # noqa: E402

FIXTURES = ROOT / "fixtures"
LABELS = FIXTURES / "labels"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
LONG_COMMUNIQUE = "g7-leaders-communique/2021-06-13_g7-carbis-bay-communique.md"

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Jr|Mr|Mrs|Ms|Dr|St|No|Nos|Gov|Sen|Rep|Inc|Ltd|Co|vs|Gen|Lt|Col|Adm|Amb|Sr"
    r"|e\.g|i\.e|U\.S|U\.K|U\.N|E\.U|D\.C|p\.m|a\.m))\.$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019]?\s+(?=[\"\u201c(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Scores:
    """Kind and shift figures of one label set."""

    gold: tuple[Kind, ...]
    predicted: tuple[Kind, ...]
    shift_gold: tuple[str, ...]
    shift_predicted: tuple[str, ...]


def paragraphs(text: str) -> list[str]:
    """Blocks of a corpus file with hard wraps undone, front matter and link targets dropped."""
    text = _LINK.sub(r"\1", _FRONT_MATTER.sub("", text)).replace("**", "")
    blocks = (" ".join(block.split()) for block in re.split(r"\n[ \t\u00a0]*\n", text))
    return [block for block in blocks if block]


def sentences(text: str) -> list[str]:
    """Sentences of a corpus file (abbreviations such as "U.S." and initials do not end one)."""
    found: list[str] = []
    for paragraph in paragraphs(text):
        merged: list[str] = []
        for piece in _SENTENCE_END.split(paragraph):
            if merged and _ABBREVIATION.search(merged[-1]):
                merged[-1] += " " + piece
            else:
                merged.append(piece)
        found.extend(merged)
    return found


def locate(corpus: Path, file: str, find: str, cache: dict[str, list[str]]) -> str:
    """The one sentence of a corpus file that contains ``find``."""
    if file not in cache:
        cache[file] = sentences((corpus / file).read_text("utf-8"))
    hits = [sentence for sentence in cache[file] if find in sentence]
    if len(hits) != 1:
        raise SystemExit(f"label error: {find!r} found in {len(hits)} sentences of {file}")
    return hits[0]


def as_clause(text: str, doc_id: str = "old", index: int = 0) -> Clause:
    return Clause(doc_id, index, 1, index + 1, 0, len(text), text)


def in_context(source: str | None, text: str, cache: dict[str, tuple[Clause, ...]]) -> Label:
    """The label the product gives a clause where it stands in its document (a UN sub-item
    takes the stance of its lead paragraph), or alone when its document is not at hand."""
    if source is not None and (FIXTURES / source).is_file():
        if source not in cache:
            cache[source] = label_document(read(FIXTURES / source))
        wanted = " ".join(text.split())
        for clause in cache[source]:
            if clause.text == wanted or wanted in clause.text or clause.text in wanted:
                assert clause.label is not None
                return clause.label
    label = classify(as_clause(text)).label
    assert label is not None
    return label


def score_set(
    clause_items: list[tuple[str, str, str | None]],
    pair_items: list[tuple[str, str, str]],
    verbose: bool,
    name: str,
) -> Scores:
    gold, predicted = [], []
    documents: dict[str, tuple[Clause, ...]] = {}
    for text, kind, source in clause_items:
        label = in_context(source, text, documents)
        gold.append(Kind(kind))
        predicted.append(label.kind)
        if verbose and label.kind is not Kind(kind):
            print(f"  [{name}] kind {kind} != {label.kind} ({label.stance!r}): {text[:150]}")
    shift_gold, shift_predicted = [], []
    for old_text, new_text, expected in pair_items:
        pair = Pair(
            Status.REWORDED,
            (classify(as_clause(old_text, "old")),),
            (classify(as_clause(new_text, "new")),),
        )
        result = shift(pair)
        shift_gold.append(expected)
        shift_predicted.append(str(result.shift))
        if verbose and str(result.shift) != expected:
            print(f"  [{name}] shift {expected} != {result.shift} ({result.shift_reason})")
            print(f"      old: {old_text[:140]}\n      new: {new_text[:140]}")
    return Scores(tuple(gold), tuple(predicted), tuple(shift_gold), tuple(shift_predicted))


def report(title: str, scores: Scores) -> None:
    print(f"\n== {title}: {len(scores.gold)} clauses, {len(scores.shift_gold)} pairs")
    f1s = []
    print(f"  {'kind':<11} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for kind in Kind:
        true_positive = sum(g is kind and p is kind for g, p in zip(scores.gold, scores.predicted, strict=True))
        n_gold = sum(g is kind for g in scores.gold)
        n_predicted = sum(p is kind for p in scores.predicted)
        if not n_gold and not n_predicted:
            continue
        precision = true_positive / n_predicted if n_predicted else 0.0
        recall = true_positive / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if n_gold:
            f1s.append(f1)
        print(f"  {kind.value:<11} {n_gold:>4} {precision:6.3f} {recall:6.3f} {f1:6.3f}")
    if f1s:
        accuracy = sum(g is p for g, p in zip(scores.gold, scores.predicted, strict=True)) / len(scores.gold)
        print(f"  macro-F1 on kind: {sum(f1s) / len(f1s):.3f}   accuracy: {accuracy:.3f}")
    if scores.shift_gold:
        right = sum(g == p for g, p in zip(scores.shift_gold, scores.shift_predicted, strict=True))
        changed = [(g, p) for g, p in zip(scores.shift_gold, scores.shift_predicted, strict=True) if g != "same"]
        changed_right = sum(g == p for g, p in changed)
        print(f"  shift direction: {right}/{len(scores.shift_gold)} right"
              f" ({right / len(scores.shift_gold):.3f}); on pairs whose stance changed:"
              f" {changed_right}/{len(changed)}")
        print(f"  confusion (gold->predicted): {dict(Counter(zip(scores.shift_gold, scores.shift_predicted, strict=True)))}")


def fixture_set(verbose: bool) -> Scores | None:
    clauses_file, shifts_file = LABELS / "clauses.toml", LABELS / "shifts.toml"
    if not clauses_file.exists():
        print(f"\n== fixture set skipped: {clauses_file.relative_to(ROOT)} does not exist yet")
        return None
    clauses = tomllib.loads(clauses_file.read_text("utf-8")).get("clause", [])
    pairs = (
        tomllib.loads(shifts_file.read_text("utf-8")).get("pair", []) if shifts_file.exists() else []
    )
    if not shifts_file.exists():
        print(f"  (no {shifts_file.relative_to(ROOT)}: shift direction not measured on fixtures)")
    return score_set(
        [(c["text"], c["kind"], c.get("source")) for c in clauses],
        [(p["old"], p["new"], p["shift"]) for p in pairs],
        verbose,
        "fixture",
    )


def corpus_set(corpus: Path, verbose: bool) -> Scores | None:
    if not corpus.is_dir():
        print(f"\n== corpus set skipped: no corpus at {corpus}")
        return None
    cache: dict[str, list[str]] = {}
    clauses = tomllib.loads((LABELS / "corpus_clauses.toml").read_text("utf-8"))["clause"]
    pairs = tomllib.loads((LABELS / "corpus_shifts.toml").read_text("utf-8"))["pair"]
    return score_set(
        [(locate(corpus, c["file"], c["find"], cache), c["kind"], None) for c in clauses],
        [
            (
                locate(corpus, p["old_file"], p["old_find"], cache),
                locate(corpus, p["new_file"], p["new_find"], cache),
                p["shift"],
            )
            for p in pairs
        ],
        verbose,
        "corpus",
    )


def located_set(corpus: Path, labels: Path, verbose: bool, name: str) -> Scores | None:
    """Clauses labelled blind to the classifier ([[clause]] file, find, kind), of the corpus or
    of the project's invented texts, each classified where it stands in its document, as the
    product does."""
    if not corpus.is_dir() or not labels.is_file():
        print(f"\n== {name} skipped: no corpus at {corpus} or no {labels.name}")
        return None
    documents: dict[str, tuple[str, tuple[Clause, ...]]] = {}
    gold, predicted = [], []
    for entry in tomllib.loads(labels.read_text("utf-8"))["clause"]:
        if entry["file"] not in documents:
            # the project's own invented texts ("fixtures/...") or the corpus's
            document = read(ROOT / entry["file"] if entry["file"].startswith("fixtures/") else corpus / entry["file"])
            documents[entry["file"]] = (document.text, label_document(document))
        text, clauses = documents[entry["file"]]
        # The clause in which the labelled words begin (they may run on into the next one); a
        # paragraph number or bullet the reader keeps out of the text is dropped from `find`.
        find = " ".join(entry["find"].split())
        at = text.find(find)
        if at < 0:
            at = text.find(re.sub(r"^(?:\d{1,3}\.|\([a-z]{1,5}\)|\*)\s+", "", find))
        clause = next((c for c in clauses if c.start <= at < c.end), None) if at >= 0 else None
        if clause is None or clause.label is None:
            print(f"  [{name}] not located: {entry['find']!r} in {entry['file']}")
            continue
        gold.append(Kind(entry["kind"]))
        predicted.append(clause.label.kind)
        if verbose and clause.label.kind is not Kind(entry["kind"]):
            print(f"  [{name}] kind {entry['kind']} != {clause.label.kind} ({clause.label.stance!r}): {clause.text[:150]}")
    return Scores(tuple(gold), tuple(predicted), (), ())


def timing(corpus: Path) -> None:
    path = corpus / LONG_COMMUNIQUE
    if not path.exists():
        print(f"\n== timing skipped: no {path}")
        return
    texts = sentences(path.read_text("utf-8"))
    clauses = [as_clause(text, "old", i) for i, text in enumerate(texts)]
    lexicon = load_lexicon()
    best = min(_timed(clauses, lexicon) for _ in range(5))
    print(f"\n== timing: {len(clauses)} clauses of {LONG_COMMUNIQUE}: {best * 1000:.1f} ms"
          f" ({best / len(clauses) * 1e6:.0f} us a clause read afresh, best of 5)")


def _timed(clauses: list[Clause], lexicon) -> float:
    forget_texts(lexicon)  # read every clause afresh, not from the process's memory
    start = time.perf_counter()
    for clause in clauses:
        classify(clause, lexicon=lexicon)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true", help="print every mistake (never of the held-out set)")
    parser.add_argument("--blind", action="store_true", help="also score the held-out set (only when done tuning)")
    args = parser.parse_args()
    sets = [("fixture set", fixture_set(args.verbose)), ("corpus set", corpus_set(args.corpus, args.verbose))]
    measured = [(title, scores) for title, scores in sets if scores is not None]
    for title, scores in measured:
        report(title, scores)
    if len(measured) > 1:
        fields = ("gold", "predicted", "shift_gold", "shift_predicted")
        report("overall", Scores(*(sum((getattr(s, f) for _, s in measured), ()) for f in fields)))
    label_sets = [
        # Labelled blind; its errors were then read once to find general misses.
        ("heldout_clauses.toml", "development set (blind labels, errors read)"),
        # Labelled blind on 2026-12-06 from files no other set uses; tuned on since.
        ("dev3_clauses.toml", "development set 3 (blind labels, tuned on)"),
        # Labelled blind on 2026-12-07 by a helper, from files of neither held-out set; scored
        # first on the eighth session's code, before any change it prompted.
        ("dev4_clauses.toml", "development set 4 (blind labels, first scored 2026-12-07)"),
        # Labelled blind on 2026-12-07 by another helper session, after the rules set 4 prompted;
        # first scored 0.854 (accuracy 0.858) before any rule of its own.
        ("dev5_clauses.toml", "development set 5 (blind labels, first scored 2026-12-07)"),
        # Labelled blind on 2026-12-08 by a helper session, from files of neither held-out set;
        # first scored 0.863 (accuracy 0.858).
        ("dev7_clauses.toml", "development set 7 (blind labels, first scored 2026-12-08)"),
        # Labelled blind on 2026-12-08 by another helper session, after set 7's rules; first
        # scored 0.736 (accuracy 0.867: its one decision missed).
        ("dev8_clauses.toml", "development set 8 (blind labels, first scored 2026-12-08)"),
        # Labelled blind on 2026-12-08 by a third helper session, after set 8's rules; first
        # scored 0.812 (accuracy 0.915: its three decisions missed).
        ("dev9_clauses.toml", "development set 9 (blind labels, first scored 2026-12-08)"),
        # Labelled blind on 2026-12-08 by a fourth helper session, on the invented texts of
        # fixtures/stance-dev8 and stance-dev9 (whose stance sets were tuned on: the texts, not
        # their clause kinds); first scored 0.791 (accuracy 0.859: six of its seven decisions
        # missed).
        ("dev10_clauses.toml", "development set 10 (blind labels, first scored 2026-12-08)"),
        # Labelled blind on 2026-12-08 by a fifth helper session, on the invented texts of
        # fixtures/stance-dev10; first scored 0.898 (accuracy 0.891).
        ("dev11_clauses.toml", "development set 11 (blind labels, first scored 2026-12-08)"),
        # Labelled blind on 2026-12-08 by a sixth helper session, on the invented texts of
        # fixtures/stance-dev11, after the tenth session's rules; first scored 0.936 (accuracy 0.939).
        ("dev12_clauses.toml", "development set 12 (blind labels, first scored 2026-12-08)"),
    ]
    if args.blind:
        # Labelled blind after that, never looked at for tuning: what to expect on new statements.
        label_sets.append(("heldout2_clauses.toml", "held-out set (never tuned on)"))
    for labels, title in label_sets:
        verbose = args.verbose and not labels.startswith("heldout2")
        scores = located_set(args.corpus, LABELS / labels, verbose, title.split(" (")[0])
        if scores is not None:
            report(title, scores)
    timing(args.corpus)


if __name__ == "__main__":
    main()
