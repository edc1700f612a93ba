"""Measure ``jointdiff quotes`` against hand labels: altered-or-not-found precision and recall,
the statement sentence located, status, flags, framing and coverage.

Label sets (format in the header of each file; see ``fixtures/quotes/NOTES.md``):

- **development**: ``fixtures/quotes/labels.toml`` (8 invented articles, 90 quotations of the
  statements, 37 altered or not found) and ``fixtures/quotes/seed/labels.toml`` (the real seed
  article against a statement written for it, 8 quotations, with coverage labels);
- **second development set**: ``fixtures/quotes/dev2/labels.toml`` (6 more invented articles,
  written and labelled 2026-12-07 without running jointdiff, to find the framing claims that did
  not carry over to the blind half); scored beside the first, and its first score, taken before
  any change it prompted, is quoted as such;
- **third development set**: ``fixtures/quotes/dev3/labels.toml`` (5 more invented articles, in
  the same way, with a wider range of newsroom verbs), scored the same way;
- **fourth development set**: ``fixtures/quotes/dev4/labels.toml`` (5 more, in five house
  styles, British single quotes among them, written to vary the reporters' framing);
- **fifth development set**: ``fixtures/quotes/dev5/labels.toml`` (6 more, written to imitate the
  first set's writer and conventions, who also wrote the blind half);
- **blind**: ``fixtures/quotes/blind/labels.toml``, scored only with ``--blind``, and then only
  as aggregate figures: no quotation, article or mistake of the blind half is ever printed.

The positive class, "altered or not found", follows the labels' conventions: a quotation the
article gives as the statement's words (``from_statement`` not false) whose ``alterations`` list
is not empty (any meaning or attribution change, made inside the marks or by the article's
sentence around them: so a verbatim quotation with ``["wrong-speaker"]`` is positive, and every
stitched or invented one carries ``stitched`` / ``invented``), or whose ``status`` is
``not-found``. jointdiff predicts positive when ``QuoteCheck.altered`` is true: the quotation is
counted as the statement's (``from_statement``) and was not found or carries a flag. Status
alone does not decide: an "approximate" quotation that only writes a name otherwise (the seed's
"North Korea" for "DPRK", labelled approximate with no alteration) is negative on both sides.
Words the article gives to someone speaking elsewhere (``from_statement = false``) are left out
of precision and recall; the share of them jointdiff also leaves uncounted is printed.

The sentence located: for each quotation the labels find in the statement (``sources`` not
empty), jointdiff is right when the statement sentences it found the words in are exactly the
sentences the ``sources`` start (each source located in jointdiff's reading of the statement).

A label quotation is matched with the jointdiff quotation of the same words (after
normalising typography), in reading order; one jointdiff does not find counts as missed
(negative prediction, sentence not located).

Usage: python benchmarks/quotes_bench.py [--verbose] [--blind] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.normalise import unify_characters  # noqa: E402
from compare.quotes.check import check_quotes  # noqa: E402
from compare.quotes.model import QuoteCheck, QuoteReport  # noqa: E402
from compare.quotes.tokens import tokenise  # noqa: E402
from compare.read import read  # noqa: E402

QUOTES = ROOT / "fixtures" / "quotes"
DEVELOPMENT = (QUOTES / "labels.toml", QUOTES / "seed" / "labels.toml")
LATER = tuple(
    (f"{order} development set", QUOTES / f"dev{number}" / "labels.toml")
    for number, order in ((2, "second"), (3, "third"), (4, "fourth"), (5, "fifth"))
)
"""The later development sets, each written by a helper after the first was tuned on."""
BLIND = (QUOTES / "blind" / "labels.toml",)
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

ALTERATION_FLAGS = {"invented": "not-found"}
"""Label alteration -> jointdiff flag where the names differ (an invented quotation is one the
statement does not have: jointdiff says so by its status, not a flag)."""


@dataclass
class Tally:
    """Counts over one label set."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    located: int = 0
    locatable: int = 0
    status_agree: int = 0
    statuses: int = 0
    remarks: int = 0
    remarks_uncounted: int = 0
    unmatched: int = 0
    flags_found: Counter = field(default_factory=Counter)
    flags_wanted: Counter = field(default_factory=Counter)
    framing_agree: int = 0
    framing_labelled: int = 0
    framing_claimed: int = 0
    framing_claimed_right: int = 0
    coverage: Counter = field(default_factory=Counter)
    articles: int = 0
    seconds: float = 0.0

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, Counter):
                getattr(self, name).update(value)
            else:
                setattr(self, name, getattr(self, name) + value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every development quotation (never blind ones)")
    parser.add_argument("--blind", action="store_true", help="score the blind half (aggregate figures only)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the shared corpus folder")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    sets = [("blind half", BLIND)] if args.blind else [("development half", DEVELOPMENT[:1]), ("seed", DEVELOPMENT[1:])]
    if not args.blind:
        sets += [(name, (path,)) for name, path in LATER if path.is_file()]
    total = Tally()
    for name, files in sets:
        tally = Tally()
        for path in files:
            tally.add(_score_file(path, args.corpus, verbose=args.verbose and not args.blind, quiet=args.blind))
        _print(name, tally)
        total.add(tally)
    if not args.blind:
        _print("all development sets", total)
    return 0


def _score_file(path: Path, corpus: Path, *, verbose: bool, quiet: bool = False) -> Tally:
    """Score one label file. ``quiet`` (the blind half): a failure is counted, never shown, so
    that no word of a blind article reaches the screen; its quotations count as missed."""
    labels = tomllib.loads(path.read_text("utf-8"))
    tally = Tally()
    for article in labels["article"]:
        started = time.perf_counter()
        statement_path = ROOT / article["statement"] if article["statement"].startswith("fixtures/") else corpus / article["statement"]
        try:
            report = check_quotes(read(str(ROOT / article["file"])), read(str(statement_path)))
        except Exception as err:
            if not quiet:
                raise
            print(f"  an article could not be checked ({type(err).__name__}); its quotations count as missed")
            report = None
        if report is None:
            tally.articles += 1
            _score_article_missed(article["quote"], tally)
            continue
        tally.seconds += time.perf_counter() - started
        tally.articles += 1
        _score_article(report, article["quote"], tally, verbose=verbose, name=article["file"])
    for item in labels.get("coverage", ()):
        tally.coverage[(item["reported"], _coverage_of(report, item["find"]))] += 1
    return tally


def _score_article_missed(quotes: list[dict], tally: Tally) -> None:
    for label in quotes:
        tally.unmatched += 1
        if not label.get("from_statement", True):
            tally.remarks += 1
            tally.remarks_uncounted += 1
            continue
        gold = bool(label["alterations"]) or label["status"] == "not-found"
        tally.fn += gold
        tally.tn += not gold
        tally.statuses += 1
        tally.locatable += bool(label["sources"])


def _score_article(report: QuoteReport, quotes: list[dict], tally: Tally, *, verbose: bool, name: str) -> None:
    matched = _match(report.checks, quotes)
    if verbose:
        print(f"== {name}")
    for label, check in zip(quotes, matched, strict=True):
        if check is None:
            tally.unmatched += 1
        if not label.get("from_statement", True):
            tally.remarks += 1
            tally.remarks_uncounted += check is None or not check.from_statement
            continue
        gold = bool(label["alterations"]) or label["status"] == "not-found"
        predicted = check is not None and check.altered
        tally.tp += gold and predicted
        tally.fp += predicted and not gold
        tally.fn += gold and not predicted
        tally.tn += not gold and not predicted
        tally.statuses += 1
        tally.status_agree += check is not None and check.status.value == label["status"]
        if label["sources"]:
            tally.locatable += 1
            tally.located += check is not None and _sentences(check) == _source_sentences(report, label["sources"])
        flags = {item.kind for item in check.flags} if check is not None else set()
        if check is not None and check.status.value == "not-found":
            flags.add("not-found")
        for alteration in label["alterations"]:
            tally.flags_wanted[alteration] += 1
            tally.flags_found[alteration] += ALTERATION_FLAGS.get(alteration, alteration) in flags
        if label["framing"] in ("stronger", "weaker", "same"):
            tally.framing_labelled += 1
            tally.framing_agree += bool(check and check.framing and check.framing.direction == label["framing"])
        if check is not None and check.framing is not None and check.framing.direction in ("stronger", "weaker"):
            tally.framing_claimed += 1
            tally.framing_claimed_right += check.framing.direction == label["framing"]
        if verbose:
            mark = "  " if gold == predicted else ("FN" if gold else "FP")
            got = [item.kind for item in check.flags] if check else "unmatched"
            framed = check.framing.direction if check is not None and check.framing is not None else "-"
            framing = f" framing {label['framing'] or '-'}->{framed}" if label["framing"] or framed != "-" else ""
            print(f"{mark} {label['status']:>11} -> {check.status.value if check else '-':<11} {label['alterations']} {got}{framing} | {label['text'][:60]}")


def _match(checks: tuple[QuoteCheck, ...], quotes: list[dict]) -> list[QuoteCheck | None]:
    """The jointdiff quotation of each label quotation's words, in reading order."""
    keys = [_key(check.quotation.text) for check in checks]
    used: set[int] = set()
    found: list[QuoteCheck | None] = []
    for label in quotes:
        want = _key(label["text"])
        index = next((i for i, key in enumerate(keys) if i not in used and key == want), None)
        if index is None:
            index = next((i for i, key in enumerate(keys) if i not in used and (want in key or key in want) and key), None)
        if index is not None:
            used.add(index)
        found.append(checks[index] if index is not None else None)
    return found


def _key(text: str) -> str:
    return " ".join(unify_characters(text).casefold().split())


def _sentences(check: QuoteCheck) -> set[int]:
    return {number for piece in check.pieces for number in piece.sentences}


def _source_sentences(report: QuoteReport, sources: list[str]) -> set[int]:
    """The statement sentences (jointdiff's numbering) that the label's sentence starts open."""
    found = set()
    for source in sources:
        offset = _offset(report.statement.text, source)
        for item in _sentence_spans(report):
            if item[0] <= offset < item[1]:
                found.add(item[2])
                break
    return found


def _sentence_spans(report: QuoteReport) -> list[tuple[int, int, int]]:
    from compare.segment import segment

    spans: dict[int, list[int]] = {}
    for clause in segment(report.statement):
        span = spans.setdefault(clause.sentence, [clause.start, clause.end])
        span[1] = clause.end
    return [(start, end, number) for number, (start, end) in spans.items()]


def _offset(text: str, source: str) -> int:
    """Where a label's sentence start lies in the statement's read text (-1 if nowhere)."""
    wanted = [token.key for token in tokenise(source)]
    tokens = tokenise(text)
    keys = [token.key for token in tokens]
    for position in range(len(keys) - len(wanted) + 1):
        if keys[position : position + len(wanted)] == wanted:
            return tokens[position].start
    return -1


def _coverage_of(report: QuoteReport, find: str) -> str:
    wanted = _key(find)
    for item in report.coverage:
        if _key(item.text).startswith(wanted):
            return item.reported.value
    return "(not a stance)"


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.3f}" if whole else f"{part}/0"


def _print(name: str, tally: Tally) -> None:
    precision = tally.tp / (tally.tp + tally.fp) if tally.tp + tally.fp else 0.0
    recall = tally.tp / (tally.tp + tally.fn) if tally.tp + tally.fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"\n{name}: {tally.articles} articles, {tally.statuses} quotations of the statements, "
          f"{tally.tp + tally.fn} altered or not found ({tally.seconds:.1f} s)")
    print(f"  altered or not found: precision {_ratio(tally.tp, tally.tp + tally.fp)}, "
          f"recall {_ratio(tally.tp, tally.tp + tally.fn)}, F1 {f1:.3f}")
    print(f"  statement sentence located: {_ratio(tally.located, tally.locatable)}")
    print(f"  status agrees (5 classes): {_ratio(tally.status_agree, tally.statuses)}")
    print(f"  remarks given to someone else, left uncounted: {_ratio(tally.remarks_uncounted, tally.remarks)}")
    print(f"  label quotations jointdiff did not find as quotations: {tally.unmatched}")
    if tally.flags_wanted:
        shown = ", ".join(f"{kind} {tally.flags_found[kind]}/{count}" for kind, count in sorted(tally.flags_wanted.items()))
        print(f"  alteration named by the same flag: {_ratio(sum(tally.flags_found.values()), sum(tally.flags_wanted.values()))} ({shown})")
    print(f"  framing direction as labelled: {_ratio(tally.framing_agree, tally.framing_labelled)}; "
          f"stronger/weaker claims right: {_ratio(tally.framing_claimed_right, tally.framing_claimed)}")
    if tally.coverage:
        right = sum(count for (gold, got), count in tally.coverage.items() if gold == got)
        shown = ", ".join(f"{gold}->{got} {count}" for (gold, got), count in sorted(tally.coverage.items()))
        print(f"  coverage as labelled: {_ratio(right, sum(tally.coverage.values()))} ({shown})")


if __name__ == "__main__":
    raise SystemExit(main())
