"""Rendering a template from outside in a child process: the last guard when importing a file.

The render limits (:mod:`ptdraft.templating.render_limits`) stop loops and oversized values inside
the program. A template file shared by USB or e-mail is also rendered once in a child
process that has its own memory cap (on systems with ``resource``) and is killed after
:data:`CHILD_SECONDS`, so whatever the limits miss cannot hang or exhaust the program.

The child runs :mod:`ptdraft.templating.sandbox_child` (``python -m ptdraft.templating.sandbox_child WHERE``, the template text on stdin),
which prints one JSON object: ``{"ok": true}`` or ``{"ok": false, "message": …, "where": …}``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ptdraft.errors import TemplateError

CHILD_SECONDS = 20.0  # the child's start (imports) and one render of the example


def check_in_child(source: str, where: str, *, timeout: float = CHILD_SECONDS) -> None:
    """Render ``source``'s example in a child process; TemplateError when it fails, dies or runs too long."""
    if getattr(sys, "frozen", False):
        return  # a frozen build has no interpreter to start; the in-process limits still apply
    package_root = str(Path(__file__).resolve().parents[2])  # the folder holding ptdraft/
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    try:
        result = subprocess.run(
            [sys.executable, "-m", "ptdraft.templating.sandbox_child", where],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        raise TemplateError(f"dựng thử mẫu chạy quá {timeout:g} giây nên đã bị dừng", where) from None
    except OSError as exc:
        raise TemplateError(f"không chạy được tiến trình dựng thử mẫu ({exc.strerror})", where) from None
    lines = result.stdout.decode("utf-8", "replace").strip().splitlines()
    try:
        answer = json.loads(lines[-1]) if lines else None
    except json.JSONDecodeError:
        answer = None
    if not isinstance(answer, dict):
        raise TemplateError(
            "dựng thử mẫu thất bại: tiến trình dựng thử dừng bất thường (có thể do mẫu dùng quá nhiều bộ nhớ)", where
        )
    if not answer.get("ok"):
        raise TemplateError(str(answer.get("message", "mẫu không hợp lệ")), answer.get("where") or where)
