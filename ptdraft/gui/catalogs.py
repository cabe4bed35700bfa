"""Compile the interface catalogs (resources/locale/*/LC_MESSAGES/*.po → .mo) with Babel.

Run by the build (setup.py) and by the tests; compiled catalogs are never kept in git.
    python -m ptdraft.gui.catalogs
"""
from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def compile_catalogs(root: Path) -> list[Path]:
    """Compile every .po under ``root`` next to itself; returns the .mo files written."""
    written = []
    for po in sorted(root.glob("*/LC_MESSAGES/*.po")):
        with open(po, "rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name, domain=po.stem)
        mo = po.with_suffix(".mo")
        with open(mo, "wb") as out:
            write_mo(out, catalog)
        written.append(mo)
    return written


def main() -> int:
    from ptdraft.resources import resource

    for path in compile_catalogs(resource("locale")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
