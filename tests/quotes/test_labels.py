"""The development labels keep the targets of issue 15 (the blind half is never read here)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.conftest import ROOT, corpus_or_skip


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotes_bench", ROOT / "benchmarks" / "quotes_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_development_half_meets_the_targets() -> None:
    corpus = corpus_or_skip()
    bench = _bench()
    tally = bench._score_file(bench.DEVELOPMENT[0], corpus, verbose=False)
    assert tally.tp / (tally.tp + tally.fp) >= 0.9
    assert tally.tp / (tally.tp + tally.fn) >= 0.9
    assert tally.located / tally.locatable >= 0.95
    assert tally.remarks_uncounted == tally.remarks


def test_the_seed_is_all_the_statements_words_and_its_stances_are_covered() -> None:
    corpus = corpus_or_skip()
    bench = _bench()
    tally = bench._score_file(bench.DEVELOPMENT[1], corpus, verbose=False)
    assert tally.fp == 0 and tally.located == tally.locatable == 8
    assert sum(count for (gold, got), count in tally.coverage.items() if gold == got) >= 35
