"""What goes in which section: one section per pair, counts that add up, names, filters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compare.errors import UsageError
from compare.filters import PairFilter
from compare.model import Comparison, Document, Kind, Shift
from compare.pipeline import compare_documents
from compare.read import read
from compare.report import render_report
from compare.report.sections import Report, Section, build_report, group_count, section_of
from compare.report.wording import kind_of
from tests.conftest import FIXTURES, corpus_or_skip
from tests.report.checks import parse_page

CASES = sorted(path for path in FIXTURES.iterdir() if (path / "old.txt").is_file() and (path / "new.txt").is_file())


def _comparison(case: str) -> Comparison:
    return compare_documents(read(FIXTURES / case / "old.txt"), read(FIXTURES / case / "new.txt"))


def _listed(report: Report) -> list[int]:
    """ids of the pairs each section lists, all sections together."""
    groups = (*report.new, *report.dropped, *report.reworded)
    pairs = (
        *report.hardened, *report.softened, *report.mixed, *report.rearranged.pairs,
        *(p for g in groups for p in g.pairs),
    )
    return [id(pair) for pair in pairs]


def _left_out(report: Report) -> int:
    """Pairs the length budget left to the appendix, all sections together."""
    return sum(g.more for g in (*report.new, *report.dropped, *report.reworded)) + report.rearranged.more


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_changed_pair_is_listed_once_or_counted_as_left_to_the_appendix(case: Path) -> None:
    comparison = _comparison(case.name)
    report = build_report(comparison)
    listed = _listed(report)
    assert len(listed) == len(set(listed))
    expected = {id(p) for p in comparison.pairs if section_of(p) not in (Section.ROUTINE, Section.UNCHANGED)}
    assert set(listed) <= expected
    assert len(listed) + _left_out(report) == len(expected)
    *kinds, (label, totals) = report.glance
    assert label == "All clauses"
    assert totals[-1] == len(comparison.pairs) == sum(row[-1] for _, row in kinds)
    assert list(totals[:-1]) == [sum(row[i] for _, row in kinds) for i in range(len(totals) - 1)]
    assert report.appendix == comparison.pairs


def test_routine_pairs_are_counted_but_listed_only_in_the_appendix() -> None:
    comparison = _comparison("un-resolution")
    routine = [pair for pair in comparison.pairs if pair.routine]
    report = build_report(comparison)
    assert routine and not {id(p) for p in routine} & set(_listed(report))
    assert all(pair in report.appendix for pair in routine)
    assert f"counted here ({len(routine)})" in report.routine_note


def test_hardened_and_softened_follow_the_shift_whatever_the_status() -> None:
    report = build_report(_comparison("two-plus-two"))
    assert report.hardened and all(p.shift is Shift.STRONGER for p in report.hardened)
    assert report.softened and all(p.shift is Shift.WEAKER for p in report.softened)


def test_names_first_used_and_dropped_are_found_with_their_places() -> None:
    first = dict(build_report(_comparison("two-plus-two")).names)["Named for the first time"]
    assert [(c.name, c.places) for c in first if c.name == "Philippines"] == [
        ("Philippines", ("new ¶8 s18", "new ¶15 s39"))
    ]
    dropped = dict(build_report(_comparison("un-resolution")).names)["No longer named"]
    assert "WHO" in [change.name for change in dropped]


def test_a_kind_filter_keeps_pairs_with_that_kind_on_either_side() -> None:
    comparison = _comparison("two-plus-two")
    report = build_report(comparison, pair_filter=PairFilter(kinds=frozenset({"concern"})))
    kinds = {c.label.kind for p in report.appendix for c in (*p.old, *p.new) if c.label}
    assert all(Kind.CONCERN in {c.label.kind for c in (*p.old, *p.new) if c.label} for p in report.appendix)
    assert Kind.CONCERN in kinds and report.filter_note.startswith("Filtered (kind concern)")
    assert group_count(report.new) == sum(kind_of(p) is not Kind.OTHER for g in report.new for p in g.pairs) + sum(
        g.more for g in report.new
    )


def test_nothing_to_compare_says_so() -> None:
    report = build_report(Comparison(Document("a", ""), Document("b", ""), ()))
    assert report.totals == "There are no clauses to compare."
    assert report.glance == (("All clauses", (0,) * 10),)


def test_the_default_title_names_both_documents_and_a_given_title_wins() -> None:
    comparison = _comparison("un-resolution")
    assert build_report(comparison).title.startswith("Change report: Situation of human rights")
    assert build_report(comparison, title="Briefing").title == "Briefing"


def test_an_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown report format 'pdf'"):
        render_report(_comparison("seed-like"), fmt="pdf")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_markdown_and_html_have_the_same_sections_and_counts(case: Path) -> None:
    comparison = _comparison(case.name)
    markdown_headings = re.findall(r"^##+ (.+)$", render_report(comparison), flags=re.M)
    page = parse_page(render_report(comparison, fmt="html"))
    assert [" ".join(text.split()) for text in page.headings] == markdown_headings


def test_key_changes_come_first_and_uncertain_ones_stand_apart() -> None:
    markdown = render_report(_comparison("two-plus-two"))
    headings = re.findall(r"^## (.+?)(?: \(\d+\))?$", markdown, flags=re.M)
    assert headings[:3] == ["Key changes", "Uncertain: check these by hand", "At a glance"]
    report = build_report(_comparison("two-plus-two"))
    sure = [change.pair for _, changes in report.key for change in changes]
    assert sure and all(pair.certainty == "sure" for pair in sure)
    assert report.uncertain and all(
        change.pair.certainty != "sure" or change.what == "unclear" for change in report.uncertain
    )
    targets = [target for target, _ in report.key]
    assert targets[0] == "China" and targets[-1] == "No named target"


def test_the_length_budget_leaves_what_does_not_fit_to_the_appendix_and_says_so() -> None:
    from compare.report.budget import Budget

    comparison = _comparison("two-plus-two")
    roomy = build_report(comparison)
    assert roomy.budget_note == "" or roomy.budget_note.startswith("To stay readable")
    cramped = Budget(300)
    listed, more = cramped.fit(comparison.pairs)
    assert more and len(listed) + more == len(comparison.pairs) and cramped.left >= 0


def test_a_long_restructured_pair_keeps_to_about_a_third_of_its_words() -> None:
    from compare.report.budget import words_in

    folder = corpus_or_skip() / "quad-leaders-joint-statement"
    old = read(folder / "2023-05-20_quad-leaders-joint-statement.md")
    new = read(folder / "2024-09-21_quad-wilmington-declaration.md")
    body = render_report(compare_documents(old, new)).split("\n## Appendix", 1)[0]
    assert words_in(body) <= 0.4 * (words_in(old.text) + words_in(new.text))


def test_a_briefing_never_shows_an_absolute_local_path(tmp_path: Path) -> None:
    old, new = tmp_path / "2024.txt", tmp_path / "2025.txt"
    old.write_text("We welcome the plan.\n", encoding="utf-8")
    new.write_text("We strongly welcome the plan.\n", encoding="utf-8")
    report = build_report(compare_documents(read(old), read(new)))
    files = dict((label, (a, b)) for label, a, b in report.documents)["File"]
    assert files == ("2024.txt", "2025.txt")
