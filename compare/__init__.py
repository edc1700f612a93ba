"""jointdiff: compare successive diplomatic statements clause by clause.

The pipeline is read -> segment -> classify -> align -> render. Public names are resolved
lazily (module ``__getattr__``) so that importing ``compare`` costs nothing until a name is
used: the command line and ``jointdiff check`` stay fast.

``read``, ``segment`` and ``align`` are stages with a module of their own: each name is always
that module, and calling the module calls its function (``compare.callable_module``), so
``compare.read(path)`` works whatever was imported before.

>>> import compare
>>> compare.compare_documents.__name__
'compare_documents'
>>> import compare.read
>>> compare.read is compare.__getattr__("read"), callable(compare.read)
(True, True)
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


_CALLABLE_MODULES = frozenset({"align", "read", "segment"})
"""Public names that are also submodules of the same name: the callable module is the answer."""


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'compare' has no attribute {name!r}")
    module = import_module(_WHERE[name])
    return module if name in _CALLABLE_MODULES else getattr(module, name)


def __dir__() -> list[str]:
    return sorted(__all__)
