"""argparse in Vietnamese: every word argparse itself prints (usage, headings, errors) translated.

argparse looks its messages up through the module-level names ``_`` and ``ngettext`` it takes
from :mod:`gettext` (CPython 3.11–3.13). :func:`install` points those two names at the table
below, once per process, so the usage line, the "positional arguments"/"options" headings, the
help of ``-h`` and ``--version`` and the errors for a missing or unknown argument come out in
Vietnamese. A message missing from the table (a newer Python) falls back to English rather
than failing; ``tests/test_cli_words.py`` runs every user-visible case and fails on an English word.
"""
from __future__ import annotations

import argparse

# argparse's message ids, exactly as CPython writes them, and their Vietnamese.
MESSAGES: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in số phiên bản của chương trình rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "không hiểu các tham số: %s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "ignored explicit argument %r": "tham số %r không nhận giá trị",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s không rõ: có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn %(value)r không có (chọn một trong: %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "lựa chọn %(value)r không có, có phải là %(closest)r? (chọn một trong: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "option '%(option)s' is deprecated": "tùy chọn '%(option)s' đã bỏ",
    "command '%(parser_name)s' is deprecated": "lệnh '%(parser_name)s' đã bỏ",
    "argument '%(argument_name)s' is deprecated": "tham số '%(argument_name)s' đã bỏ",
}
PLURALS: dict[str, str] = {
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
}


def translate(message: str) -> str:
    """The Vietnamese of one argparse message (the message itself when it is not in the table)."""
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    """ngettext for argparse's plural messages; Vietnamese has one form."""
    return PLURALS.get(singular if count == 1 else plural, singular if count == 1 else plural)


_installed = False


def install() -> None:
    """Point argparse's message look-up at the Vietnamese table (once; idempotent)."""
    global _installed
    if _installed:
        return
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = translate_plural  # type: ignore[attr-defined]
    _installed = True
