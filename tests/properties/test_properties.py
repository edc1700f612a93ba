"""Properties that must hold for any text: found by hypothesis, not written by hand."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from compare.align import align
from compare.model import Document, Status
from compare.pipeline import compare_documents
from compare.render import FORMATS, render
from compare.segment import segment

WORDS = st.sampled_from(
    "We the Ministers reaffirm strongly condemn will commit and , ; . U.S. PRC’s “quoted” "
    "(a) 1. 2-1/2 percent Taiwan Strait North Korea e.g. Mr. \u2011 \x1b[31m \u202e ... !".split()
)
SENTENCES = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)
PARAGRAPHS = st.lists(SENTENCES, min_size=1, max_size=4).map(" ".join)
TEXTS = st.one_of(
    st.lists(PARAGRAPHS, min_size=0, max_size=6).map("\n\n".join),
    st.text(max_size=300),
)
FAST = settings(max_examples=int(__import__("os").environ.get("JD_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXTS)
def test_clauses_cover_every_non_space_character_exactly_once(text: str) -> None:
    document = Document("d", text)
    covered = [0] * len(text)
    for clause in segment(document):
        assert text[clause.start : clause.end] == clause.text
        assert clause.text == clause.text.strip() and clause.text
        for position in range(clause.start, clause.end):
            covered[position] += 1
    for position, char in enumerate(text):
        assert covered[position] == 1 or (char.isspace() and covered[position] == 0)


@FAST
@given(TEXTS)
def test_a_document_compared_with_itself_has_no_changes(text: str) -> None:
    clauses = segment(Document("d", text))
    assert all(pair.status is Status.UNCHANGED for pair in align(clauses, clauses))


@FAST
@given(TEXTS, TEXTS)
def test_every_clause_lands_in_exactly_one_pair(old_text: str, new_text: str) -> None:
    old = segment(Document("o", old_text), doc_id="old")
    new = segment(Document("n", new_text), doc_id="new")
    pairs = align(old, new)
    assert sorted(c.index for p in pairs for c in p.old) == list(range(len(old)))
    assert sorted(c.index for p in pairs for c in p.new) == list(range(len(new)))
    new_order = [p.new[0].index for p in pairs if p.new]
    assert new_order == sorted(new_order)


@FAST
@given(TEXTS, TEXTS)
# Found by Hypothesis: every text the batch's mean, so the semantic pass saw only rounding noise.
@example("We We We We", "We\n\nWe\n\nWe\n\nWe We We We We")
# Found by Hypothesis: two equal clauses that swapped places tied for the in-order run, and the
# tie went to whichever came first in the new document.
@example("We\n\nWe\n\n1. Taiwan We U.S.", "1. Taiwan\n\nWe")
@example("We\n\nWe 1. the We We We We ... 1. Taiwan We U.S.", "1. Taiwan\n\nWe We\n\nWe 1. the We We We We")
def test_swapping_old_and_new_swaps_added_and_removed_and_split_and_merged(
    old_text: str, new_text: str
) -> None:
    old_doc, new_doc = Document("o", old_text), Document("n", new_text)
    forward = Counter(p.status for p in compare_documents(old_doc, new_doc).pairs)
    backward = Counter(p.status for p in compare_documents(new_doc, old_doc).pairs)
    assert forward[Status.ADDED] == backward[Status.REMOVED]
    assert forward[Status.REMOVED] == backward[Status.ADDED]
    assert forward[Status.SPLIT] == backward[Status.MERGED]
    assert forward[Status.MERGED] == backward[Status.SPLIT]
    assert forward[Status.UNCHANGED] + forward[Status.MOVED] >= 0


@FAST
@given(TEXTS, TEXTS, st.sampled_from(sorted(FORMATS)), st.booleans(), st.booleans())
def test_rendering_never_raises_and_never_lets_an_escape_through(
    old_text: str, new_text: str, fmt: str, color: bool, only_changes: bool
) -> None:
    comparison = compare_documents(Document("o", old_text), Document("n", new_text))
    output = render(comparison, fmt, color=color, only_changes=only_changes)
    document_text = old_text + new_text
    if "\x1b" in document_text and not color:
        assert "\x1b" not in output
    assert "\u202e" not in output


SCANNED = st.lists(
    st.sampled_from(
        "the The Leaders leaders Committee two sides the two sides United States the United States "
        "is isn't concerned committed the Republic of Korea Republic Korea-U.S. , . ; we We".split()
    ),
    max_size=30,
).map(" ".join)


@FAST
@given(SCANNED)
def test_a_scanner_finds_what_its_branches_tried_one_by_one_find(text: str) -> None:
    # runs of plain-text branches are looked up together (Literals) and long runs of patterns
    # tried as one alternation (Alternation): the first branch in order that matches still wins
    import re

    from compare.classify.scanner import Scanner, compiled_branch, words

    branches = [
        ("l0", "the United States"), ("l1", "the Republic of Korea"), ("l2", "the two sides"),
        *((f"r{index}", pattern) for index, pattern in enumerate([
            r"the\s+(?:two\s+)?sides", r"the\s+leaders?", r"the\s+committee", r"the\s+\w+s",
            r"the\s+(?:united\s+)?states", r"the\s+republic(?:\s+of\s+korea)?", r"is\s+(?:concerned|committed)",
            r"is(?:n't)?",
        ])),
        ("l3", "the Leaders"), ("l4", "the"), ("l5", "the Committee"), ("l6", "Korea"),
    ]
    scanner = Scanner(branches, re.IGNORECASE)
    expected, taken = [], 0
    for start, _ in words(text):
        if start < taken or (start and text[start - 1] == "-"):
            continue
        for group, pattern in branches:
            match = compiled_branch(pattern, re.IGNORECASE).match(text, start)
            if match:
                expected.append((start, match.end(), group))
                taken = match.end()
                break
    assert scanner.scan(text, words(text)) == expected
