"""The shapes ``jointdiff quotes`` passes between its steps: the quotations found in a news
article, where each was found in the statement it quotes, what the article changed, how the
reporter frames it, and which of the statement's stances the article reports.

Everything here is a frozen value; ``check_quotes`` (``compare.quotes.check``) builds a
``QuoteReport`` and every view (terminal, Markdown, HTML, JSON) only reads it. Offsets are the
contract, as for clauses: ``article.text[start:end]`` is a part of a quotation,
``statement.text[piece.start:piece.end]`` the statement's words it was found in.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from compare.model import Document, WordOp

__all__ = [
    "FLAG_KINDS",
    "Coverage",
    "CoverageItem",
    "Flag",
    "Framing",
    "Piece",
    "QuoteCheck",
    "QuoteReport",
    "Quotation",
    "Source",
    "Status",
]


class Status(StrEnum):
    """How the words inside the quotation marks stand to the statement's."""

    VERBATIM = "verbatim"
    """The statement's words exactly, apart from editorial marks (an ellipsis marking a cut, a
    [bracketed] word, a comma or full stop before the closing mark)."""
    NORMALISED = "normalised"
    """The same words once typography (quotes, apostrophes, dashes), letter case and
    British/US spelling are mapped alike."""
    APPROXIMATE = "approximate"
    """Words of one statement sentence, with some added, dropped, replaced or moved."""
    STITCHED = "stitched"
    """Pieces of two or more statement sentences run together as one, with no ellipsis."""
    NOT_FOUND = "not-found"
    """No sentence of the statement supplies the words."""


class Source(StrEnum):
    """Whom the article gives the quoted words to."""

    STATEMENT = "statement"
    """The statement, or the people who issued it ("a joint statement said", "the leaders said")."""
    PERSON = "person"
    """Someone speaking elsewhere ("an official told reporters")."""
    NAME = "name"
    """Nobody: a name or title in quotation marks ("Foreign and Defense Ministerial Meeting")."""
    UNATTRIBUTED = "unattributed"
    """The sentence says nothing about it (read as the statement's words)."""


FLAG_KINDS: dict[str, str] = {
    "negation-dropped": "a 'not', 'never' or 'no longer' of the statement is missing",
    "negation-added": "a negation the statement does not have",
    "qualifier-dropped": "a condition or scope limiter is missing ('where appropriate', 'in certain circumstances')",
    "qualifier-added": "a condition or scope limiter the statement does not have",
    "hedge-dropped": "a softener of certainty or commitment made firm ('could' -> 'will', 'intend to' -> 'will')",
    "hedge-added": "a firm statement softened ('will' -> 'may')",
    "stance-word-changed": "the statement's stance word or its intensifier is replaced, added or dropped",
    "target-added": "a country or body the statement sentence does not name, inside the quote or in the reporter's words",
    "target-removed": "a country or body the statement names is left out without a mark",
    "reordered": "the statement's words in another order",
    "words-changed": "other words differ from the statement's",
    "words-cut": "an ellipsis or bracket cuts words that change the meaning",
    "stitched": "pieces of different statement sentences joined without an ellipsis",
    "wrong-speaker": "the article gives the words to a speaker the statement does not",
    "not-found": "no sentence of the statement has these words",
}
"""Every kind of flag, with what it means (the README's table says the same)."""


@dataclass(frozen=True, slots=True)
class Quotation:
    """One pair of quotation marks in the article (or a quote running on across paragraphs),
    and what the article's sentence says around it."""

    index: int
    """1-based, in reading order."""
    text: str
    """The words between the marks as printed; the parts of a quote that runs on into the next
    paragraph are joined by one space."""
    parts: tuple[tuple[int, int], ...]
    """Where each part lies in the article's read text (``article.text[start:end]``)."""
    paragraph: int
    """1-based block of the article where the quotation opens."""
    sentence: tuple[int, int]
    """Where the article's sentence around the opening mark lies."""
    attribution: str = ""
    """The words that say whose the quotation is, as written ("a joint statement said"), or ""."""
    source: Source = Source.UNATTRIBUTED
    speaker: str = ""
    """Who the article says spoke or acted ("Both governments", "They"), as written, or ""."""
    framing_verb: str = ""
    """The reporter's own verb characterising the quoted words ("accused", "hit out at"), or ""."""
    narration: str = ""
    """The reporter's words before the quotation in its sentence, which the speaker, the framing
    verb and any target the reporter adds are read from."""
    headline: bool = False
    """Whether the quotation stands in the article's headline."""
    aimed_at: str = ""
    """The reporter's words in the quotation's sentence that point it at a party ("in a thinly
    veiled warning to Beijing", "aimed squarely at Moscow"), or ""."""

    @property
    def start(self) -> int:
        """Offset of the quotation's first word in the article."""
        return self.parts[0][0]

    @property
    def end(self) -> int:
        """Offset just after the quotation's last word in the article."""
        return self.parts[-1][1]


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of the statement where a quotation, or a part of it, was found."""

    start: int
    end: int
    """Offsets into the statement's read text."""
    sentences: tuple[int, ...]
    """1-based numbers of the statement sentences it lies in (two or more when a quotation runs
    on from one sentence into the next)."""
    paragraph: int
    """1-based block of the statement it starts in."""
    text: str
    """The statement's words there (``statement.text[start:end]``)."""
    quoted: str
    """The quotation's words found there, as printed."""
    words: tuple[WordOp, ...] = ()
    """Word diff from the statement's words (``delete``) to the quotation's (``insert``); ()
    when they are the same."""

    @property
    def sentence(self) -> int:
        """The sentence it starts in."""
        return self.sentences[0]


@dataclass(frozen=True, slots=True)
class Flag:
    """One change that matters, made by the article to the statement's words or attribution."""

    kind: str
    """A key of ``FLAG_KINDS``."""
    detail: str
    """What exactly, for a person: "'not' dropped: 'was not renewed' -> 'was renewed'"."""


@dataclass(frozen=True, slots=True)
class Framing:
    """The reporter's verb set against the statement's own stance on the same clause."""

    verb: str
    """The reporter's words ("accused", "hit out at", "expressed concern about")."""
    reporter: str
    """What they amount to on the stance ladders ("concern, rung 5")."""
    statement: str
    """The statement's stance phrase on that clause ("expressed serious concern over"), or ""."""
    direction: str
    """"stronger", "weaker", "same", or "unclear" where no ladder orders the two."""
    reason: str
    """One line: "'accused' (concern 5) is stronger than 'expressed serious concern over' (concern 3)"."""


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """One quotation checked against the statement."""

    quotation: Quotation
    status: Status
    pieces: tuple[Piece, ...] = ()
    """Where it was found, in the quotation's order; () when not found."""
    flags: tuple[Flag, ...] = ()
    framing: Framing | None = None
    similarity: float = 0.0
    """Share (0.0-1.0) of the quotation's words found in the statement, function words counting
    a quarter."""
    from_statement: bool = True
    """False for words the article gives to someone speaking elsewhere, or a name in quotation
    marks, that the statement does not have: they are listed but not counted."""
    note: str = ""
    """Anything else worth knowing that changes nothing ("'North Korea' for 'DPRK': one name")."""

    @property
    def altered(self) -> bool:
        """Whether the article changed the statement's words or attribution, or the statement
        does not have them: what makes ``jointdiff quotes`` exit with status 1."""
        return self.from_statement and (self.status is Status.NOT_FOUND or bool(self.flags))


class Coverage(StrEnum):
    """Whether the article reports a stance of the statement."""

    QUOTED = "quoted"
    PARAPHRASED = "paraphrased"
    LEFT_OUT = "left-out"


@dataclass(frozen=True, slots=True)
class CoverageItem:
    """One sentence of the statement that takes a stance (a concern, a commitment, a call ...)."""

    sentence: int
    """1-based sentence number in the statement."""
    paragraph: int
    start: int
    end: int
    text: str
    kind: str
    """The kind of its governing stance ("concern", "commitment" ...)."""
    stance: str
    """Its stance phrase as written."""
    targets: tuple[str, ...]
    reported: Coverage
    quotations: tuple[int, ...] = ()
    """Indexes of the quotations found in it."""
    paraphrase: str = ""
    """The article's narration that reports it, when that is how it is reported (or also)."""
    similarity: float | None = None
    """How close that narration is in meaning (0.0-1.0), when one was weighed."""
    framing: Framing | None = None
    """The narration's own stance against the sentence's, when the narration has one."""


@dataclass(frozen=True, slots=True)
class QuoteReport:
    """Everything ``jointdiff quotes`` found: what every view shows."""

    article: Document
    statement: Document
    checks: tuple[QuoteCheck, ...]
    coverage: tuple[CoverageItem, ...]

    @property
    def counted(self) -> tuple[QuoteCheck, ...]:
        """The quotations given as the statement's words (the ones the exit status is about)."""
        return tuple(check for check in self.checks if check.from_statement)

    @property
    def has_problems(self) -> bool:
        """Whether any quotation of the statement is altered or not found."""
        return any(check.altered for check in self.checks)

    @property
    def summary(self) -> dict[str, int]:
        """Counts of quotations by status, altered, not counted; of framings; of coverage."""
        counts = {status.value: 0 for status in Status}
        for check in self.counted:
            counts[check.status.value] += 1
        counts["altered"] = sum(check.altered for check in self.checks)
        counts["quotations"] = len(self.counted)
        counts["not_from_statement"] = len(self.checks) - len(self.counted)
        for direction in ("stronger", "weaker", "same", "unclear"):
            counts[f"framing_{direction}"] = sum(
                1 for check in self.counted if check.framing and check.framing.direction == direction
            )
        for reported in Coverage:
            counts[f"coverage_{reported.value}"] = sum(1 for item in self.coverage if item.reported is reported)
        return counts
