"""Golden files: each shipped template's example as a readable layout dump and a pretty-printed document.xml.

A change in the output shows as a unified diff. When the change is intended, regenerate with

    PTDRAFT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and review the diff of tests/golden/ before committing it.
"""
from __future__ import annotations

import difflib
import os

import pytest
from lxml import etree

from ptdraft import api, docx_writer
from ptdraft.layout import Layout, Para, Rule, SectionBreak, Table
from tests.support import GOLDEN_DIR, template_example

UPDATE = os.environ.get("PTDRAFT_UPDATE_GOLDEN") == "1"
TEMPLATE_IDS = [t.id for t in api.list_templates()]


def _style_text(style) -> str:
    parts = [f"{style.size:g}pt"]
    for flag in ("bold", "italic", "upper", "keep_next", "keep_lines"):
        if getattr(style, flag):
            parts.append(flag)
    parts.append(style.align.name.lower())
    for name in ("first_indent", "left_indent", "right_indent", "space_before", "space_after", "exact_height"):
        value = getattr(style, name)
        if value:
            parts.append(f"{name}={value}")
    if style.line != 1.0:
        parts.append(f"line={style.line:g}")
    if style.color:
        parts.append(f"color={style.color}")
    return " ".join(parts)


def _para_text(para: Para) -> str:
    out = []
    for run in para.runs:
        text = run.text
        if run.bold is not None and run.bold != para.style.bold:
            text = f"[b={int(run.bold)}]{text}[/b]"
        if run.italic is not None and run.italic != para.style.italic:
            text = f"[i={int(run.italic)}]{text}[/i]"
        out.append(text)
    return "".join(out).replace("\u00a0", "·")


def _block_lines(block, indent: str) -> list[str]:
    if isinstance(block, Para):
        extra = "".join(f" {flag}" for flag in ("frame", "top_rule") if getattr(block, flag))
        return [f"{indent}{block.element.name} [{_style_text(block.style)}{extra}] {_para_text(block)}"]
    if isinstance(block, Rule):
        return [f"{indent}RULE width={block.width} container={block.container} indent={block.indent}"]
    if isinstance(block, SectionBreak):
        return [f"{indent}SECTION_BREAK {block.ref}"]
    assert isinstance(block, Table), block
    lines = [
        f"{indent}TABLE {block.name} widths={','.join(map(str, block.widths))}"
        f" keep_together={block.keep_together} space_before={block.space_before}"
    ]
    for r, row in enumerate(block.rows, start=1):
        for c, cell in enumerate(row.cells, start=1):
            lines.append(f"{indent}  row {r} cell {c} width={cell.width}")
            for inner in cell.blocks:
                lines.extend(_block_lines(inner, indent + "    "))
    return lines


def dump_layout(layout: Layout) -> str:
    """One line per block: element, style numbers, text; tables nest their rows and cells."""
    page = layout.page
    lines = [
        f"PAGE {page.width}x{page.height} top={page.top} bottom={page.bottom} left={page.left} right={page.right}"
        f" header={page.header} footer={page.footer} font={layout.font}",
        f"TITLE {layout.title}",
        f"AUTHOR {layout.author}",
        f"PAGE_NUMBER [{_style_text(layout.page_number)}]",
    ]
    for block in layout.blocks:
        lines.extend(_block_lines(block, ""))
    for para in layout.first_footer:
        lines.extend(_block_lines(para, "FIRST_FOOTER "))
    return "\n".join(lines) + "\n"


def pretty_xml(data: bytes) -> str:
    root = etree.fromstring(data)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def _compare(path, actual: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"no golden file {path.name}; create it with PTDRAFT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"golden/{path.name}",
                tofile="actual",
            )
        )
        pytest.fail(
            f"output differs from golden/{path.name} (if intended: PTDRAFT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py)\n{diff}",
            pytrace=False,
        )


def _layout(template_id: str) -> Layout:
    return api.layout_draft(template_example(api.get_template(template_id)))


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_layout_dump_matches_golden(template_id):
    """The laid-out example of each shipped template matches its golden layout dump."""
    _compare(GOLDEN_DIR / f"{template_id}.layout.txt", dump_layout(_layout(template_id)))


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_document_xml_matches_golden(template_id):
    """The word/document.xml of each shipped template's example matches its golden, pretty-printed."""
    _compare(GOLDEN_DIR / f"{template_id}.document.xml", pretty_xml(docx_writer.document_xml(_layout(template_id))))


def test_document_xml_is_the_one_in_the_docx():
    """The document_xml() the golden files record is exactly the word/document.xml inside the exported DOCX."""
    import io
    import zipfile

    template = api.get_template(TEMPLATE_IDS[0])
    draft = template_example(template)
    layout = api.layout_draft(draft)
    with zipfile.ZipFile(io.BytesIO(api.docx_bytes(draft))) as package:
        assert package.read("word/document.xml") == docx_writer.document_xml(layout)


def test_output_is_deterministic():
    """Rendering the same example twice gives the same document.xml (no time or random part leaks in)."""
    template = api.get_template(TEMPLATE_IDS[0])
    first = docx_writer.document_xml(api.layout_draft(template_example(template)))
    second = docx_writer.document_xml(api.layout_draft(template_example(template)))
    assert first == second


def test_no_stale_golden_files():
    """Every golden file belongs to a shipped template (a removed or renamed template takes its golden files along)."""
    if UPDATE:
        for path in GOLDEN_DIR.glob("*"):
            if path.name.split(".")[0] not in TEMPLATE_IDS:
                path.unlink()
    stale = sorted(p.name for p in GOLDEN_DIR.glob("*") if p.name.split(".")[0] not in TEMPLATE_IDS)
    assert not stale, f"golden files without a template: {stale}"
