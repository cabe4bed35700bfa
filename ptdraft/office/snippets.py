"""Snippets: reusable pieces of text an office approves once and inserts where they print (issue 12.6).

Four kinds, each inserted into one part of the document:

- ``can_cu``: a legal basis with its number and date ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm
  2020 …"), one line of the Căn cứ list;
- ``de_nghi``: a standard request, a paragraph of the body;
- ``ket``: a closing sentence;
- ``noi_nhan``: a group of Nơi nhận entries, added to the distribution list.

The approved set shipped with ptdraft is ``resources/snippets.toml``; each office's Nơi nhận groups come from its
profile (``ptdraft office set noi_nhan=…``), which is itself shared through the office database.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from typing import Mapping

from ptdraft.errors import InputError
from ptdraft.resources import resource

KINDS = {
    "can_cu": "Căn cứ",
    "de_nghi": "Đề nghị, yêu cầu",
    "ket": "Câu kết",
    "noi_nhan": "Nhóm nơi nhận",
}
# The draft part each kind is inserted into (model.Content's names).
PART_OF_KIND = {"can_cu": "legal_bases", "de_nghi": "body", "ket": "close", "noi_nhan": "distribution"}
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Snippet:
    id: str
    kind: str
    title: str
    lines: tuple[str, ...]  # one line for most kinds; the entries of a Nơi nhận group
    origin: str = "shipped"  # "shipped" or "office"

    @property
    def part(self) -> str:
        return PART_OF_KIND[self.kind]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _snippet(entry: object, where: str) -> Snippet:
    if not isinstance(entry, dict):
        raise InputError("mỗi mục [[snippets]] phải là một bảng", where)
    sid, kind, title, text = (entry.get(k) for k in ("id", "kind", "title", "text"))
    if not isinstance(sid, str) or not _ID.fullmatch(sid):
        raise InputError(f"mã đoạn mẫu '{sid}' phải viết thường, không dấu, nối bằng '-'", where)
    if kind not in KINDS:
        raise InputError(f"{sid}: loại '{kind}' không có; các loại là {', '.join(KINDS)}", where)
    if not isinstance(title, str) or not title.strip() or not isinstance(text, str) or not text.strip():
        raise InputError(f"{sid}: thiếu tên (title) hoặc nội dung (text)", where)
    lines = tuple(" ".join(line.split()) for line in text.split("\n") if line.strip())
    return Snippet(id=sid, kind=kind, title=" ".join(title.split()), lines=lines)


def parse(text: str, where: str) -> tuple[Snippet, ...]:
    """The snippets of a snippets file; InputError names the file and the snippet."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"tệp đoạn mẫu không đọc được: {exc}", where) from None
    if (data.get("approval") or {}).get("state") != "approved":
        raise InputError("tệp đoạn mẫu chưa được duyệt ([approval] state = \"approved\")", where)
    found = tuple(_snippet(entry, where) for entry in data.get("snippets", ()))
    ids = [s.id for s in found]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise InputError(f"mã đoạn mẫu lặp lại: {', '.join(repeated)}", where)
    return found


@functools.lru_cache(maxsize=1)
def shipped() -> tuple[Snippet, ...]:
    """The approved snippets shipped with ptdraft."""
    path = resource("snippets.toml")
    return parse(path.read_text(encoding="utf-8"), str(path))


def from_profile(profile: Mapping[str, str]) -> tuple[Snippet, ...]:
    """The office's own Nơi nhận groups, from its profile, as snippets."""
    from ptdraft.office import office_defaults

    out = []
    for number, (name, entries) in enumerate(office_defaults.groups(profile).items(), start=1):
        out.append(Snippet(id=f"noi-nhan-{number}", kind="noi_nhan", title=name, lines=entries, origin="office"))
    return tuple(out)


def available(profile: Mapping[str, str] | None = None, kind: str | None = None) -> tuple[Snippet, ...]:
    """Every snippet an office may insert (shipped, then its own), of one kind when given."""
    if kind is not None and kind not in KINDS:
        raise InputError(f"loại '{kind}' không có; các loại là {', '.join(KINDS)}", "--kind")
    every = shipped() + from_profile(profile or {})
    return tuple(s for s in every if kind is None or s.kind == kind)
