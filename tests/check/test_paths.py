"""A case may only name files inside the corpus folder: absolute paths, ".." and symbolic links
that lead out are refused before anything is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compare.cli import main
from tests.check.conftest import CASE, NEW, write_manifest


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A statement next to the corpus folder, not in it."""
    path = tmp_path / "outside.txt"
    path.write_text(NEW, encoding="utf-8")
    return path


def _refused(corpus: Path, capsys: pytest.CaptureFixture[str], *options: str) -> str:
    assert main(["check", *options, str(corpus)]) == 2
    err = capsys.readouterr().err
    assert "jointdiff.toml:4: [[case]] 'talks': new:" in err
    return err


def test_an_absolute_path_is_refused(corpus: Path, outside: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE.replace('"talks/new.txt"', f'"{outside}"'))
    assert "must be a path relative to the corpus folder" in _refused(corpus, capsys)


@pytest.mark.parametrize("path", ["C:/corpus/new.txt", "C:new.txt", "\\\\\\\\server\\\\share\\\\new.txt"])
def test_a_windows_absolute_path_is_refused(corpus: Path, capsys: pytest.CaptureFixture[str], path: str) -> None:
    write_manifest(corpus, CASE.replace('"talks/new.txt"', f'"{path}"'))
    assert "must be a path relative to the corpus folder" in _refused(corpus, capsys)


@pytest.mark.parametrize("path", ["../outside.txt", "talks/../../outside.txt", "talks/../talks/new.txt"])
def test_dot_dot_is_refused_even_when_it_stays_inside(
    corpus: Path, outside: Path, capsys: pytest.CaptureFixture[str], path: str
) -> None:
    write_manifest(corpus, CASE.replace('"talks/new.txt"', f'"{path}"'))
    assert "must not use '..'" in _refused(corpus, capsys)


def test_a_backslash_is_refused(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE.replace('"talks/new.txt"', '"talks\\\\new.txt"'))
    assert "must use '/' between folders" in _refused(corpus, capsys)


def test_a_symbolic_link_to_a_file_outside_is_refused(corpus: Path, outside: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "talks" / "link.txt").symlink_to(outside)
    write_manifest(corpus, CASE.replace('"talks/new.txt"', '"talks/link.txt"'))
    assert "leads out of the corpus folder" in _refused(corpus, capsys)


def test_a_symbolic_link_to_a_folder_outside_is_refused(corpus: Path, outside: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "elsewhere").symlink_to(outside.parent, target_is_directory=True)
    write_manifest(corpus, CASE.replace('"talks/new.txt"', '"elsewhere/outside.txt"'))
    assert "leads out of the corpus folder" in _refused(corpus, capsys)


def test_a_golden_file_cannot_be_written_through_a_link_out(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "out").symlink_to(tmp_path, target_is_directory=True)
    write_manifest(corpus, CASE + 'expect = "out/expected.json"\n')
    assert main(["check", "--update", str(corpus)]) == 2
    assert "expect: 'out/expected.json' leads out of the corpus folder" in capsys.readouterr().err
    assert not (tmp_path / "expected.json").exists()


def test_a_symbolic_link_that_stays_inside_is_followed(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "latest.txt").symlink_to(Path("talks") / "new.txt")
    write_manifest(corpus, CASE.replace('"talks/new.txt"', '"latest.txt"'))
    assert main(["check", str(corpus)]) == 0


def test_a_corpus_reached_through_a_link_works(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(corpus, CASE)
    link = tmp_path / "corpus-link"
    link.symlink_to(corpus, target_is_directory=True)
    assert main(["check", str(link)]) == 0


def test_a_file_swapped_for_a_link_out_after_loading_is_not_read(corpus: Path, outside: Path) -> None:
    from compare.check import load_manifest, read_case
    from compare.errors import InputError

    manifest = load_manifest(write_manifest(corpus, CASE))
    new = corpus / "talks" / "new.txt"
    os.remove(new)
    new.symlink_to(outside)
    with pytest.raises(InputError, match="new: 'talks/new.txt' leads out of the corpus folder"):
        read_case(manifest, manifest.cases[0])
