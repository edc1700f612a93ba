"""Which files make a series, and in which order: by date, by UN symbol, or as given.

First step of ``jointdiff series``, before anything is compared. A folder stands for its
statements: its regular files, except hidden ones, notes (README.md, NOTES.md ...) and data
(.json, .csv ...); a file whose suffix says nothing (``20080916.xt``) is read by its content.
Versions are ordered by date (``Document.date``: front matter, the text, or a YYYY-MM-DD or
YYYYMMDD in the file name); where one has no date but every version has a UN document symbol
(``A/RES/78/221`` in the text, ``A-RES-78-221`` in the file name), by session and number;
``order="given"`` keeps the order of the arguments. Pure functions but ``statement_files``,
which lists a folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from compare import regexcache
from compare.errors import UsageError
from compare.model import Document

__all__ = ["NOT_STATEMENTS", "ORDERS", "in_range", "is_date_bound", "order_versions", "statement_files", "un_symbol"]

ORDERS = ("date", "given")
NOT_STATEMENTS = (".json", ".csv", ".tsv", ".toml", ".yaml", ".yml", ".xml", ".py", ".sh", ".zip", ".gz")
"""Suffixes of files a folder may hold beside its statements: data, code and archives."""
_NOTES = regexcache.compiled(r"(?i)^(readme|notes|sources|license|changelog)(\.|$)")
_SYMBOL = regexcache.compiled(r"(?<![A-Za-z0-9])A[/-]RES[/-](\d{1,3})[/-](\d{1,4})(?!\d)")


def statement_files(folder: Path) -> list[Path]:
    """The statements of a folder, by name: its regular files, leaving out hidden files, notes
    (README, NOTES, SOURCES, LICENSE, CHANGELOG), data (``NOT_STATEMENTS``) and sub-folders.

    Raises:
        UsageError: the folder holds no statement.
    """
    try:
        entries = sorted(folder.iterdir())
    except OSError as err:
        raise UsageError(f"cannot read '{folder}': {(err.strerror or str(err)).lower()}") from err
    files = [
        path
        for path in entries
        if path.is_file()
        and not path.name.startswith(".")
        and path.suffix.lower() not in NOT_STATEMENTS
        and not _NOTES.match(path.name)
    ]
    if not files:
        raise UsageError(f"'{folder}' holds no statement (.txt, .md, .html or .pdf)")
    return files


def un_symbol(document: Document) -> tuple[int, int] | None:
    """The session and number of a UN resolution's symbol, from its text or its file name.

    >>> un_symbol(Document("x/2023-12-19_hr_A-RES-78-221.txt", "")), un_symbol(Document("a.txt", "no"))
    ((78, 221), None)
    """
    found = dict(document.metadata).get("symbol", "")
    for text in (found, document.path.rsplit("/", 1)[-1]):
        match = _SYMBOL.search(text)
        if match:
            return int(match[1]), int(match[2])
    return None


def order_versions(documents: Sequence[Document], order: str = "date") -> tuple[tuple[Document, ...], str]:
    """The documents in series order, and how they were ordered ("date", "symbol" or "given").

    Dates sort as written (ISO), ties by UN symbol and then by path; where a document has no
    date but every one has a UN symbol, symbols decide.

    Raises:
        UsageError: a document has neither a date nor (where others lack dates) a UN symbol,
            and the order is not "given"; it names the file.

    >>> docs = [Document("b.txt", "", date="2024-01-02"), Document("a.txt", "", date="2023-05-06")]
    >>> [d.path for d in order_versions(docs)[0]]
    ['a.txt', 'b.txt']
    """
    if order == "given":
        return tuple(documents), "given"
    undated = [document for document in documents if not document.date]
    if not undated:
        return tuple(sorted(documents, key=lambda d: (d.date, un_symbol(d) or (0, 0), d.path))), "date"
    unsymbolled = [document for document in documents if un_symbol(document) is None]
    if not unsymbolled:
        return tuple(sorted(documents, key=lambda d: (un_symbol(d), d.path))), "symbol"
    raise UsageError(
        f"cannot place '{undated[0].path}' in the series: no date in its front matter, text or file name "
        "(give --order given to keep the order of the arguments)"
    )


_DATE_BOUND = regexcache.compiled(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def is_date_bound(text: str) -> bool:
    """Whether ``text`` is a bound ``in_range`` can take: a year, a month or a day that exists.

    >>> is_date_bound("2021"), is_date_bound("2021-06"), is_date_bound("2021-02-30"), is_date_bound("last-year")
    (True, True, False, False)
    """
    import datetime  # noqa: PLC0415  (only when a bound is given)

    if not _DATE_BOUND.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat((text + "-01-01")[:10])
    except ValueError:
        return False
    return True


def in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date lies within ``since`` and ``until`` (each a date or its first part:
    "2021", "2021-06"; None for no bound).

    >>> in_range("2021-06-13", "2021", "2021-06"), in_range("2022-01-01", None, "2021")
    (True, False)
    """
    if date is None:
        return since is None and until is None
    if since is not None and date[: len(since)] < since:
        return False
    return until is None or date[: len(until)] <= until
