"""README's commands run as written from a fresh clone, so the README can never drift from the program.

Every fenced ``sh`` block of README.md is read. The two commands for a fresh machine (after the
``run-command`` and ``test-command`` markers) are checked for what they promise; every other
line is a ``ptdraft`` command, run in order in an empty folder that holds only a copy of
``examples/`` (as a clone's root would), with its own data folder, once per language part of
the README. Each must exit 0. The template example shown in the README is the shipped
``examples/mau-thong-bao-nghi-le.toml``, and every script the README names exists.
"""
from __future__ import annotations

import re
import shlex
import shutil

import pytest

from ptdraft import cli
from tests.support import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
ENGLISH_ANCHOR = '<a id="english"></a>'
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def _blocks(text: str) -> list[tuple[str, str, str]]:
    """(language, body, the line before the fence) for each fenced block."""
    out = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        out.append((match.group(1), match.group(2), before.strip()))
    return out


def _marked(marker: str) -> str:
    found = [body.strip() for lang, body, before in _blocks(README) if before == f"<!-- {marker} -->"]
    assert len(found) == 1, f"README needs exactly one block after <!-- {marker} -->"
    return found[0]


def _commands(part: str) -> list[list[str]]:
    """The shell lines of a README part's sh blocks (continuations joined, comments dropped) as argument lists."""
    commands = []
    for lang, body, before in _blocks(part):
        if lang != "sh" or before in ("<!-- run-command -->", "<!-- test-command -->"):
            continue
        for line in body.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if words:
                commands.append(words)
    return commands


PARTS = dict(zip(("vi", "en"), README.split(ENGLISH_ANCHOR, 1)))


def test_two_commands_for_a_fresh_machine():
    """The user's command installs the program plainly (not editable, no test tools) and opens the window;
    the test command installs the test extra and runs pytest; the English part quotes both word for word."""
    run, test = _marked("run-command"), _marked("test-command")
    assert re.fullmatch(r"python3 -m pip install \. && ptdraft", run), run
    assert "-e" not in run.split() and "[test]" not in run
    assert "[test]" in test and test.endswith("python3 -m pytest")
    assert f"`{run}`" in PARTS["en"] and f"`{test}`" in PARTS["en"]


def test_every_readme_block_holds_only_ptdraft_commands():
    """A command block that is not one of the two install commands holds ptdraft commands only (they are all run below)."""
    for part in PARTS.values():
        commands = _commands(part)
        assert commands
        assert all(words[0] == "ptdraft" for words in commands), [w for w in commands if w[0] != "ptdraft"]


@pytest.mark.parametrize("language", sorted(PARTS))
def test_readme_commands_run_as_written(language, tmp_path, monkeypatch, capsys):
    """Each ptdraft command of the README part, in order, in a folder like a fresh clone's root, exits 0."""
    work = tmp_path / "clone"
    shutil.copytree(REPO / "examples", work / "examples")
    monkeypatch.chdir(work)
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PTDRAFT_DB", raising=False)
    ran = 0
    for words in _commands(PARTS[language]):
        try:
            code = cli.main(words[1:])
        except SystemExit as stop:  # --version, --help
            code = stop.code if isinstance(stop.code, int) else 0
        captured = capsys.readouterr()
        assert code == 0, f"{shlex.join(words)} → {code}\n{captured.out}\n{captured.err}"
        ran += 1
    assert ran >= 8
    # The files the commands promise are there.
    for name in ("giay-moi.docx" if language == "vi" else "invitation.docx",):
        assert (work / name).stat().st_size > 0


def test_readme_template_example_is_the_shipped_file():
    """The TOML shown in the README is examples/mau-thong-bao-nghi-le.toml, character for character."""
    shown = [body for lang, body, _ in _blocks(README) if lang == "toml"]
    assert shown == [(REPO / "examples" / "mau-thong-bao-nghi-le.toml").read_text(encoding="utf-8")]


def test_scripts_named_in_readme_exist():
    """Every ``python3 path.py`` the README mentions (benchmarks, screenshot, tools) is a file of the checkout."""
    named = set(re.findall(r"python3 ((?:benchmarks|scripts)/[\w./-]+\.py)", README))
    assert named
    missing = sorted(n for n in named if not (REPO / n).is_file())
    assert not missing
