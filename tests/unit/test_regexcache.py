"""The lexicon's compiled patterns kept between runs (compare/regexcache.py)."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
import tomllib
from array import array
from pathlib import Path

import pytest

from compare import regexcache
from compare.classify import classify, lexicon, scanner
from compare.model import Clause

ROOT = Path(__file__).resolve().parents[2]

CLAUSES = (
    "We strongly condemn North Korea's ballistic missile launches.",
    "The Committee will continue to monitor inflation developments closely.",
    "Calls upon all parties to refrain from any action that may escalate tensions;",
    "We remain seriously concerned about the situation in the East and South China Seas.",
    "The Leaders welcomed the launch of the Quad Fellowship and reaffirmed their commitment.",
)


def _afresh(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    """A new process, as far as the lexicon goes: nothing read, parsed or compiled yet."""
    monkeypatch.setenv("JOINTDIFF_CACHE_DIR", folder)
    regexcache.forget()
    lexicon._load.cache_clear()
    scanner.parsed_branch.cache_clear()
    scanner.compiled_branch.cache_clear()
    scanner.literal_variants.cache_clear()


def _labels() -> list[object]:
    return [classify(Clause("old", 0, 1, 1, 0, len(text), text)).label for text in CLAUSES]


@pytest.fixture(autouse=True)
def _restore(monkeypatch: pytest.MonkeyPatch):
    """Leave the process as the other tests expect it: the cache setting they started with,
    and a lexicon loaded under it."""
    yield
    monkeypatch.undo()
    regexcache.forget()
    lexicon._load.cache_clear()
    scanner.parsed_branch.cache_clear()
    scanner.compiled_branch.cache_clear()
    scanner.literal_variants.cache_clear()


def test_a_second_run_builds_every_pattern_from_the_cache_without_parsing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _afresh(monkeypatch, "off")
    uncached = _labels()
    _afresh(monkeypatch, str(tmp_path))
    assert _labels() == uncached
    assert regexcache.cache_file() is not None and regexcache.cache_file().is_file()

    _afresh(monkeypatch, str(tmp_path))

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a lexicon pattern was parsed although the cache holds it")

    def no_working_out(pattern: str) -> None:
        raise AssertionError(f"the plain texts of {pattern!r} were worked out although the cache holds them")

    monkeypatch.setattr(re._parser, "parse", no_parsing)
    monkeypatch.setattr(scanner, "_variants", no_working_out)
    assert _labels() == uncached


def test_a_module_pattern_new_to_the_cache_is_kept_when_the_process_ends(tmp_path: Path) -> None:
    """Modules compile their own patterns through the cache at import; one the lexicon's save
    came too early for is written when the process ends."""
    source = r"(?<!\w)kept at exit \d+"
    program = f"from compare import regexcache; regexcache.compiled({source!r}).pattern"
    environment = {**os.environ, "JOINTDIFF_CACHE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", program], env=environment, check=True, cwd=ROOT)
    (kept,) = tmp_path.glob("lexicon-regex-*")
    assert f"0:s:{source}" in marshal.loads(kept.read_bytes())["patterns"]


def test_a_pattern_from_the_cache_is_the_one_re_compiles(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _afresh(monkeypatch, str(tmp_path))
    source, flags = r"(?P<a>condemn(?:s|ed)?)\s+(?:the\s+)?(?P<b>\w+)", re.IGNORECASE
    first = regexcache.compiled(source, flags)
    regexcache.save()
    _afresh(monkeypatch, str(tmp_path))
    again = regexcache.compiled(source, flags)
    expected = re.compile(source, flags)
    assert (again.pattern, again.flags, again.groupindex) == (expected.pattern, expected.flags, expected.groupindex)
    text = "We CONDEMNED the launches, and condemn them."
    assert [m.span("b") for m in again.finditer(text)] == [m.span("b") for m in expected.finditer(text)]
    assert first.groupindex == again.groupindex


def _kept_patterns() -> set[str]:
    return {key.split(":", 2)[2] for key in marshal.loads(regexcache.cache_file().read_bytes())["patterns"]}


def test_patterns_no_run_uses_are_dropped_once_the_file_outgrows_its_bound(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(regexcache, "KEPT_ENTRIES", 3)
    _afresh(monkeypatch, str(tmp_path))
    for source in ("first", "second", "third"):
        regexcache.compiled(source)
    regexcache.save()
    assert _kept_patterns() == {"first", "second", "third"}  # within the bound: all kept
    _afresh(monkeypatch, str(tmp_path))
    regexcache.compiled("first")
    regexcache.compiled("fourth")  # four entries now, over the bound: only this run's stay
    regexcache.save()
    assert _kept_patterns() == {"first", "fourth"}
    _afresh(monkeypatch, str(tmp_path))
    assert regexcache.compiled("second").match("second")  # a dropped one is compiled afresh


def test_the_file_of_an_older_format_gives_way_to_the_new_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _afresh(monkeypatch, str(tmp_path))
    current = regexcache.cache_file()
    build = current.name.rsplit("-v", 1)[0]
    older, other_build = tmp_path / f"{build}-v1.json", tmp_path / "lexicon-regex-another-build-v1.json"
    for path in (older, other_build):
        path.write_text("{}", "utf-8")
    regexcache.compiled("a new pattern")
    regexcache.save()
    assert current.is_file() and other_build.is_file()
    assert not older.exists()


def test_a_damaged_cache_is_ignored_and_rewritten(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _afresh(monkeypatch, str(tmp_path))
    regexcache.cache_file().write_bytes(marshal.dumps({"patterns": {}})[:-3])  # cut short
    _afresh(monkeypatch, str(tmp_path))
    uncached = _labels()
    assert marshal.loads(regexcache.cache_file().read_bytes())["patterns"]
    assert uncached == _labels()


def test_an_entry_the_regex_engine_refuses_is_compiled_afresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _afresh(monkeypatch, str(tmp_path))
    regexcache.compiled("urge(?:s|d)?", re.IGNORECASE)
    regexcache.save()
    path = regexcache.cache_file()
    data = marshal.loads(path.read_bytes())
    (entry,) = data["patterns"].values()
    for damaged in (array("I", [99999, 1, 2]).tobytes(), b"\x01\x02\x03", [99999, 1, 2], "code"):
        entry[1] = damaged  # not SRE code, not whole words, an old file's list, not code at all
        path.write_bytes(marshal.dumps(data))
        _afresh(monkeypatch, str(tmp_path))
        assert regexcache.compiled("urge(?:s|d)?", re.IGNORECASE).match("Urged")


def test_nothing_is_kept_when_caching_is_off_or_the_folder_cannot_be_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _afresh(monkeypatch, "off")
    assert regexcache.cache_file() is None
    assert _labels()
    assert not regexcache.pending()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", "utf-8")
    _afresh(monkeypatch, str(blocked / "cache"))
    assert _labels()  # the file cannot be written: the run goes on, only slower
    assert not (blocked / "cache").exists()


def test_the_cache_lives_where_the_platform_keeps_caches(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("JOINTDIFF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert regexcache.cache_file().parent == tmp_path / "jointdiff"
    monkeypatch.delenv("XDG_CACHE_HOME")

    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", homeless)
    assert regexcache.cache_file() is None


def test_a_toml_text_is_parsed_once_and_each_caller_gets_its_own_copy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = 'name = "lexicon"\n[[stance]]\nid = "condemn"\nrung = 5\npatterns = ["condemn(?:s|ed)?"]\n'
    dated = "adopted = 2024-09-22\n"  # a date: marshal cannot keep it, so it is parsed each time
    _afresh(monkeypatch, str(tmp_path))
    first = regexcache.toml(text)
    assert regexcache.toml(dated) == tomllib.loads(dated)
    regexcache.save()
    _afresh(monkeypatch, str(tmp_path))
    parses = []
    monkeypatch.setattr(tomllib, "loads", lambda source: parses.append(source) or {})
    again = regexcache.toml(text)
    assert again == first and parses == []
    again["stance"].clear()
    assert regexcache.toml(text) == first  # the caller's change is its own
    regexcache.toml(dated)
    assert parses == [dated]
    monkeypatch.undo()  # tomllib's own parser again
    with pytest.raises(tomllib.TOMLDecodeError):
        regexcache.toml("not = [toml")
