"""Which template fields each part of a draft prints, and turning a part into free text or back.

A part ("authority", "recipients", "signature.name", "requirements") either takes its text from template
fields (its source holds ``{{ … }}`` or ``{% … %}``) or is plain text the clerk typed. The window shows a
field where the part that prints it is edited, and never the template code; what is missing is what the
printed page lacks: a required field that no part prints any more (its part was turned into free text) is
not missing. No Qt here (docs/decisions/0018-fields-where-they-print.md).
"""
from __future__ import annotations

from collections.abc import Callable

from typing import Any

from ptdraft.templating import render
from ptdraft.templating import templates
from ptdraft.errors import PtdraftError, TemplateError
from ptdraft.model import Content, Draft, Field, Item, Ref

_CODE = ("{{", "{%", "{#")


def has_code(text: str) -> bool:
    """Whether a piece of text is template code rather than plain text."""
    return any(mark in text for mark in _CODE)


def part_value(content: Content, part: str) -> object:
    """The value of a part named like "subject", "recipients", "signature.name" or "annexes[1].title"."""
    return Ref.parse(part).get(content)


def part_texts(content: Content, part: str) -> list[str]:
    """Every piece of text of a part (one for a text, each entry of a list, each item and sub-item)."""
    value = part_value(content, part)
    if isinstance(value, str):
        return [value]
    texts: list[str] = []
    for entry in value if isinstance(value, tuple) else ():
        if isinstance(entry, str):
            texts.append(entry)
        elif isinstance(entry, Item):
            texts.append(entry.text)
            texts.extend(entry.subitems)
    return texts


def from_fields(content: Content, part: str) -> bool:
    """Whether the part's text comes from template fields."""
    return any(has_code(text) for text in part_texts(content, part))


def _names(text: str) -> frozenset[str]:
    try:
        return render.names_used(text)
    except TemplateError:
        return frozenset()


def field_ids(content: Content, part: str) -> frozenset[str]:
    names: set[str] = set()
    for text in part_texts(content, part):
        names |= _names(text)
    return frozenset(names)


def fields_of(draft: Draft, part: str) -> tuple[Field, ...]:
    """The template fields a part prints, in the template's order."""
    used = field_ids(draft.content, part)
    return tuple(item for item in draft.fields if item.id in used)


def printed_ids(content: Content) -> frozenset[str]:
    """The ids of every field some part of the content prints."""
    names: set[str] = set()
    for _part, text in render.content_sources(content):
        names |= _names(text)
    return frozenset(names)


def missing_required(draft: Draft) -> list[Field]:
    """Required fields without a value that a part of the page prints (a field no part prints is not missing)."""
    printed = printed_ids(draft.content)
    return [item for item in templates.missing_required(draft.fields, draft.values) if item.id in printed]


def with_part(content: Content, part: str, value: Any) -> Content:
    """The content with one part replaced (an entry that is not there: unchanged)."""
    return Ref.parse(part).with_value(content, value)


def as_free_text(draft: Draft, part: str) -> Content:
    """The content with ``part`` written out as the text it prints now (no field left in it)."""
    errors: list[TemplateError] = []
    filled = render.fill(draft, errors=errors)
    return with_part(draft.content, part, part_value(filled, part))


def template_content(draft: Draft, lookup: Callable[[str, int], Any] | None = None) -> Content | None:
    """The content of the template the draft came from (its wording), or None when it cannot be found: a shipped
    template first, then ``lookup(id, version)`` (the office library's version), each only with the same version
    and, when both have one, the same SHA-256."""
    ref = draft.template
    if ref is None:
        return None

    def same(template) -> bool:
        found = getattr(template, "ref", None)
        return found is not None and found.version == ref.version and not (
            ref.sha256 and found.sha256 and found.sha256 != ref.sha256)

    try:
        shipped = templates.find_template(ref.id)
    except PtdraftError:
        shipped = None
    if shipped is not None and same(shipped):
        return shipped.content
    if lookup is not None:
        try:
            stored = lookup(ref.id, ref.version)
        except PtdraftError:
            stored = None
        if same(stored):
            return stored.content
    return None


def can_restore(draft: Draft, wording: Content | None, part: str) -> bool:
    """Whether "back to the template's wording" would change the part (the template's text differs)."""
    if wording is None:
        return False
    return part_value(wording, part) != part_value(draft.content, part)


def restored(draft: Draft, wording: Content, part: str) -> Content:
    """The content with ``part`` back to the template's wording."""
    return with_part(draft.content, part, part_value(wording, part))
