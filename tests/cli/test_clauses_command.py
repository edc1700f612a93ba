"""``jointdiff clauses``: a document's clauses with their labels, as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from compare.cli import main
from compare.frames import CLAUSE_COLUMNS, DOCUMENT_COLUMNS, PAIR_COLUMNS, clause_frame, pair_frame
from compare.pipeline import compare_documents, label_document
from compare.read import read
from tests.conftest import FIXTURES, ROOT

SEED = next((ROOT / "seeds").glob("*.txt"))


def test_json_lists_every_clause_with_its_labels(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", "--format", "json", str(FIXTURES / "two-plus-two" / "new.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    kinds = {clause["kind"] for clause in record["clauses"]}
    assert {"concern", "commitment", "welcome"} <= kinds
    assert all({"id", "kind", "intensity", "targets", "topics", "quoted", "text"} <= set(c) for c in record["clauses"])


def test_csv_has_one_row_per_clause_and_the_frame_columns(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "fomc-statement" / "new.txt"
    assert main(["clauses", "--format", "csv", str(path)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == DOCUMENT_COLUMNS + CLAUSE_COLUMNS
    assert len(rows) == len(label_document(read(path)))
    assert {(row["file"], row["date"]) for row in rows} == {(str(path), "")}


def test_csv_names_the_file_date_and_title_of_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "two-plus-two" / "new.txt"
    assert main(["clauses", "--format", "csv", str(path)]) == 0
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["date"] == "2025-04-09"
    assert row["title"].startswith("Joint Statement of the U.S.-Japan Security Consultative Committee")


def test_diff_csv_has_one_row_per_pair_from_the_pair_frame(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = FIXTURES / "two-plus-two" / "old.txt", FIXTURES / "two-plus-two" / "new.txt"
    assert main(["diff", "--format", "csv", str(old), str(new)]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == PAIR_COLUMNS
    comparison = compare_documents(read(old), read(new))
    assert [row["status"] for row in rows] == [pair.status.value for pair in comparison.pairs]
    assert {row["old_file"] for row in rows} == {str(old)}
    assert any(row["shift"] == "stronger" and row["old_where"] and row["new_where"] for row in rows)


def test_diff_csv_with_only_changes_leaves_unchanged_pairs_out(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = FIXTURES / "two-plus-two" / "old.txt", FIXTURES / "two-plus-two" / "new.txt"
    assert main(["diff", "--format", "csv", "--only-changes", str(old), str(new)]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and "unchanged" not in {row["status"] for row in rows}


def test_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = tmp_path / "=cmd.txt"
    hostile.write_text('=HYPERLINK("http://x.invalid","We strongly condemn") the launches.\n\n@SUM(1+1) We note it.\n', encoding="utf-8")
    assert main(["clauses", "--format", "csv", str(hostile)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    cells = [value for row in rows for value in row.values()]
    assert not any(cell.startswith(("=", "@", "+", "-")) for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)


def test_the_table_names_kinds_and_neutralises_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("We strongly condemn the \x1b[2J launches by North Korea.\n", encoding="utf-8")
    assert main(["clauses", "--no-color", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert "concern" in out and "\x1b" not in out


def test_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", "no-such-file.txt"]) == 2
    assert "no-such-file.txt" in capsys.readouterr().err


def test_a_broken_lexicon_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = tmp_path / "bad.toml"
    lexicon.write_text("[[stance]]\nid = 'x'\nkind = 'anger'\n", encoding="utf-8")
    assert main(["clauses", "--lexicon", str(lexicon), str(SEED)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and len(err.strip().splitlines()) == 1


def test_the_frames_hold_one_row_per_clause_and_per_pair() -> None:
    old, new = read(FIXTURES / "two-plus-two" / "old.txt"), read(FIXTURES / "two-plus-two" / "new.txt")
    comparison = compare_documents(old, new)
    pairs = pair_frame(comparison)
    assert len(pairs) == len(comparison.pairs)
    assert set(pairs["shift"].dropna()) <= {"stronger", "weaker", "same", "mixed", "unclear"}
    assert pairs["confidence"].between(0, 1).all()
    assert (pairs["shift"] == "stronger").sum() >= 3
    assert len(clause_frame(label_document(new))) == len(label_document(new))
