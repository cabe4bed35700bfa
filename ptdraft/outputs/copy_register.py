"""The register's book of copies: one yearly series per copying body for SAO Y, SAO LỤC and TRÍCH SAO.

FORMAT.md §6.2: copies have their own running number, shared by all kinds of copy, from 01 on 1 January to 31
December; "Số: 05/SY-UBND", "06/SL-UBND", "07/TrS-UBND" follow each other. The series is the register's book
"copy" (:data:`ptdraft.outputs.copies.BOOK`), so a copy's number is taken, recorded, listed, cancelled (never given again)
and exported exactly like a document's (:mod:`ptdraft.office.register`, :meth:`ptdraft.storage.base.Storage.issue`).
"""
from __future__ import annotations

import dataclasses

from ptdraft import layout as lay
from ptdraft.reference import dates
from ptdraft.office import register
from ptdraft.outputs.copies import BOOK, CopyRequest, symbol_for
from ptdraft.errors import InputError
from ptdraft.model import Content
from ptdraft.storage import NewEntry, RegisterEntry, Storage


def original_line(content: Content) -> str:
    """How the register names the copied document: "Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026"."""
    from ptdraft.reference import doctypes

    name = doctypes.canonical(content.doc_type) or content.doc_type
    number = lay.number_line(content).removeprefix("Số: ")
    return f"{name} số {number} {dates.date_words(content.date, content.date_month, content.date_year)}"


def check_original(content: Content, request: CopyRequest | None = None) -> None:
    """A copy is made of an issued document: it has its number and its date, and the copy is not dated before it."""
    if not content.number:
        raise InputError("văn bản chưa được cấp số nên chưa sao được; hãy Cấp số trước (ptdraft register issue)",
                         "bản thảo")
    if content.date is None:
        raise InputError("văn bản chưa có ngày ban hành nên chưa sao được", "bản thảo")
    if request is not None and request.date < content.date:
        raise InputError(
            f"ngày sao {request.date.strftime('%d/%m/%Y')} trước ngày của văn bản được sao "
            f"({content.date.strftime('%d/%m/%Y')})",
            "ngày sao",
        )


def next_number(storage: Storage, request: CopyRequest) -> int:
    """The number the next copy of the copying body would take this year (not taken)."""
    return storage.next_number(request.copier.issuer_code.strip(), request.date.year, BOOK)


def issue(storage: Storage, original: Content, request: CopyRequest, *, user: str, file_path: str = "",
          file_sha256: str = "") -> tuple[CopyRequest, RegisterEntry]:
    """Take the next number of the copy series and record the copy; the request comes back with its number."""
    if request.number:
        raise InputError(f"bản sao đã có số {request.number:02d}; mỗi bản sao chỉ được cấp số một lần", "bản sao")
    check_original(original, request)
    copier = request.copier
    subject = f"{request.kind.name_vi} {original_line(original)}"
    if original.subject.strip():
        subject += f": {' '.join(original.subject.split())}"
    entry = NewEntry(
        issuer=copier.issuer_code.strip(),
        year=request.date.year,
        book=BOOK,
        doc_date=request.date,
        doc_type=request.kind.name_vi,
        subject=subject,
        signer=copier.signature.name,
        recipients=(),
        distribution=register._bare(copier.distribution),
        issued_by=user,
        file_path=file_path,
        file_sha256=file_sha256,
    )
    row = storage.issue(entry, symbol_for(request.kind, copier.issuer_code))
    return dataclasses.replace(request, number=row.number), row
