"""The small interface the window and the command line use. No Qt here, ever.

    template = api.get_template("cong-van-chung")
    draft = api.new_draft(template, {"tinh": "Quảng Trị"})
    api.export_docx(draft, Path("letter.docx"))
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from ptdraft import render, store, templates
from ptdraft.errors import InputError, PtdraftError
from ptdraft.model import Content, Draft, Value
from ptdraft.templates import Template

if TYPE_CHECKING:  # the layout engine loads on first use (the window shows its first frame without it)
    from ptdraft.layout import Layout

__all__ = [
    "PtdraftError",
    "Template",
    "Draft",
    "Layout",
    "list_templates",
    "get_template",
    "new_draft",
    "office_profile_for_drafts",
    "example_draft",
    "with_values",
    "blank_draft",
    "load_draft",
    "save_draft",
    "fill",
    "layout_draft",
    "preview",
    "preview_layout",
    "printed",
    "document_types",
    "parts_using",
    "snippets",
    "insert_snippet",
    "find_problems",
    "draft_mark_for",
    "with_draft_mark",
    "check_draft",
    "check_docx",
    "docx_bytes",
    "export_docx",
    "export_docx_files",
    "missing_fields",
]


def _layout(content: Content, **kwargs) -> Layout:
    from ptdraft.layout import layout

    return layout(content, **kwargs)


def with_draft_mark(result: Layout, text: str | None) -> Layout:
    """The layout marked as a draft with ``text`` (None: unmarked); see :func:`ptdraft.layout.with_draft_mark`."""
    from ptdraft.layout import with_draft_mark as marked

    return marked(result, text)


def list_templates() -> list[Template]:
    """The shipped templates, approved first."""
    return templates.shipped_templates()


def get_template(name: str) -> Template:
    """A template by id or by path to its .toml file."""
    return templates.find_template(name)


def new_draft(template: Template, values: Mapping[str, Value] | None = None, *,
              profile: Mapping[str, str] | None = None) -> Draft:
    """A draft from the template's defaults with ``values`` over them. With the office ``profile``
    (:func:`office_profile_for_drafts`), the fields it can fill start from it (:mod:`ptdraft.office_defaults`)."""
    given = dict(values or {})
    if profile:
        from ptdraft import office_defaults
        from ptdraft.model import FieldKind

        text_fields = [f.id for f in template.fields if f.kind in (FieldKind.TEXT, FieldKind.MULTILINE)]
        defaults = office_defaults.draft_defaults(profile, text_fields, template.content.signature.mode)
        given = {**defaults, **given}
    return templates.new_draft(template, given)


def office_profile_for_drafts(db=None) -> dict[str, str]:
    """The office profile new drafts start from, or {} when there is none yet or the database cannot be used
    (a new draft never fails for want of the profile, and never creates the database)."""
    from ptdraft import storage

    location = storage.resolve(db)
    if not storage.is_url(location) and not Path(location).expanduser().is_file():
        return {}
    try:
        from ptdraft.api_library import office_profile

        return office_profile(db=db)
    except PtdraftError:
        return {}


def example_draft(template: Template) -> Draft:
    """A draft filled with the template's own example values."""
    return templates.new_draft(template, template.example, where=f"{template.id} [example]")


def with_values(draft: Draft, values: Mapping[str, Value]) -> Draft:
    """The draft with new field values, cleaned and checked against its fields."""
    cleaned = store.clean_strings(dict(values), "giá trị")
    return dataclasses.replace(draft, values=templates.resolve_values(draft.fields, cleaned, "giá trị"))


def blank_draft() -> Draft:
    """"Văn bản trống": an empty công văn dated today, closed with "Trân trọng./."."""
    import datetime as _dt

    from ptdraft.model import Content

    return Draft(content=Content(doc_type="Công văn", date=_dt.date.today(), close="Trân trọng./."), title="Công văn")


def load_draft(path: Path) -> Draft:
    """A saved draft; its values are checked against its own fields like values typed in."""
    draft = store.load_draft(Path(path))
    return dataclasses.replace(draft, values=templates.resolve_values(draft.fields, draft.values, str(path)))


def save_draft(draft: Draft, path: Path) -> Path:
    """Write the draft atomically; returns the path written (see :func:`ptdraft.store.write_atomic`)."""
    return store.save_draft(draft, Path(path))


def missing_fields(draft: Draft) -> list[str]:
    """Labels of required fields that have no value and that a part of the page prints."""
    from ptdraft import part_fields

    return [f"{f.label} ({f.id})" for f in part_fields.missing_required(draft)]


def fill(draft: Draft, *, strict: bool = True) -> Content:
    """The draft's content with its values filled in; ``strict`` refuses missing required fields."""
    if strict:
        missing = missing_fields(draft)
        if missing:
            raise InputError("thiếu giá trị bắt buộc: " + "; ".join(missing), "giá trị")
    return render.fill(draft)


def layout_draft(draft: Draft, *, strict: bool = True, draft_mark: str | None = None) -> Layout:
    """The layout of the draft; ``draft_mark`` ("DỰ THẢO", or a name such as "DỰ THẢO LẦN 2") boxes those words
    at the top left of the first page (:func:`draft_mark_for`)."""
    result = _layout(fill(draft, strict=strict), title=draft.title, author=draft.author)
    return with_draft_mark(result, draft_mark) if draft_mark is not None else result


def preview_layout(draft: Draft) -> tuple[Layout, list[PtdraftError]]:
    """The layout while the clerk types: never raises for the draft's text.

    A piece of text whose Jinja fails keeps its source; a required value still
    missing shows as "[label]". The errors come back beside the layout.
    """
    _content, result, errors = preview(draft)
    return result, errors


def preview(draft: Draft) -> tuple[Content, Layout, list[PtdraftError]]:
    """The filled content and its layout while the clerk types (see :func:`preview_layout`)."""
    errors: list = []
    content = render.fill(draft, errors=errors, placeholders=True)
    return content, _layout(content, title=draft.title, author=draft.author), errors


def printed(content: Content) -> dict[str, object]:
    """How some parts will print, for the form to show beside the fields."""
    from ptdraft import layout as lay
    from ptdraft.dates import place_date

    sig = content.signature
    return {
        "number": lay.number_line(content),
        "place_date": place_date(content.place.strip(), content.date),
        "signature": [line.upper() for line in sig.authority_lines()] + ([sig.name] if sig.name else []),
        "distribution": [f"- {e}" for e in lay.distribution_entries(content)],
    }


def parts_using(draft: Draft, field_id: str) -> list[str]:
    """The parts of the draft whose text prints a template field ("authority", "body", …), in print order."""
    return render.parts_using(draft.content, field_id)


def snippets(kind: str | None = None, *, profile: Mapping[str, str] | None = None) -> tuple:
    """The approved snippets (:mod:`ptdraft.snippets`): shipped ones, then the office's Nơi nhận groups."""
    from ptdraft import snippets as _snippets

    return _snippets.available(profile, kind)


def insert_snippet(draft: Draft, snippet) -> Draft:
    """The draft with ``snippet`` inserted where it prints: into the template field that feeds its part (a list
    gets its lines as entries, the body a new paragraph, a one-line field the text), or into the part itself
    when no field feeds it. Entries already there are not added twice."""
    from ptdraft.model import FieldKind, ref_within

    part = snippet.part
    feeding = [f for f in draft.fields
               if any(ref_within(ref, part) for ref in render.parts_using(draft.content, f.id))]
    if feeding:
        target = feeding[0]
        current = draft.values.get(target.id)
        if target.kind is FieldKind.LIST:
            entries = [e for e in (current or []) if str(e).strip()]
            entries += [line for line in snippet.lines if line not in entries]
            return with_values(draft, {**draft.values, target.id: entries})
        if target.kind is FieldKind.MULTILINE:
            text = str(current or "").rstrip()
            joined = f"{text}\n\n{snippet.text}" if text else snippet.text
            return with_values(draft, {**draft.values, target.id: joined})
        return with_values(draft, {**draft.values, target.id: snippet.text})
    content = draft.content
    if part in ("legal_bases", "distribution"):
        entries = [e for e in getattr(content, part) if e.strip()]
        entries += [line for line in snippet.lines if line not in entries]
        content = dataclasses.replace(content, **{part: tuple(entries)})
    elif part == "body":
        text = content.body.rstrip()
        content = dataclasses.replace(content, body=f"{text}\n\n{snippet.text}" if text else snippet.text)
    else:
        content = dataclasses.replace(content, **{part: snippet.text})
    return dataclasses.replace(draft, content=content)


def document_types() -> tuple[str, ...]:
    """The document types of Điều 7, Công văn first."""
    from ptdraft import doctypes

    return doctypes.ALL_TYPES


def find_problems(draft: Draft) -> list:
    """What is missing or wrong (ptdraft.problems.Problem), each with the part of the draft it belongs to."""
    from ptdraft import problems

    return problems.find(draft)


def draft_mark_for(draft: Draft, problems: list | None = None) -> str | None:
    """"DỰ THẢO" when the draft still has problems (:func:`find_problems`, the list the window shows before export),
    else None: what the window prints on a document exported, printed or previewed in that state, so that an
    incomplete letter cannot pass for a finished one (docs/decisions/0017-du-thao.md)."""
    from ptdraft import rules

    found = find_problems(draft) if problems is None else problems
    return rules.DRAFT_MARK if found else None


def proposed_file_name(draft: Draft, suffix: str) -> str:
    """The file name proposed for the draft's DOCX, PDF or draft file (:mod:`ptdraft.file_names`)."""
    from ptdraft.file_names import proposed_name

    return proposed_name(render.fill(draft, errors=[]), suffix)  # never fails: a broken piece keeps its source


def check_draft(draft: Draft) -> list:
    """Format findings (checker.Finding) of the draft's DOCX, each with ``ref`` naming the draft part; never raises
    for the draft's text."""
    from ptdraft import checker

    return checker.check_draft(draft)


def check_docx(path: Path) -> list:
    """Format findings (checker.Finding) of any DOCX file; a missing or broken file is an InputError naming it."""
    from ptdraft import checker

    return checker.check_docx(Path(path))


def docx_bytes(draft: Draft, *, strict: bool = True, draft_mark: str | None = None) -> bytes:
    from ptdraft import docx_writer

    return docx_writer.to_bytes(layout_draft(draft, strict=strict, draft_mark=draft_mark))


def export_docx(draft: Draft, path: Path, *, strict: bool = True, draft_mark: str | None = None) -> Path:
    """Write the DOCX of ``draft`` to ``path`` atomically (the old file stays intact on any error); returns the
    path written, another name beside it when the file is held by Word and the program chose so
    (:func:`ptdraft.store.save_elsewhere_when_held`). ``draft_mark`` as in :func:`layout_draft`."""
    from ptdraft import docx_writer

    return docx_writer.write(layout_draft(draft, strict=strict, draft_mark=draft_mark), Path(path))


def export_docx_files(draft: Draft, path: Path, *, strict: bool = True, draft_mark: str | None = None) -> list[Path]:
    """Write the DOCX of ``draft`` to ``path`` and each of its appendices (Phụ lục, Mẫu 2.1/2.2) to a file of its
    own beside it, "van-ban-phu-luc-I.docx" (:mod:`ptdraft.annex_files`); returns the paths written, the document's
    first. Every file is made and every target checked before any is written; each is written atomically. With
    ``draft_mark``, each file carries the mark on its first page (an appendix may travel alone)."""
    from ptdraft import annex_files, docx_writer

    content = fill(draft, strict=strict)
    whole = _layout(content, title=draft.title, author=draft.author)
    if draft_mark is not None:
        whole = with_draft_mark(whole, draft_mark)
    main, appendices = annex_files.split(whole, content)
    targets = [Path(path)] + [annex_files.file_name(Path(path), item.heading) for item in appendices]
    for target in targets:
        store.check_output(target)
    data = [docx_writer.to_bytes(item) for item in (main, *(a.layout for a in appendices))]
    return [store.write_atomic(target, item) for target, item in zip(targets, data)]


# The template library and the outgoing register (ptdraft/api_library.py) and Vietnamese text hygiene and importing
# letters (ptdraft/api_text.py) are part of this interface too. They are loaded on first use, so that rendering a
# letter does not pay for the database, the importer and the spelling check.
_PARTS = ("ptdraft.api_library", "ptdraft.api_text", "ptdraft.api_copies")


def _names_of(module_name: str) -> frozenset[str]:
    """The ``__all__`` of a part, read from its source without importing it (importing the register to find the
    importer's functions would cost every ``ptdraft import`` the database code)."""
    import ast
    import importlib.util

    spec = importlib.util.find_spec(module_name)
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return frozenset(ast.literal_eval(node.value))
    return frozenset()


def __getattr__(name: str):
    import importlib

    if name == "Layout":
        from ptdraft.layout import Layout

        globals()[name] = Layout
        return Layout
    for module_name in _PARTS:
        if name in _PART_NAMES.setdefault(module_name, _names_of(module_name)):
            value = getattr(importlib.import_module(module_name), name)
            globals()[name] = value
            return value
    raise AttributeError(f"module 'ptdraft.api' has no attribute {name!r}")


_PART_NAMES: dict[str, frozenset[str]] = {}


def __dir__() -> list[str]:
    import importlib

    names = set(globals())
    for module_name in _PARTS:
        names.update(importlib.import_module(module_name).__all__)
    return sorted(names)
