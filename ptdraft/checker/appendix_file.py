"""An appendix issued as a file of its own (Phụ lục, Mẫu 2.1/2.2; FORMAT.md §3.2, §11).

Its first page opens with "Phụ lục" (numbered I, II … when the document has several), the appendix's title and
"(Kèm theo … số … ngày … của …)", then its content. It has no Quốc hiệu, number, signature or Nơi nhận: the document
it goes with has them. Such a file is recognised by these opening lines, and its parts are what the rules check.
"""
from __future__ import annotations

import re

from ptdraft.checker.document import DocInfo
from ptdraft.checker.recognise import Recognised, _Finder, fold
from ptdraft.rules import Element

# "Phụ lục", "Phụ lục I", "PHỤ LỤC 02" as fold() writes them.
_HEADING = re.compile(r"^phuluc([ivxlcdm]+|\d+)?$")
_NOTE = "kemtheo"  # "(Kèm theo …"
TITLE_LINES = 4  # the title may wrap onto a few lines between the heading and the "Kèm theo" line

# What an appendix file must hold (a title: Phụ lục I, "phụ lục văn bản phải có tiêu đề").
REQUIRED = (Element.APPENDIX, Element.APPENDIX_TITLE, Element.ANNEX_NOTE, Element.BODY)


def recognise_appendix(doc: DocInfo) -> Recognised | None:
    """The parts of an appendix file, or None when the document does not open as one."""
    finder = _Finder(doc)
    paras = finder.visible(0, len(doc.paragraphs))
    if not paras or paras[0].table >= 0 or not _HEADING.match(fold(paras[0].text)):
        return None
    note = next((n for n, p in enumerate(paras[1:TITLE_LINES + 2], start=1) if fold(p.text).startswith(_NOTE)), None)
    if note is None:
        return None
    finder.add(Element.APPENDIX, paras[0].index)
    for para in paras[1:note]:
        finder.add(Element.APPENDIX_TITLE, para.index)
    finder.add(Element.ANNEX_NOTE, paras[note].index)
    _type, _label, _items, body, free = finder.middle(paras[note].index + 1, len(doc.paragraphs))
    parts = tuple(sorted(finder.parts, key=lambda p: (p.index, p.start)))
    return Recognised(parts, None, None, (), None, (), tuple(body), frozenset(free), appendix=True)
