"""Every public name of ``compare`` means one thing, whatever was imported before it.

``read``, ``segment`` and ``align`` are both stages and submodules: importing the submodule
makes the package attribute the module. The test imports every submodule of ``compare`` and
``tui`` first, then calls each name of ``compare.__all__`` on a small example.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

import compare
import tui
from compare.model import Status
from tests.conftest import FIXTURES


def _import_every_submodule(package: ModuleType) -> list[str]:
    names = [
        info.name
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}.")
        if not info.name.endswith(".__main__")  # running it would start the command line
    ]
    for name in names:
        importlib.import_module(name)
    return names


@pytest.fixture(scope="module", autouse=True)
def every_submodule_imported() -> None:
    imported = _import_every_submodule(compare) + _import_every_submodule(tui)
    assert {"compare.read", "compare.read.html", "compare.segment", "compare.align", "tui.app"} <= set(imported)


def test_every_public_name_resolves_to_one_object() -> None:
    for name in compare.__all__:
        assert getattr(compare, name) is compare.__getattr__(name), name


@pytest.mark.parametrize("name", ["read", "segment", "align"])
def test_a_stage_with_a_module_of_its_own_is_that_module_and_callable(name: str) -> None:
    stage = getattr(compare, name)
    assert isinstance(stage, ModuleType)
    assert stage is importlib.import_module(f"compare.{name}")
    assert callable(stage)


def test_each_public_name_works_on_a_small_example() -> None:
    old = compare.read(FIXTURES / "two-plus-two" / "old.txt")
    new = compare.read(str(FIXTURES / "two-plus-two" / "new.txt"))
    assert isinstance(old, compare.Document)
    assert old == compare.read.read(FIXTURES / "two-plus-two" / "old.txt")

    old_clauses = compare.segment(old)
    new_clauses = compare.segment(new, doc_id="new")
    assert old_clauses and all(isinstance(clause, compare.Clause) for clause in old_clauses)
    assert old_clauses == compare.segment.segment(old)

    pairs = compare.align(old_clauses, new_clauses)
    assert pairs and all(isinstance(pair, compare.Pair) for pair in pairs)
    assert pairs == compare.align.align(old_clauses, new_clauses)

    comparison = compare.compare_documents(old, new)
    assert isinstance(comparison, compare.Comparison) and comparison.has_changes

    labelled = compare.label_document(old)
    assert all(clause.label is not None for clause in labelled)
    assert len(compare.clause_frame(labelled, old)) == len(labelled)
    assert len(compare.pair_frame(comparison)) == len(comparison.pairs)

    versions = [compare.read(path) for path in sorted((FIXTURES / "series" / "ministers").glob("20*.md"))]
    series = compare.compare_series(versions)
    assert len(series.versions) == len(versions)
    assert len(compare.series_frame(series)) == len(series.threads)


def test_the_public_classes_are_constructible() -> None:
    document = compare.Document("d", "We agree.")
    clause = compare.Clause("old", 0, 1, 1, 0, 9, "We agree.")
    pair = compare.Pair(Status.UNCHANGED, (clause,), (clause,))
    comparison = compare.Comparison(document, document, (pair,))
    assert document.text[clause.start : clause.end] == clause.text
    assert not comparison.has_changes
