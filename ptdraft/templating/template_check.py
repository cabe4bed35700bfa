"""A template text checked before it enters the library or is used from outside.

:func:`check_source` parses the text, refuses statements that read files, optionally renders the example in a child
process with a time and memory limit, renders it in the sandbox and lays it out. The library, save-as-template and
the sandbox's child process all check through it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ptdraft.templating import render
from ptdraft.errors import PtdraftError, TemplateError
from ptdraft.layout import layout, number_line
from ptdraft.model import Content
from ptdraft.templating.templates import APPROVAL_LABELS, Template, new_draft, parse_template


@dataclass(frozen=True)
class TemplateCheck:
    """A template text that passed every check, and what it contains, one line each."""

    template: Template
    summary: tuple[str, ...]


def check_source(source: str, where: str, *, isolated: bool = False) -> TemplateCheck:
    """Parse, check and render a template text with its example values in the sandbox.

    With ``isolated``, the example is first rendered in a child process with a time and
    memory limit (:mod:`ptdraft.templating.sandbox_check`), for files that come from outside.
    """
    template = parse_template(source, where)
    for part, text in render.content_sources(template.content):
        render.check_statements(text, f"{where}: content.{part}")
    if isolated:
        from ptdraft.templating import sandbox_check

        sandbox_check.check_in_child(source, where)
    draft = new_draft(template, template.example, where=f"{where} [example]")
    try:
        content = render.fill(draft, placeholders=True)
    except TemplateError as exc:
        raise TemplateError(f"dựng thử với giá trị ví dụ: {exc.message}", f"{where}: content.{exc.where}") from None
    try:
        layout(content, title=template.title)
    except PtdraftError:
        raise
    except Exception as exc:  # noqa: BLE001 - a template must never break the layout
        raise TemplateError(f"không trình bày được văn bản từ ví dụ của mẫu ({exc})", where) from None
    return TemplateCheck(template, _summary(template, content))


def _summary(template: Template, content: Content) -> tuple[str, ...]:
    approval = template.approval
    state = APPROVAL_LABELS.get(approval.state, approval.state)
    if approval.by:
        state += f", bởi {approval.by}"
    if approval.at:
        state += f", ngày {approval.at.isoformat()}"
    lines = [
        f"Mẫu: {template.title} (mã {template.id}, phiên bản {template.version} trong tệp)",
        f"Loại văn bản: {template.doc_type}; {number_line(content)}",
    ]
    if template.description:
        lines.append(f"Mô tả: {template.description}")
    lines.append(f"Trạng thái ghi trong tệp: {state}")
    lines.append(f"Các trường ({len(template.fields)}):")
    for item in template.fields:
        flag = "bắt buộc" if item.required else "không bắt buộc"
        lines.append(f"  - {item.id}: {item.label} [{item.kind.value}, {flag}]")
    subject = content.subject.strip() or "(không có trích yếu)"
    lines.append(f"Dựng thử với giá trị ví dụ: được; trích yếu: {subject}")
    lines.append(f"SHA-256 của tệp: {template.sha256}")
    return tuple(lines)
