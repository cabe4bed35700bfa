"""The frozen program (PyInstaller, packaging/ptdraft.spec) built and smoke-tested, when PTDRAFT_TEST_FROZEN=1.

The build takes about half a minute and writes some 200 MB, so the normal run leaves it out (skipped, with the
reason); ``PTDRAFT_TEST_FROZEN=1 python3 -m pytest tests/test_frozen.py`` (with ``pip install '.[build]'``)
builds into a temporary folder and runs scripts/smoke_frozen.py on the result: --version, the template list,
render the example letter, check it, import a letter, open the window offscreen.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support import REPO

pytestmark = pytest.mark.skipif(os.environ.get("PTDRAFT_TEST_FROZEN") != "1",
                                reason="the frozen build is slow: set PTDRAFT_TEST_FROZEN=1 to build and smoke-test it")


def test_frozen_program_builds_and_passes_the_smoke_test(tmp_path):
    """scripts/build_app.py --smoke: the one-folder build runs each step of the smoke test."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "build_app.py"), "-o", str(tmp_path), "--smoke"],
                            capture_output=True, text=True, timeout=1800, env=env, cwd=REPO)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    for step in ("templates:", "render:", "check:", "import:", "window:"):
        assert f"ok  {step}" in result.stdout, result.stdout
    names = {p.name for p in (tmp_path / "dist" / "ptdraft").iterdir()}
    assert {"ptdraft", "ptdraft-cli", "_internal"} <= names or {"ptdraft.exe", "ptdraft-cli.exe", "_internal"} <= names
