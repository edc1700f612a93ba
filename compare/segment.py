"""Segmenting: a Document's blocks -> sentences -> clauses, the units that align() pairs.

Second stage of the pipeline (read -> segment -> classify -> align -> render). Each block
(paragraph, heading, list item) is cut into sentences, and each sentence into clauses where
diplomatic text chains commitments or concerns: at semicolons between full clauses, before
inline enumerated sub-paragraphs, and before a coordinated main clause with its own verb
("..., and reaffirmed ...", "..., while also condemning ..."). Never inside a quotation or a
short list of nouns. Clauses partition each block: every non-space character of the body lies
in exactly one clause, and ``document.text[c.start:c.end] == c.text`` always holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache

from compare import regexcache
from compare.model import Block, BlockKind, Clause, Document

__all__ = ["forget", "heading_indices", "segment"]

MAX_CLAUSE_CHARS = 2000
"""A clause longer than this (a page of text with no punctuation) is cut at a space so that
scoring and word diffs stay fast; real clauses in the genre are far shorter."""

MIN_CLAUSE_WORDS = 4
"""A split that would leave a side shorter than this many words is not made."""

# Abbreviations after which a full stop does not end a sentence (lowercased, without the dot).
_NEVER_FINAL = frozenset(
    """mr mrs ms dr prof gen lt col capt sgt st sen rep gov amb hon rev jr sr no nos art arts
    para paras p pp vol ch sec fig op cit cf vs viz approx est dept assn corp inc ltd co bros
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e""".split()
)
# Abbreviations that may end a sentence: only when the next word clearly starts a new one.
_MAYBE_FINAL = frozenset("u.s u.k u.n e.u u.s.a etc al p.m a.m".split())
_SENTENCE_STARTERS = frozenset(
    """the this these that those we they it its in on at as for both our all each he she
    their to with a an there today however moreover furthermore further also recent
    incoming leaders ministers""".split()
)
_OPENERS = "\"'\u201c\u2018(["
_CLOSERS = "\"'\u201d\u2019)]"
_TERMINAL = regexcache.compiled(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|(?<=[a-z]{3})\.(?=[A-Z][a-z]+\s)")
"""Sentence-ending punctuation before white space, or a full stop glued to the next sentence
by a copy-editing slip ("activities.We reaffirm"), which statements do contain."""
_NEXT_WORD = regexcache.compiled(r"\s*((?:([\w.']+)|\S).{0,20})", re.DOTALL)

# Verbs that carry a stance: after "and"/"but"/"while" they start a coordinated main clause.
_STANCE_VERBS = (
    r"(?:(?:re)?affirm|reiterat|condemn|call|urg|welcom|commit|pledg|express|stress|underscor"
    r"|recogni[sz]|emphasi[sz]|support(?!\s+(?:to|for|of)\b)|decid|agre|encourag|reject"
    r"|oppos|deplor|resolv|request|invit|demand(?!s?(?:\s+(?:of|for|and|imbalances?)\b|\s*[,;.]))"
    r"|intend|highlight|acknowledg)"
    r"(?:e|es|ed|d|s|ing|eing|ted|ting)?\b|not(?:e|ed|es|ing)\b|will\b|shall\b"
)
"""Only the verb's own endings follow a stem: "and urgency of" or "and support to Israel" (a
noun) do not start a clause, "and urges" and "and supported" do; nor does the noun "demand"
("supply and demand; map ...", "the requests and demands of the General Assembly", "and demand
for travel")."""
_FINITE_AUX = (
    r"is|are|was|were|has|have|had|will|would|shall|should|may|might|can|could|must"
    r"|remains?|continues?|seems?|appears?|suggests?|indicates?"
)
_ADVERBS = r"(?:(?:also|further|furthermore|strongly|firmly|jointly|again|fully|resolutely)\s+)*"
_COORDINATED = regexcache.compiled(
    rf"""
    (?:,\s+|;\s+|\s+)
    (?=(?:and|but|while|whereas)\s+{_ADVERBS}(?:{_STANCE_VERBS}))      # "... and reaffirmed ..."
    |
    [,;]\s+                                                            # "..., and strains in
    (?=(?:and|but|while|whereas)\s+                                    #  financial markets
      (?:we|they|it|(?:(?!that\b|which\b|who\b|to\b|of\b)\w+\s+){{0,5}}\w+)  #  have eased"
      \s+(?:[a-z]+ly\s+)?(?:{_FINITE_AUX})\b)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_GERUND = regexcache.compiled(
    rf",\s+(?=(?:and\s+|while\s+|thereby\s+)?(?:also\s+|further\s+|strongly\s+)*"
    rf"(?=\w*ing\b)(?:{_STANCE_VERBS}))",
    re.IGNORECASE,
)
_CHAINED_OPERATIVE = regexcache.compiled(
    rf",\s+(?=(?:and\s+)?(?:also\s+|further\s+|strongly\s+|again\s+)*"
    rf"(?=(?-i:[a-z])\w*s\s+\w)(?:{_STANCE_VERBS}))",
    re.IGNORECASE,
)
"""A UN operative paragraph chains its verbs with commas: "Calls upon X to ..., urges an end to
..., requests ..." (each in the third person, in lower case after the first)."""
_INLINE_ENUMERATION = regexcache.compiled(r"(?<=[;:,])\s+(?=\((?:[a-z]|[ivx]{1,5})\)\s)")
_SEMICOLON = regexcache.compiled(r";\s+")


def segment(document: Document, *, doc_id: str = "old") -> tuple[Clause, ...]:
    """Cut a document into clauses, in reading order.

    Args:
        document: what ``read()`` returned.
        doc_id: "old" or "new"; becomes each clause's ``doc_id``.

    Returns:
        The clauses, numbered from 0, each with its 1-based paragraph and sentence numbers.
    """
    text = document.text
    spans = tuple((block.start, block.end) for block in _blocks_of(document))
    return tuple(
        Clause(
            doc_id=doc_id,
            index=index,
            paragraph=paragraph_number,
            sentence=sentence_number,
            start=start,
            end=end,
            text=text[start:end],
        )
        for index, (paragraph_number, sentence_number, start, end) in enumerate(_cuts(text, spans))
    )


def heading_indices(document: Document, clauses: Sequence[Clause]) -> frozenset[int]:
    """The indices of the clauses that are section headings of ``document`` ("Climate",
    "Closing"): the clauses of its heading blocks."""
    blocks = document.blocks
    return frozenset(
        clause.index
        for clause in clauses
        if 0 < clause.paragraph <= len(blocks) and blocks[clause.paragraph - 1].kind is BlockKind.HEADING
    )


PIECES_KEPT = 8192
"""Blocks and sentences whose cuts are kept (the most recent), so that the versions compared
together, or one after another in a series, cut what they share once..."""
PIECE_CHARS_KEPT = 20_000
"""... if they are no longer than this: a page-long block (a document with no blank lines) is
cut each time rather than held."""


def forget() -> None:
    """Forget the cuts of every document, block and sentence (see ``pipeline.forget_texts``)."""
    for kept in (_cuts, _block_sentence_cuts, _sorted_clause_cuts):
        kept.cache_clear()


@lru_cache(maxsize=8)
def _cuts(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int, int, int], ...]:
    """Each clause of the text as (paragraph number, sentence number, start, end), the blocks
    given by their spans. Kept for the last few documents: the commands cut each document
    twice, once to check it against the clause limit as it is read and once to compare it.

    >>> _cuts("We agree. We act.", ((0, 17),))
    ((1, 1, 0, 9), (1, 2, 10, 17))
    """
    cuts: list[tuple[int, int, int, int]] = []
    sentence_number = 0
    for paragraph_number, (block_start, block_end) in enumerate(spans, start=1):
        for sentence_start, sentence_end in _sentences(text, block_start, block_end):
            sentence_number += 1
            cuts.extend(
                (paragraph_number, sentence_number, start, end)
                for start, end in _clauses(text, sentence_start, sentence_end)
            )
    return tuple(cuts)


def _blocks_of(document: Document) -> tuple[Block, ...]:
    """The reader's blocks, or blank-line paragraphs for a Document built by hand."""
    if document.blocks:
        return document.blocks
    return tuple(
        Block(start, end) for start, end in _trimmed_spans(document.text, re.compile(r"\n\s*\n"))
    )


def _trimmed_spans(text: str, separator: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    position = 0
    for match in separator.finditer(text):
        yield from _trim(text, position, match.start())
        position = match.end()
    yield from _trim(text, position, len(text))


def _trim(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The span without surrounding white space, if anything is left of it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of text[start:end], which is one block."""
    position = start
    for cut in _sentence_cuts(text, start, end):
        yield from _trim(text, position, cut)
        position = cut
    yield from _trim(text, position, end)


def _sentence_cuts(text: str, start: int, end: int) -> Iterator[int]:
    return (start + cut for cut in _kept(_block_sentence_cuts, text[start:end]))


def _kept(cut: Callable[[str], tuple[int, ...]], piece: str) -> tuple[int, ...]:
    """``cut(piece)``, through its cache where the piece is short enough to keep."""
    return cut(piece) if len(piece) <= PIECE_CHARS_KEPT else cut.__wrapped__(piece)


@lru_cache(maxsize=PIECES_KEPT)
def _block_sentence_cuts(block: str) -> tuple[int, ...]:
    """Where sentences end in one block. Kept per block, as the clause cuts are per sentence:
    two versions of a statement repeat most of their paragraphs word for word."""
    cuts = []
    quote_depth = 0
    checked = 0
    for match in _TERMINAL.finditer(block):
        quote_depth = _quote_depth_after(block, checked, match.start(), quote_depth)
        checked = match.start()
        cut = match.end()
        if quote_depth > 0 and not _closes_quote(match.group(0)):
            continue
        if _ends_sentence(block, match.start(), cut):
            quote_depth = 0
            checked = cut
            cuts.append(cut)
    return tuple(cuts)


def _quote_depth_after(block: str, start: int, end: int, depth: int) -> int:
    """Track curly quotation marks; straight ones are too ambiguous to nest on."""
    for char in block[start:end]:
        if char == "\u201c":
            depth += 1
        elif char == "\u201d" and depth > 0:
            depth -= 1
    return depth


def _closes_quote(punctuation: str) -> bool:
    return "\u201d" in punctuation or '"' in punctuation


def _ends_sentence(block: str, dot: int, cut: int) -> bool:
    """Whether the terminal punctuation at ``dot`` really ends a sentence."""
    following_match = _NEXT_WORD.match(block, cut)
    if following_match is None:
        return False
    following = following_match.group(1)
    first = following[0]
    next_text = following_match.group(2) or ""
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if block[dot] != ".":
        return True
    word = block[max(0, dot - 40) : dot].rsplit(None, 1)[-1:] or [""]
    # the last part of a compound ("Japan-Australia-India-U.S.") decides, as the word alone would
    word = re.split(r"[-\u2010\u2011/]", word[0])[-1].lstrip(_OPENERS)
    lowered = word.lower().rstrip(".")
    if first.isdigit() and lowered in {"no", "nos", "art", "para", "paras", "p", "pp", "vol"}:
        return False
    if lowered in _NEVER_FINAL:
        return False
    if lowered in _MAYBE_FINAL or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return next_text.lower() in _SENTENCE_STARTERS and first not in "(["
    if re.fullmatch(r"[A-Z]", word):
        # An initial ("Joseph R. Biden") unless a sentence obviously starts after it.
        return next_text.lower() in _SENTENCE_STARTERS
    if first.isdigit():
        # "... in 2023. 2024 will ..." is rare; "para. 7" and "No. 3" were handled above.
        return not re.match(r"\d+[./-]\d", following)
    return True


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Clause spans of one sentence."""
    cuts = _kept(_sorted_clause_cuts, text[start:end])
    position = start
    for cut in cuts:
        yield from _trim(text, position, start + cut)
        position = start + cut
    yield from _trim(text, position, end)


@lru_cache(maxsize=PIECES_KEPT)
def _sorted_clause_cuts(sentence: str) -> tuple[int, ...]:
    """``_clause_cuts`` in order, kept per sentence (a sentence kept word for word between two
    versions is cut once)."""
    return tuple(sorted(_clause_cuts(sentence)))


def _clause_cuts(sentence: str) -> set[int]:
    """Offsets in the sentence where a new clause starts."""
    protected = _quoted_spans(sentence)
    protected_starts = [low for low, _ in protected]
    candidates = set(_semicolon_cuts(sentence))
    enumerated = {match.end() for match in _INLINE_ENUMERATION.finditer(sentence)}
    candidates.update(enumerated)
    candidates.update(
        match.end() for match in _COORDINATED.finditer(sentence) if not _joins_phrases(sentence, match)
    )
    candidates.update(match.end() for match in _GERUND.finditer(sentence))
    candidates.update(match.end() for match in _CHAINED_OPERATIVE.finditer(sentence))
    word_starts = [match.start() for match in _word_pattern().finditer(sentence)]

    def words_between(low: int, high: int) -> int:
        return bisect_left(word_starts, high) - bisect_left(word_starts, low)

    cuts: set[int] = set()
    last = 0
    for cut in sorted(candidates):
        if _inside(protected, protected_starts, cut):
            continue
        shortest = 1 if cut in enumerated else MIN_CLAUSE_WORDS
        if words_between(last, cut) < shortest or words_between(cut, len(sentence)) < shortest:
            continue
        cuts.add(cut)
        last = cut
    cuts.update(_length_cuts(sentence, sorted(cuts)))
    return cuts


_VERBISH = regexcache.compiled(
    rf"\b(?:{_FINITE_AUX}|do|does|did|been|being)\b|(?-i:\b[a-z]\w+ed\b)|\b(?:{_STANCE_VERBS})",
    re.IGNORECASE,
)
"""A word that makes a list item a clause: an auxiliary, a stance verb, a lower-case past tense
(not "United")."""
_OPEN_END = regexcache.compiled(
    r"\b(?:(?:by|with|towards?|to|for|of|on|in|at|from|into|onto|upon|about|over|against|between"
    r"|among|the|a|an|our|their|its)"
    r"|(?:not|have|has|had|will|would|shall|do|does|did|can|could|may|might|must|should|to)"
    r"\s+(?:\w+ly\s+)?[\w-]+)\s*$",
    re.IGNORECASE,
)
"""The end of a phrase still waiting for its object: "appalled by", "does not seek", "to advise"."""


_LOOK_BACK = 200
"""Characters before a coordinating "and" that _joins_phrases reads."""


def _joins_phrases(sentence: str, match: re.Match[str]) -> bool:
    """Whether an "and"/"but" found by _COORDINATED joins phrases rather than clauses.

    Two shapes: the last item of a list of names that is the subject of the verb after it
    ("Japan, the ROK, and the United States are working ..."), and words that share what
    follows ("to advise and support members", "appalled by and condemn the attacks").

    >>> def joins(text): return _joins_phrases(text, _COORDINATED.search(text))
    >>> joins("In addition, Japan, the ROK, and the United States are working to deter threats.")
    True
    >>> joins("We set up an Advisory Panel to advise and support members of the group.")
    True
    >>> joins("Financial market conditions have deteriorated, and tighter credit conditions have the potential to restrain growth.")
    False
    """
    # Only the words just before the "and" matter, and looking no further keeps long sentences
    # linear (a sentence of thousands of coordinations is hostile input, not the genre).
    before = sentence[max(0, match.start() - _LOOK_BACK) : match.start()]
    after_a_comma = match.group(0).lstrip()[:1] in (",", ";")
    if not after_a_comma:
        return bool(_OPEN_END.search(before))
    items = re.split(r"[,;]", before)
    return (
        len(items) >= 2 and items[-2].strip() != "" and _word_count(items[-1]) <= 4 and not _VERBISH.search(items[-1])
    )


def _semicolon_cuts(sentence: str) -> list[int]:
    """Cuts after semicolons, but only when every part is a clause, not a list of names."""
    matches = list(_SEMICOLON.finditer(sentence))
    if not matches:
        return []
    bounds = [0, *(match.end() for match in matches), len(sentence)]
    parts = [sentence[low:high] for low, high in zip(bounds, bounds[1:], strict=False)]
    if min(_word_count(part) for part in parts) < 5:
        return []
    return [match.end() for match in matches]


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans inside curly or straight double quotation marks."""
    spans = []
    for match in re.finditer(r"\u201c[^\u201d]*\u201d?|\"[^\"]*\"?", sentence):
        spans.append((match.start(), match.end()))
    return spans


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` lies strictly inside one of ``spans``, which are sorted and disjoint
    (``starts`` holds their starts): one bisection, so a sentence with thousands of quotations
    and cuts stays linear.

    >>> spans = [(2, 5), (8, 12)]
    >>> [_inside(spans, [2, 8], offset) for offset in (2, 3, 5, 9, 13)]
    [False, True, False, True, False]
    """
    index = bisect_right(starts, offset) - 1
    return index >= 0 and spans[index][0] < offset < spans[index][1]


def _length_cuts(sentence: str, cuts: list[int]) -> list[int]:
    """Extra cuts so no clause is longer than MAX_CLAUSE_CHARS (degenerate input only)."""
    extra: list[int] = []
    bounds = [0, *cuts, len(sentence)]
    for low, high in zip(bounds, bounds[1:], strict=False):
        position = low
        while high - position > MAX_CLAUSE_CHARS:
            space = sentence.rfind(" ", position + 1, position + MAX_CLAUSE_CHARS)
            position = space if space > position else position + MAX_CLAUSE_CHARS
            extra.append(position)
    return extra


@cache
def _word_pattern() -> re.Pattern[str]:
    return re.compile(r"\w+")


def _word_count(text: str) -> int:
    """Number of words.

    >>> _word_count("Ben S. Bernanke, Chairman")
    4
    """
    return len(_word_pattern().findall(text))


# ``compare.segment`` is this module, and calling it calls segment(): the name means one thing
# whatever was imported first (see compare.callable_module).
import sys  # noqa: E402

from compare.callable_module import CallableModule  # noqa: E402

sys.modules[__name__].__class__ = CallableModule
