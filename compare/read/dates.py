"""Dates and titles for reading: the first real date in a text, a date in a file name, and the
title and adoption date of a UN resolution from its opening blocks.

Used by the layout step (``layout.document_from``) and by the front ends that find a date in
their markup (Markdown front matter, HTML meta tags) or in page furniture (a UN masthead).
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable

from compare import regexcache

__all__ = ["DAY_MONTH_YEAR", "UN_TITLE", "date_from_name", "iso_date", "un_title_and_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO_DATE = regexcache.compiled(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
DAY_MONTH_YEAR = regexcache.compiled(rf"(?<!\d)(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.I)
_MONTH_DAY_YEAR = regexcache.compiled(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.I)
_COMPACT_DATE = regexcache.compiled(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")

# UN resolutions: "79/77. Title" and the adoption line.
UN_TITLE = regexcache.compiled(r"\d{1,3}/\d{1,4}\.\s+(.+)")
_UN_ADOPTED = regexcache.compiled(r"Resolution adopted by the General Assembly on (.+)", re.I)


def iso_date(text: str) -> str | None:
    """The first real date written in `text`, as YYYY-MM-DD.

    >>> iso_date("on 2 December 2024"), iso_date("September 29, 2021")
    ('2024-12-02', '2021-09-29')
    >>> iso_date("2022-09-23 15:00:10-04:00")
    '2022-09-23'
    >>> iso_date("2024-02-30") is None
    True
    """
    candidates: list[tuple[int, int, int, int]] = []
    for match in _ISO_DATE.finditer(text):
        candidates.append((match.start(), int(match[1]), int(match[2]), int(match[3])))
    for match in DAY_MONTH_YEAR.finditer(text):
        candidates.append((match.start(), int(match[3]), _MONTHS[match[2].lower()], int(match[1])))
    for match in _MONTH_DAY_YEAR.finditer(text):
        candidates.append((match.start(), int(match[3]), _MONTHS[match[1].lower()], int(match[2])))
    for _, year, month, day in sorted(candidates):
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def date_from_name(path: str) -> str | None:
    """A date in the base name of a path: YYYY-MM-DD or YYYYMMDD.

    >>> date_from_name("fomc/20080916.xt"), date_from_name("a/2024-06-14_g7.md")
    ('2008-09-16', '2024-06-14')
    >>> date_from_name("-") is None
    True
    """
    name = os.path.basename(path)
    for pattern in (_ISO_DATE, _COMPACT_DATE):
        for match in pattern.finditer(name):
            try:
                return datetime.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                continue
    return None


def un_title_and_date(texts: Iterable[str]) -> tuple[str | None, str | None]:
    """Title and adoption date from the opening blocks of a UN resolution or draft."""
    title = date = None
    after_sponsors = False
    for text in texts:
        if text.startswith("The General Assembly"):
            break
        if title is None and (match := UN_TITLE.fullmatch(text)):
            title = match.group(1)
        elif title is None and after_sponsors:
            title = text
        if date is None and (match := _UN_ADOPTED.match(text)):
            date = iso_date(match.group(1))
        after_sponsors = text.endswith("draft resolution")
    return title, date
