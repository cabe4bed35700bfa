"""The command line speaks one language: every help page and every usage error of every command is Vietnamese.

The parser is walked, not listed by hand, so a command added later is checked too. After the
command names and option strings are taken out of the text, no English word that argparse (or
a forgotten metavar) would print may remain.
"""
from __future__ import annotations

import argparse
import re
import sys

import pytest

from ptdraft import __version__, cli
from ptdraft.cli.main import _build_parser

# Words argparse prints in English, and the English dests a metavar-less argument shows.
ENGLISH = {
    "usage", "positional", "optional", "arguments", "argument", "options", "show", "help", "message", "exit",
    "error", "required", "following", "invalid", "choice", "choose", "from", "expected", "unrecognized",
    "version", "program", "value", "least", "most", "allowed", "with", "ignored", "explicit", "ambiguous",
    "could", "match", "unexpected", "string", "output", "file", "source", "data", "draft", "number", "year",
    "issuer", "book", "reason", "search", "status", "issued", "cancelled", "the", "and", "this",
}


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """Every (command path, parser) pair: the top parser, each command and each sub-command."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _leaves(child, (*path, name))


PARSERS = list(_leaves(_build_parser()))
COMMAND_WORDS = {word for path, _ in PARSERS for word in path} | {"ptdraft"}
OPTIONS = {s for _, parser in PARSERS for action in parser._actions for s in action.option_strings}


def _english_words(text: str) -> set[str]:
    stripped = text
    for option in sorted(OPTIONS, key=len, reverse=True):
        stripped = stripped.replace(option, " ")
    words = set(re.findall(r"[A-Za-z]+", stripped))
    return {w for w in words if w.lower() in ENGLISH and w.lower() not in COMMAND_WORDS}


def _run(capsys, *args: str) -> tuple[int, str]:
    try:
        code = cli.main(list(args))
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 0
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("path,parser", PARSERS, ids=[" ".join(p) or "ptdraft" for p, _ in PARSERS])
def test_help_page_is_vietnamese(capsys, path, parser):
    """``ptdraft … -h`` of every command: "cách dùng", Vietnamese headings, and every argument has Vietnamese help."""
    code, text = _run(capsys, *path, "-h")
    assert code == 0
    assert text.startswith("cách dùng: ptdraft")
    assert not _english_words(text), text
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        assert action.help, f"{' '.join(path)}: {action.option_strings or action.dest} has no help"


@pytest.mark.parametrize("path,parser", PARSERS, ids=[" ".join(p) or "ptdraft" for p, _ in PARSERS])
def test_usage_errors_are_vietnamese(capsys, path, parser):
    """An unknown option, and a missing required argument, give a Vietnamese message and exit code 2."""
    code, text = _run(capsys, *path, "--khong-co-tuy-chon-nay")
    assert code == 2
    assert "ptdraft: lỗi:" in text and not _english_words(text), text
    required = [a for a in parser._actions if a.required and not isinstance(a, argparse._SubParsersAction)]
    if required:
        code, text = _run(capsys, *path)
        assert code == 2
        assert "thiếu tham số bắt buộc" in text and not _english_words(text), text


def test_bad_values_and_unknown_command_are_vietnamese(capsys):
    """A value of the wrong type, a bad choice and an unknown command: one Vietnamese line each, exit code 2."""
    cases = [
        ("register", "list", "--year", "abc"),
        ("register", "list", "--status", "xong"),
        ("khong-co-lenh-nay",),
        ("render", "giay-moi", "-o"),
    ]
    for args in cases:
        code, text = _run(capsys, *args)
        assert code == 2, args
        assert "ptdraft: lỗi:" in text and not _english_words(text), (args, text)


def test_version(capsys):
    """``ptdraft --version`` prints the package version."""
    code, text = _run(capsys, "--version")
    assert code == 0 and text.strip() == f"ptdraft {__version__}"


def test_window_without_a_screen_is_one_message(capsys, monkeypatch):
    """``ptdraft X.json`` on Linux with no display: one line, exit code 2, and Qt is never started."""
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, text = _run(capsys, "ban-thao.json")
    assert code == 2
    lines = text.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ptdraft: lỗi: không mở được cửa sổ soạn thảo")
