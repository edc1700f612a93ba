"""Fixtures for the check tests: ``jointdiff check`` on the command group, a small corpus to break."""

from __future__ import annotations

from pathlib import Path

import pytest

OLD = """We strongly condemn North Korea's ballistic missile launches.

We underscore the importance of peace and stability across the Taiwan Strait.

We will fund the new port in Manila.

We welcome the ASEAN summit.
"""
"""Old statement: a condemnation, Taiwan Strait language, a commitment, a welcome."""

NEW = """We express concern about North Korea's ballistic missile launches.

We welcome the ASEAN summit.

We call on China to respect freedom of navigation in the South China Sea.
"""
"""New statement: the condemnation weakened, the Strait and the port dropped, a call added."""

CASE = """[[case]]
name = "talks"
old = "talks/old.txt"
new = "talks/new.txt"
"""
"""A manifest's one case over the small corpus, with no golden file."""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus folder holding talks/old.txt and talks/new.txt, and no manifest yet."""
    folder = tmp_path / "corpus"
    (folder / "talks").mkdir(parents=True)
    (folder / "talks" / "old.txt").write_text(OLD, encoding="utf-8")
    (folder / "talks" / "new.txt").write_text(NEW, encoding="utf-8")
    return folder


def write_manifest(folder: Path, text: str) -> Path:
    """Write ``text`` as the folder's jointdiff.toml and return the folder."""
    (folder / "jointdiff.toml").write_text(text, encoding="utf-8")
    return folder
