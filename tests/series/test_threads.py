"""Threads of a series: every clause followed, drops and returns, claims only on sure links."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.errors import UsageError
from compare.model import Document
from compare.read import parse, read
from compare.series.build import compare_series
from compare.series.model import Change, Series
from compare.series.order import order_versions, statement_files
from tests.conftest import FIXTURES, corpus_or_skip

MINISTERS = FIXTURES / "series" / "ministers"


def _series(*texts: str) -> Series:
    documents = [parse(text, path=f"2024-0{n + 1}-01.txt") for n, text in enumerate(texts)]
    return compare_series(documents)


def _assert_every_clause_is_followed(series: Series) -> None:
    for version in series.versions:
        held = {clause.index for thread in series.threads for clause in thread.steps[version.index].clauses}
        assert held == {clause.index for clause in version.clauses}
        for clause in version.clauses:
            assert version.document.text[clause.start : clause.end] == clause.text
            assert clause.id.startswith(f"{version.id}:")
    for thread in series.threads:
        assert [step.version for step in thread.steps] == list(range(len(series.versions)))
        assert thread.steps[thread.first].change is Change.FIRST


def test_a_statement_repeated_unchanged_has_no_changes() -> None:
    text = "We reaffirm our commitment to peace.\n\nWe will meet again next year.\n"
    series = _series(text, text, text)
    assert not series.has_changes
    assert all(step.change in (Change.FIRST, Change.UNCHANGED) for t in series.threads for step in t.steps)


def test_the_fixture_series_has_the_threads_its_notes_describe() -> None:
    series = compare_series([read(path) for path in statement_files(MINISTERS)])
    changes = {thread.number: [step.change.value for step in thread.steps] for thread in series.threads}
    assert changes[3] == ["first", "hardened", "unchanged", "unchanged"]
    assert changes[4] == ["first", "unchanged", "softened", "unchanged"]
    assert changes[5] == ["first", "reworded", "dropped", "returned"]
    assert changes[6] == ["first", "dropped", "absent", "absent"]
    assert changes[8] == ["absent", "first", "unchanged", "unchanged"]
    returned = series.threads[4].steps[3]
    assert returned.since == 1 and returned.pair is not None and returned.pair.words
    _assert_every_clause_is_followed(series)


def test_a_dropped_clause_returns_even_after_several_versions() -> None:
    kept = "We reaffirm our commitment to peace."
    back = "We will hold a joint exercise on disaster relief in the spring."
    series = _series(
        f"{kept}\n\n{back}\n",
        f"{kept}\n",
        f"{kept}\n\nWe note the report.\n",
        f"{kept}\n\nWe will hold a joint exercise on disaster relief in the autumn.\n",
    )
    thread = next(t for t in series.threads if t.steps[0].clauses and t.steps[0].clauses[0].text == back)
    assert [step.change for step in thread.steps] == [Change.FIRST, Change.DROPPED, Change.ABSENT, Change.RETURNED]
    assert thread.steps[3].since == 0


def test_dropped_clauses_return_whatever_order_they_come_back_in() -> None:
    kept = "We reaffirm our commitment to peace and stability in the region."
    dropped = [
        "We will hold a joint exercise on disaster relief in the spring.",
        "We welcomed the opening of the new consulate in Osaka last month.",
        "We agreed to expand scholarships for students of engineering and medicine.",
        "We condemned the cyber attacks on hospitals and water utilities.",
    ]
    back = [
        "A joint exercise on disaster relief will be held by our forces next autumn.",
        "The new consulate in Osaka, opened last month, was welcomed by us.",
        "Scholarships for students of engineering and medicine will be expanded, we agreed.",
        "The cyber attacks on hospitals and water utilities were condemned.",
    ]
    series = _series(
        "\n\n".join([kept, *dropped]) + "\n",
        f"{kept}\n",
        f"{kept}\n\nWe note the report.\n",
        "\n\n".join([*reversed(back), kept]) + "\n",
    )
    for old, new in zip(dropped, back, strict=True):
        thread = next(t for t in series.threads if t.steps[0].clauses and t.steps[0].clauses[0].text == old)
        assert thread.steps[3].change is Change.RETURNED
        assert [clause.text for clause in thread.steps[3].clauses] == [new]


def test_a_return_is_claimed_only_on_a_sure_link() -> None:
    kept = "We reaffirm our commitment to peace."
    exercise = "We will hold a joint exercise on disaster relief in the spring."
    drills = "Our forces will hold drills on disaster relief."  # likely the same (about 0.77), not sure
    series = _series(f"{kept}\n\n{exercise}\n", f"{kept}\n", f"{kept}\n\nWe note the report.\n", f"{kept}\n\n{drills}\n")
    changes = {t.steps[t.first].clauses[0].text: [step.change for step in t.steps] for t in series.threads}
    assert changes[exercise] == [Change.FIRST, Change.DROPPED, Change.ABSENT, Change.ABSENT]
    assert changes[drills] == [Change.ABSENT, Change.ABSENT, Change.ABSENT, Change.FIRST]


def test_a_heading_never_carries_a_sentence_thread() -> None:
    series = _series("Climate\n\nWe will cut emissions.\n", "We will cut emissions by half.\n")
    heading = next(t for t in series.threads if t.steps[0].clauses and t.steps[0].clauses[0].text == "Climate")
    assert heading.steps[1].change is Change.DROPPED


def test_shifts_are_claimed_only_on_sure_links() -> None:
    series = compare_series([read(path) for path in statement_files(MINISTERS)])
    for thread in series.threads:
        for step in thread.steps:
            if step.change in (Change.HARDENED, Change.SOFTENED):
                assert step.is_sure


def test_versions_order_by_date_then_symbol_and_refuse_undated_ones() -> None:
    dated = [Document("b.txt", "", date="2024-01-01"), Document("a.txt", "", date="2023-01-01")]
    assert [d.path for d in order_versions(dated)[0]] == ["a.txt", "b.txt"]
    symbols = [Document("x_A-RES-79-5.txt", ""), Document("x_A-RES-78-300.txt", "")]
    assert order_versions(symbols) == ((symbols[1], symbols[0]), "symbol")
    with pytest.raises(UsageError, match="cannot place 'plain.txt'"):
        order_versions([Document("plain.txt", ""), *dated])
    assert order_versions([Document("plain.txt", ""), *dated], "given")[1] == "given"


def test_a_folder_leaves_out_notes_data_and_hidden_files(tmp_path) -> None:
    for name in ("2024-01-01.txt", "20240201.xt", "NOTES.md", "data.json", ".hidden.txt"):
        (tmp_path / name).write_text("We agree.\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    assert [path.name for path in statement_files(tmp_path)] == ["2024-01-01.txt", "20240201.xt"]


sentences = st.sampled_from(
    [
        "We reaffirm our commitment to peace.",
        "We strongly condemn the missile launches.",
        "We express concern about the missile launches.",
        "We will establish a working group on ports.",
        "We will explore establishing a working group on ports.",
        "We welcome the new scholarship programme.",
        "Climate",
        "We decided to meet again next year.",
    ]
)
statements = st.lists(sentences, min_size=1, max_size=5).map(lambda parts: "\n\n".join(parts) + "\n")


@settings(max_examples=25, deadline=None)
@given(st.lists(statements, min_size=2, max_size=4))
def test_every_clause_of_every_version_is_in_a_thread(texts: list[str]) -> None:
    _assert_every_clause_is_followed(_series(*texts))


@pytest.mark.parametrize("name", ["unga-ukraine-occupied-territories-human-rights-resolution", "us-israel-scg-joint-statement"])
def test_corpus_series_follow_every_clause(name: str) -> None:
    folder = corpus_or_skip() / name
    series = compare_series([read(path) for path in statement_files(folder)])
    _assert_every_clause_is_followed(series)


def test_the_fomc_series_places_its_misnamed_file_by_date() -> None:
    folder = corpus_or_skip() / "fomc"
    documents = [read(path) for path in statement_files(folder) if path.name[:4] in ("2008",)]
    ordered, how = order_versions(documents)
    assert how == "date" and any(d.path.endswith(".xt") for d in ordered)
    assert [d.date for d in ordered] == sorted(d.date for d in ordered)
