"""Alignment accuracy against hand-labelled gold alignments.

The gold links are between sentences; jointdiff pairs clauses. Each pair of jointdiff's is read
as links between the sentences its clauses lie in, and compared with the gold links of the
sentences in scope: precision, recall and F1 of links, how many gold added/removed sentences
jointdiff also left unpaired, and how often a claim shown as **sure** is wrong (a pair whose
confidence reaches ``compare.model.SURE`` linking sentences the labels do not link, or a clause
shown surely added/removed, from ``compare.model.SURE_UNPAIRED``, that the labels link).

Label sets (``fixtures/labels``):

- development: ``alignments.toml`` (13 pairs: FOMC, UN resolutions, lightly edited leaders'
  statements, our fixtures) and ``alignments_rewritten.toml`` (rewritten leaders' statements);
  the aligner's models were fitted on these (``align_fit.py``), so their figures overstate;
- second development set: ``dev2/alignments_rewritten.toml`` (rewritten leaders' statements,
  partial pairs, labelled 2026-12-07 without running jointdiff; not fitted on), scored when present;
- blind: ``blind/alignments_rewritten.toml``, never read while tuning; scored only with
  ``--blind``.

Groups reported: lightly edited (FOMC and UN pairs), other development pairs, rewritten
(development), rewritten (blind).

    python benchmarks/align_quality.py [--blind] [--grid] [--verbose]

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
from compare.model import Clause, Document, Status  # noqa: E402
from compare.normalise import normalise  # noqa: E402
from compare.read import read  # noqa: E402
from compare.segment import heading_indices, segment  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = ROOT / "fixtures" / "labels"
DEVELOPMENT = (LABELS / "alignments.toml", LABELS / "alignments_rewritten.toml")
SECOND = (LABELS / "dev2" / "alignments_rewritten.toml",)
"""A second development set, labelled 2026-12-07 without running jointdiff; the models were not
fitted on it (``align_fit.py`` reads DEVELOPMENT only)."""
BLIND = (LABELS / "blind" / "alignments_rewritten.toml",)


@dataclass
class Case:
    name: str
    group: str
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
    """The number of the sentence that starts with (or, failing that, holds) start_text.

    Compared normalised as the aligner compares (spelling, typography, names), then, because a
    label cut off mid-name ("... of the Democratic") normalises differently from the whole
    name ("... of the North Korea"), as written with only case, spaces and quotes evened out.
    A label that starts with a resolution's number ("79/194. Situation of ...") is not found:
    the reader leaves the number out as page furniture.
    """
    for read_as in (normalise, _plain):
        wanted = read_as(start_text)
        for clause in clauses:
            if read_as(document.text[clause.start : clause.start + len(start_text) + 40]).startswith(wanted):
                return clause.sentence
        for clause in clauses:
            if wanted and wanted in read_as(clause.text):
                return clause.sentence
    return None


_QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def _plain(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split()).casefold()


def _path(name: str) -> Path:
    return ROOT / name if name.startswith("fixtures/") else CORPUS / name


def _group(label_file: Path, entry: dict) -> str:
    if label_file.parent.name == "blind":
        return "rewritten (blind)"
    if label_file.parent.name == "dev2":
        return "rewritten (second dev set)"
    if "rewritten" in label_file.name:
        return "rewritten (development)"
    if entry["new"].startswith(("fomc/", "unga-")):
        return "lightly edited (FOMC, UN)"
    return "other development pairs"


def load_cases(label_files: tuple[Path, ...] = DEVELOPMENT) -> tuple[list[Case], list[str]]:
    cases, notes = [], []
    for label_file in label_files:
        if not label_file.is_file():
            notes.append(f"skipped {label_file.relative_to(ROOT)}: no such file")
            continue
        labels = tomllib.loads(label_file.read_text("utf-8"))
        for entry in labels["pair"]:
            case = _case(label_file, entry, notes)
            if case is not None:
                cases.append(case)
    return cases, notes


def _case(label_file: Path, entry: dict, notes: list[str]) -> Case | None:
    old_path, new_path = _path(entry["old"]), _path(entry["new"])
    if not old_path.is_file() or not new_path.is_file():
        notes.append(f"skipped {entry['old']}: not found (is ../shared/corpus there?)")
        return None
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
    partial = entry.get("partial")
    return Case(
        entry["new"], _group(label_file, entry), old, new, old_clauses, new_clauses, gold, added, removed,
        scope if partial else None,
    )


def evaluate(cases: list[Case], verbose: bool = False, **options: object) -> dict[str, float]:
    true_positive = predicted = expected = 0
    added_right = added_total = removed_right = removed_total = 0
    sure_pairs = sure_wrong = sure_unpaired = sure_unpaired_wrong = 0
    for case in cases:
        headings = (heading_indices(case.old, case.old_clauses), heading_indices(case.new, case.new_clauses))
        pairs = align(case.old_clauses, case.new_clauses, headings=headings, **options)
        in_scope = case.scope_new
        links: set[tuple[int, int]] = set()
        for pair in pairs:
            pair_links = {(o.sentence, n.sentence) for o in pair.old for n in pair.new}
            if in_scope is not None:
                pair_links = {link for link in pair_links if link[1] in in_scope}
            links |= pair_links
            sure = pair.certainty == "sure"
            if pair_links and sure:
                sure_pairs += 1
                wrong = bool(pair_links - case.gold)
                sure_wrong += wrong
                if wrong and verbose:
                    print(f"  sure but wrong ({pair.confidence}, {pair.matched_by}) in {case.name}:")
                    print(f"    {' | '.join(c.text[:90] for c in pair.old)}\n    {' | '.join(c.text[:90] for c in pair.new)}")
            if pair.status in (Status.ADDED, Status.REMOVED) and sure:
                clause = (pair.old or pair.new)[0]
                if pair.status is Status.ADDED and in_scope is not None and clause.sentence not in in_scope:
                    continue
                if pair.status is Status.REMOVED and in_scope is not None:
                    continue  # out-of-scope old sentences are not labelled removed
                sure_unpaired += 1
                side = 1 if pair.status is Status.ADDED else 0
                sure_unpaired_wrong += any(link[side] == clause.sentence for link in case.gold)
        paired_new = {n for _, n in links}
        paired_old = {o for o, _ in links}
        true_positive += len(links & case.gold)
        predicted += len(links)
        expected += len(case.gold)
        added_total += len(case.gold_added)
        added_right += len(case.gold_added - paired_new)
        if in_scope is None:
            removed_total += len(case.gold_removed)
            removed_right += len(case.gold_removed - paired_old)
    precision = true_positive / max(predicted, 1)
    recall = true_positive / max(expected, 1)
    return {
        "links": expected,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(precision + recall, 1e-9),
        "added": added_right / max(added_total, 1),
        "removed": removed_right / max(removed_total, 1),
        "sure_wrong": sure_wrong / max(sure_pairs, 1),
        "sure_pairs": sure_pairs,
        "sure_unpaired_wrong": sure_unpaired_wrong / max(sure_unpaired, 1),
        "sure_unpaired": sure_unpaired,
    }


HEADER = (
    f"{'group':28} {'scorer':8} {'method':7} {'thr':>4} {'links':>5} {'P':>6} {'R':>6} {'F1':>6} "
    f"{'added':>6} {'removed':>7} {'sure':>5} {'sure wrong':>10} {'sure +/-':>8} {'sure +/- wrong':>14}"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", action="store_true", help="try other scorers, methods and thresholds")
    parser.add_argument("--blind", action="store_true", help="also score the blind set (only when done tuning)")
    parser.add_argument("--no-meaning", action="store_true", help="leave the semantic pass out")
    parser.add_argument("--verbose", action="store_true", help="list sure pairs that are wrong (development only)")
    args = parser.parse_args()
    cases, notes = load_cases(DEVELOPMENT)
    if SECOND[0].is_file():
        second, second_notes = load_cases(SECOND)
        cases += second
        notes += second_notes
    if args.blind:
        blind, blind_notes = load_cases(BLIND)
        cases += blind
        notes += blind_notes
    for note in notes:
        print(f"note: {note}")
    groups = sorted({case.group for case in cases}, key=lambda g: ("blind" in g, "rewritten" in g, g))
    grid = (
        itertools.product(("hybrid", "words", "token_sort_ratio"), ("greedy", "global"), (45, 55, 65))
        if args.grid
        else [("hybrid", "greedy", DEFAULT_THRESHOLD)]
    )
    print(HEADER)
    for scorer, method, threshold in grid:
        for group in groups:
            members = [case for case in cases if case.group == group]
            verbose = args.verbose and "blind" not in group
            result = evaluate(
                members, verbose, scorer=scorer, method=method, threshold=threshold, meaning=not args.no_meaning
            )
            print(
                f"{group:28} {scorer:8} {method:7} {threshold:4g} {result['links']:5d} {result['precision']:6.3f} "
                f"{result['recall']:6.3f} {result['f1']:6.3f} {result['added']:6.3f} {result['removed']:7.3f} "
                f"{result['sure_pairs']:5d} {result['sure_wrong']:10.3f} {result['sure_unpaired']:8d} "
                f"{result['sure_unpaired_wrong']:14.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
