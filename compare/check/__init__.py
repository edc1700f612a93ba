"""Checking a corpus unattended: the cases and rules of a ``jointdiff.toml`` manifest, for CI.

A corpus is a folder holding statements and a manifest. Each ``[[case]]`` names an old and a new
statement and, optionally, golden files: the JSON of ``jointdiff diff --format json`` and the
Markdown report of ``jointdiff report``, both as run from the corpus folder. Each ``[[rule]]``
selects clauses (by target or topic, kind, text pattern) and either forbids statuses and shifts
for them or requires that the new text still says something. This package loads and validates
the manifest (``load_manifest``), runs every case through the pipeline, in worker processes when
there are many (``run_check``), and returns the outcomes; ``compare.check_command`` prints them
and ``compare.junit`` writes them for CI systems. Nothing in a manifest is ever executed: it is
data, its paths must stay inside the corpus folder, golden files may be neither inputs (by name
or by hard link) nor hidden files, and its patterns are refused when matching them could take
long and stopped when they do (see ``compile_pattern``).

What lives where (every public name is also importable from ``compare.check``):

- ``manifest``: ``Case``, ``Rule``, ``Manifest`` and ``load_manifest``, which validates every
  entry and path and names the manifest line of each problem;
- ``patterns``: rules' text patterns, compiled only when matching them stays cheap
  (``compile_pattern``), and searched within a time budget (``search``, ``PatternTooSlow``);
- ``runner``: ``run_check`` (cases in this process or in workers), ``read_case`` (the only
  reading a check does), ``evaluate_case`` (pure) and writing golden files;
- ``rules``: what each rule finds in one comparison, and its outcome over all its cases;
- ``results``: the values a check returns (``CheckResult``, ``Outcome``, ``Failure`` ...);
- ``golden``: compact differences between a golden file and this run's output.
"""

from __future__ import annotations

from compare.check.golden import MAX_DETAIL_LINES, golden_json_diff, golden_text_diff
from compare.check.manifest import MANIFEST_NAME, MAX_MANIFEST_BYTES, Case, Manifest, Rule, load_manifest
from compare.check.patterns import MAX_PATTERN_LENGTH, RULE_SECONDS, PatternTooSlow, compile_pattern, search
from compare.check.results import CaseInputs, CaseRun, CheckResult, Failure, Finding, Outcome
from compare.check.runner import PARALLEL_FROM, evaluate_case, read_case, run_check

__all__ = [
    "MANIFEST_NAME",
    "MAX_DETAIL_LINES",
    "MAX_MANIFEST_BYTES",
    "MAX_PATTERN_LENGTH",
    "PARALLEL_FROM",
    "RULE_SECONDS",
    "Case",
    "CaseInputs",
    "CaseRun",
    "CheckResult",
    "Failure",
    "Finding",
    "Manifest",
    "Outcome",
    "PatternTooSlow",
    "Rule",
    "compile_pattern",
    "evaluate_case",
    "golden_json_diff",
    "golden_text_diff",
    "load_manifest",
    "read_case",
    "run_check",
    "search",
]

