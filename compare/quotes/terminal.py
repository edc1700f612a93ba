"""Terminal output of ``jointdiff quotes``: each quotation with where it was found and what the
article changed, then the statement's stances the article reports or leaves out.

Each quotation is a header line (its number, status sign and status, the quotation) and
indented lines: where it stands in the article (with the speaker and the reporter's verb), the
statement's sentence around the words found (the quoted stretch between ⟦ ⟧, the words the
article changed as git's word-diff markers ``[-deleted-]{+inserted+}``), one line per flag
(``!``), the framing (▲ stronger, ▼ weaker, = same). Colour only adds emphasis: every fact is in
the text. All document text passes through ``compare.safe.printable``.
"""

from __future__ import annotations

from collections.abc import Iterator

from compare.quotes import views
from compare.quotes.model import Piece, QuoteCheck, QuoteReport
from compare.safe import plain

__all__ = ["render"]

_RESET = "\x1b[0m"
_STYLE = {
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "delete": "\x1b[31;9m",
    "insert": "\x1b[32;1m",
    "flag": "\x1b[1;31m",
    "ok": "\x1b[32m",
    "quoted": "\x1b[4m",
    "stronger": "\x1b[1;31m",
    "weaker": "\x1b[1;34m",
}
_CONTEXT_BEFORE = 10
_CONTEXT_AFTER = 6
_SHOWN = 110


def render(report: QuoteReport, *, color: bool = False) -> str:
    """The report as terminal text, coloured with ANSI SGR codes when ``color``."""
    return "".join(line + "\n" for line in _lines(report, color))


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if color and text else text


def _lines(report: QuoteReport, color: bool) -> Iterator[str]:
    yield _paint(f"article:   {plain(views.document_line(report.article))}", "bold", color)
    yield _paint(f"statement: {plain(views.document_line(report.statement))}", "bold", color)
    for check in report.checks:
        yield ""
        yield from _quotation(check, report, color)
    yield ""
    yield _paint("Coverage: " + views.coverage_line(report), "bold", color)
    yield from _coverage(report, color)
    yield ""
    yield _paint(views.quotation_summary(report), "bold", color)


def _quotation(check: QuoteCheck, report: QuoteReport, color: bool) -> Iterator[str]:
    quotation = check.quotation
    style = "flag" if check.altered else "ok" if check.from_statement else "dim"
    head = _paint(f"{views.status_sign(check)} {views.status_word(check)}", style, color)
    yield f"[{quotation.index}] {head}  “{plain(quotation.text)}”"
    said = [views.where_in_article(check)]
    if quotation.speaker and check.from_statement:
        said.append(_short(plain(quotation.speaker), 60))
    if quotation.framing_verb:
        said.append(plain(quotation.framing_verb))
    if quotation.attribution:
        said.append(f"({plain(quotation.attribution)})")
    yield "    article " + " · ".join(said)
    if not check.from_statement:
        yield "    not counted: " + plain(views.not_counted_reason(check))
        return
    if not check.pieces:
        yield f"    statement: no sentence has these words (best: {check.similarity:.0%} of them)"
    for piece in check.pieces:
        yield f"    statement {views.where_in_piece(piece)}: {_in_context(piece, report, color)}"
    if check.note:
        yield "    note: " + plain(check.note)
    for line in views.flag_lines(check):
        yield "    " + _paint("! " + plain(line), "flag", color)
    framing = views.framing_line(check)
    if framing:
        style = check.framing.direction if check.framing and check.framing.direction in _STYLE else "dim"
        yield "    framing " + _paint(plain(framing), style, color)


def _in_context(piece: Piece, report: QuoteReport, color: bool) -> str:
    """The statement's sentence around a piece: a few words before, the piece (with the word
    diff when the quotation differs), a few words after."""
    text = report.statement.text
    sentence_start, sentence_end = _sentence_span(report, piece)
    before = text[sentence_start : piece.start].split()
    after = text[piece.end : sentence_end].split()
    shown_before = ("… " if len(before) > _CONTEXT_BEFORE else "") + " ".join(before[-_CONTEXT_BEFORE:])
    shown_after = " ".join(after[:_CONTEXT_AFTER]) + (" …" if len(after) > _CONTEXT_AFTER else "")
    if piece.words:
        middle = " ".join(_op(op.op, op.text, color) for op in piece.words)
    else:
        middle = plain(piece.text)
        if len(middle) > _SHOWN:
            middle = middle[: _SHOWN - 1].rstrip() + "…"
    middle = _paint(f"⟦{middle}⟧", "quoted", color)
    joined = " ".join(part for part in (plain(shown_before), middle) if part)
    shown_after = plain(shown_after)
    if shown_after:
        joined += shown_after if shown_after[0] in ",.;:)" else " " + shown_after
    return joined


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _op(op: str, text: str, color: bool) -> str:
    shown = plain(text)
    if op == "delete":
        return _paint(shown, "delete", color) if color else f"[-{shown}-]"
    if op == "insert":
        return _paint(shown, "insert", color) if color else f"{{+{shown}+}}"
    return shown


def _sentence_span(report: QuoteReport, piece: Piece) -> tuple[int, int]:
    for item in report.coverage:
        if item.sentence == piece.sentence:
            return item.start, max(item.end, piece.end)
    text = report.statement.text
    start = max(text.rfind(". ", 0, piece.start) + 2, text.rfind("\n", 0, piece.start) + 1, 0)
    ends = [position for position in (text.find(". ", piece.end), text.find("\n", piece.end)) if position >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def _coverage(report: QuoteReport, color: bool) -> Iterator[str]:
    for kind, items in views.coverage_groups(report):
        yield f"  {kind} ({len(items)})"
        for item in items:
            state = views.coverage_state(item)
            text = _short(plain(item.text), 90)
            targets = f"  [{plain(', '.join(item.targets))}]" if item.targets else ""
            style = "dim" if state == "left out" else "ok"
            where = f"¶{item.paragraph} s{item.sentence}"
            yield f"    {_paint(f'{state:<16}', style, color)} {where:<8} {text}{targets}"
            if item.paraphrase:
                yield f"{'':21}reported as: “{_short(plain(item.paraphrase), 100)}”"
            if item.framing is not None and item.framing.direction in ("stronger", "weaker", "same"):
                sign = {"stronger": "▲", "weaker": "▼"}.get(item.framing.direction, "=")
                yield f"{'':21}" + _paint(
                    f"framing {sign} {item.framing.direction}: {plain(item.framing.reason)}",
                    item.framing.direction if item.framing.direction in _STYLE else "dim", color,
                )
