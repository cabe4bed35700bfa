"""What the file holds that changes what prints without the reader seeing it: tracked changes not yet accepted, and
date fields that Word sets again to the day the file is opened, saved or printed; and characters that print like the
letters meant and are not them.

Both come from the DOCX as it is stored (:class:`~ptdraft.ooxml.document.ParaInfo` ``revisions`` and ``fields``);
the paragraph texts the other rules read are already what Word shows after accepting every change.
"""
from __future__ import annotations

from ptdraft.checker.findings import Finding, Result, box_of, excerpt
from ptdraft.checker.recognise import Recognised
from ptdraft.checker.rules_format import paragraph_spans
from ptdraft.ooxml.document import DocInfo
from ptdraft.ooxml.wordml import date_fields
from ptdraft.rules import Element
from ptdraft.text import grouped

_WHEN = {
    "DATE": "mỗi lần mở hoặc in tệp, Word đổi nó thành ngày hôm đó",
    "TIME": "mỗi lần mở hoặc in tệp, Word đổi nó thành ngày giờ lúc đó",
    "CREATEDATE": "nó là ngày tạo tệp (tệp tạo từ mẫu mang ngày tạo, không phải ngày ký)",
    "SAVEDATE": "mỗi lần lưu tệp, Word đổi nó thành ngày lưu",
    "PRINTDATE": "mỗi lần in tệp, Word đổi nó thành ngày in",
}
_UNLINK = ("Bấm vào ngày đó và nhấn Ctrl+Shift+F9 (bỏ liên kết trường, Unlink Field) để nó thành chữ thường, hoặc gõ "
           "lại ngày; rồi kiểm tra đúng ngày ký văn bản.")
_PART_NAMES = {"header": "đầu trang", "footer": "chân trang"}


def _parts(doc: DocInfo):
    """Each header and footer part once, with what it is ("đầu trang", "chân trang")."""
    seen: set[str] = set()
    for section in doc.sections:
        for kind, entries in (("header", section.headers), ("footer", section.footers)):
            for _type, part in entries:
                if part.name not in seen:
                    seen.add(part.name)
                    yield _PART_NAMES[kind], part


def tracked_change_rules(doc: DocInfo) -> list[Result]:
    """Changes made with Track Changes on and never accepted or rejected: the deleted words are still in the file
    (anyone who shows the markup reads them), and what prints depends on the viewer's setting. Said once for the file,
    at the first paragraph that holds one."""
    paragraphs = [para.index for para in doc.paragraphs if para.revisions]
    count = sum(len(para.revisions) for para in doc.paragraphs) + len(doc.revisions)
    places = [f"đoạn {paragraph_spans(paragraphs)}"] if paragraphs else []
    if doc.revisions:
        places.append("trong bảng hoặc thiết lập trang")
    for name, part in _parts(doc):
        if part.revisions:
            count += len(part.revisions)
            places.append(name)
    if not count:
        return []
    first = paragraphs[0] if paragraphs else None
    message = (f"Tệp còn {grouped(count)} thay đổi được theo dõi (Track Changes) chưa chấp nhận ({', '.join(places)}): "
               "chữ đã xóa vẫn nằm trong tệp, ai bật chế độ xem đánh dấu đều đọc được, và bản in, bản người nhận thấy "
               "có thể khác bản đã duyệt.")
    fix = ("Trong Word: Xem lại (Review) → Chấp nhận (Accept) → Chấp nhận mọi thay đổi (Accept All Changes), tắt Theo "
           "dõi thay đổi (Track Changes), rồi lưu lại và đọc lại văn bản.")
    shown = doc.paragraphs[first].text if first is not None else ""
    return [Result(Finding("track-changes.pending", "", "", first, excerpt(shown), message, fix))]


def look_alike_rules(doc: DocInfo) -> list[Result]:
    """Characters that print like "Đ" or "/" and are not them ("Ð", the Icelandic eth an old font or a converter leaves;
    "∕", "／"): the page looks right, but searching, sorting, the spelling check and the records office's software do
    not find the words, the symbol or the number. The other rules read the meant characters. Said once for the file,
    at the first paragraph that holds one."""
    paragraphs = [para.index for para in doc.paragraphs if para.look_alikes]
    if not paragraphs:
        return []
    count = sum(para.look_alikes for para in doc.paragraphs)
    message = (f"Văn bản có {grouped(count)} ký tự trông giống “Đ”, “đ” hoặc “/” nhưng không phải (chữ eth “Ð” của phông "
               f"cũ hay phần mềm chuyển đổi, gạch chéo “∕”, “／”; đoạn {paragraph_spans(paragraphs)}): bản in trông đúng, "
               "nhưng tìm kiếm, kiểm tra chính tả và phần mềm quản lý văn bản không nhận ra chữ, số và ký hiệu.")
    fix = ("Trong Word: Tìm và thay thế (Ctrl+H), tìm “Ð” thay bằng “Đ” (và “ð” bằng “đ”, “∕” bằng “/”), rồi lưu lại; "
           "hoặc gõ lại các chữ đó bằng bộ gõ Unicode.")
    first = paragraphs[0]
    return [Result(Finding("text.look-alike", "", "", first, excerpt(doc.paragraphs[first].text), message, fix))]


def _date_message(codes: list[str], where: str) -> str:
    named = ", ".join(codes)
    word = "trường" if len(codes) == 1 else "các trường"
    return (f"Ngày tháng {where}được chèn bằng {word} {named} của Word: {_WHEN[codes[0]]}, nên ngày in ra không còn "
            "là ngày ký văn bản.")


def date_field_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """A date made by a Word field (DATE, TIME, CREATEDATE, SAVEDATE, PRINTDATE) rather than written: the letter's
    date (FORMAT.md §5.1) is the day it is signed, and must not change after."""
    out: list[Result] = []
    place_date = found.first(Element.PLACE_DATE)
    for para in doc.paragraphs:
        codes = date_fields(para.fields)
        if codes:
            is_date_line = place_date is not None and place_date.index == para.index
            out.append(Result(Finding(
                "date.field", box_of(Element.PLACE_DATE) if is_date_line else "", "§5.1", para.index,
                excerpt(para.text), _date_message(codes, ""), _UNLINK)))
    for name, part in _parts(doc):
        codes = date_fields(part.fields)
        if codes:
            text = "".join(run.text for run in part.runs)
            out.append(Result(Finding("date.field", "", "§5.1", None, excerpt(text),
                                      _date_message(codes, f"ở {name} "), _UNLINK)))
    return out
