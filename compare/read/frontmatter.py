"""Markdown front matter for reading: the simple YAML between "---" lines, as key/value pairs.

Only what these files use: "key: value" with plain, single- or double-quoted scalars (escapes
included), folded continuation lines and "- item" lists.
"""

from __future__ import annotations

import re

from compare import regexcache
from compare.read.layout import Line

__all__ = ["front_matter"]

_FRONT_KEY = regexcache.compiled(r"([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*)|)")
_YAML_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\u0085",
    "_": "\u00a0", "L": "\u2028", "P": "\u2029",
}
_YAML_HEX = {"x": 2, "u": 4, "U": 8}


def front_matter(lines: list[Line]) -> tuple[int, list[tuple[str, str]]]:
    """YAML front matter between "---" lines: (index of the first body line, key/value pairs).

    Only the simple YAML these files use: "key: value" with plain, single- or double-quoted
    scalars (escapes such as \\u2019 and \\_ included), folded continuation lines and "- item"
    lists, which are joined with ", ".
    """
    if not lines or lines[0].text.strip() != "---":
        return 0, []
    end = next(
        (index for index in range(1, len(lines)) if lines[index].text.strip() in ("---", "...")),
        None,
    )
    if end is None or not _FRONT_KEY.fullmatch(lines[1].text):
        return 0, []
    entries: list[tuple[str, list[str]]] = []
    for line in lines[1:end]:
        match = _FRONT_KEY.fullmatch(line.text)
        if match and not line.text[:1].isspace():
            entries.append((match.group(1), [match.group(2) or ""]))
        elif entries:
            entries[-1][1].append(line.text)
    return end + 1, [(key, _yaml_scalar(raw)) for key, raw in entries]


def _yaml_scalar(raw: list[str]) -> str:
    r"""The value of one simple YAML scalar, given its lines.

    >>> _yaml_scalar([r'"G7 Leaders\u2019\_Statement"'])
    'G7 Leaders’\xa0Statement'
    >>> _yaml_scalar(['"Strategic Consultative\\_\\', '  Group"']), _yaml_scalar(["'it''s'"])
    ('Strategic Consultative\xa0Group', "it's")
    >>> _yaml_scalar(["", "  - a", "  - b"]), _yaml_scalar(["2022-09-23 15:00:10-04:00"])
    ('a, b', '2022-09-23 15:00:10-04:00')
    """
    first = raw[0].strip()
    if first.startswith('"'):
        return _yaml_double_quoted("\n".join([first, *raw[1:]])[1:])
    if first.startswith("'"):
        body = _fold_yaml("\n".join([first, *raw[1:]])[1:])
        return (body[: body.rfind("'")] if "'" in body else body).replace("''", "'")
    items = [line.strip()[2:].strip() for line in raw[1:] if line.strip().startswith("- ")]
    if not first and items:
        return ", ".join(items)
    return _fold_yaml("\n".join([first, *raw[1:]])).strip()


def _fold_yaml(text: str) -> str:
    """Fold a multi-line YAML scalar: each line break with its indentation becomes one space."""
    return re.sub(r"[ \t]*\n[ \t]*", " ", text)


def _yaml_double_quoted(body: str) -> str:
    """The text of a double-quoted YAML scalar, `body` starting after its opening quote."""
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == '"':
            break
        if char == "\\" and index + 1 < len(body):
            code = body[index + 1]
            if code == "\n":
                index += 2
                while index < len(body) and body[index] in " \t":
                    index += 1
                continue
            if code in _YAML_HEX:
                digits = body[index + 2 : index + 2 + _YAML_HEX[code]]
                try:
                    out.append(chr(int(digits, 16)))
                    index += 2 + len(digits)
                    continue
                except ValueError:
                    pass
            out.append(_YAML_ESCAPES.get(code, "\\" + code))
            index += 2
            continue
        if char == "\n":
            while out and out[-1] in " \t":
                out.pop()
            out.append(" ")
            index += 1
            while index < len(body) and body[index] in " \t":
                index += 1
            continue
        out.append(char)
        index += 1
    return "".join(out)
