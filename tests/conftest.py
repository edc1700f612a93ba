"""Shared test helpers: where the shared corpus is, and documents built from literal text."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from compare.model import Comparison

# CI runs the same examples every time, so a submission never fails on a draw of the dice;
# developers' runs keep exploring new ones (HYPOTHESIS_PROFILE=ci reproduces CI's).
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite the golden files under fixtures/"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def corpus_or_skip() -> Path:
    """The shared corpus, or a skip that says why the test did not run."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it lives beside the checkout)")
    return CORPUS


def corpus_series() -> list[Path]:
    """Every series folder of the corpus (empty where the corpus is absent)."""
    if not CORPUS.is_dir():
        return []
    return sorted(path for path in CORPUS.iterdir() if path.is_dir())


def series_files(series: Path) -> list[Path]:
    """The versions of one series in order (drafts and source JSON left out)."""
    return sorted(path for path in series.iterdir() if path.is_file() and not path.name.startswith("."))


def consecutive_pairs() -> list[tuple[Path, Path]]:
    """Every consecutive pair of every series of the corpus."""
    pairs = []
    for series in corpus_series():
        files = series_files(series)
        pairs.extend(zip(files, files[1:], strict=False))
    return pairs


def corpus_pair_params() -> list[object]:
    """Every consecutive corpus pair as a test parameter, or one skipped parameter that says
    why there are none (instead of pytest's bare "empty parameter set")."""
    pairs = consecutive_pairs()
    if not pairs:
        reason = f"shared corpus not found at {CORPUS} (it lives beside the checkout)"
        return [pytest.param(None, marks=pytest.mark.skip(reason=reason), id="no-corpus")]
    return [pytest.param(pair, id=pair_id(pair)) for pair in pairs]


def pair_id(pair: tuple[Path, Path]) -> str:
    """A readable test id for a corpus pair: series/old-name->new-name."""
    return f"{pair[0].parent.name}/{pair[0].name}->{pair[1].name}"


@cache
def compared(old: Path, new: Path) -> Comparison:
    """The comparison of two files, computed once per test session (corpus tests share it)."""
    from compare.pipeline import compare_documents
    from compare.read import read

    return compare_documents(read(old), read(new))


def write_pair(folder: Path, old_text: str, new_text: str) -> tuple[str, str]:
    """Write two statements as folder/old.txt and folder/new.txt; return their paths."""
    old, new = folder / "old.txt", folder / "new.txt"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    return str(old), str(new)
