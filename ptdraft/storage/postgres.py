"""The server engine: PostgreSQL through psycopg 3, for an office with many workstations.

psycopg is imported here only, when a ``postgresql://`` URL is chosen, so a program
that uses SQLite never needs it. Transactions run in READ COMMITTED; the counter row
of a number series and the id row of a template are locked with ``SELECT … FOR
UPDATE`` before the next number is taken, so concurrent "Cấp số" queue on that row.
A lock waited for longer than ``timeout`` seconds is an error with a message.
"""
from __future__ import annotations

import re
from typing import Any

from ptdraft.errors import StorageError
from ptdraft.storage.roles import CLERK_ROLE, REVIEWER_ROLE, setup_sql
from ptdraft.storage.sql import SqlStorage

_MIGRATION_LOCK = 0x70746472  # "ptdr": one program migrates a database at a time
_HISTORY_LOCK = 0x70746468  # "ptdh": one program appends to the history at a time


def display_url(url: str) -> str:
    """``url`` without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class PostgresStorage(SqlStorage):
    engine = "postgresql"
    placeholder = "%s"
    for_update = " FOR UPDATE"

    def __init__(self, url: str, *, timeout: float) -> None:
        super().__init__()
        self.location = display_url(url)
        self.timeout = timeout
        try:
            import psycopg
        except ImportError:
            raise StorageError(
                "chưa cài thư viện psycopg để dùng PostgreSQL; hãy cài ptdraft kèm phần PostgreSQL "
                '(python -m pip install "ptdraft[postgresql]"), hoặc dùng tệp SQLite (bỏ --db và PTDRAFT_DB)',
                self.location,
            ) from None
        self._psycopg = psycopg
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(round(timeout))))
            milliseconds = max(1, int(timeout * 1000))
            self._conn.execute(f"SET lock_timeout = {milliseconds}")
            self.db_role = str(self._conn.execute("SELECT current_user").fetchone()[0])
        except psycopg.Error as exc:
            self._close_quietly()
            raise self._connect_error(exc) from None
        try:
            self._prepare()
        except BaseException:
            self._close_quietly()
            raise

    def _connect_error(self, exc: Exception) -> StorageError:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return StorageError(f"không kết nối được máy chủ cơ sở dữ liệu PostgreSQL ({first})", self.location)

    def _close_quietly(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass
            self._conn = None

    def close(self) -> None:
        self._close_quietly()

    def _begin(self, write: bool) -> None:
        if self._conn is None or self._conn.closed:
            raise StorageError("mất kết nối tới máy chủ cơ sở dữ liệu", self.location)
        self._conn.execute("BEGIN")

    def _lock_schema(self) -> None:
        self._exec("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))

    def current_schema(self) -> str:
        return self._run(lambda: str(self._one("SELECT current_schema()")[0]), write=False)

    def apply_roles(self) -> str:
        """Run :func:`ptdraft.storage.roles.setup_sql` on this database's schema (as its owner); returns the schema."""
        schema = self.current_schema()
        self._run(lambda: self._conn.execute(setup_sql(schema)), write=True,
                  doing="đặt quyền cho vai trò (cần tài khoản chủ sở hữu các bảng)")
        return schema

    def _lock_history(self) -> None:
        self._exec("SELECT pg_advisory_xact_lock(?)", (_HISTORY_LOCK,))

    def _table_names(self) -> set[str]:
        rows = self._all(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {row[0] for row in rows}

    def _storage_error(self, exc: Exception) -> StorageError | None:
        psycopg: Any = self._psycopg
        if not isinstance(exc, psycopg.Error):
            return None
        errors = psycopg.errors
        where = self.location
        if isinstance(exc, (errors.LockNotAvailable, errors.QueryCanceled)):
            return StorageError(
                f"cơ sở dữ liệu đang bị khóa bởi máy hoặc chương trình khác (đã chờ {self.timeout:g} giây); "
                "hãy thử lại sau",
                where,
            )
        if isinstance(exc, errors.InsufficientPrivilege):
            if self._doing:
                return StorageError(
                    f"tài khoản PostgreSQL '{self.db_role}' không có quyền {self._doing} trong cơ sở dữ liệu này "
                    f"(duyệt mẫu, ngừng dùng mẫu, hủy số, sửa thông tin cơ quan: vai trò người duyệt {REVIEWER_ROLE}; "
                    f"soạn, gửi duyệt, cấp số: vai trò văn thư {CLERK_ROLE}); hãy nhờ người quản trị cơ sở dữ liệu",
                    where,
                )
            return StorageError(
                f"tài khoản PostgreSQL '{self.db_role}' không có quyền ghi hoặc tạo bảng trong cơ sở dữ liệu này", where
            )
        if isinstance(exc, errors.ReadOnlySqlTransaction):
            return StorageError("cơ sở dữ liệu PostgreSQL chỉ cho đọc", where)
        if isinstance(exc, psycopg.OperationalError):
            return self._connect_error(exc)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return StorageError(f"lỗi cơ sở dữ liệu: {first}", where)
