"""jointdiff: compare successive diplomatic statements clause by clause.

The pipeline is read -> segment -> classify -> align -> render. Public names are resolved
lazily (module ``__getattr__``) so that importing ``compare`` costs nothing until a name is
used: the command line and ``jointdiff check`` stay fast.

>>> import compare
>>> compare.compare_documents.__name__
'compare_documents'
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "Clause",
    "Comparison",
    "Document",
    "Pair",
    "align",
    "clause_frame",
    "compare_documents",
    "compare_series",
    "label_document",
    "pair_frame",
    "read",
    "segment",
    "series_frame",
]

_WHERE = {
    "Clause": "compare.model",
    "Comparison": "compare.model",
    "Document": "compare.model",
    "Pair": "compare.model",
    "align": "compare.align",
    "clause_frame": "compare.frames",
    "compare_documents": "compare.pipeline",
    "compare_series": "compare.series.build",
    "label_document": "compare.pipeline",
    "pair_frame": "compare.frames",
    "read": "compare.read",
    "segment": "compare.segment",
    "series_frame": "compare.series.frame",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'compare' has no attribute {name!r}")
    return getattr(import_module(_WHERE[name]), name)


def __dir__() -> list[str]:
    return sorted(__all__)
