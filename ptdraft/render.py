"""Filling a draft's text with its values, in Jinja2's sandbox (the only module that imports jinja2).

The environment is sandboxed (no attribute access to Python internals, no file
access, bounded ranges) and uses StrictUndefined, so a template can never run
code, read files, or print a missing value as nothing.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import re
from typing import Iterable, Mapping

import jinja2
import jinja2.meta
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ptdraft import dates
from ptdraft.errors import TemplateError
from ptdraft.model import Content, Draft, Field, FieldKind, Item, Signature, Value
from ptdraft.text import normalise

MAX_OUTPUT = 200_000  # characters one piece of text may render to


def _filter_date(value: object) -> str:
    day = _as_date(value)
    return dates.date_words(day) if day else str(value)


def _filter_short_date(value: object) -> str:
    day = _as_date(value)
    return dates.short_date(day) if day else str(value)


def _filter_number(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return dates.number(value)
    return str(value)


def _as_date(value: object) -> _dt.date | None:
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@functools.cache
def _environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["ngay"] = _filter_date
    env.filters["ngay_ngan"] = _filter_short_date
    env.filters["so"] = _filter_number
    env.globals.clear()
    env.globals["range"] = range
    return env


GLOBAL_NAMES = frozenset({"range", "loop"})


def _describe(exc: Exception) -> str:
    text = str(exc)
    if isinstance(exc, jinja2.UndefinedError):
        attribute = re.search(r"has no attribute '([^']*)'", text)
        if attribute:
            return f"giá trị không có thuộc tính '{attribute.group(1)}'"
        name = text.split("'")[1] if text.count("'") >= 2 else text
        return f"dùng tên '{name}' mà mẫu không khai báo hoặc chưa có giá trị"
    return text


@functools.lru_cache(maxsize=512)
def _compile(source: str) -> jinja2.Template:
    return _environment().from_string(source)


def _check_syntax(source: str, where: str) -> jinja2.Template:
    try:
        return _compile(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"lỗi cú pháp Jinja ở dòng {exc.lineno} của phần này: {exc.message}", where) from None


def names_used(source: str, where: str = "mẫu") -> frozenset[str]:
    """The names a piece of Jinja text reads, except the environment's own."""
    if "{" not in source:
        return frozenset()
    try:
        ast = _environment().parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"lỗi cú pháp Jinja ở dòng {exc.lineno} của phần này: {exc.message}", where) from None
    return frozenset(jinja2.meta.find_undeclared_variables(ast)) - GLOBAL_NAMES


def render_text(source: str, values: Mapping[str, object], where: str) -> str:
    """One piece of Jinja text rendered with ``values``; plain text comes back as it is."""
    if "{" not in source:
        return source
    template = _check_syntax(source, where)
    try:
        result = template.render(values)
    except SecurityError:
        raise TemplateError("mẫu dùng một thao tác không được phép (truy cập nội bộ Python)", where) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(_describe(exc), where) from None
    except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, OverflowError, RecursionError) as exc:
        raise TemplateError(f"không tính được biểu thức trong mẫu: {exc}", where) from None
    if len(result) > MAX_OUTPUT:
        raise TemplateError(f"văn bản sinh ra quá dài (trên {MAX_OUTPUT} ký tự)", where)
    return normalise(result)


def jinja_values(
    fields: Iterable[Field], values: Mapping[str, Value], placeholders: bool = False
) -> dict[str, object]:
    """The values as Jinja sees them: dates as dates, absent optional values as empty.

    With ``placeholders``, a required value still missing shows as "[label]" (for the preview while typing).
    """
    result: dict[str, object] = {}
    for item in fields:
        value = values.get(item.id, item.default)
        if placeholders and item.required and value in (None, "", []):
            value = [f"[{item.label}]"] if item.kind is FieldKind.LIST else f"[{item.label}]"
        if value is None:
            value = [] if item.kind is FieldKind.LIST else ""
        if item.kind is FieldKind.DATE and isinstance(value, str) and value:
            value = _as_date(value) or value
        result[item.id] = value
    for key, value in values.items():
        result.setdefault(key, value)
    return result


class _Renderer:
    """Renders pieces of text; when ``errors`` is a list, a failing piece keeps its source and the error is kept."""

    def __init__(self, values: Mapping[str, object], errors: list[TemplateError] | None) -> None:
        self.values = values
        self.errors = errors

    def text(self, source: str, where: str) -> str:
        if self.errors is None:
            return render_text(source, self.values, where)
        try:
            return render_text(source, self.values, where)
        except TemplateError as exc:
            self.errors.append(exc)
            return source

    def many(self, items: tuple[str, ...], where: str) -> tuple[str, ...]:
        out = []
        for index, text in enumerate(items):
            rendered = self.text(text, f"{where}[{index + 1}]")
            # A list entry may expand to several lines (a Jinja loop): each becomes an entry.
            out.extend(line.strip() for line in rendered.split("\n") if line.strip())
        return tuple(out)


def fill(draft: Draft, errors: list[TemplateError] | None = None, placeholders: bool = False) -> Content:
    """The draft's content with every Jinja expression replaced by its value.

    By default the first error raises TemplateError. With an ``errors`` list, every
    error is appended to it and the failing piece keeps its source text (the
    preview keeps showing the page while the clerk types).
    """
    render = _Renderer(jinja_values(draft.fields, draft.values, placeholders), errors)
    content = draft.content
    changes: dict[str, object] = {}
    for part in dataclasses.fields(Content):
        value = getattr(content, part.name)
        if isinstance(value, str):
            changes[part.name] = render.text(value, part.name)
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            changes[part.name] = render.many(value, part.name)
    changes["requirements"] = tuple(
        Item(
            render.text(item.text, f"requirements[{n + 1}]"),
            render.many(item.subitems, f"requirements[{n + 1}].subitems"),
        )
        for n, item in enumerate(content.requirements)
    )
    sig = content.signature
    changes["signature"] = Signature(
        mode=sig.mode,
        **{name: render.text(getattr(sig, name), f"signature.{name}") for name in ("collective", "head_title", "position", "name")},
    )
    return dataclasses.replace(content, **changes)


def content_sources(content: Content) -> list[tuple[str, str]]:
    """Every piece of text in a content with the name of its part, for checking names used."""
    sources: list[tuple[str, str]] = []
    for part in dataclasses.fields(Content):
        value = getattr(content, part.name)
        if isinstance(value, str):
            sources.append((part.name, value))
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            sources.extend((f"{part.name}[{i + 1}]", v) for i, v in enumerate(value))
    for n, item in enumerate(content.requirements):
        sources.append((f"requirements[{n + 1}]", item.text))
        sources.extend((f"requirements[{n + 1}].subitems[{i + 1}]", s) for i, s in enumerate(item.subitems))
    sig = content.signature
    sources.extend((f"signature.{name}", getattr(sig, name)) for name in ("collective", "head_title", "position", "name"))
    return sources
