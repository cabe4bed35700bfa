"""Format rules: page size and margins, page numbers, fonts, and each element's size, case, weight and slant;
body alignment and first-line indent.

Every number comes from :mod:`ptdraft.rules` (FORMAT.md); nothing here repeats one.
"""
from __future__ import annotations

from ptdraft import rules
from ptdraft.checker import page_layout
from ptdraft.ooxml.document import FONT_SLOTS, THEME, DocInfo, ParaInfo, RunInfo
from ptdraft.checker.findings import ELEMENT_NAMES, Finding, Fix, Result, box_of, excerpt
from ptdraft.reference.forms import SIGNING_PREFIX, SUBJECT_LINE
from ptdraft.checker.recognise import (DRAFT_MARK_FOLDED, Part, Recognised, fold, is_upper, runs_of,
                                       text_of)
from ptdraft.rules import Element
from ptdraft.vietnamese.recase import from_capitals

ROUNDING = 3  # twips: what converting mm or inches to twips may add or lose (3.5 cm is 1984 or 1985)
PAGE_TOLERANCE = rules.mm(1)  # Word and LibreOffice store A4 as 11906×16838 or 11907×16840

# Sizes of elements the decree sizes like another one.
_SIZE_AS = {
    Element.SIGN_POSITION: Element.SIGN_AUTHORITY,
    Element.LEGAL_BASIS: Element.BODY,
    Element.DECIDING_AUTHORITY: Element.BODY,
    Element.DECISION_WORD: Element.BODY,
}

# Which of weight, slant and case the decree fixes for each element (FORMAT.md §3.2, §4); the value
# required is the one in rules.STYLES. "lower" means normal case: not written all in capitals.
_CHECKED = {
    Element.CIRCULATION: ("bold", "italic", "upper"),
    Element.NATIONAL_TITLE: ("bold", "italic", "upper"),
    Element.MOTTO: ("bold", "italic"),
    Element.PARENT_AUTHORITY: ("bold", "italic", "upper"),
    Element.AUTHORITY: ("bold", "italic", "upper"),
    Element.NUMBER: ("bold", "italic"),
    Element.PLACE_DATE: ("bold", "italic", "lower"),
    Element.URGENCY: ("bold", "italic", "upper"),
    Element.SECRECY: ("upper",),
    Element.DOC_TYPE: ("bold", "italic", "upper"),
    Element.SUBJECT: ("bold", "italic", "lower"),
    Element.SUBJECT_VV: ("bold", "italic", "lower"),
    Element.RECIPIENTS: ("italic",),
    Element.DECIDING_AUTHORITY: ("bold", "upper"),
    Element.LEGAL_BASIS: ("italic",),
    Element.DECISION_WORD: ("bold", "upper"),
    Element.BODY: (),
    Element.SIGN_AUTHORITY: ("bold", "italic", "upper"),
    Element.SIGN_POSITION: ("bold", "italic", "upper"),
    Element.SIGN_NAME: ("bold", "italic", "lower"),
    Element.DISTRIBUTION_LABEL: ("bold", "italic"),
    Element.DISTRIBUTION: ("italic",),
    Element.APPENDIX: ("bold", "italic", "lower"),
    Element.APPENDIX_TITLE: ("bold", "italic", "upper"),
    Element.ANNEX_NOTE: ("bold", "italic"),
}
_WEIGHT = {  # (property, required value) → (what was found, what is required)
    ("bold", True): ("không in đậm", "in đậm"),
    ("bold", False): ("in đậm", "chữ không đậm"),
    ("italic", True): ("không in nghiêng", "in nghiêng"),
    ("italic", False): ("in nghiêng", "chữ đứng (không nghiêng)"),
}
_SIDES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def _mm(twips: float) -> str:
    return f"{twips / rules.TWIPS_PER_MM:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _cm(twips: float) -> str:
    return f"{twips / rules.cm(1):.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _pt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def size_range(element: Element) -> tuple[float, float] | None:
    return rules.SIZE_RANGES.get(_SIZE_AS.get(element, element))


def _finding(rule: str, box: str, section: str, doc: DocInfo, index: int | None, message: str, fix: str,
             repair: Fix | None = None, text: str | None = None) -> Result:
    shown = text if text is not None else (doc.paragraphs[index].text if index is not None else "")
    return Result(Finding(rule, box, section, index, excerpt(shown), message, fix, repair is not None), repair)


# -- page -------------------------------------------------------------------------

def page_rules(doc: DocInfo) -> list[Result]:
    out: list[Result] = []
    for section in doc.sections:
        where = f" (phần {section.index + 1})" if len(doc.sections) > 1 else ""
        if section.width is not None and section.height is not None:
            short, long_ = sorted((section.width, section.height))
            if abs(short - rules.PAGE.width) > PAGE_TOLERANCE or abs(long_ - rules.PAGE.height) > PAGE_TOLERANCE:
                landscape = section.width > section.height
                out.append(_finding(
                    "page.size", "", "§1", doc, None,
                    f"Khổ giấy{where} là {_mm(section.width)} × {_mm(section.height)} mm, không phải A4 (210 × 297 mm).",
                    "Chọn khổ giấy A4.",
                    Fix("page", section.index, "size", int(landscape)),
                ))
            elif section.width > section.height and section.index == 0:
                out.append(_finding("page.orientation", "", "§1", doc, None,
                                    "Trang đầu văn bản đặt khổ ngang; văn bản trình bày theo chiều dài khổ A4.",
                                    "Đặt hướng giấy dọc (khổ ngang chỉ dùng cho phụ lục có bảng, biểu)."))
        for side, label in _SIDES.items():
            allowed = rules.MARGIN_RANGES[side]
            value = getattr(section, side)
            if value is not None and allowed.low - ROUNDING <= value <= allowed.high + ROUNDING:
                continue
            target = allowed.default if value is None else min(max(value, allowed.low), allowed.high)
            found = "chưa được đặt" if value is None else f"là {_mm(value)} mm"
            out.append(_finding(
                f"page.margin.{side}", "", "§1", doc, None,
                f"Lề {label}{where} {found}; Nghị định 30 quy định {_mm(allowed.low)}–{_mm(allowed.high)} mm.",
                f"Đặt lề {label} trong khoảng {_mm(allowed.low)}–{_mm(allowed.high)} mm (sửa tự động: {_mm(target)} mm).",
                Fix("page", section.index, side, round(target)),
            ))
    return out


def draft_mark_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """A document marked "DỰ THẢO" (in the header of page 1, as ptdraft prints it, or typed above the header) is a
    draft sent for comment, not a document ready to issue: said once, not counted as a stray header line."""
    shown = ""
    if doc.sections:
        first = doc.sections[0]
        part = first.header("first") if first.title_page else first.header("default")
        if part is not None:
            text = " ".join("".join(run.shown for run in part.runs).split())
            if fold(text).startswith(DRAFT_MARK_FOLDED):
                shown = text
    typed = found.first(Element.DRAFT_MARK)
    if not shown and typed is None:
        return []
    where = "ở đầu trang của trang 1" if shown else "ở trên phần đầu văn bản"
    return [_finding(
        "draft.mark", "", "", doc, None if shown or typed is None else typed.index,
        f"Văn bản mang dấu \"{shown or _typed_text(doc, typed)}\" {where}: đây là bản dự thảo "
        "(gửi xin ý kiến, hoặc còn thiếu phần bắt buộc), chưa phải văn bản để ký ban hành.",
        "Khi văn bản đã đủ các phần, xuất lại không có dấu dự thảo (ptdraft render không có --du-thao; trong cửa sổ, "
        "xuất khi không còn điểm nào cần xem lại).",
        text=shown or None,
    )]


def page_number_rules(doc: DocInfo) -> list[Result]:
    """FORMAT.md §1: the number in the middle of the top margin from page 2, none on page 1."""
    if not doc.sections:
        return []
    first = doc.sections[0]
    out: list[Result] = []
    default = first.header("default")
    on_page_one = first.header("first") if first.title_page else default
    if on_page_one is not None and on_page_one.has_page:
        out.append(_finding(
            "page.number.first-page", "", "§1", doc, None,
            "Trang 1 có in số trang; số trang chỉ in từ trang thứ hai.",
            "Bật \"Trang đầu khác\" (Different First Page) và để trống đầu trang của trang 1.",
            Fix("title-page", first.index),
        ))
    if default is None or not default.has_page:
        in_footer = any(part.has_page for _kind, part in first.footers)
        if in_footer:
            out.append(_finding("page.number.position", "", "§1", doc, None,
                                "Số trang đặt ở chân trang; số trang phải ở giữa lề trên (đầu trang).",
                                "Chuyển trường số trang (PAGE) lên đầu trang, căn giữa."))
        elif page_layout.page_count(doc) > 1:
            out.append(_finding("page.number.missing", "", "§1", doc, None,
                                "Văn bản không có số trang ở đầu trang (từ trang 2).",
                                "Chèn số trang (trường PAGE) ở giữa đầu trang, không in ở trang 1."))
        return out
    low, high = rules.SIZE_RANGES[Element.PAGE_NUMBER]
    problems = []
    if default.page_align != "center":
        problems.append("không căn giữa")
    sizes = sorted({run.size for run in default.page_runs if not low <= run.size <= high})
    if sizes:
        problems.append(f"cỡ chữ {', '.join(_pt(s) for s in sizes)} pt (phải {_pt(low)}–{_pt(high)} pt)")
    if any(run.bold or run.italic for run in default.page_runs):
        problems.append("in đậm hoặc in nghiêng")
    if problems:
        out.append(_finding("page.number.style", "", "§1", doc, None,
                            "Số trang " + "; ".join(problems) + ".",
                            f"Số trang: chữ số Ả Rập, cỡ {_pt(low)}–{_pt(high)} pt, đứng, căn giữa đầu trang."))
    return out


# -- fonts ------------------------------------------------------------------------

# The font slot Word draws a character with (ECMA-376 §17.3.2.26, w:rFonts): cs for the complex scripts (Hebrew,
# Arabic and the scripts after it, the Indic scripts, Thai, Lao, Tibetan, Khmer), eastAsia for Hangul, CJK, kana,
# Yi and the full-width forms, ascii for U+0000–U+007F and hAnsi for every other character, among them the
# Vietnamese letters (Latin-1, Latin Extended, Latin Extended Additional) and the combining tone marks.
_CS_RANGES = ((0x0590, 0x08FF), (0x0900, 0x0FFF), (0x1780, 0x17FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
_EAST_ASIA_RANGES = ((0x1100, 0x11FF), (0x2E80, 0x9FFF), (0xA000, 0xA4CF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
                     (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x2FFFF))


def font_slot(ch: str) -> str:
    """Which of :data:`FONT_SLOTS` prints ``ch``: a Vietnamese text uses only ascii and hAnsi."""
    code = ord(ch)
    if code < 0x80:
        return "ascii"
    if any(low <= code <= high for low, high in _CS_RANGES):
        return "cs"
    if any(low <= code <= high for low, high in _EAST_ASIA_RANGES):
        return "eastAsia"
    return "hAnsi"


def _bad_fonts(runs) -> list[str]:
    """The slots, among those the runs' characters print with, that are not Times New Roman ("cs: Arial")."""
    seen: list[str] = []
    for run in runs:
        if not run.visible:
            continue
        used = {font_slot(ch) for ch in run.text if not ch.isspace()}
        for slot, font in zip(FONT_SLOTS, run.fonts):
            if slot not in used or font.casefold() == rules.FONT.casefold():
                continue
            shown = "chưa khai báo" if not font else (f"phông chủ đề {font[len(THEME):]}" if font.startswith(THEME) else font)
            item = f"{slot}: {shown}"
            if item not in seen:
                seen.append(item)
    return seen


def paragraph_spans(indices: list[int]) -> str:
    """[0, 1, 2, 5] → "1–3, 6" (paragraphs numbered from 1, as a reader counts them)."""
    out, start = [], None
    for position, index in enumerate(indices):
        if start is None:
            start = index
        if position + 1 == len(indices) or indices[position + 1] != index + 1:
            out.append(f"{start + 1}" if start == index else f"{start + 1}–{index + 1}")
            start = None
    return ", ".join(out)


def font_rules(doc: DocInfo) -> list[Result]:
    """FORMAT.md §2: Times New Roman in every run, in the font slots its characters print with: ascii and hAnsi for
    Vietnamese text, eastAsia only where there are East Asian characters, cs only for a complex script (a file made
    by python-docx or another program that sets ascii and hAnsi alone prints all in Times New Roman). The fix still
    writes all four slots.

    Paragraphs with the same wrong fonts (usually from a style) make one finding that names them all.
    """
    out: list[Result] = []
    fix = Fix("fonts")
    groups: dict[str, list[int]] = {}
    for para in doc.paragraphs:
        bad = _bad_fonts(para.runs)
        if bad:
            groups.setdefault("; ".join(bad), []).append(para.index)
    for names, indices in groups.items():
        where = f" ở {len(indices)} đoạn: {paragraph_spans(indices)}" if len(indices) > 1 else ""
        out.append(_finding("font.family", "", "§2", doc, indices[0],
                            f"Phông chữ không phải {rules.FONT} ({names}){where}.",
                            f"Đặt phông {rules.FONT} cho cả bốn vùng phông (ascii, hAnsi, cs, eastAsia).", fix))
    for section in doc.sections[:1]:
        for where, parts in (("đầu trang", section.headers), ("chân trang", section.footers)):
            for _kind, part in parts:
                bad = _bad_fonts(part.runs)
                if bad:
                    out.append(_finding("font.family", "", "§2", doc, None,
                                        f"Phông chữ ở {where} ({part.name}) không phải {rules.FONT} ({'; '.join(bad)}).",
                                        f"Đặt phông {rules.FONT} cho cả bốn vùng phông.", fix, text=where))
    return out


# -- elements ---------------------------------------------------------------------

def _run_fix(part: Part, runs: list[tuple[int, RunInfo]], shared: set[tuple[int, int]], **props) -> Fix | None:
    """The fix setting ``props`` on the runs, or None when a run also holds another element's text (one run for
    "Nơi nhận:⇥KT. CHÁNH VĂN PHÒNG", or for "Số: …⇥Hà Nội, ngày …"): the fix would change that element too."""
    if any((part.index, number) in shared for number, _run in runs):
        return None
    return Fix("runs", target=part.index, runs=tuple(number for number, _run in runs), **props)


def _shared_runs(doc: DocInfo, found: Recognised) -> set[tuple[int, int]]:
    """(paragraph, run) of the runs that hold the text of more than one element."""
    seen: set[tuple[int, int]] = set()
    shared: set[tuple[int, int]] = set()
    for part in found.parts:
        for number, _run in runs_of(doc, part):
            key = (part.index, number)
            (shared if key in seen else seen).add(key)
    return shared


def element_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """Size, weight, slant and case of each recognised element (FORMAT.md §3.2)."""
    out: list[Result] = []
    shared = _shared_runs(doc, found)
    for part in found.parts:
        runs = runs_of(doc, part)
        if not runs:
            continue
        element = part.element
        name = ELEMENT_NAMES.get(element, element.name)
        box = box_of(element)
        text = text_of(doc, part)
        style = rules.STYLES.get(element)
        limits = size_range(element)
        if limits is not None:
            low, high = limits
            bad = [(n, r) for n, r in runs if not low - 0.01 <= r.size <= high + 0.01]
            if bad:
                sizes = ", ".join(_pt(s) for s in sorted({r.size for _n, r in bad}))
                target = low if bad[0][1].size < low else high
                wanted = f"{_pt(low)} pt" if low == high else f"{_pt(low)}–{_pt(high)} pt"
                out.append(_finding("font.size", box, "§3.2", doc, part.index,
                                    f"{name} cỡ chữ {sizes} pt; quy định {wanted}.",
                                    f"Đặt cỡ chữ {wanted}.", _run_fix(part, bad, shared, size=target), text))
        if style is None:
            continue
        checked = _CHECKED.get(element, ())
        for prop in ("bold", "italic"):
            if prop not in checked:
                continue
            wanted = getattr(style, prop)
            bad = [(n, r) for n, r in runs if getattr(r, prop) != wanted]
            if bad:
                found_text, wanted_text = _WEIGHT[prop, wanted]
                out.append(_finding(f"font.{prop}", box, "§3.2", doc, part.index,
                                    f"{name} {found_text}; quy định {wanted_text}.", f"Đặt {wanted_text}.",
                                    _run_fix(part, bad, shared, **{prop: wanted}), text))
        shown = doc.paragraphs[part.index].shown[part.start:part.end]
        if element in (Element.SIGN_AUTHORITY, Element.SIGN_POSITION):
            shown = SIGNING_PREFIX.sub("", shown.lstrip())  # the prefix's own form is signature.authority-form
        if "upper" in checked and not is_upper(shown) and any(ch.isalpha() for ch in shown):
            out.append(_finding("text.case", box, "§3.2", doc, part.index,
                                f"{name} phải viết in hoa.", "Viết toàn bộ bằng chữ in hoa.", text=text))
        if "lower" in checked and is_upper(shown) and sum(ch.isalpha() for ch in shown) > 3:
            out.append(_finding("text.case", box, "§3.2", doc, part.index,
                                f"{name} viết toàn chữ in hoa; quy định chữ in thường.", _lower_case_fix(element, shown),
                                text=text))
    return out


def _lower_case_fix(element: Element, shown: str) -> str:
    """How to write an element typed all in capitals that the decree prints in small letters: for a summary, the
    text in the decree's case (Phụ lục II, as the importer puts it) to check; not applied by --fix, which changes no
    letter (the capitals of proper names are a guess the clerk confirms)."""
    how = "Viết chữ in thường (viết hoa theo quy tắc chính tả)."
    if element not in (Element.SUBJECT, Element.SUBJECT_VV):
        return how
    text = " ".join(shown.split())
    vv = SUBJECT_LINE.match(text) if element is Element.SUBJECT_VV else None
    suggested = f"V/v {from_capitals(vv.group('rest'), first_capital=False)}" if vv else from_capitals(text)
    return f"{how[:-1]}: “{suggested}” (kiểm tra lại tên riêng)."


def body_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """FORMAT.md §4.1: the body justified, with a first-line indent of 1–1.27 cm."""
    out: list[Result] = []
    indent = rules.FIRST_INDENT_RANGE
    for index in found.body:
        if index in found.free_layout:
            continue
        para: ParaInfo = doc.paragraphs[index]
        # A paragraph on one line prints the same justified or flush left ("Trân trọng./."): no finding.
        if para.align != "both" and not (para.align == "left" and page_layout.break_lines(doc, para).count == 1):
            out.append(_finding("body.align", "6", "§4.1", doc, index,
                                "Đoạn nội dung không căn đều hai bên.", "Căn đều hai bên (Justify).",
                                Fix("paragraph", target=index, align="both")))
        if not para.bullet and not indent.low - ROUNDING <= para.first_indent <= indent.high + ROUNDING:
            wanted = f"{_cm(indent.low)}–{_cm(indent.high)} cm"
            out.append(_finding("body.indent", "6", "§4.1", doc, index,
                                f"Thụt đầu dòng {_cm(para.first_indent)} cm; quy định {wanted}.",
                                f"Đặt thụt đầu dòng (First line) {wanted}.",
                                Fix("paragraph", target=index, first_indent=round(indent.default))))
    return out


def _typed_text(doc: DocInfo, part: Part | None) -> str:
    """The words of a mark typed as a paragraph of the document ("" when there is none)."""
    return doc.paragraphs[part.index].text.strip() if part is not None else ""
