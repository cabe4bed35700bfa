"""The checkout stands alone: nothing in it names, or opens, a path beside or above the repository.

Two checks. The static one reads every tracked text file for the brief's folder name and for
relative climbs out of the checkout. The dynamic one is an audit hook (installed by
``tests/conftest.py`` before any test runs) that records every file or folder the test process
opens inside the repository's parent folder but outside the repository itself; the last test of
the session asserts that list is empty.
"""
from __future__ import annotations

import re
import subprocess

import pytest

from tests.support import outside_reads
from tests.support import REPO

# Built from parts so that this file does not match its own pattern.
BRIEF = "sha" + "red"
CLIMB = re.compile(r"\.\./" + BRIEF + r"\b|(?<![\w.])\.\./\.\./")
TEXT_SUFFIXES = {".py", ".md", ".toml", ".json", ".txt", ".cfg", ".ini", ".sh", ".bat", ".spec", ".yml", ".yaml", ""}


def _tracked_files() -> list[str]:
    result = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=False)
    if result.returncode == 0 and result.stdout.strip():
        return result.stdout.splitlines()
    # Not a git checkout (an unpacked sdist): every file under the root.
    return [p.relative_to(REPO).as_posix() for p in REPO.rglob("*") if p.is_file() and ".git" not in p.parts]


def test_no_file_names_a_path_above_the_checkout():
    """No tracked source, test, script or document names the brief's folder one level up, or climbs two folders up."""
    offenders = []
    for name in _tracked_files():
        path = REPO / name
        if path.suffix not in TEXT_SUFFIXES or name.startswith("tests/data/") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if CLIMB.search(line):
                offenders.append(f"{name}:{number}: {line.strip()[:100]}")
    assert not offenders, "\n".join(offenders)


def test_the_audit_hook_sees_a_read_beside_the_checkout():
    """The hook the last test relies on really records an open in a folder beside the repository."""
    if not outside_reads.active():
        pytest.skip("the checkout sits at the filesystem root: there is no folder beside it to guard")
    before = len(outside_reads.SEEN)
    probe = outside_reads.PARENT / "ptdraft-probe" / "note.txt"
    with outside_reads.pretend_sibling("ptdraft-probe"):
        try:
            probe.open(encoding="utf-8")
        except OSError:
            pass
    assert outside_reads.SEEN[before:] == [str(probe)]
    del outside_reads.SEEN[before:]


def test_zz_nothing_was_opened_beside_the_checkout():
    """Over the whole session (this test runs last), no test opened a file or folder beside the repository."""
    assert outside_reads.SEEN == []
