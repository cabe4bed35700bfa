""""Lưu thành mẫu" (save as template): a new template text made from a draft and the texts the clerk marks.

Each marked text becomes ``{{ field }}`` wherever it appears in the draft's plain text
(never inside a Jinja tag); the fields the text then uses are found with
:func:`ptdraft.templating.render.names_used` and declared; the draft's values and the marked
texts become the example, so the new template's example renders the draft again.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
import unicodedata
from typing import Any, Mapping, Sequence

from ptdraft.templating import render
from ptdraft.templating import template_text
from ptdraft.errors import InputError
from ptdraft.templating.template_check import check_source
from ptdraft.model import SIGNATURE_TEXTS, Content, Draft, Field, FieldKind, Item, Signature
from ptdraft.files.drafts import content_to_dict, field_to_dict

_FIELD_ID = re.compile(r"^[a-z_][a-z0-9_]*$")
_TEMPLATE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_JINJA_TOKEN = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.S)


def field_id_for(label: str) -> str:
    """A field id from a Vietnamese label: "Trích yếu" → "trich_yeu"."""
    text = label.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    if not text:
        return "truong"
    return text if not text[0].isdigit() else f"truong_{text}"


def _map_texts(content: Content, change) -> Content:
    """``content`` with ``change(text)`` applied to every piece of text in it."""
    updates: dict[str, Any] = {}  # part name → its new value, of that part's type
    for part in dataclasses.fields(Content):
        value = getattr(content, part.name)
        if isinstance(value, str):
            updates[part.name] = change(value)
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            updates[part.name] = tuple(change(v) for v in value)
    updates["requirements"] = tuple(
        Item(change(item.text), tuple(change(s) for s in item.subitems)) for item in content.requirements
    )
    sig = content.signature
    updates["signature"] = Signature(
        mode=sig.mode, **{name: change(getattr(sig, name)) for name in SIGNATURE_TEXTS}
    )
    return dataclasses.replace(content, **updates)


def _replace_literal(text: str, needle: str, replacement: str) -> str:
    """``needle`` replaced in the plain text of ``text``, never inside a Jinja tag."""
    parts = _JINJA_TOKEN.split(text)
    for index in range(0, len(parts), 2):
        parts[index] = parts[index].replace(needle, replacement)
    return "".join(parts)


def _literal(value: str) -> str:
    """A value as template text that prints as typed."""
    if any(token in value for token in ("{{", "{%", "{#")):
        return "{% raw %}" + value + "{% endraw %}"
    return value


def _simple_use(field_id: str) -> re.Pattern[str]:
    return re.compile(r"\{\{\s*" + re.escape(field_id) + r"\s*\}\}")


def _marked_fields(marked: Mapping[str, object]) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for text, spec in marked.items():
        if not isinstance(text, str) or not text.strip():
            raise InputError("đoạn chữ đánh dấu làm trường không được để trống", "trường")
        if isinstance(spec, str):
            field_id, label = spec, spec
        elif isinstance(spec, Sequence) and len(spec) == 2 and all(isinstance(s, str) for s in spec):
            field_id, label = spec
        else:
            raise InputError(f"đoạn '{text}': cần mã trường hoặc (mã trường, nhãn)", "trường")
        field_id = field_id.strip()
        if not _FIELD_ID.match(field_id) or field_id in render.GLOBAL_NAMES:
            raise InputError(
                f"mã trường '{field_id}' không hợp lệ: chỉ chữ thường không dấu, số và _ (ví dụ: {field_id_for(label)})",
                "trường",
            )
        out.append((text, field_id, label.strip() or field_id))
    ids = [f for _, f, _ in out]
    duplicated = sorted({f for f in ids if ids.count(f) > 1})
    if duplicated:
        raise InputError(f"một mã trường dùng cho hai đoạn khác nhau: {', '.join(duplicated)}", "trường")
    return out


def template_from_draft(
    draft: Draft,
    template_id: str,
    title: str,
    marked: Mapping[str, object],
    *,
    description: str = "",
) -> str:
    """The TOML text of a new template made from ``draft`` ("Lưu thành mẫu").

    ``marked`` maps each text the clerk marked to the field it becomes: a field id, or
    (field id, label). Each occurrence of the text becomes ``{{ field }}``; the fields the
    text then uses (found with :func:`ptdraft.templating.render.names_used`) are declared: the
    draft's own fields as they were, the marked ones as required text fields. The draft's
    values and the marked texts become the example, so the example renders the draft.
    """
    template_id = template_id.strip()
    if not _TEMPLATE_ID.match(template_id):
        raise InputError("mã mẫu chỉ gồm chữ thường không dấu, số và dấu '-' (ví dụ: cong-van-moi-hop)", "mã mẫu")
    if not title.strip():
        raise InputError("mẫu cần có tên", "tên mẫu")
    specs = _marked_fields(marked)
    content = draft.content
    fields: dict[str, Field] = {f.id: f for f in draft.fields}
    values = dict(draft.values)
    example: dict[str, object] = {}
    new_fields: dict[str, Field] = {}

    for text, field_id, label in sorted(specs, key=lambda s: -len(s[0])):
        existing = next((f for f in draft.fields if values.get(f.id) == text), None)
        if existing is not None:  # the whole value of a field: that field is the one meant
            fields[existing.id] = dataclasses.replace(existing, label=label)
            continue
        if field_id in fields:
            raise InputError(f"mã trường '{field_id}' đã có trong bản thảo ({fields[field_id].label})", "trường")
        # A text inside a plain text field's value: the value is written into the text first.
        for item in draft.fields:
            value = values.get(item.id)
            if (
                isinstance(value, str) and text in value
                and item.kind in (FieldKind.TEXT, FieldKind.MULTILINE, FieldKind.CHOICE)
            ):
                pattern = _simple_use(item.id)
                content = _map_texts(content, lambda s, p=pattern, v=value: p.sub(lambda _m: _literal(v), s))
        before = content
        content = _map_texts(content, lambda s, t=text, f=field_id: _replace_literal(s, t, "{{ " + f + " }}"))
        if content == before:
            raise InputError(f"không tìm thấy đoạn '{text}' trong văn bản", "trường")
        kind = FieldKind.MULTILINE if "\n" in text else FieldKind.TEXT
        new_fields[field_id] = Field(id=field_id, label=label, kind=kind, required=True)
        example[field_id] = text

    used: set[str] = set()
    for part, text in render.content_sources(content):
        used |= render.names_used(text, f"content.{part}")
    declared: list[Field] = [f for f in fields.values() if f.id in used]
    declared += [f for f in new_fields.values() if f.id in used]
    known = {f.id for f in declared}
    declared += [Field(id=name, label=name) for name in sorted(used - known)]
    for item in declared:
        if item.id in values and item.id not in example:
            example[item.id] = values[item.id]
    content = dataclasses.replace(content, number=None)

    content_data = content_to_dict(content)
    content_data.pop("number", None)
    for part in ("date_month", "date_year"):  # a blank-day date is one draft's, not the template's
        content_data.pop(part, None)
    if content_data.get("date"):
        content_data["date"] = "today"
    else:
        content_data.pop("date", None)
    data: dict[str, object] = {
        "id": template_id,
        "title": title.strip(),
        "doc_type": content.doc_type,
        "version": 1,
    }
    if description.strip():
        data["description"] = description.strip()
    data["approval"] = {"state": "draft"}
    data["fields"] = [field_to_dict(f) for f in declared]
    data["content"] = content_data
    data["example"] = {f.id: example[f.id] for f in declared if f.id in example}
    origin = f"Lưu thành mẫu từ bản thảo \"{draft.title}\"" if draft.title else "Lưu thành mẫu từ một bản thảo"
    text = template_text.dump(data, header=f"{origin}, ngày {_dt.date.today().isoformat()}.")
    check_source(text, f"mẫu '{template_id}' (từ bản thảo)")
    return text
