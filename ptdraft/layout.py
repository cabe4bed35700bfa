"""From a filled document to a Layout: the one place where Decree 30 is applied.

Each element gets its resolved style from :mod:`ptdraft.rules`: size, case,
weight, alignment, indents, spacing, rules and frames. Writers (DOCX, preview)
only translate the Layout, so they agree by construction.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Any, Union

from ptdraft import body as markup
from ptdraft import rules
from ptdraft.reference import dates
from ptdraft.reference import doctypes
from ptdraft.reference.dates import place_date
from ptdraft.reference.metrics import line_height, text_width, wrapped_widths
from ptdraft.model import ELECTRONIC, NO_TYPE_GROUP, Annex, Content, Item, Signature
from ptdraft.rules import Element, Page, Style

BLANK_NUMBER = "\u00a0" * 6  # the blank the records office writes the number into


@dataclass(frozen=True)
class Run:
    """A piece of text; ``bold``/``italic`` None means "as the paragraph's style"."""

    text: str
    bold: bool | None = None
    italic: bool | None = None


@dataclass(frozen=True)
class Para:
    """One paragraph. ``ref`` names the part of the draft it comes from (for click-to-field)."""

    element: Element
    runs: tuple[Run, ...]
    style: Style
    ref: str = ""
    frame: bool = False  # a single-line rectangle around the text (stamps, circulation box)
    top_rule: bool = False  # a solid line the full width above the paragraph (box 13)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


rules.remember_hash(Para)


@dataclass(frozen=True)
class Rule:
    """A short solid line of ``width`` twips, centred in a container ``container`` twips wide."""

    width: int
    container: int
    ref: str = ""

    @property
    def style(self) -> Style:
        return rules.STYLES[Element.RULE]

    @property
    def indent(self) -> int:
        return max(0, (self.container - self.width) // 2)


CellBlock = Union[Para, Rule]


@dataclass(frozen=True)
class Cell:
    width: int
    blocks: tuple[CellBlock, ...]


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table with fixed column widths, borderless unless ``grid``; ``keep_together`` forbids a row to split across
    pages and keeps the paragraph before it with it (the closing row)."""

    name: str
    rows: tuple[Row, ...]
    keep_together: bool = False
    space_before: int = 0
    header_rows: int = 0  # rows repeated at the top of each page the table runs onto
    grid: bool = False  # a table of the body: ruled, its text rules.TABLE_CELL_MARGIN from the lines, rows unsplit

    @property
    def widths(self) -> tuple[int, ...]:
        return tuple(cell.width for cell in self.rows[0].cells)


@dataclass(frozen=True)
class SectionBreak:
    """The end of a section: what follows starts a new page and counts its own pages from 1, the first page
    showing no number and no footer (an annex: the text a decision issues, an appendix; FORMAT.md §1)."""

    ref: str = ""


Block = Union[Para, Rule, Table, SectionBreak]


@dataclass(frozen=True)
class Layout:
    page: Page
    blocks: tuple[Block, ...]
    first_footer: tuple[Para, ...]
    page_number: Style
    title: str
    author: str
    font: str = rules.FONT
    # The first page's header, in the top margin above the text: a draft's "DỰ THẢO" mark (:func:`with_draft_mark`),
    # else nothing. It prints on the first page of each section, so an appendix in the same file carries it too.
    first_header: tuple[Para, ...] = ()


def draft_mark(text: str = rules.DRAFT_MARK) -> Para:
    """The "DỰ THẢO" mark (or the name given, "DỰ THẢO LẦN 2"): bold upper case centred in a box a little wider than
    its words, the box's left line on the left edge of the text (a border stands its gap and width off the text)."""
    style = rules.STYLES[Element.DRAFT_MARK]
    words = " ".join(text.split()).upper() or rules.DRAFT_MARK
    left = rules.pt(rules.FRAME_SPACE_PT) + round(rules.border_twips(rules.RULE_WEIGHT_EIGHTHS))
    width = text_width(words, style.size, bold=True) + 2 * rules.DRAFT_MARK_PADDING
    style = dataclasses.replace(style, left_indent=left, right_indent=max(0, rules.PAGE.text_width - left - width))
    return Para(Element.DRAFT_MARK, (Run(words),), style, "draft_mark", frame=True)


def with_draft_mark(result: Layout, text: str | None) -> Layout:
    """The layout marked as a draft with ``text`` (None: unmarked); the text of the pages does not move."""
    return dataclasses.replace(result, first_header=(draft_mark(text),) if text is not None else ())


# -- helpers ----------------------------------------------------------------

def _style(element: Element, **changes: Any) -> Style:
    style = rules.STYLES[element]
    return dataclasses.replace(style, **changes) if changes else style


def _case(style: Style, text: str) -> str:
    return text.upper() if style.upper else text


def para(element: Element, text: str, ref: str = "", **changes: object) -> Para:
    if not changes:
        return _plain_para(element, text, ref)
    style = _style(element, **changes)
    return Para(element, (Run(_case(style, text)),), style, ref)


@functools.lru_cache(maxsize=2048)  # a 100-page body has about 1,200 paragraphs
def _plain_para(element: Element, text: str, ref: str) -> Para:
    """A paragraph in its element's own style, the same object for the same text: a keystroke in a long body
    lays out anew only the paragraph it changed, and the preview finds the others by identity."""
    style = rules.STYLES[element]
    return Para(element, (Run(_case(style, text)),), style, ref)


def _lines(text: str) -> list[str]:
    """A multi-line field split into its printed lines (each line is its own paragraph)."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _strip_end(text: str) -> str:
    """An entry with its white space folded and its final ";", ".", "," or ":" removed."""
    return " ".join(text.split()).rstrip(";.,:").rstrip()


def bare_entry(text: str) -> str:
    """A list entry (Kính gửi, Nơi nhận) without its own punctuation: "Như trên;" → "Như trên"."""
    return _strip_end(text)


def _punctuate(entries: list[str]) -> list[str]:
    """Entries of a list: each ends with ";" and the last with "." (FORMAT.md §7)."""
    cleaned = [_strip_end(e) for e in entries if _strip_end(e)]
    return [f"{e};" if i < len(cleaned) - 1 else f"{e}." for i, e in enumerate(cleaned)]


def _dash_item(element: Element, text: str, indent: int, ref: str) -> Para:
    """"- text" with wrapped lines hanging under the text, not under the dash."""
    style = _style(element)
    hang = text_width("- ", style.size, bold=style.bold, italic=style.italic)
    style = dataclasses.replace(style, left_indent=indent + hang, first_indent=-hang)
    return Para(element, (Run(f"- {text}"),), style, ref)


def _widest(lines: list[str], style: Style) -> int:
    return max((text_width(line, style.size, bold=style.bold, italic=style.italic) for line in lines), default=0)


def symbol(content: Content) -> str:
    """The symbol after the number: "UBND-VP" for a công văn, "QĐ-UBND" for a named type."""
    issuer = content.issuer_code.strip()
    unit = content.unit_code.strip()
    if doctypes.is_cong_van(content.doc_type):
        groups = [issuer, unit]
    else:
        written = content.type_code.strip()
        groups = ["" if written == NO_TYPE_GROUP else written or doctypes.abbreviation(content.doc_type) or "",
                  issuer, unit]
    text = "-".join(g for g in groups if g)
    # A legal normative document's year goes between the number and the symbol: "37/2007/QĐ-UBND".
    return f"{content.number_year}/{text}" if content.number_year and text else text


def number_line(content: Content) -> str:
    """"Số: 05/UBND-VP"; a blank where the number goes while it has none."""
    number = f"{content.number:02d}" if content.number else BLANK_NUMBER
    sym = symbol(content)
    return f"Số: {number}/{sym}" if sym else f"Số: {number}"


def archive_line(content: Content) -> str:
    """"Lưu: VT, HCQT, PL.(300)" (without the final full stop)."""
    parts = [rules.ARCHIVE_PREFIX, *(_strip_end(a) for a in content.archive if _strip_end(a))]
    drafter = content.drafter_code.strip()
    if drafter and content.copies:
        parts.append(f"{drafter}.({content.copies})")
    elif drafter:
        parts.append(drafter)
    elif content.copies and len(parts) > 1:
        parts[-1] = f"{parts[-1]} ({content.copies})"  # "Lưu: VT, KTN (3)": the count after the unit, no comma
    elif content.copies:
        parts.append(f"({content.copies})")
    return ", ".join(parts)


def distribution_entries(content: Content) -> list[str]:
    """The Nơi nhận lines in order, punctuated: "Như trên" first when there is a Kính gửi, "Lưu: VT, …" last."""
    entries = [e for e in content.distribution if _strip_end(e)]
    if content.distribution_as_written:
        # An imported letter's list as it was written: nothing added that the letter did not have.
        archive = content.archive or content.drafter_code.strip() or content.copies
        return _punctuate(entries + ([archive_line(content)] if archive else []))
    same = rules.SAME_AS_ABOVE.casefold()
    # "Như trên (kèm QĐ số 468)" is the "Như trên" line with a note, not a reason to print a second one.
    if content.recipients and not any(_strip_end(e).casefold().startswith(same) for e in entries):
        entries.insert(0, rules.SAME_AS_ABOVE)
    typed = [e for e in entries if _strip_end(e).startswith("Lưu")]
    if typed and not (content.archive or content.drafter_code.strip() or content.copies):
        # A Lưu line kept as written (an imported one that does not read as "Lưu: VT, …"): printed as it is.
        return _punctuate(entries)
    entries = [e for e in entries if e not in typed]
    entries.append(archive_line(content))
    return _punctuate(entries)


# -- the parts of the page ----------------------------------------------------

def _header_top(content: Content) -> Row:
    """The header's first row: the agency names with their rule, the Quốc hiệu and Tiêu ngữ with theirs."""
    left_w, right_w = rules.HEADER_LEFT, rules.HEADER_RIGHT
    left: list[CellBlock] = []
    for line in _lines(content.parent_authority):
        left.append(para(Element.PARENT_AUTHORITY, line, "parent_authority"))
    auth_lines = _lines(content.authority)
    for line in auth_lines:
        left.append(para(Element.AUTHORITY, line, "authority"))
    if auth_lines:
        style = rules.STYLES[Element.AUTHORITY]
        # 1/3 to 1/2 of the line as printed: a name wider than its cell wraps, and its widest line is what the rule
        # is measured against (the checker measures it so too)
        text_line = max(max(wrapped_widths(_case(style, line), left_w - style.left_indent - style.right_indent,
                                           style.size, bold=style.bold, italic=style.italic))
                        for line in auth_lines)
        left.append(Rule(round(text_line * rules.AUTHORITY_RULE_FRACTION.default), left_w, "authority"))

    right: list[CellBlock] = [
        para(Element.NATIONAL_TITLE, rules.NATIONAL_TITLE, "national_title"),
        para(Element.MOTTO, rules.MOTTO, "national_title"),
    ]
    motto_style = rules.STYLES[Element.MOTTO]
    right.append(Rule(text_width(rules.MOTTO, motto_style.size, bold=motto_style.bold), right_w, "national_title"))
    return Row((Cell(left_w, tuple(left)), Cell(right_w, tuple(right))))


def _header(content: Content) -> Table:
    left_w, right_w = rules.HEADER_LEFT, rules.HEADER_RIGHT
    # Second row: number (and V/v, stamps) level with the place and date.
    left2: list[CellBlock] = [Para(Element.NUMBER, (Run(number_line(content)),), rules.STYLES[Element.NUMBER], "number")]
    if doctypes.is_cong_van(content.doc_type) and content.subject.strip():
        left2.append(para(Element.SUBJECT_VV, f"V/v {' '.join(content.subject.split())}", "subject"))
    for element, text in ((Element.SECRECY, content.secrecy), (Element.URGENCY, content.urgency)):
        if text.strip():
            left2.append(_stamp(element, text.strip().upper(), left_w, element.name.lower()))
    right2: list[CellBlock] = []
    dated = doctypes.canonical(content.doc_type) not in doctypes.NO_DATE_LINE
    if dated and (content.place.strip() or content.date or content.date_year):
        line = place_date(content.place.strip(), content.date, content.date_month, content.date_year)
        right2.append(para(Element.PLACE_DATE, line, "date"))
    return Table(
        "header",
        (
            _header_top(content),
            Row((Cell(left_w, tuple(left2)), Cell(right_w, tuple(right2)))),
        ),
    )


def _stamp(element: Element, text: str, container: int, ref: str) -> Para:
    style = _style(element)
    width = rules.URGENCY_BOX_WIDTH.get(text) if element is Element.URGENCY else None
    if width is None:
        width = text_width(text, style.size, bold=True) + rules.cm(0.6)
    side = max(0, (container - width) // 2)
    style = dataclasses.replace(style, left_indent=side, right_indent=side)
    return Para(element, (Run(text),), style, ref, frame=True)


def _circulation(content: Content) -> Para | None:
    text = content.circulation.strip().upper()
    if not text:
        return None
    style = _style(Element.CIRCULATION)
    width = text_width(text, style.size, bold=True) + rules.cm(0.6)
    side = max(0, (rules.HEADER_RIGHT - width) // 2)
    style = dataclasses.replace(style, left_indent=rules.HEADER_LEFT + side, right_indent=side)
    return Para(Element.CIRCULATION, (Run(text),), style, "circulation", frame=True)


def _title(content: Content) -> list[Block]:
    """Box 5a for named types: the type name, the summary, and the short rule under them."""
    if doctypes.is_cong_van(content.doc_type):
        return []
    name = doctypes.canonical(content.doc_type) or content.doc_type
    out: list[Block] = [para(Element.DOC_TYPE, doctypes.PRINTED_NAME.get(name, name), "doc_type")]
    subject = " ".join(content.subject.split())
    if subject and name not in doctypes.NO_SUBJECT:
        out.append(para(Element.SUBJECT, subject, "subject"))
        style = rules.STYLES[Element.SUBJECT]
        line = min(text_width(subject, style.size, bold=style.bold), rules.PAGE.text_width)
    else:
        style = rules.STYLES[Element.DOC_TYPE]
        line = text_width(doctypes.PRINTED_NAME.get(name, name).upper(), style.size, bold=True)
    out.append(Rule(round(line * rules.AUTHORITY_RULE_FRACTION.default), rules.PAGE.text_width, "subject"))
    return out


def _telegram_recipients(content: Content, entries: list[str]) -> list[Block]:
    """Mẫu 1.6: "<authority> điện:" centred on its own line, then the recipients as a dashed block, no label."""
    out: list[Block] = []
    sender = " ".join(content.deciding_authority.split())
    if sender:
        style = _style(Element.DECIDING_AUTHORITY, upper=False)
        runs = (Run(sender.upper()), Run(f" {doctypes.TELEGRAM_WORD}"))
        out.append(Para(Element.DECIDING_AUTHORITY, runs, style, "deciding_authority"))
    numbers = [n for n, r in enumerate(content.recipients, start=1) if _strip_end(r)]
    for number, text in zip(numbers, _punctuate(entries)):
        item = _dash_item(Element.RECIPIENTS, text, rules.TELEGRAM_DASH_INDENT, f"recipients[{number}]")
        out.append(dataclasses.replace(item, style=dataclasses.replace(item.style, space_before=0)))
    return out


def _recipients(content: Content) -> list[Block]:
    entries = [_strip_end(r) for r in content.recipients if _strip_end(r)]
    if doctypes.canonical(content.doc_type) == doctypes.CONG_DIEN:
        return _telegram_recipients(content, entries)
    if not entries:
        return []
    label = rules.RECIPIENTS_LABEL
    if len(entries) == 1:
        # One recipient: no mark is set after it (FORMAT.md §7); a full stop typed there stays.
        own = next(r for r in content.recipients if _strip_end(r)).rstrip()
        end = "." if own.endswith(".") and not own.endswith((";.", ",.", ":.")) else ""
        return [para(Element.RECIPIENTS, f"{label} {entries[0]}{end}", "recipients", align=rules.Align.CENTER)]
    out: list[Block] = [para(Element.RECIPIENTS, label, "recipients", left_indent=rules.RECIPIENTS_LABEL_INDENT)]
    numbers = [n for n, r in enumerate(content.recipients, start=1) if _strip_end(r)]
    for number, text in zip(numbers, _punctuate(entries)):
        item = _dash_item(Element.RECIPIENTS, text, rules.RECIPIENTS_DASH_INDENT, f"recipients[{number}]")
        out.append(dataclasses.replace(item, style=dataclasses.replace(item.style, space_before=0)))
    return out


def _decision_head(content: Content) -> list[Block]:
    out: list[Block] = []
    if content.deciding_authority.strip():
        for line in _lines(content.deciding_authority):
            out.append(para(Element.DECIDING_AUTHORITY, line, "deciding_authority"))
    bases = [" ".join(b.split()) for b in content.legal_bases]
    # A new draft's bases get the decree's marks (";" after each, "." after the last, FORMAT.md §4.1); an imported
    # letter's are printed with the marks it wrote, none added (decision 0024).
    bases = [b for b in bases if b] if content.distribution_as_written else _punctuate(bases)
    out.extend(para(Element.LEGAL_BASIS, b, "legal_bases") for b in bases)
    word = doctypes.DECIDING_WORD.get(doctypes.canonical(content.doc_type) or "")
    if word and (bases or content.deciding_authority.strip()):
        out.append(para(Element.DECISION_WORD, word, "body"))
    return out


def _is_title(text: str, has_content: bool) -> bool:
    """Whether a numbered line is a heading (FORMAT.md §4.2: "number + title on their own line in bold"): it has
    something under it and ends without the punctuation of a sentence."""
    return has_content and bool(text.strip()) and not text.rstrip().endswith((".", ";", ":", "!", "?", ","))


def _numbered(element: Element, label: str, text: str, ref: str, title: bool, italic: bool = False) -> Para:
    """"1. text": a heading's number and title bold (and kept with what follows), a sentence's regular."""
    if not title:
        return para(element, f"{label} {text}", ref)
    style = _style(element, keep_next=True, keep_lines=True)
    return Para(element, (Run(f"{label} {text}", bold=True, italic=True if italic else None),), style, ref)


def _items(items: tuple[Item, ...], ref: str, numbered_refs: bool = False) -> list[Block]:
    """Numbered items and what lies under them (points, sub-items 1.1., dash lines, paragraphs, tables); with
    ``numbered_refs`` each names its own place in the draft ("requirements[2]", "requirements[2].subitems[1]"),
    otherwise all carry ``ref``."""
    out: list[Block] = []
    for number, item in enumerate(items, start=1):
        item_ref = f"{ref}[{number}]" if numbered_refs else ref
        parts = getattr(item, "parts", ())
        title = _is_title(item.text, bool(parts or item.subitems))
        out.append(_numbered(Element.LIST_ITEM, rules.item_label(number), item.text, item_ref, title))
        if parts:
            out.extend(_parts(parts, number, item_ref))
            continue
        for index, sub in enumerate(item.subitems):
            sub_ref = f"{item_ref}.subitems[{index + 1}]" if numbered_refs else ref
            out.append(para(Element.SUB_ITEM, f"{rules.point_label(index)} {sub}", sub_ref))
    return out


def _parts(parts: tuple[markup.Node, ...], item: int, ref: str) -> list[Block]:
    """What lies under item number ``item``, numbered: sub-items 1.1., points a), dash lines, paragraphs, tables."""
    out: list[Block] = []
    subs = points = 0
    for node in parts:
        if node.kind == "sub":
            subs += 1
            title = _is_title(node.text, bool(node.children))
            out.append(_numbered(Element.SUB_CLAUSE, rules.sub_clause_label(item, subs), node.text, ref, title, True))
            out.extend(_parts(node.children, item, ref))
        elif node.kind == "point":
            out.append(para(Element.SUB_ITEM, f"{rules.point_label(points)} {node.text}", ref))
            points += 1
            out.extend(_parts(node.children, item, ref))
        elif node.kind == "dash":
            out.append(para(Element.DASH_ITEM, f"{rules.DASH} {node.text}", ref))
            out.extend(_parts(node.children, item, ref))
        elif node.kind == "table" and node.table is not None:
            out.append(_grid(node.table, ref))
        else:
            out.append(para(Element.BODY, node.text, ref))
    return out


def _grid(table: markup.Table, ref: str) -> Table:
    """A table of the body: a grid over the text width, columns as wide as the "|---|" line says (else equal),
    the header rows bold and centred, the total rows (a "Tổng cộng" under a second "|---|" line) bold."""
    columns = table.columns
    total = rules.PAGE.text_width
    weights = table.weights or (1,) * columns
    widths = [total * w // sum(weights) for w in weights]
    widths[-1] += total - sum(widths)
    rows = []
    for index, row in enumerate(table.rows):
        element = Element.TABLE_HEAD if index < table.header_rows else Element.TABLE_CELL
        total = index >= len(table.rows) - table.total_rows
        cells = []
        for text, width in zip(row, widths):
            cells.append(Cell(width, (para(element, text, ref, bold=True) if total else para(element, text, ref),)))
        rows.append(Row(tuple(cells)))
    return Table("body", tuple(rows), header_rows=table.header_rows, grid=True)


def _division(block: markup.Division, number: int, ref: str) -> list[Block]:
    out: list[Block] = [para(Element.DIVISION, rules.division_label(block.kind, number), ref)]
    if block.title:
        out.append(para(Element.DIVISION_TITLE, block.title, ref))
    return out


def _blocks(blocks: tuple[markup.Block, ...], element: Element, ref: str) -> list[Block]:
    out: list[Block] = []
    article_number = 0
    section_number = 0
    divisions = dict.fromkeys(markup.DIVISIONS, 0)
    for block in blocks:
        if isinstance(block, markup.Paragraph):
            out.append(para(element, block.text, ref))
        elif isinstance(block, markup.NumberedList):
            out.extend(_items(block.items, ref))
        elif isinstance(block, markup.Table):
            out.append(_grid(block, ref))
        elif isinstance(block, markup.Division):
            level = markup.DIVISIONS.index(block.kind)
            divisions[block.kind] += 1
            for lower in markup.DIVISIONS[level + 1:]:
                if lower != "Chương":  # chapters count on through the parts
                    divisions[lower] = 0
            section_number = 0
            out.extend(_division(block, divisions[block.kind], ref))
        elif isinstance(block, markup.Section):
            section_number += 1
            out.append(para(Element.SECTION, f"{rules.section_label(section_number)} {block.title}", ref))
            out.extend(_blocks(block.blocks, element, ref))
        else:
            article_number += 1
            style = _style(Element.ARTICLE)
            # FORMAT.md §4.2: "Điều n." and the article's title are bold. A title is a heading on its own
            # (no final punctuation) followed by the article's text; a sentence after "Điều n." is text.
            is_title = bool(block.blocks) and not block.title.rstrip().endswith((".", ";", ":", "!", "?"))
            runs: tuple[Run, ...] = (Run(f"Điều {article_number}.", bold=True),)
            if block.title:
                runs += (Run(f" {block.title}", bold=True if is_title else None),)
            if is_title:
                style = dataclasses.replace(style, keep_next=True, keep_lines=True)
            out.append(Para(Element.ARTICLE, runs, style, ref))
            out.extend(_blocks(block.blocks, element, ref))
    return out


def _append_end_mark(blocks: list[Block]) -> None:
    """Put "./." at the end of the last paragraph of the body."""
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if isinstance(block, Table) and block.grid:  # a body ending in a table: "./." on a line under it
            blocks.insert(index + 1, para(Element.BODY, rules.END_MARK, "close"))
            return
        if isinstance(block, Para) and block.runs:
            text = block.text.rstrip()
            if text.endswith(rules.END_MARK):
                return
            last = block.runs[-1]
            trimmed = last.text.rstrip().rstrip(".;,:")
            blocks[index] = dataclasses.replace(block, runs=block.runs[:-1] + (dataclasses.replace(last, text=trimmed + rules.END_MARK),))
            return


def _signature_blocks(sig: Signature, ref: str) -> list[CellBlock]:
    """Box 7: the authority and title lines, the room for the signature, the name."""
    out: list[CellBlock] = []
    authority = sig.authority_lines()
    for index, line in enumerate(authority):
        element = Element.SIGN_POSITION if (sig.position and index == len(authority) - 1) else Element.SIGN_AUTHORITY
        out.append(para(element, " ".join(line.split()), ref))
    name = " ".join(sig.name.split())
    out.append(para(Element.SIGN_NAME, name, ref))
    return out


def _printed_lines(block: Para, width: int) -> int:
    """How many lines a paragraph of one run takes in a cell ``width`` twips wide, wrapped at spaces (the same
    font metrics the checker and the page count use)."""
    style = block.style
    room = width - 2 * rules.TABLE_CELL_MARGIN - style.left_indent
    lines, current = 1, ""
    for word in block.text.split():
        trial = f"{current} {word}" if current else word
        if current and text_width(trial, style.size, bold=style.bold, italic=style.italic) > room:
            lines, current = lines + 1, word
        else:
            current = trial
    return lines


def _level_names(left: list[CellBlock], right: list[CellBlock]) -> tuple[list[CellBlock], list[CellBlock]]:
    """Two signatures side by side (a joint letter's, Mẫu 1.9's CHỦ TỌA and THƯ KÝ) with their names on one level:
    the block whose title lines take fewer printed lines gets the difference as room above its name."""
    def title_lines(blocks: list[CellBlock], width: int) -> int:
        return sum(_printed_lines(b, width) for b in blocks[:-1] if isinstance(b, Para))

    gap = title_lines(left, rules.CLOSING_LEFT) - title_lines(right, rules.CLOSING_RIGHT)
    if not gap or not left or not right:
        return left, right
    shorter = right if gap > 0 else left
    name = shorter[-1]
    if isinstance(name, Para):
        style = _style(Element.SIGN_AUTHORITY)
        extra = round(abs(gap) * line_height(style.size, bold=style.bold))
        shorter[-1] = dataclasses.replace(name, style=dataclasses.replace(
            name.style, space_before=name.style.space_before + extra))
    return left, right


def has_cosigner(content: Content) -> bool:
    sig = content.cosigner
    return bool(sig.authority_lines() or sig.name.strip())


def _closing_row(content: Content) -> Table:
    left: list[CellBlock] = []
    right: list[CellBlock] = _signature_blocks(content.signature, "signature")
    if has_cosigner(content):
        # Mẫu 1.9: the second signature (THƯ KÝ) on the left, level with the first; Nơi nhận under it.
        left, right = _level_names(_signature_blocks(content.cosigner, "cosigner"), right)
        label = para(Element.DISTRIBUTION_LABEL, rules.DISTRIBUTION_LABEL, "distribution",
                     space_before=rules.COSIGNER_DISTRIBUTION_SPACE)
    else:
        label = para(Element.DISTRIBUTION_LABEL, rules.DISTRIBUTION_LABEL, "distribution")
    entries = distribution_entries(content)
    if entries or not content.distribution_as_written:
        left.append(label)
    left.extend(_dash_item(Element.DISTRIBUTION, text, 0, "distribution") for text in entries)
    return Table(
        "closing",
        (Row((Cell(rules.CLOSING_LEFT, tuple(left)), Cell(rules.CLOSING_RIGHT, tuple(right)))),),
        keep_together=True,
        space_before=rules.CLOSING_ROW_SPACE,
    )


def _contact(content: Content) -> tuple[Para, ...]:
    lines = _lines(content.contact)
    out = [para(Element.CONTACT, line, "contact") for line in lines]
    if out:
        out[0] = dataclasses.replace(out[0], top_rule=True)
    return tuple(out)


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


def annex_note(content: Content) -> str:
    """"(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026 của …)": the document's type, number and
    date, blank for the records office while it has none, and always blank in the electronic form (§9)."""
    electronic = content.medium.strip() == ELECTRONIC
    number = f"{content.number:02d}" if content.number and not electronic else rules.ANNEX_BLANK
    sym = symbol(content)
    if electronic:
        words = rules.ANNEX_BLANK_DATE
    elif content.date or content.date_year:  # a date whose day is blank keeps its month and year here too
        words = dates.date_words(content.date, content.date_month, content.date_year, blank=rules.ANNEX_BLANK)
    else:
        words = rules.ANNEX_BLANK_DATE
    name = doctypes.canonical(content.doc_type) or content.doc_type
    issuer = " ".join(content.issuer_name.split())
    of = f" của {issuer}" if issuer else ""
    return f"(Kèm theo {name} số {number}/{sym} {words}{of})" if sym else f"(Kèm theo {name} số {number} {words}{of})"


def _annex(content: Content, annex: Annex, position: int, index: int, appendices: int) -> list[Block]:
    """One annex after its section break: an attached text (Mẫu 1.3) or the ``index``-th of ``appendices``
    appendices (Mẫu 2.1/2.2); ``position`` is its place in the draft's list."""
    ref = f"annexes[{position}]"
    out: list[Block] = [SectionBreak(ref)]
    kind = doctypes.canonical(annex.doc_type) if annex.doc_type.strip() else None
    title = " ".join(annex.title.split())
    if kind or annex.doc_type.strip():
        out.append(Table("annex-header", (_header_top(content),)))
        out.append(para(Element.DOC_TYPE, kind or annex.doc_type.strip(), f"{ref}.doc_type"))
        if title:
            out.append(para(Element.SUBJECT, title, f"{ref}.title"))
    else:
        heading = rules.APPENDIX_WORD if appendices < 2 else f"{rules.APPENDIX_WORD} {_roman(index)}"
        out.append(para(Element.APPENDIX, heading, ref))
        if title:
            out.append(para(Element.APPENDIX_TITLE, title, f"{ref}.title"))
    note_style = rules.STYLES[Element.ANNEX_NOTE]
    note = annex_note(content)
    out.append(para(Element.ANNEX_NOTE, note, ref))
    line = min(text_width(note, note_style.size, italic=True), rules.PAGE.text_width)
    out.append(Rule(round(line * rules.AUTHORITY_RULE_FRACTION.low), rules.PAGE.text_width, ref))
    body = _blocks(markup.parse(annex.body), Element.BODY, f"{ref}.body")
    if body and not content.distribution_as_written:  # an imported letter's annex ends as it was written
        _append_end_mark(body)
    out.extend(body)
    return out


def layout(content: Content, *, title: str = "", author: str = "") -> Layout:
    """The Layout of a filled document (no Jinja left in it)."""
    blocks: list[Block] = []
    circulation = _circulation(content)
    if circulation:
        blocks.append(circulation)
    blocks.append(_header(content))
    blocks.extend(_title(content))
    blocks.extend(_recipients(content))
    if doctypes.canonical(content.doc_type) in doctypes.DECIDING_WORD:
        blocks.extend(_decision_head(content))
    body_start = len(blocks)
    blocks.extend(_blocks(markup.parse(content.body), Element.BODY, "body"))
    blocks.extend(_items(content.requirements, "requirements", numbered_refs=True))
    blocks.extend(_blocks(markup.parse(content.closing), Element.CLOSING, "closing"))
    close = content.close.strip()
    if close == rules.END_MARK:
        if len(blocks) > body_start:
            _append_end_mark(blocks)
    elif close:
        blocks.append(para(Element.CLOSE, close, "close"))
    blocks.append(_closing_row(content))
    appendices = sum(1 for a in content.annexes if not a.doc_type.strip())
    numbered = 0
    for position, annex in enumerate(content.annexes, start=1):
        if not annex.doc_type.strip():
            numbered += 1
        blocks.extend(_annex(content, annex, position, numbered, appendices))
    doc_name = doctypes.canonical(content.doc_type) or content.doc_type
    subject = " ".join(content.subject.split())
    return Layout(
        page=rules.PAGE,
        blocks=tuple(blocks),
        first_footer=_contact(content),
        page_number=rules.STYLES[Element.PAGE_NUMBER],
        title=title or (f"{doc_name}: {subject}" if subject else doc_name),
        author=author or " ".join(content.authority.split()),
    )
