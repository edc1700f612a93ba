"""The Markdown report shows statement text as text: parsed, it holds no foreign markup.

Hostile statements (``|``, ``*``, ``_``, backticks, ``<script>``, ``[x](javascript:...)``,
entities, Markdown block syntax after hard line breaks, control characters) go through the
pipeline; markdown-it-py then parses the report the way a viewer would.
"""

from __future__ import annotations

from pathlib import PurePath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.model import Document
from compare.pipeline import compare_documents
from compare.read import read
from compare.report import render_report
from tests.report.checks import (
    clause_texts,
    foreign_html,
    links_and_images,
    markdown_text,
    redline_texts,
    table_rows,
    table_widths,
    visible,
)
from tests.report.conftest import HOSTILE_TEXT


def _report(old: str, new: str) -> tuple[str, list[str]]:
    """The Markdown report, and the redline text of every pair it must show literally."""
    comparison = compare_documents(read(old), read(new))
    return render_report(comparison), redline_texts(comparison)


def test_every_table_row_of_a_hostile_report_has_the_header_width(hostile_pair: tuple[str, str]) -> None:
    markdown, _ = _report(*hostile_pair)
    widths = table_widths(markdown)
    assert len(widths) == 3  # documents, at a glance, appendix
    for rows in widths:
        assert rows == [rows[0]] * len(rows)


def test_the_appendix_has_one_row_per_clause_pair(hostile_pair: tuple[str, str]) -> None:
    comparison = compare_documents(read(hostile_pair[0]), read(hostile_pair[1]))
    assert table_rows(render_report(comparison))[-1] == len(comparison.pairs)


def test_no_html_link_or_image_from_the_input_survives(hostile_pair: tuple[str, str]) -> None:
    markdown, _ = _report(*hostile_pair)
    assert foreign_html(markdown) == []
    assert links_and_images(markdown) == []


def test_hostile_statement_text_appears_literally(hostile_pair: tuple[str, str]) -> None:
    markdown, redlines = _report(*hostile_pair)
    shown = markdown_text(markdown)
    for text in redlines:
        assert text in shown
    comparison = compare_documents(read(hostile_pair[0]), read(hostile_pair[1]))
    present = [piece for piece in HOSTILE_TEXT if any(piece in text for text in clause_texts(comparison))]
    assert {"<script>alert(1)</script>", "[x](javascript:alert(1))", "`code`", "| problem |"} <= set(present)
    assert "␛[31m" in shown and "<U+202E>" in shown


def test_hostile_titles_paths_and_sources_appear_literally(hostile_markdown_pair: tuple[str, str]) -> None:
    old, new = (read(path) for path in hostile_markdown_pair)
    markdown = render_report(compare_documents(old, new), title="*Briefing* | <b>draft</b> [z](javascript:x)")
    assert foreign_html(markdown) == [] and links_and_images(markdown) == []
    assert all(rows == [rows[0]] * len(rows) for rows in table_widths(markdown))
    shown = markdown_text(markdown)
    assert old.title and visible(old.title) in shown
    assert "javascript:alert(4)" in shown
    assert "*Briefing* | <b>draft</b> [z](javascript:x)" in shown


def test_hostile_file_names_appear_literally(hostile_pair: tuple[str, str]) -> None:
    markdown, _ = _report(*hostile_pair)
    shown = markdown_text(markdown)
    assert all(visible(PurePath(path).name) in shown for path in hostile_pair)  # a briefing shows bare names
    assert all(rows == [rows[0]] * len(rows) for rows in table_widths(markdown))


WORDS = st.sampled_from(
    "We strongly condemn will note | || * ** _ __ ` `` ~~ <b> </b> <script> & &amp; &lt; [x] (javascript:y) "
    "![i](u) # 1. - + > \\ \\| \x1b \u202e \u2028 \x85 \r China".split(" ")
)
PARAGRAPHS = st.lists(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=4).map(". ".join)
TEXTS = st.lists(PARAGRAPHS, min_size=0, max_size=5).map("\n\n".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, TEXTS)
def test_any_text_gives_a_report_whose_tables_hold_and_that_holds_no_markup(old: str, new: str) -> None:
    comparison = compare_documents(Document("old", old), Document("new", new))
    markdown = render_report(comparison)
    assert all(rows == [rows[0]] * len(rows) for rows in table_widths(markdown))
    assert table_rows(markdown)[-1] == len(comparison.pairs)
    assert foreign_html(markdown) == [] and links_and_images(markdown) == []
    shown = markdown_text(markdown)
    assert all(text in shown for text in redline_texts(comparison))
