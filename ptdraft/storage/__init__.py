"""Where the office's own data lives: the template library and the outgoing register.

Choosing the database, in order: the ``db`` given (``--db`` on the command line),
the ``PTDRAFT_DB`` environment variable, then ``ptdraft.sqlite3`` in the user data
folder (``PTDRAFT_DATA_DIR`` or platformdirs' folder for "ptdraft"), created on first
use. A ``postgresql://`` (or ``postgres://``) URL selects PostgreSQL; any other
``scheme://`` is refused with a message; anything else is the path of a SQLite file.

    with open_storage("/srv/share/ptdraft.sqlite3") as storage:
        storage.next_number("UBND", 2026, "ordinary")
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ptdraft import lazy
from ptdraft.errors import InputError, StorageError, history_break_found
from ptdraft.storage import schema

if TYPE_CHECKING:  # loaded on first use (the lazy names below); named here for readers and type checkers
    from ptdraft.storage.base import Storage
    from ptdraft.storage.sql import SqlStorage
    from ptdraft.storage.records import (  # noqa: F401
        BOOK_LABELS, BOOK_TITLES, BOOKS, STATUS_LABELS, STATUSES, Counter, NewEntry, PackageRecord, RegisterEntry,
        TemplateEvent, TemplateVersion,
    )

__all__ = [
    "BOOKS",
    "BOOK_LABELS",
    "BOOK_TITLES",
    "STATUSES",
    "STATUS_LABELS",
    "Counter",
    "NewEntry",
    "PackageRecord",
    "RegisterEntry",
    "Storage",
    "StorageError",
    "TemplateEvent",
    "TemplateVersion",
    "default_path",
    "is_url",
    "looks_like_url",
    "open_storage",
    "resolve",
    "schema",
]

# The records and the interface are loaded on first use, so that a command that only asks where the database is
# (or finds there is none) does not pay for them.
_LAZY = {
    "Storage": "ptdraft.storage.base",
    **{name: "ptdraft.storage.records" for name in (
        "BOOK_LABELS", "BOOK_TITLES", "BOOKS", "STATUS_LABELS", "STATUSES", "Counter", "NewEntry", "PackageRecord",
        "RegisterEntry", "TemplateEvent", "TemplateVersion",
    )},
}


__getattr__ = lazy.attributes(__name__, globals(), _LAZY)


DB_ENV = "PTDRAFT_DB"
DATA_DIR_ENV = "PTDRAFT_DATA_DIR"
TIMEOUT_ENV = "PTDRAFT_DB_TIMEOUT"
DEFAULT_TIMEOUT = 10.0  # seconds a writer waits for another workstation's lock
FILE_NAME = "ptdraft.sqlite3"
_URL_PREFIXES = ("postgresql://", "postgres://")
_ANY_URL = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]+://")  # two letters at least: "C://…" stays a Windows path


def default_path() -> Path:
    """The SQLite file in the user data folder (not created here)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override) / FILE_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir("ptdraft", appauthor=False)) / FILE_NAME


def is_url(location: str) -> bool:
    return location.strip().lower().startswith(_URL_PREFIXES)


def looks_like_url(location: str) -> bool:
    """Whether ``location`` is written as a URL ("scheme://…"), whatever its scheme."""
    return _ANY_URL.match(location) is not None


def _refuse_other_url(location: str, db: object) -> None:
    if is_url(location) or not looks_like_url(location):
        return
    from ptdraft.storage.postgres import display_url

    given = "" if db is not None and str(db).strip() else f" (biến {DB_ENV})"
    raise StorageError(
        f"'{display_url(location.strip())}'{given}: chỉ nhận đường dẫn tệp SQLite hoặc URL postgresql://… "
        "(máy chủ PostgreSQL); loại cơ sở dữ liệu này không dùng được"
    )


def resolve(db: str | os.PathLike[str] | None = None) -> str:
    """The database chosen by ``db``, ``PTDRAFT_DB`` or the default, as a path or URL text."""
    if db is not None and str(db).strip():
        return str(db).strip()
    from_env = os.environ.get(DB_ENV, "").strip()
    if from_env:
        return from_env
    return str(default_path())


def _timeout() -> float:
    text = os.environ.get(TIMEOUT_ENV, "").strip()
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"'{text}' không phải số giây", TIMEOUT_ENV) from None
    if value < 0:
        raise InputError("số giây chờ không được âm", TIMEOUT_ENV)
    return value


def history_warning(location: str, problem: str) -> str:
    """The sentence a user reads when the history of ``location`` was changed outside the program."""
    return (
        f"cơ sở dữ liệu '{location}': {problem}. Lịch sử duyệt mẫu và cấp số đã bị thay đổi ngoài chương trình; "
        "không duyệt, ngừng dùng mẫu hay hủy số được cho tới khi người quản lý khôi phục lịch sử từ bản sao lưu "
        "(vẫn soạn, xuất văn bản và lấy số như thường)"
    )


def open_storage(db: str | os.PathLike[str] | None = None, *, timeout: float | None = None) -> Storage:
    """The database ``db`` (see :func:`resolve`), opened, checked and migrated to the current schema.

    Raises StorageError with a message for a database that cannot be reached, is locked,
    read-only (when it must be created or migrated), corrupt, or newer than this program.
    The history's hash chain is checked on every open; a break is in ``history_break`` and goes to the
    listener chosen with :func:`ptdraft.errors.listen_for_history_breaks`.
    """
    location = resolve(db)
    _refuse_other_url(location, db)
    wait = _timeout() if timeout is None else timeout
    if is_url(location):
        from ptdraft.storage.postgres import PostgresStorage

        opened: SqlStorage = PostgresStorage(location, timeout=wait)
    else:
        from ptdraft.storage.sqlite import SQLiteStorage

        path = Path(location).expanduser()
        if db is None and not os.environ.get(DB_ENV, "").strip():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"không tạo được thư mục dữ liệu ({exc.strerror})", str(path.parent)) from None
        opened = SQLiteStorage(path, timeout=wait)
    if opened.history_break:
        history_break_found(opened.location, opened.history_break)
    return opened
