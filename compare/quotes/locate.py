"""Locating a quotation in the statement: exactly, after normalising, approximately, stitched
from several sentences, or not at all.

Second step of ``jointdiff quotes`` (read -> extract -> **locate** -> flag -> frame -> cover ->
render). The statement is cut into sentences by the engine's segmenter and into words
(``tokens``); a quotation is cut at its ellipses ("...", "…", "[...]") into parts, each part into
words, [bracketed insertions] (which may stand in place of up to four of the statement's words,
or add to them) and (glosses in round brackets) (which may be the statement's own, or the
reporter's and left out).

1. **Exact**: each part is searched word for word in the statement's running text (so two whole
   consecutive sentences quoted together are found as they stand), the parts in order. Where a
   short part occurs more than once, the occurrence whose sentence shares most rare words with
   the article's sentence around the quotation wins. The words' raw forms then say whether the
   quotation is **verbatim** or **normalised** (typography, case, spelling), or differs only in
   a name the engine treats as one (DPRK / North Korea: approximate, and noted).
2. **Fuzzy**: otherwise the part's words are aligned with the eight sentences that share most
   rare words with it (``difflib`` on word keys, isolated function words at the edges
   trimmed), and the best sentence is kept; a stretch of three or more of its words left over
   is looked for in other sentences: found there, the quotation is **stitched** (unless it is
   the end of one sentence and the start of the next, quoted together); found in the same
   sentence, its words were **reordered**. A quotation whose words are found to less than
   ``FOUND_AT`` (function words counting a quarter) is **not found**.
"""

from __future__ import annotations

import difflib
import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from compare import regexcache
from compare.model import Clause, Document
from compare.quotes.model import Status
from compare.quotes.tokens import Token, content_keys, tokenise, weight

__all__ = [
    "FOUND_AT",
    "Item",
    "Located",
    "Region",
    "Sentence",
    "StatementIndex",
    "index_statement",
    "locate",
    "parse_quotation",
]

FOUND_AT = 0.6
"""Share of a quotation's words (function words counting a quarter) that must be found in the
statement for it to count as found; tuned on the development labels (benchmarks/quotes_bench.py)."""
FOUND_AT_FOR_OTHERS = 0.85
"""The same for words the article gives to someone speaking elsewhere ("an official told
reporters"): found only when nearly all of them are the statement's."""
PIECE_FOUND_AT = 0.7
"""Share of a left-over stretch of a quotation that another sentence must hold for the
quotation to count as stitched from it."""
CANDIDATES = 8
"""Sentences a quotation is aligned with in the fuzzy pass (those sharing most rare words)."""
MAX_INSERT = 4
"""How many of the statement's words a [bracketed insertion] may stand in place of."""

_ELLIPSIS = regexcache.compiled(r"\s*(?:\[\s*(?:\.\s*){3,}\]|\[\s*\u2026\s*\]|(?:\.\s?){3,}|\u2026)\s*")
_BRACKET = regexcache.compiled(r"\[[^\]]*\]|\([^)]*\)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the statement, with its clauses (classified) and its words."""

    number: int
    """1-based sentence number in the statement (``Clause.sentence``)."""
    paragraph: int
    start: int
    end: int
    first: int
    """Index of its first token in ``StatementIndex.tokens``."""
    last: int
    """Index just after its last token."""
    clauses: tuple[Clause, ...]


@dataclass(frozen=True, slots=True)
class StatementIndex:
    """The statement cut up for searching: its words, sentences, and how rare each word is."""

    document: Document
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    sentence_of: tuple[int, ...]
    """For each token, the index of its sentence in ``sentences``."""
    positions: dict[str, tuple[int, ...]]
    """Word key -> indices of the tokens with that key."""
    rarity: dict[str, float]
    """Word key -> inverse sentence frequency (log)."""
    sentence_keys: tuple[frozenset[str], ...]

    def keys_rarity(self, keys: set[str] | frozenset[str]) -> float:
        """Summed rarity of content keys (unknown words count as the rarest)."""
        top = math.log(len(self.sentences) + 1.0)
        return sum(self.rarity.get(key, top) for key in keys)


def index_statement(document: Document, clauses: Sequence[Clause]) -> StatementIndex:
    """Cut a statement and its classified clauses up for searching."""
    tokens = tokenise(document.text)
    token_starts = [token.start for token in tokens]
    grouped: dict[int, list[Clause]] = {}
    for clause in clauses:
        grouped.setdefault(clause.sentence, []).append(clause)
    sentences = []
    for number in sorted(grouped):
        members = tuple(grouped[number])
        start, end = members[0].start, members[-1].end
        first, last = bisect_right(token_starts, start - 1), bisect_right(token_starts, end - 1)
        sentences.append(Sentence(number, members[0].paragraph, start, end, first, last, members))
    sentence_of = [0] * len(tokens)
    for index, sentence in enumerate(sentences):
        for position in range(sentence.first, sentence.last):
            sentence_of[position] = index
    positions: dict[str, list[int]] = {}
    for position, token in enumerate(tokens):
        positions.setdefault(token.key, []).append(position)
    keys = tuple(frozenset(content_keys(tokens[s.first : s.last])) for s in sentences)
    frequency: dict[str, int] = {}
    for sentence_keys in keys:
        for key in sentence_keys:
            frequency[key] = frequency.get(key, 0) + 1
    rarity = {key: math.log((len(sentences) + 1.0) / count) for key, count in frequency.items()}
    return StatementIndex(
        document, tokens, tuple(sentences), tuple(sentence_of),
        {key: tuple(found) for key, found in positions.items()}, rarity, keys,
    )


@dataclass(frozen=True, slots=True)
class Item:
    """One word of a quotation, or one bracketed insertion or gloss."""

    kind: str
    """"word", "insert" ([square brackets]) or "gloss" ((round brackets))."""
    tokens: tuple[Token, ...]
    """Its words; offsets are into the quotation's text."""
    start: int
    end: int


def parse_quotation(text: str) -> tuple[tuple[Item, ...], ...]:
    """A quotation's parts (cut at its ellipses), each a run of words and bracketed items.

    >>> parts = parse_quotation("condemn[s] the [PRC’s] plan … to (UN) act")
    >>> [[(item.kind, " ".join(t.raw for t in item.tokens)) for item in part] for part in parts]
    [[('word', 'condemn'), ('insert', 's'), ('word', 'the'), ('insert', 'PRC s'), ('word', 'plan')], [('word', 'to'), ('gloss', 'UN'), ('word', 'act')]]
    """
    parts = []
    position = 0
    for cut in [*_ELLIPSIS.finditer(text), None]:
        end = cut.start() if cut else len(text)
        items = _items(text, position, end)
        if items:
            parts.append(tuple(items))
        position = cut.end() if cut else end
    return tuple(parts)


def _items(text: str, start: int, end: int) -> list[Item]:
    items: list[Item] = []
    position = start
    for bracket in [*_BRACKET.finditer(text, start, end), None]:
        stop = bracket.start() if bracket else end
        for token in _shifted(tokenise(text[position:stop]), position):
            items.append(Item("word", (token,), token.start, token.end))
        if bracket:
            inner = _shifted(tokenise(text[bracket.start() + 1 : bracket.end() - 1]), bracket.start() + 1)
            kind = "insert" if bracket.group(0).startswith("[") else "gloss"
            items.append(Item(kind, inner, bracket.start(), bracket.end()))
            position = bracket.end()
    return items


def _shifted(tokens: tuple[Token, ...], offset: int) -> tuple[Token, ...]:
    return tuple(Token(t.start + offset, t.end + offset, t.raw, t.fold, t.key) for t in tokens)


@dataclass(frozen=True, slots=True)
class Region:
    """A run of the statement's words one stretch of the quotation was found in."""

    sentence: int
    """Index into ``StatementIndex.sentences`` of the sentence it starts in."""
    s_from: int
    s_to: int
    """Token range in the statement."""
    q_from: int
    q_to: int
    """Range of the quotation's words (indices into ``Located.words``) aligned with it."""
    exact: bool
    inserts: tuple[tuple[Item, int, int], ...] = ()
    """Each [insertion] or (gloss) in this stretch, with the statement tokens it stands in
    place of (an empty range when it stands in place of none; (-1, -1) when not placed)."""
    pairs: tuple[tuple[int, int], ...] = ()
    """For a fuzzy stretch, the (quotation word, statement token) pairs that matched."""
    part: int = 0
    """Which part of the quotation (cut at its ellipses) it belongs to."""


@dataclass(frozen=True, slots=True)
class Located:
    """Where a quotation was found, and how closely."""

    status: Status
    words: tuple[Token, ...]
    """The quotation's words (bracketed items left out), in order."""
    regions: tuple[Region, ...]
    cuts: tuple[tuple[int, int], ...]
    """Statement token ranges an ellipsis of the quotation leaves out, within one sentence."""
    similarity: float
    level: int
    """For an exact find: 0 verbatim, 1 normalised, 2 a name in other words (else 0)."""
    glosses: frozenset[int] = frozenset()
    """Indices in ``words`` of the words of (glosses): the reporter's, unless the statement has them."""


def locate(text: str, index: StatementIndex, context: set[str], *, others: bool = False) -> Located:
    """Find a quotation in the statement.

    Args:
        text: the quotation's words as printed.
        index: the statement, from ``index_statement``.
        context: content keys of the article's sentence around the quotation, which decide
            between two occurrences of a short quotation.
        others: whether the article gives the words to someone speaking elsewhere; they are
            then found only when nearly all of them are the statement's.
    """
    parts = parse_quotation(text)
    words: list[Token] = []
    part_words: list[tuple[int, int]] = []
    glosses: set[int] = set()
    for part in parts:
        first = len(words)
        for item in part:
            if item.kind == "gloss":
                glosses.update(range(len(words), len(words) + len(item.tokens)))
            if item.kind != "insert":
                words.extend(item.tokens)
        part_words.append((first, len(words)))
    if not words:
        return Located(Status.NOT_FOUND, (), (), (), 0.0, 0)
    exact = _exact_chain(text, words, parts, part_words, index, context)
    if exact is not None:
        regions, level = exact
        return Located(
            Status.VERBATIM if level == 0 else Status.NORMALISED if level == 1 else Status.APPROXIMATE,
            tuple(words), regions, _cuts(regions, index), 1.0, level, frozenset(glosses),
        )
    regions: list[Region] = []
    for number, ((first, last), part) in enumerate(zip(part_words, parts, strict=True)):
        if last > first:
            regions.extend(_fuzzy_part(words, first, last, part, number, index, context))
    total = sum(weight(token) for token in words)
    covered = sum(weight(words[q]) for q in {q for region in regions for q, _ in region.pairs})
    similarity = covered / total if total else 0.0
    too_scattered = not any(_has_run(region, 3) for region in regions)
    if similarity < (FOUND_AT_FOR_OTHERS if others else FOUND_AT) or not regions or too_scattered:
        return Located(Status.NOT_FOUND, tuple(words), tuple(regions), (), similarity, 0, frozenset(glosses))
    status = Status.STITCHED if _stitched(text, words, regions, index) else Status.APPROXIMATE
    return Located(status, tuple(words), tuple(regions), _cuts(tuple(regions), index), similarity, 0, frozenset(glosses))


def _exact_chain(
    text: str,
    words: list[Token],
    parts: tuple[tuple[Item, ...], ...],
    part_words: list[tuple[int, int]],
    index: StatementIndex,
    context: set[str],
) -> tuple[tuple[Region, ...], int] | None:
    """The occurrence of every part, in order, nearest one another (of equal ones, the one written
    as the quotation is: "The We", not "the We"); None unless all are found."""
    options = [
        _exact(part, number, first, index, context)
        for number, (part, (first, _)) in enumerate(zip(parts, part_words, strict=True))
    ]
    if not options or any(not found for found in options):
        return None
    best: tuple[float, int, list[Region]] | None = None
    for start in options[0][:20]:
        chain = [start]
        for later in options[1:]:
            following = [region for region in later if region.s_from >= chain[-1].s_to]
            if not following:
                break
            chain.append(min(following, key=lambda region: region.s_from))
        if len(chain) < len(options):
            continue
        gap = sum(b.s_from - a.s_to for a, b in zip(chain, chain[1:], strict=False))
        score = _context_score(chain[0], index, context) - gap / 50.0
        level = max(_level(text, words, region, index) for region in chain)
        if best is None or (score, -level) > (best[0], -best[1]):
            best = (score, level, chain)
    if best is None:
        return None
    return tuple(best[2]), best[1]


def _exact(part: tuple[Item, ...], number: int, q_first: int, index: StatementIndex, context: set[str]) -> list[Region]:
    """Every place the part occurs word for word, best first."""
    word_items = [k for k, item in enumerate(part) if item.kind == "word"]
    if not word_items:
        return []
    first_word, last_word = word_items[0], word_items[-1]
    core = part[first_word : last_word + 1]
    keys = [token.key for token in index.tokens]
    found: list[Region] = []
    for start in index.positions.get(part[first_word].tokens[0].key, ()):
        spans = _match(core, 0, start, keys, [])
        if spans is None:
            continue
        end = spans[-1][2]
        inserts = [(part[k], start, start) for k in range(first_word) if part[k].kind != "word"]
        inserts += [(core[k], s_from, s_to) for k, s_from, s_to in spans if core[k].kind != "word"]
        inserts += [(part[k], end, end) for k in range(last_word + 1, len(part)) if part[k].kind != "word"]
        q_of = _word_positions(part, q_first)
        q_count = sum(len(item.tokens) for item in part if item.kind != "insert")
        pairs = tuple(
            (q_of[first_word + k] + n, s_from + n)
            for k, s_from, s_to in spans
            if core[k].kind != "insert" and (core[k].kind == "word" or s_to - s_from == len(core[k].tokens))
            for n in range(s_to - s_from)
        )
        found.append(
            Region(index.sentence_of[start], start, end, q_first, q_first + q_count, True, tuple(inserts), pairs, number)
        )
    # the fewest sentences first (a run of words that also occurs across a sentence break is
    # the sentence's), then the best fit with the article's sentence
    found.sort(key=lambda r: (index.sentence_of[r.s_to - 1] - r.sentence, -_context_score(r, index, context)))
    return found


def _word_positions(part: tuple[Item, ...], q_first: int) -> dict[int, int]:
    """Where each word or gloss item of a part starts among the quotation's words."""
    positions = {}
    q = q_first
    for k, item in enumerate(part):
        positions[k] = q
        if item.kind != "insert":
            q += len(item.tokens)
    return positions


def _match(items: Sequence[Item], k: int, position: int, keys: list[str], spans: list) -> list | None:
    """Match items[k:] at statement token ``position``; the (item, from, to) spans, or None."""
    if k == len(items):
        return spans
    item = items[k]
    if item.kind == "word":
        if position < len(keys) and keys[position] == item.tokens[0].key:
            return _match(items, k + 1, position + 1, keys, [*spans, (k, position, position + 1)])
        return None
    literal = [token.key for token in item.tokens]
    if literal and keys[position : position + len(literal)] == literal:
        found = _match(items, k + 1, position + len(literal), keys, [*spans, (k, position, position + len(literal))])
        if found is not None:
            return found
    widths = range(0, MAX_INSERT + 1) if item.kind == "insert" else (0,)
    for width in widths:
        if position + width > len(keys):
            break
        found = _match(items, k + 1, position + width, keys, [*spans, (k, position, position + width)])
        if found is not None:
            return found
    return None


def _level(text: str, words: list[Token], region: Region, index: StatementIndex) -> int:
    """0 when the quotation's words are the statement's as written, 1 when only after
    normalising (typography, case, spelling, punctuation between words), 2 when a name differs."""
    level = 0
    statement = index.document.text
    for q, s in region.pairs:
        quoted, stated = words[q], index.tokens[s]
        if quoted.raw != stated.raw:
            level = max(level, 1 if quoted.fold == stated.fold else 2)
    for (q1, s1), (q2, s2) in zip(region.pairs, region.pairs[1:], strict=False):
        if q2 != q1 + 1 or s2 != s1 + 1:
            continue
        between_quote = " ".join(text[words[q1].end : words[q2].start].split())
        between_statement = " ".join(statement[index.tokens[s1].end : index.tokens[s2].start].split())
        if between_quote != between_statement and not _BRACKET.search(between_quote) and "[" not in between_quote:
            level = max(level, 1)
    return level


def _context_score(region: Region, index: StatementIndex, context: set[str]) -> float:
    """How much the sentence (and, at half weight, its neighbours) shares with the article's."""
    here = region.sentence
    score = index.keys_rarity(context & index.sentence_keys[here])
    for neighbour in (here - 1, here + 1):
        if 0 <= neighbour < len(index.sentences):
            score += 0.5 * index.keys_rarity(context & index.sentence_keys[neighbour])
    return score


def _fuzzy_part(
    words: list[Token],
    first: int,
    last: int,
    part: tuple[Item, ...],
    number: int,
    index: StatementIndex,
    context: set[str],
) -> list[Region]:
    """The stretches of the statement one part of a quotation is best aligned with: one, or
    several when words left over by the best sentence are found in others (stitched)."""
    best = _best_stretch(words, first, last, number, index, context)
    if best is None:
        return []
    others: list[int] = []
    same: list[Region] = []
    covered = {q for q, _ in best.pairs}
    for run_first, run_last in _uncovered_runs(first, last, covered):
        if sum(1 for token in words[run_first:run_last] if token.is_content) < 2:
            continue
        piece = _best_stretch(words, run_first, run_last, number, index, context)
        if piece is None or not _has_run(piece, 3):
            continue
        run_weight = sum(weight(token) for token in words[run_first:run_last])
        if sum(weight(words[q]) for q, _ in piece.pairs) < PIECE_FOUND_AT * run_weight:
            continue
        if piece.sentence == best.sentence:
            same.append(piece)  # the same sentence's words in another order
        elif piece.sentence not in others:
            others.append(piece.sentence)
    inserts = tuple((item, -1, -1) for item in part if item.kind != "word")
    if not others:
        pairs = tuple(sorted({pair for region in (best, *same) for pair in region.pairs}))
        s_from = min(region.s_from for region in (best, *same))
        s_to = max(region.s_to for region in (best, *same))
        return [Region(best.sentence, s_from, s_to, first, last, False, inserts, pairs, number)]
    regions = _stitch(words, first, last, number, [best.sentence, *others], index)
    regions[0] = replace(regions[0], inserts=inserts)
    return regions


def _stitch(
    words: list[Token], first: int, last: int, number: int, sentences: list[int], index: StatementIndex
) -> list[Region]:
    """Cut a part into runs of words, each owned by one of the sentences, so that as many words
    as possible are matched in their owner's sentence with as few changes of owner as possible."""
    alignments = {s: dict(_align(words, first, last, s, index)) for s in sentences}
    switch = 2.0
    # best[s] = (score, owners) of the best assignment of words[first:q] ending with owner s
    best = {s: (0.0, []) for s in sentences}
    for q in range(first, last):
        gain = {s: weight(words[q]) if q in alignments[s] else 0.0 for s in sentences}
        leader = max(best, key=lambda s: best[s][0])
        best = {
            s: max(
                ((best[s][0] + gain[s], best[s][1]), (best[leader][0] - switch + gain[s], best[leader][1])),
                key=lambda option: option[0],
            )
            for s in sentences
        }
        best = {s: (score, [*owners, s]) for s, (score, owners) in best.items()}
    owners = max(best.values(), key=lambda option: option[0])[1]
    regions = []
    position = first
    while position < last:
        owner = owners[position - first]
        run_end = position
        while run_end < last and owners[run_end - first] == owner:
            run_end += 1
        pairs = tuple((q, s) for q, s in sorted(alignments[owner].items()) if position <= q < run_end)
        if pairs:
            regions.append(Region(owner, pairs[0][1], pairs[-1][1] + 1, position, run_end, False, (), pairs, number))
        elif regions:
            regions[-1] = replace(regions[-1], q_to=run_end)
        position = run_end
    if regions:
        regions[0] = replace(regions[0], q_from=first)
    return regions


def _align(words: list[Token], first: int, last: int, sentence_index: int, index: StatementIndex) -> tuple[tuple[int, int], ...]:
    """The (quotation word, statement token) pairs of words[first:last] matched in order in one
    sentence, without lone function words or far-off words at the edges."""
    sentence = index.sentences[sentence_index]
    stated = [token.key for token in index.tokens[sentence.first : sentence.last]]
    keys = [token.key for token in words[first:last]]
    matcher = difflib.SequenceMatcher(None, stated, keys, autojunk=False)
    blocks = _trimmed([b for b in matcher.get_matching_blocks() if b.size], words, first)
    pairs = [(first + b.b + k, sentence.first + b.a + k) for b in blocks for k in range(b.size)]
    for left, right in zip(blocks, blocks[1:], strict=False):
        # a compound written in one word on one side, two on the other ("follow up", "follow-up")
        a1, a2, b1, b2 = left.a + left.size, right.a, left.b + left.size, right.b
        if a2 > a1 and b2 > b1 and "".join(stated[a1:a2]) == "".join(keys[b1:b2]):
            pairs += [(first + b, sentence.first + min(a1 + (b - b1), a2 - 1)) for b in range(b1, b2)]
    return tuple(sorted(pairs))


def _has_run(region: Region, length: int) -> bool:
    """Whether a stretch matched ``length`` words in a row (or all its words, if fewer)."""
    run = best = 0
    previous: tuple[int, int] | None = None
    for q, s in region.pairs:
        run = run + 1 if previous is not None and q == previous[0] + 1 and s == previous[1] + 1 else 1
        best = max(best, run)
        previous = (q, s)
    return best >= min(length, region.q_to - region.q_from)


def _best_stretch(
    words: list[Token], first: int, last: int, number: int, index: StatementIndex, context: set[str]
) -> Region | None:
    """The sentence stretch that holds most of words[first:last], in order."""
    wanted = {token.key for token in words[first:last] if token.is_content}
    if not wanted:
        return None
    ranked = sorted(
        range(len(index.sentences)),
        key=lambda s: -index.keys_rarity(wanted & index.sentence_keys[s]),
    )[:CANDIDATES]
    best: tuple[float, float, Region] | None = None
    for sentence_index in ranked:
        if not wanted & index.sentence_keys[sentence_index]:
            continue
        pairs = _align(words, first, last, sentence_index, index)
        if not pairs:
            continue
        matched = sum(weight(words[q]) for q, _ in pairs)
        region = Region(
            sentence_index, pairs[0][1], pairs[-1][1] + 1, pairs[0][0], pairs[-1][0] + 1, False, (), pairs, number
        )
        rank = (matched, _context_score(region, index, context))
        if best is None or rank > best[:2]:
            best = (*rank, region)
    return best[2] if best else None


def _trimmed(blocks: list, words: list[Token], first: int) -> list:
    """Matching blocks without lone function words or far-off words at either edge."""
    blocks = list(blocks)

    def lone(block, gap: int) -> bool:
        isolated = block.size == 1 and not words[first + block.b].is_content and gap > 1
        return isolated or (gap > 8 and block.size <= 2)

    while len(blocks) > 1 and lone(blocks[0], blocks[1].a - (blocks[0].a + blocks[0].size)):
        blocks.pop(0)
    while len(blocks) > 1 and lone(blocks[-1], blocks[-1].a - (blocks[-2].a + blocks[-2].size)):
        blocks.pop()
    if len(blocks) == 1 and blocks[0].size == 1 and not words[first + blocks[0].b].is_content:
        return []
    return blocks


def _uncovered_runs(first: int, last: int, covered: set[int]) -> list[tuple[int, int]]:
    runs = []
    position = first
    while position < last:
        if position in covered:
            position += 1
            continue
        start = position
        while position < last and position not in covered:
            position += 1
        runs.append((start, position))
    return runs


def _stitched(text: str, words: Sequence[Token], regions: Sequence[Region], index: StatementIndex) -> bool:
    """Whether stretches of one part come from different sentences, other than the whole end of
    one sentence and the whole start of the next, quoted together as two sentences."""
    for a, b in zip(regions, regions[1:], strict=False):
        if a.part != b.part or a.sentence == b.sentence:
            continue
        sentence_a, sentence_b = index.sentences[a.sentence], index.sentences[b.sentence]
        last_a = max(q for q, _ in a.pairs) if a.pairs else a.q_to - 1
        first_b = min(q for q, _ in b.pairs) if b.pairs else b.q_from
        between = text[words[last_a].end : words[first_b].start]
        follows = (
            b.sentence == a.sentence + 1
            and a.s_to == sentence_a.last
            and b.s_from == sentence_b.first
            and any(mark in between for mark in ".!?")
        )
        if not follows:
            return True
    return False


def _cuts(regions: Sequence[Region], index: StatementIndex) -> tuple[tuple[int, int], ...]:
    """What each ellipsis leaves out between two stretches of the same sentence."""
    cuts = []
    for a, b in zip(regions, regions[1:], strict=False):
        if a.part != b.part and a.sentence == b.sentence and b.s_from > a.s_to:
            cuts.append((a.s_to, b.s_from))
    return tuple(cuts)
