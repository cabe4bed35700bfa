"""Storage: schema version and migrations on both engines, and databases that cannot be used.

A database that is read-only, locked, corrupt, of a newer schema or unreachable gives one
clear Vietnamese message (exit code 2 from the command line), and the window can still
list the shipped templates.
"""
from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from ptdraft import api, storage
from ptdraft.errors import StorageError
from ptdraft.storage import schema
from ptdraft.storage.sql import SqlStorage
from tests.support.storage import (  # noqa: F401 - db is a fixture
    PgSchema,
    assert_one_message,
    db,
    letter,
    pg_url,
    python_env,
    raw_execute,
    run_cli,
    run_ptdraft,
    without_root_powers,
)

SHIPPED_IDS = {t.id for t in api.list_templates()}


def test_first_use_creates_the_current_schema(db):
    """Opening an empty database creates every table and records each schema version once."""
    with storage.open_storage(db) as opened:
        assert opened.schema_version() == schema.LATEST == 4
    with storage.open_storage(db) as opened:  # a second open migrates nothing
        assert opened.schema_version() == 4
    rows = raw_execute(db, f"SELECT version, applied_at FROM {schema.VERSION_TABLE} ORDER BY version")
    assert [r[0] for r in rows] == [1, 2, 3, 4]
    assert rows[0][1]
    for table in schema.TABLES:
        assert raw_execute(db, f"SELECT COUNT(*) FROM {table}")[0][0] >= 0


def test_migration_runs_from_an_older_version(db, monkeypatch):
    """A database at an older version is brought up to date by the migrations after it, in order."""
    with storage.open_storage(db):
        pass
    later = schema.LATEST + 1
    extra = ("CREATE TABLE later_table (id INTEGER NOT NULL PRIMARY KEY)",)
    monkeypatch.setitem(schema.MIGRATIONS, later, extra)
    monkeypatch.setitem(schema.NOTES, later, "thử")
    monkeypatch.setattr(schema, "LATEST", later)
    with storage.open_storage(db) as opened:
        assert opened.schema_version() == later
    assert raw_execute(db, "SELECT COUNT(*) FROM later_table") == [(0,)]
    versions = [r[0] for r in raw_execute(db, f"SELECT version FROM {schema.VERSION_TABLE} ORDER BY version")]
    assert versions == list(range(1, later + 1))


def test_a_version_1_database_gains_the_profile_and_packages_keeping_its_register(db, monkeypatch):
    """A database written by the first release (schema 1) opens in this one: its register is kept, and the office
    profile and the package records work on it."""
    with monkeypatch.context() as old_release:
        old_release.setattr(schema, "LATEST", 1)
        old_release.setattr(SqlStorage, "_append_history", lambda self, *args: None)  # that release wrote no history
        _numbered, entry = api.issue_number(letter(), db=db, user="văn thư")
        with storage.open_storage(db) as opened:
            assert opened.schema_version() == 1
    with storage.open_storage(db) as opened:
        assert opened.schema_version() == schema.LATEST
        assert [e.symbol for e in opened.entries()] == [entry.symbol]
        assert opened.set_profile({"ma_dinh_danh": "000.00.00.H41"}, actor="văn thư") == {"ma_dinh_danh": "000.00.00.H41"}
        record = opened.record_package(entry.issuer, entry.year, entry.book, entry.number, path="/x/goi.zip",
                                       sha256="0" * 64, pdf_kind="PDF/A-2b", page_count=2, actor="văn thư")
        assert (record.seq, record.page_count) == (1, 2)
        assert opened.packages(entry.issuer, entry.year, entry.book, entry.number) == [record]


def _make_newer(db: str) -> None:
    with storage.open_storage(db):
        pass
    raw_execute(db, f"INSERT INTO {schema.VERSION_TABLE} (version, applied_at, note) VALUES (99, 'x', 'sau này')")


def test_newer_schema_is_refused_with_a_message(db, capsys):
    """A database made by a newer ptdraft is refused (never written), and the shipped templates still list."""
    _make_newer(db)
    with pytest.raises(StorageError) as caught:
        storage.open_storage(db)
    assert "99" in caught.value.message and "cập nhật ptdraft" in caught.value.message
    code, _out, err = run_cli(capsys, "register", "list", "--db", db)
    assert_one_message(code, err, "mới hơn", "cập nhật ptdraft")
    listing = api.library_templates(db)
    assert isinstance(listing.error, StorageError)
    assert {t.id for t in listing.templates} == SHIPPED_IDS
    assert {t.id for t in api.list_templates()} == SHIPPED_IDS
    assert raw_execute(db, f"SELECT MAX(version) FROM {schema.VERSION_TABLE}") == [(99,)]


def test_templates_command_lists_shipped_templates_when_the_database_fails(tmp_path, capsys):
    """``ptdraft templates`` on a broken database prints the shipped templates, then the message, and exits 2."""
    broken = tmp_path / "hong.sqlite3"
    broken.write_bytes(os.urandom(4096))
    code, out, err = run_cli(capsys, "templates", "--db", broken)
    assert_one_message(code, err, "hỏng", str(broken))
    for template_id in SHIPPED_IDS:
        assert template_id in out


def test_corrupt_file_gives_a_clear_message(tmp_path, capsys):
    """A file of garbage bytes is reported as a damaged database, from the api and the command line."""
    garbage = tmp_path / "ptdraft.sqlite3"
    garbage.write_bytes(b"\x00ptdraft? no" + os.urandom(8192))
    with pytest.raises(StorageError) as caught:
        storage.open_storage(garbage)
    assert "hỏng" in caught.value.message
    code, _out, err = run_cli(capsys, "register", "list", "--db", garbage)
    assert_one_message(code, err, "hỏng")
    listing = api.library_templates(garbage)
    assert listing.error is not None and {t.id for t in listing.templates} == SHIPPED_IDS


def test_other_programs_sqlite_file_is_refused(tmp_path):
    """A SQLite file with another program's tables is not taken over."""
    other = tmp_path / "khac.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as caught:
        storage.open_storage(other)
    assert "chương trình khác" in caught.value.message
    assert [r[0] for r in sqlite3.connect(other).execute("SELECT name FROM sqlite_master")] == ["customers"]


def test_locked_sqlite_database_gives_a_clear_message(tmp_path, monkeypatch):
    """While another program holds the write lock, a writer gives up after the busy timeout with a message."""
    monkeypatch.setenv("PTDRAFT_DB_TIMEOUT", "0.2")
    path = tmp_path / "ptdraft.sqlite3"
    with storage.open_storage(path):
        pass
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        draft_path = tmp_path / "d.json"
        api.save_draft(letter(), draft_path)
        result = run_ptdraft("register", "issue", str(draft_path), "--db", str(path),
                             env=python_env(PTDRAFT_DB_TIMEOUT="0.2"))
        assert_one_message(result.returncode, result.stderr, "khóa", "0.2 giây")
        assert api.load_draft(draft_path).content.number is None
        listing = api.library_templates(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert listing.error is not None and {t.id for t in listing.templates} == SHIPPED_IDS


def test_locked_postgresql_table_gives_a_clear_message(tmp_path, request):
    """While another session locks the register, "Cấp số" on PostgreSQL gives up after the lock timeout."""
    import psycopg

    target = PgSchema()
    request.addfinalizer(target.drop)
    with storage.open_storage(target.url):
        pass
    draft_path = tmp_path / "d.json"
    api.save_draft(letter(), draft_path)
    with psycopg.connect(target.url) as holder:
        holder.execute("LOCK TABLE register_counters IN ACCESS EXCLUSIVE MODE")
        result = run_ptdraft("register", "issue", str(draft_path), "--db", target.url,
                             env=python_env(PTDRAFT_DB_TIMEOUT="0.3"))
        holder.rollback()
    assert_one_message(result.returncode, result.stderr, "khóa")
    assert "ptdraft:***@" in result.stderr or "@" not in result.stderr  # no password in messages
    assert api.load_draft(draft_path).content.number is None


def test_read_only_database_reads_but_refuses_writes(tmp_path):
    """A database file nobody may write still lists the register; a change gives the read-only message."""
    path = tmp_path / "ptdraft.sqlite3"
    drafted = api.issue_number(letter(), db=path, user="văn thư")[1]
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    locked_out = without_root_powers()
    listed = run_ptdraft("register", "list", "--json", "--db", str(path), prefix=locked_out)
    assert listed.returncode == 0, listed.stderr
    assert drafted.symbol in listed.stdout
    cancelled = run_ptdraft("register", "cancel", "1", "--db", str(path), prefix=locked_out)
    assert_one_message(cancelled.returncode, cancelled.stderr, "chỉ cho đọc")
    shown = run_ptdraft("templates", "--db", str(path), prefix=locked_out)
    assert shown.returncode == 0, shown.stderr
    assert api.register_entries(db=path)[0].status == "issued"


def test_read_only_folder_cannot_hold_a_new_database(tmp_path):
    """A new database in a folder nobody may write is refused with a message, and the shipped templates still list."""
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    locked_out = without_root_powers()
    try:
        result = run_ptdraft("register", "list", "--db", str(folder / "moi.sqlite3"), prefix=locked_out)
        assert_one_message(result.returncode, result.stderr, "moi.sqlite3")
        shown = run_ptdraft("templates", "--db", str(folder / "moi.sqlite3"), prefix=locked_out)
        assert shown.returncode == 2
        assert "cong-van-chung" in shown.stdout
    finally:
        folder.chmod(0o755)


def test_unreachable_server_gives_a_clear_message(capsys):
    """A PostgreSQL URL nobody answers is one message naming the server without its password."""
    url = "postgresql://ptdraft:bi-mat@127.0.0.1:1/ptdraft"
    code, _out, err = run_cli(capsys, "register", "list", "--db", url)
    message = assert_one_message(code, err, "không kết nối được", "127.0.0.1:1")
    assert "bi-mat" not in message
    listing = api.library_templates(url)
    assert listing.error is not None and {t.id for t in listing.templates} == SHIPPED_IDS



def test_other_url_schemes_are_refused_with_one_message(tmp_path, capsys, monkeypatch):
    """``--db mysql://…`` (or any scheme but postgresql://) is one message saying what is accepted, naming no folder
    and no password, from the option and from PTDRAFT_DB alike; nothing is created."""
    monkeypatch.chdir(tmp_path)
    for url in ("mysql://x", "sqlite:///tmp/x.sqlite3", "mysql://u:bi-mat@host/db"):
        code, _out, err = run_cli(capsys, "register", "list", "--db", url)
        line = assert_one_message(code, err, "chỉ nhận đường dẫn tệp SQLite hoặc URL postgresql://")
        assert "thư mục" not in line and "bi-mat" not in line
    monkeypatch.setenv("PTDRAFT_DB", "mysql://x")
    code, _out, err = run_cli(capsys, "register", "list")
    assert_one_message(code, err, "mysql://x", "PTDRAFT_DB")
    with pytest.raises(StorageError, match="postgresql://"):
        storage.open_storage("MySQL://x")
    assert list(tmp_path.iterdir()) == []


def test_database_is_chosen_by_option_then_environment_then_data_folder(tmp_path, monkeypatch):
    """--db wins over PTDRAFT_DB, which wins over the SQLite file in the data folder (created on first use)."""
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PTDRAFT_DB", raising=False)
    assert storage.resolve() == str(tmp_path / "data" / "ptdraft.sqlite3")
    with storage.open_storage() as opened:
        assert opened.engine == "sqlite"
    assert (tmp_path / "data" / "ptdraft.sqlite3").is_file()
    monkeypatch.setenv("PTDRAFT_DB", str(tmp_path / "env.sqlite3"))
    assert storage.resolve() == str(tmp_path / "env.sqlite3")
    assert storage.resolve(tmp_path / "opt.sqlite3") == str(tmp_path / "opt.sqlite3")
    assert storage.is_url("postgresql://u@h/d") and storage.is_url("postgres://u@h/d")
    assert not storage.is_url(str(tmp_path / "x.sqlite3"))


def test_postgresql_url_selects_the_server(request):
    """A postgresql:// URL opens the PostgreSQL engine, which reports where it is without the password."""
    target = PgSchema()
    request.addfinalizer(target.drop)
    with storage.open_storage(target.url) as opened:
        assert opened.engine == "postgresql"
        assert opened.schema_version() == schema.LATEST
    assert pg_url()
