"""``jointdiff quotes``: a news article's quotations checked against the statement they quote.

``check_quotes(article, statement)`` (in ``check``) runs the steps, one module each:

- ``extract``: every quotation of the article (curly, straight, nested, single, across
  paragraphs) with the narration around it; ``narration`` reads that narration (attribution,
  speaker, the reporter's framing verb) with the data of ``reporting.toml``;
- ``locate``: where each quotation is in the statement (exact, normalised, approximate,
  stitched, not found), on words cut by ``tokens``;
- ``flags``: what the article changed (negation, qualifier, hedge, stance word, target, order,
  cut, speaker), reading runs of words with ``markers``;
- ``framing``: the reporter's verbs against the statement's stance;
- ``coverage``: which of the statement's stances the article quotes, paraphrases or leaves out;
- ``model``: the frozen values all of them pass on, and every view reads (``QuoteReport``);
- views: ``terminal``, ``markdown``, ``html``, ``jsonfmt`` (``render_quotes`` picks one).

Public names resolve lazily, so importing this package costs nothing until one is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compare.quotes.check import check_quotes
    from compare.quotes.model import QuoteReport

__all__ = ["QuoteReport", "check_quotes"]

_WHERE = {"check_quotes": "compare.quotes.check", "QuoteReport": "compare.quotes.model"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'compare.quotes' has no attribute {name!r}")
