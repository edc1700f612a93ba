"""Text from a document is data, never commands: neutralising it for terminals and Markdown.

Every renderer passes document text through here. ``printable`` makes control characters,
escape sequences and bidirectional overrides visible instead of letting them act on the
reader's terminal; ``markdown_inline`` also backslash-escapes everything Markdown or inline
HTML would interpret, so a statement cannot add links, emphasis, tables or tags to a report.
"""

from __future__ import annotations

import re

__all__ = ["markdown_inline", "plain", "printable"]

# C0 controls except none (a clause never holds a line break), DEL, C1 controls, and the
# Unicode format characters that reorder or hide text (bidi overrides and isolates).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<|~&$])")
# ">" needs no escape inside a line: with "<" escaped no tag or autolink can open; at the
# start of a line it would quote, and _LINE_START_MARKUP escapes it there.
_LINE_START_MARKUP = re.compile(r"^(\d+)([.)])|^([#+\-=>])")


def _visible(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" of the character: ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def printable(text: str) -> str:
    """The text with every control or bidi-override character replaced by a visible sign.

    >>> printable("ok\\x1b[31mred\\u202e")
    'ok␛[31mred<U+202E>'
    """
    return _UNSAFE.sub(_visible, text)


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
