"""The outgoing register (sổ đăng ký văn bản đi): "Cấp số", preview, cancel, list and export.

A number belongs to a series: the issuing authority (``issuer_code``), the year of the
document's date (today when it has none) and the register book, ordinary or secret (a
document with a secrecy mark has its own series, FORMAT.md section 6.1). Numbers start
at 01 each year, are never given twice, and a number given in error is cancelled,
never reused: the counter and the record are written in one transaction.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as _dt
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ptdraft.templating import render
from ptdraft.office import library
from ptdraft.templating import part_fields
from ptdraft.errors import InputError, OutputError
from ptdraft.layout import bare_entry, distribution_entries, symbol
from ptdraft.model import Content, Draft
from ptdraft.storage import BOOK_LABELS, BOOK_TITLES, STATUS_LABELS, NewEntry, RegisterEntry, Storage
from ptdraft.files.disk import write_atomic

BOOK_NAMES = {"ordinary": "ordinary", "thuong": "ordinary", "secret": "secret", "mat": "secret",
              "copy": "copy", "sao": "copy", "ban-sao": "copy"}


@dataclass(frozen=True)
class NumberPreview:
    """The number "Cấp số" would give a draft now (not taken): "05/UBND-VP" in ``symbol``."""

    issuer: str
    year: int
    book: str
    number: int
    symbol: str

    @property
    def line(self) -> str:
        return f"Số: {self.symbol}"


@dataclass(frozen=True)
class _Series:
    content: Content
    issuer: str
    year: int
    book: str
    date: _dt.date
    symbol_tail: str

    def symbol_for(self, number: int) -> str:
        return f"{number:02d}/{self.symbol_tail}" if self.symbol_tail else f"{number:02d}"


def book_name(text: str) -> str:
    """"ordinary"/"thuong" → "ordinary", "secret"/"mat" → "secret"."""
    name = BOOK_NAMES.get(text.strip().lower())
    if name is None:
        raise InputError(f"sổ '{text}' không có; chọn thuong (sổ thường), mat (sổ mật) hoặc sao (sổ bản sao)", "--book")
    return name


def _series(draft: Draft, today: _dt.date | None = None) -> _Series:
    missing = part_fields.missing_required(draft)
    if missing:
        names = "; ".join(f"{f.label} ({f.id})" for f in missing)
        raise InputError(f"bản thảo chưa xong, thiếu giá trị bắt buộc: {names}", "bản thảo")
    content = render.fill(draft)
    issuer = content.issuer_code.strip()
    if not issuer:
        raise InputError(
            "bản thảo chưa có chữ viết tắt tên cơ quan ban hành (dùng trong số, ký hiệu) nên chưa lấy số được",
            "issuer_code",
        )
    date = content.date or today or _dt.date.today()
    book = "secret" if content.secrecy.strip() else "ordinary"
    return _Series(content, issuer, date.year, book, date, symbol(content))


def _refuse_numbered(draft: Draft) -> None:
    if draft.content.number:
        raise InputError(
            f"đã được cấp số {draft.content.number:02d}; một văn bản chỉ được cấp số một lần "
            "(nếu số đó cấp nhầm, hãy hủy số rồi xóa số khỏi bản thảo)",
            "bản thảo",
        )


def preview(storage: Storage, draft: Draft) -> NumberPreview:
    """The next number of the draft's series, without taking it; a draft that already has a number is
    refused with the same message as :func:`issue`."""
    _refuse_numbered(draft)
    series = _series(draft)
    number = storage.next_number(series.issuer, series.year, series.book)
    return NumberPreview(series.issuer, series.year, series.book, number, series.symbol_for(number))


def issue(
    storage: Storage,
    draft: Draft,
    *,
    user: str,
    draft_path: str = "",
    file_path: str = "",
    file_sha256: str = "",
) -> tuple[Draft, RegisterEntry]:
    """"Cấp số": take the next number, record the document, and return the draft with its number.

    The draft must be finished (every required value given, an issuing authority code)
    and its template unchanged (:func:`ptdraft.office.library.check_draft`).
    """
    _refuse_numbered(draft)
    library.check_draft(storage, draft)
    series = _series(draft)
    content = series.content
    ref = draft.template
    entry = NewEntry(
        issuer=series.issuer,
        year=series.year,
        book=series.book,
        doc_date=series.date,
        doc_type=content.doc_type,
        subject=content.subject,
        signer=content.signature.name,
        recipients=_bare(content.recipients),
        distribution=_bare(distribution_entries(content)),
        issued_by=user,
        template_id=ref.id if ref else "",
        template_version=ref.version if ref else None,
        template_sha256=ref.sha256 if ref else "",
        draft_path=draft_path,
        file_path=file_path,
        file_sha256=file_sha256,
    )
    row = storage.issue(entry, series.symbol_for)
    numbered = dataclasses.replace(draft, content=dataclasses.replace(draft.content, number=row.number))
    return numbered, row


def entry_of(storage: Storage, draft: Draft) -> RegisterEntry:
    """The register's record of a numbered draft; InputError when the draft has no number, the register does not
    have it, it was cancelled, or the draft's number, symbol or date differ from what the register recorded."""
    if not draft.content.number:
        raise InputError("bản thảo chưa được cấp số; hãy Cấp số trước (ptdraft register issue BẢN-THẢO.json)", "bản thảo")
    series = _series(draft)
    number = draft.content.number
    matches = [e for e in storage.entries(year=series.year, issuer=series.issuer, book=series.book)
               if e.number == number]
    symbol_text = series.symbol_for(number)
    if not matches:
        raise InputError(
            f"sổ đăng ký không có số {symbol_text} năm {series.year} ({BOOK_LABELS[series.book]}); "
            "số trong bản thảo phải do Cấp số cấp",
            "bản thảo",
        )
    entry = matches[0]
    if entry.status == "cancelled":
        raise InputError(f"số {entry.symbol} đã bị hủy ({entry.cancelled_at}); văn bản này không được gửi", "bản thảo")
    if entry.symbol != symbol_text:
        raise InputError(f"số, ký hiệu trong bản thảo là {symbol_text} nhưng sổ đăng ký ghi {entry.symbol}", "bản thảo")
    if series.content.date is None or entry.doc_date != series.content.date:
        shown = series.content.date.strftime("%d/%m/%Y") if series.content.date else "chưa có ngày"
        raise InputError(
            f"ngày của bản thảo ({shown}) khác ngày sổ đăng ký ghi cho số {entry.symbol} "
            f"({entry.doc_date.strftime('%d/%m/%Y')})",
            "bản thảo",
        )
    return entry


def _bare(entries) -> tuple[str, ...]:
    """List entries as the register keeps them: without the ";" or "." the printed list puts after each."""
    return tuple(text for text in (bare_entry(e) for e in entries) if text)


def list_text(entries) -> str:
    """Kính gửi or Nơi nhận on one line, "; " between entries (also for entries recorded with punctuation)."""
    return "; ".join(_bare(entries))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise InputError(f"không đọc được tệp ({exc.strerror})", str(path)) from None
    return digest.hexdigest()


def attach_file(storage: Storage, entry: RegisterEntry, path: Path) -> RegisterEntry:
    """Record the file sent out under ``entry``'s number (its path and SHA-256)."""
    return storage.attach_file(
        entry.issuer, entry.year, entry.book, entry.number, path=str(Path(path).resolve()), sha256=file_sha256(path)
    )


def find(storage: Storage, number: int, *, year: int | None = None, issuer: str | None = None,
         book: str | None = None) -> RegisterEntry:
    """The one entry with ``number`` in ``year`` (default this year), narrowed by issuer and book when given."""
    year = year or _dt.date.today().year
    matches = [
        e for e in storage.entries(year=year, issuer=issuer, book=book)
        if e.number == number
    ]
    if not matches:
        where = f" của '{issuer}'" if issuer else ""
        raise InputError(f"năm {year} không có số {number:02d}{where}", "sổ đăng ký")
    if len(matches) > 1:
        choices = ", ".join(f"{e.symbol} ({e.issuer}, {BOOK_LABELS[e.book]})" for e in matches)
        raise InputError(
            f"năm {year} có nhiều văn bản số {number:02d}: {choices}; hãy chọn bằng --issuer hoặc --book", "sổ đăng ký"
        )
    return matches[0]


def cancel(storage: Storage, number: int, *, actor: str, reason: str = "", year: int | None = None,
           issuer: str | None = None, book: str | None = None) -> RegisterEntry:
    """Mark a number given in error as cancelled; it is never given again."""
    entry = find(storage, number, year=year, issuer=issuer, book=book)
    return storage.cancel(entry.issuer, entry.year, entry.book, entry.number, actor=actor, reason=reason)


def entries(
    storage: Storage,
    *,
    year: int | None = None,
    issuer: str | None = None,
    book: str | None = None,
    doc_type: str | None = None,
    signer: str | None = None,
    status: str | None = None,
    search: str | None = None,
) -> list[RegisterEntry]:
    """Register entries, filtered; ``search`` finds text in the symbol, subject, signer and recipients."""
    rows = storage.entries(year=year, issuer=issuer, book=book)
    if doc_type:
        rows = [r for r in rows if r.doc_type.casefold() == doc_type.casefold()]
    if signer:
        rows = [r for r in rows if signer.casefold() in r.signer.casefold()]
    if status:
        rows = [r for r in rows if r.status == status]
    if search:
        needle = search.casefold()
        rows = [
            r for r in rows
            if needle in " ".join((r.symbol, r.subject, r.signer, *r.recipients, *r.distribution)).casefold()
        ]
    return rows


# -- export ---------------------------------------------------------------------------------------

COLUMNS: tuple[tuple[str, Callable[[RegisterEntry], object]], ...] = (
    ("Số", lambda e: e.number),
    ("Số, ký hiệu văn bản", lambda e: e.symbol),
    ("Ngày văn bản", lambda e: e.doc_date),
    ("Tên loại văn bản", lambda e: e.doc_type),
    ("Trích yếu nội dung", lambda e: e.subject),
    ("Người ký", lambda e: e.signer),
    ("Kính gửi", lambda e: list_text(e.recipients)),
    ("Nơi nhận", lambda e: list_text(e.distribution)),
    ("Cơ quan ban hành", lambda e: e.issuer),
    ("Năm", lambda e: e.year),
    ("Sổ", lambda e: BOOK_TITLES.get(e.book, e.book)),
    ("Trạng thái", lambda e: STATUS_LABELS.get(e.status, e.status)),
    ("Người cấp số", lambda e: e.issued_by),
    ("Thời điểm cấp số", lambda e: e.issued_at),
    ("Tệp văn bản", lambda e: e.file_path),
    ("SHA-256 của tệp", lambda e: e.file_sha256),
    ("Mẫu", lambda e: f"{e.template_id} phiên bản {e.template_version}" if e.template_id else ""),
    ("Người hủy số", lambda e: e.cancelled_by),
    ("Thời điểm hủy", lambda e: e.cancelled_at),
    ("Lý do hủy", lambda e: e.cancel_reason),
)
HEADERS = tuple(name for name, _ in COLUMNS)


def csv_bytes(rows: list[RegisterEntry]) -> bytes:
    """The register as CSV (UTF-8 with a byte-order mark, so Excel reads Vietnamese right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for entry in rows:
        writer.writerow(
            [value.strftime("%d/%m/%Y") if isinstance(value, _dt.date) else value for value in (f(entry) for _, f in COLUMNS)]
        )
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: list[RegisterEntry], title: str = "Sổ văn bản đi") -> bytes:
    """The register as an Excel workbook (openpyxl): one sheet, a bold frozen header, dates as dates."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise OutputError("chưa cài thư viện openpyxl để ghi tệp Excel; hãy cài: python -m pip install openpyxl") from None
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for entry in rows:
        sheet.append([f(entry) for _, f in COLUMNS])
    widths = {"Số": 6, "Số, ký hiệu văn bản": 18, "Ngày văn bản": 12, "Trích yếu nội dung": 50, "Nơi nhận": 40}
    for index, name in enumerate(HEADERS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(name, 20)
        if name == "Ngày văn bản":
            for cell in sheet[letter][1:]:
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export(rows: list[RegisterEntry], path: Path, fmt: str) -> None:
    """Write the register to ``path`` as "csv" or "xlsx", atomically."""
    if fmt == "csv":
        data = csv_bytes(rows)
    elif fmt == "xlsx":
        data = xlsx_bytes(rows)
    else:
        raise InputError(f"định dạng '{fmt}' không có; chọn csv hoặc xlsx", "định dạng")
    write_atomic(Path(path), data)
