"""The embedded engine: one SQLite file (standard library ``sqlite3``), nothing to install.

Writers take the database's write lock at the start of their transaction
(``BEGIN IMMEDIATE``), so two programs giving a number at once queue up instead of
reading the same counter; a writer waits up to ``timeout`` seconds (the busy timeout)
for the lock. The journal stays in SQLite's default rollback mode: write-ahead logging
needs shared memory, which files on a network share do not have.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ptdraft.errors import StorageError
from ptdraft.storage.records import os_user
from ptdraft.storage.sql import REVIEWERS_ITEM, SqlStorage


def reviewers_of(text: str) -> list[str]:
    """The OS user names in the profile's reviewers item ("an, binh; chanh" → ["an", "binh", "chanh"])."""
    return [name for name in (part.strip() for part in text.replace(";", ",").split(",")) if name]


class SQLiteStorage(SqlStorage):
    engine = "sqlite"

    def __init__(self, path: Path, *, timeout: float) -> None:
        super().__init__()
        self.path = Path(path)
        self.location = str(self.path)
        self.timeout = timeout
        if self.path.is_dir():
            raise StorageError("đây là một thư mục, không phải tệp cơ sở dữ liệu", self.location)
        if not self.path.parent.is_dir():
            raise StorageError(f"thư mục '{self.path.parent}' không tồn tại", self.location)
        try:
            self._conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            self._close_quietly()
            raise self._translate(exc) from None
        try:
            self._prepare()
        except BaseException:
            self._close_quietly()
            raise

    def _close_quietly(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None

    def close(self) -> None:
        self._close_quietly()

    def _begin(self, write: bool) -> None:
        if self._conn is None:
            raise StorageError("cơ sở dữ liệu đã đóng", self.location)
        self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    def _table_names(self) -> set[str]:
        return {row[0] for row in self._all("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _check_reviewer(self, doing: str) -> None:
        """One workstation's file: the reviewers are the OS users named in the office profile (none named: anyone)."""
        row = self._one("SELECT value FROM office_profile WHERE item = ?", (REVIEWERS_ITEM,))
        names = reviewers_of(row[0]) if row else []
        user = os_user()
        if names and user not in names:
            raise StorageError(
                f"người dùng '{user}' (tên đăng nhập) không có quyền {doing}: chỉ người duyệt có tên trong thông tin "
                f"cơ quan (mục {REVIEWERS_ITEM}: {', '.join(names)}) làm được việc này",
                self.location,
            )

    def _storage_error(self, exc: Exception) -> StorageError | None:
        if not isinstance(exc, sqlite3.Error):
            return None
        text = str(exc).lower()
        where = self.location
        if "locked" in text or "busy" in text:
            return StorageError(
                f"cơ sở dữ liệu đang bị khóa bởi máy hoặc chương trình khác (đã chờ {self.timeout:g} giây); "
                "hãy thử lại sau",
                where,
            )
        if "readonly" in text or "read-only" in text or "read only" in text:
            return StorageError("tệp cơ sở dữ liệu chỉ cho đọc: không có quyền ghi vào tệp hoặc thư mục chứa nó", where)
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return StorageError(
                "tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu SQLite; hãy khôi phục từ bản sao lưu "
                "hoặc chọn tệp khác (--db)",
                where,
            )
        if "unable to open" in text:
            reason = "không có quyền" if self.path.exists() or not os.access(self.path.parent, os.W_OK) else "lỗi hệ thống"
            return StorageError(f"không mở được tệp cơ sở dữ liệu ({reason})", where)
        if "disk i/o" in text or "full" in text:
            return StorageError(f"lỗi ghi đĩa khi dùng cơ sở dữ liệu ({exc})", where)
        return StorageError(f"lỗi cơ sở dữ liệu: {exc}", where)
