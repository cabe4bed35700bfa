"""How long checking the history's hash chain takes: 10,000 events (numbers taken) in a SQLite file, then
``Storage.history_problem()`` (read every row and recompute every hash) timed over a few runs, and opening the
database (which checks the chain on every open) beside opening a database with an empty history.

    python3 benchmarks/bench_history.py [--events 10000] [--db postgresql://…]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ptdraft import storage  # noqa: E402
from ptdraft.storage import history  # noqa: E402
from ptdraft.storage.records import now_text, os_user  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--db", help="database (default: a new SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "bench.sqlite3")
        with storage.open_storage(db) as opened:
            start = len(opened.history())

            def fill() -> None:
                for _ in range(args.events):
                    opened._append_history("issued", "bench", "văn thư", now_text(), "")

            begun = time.perf_counter()
            opened._run(fill, write=True)
            appended = time.perf_counter() - begun
            times = []
            for _ in range(5):
                begun = time.perf_counter()
                assert opened.history_problem() is None
                times.append(time.perf_counter() - begun)
            rows = opened._run(opened._history_rows, write=False)
            begun = time.perf_counter()
            history.problem(rows)
            hashing = time.perf_counter() - begun
        empty_db = str(Path(folder) / "empty.sqlite3")
        storage.open_storage(empty_db).close()
        opening = {"full": [], "empty": []}
        for _ in range(5):  # interleaved, so that the machine's load falls on both alike
            for kind, where in (("full", db), ("empty", empty_db if not args.db else None)):
                if where is None:
                    continue
                begun = time.perf_counter()
                storage.open_storage(where).close()
                opening[kind].append(time.perf_counter() - begun)
        print(f"{opened.engine}: {start + args.events} events, user {os_user()}")
        print(f"append {args.events} rows in one transaction: {appended:.2f} s")
        print(f"verify the chain (read + hash), 5 runs: median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms; hashing alone {hashing * 1000:.1f} ms")
        print(f"open the database (the chain checked on open), 5 runs: median "
              f"{statistics.median(opening['full']) * 1000:.1f} ms", end="")
        if opening["empty"]:
            print(f"; a new SQLite database with an empty history: {statistics.median(opening['empty']) * 1000:.1f} ms")
        else:
            print()


if __name__ == "__main__":
    main()
