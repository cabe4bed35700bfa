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

LATEST = 2
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
}

NOTES = {1: "thư viện mẫu và sổ đăng ký văn bản đi", 2: "thông tin cơ quan và gói văn bản gửi hệ thống quản lý văn bản"}

TABLES = (
    VERSION_TABLE, "library_templates", "template_versions", "template_events", "register_counters", "register_entries",
    "office_profile", "register_packages",
)
