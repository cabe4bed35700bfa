"""Files on disk, safely: reading only a regular file, never past a size limit; writing atomically.

A named pipe or a device would make a read wait forever; a folder is not a file; a file of gigabytes is not a
letter. A file is written beside its target and renamed into place, so the old one stays whole on any error.
Nothing here imports more than the standard library, so every command can use it at no cost.
"""
from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from ptdraft.files import held_files
from ptdraft.errors import InputError, OutputError, PtdraftError


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


def read_text(path: Path, error: type[PtdraftError] = InputError) -> str:
    """A UTF-8 text file's content; ``error`` (with the file as its place) when it cannot be read."""
    where = str(path)
    raw = read_regular(Path(path), error, where=where)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"tệp không phải văn bản UTF-8 (byte thứ {exc.start + 1})", where) from None


MAX_JSON_DEPTH = 64  # a draft nests five levels deep; anything far deeper is not a draft


def _json_depth_ok(data: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack.extend((value, depth + 1) for value in item.values())
        elif isinstance(item, list):
            stack.extend((value, depth + 1) for value in item)
    return True


# What Python's JSON reader says, in the clerk's language (the reader's own words where a message is not listed).
_JSON_PROBLEMS = (
    ("Expecting property name enclosed in double quotes", "cần tên mục trong dấu ngoặc kép (hoặc có dấu phẩy thừa)"),
    ("Expecting value", "thiếu giá trị"),
    ("Expecting ',' delimiter", "thiếu dấu phẩy giữa hai mục"),
    ("Expecting ':' delimiter", "thiếu dấu hai chấm sau tên mục"),
    ("Unterminated string starting at", "chuỗi chưa có dấu ngoặc kép đóng"),
    ("Invalid control character at", "chuỗi có ký tự điều khiển (xuống dòng, tab) chưa viết thành \\n, \\t"),
    ("Invalid \\escape", "dãy thoát bắt đầu bằng \\ không hợp lệ"),
    ("Invalid \\uXXXX escape", "dãy \\uXXXX không hợp lệ"),
    ("Extra data", "còn chữ thừa sau khi bản thảo đã kết thúc"),
    ("Illegal trailing comma", "dấu phẩy thừa trước dấu đóng"),
)


def json_problem(message: str) -> str:
    """Python's JSON error ``message`` in Vietnamese."""
    for english, vietnamese in _JSON_PROBLEMS:
        if message.startswith(english):
            return vietnamese
    return message


def read_json(path: Path) -> Any:
    where = str(path)
    text = read_text(path)
    if not text.strip():
        raise InputError("tệp rỗng, không có bản thảo nào", where)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno}: {json_problem(exc.msg)}", where) from None
    except RecursionError:
        data = None
    if data is None and text.strip() != "null" or not _json_depth_ok(data):
        raise InputError(f"JSON lồng nhau quá sâu (tối đa {MAX_JSON_DEPTH} tầng)", where)
    return data


# What a file of each kind ptdraft writes starts with: an existing file that does not is never replaced by one.
_KIND_STARTS = {".docx": (b"PK",), ".xlsx": (b"PK",), ".zip": (b"PK",), ".pdf": (b"%PDF",),
                ".json": (b"{", b"\xef\xbb\xbf{")}
_KIND_NAMES = {".docx": "tệp DOCX", ".xlsx": "tệp Excel", ".zip": "tệp ZIP", ".pdf": "tệp PDF", ".json": "bản thảo JSON"}


def check_output(path: Path, *inputs: Path | str | None, option: str = "-o", writes: str | None = None,
                 hints: dict[str, str] | None = None) -> None:
    """Refuse, before any work, an output that would replace an input of the same command, a read-only file, or an
    existing file of another kind than the one being written (a DOCX over a draft, a draft over a letter).
    ``writes``: the kind the command writes (".json", ".docx"); a name of another known kind ("-o letter.docx" for a
    draft) is refused, since the file would hold what its name does not say (``hints``: for a kind, the command that
    makes it)."""
    path = Path(path)
    where = f"{option} {path}"
    suffix = path.suffix.lower()
    if writes is not None and suffix in _KIND_NAMES and suffix != writes:
        hint = (hints or {}).get(suffix)
        raise OutputError(f"lệnh này ghi {_KIND_NAMES[writes]}, không phải {_KIND_NAMES[suffix]}: đặt tên tệp đuôi "
                          f"{writes}" + (f" ({hint})" if hint else ""), where)
    for given in inputs:
        if given is None:
            continue
        try:
            same = path.exists() and Path(given).exists() and os.path.samefile(path, given)
        except OSError:
            same = False
        if same:
            raise OutputError("tệp kết quả là chính tệp đang đọc vào; chọn một tên khác", where)
    if not path.is_file():
        return
    if not path.stat().st_mode & 0o222:
        raise OutputError("tệp đã có và chỉ cho đọc; ptdraft không ghi đè", where)
    starts = _KIND_STARTS.get(path.suffix.lower())
    if starts is None:
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(8).lstrip(b" \t\r\n")
    except OSError:
        return
    if head and not head.startswith(starts):
        raise OutputError(f"tệp đã có nhưng không phải {_KIND_NAMES[path.suffix.lower()]}; ptdraft không ghi đè", where)


def check_writable(path: Path, *, note: str = "") -> None:
    """Refuse, before any work, a ``path`` that :func:`write_atomic` could not write: its folder missing or not
    writable, or the path itself a folder. ``note`` is added to the message ("; chưa cấp số")."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"thư mục '{folder}' không tồn tại{note}", str(path))
    if path.is_dir():
        raise OutputError(f"đây là một thư mục, hãy chọn tên tệp{note}", str(path))
    if not os.access(folder, os.W_OK):
        raise OutputError(f"không có quyền ghi vào thư mục '{folder}'{note}", str(path))


def write_atomic(path: Path, data: bytes, *, sync: bool = True, other_name: bool = True) -> Path:
    """Write ``data`` beside ``path`` and rename it into place; the old file stays intact on any failure.

    ``sync`` forces the data to disk before the rename; a batch that writes many files (a mail merge) passes
    False and syncs once at the end (:func:`sync_files`). When the target is held by another program (the
    rename keeps failing with PermissionError) and the program chose another name for that case, the data
    is written under another name unless ``other_name`` is False (:mod:`ptdraft.files.held_files`). Returns the path
    written."""
    path = Path(path)
    where = str(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"thư mục '{folder}' không tồn tại", where)
    if path.is_dir():
        raise OutputError("đây là một thư mục, hãy chọn tên tệp", where)
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise OutputError(f"không có quyền ghi vào thư mục '{folder}'", where) from None
    except OSError as exc:
        raise OutputError(f"không ghi được vào thư mục '{folder}' ({exc.strerror})", where) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if sync:
                os.fsync(out.fileno())
        os.chmod(temp, _new_file_mode(path))
        held_files.replace(temp, path)
        return path
    except PermissionError:
        notify = held_files.notice() if other_name else None
        written = held_files.move_to_other_name(temp, path) if notify is not None else None
        if notify is None or written is None:
            _discard(temp)
            raise OutputError(
                "không ghi đè được tệp: tệp đang mở trong Word hoặc chương trình khác, hoặc chỉ cho đọc; "
                "hãy đóng tệp hoặc chọn tên khác",
                where,
            ) from None
        notify(held_files.held_message(path, written))
        return written
    except OSError as exc:
        _discard(temp)
        raise OutputError(f"không ghi được tệp ({exc.strerror})", where) from None


def sync_files(paths) -> None:
    """Force files written with ``sync=False`` to disk: one system-wide sync where the system has it, else each file."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for path in paths:  # Windows: no os.sync
        try:
            with open(path, "rb+") as handle:
                os.fsync(handle.fileno())
        except OSError:
            pass


def _new_file_mode(path: Path) -> int:
    """The old file's mode, or what a plain open() gives a new file (0o666 less the umask); mkstemp's is 0o600."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def _discard(temp: str) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass
