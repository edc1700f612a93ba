"""Fixtures for the report tests: the ``report`` command on the ``jointdiff`` group, hostile inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

HOSTILE_OLD = """Joint Statement on | pipes | and *stars*

We note the <script>alert(1)</script> | problem | with _underscores_ and *stars*.

We welcome [x](javascript:alert(1)) and &amp; and &lt;b&gt;bold&lt;/b&gt; in `code`.

We will fund the | --- | table
# not a heading
1. not a list
> not a quote
and <img src=x onerror=alert(1)> here.

We condemn the ESC \x1b[31m red and \u202e reversed text.
"""

HOSTILE_NEW = """Joint Statement on | pipes | and *stars*

We strongly condemn the <script>alert(1)</script> | problem | with _underscores_ and *stars*.

We will fund the | --- | table
# not a heading
1. not a list
> not a quote
and <img src=x onerror=alert(1)> here and ![i](http://example.com/t.png) there.

We call for `rm -rf /` and [y](javascript:alert(2)) at once.

We condemn the ESC \x1b[31m red and \u202e reversed text.
"""

HOSTILE_FRONT_MATTER = """---
title: "<script>alert(3)</script> | *Hostile* _title_ [t](javascript:alert(3))"
date: '2024-01-02'
source_url: "javascript:alert(4)"
---

"""

HOSTILE_TEXT = (
    "<script>alert(1)</script>",
    "| problem |",
    "_underscores_",
    "*stars*",
    "[x](javascript:alert(1))",
    "&amp; and &lt;b&gt;bold&lt;/b&gt;",
    "`code`",
    "`rm -rf /`",
    "[y](javascript:alert(2))",
    "<img src=x onerror=alert(1)>",
    "![i](http://example.com/t.png)",
    "# not a heading",
    "1. not a list",
    "> not a quote",
)
"""Pieces of the hostile documents that every report must show as they are."""


@pytest.fixture
def hostile_pair(tmp_path: Path) -> tuple[str, str]:
    """Two plain-text statements full of Markdown, HTML and control characters, in odd file names."""
    folder = tmp_path / "a | *b* <i>"
    folder.mkdir()
    old, new = folder / "old `x`.txt", folder / "new_[y].txt"
    old.write_text(HOSTILE_OLD, encoding="utf-8")
    new.write_text(HOSTILE_NEW, encoding="utf-8")
    return str(old), str(new)


@pytest.fixture
def hostile_markdown_pair(tmp_path: Path) -> tuple[str, str]:
    """The hostile statements as Markdown files whose front matter is hostile too."""
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(HOSTILE_FRONT_MATTER + HOSTILE_OLD, encoding="utf-8")
    new.write_text(HOSTILE_FRONT_MATTER + HOSTILE_NEW, encoding="utf-8")
    return str(old), str(new)
