"""CSV: one row per aligned pair, from ``compare.frames.pair_frame``, safe to open in a spreadsheet.

The columns are ``compare.frames.PAIR_COLUMNS``, documented in the README (Tables). pandas is
imported only when this format is chosen.
"""

from __future__ import annotations

from compare.model import Comparison, Status

__all__ = ["render"]


def render(comparison: Comparison, *, color: bool = False, only_changes: bool = False) -> str:
    """The pairs as CSV (``color`` is ignored; ``only_changes`` leaves unchanged pairs out)."""
    del color
    from compare.frames import pair_frame, to_csv

    frame = pair_frame(comparison)
    if only_changes:
        frame = frame[frame["status"] != Status.UNCHANGED.value]
    return to_csv(frame)
