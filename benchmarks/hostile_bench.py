"""Run the hostile corpus: bad, huge and hostile input, as an attacker and a careless user would.

The corpus is generated in a temporary folder (about 90 MB, mostly two 20 MB files and a 50 MB
one; removed afterwards unless ``--keep``): one case for each of the defects of issue 11, the
shape of input that once hung, crashed or misbehaved. Each case runs ``python -m compare ...``
from this checkout as its own process, and the table gives its wall time, its peak memory (the
largest resident set of the process and its workers, from ``os.wait4``), its exit status, and
whether standard error is what it should be: exactly one ``jointdiff: error:`` line for a
failure, at most one warning or note otherwise. Targets: no case over 10 s or 2 GB on two cores,
every failure one line with exit status 2. A case still running after 60 s is killed and shown
as such. Defect "0" is a case found while measuring, not one of the issue's twelve.

Usage: python benchmarks/hostile_bench.py [--keep] [--only SUBSTRING]
(from a checkout installed with ``pip install -e '.[test]'``: the PDFs are made with the tests'
``make_pdf``; the G7 cases need the shared corpus beside the checkout and are left out without it)
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURE = ROOT / "fixtures" / "two-plus-two"
TARGET_SECONDS = 10.0
TARGET_MB = 2048.0
KILL_AFTER = 60.0
sys.path.insert(0, str(ROOT))


@dataclass
class Case:
    """One hostile run: the command's arguments and how its standard streams are set up."""

    defect: int
    name: str
    args: list[str]
    stdin: str | None = None
    """A file to read standard input from."""
    stdout: str = "pipe"
    """"pipe", "full" (/dev/full) or "closed"."""
    env: dict[str, str] = field(default_factory=dict)
    expect: tuple[int, ...] = (2,)
    """Exit statuses that are right for this case."""
    writer: Callable[[], None] | None = None
    """Started in a thread before the case runs (a FIFO's writer, say)."""


@dataclass
class Result:
    seconds: float
    peak_mb: float
    status: int | str
    stderr: str


def build(folder: Path) -> list[Case]:
    """Write the hostile corpus into ``folder`` and return the cases that use it."""
    old, new = str(FIXTURE / "old.txt"), str(FIXTURE / "new.txt")
    cases: list[Case] = []

    def write(name: str, text: str | bytes) -> str:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return str(path)

    # 1. Rule patterns from a pull request.
    words = "the ministers reaffirmed their commitment to peace and stability in the region".split()
    long_text = " ".join(words[index % len(words)] for index in range(2200))[:12_000] + "\n"
    manifest = '[[case]]\nname = "c"\nold = "old.txt"\nnew = "new.txt"\n\n[[rule]]\nname = "r"\nrequire = \'{}\'\n'
    for name, old_text, new_text, pattern in (
        ("wildcards-12kb", long_text, long_text, ".*.*zzz"),
        ("slow-pattern", "\n\n".join("a " * 999 + "b." for _ in range(30)), "\n\n".join("a " * 999 + "c." for _ in range(30)), "a.*a.*x"),
    ):
        write(f"{name}/old.txt", old_text)
        write(f"{name}/new.txt", new_text)
        write(f"{name}/jointdiff.toml", manifest.format(pattern))
    cases.append(Case(1, ".*.*zzz on a 12 KB input", ["check", str(folder / "wildcards-12kb")], expect=(1,)))
    g7 = CORPUS / "g7-leaders-communique"
    if g7.is_dir():
        write("wildcards-g7/old.md", (g7 / "2023-05-20_g7-hiroshima-communique.md").read_text(encoding="utf-8"))
        write("wildcards-g7/new.md", (g7 / "2024-06-14_g7-apulia-communique.md").read_text(encoding="utf-8"))
        write("wildcards-g7/jointdiff.toml", manifest.format(".*.*zzz").replace(".txt", ".md"))
        cases.append(Case(1, ".*.*zzz on the G7 pair", ["check", str(folder / "wildcards-g7")], expect=(1,)))
    cases.append(
        Case(1, "a.*a.*x on 30 clauses of 'a a a'", ["check", str(folder / "slow-pattern")], env={"JOINTDIFF_MAX_CLAUSES": "100000"})
    )

    # 2. Quadratic parsing.
    quotes = write("quotes.txt", '"x" and reaffirmed ' * 30_000)
    cases.append(Case(2, '560 KB of "x" and reaffirmed', ["diff", quotes, quotes]))
    cases.append(
        Case(2, "  the same, clause limit raised", ["clauses", "--format", "json", quotes], env={"JOINTDIFF_MAX_CLAUSES": "100000"}, expect=(0,))
    )
    brackets = write("brackets", "[a" * 100_000 + "\n")
    cases.append(Case(2, "200 KB line of [a, no extension", ["diff", brackets, new], expect=(1,)))
    heading = write("heading.md", "# Joint Statement" + " " * 60_000 + "x\n\nThe Ministers met.\n")
    cases.append(Case(2, "heading and 60,000 spaces", ["diff", heading, new], expect=(1,)))

    # 3. Input size.
    cases.append(Case(3, "diff /dev/zero X", ["diff", "/dev/zero", new]))
    cases.append(Case(3, "standard input from /dev/zero", ["diff", "-", new], stdin="/dev/zero"))
    sparse = folder / "sparse.txt"
    with open(sparse, "wb") as stream:
        stream.truncate(6_000_000_000)
    cases.append(Case(3, "a 6 GB (sparse) file", ["diff", str(sparse), new]))
    paragraph = "The Ministers reaffirmed their commitment to a free and open Indo-Pacific region. " * 10 + "\n\n"
    big_old = write("big/old.md", paragraph * 24_000)
    big_new = write("big/new.md", paragraph.replace("free", "safe") * 24_000)
    cases.append(Case(3, "two 20 MB files", ["diff", big_old, big_new]))
    huge = write("huge.md", paragraph * 58_000)
    cases.append(Case(3, "a 50 MB file (at the input limit)", ["diff", huge, new]))
    for side, verb in (("old", "noted"), ("new", "welcomed")):
        write(f"two-mb/{side}.txt", "".join(f"The Ministers {verb} item {n} of the plan. " for n in range(45_000)))
    cases.append(Case(3, "two 2 MB files", ["diff", str(folder / "two-mb/old.txt"), str(folder / "two-mb/new.txt")]))
    if g7.is_dir():
        # The largest comparison the limits let through: 3000 distinct clauses a side.
        for side, offset in (("old", 0), ("new", 1)):
            write(f"at-limit/{side}.txt", _at_clause_limit(g7 / "2023-05-20_g7-hiroshima-communique.md", offset))
        cases.append(Case(3, "two documents at the clause limit", ["diff", str(folder / "at-limit/old.txt"), str(folder / "at-limit/new.txt")], expect=(1,)))
    pdf = write("many-pages.pdf", _pdf([[f"The Ministers reaffirmed their commitment to peace, item {p}.{n}." for n in range(50)] for p in range(2000)]))
    cases.append(Case(3, "a PDF of 2000 full pages", ["clauses", pdf]))

    # 4. Golden files.
    linked = folder / "linked"
    write("linked/old.txt", (FIXTURE / "old.txt").read_text(encoding="utf-8"))
    write("linked/new.txt", (FIXTURE / "new.txt").read_text(encoding="utf-8"))
    write("linked/jointdiff.toml", '[[case]]\nname = "c"\nold = "old.txt"\nnew = "new.txt"\nexpect = "expected.json"\n')
    os.link(linked / "old.txt", linked / "expected.json")
    cases.append(Case(4, "--update, golden hard-linked to input", ["check", "--update", str(linked)]))
    git = folder / "git"
    write("git/old.txt", "We welcome the summit.\n")
    write("git/new.txt", "We welcome the plan.\n")
    write("git/.git/config", "[core]\n")
    write("git/jointdiff.toml", '[[case]]\nname = "c"\nold = "old.txt"\nnew = "new.txt"\nexpect = ".git/config"\n')
    cases.append(Case(4, "--update, golden at .git/config", ["check", "--update", str(git)]))

    # 5. Tracebacks.
    deep = write("deep.toml", "a = " + "[" * 500 + "]" * 500 + "\n")
    write("deep-manifest/jointdiff.toml", "a = " + "[" * 500 + "]" * 500 + "\n")
    cases.append(Case(5, "manifest nested 500 deep", ["check", str(folder / "deep-manifest")]))
    cases.append(Case(5, "lexicon nested 500 deep", ["diff", "--lexicon", deep, old, new]))
    cases.append(Case(5, "profile nested 500 deep", ["diff", "--profile", deep, old, new]))
    for command, args in (("diff", ["diff", old, new]), ("clauses", ["clauses", old]), ("check", ["check", str(ROOT / "fixtures")])):
        cases.append(Case(5, f"{command} > /dev/full", args, stdout="full"))
        cases.append(Case(5, f"{command} >&-", args, stdout="closed"))
    (folder / "zero-manifest").mkdir()
    (folder / "zero-manifest" / "jointdiff.toml").symlink_to("/dev/zero")
    cases.append(Case(5, "manifest linked to /dev/zero", ["check", str(folder / "zero-manifest")]))

    # 6. File names.
    cases.append(Case(6, "missing file named with OSC 52 + newline", ["diff", str(folder / "x\x1b]52;c;aGk=\x07\nforged\u202e.txt"), new]))
    cp1252 = write("\x1b[2Jcp1252\u202e.txt", "Les Ministres r\u00e9affirment leur engagement.\n".encode("cp1252"))
    cases.append(Case(6, "warning about a file named with CSI", ["clauses", cp1252], expect=(0,)))

    # 7 and 8. PDFs.
    base = _pdf([["The Ministers reaffirmed their commitment to peace and stability."]])
    repaired = write("repaired.pdf", base.replace(b"<< /Type /Page /Parent", b"<< /Type /Page /Type /Page /Parent"))
    cases.append(Case(7, "PDF that pypdf repairs (logs)", ["clauses", repaired], expect=(0,)))
    truncated = write("truncated.pdf", base.replace(b"%%EOF\n", b""))
    cases.append(Case(7, "truncated PDF", ["clauses", truncated]))
    cases.append(Case(8, "AES-128, owner password only", ["clauses", write("aes-owner.pdf", _encrypted(base, "AES-128", ""))], expect=(0,)))
    cases.append(Case(8, "AES-256, user password", ["clauses", write("aes-user.pdf", _encrypted(base, "AES-256", "secret"))]))

    # 9. FIFOs.
    for name in ("silent.txt", "silent.toml", "fifo-manifest/jointdiff.toml", "fed.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(folder / name)
    cases.append(Case(9, "FIFO input, no writer", ["diff", str(folder / "silent.txt"), new]))
    cases.append(Case(9, "FIFO as --lexicon", ["diff", "--lexicon", str(folder / "silent.toml"), old, new]))
    cases.append(Case(9, "FIFO as manifest", ["check", str(folder / "fifo-manifest")]))

    def feed() -> None:
        with open(folder / "fed.txt", "wb") as stream:
            stream.write((FIXTURE / "old.txt").read_bytes())

    cases.append(Case(9, "FIFO input with a writer", ["diff", str(folder / "fed.txt"), new], expect=(1,), writer=feed))

    # 10 and 11. Arguments.
    locked = write("locked.txt", "We welcome the summit.\n")
    os.chmod(locked, 0)
    if os.geteuid() != 0:  # root reads it anyway
        cases.append(Case(10, "input without read permission", ["diff", locked, new]))
    cases.append(Case(10, "check on a file", ["check", old]))
    cases.append(Case(10, "--jobs 0", ["check", "--jobs", "0", str(ROOT / "fixtures")]))
    cases.append(Case(10, "--jobs -1", ["check", "--jobs", "-1", str(ROOT / "fixtures")]))
    cases.append(Case(10, "--junit DIR", ["check", "--junit", str(folder), str(ROOT / "fixtures")]))
    cases.append(Case(11, "--jobs 1000", ["check", "--jobs", "1000", str(ROOT / "fixtures")], expect=(0,)))

    # Found while measuring, not among the twelve: a few hundred long clauses drawn from a
    # small vocabulary make the search for split and merged clauses in align.py try tens of
    # thousands of groups (about 50 s for 220 clauses a side); well inside both limits.
    vocabulary = "the ministers reaffirmed their commitment to peace and stability in the region and beyond with partners".split()
    for side, seed in (("old", 1), ("new", 2)):
        draw = random.Random(seed)
        paragraphs = ["We " + " ".join(draw.choice(vocabulary) for _ in range(330)) + f" item {n}." for n in range(40)]
        write(f"similar/{side}.txt", "\n\n".join(paragraphs) + "\n")
    cases.append(Case(0, "220 similar long clauses a side", ["diff", str(folder / "similar/old.txt"), str(folder / "similar/new.txt")], expect=(1,)))

    # 12. Invisible characters.
    zw_old = write("zw/old.txt", "The Ministers reaffirmed their commitment to peace.\n")
    zw_new = write("zw/new.txt", "The Ministers reaffirmed their commit\u200bment to peace.\n")
    cases.append(Case(12, "differs only by U+200B", ["diff", zw_old, zw_new], expect=(0,)))
    return cases


def _at_clause_limit(source: Path, offset: int) -> str:
    """A document of exactly as many clauses as the limit allows, from one-clause sentences of a
    real statement, each made distinct by its number."""
    from compare.limits import DEFAULT_MAX_CLAUSES
    from compare.model import Document
    from compare.segment import segment

    sentences = [
        sentence.strip() + "."
        for sentence in source.read_text(encoding="utf-8").replace("\n", " ").split(". ")
        if 60 < len(sentence) < 400 and sentence.strip()[:1].isupper()
    ]
    sentences = [text[:-1] + " (item \0)." for text in sentences]
    sentences = [text for text in sentences if len(segment(Document("s", text.replace("\0", "1")))) == 1]
    paragraphs = [
        sentences[(number * 7 + offset) % len(sentences)].replace("\0", str(number)) for number in range(DEFAULT_MAX_CLAUSES)
    ]
    return "\n\n".join(paragraphs) + "\n"


def _pdf(pages: list[list[str]]) -> bytes:
    from tests.unit.test_read import make_pdf

    return make_pdf(pages)


def _encrypted(data: bytes, algorithm: str, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password="owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


LAUNCHER = """
import os, sys
report, close_stdout, *arguments = sys.argv[1:]
pid = os.fork()
if pid == 0:
    if close_stdout == "yes":
        os.close(1)
    os.execv(sys.executable, [sys.executable, "-m", "compare", *arguments])
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as stream:
    stream.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Starts a case from a small process and reports its peak memory. Linux counts the memory a
process had before it exec'd in its peak, so a case forked straight from this script would
inherit the corpus builder's hundred megabytes; forked from the launcher, it inherits ten."""


def run(case: Case, scratch: Path) -> Result:
    """Run one case in its own process and measure it."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **case.env}
    environment.pop("NO_COLOR", None)
    stderr_path, report = scratch / "stderr", scratch / "peak"
    report.unlink(missing_ok=True)
    with open(stderr_path, "wb") as stderr, open(os.devnull, "wb") as devnull:
        stdin = open(case.stdin, "rb") if case.stdin else subprocess.DEVNULL
        stdout = open("/dev/full", "wb") if case.stdout == "full" else devnull
        if case.writer:
            threading.Thread(target=case.writer, daemon=True).start()
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, str(report), "yes" if case.stdout == "closed" else "no", *case.args],
            cwd=ROOT,
            env=environment,
            stdin=stdin,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,  # so that a case over time is killed with its workers
        )
        timer = threading.Timer(KILL_AFTER, lambda: os.killpg(process.pid, signal.SIGKILL))
        timer.start()
        process.wait()
        seconds = time.perf_counter() - started
        timer.cancel()
        if stdin is not subprocess.DEVNULL:
            stdin.close()
        if stdout is not devnull:
            stdout.close()
    peak_kb = float(report.read_text()) if report.exists() else float("nan")
    status: int | str = "killed" if seconds >= KILL_AFTER else process.returncode
    return Result(seconds, peak_kb / 1024, status, stderr_path.read_text(encoding="utf-8", errors="replace"))


def verdict(case: Case, result: Result) -> str:
    """What is wrong with a result, or "ok"."""
    problems = []
    lines = result.stderr.splitlines()
    if result.status not in case.expect:
        problems.append(f"exit {result.status}, expected {'/'.join(map(str, case.expect))}")
    if result.status == 2 and (len(lines) != 1 or not lines[0].startswith("jointdiff: error: ")):
        problems.append(f"{len(lines)} lines on stderr")
    if result.status != 2 and (len(lines) > 1 or (lines and not lines[0].startswith("jointdiff: "))):
        problems.append("stray stderr")
    if "Traceback" in result.stderr:
        problems.append("traceback")
    if any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F or char in "\u202e\u200b" for char in result.stderr.rstrip("\n")):
        problems.append("raw control characters")
    if result.seconds > TARGET_SECONDS:
        problems.append(f"over {TARGET_SECONDS:g} s")
    if result.peak_mb > TARGET_MB:
        problems.append(f"over {TARGET_MB:g} MB")
    return "; ".join(problems) or "ok"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus and print where it is")
    parser.add_argument("--only", default="", help="run only the cases whose name holds this text")
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="jointdiff-hostile-"))
    try:
        cases = [case for case in build(folder / "corpus") if arguments.only in case.name]
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"machine: {cpus} cores, Python {sys.version.split()[0]}; targets: {TARGET_SECONDS:g} s, {TARGET_MB:g} MB, one stderr line on failure\n")
        print(f"{'#':>2}  {'case':<42} {'time':>7} {'peak':>8} {'exit':>6}  {'stderr':>6}  verdict")
        failures = 0
        for case in cases:
            result = run(case, folder)
            lines = len(result.stderr.splitlines())
            judged = verdict(case, result)
            failures += judged != "ok"
            print(
                f"{case.defect:>2}  {case.name[:42]:<42} {result.seconds:>6.2f}s {result.peak_mb:>6.0f}MB "
                f"{result.status!s:>6}  {lines:>6}  {judged}",
                flush=True,
            )
        print(f"\n{len(cases)} cases, {failures} off target")
        if arguments.keep:
            print(f"corpus kept in {folder}")
        return 1 if failures else 0
    finally:
        if not arguments.keep:
            for path in (folder / "corpus").rglob("*"):
                if path.is_file() and not path.is_symlink():
                    path.chmod(0o600)
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
