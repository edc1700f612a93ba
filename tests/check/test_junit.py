"""JUnit XML as CI systems read it: checked against the common subset of the JUnit schemas.

The subset is Jenkins' ``junit-10.xsd`` (the schema GitLab, GitHub test-report actions and Azure
follow), written out below as data: which elements may nest, which attributes each must and may
have, and the types of the numeric and date attributes.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from compare.check import (
    CheckResult,
    Failure,
    Manifest,
    Outcome,
    load_manifest,
    run_check,
)
from compare.junit import junit_xml
from tests.check.conftest import CASE, write_manifest

_INTEGER = re.compile(r"\d+")
_DECIMAL = re.compile(r"\d+(\.\d+)?")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")

SCHEMA: dict[str, dict[str, object]] = {
    "testsuites": {
        "required": set(),
        "optional": {"name": None, "time": _DECIMAL, "tests": _INTEGER, "failures": _INTEGER, "disabled": _INTEGER, "errors": _INTEGER},
        "children": {"testsuite"},
    },
    "testsuite": {
        "required": {"name", "tests"},
        "optional": {
            "name": None, "tests": _INTEGER, "disabled": _INTEGER, "errors": _INTEGER, "failures": _INTEGER,
            "hostname": None, "id": None, "package": None, "skipped": _INTEGER, "time": _DECIMAL, "timestamp": _DATETIME,
        },
        "children": {"properties", "testcase", "system-out", "system-err"},
    },
    "testcase": {
        "required": {"name"},
        "optional": {"name": None, "assertions": None, "time": _DECIMAL, "classname": None, "status": None},
        "children": {"skipped", "error", "failure", "system-out", "system-err"},
    },
    "failure": {"required": set(), "optional": {"message": None, "type": None}, "children": set()},
}


def validate(document: str) -> ElementTree.Element:
    """Parse the document and check it against SCHEMA, counts included; return the root."""
    assert document.startswith('<?xml version="1.0" encoding="UTF-8"?>\n') and document.endswith("\n")
    root = ElementTree.fromstring(document.encode("utf-8"))
    assert root.tag == "testsuites"

    def walk(element: ElementTree.Element) -> None:
        rules = SCHEMA[element.tag]
        assert rules["required"] <= set(element.attrib), f"{element.tag} lacks {rules['required'] - set(element.attrib)}"
        for name, value in element.attrib.items():
            assert name in rules["optional"], f"{element.tag} has attribute {name!r} outside the schema"
            pattern = rules["optional"][name]
            assert pattern is None or pattern.fullmatch(value), f"{element.tag}/@{name} = {value!r}"
        for child in element:
            assert child.tag in rules["children"], f"{child.tag} inside {element.tag}"
            walk(child)

    walk(root)
    for suite in root.iter("testsuite"):
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for case in cases if case.find("failure") is not None)
        assert all(len(case.findall("failure")) <= 1 for case in cases)  # Ant's schema allows one
    return root


def test_a_run_with_failures_is_valid_junit(corpus: Path) -> None:
    rules = '\n[[rule]]\nname = "strait <&> \\"quoted\\""\ntarget = "Taiwan Strait"\nforbid = "removed"\n'
    rules += '\n[[rule]]\nname = "asean"\nrequire = "ASEAN"\n'
    result = run_check(load_manifest(write_manifest(corpus, CASE + rules)))
    root = validate(junit_xml(result))
    suite = root.find("testsuite")
    assert (root.get("tests"), root.get("failures")) == ("3", "1")
    assert [(case.get("classname"), case.get("name")) for case in suite] == [
        ("jointdiff.case", "talks"),
        ("jointdiff.rule", 'strait <&> "quoted"'),
        ("jointdiff.rule", "asean"),
    ]
    failure = suite[1].find("failure")
    assert failure.get("type") == "rule"
    assert failure.get("message") == "in case 'talks': 1 of 1 selected pairs are removed"
    assert failure.text.startswith("line 6: in case 'talks'") and '\n    removed: old:2 "We underscore' in failure.text


def test_several_failures_make_one_failure_element() -> None:
    failures = (Failure("first", 3, ("a", "b")), Failure("second", 4))
    manifest = Manifest(Path("c/jointdiff.toml"), Path("/c"), ())
    result = CheckResult(manifest, (Outcome("case", "c", 1, failures, 0.5),), ())
    when = datetime.datetime(2025, 4, 9, 12, 30, 5, 123)
    root = validate(junit_xml(result, timestamp=when))
    assert root.find("testsuite").get("timestamp") == "2025-04-09T12:30:05"
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == "first (and 1 more)"
    assert failure.text == "line 3: first\n    a\n    b\nline 4: second"


@pytest.mark.parametrize("text", ["esc \x1b[31m", "nul \x00", "lone \ud800 surrogate"])
def test_characters_xml_cannot_hold_are_replaced(text: str) -> None:
    manifest = Manifest(Path("jointdiff.toml"), Path("/c"), ())
    result = CheckResult(manifest, (Outcome("case", "c", 1, (Failure(text, 1, (text,)),)),), ())
    failure = validate(junit_xml(result)).find("testsuite/testcase/failure")
    assert "\ufffd" in failure.get("message") and "\ufffd" in failure.text
