"""Helpers for the quotation checker's tests: reports made from literal texts."""

from __future__ import annotations

from compare.quotes.check import check_quotes
from compare.quotes.model import QuoteCheck, QuoteReport
from compare.read import parse

STATEMENT = (
    "Joint Statement of the U.S.-Japan Security Consultative Committee\n\n"
    "The Ministers expressed serious concern over the PRC’s intensifying attempts to unilaterally "
    "change the status quo by force or coercion in the East China Sea. "
    "The United States intends to upgrade U.S. Forces, Japan to a joint force headquarters. "
    "Japan and the United States will explore co-production of missiles, where appropriate. "
    "They reaffirmed that attacks in space could, in certain circumstances, lead to the invocation "
    "of Article V. The Ministers do not accept the PRC’s claims in the South China Sea.\n\n"
    "They strongly condemned the DPRK’s ballistic missile launches. They called for the immediate "
    "resolution of the abductions issue. The Ministers welcomed cooperation with Australia, "
    "New Zealand and the Philippines.\n"
)


def report(article: str, statement: str = STATEMENT) -> QuoteReport:
    """The quotation report of an article made of literal text against a statement."""
    return check_quotes(parse(article, path="article.txt"), parse(statement, path="statement.txt"))


def only(article: str, statement: str = STATEMENT) -> QuoteCheck:
    """The check of an article's one quotation."""
    checks = report(article, statement).checks
    assert len(checks) == 1, [check.quotation.text for check in checks]
    return checks[0]


def kinds(check: QuoteCheck) -> set[str]:
    """The kinds of a check's flags."""
    return {item.kind for item in check.flags}
