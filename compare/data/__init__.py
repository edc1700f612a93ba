"""Data files shipped inside the package (``aliases.toml``, ``spelling.toml``), and how every
module reads a shipped file.

``shipped_text("compare.lexicons", "stance.toml")`` reads a file lying beside a package's
``__init__.py``. jointdiff is installed as files on disk (a wheel, or an editable checkout), so
the file is read by its path: ``importlib.resources`` does the same, at the price of importing
it (with ``tempfile`` and ``zipfile``), 10-15 ms on every command. ``shipped_toml`` parses a
shipped TOML file through the regex cache, which keeps the parse between runs.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from compare import regexcache

__all__ = ["shipped_text", "shipped_toml"]


def shipped_text(package: str, name: str) -> str:
    """The text (UTF-8) of the file ``name`` shipped in ``package``.

    >>> shipped_text("compare.data", "spelling.toml").startswith("#")
    True
    """
    module = importlib.import_module(package)
    return (Path(module.__file__).parent / name).read_text("utf-8")


def shipped_toml(package: str, name: str) -> dict[str, Any]:
    """The TOML file ``name`` shipped in ``package``, parsed (``regexcache.toml``).

    >>> "words" in shipped_toml("compare.data", "spelling.toml")
    True
    """
    return regexcache.toml(shipped_text(package, name))
