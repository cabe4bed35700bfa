"""Who may approve (issue 15): the PostgreSQL roles enforced by the database, the SQLite profile's reviewers, and
the append-only history with its hash chain.

The PostgreSQL cases connect as a clerk's login role and as a reviewer's (``PTDRAFT_TEST_PG_CLERK_URL``,
``PTDRAFT_TEST_PG_REVIEWER_URL``, made by ``.ci/run``), on a fresh schema whose owner ran ``office roles --apply``.
"""
from __future__ import annotations

import pytest

from ptdraft import api, storage
from ptdraft.office import library
from ptdraft.errors import StorageError
from ptdraft.storage import schema
from ptdraft.storage.sql import SqlStorage
from tests.support.storage import (  # noqa: F401 - db is a fixture
    CLERK_ENV,
    REVIEWER_ENV,
    PgSchema,
    assert_one_message,
    db,
    letter,
    raw_execute,
    role_url,
    run_cli,
    with_schema,
)

TEMPLATE = "examples/mau-thong-bao-nghi-le.toml"


def _template_source() -> str:
    from tests.support.storage import REPO

    return (REPO / TEMPLATE).read_text(encoding="utf-8")


@pytest.fixture
def roles(request):
    """(owner URL, clerk URL, reviewer URL) of a fresh schema with the roles' rights applied by its owner."""
    clerk, reviewer = role_url(CLERK_ENV), role_url(REVIEWER_ENV)
    place = PgSchema()
    request.addfinalizer(place.drop)
    assert api.apply_database_roles(db=place.url) == place.name
    return place.url, with_schema(clerk, place.name), with_schema(reviewer, place.name)


def _refused(exc_info, role: str, doing: str) -> None:
    message = str(exc_info.value)
    assert f"'{role}'" in message and f"không có quyền {doing}" in message, message


def test_a_clerk_drafts_submits_and_issues_but_only_a_reviewer_approves_retires_cancels(roles, capsys):
    _owner, clerk, reviewer = roles
    stored = api.save_template(_template_source(), by="Nguyễn Văn An", submit=True, db=clerk)
    _numbered, entry = api.issue_number(letter(), db=clerk, user="văn thư")
    with pytest.raises(StorageError) as refused:
        api.approve_template(stored.template_id, stored.version, by="An", db=clerk)
    _refused(refused, "ptdraft_test_clerk", "duyệt mẫu")
    with pytest.raises(StorageError) as refused:
        api.retire_template(stored.template_id, stored.version, by="An", db=clerk)
    _refused(refused, "ptdraft_test_clerk", "ngừng dùng mẫu")
    with pytest.raises(StorageError) as refused:
        api.cancel_number(entry.number, year=entry.year, user="An", db=clerk)
    _refused(refused, "ptdraft_test_clerk", "hủy số")
    code, _out, err = run_cli(capsys, "template", "approve", stored.template_id, "--db", clerk)
    assert_one_message(code, err, "ptdraft_test_clerk", "duyệt mẫu", "ptdraft_reviewer")
    code, _out, err = run_cli(capsys, "register", "cancel", entry.number, "--year", entry.year, "--db", clerk)
    assert_one_message(code, err, "ptdraft_test_clerk", "hủy số")
    assert api.template_versions(stored.template_id, db=clerk)[-1].state == "submitted"  # nothing half-done

    approved = api.approve_template(stored.template_id, stored.version, by="Chánh Văn phòng", db=reviewer)
    assert approved.state == "approved" and approved.approved_by == "Chánh Văn phòng"
    assert api.cancel_number(entry.number, year=entry.year, user="Chánh Văn phòng", db=reviewer).status == "cancelled"
    assert [v.state for v in api.retire_template(stored.template_id, stored.version, by="CVP", db=reviewer)] == ["retired"]
    events = api.history(db=clerk)
    assert [(e.action, e.db_role) for e in events] == [
        ("submitted", "ptdraft_test_clerk"), ("issued", "ptdraft_test_clerk"), ("approved", "ptdraft_test_reviewer"),
        ("cancelled", "ptdraft_test_reviewer"), ("retired", "ptdraft_test_reviewer"),
    ]
    assert all(e.os_user == library.current_user() for e in events)
    assert api.history_problem(db=clerk) is None


def test_the_database_refuses_a_clerk_s_raw_sql(roles):
    """Bypassing the program: a clerk's own UPDATE and INSERT statements are refused by the server."""
    import psycopg

    owner, clerk, _reviewer = roles
    stored = api.save_template(_template_source(), by="An", submit=True, db=clerk)
    _numbered, entry = api.issue_number(letter(), db=clerk, user="văn thư")
    key = (stored.template_id, stored.version)
    attempts = [
        ("UPDATE template_versions SET state = 'approved' WHERE template_id = %s AND version = %s", key),
        ("UPDATE template_versions SET state = 'retired' WHERE template_id = %s AND version = %s", key),
        ("UPDATE template_versions SET approved_by = 'An' WHERE template_id = %s AND version = %s", key),
        ("UPDATE register_entries SET status = 'cancelled' WHERE number = %s", (entry.number,)),
        ("INSERT INTO template_versions SELECT template_id, 99, title, doc_type, 'approved', source, sha256, "
         "created_by, created_at, 'An', created_at FROM template_versions WHERE template_id = %s", (stored.template_id,)),
        ("INSERT INTO template_events VALUES (%s, %s, 9, 'approved', 'approved', 'An', 'x', '')", key),
        ("UPDATE audit_history SET actor = 'người khác' WHERE seq = 1", ()),
        ("DELETE FROM audit_history WHERE seq = 1", ()),
        ("INSERT INTO audit_history VALUES (3, 'approved', 'x', 'An', 'an', 'ptdraft_test_clerk', 'x', '', 'x', 'x')", ()),
        ("INSERT INTO audit_history VALUES (3, 'issued', 'x', 'An', 'an', 'ptdraft_reviewer', 'x', '', 'x', 'x')", ()),
        ("INSERT INTO office_profile VALUES ('nguoi_duyet', 'an', 'An', 'x')", ()),
    ]
    with psycopg.connect(clerk, autocommit=True) as conn:
        for sql, params in attempts:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, params)
    assert raw_execute(owner, "SELECT state, approved_by FROM template_versions") == [("submitted", "")]
    assert raw_execute(owner, "SELECT status FROM register_entries") == [("issued",)]
    with psycopg.connect(owner, autocommit=True) as conn:  # the owner too: the trigger keeps the history append-only
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE audit_history SET actor = 'x'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM audit_history")
    assert api.history_problem(db=clerk) is None and len(api.history(db=clerk)) == 2


def _tamper(db: str, sql: str) -> None:
    """Change the history as someone with the database file or the owner's password could, around the trigger."""
    if db.startswith("postgresql://"):
        raw_execute(db, "ALTER TABLE audit_history DISABLE TRIGGER USER")
        raw_execute(db, sql)
        raw_execute(db, "ALTER TABLE audit_history ENABLE TRIGGER USER")
    else:
        raw_execute(db, "DROP TRIGGER audit_history_no_update")
        raw_execute(db, "DROP TRIGGER audit_history_no_delete")
        raw_execute(db, sql)


@pytest.mark.parametrize("sql, words", [
    ("UPDATE audit_history SET actor = 'người khác' WHERE seq = 2", ("dòng 2", "cấp số", "đã bị sửa")),
    ("DELETE FROM audit_history WHERE seq = 2", ("thiếu dòng 2", "dòng 3")),
    ("INSERT INTO audit_history SELECT 5, action, subject, actor, os_user, db_role, happened_at, note, prev_hash, hash "
     "FROM audit_history WHERE seq = 4", ("dòng 5", "không nối với dòng trước")),
])
def test_a_history_changed_behind_the_program_s_back_is_found_and_blocks_reviewers_only(db, capsys, sql, words):
    stored = api.save_template(_template_source(), by="An", submit=True, db=db)
    _numbered, entry = api.issue_number(letter(), db=db, user="văn thư")
    api.approve_template(stored.template_id, stored.version, by="Chánh Văn phòng", db=db)
    api.issue_number(letter(trich_yeu="một việc khác"), db=db, user="văn thư")
    assert api.history_problem(db=db) is None
    with pytest.raises(Exception):  # the trigger refuses the program's own connection as well
        raw_execute(db, "UPDATE audit_history SET note = 'x'")
    _tamper(db, sql)
    problem = api.history_problem(db=db)
    assert problem and all(word in problem for word in words), problem
    code, _out, err = run_cli(capsys, "register", "history", "--verify", "--db", db)
    assert_one_message(code, err, *words)
    code, _out, err = run_cli(capsys, "register", "cancel", entry.number, "--year", entry.year, "--db", db)
    assert_one_message(code, err, "không hủy số được", *words)
    with pytest.raises(StorageError, match="không ngừng dùng mẫu được"):
        api.retire_template(stored.template_id, stored.version, by="CVP", db=db)
    # the clerk still reads and exports everything, and can still take numbers
    assert [e.status for e in api.register_entries(db=db)] == ["issued", "issued"]
    code, out, err = run_cli(capsys, "register", "list", "--db", db)
    assert code == 0 and entry.symbol in out
    # checked on open: the command that only reads still says so, once, after its output
    notices = [line for line in err.splitlines() if line.strip()]
    assert len(notices) == 1 and notices[0].startswith("ptdraft: chú ý: "), notices
    assert all(word in notices[0] for word in words) and "ngoài chương trình" in notices[0], notices[0]
    with storage.open_storage(db) as opened:
        assert opened.history_break == problem
    assert api.issue_number(letter(trich_yeu="việc thứ ba"), db=db, user="văn thư")[1].number == 3


def test_a_version_2_database_gains_the_history_and_keeps_its_register(db, monkeypatch):
    with monkeypatch.context() as old_release:
        old_release.setattr(schema, "LATEST", 2)  # the release before the history, which wrote none
        old_release.setattr(SqlStorage, "_append_history", lambda self, *args: None)
        _numbered, entry = api.issue_number(letter(), db=db, user="văn thư")
        with storage.open_storage(db) as opened:
            assert opened.schema_version() == 2
        assert "audit_history" not in {r[0] for r in raw_execute(
            db, "SELECT name FROM sqlite_master" if not db.startswith("postgresql://") else
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
    with storage.open_storage(db) as opened:
        assert opened.schema_version() == schema.LATEST
        assert [e.symbol for e in opened.entries()] == [entry.symbol]
        assert opened.history() == [] and opened.history_problem() is None
    cancelled = api.cancel_number(entry.number, year=entry.year, user="Chánh Văn phòng", reason="cấp nhầm", db=db)
    assert cancelled.status == "cancelled"
    [event] = api.history(db=db)
    assert (event.seq, event.action, event.actor, event.note) == (1, "cancelled", "Chánh Văn phòng", "cấp nhầm")
    assert entry.symbol in event.subject and event.os_user == library.current_user()


def test_sqlite_reviewers_are_os_users_named_in_the_profile(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "office.sqlite3")
    me = library.current_user()
    stored = api.save_template(_template_source(), by="An", submit=True, db=db)
    _numbered, entry = api.issue_number(letter(), db=db, user="văn thư")
    code, _out, err = run_cli(capsys, "office", "set", f"nguoi_duyet={me}, chanh.vp", "--db", db)
    assert code == 0, err
    code, _out, err = run_cli(capsys, "office", "set", "nguoi_duyet=chanh.vp", "--db", db)  # I am a reviewer: allowed
    assert code == 0, err
    code, _out, err = run_cli(capsys, "template", "approve", stored.template_id, "--db", db)
    assert_one_message(code, err, f"'{me}'", "không có quyền duyệt mẫu", "chanh.vp")
    code, _out, err = run_cli(capsys, "register", "cancel", entry.number, "--year", entry.year, "--db", db)
    assert_one_message(code, err, "không có quyền hủy số")
    code, _out, err = run_cli(capsys, "office", "set", f"nguoi_duyet={me}", "--db", db)
    assert_one_message(code, err, "không có quyền đổi danh sách người duyệt")
    assert api.template_versions(stored.template_id, db=db)[-1].state == "submitted"
    monkeypatch.setattr("getpass.getuser", lambda: "chanh.vp")
    assert api.approve_template(stored.template_id, stored.version, db=db).approved_by == "chanh.vp"
    events = api.history(db=db)
    assert [(e.action, e.os_user) for e in events] == [
        ("submitted", me), ("issued", me), ("profile", me), ("profile", me), ("approved", "chanh.vp"),
    ]


def test_the_os_user_is_recorded_when_the_system_cannot_say(tmp_path, monkeypatch):
    def no_login():
        raise OSError("no login name")

    monkeypatch.setattr("getpass.getuser", no_login)
    db = str(tmp_path / "office.sqlite3")
    api.issue_number(letter(), db=db, user="văn thư")
    assert [(e.os_user, e.actor) for e in api.history(db=db)] == [("không rõ", "văn thư")]


def test_office_roles_sql_and_apply_on_sqlite(tmp_path, capsys):
    code, out, _err = run_cli(capsys, "office", "roles", "--sql", "--schema", "van_phong")
    assert code == 0
    assert 'GRANT USAGE ON SCHEMA "van_phong" TO ptdraft_clerk, ptdraft_reviewer;' in out
    assert "ENABLE ROW LEVEL SECURITY" in out and "UPDATE, DELETE ON audit_history" not in out
    code, _out, err = run_cli(capsys, "office", "roles", "--apply", "--db", tmp_path / "x.sqlite3")
    assert_one_message(code, err, "nguoi_duyet")
