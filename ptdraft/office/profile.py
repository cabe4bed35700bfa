"""The office profile (thông tin cơ quan): what an office enters once and every package uses.

Items are kept in the office database (table ``office_profile``), so every workstation of the
office sees the same. Today the profile holds what the hand-off package to the e-office system
needs: the agency's identifier for the national document exchange (mã định danh, Quyết định
20/2020/QĐ-TTg: "000.00.00.H41"), its name and the body in charge of it, and how to reach it.

    office.check_item("ma_dinh_danh", "000.00.00.H41")   # → "000.00.00.H41"
"""
from __future__ import annotations

import re

from ptdraft.errors import InputError


class Item:
    """One item of the profile: its id (as typed on the command line), its label and a hint of its form. (A plain
    class: the command line's help lists the items, and must start without loading dataclasses.)"""

    __slots__ = ("id", "label", "hint")

    def __init__(self, id: str, label: str, hint: str = "") -> None:  # noqa: A002 - the item's id
        self.id, self.label, self.hint = id, label, hint

    def __repr__(self) -> str:
        return f"Item({self.id!r})"


ITEMS: tuple[Item, ...] = (
    Item("ma_dinh_danh", "Mã định danh của cơ quan", "theo Quyết định 20/2020/QĐ-TTg, dạng 000.00.00.H41"),
    Item("ten_co_quan", "Tên cơ quan", "như in ở tiêu đề, ví dụ ỦY BAN NHÂN DÂN XÃ AN BÌNH"),
    Item("co_quan_chu_quan", "Cơ quan chủ quản", "ví dụ ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"),
    Item("dia_chi", "Địa chỉ"),
    Item("email", "Thư điện tử"),
    Item("dien_thoai", "Điện thoại"),
    Item("fax", "Fax"),
    Item("website", "Trang thông tin điện tử"),
    # What every template takes from the profile (ptdraft.office.office_defaults): entered once, filled into each new draft.
    Item("tinh", "Tỉnh, thành phố (từ 01/7/2025)", "một trong 34 tỉnh, thành phố, ví dụ Quảng Trị"),
    Item("xa", "Xã, phường, đặc khu", "để trống nếu là cơ quan cấp tỉnh, ví dụ Xã An Bình"),
    Item("ky_hieu_co_quan", "Chữ viết tắt tên cơ quan", "dùng trong số, ký hiệu, ví dụ UBND, SNV"),
    Item("ky_hieu_don_vi", "Chữ viết tắt các đơn vị, lĩnh vực", "cách nhau dấu phẩy, hay dùng nhất đứng đầu: VP, KT, VX"),
    Item("dia_danh", "Địa danh", "để trống thì lấy tên xã (cơ quan cấp xã) hoặc tên tỉnh"),
    Item("nguoi_ky", "Người ký", "mỗi người một dòng (trên dòng lệnh cách nhau |): họ tên; chức vụ; hình thức ký, "
                                 "ví dụ Trần Văn Bình; Phó Chủ tịch; KT. Chủ tịch"),
    Item("nguoi_soan", "Chữ viết tắt người soạn thảo", "cách nhau dấu phẩy, ví dụ NTH, LVA"),
    Item("noi_nhan", "Nhóm nơi nhận thường dùng", "mỗi nhóm một dòng (trên dòng lệnh cách nhau |): tên nhóm: nơi "
                                                "nhận; nơi nhận, ví dụ Cấp trên: UBND tỉnh; Sở Nội vụ"),
    Item("nguoi_duyet", "Người duyệt (tên đăng nhập)",
         "tên đăng nhập hệ điều hành của những người được duyệt mẫu, ngừng dùng mẫu, hủy số, cách nhau bằng dấu phẩy "
         "(cơ sở dữ liệu SQLite; trên PostgreSQL dùng vai trò của máy chủ)"),
)
# Items of several lines: typed one per line in the window, separated by "|" on the command line.
LINE_ITEMS = {"ten_co_quan", "co_quan_chu_quan", "nguoi_ky", "noi_nhan"}
# Items that are lists of short codes, separated by commas.
CODE_LISTS = {"ky_hieu_don_vi", "nguoi_soan"}
BY_ID = {item.id: item for item in ITEMS}

# Quyết định 20/2020/QĐ-TTg: three groups of digits and one letter with two digits, "000.00.00.H41".
AGENCY_ID = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"[0-9 +().\-]{6,20}")
LOGIN = re.compile(r"[\w.@\\-]{1,64}")  # an OS login name: "an", "nguyen.van.an", "COQUAN\\an"


def item(item_id: str) -> Item:
    found = BY_ID.get(item_id.strip())
    if found is None:
        names = ", ".join(i.id for i in ITEMS)
        raise InputError(f"thông tin cơ quan không có mục '{item_id}'; các mục là: {names}", item_id)
    return found


def _split_lines(value: str) -> list[str]:
    """A several-line item's lines, white space folded, empty lines dropped ("|" separates lines too)."""
    return [" ".join(line.split()) for line in value.replace("|", "\n").split("\n") if line.strip()]


def check_item(item_id: str, value: str) -> str:
    """The value as stored (spaces trimmed), or InputError naming the item and what it should be."""
    entry = item(item_id)
    if entry.id in LINE_ITEMS:
        lines = _split_lines(value)
        for number, line in enumerate(lines, start=1):
            _check_line(entry, line, number)
        text = "\n".join(lines)
    else:
        text = " ".join(value.split())
    if not text:
        return ""
    if entry.id == "ma_dinh_danh":
        text = text.upper()
        if not AGENCY_ID.fullmatch(text):
            raise InputError(f"'{value}' không phải mã định danh ({entry.hint})", entry.label)
    elif entry.id == "email" and not EMAIL.fullmatch(text):
        raise InputError(f"'{value}' không phải địa chỉ thư điện tử", entry.label)
    elif entry.id in ("dien_thoai", "fax") and not PHONE.fullmatch(text):
        raise InputError(f"'{value}' không phải số điện thoại", entry.label)
    elif entry.id in CODE_LISTS:
        text = ", ".join(_codes(entry, text))
    elif entry.id == "tinh":
        text = _province(entry, text).name
    elif entry.id == "xa":
        text = _commune(entry, text, None).full_name
    elif entry.id == "nguoi_duyet":
        names = [name.strip() for name in text.replace(";", ",").split(",") if name.strip()]
        bad = [name for name in names if not LOGIN.fullmatch(name)]
        if bad:
            raise InputError(f"'{bad[0]}' không phải tên đăng nhập (chữ, số, dấu . _ - @ \\)", entry.label)
        text = ", ".join(names)
    if len(text) > (2000 if entry.id in LINE_ITEMS else 300):
        raise InputError(f"dài quá {2000 if entry.id in LINE_ITEMS else 300} ký tự", entry.label)
    return text


CODE = re.compile(r"[A-ZĐ][A-Za-zĐđ0-9]{0,11}")


def _codes(entry: Item, text: str) -> list[str]:
    codes = [part.strip() for part in text.split(",") if part.strip()]
    for code in codes:
        if not CODE.fullmatch(code):
            raise InputError(f"'{code}' không phải chữ viết tắt (chữ cái và chữ số, mở đầu bằng chữ hoa, "
                             "tối đa 12 ký tự)", entry.label)
    return codes


def _check_line(entry: Item, line: str, number: int) -> None:
    from ptdraft.office import office_defaults

    if entry.id == "nguoi_ky":
        office_defaults.parse_signer(line, f"{entry.label}, dòng {number}")
    elif entry.id == "noi_nhan":
        office_defaults.parse_group(line, f"{entry.label}, dòng {number}")


def _province(entry: Item, text: str):
    from ptdraft.reference import admin_units

    found = admin_units.find_province(text)
    if found is not None:
        return found
    moved = admin_units.province_successors(text)
    if moved:
        names = ", ".join(dict.fromkeys(s.new.full_name for s in moved))
        raise InputError(f"'{text}' không còn là tỉnh, thành phố từ 01/7/2025: nay thuộc {names}", entry.label)
    raise InputError(f"'{text}' không phải tên một trong 34 tỉnh, thành phố từ 01/7/2025", entry.label)


def _commune(entry: Item, text: str, province):
    from ptdraft.reference import admin_units

    found = admin_units.find_communes(text, province)
    if len(found) == 1 or (found and province is None):
        return found[0]
    where = f" thuộc {province.full_name}" if province is not None else ""
    if found:
        kinds = ", ".join(c.full_name for c in found)
        raise InputError(f"'{text}'{where} có nhiều đơn vị cùng tên ({kinds}): ghi rõ xã, phường hay đặc khu",
                         entry.label)
    moved = admin_units.commune_successors(text, province)
    if moved:
        names = ", ".join(dict.fromkeys(s.new.full_name for s in moved))
        raise InputError(f"'{text}' không còn từ 01/7/2025: nay là (hoặc thuộc) {names}", entry.label)
    raise InputError(f"'{text}' không phải tên một xã, phường, đặc khu{where} từ 01/7/2025", entry.label)


def check_profile(profile: dict[str, str]) -> dict[str, str]:
    """Checks across items of the whole profile (the commune lies in the province); the profile as stored."""
    checked = dict(profile)
    commune = checked.get("xa", "")
    if commune:
        province = _province(BY_ID["tinh"], checked["tinh"]) if checked.get("tinh") else None
        found = _commune(BY_ID["xa"], commune, province)
        checked["xa"] = found.full_name
        if province is None:
            from ptdraft.reference import admin_units

            checked["tinh"] = admin_units.province_of(found).name
    return checked


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["ma_dinh_danh=000.00.00.H41", "email="]`` → checked values (an empty value removes the item)."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise InputError(f"'{pair}' thiếu dấu '=': viết MỤC=GIÁ_TRỊ, ví dụ ma_dinh_danh=000.00.00.H41", pair)
        values[item(name).id] = check_item(name, value)
    return values
