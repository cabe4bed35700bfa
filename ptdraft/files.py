"""Reading a file the user named, safely: only a regular file, never past a size limit.

A named pipe or a device would make a read wait forever; a folder is not a file; a file of gigabytes is not a
letter. Nothing here imports more than the standard library, so every command can use it at no cost.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from ptdraft.errors import InputError, PtdraftError


MAX_READ_BYTES = 20 * 1024 * 1024  # the largest file ptdraft reads (a draft, a template, a letter to import or check)


def check_regular(path: Path, error: type[PtdraftError] = InputError, *, where: str | None = None,
                  limit: int = MAX_READ_BYTES) -> int:
    """The size of ``path`` when it is a regular file ptdraft may read; ``error`` otherwise, before anything opens
    it: missing, a folder, a pipe or a device (which would make a read wait forever), or larger than ``limit``."""
    where = where or str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error("không tìm thấy tệp", where) from None
    except OSError as exc:
        raise error(f"không đọc được tệp ({exc.strerror})", where) from None
    if stat.S_ISDIR(info.st_mode):
        raise error("đây là một thư mục, không phải tệp", where)
    if not stat.S_ISREG(info.st_mode):
        raise error("đây không phải một tệp thường (là ống dẫn, thiết bị hay socket), ptdraft không đọc", where)
    if info.st_size > limit:
        raise error(f"tệp quá lớn ({info.st_size // (1024 * 1024)} MB; tối đa {limit // (1024 * 1024)} MB)", where)
    return info.st_size


def read_regular(path: Path, error: type[PtdraftError] = InputError, *, where: str | None = None,
                 limit: int = MAX_READ_BYTES) -> bytes:
    """The bytes of a regular file (see :func:`check_regular`)."""
    where = where or str(path)
    check_regular(path, error, where=where, limit=limit)
    try:
        with open(path, "rb") as handle:
            return handle.read(limit + 1)[:limit + 1]
    except FileNotFoundError:
        raise error("không tìm thấy tệp", where) from None
    except IsADirectoryError:
        raise error("đây là một thư mục, không phải tệp", where) from None
    except OSError as exc:
        raise error(f"không đọc được tệp ({exc.strerror})", where) from None
