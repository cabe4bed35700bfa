"""What the checker reports: a :class:`Finding` per problem, and the :class:`Fix` the fixer can apply for it.

Every rule has an id ("page.margin.left", "font.family", "date.leading-zero"), the
FORMAT.md box number (ô số) of the element it concerns ("" for page-wide rules)
and the FORMAT.md section that states it. Messages are Vietnamese sentences a
reviewer understands.
"""
from __future__ import annotations

import dataclasses

import re
import unicodedata
from typing import Sequence
from dataclasses import dataclass, field

from ptdraft.rules import Element
from ptdraft.text import grouped

EXCERPT_CHARS = 60


@dataclass(frozen=True)
class Finding:
    """One departure from Nghị định 30.

    ``paragraph`` is the 0-based index of the paragraph in document order (paragraphs
    inside tables counted where they stand), or None for a page-wide or missing element.
    ``ref`` names the part of a draft the paragraph comes from ("subject",
    "distribution"…) when a draft was checked; "" for a DOCX.
    """

    rule: str
    box: str
    section: str
    paragraph: int | None
    excerpt: str
    message: str
    fix: str
    fixable: bool = False
    ref: str = ""
    count: int = 1  # places with this same finding that it stands for (see :func:`proportionate`)

    def to_dict(self) -> dict[str, object]:
        return {
            "count": self.count,
            "rule": self.rule,
            "box": self.box,
            "section": self.section,
            "paragraph": self.paragraph,
            "excerpt": self.excerpt,
            "message": self.message,
            "fix": self.fix,
            "fixable": self.fixable,
            "ref": self.ref,
        }


@dataclass(frozen=True)
class Fix:
    """A safe repair of one finding, applied by :mod:`ptdraft.checker.fixer`.

    ``kind`` is one of: "page" (section ``target``, attribute ``name``, twips ``value``),
    "fonts" (every font slot everywhere), "runs" (paragraph ``target``, run indices
    ``runs``, ``size``/``bold``/``italic``), "paragraph" (``align``/``first_indent``),
    "text" (the paragraph's text becomes ``text``; punctuation, spacing and leading
    zeros only), "title-page" (section ``target``: no page number on page 1).
    """

    kind: str
    target: int = 0
    name: str = ""
    value: int = 0
    runs: tuple[int, ...] = ()
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: str = ""
    first_indent: int | None = None
    text: str = ""


@dataclass(frozen=True)
class Result:
    """A finding and, when it can be repaired safely, how."""

    finding: Finding
    repair: Fix | None = field(default=None)


_BOXES = {
    Element.MOTTO: "1",
    Element.AUTHORITY: "2",
    Element.PAGE_NUMBER: "",
    Element.RULE: "",
    Element.COPY_KIND: "",  # FORMAT.md gives the copy block's parts no box number
    Element.DRAFT_MARK: "",  # the decree has no box for it: offices mark drafts sent for comment
}

ELEMENT_NAMES = {
    Element.CIRCULATION: "Phạm vi lưu hành",
    Element.NATIONAL_TITLE: "Quốc hiệu",
    Element.MOTTO: "Tiêu ngữ",
    Element.PARENT_AUTHORITY: "Tên cơ quan chủ quản",
    Element.AUTHORITY: "Tên cơ quan ban hành",
    Element.NUMBER: "Số, ký hiệu",
    Element.PLACE_DATE: "Địa danh, ngày tháng năm",
    Element.DOC_TYPE: "Tên loại văn bản",
    Element.SUBJECT: "Trích yếu nội dung",
    Element.SUBJECT_VV: "Trích yếu công văn (V/v)",
    Element.SECRECY: "Dấu chỉ độ mật",
    Element.URGENCY: "Dấu chỉ độ khẩn",
    Element.RECIPIENTS: "Kính gửi",
    Element.DECIDING_AUTHORITY: "Thẩm quyền ban hành",
    Element.LEGAL_BASIS: "Căn cứ ban hành",
    Element.DECISION_WORD: "Từ \"QUYẾT ĐỊNH:\"",
    Element.BODY: "Nội dung",
    Element.ARTICLE: "Điều",
    Element.LIST_ITEM: "Mục",
    Element.SUB_ITEM: "Điểm",
    Element.CLOSING: "Nội dung",
    Element.CLOSE: "Câu kết",
    Element.SIGN_AUTHORITY: "Quyền hạn, chức vụ người ký",
    Element.SIGN_POSITION: "Chức vụ người ký",
    Element.SIGN_NAME: "Họ tên người ký",
    Element.DISTRIBUTION_LABEL: "Chữ \"Nơi nhận:\"",
    Element.DISTRIBUTION: "Danh sách nơi nhận",
    Element.CONTACT: "Địa chỉ, liên hệ",
    Element.PAGE_NUMBER: "Số trang",
    Element.COPY_KIND: "Hình thức sao",
    Element.COPY_BOX: "Thông tin chữ ký số trên bản sao điện tử",
    Element.DRAFT_MARK: "Dấu \"DỰ THẢO\"",
    Element.APPENDIX: "Chữ \"Phụ lục\"",
    Element.APPENDIX_TITLE: "Tên phụ lục",
    Element.ANNEX_NOTE: "Dòng \"(Kèm theo …)\"",
}


def box_of(element: Element) -> str:
    """The FORMAT.md box number (ô số) of an element: "1", "2", "5a", "7a", "9b"…"""
    if element in _BOXES:
        return _BOXES[element]
    return element.value.split("-")[0]


def excerpt(text: str) -> str:
    """The start of a paragraph's text on one line, shortened with "…"."""
    flat = " ".join(text.replace("\u00a0", " ").split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[: EXCERPT_CHARS - 1].rstrip() + "…"


_PUNCT = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d+")


def wording(text: str) -> str:
    """The words of a text: letters (case kept) and numbers (leading zeros dropped), nothing else.

    A text fix is safe when it keeps this unchanged: only punctuation, spacing and
    leading zeros move.
    """
    text = unicodedata.normalize("NFC", text)
    text = _NUMBER.sub(lambda m: str(int(m.group())), text)
    return _PUNCT.sub("", text)


def text_fix(index: int, old: str, new: str) -> Fix | None:
    """A "text" fix of paragraph ``index`` to ``new``, or None when it would change the wording of ``old``."""
    if new == old or wording(new) != wording(old):
        return None
    return Fix("text", target=index, text=new)


SHOWN_EACH = 5  # places of one rule in one box listed one by one; more are counted in one finding


def proportionate(findings: Sequence[Finding], each: int = SHOWN_EACH) -> list[Finding]:
    """Findings in proportion to the file: of one rule in one box, the first ``each`` as they are and, when there
    are more, one more finding standing for all the rest with their number ("… và 49.995 chỗ khác như vậy"), so a
    file that breaks a rule in fifty thousand places gives six lines, not fifty thousand."""
    sizes: dict[tuple[str, str], int] = {}
    for finding in findings:
        key = (finding.rule, finding.box)
        sizes[key] = sizes.get(key, 0) + 1
    seen: dict[tuple[str, str], int] = {}
    out: list[Finding] = []
    for finding in findings:
        key = (finding.rule, finding.box)
        index = seen[key] = seen.get(key, -1) + 1
        if index < each:
            out.append(finding)
        elif index == each:
            rest = sizes[key] - each
            out.append(dataclasses.replace(
                finding, count=rest,
                message=f"{finding.message} (và {grouped(rest - 1)} chỗ khác như vậy)" if rest > 1
                else finding.message))
    return out
