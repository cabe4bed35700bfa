"""Shared helpers of the storage, library and register tests: a database of each engine, drafts, the CLI.

The ``db`` fixture gives the location of an empty database: a SQLite file in the test's
temporary folder, or a fresh schema of the PostgreSQL server named by
``PTDRAFT_TEST_PG_URL`` (``.ci/run`` starts one). Without that variable the PostgreSQL
cases fail on CI (``CI=true``) and are skipped elsewhere.
"""
from __future__ import annotations

import datetime as _dt
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from ptdraft import api, cli
from ptdraft.model import Draft

REPO = Path(__file__).resolve().parents[2]
PG_ENV = "PTDRAFT_TEST_PG_URL"
ENGINES = ("sqlite", "postgresql")

LETTER_VALUES = {
    "co_quan": "SỞ NỘI VỤ",
    "ky_hieu_co_quan": "SNV",
    "ky_hieu_don_vi": "CCHC",
    "dia_danh": "Quảng Trị",
    "trich_yeu": "báo cáo kết quả cải cách hành chính",
    "kinh_gui": ["Các sở, ban, ngành", "Ủy ban nhân dân các xã"],
    "noi_dung": "Sở Nội vụ đề nghị các cơ quan, đơn vị báo cáo trước ngày 15 tháng 6 năm 2026.",
    "noi_nhan": ["Lãnh đạo Sở"],
    "nguoi_ky": "Trần Thị Minh Hà",
}


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _url_from(env: str, why: str) -> str:
    """The URL in ``env``; when it is not set, fails on CI and skips elsewhere, saying ``why`` it is needed."""
    url = os.environ.get(env, "").strip()
    if not url:
        message = f"{env} is not set: {why}"
        if on_ci():
            pytest.fail(message)
        pytest.skip(message)
    return url


def pg_url() -> str:
    """The test server's URL; fails on CI and skips elsewhere when it is not set."""
    return _url_from(PG_ENV, "the PostgreSQL tests need a server (.ci/run starts one)")


CLERK_ENV = "PTDRAFT_TEST_PG_CLERK_URL"
REVIEWER_ENV = "PTDRAFT_TEST_PG_REVIEWER_URL"


def role_url(env: str) -> str:
    """The URL of a test login role (a clerk's or a reviewer's, made by .ci/run); fails on CI and skips elsewhere
    when it is not set."""
    return _url_from(env, "the role tests connect as a clerk and as a reviewer (.ci/run makes both)")


def with_schema(url: str, schema: str) -> str:
    """``url`` with every connection's search_path set to ``schema``."""
    option = "options=" + quote(f"-csearch_path={schema}", safe="")
    return f"{url}{'&' if '?' in url else '?'}{option}"


def _psycopg():
    import psycopg

    return psycopg


class PgSchema:
    """A fresh schema on the test server, dropped at the end."""

    def __init__(self) -> None:
        self.base = pg_url()
        self.name = f"t_{uuid.uuid4().hex[:16]}"
        with _psycopg().connect(self.base, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {self.name}")
        self.url = with_schema(self.base, self.name)

    def drop(self) -> None:
        with _psycopg().connect(self.base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {self.name} CASCADE")


def make_db(engine: str, tmp_path: Path, request) -> str:
    if engine == "sqlite":
        return str(tmp_path / "ptdraft.sqlite3")
    schema = PgSchema()
    request.addfinalizer(schema.drop)
    return schema.url


@pytest.fixture(params=ENGINES)
def db(request, tmp_path) -> str:
    """An empty database of each engine (the location to pass as ``--db``/``db=``)."""
    return make_db(request.param, tmp_path, request)


def raw_execute(db: str, sql: str, params: tuple = ()) -> list:
    """Run SQL straight on the database (to tamper with it, or to look at it), outside ptdraft."""
    if db.startswith("postgresql://"):
        with _psycopg().connect(db, autocommit=True) as conn:
            cursor = conn.execute(sql.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []
    import sqlite3

    conn = sqlite3.connect(db, isolation_level=None)
    try:
        cursor = conn.execute(sql, params)
        return cursor.fetchall()
    finally:
        conn.close()


def letter(**values) -> Draft:
    """A finished công văn from the shipped general template (Số: …/SNV-CCHC)."""
    template = api.get_template("cong-van-chung")
    return api.new_draft(template, {**LETTER_VALUES, **values})


def dated(draft: Draft, day: _dt.date | None, **content) -> Draft:
    import dataclasses

    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, date=day, **content))


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_message(code: int, err: str, *words: str) -> str:
    """Exit code 2 and one Vietnamese line on stderr, without a traceback, holding every one of ``words``."""
    assert code == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("ptdraft: lỗi: "), lines[0]
    for word in words:
        assert word in lines[0], f"{word!r} not in {lines[0]!r}"
    return lines[0]


def python_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def without_root_powers() -> list[str]:
    """A command prefix that runs a child unable to write files it has no permission for, even as root."""
    if os.geteuid() != 0:
        return []
    import shutil

    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.fail("setpriv (util-linux) is needed to test read-only files as root")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def run_ptdraft(*args: str, env: dict[str, str] | None = None, prefix: list[str] | None = None,
                **kwargs) -> subprocess.CompletedProcess:
    """``python -m ptdraft ARGS`` in a child process (text output), after ``prefix`` when given."""
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "ptdraft", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env or python_env(),
        timeout=120,
        **kwargs,
    )
