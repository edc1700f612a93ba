"""The pure parts of the review: rows wrapped for the panes, and the sidebar's faceted counts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from compare.filters import PairFilter
from compare.model import Clause, Kind, Label, Pair, Shift, Status, WordOp
from compare.pipeline import compare_documents
from tests.tui.conftest import documents, fixture_pair
from tui.facets import Facet, named_most_first, summarise, toggled
from tui.rows import Side, Tag, layout_rows, matches_in, search_pattern, side_paragraphs, wrap


def _clause(
    doc_id: str, index: int, text: str, paragraph: int = 1, sentence: int = 1, **label: object
) -> Clause:
    return Clause(doc_id, index, paragraph, sentence, 0, len(text), text, Label(**label) if label else None)


def test_wrapping_never_exceeds_the_width_and_keeps_every_word() -> None:
    words = tuple(
        (word, Tag.TEXT if index % 3 else Tag.INSERT)
        for index, word in enumerate("a bb ccc dddd 日本語 x".split() * 9)
    )
    for width in range(2, 30):
        lines = wrap(words, width)
        assert all(sum(cell_len(text) for text, _ in line) <= width for line in lines)
        shown = "".join(text for line in lines for text, _ in line)
        assert shown.replace(" ", "") == "".join(word for word, _ in words)
        if width >= 6:  # no word is cut: each line holds whole words
            assert " ".join("".join(text for text, _ in line) for line in lines).split() == [
                word for word, _ in words
            ]


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz.,'", min_size=1, max_size=14), min_size=1, max_size=40
    ),
    st.integers(min_value=2, max_value=40),
)
def test_one_tag_wraps_as_many_tags_do(words: list[str], width: int) -> None:
    uniform = ((" ".join(words), Tag.TEXT),)
    mixed = tuple((word, Tag.TEXT if index % 2 else Tag.INSERT) for index, word in enumerate(words))
    assert [_text(line) for line in wrap(uniform, width)] == [_text(line) for line in wrap(mixed, width)]


def _text(line: tuple[tuple[str, Tag], ...]) -> str:
    return "".join(text for text, _ in line)


def test_the_rows_of_both_sides_stay_aligned_pair_by_pair() -> None:
    comparison = compare_documents(*fixture_pair())
    rows = layout_rows(comparison.pairs, 40)
    for index in range(len(comparison.pairs)):
        top, end = rows.span(index)
        assert end - top == max(len(rows.lines(Side.OLD, index)), len(rows.lines(Side.NEW, index)), 1)
        assert rows.pair_at(top) == index == rows.pair_at(end)
    assert rows.total == rows.starts[-1] and rows.pair_at(rows.total + 5) == len(comparison.pairs) - 1


def test_a_moved_pair_says_where_it_went_on_both_sides() -> None:
    pair = Pair(
        Status.MOVED, (_clause("old", 9, "We act.", 13, 30),), (_clause("new", 2, "We act.", 5, 9),), 100.0
    )
    assert side_paragraphs(pair, Side.OLD)[-1] == (("moved to ¶5 s9", Tag.NOTE),)
    assert side_paragraphs(pair, Side.NEW)[-1] == (("moved from ¶13 s30", Tag.NOTE),)


def test_a_split_group_shows_each_new_clause_with_its_own_mark() -> None:
    old = (_clause("old", 0, "We condemn the launches, which violate resolutions."),)
    new = (_clause("new", 0, "We condemn the launches."), _clause("new", 1, "They violate resolutions."))
    words = (
        WordOp("equal", "We condemn the"),
        WordOp("delete", "launches, which"),
        WordOp("insert", "launches. They"),
        WordOp("equal", "violate resolutions."),
    )
    pair = Pair(Status.SPLIT, old, new, 90.0, words)
    new_side = side_paragraphs(pair, Side.NEW)
    assert new_side[0] == (("We condemn the", Tag.TEXT), ("launches.", Tag.INSERT))
    assert new_side[1][0] == ("They", Tag.INSERT)
    rows = layout_rows((pair,), 60)
    assert [line.opens for line in rows.lines(Side.NEW, 0)] == [True, True, False]
    assert ("launches, which", Tag.DELETE) in side_paragraphs(pair, Side.OLD)[0]


def test_word_ops_that_do_not_fit_the_clause_show_it_plainly() -> None:
    pair = Pair(
        Status.REWORDED,
        (_clause("old", 0, "a b c"),),
        (_clause("new", 0, "a d"),),
        50.0,
        (WordOp("equal", "zz"),),
    )
    assert {tag for _, tag in side_paragraphs(pair, Side.OLD)[0]} == {Tag.TEXT}


def test_the_search_is_case_blind_and_finds_old_or_new_text() -> None:
    comparison = compare_documents(
        *documents("We note the plan.\n\nThey met.\n", "We welcome the Plan.\n\nThey met.\n")
    )
    pattern = search_pattern("  PLAN ")
    assert pattern is not None and matches_in(comparison.pairs, pattern) == (0,)
    assert search_pattern("   ") is None


def test_counts_for_a_criterion_ignore_its_own_selection_but_follow_the_others() -> None:
    concern = _clause("new", 0, "We are concerned.", kind=Kind.CONCERN, targets=("China",))
    call = _clause("new", 1, "We call on them.", kind=Kind.CALL)
    pairs = (
        Pair(Status.ADDED, (), (concern,)),
        Pair(Status.UNCHANGED, (call,), (call,)),
        Pair(Status.REWORDED, (call,), (concern,), 70.0, shift=Shift.STRONGER),
    )
    pair_filter = toggled(PairFilter(), Facet.KINDS, "concern")
    summary = summarise(pairs, pair_filter, targets=("China",))
    counts = {choice.key: choice.count for choice in summary.choices()}
    assert summary.shown == 2 and summary.total == 3
    assert counts["kinds:concern"] == 2 and counts["kinds:call"] == 2
    assert counts["statuses:added"] == 1 and counts["statuses:unchanged"] == 0
    assert counts["shifts:stronger"] == 1 and counts["targets:China"] == 2
    assert counts["only_changes:True"] == 2
    selected = {choice.key for choice in summary.choices() if choice.selected}
    assert selected == {"kinds:concern"}


def test_a_clause_never_counts_for_a_target_it_names_only_as_its_speaker() -> None:
    spoken = _clause(
        "new", 0, "The ROK will work with Japan.", kind=Kind.COMMITMENT,
        actors=("South Korea",), targets=("South Korea", "Japan"),
    )
    about = _clause("new", 1, "We support South Korea.", kind=Kind.POSITION, actors=("We",), targets=("South Korea",))
    pairs = (Pair(Status.ADDED, (), (spoken,)), Pair(Status.ADDED, (), (about,)))
    assert named_most_first(pairs, Facet.TARGETS) == ("Japan", "South Korea")
    assert named_most_first(pairs, Facet.SPEAKERS) == ("South Korea", "We")
    summary = summarise(
        pairs, PairFilter(), targets=("Japan", "South Korea"), speakers=("South Korea", "We")
    )
    counts = {choice.key: choice.count for choice in summary.choices()}
    assert counts["targets:South Korea"] == 1 and counts["targets:Japan"] == 1
    assert counts["speakers:South Korea"] == 1 and counts["speakers:We"] == 1
    headings = [section.heading for section in summary.sections]
    assert headings[-3:] == ["Target (about whom)", "Speaker (who says it)", "Topic"]
    assert PairFilter(targets=frozenset({"south korea"})).apply(pairs) == (pairs[1],)
    assert PairFilter(speakers=frozenset({"South Korea"})).apply(pairs) == (pairs[0],)
