"""The README's sample output is real: every line of it is in what the command prints today."""

from __future__ import annotations

import re

import pytest

from compare.cli import main
from tests.conftest import ROOT


def test_the_readme_excerpt_of_the_example_is_what_diff_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    excerpt = re.search(r"`jointdiff diff --example --only-changes`.*?```text\n(.*?)```", readme, re.DOTALL)
    assert excerpt, "the README lost its sample output"
    monkeypatch.chdir(ROOT)
    main(["diff", "--example", "--only-changes", "--no-color"])
    printed = capsys.readouterr().out.splitlines()
    missing = [line for line in excerpt.group(1).splitlines() if line and line not in printed]
    assert missing == [], "README lines the command no longer prints"
