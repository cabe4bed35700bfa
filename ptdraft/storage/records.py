"""The records the storage keeps: template versions and their events, register entries and counters."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

BOOKS = ("ordinary", "secret", "copy")  # "copy": the book of copies (SAO Y, SAO LỤC, TRÍCH SAO), ptdraft/outputs/copies.py
BOOK_LABELS = {"ordinary": "sổ thường", "secret": "sổ mật", "copy": "sổ bản sao"}
BOOK_TITLES = {"ordinary": "Thường", "secret": "Mật", "copy": "Bản sao"}  # the "Sổ" column of the register's tables and exports
STATUSES = ("issued", "cancelled")
STATUS_LABELS = {"issued": "đã cấp", "cancelled": "đã hủy"}


def now_text() -> str:
    """The local time with its offset, to the second: "2026-11-27T13:02:18+07:00"."""
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class TemplateVersion:
    """One stored version of an office template; ``source`` is its TOML text, ``sha256`` the hash recorded for it."""

    template_id: str
    version: int
    title: str
    doc_type: str
    state: str
    source: str
    sha256: str
    created_by: str
    created_at: str
    approved_by: str = ""
    approved_at: str = ""


@dataclass(frozen=True)
class TemplateEvent:
    """One step in a template version's life: who did ``action`` (leaving it in ``state``) and when."""

    template_id: str
    version: int
    seq: int
    action: str
    state: str
    actor: str
    at: str
    note: str = ""


@dataclass(frozen=True)
class NewEntry:
    """What "Cấp số" records about a document, before its number is known."""

    issuer: str
    year: int
    book: str
    doc_date: _dt.date
    doc_type: str
    subject: str
    signer: str
    recipients: tuple[str, ...]
    distribution: tuple[str, ...]
    issued_by: str
    template_id: str = ""
    template_version: int | None = None
    template_sha256: str = ""
    draft_path: str = ""
    file_path: str = ""
    file_sha256: str = ""


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the outgoing register (sổ đăng ký văn bản đi); ``symbol`` is the full "05/QĐ-UBND"."""

    issuer: str
    year: int
    book: str
    number: int
    symbol: str
    doc_date: _dt.date
    doc_type: str
    subject: str
    signer: str
    recipients: tuple[str, ...]
    distribution: tuple[str, ...]
    template_id: str
    template_version: int | None
    template_sha256: str
    draft_path: str
    file_path: str
    file_sha256: str
    issued_by: str
    issued_at: str
    status: str
    cancelled_by: str = ""
    cancelled_at: str = ""
    cancel_reason: str = ""

    @property
    def number_text(self) -> str:
        return f"{self.number:02d}"

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (``register list --json``)."""
        return {
            "number": self.number,
            "symbol": self.symbol,
            "date": self.doc_date.isoformat(),
            "subject": self.subject,
            "status": self.status,
            "doc_type": self.doc_type,
            "signer": self.signer,
            "recipients": list(self.recipients),
            "distribution": list(self.distribution),
            "issuer": self.issuer,
            "year": self.year,
            "book": self.book,
            "issued_by": self.issued_by,
            "issued_at": self.issued_at,
            "file_path": self.file_path,
            "file_sha256": self.file_sha256,
            "draft_path": self.draft_path,
            "template": (
                {"id": self.template_id, "version": self.template_version, "sha256": self.template_sha256}
                if self.template_id
                else None
            ),
            "cancelled_by": self.cancelled_by,
            "cancelled_at": self.cancelled_at,
            "cancel_reason": self.cancel_reason,
        }


@dataclass(frozen=True)
class Counter:
    """The last number taken in one series (issuing authority, year, book)."""

    issuer: str
    year: int
    book: str
    last_number: int


@dataclass(frozen=True)
class PackageRecord:
    """One hand-off package written for an issued number (``seq`` counts the packages of that number)."""

    issuer: str
    year: int
    book: str
    number: int
    seq: int
    path: str
    sha256: str
    pdf_kind: str
    page_count: int
    created_by: str
    created_at: str


def os_user() -> str:
    """The login name of whoever runs the program ("không rõ" when the system cannot say)."""
    import getpass

    try:
        return getpass.getuser() or "không rõ"
    except Exception:  # noqa: BLE001 - getpass raises OSError or KeyError when there is no login name
        return "không rõ"


@dataclass(frozen=True)
class HistoryEvent:
    """One row of the append-only history: who (the name given, the OS user, the database role) did ``action`` to
    ``subject`` and when; ``hash`` covers the row and ``prev_hash``, the hash of the row before it."""

    seq: int
    action: str
    subject: str
    actor: str
    os_user: str
    db_role: str
    at: str
    note: str
    prev_hash: str
    hash: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "action": self.action, "subject": self.subject, "actor": self.actor,
            "os_user": self.os_user, "db_role": self.db_role, "at": self.at, "note": self.note,
            "prev_hash": self.prev_hash, "hash": self.hash,
        }
