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
    Item("nguoi_duyet", "Người duyệt (tên đăng nhập)",
         "tên đăng nhập hệ điều hành của những người được duyệt mẫu, ngừng dùng mẫu, hủy số, cách nhau bằng dấu phẩy "
         "(cơ sở dữ liệu SQLite; trên PostgreSQL dùng vai trò của máy chủ)"),
)
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


def check_item(item_id: str, value: str) -> str:
    """The value as stored (spaces trimmed), or InputError naming the item and what it should be."""
    entry = item(item_id)
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
    elif entry.id == "nguoi_duyet":
        names = [name.strip() for name in text.replace(";", ",").split(",") if name.strip()]
        bad = [name for name in names if not LOGIN.fullmatch(name)]
        if bad:
            raise InputError(f"'{bad[0]}' không phải tên đăng nhập (chữ, số, dấu . _ - @ \\)", entry.label)
        text = ", ".join(names)
    if len(text) > 300:
        raise InputError("dài quá 300 ký tự", entry.label)
    return text


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["ma_dinh_danh=000.00.00.H41", "email="]`` → checked values (an empty value removes the item)."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise InputError(f"'{pair}' thiếu dấu '=': viết MỤC=GIÁ_TRỊ, ví dụ ma_dinh_danh=000.00.00.H41", pair)
        values[item(name).id] = check_item(name, value)
    return values
