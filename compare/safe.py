"""Text from a document is data, never commands: neutralising it for terminals and Markdown.

Every renderer passes document text through here. ``printable`` makes control characters,
escape sequences, bidirectional overrides and invisible characters visible instead of letting
them act on the reader's terminal or hide there; ``markdown_inline`` also backslash-escapes
everything Markdown or inline HTML would interpret, so a statement cannot add links, emphasis,
tables or tags to a report.
"""

from __future__ import annotations

import re

from compare import regexcache

__all__ = ["HIDDEN_CLASS", "INVISIBLE", "invisible_characters", "markdown_inline", "plain", "printable"]

_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200D),  # zero-width space, non-joiner, joiner
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x3164, 0x3164),  # Hangul filler
    (0xFEFF, 0xFEFF),  # zero-width no-break space (a byte order mark inside the text)
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xE0000, 0xE007F),  # tag characters, which can spell out hidden ASCII
)
INVISIBLE = frozenset(chr(code) for low, high in _INVISIBLE_RANGES for code in range(low, high + 1))
"""Characters that take no room on screen. They carry no wording, so matching ignores them
(``normalise``), but they can mark a copy or smuggle text, so every view shows them
(``<U+200B>``) and a pair whose only difference they are is reported (``pipeline``)."""
_INVISIBLE_CLASS = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _INVISIBLE_RANGES)
HIDDEN_CLASS = f"\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069{_INVISIBLE_CLASS}"
"""DEL, C1 controls, the Unicode format characters that reorder text (bidi overrides and
isolates) and INVISIBLE, as the inside of a regex character class, in ranges: listed one by one
(the 128 tag characters among them) the class is tried character by character, which cost a
quarter of a second on a 2 MB JSON document."""
# C0 controls except none (a clause never holds a line break), and the hidden characters.
_UNSAFE = regexcache.compiled(f"[\x00-\x1f{HIDDEN_CLASS}]")
_INVISIBLE = regexcache.compiled(f"[{_INVISIBLE_CLASS}]")
_MARKDOWN_SPECIAL = regexcache.compiled(r"([\\`*_\[\]<|~&$])")
# ">" needs no escape inside a line: with "<" escaped no tag or autolink can open; at the
# start of a line it would quote, and _LINE_START_MARKUP escapes it there.
_LINE_START_MARKUP = regexcache.compiled(r"^(\d+)([.)])|^([#+\-=>])")


def _visible(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" of the character: ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def printable(text: str) -> str:
    """The text with every control, bidi-override or invisible character replaced by a visible
    sign.

    >>> printable("ok\\x1b[31mred\\u202e"), printable("zero\\u200bwidth")
    ('ok␛[31mred<U+202E>', 'zero<U+200B>width')
    """
    return _UNSAFE.sub(_visible, text)


def invisible_characters(text: str) -> list[str]:
    """The invisible characters of the text, in order.

    >>> invisible_characters("a\\u200bb\\u00adc")
    ['\\u200b', '\\xad']
    """
    return _INVISIBLE.findall(text)


def plain(text: str) -> str:
    """The text on one line, white space collapsed, control characters made visible: how every
    format shows document text before escaping it for its own markup.

    >>> plain("We  note\\n the \\x1b plan")
    'We note the ␛ plan'
    """
    return printable(" ".join(text.split()))


def markdown_inline(text: str) -> str:
    """The text as literal inline Markdown: every character that could be markup is escaped.

    >>> print(markdown_inline("a | b *c* <script> [x](javascript:alert(1)) &amp;"))
    a \\| b \\*c\\* \\<script> \\[x\\](javascript:alert(1)) \\&amp;
    >>> print(markdown_inline("1. # heading"))
    1\\. # heading
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", plain(text))
    return _LINE_START_MARKUP.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", escaped)
