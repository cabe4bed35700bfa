"""What is missing or wrong in a draft, each with the part of the draft it belongs to.

The window marks the step that owns each ``ref`` and lists the problems before
export; the command line refuses to render while a required value is missing.
"""
from __future__ import annotations

from dataclasses import dataclass

from ptdraft.templating import render
from ptdraft.reference import doctypes
from ptdraft.templating import part_fields
from ptdraft.outputs import signing
from ptdraft.errors import TemplateError
from ptdraft.model import Content, Draft, SigningMode


@dataclass(frozen=True)
class Problem:
    """``ref`` is a content part ("subject", "signature.name", "requirements[2]") or "values.<field id>";
    ``fix`` says what to do, as a sentence; ``rule`` is the checker's rule id for it."""

    ref: str
    message: str
    fix: str = ""
    rule: str = "draft.missing"


# The prefix printed just before the head's title.
_HEAD_PREFIX = {SigningMode.TM_KT: "KT.", SigningMode.TL_KT: "TL."}


def _part(where: str | None) -> str:
    text = where or ""
    return text.split(": ")[-1] if ": " in text else text


def find(draft: Draft, preview: tuple[Content, list[TemplateError]] | None = None) -> list[Problem]:
    """Every problem of a draft, in the order the parts print. ``preview``: the draft's content as the preview
    filled it, with the errors of that fill (pipeline.preview), used instead of filling again when it is the same
    as the plain fill (no required value missing: no "[label]" in it)."""
    content = draft.content
    found: list[Problem] = []

    def need(ref: str, ok: bool, message: str, fix: str) -> None:
        if not ok:
            found.append(Problem(ref, message, fix))

    kind = doctypes.canonical(content.doc_type)
    need("doc_type", kind is not None, f"Loại văn bản '{content.doc_type}' không có trong Nghị định 30",
         "Chọn tên loại văn bản trong danh sách ở bước Loại văn bản và trích yếu (Công văn, Quyết định, Thông báo …).")
    need("authority", bool(content.authority.strip()), "Chưa có tên cơ quan ban hành",
         "Ghi tên cơ quan ban hành ở bước Cơ quan ban hành, ví dụ ỦY BAN NHÂN DÂN / XÃ AN BÌNH.")
    need("issuer_code", bool(content.issuer_code.strip()), "Chưa có chữ viết tắt tên cơ quan trong ký hiệu",
         "Ghi chữ viết tắt tên cơ quan (ví dụ UBND, SNV) ở bước Số, ký hiệu, địa danh, ngày tháng.")
    if kind not in doctypes.NO_DATE_LINE:
        need("place", bool(content.place.strip()), "Chưa có địa danh",
             "Ghi địa danh nơi cơ quan đóng trụ sở (ví dụ Quảng Trị) ở bước Số, ký hiệu, địa danh, ngày tháng.")
    if kind not in doctypes.NO_SUBJECT:
        need("subject", bool(content.subject.strip()), "Chưa có trích yếu nội dung",
             "Ghi một câu ngắn tóm tắt nội dung văn bản ở bước Loại văn bản và trích yếu.")
    if kind == doctypes.CONG_VAN:
        need("recipients", bool(content.recipients), "Công văn chưa có nơi nhận ở phần Kính gửi",
             "Thêm ít nhất một cơ quan, đơn vị nhận ở bước Kính gửi.")
    body_empty = not (content.body.strip() or content.requirements or content.closing.strip())
    need("body", not body_empty, "Chưa có nội dung văn bản", "Viết nội dung văn bản ở bước Nội dung.")
    sig = content.signature
    need("signature.name", bool(sig.name.strip()), "Chưa có họ tên người ký",
         "Ghi họ và tên người ký (không ghi học hàm, học vị) ở bước Người ký.")
    if sig.mode in (SigningMode.TM, SigningMode.TM_KT):
        need("signature.collective", bool(sig.collective.strip()), "Ký thay mặt (TM.) cần tên tập thể hoặc cơ quan",
             "Ghi tên tập thể vào ô Thay mặt (TM.), ví dụ ỦY BAN NHÂN DÂN.")
    if sig.mode is SigningMode.TL_KT:
        need("signature.order_title", bool(sig.order_title.strip()), "Ký TL.KT. cần chức vụ người được giao ký thừa lệnh",
             "Ghi chức vụ người ký thừa lệnh, ví dụ CHÁNH VĂN PHÒNG, để cấp phó của người đó ký KT.")
    if sig.mode in (SigningMode.KT, SigningMode.TL, SigningMode.TUQ, SigningMode.Q, SigningMode.TM_KT, SigningMode.TL_KT):
        need("signature.head_title", bool(sig.head_title.strip()), f"Ký {sig.mode.value} cần chức vụ của người đứng đầu",
             f"Ghi chức vụ người đứng đầu vào ô Chức vụ người đứng đầu, ví dụ {_HEAD_PREFIX.get(sig.mode, sig.mode.value)} "
             "CHỦ TỊCH.")
    if sig.mode is not SigningMode.Q:
        need("signature.position", bool(sig.position.strip()), "Chưa có chức vụ người ký",
             "Ghi chức vụ người ký ở bước Người ký, ví dụ PHÓ CHỦ TỊCH.")
    for item in part_fields.missing_required(draft):  # what the printed page lacks, no more
        found.append(Problem(f"values.{item.id}", f"Chưa điền: {item.label}",
                             f"Điền ô \"{item.label}\" của mẫu."))
    if preview is not None and not render.shows_placeholders(draft):
        filled, errors = preview
    else:
        errors = []
        filled = render.fill(draft, errors=errors)
    for error in errors:
        found.append(Problem(_part(error.where), f"Lỗi trong mẫu: {error.message}",
                             "Sửa đoạn văn bản này cho đúng cú pháp của mẫu, hoặc viết lại thành văn bản thường.",
                             "draft.template"))
    for part in ("signature", "cosigner"):
        for mismatch in signing.mismatches(getattr(filled, part)):
            found.append(Problem(f"{part}.{mismatch.part}", mismatch.message, mismatch.fix, "draft.signature"))
    return found
