"""The shapes that cross module borders: frozen values passed from stage to stage.

read() makes a Document; segment() cuts its text into Clauses; classify() attaches a Label to
each clause; align() pairs the clauses of two documents into Pairs; a Comparison holds the lot
and is what every renderer, the report, the review app and the checks read. Nothing here does
I/O or holds mutable state: a stage returns new values (``dataclasses.replace``) and never
changes its input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "CLAIM",
    "SURE",
    "SURE_UNPAIRED",
    "WEAK",
    "Block",
    "BlockKind",
    "Clause",
    "Comparison",
    "Document",
    "Evidence",
    "Furniture",
    "Kind",
    "Label",
    "Marker",
    "Pair",
    "Shift",
    "StaleCorrection",
    "Status",
    "WordOp",
]


class BlockKind(StrEnum):
    """What a block of the read text was in the source."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list-item"


class Status(StrEnum):
    """How one aligned pair changed between the old and the new document."""

    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    REMOVED = "removed"


class Kind(StrEnum):
    """What a clause does, in the genre's terms."""

    COMMITMENT = "commitment"
    CONCERN = "concern"
    POSITION = "position"
    WELCOME = "welcome"
    CALL = "call"
    DECISION = "decision"
    OTHER = "other"


class Shift(StrEnum):
    """Whether the stance of an aligned pair got stronger, weaker or stayed the same.

    MIXED: the stance markers of the pair disagree (a stronger verb under a new hedge).
    UNCLEAR: the pairing's confidence is below ``CLAIM``, too low to claim any direction; the
    evidence still says what differs.
    """

    STRONGER = "stronger"
    WEAKER = "weaker"
    SAME = "same"
    MIXED = "mixed"
    UNCLEAR = "unclear"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, heading or list item of a document's read text."""

    start: int
    end: int
    kind: BlockKind = BlockKind.PARAGRAPH
    marker: str = ""
    """The paragraph's own number or letter as printed ("3.", "(b)"), or "" where it has none."""


@dataclass(frozen=True, slots=True)
class Furniture:
    """Source text the reader set aside instead of passing it on as body text."""

    kind: str
    """What it is: "front-matter", "page-header", "footnote", "markup", "release-marker" ..."""
    text: str
    line: int
    """1-based line of the source where it starts (0 where the source has no lines)."""


@dataclass(frozen=True, slots=True)
class Document:
    """A statement as read: its body text, where its blocks lie, and what was set aside."""

    path: str
    """The name the user gave ("-" for standard input)."""
    text: str
    """The body: blocks joined by a blank line, hard wraps undone, markup removed."""
    blocks: tuple[Block, ...] = ()
    title: str | None = None
    date: str | None = None
    """ISO date (YYYY-MM-DD) where one was found, else None."""
    source_format: str = "text"
    """"text", "markdown", "html" or "pdf": what the reader took the input for."""
    metadata: tuple[tuple[str, str], ...] = ()
    furniture: tuple[Furniture, ...] = ()
    warnings: tuple[str, ...] = ()
    """Things the user should know about the reading (a guessed encoding, say)."""


@dataclass(frozen=True, slots=True)
class Marker:
    """One word or phrase of a clause that bears on how firmly its stance is put."""

    kind: str
    """"act" (the speech act), "also" (the clause's other stance words), "modal", "obligation"
    (a modal outside the act), "likelihood", "qualifier", "tentative", "intensifier",
    "characterisation", "downtoner" or "negation"."""
    text: str
    """As written ("will", "where appropriate", "strongly")."""
    value: int
    """Its strength on its own scale: the rung of an act, the firmness of a modal; +weight for
    an intensifier, -weight for a downtoner, likelihood hedge or qualifier."""
    start: int = 0
    """Offset in the clause text where it starts."""
    entry: str = ""
    """The lexicon entry that found it ("time-limit", "condemn"): two markers of one entry are
    the same marker in other words."""
    scaled: bool = True
    """For an act: whether a ladder orders it against acts of other kinds."""
    of_kind: str = ""
    """For an act: its kind of stance ("concern", "commitment" ...); "" for other markers."""
    governs: str = ""
    """For a modal read outside the act (an "obligation" marker): the words it governs ("be
    addressed", "settle disputes"), so that shift() compares it only with the same modal slot
    of the other side; "" for other markers."""
    then: str = ""
    """For an "obligation" marker: the first three words of the proposition it hedges, past any
    adverbs and a "be" or "have" ("is likely to be THE PREDOMINANT CONCERN"), so that shift() can
    tell a hedging modal dropped from words the other side keeps ("remains the predominant
    concern"); "" for other markers."""


@dataclass(frozen=True, slots=True)
class Label:
    """What classify() says of one clause."""

    kind: Kind = Kind.OTHER
    intensity: int = 0
    """Rung on the ladder of its kind (documented in the README), 0 where the kind has none."""
    stance: str = ""
    """The phrase that carries the stance, as written ("strongly condemn")."""
    negated: bool = False
    hedges: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    quoted: bool = False
    """True when the clause is, or holds, text quoted from a statement (in news reports)."""
    attribution: str | None = None
    """Who the quotation is attributed to ("a joint statement said"), where stated."""
    quotes: tuple[str, ...] = ()
    """The quoted statement language itself, each quotation as written (without its marks)."""
    stance_quoted: bool = False
    """True when the stance phrase is the statement's own quoted words ("strongly condemned"),
    False when it is the reporter's narration around them ("hit out at", "accused")."""
    markers: tuple[Marker, ...] = ()
    """Every stance marker of the governing proposition, in reading order (see shift())."""

    @property
    def act(self) -> Marker | None:
        """The speech act among the markers (the first "act" marker), or None."""
        return next((marker for marker in self.markers if marker.kind == "act"), None)


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of one document, located by character offsets into its read text."""

    doc_id: str
    """"old" or "new"."""
    index: int
    """0-based position among the document's clauses."""
    paragraph: int
    """1-based number of the block it lies in."""
    sentence: int
    """1-based number of its sentence in the document."""
    start: int
    end: int
    text: str
    label: Label | None = None
    """Set by classify(); None straight after segment()."""

    @property
    def id(self) -> str:
        """Stable identifier within one comparison, like "old:12" (1-based)."""
        return f"{self.doc_id}:{self.index + 1}"


@dataclass(frozen=True, slots=True)
class WordOp:
    """One step of a word-level diff: words kept, deleted from old or inserted in new."""

    op: str
    """"equal", "delete" or "insert"."""
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """One stance marker compared across a pair: what it was, what it became, which way."""

    marker: str
    """What kind of marker ("act", "modal", "likelihood", "qualifier", "intensifier",
    "characterisation", "negation" ...; see ``Marker.kind``)."""
    old: str
    """As written in the old clause; "" where it had none."""
    new: str
    """As written in the new clause; "" where it has none."""
    direction: Shift
    """STRONGER, WEAKER or SAME: what this marker alone says."""


SURE = 0.85
"""Confidence (0.0-1.0) from which a pairing is shown as sure. 0.85 rather than 0.8 since
December 2026: on the development alignment labels and the second development set, pairings at
0.80-0.85 linked sentences the labels do not link 6 times in 38 (16%), those at 0.85 or more
about once in 70 (``benchmarks/align_quality.py``); a pairing below it is "likely", listed for
checking by hand."""
SURE_UNPAIRED = 0.83
"""Confidence from which a clause left unpaired is shown as surely added or dropped. On the
development alignment labels, 28 of the 265 unpaired clauses at 0.8 or more had a counterpart
after all (11%), 11 of 176 at 0.83 (6%), 7 of 119 at 0.85; 0.83 is where the wrong ones stop
falling faster than the right ones (``benchmarks/align_quality.py``)."""
WEAK = 0.5
"""Confidence below which a pairing is shown as weak; between WEAK and SURE it is "likely"."""
CLAIM = 0.9
"""Confidence from which a pairing carries a stance direction (hardened, softened, mixed); on a
pairing below it the markers that moved are still listed, and the shift is unclear. Higher than
SURE because a direction is the claim an analyst is likeliest to quote: on the development sets
(stance pairs, series threads and the claims audit) the directions claimed on pairings sure at
0.80-0.90 were right 4 times out of 7, those at 0.90 or more 19 times out of 21."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Clauses of the old and the new document that align, with how they changed."""

    status: Status
    old: tuple[Clause, ...]
    new: tuple[Clause, ...]
    score: float | None = None
    """Similarity 0-100 of the normalised texts (rapidfuzz's scale); None for added/removed."""
    words: tuple[WordOp, ...] = ()
    shift: Shift | None = None
    shift_reason: str | None = None
    routine: bool = False
    """True when the change is there by construction (a session number, a meeting date)."""
    confidence: float | None = None
    """How sure the aligner is (0.0-1.0) that these clauses correspond, or, for an added or
    removed clause, that it has no counterpart; None when the pair was built by hand."""
    matched_by: str | None = None
    """How the pair was found: "equal", "words" (fuzzy string similarity), "group" (a split,
    merge or condensation), "meaning" (the semantic pass), "place" (the one clause left on each
    side between two in-order pairs) or "corrected" (pinned by an analyst); None for added and
    removed."""
    shift_evidence: tuple[Evidence, ...] = ()
    """The stance markers that differ between the two sides, each with its own direction."""
    corrected: tuple[str, ...] = ()
    """What an analyst's corrections changed here: "pinned" (these clauses pair because the
    analyst said so), "broken" (left without a counterpart by the analyst's break), "stance"
    (the shift is the analyst's reading); () when nothing."""

    @property
    def has_changes(self) -> bool:
        """Whether this pair shows any difference at all."""
        return self.status is not Status.UNCHANGED

    @property
    def certainty(self) -> str:
        """"sure", "likely" or "weak", from ``confidence`` (see SURE, SURE_UNPAIRED and WEAK);
        "sure" when the pair carries no confidence (built by hand).

        >>> Pair(Status.REWORDED, (), (), confidence=0.42).certainty
        'weak'
        >>> Pair(Status.REWORDED, (), (), confidence=0.84).certainty, Pair(Status.REMOVED, (), (), confidence=0.84).certainty
        ('likely', 'sure')
        """
        floor = SURE_UNPAIRED if self.status in (Status.ADDED, Status.REMOVED) else SURE
        if self.confidence is None or self.confidence >= floor:
            return "sure"
        return "likely" if self.confidence >= WEAK else "weak"

    @property
    def claims_direction(self) -> bool:
        """Whether the pairing is confident enough to carry a stance direction (``CLAIM``); always
        where the pair carries no confidence (built by hand).

        >>> Pair(Status.REWORDED, (), (), confidence=0.85).claims_direction, Pair(Status.REWORDED, (), ()).claims_direction
        (False, True)
        """
        return self.confidence is None or self.confidence >= CLAIM


@dataclass(frozen=True, slots=True)
class StaleCorrection:
    """A correction of an analyst's corrections file that names a clause these versions lack."""

    path: str
    """The corrections file."""
    number: int
    """Its place in the file, from 1."""
    reason: str
    """Why it no longer applies ("correction 2 (break) no longer applies: ...")."""

    @property
    def line(self) -> str:
        """The warning the commands print.

        >>> StaleCorrection("a.toml", 1, "correction 1 (pin) no longer applies").line
        "'a.toml': correction 1 (pin) no longer applies"
        """
        return f"'{self.path}': {self.reason}"


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two documents and the aligned pairs of their clauses, in the new document's order."""

    old: Document
    new: Document
    pairs: tuple[Pair, ...]
    options: tuple[tuple[str, object], ...] = field(default=())
    """The settings the alignment ran with (threshold, ...), for reproducibility."""
    stale: tuple[StaleCorrection, ...] = ()
    """The analyst's corrections that no longer apply to these versions."""
    warnings: tuple[str, ...] = ()
    """What the user should know about the comparison itself, each one line: by default, one
    per stale correction."""

    def __post_init__(self) -> None:
        if self.stale and not self.warnings:
            object.__setattr__(self, "warnings", tuple(stale.line for stale in self.stale))

    @property
    def summary(self) -> dict[str, int]:
        """Count of pairs per status, every status present (zero where none)."""
        counts = {status.value: 0 for status in Status}
        for pair in self.pairs:
            counts[pair.status.value] += 1
        return counts

    @property
    def has_changes(self) -> bool:
        """Whether any pair differs."""
        return any(pair.has_changes for pair in self.pairs)
