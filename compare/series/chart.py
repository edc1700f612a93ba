"""Charts of a series per target: how many concerns and commitments name it in each version,
and how strongly the strongest of them is put.

``target_charts`` gathers the figures (pure, no plotting); ``chart_svg`` draws one chart as a
static SVG with matplotlib's SVG backend, for the HTML report (inline) and the Markdown report
(a file beside it). matplotlib is imported inside ``chart_svg`` only, so no other command pays
for it (about 0.2 s, measured in the README). The SVG is deterministic (fixed id salt, no
date) and self-contained: text is drawn as SVG text in a generic font family, nothing is
linked, and the XML prologue with its DTD address is left out so the SVG can sit inside HTML.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from compare import regexcache
from compare.model import Clause, Kind
from compare.safe import plain
from compare.series.model import Series, Thread

__all__ = ["MAX_CHARTS", "TargetChart", "chart_svg", "target_charts"]

MAX_CHARTS = 6
"""Charts drawn when no target is asked for: the targets most named by concerns and commitments."""
_CHARTED = (Kind.CONCERN, Kind.COMMITMENT)


@dataclass(frozen=True, slots=True)
class TargetChart:
    """The figures of one target's chart, a value per version."""

    target: str
    versions: tuple[str, ...]
    """Column labels: each version's date, or its file name."""
    concerns: tuple[int, ...]
    commitments: tuple[int, ...]
    concern_intensity: tuple[int, ...]
    """The highest rung of a concern naming the target (0 where none does)."""
    commitment_intensity: tuple[int, ...]


def target_charts(
    series: Series, threads: Sequence[Thread], targets: Sequence[str] = (), limit: int = MAX_CHARTS
) -> tuple[TargetChart, ...]:
    """A chart per target, over the clauses of the shown threads.

    Args:
        targets: the targets to chart (as asked with ``--target``); when empty, the ``limit``
            targets most often named by a concern or commitment.
    """
    per_version: list[dict[int, Clause]] = [{} for _ in series.versions]
    for thread in threads:
        for step in thread.steps:
            for clause in step.clauses:
                per_version[step.version][clause.index] = clause
    named: Counter[str] = Counter()
    canonical: dict[str, str] = {}
    for clauses in per_version:
        for clause in clauses.values():
            if clause.label and clause.label.kind in _CHARTED:
                for name in clause.label.targets:
                    named[name] += 1
                    canonical.setdefault(name.casefold(), name)
    if targets:
        chosen = [canonical.get(target.casefold(), target) for target in dict.fromkeys(targets)]
    else:
        chosen = [name for name, _ in sorted(named.items(), key=lambda item: (-item[1], item[0]))[:limit]]
    labels = tuple(version.label for version in series.versions)
    charts = []
    for target in chosen:
        figures: dict[Kind, tuple[list[int], list[int]]] = {kind: ([], []) for kind in _CHARTED}
        for clauses in per_version:
            for kind in _CHARTED:
                about = [
                    c.label.intensity
                    for c in clauses.values()
                    if c.label and c.label.kind is kind and target.casefold() in {t.casefold() for t in c.label.targets}
                ]
                figures[kind][0].append(len(about))
                figures[kind][1].append(max(about, default=0))
        charts.append(
            TargetChart(
                target,
                labels,
                tuple(figures[Kind.CONCERN][0]),
                tuple(figures[Kind.COMMITMENT][0]),
                tuple(figures[Kind.CONCERN][1]),
                tuple(figures[Kind.COMMITMENT][1]),
            )
        )
    return tuple(charts)


_PROLOGUE = regexcache.compiled(r"\A.*?(?=<svg\b)", re.DOTALL)


def _literal(text: str) -> str:
    """Text matplotlib shows as written: no mathtext (``$...$``), controls made visible.

    >>> _literal("cost $5 and $6")
    'cost \\\\$5 and \\\\$6'
    """
    return plain(text).replace("$", r"\$")


_ID = regexcache.compiled(r'(\bid="|url\(#|href="#)')


def chart_svg(chart: TargetChart, *, prefix: str = "chart") -> str:
    """One target's chart as an SVG element: bars for the concerns and commitments naming it
    in each version, and on a second axis a line for the highest intensity of each.

    Args:
        prefix: put before every id of the SVG, so that several charts in one page keep
            their own ("chart-2").
    """
    import matplotlib
    from matplotlib.figure import Figure

    settings = {
        "svg.hashsalt": "jointdiff",
        "svg.fonttype": "none",
        "font.family": "sans-serif",
        "font.size": 9,
        "axes.spines.top": False,
    }
    with matplotlib.rc_context(settings):
        figure = Figure(figsize=(7.2, 2.9), layout="constrained")
        bars = figure.add_subplot()
        count = len(chart.versions)
        positions = list(range(count))
        width = 0.38
        bars.bar([x - width / 2 for x in positions], chart.concerns, width, label="concerns", color="#b35900")
        bars.bar([x + width / 2 for x in positions], chart.commitments, width, label="commitments", color="#0550ae")
        bars.set_ylabel("clauses")
        bars.yaxis.get_major_locator().set_params(integer=True)
        bars.set_xticks(positions, [_literal(label) for label in chart.versions], rotation=30 if count > 5 else 0,
                        ha="right" if count > 5 else "center")
        if count > 24:
            for index, tick in enumerate(bars.get_xticklabels()):
                tick.set_visible(index % max(count // 12, 1) == 0)
        rungs = bars.twinx()
        rungs.plot(positions, chart.concern_intensity, marker="o", linestyle="--", color="#7a3d00",
                   label="highest concern intensity")
        rungs.plot(positions, chart.commitment_intensity, marker="s", linestyle=":", color="#032f6b",
                   label="highest commitment intensity")
        rungs.set_ylim(0, max(7, *chart.concern_intensity, *chart.commitment_intensity) + 0.5)
        rungs.set_ylabel("intensity (rung)")
        rungs.spines["top"].set_visible(False)
        bars.set_title(_literal(chart.target), loc="left", fontweight="bold")
        handles = bars.get_legend_handles_labels()[0] + rungs.get_legend_handles_labels()[0]
        figure.legend(handles=handles, loc="outside lower center", ncols=4, frameon=False, fontsize=8)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = _PROLOGUE.sub("", buffer.getvalue())
    return _ID.sub(lambda match: f"{match.group(1)}{prefix}-", svg)
