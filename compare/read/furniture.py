"""Page furniture for reading: what a UN document prints around its text, found and set aside.

The masthead of the first page (``un_front_header``, which also records the document symbol and
distribution), the running page headers (``un_page_header_end``), footnotes below a rule and the
footnote markers glued to words in the body (``strip_footnote_markers``). Each piece becomes
``Furniture`` with its source line, so nothing is lost without a trace.
"""

from __future__ import annotations

import bisect

from compare import regexcache
from compare.model import Furniture
from compare.read.dates import DAY_MONTH_YEAR, iso_date
from compare.read.layout import SPACE, Line, Words, collapse, is_blank, join_lines

__all__ = [
    "FOOTNOTE_START",
    "PAGE_COUNTER",
    "RULE",
    "close_footnote",
    "footnote_follows",
    "opens_footnote",
    "strip_footnote_markers",
    "un_front_header",
    "un_page_header_end",
]

# UN document furniture, as PyMuPDF extracts it.
_UN_SYMBOL = regexcache.compiled(r"[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+\*?")
_UN_JOB = regexcache.compiled(r"\d{2}-\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\d{6})?")
_UN_BARCODE = regexcache.compiled(r"\*\d{7}\*")
PAGE_COUNTER = regexcache.compiled(r"\d{1,3}/\d{1,3}")
_UN_FRONT = regexcache.compiled(
    r"United Nations|General Assembly|Security Council|Economic and Social Council"
    r"|Distr\.: .+|Original: .+"
)
_DISTRIBUTION = regexcache.compiled(r"Distr\.: (.+)")
_COLUMN_GAP = regexcache.compiled(f"[{SPACE}]{{3,}}")

# Footnotes: a rule above them, a number or asterisk opening each.
RULE = regexcache.compiled(r"\s*_{5,}\s*")
FOOTNOTE_START = regexcache.compiled(r"\s*(\d{1,3}|\*{1,3}|[\u2020\u2021])\s+\S")
_MARKER_FOLLOWERS = frozenset(
    "and or to in which as on that for with was were is are has have had by from at".split()
)
_NOT_MARKER_AFTER = frozenset(
    "annex article articles chapter decision item no. para. paragraph paragraphs part "
    "protocol resolution resolutions rule section vol. volume".split()
)


def un_front_header(
    lines: list[Line], furniture: list[Furniture], metadata: list[tuple[str, str]]
) -> int:
    """Take the masthead off the first page of a UN document; return where the body starts.

    One item a line as PyMuPDF extracts it, or side by side ("United Nations      A/RES/79/77")
    as a layout-preserving extraction does.
    """
    def is_masthead(cell: str) -> bool:
        return bool(
            _UN_FRONT.fullmatch(cell)
            or _UN_SYMBOL.fullmatch(cell)
            or _UN_JOB.fullmatch(cell)
            or _UN_BARCODE.fullmatch(cell)
            or (found and DAY_MONTH_YEAR.fullmatch(cell))
        )

    index = 0
    found: list[Line] = []
    while index < len(lines) and index < 40:
        text = lines[index].text.strip(SPACE)
        cells = [text] if not text or is_masthead(text) else _COLUMN_GAP.split(text)
        if not all(not cell or is_masthead(cell) for cell in cells):
            break
        found.extend(Line(lines[index].number, cell) for cell in cells if cell)
        index += 1
    evidence = (
        any(line.text == "United Nations" for line in found),
        any(_UN_SYMBOL.fullmatch(line.text) for line in found),
        any(_UN_JOB.fullmatch(line.text) or _UN_BARCODE.fullmatch(line.text) for line in found),
    )
    if sum(evidence) < 2:
        return 0
    masthead = " | ".join(line.text for line in found)
    furniture.append(Furniture("page-header", masthead, found[0].number))
    for position, line in enumerate(found):
        if _UN_SYMBOL.fullmatch(line.text) and not any(key == "symbol" for key, _ in metadata):
            metadata.append(("symbol", line.text.rstrip("*")))
        elif match := _DISTRIBUTION.fullmatch(line.text):
            metadata.append(("distribution", match.group(1)))
            following = found[position + 1].text if position + 1 < len(found) else ""
            if date := iso_date(following):
                metadata.append(("distribution-date", date))
    return index


def un_page_header_end(lines: list[Line], index: int) -> int | None:
    """If a UN running page header starts after the blank line at `index`, where it ends.

    The header is a group of lines with the document symbol and the short title, one or two
    blank lines, then the job number and the page counter (drafts have no short title; some
    pages no job number). It must hold a page counter and a symbol or job number.
    """
    if not is_blank(lines[index].text):
        return None
    limit = min(index + 12, len(lines))
    position = index + 1
    has_id = has_counter = False
    title_lines = 0
    while position < limit and not is_blank(lines[position].text):
        text = lines[position].text.strip(SPACE)
        if PAGE_COUNTER.fullmatch(text) or _UN_JOB.fullmatch(text):
            break
        if _UN_SYMBOL.fullmatch(text):
            has_id = True
        elif len(text) <= 100 and title_lines < 4:
            title_lines += 1
        else:
            return None
        position += 1
    blanks = 0
    while position < limit and is_blank(lines[position].text):
        blanks += 1
        position += 1
    if blanks > 2:
        return None
    end = None
    while position < limit and not is_blank(lines[position].text):
        text = lines[position].text.strip(SPACE)
        if PAGE_COUNTER.fullmatch(text):
            has_counter = True
        elif _UN_JOB.fullmatch(text):
            has_id = True
        else:
            break
        end = position
        position += 1
    return end if has_counter and has_id else None


def footnote_follows(lines: list[Line], index: int) -> bool:
    """Whether the rule at `index` is a footnote rule: a numbered note follows it."""
    for line in lines[index + 1 : index + 4]:
        if not is_blank(line.text):
            return bool(FOOTNOTE_START.match(line.text))
    return False


def opens_footnote(label: str, last_number: int | None) -> bool:
    """Whether a footnote-zone line that starts with `label` opens a new footnote.

    Numbers must follow on from the last footnote, so that a continuation line starting with a
    number ("2321 (2016) and 2375 (2017).") stays with its footnote.

    >>> opens_footnote("3", 2), opens_footnote("2321", 3), opens_footnote("*", 3)
    (True, False, True)
    """
    return not label.isdigit() or last_number is None or int(label) == last_number + 1


def close_footnote(
    current: list[Line], footnotes: list[tuple[str, int]], furniture: list[Furniture]
) -> None:
    """Record the footnote collected in `current` (its label and line too) and start afresh."""
    if not current:
        return
    text, _, _ = join_lines(current, Words(""))
    text = collapse(text)
    match = FOOTNOTE_START.match(text)
    footnotes.append((match.group(1) if match else "", current[0].number))
    furniture.append(Furniture("footnote", text, current[0].number))
    current.clear()


def strip_footnote_markers(
    lines: list[Line], footnotes: list[tuple[str, int]], furniture: list[Furniture]
) -> list[Line]:
    """Take footnote markers out of the body ("Weapons,1" -> "Weapons,").

    Only the numbers of footnotes that exist are markers, each taken once, in order, from the
    page before its footnote; a real number ("resolution 50/245", "2 nuclear-weapon States")
    fails the checks in _is_footnote_marker.
    """
    texts = [line.text for line in lines]
    numbers_at = [line.number for line in lines]
    row = column = 0
    for label, footnote_line in footnotes:
        if not label.isdigit():
            continue
        found = _find_marker(texts, numbers_at, label, footnote_line, row, column)
        if found is None:
            continue
        row, start = found
        texts[row] = texts[row][:start] + texts[row][start + len(label) :]
        column = start
        furniture.append(Furniture("footnote-marker", label, numbers_at[row]))
    return [Line(number, text) for number, text in zip(numbers_at, texts, strict=True)]


def _find_marker(
    texts: list[str], numbers_at: list[int], label: str, footnote_line: int, row: int, column: int
) -> tuple[int, int] | None:
    """Where the marker of the footnote at `footnote_line` is, searching from (row, column).

    A marker sits on the page of its footnote, so the search covers about a page (150 lines,
    20,000 characters): however many footnotes lack a marker, reading stays linear.
    """
    first = max(row, bisect.bisect_left(numbers_at, footnote_line - 150))
    budget = 20_000
    for position in range(first, len(texts)):
        if numbers_at[position] >= footnote_line or budget <= 0:
            return None
        text = texts[position]
        search_from = column if position == row else 0
        budget -= len(text) - search_from
        start = text.find(label, search_from, search_from + 20_000)
        while start != -1:
            if _is_footnote_marker(text, start, start + len(label)):
                return position, start
            start = text.find(label, start + 1, search_from + 20_000)
    return None


def _is_footnote_marker(text: str, start: int, end: int) -> bool:
    """Whether the digits text[start:end] read as a footnote marker rather than a number.

    Glued to a word, punctuation or a year ("Treaty1", "Weapons,1", "2023;28", "194912"), or
    standing alone after a comma ("resolutions, 3  urges"), before a little word ("replies 11
    to") or between a name and a lower-case word ("Iran 4 and").

    >>> _is_footnote_marker("of Nuclear Weapons,1 in which", 19, 20)
    True
    >>> _is_footnote_marker("Conventions of 12 August 194912 and", 29, 31)
    True
    >>> _is_footnote_marker("resolution 50/245 of 10 September", 21, 23)
    False
    >>> _is_footnote_marker("the G7 partners", 5, 6)
    False
    >>> _is_footnote_marker("including 41 of the 44", 10, 12)
    False
    """
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if after.isdigit() or (after and not (after.isspace() or after in ",;:.)")):
        return False
    if before.isdigit():
        year = text[start - 4 : start]
        return (
            start >= 4
            and year.isdigit()
            and year[:2] in ("19", "20")
            and not (start >= 5 and (text[start - 5].isdigit() or text[start - 5] in "/-."))
        )
    if before and not before.isspace():
        if before.isalpha():
            return start >= 2 and text[start - 2].isalpha()
        if before == ".":
            return start >= 2 and not text[start - 2].isdigit() and text[start - 2] != "."
        return before in ",;:)]\u201d\u2019\""
    # Only the neighbourhood matters; slicing the whole line here would be quadratic.
    previous = text[max(0, start - 100) : start].rstrip()
    following = text[end : end + 100].split(None, 1)
    next_word = following[0].rstrip(",;:.") if following else ""
    if not previous:
        # At the start of a line only PyMuPDF's wide gap after a marker tells it from a number.
        return text[end : end + 2] == "  " and next_word[:1].islower()
    if previous[-1] in ",;:)\u201d\u2019" or text[end : end + 2] == "  ":
        return True
    previous_word = previous.rsplit(None, 1)[-1]
    if previous_word.lower() in _NOT_MARKER_AFTER:
        return False
    if next_word in _MARKER_FOLLOWERS:
        return True
    return (not next_word or next_word[0].islower()) and (
        previous_word[:1].isupper() or any(char.isdigit() for char in previous_word)
    )
