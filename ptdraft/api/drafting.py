"""Part of :mod:`ptdraft.api`: drafting: templates, drafts, filling, layout, problems, DOCX. Always loaded.

    template = api.get_template("cong-van-chung")
    draft = api.new_draft(template, {"tinh": "Quảng Trị"})
    api.export_docx(draft, Path("letter.docx"))

The features below the interface (merge, the hand-off package, the PDF to sign) use these functions from here,
not through :mod:`ptdraft.api`, whose other parts sit above them.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Mapping

from ptdraft.templating import render
from ptdraft.files import disk
from ptdraft.files import drafts
from ptdraft.templating import templates
from ptdraft.errors import PtdraftError
from ptdraft.model import Content, Draft, Value
from ptdraft.pipeline import (
    docx_bytes, fill, lay_out, layout_draft, missing_fields, preview, preview_layout, with_draft_mark,
)
from ptdraft.templating.templates import Template

__all__ = [
    "PtdraftError",
    "Template",
    "Draft",
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
    "proposed_file_name",
]


def list_templates() -> list[Template]:
    """The shipped templates, approved first."""
    return templates.shipped_templates()


def get_template(name: str) -> Template:
    """A template by id or by path to its .toml file."""
    return templates.find_template(name)


def new_draft(template: Template, values: Mapping[str, Value] | None = None, *,
              profile: Mapping[str, str] | None = None) -> Draft:
    """A draft from the template's defaults with ``values`` over them. With the office ``profile``
    (:func:`office_profile_for_drafts`), the fields it can fill start from it (:mod:`ptdraft.office.office_defaults`)."""
    given = dict(values or {})
    if profile:
        from ptdraft.office import office_defaults
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
        with storage.open_storage(db) as opened:
            return opened.profile()
    except PtdraftError:
        return {}


def example_draft(template: Template) -> Draft:
    """A draft filled with the template's own example values."""
    return templates.new_draft(template, template.example, where=f"{template.id} [example]")


def with_values(draft: Draft, values: Mapping[str, Value]) -> Draft:
    """The draft with new field values, cleaned and checked against its fields."""
    cleaned = drafts.clean_strings(dict(values), "giá trị")
    return dataclasses.replace(draft, values=templates.resolve_values(draft.fields, cleaned, "giá trị"))


def blank_draft() -> Draft:
    """"Văn bản trống": an empty công văn dated today, closed with "Trân trọng./."."""
    import datetime as _dt

    from ptdraft.model import Content

    return Draft(content=Content(doc_type="Công văn", date=_dt.date.today(), close="Trân trọng./."), title="Công văn")


def load_draft(path: Path) -> Draft:
    """A saved draft; its values are checked against its own fields like values typed in."""
    draft = drafts.load_draft(Path(path))
    return dataclasses.replace(draft, values=templates.resolve_values(draft.fields, draft.values, str(path)))


def save_draft(draft: Draft, path: Path) -> Path:
    """Write the draft atomically; returns the path written (see :func:`ptdraft.files.disk.write_atomic`)."""
    return drafts.save_draft(draft, Path(path))


def printed(content: Content) -> dict[str, object]:
    """How some parts will print, for the form to show beside the fields."""
    from ptdraft import layout as lay
    from ptdraft.reference.dates import place_date

    sig = content.signature
    return {
        "number": lay.number_line(content),
        "place_date": place_date(content.place.strip(), content.date, content.date_month, content.date_year),
        "signature": [line.upper() for line in sig.authority_lines()] + ([sig.name] if sig.name else []),
        "distribution": [f"- {e}" for e in lay.distribution_entries(content)],
    }


def parts_using(draft: Draft, field_id: str) -> list[str]:
    """The parts of the draft whose text prints a template field ("authority", "body", …), in print order."""
    return render.parts_using(draft.content, field_id)


def snippets(kind: str | None = None, *, profile: Mapping[str, str] | None = None) -> tuple:
    """The approved snippets (:mod:`ptdraft.office.snippets`): shipped ones, then the office's Nơi nhận groups."""
    from ptdraft.office import snippets as _snippets

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
            entries = [e for e in (current if isinstance(current, list) else []) if str(e).strip()]
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
        lines: dict[str, Any] = {part: tuple(entries)}
        content = dataclasses.replace(content, **lines)
    elif part == "body":
        text = content.body.rstrip()
        content = dataclasses.replace(content, body=f"{text}\n\n{snippet.text}" if text else snippet.text)
    else:
        content = dataclasses.replace(content, **{part: snippet.text})
    return dataclasses.replace(draft, content=content)


def document_types() -> tuple[str, ...]:
    """The document types of Điều 7, Công văn first."""
    from ptdraft.reference import doctypes

    return doctypes.ALL_TYPES


def find_problems(draft: Draft, preview: tuple[Content, list] | None = None) -> list:
    """What is missing or wrong (ptdraft.problems.Problem), each with the part of the draft it belongs to;
    ``preview``: the content and errors :func:`preview` gave for this draft, so it is not filled a second time."""
    from ptdraft import problems

    return problems.find(draft, preview)


def draft_mark_for(draft: Draft, problems: list | None = None) -> str | None:
    """"DỰ THẢO" when the draft still has problems (:func:`find_problems`, the list the window shows before export),
    else None: what the window prints on a document exported, printed or previewed in that state, so that an
    incomplete letter cannot pass for a finished one (docs/decisions/0017-du-thao.md)."""
    from ptdraft import rules

    found = find_problems(draft) if problems is None else problems
    return rules.DRAFT_MARK if found else None


def proposed_file_name(draft: Draft, suffix: str) -> str:
    """The file name proposed for the draft's DOCX, PDF or draft file (:mod:`ptdraft.outputs.file_names`)."""
    from ptdraft.outputs.file_names import proposed_name

    return proposed_name(render.fill(draft, errors=[]), suffix)  # never fails: a broken piece keeps its source


def check_draft(draft: Draft) -> list:
    """Format findings (checker.Finding) of the draft's DOCX, each with ``ref`` naming the draft part; never raises
    for the draft's text."""
    from ptdraft import docx_writer
    from ptdraft.checker.draft import check_written

    laid_out, _errors = preview_layout(draft)  # lenient: a draft still being typed never raises
    return check_written(draft, laid_out, docx_writer.to_bytes(laid_out))


def check_docx(path: Path) -> list:
    """Format findings (checker.Finding) of any DOCX file; a missing or broken file is an InputError naming it."""
    from ptdraft import checker

    return checker.check_docx(Path(path))


def export_docx(draft: Draft, path: Path, *, strict: bool = True, draft_mark: str | None = None) -> Path:
    """Write the DOCX of ``draft`` to ``path`` atomically (the old file stays intact on any error); returns the
    path written, another name beside it when the file is held by Word and the program chose so
    (:func:`ptdraft.files.held_files.save_elsewhere_when_held`). ``draft_mark`` as in :func:`layout_draft`."""
    from ptdraft import docx_writer

    return docx_writer.write(layout_draft(draft, strict=strict, draft_mark=draft_mark), Path(path))


def export_docx_files(draft: Draft, path: Path, *, strict: bool = True, draft_mark: str | None = None) -> list[Path]:
    """Write the DOCX of ``draft`` to ``path`` and each of its appendices (Phụ lục, Mẫu 2.1/2.2) to a file of its
    own beside it, "van-ban-phu-luc-I.docx" (:mod:`ptdraft.outputs.annex_files`); returns the paths written, the document's
    first. Every file is made and every target checked before any is written; each is written atomically. With
    ``draft_mark``, each file carries the mark on its first page (an appendix may travel alone)."""
    from ptdraft import docx_writer
    from ptdraft.outputs import annex_files

    content = fill(draft, strict=strict)
    whole = lay_out(content, title=draft.title, author=draft.author)
    if draft_mark is not None:
        whole = with_draft_mark(whole, draft_mark)
    main, appendices = annex_files.split(whole, content)
    targets = [Path(path)] + [annex_files.file_name(Path(path), item.heading) for item in appendices]
    for target in targets:
        disk.check_output(target)
    data = [docx_writer.to_bytes(item) for item in (main, *(a.layout for a in appendices))]
    return [disk.write_atomic(target, item) for target, item in zip(targets, data)]
