"""How fast "Cấp số" is, alone and with several workstations at once, on SQLite and PostgreSQL.

For each engine: one process taking ``--count`` numbers in a row (api.issue_number on an
open database, the draft filled and checked each time), then ``--workers`` processes
taking ``--count`` numbers each at the same moment on the same database (the numbers
per second of all of them together, from the moment they are let go until the last one
ends). Also the cost of the render limits: a Quyết định with loops filled with and without them.

    python benchmarks/bench_register.py [--count 250] [--workers 4] [--pg postgresql://…]

PostgreSQL runs when ``--pg`` or ``PTDRAFT_TEST_PG_URL`` names a server (a fresh schema
is made and dropped). Nothing here is asserted; the figures go into README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ptdraft import api, storage  # noqa: E402
from ptdraft.templating import render_limits  # noqa: E402

VALUES = {
    "co_quan": "SỞ NỘI VỤ", "ky_hieu_co_quan": "SNV", "ky_hieu_don_vi": "VP", "dia_danh": "Quảng Trị",
    "trich_yeu": "đo tốc độ cấp số", "kinh_gui": ["Các phòng"], "noi_dung": "Nội dung.", "nguoi_ky": "Trần Văn An",
}

WORKER = r"""
import sys, time
sys.path.insert(0, sys.argv[4])
from ptdraft import api, storage
values = __import__("json").loads(sys.argv[3])
draft = api.new_draft(api.get_template("cong-van-chung"), values)
with storage.open_storage(sys.argv[1]) as db:
    print("ready", flush=True)
    sys.stdin.readline()
    for _ in range(int(sys.argv[2])):
        api.issue_number(draft, db=db, user="bench")
print("done", flush=True)
"""


def single(db: str, count: int) -> float:
    draft = api.new_draft(api.get_template("cong-van-chung"), VALUES)
    with storage.open_storage(db) as opened:
        api.issue_number(draft, db=opened)  # warm-up
        start = time.perf_counter()
        for _ in range(count):
            api.issue_number(draft, db=opened)
        return count / (time.perf_counter() - start)


def contended(db: str, count: int, workers: int) -> float:
    with storage.open_storage(db):
        pass
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER, db, str(count), json.dumps(VALUES), str(ROOT)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(workers)
    ]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        proc.communicate()
    elapsed = time.perf_counter() - start
    numbers = sorted(e.number for e in api.register_entries(db=db))
    assert numbers == list(range(1, len(numbers) + 1)), "gap or duplicate"
    return count * workers / elapsed


def fill_cost(runs: int = 300) -> tuple[float, float]:
    """Milliseconds to fill the Quyết định example (loops over members and tasks) with the limits, and with them off."""
    draft = api.example_draft(api.get_template("quyet-dinh"))
    from ptdraft.templating import render

    def timed() -> float:
        render.fill(draft)
        start = time.perf_counter()
        for _ in range(runs):
            render.fill(draft)
        return (time.perf_counter() - start) * 1000 / runs

    with_limits = timed()
    saved = render_limits.step, render_limits.printed
    render_limits.step = lambda: None  # type: ignore[assignment]
    render_limits.printed = lambda value: None  # type: ignore[assignment]
    try:
        without = timed()
    finally:
        render_limits.step, render_limits.printed = saved
    return with_limits, without


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=250)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--pg", default=os.environ.get("PTDRAFT_TEST_PG_URL", ""))
    args = parser.parse_args()
    print(f"{platform.python_implementation()} {platform.python_version()} on {platform.platform()}, "
          f"{os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as folder:
        targets = [("sqlite", lambda tag: str(Path(folder) / f"{tag}.sqlite3"), None)]
        if args.pg:
            import psycopg

            schemas: list[str] = []

            def pg_db(tag: str) -> str:
                name = f"bench_{uuid.uuid4().hex[:12]}"
                with psycopg.connect(args.pg, autocommit=True) as conn:
                    conn.execute(f"CREATE SCHEMA {name}")
                schemas.append(name)
                option = quote(f"-csearch_path={name}", safe="")
                return f"{args.pg}{'&' if '?' in args.pg else '?'}options={option}"

            def drop() -> None:
                with psycopg.connect(args.pg, autocommit=True) as conn:
                    for name in schemas:
                        conn.execute(f"DROP SCHEMA {name} CASCADE")

            targets.append(("postgresql", pg_db, drop))
        for engine, make, cleanup in targets:
            alone = single(make("single"), args.count)
            together = contended(make("contended"), args.count, args.workers)
            print(f"{engine:10}  one process: {alone:7.0f} numbers/s   "
                  f"{args.workers} processes at once: {together:7.0f} numbers/s "
                  f"({args.workers * args.count} numbers, no gap, no duplicate)")
            if cleanup:
                cleanup()
    with_limits, without = fill_cost()
    print(f"fill the Quyết định example: {with_limits:.3f} ms with the render limits, {without:.3f} ms with them off")


if __name__ == "__main__":
    main()
