"""Appendices issued as files of their own (Phụ lục in a separate file, Mẫu 2.1/2.2; FORMAT.md §3.2, §9, §11).

The document is laid out once, exactly as when its appendices print in the same file; each appendix's part (what
follows its section break) then becomes a layout of its own: "Phụ lục" (numbered I, II … when there are several),
its title, "(Kèm theo … số … ngày … của …)" with the short rule, and its body ending "./.". A file of its own
counts its pages from 1, page 1 showing no number (FORMAT.md §1). The text a decision issues or approves (Mẫu 1.3)
is not an appendix and stays in the decision's file. In the electronic form the number and date of the "Kèm theo"
line stay blank (§9), as they do in the same file; the agency's signature at the top right of the appendix's first
page (box 14) is put there when the file is signed, not typed into the DOCX.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from ptdraft.layout import Layout, Para, SectionBreak
from ptdraft.model import Content, Ref
from ptdraft.rules import Element


@dataclass(frozen=True)
class AppendixFile:
    """One appendix as a document of its own: its heading as printed ("Phụ lục II") and its layout."""

    heading: str
    layout: Layout


def _parts(layout: Layout) -> list[tuple[SectionBreak | None, list]]:
    """The layout's blocks cut at each section break: the document's own part first (with no break), then each
    annex's part after the break that opens it."""
    parts: list[tuple[SectionBreak | None, list]] = [(None, [])]
    for block in layout.blocks:
        if isinstance(block, SectionBreak):
            parts.append((block, []))
        else:
            parts[-1][1].append(block)
    return parts


def _is_appendix(content: Content, opening: SectionBreak) -> bool:
    """Whether the annex a section break opens ("annexes[2]") is an appendix (no type name) of ``content``."""
    try:
        number = Ref.parse(opening.ref).index
    except ValueError:
        return False
    if number is None or not 1 <= number <= len(content.annexes):
        return False
    return not content.annexes[number - 1].doc_type.strip()


def split(layout: Layout, content: Content) -> tuple[Layout, tuple[AppendixFile, ...]]:
    """The document without its appendices (an attached text keeps its place), and each appendix as its own file.

    ``layout`` is the layout of the filled ``content`` (:func:`ptdraft.layout.layout`)."""
    parts = _parts(layout)
    kept = list(parts[0][1])
    files: list[AppendixFile] = []
    for opening, blocks in parts[1:]:
        if opening is None or not _is_appendix(content, opening):
            kept.append(opening)
            kept.extend(blocks)
            continue
        heading = next((b.text for b in blocks if isinstance(b, Para) and b.element is Element.APPENDIX), "")
        title = next((b.text for b in blocks if isinstance(b, Para) and b.element is Element.APPENDIX_TITLE), "")
        own = replace(layout, blocks=tuple(blocks), first_footer=(),
                      title=f"{heading}: {title}" if title else heading)
        files.append(AppendixFile(heading, own))
    return replace(layout, blocks=tuple(kept)), tuple(files)


def file_name(path: Path, heading: str) -> Path:
    """Where an appendix goes beside the document written to ``path``: "cong-van.docx" and "Phụ lục II" give
    "cong-van-phu-luc-II.docx" (letters without diacritics, the Roman numeral as printed)."""
    folded = unicodedata.normalize("NFD", heading.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = [w if set(w) <= set("IVXLCDM") else w.lower() for w in plain.split()]
    slug = "-".join(w for w in words if w.isascii() and w.isalnum()) or "phu-luc"
    return path.with_name(f"{path.stem}-{slug}{path.suffix}")
