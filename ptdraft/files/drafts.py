"""Drafts as JSON files: the schema, conversion between the model and JSON, loading and saving (through ptdraft.files.disk).

A draft file is checked against resources/draft.schema.json; every text in it is
normalised to Unicode NFC, and characters XML cannot hold are refused with the
name of the field that holds them, and so is a line longer than one value may be
(:func:`ptdraft.text.overlong_line`), on loading and on saving.
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
from pathlib import Path
from typing import Any, Mapping


from ptdraft.errors import InputError
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
from ptdraft.files.disk import read_json, write_atomic
from ptdraft.resources import resource
from ptdraft.files.schema_check import Checker, SchemaError
from ptdraft.text import bad_characters, normalise, overlong_line, overlong_message

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
        _check_length(data, where, path)
        return normalise(data)
    if isinstance(data, dict):
        return {clean_strings(k, where, path): clean_strings(v, where, path + (k,)) for k, v in data.items()}
    if isinstance(data, list):
        return [clean_strings(v, where, path + (i,)) for i, v in enumerate(data)]
    return data


def _check_length(text: str, where: str, path: tuple) -> None:
    found = overlong_line(text)
    if found is not None:
        raise InputError(f"{path_text(path)}: {overlong_message(*found)}", where)


def _check_lengths(data: Any, where: str, path: tuple = ()) -> None:
    """The line limit of :func:`clean_strings` alone, on data about to be saved."""
    if isinstance(data, str):
        _check_length(data, where, path)
    elif isinstance(data, dict):
        for key, value in data.items():
            _check_lengths(value, where, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _check_lengths(value, where, path + (index,))


# -- conversion -----------------------------------------------------------

PARTIAL_DATE_PARTS = ("date_month", "date_year")


def content_error(exc: ValueError) -> str:
    """The message for what :func:`content_from_dict` refused, naming the field: an impossible date, or the month or
    year of a date whose day is blank (Content checks those)."""
    part, _, reason = str(exc).partition(": ")
    if part in PARTIAL_DATE_PARTS:
        return f"content.{part}: {reason}"
    return f"content.date: ngày không hợp lệ ({exc})"

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
        raise InputError(content_error(exc), where) from None
    template = data.get("template")
    return Draft(
        content=content,
        values=dict(data.get("values", {})),
        fields=tuple(field_from_dict(f) for f in data.get("fields", ())),
        template=TemplateRef(template["id"], template["version"], template.get("sha256", "")) if template else None,
        title=data.get("title", ""),
        author=data.get("author", ""),
    )


def load_draft(path: Path) -> Draft:
    return draft_from_dict(read_json(path), str(path))


def save_draft(draft: Draft, path: Path, *, other_name: bool = True) -> Path:
    """Write the draft as JSON, atomically; returns the path written (another name when the file is held).
    A draft that would not load again (a line over the limit) is refused before anything is written."""
    data = draft_to_dict(draft)
    _check_lengths(data, str(path))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_atomic(Path(path), text.encode("utf-8"), other_name=other_name)
