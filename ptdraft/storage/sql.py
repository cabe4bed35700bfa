"""The storage interface in SQL that SQLite and PostgreSQL both run.

``?`` placeholders are translated for the driver that wants ``%s``; the engines
(:mod:`.sqlite`, :mod:`.postgres`) only connect, begin transactions, lock rows and
translate their errors into :class:`~ptdraft.errors.StorageError`.
"""
from __future__ import annotations

import datetime as _dt
import json
from abc import abstractmethod
from typing import Any, Callable, Sequence, TypeVar

from ptdraft.errors import InputError, PtdraftError, StorageError
from ptdraft.storage import history, schema
from ptdraft.storage.base import Storage
from ptdraft.storage.records import (
    BOOK_LABELS,
    Counter,
    HistoryEvent,
    PackageRecord,
    RegisterEntry,
    TemplateEvent,
    TemplateVersion,
    now_text,
    os_user,
)

_VERSION_COLUMNS = (
    "template_id, version, title, doc_type, state, source, sha256, created_by, created_at, approved_by, approved_at"
)
_EVENT_COLUMNS = "template_id, version, seq, action, state, actor, happened_at, note"
_ENTRY_COLUMNS = (
    "issuer, year, book, number, symbol, doc_date, doc_type, subject, signer, recipients, distribution, "
    "template_id, template_version, template_sha256, draft_path, file_path, file_sha256, "
    "issued_by, issued_at, status, cancelled_by, cancelled_at, cancel_reason"
)

_VERSION_FIELDS = ("template_id", "version", "title", "doc_type", "state", "source", "sha256", "created_by",
                   "created_at")  # the first nine of _VERSION_COLUMNS
_Row = TypeVar("_Row")

_PACKAGE_COLUMNS = "issuer, year, book, number, seq, path, sha256, pdf_kind, page_count, created_by, created_at"


def _version(row: Sequence[Any]) -> TemplateVersion:
    named: dict[str, Any] = dict(zip(_VERSION_FIELDS, row[:9]))
    return TemplateVersion(**named, approved_by=row[9] or "", approved_at=row[10] or "")


def _entry(row: Sequence[Any]) -> RegisterEntry:
    values = list(row)
    values[5] = _dt.date.fromisoformat(values[5])
    values[9] = tuple(json.loads(values[9]))
    values[10] = tuple(json.loads(values[10]))
    return RegisterEntry(*values)


REVIEWER_ACTIONS = ("approved", "retired")  # with cancelling a number: what only a reviewer may do
REVIEWERS_ITEM = "nguoi_duyet"  # the office profile's list of reviewers (OS user names), for SQLite


def _template_subject(template_id: str, version: int) -> str:
    return f"'{template_id}' phiên bản {version}"


def _number_subject(symbol: str, issuer: str, year: int, book: str) -> str:
    return f"{symbol} ({issuer}, năm {year}, {BOOK_LABELS.get(book, book)})"


def _state_label(state: str) -> str:
    """A template state's Vietnamese name for messages ("approved" → "đã duyệt"); the codes stay in the data."""
    from ptdraft.templating.templates import APPROVAL_LABELS  # loaded already by the library, the only caller that changes states

    return APPROVAL_LABELS.get(state, state)


class SqlStorage(Storage):
    """The storage interface in portable SQL; engines supply the connection and its dialect."""

    placeholder = "?"
    for_update = ""  # the row lock clause of the engine ("FOR UPDATE" on PostgreSQL)
    db_role = ""  # the database role the program is connected as (PostgreSQL), recorded in the history

    def __init__(self) -> None:
        self._conn: Any = None
        self._doing = ""  # what the running transaction does, for the message when the database refuses it
        self.history_break: str | None = None  # the break in the history's hash chain found on open, if any

    # -- engine hooks --
    @abstractmethod
    def _begin(self, write: bool) -> None: ...

    @abstractmethod
    def _storage_error(self, exc: Exception) -> StorageError | None:
        """The user's message for a driver error, or None when ``exc`` is not a driver error."""

    @abstractmethod
    def _table_names(self) -> set[str]: ...

    def _lock_schema(self) -> None:
        """Keep two programs from migrating at once (SQLite's write lock already does)."""

    def _lock_history(self) -> None:
        """Keep two programs from appending to the history at once (SQLite's write lock already does)."""

    def _check_reviewer(self, doing: str) -> None:
        """Refuse ``doing`` (a reviewer's action) to a user who is not a reviewer, where the program must check it;
        on PostgreSQL the database's own grants refuse it."""

    # -- plumbing --
    def _sql(self, text: str) -> str:
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    def _exec(self, text: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(self._sql(text), tuple(params))

    def _one(self, text: str, params: Sequence[Any] = ()) -> Any:
        return self._exec(text, params).fetchone()

    def _all(self, text: str, params: Sequence[Any] = ()) -> list:
        return list(self._exec(text, params).fetchall())

    def _run(self, work: Callable[[], Any], *, write: bool, doing: str = "") -> Any:
        """``work()`` in one transaction; driver errors become StorageError, and any error rolls back.

        ``doing`` names the action ("duyệt mẫu") for the message when the database refuses the privilege."""
        self._doing = doing
        try:
            self._begin(write)
        except Exception as exc:  # noqa: BLE001 - translated below or re-raised
            raise self._translate(exc) from None
        try:
            result = work()
            self._conn.execute("COMMIT")
            return result
        except BaseException as exc:
            self._rollback_quietly()
            if isinstance(exc, PtdraftError) or not isinstance(exc, Exception):
                raise
            raise self._translate(exc) from None
        finally:
            self._doing = ""

    def _translate(self, exc: Exception) -> Exception:
        error = self._storage_error(exc)
        return error if error is not None else exc

    def _rollback_quietly(self) -> None:
        try:
            self._conn.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - the transaction may already be gone with the connection
            pass

    # -- schema --
    def _prepare(self) -> None:
        """Check the schema version and bring an older database up to date (the first use creates it)."""
        version = self._run(self._current_version, write=False)
        self._check_not_newer(version)
        if version < schema.LATEST:
            self._run(self._migrate, write=True)
        # Checked on every open: a row edited behind the program's back is reported before anything is done.
        self.history_break = self._run(self._history_break_on_open, write=False)

    def _current_version(self) -> int:
        tables = self._table_names()
        if schema.VERSION_TABLE not in tables:
            foreign = tables - set(schema.TABLES)
            if foreign and self.engine == "sqlite":
                raise StorageError(
                    "tệp này là cơ sở dữ liệu của chương trình khác, không phải của ptdraft "
                    f"(có các bảng: {', '.join(sorted(foreign)[:5])})",
                    self.location,
                )
            return 0
        row = self._one(f"SELECT MAX(version) FROM {schema.VERSION_TABLE}")
        return int(row[0] or 0)

    def _check_not_newer(self, version: int) -> None:
        if version > schema.LATEST:
            raise StorageError(
                f"cơ sở dữ liệu có cấu trúc phiên bản {version}, mới hơn phiên bản {schema.LATEST} mà chương trình "
                "này dùng được (do một bản ptdraft mới hơn tạo ra); hãy cập nhật ptdraft",
                self.location,
            )

    def _migrate(self) -> None:
        self._lock_schema()
        if schema.VERSION_TABLE not in self._table_names():
            self._exec(schema.VERSION_TABLE_SQL)
        version = self._current_version()
        self._check_not_newer(version)
        for target in range(version + 1, schema.LATEST + 1):
            for statement in schema.MIGRATIONS[target] + schema.ENGINE_MIGRATIONS.get(target, {}).get(self.engine, ()):
                self._exec(statement)
            self._exec(
                f"INSERT INTO {schema.VERSION_TABLE} (version, applied_at, note) VALUES (?, ?, ?)",
                (target, now_text(), schema.NOTES[target]),
            )

    def schema_version(self) -> int:
        return self._run(self._current_version, write=False)

    # -- template library --
    def add_template_version(self, template_id, make_source, *, title, doc_type, state, actor, action, note="",
                             first_version=1, hash_of):
        def work() -> TemplateVersion:
            at = now_text()
            self._exec(
                "INSERT INTO library_templates (id, last_version, created_by, created_at) VALUES (?, 0, ?, ?) "
                "ON CONFLICT (id) DO NOTHING",
                (template_id, actor, at),
            )
            row = self._one(f"SELECT last_version FROM library_templates WHERE id = ?{self.for_update}", (template_id,))
            version = max(int(row[0]) + 1, first_version)
            source = make_source(version)
            self._exec("UPDATE library_templates SET last_version = ? WHERE id = ?", (version, template_id))
            self._exec(
                f"INSERT INTO template_versions ({_VERSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (template_id, version, title, doc_type, state, source, hash_of(source), actor, at, "", ""),
            )
            self._add_event(template_id, version, action, state, actor, at, note)
            self._append_history(action, _template_subject(template_id, version), actor, at, note)
            return self._written(self._version_row(template_id, version))

        return self._run(work, write=True, doing="lưu mẫu vào thư viện")

    def _add_event(self, template_id: str, version: int, action: str, state: str, actor: str, at: str, note: str) -> None:
        row = self._one(
            "SELECT COALESCE(MAX(seq), 0) FROM template_events WHERE template_id = ? AND version = ?",
            (template_id, version),
        )
        self._exec(
            f"INSERT INTO template_events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (template_id, version, int(row[0]) + 1, action, state, actor, at, note),
        )

    @staticmethod
    def _written(row: _Row | None) -> _Row:
        """The row a transaction has just written and read back (never missing inside that transaction)."""
        if row is None:
            raise StorageError("không đọc lại được bản ghi vừa ghi vào cơ sở dữ liệu")
        return row

    def _version_row(self, template_id: str, version: int) -> TemplateVersion | None:
        row = self._one(
            f"SELECT {_VERSION_COLUMNS} FROM template_versions WHERE template_id = ? AND version = ?",
            (template_id, version),
        )
        return _version(row) if row else None

    def template_versions(self, template_id=None):
        def work() -> list[TemplateVersion]:
            if template_id is None:
                rows = self._all(f"SELECT {_VERSION_COLUMNS} FROM template_versions ORDER BY template_id, version")
            else:
                rows = self._all(
                    f"SELECT {_VERSION_COLUMNS} FROM template_versions WHERE template_id = ? ORDER BY version",
                    (template_id,),
                )
            return [_version(r) for r in rows]

        return self._run(work, write=False)

    def template_version(self, template_id, version):
        return self._run(lambda: self._version_row(template_id, version), write=False)

    def change_template_state(self, template_id, version, *, state, allowed_from, actor, action, note="",
                              restamp=None, hash_of=None):
        doing = history.ACTION_LABELS.get(action, action)
        privileged = action in REVIEWER_ACTIONS

        def work() -> TemplateVersion:
            if privileged:
                self._check_reviewer(doing)
                self._require_whole_history(doing)
            row = self._one(
                f"SELECT {_VERSION_COLUMNS} FROM template_versions WHERE template_id = ? AND version = ?{self.for_update}",
                (template_id, version),
            )
            if row is None:
                raise InputError(f"thư viện không có mẫu '{template_id}' phiên bản {version}", "mẫu")
            current = _version(row)
            if current.state not in allowed_from:
                raise InputError(
                    f"mẫu '{template_id}' phiên bản {version} đang ở trạng thái '{_state_label(current.state)}', "
                    f"không thể chuyển sang '{_state_label(state)}' (chỉ chuyển được từ: "
                    + ", ".join(f"'{_state_label(s)}'" for s in allowed_from) + ")",
                    "mẫu",
                )
            at = now_text()
            if restamp is not None and hash_of is not None:
                source = restamp(current)
                self._exec(
                    "UPDATE template_versions SET source = ?, sha256 = ? WHERE template_id = ? AND version = ?",
                    (source, hash_of(source), template_id, version),
                )
            if state == "approved":
                self._exec(
                    "UPDATE template_versions SET state = ?, approved_by = ?, approved_at = ? "
                    "WHERE template_id = ? AND version = ?",
                    (state, actor, at, template_id, version),
                )
            else:
                self._exec(
                    "UPDATE template_versions SET state = ? WHERE template_id = ? AND version = ?",
                    (state, template_id, version),
                )
            self._add_event(template_id, version, action, state, actor, at, note)
            self._append_history(action, _template_subject(template_id, version), actor, at, note)
            return self._written(self._version_row(template_id, version))

        return self._run(work, write=True, doing=doing)

    def template_events(self, template_id, version=None):
        def work() -> list[TemplateEvent]:
            if version is None:
                rows = self._all(
                    f"SELECT {_EVENT_COLUMNS} FROM template_events WHERE template_id = ? ORDER BY version, seq",
                    (template_id,),
                )
            else:
                rows = self._all(
                    f"SELECT {_EVENT_COLUMNS} FROM template_events WHERE template_id = ? AND version = ? ORDER BY seq",
                    (template_id, version),
                )
            return [TemplateEvent(*r) for r in rows]

        return self._run(work, write=False)

    # -- outgoing register --
    def next_number(self, issuer, year, book):
        def work() -> int:
            row = self._one(
                "SELECT last_number FROM register_counters WHERE issuer = ? AND year = ? AND book = ?",
                (issuer, year, book),
            )
            return (int(row[0]) if row else 0) + 1

        return self._run(work, write=False)

    def issue(self, entry, symbol_for):
        def work() -> RegisterEntry:
            key = (entry.issuer, entry.year, entry.book)
            self._exec(
                "INSERT INTO register_counters (issuer, year, book, last_number) VALUES (?, ?, ?, 0) "
                "ON CONFLICT (issuer, year, book) DO NOTHING",
                key,
            )
            row = self._one(
                f"SELECT last_number FROM register_counters WHERE issuer = ? AND year = ? AND book = ?{self.for_update}",
                key,
            )
            number = int(row[0]) + 1
            at = now_text()
            self._exec(
                "UPDATE register_counters SET last_number = ? WHERE issuer = ? AND year = ? AND book = ?",
                (number, *key),
            )
            self._exec(
                f"INSERT INTO register_entries ({_ENTRY_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.issuer, entry.year, entry.book, number, symbol_for(number), entry.doc_date.isoformat(),
                    entry.doc_type, entry.subject, entry.signer,
                    json.dumps(list(entry.recipients), ensure_ascii=False),
                    json.dumps(list(entry.distribution), ensure_ascii=False),
                    entry.template_id, entry.template_version, entry.template_sha256,
                    entry.draft_path, entry.file_path, entry.file_sha256,
                    entry.issued_by, at, "issued", "", "", "",
                ),
            )
            self._append_history("issued", _number_subject(symbol_for(number), *key), entry.issued_by, at, "")
            return self._written(self._entry_row(*key, number))

        return self._run(work, write=True, doing="cấp số")

    def _entry_row(self, issuer: str, year: int, book: str, number: int) -> RegisterEntry | None:
        row = self._one(
            f"SELECT {_ENTRY_COLUMNS} FROM register_entries WHERE issuer = ? AND year = ? AND book = ? AND number = ?",
            (issuer, year, book, number),
        )
        return _entry(row) if row else None

    def _locked_entry(self, issuer: str, year: int, book: str, number: int) -> RegisterEntry:
        row = self._one(
            f"SELECT {_ENTRY_COLUMNS} FROM register_entries "
            f"WHERE issuer = ? AND year = ? AND book = ? AND number = ?{self.for_update}",
            (issuer, year, book, number),
        )
        if row is None:
            raise InputError(
                f"không có số {number:02d} của '{issuer}' năm {year} ({BOOK_LABELS.get(book, book)})",
                "sổ đăng ký",
            )
        return _entry(row)

    def cancel(self, issuer, year, book, number, *, actor, reason=""):
        doing = history.ACTION_LABELS["cancelled"]

        def work() -> RegisterEntry:
            self._check_reviewer(doing)
            self._require_whole_history(doing)
            current = self._locked_entry(issuer, year, book, number)
            if current.status == "cancelled":
                raise InputError(f"số {current.symbol} đã bị hủy từ {current.cancelled_at}", "sổ đăng ký")
            at = now_text()
            self._exec(
                "UPDATE register_entries SET status = ?, cancelled_by = ?, cancelled_at = ?, cancel_reason = ? "
                "WHERE issuer = ? AND year = ? AND book = ? AND number = ?",
                ("cancelled", actor, at, reason, issuer, year, book, number),
            )
            self._append_history("cancelled", _number_subject(current.symbol, issuer, year, book), actor, at, reason)
            return self._written(self._entry_row(issuer, year, book, number))

        return self._run(work, write=True, doing=doing)

    def attach_file(self, issuer, year, book, number, *, path, sha256):
        def work() -> RegisterEntry:
            self._locked_entry(issuer, year, book, number)
            self._exec(
                "UPDATE register_entries SET file_path = ?, file_sha256 = ? "
                "WHERE issuer = ? AND year = ? AND book = ? AND number = ?",
                (path, sha256, issuer, year, book, number),
            )
            return self._written(self._entry_row(issuer, year, book, number))

        return self._run(work, write=True, doing="ghi tệp văn bản vào sổ")

    def entries(self, *, year=None, issuer=None, book=None):
        def work() -> list[RegisterEntry]:
            where: list[str] = []
            params: list[Any] = []
            for column, value in (("year", year), ("issuer", issuer), ("book", book)):
                if value is not None:
                    where.append(f"{column} = ?")
                    params.append(value)
            clause = f" WHERE {' AND '.join(where)}" if where else ""
            rows = self._all(
                f"SELECT {_ENTRY_COLUMNS} FROM register_entries{clause} ORDER BY year, issuer, book, number", params
            )
            return [_entry(r) for r in rows]

        return self._run(work, write=False)

    def counters(self):
        def work() -> list[Counter]:
            rows = self._all("SELECT issuer, year, book, last_number FROM register_counters ORDER BY year, issuer, book")
            return [Counter(*r) for r in rows]

        return self._run(work, write=False)

    def record_package(self, issuer, year, book, number, *, path, sha256, pdf_kind, page_count, actor):
        def work() -> PackageRecord:
            current = self._locked_entry(issuer, year, book, number)
            if current.status == "cancelled":
                raise InputError(f"số {current.symbol} đã bị hủy nên không đóng gói được", "sổ đăng ký")
            row = self._one(
                "SELECT MAX(seq) FROM register_packages WHERE issuer = ? AND year = ? AND book = ? AND number = ?",
                (issuer, year, book, number),
            )
            seq = int(row[0] or 0) + 1 if row else 1
            self._exec(
                f"INSERT INTO register_packages ({_PACKAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (issuer, year, book, number, seq, path, sha256, pdf_kind, page_count, actor, now_text()),
            )
            return self._packages(issuer, year, book, number)[-1]

        return self._run(work, write=True, doing="ghi gói văn bản vào sổ")

    def _packages(self, issuer, year, book, number) -> list[PackageRecord]:
        rows = self._all(
            f"SELECT {_PACKAGE_COLUMNS} FROM register_packages "
            "WHERE issuer = ? AND year = ? AND book = ? AND number = ? ORDER BY seq",
            (issuer, year, book, number),
        )
        return [PackageRecord(*r) for r in rows]

    def packages(self, issuer, year, book, number):
        return self._run(lambda: self._packages(issuer, year, book, number), write=False)

    # -- office profile --
    def _profile(self) -> dict[str, str]:
        return {item: value for item, value in self._all("SELECT item, value FROM office_profile ORDER BY item", ())}

    def profile(self):
        return self._run(self._profile, write=False)

    def set_profile(self, values, *, actor):
        doing = history.ACTION_LABELS["profile"]

        def work() -> dict[str, str]:
            reviewers = self._profile().get(REVIEWERS_ITEM, "")
            if reviewers and REVIEWERS_ITEM in values and values[REVIEWERS_ITEM] != reviewers:
                self._check_reviewer("đổi danh sách người duyệt")
            at = now_text()
            for item, value in values.items():
                if value:
                    self._exec(
                        "INSERT INTO office_profile (item, value, updated_by, updated_at) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT (item) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, "
                        "updated_at = excluded.updated_at",
                        (item, value, actor, at),
                    )
                else:
                    self._exec("DELETE FROM office_profile WHERE item = ?", (item,))
            changes = "; ".join(f"{item}={value}" for item, value in sorted(values.items()))
            self._append_history("profile", "thông tin cơ quan", actor, at, changes)
            return self._profile()

        return self._run(work, write=True, doing=doing)

    # -- the append-only history --
    def _append_history(self, action: str, subject: str, actor: str, at: str, note: str) -> None:
        self._lock_history()
        row = self._one("SELECT seq, hash FROM audit_history ORDER BY seq DESC LIMIT 1")
        seq, previous = (int(row[0]) + 1, row[1]) if row else (1, history.GENESIS)
        user = os_user()
        digest = history.row_hash(seq, action, subject, actor, user, self.db_role, at, note, previous)
        self._exec(
            f"INSERT INTO audit_history ({history.COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, action, subject, actor, user, self.db_role, at, note, previous, digest),
        )

    def _history_rows(self) -> list:
        return self._all(f"SELECT {history.COLUMNS} FROM audit_history ORDER BY seq")

    def _require_whole_history(self, doing: str) -> None:
        found = history.problem(self._exec(f"SELECT {history.COLUMNS} FROM audit_history ORDER BY seq"))
        if found:
            raise StorageError(
                f"{found}; không {doing} được cho tới khi người quản lý cơ sở dữ liệu xem lại và khôi phục lịch sử "
                "từ bản sao lưu (vẫn đọc, xuất bản thảo và văn bản được như thường)",
                "lịch sử",
            )

    def _history_break_on_open(self) -> str | None:
        if "audit_history" not in self._table_names():  # a database of a release before the history
            return None
        return history.problem(self._history_rows())

    def history(self):
        return self._run(lambda: [HistoryEvent(*r) for r in self._history_rows()], write=False)

    def history_problem(self):
        return self._run(lambda: history.problem(self._history_rows()), write=False)
