"""Importing an existing letter (a .txt copied out of a PDF, or a .docx) as a draft.

    draft, report = import_file(Path("cong-van.txt"))
    print("\\n".join(report.lines()))

The letter's parts are recognised by what they say (see :mod:`.header`, :mod:`.lists`,
:mod:`.signature`, :mod:`.structure`); PDF line wraps are undone (:mod:`.lines`);
legacy TCVN3/VNI text is converted (:mod:`.source`). Text that fits no part goes into
the body as it is, and the report lists it.
"""
from __future__ import annotations

from pathlib import Path

from ptdraft.errors import InputError
from ptdraft.importer.assemble import assemble
from ptdraft.importer.report import ImportReport
from ptdraft.importer.source import Source, read_source, source_from_text
from ptdraft.model import Draft

__all__ = ["ImportReport", "Source", "import_file", "import_text"]


def import_file(path: Path) -> tuple[Draft, ImportReport]:
    """The draft made from the letter in ``path`` (.txt or .docx) and what the import recognised."""
    source = read_source(Path(path))
    try:
        return assemble(source)
    except InputError as exc:  # a fault of the text found while reading it ("dòng 12–40 …"): named with the file
        if exc.where is None:
            raise InputError(exc.message, str(path)) from None
        raise


def import_text(text: str, name: str = "văn bản dán vào") -> tuple[Draft, ImportReport]:
    """The draft made from a letter's text (pasted, or already read) and what the import recognised."""
    return assemble(source_from_text(text, name))
