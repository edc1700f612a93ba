"""The JSON contract of ``jointdiff quotes --format json``: what programs read.

Schema version 1 (extend it, never break it)::

    {"schema_version": 1,
     "article": document, "statement": document,
     "summary": {"quotations", "verbatim", "normalised", "approximate", "stitched", "not-found",
                 "altered", "not_from_statement", "framing_stronger", "framing_weaker",
                 "framing_same", "framing_unclear", "coverage_quoted", "coverage_paraphrased",
                 "coverage_left-out"},
     "quotations": [{"index", "text", "start", "end", "parts": [[start, end]...], "paragraph",
                     "headline", "attribution", "source", "speaker", "framing_verb",
                     "from_statement", "status", "altered", "similarity", "note",
                     "found_in": [{"start", "end", "sentences", "paragraph", "text", "quoted",
                                   "words": [{"op", "text"}...]}...],
                     "flags": [{"kind", "detail"}...],
                     "framing": {"verb", "reporter", "statement", "direction", "reason"} | null}...],
     "coverage": [{"sentence", "paragraph", "start", "end", "text", "kind", "stance", "targets",
                   "reported", "quotations", "paraphrase", "similarity", "framing"}...],
     "flag_kinds": {kind: meaning}}
    document = {"path", "title", "date", "format", "warnings"}

The README's "Checking quotations" section documents every field. Offsets: a quotation's
``start``/``end`` and ``parts`` are into the article's read text, ``found_in`` and coverage
offsets into the statement's. Written like every JSON output of jointdiff (sorted keys,
non-ASCII kept, indent 2, final newline, invisible characters escaped).
"""

from __future__ import annotations

from typing import Any

from compare.model import Document
from compare.quotes.model import FLAG_KINDS, CoverageItem, Framing, QuoteCheck, QuoteReport
from compare.render.jsonfmt import dumps

__all__ = ["SCHEMA_VERSION", "render", "report_record"]

SCHEMA_VERSION = 1


def render(report: QuoteReport, *, color: bool = False) -> str:
    """The report as JSON text (``color`` is ignored: JSON never holds colour)."""
    return dumps(report_record(report))


def report_record(report: QuoteReport) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "article": _document(report.article),
        "statement": _document(report.statement),
        "summary": report.summary,
        "quotations": [_quotation(check) for check in report.checks],
        "coverage": [_coverage(item) for item in report.coverage],
        "flag_kinds": dict(FLAG_KINDS),
    }


def _document(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "title": document.title,
        "date": document.date,
        "format": document.source_format,
        "warnings": list(document.warnings),
    }


def _quotation(check: QuoteCheck) -> dict[str, Any]:
    quotation = check.quotation
    return {
        "index": quotation.index,
        "text": quotation.text,
        "start": quotation.start,
        "end": quotation.end,
        "parts": [list(part) for part in quotation.parts],
        "paragraph": quotation.paragraph,
        "headline": quotation.headline,
        "attribution": quotation.attribution,
        "source": quotation.source.value,
        "speaker": quotation.speaker,
        "framing_verb": quotation.framing_verb,
        "from_statement": check.from_statement,
        "status": check.status.value,
        "altered": check.altered,
        "similarity": check.similarity,
        "note": check.note,
        "found_in": [
            {
                "start": piece.start,
                "end": piece.end,
                "sentences": list(piece.sentences),
                "paragraph": piece.paragraph,
                "text": piece.text,
                "quoted": piece.quoted,
                "words": [{"op": op.op, "text": op.text} for op in piece.words],
            }
            for piece in check.pieces
        ],
        "flags": [{"kind": item.kind, "detail": item.detail} for item in check.flags],
        "framing": _framing(check.framing),
    }


def _framing(framing: Framing | None) -> dict[str, str] | None:
    if framing is None:
        return None
    return {
        "verb": framing.verb,
        "reporter": framing.reporter,
        "statement": framing.statement,
        "direction": framing.direction,
        "reason": framing.reason,
    }


def _coverage(item: CoverageItem) -> dict[str, Any]:
    return {
        "sentence": item.sentence,
        "paragraph": item.paragraph,
        "start": item.start,
        "end": item.end,
        "text": item.text,
        "kind": item.kind,
        "stance": item.stance,
        "targets": list(item.targets),
        "reported": item.reported.value,
        "quotations": list(item.quotations),
        "paraphrase": item.paraphrase,
        "similarity": item.similarity,
        "framing": _framing(item.framing),
    }
