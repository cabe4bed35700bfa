"""The append-only history's hash chain: how a row is hashed, and how the chain is checked.

Each row's hash is SHA-256 over a canonical encoding of the row (compact JSON of its fields in a fixed order,
UTF-8) followed by the hash of the row before it (64 zeros for the first row). Checking walks the rows once in
order of ``seq``: a row edited behind the program's back no longer matches its hash; a row deleted or inserted
breaks the numbering or the link to the row before it. A row removed from the very end leaves a shorter chain that
is still whole; the database's permissions (no UPDATE or DELETE for anyone but its owner, and a trigger) guard that.
"""
from __future__ import annotations

import hashlib
import json
from typing import Iterable, Sequence

GENESIS = "0" * 64
COLUMNS = "seq, action, subject, actor, os_user, db_role, happened_at, note, prev_hash, hash"

ACTION_LABELS = {
    "created": "tạo bản nháp mẫu",
    "submitted": "gửi duyệt mẫu",
    "imported": "nhập mẫu, chờ duyệt",
    "approved": "duyệt mẫu",
    "retired": "ngừng dùng mẫu",
    "issued": "cấp số",
    "cancelled": "hủy số",
    "profile": "sửa thông tin cơ quan",
}


def row_hash(seq: int, action: str, subject: str, actor: str, os_user: str, db_role: str, at: str, note: str,
             prev_hash: str) -> str:
    encoded = json.dumps([seq, action, subject, actor, os_user, db_role, at, note, prev_hash],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _label(row: Sequence) -> str:
    return f"dòng {row[0]} ({ACTION_LABELS.get(row[1], row[1])} {row[2]}, {row[6]})"


def problem(rows: Iterable[Sequence]) -> str | None:
    """The first break in the chain of ``rows`` (in ``COLUMNS`` order, by seq), as a Vietnamese sentence; None when whole."""
    expected, previous = 1, GENESIS
    for row in rows:
        seq = int(row[0])
        if seq != expected:
            if seq > expected:
                gone = f"dòng {expected}" if seq == expected + 1 else f"các dòng {expected}–{seq - 1}"
                return f"lịch sử thiếu {gone} (đã bị xóa), ngay trước {_label(row)}"
            return f"lịch sử có dòng lạ: {_label(row)} chen vào sau dòng {expected - 1}"
        if row[8] != previous:
            return f"{_label(row)} không nối với dòng trước nó: có dòng đã bị xóa, chèn thêm hoặc sửa"
        actual = row_hash(seq, *row[1:9])
        if actual != row[9]:
            return f"{_label(row)} đã bị sửa ngoài chương trình (mã băm không khớp)"
        expected, previous = seq + 1, row[9]
    return None


def events_problem(events) -> str | None:
    """:func:`problem` of HistoryEvent records (as read by ``Storage.history``)."""
    return problem((e.seq, e.action, e.subject, e.actor, e.os_user, e.db_role, e.at, e.note, e.prev_hash, e.hash)
                   for e in events)
