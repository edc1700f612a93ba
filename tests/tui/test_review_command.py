"""``jointdiff review``: bad input is one line and exit 2 before any UI; colour flags reach the app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from compare.cli import main
from tests.conftest import write_pair
from tui.app import ReviewApp

OLD = "We reaffirm our commitment to peace.\n\nWe express concern about the launches.\n"
NEW = "We reaffirm our commitment to peace.\n\nWe strongly condemn the launches.\n"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[ReviewApp]:
    """The apps the command started, with ``run`` replaced by nothing: no terminal needed."""
    apps: list[ReviewApp] = []
    monkeypatch.setattr(ReviewApp, "run", lambda self, *args, **kwargs: apps.append(self))
    return apps


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    return write_pair(tmp_path, OLD, NEW)


def test_a_missing_file_exits_2_with_one_line_and_no_app(
    pair: tuple[str, str], started: list[ReviewApp], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", pair[0], "nowhere.txt"]) == 2
    err = capsys.readouterr().err
    assert "nowhere.txt" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert started == []


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        ([], "OLD and NEW"),
        (["-", "-"], "standard input"),
        (["--example", "a.txt"], "--example"),
        (["--no-such-option"], "no-such-option"),
    ],
)
def test_bad_usage_exits_2_before_any_app(
    arguments: list[str], said: str, started: list[ReviewApp], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", *arguments]) == 2
    assert said in capsys.readouterr().err
    assert started == []


def test_a_directory_exits_2(tmp_path: Path, pair: tuple[str, str], started: list[ReviewApp]) -> None:
    assert main(["review", str(tmp_path), pair[1]]) == 2
    assert started == []


def test_bad_input_never_loads_textual() -> None:
    code = (
        "import sys\n"
        "from compare.cli import cli, main\n"
        "from compare.review_command import review\n"
        "cli.add_command(review)\n"
        "status = main(['review', 'nowhere-old.txt', 'nowhere-new.txt'])\n"
        "print(status, 'textual' in sys.modules, 'tui' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["2", "False", "False"]
    assert len(result.stderr.strip().splitlines()) == 1


def test_good_input_starts_the_app_with_both_documents(
    pair: tuple[str, str], started: list[ReviewApp]
) -> None:
    assert main(["review", *pair]) == 0
    (app,) = started
    assert app.old.path == pair[0] and app.new.path == pair[1]


def test_the_example_starts_the_app(started: list[ReviewApp]) -> None:
    assert main(["review", "--example"]) == 0
    assert started[0].new.path.endswith("new.txt")


def test_no_color_flag_and_environment_turn_colour_off_and_color_beats_them(
    pair: tuple[str, str], started: list[ReviewApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    main(["review", "--no-color", *pair])
    assert started[-1].no_color
    monkeypatch.setenv("NO_COLOR", "1")
    main(["review", *pair])
    assert started[-1].no_color
    main(["review", "--color", *pair])
    assert not started[-1].no_color


def test_an_app_that_fails_exits_2(pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ReviewApp, "run", lambda self, *args, **kwargs: self.exit(return_code=1))
    assert main(["review", *pair]) == 2


def test_standard_input_without_a_terminal_for_the_keys_is_a_usage_error(
    pair: tuple[str, str],
    started: list[ReviewApp],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io
    import os

    real_open = os.open

    def no_terminal(path: str, flags: int, *args: int) -> int:
        if path != "/dev/tty":
            return real_open(path, flags, *args)
        raise OSError(6, "No such device or address", path)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NEW.encode("utf-8"))))
    monkeypatch.setattr(os, "open", no_terminal)
    assert main(["review", pair[0], "-"]) == 2
    assert "terminal" in capsys.readouterr().err
    assert started == []


def test_the_comparison_options_reach_the_app(pair: tuple[str, str], started: list[ReviewApp]) -> None:
    assert main(["review", "--threshold", "70", "--method", "global", *pair]) == 0
    (app,) = started
    assert (app.settings.threshold, app.settings.method) == (70.0, "global")
