"""The README's lexicon example does what the README says it does."""

from __future__ import annotations

import re
from pathlib import Path

from compare.classify import classify, load_lexicon
from compare.model import Clause, Kind
from tests.conftest import ROOT


def test_the_readme_lexicon_example_adds_a_stance_and_a_topic(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(# my-lexicon\.toml.*?)```", readme, re.DOTALL)
    assert example, "the README lost its lexicon example"
    path = tmp_path / "my-lexicon.toml"
    path.write_text(example.group(1), encoding="utf-8")
    text = "The Council expressed its dismay at the militarisation of the High North."
    clause = Clause("old", 0, 1, 1, 0, len(text), text)
    shipped = classify(clause, lexicon=load_lexicon()).label
    extended = classify(clause, lexicon=load_lexicon([path])).label
    assert shipped is not None and shipped.kind is Kind.OTHER
    assert extended is not None and (extended.kind, extended.intensity) == (Kind.CONCERN, 3)
    assert "Arctic" in extended.topics
