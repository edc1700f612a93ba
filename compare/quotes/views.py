"""What every view of ``jointdiff quotes`` says alike: the formats, and the words for statuses,
places, flags and counts.

Last step (read -> extract -> locate -> flag -> frame -> cover -> **render**). ``render_quotes``
imports the chosen format's module only when it is used. The text helpers here return plain
strings (document text made printable, never escaped for a markup language): each view escapes
them for its own format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING

from compare.quotes.model import FLAG_KINDS, Coverage, CoverageItem, Piece, QuoteCheck, QuoteReport, Status
from compare.render.common import marked_words

if TYPE_CHECKING:
    from compare.model import Document

__all__ = [
    "FORMATS",
    "STATUS_SIGN",
    "coverage_groups",
    "coverage_line",
    "document_line",
    "framing_line",
    "not_found_line",
    "quotation_summary",
    "redline",
    "render_quotes",
    "said_line",
    "status_word",
    "where_in_article",
    "where_in_piece",
    "where_in_statement",
]

FORMATS: dict[str, str] = {
    "terminal": "compare.quotes.terminal",
    "markdown": "compare.quotes.markdown",
    "html": "compare.quotes.html",
    "json": "compare.quotes.jsonfmt",
}
"""Format name -> module whose ``render(report, *, color)`` makes it."""

STATUS_SIGN = {
    Status.VERBATIM: "=",
    Status.NORMALISED: "≈",
    Status.APPROXIMATE: "~",
    Status.STITCHED: "+",
    Status.NOT_FOUND: "?",
}
"""One sign per status, for views without colour: = verbatim, ≈ normalised, ~ approximate,
+ stitched, ? not found (and · for words not counted as the statement's)."""

_DIRECTION_SIGN = {"stronger": "▲", "weaker": "▼", "same": "=", "unclear": "?"}


def render_quotes(report: QuoteReport, fmt: str = "terminal", *, color: bool = False) -> str:
    """The report in format ``fmt`` (a key of FORMATS)."""
    return import_module(FORMATS[fmt]).render(report, color=color)


def status_word(check: QuoteCheck) -> str:
    """"verbatim", "approximate" ..., or "not the statement's" for words not counted."""
    if not check.from_statement:
        return "not the statement's"
    return check.status.value


def status_sign(check: QuoteCheck) -> str:
    """The status's sign (see STATUS_SIGN)."""
    return STATUS_SIGN[check.status] if check.from_statement else "·"


def where_in_article(check: QuoteCheck) -> str:
    """"headline", or "¶3"."""
    quotation = check.quotation
    return "headline" if quotation.headline else f"¶{quotation.paragraph}"


def said_line(check: QuoteCheck) -> str:
    """Where the article has the quotation and whose words it says they are:
    "¶3 · the ministers · accused · a joint statement said"."""
    quotation = check.quotation
    said = [where_in_article(check), quotation.speaker, quotation.framing_verb, quotation.attribution]
    return " · ".join(part for part in said if part)


def where_in_piece(piece: Piece) -> str:
    """"¶4 s13", or "¶4 s13-14" for a piece that runs over two sentences."""
    numbers = piece.sentences
    return f"¶{piece.paragraph} s{numbers[0]}" + (f"-{numbers[-1]}" if len(numbers) > 1 else "")


def where_in_statement(check: QuoteCheck) -> str:
    """"¶4 s13", "¶4 s13-14" or "¶4 s13 + ¶5 s15" (stitched), "" when not found."""
    return " + ".join(dict.fromkeys(where_in_piece(piece) for piece in check.pieces))


def not_found_line(check: QuoteCheck) -> str:
    """Why no piece of the statement is shown for a quotation: how close the nearest came."""
    return f"no sentence has these words (at best {check.similarity:.0%} of them)"


def redline(piece: Piece, text: Callable[[str], str], marks: Mapping[str, str]) -> str:
    """A piece of the statement with the word diff of its quotation, in one format's markup:
    ``text`` escapes words, ``marks`` are the format's templates for the statement's words the
    article left out and the words it put instead (``render.common.marked_words``)."""
    return marked_words(piece.words, text, marks) if piece.words else text(piece.text)


def not_counted_reason(check: QuoteCheck) -> str:
    """Why a quotation is not counted as the statement's words."""
    quotation = check.quotation
    if quotation.source.value == "person":
        return f"given to someone speaking elsewhere ({quotation.attribution}) and not in the statement"
    return "a name in quotation marks, not given as the statement's words, and not in it"


def framing_line(check: QuoteCheck) -> str:
    """"▲ stronger: “accused” (concern 5) is stronger than ...", or ""."""
    framing = check.framing
    if framing is None:
        return ""
    return f"{_DIRECTION_SIGN.get(framing.direction, '?')} {framing.direction}: {framing.reason}"


def flag_lines(check: QuoteCheck) -> Iterator[str]:
    """One line per flag: "negation-dropped: “not” left out: ..."."""
    for item in check.flags:
        yield f"{item.kind}: {item.detail}"


def quotation_summary(report: QuoteReport) -> str:
    """One sentence of totals: quotations by status, altered, framings."""
    counts = report.summary
    counted = counts["quotations"]
    by_status = ", ".join(f"{counts[s.value]} {s.value}" for s in Status if counts[s.value])
    parts = [f"{counted} quotation{'s' if counted != 1 else ''} of the statement ({by_status or 'none'})"]
    parts.append(f"{counts['altered']} altered or not found")
    if counts["not_from_statement"]:
        parts.append(f"{counts['not_from_statement']} not counted")
    framing = [f"{counts[f'framing_{d}']} {d}" for d in ("stronger", "weaker") if counts[f"framing_{d}"]]
    if framing:
        parts.append("reporter's framing " + " and ".join(framing))
    return "; ".join(parts)


def coverage_line(report: QuoteReport) -> str:
    """"36 stances of the statement: 7 quoted, 0 paraphrased, 29 left out"."""
    counts = report.summary
    total = len(report.coverage)
    return (
        f"{total} stance{'s' if total != 1 else ''} of the statement: {counts['coverage_quoted']} quoted, "
        f"{counts['coverage_paraphrased']} paraphrased, {counts['coverage_left-out']} left out"
    )


def coverage_groups(report: QuoteReport) -> list[tuple[str, list[CoverageItem]]]:
    """The coverage items by kind (concerns and commitments first), in statement order."""
    order = ["concern", "commitment", "call", "decision", "position", "welcome", "other"]
    groups: dict[str, list[CoverageItem]] = {}
    for item in report.coverage:
        groups.setdefault(item.kind, []).append(item)
    return [(kind, groups[kind]) for kind in sorted(groups, key=lambda k: order.index(k) if k in order else len(order))]


def coverage_state(item: CoverageItem) -> str:
    """"quoted [3, 4]", "paraphrased (0.52)", "left out"."""
    if item.reported is Coverage.QUOTED:
        return "quoted [" + ", ".join(str(index) for index in item.quotations) + "]"
    if item.reported is Coverage.PARAPHRASED:
        return f"paraphrased ({item.similarity:.2f})"
    return "left out"


def document_line(document: Document) -> str:
    """A document's path, with its date and title where it has them."""
    details = ", ".join(part for part in (document.date, document.title) if part)
    return f"{document.path}  ({details})" if details else document.path


def flag_meaning(kind: str) -> str:
    """What a flag kind means (``FLAG_KINDS``)."""
    return FLAG_KINDS.get(kind, "")
