"""The change report as one self-contained HTML page: no network, no scripts, prints cleanly.

Lays out what ``compare.report.sections`` decided, with the same sections as the Markdown
report, and ends in a side-by-side aligned view of every pair with word-level highlighting
(``<del>`` in the old column, ``<ins>`` in the new). Styles are inline; the page loads nothing
and a Content-Security-Policy forbids it to, so it opens offline and from an e-mail. On narrow
screens the two columns stack; in print the appendix stays folded, so a printed report is
the two-minute read, not the whole comparison. Every piece of document
text passes through ``compare.render.page.html_text``: it is shown, never obeyed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from compare import regexcache
from compare.align import word_diff
from compare.keychanges import KeyChange
from compare.model import Clause, Pair
from compare.render.common import (
    certainty_note,
    corrected_note,
    location,
    marked_words,
    pair_location,
    shift_note,
)
from compare.render.page import REDLINE_MARKS, html_page, html_text
from compare.report import wording
from compare.report.sections import (
    Group,
    Report,
    empty_sections,
    left_to_appendix,
    section_counts,
    shown_sections,
)

__all__ = ["render"]

_Item = Callable[[Pair], Iterator[str]]
"""Writes the HTML of one list item for a pair."""

_WEB_ADDRESS = regexcache.compiled(r"https?://[^\s\"'<>]+")

_CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --del-bg: #ffebe9; --del-ink: #82071e; --ins-bg: #dafbe1; --ins-ink: #0f5323;
  --hardened: #b35900; --softened: #0550ae; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 75rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2.25rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.count { color: var(--muted); font-weight: normal; }
.blurb, .note { color: var(--muted); margin: .25rem 0 .75rem; }
.totals { font-size: 1.05rem; font-weight: 600; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem .5rem; list-style: none; padding: 0; margin: 1rem 0; }
nav a { display: inline-block; padding: .15rem .6rem; border: 1px solid var(--line); border-radius: 1rem;
  color: inherit; text-decoration: none; font-size: .9rem; background: var(--panel); }
.table-wrap { overflow-x: auto; margin: .5rem 0; }
table { border-collapse: collapse; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .3rem .55rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
table.glance th, table.glance td { overflow-wrap: normal; }
tr.total th, tr.total td { font-weight: 700; }
table.documents th[scope=row] { white-space: nowrap; }
del { background: var(--del-bg); color: var(--del-ink); text-decoration: line-through; }
ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: none; font-weight: 600; }
ul.items { list-style: none; padding: 0; margin: .5rem 0; }
ul.items > li { margin: .6rem 0; padding: .5rem .75rem; border-left: 4px solid var(--line); background: var(--panel); }
#hardened ul.items > li { border-left-color: var(--hardened); }
#softened ul.items > li { border-left-color: var(--softened); }
.headline { margin: 0; }
.stance { font-weight: 700; }
.facts { color: var(--muted); font-size: .9rem; }
.reason, .text { margin: .25rem 0 0; }
.none { color: var(--muted); font-style: italic; }
details > summary { cursor: pointer; font-weight: 600; padding: .4rem 0; }
.aligned { border-bottom: 1px solid var(--line); }
.aligned .pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: .25rem 1.25rem;
  padding: .6rem 0; border-top: 1px solid var(--line); }
.aligned .meta { grid-column: 1 / -1; font-size: .85rem; color: var(--muted); }
.aligned p { margin: 0; }
.aligned .where { display: block; font-size: .8rem; color: var(--muted); }
.aligned .empty { color: var(--muted); font-style: italic; }
.aligned .pair.unchanged .side { color: var(--muted); }
.aligned .columns { font-weight: 700; border-top: 0; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  main { padding: .75rem .75rem 2rem; }
  h1 { font-size: 1.35rem; }
  .aligned .pair { grid-template-columns: minmax(0, 1fr); }
  .aligned .columns { display: none; }
}
@media print {
  @page { margin: 1.5cm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  details > summary::after { content: " (open the page to read it; it is not printed)"; font-weight: normal; }
  h2, h3 { break-after: avoid; }
  ul.items > li, .aligned .pair, tr { break-inside: avoid; }
  del, ins, ul.items > li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  ins { text-decoration: underline; }
  a { color: inherit; }
}
"""
"""Inline styles: responsive (the aligned view stacks under 40rem) and print-friendly."""


def render(report: Report) -> str:
    """The report as a complete HTML document, ending in a newline."""
    page = html_page(report.title, generator="jointdiff report", css=_CSS, body=_body(report))
    return "\n".join(page) + "\n"


def _redline(pair: Pair) -> str:
    """The new text with deletions in ``<del>`` and insertions in ``<ins>``, as the Markdown redline."""
    if not pair.words:
        return html_text(wording.side_text(pair.new or pair.old))
    return marked_words(pair.words, html_text, REDLINE_MARKS)


def _old_side(pair: Pair) -> str:
    """The old text as written, its words missing from the new text in ``<del>``.

    ``Pair.words`` keeps the new spelling of equal words, so the old column diffs the other way
    round: what is inserted going from new to old is what the old text had and the new lacks.
    """
    if not pair.words:
        return html_text(wording.side_text(pair.old))
    old_words = word_diff(wording.side_text(pair.new), wording.side_text(pair.old))
    return marked_words(old_words, html_text, {"equal": "{}", "insert": "<del>{}</del>"})


def _new_side(pair: Pair) -> str:
    """The new text, its words missing from the old text in ``<ins>``."""
    if not pair.words:
        return html_text(wording.side_text(pair.new))
    return marked_words(pair.words, html_text, {"equal": "{}", "insert": "<ins>{}</ins>"})


def _value(text: str) -> str:
    """A header value; a bare web address becomes a link (it is a source, not a resource),
    shown as its host and last part so that the header stays short (the link and its title
    keep the whole address, in print too)."""
    if _WEB_ADDRESS.fullmatch(text):
        return f'<a href="{html_text(text)}" title="{html_text(text)}" rel="noopener noreferrer">{html_text(_short_address(text))}</a>'
    return html_text(text)


def _short_address(address: str) -> str:
    """The host and the last part of a web address, "…" standing for what lies between.

    >>> _short_address("https://example.org/briefing-room/2024/05/20/joint-statement/")
    'example.org/…/joint-statement/'
    >>> _short_address("https://example.org/statement")
    'example.org/statement'
    """
    rest = address.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    parts = [part for part in path.split("/") if part]
    if len(parts) <= 1:
        return rest
    return f"{host}/…/{parts[-1]}" + ("/" if path.endswith("/") else "")


def _body(report: Report) -> Iterator[str]:
    yield from _header(report)
    counts = section_counts(report)
    for key in shown_sections(report):
        if key == "glance":
            yield from _nav(report)  # after the key changes, so that they fill the first screen
        yield from _section(key, counts[key], _SECTIONS[key](report))


def _header(report: Report) -> Iterator[str]:
    yield "<header>"
    yield f"<h1>{html_text(report.title)}</h1>"
    yield '<div class="table-wrap"><table class="documents">'
    yield '<thead><tr><td></td><th scope="col">Old</th><th scope="col">New</th></tr></thead>'
    yield "<tbody>"
    for label, old, new in report.documents:
        yield f'<tr><th scope="row">{html_text(label)}</th><td>{_value(old)}</td><td>{_value(new)}</td></tr>'
    yield "</tbody></table></div>"
    yield f'<p class="totals">{html_text(report.totals)}</p>'
    for css, line in (("filter", report.filter_note), ("budget", report.budget_note)):
        if line:
            yield f'<p class="note {css}"><em>{html_text(line)}</em></p>'
    yield f'<p class="note">{html_text(wording.READING_NOTE)}</p>'
    yield "</header>"


def _nav(report: Report) -> Iterator[str]:
    """Links to every section shown: after the key changes, so that they fill the first screen."""
    yield '<nav aria-label="Sections"><ul>'
    for key in shown_sections(report):
        heading = wording.HEADINGS[key]
        yield f'<li><a href="#{heading.anchor}">{html_text(heading.title)}</a></li>'
    yield "</ul></nav>"


def _section(key: str, count: int | None, body: Iterable[str]) -> Iterator[str]:
    heading = wording.HEADINGS[key]
    shown_count = "" if count is None else f' <span class="count">({count})</span>'
    yield f'<section id="{heading.anchor}">'
    yield f"<h2>{html_text(heading.title)}{shown_count}</h2>"
    yield f'<p class="blurb">{html_text(heading.blurb)}</p>'
    yield from body
    yield "</section>"


def _glance(report: Report) -> Iterator[str]:
    yield '<div class="table-wrap"><table class="glance">'
    headers = "".join(f'<th scope="col" class="number">{html_text(column)}</th>' for column in report.glance_columns)
    yield f"<thead><tr><td></td>{headers}</tr></thead>"
    yield "<tbody>"
    for number, (label, counts) in enumerate(report.glance, start=1):
        cells = "".join(f'<td class="number">{count if count else "–"}</td>' for count in counts)
        total = ' class="total"' if number == len(report.glance) else ""
        yield f'<tr{total}><th scope="row">{html_text(label)}</th>{cells}</tr>'
    yield "</tbody></table></div>"
    yield f'<p class="note">{html_text(report.routine_note)}</p>'
    nothing = empty_sections(report)
    if nothing:
        yield f'<p class="note nothing">{html_text(nothing)}</p>'


def _items(pairs: Sequence[Pair], item: _Item, more: int = 0) -> Iterator[str]:
    if not pairs and not more:
        yield '<p class="none">None.</p>'
        return
    yield '<ul class="items">'
    for pair in pairs:
        yield "<li>"
        yield from item(pair)
        yield "</li>"
    yield "</ul>"
    if more:
        yield f'<p class="note more"><em>And {more} more, in the appendix.</em></p>'


def _grouped(groups: Sequence[Group], item: _Item) -> Iterator[str]:
    if not groups:
        yield '<p class="none">None.</p>'
    for group in groups:
        if group.pairs:
            yield f'<h3>{html_text(group.heading)} <span class="count">({group.total})</span></h3>'
            yield from _items(group.pairs, item, group.more)
    left = left_to_appendix(groups)
    if left:
        yield f'<p class="note more"><em>{html_text(left)}</em></p>'


def _key(report: Report) -> Iterator[str]:
    if not report.key:
        yield (
            '<p class="none">None: no concern, commitment, call or decision was surely dropped or added, '
            "and no stance surely shifted.</p>"
        )
    for target, changes in report.key:
        yield f"<h3>{html_text(target)}</h3>"
        yield '<ul class="items key">'
        for change in changes:
            yield from _key_item(change)
        yield "</ul>"
    if report.key_more:
        yield f'<p class="note more"><em>And {report.key_more} more, in the sections below.</em></p>'


def _uncertain(report: Report) -> Iterator[str]:
    yield '<ul class="items uncertain">'
    for change in report.uncertain:
        yield from _key_item(change, uncertain=True)
    yield "</ul>"
    if report.uncertain_more:
        yield f'<p class="note more"><em>And {report.uncertain_more} more: see the appendix, where their pairs are marked.</em></p>'


def _key_item(change: KeyChange, *, uncertain: bool = False) -> Iterator[str]:
    sign, headline = wording.key_headline(change, uncertain=uncertain)
    css = "uncertain" if uncertain else change.what
    yield f'<li class="{css}"><p class="headline"><span class="sign">{html_text(sign)}</span> '
    yield f'<span class="stance">{html_text(headline)}</span> {_facts(pair_location(change.pair))}</p>'
    yield f'<p class="text">{html_text(wording.key_text(change))}</p></li>'


def _facts(*facts: str) -> str:
    """The parenthesis after an item's headline."""
    return f'<span class="facts">({html_text(wording.joined_facts(*facts))})</span>'


def _shifted_item(pair: Pair) -> Iterator[str]:
    facts = _facts(pair_location(pair), wording.status_word(pair), wording.about(pair), corrected_note(pair))
    yield f'<p class="headline"><span class="stance">{html_text(wording.stance_change(pair))}</span> {facts}</p>'
    yield f'<p class="reason">Evidence: {html_text(pair.shift_reason or "not given")}</p>'
    yield f'<p class="text">{_redline(pair)}</p>'


def _clause_item(pair: Pair) -> Iterator[str]:
    stance = html_text(wording.stance_phrase(pair.new or pair.old))
    facts = _facts(pair_location(pair), wording.about(pair), certainty_note(pair), corrected_note(pair))
    yield f'<p class="headline"><span class="stance">{stance}</span> {facts}</p>'
    yield f'<p class="text">{_redline(pair)}</p>'


def _reworded_item(pair: Pair) -> Iterator[str]:
    facts = _facts(pair_location(pair), certainty_note(pair), corrected_note(pair), shift_note(pair))
    yield f'<p class="headline">{facts}</p>'
    yield f'<p class="text">{_redline(pair)}</p>'


def _rearranged_item(pair: Pair) -> Iterator[str]:
    facts = _facts(pair_location(pair), wording.about(pair))
    yield f'<p class="headline"><span class="stance">{html_text(pair.status.value)}</span> {facts}</p>'
    yield f'<p class="text">{_redline(pair)}</p>'


def _names(report: Report) -> Iterator[str]:
    for label, changes in report.names:
        if not changes:
            continue
        yield f'<h3>{html_text(label)} <span class="count">({len(changes)})</span></h3>'
        yield '<ul class="items">'
        for change in changes:
            places = html_text(", ".join(change.places))
            yield f'<li><span class="stance">{html_text(change.name)}</span> {_facts(change.roles)}: {places}</li>'
        yield "</ul>"


def _side(clauses: Sequence[Clause], label: str, body: str) -> str:
    where = f"{label} {location(clauses)}" if clauses else label
    shown = body if clauses else '<span class="empty">not in this version</span>'
    return f'<p class="side {label}"><span class="where">{html_text(where)}</span>{shown}</p>'


def _aligned(report: Report) -> Iterator[str]:
    pairs = report.appendix
    yield "<details>"
    yield f"<summary>Show all {len(pairs)} clause pairs side by side</summary>"
    yield '<div class="aligned">'
    yield '<div class="pair columns"><p class="side">Old</p><p class="side">New</p></div>'
    for number, pair in enumerate(pairs, start=1):
        meta = wording.joined_facts(f"{number}. {pair.status.value}", wording.note(pair))
        yield f'<div class="pair {pair.status.value}">'
        yield f'<p class="meta">{html_text(meta)}</p>'
        yield _side(pair.old, "old", _old_side(pair))
        yield _side(pair.new, "new", _new_side(pair))
        yield "</div>"
    yield "</div>"
    yield "</details>"


_SECTIONS: dict[str, Callable[[Report], Iterable[str]]] = {
    "key": _key,
    "uncertain": _uncertain,
    "glance": _glance,
    "hardened": lambda report: _items(report.hardened, _shifted_item),
    "softened": lambda report: _items(report.softened, _shifted_item),
    "mixed": lambda report: _items(report.mixed, _shifted_item),
    "new": lambda report: _grouped(report.new, _clause_item),
    "dropped": lambda report: _grouped(report.dropped, _clause_item),
    "names": _names,
    "reworded": lambda report: _grouped(report.reworded, _reworded_item),
    "rearranged": lambda report: _items(report.rearranged.pairs, _rearranged_item, report.rearranged.more),
    "appendix": _aligned,
}
"""What follows each section's heading, by key of ``wording.HEADINGS`` (``sections.shown_sections``
says which sections show, in order)."""
