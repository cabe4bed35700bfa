"""Part of :mod:`ptdraft.api`: Vietnamese text hygiene and importing existing letters. No Qt here.

    findings = api.check_spelling(draft)        # TextFinding with .ref = "body", "requirements[4]", …
    text, encoding = api.convert_legacy(pasted)  # "TCVN3", "VNI" or None (already Unicode)
    usage = api.tone_styles(draft)              # which of "hoà"/"hòa" the draft uses
    draft, changed = api.with_tone_style(draft, ToneStyle.NEW)
    draft, report = api.import_file(Path("cong-van.txt"))
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, Callable

from ptdraft.templating import render
from ptdraft.importer import ImportReport
from ptdraft.model import SIGNATURE_TEXTS, Content, Draft, Item
from ptdraft.vietnamese import (
    FindingKind,
    StyleUsage,
    TextFinding,
    ToneStyle,
    check_text,
    convert_legacy,
    to_tone_style,
    tone_usage,
)

__all__ = [
    "FindingKind",
    "ImportReport",
    "StyleUsage",
    "TextFinding",
    "ToneStyle",
    "check_spelling",
    "check_text",
    "convert_legacy",
    "import_file",
    "import_text",
    "tone_styles",
    "with_tone_style",
]

# Parts that hold codes, not words.
_CODES = ("issuer_code", "unit_code", "type_code", "archive", "drafter_code")


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _masked(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each Jinja expression replaced by a run of capitals of the same length (read as an
    abbreviation, so never a finding), and the spans replaced."""
    spans = [(m.start(), m.end()) for m in _JINJA.finditer(text)]
    chars = list(text)
    for index, (start, end) in enumerate(spans):
        letter = "XZ"[index % 2]  # two neighbours never read as a doubled word
        for position in range(start, end):
            if chars[position] != "\n":
                chars[position] = letter
    return "".join(chars), spans


def _about_expression(finding: TextFinding, start: int, end: int) -> bool:
    """Whether a finding in masked text is about a template expression rather than the text around it: it
    overlaps the expression, or it is a missing space beside it (the expression may print one)."""
    if finding.start < end and start < finding.end:
        return True
    touching = finding.start <= end and start <= finding.end
    return touching and finding.kind is FindingKind.SPACING and not any(c.isspace() for c in finding.excerpt)


def check_spelling(draft: Draft) -> list[TextFinding]:
    """Spelling, spacing and capitalisation findings in every text the clerk or the template wrote.

    Each finding's ``ref`` names where that text is edited: a part of the content as the window's fields name it
    ("subject", "recipients[2]", "body", "requirements[4]", "signature.name"), with offsets into the part's text
    as written, template expressions left out; or a template field's value ("values.cuoc_hop",
    "values.thanh_phan[2]"), with offsets into the value. A word typed in a value is reported once, on the value,
    however many parts print it. Nothing here raises for the draft's text.
    """
    found: list[TextFinding] = []
    for ref, text in render.content_sources(draft.content):
        if not text.strip() or ref.split("[")[0] in _CODES:
            continue
        masked, spans = _masked(text)
        for finding in check_text(masked):
            if not any(_about_expression(finding, start, end) for start, end in spans):
                found.append(dataclasses.replace(finding, ref=ref, excerpt=text[finding.start:finding.end]))
    values = {f.id: f.default for f in draft.fields if f.default is not None} | dict(draft.values)
    for name, value in values.items():
        if isinstance(value, str):
            entries = [(f"values.{name}", value)]
        elif isinstance(value, list):
            entries = [(f"values.{name}[{n}]", v) for n, v in enumerate(value, start=1) if isinstance(v, str)]
        else:
            entries = []
        for ref, text in entries:
            if text.strip():
                found.extend(dataclasses.replace(f, ref=ref) for f in check_text(text))
    return found


def tone_styles(draft: Draft) -> StyleUsage:
    """Which tone-mark placement styles the draft's text and values use ("hoà, thuỷ" and/or "hòa, thủy")."""
    usage = StyleUsage()

    def count(text: str) -> str:
        nonlocal usage
        usage = usage + tone_usage(text)
        return text

    _map_draft(draft, count)
    return usage


def with_tone_style(draft: Draft, style: ToneStyle) -> tuple[Draft, int]:
    """The draft with every word of its text and values in ``style``, and how many words changed."""
    changed = 0

    def convert(text: str) -> str:
        nonlocal changed
        result, count = to_tone_style(text, style)
        changed += count
        return result

    return _map_draft(draft, convert), changed


def _map_draft(draft: Draft, fn: Callable[[str], str]) -> Draft:
    """The draft with ``fn`` applied to every string of its content and of its values."""

    def value(item):
        if isinstance(item, str):
            return fn(item)
        if isinstance(item, list):
            return [fn(v) if isinstance(v, str) else v for v in item]
        return item

    changes: dict[str, Any] = {}  # part name → its new value, of that part's type
    content = draft.content
    for part in dataclasses.fields(Content):
        current = getattr(content, part.name)
        if part.name in _CODES:
            continue
        if isinstance(current, str):
            changes[part.name] = fn(current)
        elif isinstance(current, tuple) and all(isinstance(v, str) for v in current):
            changes[part.name] = tuple(fn(v) for v in current)
    changes["requirements"] = tuple(Item(fn(i.text), tuple(fn(s) for s in i.subitems)) for i in content.requirements)
    sig = content.signature
    texts: dict[str, Any] = {name: fn(getattr(sig, name)) for name in SIGNATURE_TEXTS}
    changes["signature"] = dataclasses.replace(sig, **texts)
    values = {key: value(v) for key, v in draft.values.items()}
    return dataclasses.replace(draft, content=dataclasses.replace(content, **changes), values=values)


def import_file(path: Path) -> tuple[Draft, ImportReport]:
    """A draft from an existing letter (.txt copied out of a PDF, or .docx), and the report of what was recognised.

    Bad input (no such file, undecodable bytes, not a DOCX) is an InputError naming the file.
    """
    from ptdraft import importer

    return importer.import_file(Path(path))


def import_text(text: str) -> tuple[Draft, ImportReport]:
    """A draft from a letter's pasted text, and the report of what was recognised."""
    from ptdraft import importer

    return importer.import_text(text)
