"""kill -9 at any moment (issue 15): a child process saving a draft, exporting a DOCX, taking numbers and
approving templates in a loop is killed at random times; after each kill every file there is whole (the old one or
the new one, never half), no temporary file is left as the file's name, and the database opens with every number
recorded, every approved version whole, and the history's hash chain whole with one row per number and approval."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from ptdraft import api, storage
from tests.support import REPO

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is a POSIX signal")

CHILD = r'''
import dataclasses, pathlib, sys
from ptdraft import api
folder = pathlib.Path(sys.argv[1])
db = str(folder / "db.sqlite3")
letter = api.load_draft(pathlib.Path(sys.argv[2]))
template = pathlib.Path(sys.argv[3]).read_text(encoding="utf-8")
print("ready", flush=True)
n = 0
while True:
    n += 1
    body = letter.content.body + "\n\n" + ("Thêm đoạn %d. " % n) * (n % 50 + 1)
    draft = dataclasses.replace(letter, content=dataclasses.replace(letter.content, body=body))
    api.save_draft(draft, folder / "ban-thao.json")
    api.export_docx(draft, folder / "van-ban.docx")
    api.issue_number(draft, db=db, user="văn thư")
    version = api.save_template(template.replace("nghi-le", "nghi-le-%d" % (n % 3)), by="An", submit=True, db=db)
    api.approve_template(version.template_id, version.version, by="Chánh Văn phòng", db=db)
'''


def _check_folder(folder: Path) -> None:
    draft = folder / "ban-thao.json"
    if draft.exists():
        api.load_draft(draft)  # whole JSON, a valid draft
    docx = folder / "van-ban.docx"
    if docx.exists():
        with zipfile.ZipFile(docx) as package:
            assert package.testzip() is None
    db = folder / "db.sqlite3"
    if db.exists():
        with storage.open_storage(str(db)) as opened:
            entries = opened.entries()
            counters = {(c.issuer, c.year, c.book): c.last_number for c in opened.counters()}
            for key, last in counters.items():
                numbers = sorted(e.number for e in entries if (e.issuer, e.year, e.book) == key)
                assert numbers == list(range(1, last + 1)), (key, numbers, last)
            versions = opened.template_versions()
            for version in versions:
                assert version.source and version.sha256
                if version.state == "approved":
                    assert version.approved_by and version.approved_at
            # the history's chain is whole, and holds exactly one row for each number and each approval
            assert opened.history_problem() is None
            events = opened.history()
            assert sum(e.action == "issued" for e in events) == len(entries)
            assert sum(e.action == "approved" for e in events) == sum(v.state == "approved" for v in versions)


def test_killed_at_random_moments_leaves_whole_files_and_a_consistent_database(tmp_path):
    rng = random.Random(20261203)
    letter = REPO / "examples" / "cong-van-van-phong-ubnd-tinh.json"
    template = REPO / "examples" / "mau-thong-bao-nghi-le.toml"
    env = {**os.environ, "PYTHONPATH": str(REPO), "PTDRAFT_DATA_DIR": str(tmp_path / "data")}
    kills = 0
    for round_ in range(12):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), str(letter), str(template)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        time.sleep(rng.uniform(0.05, 0.8))
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            kills += 1
        child.wait(timeout=30)
        err = child.stderr.read()
        assert "Traceback" not in err, err
        _check_folder(tmp_path)
    assert kills >= 10
    names = {p.name for p in tmp_path.iterdir()}
    assert {"ban-thao.json", "van-ban.docx", "db.sqlite3"} <= names
    json.loads((tmp_path / "ban-thao.json").read_text(encoding="utf-8"))
