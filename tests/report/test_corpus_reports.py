"""Every consecutive pair of every series in ../shared/corpus renders as a report, in both formats.

Each pair is compared once; the Markdown must parse with every table row intact and no raw HTML
but the report's own fold, and the HTML must parse with every section present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.report import render_report
from compare.report.sections import build_report, shown_sections
from compare.report.wording import HEADINGS
from tests.conftest import compared, corpus_pair_params
from tests.report.checks import foreign_html, parse_page, table_rows, table_widths


@pytest.mark.parametrize("pair", corpus_pair_params())
def test_a_corpus_pair_renders_a_well_formed_report_in_both_formats(pair: tuple[Path, Path]) -> None:
    comparison = compared(*pair)
    markdown = render_report(comparison)
    assert all(rows == [rows[0]] * len(rows) for rows in table_widths(markdown))
    assert table_rows(markdown)[-1] == len(comparison.pairs)
    assert foreign_html(markdown) == []
    page = parse_page(render_report(comparison, fmt="html"))
    expected = [HEADINGS[key].anchor for key in shown_sections(build_report(comparison))]
    assert [e.attrs.get("id") for e in page.elements if e.tag == "section"] == expected
