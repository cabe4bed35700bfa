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

from ptdraft.model import Draft
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
    }


def long_appendices() -> Draft:
    """The real letter (with the contact footer of page 1) and two appendices after it, the first three pages
    long: each starts a page with no number and counts 2, 3 … again (issue 12)."""
    from ptdraft.model import Annex

    long_body = "\n\n".join(f"{i}. {LONGER_REQUEST} {i}." for i in range(1, 40))
    return _with(letter_draft(), contact=FULL_CONTACT, annexes=(
        Annex("Danh sách các nhiệm vụ", long_body), Annex("Biểu tổng hợp", "1. Tổng số: 39 nhiệm vụ."),
    ))
