"""Which line of a template file an error is on, for the command line's messages and the template editor.

The engine names a TOML error by its file line ("lỗi cú pháp TOML ở dòng 12, cột 5") but a
Jinja error by the part of the document and the line within that part's text ("mẫu:
content.body", "dòng 3 của phần này"), since the text of a part is rendered on its own.
:func:`error_line` finds the part's key in the TOML text and counts from there. No Qt here.
"""
from __future__ import annotations

import re
import tomllib

from ptdraft.errors import PtdraftError
from ptdraft.model import Ref

_TOML_LINE = re.compile(r"TOML ở dòng (\d+)")
_PART_LINE = re.compile(r"dòng (\d+) của phần này")
_PART = re.compile(r"content\.([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)?)")
_EXAMPLE = re.compile(r"\[example\]\.([A-Za-z0-9_]+)")
_FIELD = re.compile(r"fields\[(\d+)\]")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")


def error_line(source: str, error: PtdraftError) -> int | None:
    """The 1-based line of ``source`` that ``error`` is about, or None when it names no line or part."""
    try:
        return _error_line(source, f"{error.where or ''}: {error.message}")
    except Exception:  # noqa: BLE001 - a line we cannot find is only a missing hint, never an error of its own
        return None


def _error_line(source: str, text: str) -> int | None:
    found = _TOML_LINE.search(text)
    if found:
        return int(found.group(1))
    lines = source.splitlines()
    found = _PART.search(text)
    if found:
        within = _PART_LINE.search(text)
        return part_line(source, found.group(1), int(within.group(1)) if within else 1)
    found = _EXAMPLE.search(text)
    if found:
        return _key_line(lines, ("example",), 0, found.group(1))
    found = _FIELD.search(text)
    if found:
        return _header_line(lines, ("fields",), int(found.group(1)) - 1)
    return None


def _headers(lines: list[str]) -> list[tuple[int, tuple[str, ...]]]:
    """(0-based line, table path) of each table header."""
    out = []
    for index, line in enumerate(lines):
        found = _HEADER.match(line)
        if found and "=" not in line.split("#")[0]:
            path = tuple(part.strip().strip('"') for part in found.group(2).split("."))
            out.append((index, path))
    return out


def _header_line(lines: list[str], table: tuple[str, ...], occurrence: int) -> int | None:
    matches = [index for index, path in _headers(lines) if path == table]
    return matches[occurrence] + 1 if 0 <= occurrence < len(matches) else None


def _key_line(lines: list[str], table: tuple[str, ...], occurrence: int, key: str) -> int | None:
    """The 1-based line where ``key = …`` is set in the ``occurrence``-th table named ``table``."""
    headers = _headers(lines)
    starts = [index for index, path in headers if path == table]
    if not table:
        starts, ends = [-1], [headers[0][0] if headers else len(lines)]
    else:
        if occurrence >= len(starts):
            return None
        ends = [next((h for h, _p in headers if h > start), len(lines)) for start in starts]
    start, end = starts[occurrence], ends[occurrence]
    pattern = re.compile(r"^\s*\"?" + re.escape(key) + r"\"?\s*=")
    for index in range(start + 1, end):
        if pattern.match(lines[index]):
            return index + 1
    return None


def part_line(source: str, part: str, line_in_part: int = 1) -> int | None:
    """The file line of line ``line_in_part`` of a content part ("body", "recipients[2]", "signature.name",
    "requirements[1].subitems[2]")."""
    lines = source.splitlines()
    try:
        ref = Ref.parse(part)
    except ValueError:
        return None
    (name, index), rest = ref.steps[0], ref.steps[1:]
    table: tuple[str, ...]  # the TOML table holding the part: [content], [content.signature], [[content.requirements]]
    if name == "signature" and len(rest) == 1:
        table, occurrence, key, element = ("content", "signature"), 0, rest[0][0], None
    elif name == "requirements" and index:
        table, occurrence = ("content", "requirements"), index - 1
        sub_name, sub_index = rest[0] if len(rest) == 1 else ("", None)
        key, element = (sub_name, sub_index - 1) if sub_index else ("text", None)
    else:
        table, occurrence, key = ("content",), 0, name
        element = index - 1 if index else None
    start = _key_line(lines, table, occurrence, key)
    if start is None:
        return None
    value = _value(source, table, occurrence, key, element)
    if element is not None and isinstance(value, str):
        start = _find_from(lines, start, value)
    return _line_within(lines, start, line_in_part)


def _value(source: str, table: tuple[str, ...], occurrence: int, key: str, element: int | None) -> object:
    data: object = tomllib.loads(source)
    for name in table:
        data = data.get(name) if isinstance(data, dict) else None
    if isinstance(data, list):
        data = data[occurrence] if occurrence < len(data) else None
    value = data.get(key) if isinstance(data, dict) else None
    if element is not None:
        value = value[element] if isinstance(value, list) and element < len(value) else None
    return value


def _find_from(lines: list[str], start: int, value: str) -> int:
    """The line, from ``start`` on, where an array element's text begins (``start`` when not seen)."""
    first = next((piece.strip() for piece in value.split("\n") if piece.strip()), "")
    if not first:
        return start
    for index in range(start - 1, len(lines)):
        if first in lines[index]:
            return index + 1
    return start


def _line_within(lines: list[str], start: int, line_in_part: int) -> int:
    """Line ``line_in_part`` of a string value that begins on file line ``start``.

    A multi-line string (''' or \"\"\") keeps its lines, the newline right after the
    opening quotes dropped; a one-line string holds all its lines (as \\n) on ``start``.
    """
    text = lines[start - 1]
    for quotes in ("'''", '"""'):
        position = text.find(quotes)
        if position >= 0 and text.count(quotes) == 1:
            opens_alone = not text[position + 3:].strip()
            line = start + line_in_part - (0 if opens_alone else 1)
            return min(line, len(lines))
    return start
