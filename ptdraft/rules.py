"""The format of Nghị định 30/2020/NĐ-CP as data: the one place that holds a size or a margin.

Every number here comes from docs/FORMAT.md (the decree's Phụ lục I, and the
Phụ lục III sample layouts where the decree leaves a choice). Where the decree
gives a range, the default is the value the decree's own examples use (FORMAT.md
§3.2) and the range is recorded beside it so a checker can accept any value in it.

Lengths are in twips (1/20 pt, 1/1440 inch) unless the name says otherwise: ``_PT`` in points, ``_EIGHTHS`` in
eighths of a point (DOCX border widths); font sizes (``size``, ``*_SIZE``) in points; ``line`` and ``*_LINE`` multiples
of a single line. :func:`mm`, :func:`cm` and :func:`pt` give twips.
The layout reads these rules; the DOCX writer and the preview only translate the
layout, so a rule changed here changes every output.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from enum import Enum
from typing import Callable

TWIPS_PER_INCH = 1440
TWIPS_PER_POINT = 20
TWIPS_PER_MM = TWIPS_PER_INCH / 25.4
EIGHTHS_PER_POINT = 8  # DOCX border widths are in eighths of a point


def mm(value: float) -> int:
    """Millimetres to twips."""
    return round(value * TWIPS_PER_MM)


def cm(value: float) -> int:
    """Centimetres to twips."""
    return mm(value * 10)


def pt(value: float) -> int:
    """Points to twips."""
    return round(value * TWIPS_PER_POINT)


def border_twips(eighths: float) -> float:
    """A border width in eighths of a point (as DOCX writes it) in twips."""
    return eighths * TWIPS_PER_POINT / EIGHTHS_PER_POINT


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "both"


class Element(Enum):
    """The parts of a document, with their box number (ô số) on the decree's layout diagram."""

    CIRCULATION = "11"
    NATIONAL_TITLE = "1"
    MOTTO = "1b"
    PARENT_AUTHORITY = "2"
    AUTHORITY = "2b"
    NUMBER = "3"
    PLACE_DATE = "4"
    DOC_TYPE = "5a"
    SUBJECT = "5a-s"
    SUBJECT_VV = "5b"
    SECRECY = "10a"
    URGENCY = "10b"
    RECIPIENTS = "9a"
    DECIDING_AUTHORITY = "6-auth"
    LEGAL_BASIS = "6-basis"
    DECISION_WORD = "6-decides"
    BODY = "6"
    ARTICLE = "6-article"
    LIST_ITEM = "6-item"
    SUB_ITEM = "6-subitem"
    DIVISION = "6-division"  # "Phần I", "Chương II", "Mục 1", "Tiểu mục 1" (§4.2)
    DIVISION_TITLE = "6-division-title"
    SECTION = "6-section"  # a plan's or report's "I. TITLE"
    SUB_CLAUSE = "6-subclause"  # "1.1."
    DASH_ITEM = "6-dash"  # "- " under an item
    TABLE_HEAD = "6-table-head"
    TABLE_CELL = "6-table"
    CLOSING = "6-closing"
    CLOSE = "6-close"
    SIGN_AUTHORITY = "7a"
    SIGN_POSITION = "7a-pos"
    SIGN_NAME = "7b"
    DISTRIBUTION_LABEL = "9b"
    DISTRIBUTION = "9b-list"
    CONTACT = "13"
    PAGE_NUMBER = "page"
    RULE = "rule"
    APPENDIX = "pl"  # "Phụ lục I" (§3.2, the rows without a box number)
    APPENDIX_TITLE = "pl-title"
    ANNEX_NOTE = "pl-note"  # "(Kèm theo … số … ngày … của …)" under an appendix or an attached text
    COPY_KIND = "sao"  # "SAO Y", "SAO LỤC", "TRÍCH SAO" in the copy block of a paper copy (Mẫu 3.1)
    COPY_BOX = "14"  # the signature-information box of an electronic copy, top right of page 1 (Mẫu 3.2)
    DRAFT_MARK = "du-thao"  # "DỰ THẢO" boxed at the top left of page 1 of a draft (not a box of the decree)


@dataclass(frozen=True)
class Range:
    """An allowed closed range; ``default`` is the value ptdraft uses."""

    low: float
    high: float
    default: float

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Style:
    """How one element prints: font, case, paragraph alignment, indents and spacing."""

    size: float
    bold: bool = False
    italic: bool = False
    upper: bool = False
    align: Align = Align.LEFT
    first_indent: int = 0
    left_indent: int = 0
    right_indent: int = 0
    space_before: int = 0
    space_after: int = 0
    line: float = 1.0  # multiple of single line spacing
    exact_height: int = 0  # exact height of each line; 0 means use ``line``
    keep_next: bool = False
    color: str | None = None  # hex RGB, None for black
    keep_lines: bool = False  # the paragraph's lines stay on one page (headings)


def remember_hash(cls: type) -> type:
    """Make a frozen dataclass keep its hash once computed: its objects are shared by many paragraphs and looked up
    by value on every keystroke of the preview and for every letter of a merge."""
    computed: Callable[[object], int] = getattr(cls, "__hash__")  # the dataclass's own, by value

    def __hash__(self: object) -> int:
        found = self.__dict__.get("_hash")
        if found is None:
            found = computed(self)
            object.__setattr__(self, "_hash", found)
        return found

    setattr(cls, "__hash__", __hash__)
    return cls


remember_hash(Style)


@dataclass(frozen=True)
class Page:
    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header: int  # distance from page edge to the header (page number)
    footer: int

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right


FONT = "Times New Roman"

# §1: A4 portrait; top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGIN_RANGES = {
    "top": Range(mm(20), mm(25), mm(20)),
    "bottom": Range(mm(20), mm(25), mm(20)),
    "left": Range(mm(30), mm(35), mm(30)),
    "right": Range(mm(15), mm(20), mm(15)),
}
PAGE = Page(
    width=11906,
    height=16838,
    top=round(MARGIN_RANGES["top"].default),
    bottom=round(MARGIN_RANGES["bottom"].default),
    left=round(MARGIN_RANGES["left"].default),
    right=round(MARGIN_RANGES["right"].default),
    header=mm(10),
    footer=mm(10),
)

# Allowed ranges of font sizes (FORMAT.md §3.2), for the checker.
SIZE_RANGES: dict[Element, tuple[float, float]] = {
    Element.NATIONAL_TITLE: (12, 13),
    Element.MOTTO: (13, 14),
    Element.PARENT_AUTHORITY: (12, 13),
    Element.AUTHORITY: (12, 13),
    Element.NUMBER: (13, 13),
    Element.PLACE_DATE: (13, 14),
    Element.DOC_TYPE: (13, 14),
    Element.SUBJECT: (13, 14),
    Element.SUBJECT_VV: (12, 13),
    Element.BODY: (13, 14),
    Element.SIGN_AUTHORITY: (13, 14),
    Element.SIGN_NAME: (13, 14),
    Element.RECIPIENTS: (13, 14),
    Element.DISTRIBUTION_LABEL: (12, 12),
    Element.DISTRIBUTION: (11, 11),
    Element.CONTACT: (11, 12),
    Element.PAGE_NUMBER: (13, 14),
    Element.URGENCY: (13, 14),
    Element.CIRCULATION: (13, 14),
    Element.APPENDIX: (14, 14),
    Element.APPENDIX_TITLE: (13, 14),
    Element.ANNEX_NOTE: (13, 14),
    Element.COPY_KIND: (13, 14),
    Element.COPY_BOX: (10, 10),
    Element.DRAFT_MARK: (12, 13),
}

BODY_SIZE = 14
FIRST_INDENT = cm(1)  # 1 cm or 1.27 cm (§4.1)
FIRST_INDENT_RANGE = Range(cm(1), cm(1.27), FIRST_INDENT)
PARAGRAPH_SPACE = pt(6)  # at least 6 pt between paragraphs; the samples put it before
BODY_LINE = 1.0  # single to 1.5 lines

# Spacing and widths of the two tables, from the Phụ lục III samples [T].
HEADER_LEFT = cm(6.25)
HEADER_RIGHT = PAGE.text_width - HEADER_LEFT
CLOSING_LEFT = cm(7.0)
CLOSING_RIGHT = PAGE.text_width - CLOSING_LEFT

# Short solid rules: under the issuing authority 1/3–1/2 of its text line; under the motto, as long as the motto.
AUTHORITY_RULE_FRACTION = Range(1 / 3, 1 / 2, 0.42)
RULE_WEIGHT_EIGHTHS = 6  # border width: 0.75 pt
# Gaps in points between a border and its text: a short rule under its (tiny) paragraph, the frame of a stamp or of
# the circulation box, and the full-width line over the contact footer (box 13).
RULE_SPACE_PT = 1
FRAME_SPACE_PT = 2
TOP_RULE_SPACE_PT = 4

# Kính gửi with several recipients (Mẫu 1.5 [T]): the label about 3.5 cm in, the dashes about 4.5 cm in.
RECIPIENTS_LABEL_INDENT = cm(3.5)
RECIPIENTS_DASH_INDENT = cm(4.5)

# Space left for the hand signature and seal between the title lines and the name (house style, §8).
SIGNATURE_SPACE = pt(72)

# The marks of box 10 (Điều 15), lowest first: the words a draft may hold in its secrecy and urgency.
SECRECY_LEVELS = ("MẬT", "TỐI MẬT", "TUYỆT MẬT")
URGENCY_LEVELS = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")
# Urgency stamp frames (§3.2, ô 10b), in twips.
URGENCY_BOX_WIDTH = {"HỎA TỐC": mm(30), "THƯỢNG KHẨN": mm(40), "KHẨN": mm(20)}
URGENCY_COLOR = "FF0000"

# Tables in the body: 13 pt text, a 0.5 pt grid, the text 0.15 cm from the left and right lines, 2 pt above and below.
TABLE_SIZE = 13
TABLE_CELL_SPACE = pt(2)
TABLE_CELL_MARGIN = mm(1.5)
TABLE_BORDER_EIGHTHS = 4  # 0.5 pt

STYLES: dict[Element, Style] = {
    Element.CIRCULATION: Style(13, bold=True, upper=True, align=Align.CENTER),
    Element.NATIONAL_TITLE: Style(12, bold=True, upper=True, align=Align.CENTER),
    Element.MOTTO: Style(13, bold=True, align=Align.CENTER),
    Element.PARENT_AUTHORITY: Style(12, upper=True, align=Align.CENTER),
    Element.AUTHORITY: Style(12, bold=True, upper=True, align=Align.CENTER),
    Element.NUMBER: Style(13, align=Align.CENTER, space_before=pt(6)),
    Element.PLACE_DATE: Style(13, italic=True, align=Align.CENTER, space_before=pt(6)),
    Element.SUBJECT_VV: Style(12, align=Align.CENTER, space_before=pt(6)),
    Element.SECRECY: Style(13, bold=True, upper=True, align=Align.CENTER, space_before=pt(6)),
    Element.URGENCY: Style(13, bold=True, upper=True, align=Align.CENTER, space_before=pt(6),
                           color=URGENCY_COLOR),
    Element.DOC_TYPE: Style(14, bold=True, upper=True, align=Align.CENTER, space_before=pt(18),
                            keep_next=True),
    Element.SUBJECT: Style(14, bold=True, align=Align.CENTER, keep_next=True),
    Element.RECIPIENTS: Style(14, align=Align.LEFT, space_before=pt(6)),
    Element.DECIDING_AUTHORITY: Style(14, bold=True, upper=True, align=Align.CENTER,
                                      space_before=pt(12), space_after=pt(6), keep_next=True),
    Element.LEGAL_BASIS: Style(14, italic=True, align=Align.JUSTIFY, first_indent=FIRST_INDENT,
                               space_before=PARAGRAPH_SPACE, line=BODY_LINE),
    Element.DECISION_WORD: Style(14, bold=True, upper=True, align=Align.CENTER,
                                 space_before=pt(12), space_after=pt(6), keep_next=True),
    Element.BODY: Style(BODY_SIZE, align=Align.JUSTIFY, first_indent=FIRST_INDENT,
                        space_before=PARAGRAPH_SPACE, line=BODY_LINE),
    Element.ARTICLE: Style(BODY_SIZE, align=Align.JUSTIFY, first_indent=FIRST_INDENT,
                           space_before=PARAGRAPH_SPACE, line=BODY_LINE),
    Element.LIST_ITEM: Style(BODY_SIZE, align=Align.JUSTIFY, first_indent=FIRST_INDENT,
                             space_before=PARAGRAPH_SPACE, line=BODY_LINE),
    Element.SUB_ITEM: Style(BODY_SIZE, align=Align.JUSTIFY, first_indent=FIRST_INDENT,
                            space_before=PARAGRAPH_SPACE, line=BODY_LINE),
    Element.CLOSING: Style(BODY_SIZE, align=Align.JUSTIFY, first_indent=FIRST_INDENT,
                           space_before=PARAGRAPH_SPACE, line=BODY_LINE),
    Element.CLOSE: Style(BODY_SIZE, align=Align.JUSTIFY, first_indent=FIRST_INDENT,
                         space_before=PARAGRAPH_SPACE, line=BODY_LINE),
    # §4.2: "Phần I"/"Chương I"/"Mục 1"/"Tiểu mục 1" on a line of their own, centred, bold, normal case; the title
    # on the next line, centred, bold, upper case. A plan's "I. TITLE": bold, upper case. Headings keep with what
    # follows them and never split.
    Element.DIVISION: Style(BODY_SIZE, bold=True, align=Align.CENTER, space_before=pt(12), keep_next=True,
                            keep_lines=True),
    Element.DIVISION_TITLE: Style(BODY_SIZE, bold=True, upper=True, align=Align.CENTER, keep_next=True,
                                  keep_lines=True),
    Element.SECTION: Style(BODY_SIZE, bold=True, upper=True, align=Align.JUSTIFY, first_indent=FIRST_INDENT,
                           space_before=PARAGRAPH_SPACE, line=BODY_LINE, keep_next=True, keep_lines=True),
    Element.SUB_CLAUSE: Style(BODY_SIZE, align=Align.JUSTIFY, first_indent=FIRST_INDENT,
                              space_before=PARAGRAPH_SPACE, line=BODY_LINE),
    Element.DASH_ITEM: Style(BODY_SIZE, align=Align.JUSTIFY, first_indent=FIRST_INDENT,
                             space_before=PARAGRAPH_SPACE, line=BODY_LINE),
    # Tables in the body (plans, reports): 13 pt, the header row bold and centred.
    Element.TABLE_HEAD: Style(TABLE_SIZE, bold=True, align=Align.CENTER, space_before=TABLE_CELL_SPACE,
                              space_after=TABLE_CELL_SPACE),
    Element.TABLE_CELL: Style(TABLE_SIZE, align=Align.LEFT, space_before=TABLE_CELL_SPACE,
                              space_after=TABLE_CELL_SPACE),
    Element.SIGN_AUTHORITY: Style(14, bold=True, upper=True, align=Align.CENTER),
    Element.SIGN_POSITION: Style(14, bold=True, upper=True, align=Align.CENTER),
    Element.SIGN_NAME: Style(14, bold=True, align=Align.CENTER, space_before=SIGNATURE_SPACE),
    Element.DISTRIBUTION_LABEL: Style(12, bold=True, italic=True, align=Align.LEFT),
    Element.DISTRIBUTION: Style(11, align=Align.LEFT),
    Element.CONTACT: Style(11, align=Align.LEFT),
    Element.RULE: Style(2, align=Align.CENTER, exact_height=pt(3)),
    Element.PAGE_NUMBER: Style(14, align=Align.CENTER),
    # §3.2: "Phụ lục" 14 bold, normal case; its title 13–14 bold UPPER; the "Kèm theo" line italic as the body.
    Element.APPENDIX: Style(14, bold=True, align=Align.CENTER, keep_next=True),
    Element.APPENDIX_TITLE: Style(14, bold=True, upper=True, align=Align.CENTER, keep_next=True),
    Element.ANNEX_NOTE: Style(14, italic=True, align=Align.CENTER, keep_next=True),
    # §6.2: the form of copy UPPER, 13–14, bold; §9: box 14 of an electronic copy 10 pt, normal case, upright, black.
    Element.COPY_KIND: Style(14, bold=True, upper=True, align=Align.CENTER),
    Element.COPY_BOX: Style(10, align=Align.LEFT),
    # A draft sent for comment (docs/decisions/0017-du-thao.md): bold upper case like the header's lines, in a box.
    Element.DRAFT_MARK: Style(13, bold=True, upper=True, align=Align.CENTER),
}

# Công điện (Mẫu 1.6): the recipients' dashes in an indented block under "… điện:". FORMAT.md §11 says only
# "indented"; 1.5 cm is ptdraft's choice [U], narrower than the Kính gửi block so long names wrap less.
TELEGRAM_DASH_INDENT = cm(1.5)

# Two signatures side by side (Mẫu 1.9): the Nơi nhận block under the left one, this far below its name.
COSIGNER_DISTRIBUTION_SPACE = pt(18)

# Annexes (Mẫu 1.3, 2.1, 2.2): the word, and the blanks of the "Kèm theo" line where the number and date go.
APPENDIX_WORD = "Phụ lục"
ANNEX_BLANK = "…"
ANNEX_BLANK_DATE = "ngày … tháng … năm …"

# A DOCX cannot end with a table: an empty paragraph follows the closing row. Its exact height (twips) is as small
# as Word and LibreOffice take, so that a closing row filling the last page does not push it onto a page of its own.
END_PARAGRAPH_HEIGHT = 1

# Space between the end of the body and the Nơi nhận / signature row.
CLOSING_ROW_SPACE = pt(12)

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DISTRIBUTION_LABEL = "Nơi nhận:"
RECIPIENTS_LABEL = "Kính gửi:"
ARCHIVE_PREFIX = "Lưu: VT"
SAME_AS_ABOVE = "Như trên"
END_MARK = "./."

# Vietnamese alphabet order for points a), b), c) … (§4.2: no f, j, w, z).
POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

# §4.2: how each level of the body is numbered. Phần and Chương take Roman numerals, Mục and Tiểu mục Arabic ones;
# a plan's sections "I.", its items "1.", their sub-items "1.1.", points "a)", dash lines "-".
DIVISION_NUMERALS = {"Phần": "roman", "Chương": "roman", "Mục": "arabic", "Tiểu mục": "arabic"}
DASH = "-"


def roman(number: int) -> str:
    """1 → "I", 14 → "XIV" (numbers from 1 to 3999)."""
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def division_label(kind: str, number: int) -> str:
    """"Chương II", "Mục 3"."""
    return f"{kind} {roman(number) if DIVISION_NUMERALS.get(kind) == 'roman' else number}"


def section_label(number: int) -> str:
    return f"{roman(number)}."


def item_label(number: int) -> str:
    return f"{number}."


def sub_clause_label(item: int, number: int) -> str:
    return f"{item}.{number}."


def point_label(index: int) -> str:
    """The letter of the point at ``index`` (from 0): "a)", "b)" … "đ)" …"""
    return f"{POINT_LETTERS[index % len(POINT_LETTERS)]})"


# Phụ lục I: where the electronic signatures go, by the names of the PDF's signature fields (ptdraft/outputs/pdf_fields.py).
SIGNER = "chu-ky-nguoi-ky"
SEAL = "con-dau"
COPY = "ban-sao"
ROLES = (SIGNER, SEAL, COPY)
ROLE_NAMES = {
    SIGNER: "chữ ký số của người có thẩm quyền (ô 7c)",
    SEAL: "chữ ký số của cơ quan, hình con dấu (ô 8)",
    COPY: "chữ ký số của cơ quan trên bản sao điện tử, phụ lục hoặc văn bản kèm theo ở tệp riêng (ô 14)",
}

# The mark of a draft (docs/decisions/0017-du-thao.md): the words, and the room between its frame and its text left
# and right. It prints in the first page's header, in the top margin, so the page's text stays where it is.
DRAFT_MARK = "DỰ THẢO"
DRAFT_MARK_PADDING = mm(1.5)

# Copies (Mẫu 3.1, 3.2; ptdraft/outputs/copies.py). The space above the copying body's name under the full-width rule and
# the room between box 14's frame and its text are ptdraft's choice (FORMAT.md gives neither); box 14's time is
# written in the Vietnam time zone, UTC+07:00 (FORMAT.md §9).
COPY_BLOCK_SPACE = pt(6)
COPY_BOX_PADDING = mm(2)
VIETNAM_TIME = _dt.timezone(_dt.timedelta(hours=7), "ICT")
