"""The hand-off package of an issued letter, for the office's e-office system (VNPT iOffice, Viettel VOffice, ...).

A package is a folder or a ZIP file holding:

- the DOCX of the letter;
- its PDF: PDF/A-2b made by LibreOffice when it is installed, else a plain PDF painted by ptdraft's own
  page layout (``pdf_kind`` says which);
- ``metadata.json``: the outgoing document's information that Nghị định 30/2020/NĐ-CP Phụ lục VI lists
  (mã định danh, số, ký hiệu, ngày ban hành, tên loại, trích yếu, ngôn ngữ, số trang, người ký, nơi nhận,
  độ khẩn, độ mật, số lượng bản, hạn xử lý), with the files and their SHA-256;
- ``edxml-header.xml``: the same facts under the element names of the edXML message header
  (QCVN 102:2016/BTTTT) that the national document exchange uses.

The letter must have been numbered by "Cấp số": the number, symbol and date come from the draft and must
equal the register's; the page count is read from the PDF written. The register records every package
(where, its SHA-256, the PDF's kind and pages). What was followed and what could not be confirmed is in
docs/decisions/0009-e-office-package.md.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from xml.etree import ElementTree as ET

from ptdraft import docx_writer, rules
from ptdraft.templating import render
from ptdraft.reference import dates
from ptdraft.outputs import libreoffice
from ptdraft.office import register
from ptdraft.errors import InputError, OutputError
from ptdraft.layout import Layout, bare_entry, distribution_entries, layout as make_layout, number_line, symbol
from ptdraft.outputs.merge import safe_file_name
from ptdraft.model import Content, Draft
from ptdraft.storage import PackageRecord, RegisterEntry, Storage
from ptdraft.files.disk import write_atomic
from ptdraft.text import fold as _fold

FORMAT = "ptdraft-goi-van-ban/1"
EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
PDF_A2B = "PDF/A-2b"
PLAIN_PDF = "PDF"
METADATA = "metadata.json"
EDXML = "edxml-header.xml"

# edXML's Priority: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc (hỏa tốc hẹn giờ has 4; ptdraft prints no such mark).
PRIORITY = {"": 0, **{_fold(level): code for code, level in enumerate(rules.URGENCY_LEVELS, start=1)}}
# edXML's DocumentType/Type: 1 a legal normative document, 2 an administrative document (all that ptdraft makes).
ADMINISTRATIVE = 2


@dataclass(frozen=True)
class Package:
    path: Path
    entry: RegisterEntry
    record: PackageRecord
    files: tuple[str, ...]
    pdf_kind: str
    page_count: int
    metadata: dict
    warnings: tuple[str, ...] = ()


def priority(urgency: str) -> int:
    """"HỎA TỐC" → 3; an urgency mark edXML has no code for is an InputError naming it."""
    code = PRIORITY.get(_fold(urgency))
    if code is None:
        raise InputError(f"độ khẩn '{urgency}' không có trong edXML (Khẩn, Thượng khẩn, Hỏa tốc)", "độ khẩn")
    return code


# -- reading the PDF written ----------------------------------------------------------------------------

_OBJECT = re.compile(rb"(\d+)\s+\d+\s+obj\b(.*?)\bendobj", re.S)
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_PDFA_PART = re.compile(rb"pdfaid:part(?:>|=\")\s*2\b")
_PDFA_CONFORMANCE = re.compile(rb"pdfaid:conformance(?:>|=\")\s*B\b", re.IGNORECASE)


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF written by LibreOffice or Qt (their page objects are not in object streams)."""
    if not pdf.startswith(b"%PDF-"):
        raise InputError("tệp không phải PDF", "PDF")
    # Page objects by number: an incremental update (the signature fields) writes a page again under its number.
    count = len({number for number, body in _OBJECT.findall(pdf) if _PAGE.search(body)})
    if count == 0:
        raise InputError("không đọc được số trang của tệp PDF", "PDF")
    return count


def pdf_kind(pdf: bytes) -> str:
    """"PDF/A-2b" when the PDF's XMP metadata declares part 2, conformance B; else "PDF"."""
    return PDF_A2B if _PDFA_PART.search(pdf) and _PDFA_CONFORMANCE.search(pdf) else PLAIN_PDF


# Paints a layout as a PDF at a path, for machines without LibreOffice. The painting lives with the window's code
# (ptdraft/gui/printing.py, the one place that uses Qt); the command line and the window hand it in, so the core
# never names the window.
Painter = Callable[[Layout, Path], None]


def _signable() -> bool:
    """Whether the ký số libraries are installed (the ``ky-so`` extra), so the PDF can carry its empty fields."""
    from ptdraft.outputs import pdf_fields

    try:
        pdf_fields._need_pyhanko()
    except InputError:
        return False
    return True


def make_pdf(layout: Layout, docx: Path, folder: Path, number: str = "", *,
             painter: Painter | None = None) -> tuple[Path, str]:
    """The PDF of ``docx`` in ``folder`` and which kind it is: PDF/A-2b by LibreOffice (with the empty signature
    fields of Phụ lục I when the ký số libraries are installed, see :mod:`ptdraft.outputs.pdf_fields`), else the
    ``painter``'s PDF (Qt's)."""
    if libreoffice.find() is not None:
        if not _signable():
            made = libreoffice.to_pdf([docx], folder, pdf_a=True)[docx.resolve()]
            return made, pdf_kind(made.read_bytes())
        from ptdraft.outputs import pdf_fields

        marked = docx.with_name(docx.stem + "-ky-so.docx")
        marked.write_bytes(pdf_fields.marked_docx(layout))
        made = libreoffice.to_pdf([marked], folder, pdf_a=True, destinations=True)[marked.resolve()]
        data = made.read_bytes()
        data = pdf_fields.add_fields(data, pdf_fields.signature_boxes(data, layout), number=number)
        target = folder / (docx.stem + ".pdf")
        target.write_bytes(data)
        return target, pdf_kind(data)
    if painter is None:
        raise OutputError("không có LibreOffice để in bản PDF của gói văn bản; cài LibreOffice rồi làm lại", "PDF")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (docx.stem + ".pdf")
    painter(layout, target)
    return target, PLAIN_PDF


# -- the package's texts --------------------------------------------------------------------------------

def _entries(lines) -> list[str]:
    return [text for text in (bare_entry(e) for e in lines) if text]


def _places(content: Content) -> list[str]:
    """Nơi nhận without "Như trên" (the Kính gửi stand for it) and without the "Lưu" line."""
    same = "như trên"
    return [e for e in _entries(distribution_entries(content)) if _fold(e) != same and not e.startswith("Lưu")]


def _addressees(content: Content) -> list[str]:
    """Who receives the letter over the exchange: the Kính gửi, or for a named type its Nơi nhận."""
    return _entries(content.recipients) or _places(content)


def copies_of(content: Content) -> int:
    """Số lượng bản: the number the drafter wrote after the drafter code, else one for each addressee and
    place in Nơi nhận, and one for each "Lưu" entry (VT and the drafting unit)."""
    if content.copies:
        return content.copies
    kept = 1 + len(_entries(content.archive))  # "Lưu: VT" and each unit after it
    return len(_entries(content.recipients)) + len(_places(content)) + kept


def _signer(content: Content) -> dict[str, str]:
    sig = content.signature
    lines = [" ".join(line.split()) for line in sig.authority_lines()]
    position = lines[-1] if lines else ""
    competence = " ".join(lines[:-1]) if len(lines) > 1 else ""
    return {"ho_ten": " ".join(sig.name.split()), "chuc_vu": position, "tham_quyen": competence}


def metadata(content: Content, entry: RegisterEntry, profile: dict[str, str], *, pages: int, kind: str,
             deadline: _dt.date | None, files: list[dict], made_by: str, made_at: str) -> dict:
    agency = profile.get("ma_dinh_danh", "")
    tail = symbol(content)
    return {
        "dinh_dang": FORMAT,
        "theo": "Nghị định 30/2020/NĐ-CP, Phụ lục VI",
        "ma_dinh_danh_co_quan": agency,
        "ma_dinh_danh_van_ban": f"{agency},{entry.doc_date.strftime('%Y/%m/%d')},{entry.symbol}",
        "so": entry.number,
        "ky_hieu": tail,
        "so_ky_hieu": entry.symbol,
        "ngay_ban_hanh": entry.doc_date.isoformat(),
        "dia_danh": " ".join(content.place.split()),
        "ten_loai": content.doc_type,
        "trich_yeu": " ".join(content.subject.split()),
        "ngon_ngu": "vi",
        "so_trang": pages,
        "nguoi_ky": _signer(content),
        "kinh_gui": _entries(content.recipients),
        "noi_nhan": _entries(distribution_entries(content)),
        "do_khan": content.urgency.strip(),
        "do_mat": content.secrecy.strip(),
        "so_luong_ban": copies_of(content),
        "han_xu_ly": deadline.isoformat() if deadline else None,
        "co_quan_ban_hanh": {
            "ten": profile.get("ten_co_quan") or " ".join(content.authority.split()).upper(),
            "co_quan_chu_quan": profile.get("co_quan_chu_quan") or " ".join(content.parent_authority.split()).upper(),
            **{key: profile[key] for key in ("dia_chi", "email", "dien_thoai", "fax", "website") if profile.get(key)},
        },
        "so_dang_ky": {"co_quan": entry.issuer, "nam": entry.year, "so": entry.book, "cap_boi": entry.issued_by,
                       "cap_luc": entry.issued_at},
        "pdf": kind,
        "tep": files,
        "tao_boi": made_by,
        "tao_luc": made_at,
    }


def edxml_header(data: dict, content: Content) -> bytes:
    """The edXML MessageHeader (QCVN 102:2016/BTTTT) of a package's metadata."""
    ET.register_namespace("edXML", EDXML_NS)

    def el(parent, name: str, text: object = None):
        node = ET.SubElement(parent, f"{{{EDXML_NS}}}{name}")
        if text is not None:
            node.text = str(text)
        return node

    root = ET.Element(f"{{{EDXML_NS}}}MessageHeader")
    organ = data["co_quan_ban_hanh"]
    sender = el(root, "From")
    el(sender, "OrganId", data["ma_dinh_danh_co_quan"])
    el(sender, "OrganName", organ["ten"])
    el(sender, "OrganInCharge", organ["co_quan_chu_quan"])
    for name, key in (("OrganAdd", "dia_chi"), ("Email", "email"), ("Telephone", "dien_thoai"), ("Fax", "fax"),
                      ("Website", "website")):
        el(sender, name, organ.get(key, ""))
    for name in _addressees(content):
        to = el(root, "To")
        el(to, "OrganId", "")
        el(to, "OrganName", name)
    el(root, "DocumentId", data["ma_dinh_danh_van_ban"])
    code = el(root, "Code")
    el(code, "CodeNumber", f"{data['so']:02d}")
    el(code, "CodeNotation", data["ky_hieu"])
    info = el(root, "PromulgationInfo")
    el(info, "Place", data["dia_danh"])
    el(info, "PromulgationDate", _dt.date.fromisoformat(data["ngay_ban_hanh"]).strftime("%Y/%m/%d"))
    kind = el(root, "DocumentType")
    el(kind, "Type", ADMINISTRATIVE)
    el(kind, "TypeName", data["ten_loai"])
    el(root, "Subject", data["trich_yeu"])
    signer = el(root, "SignerInfo")
    el(signer, "Competence", data["nguoi_ky"]["tham_quyen"])
    el(signer, "Position", data["nguoi_ky"]["chuc_vu"])
    el(signer, "FullName", data["nguoi_ky"]["ho_ten"])
    due = data["han_xu_ly"]
    el(root, "DueDate", _dt.date.fromisoformat(due).strftime("%Y/%m/%d") if due else "")
    places = el(root, "ToPlaces")
    for place in data["noi_nhan"]:
        el(places, "Place", place)
    other = el(root, "OtherInfo")
    el(other, "Priority", priority(data["do_khan"]))
    el(other, "SphereOfPromulgation", "")
    el(other, "TyperNotation", content.drafter_code.strip())
    el(other, "PromulgationAmount", data["so_luong_ban"])
    el(other, "PageAmount", data["so_trang"])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# -- writing ---------------------------------------------------------------------------------------------

def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_target(out: Path, replace: bool) -> bool:
    """True for a ZIP target; OutputError when the place cannot take the package."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"thư mục '{folder}' không tồn tại", str(out))
    is_zip = out.suffix.lower() == ".zip"
    if out.exists():
        if not replace:
            raise OutputError("đã có; chọn tên khác hoặc dùng --replace để thay", str(out))
        if is_zip and out.is_dir():
            raise OutputError("đây là một thư mục, không thay bằng tệp ZIP được", str(out))
        if not is_zip and not out.is_dir():
            raise OutputError("đây là một tệp, không thay bằng thư mục được", str(out))
        if not is_zip and any(p.name not in (METADATA, EDXML) and p.suffix.lower() not in (".docx", ".pdf")
                              for p in out.iterdir()):
            raise OutputError("thư mục có những tệp không phải của một gói văn bản; ptdraft không xóa chúng", str(out))
    return is_zip


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _write_folder(out: Path, files: dict[str, bytes]) -> None:
    """Write the files into a new folder beside ``out`` and rename it into place (an old package is
    moved away first and removed after), so the target is never half-written."""
    parent = out.parent if str(out.parent) else Path(".")
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    except OSError as exc:
        raise OutputError(f"không ghi được vào thư mục '{parent}' ({exc.strerror})", str(out)) from None
    old: Path | None = None
    try:
        for name, data in files.items():
            write_atomic(staging / name, data)
        os.chmod(staging, 0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=parent))
            os.replace(out, old / out.name)
        os.replace(staging, out)
    except OSError as exc:
        if old is not None and not out.exists():
            os.replace(old / out.name, out)
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"không ghi được gói văn bản ({exc.strerror})", str(out)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_package(
    storage: Storage,
    draft: Draft,
    out: Path,
    *,
    actor: str,
    deadline: _dt.date | None = None,
    replace: bool = False,
    pdf_maker: Callable[[Layout, Path, Path], tuple[Path, str]] | None = None,
    painter: Painter | None = None,
) -> Package:
    """Write the package of a numbered draft to ``out`` (a folder, or a ``.zip`` file) and record it. Without
    LibreOffice the PDF is the ``painter``'s."""
    out = Path(out)
    is_zip = _check_target(out, replace)
    entry = register.entry_of(storage, draft)
    profile = storage.profile()
    if not profile.get("ma_dinh_danh"):
        raise InputError(
            "chưa có mã định danh của cơ quan trong Thông tin cơ quan; nhập một lần: "
            "ptdraft office set ma_dinh_danh=000.00.00.H41 (mã do tỉnh, bộ cấp theo Quyết định 20/2020/QĐ-TTg)",
            "ma_dinh_danh",
        )
    content = render.fill(draft)
    if deadline is None:
        deadline = _deadline_value(draft)
    priority(content.urgency)  # an urgency edXML cannot carry is refused before anything is written
    layout = make_layout(content, title=draft.title, author=draft.author)
    docx = docx_writer.to_bytes(layout)
    stem = safe_file_name(entry.symbol.replace("/", "-"))
    with tempfile.TemporaryDirectory(prefix="ptdraft-goi-") as work:
        docx_path = Path(work) / f"{stem}.docx"
        docx_path.write_bytes(docx)
        if pdf_maker is None:  # the PDF's document information keeps the "Số: …" line for ptdraft sign
            pdf_path, kind = make_pdf(layout, docx_path, Path(work) / "pdf", number_line(content),
                                     painter=painter)
        else:
            pdf_path, kind = pdf_maker(layout, docx_path, Path(work) / "pdf")
        pdf = pdf_path.read_bytes()
    pages = page_count(pdf)
    files = {f"{stem}.docx": docx, f"{stem}.pdf": pdf}
    listed = [
        {"ten": name, "loai": "van-ban" if name.endswith(".docx") else "pdf", "sha256": _sha256(data),
         "byte": len(data)}
        for name, data in files.items()
    ]
    made_at = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
    data = metadata(content, entry, profile, pages=pages, kind=kind, deadline=deadline, files=listed,
                    made_by=actor, made_at=made_at)
    files[METADATA] = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files[EDXML] = edxml_header(data, content)
    if is_zip:
        blob = _zip(files)
        write_atomic(out, blob)
        digest = _sha256(blob)
    else:
        _write_folder(out, files)
        digest = _sha256(files[METADATA])
    record = storage.record_package(entry.issuer, entry.year, entry.book, entry.number, path=str(out.resolve()),
                                    sha256=digest, pdf_kind=kind, page_count=pages, actor=actor)
    warnings = []
    if content.secrecy.strip():
        warnings.append("văn bản có độ mật: không gửi qua hệ thống quản lý văn bản điện tử nối mạng "
                        "(Luật Bảo vệ bí mật nhà nước 2018)")
    if kind != PDF_A2B:
        warnings.append("máy chưa cài LibreOffice nên bản PDF là PDF thường, không phải PDF/A-2b")
    return Package(out, entry, record, tuple(files), kind, pages, data, tuple(warnings))


def _deadline_value(draft: Draft) -> _dt.date | None:
    """A template field "han_xu_ly" (hạn xử lý), when the draft has one."""
    value = draft.values.get("han_xu_ly")
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dates.parse_date(value)
        except ValueError as exc:
            raise InputError(f"hạn xử lý '{value}': {exc}", "han_xu_ly") from None
    return None


def read_package(path: Path) -> dict[str, bytes]:
    """The files of a package folder or ZIP (for checks and tests)."""
    path = Path(path)
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()}
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
