"""The database schema and its migrations, from the first release on.

``MIGRATIONS[n]`` holds the statements that bring a database from version n-1 to n;
they run in one transaction with a row in ``ptdraft_schema`` saying when. The SQL is
portable: TEXT, INTEGER, composite primary keys, CHECK and FOREIGN KEY constraints,
which SQLite and PostgreSQL both understand the same way. Times are ISO 8601 text with
their offset, dates ISO text, lists JSON text. A database newer than :data:`LATEST` is
refused with a message, never written to.

To change the schema: add ``MIGRATIONS[LATEST + 1]`` and its note, and raise LATEST.
Never edit a released migration.
"""
from __future__ import annotations

LATEST = 4
VERSION_TABLE = "ptdraft_schema"

VERSION_TABLE_SQL = f"""
CREATE TABLE {VERSION_TABLE} (
    version INTEGER NOT NULL PRIMARY KEY,
    applied_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
)"""

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        # One row per office template id: the last version number given, so two
        # workstations saving a new version at once never take the same number.
        """
        CREATE TABLE library_templates (
            id TEXT NOT NULL PRIMARY KEY,
            last_version INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        # Every version ever stored; its text changes once at most, when it is approved
        # (the [approval] table is stamped), and never after.
        """
        CREATE TABLE template_versions (
            template_id TEXT NOT NULL REFERENCES library_templates (id),
            version INTEGER NOT NULL CHECK (version >= 1),
            title TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'retired')),
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            approved_by TEXT NOT NULL DEFAULT '',
            approved_at TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (template_id, version)
        )""",
        """
        CREATE TABLE template_events (
            template_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            action TEXT NOT NULL,
            state TEXT NOT NULL,
            actor TEXT NOT NULL,
            happened_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (template_id, version, seq),
            FOREIGN KEY (template_id, version) REFERENCES template_versions (template_id, version)
        )""",
        # The last number of each series: issuing authority, year, book (FORMAT.md section 6.1).
        """
        CREATE TABLE register_counters (
            issuer TEXT NOT NULL,
            year INTEGER NOT NULL,
            book TEXT NOT NULL CHECK (book IN ('ordinary', 'secret')),
            last_number INTEGER NOT NULL CHECK (last_number >= 0),
            PRIMARY KEY (issuer, year, book)
        )""",
        """
        CREATE TABLE register_entries (
            issuer TEXT NOT NULL,
            year INTEGER NOT NULL,
            book TEXT NOT NULL,
            number INTEGER NOT NULL CHECK (number >= 1),
            symbol TEXT NOT NULL,
            doc_date TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            subject TEXT NOT NULL,
            signer TEXT NOT NULL,
            recipients TEXT NOT NULL,
            distribution TEXT NOT NULL,
            template_id TEXT NOT NULL DEFAULT '',
            template_version INTEGER,
            template_sha256 TEXT NOT NULL DEFAULT '',
            draft_path TEXT NOT NULL DEFAULT '',
            file_path TEXT NOT NULL DEFAULT '',
            file_sha256 TEXT NOT NULL DEFAULT '',
            issued_by TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('issued', 'cancelled')),
            cancelled_by TEXT NOT NULL DEFAULT '',
            cancelled_at TEXT NOT NULL DEFAULT '',
            cancel_reason TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (issuer, year, book, number),
            FOREIGN KEY (issuer, year, book) REFERENCES register_counters (issuer, year, book)
        )""",
    ),
    2: (
        # The office profile, entered once: one row per item (the agency's identifier for the
        # national document exchange, its name, address, ...), who changed it and when.
        """
        CREATE TABLE office_profile (
            item TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        # Every hand-off package made for an issued number: where it was written, its hash,
        # which PDF it holds and how many pages that PDF has.
        """
        CREATE TABLE register_packages (
            issuer TEXT NOT NULL,
            year INTEGER NOT NULL,
            book TEXT NOT NULL,
            number INTEGER NOT NULL,
            seq INTEGER NOT NULL CHECK (seq >= 1),
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            pdf_kind TEXT NOT NULL,
            page_count INTEGER NOT NULL CHECK (page_count >= 1),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (issuer, year, book, number, seq),
            FOREIGN KEY (issuer, year, book, number) REFERENCES register_entries (issuer, year, book, number)
        )""",
    ),
    3: (
        # The append-only history of the library and the register (issue 15): who (the name given, the OS user,
        # the database role) did what and when; each row's hash covers the row and the hash of the row before it.
        """
        CREATE TABLE audit_history (
            seq INTEGER NOT NULL PRIMARY KEY CHECK (seq >= 1),
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            actor TEXT NOT NULL,
            os_user TEXT NOT NULL,
            db_role TEXT NOT NULL,
            happened_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
    ),
    # 4: the register book of copies (issue 12): a third book, "copy", beside the ordinary and the secret one. Its
    # series is one per copying body and year, shared by SAO Y, SAO LỤC and TRÍCH SAO (FORMAT.md section 6.2). Only
    # the CHECK of register_counters changes, which each engine does its own way (ENGINE_MIGRATIONS[4]).
    4: (),
}

# Statements of a migration that differ between the engines, run after the portable ones of the same version:
# the history refuses UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) even from the database's owner.
ENGINE_MIGRATIONS: dict[int, dict[str, tuple[str, ...]]] = {
    3: {
        "sqlite": (
            "CREATE TRIGGER audit_history_no_update BEFORE UPDATE ON audit_history "
            "BEGIN SELECT RAISE(ABORT, 'ptdraft: audit_history is append-only'); END",
            "CREATE TRIGGER audit_history_no_delete BEFORE DELETE ON audit_history "
            "BEGIN SELECT RAISE(ABORT, 'ptdraft: audit_history is append-only'); END",
        ),
        "postgresql": (
            "CREATE FUNCTION audit_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $body$ "
            "BEGIN RAISE EXCEPTION 'ptdraft: audit_history is append-only' USING ERRCODE = 'insufficient_privilege'; "
            "END $body$",
            "CREATE TRIGGER audit_history_no_change BEFORE UPDATE OR DELETE ON audit_history "
            "FOR EACH ROW EXECUTE FUNCTION audit_history_append_only()",
            "CREATE TRIGGER audit_history_no_truncate BEFORE TRUNCATE ON audit_history "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_history_append_only()",
        ),
    },
    4: {
        # SQLite cannot change a CHECK in place: the counters are copied aside, the table made anew and filled again.
        # The register's entries refer to it; their checks wait for the commit, when every counter is back.
        "sqlite": (
            "PRAGMA defer_foreign_keys = ON",
            "CREATE TABLE register_counters_before_4 AS SELECT issuer, year, book, last_number FROM register_counters",
            "DROP TABLE register_counters",
            """
            CREATE TABLE register_counters (
                issuer TEXT NOT NULL,
                year INTEGER NOT NULL,
                book TEXT NOT NULL CHECK (book IN ('ordinary', 'secret', 'copy')),
                last_number INTEGER NOT NULL CHECK (last_number >= 0),
                PRIMARY KEY (issuer, year, book)
            )""",
            "INSERT INTO register_counters (issuer, year, book, last_number) "
            "SELECT issuer, year, book, last_number FROM register_counters_before_4",
            "DROP TABLE register_counters_before_4",
        ),
        "postgresql": (
            "ALTER TABLE register_counters DROP CONSTRAINT register_counters_book_check",
            "ALTER TABLE register_counters ADD CONSTRAINT register_counters_book_check "
            "CHECK (book IN ('ordinary', 'secret', 'copy'))",
        ),
    },
}

NOTES = {
    1: "thư viện mẫu và sổ đăng ký văn bản đi",
    2: "thông tin cơ quan và gói văn bản gửi hệ thống quản lý văn bản",
    3: "lịch sử chỉ ghi thêm, có chuỗi mã băm (ai duyệt, ngừng dùng, hủy số, lúc nào)",
    4: "sổ bản sao: một dãy số mỗi năm cho bản sao y, sao lục, trích sao",
}

TABLES = (
    VERSION_TABLE, "library_templates", "template_versions", "template_events", "register_counters", "register_entries",
    "office_profile", "register_packages", "audit_history",
)
