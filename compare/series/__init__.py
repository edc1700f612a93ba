"""``jointdiff series``: a statement's versions in order, and each clause's life across them.

What lives where:

- ``model``: the shapes (``Version``, ``Step``, ``Thread``, ``Series``, ``Change``);
- ``order``: which files make a series and in which order (date, UN symbol, as given);
- ``build``: ``compare_series``, the consecutive comparisons and the threads;
- ``threads``: following clauses through the pairs, and matching dropped clauses with later ones;
- ``select``: ``ThreadFilter``, the threads a view shows (target, topic, kind, text);
- ``common``: the sign of each change, the legend and the summary line every view shares;
- ``timeline``: the terminal table; ``report``: Markdown and HTML; ``chart``: the per-target
  SVG charts (matplotlib, imported only there); ``jsonfmt``: the JSON record; ``frame``:
  ``series_frame``, threads x versions as a pandas DataFrame.

This module imports nothing: ``from compare.series.build import compare_series``.
"""
