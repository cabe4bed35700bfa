"""Where the shipped data lives: ``templates/`` and ``resources/``.

In a source checkout they are the top-level folders; in an installed wheel they
are packaged as ``ptdraft._templates`` and ``ptdraft._resources`` (see
pyproject.toml), so both ways of running find the same files.
"""
from __future__ import annotations

import functools
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


_PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache
def _folder(name: str, installed: str) -> Path:
    source = _SOURCE_ROOT / name
    if (source / ".ptdraft-data").is_file():
        return source
    return _PACKAGE_DIR / installed


def templates_dir() -> Path:
    """The folder of the shipped, read-only templates."""
    return _folder("templates", "_templates")


def resources_dir() -> Path:
    """The folder of shipped resources (schema, font metrics, translations)."""
    return _folder("resources", "_resources")


def resource(*parts: str) -> Path:
    """A file under the resources folder."""
    return resources_dir().joinpath(*parts)
