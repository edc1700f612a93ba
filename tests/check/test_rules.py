"""Rules: forbid statuses and shifts of selected clauses, or require that the new text says something."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.check import load_manifest, run_check
from tests.check.conftest import CASE, write_manifest


def _failures(corpus: Path, rules: str) -> list[tuple[str, ...]]:
    """The messages and details of every failing rule, in manifest order."""
    result = run_check(load_manifest(write_manifest(corpus, CASE + rules)))
    assert all(outcome.passed for outcome in result.cases)
    return [
        (outcome.name, *(line for failure in outcome.failures for line in (failure.message, *failure.details)))
        for outcome in result.rules
        if not outcome.passed
    ]


def test_forbid_by_target_also_matches_topics(corpus: Path) -> None:
    rules = '\n[[rule]]\nname = "strait"\ntarget = "taiwan strait"\nforbid = ["removed", "weaker"]\n'
    ((name, message, detail),) = _failures(corpus, rules)
    assert name == "strait"
    assert message == "in case 'talks': 1 of 1 selected pairs are removed or weaker"
    assert detail.startswith('removed: old:2 "We underscore the importance of peace and stability')


def test_forbid_a_shift(corpus: Path) -> None:
    rules = '\n[[rule]]\nname = "nk"\ntarget = "North Korea"\nforbid = "weaker"\n'
    ((_, message, detail),) = _failures(corpus, rules)
    assert "1 of 1 selected pairs are weaker" in message
    assert detail.startswith('weaker: old:1 → new:1 "We express concern about North Korea')


def test_forbid_by_kind(corpus: Path) -> None:
    rules = '\n[[rule]]\nname = "promises"\nkind = "commitment"\nforbid = "removed"\n'
    ((_, _, detail),) = _failures(corpus, rules)
    assert 'old:3 "We will fund the new port in Manila."' in detail


def test_forbid_by_text_pattern_is_case_insensitive(corpus: Path) -> None:
    rules = '\n[[rule]]\nname = "port"\ntext = "NEW PORT"\nforbid = "removed"\n'
    assert [name for name, *_ in _failures(corpus, rules)] == ["port"]


def test_selectors_combine_with_and(corpus: Path) -> None:
    passing = '\n[[rule]]\nname = "welcome"\ntarget = "ASEAN"\nkind = "welcome"\nforbid = ["removed", "reworded"]\n'
    assert _failures(corpus, passing) == []
    nothing = '\n[[rule]]\nname = "none"\ntarget = "ASEAN"\nkind = "commitment"\nforbid = "removed"\n'
    ((_, message),) = _failures(corpus, nothing)
    assert message.startswith("selects no clause in any of its cases")


def test_forbid_without_selectors_looks_at_every_pair(corpus: Path) -> None:
    ((_, message, *details),) = _failures(corpus, '\n[[rule]]\nname = "nothing new"\nforbid = "added"\n')
    assert message == "in case 'talks': 1 of 5 selected pairs are added"
    assert details == ['added: new:3 "We call on China to respect freedom of navigation in the South China …"']


def test_a_rule_that_holds_passes(corpus: Path) -> None:
    rules = '\n[[rule]]\nname = "china"\ntarget = "China"\nforbid = ["removed", "weaker"]\n'
    assert _failures(corpus, rules) == []


def test_require_passes_when_a_new_clause_matches(corpus: Path) -> None:
    assert _failures(corpus, '\n[[rule]]\nname = "asean"\nrequire = "welcome the asean"\n') == []


def test_require_fails_when_no_new_clause_matches(corpus: Path) -> None:
    ((_, message),) = _failures(corpus, '\n[[rule]]\nname = "condemn"\nrequire = "condemn.*missile"\n')
    assert message == "in case 'talks': no clause of the new text matches /condemn.*missile/"


def test_require_looks_at_the_new_text_only(corpus: Path) -> None:
    ((_, message),) = _failures(corpus, '\n[[rule]]\nname = "strait"\nrequire = "taiwan strait"\n')
    assert "no clause of the new text matches" in message


def test_require_with_selectors_looks_only_at_selected_clauses(corpus: Path) -> None:
    rules = '\n[[rule]]\nname = "call"\nkind = "call"\nrequire = "freedom of navigation"\n'
    assert _failures(corpus, rules) == []
    rules = '\n[[rule]]\nname = "welcome"\nkind = "welcome"\nrequire = "freedom of navigation"\n'
    ((_, message),) = _failures(corpus, rules)
    assert message.endswith("among the 1 it selects")


def test_a_rule_checks_only_its_cases(corpus: Path) -> None:
    second = '\n[[case]]\nname = "same"\nold = "talks/new.txt"\nnew = "talks/new.txt"\n'
    rules = '\n[[rule]]\nname = "nothing new"\ncases = "same"\nforbid = "added"\n'
    assert _failures(corpus, second + rules) == []
    rules = rules.replace('cases = "same"', 'cases = ["same", "talks"]')
    ((_, message, _),) = _failures(corpus, second + rules)
    assert message.startswith("in case 'talks':")


def test_rule_failures_are_capped_at_one_screen(corpus: Path) -> None:
    many = "\n\n".join(f"We will fund project number {n} in full." for n in range(40))
    (corpus / "talks" / "old.txt").write_text(many + "\n", encoding="utf-8")
    ((_, _, *details),) = _failures(corpus, '\n[[rule]]\nname = "kept"\nkind = "commitment"\nforbid = "removed"\n')
    assert len(details) == 20 and details[-1] == "… and 21 more"


@pytest.mark.parametrize("forbidden", ["unchanged", "reworded", "moved", "split", "merged", "added", "removed", "stronger", "weaker", "same"])
def test_every_status_and_shift_can_be_forbidden(corpus: Path, forbidden: str) -> None:
    write_manifest(corpus, CASE + f'\n[[rule]]\nname = "r"\nforbid = "{forbidden}"\n')
    assert load_manifest(corpus).rules[0].forbid == (forbidden,)
