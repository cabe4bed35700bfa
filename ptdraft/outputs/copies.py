"""Copies of a document (bản sao, Mẫu 3.1 and 3.2): SAO Y, SAO LỤC and TRÍCH SAO.

A copy is the original's Layout with the copy's own parts added; nothing of the original changes, except that an
extract (TRÍCH SAO) keeps only the passages of the body chosen by number (:func:`passages`):

- on paper (Mẫu 3.1), after the end of the copied text on the same sheet: a solid rule the full width of the text
  area, then the copying body's name and the copy's number "Số: 05/SY-UBND" on the left, the form of copy in
  capitals and the place and date on the right, then its Nơi nhận and the copier's signature block;
- in electronic form (Mẫu 3.2): box 14 at the top right of page 1, 10 pt, normal case, upright, black: the form
  of copy, the name of the copying body and the signing time in ISO 8601 with the Vietnam time zone (FORMAT.md §9).

The copy's number comes from one yearly series per copying body shared by the three kinds (FORMAT.md §6.2), the
register's book "copy" (:mod:`ptdraft.outputs.copy_register`). Where FORMAT.md is silent see docs/decisions/0013-ban-sao.md.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass
from enum import Enum

from ptdraft import rules
from ptdraft.reference import dates
from ptdraft.errors import InputError
from ptdraft.layout import (
    BLANK_NUMBER,
    Block,
    Cell,
    Layout,
    Para,
    Row,
    Rule,
    Run,
    SectionBreak,
    Table,
    _closing_row,
    _widest,
    para,
)
from ptdraft.reference.metrics import text_width
from ptdraft.model import Content, Signature, ref_head
from ptdraft.rules import Element

BOOK = "copy"  # the register's book of copies


class CopyKind(Enum):
    """The form of copy (hình thức sao); the value is the command line's word."""

    SAO_Y = "sao-y"
    SAO_LUC = "sao-luc"
    TRICH_SAO = "trich-sao"

    @property
    def word(self) -> str:
        """As printed in the copy block: "SAO Y"."""
        return _WORDS[self]

    @property
    def symbol(self) -> str:
        """The abbreviation of Phụ lục III (FORMAT.md §6.2): SY, SL, TrS (mixed case as the decree writes it)."""
        return _SYMBOLS[self]

    @property
    def name_vi(self) -> str:
        """"Bản sao y": the type recorded in the register."""
        return _NAMES[self]


_WORDS = {CopyKind.SAO_Y: "SAO Y", CopyKind.SAO_LUC: "SAO LỤC", CopyKind.TRICH_SAO: "TRÍCH SAO"}
_SYMBOLS = {CopyKind.SAO_Y: "SY", CopyKind.SAO_LUC: "SL", CopyKind.TRICH_SAO: "TrS"}
_NAMES = {CopyKind.SAO_Y: "Bản sao y", CopyKind.SAO_LUC: "Bản sao lục", CopyKind.TRICH_SAO: "Bản trích sao"}
# Box 14 is in normal case (FORMAT.md §3.2): the form of copy as a word of a sentence.
_BOX_WORDS = {CopyKind.SAO_Y: "Sao y", CopyKind.SAO_LUC: "Sao lục", CopyKind.TRICH_SAO: "Trích sao"}
BOX_LABELS = ("Hình thức sao", "Cơ quan sao", "Thời gian ký")


def kind_of(text: str) -> CopyKind:
    """"sao-y", "sao y", "SY" … → the kind; InputError naming --kind otherwise."""
    key = " ".join(text.strip().lower().replace("_", "-").replace(" ", "-").split())
    aliases = {"sy": CopyKind.SAO_Y, "sl": CopyKind.SAO_LUC, "trs": CopyKind.TRICH_SAO, "sao-lục": CopyKind.SAO_LUC,
               "trích-sao": CopyKind.TRICH_SAO}
    for kind in CopyKind:
        if key == kind.value:
            return kind
    if key in aliases:
        return aliases[key]
    raise InputError(f"hình thức sao '{text}' không có; chọn sao-y, sao-luc hoặc trich-sao", "--kind")


@dataclass(frozen=True)
class Copier:
    """The body that makes the copy and who signs it. ``authority`` and ``parent_authority`` as printed in a header
    (one line each, "\\n" between lines); ``name`` the body's name in normal case for box 14 ("Ủy ban nhân dân xã An
    Bình"); ``distribution`` the copy's Nơi nhận (the "Lưu: VT" line is added)."""

    authority: str
    issuer_code: str
    signature: Signature
    parent_authority: str = ""
    place: str = ""
    name: str = ""
    distribution: tuple[str, ...] = ()
    archive: tuple[str, ...] = ()


@dataclass(frozen=True)
class CopyRequest:
    """One copy to make. ``number`` None leaves it blank (before the register gives it); ``date`` the day of the copy;
    ``signed_at`` the signing time box 14 shows; ``passages`` the numbers (from 1) an extract keeps."""

    kind: CopyKind
    copier: Copier
    date: _dt.date
    electronic: bool = False
    number: int | None = None
    signed_at: _dt.datetime | None = None
    passages: tuple[int, ...] = ()


def symbol(kind: CopyKind, issuer_code: str) -> str:
    """"SY-UBND"."""
    return f"{kind.symbol}-{issuer_code.strip()}" if issuer_code.strip() else kind.symbol


def symbol_for(kind: CopyKind, issuer_code: str):
    """The register's ``symbol_for``: 5 → "05/SY-UBND"."""
    tail = symbol(kind, issuer_code)
    return lambda number: f"{number:02d}/{tail}"


def number_line(request: CopyRequest) -> str:
    number = f"{request.number:02d}" if request.number else BLANK_NUMBER
    return f"Số: {number}/{symbol(request.kind, request.copier.issuer_code)}"


# -- the passages an extract chooses from -------------------------------------------------------------

# The parts of a draft whose paragraphs are the copied text's passages (the header, title, Kính gửi and the closing
# row are the document's frame and stay in every extract).
_PASSAGE_PARTS = ("legal_bases", "body", "requirements", "closing", "close")
_FRAME_ELEMENTS = (Element.DECISION_WORD,)


def _part(ref: str) -> str:
    return ref_head(ref)


def _is_passage(block: Block) -> bool:
    if isinstance(block, Para):
        return _part(block.ref) in _PASSAGE_PARTS and block.element not in _FRAME_ELEMENTS
    if isinstance(block, Table) and block.grid:
        return True
    return False


def _main_blocks(layout: Layout) -> tuple[Block, ...]:
    """The blocks of the document itself, before any annex."""
    for index, block in enumerate(layout.blocks):
        if isinstance(block, SectionBreak):
            return layout.blocks[:index]
    return layout.blocks


def passages(layout: Layout) -> list[str]:
    """The text of each passage of the body an extract can keep, in order (passage 1 first); a table is one passage."""
    out = []
    for block in _main_blocks(layout):
        if not _is_passage(block):
            continue
        if isinstance(block, Table):
            first = " | ".join(b.text for c in block.rows[0].cells for b in c.blocks if isinstance(b, Para))
            out.append(f"[bảng] {first}")
        elif isinstance(block, Para):
            out.append(block.text)
    return out


def parse_passages(text: str, count: int) -> tuple[int, ...]:
    """"1,3-5" → (1, 3, 4, 5), each between 1 and ``count``; InputError naming --paragraphs otherwise."""
    chosen: list[int] = []
    for piece in (p.strip() for p in text.replace(";", ",").split(",")):
        if not piece:
            continue
        low, dash, high = piece.partition("-")
        try:
            first = int(low)
            last = int(high) if dash else first
        except ValueError:
            raise InputError(f"'{piece}' không phải số đoạn; viết như 1,3-5", "--paragraphs") from None
        if first < 1 or last > count or first > last:
            raise InputError(f"đoạn '{piece}' không có: văn bản có các đoạn 1 đến {count}", "--paragraphs")
        chosen.extend(n for n in range(first, last + 1) if n not in chosen)
    if not chosen:
        raise InputError("trích sao cần ít nhất một đoạn (ví dụ 1,3-5)", "--paragraphs")
    return tuple(sorted(chosen))


def _extract(blocks: tuple[Block, ...], keep: tuple[int, ...]) -> list[Block]:
    """The blocks with only the chosen passages; "./." at the end of the last one kept (FORMAT.md §4.1)."""
    out: list[Block] = []
    number = 0
    last = None
    for block in blocks:
        if _is_passage(block):
            number += 1
            if number not in keep:
                continue
            last = len(out)
        out.append(block)
    closing = out[last] if last is not None else None
    if last is not None and isinstance(closing, Para):
        block = closing
        if not block.text.rstrip().endswith(rules.END_MARK):
            tail = block.runs[-1]
            text = tail.text.rstrip().rstrip(".;,:") + rules.END_MARK
            out[last] = dataclasses.replace(block, runs=block.runs[:-1] + (dataclasses.replace(tail, text=text),))
    elif last is not None:
        out.insert(last + 1, para(Element.BODY, rules.END_MARK, "close"))
    return out


# -- the copy's own parts ------------------------------------------------------------------------------

def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _kept(block):
    """``block`` kept on the page of what follows it (the copy block never splits from its signature)."""
    if isinstance(block, Para):
        return dataclasses.replace(block, style=dataclasses.replace(block.style, keep_next=True))
    return block


def copy_block(request: CopyRequest) -> list[Block]:
    """Mẫu 3.1: the full-width rule and the copy's parts under it, kept on one page with the copier's signature."""
    copier = request.copier
    left_w, right_w = rules.HEADER_LEFT, rules.HEADER_RIGHT
    left: list = [para(Element.PARENT_AUTHORITY, line, "copy.parent_authority")
                  for line in _lines(copier.parent_authority)]
    authority = _lines(copier.authority)
    left.extend(para(Element.AUTHORITY, line, "copy.authority") for line in authority)
    if authority:
        style = rules.STYLES[Element.AUTHORITY]
        widest = min(_widest([line.upper() for line in authority], style), left_w)
        left.append(Rule(round(widest * rules.AUTHORITY_RULE_FRACTION.default), left_w, "copy.authority"))
    right = [para(Element.COPY_KIND, request.kind.word, "copy.kind")]
    number = Para(Element.NUMBER, (Run(number_line(request)),), rules.STYLES[Element.NUMBER], "copy.number")
    place = para(Element.PLACE_DATE, dates.place_date(copier.place.strip(), request.date), "copy.date")
    rows = (((left, right)), (([number], [place])))
    head = Table(
        "copy-header",
        tuple(Row((Cell(left_w, tuple(map(_kept, a))), Cell(right_w, tuple(map(_kept, b))))) for a, b in rows),
        keep_together=True,
    )
    closing = _closing_row(Content(signature=copier.signature, distribution=copier.distribution,
                                   archive=copier.archive))
    closing = dataclasses.replace(closing, name="copy-closing")
    # The solid line the full width of the text area (FORMAT.md §6.2): the top border of an empty paragraph.
    line_style = dataclasses.replace(rules.STYLES[Element.BODY], first_indent=0, space_before=rules.COPY_BLOCK_SPACE,
                                     keep_next=True, line=1.0)
    line = Para(Element.RULE, (), line_style, "copy", top_rule=True)
    return [line, head, closing]


def iso_time(moment: _dt.datetime) -> str:
    """"2026-12-04T09:15:02+07:00": the signing time in ISO 8601 with the Vietnam time zone (FORMAT.md §9)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=rules.VIETNAM_TIME)
    return moment.astimezone(rules.VIETNAM_TIME).replace(microsecond=0).isoformat()


def box_lines(request: CopyRequest) -> list[str]:
    """The text of box 14 (Mẫu 3.2), one line each: the form of copy, the copying body, the signing time."""
    signed = iso_time(request.signed_at) if request.signed_at else "…"
    values = (_BOX_WORDS[request.kind], " ".join(request.copier.name.split()), signed)
    return [f"{label}: {value}" for label, value in zip(BOX_LABELS, values)]


def copy_box(request: CopyRequest) -> list[Para]:
    """Box 14: a framed 10 pt block flush with the right edge of the text area at the top of page 1."""
    lines = box_lines(request)
    style = rules.STYLES[Element.COPY_BOX]
    width = max(text_width(line, style.size) for line in lines) + 2 * rules.COPY_BOX_PADDING
    indent = max(0, rules.PAGE.text_width - width)
    style = dataclasses.replace(style, left_indent=indent)
    return [Para(Element.COPY_BOX, (Run(line),), style, "copy.box", frame=True) for line in lines]


def check(request: CopyRequest) -> None:
    """Refuse a request whose copy could not be made, naming the part that is missing."""
    copier = request.copier
    if not _lines(copier.authority):
        raise InputError("chưa có tên cơ quan sao văn bản", "cơ quan sao")
    if not copier.issuer_code.strip():
        raise InputError("chưa có chữ viết tắt tên cơ quan sao (dùng trong số bản sao, ví dụ SY-UBND)", "ký hiệu")
    if request.electronic and not copier.name.strip():
        raise InputError("bản sao điện tử cần tên cơ quan sao viết thường (ví dụ Ủy ban nhân dân xã An Bình)",
                         "tên cơ quan sao")
    if not request.electronic and not (copier.signature.name.strip() and copier.signature.authority_lines()):
        raise InputError("bản sao giấy cần người ký: họ tên và chức vụ", "người ký bản sao")
    if request.kind is CopyKind.TRICH_SAO and not request.passages:
        raise InputError("trích sao cần chọn các đoạn cần trích (ví dụ 1,3-5)", "--paragraphs")


def copy_layout(original: Layout, request: CopyRequest) -> Layout:
    """The Layout of the copy of ``original`` (the laid-out document as issued)."""
    check(request)
    blocks = list(original.blocks)
    if request.kind is CopyKind.TRICH_SAO:
        count = len(passages(original))
        wrong = [n for n in request.passages if n < 1 or n > count]
        if wrong:
            raise InputError(f"đoạn {wrong[0]} không có: văn bản có các đoạn 1 đến {count}", "--paragraphs")
        blocks = _extract(_main_blocks(original), request.passages)  # an extract leaves the annexes out
    if request.electronic:
        blocks = [*copy_box(request), *blocks]
    else:
        blocks.extend(copy_block(request))
    title = f"{request.kind.name_vi}: {original.title}"
    return dataclasses.replace(original, blocks=tuple(blocks), title=title)
