"""Filling a draft's text with its values.

Text that holds only plain names (``{{ co_quan }}``) with text or whole-number values is filled here directly, as Jinja would fill
it, so most letters never load Jinja. Anything else (filters, loops, conditions, expressions, a name whose value is
not text, a name with no value) is rendered by Jinja2's sandbox in :mod:`ptdraft.templating.jinja_sandbox`, loaded on first
use: no attribute access to Python internals, no file access, bounded ranges, StrictUndefined (a missing value is
an error, never nothing), and a budget (:mod:`ptdraft.templating.render_limits`) that stops a draft which loops too long,
prints too much or asks for a huge value.
"""
from __future__ import annotations

import dataclasses
import re
from collections import OrderedDict
from typing import Any, Iterable, Mapping, cast

from ptdraft.templating import render_limits as limits
from ptdraft.reference.dates import as_date
from ptdraft.errors import TemplateError
from ptdraft.model import SIGNATURE_TEXTS, Annex, Content, Draft, Field, FieldKind, Item, Signature, Value
from ptdraft.text import normalise

GLOBAL_NAMES = frozenset({"range", "loop"})

# "{{ name }}" and nothing else of Jinja's: the pieces text with plain names splits into.
_PLAIN_NAME = re.compile(r"\{\{ *([A-Za-z_][A-Za-z0-9_]*) *\}\}")


_PLAIN_TYPES = (str, int)  # printed by Jinja as str() prints them (a bool, a date or a list goes to Jinja)


_LAST_SPLIT: list = [None, None]  # the last text split and its pieces (its names, then its fill, read them)


def _plain_pieces(source: str) -> list[str] | None:
    """A text whose only Jinja is "{{ name }}", split in one pass: literal text at even places, the names at odd
    ones; None for any other text."""
    if _LAST_SPLIT[0] is source:
        return _LAST_SPLIT[1]
    _LAST_SPLIT[0], _LAST_SPLIT[1] = source, _plain_pieces_of(source)
    return _LAST_SPLIT[1]


def _plain_pieces_of(source: str) -> list[str] | None:
    pieces = _PLAIN_NAME.split(source)
    if len(pieces) < 3 or "\r" in source or any("{" in literal for literal in pieces[0::2]):
        return None
    if any(name in GLOBAL_NAMES for name in pieces[1::2]):
        return None
    return pieces


def _plain_names(source: str) -> list[str] | None:
    """The names of a text whose only Jinja is "{{ name }}" (in order, repeated as written); None otherwise."""
    pieces = _plain_pieces(source)
    return None if pieces is None else pieces[1::2]


def _sandbox():
    from ptdraft.templating import jinja_sandbox

    return jinja_sandbox


def render_text(source: str, values: Mapping[str, object], where: str) -> str:
    """One piece of Jinja text rendered with ``values``; plain text comes back as it is."""
    if "{" not in source:
        return source
    pieces = _plain_pieces(source)
    if pieces is not None and all(type(values.get(name)) in _PLAIN_TYPES for name in pieces[1::2]):
        result = "".join(piece if index % 2 == 0 else str(values[piece]) for index, piece in enumerate(pieces))
        if source.endswith("\n"):
            result = result[:-1]  # Jinja drops one newline at the end of a template
        if len(result) > limits.MAX_OUTPUT:
            raise TemplateError(f"văn bản sinh ra quá dài (trên {limits.MAX_OUTPUT} ký tự)", where)
        return normalise(result)
    return _sandbox().render_text(source, values, where)


def names_used(source: str, where: str = "mẫu") -> frozenset[str]:
    """The names a piece of Jinja text reads, except the environment's own."""
    if "{" not in source:
        return frozenset()
    names = _plain_names(source)
    if names is not None:
        return frozenset(names)
    return _sandbox().names_used(source, where)


def check_statements(source: str, where: str = "mẫu") -> None:
    """Refuse text that asks to read another file ({% include %}, {% import %}, {% extends %})."""
    if "{%" not in source:
        return
    _sandbox().check_statements(source, where)


def jinja_values(
    fields: Iterable[Field], values: Mapping[str, Value], placeholders: bool = False
) -> dict[str, object]:
    """The values as Jinja sees them: dates as dates, absent optional values as empty.

    With ``placeholders``, a required value still missing shows as "[label]" (for the preview while typing).
    """
    result: dict[str, object] = {}
    for item in fields:
        value: object = values.get(item.id, item.default)
        if placeholders and _awaits_value(item, value):
            value = [f"[{item.label}]"] if item.kind is FieldKind.LIST else f"[{item.label}]"
        if value is None:
            value = [] if item.kind is FieldKind.LIST else ""
        if item.kind is FieldKind.DATE and isinstance(value, str) and value:
            value = as_date(value) or value
        result[item.id] = value
    for key, value in values.items():
        result.setdefault(key, value)
    return result


def _awaits_value(item: Field, value: object) -> bool:
    return item.required and value in (None, "", [])


def shows_placeholders(draft: Draft) -> bool:
    """Whether ``fill(draft, placeholders=True)`` shows a "[label]": some required value is still missing (else it
    is the same as the fill without placeholders)."""
    return any(_awaits_value(item, draft.values.get(item.id, item.default)) for item in draft.fields)


class _SizedCache:
    """A least-recently-used map bounded by the characters it holds (keys and values), not by its count,
    so a long body kept while the clerk types cannot grow it past ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.items: OrderedDict[object, tuple[object, int]] = OrderedDict()
        self.big: tuple[object, object] | None = None  # the last piece too big to share the map (a long body)

    def get(self, key: object) -> object | None:
        found = self.items.get(key)
        if found is None:
            if self.big is not None and self.big[0] == key:
                return self.big[1]
            return None
        self.items.move_to_end(key)
        return found[0]

    def put(self, key: object, value: object, chars: int) -> None:
        if chars > self.limit // 4:
            self.big = (key, value)  # one huge piece would push everything else out: it gets a place of its own
            return
        old = self.items.pop(key, None)
        if old is not None:
            self.size -= old[1]
        self.items[key] = (value, chars)
        self.size += chars
        while self.size > self.limit and self.items:
            _, (_, dropped) = self.items.popitem(last=False)
            self.size -= dropped


# Rendered pieces by (source, the values of the names it reads): a merge renders the parts that no row changes
# once, and the preview re-renders only the pieces whose text or values changed.
_RENDERED = _SizedCache(1_000_000)
_NAMES = _SizedCache(500_000)


def _names_of(source: str) -> frozenset[str] | None:
    """names_used, remembered; None when the text does not parse (render_text then reports the error)."""
    found = _NAMES.get(source)
    if found is None:
        try:
            found = names_used(source)
        except TemplateError:
            return None
        _NAMES.put(source, found, len(source))
    return found  # type: ignore[return-value]


def _frozen(value: object) -> object:
    """A hashable stand-in for a value Jinja sees (lists become tuples); TypeError when there is none."""
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    hash(value)
    return (type(value).__name__, value)


_SPLIT_AT = 20_000  # characters: a longer text of plain names is filled paragraph by paragraph


def _by_paragraph(source: str) -> list[str] | None:
    """A long text whose only Jinja is "{{ … }}" expressions that each stay inside one paragraph, split at its blank
    lines; None for any other text (a block, a comment, an expression across a blank line)."""
    if len(source) < _SPLIT_AT or "{%" in source or "{#" in source or "\r" in source:
        return None
    opened = source.count("{{")
    if opened == 0 or source.count("{") != 2 * opened or source.count("}}") != opened:
        return None
    text = source[:-1] if source.endswith("\n") else source  # the newline Jinja drops at the very end
    pieces = text.split("\n\n")
    if len(pieces) < 2:
        return None
    return pieces


_PIECES = _SizedCache(600_000)  # paragraphs of long texts, filled, by (paragraph, every value)


def _render_by_paragraph(source: str, pieces: list[str], values: Mapping[str, object], where: str) -> str:
    """The same text :func:`render_text` gives for the whole, each paragraph filled (and remembered) on its own: a
    keystroke in a long body fills one paragraph again and finds the others by their text. Filling plain names is
    local to each paragraph and NFC does not reach across a line break; Jinja drops one newline at the very end of
    the whole text (taken off before the split), and no paragraph loses one of its own (a paragraph ending in a
    newline is filled with one more, which the fill drops)."""
    try:
        signature = tuple((name, _frozen(value)) for name, value in sorted(values.items()))
    except TypeError:
        signature = None
    last = _LAST_LONG
    if signature is not None and last[0] is source and last[1] == signature:
        return last[2]  # the same text object with the same values: the preview's fill, then the problem list's
    out: list[str] = []
    for piece in pieces:
        key = (piece, signature)
        found = cast("str | None", _PIECES.get(key)) if signature is not None else None
        if found is None:
            if "{" in piece:
                if piece.count("{{") != piece.count("}}"):  # an expression across a blank line: the whole at once
                    return _render_whole(source, values, where)
                found = _render_whole(piece + "\n" if piece.endswith("\n") else piece, values, where)
            else:
                found = normalise(piece)
            if signature is not None:
                _PIECES.put(key, found, 2 * len(piece))
        out.append(found)
    result = "\n\n".join(out)
    if len(result) > limits.MAX_OUTPUT:
        raise TemplateError(f"văn bản sinh ra quá dài (trên {limits.MAX_OUTPUT} ký tự)", where)
    last[:] = [source, signature, result]
    return result


_LAST_LONG: list = [None, None, None]  # the last long text filled: its text, its values' signature, the result


def render_cached(source: str, values: Mapping[str, object], where: str) -> str:
    """:func:`render_text`, answered from memory when the same text was rendered with the same values it reads."""
    if "{" not in source:
        return source
    if _LAST_LONG[0] is source:  # the same long text object again (the problem list after the preview)
        try:
            if _LAST_LONG[1] == tuple((name, _frozen(value)) for name, value in sorted(values.items())):
                return _LAST_LONG[2]
        except TypeError:
            pass
    pieces = _by_paragraph(source)
    if pieces is not None and not any(isinstance(value, str) and "\r" in value for value in values.values()):
        # (a value with "\r" may end a paragraph with "\r" that, in the whole, joins the next "\n" as one line break)
        return _render_by_paragraph(source, pieces, values, where)
    return _render_whole(source, values, where)


def _render_whole(source: str, values: Mapping[str, object], where: str) -> str:
    """One piece of text filled in one go, remembered by its text and the values of the names it reads."""
    if "{" not in source:
        return source
    names = _names_of(source)
    if names is None:
        return render_text(source, values, where)
    try:
        key = (source, tuple((name, _frozen(values.get(name, _MISSING))) for name in sorted(names)))
    except TypeError:
        return render_text(source, values, where)
    found = _RENDERED.get(key)
    if found is not None:
        return found  # type: ignore[return-value]
    result = render_text(source, values, where)
    _RENDERED.put(key, result, len(source) + len(result))
    return result


_MISSING = "\x00ptdraft-missing"


class _Renderer:
    """Renders pieces of text; when ``errors`` is a list, a failing piece keeps its source and the error is kept."""

    def __init__(self, values: Mapping[str, object], errors: list[TemplateError] | None) -> None:
        self.values = values
        self.errors = errors

    def text(self, source: str, where: str) -> str:
        if self.errors is None:
            return render_cached(source, self.values, where)
        try:
            return render_cached(source, self.values, where)
        except TemplateError as exc:
            self.errors.append(exc)
            return source

    def many(self, items: tuple[str, ...], where: str) -> tuple[str, ...]:
        out: list[str] = []
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
    with limits.budget_scope():
        return _fill(draft, errors, placeholders)


def _fill(draft: Draft, errors: list[TemplateError] | None, placeholders: bool) -> Content:
    render = _Renderer(jinja_values(draft.fields, draft.values, placeholders), errors)
    content = draft.content
    changes: dict[str, Any] = {}  # part name → its filled value, of that part's type
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
    for key in ("signature", "cosigner"):
        sig = getattr(content, key)
        changes[key] = Signature(
            mode=sig.mode,
            **{name: render.text(getattr(sig, name), f"{key}.{name}") for name in SIGNATURE_TEXTS},
        )
    changes["annexes"] = tuple(
        Annex(render.text(annex.title, f"annexes[{n + 1}].title"), render.text(annex.body, f"annexes[{n + 1}].body"),
              render.text(annex.doc_type, f"annexes[{n + 1}].doc_type"))
        for n, annex in enumerate(content.annexes)
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
    for key in ("signature", "cosigner"):
        sig = getattr(content, key)
        sources.extend((f"{key}.{name}", getattr(sig, name)) for name in SIGNATURE_TEXTS)
    for n, annex in enumerate(content.annexes):
        sources.extend((f"annexes[{n + 1}].{name}", getattr(annex, name)) for name in ("title", "body", "doc_type"))
    return sources


def parts_using(content: Content, field_id: str) -> list[str]:
    """The parts of a content whose text uses a template field, in print order ("authority", "body", …)."""
    found = []
    for part, text in content_sources(content):
        try:
            if field_id in names_used(text):
                found.append(part)
        except TemplateError:
            continue
    return found
