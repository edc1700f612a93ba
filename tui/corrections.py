"""Corrections made in the review app: what each key builds, and how it joins the file.

Between the review screen and ``compare.corrections``, which owns the file's format. ``correction``
builds a ``Correction`` from the clauses the analyst chose (named by their text, as the file
names them); ``amended`` adds it to what the file holds, dropping what it supersedes (a break
undoes a pin of the same clauses and the other way round; a new stance reading replaces the old
one); ``save_correction`` writes the file, refusing one that is not a corrections file;
``where_to_save`` says which file, or why there is none; ``anchor_of`` and ``pair_holding`` keep
the selection on the same clauses when the comparison is run again with the correction.
Nothing here knows about Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from compare.corrections import Correction, Corrections, load_corrections, save_corrections
from compare.errors import UsageError
from compare.model import Clause, Document, Pair
from compare.options import Settings

__all__ = ["Anchor", "amended", "anchor_of", "correction", "pair_holding", "save_correction", "where_to_save"]

Anchor = tuple[frozenset[int], frozenset[int]]
"""Indices of old and new clauses: what the selection was on, across a new comparison."""

_SUPERSEDES = {"pin": {"pin", "break"}, "break": {"pin", "break"}, "stance": {"stance"}}
"""Corrections of the same clauses that a new one of each action replaces."""


def correction(
    action: str, old: Sequence[Clause], new: Sequence[Clause], shift: str | None = None
) -> Correction:
    """A correction naming these clauses by their text, runs of white space as one.

    >>> old = Clause("old", 0, 1, 1, 0, 9, "We  note.")
    >>> correction("stance", [old], [old], "stronger")
    Correction(action='stance', old=('We note.',), new=('We note.',), shift='stronger', note='')
    """
    return Correction(action, _texts(old), _texts(new), shift)


def amended(items: Sequence[Correction], item: Correction) -> tuple[Correction, ...]:
    """The corrections with ``item`` last, and without those of the same clauses it supersedes.

    >>> pin = Correction("pin", ("a",), ("b",))
    >>> amended((pin, Correction("pin", ("c",), ("d",))), Correction("break", ("a",), ("b",)))
    (Correction(action='pin', old=('c',), new=('d',), shift=None, note=''), Correction(action='break', old=('a',), new=('b',), shift=None, note=''))
    """
    kept = tuple(
        held for held in items if not (held.action in _SUPERSEDES[item.action] and held.clauses == item.clauses)
    )
    return (*kept, item)


def where_to_save(settings: Settings, new: Document) -> tuple[str | None, str]:
    """The corrections file the review writes, or None and why there is none.

    >>> where_to_save(Settings(), Document("-", ""))[1]
    'the new text came from standard input, so there is no file beside it to keep corrections in: start the review with --corrections FILE to keep them'
    """
    if not settings.use_corrections:
        return None, "corrections are off (--no-corrections)"
    path = settings.corrections_path(new)
    if path is None:
        return None, (
            "the new text came from standard input, so there is no file beside it to keep "
            "corrections in: start the review with --corrections FILE to keep them"
        )
    return path, ""


def save_correction(path: str, item: Correction) -> None:
    """Add the correction to the corrections file at ``path``, creating it if need be.

    Raises:
        UsageError: ``path`` is something other than a corrections file (a folder, another
            TOML file, any text): it is left as it is.
    """
    target = Path(path)
    if target.exists() and not target.is_file():
        raise UsageError(f"cannot keep corrections in '{path}': not a file")
    try:
        current = load_corrections(target) if target.exists() else Corrections(path)
    except UsageError as err:
        raise UsageError(f"'{path}' is not a corrections file, so it was left alone ({err})") from err
    save_corrections(Corrections(path, amended(current.items, item)))


def anchor_of(old: Sequence[Clause], new: Sequence[Clause]) -> Anchor:
    """Old and new clauses by index: what to select again in a new comparison."""
    return frozenset(c.index for c in old), frozenset(c.index for c in new)


def pair_holding(pairs: Sequence[Pair], anchor: Anchor | None) -> Pair | None:
    """The pair holding most of the anchor's clauses, its new clauses counting first; None when
    no pair holds any."""
    if anchor is None:
        return None
    old, new = anchor
    best, best_score = None, (0, 0)
    for pair in pairs:
        score = (
            len(new & {c.index for c in pair.new}),
            len(old & {c.index for c in pair.old}),
        )
        if score > best_score:
            best, best_score = pair, score
    return best


def _texts(clauses: Sequence[Clause]) -> tuple[str, ...]:
    return tuple(" ".join(clause.text.split()) for clause in clauses)

