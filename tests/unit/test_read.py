"""Unit tests for compare.read: every format, every error, and the real corpus where present."""

from __future__ import annotations

import io
import os
import re
import time
from pathlib import Path

import pytest

from compare.errors import InputError
from compare.model import BlockKind, Document
from compare.read import parse, read

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
NO_CORPUS = f"corpus not found at {CORPUS.resolve()}"


def texts(document: Document) -> list[str]:
    return [document.text[block.start : block.end] for block in document.blocks]


def markers(document: Document) -> list[str]:
    return [block.marker for block in document.blocks]


def furniture(document: Document, kind: str) -> list[str]:
    return [item.text for item in document.furniture if item.kind == kind]


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF with a text layer: one line of Helvetica per string, top to bottom."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in once the pages are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        operators = ["BT /F1 11 Tf 14 TL 72 760 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            operators.append(f"({escaped}) Tj T*")
        operators.append("ET")
        stream = "\n".join(operators).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects)
        )
        kids.append(len(objects))
    references = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (references, len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --------------------------------------------------------------------------------------------
# Plain text


def test_hard_wrapped_lines_join_into_one_block_per_paragraph() -> None:
    document = parse("The Committee decided\ntoday to   keep\n\nits target.\n\n\n\nSecond\tone.\n")
    assert texts(document) == ["The Committee decided today to keep", "its target.", "Second one."]


def test_blocks_are_joined_by_a_blank_line_and_offsets_point_at_them() -> None:
    document = parse("  First paragraph.  \n\nSecond\nparagraph.\n")
    assert document.text == "First paragraph.\n\nSecond paragraph."
    assert [(block.start, block.end) for block in document.blocks] == [(0, 16), (18, 35)]


def test_paragraph_numbers_letters_and_bullets_go_to_the_marker() -> None:
    source = "1. Urges;\n\n12. Decides;\n\n(a) First;\n\n(iv) Fourth;\n\nb) Second;\n\n- bullet\n"
    document = parse(source)
    assert texts(document) == ["Urges;", "Decides;", "First;", "Fourth;", "Second;", "bullet"]
    assert markers(document) == ["1.", "12.", "(a)", "(iv)", "b)", "-"]
    assert document.blocks[-1].kind is BlockKind.LIST_ITEM


def test_renumbering_a_paragraph_leaves_its_text_unchanged() -> None:
    old = parse("3. Calls upon all States to sign the Treaty;\n")
    new = parse("4. Calls upon all States to sign the Treaty;\n")
    assert old.text == new.text
    assert (markers(old), markers(new)) == (["3."], ["4."])


def test_a_number_alone_on_its_line_numbers_the_paragraph_below_it() -> None:
    document = parse("1. \nStresses the vital importance \nof signature; \n")
    assert texts(document) == ["Stresses the vital importance of signature;"]
    assert markers(document) == ["1."]


def test_numbers_that_do_not_number_a_paragraph_stay_in_the_text() -> None:
    document = parse("1.5 per cent growth.\n")
    assert texts(document) == ["1.5 per cent growth."]
    assert markers(document) == [""]


def test_a_un_resolution_number_is_the_marker_of_its_title_so_a_renumbering_is_no_change() -> None:
    document = parse("79/77. Comprehensive Nuclear-Test-Ban Treaty\n")
    assert texts(document) == ["Comprehensive Nuclear-Test-Ban Treaty"]
    assert markers(document) == ["79/77."]
    assert document.title == "Comprehensive Nuclear-Test-Ban Treaty"


def test_text_that_was_never_hard_wrapped_has_one_paragraph_per_line() -> None:
    first = "Tokyo, Japan - The United States and Japan hit out on Sunday at what they called destabilizing actions, " * 2
    second = "They accused China of intensifying attempts to change the status quo, the communique added " * 2
    document = parse(f"{first.strip()}\n{second.strip()}\n")
    assert texts(document) == [first.strip(), second.strip()]


def test_bullets_start_new_blocks_without_blank_lines() -> None:
    document = parse("The actions:\n* one thing\n  wrapped on\n* another thing\n")
    assert texts(document) == ["The actions:", "one thing wrapped on", "another thing"]
    assert markers(document) == ["", "-", "-"]


def test_a_hyphen_at_a_line_end_is_kept_in_a_compound() -> None:
    document = parse("non-\nproliferation and the Nuclear-\nTest-Ban Treaty of long-\nstanding\n")
    assert document.text == "non-proliferation and the Nuclear-Test-Ban Treaty of long-standing"


def test_a_hyphen_at_a_line_end_that_broke_a_word_is_dropped() -> None:
    document = parse("to achieve the early ratifica-\ntion of the Treaty\n")
    assert document.text == "to achieve the early ratification of the Treaty"


def test_the_document_itself_decides_how_a_broken_word_is_rejoined() -> None:
    joined = parse("We support peace-\nkeeping.\n\nPeacekeeping matters.\n")
    hyphenated = parse("We support peace-\nkeeping.\n\nPeace-keeping matters.\n")
    assert texts(joined)[0] == "We support peacekeeping."
    assert texts(hyphenated)[0] == "We support peace-keeping."


def test_a_suspended_hyphen_keeps_its_space() -> None:
    document = parse("a victim-\nand gender-sensitive approach\n")
    assert document.text == "a victim- and gender-sensitive approach"


def test_white_space_inside_a_block_collapses_to_one_space() -> None:
    document = parse("Joint\u00a0\u00a0Statement \t on\u2009AUKUS\n")
    assert document.text == "Joint Statement on AUKUS"


def test_form_feed_is_white_space_but_other_control_characters_stay() -> None:
    document = parse("First\fpage.\n\nBell\x07 and escape\x1b[31m.\n")
    assert texts(document) == ["First page.", "Bell\x07 and escape\x1b[31m."]


def test_short_unpunctuated_lines_are_headings() -> None:
    document = parse("Federal Reserve Actions\n\nThe Committee acted.\n\nthe lower-case start\n")
    kinds = [block.kind for block in document.blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_links_in_plain_text_keep_their_label_and_record_the_target() -> None:
    document = parse("* [Bank of\n  Canada](http://www.bank-banque-canada.ca/notice.html)\n")
    assert texts(document) == ["Bank of Canada"]
    assert furniture(document, "link-target") == ["http://www.bank-banque-canada.ca/notice.html"]


# --------------------------------------------------------------------------------------------
# UN resolutions as PyMuPDF extracts them

UN_SAMPLE = (
    "United Nations \nA/RES/79/77\n \n \nGeneral Assembly \nDistr.: General \n10 December 2024 \n"
    " \n24-23049 (E) \n*2423049* \n \n \nSeventy-ninth session \nAgenda item 104 \n"
    "Comprehensive Nuclear-Test-Ban Treaty \n \n \n Resolution adopted by the General Assembly \n"
    "on 2 December 2024 \n \n[on the report of the First Committee (A/79/414, para. 7)] \n \n"
    "79/77. Comprehensive Nuclear-Test-Ban Treaty \n \nThe General Assembly, \n \n"
    "Recalling the Treaty on the Non-Proliferation of Nuclear Weapons,1 ratified by \n"
    "2 nuclear-weapon States and adopted by its resolution 50/245 of 10 September \n"
    "1996,2 \n \n"
    "1. \nUrges all States to maintain their moratoriums and to refrain \n"
    "__________________ \n \n1 United Nations, Treaty Series, vol. 729, No. 10485. \n \n"
    "2 See resolution 50/245 and \nA/50/1027. \n"
    "\nA/RES/79/77 \nComprehensive Nuclear-Test-Ban Treaty\n \n24-23049\n2/3 \n \n"
    "from acts that would defeat the object of the Treaty;  \n"
    "\nComprehensive Nuclear-Test-Ban Treaty \nA/RES/79/77\n \n3/3\n24-23049 \n \n \n"
    "2. \nWelcomes the ratification of the Treaty, \n"
)


def test_un_masthead_is_furniture_and_the_opening_lines_are_blocks() -> None:
    document = parse(UN_SAMPLE, path="A-RES-79-77.txt")
    assert texts(document)[:7] == [
        "Seventy-ninth session",
        "Agenda item 104",
        "Comprehensive Nuclear-Test-Ban Treaty",
        "Resolution adopted by the General Assembly on 2 December 2024",
        "[on the report of the First Committee (A/79/414, para. 7)]",
        "Comprehensive Nuclear-Test-Ban Treaty",
        "The General Assembly,",
    ]
    assert document.blocks[0].kind is BlockKind.HEADING
    assert document.blocks[6].kind is BlockKind.PARAGRAPH
    masthead = furniture(document, "page-header")[0]
    assert "A/RES/79/77" in masthead and "*2423049*" in masthead and "Distr.: General" in masthead
    assert dict(document.metadata)["symbol"] == "A/RES/79/77"
    assert document.furniture[0].line == 1


def test_a_side_by_side_un_masthead_is_furniture_too() -> None:
    source = (
        "United Nations                                A/RES/79/194\n\n"
        "General Assembly                           Distr.: General\n"
        "                                          23 December 2024\n\n"
        "Seventy-ninth session\n\nThe General Assembly,\n"
    )
    document = parse(source)
    assert texts(document) == ["Seventy-ninth session", "The General Assembly,"]
    assert furniture(document, "page-header") == [
        "United Nations | A/RES/79/194 | General Assembly | Distr.: General | 23 December 2024"
    ]
    assert document.date == "2024-12-23"


def test_un_title_and_adoption_date_come_from_the_opening() -> None:
    document = parse(UN_SAMPLE)
    assert document.title == "Comprehensive Nuclear-Test-Ban Treaty"
    assert document.date == "2024-12-02"


def test_a_paragraph_across_a_un_page_break_is_one_block_again() -> None:
    document = parse(UN_SAMPLE)
    assert (
        "Urges all States to maintain their moratoriums and to refrain from acts that would "
        "defeat the object of the Treaty;"
    ) in texts(document)


def test_a_un_page_break_between_paragraphs_keeps_them_apart() -> None:
    document = parse(UN_SAMPLE)
    assert texts(document)[-1] == "Welcomes the ratification of the Treaty,"
    assert markers(document)[-2:] == ["1.", "2."]


def test_un_page_headers_and_footnotes_are_furniture() -> None:
    document = parse(UN_SAMPLE)
    assert furniture(document, "page-header")[1:] == [
        "A/RES/79/77 | Comprehensive Nuclear-Test-Ban Treaty | 24-23049 | 2/3",
        "Comprehensive Nuclear-Test-Ban Treaty | A/RES/79/77 | 3/3 | 24-23049",
    ]
    assert furniture(document, "footnote") == [
        "1 United Nations, Treaty Series, vol. 729, No. 10485.",
        "2 See resolution 50/245 and A/50/1027.",
    ]
    assert not any(re.search(r"\d\d-\d{5}|\d+/\d+ ?$|A/RES/", text) for text in texts(document)[7:])


def test_glued_footnote_markers_leave_the_text_and_real_numbers_stay() -> None:
    document = parse(UN_SAMPLE)
    assert texts(document)[7] == (
        "Recalling the Treaty on the Non-Proliferation of Nuclear Weapons, ratified by 2 "
        "nuclear-weapon States and adopted by its resolution 50/245 of 10 September 1996,"
    )
    lines = UN_SAMPLE.split("\n")
    found = [(item.text, item.line) for item in document.furniture if item.kind.endswith("marker")]
    assert [(label, lines[line - 1]) for label, line in found] == [
        ("1", "Recalling the Treaty on the Non-Proliferation of Nuclear Weapons,1 ratified by "),
        ("2", "1996,2 "),
    ]


def test_digits_are_markers_only_where_a_footnote_has_that_number() -> None:
    document = parse("Recalling the Treaty1 and the Convention,2 \n")
    assert document.text == "Recalling the Treaty1 and the Convention,2"
    assert furniture(document, "footnote-marker") == []


def test_a_draft_takes_its_title_from_below_the_sponsors_and_its_date_from_distribution() -> None:
    draft = (
        "United Nations \nA/80/L.6\n \nGeneral Assembly \nDistr.: Limited \n7 October 2025 \n"
        "Original: English \n \n25-16107 (E)    101025 \n*2516107* \n \nEightieth session \n"
        "Agenda item 38 \n \nCuba: draft resolution \n \n Necessity of ending the embargo \n"
        "against Cuba \n \nThe General Assembly, \n \nDetermined to encourage compliance, \n"
    )
    document = parse(draft, path="draft.txt")
    assert document.title == "Necessity of ending the embargo against Cuba"
    assert document.date == "2025-10-07"
    assert "Cuba: draft resolution" in texts(document)
    assert dict(document.metadata)["distribution"] == "Limited"


# --------------------------------------------------------------------------------------------
# Markdown

MARKDOWN_SAMPLE = """---
date: '2022-09-23'
published_time: 2022-09-23 15:00:10-04:00
source_url: https://example.gov/g7-leaders-statement-3/
tags: statements-releases
title: "G7 Leaders\\u2019 Joint\\_Statement on the Strategic\\_\\
  Group"
---
 
**<u>Preamble</u>**

We, the Leaders of the Group of Seven (G7), [strongly
condemn](https://www.example.de/statement) the *sham* referenda \\[sic\\] \\*today\\*.  
\u00a0  
These actions breach the <span>UN</span> Charter &amp; international law.  
  
1.  We will never recognise these referenda which appear to be a
    step toward annexation.
2.  We call upon all countries to reject them.

-   supporting Ukraine;
-   deterring aggression.

## Next steps

9\\. We stand with Ukraine.

\\###
"""


def test_front_matter_becomes_metadata_title_date_and_furniture() -> None:
    document = parse(MARKDOWN_SAMPLE, source_format="markdown")
    assert document.title == "G7 Leaders\u2019 Joint Statement on the Strategic Group"
    assert document.date == "2022-09-23"
    assert dict(document.metadata)["tags"] == "statements-releases"
    front = [item for item in document.furniture if item.kind == "front-matter"]
    assert len(front) == 1 and front[0].line == 1 and "source_url" in front[0].text


def test_markdown_markup_is_removed_from_the_text() -> None:
    document = parse(MARKDOWN_SAMPLE, source_format="markdown")
    assert texts(document)[1] == (
        "We, the Leaders of the Group of Seven (G7), strongly condemn the sham referenda "
        "[sic] *today*."
    )
    assert texts(document)[2] == "These actions breach the UN Charter & international law."


def test_markdown_links_keep_their_text_and_record_the_target() -> None:
    document = parse(MARKDOWN_SAMPLE, source_format="markdown")
    links = [item for item in document.furniture if item.kind == "link-target"]
    assert [(item.text, item.line) for item in links] == [("https://www.example.de/statement", 12)]


def test_markdown_headings_lists_and_numbered_paragraphs() -> None:
    document = parse(MARKDOWN_SAMPLE, source_format="markdown")
    assert texts(document)[0] == "Preamble"
    assert texts(document)[3:] == [
        "We will never recognise these referenda which appear to be a step toward annexation.",
        "We call upon all countries to reject them.",
        "supporting Ukraine;",
        "deterring aggression.",
        "Next steps",
        "We stand with Ukraine.",
    ]
    kinds = [block.kind for block in document.blocks]
    assert kinds[0] is BlockKind.HEADING and kinds[7] is BlockKind.HEADING
    assert kinds[3:7] == [BlockKind.LIST_ITEM] * 4
    assert markers(document)[3:] == ["1.", "2.", "-", "-", "", "9."]


def test_the_release_end_marker_is_furniture() -> None:
    document = parse(MARKDOWN_SAMPLE, source_format="markdown")
    assert furniture(document, "release-marker") == ["\\###"]
    assert "###" not in document.text


def test_a_hard_line_break_ends_a_block_only_after_a_sentence_or_a_heading() -> None:
    source = "**Peace and Stability**  \nWe discussed Ukraine.  \nIt was held on  \n2 March 2022.\n"
    document = parse(source, source_format="markdown")
    assert texts(document) == [
        "Peace and Stability",
        "We discussed Ukraine.",
        "It was held on 2 March 2022.",
    ]
    assert document.blocks[0].kind is BlockKind.HEADING


def test_a_bold_heading_split_over_lines_stays_one_heading() -> None:
    source = "Text ends here.  \n**  \nTrade and** **Labor** **Dialogue**  \n   \nThe session.\n"
    document = parse(source, source_format="markdown")
    assert texts(document) == ["Text ends here.", "Trade and Labor Dialogue", "The session."]
    assert document.blocks[1].kind is BlockKind.HEADING


def test_a_year_that_wraps_to_the_start_of_a_line_is_not_a_list() -> None:
    source = "the Strategic Trade Dialogue, launched in June\n2023.  \n  \nNext paragraph.\n"
    document = parse(source, source_format="markdown")
    assert texts(document) == [
        "the Strategic Trade Dialogue, launched in June 2023.",
        "Next paragraph.",
    ]
    assert markers(document) == ["", ""]


# --------------------------------------------------------------------------------------------
# HTML

HTML_SAMPLE = """<!DOCTYPE html>
<html><head><title>Joint Statement | The White House</title>
<meta property="og:title" content="Joint Statement on AUKUS">
<meta property="article:published_time" content="2021-09-15T16:55:00-04:00">
<style>p { color: red }</style><script>document.write("<p>no</p>")</script></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main>
<h1>Joint Leaders Statement</h1>
<p>As leaders of Australia,<br>the United Kingdom &amp; the United States.</p>
<p>We will <a href="https://example.gov/aukus">deepen</a> cooperation.
<ol><li>First point.</li><li>Second <b>bold</b> point.</li></ol>
<ul><li>A bullet</li></ul>
<div>Loose text <blockquote>Quoted.</blockquote></div>
<table><tr><td>Cell</td><th>Head</th></tr></table>
</main>
<aside>Related stories</aside><footer>Copyright</footer>
</body></html>
"""


def test_html_blocks_come_from_paragraphs_headings_list_items_and_cells() -> None:
    document = parse(HTML_SAMPLE, source_format="html")
    assert texts(document) == [
        "Joint Leaders Statement",
        "As leaders of Australia, the United Kingdom & the United States.",
        "We will deepen cooperation.",
        "First point.",
        "Second bold point.",
        "A bullet",
        "Loose text",
        "Quoted.",
        "Cell",
        "Head",
    ]
    kinds = [block.kind for block in document.blocks]
    assert kinds[0] is BlockKind.HEADING and kinds[1] is BlockKind.PARAGRAPH
    assert kinds[3:6] == [BlockKind.LIST_ITEM] * 3
    assert markers(document)[3:6] == ["1.", "2.", "-"]


def test_html_outside_main_and_page_chrome_are_furniture_not_text() -> None:
    document = parse(HTML_SAMPLE, source_format="html")
    assert furniture(document, "boilerplate") == ["Home News", "Related stories", "Copyright"]
    assert furniture(document, "link-target") == ["https://example.gov/aukus"]
    assert "color" not in document.text and "write" not in document.text


def test_an_html_paragraph_all_in_bold_is_a_heading() -> None:
    source = "<p><strong>Indo-Pacific</strong></p><p><b>We</b> reaffirm.</p><p><b>Bold.</b></p>"
    kinds = [block.kind for block in parse(source, source_format="html").blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_html_without_main_or_article_uses_the_whole_body() -> None:
    document = parse("<html><body><p>One.</p><div>Two</div></body></html>", source_format="html")
    assert texts(document) == ["One.", "Two"]


def test_html_article_is_the_text_when_there_is_no_main() -> None:
    source = "<body><div>Menu</div><article><p>The statement.</p></article><p>Share</p></body>"
    document = parse(source, source_format="html")
    assert texts(document) == ["The statement."]
    assert furniture(document, "boilerplate") == ["Menu", "Share"]


def test_html_title_and_date_come_from_the_metadata() -> None:
    document = parse(HTML_SAMPLE, source_format="html")
    assert document.title == "Joint Statement on AUKUS"
    assert document.date == "2021-09-15"
    source = '<title>A Title</title><p>x <time datetime="2020-01-02">then</time></p>'
    plain = parse(source, source_format="html")
    assert (plain.title, plain.date) == ("A Title", "2020-01-02")


def test_html_with_no_text_is_an_input_error(tmp_path: Path) -> None:
    source = "<html><head><script>x()</script></head><body> </body></html>"
    path = write(tmp_path, "empty.html", source)
    with pytest.raises(InputError, match=r"^cannot read '.*empty\.html': no text in HTML$"):
        read(path)


# --------------------------------------------------------------------------------------------
# PDF


def test_pdf_text_is_read_with_running_heads_and_page_numbers_set_aside(tmp_path: Path) -> None:
    pages = [
        [
            "Joint Statement on Testing",
            "1. The parties met in Geneva and agreed on the early ratifica-",
            "tion of the Treaty, a non-",
            "proliferation measure of long standing.",
            "2. They will meet again next year.",
            "Page 1 of 2",
        ],
        [
            "Joint Statement on Testing",
            "3. The parties call on all States to sign the Treaty and to",
            "ratify it without delay.",
            "Page 2 of 2",
        ],
    ]
    document = read(write(tmp_path, "statement.pdf", make_pdf(pages)))
    assert document.source_format == "pdf"
    assert texts(document) == [
        "The parties met in Geneva and agreed on the early ratification of the Treaty, "
        "a non-proliferation measure of long standing.",
        "They will meet again next year.",
        "The parties call on all States to sign the Treaty and to ratify it without delay.",
    ]
    assert markers(document) == ["1.", "2.", "3."]
    assert furniture(document, "page-header") == ["Joint Statement on Testing"] * 2
    assert furniture(document, "page-number") == ["Page 1 of 2", "Page 2 of 2"]


def test_a_pdf_paragraph_continues_across_pages(tmp_path: Path) -> None:
    pages = [
        [
            "The Committee decided today to keep its target for the federal funds",
            "rate at 2 percent and",
            "1",
        ],
        ["expects to maintain it for some time, as agreed at the meeting today.", "2"],
    ]
    document = read(write(tmp_path, "fomc.pdf", make_pdf(pages)))
    assert texts(document) == [
        "The Committee decided today to keep its target for the federal funds rate at 2 percent "
        "and expects to maintain it for some time, as agreed at the meeting today."
    ]
    assert furniture(document, "page-number") == ["1", "2"]


def test_pdf_footnotes_are_furniture_and_end_at_the_page_break(tmp_path: Path) -> None:
    pages = [
        [
            "Recalling the Treaty on the Non-Proliferation of Nuclear Weapons,1 which entered",
            "into force in 1970, and the",
            "__________________",
            "1 United Nations, Treaty Series, vol. 729, No. 10485.",
        ],
        ["conclusions of its Review Conferences held since then in New York and Geneva.", "2"],
    ]
    document = read(write(tmp_path, "resolution.pdf", make_pdf(pages)))
    assert texts(document) == [
        "Recalling the Treaty on the Non-Proliferation of Nuclear Weapons, which entered into "
        "force in 1970, and the conclusions of its Review Conferences held since then in New York "
        "and Geneva."
    ]
    assert furniture(document, "footnote") == [
        "1 United Nations, Treaty Series, vol. 729, No. 10485."
    ]
    assert furniture(document, "footnote-marker") == ["1"]


def _pypdf_writer_pdf(*, user_password: str | None, owner_password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if user_password is not None:
        writer.encrypt(user_password, owner_password=owner_password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_an_encrypted_pdf_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.pdf", _pypdf_writer_pdf(user_password="secret"))
    with pytest.raises(InputError, match=r"^cannot read '.*secret\.pdf': encrypted PDF$"):
        read(path)


def test_a_pdf_without_a_text_layer_is_an_input_error(tmp_path: Path) -> None:
    # Encrypted with an empty user password: it opens, but holds no text.
    path = write(tmp_path, "scan.pdf", _pypdf_writer_pdf(user_password="", owner_password="owner"))
    with pytest.raises(InputError, match=r"no text layer \(scanned\?\)$"):
        read(path)


def test_a_corrupt_pdf_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF garbage")
    with pytest.raises(InputError, match=r"^cannot read '.*broken\.pdf': corrupt PDF") as caught:
        read(path)
    assert caught.value.__cause__ is not None


# --------------------------------------------------------------------------------------------
# Decoding, formats, standard input


def test_utf8_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    data = "\ufeffThe Committee\u2019s decision.".encode()
    document = read(write(tmp_path, "bom.txt", data))
    assert document.text == "The Committee\u2019s decision."
    assert document.warnings == ()


def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    document = read(write(tmp_path, "wide.txt", "Na\u00efve text.\n".encode("utf-16")))
    assert document.text == "Na\u00efve text."


def test_a_legacy_encoding_is_guessed_with_a_warning(tmp_path: Path) -> None:
    data = "The Committee\u2019s na\u00efve \u2013 r\u00e9sum\u00e9 of caf\u00e9 talk.\n"
    document = read(write(tmp_path, "x.txt", data.encode("cp1252")))
    assert document.text == data.strip()
    assert document.warnings == (f"'{tmp_path / 'x.txt'}': decoded as cp1252 (not UTF-8)",)


def test_undecodable_bytes_are_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "noise.txt", bytes(range(128, 256)) * 3)
    reason = r"not UTF-8 \(byte 0x80 at offset 0\) and no other encoding fits$"
    with pytest.raises(InputError, match=reason):
        read(path)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"text\x00with NUL bytes", "NUL bytes"),
        (b"\x89PNG\r\n\x1a\n" + bytes(20), "PNG image"),
        (b"PK\x03\x04 a docx is a zip", "zip archive"),
    ],
)
def test_binary_files_are_an_input_error(tmp_path: Path, data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=rf"^cannot read '.*blob\.txt': binary file \({what}\)$"):
        read(write(tmp_path, "blob.txt", data))


def test_an_unknown_extension_is_sniffed_as_text(tmp_path: Path) -> None:
    document = read(write(tmp_path, "20080916.xt", "The Committee decided\ntoday.\n"))
    assert document.source_format == "text"
    assert (document.text, document.date) == ("The Committee decided today.", "2008-09-16")


@pytest.mark.parametrize(
    ("data", "source_format"),
    [
        (b"Plain words.\n", "text"),
        (b"---\ntitle: T\n---\nBody **bold** [x](https://x.org).\n", "markdown"),
        (b"# Heading\n\nBody.\n", "markdown"),
        (b"<!DOCTYPE html><p>Body.</p>", "html"),
        (b"  <html><body><p>Body.</p></body></html>", "html"),
    ],
)
def test_standard_input_is_read_with_a_dash_and_its_format_sniffed(
    data: bytes, source_format: str
) -> None:
    document = read("-", stdin=io.BytesIO(data))
    assert document.path == "-"
    assert document.source_format == source_format
    assert document.text.startswith(("Plain", "Body", "Heading"))


def test_a_pdf_on_standard_input_is_read_as_pdf() -> None:
    pdf = make_pdf([["A statement read from standard input."]])
    document = read("-", stdin=io.BytesIO(pdf))
    assert document.source_format == "pdf"
    assert document.text == "A statement read from standard input."


def test_content_beats_a_misleading_extension_for_pdf(tmp_path: Path) -> None:
    document = read(write(tmp_path, "really.txt", make_pdf([["A statement."]])))
    assert document.source_format == "pdf"
    assert document.warnings and "content is a PDF" in document.warnings[0]


def test_parse_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="source_format"):
        parse("x", source_format="docx")


# --------------------------------------------------------------------------------------------
# Errors


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^cannot read '.*nope\.txt': no such file$") as caught:
        read(tmp_path / "nope.txt")
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_a_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r": is a directory$"):
        read(tmp_path)


def test_permission_denied_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated: tests may run as root, for whom chmod 000 denies nothing.
    locked = write(tmp_path, "locked.txt", "A statement.")
    real_open = os.open

    def refuse(path: str, flags: int, *args: int) -> int:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError, match=r"^cannot read '.*locked\.txt': permission denied$"):
        read(locked)


def test_an_unreadable_stream_is_an_input_error() -> None:
    class Broken(io.RawIOBase):
        def read(self, size: int = -1) -> bytes:
            raise OSError(5, "Input/output error")

    with pytest.raises(InputError, match=r"^cannot read '-': input/output error$"):
        read("-", stdin=Broken())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "reason"), [(b"", "empty file"), (b" \n\t\r\n\xc2\xa0\n", "only white space")]
)
def test_empty_and_blank_files_are_input_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=rf"^cannot read '.*blank\.txt': {reason}$"):
        read(write(tmp_path, "blank.txt", data))


def test_markdown_with_nothing_but_front_matter_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r": no body text$"):
        read(write(tmp_path, "only.md", "---\ntitle: x\n---\n \n\\###\n"))


# --------------------------------------------------------------------------------------------
# Titles and dates


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("fomc/20080916.txt", "2008-09-16"),
        ("2024-06-14_g7-apulia-communique.txt", "2024-06-14"),
        ("draft_v2.txt", None),
        ("20241399.txt", None),
    ],
)
def test_a_date_in_the_file_name_is_the_fallback(name: str, date: str | None) -> None:
    assert parse("Text.", path=name).date == date


def test_front_matter_date_beats_the_file_name() -> None:
    source = "---\ndate: '2021-09-15'\n---\nBody.\n"
    document = parse(source, path="2020-01-01.md", source_format="markdown")
    assert document.date == "2021-09-15"


# --------------------------------------------------------------------------------------------
# Robustness


def test_punctuation_only_text_is_one_block() -> None:
    assert texts(parse("... !!! ???")) == ["... !!! ???"]
    assert texts(parse("1.")) == ["1."]


@pytest.mark.parametrize(
    "data",
    [
        b"word " * 200_000,
        b"line of text\n" * 80_000,
        b"<a " * 300_000,
        b"<!-- " * 200_000,
        b"[a](" * 300_000,
        b"**x  \n" * 100_000,
        b"1 2 3 4 5 6 7 8 9 10 11 " * 50_000 + b"\n______\n\n1 note\n",
        b"ratifica-\ntion " * 70_000,
    ],
    ids=[
        "words", "lines", "open-tags", "open-comments", "open-links", "hard-breaks", "numbers",
        "hyphens",
    ],
)
@pytest.mark.parametrize("extension", [".txt", ".md", ".html"])
def test_a_megabyte_of_awkward_input_reads_fast(
    tmp_path: Path, data: bytes, extension: str
) -> None:
    path = write(tmp_path, "big" + extension, data)
    started = time.perf_counter()
    try:
        read(path)
    except InputError:
        pass  # "<a <a <a ..." holds no text as HTML: refusing it is fine, hanging is not
    assert time.perf_counter() - started < 3.0


# --------------------------------------------------------------------------------------------
# The real corpus (skipped, with the reason shown, where it is absent)

CORPUS_FILES = (
    sorted(
        path
        for path in CORPUS.glob("*/**/*")
        if path.is_file() and "source_json" not in path.parts
    )
    if CORPUS.is_dir()
    else []
)
FURNITURE_IN_TEXT = re.compile(r"\d\d-\d{5}|\*\d{7}\*")
FURNITURE_AS_BLOCK = re.compile(r"\d+/\d+|[A-Z]/(?:[A-Z0-9.]+/)*[A-Z0-9.]+\*?|A/RES/\S+")
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)


@pytest.mark.parametrize(
    "path",
    [pytest.param(path, id=str(path.relative_to(CORPUS))) for path in CORPUS_FILES]
    or [pytest.param(None, marks=pytest.mark.skip(reason=NO_CORPUS), id="no-corpus")],
)
def test_every_corpus_file_reads_cleanly(path: Path) -> None:
    document = read(path)
    assert document.blocks
    assert document.text == "\n\n".join(texts(document))
    for block in document.blocks:
        text = document.text[block.start : block.end]
        assert text and text == text.strip()
        assert "\n" not in text
        assert not FURNITURE_IN_TEXT.search(text), text
        assert not FURNITURE_AS_BLOCK.fullmatch(text), text
    assert document.date is not None


@needs_corpus
def test_a_ctbt_sentence_across_a_page_break_is_reunited() -> None:
    # A/RES/79/77, operative paragraph 4: "... and to refrain" ends page 2 above two footnotes,
    # "from acts that would defeat ..." opens page 3 under the running header.
    document = read(CORPUS / "unga-ctbt-resolution" / "2024-12-02_ctbt_A-RES-79-77.txt")
    paragraph = next(text for text in texts(document) if text.startswith("Urges all States not"))
    assert "and to refrain from acts that would defeat the object and purpose" in paragraph
    assert paragraph.endswith("as the entry into force of the Treaty;")
    assert markers(document)[texts(document).index(paragraph)] == "4."


@needs_corpus
def test_the_ctbt_resolution_reads_as_expected() -> None:
    document = read(CORPUS / "unga-ctbt-resolution" / "2024-12-02_ctbt_A-RES-79-77.txt")
    assert texts(document)[:7] == [
        "Seventy-ninth session",
        "Agenda item 104",
        "Comprehensive Nuclear-Test-Ban Treaty",
        "Resolution adopted by the General Assembly on 2 December 2024",
        "[on the report of the First Committee (A/79/414, para. 7)]",
        "Comprehensive Nuclear-Test-Ban Treaty",
        "The General Assembly,",
    ]
    assert document.title == "Comprehensive Nuclear-Test-Ban Treaty"
    assert document.date == "2024-12-02"
    assert markers(document)[-12:-1] == [f"{number}." for number in range(1, 12)]
    assert furniture(document, "footnote-marker") == ["1", "2", "3"]
    assert "Weapons, in which" in document.text and "resolutions, urges" in document.text
    assert "Nuclear-Test-Ban Treaty Organization" in document.text


@needs_corpus
def test_corpus_markdown_leaves_no_markup_in_the_text() -> None:
    for path in sorted(CORPUS.glob("*/*.md")):
        document = read(path)
        assert not re.search(r"\*\*|\\[\[\]*#]|\]\(|</?[a-z]+>", document.text), path.name
        assert document.title and document.date


@needs_corpus
def test_the_g7_communique_reads_well_under_50_ms() -> None:
    path = CORPUS / "g7-leaders-communique" / "2024-06-14_g7-apulia-communique.md"
    read(path)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        read(path)
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.050
