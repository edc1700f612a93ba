"""The HTML report: self-contained, safe with hostile statements, readable in a real browser.

The first tests parse the page with ``html.parser``. The browser tests run Debian's headless
chromium (``apt-get install chromium``) and assert on the DOM it renders, on screenshots at
phone and desktop widths, and on the printed PDF; they skip, saying why, where no chromium is
installed.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path, PurePath

import pytest

from compare.pipeline import compare_documents
from compare.read import read
from compare.report import render_report
from compare.report.sections import build_report, shown_sections
from compare.report.wording import HEADINGS
from tests.conftest import FIXTURES, corpus_or_skip
from tests.report.checks import (
    PageParser,
    clause_texts,
    external_references,
    parse_page,
    visible,
)

CHROMIUM = shutil.which("chromium")
EXAMPLE = (FIXTURES / "two-plus-two" / "old.txt", FIXTURES / "two-plus-two" / "new.txt")
SECTION_IDS = [
    HEADINGS[key].anchor for key in shown_sections(build_report(compare_documents(read(EXAMPLE[0]), read(EXAMPLE[1]))))
]
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "img", "link", "form", "input", "base", "svg", "math"}

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary on PATH (apt-get install -y chromium to run the browser tests)"
)


def _html(old: str | Path, new: str | Path, **options: object) -> str:
    return render_report(compare_documents(read(old), read(new)), fmt="html", **options)  # type: ignore[arg-type]


def _assert_safe(page: PageParser) -> None:
    """Nothing in the page runs, loads or links anywhere but to itself and a source address."""
    assert [e.tag for e in page.elements if e.tag in DANGEROUS_TAGS] == []
    assert [(e.tag, name) for e in page.elements for name in e.attrs if name.startswith("on")] == []
    assert external_references(page) == []
    hrefs = [e.attrs.get("href") or "" for e in page.elements if e.tag == "a"]
    assert all(href.startswith(("#", "https://", "http://")) for href in hrefs), hrefs


def _assert_shows_every_clause(page: PageParser, old: str | Path, new: str | Path) -> None:
    """Every clause's text appears, as text, in its column of the side-by-side view."""
    text = page.text("appendix")
    for clause in clause_texts(compare_documents(read(old), read(new))):
        assert clause in text


def test_the_page_is_self_contained_and_has_every_section() -> None:
    page = parse_page(_html(*EXAMPLE))
    assert [e.attrs.get("id") for e in page.elements if e.tag == "section"] == SECTION_IDS
    _assert_safe(page)
    assert any(e.tag == "meta" and e.attrs.get("http-equiv") == "Content-Security-Policy" for e in page.elements)
    assert "@media print" in page.styles[0] and "max-width: 40rem" in page.styles[0]


def test_hostile_statements_appear_as_text_and_add_no_markup(hostile_pair: tuple[str, str]) -> None:
    page = parse_page(_html(*hostile_pair, title="<script>alert(9)</script> *t* | [z](javascript:z)"))
    _assert_safe(page)
    _assert_shows_every_clause(page, *hostile_pair)
    text = page.text()
    pieces = ("<script>alert(1)</script>", "[x](javascript:alert(1))", "&amp; and &lt;b&gt;", "`code`", "| problem |")
    assert all(piece in text for piece in pieces)
    assert "<script>alert(9)</script> *t* | [z](javascript:z)" in text
    assert all(visible(PurePath(path).name) in text for path in hostile_pair)  # a briefing shows bare names


def test_hostile_front_matter_stays_text(hostile_markdown_pair: tuple[str, str]) -> None:
    page = parse_page(_html(*hostile_markdown_pair))
    _assert_safe(page)
    title = read(hostile_markdown_pair[0]).title
    assert title and visible(title) in page.text("appendix") + page.text()
    assert "javascript:alert(4)" in page.text()


def test_a_clean_source_address_is_a_link_and_anything_else_stays_text(tmp_path: Path) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("---\nsource_url: https://example.org/s?a=1&b=2\n---\n\nWe note the plan.\n", encoding="utf-8")
    sneaky = "https://example.org/x\"onmouseover=\"alert(1)"
    new.write_text(f"---\nsource_url: '{sneaky}'\n---\n\nWe welcome the plan.\n", encoding="utf-8")
    page = parse_page(_html(old, new))
    hrefs = [str(e.attrs.get("href")) for e in page.elements if e.tag == "a"]
    assert [href for href in hrefs if not href.startswith("#")] == ["https://example.org/s?a=1&b=2"]
    assert sneaky in page.text()
    _assert_safe(page)


# --- in a real browser ------------------------------------------------------------------------


def _chromium(profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def browser_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the example report as HTML and a chromium profile."""
    folder = tmp_path_factory.mktemp("browser")
    (folder / "example.html").write_text(_html(*EXAMPLE), encoding="utf-8")
    return folder


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@needs_chromium
def test_the_browser_renders_every_section_of_the_example(browser_dir: Path) -> None:
    page_file = browser_dir / "example.html"
    dom = _chromium(browser_dir / "profile", "--dump-dom", page_file.as_uri()).stdout
    page = parse_page(dom)
    assert [e.attrs.get("id") for e in page.elements if e.tag == "section"] == SECTION_IDS
    _assert_safe(page)
    _assert_shows_every_clause(page, *EXAMPLE)
    assert "expressed concern → strongly condemned" in page.text("key-changes") + page.text("hardened")
    assert "Philippines" in page.text("names")


@needs_chromium
def test_the_browser_shows_hostile_text_as_text(hostile_pair: tuple[str, str], tmp_path: Path) -> None:
    page_file = tmp_path / "hostile.html"
    page_file.write_text(_html(*hostile_pair), encoding="utf-8")
    dom = _chromium(tmp_path / "profile", "--dump-dom", page_file.as_uri()).stdout
    page = parse_page(dom)
    _assert_safe(page)
    _assert_shows_every_clause(page, *hostile_pair)
    assert "<script>alert(1)</script>" in page.text("hardened")
    assert "<img src=x onerror=alert(1)>" in page.text("appendix")


@needs_chromium
@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_the_browser_takes_a_screenshot_at_phone_and_desktop_width(browser_dir: Path, width: int, height: int) -> None:
    shot = browser_dir / f"example-{width}.png"
    page = (browser_dir / "example.html").as_uri()
    _chromium(browser_dir / "profile", f"--screenshot={shot}", f"--window-size={width},{height}", page)
    assert _png_size(shot) == (width, height)
    assert shot.stat().st_size > 20_000, "the screenshot is nearly blank"


@needs_chromium
def test_printing_keeps_the_appendix_folded(browser_dir: Path) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf reads the printed page")
    pdf = browser_dir / "example.pdf"
    page = (browser_dir / "example.html").as_uri()
    _chromium(browser_dir / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page)
    sheets = pypdf.PdfReader(pdf).pages
    text = " ".join(" ".join(sheet.extract_text() or "" for sheet in sheets).split())
    assert "Key changes" in " ".join((sheets[0].extract_text() or "").split())
    assert "Moved, split and merged" in text and "it is not printed" in text
    # an unchanged clause: only the (folded) appendix holds it, and print leaves it folded
    assert "Futenma Replacement Facility" not in text


@needs_chromium
def test_a_restructured_corpus_pair_shows_its_key_changes_on_the_first_page(tmp_path: Path) -> None:
    corpus = corpus_or_skip() / "quad-leaders-joint-statement"
    old, new = corpus / "2023-05-20_quad-leaders-joint-statement.md", corpus / "2024-09-21_quad-wilmington-declaration.md"
    comparison = compare_documents(read(old), read(new))
    first_key = build_report(comparison).key[0][1][0]
    page_file = tmp_path / "quad.html"
    page_file.write_text(render_report(comparison, fmt="html"), encoding="utf-8")
    shot = tmp_path / "quad.png"
    _chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,900", page_file.as_uri())
    assert _png_size(shot) == (1280, 900)
    pypdf = pytest.importorskip("pypdf", reason="pypdf reads the printed page")
    pdf = tmp_path / "quad.pdf"
    _chromium(tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page_file.as_uri())
    first_page = " ".join((pypdf.PdfReader(pdf).pages[0].extract_text() or "").split())
    assert "Key changes" in first_page
    assert first_key.what.capitalize() in first_page
