"""Rules of the 2025 local government: no district level, and the names of merged provinces and communes.

From 1 July 2025 local government has two levels, provinces and communes (Luật Tổ chức chính quyền
địa phương 72/2025/QH15); 63 provinces became 34 and about 10,000 communes became 3,321. A document
dated on or after that day (or not dated yet, as a draft is) may not name a district-level body
(UBND huyện, quận, thị xã, or a city under a province) as its author or among its recipients, and
may not call a province or commune by a name that no longer exists; the finding names the unit it
became. Only the places that name units are read: the agency lines (box 2), the place of the date
line (box 4), Kính gửi (9a) and Nơi nhận (9b). The body may well tell the history of a unit.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from ptdraft.reference import admin_units as units
from ptdraft.ooxml.document import DocInfo
from ptdraft.checker.findings import Finding, Result, box_of, excerpt
from ptdraft.checker.recognise import Part, Recognised, text_of
from ptdraft.rules import Element

_KIND_WORDS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "huyện", "quận", "tỉnh", "phường", "xã")
_KIND = {word: kind for kind in units.UnitKind for word in (kind.value.casefold(),)}
_UPPER_START = r"(?:[^\W\d_a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]|\d)"
# A unit mention: the kind word, then a proper name of capitalised words (or a number: "Phường 3"), words
# joined by spaces or " - " ("Bà Rịa - Vũng Tàu"). In capitals the name runs to the next separator.
_KIND_AHEAD = rf"(?!(?i:{'|'.join(_KIND_WORDS)})(?![\w]))"  # a kind word ends the name ("XÃ A HUYỆN B")
_NAME_WORD = rf"{_KIND_AHEAD}{_UPPER_START}[\w]*"
_MENTION = re.compile(
    rf"(?<![\w])(?P<kind>(?i:{'|'.join(_KIND_WORDS)}))\s+(?P<name>{_NAME_WORD}(?:(?:\s+|\s*-\s*){_NAME_WORD})*)"
)
_GROUP = re.compile(r"(?<![\w])(?:các|cấp)\s+(?:huyện|quận|thị xã)(?![\w])", re.IGNORECASE)
_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
_BLANK_DAY = re.compile(r"ngày[\s.…_]*tháng[\s.…_]*(\d{1,2})?[\s.…_]*năm\s*(\d{4})", re.IGNORECASE)
_DISTRICT_KINDS = {units.UnitKind.DISTRICT, units.UnitKind.URBAN_DISTRICT, units.UnitKind.TOWN}
# "Xã hội" (society) is not a commune: "Phòng Văn hóa - Xã hội", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA".
_NOT_A_NAME = {"hội"}
_WHERE = {
    Element.PARENT_AUTHORITY: "cơ quan chủ quản",
    Element.AUTHORITY: "cơ quan ban hành",
    Element.PLACE_DATE: "địa danh",
    Element.RECIPIENTS: "Kính gửi",
    Element.DISTRIBUTION: "Nơi nhận",
}


def _document_date(doc: DocInfo, found: Recognised) -> tuple[_dt.date, str] | None:
    """The latest day the date line can mean and how to name it: its date ("ngày 05/01/2026"), or with the day left
    blank the last day of its month or year ("tháng 11/2023", "năm 2023"); None for no date."""
    part = found.first(Element.PLACE_DATE)
    text = text_of(doc, part) if part else ""
    try:
        if match := _DATE.search(text):
            day = _dt.date(int(match[3]), int(match[2]), int(match[1]))
            return day, f"ngày {day:%d/%m/%Y}"
        if (match := _BLANK_DAY.search(text)) and match[1]:
            month, year = int(match[1]), int(match[2])
            return _dt.date(year + month // 12, month % 12 + 1, 1) - _dt.timedelta(days=1), f"tháng {month}/{year}"
        if match:
            return _dt.date(int(match[2]), 12, 31), f"năm {match[2]}"
    except ValueError:
        return None
    return None


def _checked_parts(doc: DocInfo, found: Recognised) -> list[Part]:
    parts = found.of(Element.PARENT_AUTHORITY, Element.AUTHORITY, Element.PLACE_DATE)
    recipients = list(found.recipients)
    label = found.recipients_label
    if label is not None:  # one recipient on the "Kính gửi:" line itself
        recipients.insert(0, label)
    parts += [Part(Element.RECIPIENTS, p.index, p.start, p.end) for p in recipients]
    parts += list(found.distribution)
    return parts


def _mentions(text: str, element: Element):
    """(kind, name, matched text) of each unit the text names; the place of a date line is a bare name."""
    if element is Element.PLACE_DATE:
        place = text.split(",", 1)[0].strip()
        kind, name = units.split_name(place)
        if place and name:
            yield kind, name, place
        return
    flat = unicodedata.normalize("NFC", " ".join(text.split()))
    for match in _MENTION.finditer(flat):
        name = re.split(r"\s*[,;.(]", match["name"])[0].strip()
        first = name.split()[0].casefold() if name else ""
        if not name or first in _NOT_A_NAME:
            continue
        yield _KIND[match["kind"].casefold()], name, f"{match['kind']} {name}"


def _province_in(text: str, element: Element) -> units.Unit | None:
    """The 2025 province a text names (directly, or by an old name standing for the province it went into)."""
    for kind, name, _ in _mentions(text, element):
        if kind in (units.UnitKind.PROVINCE, units.UnitKind.CITY, None):
            province = units.find_province(name)
            if province is None:
                moved = units.province_successors(name)
                province = moved[0].new if moved else None
            if province is not None:
                return province
    return None


def _province_context(doc: DocInfo, found: Recognised) -> units.Unit | None:
    """The province the document's agency lines or place name point to."""
    for part in found.of(Element.AUTHORITY, Element.PARENT_AUTHORITY, Element.PLACE_DATE):
        province = _province_in(text_of(doc, part), part.element)
        if province is not None:
            return province
    return None


def _finding(rule: str, part: Part, doc: DocInfo, message: str, fix: str) -> Result:
    shown = text_of(doc, part)
    return Result(Finding(rule, box_of(part.element), "§5.2", part.index, excerpt(shown), message, fix), None)


def unit_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """District-level bodies and names of units that no longer exist, in a document of 1 July 2025 or later."""
    dated = _document_date(doc, found)
    if dated is not None and dated[0] < units.REFORM_DATE:
        return []
    when = dated[1] if dated else "sau ngày 01/7/2025"
    context = _province_context(doc, found)
    out: list[Result] = []
    for part in _checked_parts(doc, found):
        text = text_of(doc, part)
        where = _WHERE[part.element]
        # "UBND xã A, tỉnh B": the line's own province, else the document's.
        province = (_province_in(text, part.element) if part.element in (Element.RECIPIENTS, Element.DISTRIBUTION)
                    else None) or context
        for group in _GROUP.finditer(text):
            out.append(_finding(
                "units.district-level", part, doc,
                f"{where}: \"{group[0]}\": từ ngày 01/7/2025 không còn cấp huyện, văn bản {when} không gửi tới cấp này.",
                "Ghi các cơ quan cấp xã (xã, phường, đặc khu) hoặc cấp tỉnh đã tiếp nhận nhiệm vụ của cấp huyện."))
        for kind, name, said in _mentions(text, part.element):
            if kind in _DISTRICT_KINDS or (kind is units.UnitKind.CITY and units.find_province(name) is None):
                same = units.find_communes(name, province) if province else ()
                hint = f" Có thể là {same[0].in_sentence}." if len(same) == 1 else ""
                out.append(_finding(
                    "units.district-level", part, doc,
                    f"{where}: \"{said}\" là đơn vị cấp huyện; từ ngày 01/7/2025 chính quyền địa phương chỉ còn cấp "
                    f"tỉnh và cấp xã, nên văn bản {when} không thể do cơ quan cấp huyện ban hành hay gửi tới.",
                    "Ghi cơ quan cấp xã hoặc cấp tỉnh đã tiếp nhận nhiệm vụ của đơn vị đó." + hint))
                continue
            if kind in (units.UnitKind.PROVINCE, units.UnitKind.CITY) or (kind is None and part.element is Element.PLACE_DATE):
                moved = units.province_successors(name)
                if moved:
                    new = moved[0].new
                    label = new.in_sentence if kind is not None else new.name
                    out.append(_finding(
                        "units.old-name", part, doc,
                        f"{where}: \"{said}\" không còn từ ngày 01/7/2025: đã hợp nhất vào {new.in_sentence}.",
                        f"Ghi \"{label}\"."))
                continue
            if kind in (units.UnitKind.COMMUNE, units.UnitKind.WARD, units.UnitKind.TOWNLET):
                moved = units.commune_successors(f"{kind.value} {name}", province)
                if moved:
                    targets = sorted({s.new.in_sentence for s in moved})
                    whole = all(s.whole for s in moved)
                    how = "đã nhập vào" if whole else "đã nhập (một phần hoặc toàn bộ) vào"
                    out.append(_finding(
                        "units.old-name", part, doc,
                        f"{where}: \"{said}\" không còn từ ngày 01/7/2025: {how} {', '.join(targets)}.",
                        f"Ghi tên đơn vị mới: {' hoặc '.join(targets)}."))
    return out
