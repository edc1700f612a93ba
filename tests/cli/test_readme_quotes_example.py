"""The README's sample output of ``jointdiff quotes`` is real: every line of it is printed today."""

from __future__ import annotations

import re

import pytest

from compare.cli import main
from tests.conftest import ROOT


def test_the_readme_excerpt_of_the_seed_is_what_quotes_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    excerpt = re.search(
        r"`jointdiff quotes fixtures/quotes/seed/article\.txt fixtures/quotes/seed/statement\.txt`.*?```text\n(.*?)```",
        readme,
        re.DOTALL,
    )
    assert excerpt, "the README lost its sample output of jointdiff quotes"
    monkeypatch.chdir(ROOT)
    status = main(["quotes", "--no-color", "fixtures/quotes/seed/article.txt", "fixtures/quotes/seed/statement.txt"])
    assert status == 0
    printed = capsys.readouterr().out.splitlines()
    missing = [line for line in excerpt.group(1).splitlines() if line and line != "…" and line not in printed]
    assert missing == [], "README lines the command no longer prints"
