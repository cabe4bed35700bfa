"""What is missing or wrong in a draft, each with the part of the draft it belongs to.

The window marks the step that owns each ``ref`` and lists the problems before
export; the command line refuses to render while a required value is missing.
"""
from __future__ import annotations

from dataclasses import dataclass

from ptdraft import doctypes, part_fields, render
from ptdraft.errors import TemplateError
from ptdraft.model import Draft, SigningMode


@dataclass(frozen=True)
class Problem:
    """``ref`` is a content part ("subject", "signature.name", "requirements[2]") or "values.<field id>"."""

    ref: str
    message: str


def _part(where: str | None) -> str:
    text = where or ""
    return text.split(": ")[-1] if ": " in text else text


def find(draft: Draft) -> list[Problem]:
    """Every problem of a draft, in the order the parts print."""
    content = draft.content
    found: list[Problem] = []

    def need(ref: str, ok: bool, message: str) -> None:
        if not ok:
            found.append(Problem(ref, message))

    kind = doctypes.canonical(content.doc_type)
    need("doc_type", kind is not None, f"Loại văn bản '{content.doc_type}' không có trong Nghị định 30")
    need("authority", bool(content.authority.strip()), "Chưa có tên cơ quan ban hành")
    need("issuer_code", bool(content.issuer_code.strip()), "Chưa có chữ viết tắt tên cơ quan trong ký hiệu")
    if kind not in doctypes.NO_DATE_LINE:
        need("place", bool(content.place.strip()), "Chưa có địa danh")
    if kind not in doctypes.NO_SUBJECT:
        need("subject", bool(content.subject.strip()), "Chưa có trích yếu nội dung")
    if kind == doctypes.CONG_VAN:
        need("recipients", bool(content.recipients), "Công văn chưa có nơi nhận ở phần Kính gửi")
    body_empty = not (content.body.strip() or content.requirements or content.closing.strip())
    need("body", not body_empty, "Chưa có nội dung văn bản")
    sig = content.signature
    need("signature.name", bool(sig.name.strip()), "Chưa có họ tên người ký")
    if sig.mode in (SigningMode.TM, SigningMode.TM_KT):
        need("signature.collective", bool(sig.collective.strip()), "Ký thay mặt (TM.) cần tên tập thể hoặc cơ quan")
    if sig.mode is SigningMode.TL_KT:
        need("signature.order_title", bool(sig.order_title.strip()), "Ký TL.KT. cần chức vụ người được giao ký thừa lệnh")
    if sig.mode in (SigningMode.KT, SigningMode.TL, SigningMode.TUQ, SigningMode.Q, SigningMode.TM_KT, SigningMode.TL_KT):
        need("signature.head_title", bool(sig.head_title.strip()), f"Ký {sig.mode.value} cần chức vụ của người đứng đầu")
    if sig.mode is not SigningMode.Q:
        need("signature.position", bool(sig.position.strip()), "Chưa có chức vụ người ký")
    for item in part_fields.missing_required(draft):  # what the printed page lacks, no more
        found.append(Problem(f"values.{item.id}", f"Chưa điền: {item.label}"))
    errors: list[TemplateError] = []
    render.fill(draft, errors=errors)
    for error in errors:
        found.append(Problem(_part(error.where), f"Lỗi trong mẫu: {error.message}"))
    return found
