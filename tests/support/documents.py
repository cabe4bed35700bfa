"""Drafts whose pages the preview must break where LibreOffice breaks them (beyond the shipped examples).

Each one puts a page break where an earlier preview went wrong: the real letter
lengthened to three pages; page 1 of a letter ending against a two-line contact
footer (the footer pushes the text up); a closing row that fills page 2 almost
to the last point (the DOCX's final 1-twip paragraph must still fit on it); a long
decision whose stamps, rules and "space after" paragraphs shift every page.
They are rendered with the session's other documents (tests/conftest.py) so
LibreOffice converts them in its one batch.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import unicodedata
from pathlib import Path

from ptdraft.model import Content, Draft, Signature, SigningMode
from tests.support import FULL_CONTACT, full_decision_draft, letter_draft

REQUEST = (
    "Văn phòng Ủy ban nhân dân tỉnh đề nghị Sở Tài chính chuẩn bị nội dung báo cáo về tình hình thực hiện "
    "nhiệm vụ, có số liệu cụ thể"
)
LONGER_REQUEST = REQUEST + " và đầy đủ, gửi về Văn phòng trước ngày 15 hằng tháng để tổng hợp, báo cáo"


def _with(draft: Draft, **changes) -> Draft:
    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, **changes))


def three_page_letter() -> Draft:
    """The real letter with its body three times over: three pages, the benchmark's letter too."""
    letter = letter_draft()
    return _with(letter, body="\n\n".join([letter.content.body.strip()] * 3))


def _padded_letter(short: int, **changes) -> Draft:
    letter = letter_draft()
    body = (
        letter.content.body.strip()
        + "".join(f"\n\nNội dung ngắn số {i}." for i in range(short))
        + "".join(f"\n\n{LONGER_REQUEST} {i}." for i in range(6))
    )
    return _with(letter, body=body, **changes)


def pagination_drafts() -> dict[str, Draft]:
    """Name → draft, names unique among the session's rendered documents."""
    return {
        "preview-three-pages": three_page_letter(),
        "preview-tall-footer": _padded_letter(6, contact=FULL_CONTACT),
        "preview-empty-last-page": _padded_letter(6),
        "preview-long-decision": _with(
            full_decision_draft(),
            body=full_decision_draft().content.body
            + "".join(f"\n\nĐiều {i + 3}. {REQUEST} {i}." for i in range(39)),
            contact="",
        ),
        "preview-long-appendices": long_appendices(),
        "preview-long-plan": long_plan(),
        "preview-regulation": long_regulation(),
    }


PLAN_JSON = Path(__file__).resolve().parent.parent / "data" / "samples" / "real" / "12.json"

# The assignment table a plan of this kind carries (tasks, lead unit, partners, time): long enough to run onto a
# second page, so that its header row repeats there.
ASSIGNMENTS = (
    "| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |\n"
    "|--|---------|-----|-----|----|\n"
    + "".join(
        f"| {n} | {task} | Sở Văn hóa và Thể thao | Các sở, ngành; UBND các xã, phường | Tháng {4 + n % 6}/2026 |\n"
        for n, task in enumerate(
            [
                "Xây dựng chương trình tổng thể Festival", "Tổ chức lễ khai mạc và bế mạc",
                "Tổ chức không gian trưng bày di sản", "Tuyên truyền trên báo chí và nền tảng số",
                "Bảo đảm an ninh, trật tự, an toàn giao thông", "Bảo đảm y tế, vệ sinh an toàn thực phẩm",
                "Mời đoàn nghệ thuật trong nước và quốc tế", "Tổ chức chương trình nghệ thuật đường phố",
                "Vận động tài trợ, xã hội hóa nguồn lực", "Tổng hợp, báo cáo kết quả tổ chức Festival",
                "Tổ chức hội thảo khoa học về di sản Thăng Long", "Xây dựng sản phẩm du lịch gắn với Festival",
                "Trang trí, chỉnh trang đô thị", "Tổ chức chợ phiên sản phẩm làng nghề",
            ],
            start=1,
        )
    )
)


def long_plan() -> Draft:
    """The real 12-page kế hoạch of Hà Nội (tests/data/samples/real/12.json) typed in the body markup: its sections
    I.–V., items 1., sub-items 2.1., dash lines and paragraphs, and an assignment table; about fourteen pages."""
    annotation = json.loads(PLAN_JSON.read_text(encoding="utf-8"))
    sections = ["\n\n".join(item.split("\n")) for item in annotation["numbered_items"]]
    sections.insert(4, sections.pop(4).replace("\n\n2. ", "\n\nPhân công nhiệm vụ cụ thể:\n\n" + ASSIGNMENTS + "\n2. ", 1))
    body = "\n\n".join(annotation["body_paragraphs"] + sections)
    content = Content(
        doc_type="Kế hoạch",
        authority="ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI",
        issuer_code="UBND",
        number=173,
        place="Hà Nội",
        date=_dt.date(2026, 4, 28),
        subject=unicodedata.normalize("NFC", annotation["subject"]),
        body=unicodedata.normalize("NFC", body),
        closing=unicodedata.normalize("NFC", annotation["closing"]),
        close="./.",
        signature=Signature(mode=SigningMode.TM, collective="ỦY BAN NHÂN DÂN", position="CHỦ TỊCH",
                            name="Vũ Đại Thắng"),
        distribution=tuple(annotation["distribution"][:-1]),
        archive=("KGVX",),
    )
    return Draft(content=content, title="Kế hoạch tổ chức Festival", author="UBND thành phố Hà Nội")


_DUTY = (
    "Thực hiện đúng chức năng, nhiệm vụ, quyền hạn được giao; chịu trách nhiệm trước Ủy ban nhân dân tỉnh và "
    "trước pháp luật về kết quả thực hiện nhiệm vụ được phân công, bảo đảm đúng tiến độ và chất lượng"
)


def long_regulation() -> Draft:
    """A Quy chế in parts, chapters and sections (Phần, Chương, Mục) with articles, clauses and points, the way a
    decision's attached rules are divided (FORMAT.md §4.2): seven pages, a part, its chapter and section and their
    titles kept together with the first article at the top of page 3. (With a Tiểu mục too, LibreOffice was seen
    to leave the first two of such a chain of seven headings at the foot of page 2, depending on text further on;
    the preview keeps the chain whole: see ptdraft/gui/pages.py.)"""
    chapters = []
    article = 0
    for chapter in range(1, 6):
        lines = [f"Chương {chapter}", f"Quy định về nhóm nội dung thứ {chapter}", ""]
        for section in range(1, 3 if chapter > 1 else 1):
            lines += [f"Mục {section}. Nội dung thứ {section} của chương", ""]
            for _ in range(2):
                article += 1
                lines += [f"Điều {article}. Trách nhiệm thực hiện số {article}"]
                lines += [f"1. {_DUTY} {article}; {_DUTY.lower()}.", "2. Các đơn vị có liên quan phối hợp:",
                          "a) Cung cấp thông tin, tài liệu đầy đủ, kịp thời;", f"b) {_DUTY}.", ""]
        if chapter == 1:
            for _ in range(2):
                article += 1
                lines += [f"Điều {article}. Phạm vi điều chỉnh số {article}", "", f"{_DUTY} {article}.", ""]
        chapters.append("\n".join(lines))
    body = "Phần I\nNhững quy định chung\n\n" + "\n".join(chapters[:2]) + "\nPhần II\nNhững quy định cụ thể\n\n" + "\n".join(chapters[2:])
    content = Content(
        doc_type="Quy chế",
        authority="ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ",
        issuer_code="UBND",
        number=12,
        place="Quảng Trị",
        date=_dt.date(2026, 6, 15),
        subject="Làm việc của Ủy ban nhân dân tỉnh nhiệm kỳ 2026 - 2031",
        body=body,
        close="./.",
        signature=Signature(mode=SigningMode.TM, collective="ỦY BAN NHÂN DÂN", position="CHỦ TỊCH",
                            name="Lê Văn Cường"),
        distribution=("Các sở, ban, ngành",),
        archive=("VP",),
    )
    return Draft(content=content, title="Quy chế làm việc", author="UBND tỉnh Quảng Trị")


def long_appendices() -> Draft:
    """The real letter (with the contact footer of page 1) and two appendices after it, the first three pages
    long: each starts a page with no number and counts 2, 3 … again (issue 12)."""
    from ptdraft.model import Annex

    long_body = "\n\n".join(f"{i}. {LONGER_REQUEST} {i}." for i in range(1, 40))
    return _with(letter_draft(), contact=FULL_CONTACT, annexes=(
        Annex("Danh sách các nhiệm vụ", long_body), Annex("Biểu tổng hợp", "1. Tổng số: 39 nhiệm vụ."),
    ))
