"""Approved templates: one readable TOML file each, with Jinja2 text over declared fields.

A template file holds its identity and approval (id, title, doc_type, version,
[approval]), the fields it asks for ([[fields]]), the default content of each part
of the document ([content], text may use the fields through Jinja), and example
values ([example]) used for previews and the golden tests.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ptdraft.reference import dates
from ptdraft.reference import doctypes
from ptdraft.errors import InputError, TemplateError
from ptdraft.model import Content, Draft, Field, FieldKind, TemplateRef, Value
from ptdraft.templating.render import content_sources, names_used
from ptdraft.resources import templates_dir
from ptdraft.files.drafts import clean_strings, content_error, content_from_dict, field_from_dict, validate
from ptdraft.files.disk import read_text

APPROVAL_STATES = ("draft", "submitted", "approved", "retired")
APPROVAL_LABELS = {"draft": "nháp", "submitted": "chờ duyệt", "approved": "đã duyệt", "retired": "ngừng dùng"}
TEMPLATE_SUFFIX = ".toml"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TOP_KEYS = {"id", "title", "doc_type", "version", "description", "approval", "fields", "content", "example"}


@dataclass(frozen=True)
class Approval:
    state: str = "draft"
    by: str = ""
    at: _dt.date | None = None


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    doc_type: str
    version: int
    approval: Approval
    fields: tuple[Field, ...]
    content: Content
    description: str = ""
    example: Mapping[str, Value] = field(default_factory=dict)
    source: str = ""
    path: Path | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()

    @property
    def ref(self) -> TemplateRef:
        return TemplateRef(self.id, self.version, self.sha256)

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.fields if f.id == field_id), None)


def _toml_error_line(message: str) -> str:
    found = re.search(r"line (\d+), column (\d+)", message)
    if found:
        return f"dòng {found.group(1)}, cột {found.group(2)}"
    return "không rõ dòng"


def _plain(data: Any) -> Any:
    """TOML dates to ISO strings, so the JSON schema can check the content part."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    if isinstance(data, (_dt.date, _dt.datetime)):
        return data.isoformat()[:10]
    return data


def parse_template(source: str, where: str, path: Path | None = None) -> Template:
    """A template from its TOML text; TemplateError names the line of the file, or the part, that is wrong."""
    if not source.strip():
        raise TemplateError("tệp mẫu rỗng", where)
    try:
        return _parse_template(source, where, path)
    except TemplateError as exc:
        if "TOML ở dòng" in exc.message:
            raise
        from ptdraft.templating.template_lines import error_line

        line = error_line(source, exc)
        if line is None:
            raise
        raise TemplateError(f"{exc.message} (dòng {line} của tệp)", exc.where) from None


def _parse_template(source: str, where: str, path: Path | None = None) -> Template:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"lỗi cú pháp TOML ở {_toml_error_line(str(exc))}", where) from None
    except RecursionError:
        raise TemplateError("tệp mẫu lồng nhau quá sâu (mảng hay bảng trong nhau hàng nghìn tầng)", where) from None
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise TemplateError(f"mục không được phép: {', '.join(unknown)}", where)
    for key in ("id", "title", "doc_type"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise TemplateError(f"thiếu '{key}' (một chuỗi văn bản)", where)
    if not _ID.match(data["id"]):
        raise TemplateError("'id' chỉ gồm chữ thường không dấu, số và dấu '-'", where)
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise TemplateError("'version' phải là số nguyên từ 1", where)
    doc_type = doctypes.canonical(data["doc_type"])
    if doc_type is None:
        raise TemplateError(f"loại văn bản '{data['doc_type']}' không có trong Nghị định 30", where)
    data = clean_strings(data, where)

    approval_data = data.get("approval", {})
    if not isinstance(approval_data, dict):
        raise TemplateError("[approval] phải là một bảng", where)
    state = approval_data.get("state", "draft")
    if state not in APPROVAL_STATES:
        raise TemplateError(f"approval.state phải là một trong: {', '.join(APPROVAL_STATES)}", where)
    approved_at = approval_data.get("at")
    approval = Approval(
        state=state,
        by=str(approval_data.get("by", "")),
        at=approved_at if isinstance(approved_at, _dt.date) else None,
    )

    raw_fields = data.get("fields", [])
    if not isinstance(raw_fields, list):
        raise TemplateError("[[fields]] phải là một danh sách bảng", where)
    fields: list[Field] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_fields):
        label = f"fields[{index + 1}]"
        try:
            validate(_plain(raw), where, "field", label)
        except InputError as exc:
            raise TemplateError(exc.message, where) from None
        item = field_from_dict(_plain(raw))
        if item.id in seen:
            raise TemplateError(f"{label}: trường '{item.id}' khai báo hai lần", where)
        seen.add(item.id)
        if item.kind is FieldKind.CHOICE and not item.options:
            raise TemplateError(f"{label}: trường chọn '{item.id}' cần danh sách 'options'", where)
        if item.default is not None:
            problem = value_problem(item, item.default)
            if problem:
                raise TemplateError(f"{label}: giá trị mặc định {problem}", where)
        fields.append(item)

    content_data = _plain(data.get("content", {}))
    content_data.setdefault("doc_type", doc_type)
    try:
        validate(content_data, where, "content", "content")
    except InputError as exc:
        raise TemplateError(exc.message, where) from None
    try:
        content = content_from_dict(content_data)
    except ValueError as exc:  # an impossible date, or a blank-day date's month without its year
        raise TemplateError(content_error(exc), where) from None
    if doctypes.canonical(content.doc_type) != doc_type:
        raise TemplateError("content.doc_type khác doc_type của mẫu", where)

    declared = {f.id for f in fields}
    for part, text in content_sources(content):
        unknown_names = names_used(text, f"{where}: content.{part}") - declared
        if unknown_names:
            raise TemplateError(
                f"content.{part}: dùng tên chưa khai báo trong [[fields]]: {', '.join(sorted(unknown_names))}", where
            )

    example = data.get("example", {})
    if not isinstance(example, dict):
        raise TemplateError("[example] phải là một bảng", where)
    example = _plain(example)
    for key, value in example.items():
        example_field = next((f for f in fields if f.id == key), None)
        if example_field is None:
            raise TemplateError(f"[example]: trường '{key}' không khai báo trong [[fields]]", where)
        problem = value_problem(example_field, value)
        if problem:
            raise TemplateError(f"[example].{key}: {problem}", where)

    return Template(
        id=data["id"],
        title=data["title"],
        doc_type=doc_type,
        version=version,
        approval=approval,
        fields=tuple(fields),
        content=content,
        description=str(data.get("description", "")),
        example=example,
        source=source,
        path=path,
    )


def load_template_file(path: Path) -> Template:
    source = read_text(Path(path), TemplateError)
    return parse_template(source, str(path), Path(path))


def shipped_templates() -> list[Template]:
    """The read-only templates shipped with ptdraft, approved first, then by title."""
    found = [load_template_file(p) for p in sorted(templates_dir().glob(f"*{TEMPLATE_SUFFIX}"))]
    return sorted(found, key=lambda t: (t.approval.state != "approved", t.title))


def find_template(name: str) -> Template:
    """A template by id (shipped) or by path to a .toml file."""
    path = Path(name)
    if name.endswith(TEMPLATE_SUFFIX) or path.is_file():
        return load_template_file(path)
    candidate = templates_dir() / f"{name}{TEMPLATE_SUFFIX}"
    if candidate.is_file():
        return load_template_file(candidate)
    known = ", ".join(t.id for t in shipped_templates())
    raise InputError(f"không có mẫu '{name}'. Các mẫu có: {known}", "mẫu")


# -- values ---------------------------------------------------------------

def value_problem(item: Field, value: Value) -> str | None:
    """Why ``value`` does not fit ``item``'s kind, or None when it fits."""
    kind = item.kind
    if value is None:
        return None
    if kind in (FieldKind.TEXT, FieldKind.MULTILINE):
        return None if isinstance(value, str) else "phải là chuỗi văn bản"
    if kind is FieldKind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "phải là một số"
        return None
    if kind is FieldKind.DATE:
        if value in ("", "today"):
            return None
        if not isinstance(value, str):
            return "phải là ngày dạng YYYY-MM-DD"
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            return f"'{value}' không phải ngày hợp lệ (dạng YYYY-MM-DD)"
        return None
    if kind is FieldKind.CHOICE:
        if value == "" or value in item.options:
            return None
        return f"phải là một trong: {', '.join(item.options)}"
    if kind is FieldKind.LIST:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return None
        return "phải là danh sách chuỗi văn bản"
    return None


def is_empty(value: Value) -> bool:
    return value is None or value == "" or value == []


def coerce_text(item: Field, text: str) -> Value:
    """A value typed as text (``--set field=value``, a cell of a merge table) in the field's kind: numbers as
    numbers, lists split at ";" or line ends, dates typed dd/mm/yyyy (or yyyy-mm-dd) as YYYY-MM-DD."""
    where = f"trường '{item.id}' ({item.label})"
    if item.kind is FieldKind.NUMBER:
        try:
            return int(text)
        except ValueError:
            try:
                return float(text.replace(",", "."))
            except ValueError:
                raise InputError(f"'{text}' không phải là số", where) from None
    if item.kind is FieldKind.LIST:
        return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]
    if item.kind is FieldKind.DATE and text.strip() not in ("", "today"):
        try:
            return dates.parse_date(text).isoformat()
        except ValueError as exc:
            raise InputError(str(exc), where) from None
    if item.kind is FieldKind.CHOICE and text and text not in item.options:
        raise InputError(f"'{text}' không phải một trong: {', '.join(item.options)}", where)
    return text


def resolve_values(fields: tuple[Field, ...], given: Mapping[str, Value], where: str) -> dict[str, Value]:
    """Defaults merged with ``given``; unknown fields and values of the wrong kind raise InputError."""
    by_id = {f.id: f for f in fields}
    for key in given:
        if key not in by_id:
            known = ", ".join(by_id) or "(không có)"
            raise InputError(f"trường '{key}' không có trong mẫu (các trường: {known})", where)
    values: dict[str, Value] = {}
    for item in fields:
        value = given.get(item.id, item.default)
        if item.kind is FieldKind.DATE and value == "today":
            value = _dt.date.today().isoformat()
        problem = value_problem(item, value)
        if problem:
            raise InputError(f"trường '{item.id}' ({item.label}) {problem}", where)
        if value is not None:
            values[item.id] = value
    return values


def missing_required(fields: tuple[Field, ...], values: Mapping[str, Value]) -> list[Field]:
    return [f for f in fields if f.required and is_empty(values.get(f.id))]


def new_draft(template: Template, given: Mapping[str, Value] | None = None, where: str = "giá trị") -> Draft:
    """A draft from a template's defaults, with ``given`` values over them."""
    cleaned = clean_strings(dict(given or {}), where)
    values = resolve_values(template.fields, cleaned, where)
    return Draft(
        content=template.content,
        values=values,
        fields=template.fields,
        template=template.ref,
        title=template.title,
    )
