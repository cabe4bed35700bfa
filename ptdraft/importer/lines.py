"""The lines of an imported text, and the real paragraphs rebuilt from them.

Text copied out of a PDF has a line break at the end of every printed line. Two
layouts are common, and the rebuilding reads which one a text has:

- **indented** (``pdftotext -layout``, or a transcription that keeps the page): the first
  line of each paragraph is indented and the lines that continue it are not, so a line
  indented by two spaces or more starts a paragraph and any other line continues one;
- **flat** (copy and paste from a PDF viewer, often with a blank line after every line,
  as in the sample letter): a line starts a paragraph when the line before it ends a
  sentence or a list entry (. : ; ! ?) and it starts with a capital, a quote or a list
  marker (1. a) - + Điều 2. II.), or when the line before it is short (a heading, the
  last line of a paragraph) and it starts with a capital or a marker; every other line
  continues the paragraph before it.

In both, a blank line ends a paragraph unless blank lines follow every line (then only
two blank lines in a row do), and a line indented far (a centred heading) stands alone.
Lines are joined with one space; a word broken at a hyphen inside a code
("5969/QĐ-" + "UBND") or at a soft hyphen is joined without one. Nothing is dropped
or reordered: the paragraphs hold every word of the lines, in order.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from ptdraft.errors import InputError
from ptdraft.reference import forms
from ptdraft.text import MAX_VALUE, grouped

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Two columns side by side: a gap of three spaces or more, or the " | " a website copy joins table cells with.
_GAP = re.compile(r"[ \u00a0]{3,}|[ \u00a0]*\|[ \u00a0]*")
SOFT_HYPHEN = "\u00ad"

MARKER = re.compile(
    r"^(?:Điều\s+\d{1,3}\s*\.|[IVXLC]{1,7}\.\s|\d{1,3}(?:\.\d{1,3})*\.\s|\d{1,3}\)\s|[a-zđ]\)\s|[-+•–*]\s)"
)
# A numbered item's first line: "4. Xây", "II. CƠ", "Điều 3." (a capital after the number).
_NUMBERED = re.compile(r"^(?:\d{1,3}\.\s+[^\W\d_]|[IVXLC]{1,7}\.\s+[^\W\d_]|Điều\s+\d{1,3}\s*\.)")
_HEADING = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.|[IVXLC]{1,7}\.)\s")
_BEFORE_NUMBER = frozenset(
    "khoản điều mục điểm chương phần số ngày tháng năm lần thứ quý kỳ đợt tại và hoặc đến từ".split()
)
# Words no Vietnamese paragraph ends on, written in small letters: a line that stops on one ("… ngày 10/5/2021 của")
# goes on in the next line, however short it is (a site's odd wrapping).
_NEVER_LAST = frozenset(
    "của và về với cho tại theo các những để trong từ đến là được do bằng hoặc nhằm thuộc vào trên dưới tới giữa "
    "số ngày tháng năm".split()
)
_SENTENCE_END = re.compile(r"[.:;!?…](?:\s*[”\"’)\]])*$")
_CODE_BREAK = re.compile(r"[A-ZĐ0-9/]-")  # the end of a line broken inside a symbol ("5969/QĐ-")

CENTRED_INDENT = 16  # spaces: a line indented this far is a centred heading, not a paragraph's first line
PARAGRAPH_INDENT = 2  # spaces: the first line of a paragraph in an indented text


@dataclass(frozen=True)
class Line:
    """One non-blank line: its text with the margin and runs of spaces folded, its indent,
    its 1-based number in the source, and whether a meaningful blank line comes before it."""

    text: str
    indent: int
    number: int
    blank_before: bool = False
    soft_break: bool = False  # the printed line ended in a soft hyphen: the word goes on
    raw: str = ""  # the text with its inner runs of spaces (the gap between two columns)

    @property
    def columns(self) -> list[str]:
        """The pieces of the line between gaps of three spaces or more or a "|" (two columns side by side)."""
        return [fold(piece) for piece in _GAP.split(self.raw or self.text) if piece.strip()]

    @property
    def width(self) -> int:
        return self.indent + len(self.text)


def fold(text: str) -> str:
    """Runs of spaces as one space, trimmed."""
    return _SPACES.sub(" ", text).strip()


TAB_STOP = 4  # spaces between tab stops
_COLUMN_GAP = 3  # spaces: the narrowest gap ``Line.columns`` reads as two columns


def _expand_tabs(line: str) -> str:
    """``line`` with each tab as spaces to the next tab stop; a tab after text leaves a column's gap at least (a
    clerk's "- Các sở, ngành;<tab>Ký bởi: …" sets two columns apart with one tab, however close its stop)."""
    out: list[str] = []
    column = 0
    after_text = False
    for ch in line:
        if ch == "\t":
            spaces = TAB_STOP - column % TAB_STOP
            if after_text and spaces < _COLUMN_GAP:
                spaces += TAB_STOP
            out.append(" " * spaces)
            column += spaces
        else:
            out.append(ch)
            column += 1
            after_text = after_text or not ch.isspace()
    return "".join(out)


def lines_of(text: str) -> list[Line]:
    """The non-blank lines of ``text``."""
    raw = text.split("\n")
    filled = [bool(line.strip(" \t\u00a0" + SOFT_HYPHEN)) for line in raw]
    count = sum(filled)
    after_blank = sum(1 for i in range(1, len(raw)) if filled[i] and not filled[i - 1])
    # Blank lines between (nearly) all lines carry no meaning; then only two in a row end a paragraph.
    double_spaced = count > 2 and after_blank >= 0.6 * (count - 1)
    out: list[Line] = []
    blanks = 0
    for number, line in enumerate(raw, start=1):
        if not filled[number - 1]:
            blanks += 1
            continue
        expanded = _expand_tabs(line).replace("\u00a0", " ")
        stripped = expanded.rstrip(" \t")
        soft = stripped.endswith(SOFT_HYPHEN)
        body = stripped.rstrip(SOFT_HYPHEN)
        indent = len(body) - len(body.lstrip(" "))
        meaningful = blanks >= (2 if double_spaced else 1)
        out.append(Line(fold(body), indent, number, meaningful and bool(out), soft, body.strip()))
        blanks = 0
    return out


@dataclass(frozen=True)
class Paragraph:
    """A rebuilt paragraph and the numbers of the lines it came from."""

    text: str
    first_line: int
    last_line: int


def is_indented(lines: list[Line]) -> bool:
    """Whether paragraphs are marked by indenting their first line."""
    indented = sum(1 for line in lines if PARAGRAPH_INDENT <= line.indent < CENTRED_INDENT)
    flush = sum(1 for line in lines if line.indent < PARAGRAPH_INDENT)
    return indented >= 2 and flush >= 1 and indented >= 0.08 * len(lines)


def full_width(lines: list[Line]) -> float:
    """The width of a full printed line: the 90th percentile of the lines' widths, in characters."""
    widths = sorted(line.width for line in lines)
    if not widths:
        return 0.0
    return float(widths[int(0.9 * (len(widths) - 1))]) if len(widths) > 1 else float(statistics.mean(widths))


_ARTICLE_ALONE = re.compile(r"Điều\s+\d{1,3}\s*[.:]?")
_DECIDING_WORD = re.compile(r"(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|CHỈ\s+THỊ|QUY\s+ĐỊNH|NGHỊ\s+QUYẾT)\s*:")


def _starts_capital(text: str) -> bool:
    first = text.lstrip("“\"‘'([")[:1]
    return first.isupper() or first.isdigit()


def _is_heading(text: str) -> bool:
    """A one-line numbered heading ("2.6. Bế mạc Festival …"): no final mark, no dash, comma or quote left open."""
    return (
        bool(_HEADING.match(text)) and not _SENTENCE_END.search(text) and not text.endswith(("-", "–", ","))
        and text.count("“") <= text.count("”") and text.count("(") <= text.count(")")
    )


def _name_first(text: str) -> bool:
    """A line that opens with a name of two capitalised words or more ("Đông Xuân 2023-2024, …", "Hà Nội")."""
    words = [word.rstrip(",.;:") for word in text.split()[:2]]
    return len(words) == 2 and all(word.isalpha() and word[:1].isupper() and word[1:].islower() for word in words)


def _cut_mid_sentence(previous: Line, line: Line, flowing: bool) -> bool:
    """A paragraph of full lines whose last printed line on a page stops short, mid-sentence (no mark, a word in small
    letters: "… tiếp tục sản xuất thắng lợi vụ"), and goes on with a name ("Đông Xuân 2023-2024, …"): one paragraph."""
    return flowing and previous.text[-1:].islower() and not MARKER.match(line.text) and _name_first(line.text)


def _starts_paragraph(previous: Line, line: Line, indented: bool, width: float, heading: bool,
                      flowing: bool = False) -> bool:
    """Whether ``line`` starts a paragraph; ``heading``: the paragraph so far is one line opened by a number;
    ``flowing``: the paragraph so far runs over full lines before ``previous``."""
    if line.blank_before or line.indent >= CENTRED_INDENT or previous.indent >= CENTRED_INDENT:
        return True
    if _ARTICLE_ALONE.fullmatch(previous.text):
        return False  # "Điều 1." printed on a line of its own above its text (a website's wrapping)
    if _DECIDING_WORD.fullmatch(line.text) or _DECIDING_WORD.fullmatch(previous.text):
        return True  # "QUYẾT ĐỊNH:" under the legal bases is a line of its own
    if forms.LEGAL_BASIS_START.match(line.text) and not previous.text.endswith(("-", "–", ",")):
        return True  # "Căn cứ …" under a basis its typist left without ";"
    if indented:
        return line.indent >= PARAGRAPH_INDENT
    ends = bool(_SENTENCE_END.search(previous.text))
    short = previous.width < 0.7 * width
    capital = _starts_capital(line.text) or line.text[:1] in "“\""
    if _NUMBERED.match(line.text):
        # "4. Xây dựng …", "II. CƠ QUAN …", "Điều 3. …": a new item, unless the line above ends
        # with a word a number follows ("… tại khoản" / "2. …").
        words = previous.text.split()
        return ends or short or not words or words[-1].lower() not in _BEFORE_NUMBER
    words = previous.text.split()
    if line.text[:1].isdigit() and words and words[-1].lower() in _BEFORE_NUMBER and not MARKER.match(line.text):
        return False  # "… ngày" / "26/6/2015 của …": a date or a number the line above leads to
    if words and words[-1] in _NEVER_LAST and not MARKER.match(line.text) and not heading:
        return False  # "… ngày 10/5/2021 của" / "Thủ tướng Chính phủ …": the sentence goes on
    if heading and (capital or MARKER.match(line.text)) and previous.width <= 0.8 * width:
        return True  # "2.6. Bế mạc Festival …" is a heading: what follows is a paragraph of its own
    if MARKER.match(line.text) or capital:
        return ends or (short and not _cut_mid_sentence(previous, line, flowing))
    return False


def join_lines(first: str, second: str, soft: bool = False) -> str:
    """Two printed lines of one paragraph joined: with a space, or without one inside a broken word."""
    if soft:
        return first + second
    if _CODE_BREAK.fullmatch(first[-2:]) and (second[:1].isupper() or second[:1].isdigit()):
        return first + second  # "5969/QĐ-" + "UBND": a symbol has no spaces
    return f"{first} {second}"


def paragraphs(lines: list[Line], *, one_per_line: bool = False) -> list[Paragraph]:
    """The real paragraphs of a run of printed lines; ``one_per_line`` when each line is one already (DOCX)."""
    if not lines:
        return []
    if one_per_line:
        return [Paragraph(line.text, line.number, line.number) for line in lines]
    indented = is_indented(lines)
    width = full_width(lines)
    out: list[Paragraph] = []
    text, first, previous = lines[0].text, lines[0].number, lines[0]
    flowing = False  # the line before ``previous`` is of the same paragraph and of a full line's width
    for line in lines[1:]:
        heading = first == previous.number and _is_heading(text)
        if _starts_paragraph(previous, line, indented, width, heading, flowing):
            out.append(Paragraph(text, first, previous.number))
            text, first = line.text, line.number
            flowing = False
        else:
            text = join_lines(text, line.text, previous.soft_break)
            flowing = previous.width >= 0.9 * width
        previous = line
    out.append(Paragraph(text, first, previous.number))
    for paragraph in out:
        if len(paragraph.text) > MAX_VALUE:  # each line is under it (read_source); joined they may not be
            raise InputError(
                f"dòng {paragraph.first_line}–{paragraph.last_line} liền nhau thành một đoạn dài "
                f"{grouped(len(paragraph.text))} ký tự, quá giới hạn {grouped(MAX_VALUE)} ký tự một đoạn: "
                "hãy để một dòng trống giữa các đoạn văn")
    return out
