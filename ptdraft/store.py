"""Drafts as JSON files: reading (with schema validation), writing (atomically), conversion.

A draft file is checked against resources/draft.schema.json; every text in it is
normalised to Unicode NFC, and characters XML cannot hold are refused with the
name of the field that holds them.
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, Mapping


from ptdraft import held_files
from ptdraft.errors import InputError, OutputError, PtdraftError
from ptdraft.model import (
    FORMAT_VERSION,
    Annex,
    Content,
    Draft,
    Field,
    FieldKind,
    Item,
    Signature,
    SigningMode,
    TemplateRef,
)
from ptdraft.resources import resource
from ptdraft.schema_check import Checker, SchemaError
from ptdraft.text import bad_characters, normalise

_TYPE_NAMES = {
    "string": "chuỗi văn bản",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true/false",
    "array": "danh sách",
    "object": "đối tượng",
    "null": "null",
}


@functools.cache
def schema() -> dict:
    with open(resource("draft.schema.json"), encoding="utf-8") as handle:
        return json.load(handle)


@functools.cache
def _validator(definition: str | None) -> Checker:
    root = schema()
    return Checker(root, None if definition is None else {"$ref": f"#/$defs/{definition}"})


def path_text(parts: Any, prefix: str = "") -> str:
    """("content", "recipients", 1) → "content.recipients[2]"."""
    out = prefix
    for part in parts:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out = f"{out}.{part}" if out else str(part)
    return out or "(gốc)"


def _message(error: SchemaError) -> str:
    kind = error.keyword
    if kind == "required":
        missing = [name for name in error.value if name not in (error.instance or {})]
        return f"thiếu mục bắt buộc '{missing[0] if missing else error.value}'"
    if kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - allowed) if isinstance(error.instance, dict) else []
        return f"mục không được phép: '{', '.join(extra)}'"
    if kind == "type":
        wanted = error.value if isinstance(error.value, list) else [error.value]
        return "phải là " + " hoặc ".join(_TYPE_NAMES.get(str(name), str(name)) for name in wanted)
    if kind == "enum":
        return "phải là một trong: " + ", ".join(repr(v) for v in error.value)
    if kind == "pattern":
        return f"giá trị {error.instance!r} không đúng dạng"
    if kind in ("minimum", "maximum"):
        return f"giá trị {error.instance!r} nằm ngoài khoảng cho phép"
    if kind == "minLength":
        return "không được để trống"
    if kind in ("oneOf", "anyOf"):
        return f"giá trị {error.instance!r} không đúng kiểu"
    if kind == "propertyNames":
        return f"tên trường {error.instance!r} không hợp lệ (chỉ chữ thường không dấu, số và _)"
    return f"không đúng lược đồ ({kind})"


def validate(data: Any, where: str, definition: str | None = None, prefix: str = "") -> None:
    """Raise InputError for the first place where ``data`` breaks the draft schema."""
    errors = sorted(_validator(definition).errors(data), key=lambda e: (len(e.path), list(map(str, e.path))))
    if errors:
        error = errors[0]
        raise InputError(f"{path_text(error.path, prefix)}: {_message(error)}", where)


def clean_strings(data: Any, where: str, path: tuple = ()) -> Any:
    """``data`` with every string in NFC; forbidden characters raise InputError naming their place."""
    if isinstance(data, str):
        bad = bad_characters(data)
        if bad:
            raise InputError(
                f"{path_text(path)}: có ký tự điều khiển không hợp lệ ({', '.join(dict.fromkeys(bad))}); "
                "hãy xóa ký tự đó (thường do dán từ tệp PDF)",
                where,
            )
        return normalise(data)
    if isinstance(data, dict):
        return {clean_strings(k, where, path): clean_strings(v, where, path + (k,)) for k, v in data.items()}
    if isinstance(data, list):
        return [clean_strings(v, where, path + (i,)) for i, v in enumerate(data)]
    return data


# -- conversion -----------------------------------------------------------

def parse_date(value: Any) -> _dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if value == "today":
        return _dt.date.today()
    return _dt.date.fromisoformat(value)


def content_from_dict(data: Mapping[str, Any]) -> Content:
    """Content from already validated data."""
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key == "date":
            kwargs[key] = parse_date(value)
        elif key == "requirements":
            kwargs[key] = tuple(Item(r["text"], tuple(r.get("subitems", ()))) for r in value)
        elif key in ("signature", "cosigner"):
            sig = dict(value)
            mode = SigningMode(sig.pop("mode", ""))
            kwargs[key] = Signature(mode=mode, **sig)
        elif key == "annexes":
            kwargs[key] = tuple(Annex(**annex) for annex in value)
        elif isinstance(value, list):
            kwargs[key] = tuple(value)
        else:
            kwargs[key] = value
    return Content(**kwargs)


def content_to_dict(content: Content) -> dict[str, Any]:
    default = Content()
    out: dict[str, Any] = {}
    for key in Content.__dataclass_fields__:
        value = getattr(content, key)
        if key == "doc_type" or value != getattr(default, key):
            if key == "date":
                out[key] = value.isoformat() if value else None
            elif key == "requirements":
                out[key] = [{"text": r.text, "subitems": list(r.subitems)} for r in value]
            elif key == "annexes":
                out[key] = [{"title": a.title, "body": a.body, "doc_type": a.doc_type} for a in value]
            elif key in ("signature", "cosigner"):
                out[key] = {"mode": value.mode.value, "collective": value.collective,
                            "head_title": value.head_title, "position": value.position, "name": value.name}
                if value.order_title:
                    out[key]["order_title"] = value.order_title
            elif isinstance(value, tuple):
                out[key] = list(value)
            else:
                out[key] = value
    return out


def field_from_dict(data: Mapping[str, Any]) -> Field:
    kwargs = dict(data)
    kwargs["kind"] = FieldKind(kwargs.get("kind", "text"))
    kwargs["options"] = tuple(kwargs.get("options", ()))
    if isinstance(kwargs.get("default"), list):
        kwargs["default"] = list(kwargs["default"])
    return Field(**kwargs)


def field_to_dict(item: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"id": item.id, "label": item.label, "kind": item.kind.value}
    if item.default is not None:
        out["default"] = item.default
    if item.required:
        out["required"] = True
    if item.help:
        out["help"] = item.help
    if item.options:
        out["options"] = list(item.options)
    return out


def draft_to_dict(draft: Draft) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "title": draft.title,
        "author": draft.author,
        "template": (
            {"id": draft.template.id, "version": draft.template.version, "sha256": draft.template.sha256}
            if draft.template
            else None
        ),
        "fields": [field_to_dict(f) for f in draft.fields],
        "values": dict(draft.values),
        "content": content_to_dict(draft.content),
    }


def _migrate(data: dict, where: str) -> dict:
    version = data.get("format")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise InputError(
            f"bản thảo có định dạng phiên bản {version}, mới hơn phiên bản {FORMAT_VERSION} mà chương trình này đọc được; "
            "hãy cập nhật ptdraft",
            where,
        )
    # Format 1 is the first; later versions add their conversions here, oldest first.
    return data


def draft_from_dict(data: Any, where: str = "bản thảo") -> Draft:
    if isinstance(data, dict):
        data = _migrate(data, where)
    data = clean_strings(data, where)  # first: a label of invisible characters only is empty, and refused as such
    validate(data, where)
    try:
        content = content_from_dict(data["content"])
    except ValueError as exc:
        raise InputError(f"content.date: ngày không hợp lệ ({exc})", where) from None
    template = data.get("template")
    return Draft(
        content=content,
        values=dict(data.get("values", {})),
        fields=tuple(field_from_dict(f) for f in data.get("fields", ())),
        template=TemplateRef(template["id"], template["version"], template.get("sha256", "")) if template else None,
        title=data.get("title", ""),
        author=data.get("author", ""),
    )


from ptdraft.files import MAX_READ_BYTES, check_regular, read_regular  # noqa: E402,F401 - part of this module


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


def read_json(path: Path) -> Any:
    where = str(path)
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}", where) from None
    except RecursionError:
        data = None
    if data is None and text.strip() != "null" or not _json_depth_ok(data):
        raise InputError(f"JSON lồng nhau quá sâu (tối đa {MAX_JSON_DEPTH} tầng)", where)
    return data


def load_draft(path: Path) -> Draft:
    return draft_from_dict(read_json(path), str(path))


# What a file of each kind ptdraft writes starts with: an existing file that does not is never replaced by one.
_KIND_STARTS = {".docx": (b"PK",), ".xlsx": (b"PK",), ".zip": (b"PK",), ".pdf": (b"%PDF",),
                ".json": (b"{", b"\xef\xbb\xbf{")}
_KIND_NAMES = {".docx": "tệp DOCX", ".xlsx": "tệp Excel", ".zip": "tệp ZIP", ".pdf": "tệp PDF", ".json": "bản thảo JSON"}


def check_output(path: Path, *inputs: Path | str | None, option: str = "-o") -> None:
    """Refuse, before any work, an output that would replace an input of the same command, a read-only file, or an
    existing file of another kind than the one being written (a DOCX over a draft, a draft over a letter)."""
    path = Path(path)
    where = f"{option} {path}"
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
    is written under another name unless ``other_name`` is False (:mod:`ptdraft.held_files`). Returns the path
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


def save_draft(draft: Draft, path: Path, *, other_name: bool = True) -> Path:
    """Write the draft as JSON, atomically; returns the path written (another name when the file is held)."""
    text = json.dumps(draft_to_dict(draft), ensure_ascii=False, indent=2) + "\n"
    return write_atomic(Path(path), text.encode("utf-8"), other_name=other_name)
