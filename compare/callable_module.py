"""Modules that can be called: ``compare.read``, ``compare.segment`` and ``compare.align`` are each
a module and the function of the same name, with one meaning whatever was imported first.

Importing a submodule makes it an attribute of its package, so once anything has imported
``compare.read`` the name is the module, whatever the package's lazy ``__getattr__`` would give.
Rather than a name whose meaning depends on import order, these modules are callable: calling
one calls its function, so ``compare.read(path)`` and ``compare.read.read(path)`` are the same.
A module opts in at its very end with ``sys.modules[__name__].__class__ = CallableModule``.

>>> import compare.segment
>>> from compare.model import Document
>>> document = Document("d", "We agree. We act.")
>>> compare.segment(document) == compare.segment.segment(document)
True
"""

from __future__ import annotations

import types
from typing import Any

__all__ = ["CallableModule"]


class CallableModule(types.ModuleType):
    """A module whose call is a call of its function of the same name (``segment.segment``)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, self.__name__.rpartition(".")[2])(*args, **kwargs)
