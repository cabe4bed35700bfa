"""A PDF ready for ký số: ptdraft's PDF with empty signature fields where Nghị định 30 Phụ lục I puts them.

- ``chu-ky-nguoi-ky`` (box 7c): the signer's signature, centred in the signature column between the title line
  (quyền hạn, chức vụ) and the signer's name, as wide as the widest line of the block.
- ``con-dau`` (box 8): the agency's seal, a square as tall as the signature field, over about the left third of it.
- ``ban-sao`` (box 14, with ``copy``): for an appendix or attachment in a separate file and for an electronic copy,
  the agency's signature as a text box at the top right of page 1 (number and symbol, signing time), 10 pt.

Where the block lands is read from the PDF itself, not guessed: the DOCX gets two bookmarks (the end of the
last title line, the start of the name), LibreOffice writes them as named destinations, and each destination gives
the page and the top of its line. Across the page, the columns are the layout's own widths. pyHanko adds the
fields in an incremental update, so LibreOffice's PDF (and its PDF/A-2b) is kept byte for byte before it.
"""
from __future__ import annotations

import io
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ptdraft import docx_writer, rules
from ptdraft.files import disk
from ptdraft.reference import metrics
from ptdraft.outputs import libreoffice
from ptdraft.errors import InputError
from ptdraft.layout import BLANK_NUMBER, Layout, Para, Table, number_line
from ptdraft.model import Draft

from ptdraft.rules import COPY, ROLE_NAMES, ROLES, SEAL, SIGNER  # noqa: E402,F401 - part of this module's names

# Where the number and symbol printed in the copy box are kept for ``ptdraft sign`` (the document information).
NUMBER_KEY = "/PtdraftSoKyHieu"

# Bookmark names: letters only, so that every program keeps them as they are.
TITLE_MARK = "PtdraftKySoChucVu"
NAME_MARK = "PtdraftKySoHoTen"

POINT = 20  # twips
PAD = 4.0  # points kept clear of the text above and below the signature field
COPY_SIZE = 10  # pt, Times New Roman (Phụ lục I, box 14)
COPY_LINE = 1.2  # the line spacing of the text box (12 pt lines; pyHanko takes whole points)
COPY_PAD = 2.0
COPY_TOP = 14.0  # points from the top edge of the page to the copy box
ISO_TIME_SAMPLE = "0000-00-00T00:00:00+07:00"


@dataclass(frozen=True)
class Box:
    """A field's place: page index (0 = first) and its rectangle in PDF points from the lower left corner."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def _need_pyhanko(module: str = "pyhanko"):
    """Raise the Vietnamese install hint when ``module`` (pyHanko, or a library of its extras) is missing."""
    import importlib

    try:
        importlib.import_module(module)
    except ImportError:
        raise InputError(
            "cần thư viện ký số pyHanko, máy này chưa cài; cài bằng: python3 -m pip install 'ptdraft[ky-so]' "
            "(hoặc python3 -m pip install 'pyHanko[pkcs11,opentype]' Pillow)", "ký số"
        ) from None


# -- the DOCX with its two bookmarks ------------------------------------------------

def _closing(layout: Layout) -> Table:
    closing = next((b for b in layout.blocks if isinstance(b, Table) and b.name == "closing"), None)
    if closing is None:
        raise InputError("văn bản không có khối chữ ký ở cuối", "chữ ký")
    return closing


def _signature_lines(layout: Layout) -> tuple[list[Para], Para]:
    """The title lines (7a) and the name (7b) of the signature column."""
    right = _closing(layout).rows[0].cells[-1]
    paras = [b for b in right.blocks if isinstance(b, Para)]
    return paras[:-1], paras[-1]


def _bookmark(name: str, number: int) -> str:
    return f'<w:bookmarkStart w:id="{number}" w:name="{name}"/><w:bookmarkEnd w:id="{number}"/>'


def marked_docx(layout: Layout) -> bytes:
    """The DOCX of ``layout`` with a bookmark at the end of the last title line and at the start of the name."""
    import zipfile

    data = docx_writer.to_bytes(layout)
    titles, _name = _signature_lines(layout)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = [(item, package.read(item.filename)) for item in package.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for item, body in entries:
            if item.filename == "word/document.xml":
                body = _mark(body.decode("utf-8"), with_title=bool(titles)).encode("utf-8")
            package.writestr(item, body)
    return out.getvalue()


def _mark(xml: str, *, with_title: bool) -> str:
    start = xml.rfind("<w:tbl>")  # the closing table is the last block of the body
    cell = xml.rfind("<w:tc>", start)
    end = xml.find("</w:tc>", cell)
    if start < 0 or cell < 0 or end < 0:
        raise InputError("không tìm thấy khối chữ ký trong tệp DOCX", "chữ ký")
    paragraphs = [m for m in re.finditer(r"<w:p>.*?</w:p>|<w:p/>", xml[cell:end], re.S)]
    inner = xml[cell:end]
    pieces = []
    last = 0
    for index, match in enumerate(paragraphs):
        text = match.group()
        if index == len(paragraphs) - 1:  # the name: a bookmark where its line starts
            if text == "<w:p/>":
                text = f"<w:p>{_bookmark(NAME_MARK, 9002)}</w:p>"
            else:
                after = text.find("</w:pPr>")
                at = after + len("</w:pPr>") if after >= 0 else len("<w:p>")
                text = text[:at] + _bookmark(NAME_MARK, 9002) + text[at:]
        elif with_title and index == len(paragraphs) - 2:  # the last title line: a bookmark where it ends
            text = text[: -len("</w:p>")] + _bookmark(TITLE_MARK, 9001) + "</w:p>"
        pieces.append(inner[last:match.start()] + text)
        last = match.end()
    pieces.append(inner[last:])
    return xml[:cell] + "".join(pieces) + xml[end:]


# -- where the marks landed ----------------------------------------------------------

def _pdf_reader(data: bytes, where: str):
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError("tệp này không phải PDF", where)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        reader.root  # noqa: B018 - parses the catalog
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(f"tệp PDF hỏng, không đọc được ({exc})", where) from None
    if reader.encrypted:
        raise InputError("tệp PDF có mật khẩu (mã hóa); hãy dùng bản không mã hóa", where)
    return reader


def _page_index(reader) -> dict[int, int]:
    count = int(reader.root["/Pages"]["/Count"])
    return {reader.find_page_for_modification(i)[0].idnum: i for i in range(count)}


def _destinations(reader) -> dict[str, tuple[int, float]]:
    """Named destinations of the PDF: name → (page index, top y in points)."""
    from pyhanko.pdf_utils import generic

    found: dict[str, object] = {}
    root = reader.root
    if "/Dests" in root:
        for key, value in root["/Dests"].items():
            found[str(key).lstrip("/")] = value
    names = root.get("/Names")
    if names is not None and "/Dests" in names:
        stack = [names["/Dests"]]
        while stack:
            node = stack.pop()
            for kid in node.get("/Kids", ()):
                stack.append(kid.get_object())
            pairs = list(node.get("/Names", ()))
            for key, value in zip(pairs[::2], pairs[1::2]):
                found[str(key)] = value.get_object()
    pages = _page_index(reader)
    out = {}
    for key, value in found.items():
        value = value.get_object() if isinstance(value, generic.IndirectObject) else value
        if isinstance(value, generic.DictionaryObject):
            value = value["/D"]
        try:
            page_ref, kind = value.raw_get(0), value[1]
            top = float(value[3]) if kind == "/XYZ" else float(value[2])
            out[key] = (pages[page_ref.idnum], top)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            continue
    return out


def _mark_place(marks: dict[str, tuple[int, float]], name: str) -> tuple[int, float] | None:
    # LibreOffice writes some characters of a name escaped; compare the letters.
    for key, place in marks.items():
        if re.sub(r"[^A-Za-z]", "", key) == name:
            return place
    return None


def _pt(twips: float) -> float:
    return twips / POINT


def signature_boxes(pdf: bytes, layout: Layout) -> dict[str, Box]:
    """The rectangles of ``chu-ky-nguoi-ky`` and ``con-dau`` in ``pdf`` (made from ``layout`` by marked_docx)."""
    reader = _pdf_reader(pdf, "PDF")
    marks = _destinations(reader)
    name_place = _mark_place(marks, NAME_MARK)
    if name_place is None:
        raise InputError("LibreOffice không ghi vị trí khối chữ ký vào PDF (cần LibreOffice 7.4 trở lên)", "PDF")
    titles, name = _signature_lines(layout)
    page, name_top = name_place
    title_place = _mark_place(marks, TITLE_MARK) if titles else None
    if title_place is not None and title_place[0] == page:
        title_style = titles[-1].style
        title_bottom = title_place[1] - _pt(metrics.line_height(title_style.size, bold=title_style.bold))
    else:  # no title line, or (never with the closing row kept whole) the title on another page
        title_bottom = name_top + _pt(name.style.space_before)
    y0, y1 = name_top + PAD, title_bottom - PAD
    page_size = layout.page
    column_left = _pt(page_size.left + rules.CLOSING_LEFT)
    column_right = _pt(page_size.left + page_size.text_width)
    widest = max(
        (_pt(metrics.text_width(p.text, p.style.size, bold=p.style.bold, italic=p.style.italic)) for p in [*titles, name]),
        default=0.0,
    )
    width = min(max(widest, 2 * (y1 - y0)), column_right - column_left)
    middle = (column_left + column_right) / 2
    signer = Box(page, middle - width / 2, y0, middle + width / 2, y1)
    side = signer.height
    seal_right = signer.x0 + signer.width / 3
    seal = Box(page, seal_right - side, y0, seal_right, y1)
    return {SIGNER: signer, SEAL: seal}


def copy_box(layout: Layout, number: str) -> Box:
    """Box 14: top right of page 1, in the top margin, wide enough for the number and an ISO 8601 time at 10 pt."""
    page = layout.page
    widest = max(metrics.text_width(number, COPY_SIZE), metrics.text_width(ISO_TIME_SAMPLE, COPY_SIZE))
    width = _pt(widest) + 2 * COPY_PAD + 2
    height = 2 * COPY_SIZE * COPY_LINE + 2 * COPY_PAD
    right = _pt(page.width - page.right)
    top = _pt(page.height) - COPY_TOP
    return Box(0, right - width, top - height, right, top)


# -- the export -------------------------------------------------------------------------

def add_fields(pdf: bytes, boxes: dict[str, Box], *, number: str = "") -> bytes:
    """``pdf`` with an empty signature field per box (an incremental update; nothing before it changes)."""
    _need_pyhanko()
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    reader = _pdf_reader(pdf, "PDF")
    writer = IncrementalPdfFileWriter.from_reader(reader)
    for role, box in boxes.items():
        spec = fields.SigFieldSpec(
            sig_field_name=role,
            on_page=box.page,
            # pyHanko's box is in PDF points and takes fractions, though its hint says int.
            box=(round(box.x0, 2), round(box.y0, 2), round(box.x1, 2), round(box.y1, 2)),  # type: ignore[arg-type]
            readable_field_name=ROLE_NAMES[role],
        )
        fields.append_signature_field(writer, spec)
    info = same_producer(writer, reader)
    if number and info is not None:
        info[generic.pdf_name(NUMBER_KEY)] = generic.TextStringObject(number)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def same_producer(writer, reader):
    """Give the document information the producer pyHanko writes into the XMP metadata of every update.

    pyHanko appends its name to the information's /Producer ("LibreOffice 7.4; pyHanko 0.38.0") but writes its
    name alone into the XMP, and PDF/A wants the two to say the same; with its name alone in both, they agree.
    Returns the information dictionary (marked for the update), or None when the file has none."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata.model import VENDOR

    if "/Info" not in reader.trailer_view:
        return None
    ref = reader.trailer_view.raw_get("/Info")
    if not isinstance(ref, generic.IndirectObject):
        return None
    info = ref.get_object()
    info[generic.pdf_name("/Producer")] = generic.TextStringObject(VENDOR)
    writer.mark_update(ref)
    return info


@dataclass(frozen=True)
class Exported:
    path: Path
    pages: int
    boxes: dict[str, Box]
    pdf_a: bool


def export(draft: Draft, output: Path, *, pdf_a: bool = False, copy: bool = False) -> Exported:
    """Write ``draft`` as a PDF (LibreOffice) with its empty signature fields to ``output`` (atomically)."""
    from ptdraft import pipeline

    _need_pyhanko()
    output = Path(output)
    disk.check_writable(output)
    layout = pipeline.layout_draft(draft)
    with tempfile.TemporaryDirectory(prefix="ptdraft-ky-so-") as folder:
        source = Path(folder) / "van-ban.docx"
        source.write_bytes(marked_docx(layout))
        pdf = libreoffice.to_pdf([source], Path(folder), pdf_a=pdf_a, destinations=True)[source.resolve()].read_bytes()
    boxes = signature_boxes(pdf, layout)
    number = number_line(pipeline.fill(draft))
    if copy:
        boxes[COPY] = copy_box(layout, number.replace(BLANK_NUMBER, "0000"))
    data = add_fields(pdf, boxes, number=number)
    disk.write_atomic(output, data)
    pages = int(_pdf_reader(data, str(output)).root["/Pages"]["/Count"])
    return Exported(output, pages, boxes, pdf_a)


def field_rows(pdf: bytes, where: str) -> list[tuple[str, bool]]:
    """The signature fields of a PDF: (name, already signed)."""
    _need_pyhanko()
    from pyhanko.sign import fields

    reader = _pdf_reader(pdf, where)
    return [(name, value is not None) for name, value, _ref in fields.enumerate_sig_fields(reader)]
