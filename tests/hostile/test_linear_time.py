"""Defect 2: quadratic parsing made small files hang; every pattern touching document text is
now linear.

Each input is generated at a size where the quadratic code took minutes (its time grew with the
square of the size: 0.5 s at 80 KB became 2 minutes at 1.2 MB), and run in a subprocess with a
timeout, so a regression fails instead of hanging: today each takes well under a second.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.conftest import jointdiff, one_error_line, python

READ_AND_SEGMENT = """
import json, sys, time
from compare.read import read
from compare.segment import segment
times = {}
for path in sys.argv[1:]:
    started = time.perf_counter()
    try:
        clauses = len(segment(read(path, max_chars=10**9)))
    except Exception as err:
        clauses = type(err).__name__
    times[path] = (round(time.perf_counter() - started, 3), clauses)
print(json.dumps(times))
"""


def _read_and_segment(paths: list[Path], timeout: float = 60) -> dict[str, tuple[float, object]]:
    code = READ_AND_SEGMENT.replace("sys.argv[1:]", repr([str(path) for path in paths]))
    result = python(code, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_sentence_of_many_quotations_segments_in_linear_time(tmp_path: Path) -> None:
    # 1.2 MB: two minutes when every cut was checked against every quoted span.
    path = tmp_path / "quotes.txt"
    path.write_text(('"x" and reaffirmed ' * 65_000) + "\n", encoding="utf-8")
    ((seconds, clauses),) = _read_and_segment([path], timeout=30).values()
    assert isinstance(clauses, int) and clauses > 10_000
    assert seconds < 10


def test_a_long_line_of_brackets_without_an_extension_is_sniffed_in_linear_time(tmp_path: Path) -> None:
    # 400 KB, no extension: the Markdown sniffer's link pattern took over two minutes.
    path = tmp_path / "brackets"
    path.write_text("[a" * 200_000 + "\n", encoding="utf-8")
    ((seconds, clauses),) = _read_and_segment([path], timeout=30).values()
    assert isinstance(clauses, int)
    assert seconds < 10


def test_a_markdown_heading_followed_by_spaces_is_read_in_linear_time(tmp_path: Path) -> None:
    # 200,000 spaces: the ATX heading pattern took minutes (45 s at 60,000).
    path = tmp_path / "heading.md"
    path.write_text("# a" + " " * 200_000 + "b\n\nThe Ministers met.\n", encoding="utf-8")
    ((seconds, clauses),) = _read_and_segment([path], timeout=30).values()
    assert clauses == 2
    assert seconds < 10


PROBES = {
    "quotes.txt": '"x" and reaffirmed ' * 30_000,  # 560 KB, as in the probe
    "brackets": "[a" * 100_000,  # 200 KB, no extension
    "heading.md": "# Joint Statement" + " " * 60_000 + "x\n\nThe Ministers met.",
}


@pytest.mark.parametrize("name", PROBES)
def test_the_probes_inputs_end_in_seconds_through_the_command_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PROBES[name] + "\n", encoding="utf-8")
    result = jointdiff("clauses", "--format", "json", path, timeout=20, env={"JOINTDIFF_MAX_CLAUSES": "100000"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["clauses"]


# Shapes that stress one construct each (of Markdown, HTML, UN furniture, sentence and clause
# cutting): a run of one unit with no relief. Every one reads and segments in linear time; at
# 200 KB, a quadratic path would take far longer than the bound.
SHAPES = {
    "quote-and-reaffirmed.txt": '"x" and reaffirmed ',
    "brackets": "[a",
    "brackets.md": "[a",
    "image-brackets": "![a",
    "open-links": "[a](",
    "open-links.md": "[a](",
    "bold": "**a",
    "bold.md": "**a",
    "emphasis.md": "*_",
    "tags": "<a ",
    "tags.html": "<a ",
    "entities.md": "&a",
    "backslashes.md": "\\",
    "autolinks.md": "<http:",
    "abbreviations.txt": "U.S. ",
    "numbers.txt": "1. ",
    "letters.txt": "(a) ",
    "semicolons.txt": "; ",
    "coordinated.txt": ", and reaffirmed ",
    "while.txt": ", while condemning ",
    "curly-quotes.txt": "\u201cx ",
    "straight-quotes.txt": '"',
    "dashes.md": "- ",
    "hashes.md": "#",
    "un-symbols.txt": "A/RES/",
    "job-numbers.txt": "12-34567 ",
    "page-counters.txt": "1/2 ",
    "one-word.txt": "a",
    "hyphenated-lines.txt": "ab-\n",
    "numbered-lines.txt": "1.\n",
    "rules.txt": "_____\n",
    "footnotes.txt": "1 a\n",
    "headings.md": "# a\n",
    "setext.md": "a\n===\n",
    "bold-titles.md": "**a** ",
    "dates.txt": "12 January ",
    "zero-width.txt": "\u200b",
    "escapes.txt": "\x1b[",
    "initials.txt": "A. ",
    "pipes.md": "| a ",
    "quotes.md": "> ",
    "comments.html": "<!--",
    "marked-sections.html": "<![",
    "paragraphs.html": "<p>",
    "text-with-less-than.html": "a < b ",
    "spaces.txt": " ",
    "tabs.md": "\t",
}


def test_no_shape_of_hostile_text_takes_quadratic_time(tmp_path: Path) -> None:
    paths = []
    for name, unit in SHAPES.items():
        path = tmp_path / name
        path.write_text("We note " + (unit * (200_000 // len(unit))) + " end.\n", encoding="utf-8")
        paths.append(path)
    paths.append(tmp_path / "heading-then-spaces.md")
    paths[-1].write_text("# a" + " " * 200_000 + "b\n", encoding="utf-8")
    times = _read_and_segment(paths, timeout=120)
    slow = {Path(path).name: seconds for path, (seconds, _) in times.items() if seconds > 5}
    assert not slow


def test_a_file_of_hostile_brackets_fails_or_succeeds_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "brackets"
    path.write_text("[a" * 100_000 + "\n", encoding="utf-8")
    result = jointdiff("diff", path, path, timeout=60)
    assert result.returncode in (0, 2)
    if result.returncode == 2:
        one_error_line(result.stderr)


def test_runs_of_commas_between_a_subject_and_its_verb_are_classified_in_linear_time(tmp_path: Path) -> None:
    # The pattern of words that may stand between a subject and its verb ("We, together with our
    # partners, condemn") could read " , , ," in exponentially many ways: 14 commas before a
    # word that is not one of them took minutes, before the pattern was made possessive.
    path = tmp_path / "commas.txt"
    lines = ["We" + " ," * 30 + " xx urge restraint.", "Also" + " ," * 30 + " xx urges restraint."]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    result = jointdiff("clauses", "--format", "json", path, timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["clauses"]
