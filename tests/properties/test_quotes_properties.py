"""Properties of the quotation checker that must hold for any text (hypothesis)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.quotes.check import check_quotes
from compare.quotes.model import Status
from compare.quotes.views import FORMATS, render_quotes
from compare.read import parse

WORDS = st.sampled_from(
    "We the Ministers reaffirm strongly condemn will not commit and , ; . U.S. PRC’s DPRK “ ” \" ' ‘ ’ "
    "[China] (UN) ... … Taiwan Strait North Korea said officials told reporters \x1b[31m \u202e !".split()
)
TEXTS = st.lists(st.lists(WORDS, min_size=1, max_size=20).map(" ".join), min_size=1, max_size=4).map("\n\n".join)
STATEMENT_SENTENCES = st.lists(
    st.lists(st.sampled_from("We strongly condemn the launches will not accept claims of North Korea and reaffirm our support".split()),
             min_size=4, max_size=12).map(lambda words: "The " + " ".join(words) + "."),
    min_size=1, max_size=6,
)
FAST = settings(max_examples=int(os.environ.get("JD_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXTS, TEXTS)
def test_checking_and_rendering_any_texts_never_raises(article: str, statement: str) -> None:
    report = check_quotes(parse(article, path="a.txt"), parse(statement or "x", path="s.txt"))
    for check in report.checks:
        for start, end in check.quotation.parts:
            assert 0 <= start <= end <= len(report.article.text)
        for piece in check.pieces:
            assert report.statement.text[piece.start : piece.end] == piece.text
    for fmt in FORMATS:
        assert render_quotes(report, fmt).endswith("\n")


@FAST
@given(STATEMENT_SENTENCES, st.data())
def test_a_sentence_of_the_statement_quoted_whole_is_verbatim(sentences: list[str], data: st.DataObject) -> None:
    statement = " ".join(sentences)
    quoted = data.draw(st.sampled_from(sentences))
    report = check_quotes(parse(f"Officials said “{quoted}”", path="a.txt"), parse(statement, path="s.txt"))
    (check,) = report.checks
    assert check.status is Status.VERBATIM
    assert check.pieces and all(quoted.rstrip(".") in statement for _ in check.pieces)
