"""Routine changes: profiles, detection, masking, and the changes that are never routine."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.errors import UsageError
from compare.model import Clause, Pair, Status
from compare.routine import detect_profile, load_profiles, mark_routine, masked

PROFILES = {profile.name: profile for profile in load_profiles()}


def pair(old: str, new: str, status: Status = Status.REWORDED) -> Pair:
    return Pair(
        status,
        (Clause("old", 0, 1, 1, 0, len(old), old),),
        (Clause("new", 0, 1, 1, 0, len(new), new),),
    )


@pytest.mark.parametrize(
    ("profile", "old", "new"),
    [
        ("fomc", "Information received since the Federal Open Market Committee met in September suggests",
         "Information received since the Federal Open Market Committee met in October suggests"),
        ("fomc", "Voting for the FOMC monetary policy action were: Ben S. Bernanke, Chairman; "
                 "Timothy F. Geithner, Vice Chairman; Charles L. Evans; and Kevin M. Warsh.",
         "Voting for the FOMC monetary policy action were: Ben S. Bernanke, Chairman; "
         "William C. Dudley, Vice Chairman; Thomas M. Hoenig; and Kevin M. Warsh."),
        ("un-resolution", "Seventy-ninth session Agenda item 104", "Eightieth session Agenda item 97"),
        ("un-resolution", "Recalling its resolution 78/66 of 4 December 2023,",
         "Recalling its resolution 79/77 of 2 December 2024,"),
        ("un-resolution", "Recalling its resolutions 77/93 of 7 December 2022 and 78/66 of 4 December 2023,",
         "Recalling its resolutions 77/93 of 7 December 2022, 78/66 of 4 December 2023 and 79/77 of "
         "2 December 2024,"),
        ("un-resolution", "Decides to include in the provisional agenda of its eightieth session the item",
         "Decides to include in the provisional agenda of its eighty-first session the item"),
        ("un-resolution", "Resolution adopted by the General Assembly on 4 December 2023",
         "Resolution adopted by the General Assembly on 2 December 2024"),
        ("un-resolution", "[on the report of the First Committee (A/78/405, para. 7)]",
         "[on the report of the First Committee (A/79/414, para. 7)]"),
        ("un-resolution", "affirming its resolute determination, 27 years after the Treaty was opened",
         "affirming its resolute determination, 28 years after the Treaty was opened"),
        ("joint-statement", "Today, we met for the third in-person Quad Leaders\u2019 Summit.",
         "Today, we met for the fourth in-person Quad Leaders\u2019 Summit."),
        ("joint-statement", "20 May 2023, Hiroshima", "21 September 2024, Wilmington"[:0] + "21 September 2024, Hiroshima"),
    ],
)
def test_changes_by_construction_are_routine(profile: str, old: str, new: str) -> None:
    assert mark_routine(pair(old, new), PROFILES[profile]).routine


@pytest.mark.parametrize(
    ("profile", "old", "new"),
    [
        ("fomc", "The Committee decided today to lower its target for the federal funds rate to 4-1/2 percent.",
         "The Committee decided today to lower its target for the federal funds rate to 4-1/4 percent."),
        ("fomc", "the Committee decided to purchase up to $300 billion of longer-term Treasury securities",
         "the Committee decided to purchase up to $600 billion of longer-term Treasury securities"),
        ("fomc", "Voting against was Eric S. Rosengren, who preferred to lower the target by 50 basis points.",
         "Voting against was Thomas M. Hoenig, who preferred no change."),
        ("fomc", "Voting for the FOMC monetary policy action were: Ben S. Bernanke, Chairman; and Kevin M. "
                 "Warsh. Voting against was Thomas M. Hoenig.",
         "Voting for the FOMC monetary policy action were: Ben S. Bernanke, Chairman; and Kevin M. "
         "Warsh. Voting against were Thomas M. Hoenig and Richard W. Fisher."),
        ("fomc", "to warrant exceptionally low levels for the federal funds rate at least through mid-2013",
         "to warrant exceptionally low levels for the federal funds rate at least through mid-2014"),
        ("fomc", "The Committee met in September and will act as needed.",
         "The Committee met in October and will act forcefully as needed."),
        ("un-resolution", "Encouraged by the signing of the Treaty by 187 States,",
         "Encouraged by the signing of the Treaty by 188 States,"),
        ("un-resolution", "Requests the Secretary-General to report by 1 September 2025;",
         "Requests the Secretary-General to report by 1 June 2025;"),
        ("un-resolution", "Recalling its resolution 78/66 of 4 December 2023,",
         "Recalling with concern its resolution 79/77 of 2 December 2024,"),
        ("joint-statement", "We welcome a quota increase by December 15, 2023.",
         "We welcome a quota increase by December 15, 2024."),
        ("joint-statement", "We will invest $10 billion in 2024.", "We will invest $5 billion in 2024."),
    ],
)
def test_policy_figures_dissents_deadlines_and_wording_are_never_routine(
    profile: str, old: str, new: str
) -> None:
    assert not mark_routine(pair(old, new), PROFILES[profile]).routine


@pytest.mark.parametrize("status", [Status.ADDED, Status.REMOVED, Status.UNCHANGED])
def test_only_changed_pairs_can_be_routine(status: Status) -> None:
    text = "Recalling its resolution 78/66 of 4 December 2023,"
    sides = pair(text, text)
    if status is Status.ADDED:
        sides = Pair(status, (), sides.new)
    elif status is Status.REMOVED:
        sides = Pair(status, sides.old, ())
    else:
        sides = Pair(status, sides.old, sides.new)
    assert not mark_routine(sides, PROFILES["un-resolution"]).routine


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Federal Open Market Committee decided today to keep its target.", "fomc"),
        ("Voting for the FOMC monetary policy action were: ...", "fomc"),
        ("United Nations A/RES/79/77\n\nThe General Assembly,\n\nRecalling ...", "un-resolution"),
        ("The General Assembly,\n\nReaffirming ...", "un-resolution"),
        ("We, the Leaders of the Quad, met in Wilmington.", "joint-statement"),
    ],
)
def test_the_profile_is_detected_from_the_text(text: str, name: str) -> None:
    assert detect_profile(text).name == name


def test_masking_keeps_everything_else() -> None:
    text = "Recalling its resolution 78/66 of 4 December 2023, and 187 States,"
    assert masked(text, PROFILES["un-resolution"]) == "Recalling its <resolutions>, and 187 States,"


def test_a_user_profile_is_added_and_detected(tmp_path: Path) -> None:
    user = tmp_path / "ecb.toml"
    user.write_text(
        "name = 'ecb'\npriority = 30\ncues = ['Governing Council']\n"
        "[[mask]]\nname = 'meeting'\npattern = '(?<=meeting on )\\d{1,2} [A-Z][a-z]+'\nreplacement = '<date>'\n",
        encoding="utf-8",
    )
    profiles = load_profiles([user])
    ecb = detect_profile("At its meeting on 6 June the Governing Council decided", profiles)
    assert ecb.name == "ecb"
    assert mark_routine(pair("At its meeting on 6 June the Governing Council decided",
                             "At its meeting on 18 July the Governing Council decided"), ecb).routine


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("priority = 1\n", "no name"),
        ("name = 'x'\n[[mask]]\npattern = '(unclosed'\n", "does not compile"),
        ("name = 'x'\nmasks = []\n", "unknown key"),
        ("name = = 'x'", "not valid TOML"),
    ],
)
def test_a_bad_profile_is_a_usage_error(tmp_path: Path, content: str, problem: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_profiles([bad])
    assert "bad.toml" in str(caught.value) and problem in str(caught.value)
