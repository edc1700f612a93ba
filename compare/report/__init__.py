"""The change report: a Comparison as a briefing an analyst can paste and read in two minutes.

Last step of the pipeline for ``jointdiff report`` (read -> segment -> classify -> align ->
report). ``sections.build_report`` decides what goes in which section (hardened, softened, new,
dropped, reworded, moved ...); ``markdown`` and ``html`` only lay that out, so the two formats
never disagree. This module imports nothing but the standard library: the renderers load when
``render_report`` is called, so ``jointdiff --help`` stays fast.

What lives where:

- ``sections``: the ``Report`` and ``build_report``, which sorts every pair into one section;
- ``budget``: the length budget, and what of each section fits it (``fitted_*``);
- ``wording``: the headings and the phrases both formats print (stances, notes, paths);
- ``names``: countries, bodies and proper names only one version uses;
- ``markdown`` and ``html``: the two layouts; ``command``: ``jointdiff report``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.filters import PairFilter
    from compare.model import Comparison

__all__ = ["REPORT_FORMATS", "render_report"]

REPORT_FORMATS: dict[str, str] = {
    "markdown": "compare.report.markdown",
    "html": "compare.report.html",
}
"""Format name -> module whose ``render(report)`` lays the report out."""


def render_report(
    comparison: Comparison,
    *,
    fmt: str = "markdown",
    title: str | None = None,
    pair_filter: PairFilter | None = None,
    labels: tuple[str | None, str | None] = (None, None),
) -> str:
    """The comparison as a change report in ``fmt`` ("markdown" or "html").

    Args:
        comparison: what ``compare_documents`` returned.
        fmt: a key of REPORT_FORMATS.
        title: the report's heading; by default it names both documents.
        pair_filter: which pairs the report covers; all of them when None.
        labels: names to show for the old and new files instead of their paths (None: the path
            as ``wording.shown_path`` shows it).

    Raises:
        UsageError: ``fmt`` is not a report format.
    """
    from compare.errors import UsageError
    from compare.report.sections import build_report

    if fmt not in REPORT_FORMATS:
        raise UsageError(f"unknown report format '{fmt}' (choose from {', '.join(REPORT_FORMATS)})")
    renderer = import_module(REPORT_FORMATS[fmt])
    return renderer.render(build_report(comparison, title=title, pair_filter=pair_filter, labels=labels))
