"""Syntax colours for template texts (TOML with Jinja inside its strings) and for diffs between versions."""
from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QFontDatabase, QSyntaxHighlighter, QTextCharFormat

_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"]+(?:\.[A-Za-z0-9_\-\"]+)*)\s*=")
_HEADER = re.compile(r"^\s*\[\[?[^\]]*\]\]?\s*(?=#|$)")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_LITERALS = re.compile(r"(?<![\w.])(true|false|\d{4}-\d{2}-\d{2}|-?\d+(?:\.\d+)?)(?![\w-])")

IN_LITERAL = 1  # inside '''…'''
IN_BASIC = 2  # inside """…"""


def _format(color: str, *, bold: bool = False, italic: bool = False, background: str | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


def code_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(font.pointSize(), 10))
    return font


class TemplateHighlighter(QSyntaxHighlighter):
    """TOML keys, table headers, strings, comments and numbers; Jinja ``{{ }}``, ``{% %}`` and ``{# #}`` on top."""

    FORMATS = {
        "key": _format("#1f4e9c", bold=True),
        "header": _format("#7a2e8f", bold=True),
        "string": _format("#2d6a2d"),
        "comment": _format("#808080", italic=True),
        "literal": _format("#a05a00"),
        "{{": _format("#b03000", bold=True, background="#fff1e0"),
        "{%": _format("#8a1a8a", bold=True, background="#f6e8f8"),
        "{#": _format("#808080", italic=True, background="#f0f0f0"),
    }

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        state = self.previousBlockState()
        position = 0
        if state in (IN_LITERAL, IN_BASIC):
            quotes = "'''" if state == IN_LITERAL else '"""'
            end = text.find(quotes)
            if end < 0:
                self.setFormat(0, len(text), self.FORMATS["string"])
                self.setCurrentBlockState(state)
                self._jinja(text)
                return
            position = end + 3
            self.setFormat(0, position, self.FORMATS["string"])
        self.setCurrentBlockState(0)
        if position == 0:
            header = _HEADER.match(text)
            if header:
                self.setFormat(0, header.end(), self.FORMATS["header"])
                position = header.end()
            key = _KEY.match(text)
            if key:
                self.setFormat(key.start(1), len(key.group(1)), self.FORMATS["key"])
                position = key.end()
        self._rest(text, position)
        self._jinja(text)

    def _rest(self, text: str, position: int) -> None:
        """Strings, comments and literals from ``position`` to the end of the line."""
        plain_start = position
        while position < len(text):
            ch = text[position]
            if ch == "#":
                self._literals(text, plain_start, position)
                self.setFormat(position, len(text) - position, self.FORMATS["comment"])
                return
            if ch in "'\"":
                self._literals(text, plain_start, position)
                triple = text[position:position + 3]
                if triple in ("'''", '"""'):
                    end = text.find(triple, position + 3)
                    if end < 0:
                        self.setFormat(position, len(text) - position, self.FORMATS["string"])
                        self.setCurrentBlockState(IN_LITERAL if ch == "'" else IN_BASIC)
                        return
                    end += 3
                else:
                    end = position + 1
                    while end < len(text) and text[end] != ch:
                        end += 2 if ch == '"' and text[end] == "\\" else 1
                    end = min(end + 1, len(text))
                self.setFormat(position, end - position, self.FORMATS["string"])
                position = plain_start = end
                continue
            position += 1
        self._literals(text, plain_start, len(text))

    def _literals(self, text: str, start: int, end: int) -> None:
        for found in _LITERALS.finditer(text, start, end):
            self.setFormat(found.start(), found.end() - found.start(), self.FORMATS["literal"])

    def _jinja(self, text: str) -> None:
        for found in _JINJA.finditer(text):
            self.setFormat(found.start(), found.end() - found.start(), self.FORMATS[found.group(0)[:2]])


class DiffHighlighter(QSyntaxHighlighter):
    """A unified diff: added lines green, removed lines red, hunk headers blue, file headers bold."""

    FORMATS = {
        "+": _format("#0a5c0a", background="#e3f6e3"),
        "-": _format("#8c0f0f", background="#fbe4e4"),
        "@": _format("#1f4e9c", italic=True),
        "file": _format("#000000", bold=True),
    }

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        kind = diff_kind(text)
        if kind:
            self.setFormat(0, len(text), self.FORMATS[kind])


def diff_kind(line: str) -> str | None:
    """"+", "-", "@" or "file" for a line of a unified diff; None for an unchanged line."""
    if line.startswith(("+++", "---")):
        return "file"
    if line.startswith("@@"):
        return "@"
    if line[:1] in ("+", "-"):
        return line[0]
    return None
