"""From a draft to what prints: its filled content, its layout, its DOCX bytes. No Qt, no database.

The one way every output goes (the window's preview and export, the command line, the merge, the PDF to sign,
the hand-off package): :mod:`ptdraft.templating.render` fills the template's text, :mod:`ptdraft.layout` applies the decree,
:mod:`ptdraft.docx_writer` writes the file. ``strict`` refuses a draft whose required values are missing;
the preview is lenient and never raises for the draft's text. :mod:`ptdraft.api` hands these on.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ptdraft.templating import render
from ptdraft.errors import InputError, PtdraftError
from ptdraft.model import Content, Draft

if TYPE_CHECKING:  # the layout engine loads on first use: the window shows its first frame without it
    from ptdraft.layout import Layout


def lay_out(content: Content, *, title: str = "", author: str = "") -> Layout:
    """The layout of filled ``content`` (:func:`ptdraft.layout.layout`, imported on first use)."""
    from ptdraft.layout import layout

    return layout(content, title=title, author=author)


def with_draft_mark(result: Layout, text: str | None) -> Layout:
    """The layout marked as a draft with ``text`` (None: unmarked); see :func:`ptdraft.layout.with_draft_mark`."""
    from ptdraft.layout import with_draft_mark as marked

    return marked(result, text)


def missing_fields(draft: Draft) -> list[str]:
    """Labels of required fields that have no value and that a part of the page prints."""
    from ptdraft.templating import part_fields

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
    at the top left of the first page (:func:`ptdraft.api.draft_mark_for`)."""
    result = lay_out(fill(draft, strict=strict), title=draft.title, author=draft.author)
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
    return content, lay_out(content, title=draft.title, author=draft.author), errors


def docx_bytes(draft: Draft, *, strict: bool = True, draft_mark: str | None = None) -> bytes:
    """The DOCX file of the draft, in memory (:func:`layout_draft`, then :func:`ptdraft.docx_writer.to_bytes`)."""
    from ptdraft import docx_writer

    return docx_writer.to_bytes(layout_draft(draft, strict=strict, draft_mark=draft_mark))
