"""Start-up time of ``jointdiff review`` on the G7 2023 -> 2024 communique pair, against a 1.5 s target.

Each run starts a fresh interpreter that goes through the real command (``compare.cli.main``
with ``review OLD NEW``: read and check both inputs, start the comparison in a child process,
import the app, receive the comparison in its worker, wrap the rows, rank the key changes) with the app running headless, and reports the
moment the first screen with the comparison loaded (the key changes) has been drawn. The time counted is from just before the process is
started to that moment (both read from the system-wide monotonic clock). Measured in the same
run, interleaved with it so that a busy machine slows all alike, as baselines: a fresh process
that only reads and compares the pair (the floor under any view of it), a bare
``import textual.app``, an empty Textual app's first frame, and ``jointdiff diff`` on the same
pair as a whole command.

Every command is run once before the timed runs with bytecode writing on, even where
``PYTHONDONTWRITEBYTECODE`` is set (as it is on the project's machines): otherwise each timed
run would compile the project's modules (and any dependency installed without its ``.pyc``
files) afresh, and the time counted would be the compiler's as much as the app's.

    python benchmarks/review_startup.py [--corpus PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
G7 = ("g7-leaders-communique", "2023-05-20_g7-hiroshima-communique.md", "2024-06-14_g7-apulia-communique.md")
TARGET_SECONDS = 1.5
SIZE = (160, 48)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", choices=("review", "pipeline", "empty-app"), help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "review":
        return _child_review(*args.paths)
    if args.child == "pipeline":
        return _child_pipeline(*args.paths)
    if args.child == "empty-app":
        return _child_empty_app()

    series, old_name, new_name = G7
    old, new = args.corpus / series / old_name, args.corpus / series / new_name
    if not old.is_file() or not new.is_file():
        print(f"G7 pair not found under {args.corpus}: give --corpus", file=sys.stderr)
        return 2
    here = str(Path(__file__).resolve())
    # Name -> (command, whether it prints the moment to count up to; otherwise its exit counts).
    commands = {
        "jointdiff review (first screen, loaded)": (
            [sys.executable, here, "--child", "review", str(old), str(new)],
            True,
        ),
        "baseline: read + compare, fresh process": (
            [sys.executable, here, "--child", "pipeline", str(old), str(new)],
            True,
        ),
        "baseline: import textual.app": ([sys.executable, "-c", "import textual.app"], False),
        "baseline: empty Textual app, first frame": ([sys.executable, here, "--child", "empty-app"], True),
        "baseline: jointdiff diff (whole command)": (
            [sys.executable, "-m", "compare", "diff", "--no-color", str(old), str(new)],
            False,
        ),
    }
    print(
        f"G7 pair: {old.name} -> {new.name}; {args.repeat} runs each, terminal {SIZE[0]}x{SIZE[1]} (headless), "
        "after one warm-up run each that writes the bytecode caches"
    )
    from speed_bench import writing_bytecode  # here, not at the top: the timed children import nothing more

    for command, reports in commands.values():
        _run_seconds(command, reports=reports, env=writing_bytecode())
    print(f"pipeline alone, in process, warm: {_pipeline_seconds(old, new):.2f} s")
    results: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, (command, reports) in commands.items():
            results[name].append(_run_seconds(command, reports=reports))
    width = max(map(len, results))
    for name, seconds in results.items():
        print(f"{name:<{width}}  median {statistics.median(seconds):5.2f} s   max {max(seconds):5.2f} s")
    review = statistics.median(results["jointdiff review (first screen, loaded)"])
    floor = statistics.median(results["baseline: read + compare, fresh process"])
    verdict = "meets" if review < TARGET_SECONDS else "MISSES"
    print(f"review start-up {review:.2f} s {verdict} the {TARGET_SECONDS} s target")
    print(f"the app adds {review - floor:.2f} s to reading and comparing the pair")
    return 0 if review < TARGET_SECONDS else 1


def _run_seconds(command: list[str], *, reports: bool, env: dict[str, str] | None = None) -> float:
    """Seconds from just before the process starts to the moment it prints (or to its exit)."""
    start = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    end = time.monotonic()
    if result.returncode not in (0, 1):  # diff exits 1 when the documents differ
        raise RuntimeError(f"{command} failed:\n{result.stderr}")
    return float(result.stdout.split()[-1]) - start if reports else end - start


def _pipeline_seconds(old: Path, new: Path) -> float:
    sys.path.insert(0, str(ROOT))
    from compare.pipeline import compare_documents
    from compare.read import read

    documents = read(old), read(new)
    compare_documents(*documents)  # the first run loads lexicons and profiles
    start = time.perf_counter()
    compare_documents(*documents)
    return time.perf_counter() - start


def _child_review(old: str, new: str) -> int:
    """Run ``jointdiff review OLD NEW`` headless; print the moment its first loaded screen is drawn.

    The app is made headless when the command imports it, not before: the command starts the
    comparison before it imports Textual (``compare.ahead``), and importing Textual here first
    would time the two one after the other."""
    sys.path.insert(0, str(ROOT))
    import importlib.abc
    import importlib.machinery

    from compare.cli import cli
    from compare.cli import main as jointdiff
    from compare.review_command import review

    drawn: list[float] = []

    def make_headless(module: object) -> None:
        from textual.app import App

        from tui.screens.key_changes import KeyChangesScreen

        async def until_drawn(pilot) -> None:  # type: ignore[no-untyped-def]
            # The review opens on the key changes of the loaded comparison: its first screen.
            while not isinstance(pilot.app.screen, KeyChangesScreen):
                await asyncio.sleep(0.002)
            await pilot.pause()
            drawn.append(time.monotonic())
            pilot.app.exit()

        def headless_run(app: App, *args: object, **kwargs: object) -> None:
            App.run(app, headless=True, size=SIZE, auto_pilot=until_drawn)

        module.ReviewApp.run = headless_run  # type: ignore[attr-defined]

    class PatchOnImport(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
            if name != "tui.app":
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path, target)
            loaded = spec.loader.exec_module

            def exec_module(module):  # type: ignore[no-untyped-def]
                loaded(module)
                make_headless(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, PatchOnImport())
    if "review" not in cli.commands:
        cli.add_command(review)
    status = jointdiff(["review", old, new])
    print(drawn[0])
    return status


def _child_pipeline(old: str, new: str) -> int:
    """Read and compare the pair as ``review`` does, and print the moment the comparison is ready."""
    sys.path.insert(0, str(ROOT))
    from compare.console import read_pair
    from compare.pipeline import compare_documents

    compare_documents(*read_pair(old, new))
    print(time.monotonic())
    return 0


def _child_empty_app() -> int:
    from textual.app import App

    drawn: list[float] = []

    async def first_frame(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        drawn.append(time.monotonic())
        pilot.app.exit()

    App().run(headless=True, size=SIZE, auto_pilot=first_frame)
    print(drawn[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
