"""Alignment accuracy against hand-labelled gold alignments (fixtures/labels/alignments.toml).

The gold links are between sentences; jointdiff pairs clauses. Each pair of jointdiff's is read
as links between the sentences its clauses lie in, and compared with the gold links of the
sentences in scope: precision, recall and F1 of links, and how many gold added/removed
sentences jointdiff also left unpaired. Run over a grid of scorers, methods and thresholds so
the defaults are chosen by measurement:

    python benchmarks/align_quality.py [--grid]

Corpus pairs are read from ../shared/corpus at run time (skipped with a note where absent).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.align import DEFAULT_THRESHOLD, align  # noqa: E402
from compare.model import Clause, Document  # noqa: E402
from compare.normalise import normalise  # noqa: E402
from compare.read import read  # noqa: E402
from compare.segment import segment  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass
class Case:
    name: str
    old: Document
    new: Document
    old_clauses: tuple[Clause, ...]
    new_clauses: tuple[Clause, ...]
    gold: set[tuple[int, int]]
    gold_added: set[int]
    gold_removed: set[int]
    scope_new: set[int] | None
    """For a partial labelling: the new sentences in scope (None: everything)."""


def _sentence_of(document: Document, clauses: tuple[Clause, ...], start_text: str) -> int | None:
    """The number of the sentence that starts with (or, failing that, holds) start_text."""
    wanted = normalise(start_text)
    for clause in clauses:
        if normalise(document.text[clause.start : clause.start + len(start_text) + 40]).startswith(wanted):
            return clause.sentence
    for clause in clauses:
        if wanted and wanted in normalise(clause.text):
            return clause.sentence
    return None


def _path(name: str) -> Path:
    return ROOT / name if name.startswith("fixtures/") else CORPUS / name


def load_cases() -> tuple[list[Case], list[str]]:
    labels = tomllib.loads((ROOT / "fixtures" / "labels" / "alignments.toml").read_text("utf-8"))
    cases, notes = [], []
    for entry in labels["pair"]:
        old_path, new_path = _path(entry["old"]), _path(entry["new"])
        if not old_path.is_file() or not new_path.is_file():
            notes.append(f"skipped {entry['old']}: not found (is ../shared/corpus there?)")
            continue
        old, new = read(old_path), read(new_path)
        old_clauses, new_clauses = segment(old, doc_id="old"), segment(new, doc_id="new")
        gold: set[tuple[int, int]] = set()
        added: set[int] = set()
        removed: set[int] = set()
        scope: set[int] = set()
        missing = 0
        for link in entry["link"]:
            olds = [_sentence_of(old, old_clauses, text) for text in link["old"]]
            news = [_sentence_of(new, new_clauses, text) for text in link["new"]]
            if None in olds or None in news:
                missing += 1
                continue
            scope.update(news)
            if not olds:
                added.update(news)
            elif not news:
                removed.update(olds)
            gold.update(itertools.product(olds, news))
        if missing:
            notes.append(f"{entry['new']}: {missing} labelled sentences not located")
        cases.append(
            Case(
                entry["new"],
                old,
                new,
                old_clauses,
                new_clauses,
                gold,
                added,
                removed,
                scope if entry.get("partial") else None,
            )
        )
    return cases, notes


def evaluate(cases: list[Case], **options: object) -> dict[str, float]:
    true_positive = predicted = expected = 0
    added_right = added_total = removed_right = removed_total = 0
    for case in cases:
        pairs = align(case.old_clauses, case.new_clauses, **options)
        links = {
            (o.sentence, n.sentence) for pair in pairs for o in pair.old for n in pair.new
        }
        if case.scope_new is not None:
            links = {link for link in links if link[1] in case.scope_new}
        paired_new = {n for _, n in links}
        paired_old = {o for o, _ in links}
        true_positive += len(links & case.gold)
        predicted += len(links)
        expected += len(case.gold)
        added_total += len(case.gold_added)
        added_right += len(case.gold_added - paired_new)
        if case.scope_new is None:
            removed_total += len(case.gold_removed)
            removed_right += len(case.gold_removed - paired_old)
    precision = true_positive / max(predicted, 1)
    recall = true_positive / max(expected, 1)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(precision + recall, 1e-9),
        "added": added_right / max(added_total, 1),
        "removed": removed_right / max(removed_total, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", action="store_true", help="try every scorer, method and threshold")
    args = parser.parse_args()
    cases, notes = load_cases()
    for note in notes:
        print(f"note: {note}")
    print(f"{len(cases)} labelled pairs, {sum(len(c.gold) for c in cases)} gold links")
    grid = (
        itertools.product(("hybrid", "words", "blend", "ratio", "token_sort_ratio", "WRatio"), ("greedy", "global"), (45, 50, 55, 60, 65, 70))
        if args.grid
        else [("hybrid", "greedy", DEFAULT_THRESHOLD)]
    )
    print(f"{'scorer':17} {'method':7} {'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6} {'added':>6} {'removed':>7}")
    for scorer, method, threshold in grid:
        result = evaluate(cases, scorer=scorer, method=method, threshold=threshold)
        print(
            f"{scorer:17} {method:7} {threshold:9g} {result['precision']:9.3f} {result['recall']:7.3f} "
            f"{result['f1']:6.3f} {result['added']:6.3f} {result['removed']:7.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
