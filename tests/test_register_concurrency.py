"""Several workstations at once, and programs killed mid-write: numbers stay distinct and gap-free, records whole.

Workers are separate Python processes calling the api directly (not the command line),
so the database's own locking is what keeps them apart: SQLite's write lock with a busy
timeout, PostgreSQL's row lock on the series counter.
"""
from __future__ import annotations

import hashlib
import json
import random
import signal
import subprocess
import sys
import time

import pytest

from ptdraft import api, storage
from tests.support.storage import ENGINES, make_db, python_env, raw_execute

WORKERS = 4
PER_WORKER = 250

# argv: database, how many numbers (0: until killed), worker name, what to do ("issue" or "save").
WORKER = r"""
import datetime, json, sys
from ptdraft import api, storage

db, count, name, job = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
values = {
    "co_quan": "SỞ NỘI VỤ", "ky_hieu_co_quan": "SNV", "ky_hieu_don_vi": "VP", "dia_danh": "Quảng Trị",
    "trich_yeu": "thử cấp số đồng thời", "kinh_gui": ["Các phòng"], "noi_dung": "Nội dung.",
    "nguoi_ky": "Trần Văn An",
}
template = api.get_template("cong-van-chung")
draft = api.new_draft(template, values)
source = template.source.replace('id = "cong-van-chung"', 'id = "mau-thu"')
print("ready", flush=True)
sys.stdin.readline()
with storage.open_storage(db) as opened:
    taken = []
    n = 0
    while count == 0 or n < count:
        n += 1
        if job == "issue":
            number = api.issue_number(draft, db=opened, user=name)[1].number
        else:
            number = api.save_template(source, by=name, db=opened).version
        taken.append(number)
        if count == 0:
            print(number, flush=True)
print(json.dumps(taken), flush=True)
"""


def start_workers(db: str, count: int, names: list[str], job: str = "issue") -> list[subprocess.Popen]:
    """Start the workers, wait until each has imported everything, then let them all go at once."""
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, db, str(count), name, job],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            env=python_env(),
        )
        for name in names
    ]
    for worker in workers:
        line = worker.stdout.readline()
        assert line.strip() == "ready", worker.stderr.read()
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    return workers


@pytest.mark.parametrize("engine", ENGINES)
def test_four_workstations_take_1000_distinct_numbers_without_gap(engine, tmp_path, request):
    """4 processes × 250 "Cấp số" on one new database give the numbers 1…1000 once each, all recorded."""
    db = make_db(engine, tmp_path, request)
    names = [f"may-{i + 1}" for i in range(WORKERS)]
    workers = start_workers(db, PER_WORKER, names)  # they also race to create the schema
    taken: dict[str, list[int]] = {}
    for name, worker in zip(names, workers):
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        taken[name] = json.loads(out.strip().splitlines()[-1])
    numbers = sorted(n for got in taken.values() for n in got)
    assert numbers == list(range(1, WORKERS * PER_WORKER + 1))
    for got in taken.values():
        assert len(got) == PER_WORKER and got == sorted(got)
    entries = api.register_entries(db=db)
    assert sorted(e.number for e in entries) == numbers
    assert len({e.symbol for e in entries}) == WORKERS * PER_WORKER
    by_number = {e.number: e.issued_by for e in entries}
    for name, got in taken.items():
        assert all(by_number[n] == name for n in got)
    with storage.open_storage(db) as opened:
        assert [c.last_number for c in opened.counters()] == [WORKERS * PER_WORKER]


def kill_at_random(worker: subprocess.Popen, rng: random.Random) -> None:
    """Let the worker finish a random number of steps, then SIGKILL it in the middle of whatever it does next."""
    for _ in range(rng.randint(1, 25)):
        line = worker.stdout.readline()
        assert line.strip().isdigit(), worker.stderr.read()
    time.sleep(rng.random() * 0.01)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL


@pytest.mark.parametrize("engine", ENGINES)
def test_killed_while_issuing_leaves_no_half_record_and_no_lost_number(engine, tmp_path, request):
    """After workers are killed mid-"Cấp số", the counter equals the last number and every number has a whole record."""
    db = make_db(engine, tmp_path, request)
    rng = random.Random(20260101)
    for round_ in range(3):
        [worker] = start_workers(db, 0, [f"bi-dung-{round_}"])
        kill_at_random(worker, rng)
    rows = raw_execute(
        db,
        "SELECT number, symbol, doc_date, doc_type, subject, signer, recipients, distribution, issued_by, issued_at, "
        "status FROM register_entries ORDER BY number",
    )
    [(last,)] = raw_execute(db, "SELECT last_number FROM register_counters")
    assert [r[0] for r in rows] == list(range(1, last + 1))
    for row in rows:
        assert all(value not in (None, "") for value in row), row
        assert json.loads(row[6]) == ["Các phòng"] and row[10] == "issued"
    after = api.issue_number(_draft(), db=db)[1]
    assert after.number == last + 1


def _draft():
    template = api.get_template("cong-van-chung")
    return api.new_draft(template, {
        "co_quan": "SỞ NỘI VỤ", "ky_hieu_co_quan": "SNV", "dia_danh": "Quảng Trị", "trich_yeu": "sau khi dừng",
        "kinh_gui": ["Các phòng"], "noi_dung": "Nội dung.", "nguoi_ky": "Trần Văn An",
    })


@pytest.mark.parametrize("engine", ENGINES)
def test_killed_while_saving_templates_leaves_every_version_whole(engine, tmp_path, request):
    """After workers are killed mid-save, each stored version has its text, hash and event, and no number is skipped."""
    db = make_db(engine, tmp_path, request)
    rng = random.Random(20261127)
    for round_ in range(2):
        [worker] = start_workers(db, 0, [f"bi-dung-{round_}"], job="save")
        kill_at_random(worker, rng)
    [(last,)] = raw_execute(db, "SELECT last_version FROM library_templates WHERE id = 'mau-thu'")
    versions = raw_execute(
        db, "SELECT version, source, sha256, state FROM template_versions WHERE template_id = 'mau-thu' ORDER BY version"
    )
    assert [v[0] for v in versions] == list(range(1, last + 1))
    for version, source, digest, state in versions:
        assert hashlib.sha256(source.encode("utf-8")).hexdigest() == digest
        assert state == "draft" and f"version = {version}\n" in source
        events = raw_execute(
            db, "SELECT action FROM template_events WHERE template_id = 'mau-thu' AND version = ?", (version,)
        )
        assert events == [("created",)]
    assert api.save_template(api.get_template("cong-van-chung").source.replace(
        'id = "cong-van-chung"', 'id = "mau-thu"'), db=db).version == last + 1
