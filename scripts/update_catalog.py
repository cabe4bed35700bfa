"""Refresh resources/locale/vi/LC_MESSAGES/ptdraft.po from the messages in ptdraft/gui.

Keeps every existing translation, adds new messages untranslated, drops the ones
no longer used, and lists what still needs a translation.
    python scripts/update_catalog.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "resources" / "locale" / "vi" / "LC_MESSAGES" / "ptdraft.po"


def main() -> int:
    with open(PO, "rb") as handle:
        old = read_po(handle, locale="vi", domain="ptdraft")
    catalog = Catalog(
        locale="vi",
        domain="ptdraft",
        header_comment=old.header_comment,
        project="ptdraft",
        version="0.1",
        copyright_holder="the ptdraft developers",
        msgid_bugs_address=old.msgid_bugs_address,
        last_translator=old.last_translator,
        language_team="ptdraft <vi>",
        revision_date=old.revision_date,
        fuzzy=False,
    )
    missing = []
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        ROOT / "ptdraft" / "gui", keywords={"_": None}, method_map=[("**.py", "python")]
    ):
        existing = old.get(message)
        translation = existing.string if existing is not None else ""
        if not translation:
            missing.append(message)
        catalog.add(message, translation)
    with open(PO, "wb") as out:
        write_po(out, catalog, width=100, include_lineno=False, omit_header=False)
    for message in missing:
        print(f"untranslated: {message}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
