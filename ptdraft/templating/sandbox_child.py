"""The child process of :func:`ptdraft.templating.sandbox_check.check_in_child`: render one template's example under a memory cap.

``python -m ptdraft.templating.sandbox_child WHERE`` reads the template text on stdin, imports what rendering needs, caps its
own address space, checks the template with :func:`ptdraft.templating.template_check.check_source` and prints one JSON object:
``{"ok": true}`` or ``{"ok": false, "message": …, "where": …}``. Kept apart from :mod:`ptdraft.templating.sandbox_check`, which
the library imports, so that the library and the sandbox do not import each other.
"""
from __future__ import annotations

import json
import os
import sys

CHILD_MEMORY = 1 << 30  # bytes of address space beyond what the child has when it starts


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: the timeout still applies
        return
    try:
        with open("/proc/self/statm") as handle:
            current = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        current = 512 << 20
    limit = current + CHILD_MEMORY
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def _main(argv: list[str]) -> int:
    where = argv[0] if argv else "mẫu"
    source = sys.stdin.buffer.read().decode("utf-8", "replace")
    from ptdraft.templating.template_check import check_source  # everything imported first, then the memory cap
    from ptdraft.errors import PtdraftError

    _limit_memory()
    answer: dict[str, object]
    try:
        check_source(source, where)
        answer = {"ok": True}
    except PtdraftError as exc:
        answer = {"ok": False, "message": exc.message, "where": exc.where}
    except MemoryError:
        answer = {"ok": False, "message": "mẫu dùng quá nhiều bộ nhớ nên đã bị dừng", "where": where}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
