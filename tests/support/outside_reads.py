"""An audit hook that records every path the test process opens beside the checkout.

"Beside" means inside the repository's parent folder but not inside the repository: that is
where the project brief's folder lies on a developer's machine, and a clone on CI has nothing
there. Installed once, from ``tests/conftest.py``, before the first test; read by
``tests/test_self_contained.py``.
"""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PARENT = REPO.parent
SEEN: list[str] = []
# What stood beside the checkout when the session began (the brief's folder, other checkouts).
# Folders made later (a test's temporary files, when the clone sits in /tmp) are not "beside".
_SIBLINGS: set[str] = set()
_EVENTS = {"open", "os.listdir", "os.scandir", "os.chdir"}
_installed = False


def _outside(raw: object) -> str | None:
    """The absolute path when ``raw`` names something in a folder beside the checkout, else None."""
    if isinstance(raw, int) or raw is None:
        return None
    try:
        path = os.path.abspath(os.fsdecode(raw))  # type: ignore[arg-type]
    except TypeError:
        return None
    prefix = str(PARENT).rstrip(os.sep) + os.sep
    if not path.startswith(prefix):
        return None
    first = path[len(prefix):].split(os.sep, 1)[0]
    return path if first in _SIBLINGS else None


def _hook(event: str, args: tuple) -> None:
    if event in _EVENTS and args:
        found = _outside(args[0])
        if found is not None:
            SEEN.append(found)


def install() -> None:
    """Install the hook once (audit hooks cannot be removed; a second call does nothing)."""
    global _installed
    if _installed or PARENT == Path(PARENT.anchor):
        return  # at the filesystem root every system folder is "beside": only the static check applies
    try:
        _SIBLINGS.update(entry.name for entry in os.scandir(PARENT) if entry.name != REPO.name and not entry.name.startswith("pytest-of-"))
    except OSError:
        return
    sys.addaudithook(_hook)
    _installed = True


def active() -> bool:
    """True once the hook is installed (it is not when the checkout sits at the filesystem root)."""
    return _installed


@contextlib.contextmanager
def pretend_sibling(name: str) -> Iterator[None]:
    """Treat ``name`` as a folder beside the checkout for the duration (the hook's own test)."""
    _SIBLINGS.add(name)
    try:
        yield
    finally:
        _SIBLINGS.discard(name)
