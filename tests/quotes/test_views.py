"""Every view of the quotation report: terminal, Markdown, HTML, JSON."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from compare.quotes.jsonfmt import SCHEMA_VERSION
from compare.quotes.views import FORMATS, render_quotes
from tests.quotes.conftest import report

ARTICLE = (
    "Allies decry ‘ballistic missile launches’\n\n"
    "They accused China of “intensifying attempts to unilaterally change the status quo”. "
    "Both governments “intend to upgrade U.S. Forces, Japan to a joint force headquarters”, the statement said. "
    "“The alliance is not directed at any country,” it said.\n"
)
HOSTILE = "They said “we \x1b[2J <script>alert(1)</script> | *act* \u202e now”.\n"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_renders_and_ends_with_a_newline(fmt: str) -> None:
    text = render_quotes(report(ARTICLE), fmt)
    assert text.endswith("\n") and "intensifying attempts" in text


def test_the_terminal_view_says_everything_without_colour() -> None:
    text = render_quotes(report(ARTICLE), "terminal", color=False)
    assert "\x1b[" not in text
    assert "! wrong-speaker" in text and "? not-found" in text and "▲ stronger" in text
    assert "Coverage:" in text


def test_colour_only_adds_escape_codes() -> None:
    plain = render_quotes(report(ARTICLE), "terminal", color=False)
    coloured = render_quotes(report(ARTICLE), "terminal", color=True)
    assert "\x1b[" in coloured and len(coloured) > len(plain)


def test_json_follows_its_schema() -> None:
    record = json.loads(render_quotes(report(ARTICLE), "json"))
    assert record["schema_version"] == SCHEMA_VERSION
    assert set(record) == {"schema_version", "article", "statement", "summary", "quotations", "coverage", "flag_kinds"}
    quotation = record["quotations"][2]
    assert {"index", "text", "status", "altered", "flags", "found_in", "framing", "from_statement"} <= set(quotation)
    assert [flag["kind"] for flag in quotation["flags"]] == ["wrong-speaker"]
    assert record["summary"]["altered"] == 2


def test_json_offsets_point_back_into_both_documents() -> None:
    result = report(ARTICLE)
    record = json.loads(render_quotes(result, "json"))
    for quotation in record["quotations"]:
        start, end = quotation["parts"][0]
        assert result.article.text[start:end] in quotation["text"]
        for piece in quotation["found_in"]:
            assert result.statement.text[piece["start"] : piece["end"]] == piece["text"]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)


def test_document_text_is_shown_never_obeyed() -> None:
    result = report(HOSTILE)
    html = render_quotes(result, "html")
    parser = _Tags()
    parser.feed(html)
    assert "script" not in parser.tags and "&lt;script&gt;" in html
    assert "\x1b" not in html and "\u202e" not in html
    markdown = render_quotes(result, "markdown")
    assert "\\<script>" in markdown and "\\*act\\*" in markdown and "\x1b" not in markdown
    assert "\x1b" not in render_quotes(result, "terminal") and "\u202e" not in render_quotes(result, "json")


def test_the_html_page_loads_nothing() -> None:
    html = render_quotes(report(ARTICLE), "html")
    assert "default-src 'none'" in html and "http" not in html.split("<main>")[1]
