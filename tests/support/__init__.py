"""Shared helpers for the test suite: the drafts the tests render, and readers for DOCX and PDF output.

Nothing here asserts; the tests do. The expected numbers live in the tests themselves
(written out from FORMAT.md), never taken from ``ptdraft.rules``.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import html
import io
import re
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from ptdraft import api
from ptdraft.model import Content, Draft, Signature, SigningMode

REPO = Path(__file__).resolve().parents[2]
GOLDEN_DIR = REPO / "tests" / "golden"
LETTER_JSON = REPO / "examples" / "cong-van-van-phong-ubnd-tinh.json"

# A constant date for deterministic output; 05/01 also exercises the leading-zero rule.
FIXED_DATE = _dt.date(2026, 1, 5)
FIXED_DATE_WORDS = "ngày 05 tháng 01 năm 2026"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# -- drafts ---------------------------------------------------------------------


def with_fixed_date(draft: Draft, day: _dt.date = FIXED_DATE) -> Draft:
    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, date=day))


def template_example(template) -> Draft:
    """A shipped template's own example, dated FIXED_DATE so the output is deterministic."""
    return with_fixed_date(api.example_draft(template))


def letter_draft() -> Draft:
    """The real letter of tests/data/samples as a saved draft."""
    return api.load_draft(LETTER_JSON)


def decision_draft() -> Draft:
    """A plain Quyết định (Mẫu 1.2): authority line, legal bases, QUYẾT ĐỊNH:, articles with clauses and points."""
    content = Content(
        doc_type="Quyết định",
        authority="ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ",
        issuer_code="UBND",
        number=15,
        place="Quảng Trị",
        date=_dt.date(2026, 3, 9),
        subject="Về việc thành lập Tổ công tác chuyển đổi số của tỉnh",
        deciding_authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
        legal_bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
            "Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.",
        ),
        body=(
            "Điều 1. Thành lập Tổ công tác chuyển đổi số của tỉnh gồm các thành viên sau:\n"
            "1. Tổ trưởng: Phó Chủ tịch Ủy ban nhân dân tỉnh.\n"
            "2. Các thành viên:\n"
            "a) Giám đốc Sở Khoa học và Công nghệ;\n"
            "b) Chánh Văn phòng Ủy ban nhân dân tỉnh.\n"
            "\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "\n"
            "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở và các thành viên "
            "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."
        ),
        close="./.",
        signature=Signature(mode=SigningMode.TM, collective="ỦY BAN NHÂN DÂN", position="CHỦ TỊCH", name="Lê Văn Cường"),
        distribution=("Như Điều 3", "Chủ tịch, các PCT UBND tỉnh"),
        archive=("KGVX",),
    )
    return Draft(content=content, title="Quyết định thành lập Tổ công tác chuyển đổi số", author="UBND tỉnh Quảng Trị")


FULL_CONTACT = "Địa chỉ: 45 Hùng Vương, phường Đông Hà, tỉnh Quảng Trị; Điện thoại: 0233.3852.123; Email: tdkt@quangtri.gov.vn"


def full_decision_draft() -> Draft:
    """A Quyết định with every optional element: parent authority, secrecy, urgency, circulation,
    contact footer, a TM./KT. signature, legal bases, drafter code and copies."""
    content = Content(
        doc_type="Quyết định",
        parent_authority="UBND TỈNH QUẢNG TRỊ",
        authority="HỘI ĐỒNG THI ĐUA\nKHEN THƯỞNG",
        issuer_code="HĐTĐKT",
        number=7,
        place="Quảng Trị",
        date=_dt.date(2026, 2, 3),
        secrecy="MẬT",
        urgency="HỎA TỐC",
        circulation="LƯU HÀNH NỘI BỘ",
        subject="Về việc khen thưởng tập thể có thành tích xuất sắc",
        deciding_authority="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH",
        legal_bases=(
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
            "Xét đề nghị của Thường trực Hội đồng",
        ),
        body=(
            "Điều 1. Tặng Giấy khen cho các tập thể sau:\n"
            "1. Khối cơ quan tỉnh:\n"
            "a) Văn phòng Ủy ban nhân dân tỉnh;\n"
            "b) Sở Nội vụ;\n"
            "c) Sở Tài chính;\n"
            "d) Sở Xây dựng;\n"
            "e) Sở Y tế;\n"
            "e) Sở Giáo dục và Đào tạo;\n"
            "e) Sở Công Thương.\n"
            "2. Khối xã, phường: Ủy ban nhân dân phường Đông Hà.\n"
            "\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."
        ),
        close="./.",
        signature=Signature(
            mode=SigningMode.TM_KT,
            collective="HỘI ĐỒNG",
            head_title="CHỦ TỊCH",
            position="PHÓ CHỦ TỊCH",
            name="Hoàng Thị Lan",
        ),
        distribution=("Như Điều 2",),
        archive=("TĐKT",),
        drafter_code="TH",
        copies=30,
        contact=FULL_CONTACT,
    )
    return Draft(content=content, title="Quyết định khen thưởng", author="Hội đồng Thi đua - Khen thưởng tỉnh")


def full_cong_van_draft() -> Draft:
    """A công văn with every optional element it can carry and one Kính gửi recipient (printed inline)."""
    content = Content(
        doc_type="Công văn",
        parent_authority="UBND TỈNH QUẢNG TRỊ",
        authority="VĂN PHÒNG",
        issuer_code="UBND",
        unit_code="VP",
        number=5,
        place="Quảng Trị",
        date=_dt.date(2026, 12, 1),
        secrecy="TỐI MẬT",
        urgency="KHẨN",
        circulation="XEM XONG TRẢ LẠI",
        subject="chuẩn bị nội dung phiên họp thường kỳ tháng 12",
        recipients=("Sở Tài chính",),
        body="Văn phòng Ủy ban nhân dân tỉnh đề nghị Sở Tài chính chuẩn bị nội dung báo cáo.\n\n"
        "1. Báo cáo tình hình thu, chi ngân sách.\n2. Dự kiến phân bổ vốn năm 2027.",
        close="Trân trọng./.",
        signature=Signature(
            mode=SigningMode.TM_KT,
            collective="ỦY BAN NHÂN DÂN",
            head_title="CHỦ TỊCH",
            position="PHÓ CHỦ TỊCH",
            name="Phan Văn Bình",
        ),
        distribution=("Chủ tịch UBND tỉnh (b/c)",),
        archive=("TH",),
        drafter_code="NVA",
        copies=12,
        contact=FULL_CONTACT,
    )
    return Draft(content=content, title="Công văn chuẩn bị phiên họp", author="Văn phòng UBND tỉnh Quảng Trị")


@dataclass(frozen=True)
class Rendered:
    """One document the suite rendered: its draft, its filled content and the DOCX path."""

    name: str
    draft: Draft
    content: Content
    path: Path
    draft_mark: str | None = None  # "DỰ THẢO" at the top left of page 1 (an incomplete draft exported anyway)

    def layout(self):
        """The layout the DOCX was written from (the preview's pages are compared with LibreOffice's of it)."""
        return api.layout_draft(self.draft, strict=self.draft_mark is None, draft_mark=self.draft_mark)


def render_to(name: str, draft: Draft, folder: Path, draft_mark: str | None = None) -> Rendered:
    path = folder / f"{name}.docx"
    api.export_docx(draft, path, strict=draft_mark is None, draft_mark=draft_mark)
    return Rendered(name, draft, api.fill(draft, strict=draft_mark is None), path, draft_mark)


# -- DOCX reading -----------------------------------------------------------------


@dataclass
class Para:
    """A paragraph of a DOCX with where it sits: ``table`` index (None in the body), row, cell."""

    p: DocxParagraph
    table: int | None
    row: int | None
    cell: int | None

    @property
    def text(self) -> str:
        return self.p.text

    @property
    def element(self):
        return self.p._p


def iter_paras(document) -> Iterator[Para]:
    """Every paragraph of the main story in document order, table cells included."""
    body = document.element.body
    table_index = -1
    for child in body.iterchildren():
        if child.tag == W + "p":
            yield Para(DocxParagraph(child, document._body), None, None, None)
        elif child.tag == W + "tbl":
            table_index += 1
            for r, tr in enumerate(child.iterchildren(W + "tr")):
                for c, tc in enumerate(tr.iterchildren(W + "tc")):
                    for p in tc.iterchildren(W + "p"):
                        yield Para(DocxParagraph(p, document._body), table_index, r, c)


def open_docx(path_or_bytes):
    if isinstance(path_or_bytes, (bytes, bytearray)):
        return docx.Document(io.BytesIO(path_or_bytes))
    return docx.Document(str(path_or_bytes))


def twips(length) -> int:
    return 0 if length is None else int(length.twips)


def run_sizes(p: DocxParagraph) -> set[float]:
    return {r.font.size.pt if r.font.size is not None else None for r in p.runs if r.text}


def run_flags(p: DocxParagraph, flag: str) -> set[bool]:
    """Effective bold/italic of every non-empty run (None in a run means "not set", i.e. off in Normal)."""
    return {bool(getattr(r, flag)) for r in p.runs if r.text}


def has_bottom_border(p: DocxParagraph) -> bool:
    ppr = p._p.pPr
    if ppr is None:
        return False
    bottom = ppr.find(f"{W}pBdr/{W}bottom")
    return bottom is not None and bottom.get(qn("w:val")) not in (None, "nil", "none")


def border(p: DocxParagraph, side: str):
    ppr = p._p.pPr
    if ppr is None:
        return None
    found = ppr.find(f"{W}pBdr/{W}{side}")
    if found is None or found.get(qn("w:val")) in ("nil", "none"):
        return None
    return found


def docx_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


# -- PDF reading (poppler) -----------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class PdfPage:
    width: float
    height: float
    words: tuple[Word, ...]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S)


def pdf_pages(pdf: Path) -> list[PdfPage]:
    """Pages of a PDF with every word and its box, from ``pdftotext -bbox``."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True, timeout=120)
    text = out.stdout.decode("utf-8")
    pages = []
    for width, height, inner in _PAGE.findall(text):
        words = tuple(
            Word(nfc(html.unescape(w)), float(a), float(b), float(c), float(d))
            for a, b, c, d, w in _WORD.findall(inner)
        )
        pages.append(PdfPage(float(width), float(height), words))
    return pages


def pdf_text(pdf: Path, *extra: str) -> str:
    out = subprocess.run(["pdftotext", *extra, str(pdf), "-"], capture_output=True, check=True, timeout=120)
    return nfc(out.stdout.decode("utf-8"))


def pdf_page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, timeout=60, text=True)
    found = re.search(r"^Pages:\s+(\d+)", out.stdout, re.M)
    assert found, out.stdout
    return int(found.group(1))


def find_phrase(words: tuple[Word, ...], phrase: str) -> list[Word] | None:
    """The consecutive words spelling ``phrase`` (whitespace-separated), or None."""
    tokens = nfc(phrase).split()
    n = len(tokens)
    for i in range(len(words) - n + 1):
        if all(words[i + k].text == tokens[k] for k in range(n)):
            return list(words[i : i + n])
    return None


def tokens(text: str) -> list[str]:
    """Word tokens of a text for order comparisons: letters and digits only, NFC."""
    return re.findall(r"\w+", nfc(text))


def first_missing_in_order(needle: list[str], haystack: list[str]) -> int | None:
    """Index in ``needle`` of the first token not found in order in ``haystack``, or None if all are."""
    pos = 0
    for index, token in enumerate(needle):
        try:
            pos = haystack.index(token, pos) + 1
        except ValueError:
            return index
    return None


def modules_loaded_by(code: str) -> set[str]:
    """The top-level modules a fresh Python process has loaded after running ``code`` in the checkout."""
    import subprocess
    import sys

    script = f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True).stdout
    return set(out.split())


RENDER_REAL_LETTER = ("import pathlib\nfrom ptdraft import api\n"
                      "api.docx_bytes(api.load_draft(pathlib.Path('examples/cong-van-van-phong-ubnd-tinh.json')))")
