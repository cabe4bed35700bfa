"""Writing template files: a small TOML writer, and stamping the version and approval into a text.

``tomllib`` only reads. The library writes template text in two ways:

- :func:`dump` writes a whole template from plain data ("Save as template"), in the
  layout of ``templates/*.toml``: top-level keys, ``[approval]``, ``[[fields]]``,
  ``[content]`` with ``[content.signature]``, ``[example]``; multi-line text as
  ``'''`` literal strings, so paragraphs stay readable in a review diff.
- :func:`stamp` sets ``version = N`` and the ``[approval]`` table of an existing text
  by editing only those lines, so the author's comments and layout survive. When the
  text is laid out in a way the line editor does not follow, the result is checked by
  parsing it again, and the whole text is written anew with :func:`dump` instead.
"""
from __future__ import annotations

import datetime as _dt
import re
import tomllib
from typing import Any, Mapping

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\s\"]+?)\s*\]\]?\s*(#.*)?$")
_VERSION_LINE = re.compile(r"^\s*version\s*=")
_ID_LINE = re.compile(r"^\s*id\s*=")


# -- writing ---------------------------------------------------------------------------------


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else _basic(name)


def _basic(text: str) -> str:
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _string(text: str) -> str:
    """Multi-line text as a ''' literal when it can be one (readable), else an escaped basic string."""
    literal_ok = (
        "\n" in text
        and "'''" not in text
        and not text.endswith("'")
        and not any((ord(c) < 0x20 and c not in "\n\t") or ord(c) == 0x7F for c in text)
    )
    if literal_ok:
        return "'''\n" + text + "'''"
    return _basic(text)


def _value(value: Any, indent: str = "") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [_value(v, indent + "    ") for v in value]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 80 and "\n" not in one_line:
            return one_line
        return "[\n" + "".join(f"{indent}    {item},\n" for item in items) + f"{indent}]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _table(data: Mapping[str, Any], path: tuple[str, ...], out: list[str]) -> None:
    for name, value in data.items():
        if value is None or _is_table(value) or _is_table_array(value):
            continue
        out.append(f"{_key(name)} = {_value(value)}")
    for name, value in data.items():
        if _is_table(value):
            out.append("")
            out.append("[" + ".".join(_key(p) for p in (*path, name)) + "]")
            _table(value, (*path, name), out)
        elif _is_table_array(value):
            for item in value:
                out.append("")
                out.append("[[" + ".".join(_key(p) for p in (*path, name)) + "]]")
                _table(item, (*path, name), out)


def dump(data: Mapping[str, Any], header: str = "") -> str:
    """``data`` as TOML text (None values are left out); ``header`` lines become comments at the top."""
    out: list[str] = [f"# {line}".rstrip() for line in header.splitlines()]
    _table(data, (), out)
    return "\n".join(out).lstrip("\n") + "\n"


# -- stamping ------------------------------------------------------------------------------------


def _structure(lines: list[str]) -> list[bool]:
    """For each line, whether it is structure (outside a multi-line string)."""
    flags: list[bool] = []
    inside: str | None = None
    for line in lines:
        flags.append(inside is None)
        position = 0
        while True:
            if inside is None:
                found = [(line.find(d, position), d) for d in ("'''", '"""')]
                found = [(i, d) for i, d in found if i >= 0]
                if not found:
                    break
                index, delimiter = min(found)
                # A triple quote after a '#' is inside a comment.
                hash_at = line.find("#", position)
                if 0 <= hash_at < index and line[:hash_at].count('"') % 2 == 0 and line[:hash_at].count("'") % 2 == 0:
                    break
                inside = delimiter
                position = index + 3
            else:
                index = line.find(inside, position)
                if index < 0:
                    break
                while line.startswith(inside[0], index + 3):  # up to two quotes may end the string
                    index += 1
                inside = None
                position = index + 3
    return flags


def _approval_lines(state: str, by: str, at: _dt.date | None) -> list[str]:
    lines = ["[approval]", f"state = {_basic(state)}"]
    if by:
        lines.append(f"by = {_basic(by)}")
    if at is not None:
        lines.append(f"at = {at.isoformat()}")
    return [line + "\n" for line in lines]


def _stamp_lines(source: str, version: int, approval: list[str]) -> str:
    lines = source.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    structure = _structure(lines)
    headers = [i for i, line in enumerate(lines) if structure[i] and _HEADER.match(line)]
    first_header = headers[0] if headers else len(lines)

    # [approval]: replace the table (up to the next header), or add it before the first table.
    approval_at = next((i for i in headers if _header_name(lines[i]) == "approval"), None)
    if approval_at is not None:
        end = next((i for i in headers if i > approval_at), len(lines))
        while end > approval_at + 1 and not lines[end - 1].strip():
            end -= 1
        lines[approval_at:end] = approval
    else:
        block = approval + ["\n"]
        if first_header < len(lines) and first_header > 0 and lines[first_header - 1].strip():
            block = ["\n"] + block
        lines[first_header:first_header] = block
        structure = _structure(lines)

    # version = N among the top-level keys.
    first_header = next((i for i, line in enumerate(lines) if structure[i] and _HEADER.match(line)), len(lines))
    line_no = next((i for i in range(first_header) if structure[i] and _VERSION_LINE.match(lines[i])), None)
    if line_no is not None:
        lines[line_no] = f"version = {version}\n"
    else:
        after = next((i for i in range(first_header) if structure[i] and _ID_LINE.match(lines[i])), None)
        at = after + 1 if after is not None else 0
        lines[at:at] = [f"version = {version}\n"]
    return "".join(lines)


def stamp(source: str, *, version: int, state: str, by: str = "", at: _dt.date | None = None) -> str:
    """``source`` with ``version = version`` and ``[approval]`` set to ``state``, ``by``, ``at``.

    Every other line is kept as written; the result is parsed again and must hold the
    same data with only those keys changed, else the text is written anew from its data.
    """
    original = tomllib.loads(source)
    wanted = dict(original)
    wanted["version"] = version
    approval: dict[str, Any] = {"state": state}
    if by:
        approval["by"] = by
    if at is not None:
        approval["at"] = at
    wanted["approval"] = approval
    try:
        result = _stamp_lines(source, version, _approval_lines(state, by, at))
        if tomllib.loads(result) == wanted:
            return result
    except (tomllib.TOMLDecodeError, AttributeError, ValueError):
        pass
    ordered: dict[str, object] = {k: wanted[k] for k in ("id", "title", "doc_type", "version", "description")
                                  if k in wanted}
    ordered.update((k, v) for k, v in wanted.items() if k not in ordered)
    return dump(ordered)


def _header_name(line: str) -> str:
    """The table name of a TOML header line ("[approval]" → "approval"); "" for any other line."""
    found = _HEADER.match(line)
    return found.group(1).strip() if found else ""
