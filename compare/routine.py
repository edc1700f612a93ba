"""Mark the changes a genre makes by construction, so that readers can skip them.

Runs after align() (and shift()): a reworded pair whose only difference is the month of the
previous meeting ("met in September" -> "met in October"), a session ordinal ("Seventy-ninth"
-> "Eightieth"), a document symbol, a meeting date, the growing list of "Recalling its
resolutions ..." or the roll of FOMC voters gets ``routine=True``. Which changes are routine is
data: one profile per genre in ``compare/profiles/*.toml`` (fomc, un-resolution,
joint-statement), and users can add or replace one with a file.

Method: each profile lists masks, regular expressions for the parts that change by
construction. Both texts are masked and the pair is routine when the masked texts are equal.
Masks never cover a figure that carries policy (a rate target, a purchase amount, a vote count,
a deadline) or who dissented, so a change there always stays visible; a profile's ``never``
patterns are a second guard that vetoes routine whenever what they match differs.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from compare import regexcache
from compare.data import shipped_text
from compare.errors import UsageError
from compare.limits import MAX_SETTINGS_BYTES, Unreadable, read_limited
from compare.model import Pair, Status
from compare.normalise import unify_characters

__all__ = [
    "Mask",
    "Profile",
    "detect_profile",
    "load_profiles",
    "mark_routine",
    "masked",
]

SHIPPED_PROFILES = ("fomc.toml", "un-resolution.toml", "joint-statement.toml")
_CHANGED = (Status.REWORDED, Status.MOVED, Status.SPLIT, Status.MERGED)


@dataclass(frozen=True, slots=True)
class Mask:
    """A part of the text that changes by construction, and what it is replaced with."""

    name: str
    pattern: re.Pattern[str]
    replacement: str


@dataclass(frozen=True, slots=True)
class Profile:
    """A genre: how to recognise its documents and which of their changes are routine."""

    name: str
    cues: tuple[re.Pattern[str], ...] = ()
    """Any one of these found in a document's text marks it as of this genre."""
    masks: tuple[Mask, ...] = ()
    never: tuple[re.Pattern[str], ...] = ()
    """A pair is never routine when what one of these matches differs between its texts."""
    priority: int = 0
    """Profiles are tried highest first; a profile without cues is the fallback."""
    speaker: str | None = None
    """Who speaks in clauses of this genre that name no actor ("General Assembly")."""


def load_profiles(extra: Sequence[Path | str] = ()) -> tuple[Profile, ...]:
    """The shipped profiles plus user files, highest priority first.

    A user profile with the name of a shipped one replaces it.

    Raises:
        UsageError: a profile file cannot be read, is not TOML or holds a bad pattern.
    """
    return _load(tuple(str(path) for path in extra))


@cache
def _load(extra: tuple[str, ...]) -> tuple[Profile, ...]:
    documents = [(name, shipped_text("compare.profiles", name)) for name in SHIPPED_PROFILES]
    for path in extra:
        try:
            documents.append((path, read_limited(path, MAX_SETTINGS_BYTES).decode("utf-8")))
        except Unreadable as err:
            raise UsageError(f"cannot read profile '{path}': {err.reason}") from err
        except UnicodeDecodeError as err:
            raise UsageError(f"cannot read profile '{path}': not UTF-8") from err
    profiles: dict[str, Profile] = {}
    for source, text in documents:
        profile = _parse(source, text)
        profiles[profile.name] = profile
    return tuple(sorted(profiles.values(), key=lambda p: -p.priority))


def _parse(source: str, text: str) -> Profile:
    def fail(problem: str) -> UsageError:
        return UsageError(f"bad profile '{source}': {problem}")

    try:
        raw = regexcache.toml(text)
    except ValueError as err:  # tomllib.TOMLDecodeError
        raise fail(f"not valid TOML ({err})") from err
    except RecursionError as err:  # tomllib recurses once per level of nesting
        raise fail("not valid TOML (nested too deeply)") from err
    unknown = set(raw) - {"name", "priority", "cues", "mask", "never", "speaker"}
    if unknown:
        raise fail(f"unknown key {sorted(unknown)[0]!r}")
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        raise fail("no name")
    priority = raw.get("priority", 0)
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise fail("priority must be a whole number")
    speaker = raw.get("speaker")
    if speaker is not None and (not isinstance(speaker, str) or not speaker):
        raise fail("speaker must be a non-empty string")

    def compiled(pattern: object, where: str, flags: int) -> re.Pattern[str]:
        if not isinstance(pattern, str) or not pattern:
            raise fail(f"{where}: pattern must be a non-empty string")
        try:
            return regexcache.compiled(pattern, flags)
        except re.error as err:
            raise fail(f"{where}: pattern {pattern!r} does not compile ({err})") from err

    cues = raw.get("cues", [])
    if not isinstance(cues, list):
        raise fail("cues must be a list of patterns")
    masks = []
    for number, entry in enumerate(raw.get("mask", []), start=1):
        if not isinstance(entry, dict):
            raise fail(f"[[mask]] #{number} is not a table")
        where = f"[[mask]] {entry.get('name', f'#{number}')!r}"
        replacement = entry.get("replacement", "<routine>")
        if not isinstance(replacement, str):
            raise fail(f"{where}: replacement must be a string")
        masks.append(
            Mask(str(entry.get("name", number)), compiled(entry.get("pattern"), where, re.I), replacement)
        )
    never = []
    for number, entry in enumerate(raw.get("never", []), start=1):
        if not isinstance(entry, dict):
            raise fail(f"[[never]] #{number} is not a table")
        where = f"[[never]] {entry.get('name', f'#{number}')!r}"
        never.append(compiled(entry.get("pattern"), where, re.I))
    return Profile(
        name=name,
        cues=tuple(compiled(cue, "cues", 0) for cue in cues),
        masks=tuple(masks),
        never=tuple(never),
        priority=priority,
        speaker=speaker,
    )


def detect_profile(text: str, profiles: Sequence[Profile] | None = None) -> Profile:
    """The genre of a document, from cues in its text; the fallback profile when none match.

    >>> detect_profile("The Federal Open Market Committee decided today ...").name
    'fomc'
    >>> detect_profile("The General Assembly,\\n\\nRecalling ...").name
    'un-resolution'
    >>> detect_profile("We, the Leaders of the Quad ...").name
    'joint-statement'
    """
    candidates = tuple(profiles) if profiles is not None else load_profiles()
    for profile in candidates:
        if any(cue.search(text) for cue in profile.cues):
            return profile
    fallbacks = [profile for profile in candidates if not profile.cues]
    if fallbacks:
        return fallbacks[0]
    return Profile("none")


def masked(text: str, profile: Profile) -> str:
    """The text with every routine part replaced by its placeholder, white space collapsed.

    >>> from compare.routine import load_profiles
    >>> fomc = next(p for p in load_profiles() if p.name == "fomc")
    >>> masked("Information received since the Committee met in September", fomc)
    'Information received since the Committee met in <month>'
    """
    result = " ".join(unify_characters(text).split())
    for mask in profile.masks:
        result = mask.pattern.sub(mask.replacement, result)
    return " ".join(result.split())


def mark_routine(pair: Pair, profile: Profile) -> Pair:
    """Return the pair with ``routine`` set: True when its change is there by construction.

    Only pairs whose text changed can be routine (reworded, moved with edits, split, merged);
    added, removed and unchanged pairs get False.
    """
    if pair.status not in _CHANGED or not pair.old or not pair.new:
        return _routine(pair, False)
    old_text = " ".join(unify_characters(" ".join(c.text for c in pair.old)).split())
    new_text = " ".join(unify_characters(" ".join(c.text for c in pair.new)).split())
    if old_text == new_text:
        return _routine(pair, False)
    for guard in profile.never:
        if [m.group(0) for m in guard.finditer(old_text)] != [m.group(0) for m in guard.finditer(new_text)]:
            return _routine(pair, False)
    return _routine(pair, masked(old_text, profile) == masked(new_text, profile))


def _routine(pair: Pair, routine: bool) -> Pair:
    """The pair with ``routine`` set, itself if it is so already (a long document's thousands of
    unchanged pairs are not copied for nothing)."""
    return pair if pair.routine is routine else dataclasses.replace(pair, routine=routine)
