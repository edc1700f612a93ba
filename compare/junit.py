"""JUnit XML of a ``jointdiff check`` run, the test-report format CI systems read.

The last step of ``jointdiff check --junit FILE``: one ``<testsuite>`` per manifest, one
``<testcase>`` per case (classname ``jointdiff.case``) and per rule (``jointdiff.rule``), and at
most one ``<failure>`` in each, holding every failure of that case or rule. Only elements and
attributes of the common subset of the JUnit schemas (Jenkins' ``junit-10.xsd``, which GitLab,
GitHub test-report actions and Azure read) are written.
"""

from __future__ import annotations

import datetime
from xml.etree import ElementTree

from compare import regexcache
from compare.check import CheckResult, Outcome

__all__ = ["junit_xml"]

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = regexcache.compiled("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def junit_xml(result: CheckResult, *, timestamp: datetime.datetime | None = None) -> str:
    """The run as a JUnit XML document (UTF-8 declaration, final newline).

    Args:
        timestamp: when the run started; now (local time) when None.
    """
    when = (timestamp or datetime.datetime.now()).replace(microsecond=0, tzinfo=None)
    failed = sum(1 for outcome in result.outcomes if not outcome.passed)
    counts = {"tests": str(len(result.outcomes)), "failures": str(failed), "errors": "0"}
    seconds = _seconds(result.seconds)
    suites = ElementTree.Element("testsuites", {"name": "jointdiff check", **counts, "time": seconds})
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        {
            "name": _text(result.manifest.path.as_posix()),
            **counts,
            "skipped": "0",
            "time": seconds,
            "timestamp": when.isoformat(),
        },
    )
    for outcome in result.outcomes:
        suite.append(_testcase(outcome))
    ElementTree.indent(suites)
    body = ElementTree.tostring(suites, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _testcase(outcome: Outcome) -> ElementTree.Element:
    testcase = ElementTree.Element(
        "testcase",
        {"classname": f"jointdiff.{outcome.kind}", "name": _text(outcome.name), "time": _seconds(outcome.seconds)},
    )
    if outcome.failures:
        first = outcome.failures[0].message
        more = f" (and {len(outcome.failures) - 1} more)" if len(outcome.failures) > 1 else ""
        kind = "golden" if outcome.kind == "case" else "rule"
        failure = ElementTree.SubElement(testcase, "failure", {"message": _text(first + more), "type": kind})
        lines = [
            line
            for item in outcome.failures
            for line in (f"line {item.line}: {item.message}", *(f"    {detail}" for detail in item.details))
        ]
        failure.text = _text("\n".join(lines))
    return testcase


def _seconds(value: float) -> str:
    """Seconds as JUnit writes them.

    >>> _seconds(1.23456)
    '1.235'
    """
    return f"{value:.3f}"


def _text(value: str) -> str:
    """The value with characters XML cannot hold replaced by U+FFFD.

    >>> _text("a\\x1bb")
    'a\\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", value)
