"""Filtering from the keys, the summary sidebar and the command palette; the counts follow."""

from __future__ import annotations

from compare.filters import PairFilter
from compare.model import Document, Shift, Status
from tests.tui.conftest import documents, review_screen, settle
from tui.app import ReviewApp
from tui.facets import Facet
from tui.widgets.summary_sidebar import SummarySidebar


def _count(screen, key: str) -> int:
    return next(choice.count for choice in screen.summary.choices() if choice.key == key)


async def _select_in_sidebar(pilot, key: str) -> None:
    """Focus the sidebar, highlight a choice, press Enter, and give the focus back to the panes."""
    sidebar = review_screen(pilot).query_one(SummarySidebar)
    await pilot.press("f")
    assert sidebar.has_focus
    sidebar.highlighted = sidebar.get_option_index(key)
    await pilot.press("enter", "f")
    assert not sidebar.has_focus


async def test_c_shows_only_changed_pairs_and_again_shows_all(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        total = len(screen.shown)
        await pilot.press("c")
        assert screen.pair_filter == PairFilter(only_changes=True)
        assert screen.shown and all(pair.has_changes for pair in screen.shown)
        assert len(screen.shown) == _count(screen, "only_changes:True") < total
        await pilot.press("c")
        assert len(screen.shown) == total


async def test_r_hides_routine_changes(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        routine = _count(screen, "hide_routine:True")
        assert routine >= 1
        total = len(screen.shown)
        await pilot.press("r")
        assert not any(pair.routine for pair in screen.shown)
        assert len(screen.shown) == total - routine


async def test_h_and_s_show_hardened_and_softened_pairs_and_combine_as_either(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("h")
        assert screen.shown and {pair.shift for pair in screen.shown} == {Shift.STRONGER}
        hardened = len(screen.shown)
        await pilot.press("s")
        assert {pair.shift for pair in screen.shown} == {Shift.STRONGER, Shift.WEAKER}
        assert len(screen.shown) > hardened
        await pilot.press("h")
        assert {pair.shift for pair in screen.shown} == {Shift.WEAKER}


async def test_x_clears_every_filter(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        total = len(screen.shown)
        await pilot.press("c", "r", "h")
        assert len(screen.shown) < total
        await pilot.press("x")
        assert screen.pair_filter.is_empty and len(screen.shown) == total


async def test_selecting_a_status_in_the_sidebar_filters_by_it(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        added = _count(screen, "statuses:added")
        await _select_in_sidebar(pilot, "statuses:added")
        assert screen.pair_filter.statuses == {Status.ADDED}
        assert len(screen.shown) == added and all(pair.status is Status.ADDED for pair in screen.shown)
        await _select_in_sidebar(pilot, "statuses:removed")
        assert {pair.status for pair in screen.shown} == {Status.ADDED, Status.REMOVED}


async def test_selecting_a_kind_a_target_or_a_topic_filters_by_it(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        assert screen.comparison is not None
        pairs = screen.comparison.pairs
        await _select_in_sidebar(pilot, "kinds:concern")
        assert screen.shown == PairFilter(kinds=frozenset({"concern"})).apply(pairs)
        await pilot.press("x")
        await _select_in_sidebar(pilot, "targets:China")
        assert screen.pair_filter.targets == {"China"}
        assert screen.shown == PairFilter(targets=frozenset({"China"})).apply(pairs)
        await pilot.press("x")
        topic = next(choice for choice in screen.summary.choices() if choice.facet is Facet.TOPICS)
        await _select_in_sidebar(pilot, topic.key)
        assert len(screen.shown) == topic.count > 0


async def test_filters_combine_and_the_counts_follow_them(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        assert screen.comparison is not None
        pairs = screen.comparison.pairs
        reworded_everywhere = _count(screen, "statuses:reworded")
        await pilot.press("c")
        await _select_in_sidebar(pilot, "kinds:concern")
        expected = PairFilter(only_changes=True, kinds=frozenset({"concern"}))
        assert screen.pair_filter == expected
        assert screen.shown == expected.apply(pairs)
        assert screen.summary is not None and screen.summary.shown == len(screen.shown)
        reworded_concerns = sum(pair.status is Status.REWORDED for pair in screen.shown)
        assert _count(screen, "statuses:reworded") == reworded_concerns < reworded_everywhere
        # A criterion's own counts ignore its selection: the other kinds still say what they hold.
        assert _count(screen, "kinds:commitment") == len(
            PairFilter(only_changes=True, kinds=frozenset({"commitment"})).apply(pairs)
        )


async def test_the_selection_stays_on_its_pair_when_the_filter_keeps_it(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("n", "n", "n")
        selected = screen.current_pair
        await pilot.press("c")
        assert screen.current_pair is selected
        await pilot.press("c")
        assert screen.current_pair is selected


async def test_a_filter_that_lets_nothing_through_leaves_an_empty_view(
    small_case: tuple[Document, Document],
) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await _select_in_sidebar(pilot, "kinds:decision")
        await pilot.press("h")
        assert screen.shown == () and screen.current_pair is None
        await pilot.press("n", "j", "G", "enter", "y", "slash", "escape")
        assert screen.current_pair is None


async def test_the_command_palette_offers_filters_and_actions(small_case: tuple[Document, Document]) -> None:
    async with ReviewApp(*small_case).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"changes only")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.pair_filter == PairFilter(only_changes=True)


async def test_speakers_have_their_own_facet_and_never_count_as_targets() -> None:
    old, new = documents(
        "The Republic of Korea will strengthen its cooperation with Japan.\n\nWe condemn North Korea's launches.\n",
        "The Republic of Korea will deepen its cooperation with Japan.\n\n"
        "The Republic of Korea welcomed the progress.\n\nWe strongly condemn North Korea's launches.\n",
    )
    async with ReviewApp(old, new).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review_screen(pilot)
        keys = {choice.key for choice in screen.summary.choices()}
        assert "targets:South Korea" not in keys
        assert _count(screen, "speakers:South Korea") == 2
        assert _count(screen, "targets:Japan") == 1 and _count(screen, "targets:North Korea") == 1
        await _select_in_sidebar(pilot, "speakers:South Korea")
        assert screen.pair_filter.speakers == {"South Korea"}
        assert len(screen.shown) == 2
        assert all("Republic of Korea" in pair.new[0].text for pair in screen.shown)
