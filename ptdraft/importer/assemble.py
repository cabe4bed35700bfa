"""An imported letter put together: its lines split into header, Kính gửi, body, Nơi nhận and signature,
and each part placed in a :class:`~ptdraft.model.Content`."""
from __future__ import annotations

import dataclasses
import re
from typing import Any

from ptdraft.reference import doctypes, forms
from ptdraft.importer import lists, structure
from ptdraft.importer.annexes import first_annex, parse_annexes
from ptdraft.importer.header import (
    Header, drop_chrome, layout_columns, opens_a_body, parse_header, signature_cell_lines, split_columns,
    split_run_together, strip_residue, subject_text, tidy_header, upper_line,
)
from ptdraft.importer.lines import CENTRED_INDENT, Line, fold, is_indented, lines_of, paragraphs
from ptdraft.importer.report import ImportReport
from ptdraft.importer.tables import lift_tables, markdown_layout_apart, named, restore
from ptdraft.importer.signature import (
    SignatureBlock, is_placeholder, name_alone, parse_signature, placeholders_apart, signer_name, small_title_over_name,
    title_in_small_letters, title_with_name,
)
from ptdraft.vietnamese.names import is_personal_name
from ptdraft.vietnamese.recase import all_capitals, from_capitals
from ptdraft.importer.source import Source
from ptdraft.model import NO_TYPE_GROUP, Content, Draft, Item
from ptdraft import rules
from ptdraft.reference.metrics import wrapped_widths
from ptdraft.rules import END_MARK

# A summary a website printed all in capitals ("VỀ VIỆC BAN HÀNH …"): the draft prints it in the decree's case.
SUBJECT_RECASED = ("Trích yếu in hoa toàn bộ (bản chép trên trang web): đã chuyển về chữ thường theo Phụ lục II; "
                   "kiểm tra lại tên riêng")
_PAGE_NUMBER = re.compile(r"^[-–]?\s*\d{1,3}\s*[-–]?$")
# Page furniture a PDF or a website leaves between the lines of a letter: never part of it.
_FURNITURE = (
    ("số trang", re.compile(r"^(?:Trang|Page)\s+\d{1,3}(?:\s*(?:/|of|trên)\s*\d{1,3})?$", re.I)),
    ("đường dẫn tệp", re.compile(r"^(?:[A-Za-z]:?\\|[A-Za-z]:/|file:/)\S.*$")),
    ("địa chỉ trang web", re.compile(r"^(?:https?://|www\.)\S+$", re.I)),
    ("dòng chỉ có dấu chấm, dấu phẩy", re.compile(r"^[\s.…·,;:]+$")),
    ("dấu vết chữ ký số", re.compile(
        rf"^(?:{forms.E_SIGNED_BY})\s*:.*$"
        r"|^\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?$", re.I)),
)


# The other fields of an e-signature stamp ("Người ký: …", "Email: …", "Cơ quan: …", "Thời gian ký: …"): residue only
# beside one of its signing lines ("Email: …" alone may be the letter's own contact line).
_STAMP_FIELD = re.compile(rf"^(?:{forms.E_STAMP_FIELD})\s*:.*$", re.I)


# What a Word file saved as a web page leaves in its text ("Normal 0 false false false EN-US X-NONE X-NONE",
# "MicrosoftInternetExplorer4", "<!--[if gte mso 9]>…") and a site's picture placeholders ("[image]", "<image>…</image>"):
# dropped wherever they stand, even between the header's lines.
_CONVERTER_RESIDUE = re.compile(
    r"^(?:Normal\s+\d+(?:\s+(?:false|true))+\b.*|MicrosoftInternetExplorer\d.*|<!--.*|<!\[endif\]-->.*|</?xml\b.*"
    r"|/\*\s*Style\s+Definitions\s*\*/.*|table\.MsoNormalTable.*"
    r"|\[(?:image|img|picture|hình(?:\s+ảnh)?|ảnh|logo)\b[^\]]*\]|<image>.*</image>)$", re.I)


def _drop_matching(lines: list[Line], pattern: re.Pattern, notes: list[str], what: str) -> list[Line]:
    """``lines`` without those ``pattern`` matches, each named in a note as ``what``."""
    kept = []
    for line in lines:
        if pattern.match(line.text):
            notes.append(f"bỏ {what} “{line.text[:60]}” (dòng {line.number})")
        else:
            kept.append(line)
    return kept


def _drop_converter_residue(lines: list[Line], notes: list[str]) -> list[Line]:
    return _drop_matching(lines, _CONVERTER_RESIDUE, notes, "dòng do phần mềm chuyển đổi hoặc trang web để lại")


def _drop_furniture(lines: list[Line], notes: list[str]) -> list[Line]:
    """``lines`` without page furniture and e-signature residue; a note names each line dropped."""
    kept = []
    signing = dict(_FURNITURE)["dấu vết chữ ký số"]
    near = {j for i, line in enumerate(lines) if any(signing.match(piece) for piece in [line.text, *line.columns])
            for j in range(i - 3, i + 4)}
    path = dict(_FURNITURE)["đường dẫn tệp"]
    for index, line in enumerate(lines):
        reason = next((name for name, pattern in _FURNITURE if pattern.match(line.text)), None)
        if reason is None and index in near and _STAMP_FIELD.match(line.text):
            reason = "dấu vết chữ ký số"
        if reason is None and index and path.match(lines[index - 1].text) and _path_goes_on(line):
            reason = "đường dẫn tệp"  # "d:\2011\CV\SVH\T4\Bau" / "cho Vinh Ha Long": the path wrapped in a narrow cell
        if reason:
            notes.append(f"bỏ {reason} “{line.text}” (dòng {line.number})")
            continue
        columns = line.columns
        residue = [piece for piece in columns if signing.match(piece) or (index in near and _STAMP_FIELD.match(piece))]
        if residue and len(residue) < len(columns):
            # The stamp's fields in a column of their own beside a Nơi nhận entry ("- Các sở, ngành;<tab>Ký bởi: …"):
            # the other columns stay, the gap between them kept.
            others = [piece for piece in columns if piece not in residue]
            for piece in residue:
                notes.append(f"bỏ dấu vết chữ ký số “{piece}” (dòng {line.number})")
            line = dataclasses.replace(line, text=" ".join(others), raw="     ".join(others))
        stamp = _STAMP_AFTER_ENTRY.search(line.text) if lists.BULLET.match(line.text) and len(columns) < 2 else None
        if stamp:  # "- Lưu: VT. Ký bởi: Ủy ban nhân dân tỉnh …": the stamp's words read onto the entry's row
            notes.append(f"bỏ dấu vết chữ ký số “{line.text[stamp.end():]}” (dòng {line.number})")
            line = dataclasses.replace(line, text=line.text[:stamp.start()], raw=line.text[:stamp.start()])
        kept.append(line)
    return kept


_STAMP_AFTER_ENTRY = re.compile(rf"(?<=[;.])\s+(?=(?:{forms.E_SIGNED_BY})\s*:)", re.I)


def _path_goes_on(line: Line) -> bool:
    """Whether ``line``, right under a file's path with no blank line between, is the path's end wrapped onto it: a
    few words without Vietnamese letters (a file's name), no entry's dash, no label."""
    return not line.blank_before and len(line.text.split()) <= 4 and line.text.isascii() \
        and not line.text.startswith(("-", "+", "•", "(")) and ":" not in line.text


# A website's lines under the letter: a copyright line, the site's name, a download box.
_SITE_MARK = re.compile(r"©|\bbản\s+quyền\b|\bcopyright\b|\btải\s+(?:về|bản\s+đầy\s+đủ|file\s+đính\s+kèm)\b"
                        r"|^This div, which you should delete"  # vbpl.vn's page template under the text
                        r"|\b[\w-]+\.(?:com|net|org|vn)\b"
                        # a page's widgets under the letter: rating, comments, sharing, views, "back to top"
                        r"|^(?:đánh\s+giá\s+bài\s+viết|\d*\s*bình\s+luận|chia\s+sẻ(?:\s+bài\s+viết)?|sắp\s+xếp\s+theo"
                        r"|lượt\s+xem\b.*|ý\s+kiến\s+bạn\s+đọc|lên\s+đầu\s+trang|in\s+bài\s+viết|(?:bài|tin)\s+(?:viết\s+)?liên\s+quan)\s*:?$"
                        # a law site's tabs and its login box ("Văn bản liên quan | Lược đồ", "Bạn chưa đăng nhập…")
                        r"|^(?:văn\s+bản\s+(?:liên\s+quan|gốc|tiếng\s+anh)|lược\s+đồ|thuộc\s+tính|tiếng\s+anh)\s*(?:\||$)"
                        r"|\bbạn\s+(?:chưa|cần)\s+đăng\s+nhập\b|\bđăng\s+ký\s+thành\s+viên\b|\bxem\s+toàn\s+văn\b",
                        re.I)


_LITERAL_BREAK = re.compile(r"\\r\\n")


def _literal_breaks(text: str, notes: list[str]) -> str:
    """A page that prints its line breaks as the characters "\\r\\n" (dulieuphapluat.vn): those as line breaks."""
    found = len(_LITERAL_BREAK.findall(text))
    if found < 3:
        return text
    notes.append(f"đọc {found} chuỗi ký tự “\\r\\n” của trang web là chỗ xuống dòng")
    return _LITERAL_BREAK.sub("\n", text)


_MARKDOWN_BOLD = re.compile(r"(?<!\*)\*\*(?!\*)")  # "**TỜ TRÌNH**", never a typed rule of asterisks
_MARKDOWN_BOLD_ITALIC = re.compile(r"(?<!\*)\*\*\*(?!\*)")  # "***Độc lập …***", or "**" closing after a "*"
_MARKDOWN_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)
_DOUBLED_DASH = re.compile(r"^([ \t]*)[-–][ \t]+[-–][ \t]+", re.M)  # "- - Như trên;": a list mark over a list mark


_MARKDOWN_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M)
_CLOSING_FORMS = re.compile(rf"{forms.DISTRIBUTION_WORD}|(?:^|[\s|*>])(?:TM|KT|TL|TUQ)\.\s|PH[ỤU]\s+L[ỤU]C", re.I)
ASSISTANT_TAIL = 600  # characters: an assistant's note after the letter ("Lưu ý: …", "Bạn có muốn …?")


def _assistant_tail_off(text: str, notes: list[str]) -> str:
    """A chat assistant's note after the letter's end, under a "---" rule ("*Lưu ý: Bạn cần điền lại số văn bản…*",
    "Bạn có muốn tôi soạn thêm …?"): dropped with a note quoting it, so it is read as neither Nơi nhận nor the
    signer. Only a short text with none of the closing's forms in it, after a Nơi nhận or a signature."""
    rules = list(_MARKDOWN_RULE.finditer(text))
    if not rules:
        return text
    last = rules[-1]
    head, tail = text[:last.start()], text[last.end():].strip()
    if not tail or len(tail) > ASSISTANT_TAIL or _CLOSING_FORMS.search(tail) or not _CLOSING_FORMS.search(head):
        return text
    notes.append(f"bỏ lời ghi chú sau đường kẻ cuối văn bản (của trợ lý viết văn bản): “{' '.join(tail.split())[:120]}”")
    return head.rstrip() + "\n"


def _markdown_off(text: str, notes: list[str]) -> str:
    """A text an OCR tool or a chat assistant wrote in Markdown ("**UBND HUYỆN …**", "*Độc lập …*", "# TỜ TRÌNH",
    "- - Như trên;"): the marks taken off, with a note. A text with fewer than two bold marks is left as it is."""
    found = len(_MARKDOWN_BOLD.findall(text))
    if found < 2:
        return text
    text = _assistant_tail_off(text, notes)
    text = _MARKDOWN_BOLD.sub("", _MARKDOWN_BOLD_ITALIC.sub("*", text))  # "***": a bold's and an italic's marks
    text = _MARKDOWN_ITALIC.sub(r"\1", text)
    text = _MARKDOWN_HEADING.sub("", text)
    text = _DOUBLED_DASH.sub(r"\1- ", text)
    notes.append(f"bỏ {found} dấu “**” và các dấu khác của Markdown (văn bản do phần mềm nhận dạng chữ hoặc trợ lý "
                 "viết ra)")
    return text


def _bars_as_gaps(lines: list[Line]) -> list[Line]:
    """The "|" lines that close a website's table cells (the Kính gửi cell, the Nơi nhận cell) as a gap before the
    next line: a list ends there, and no "|" is left to land in a list or the body."""
    out: list[Line] = []
    gap = False
    for line in lines:
        if not line.text.strip(" |"):
            gap = True
            continue
        out.append(dataclasses.replace(line, blank_before=True) if gap and out else line)
        gap = False
    return out


def _edge_bars_off(lines: list[Line]) -> list[Line]:
    """A website's cell edges ("| Nơi nhận:", "Bùi Văn Tỉnh |", "| KT. CHỦ TỊCH … |") off the lines they stand on;
    a line with a bar inside it (two cells joined, a table's row) keeps its bars."""
    out: list[Line] = []
    for line in lines:
        inner = line.text.strip(" |")
        if "|" in line.text and inner and "|" not in inner:
            out.append(dataclasses.replace(line, text=inner, raw=(line.raw or line.text).strip(" |")))
        else:
            out.append(line)
    return out


def _drop_site_tail(leftover: list[Line], notes: list[str]) -> list[Line]:
    """The lines left after the signature, without the website's lines from the first one that names the site on."""
    cut = next((i for i, line in enumerate(leftover) if _SITE_MARK.search(line.text)), None)
    if cut is None:
        return leftover
    dropped = " / ".join(line.text for line in leftover[cut:])
    notes.append(f"bỏ {len(leftover) - cut} dòng của trang web sau chữ ký: “{dropped[:120]}”")
    return leftover[:cut]


def _page_numbers_off(leftover: list[Line], notes: list[str]) -> list[Line]:
    """The lines left after the signature without a page's number ("1", "- 2 -"), each named in a note."""
    return _drop_matching(leftover, _PAGE_NUMBER, notes, "số trang sau chữ ký")


def _name_line(text: str) -> bool:
    """A signer's name as names are typed (not in capitals, which a title line also is)."""
    return not upper_line(text) and is_personal_name(text)


def _split_footer(lines: list[Line]) -> list[Line]:
    """Nơi nhận and signature side by side (``pdftotext -layout``) as the left column, then the right."""
    left: list[Line] = []
    right: list[Line] = []
    cells_joined = False  # a website copy joins the left cell's last line to the right cell's first with " | "
    listing = False  # after "Nơi nhận:"
    previous: Line | None = None
    small_titles = {i for i in range(len(lines)) if small_title_over_name(lines, i)}
    # The two cells copied row by row, each row's halves joined by " | " ("- Như trên; | PHÓ GIÁM ĐỐC"): every such
    # line is split where the bar stands, and the bar never joins the rest of the lines to the right cell.
    rows_joined = sum(1 for line in lines if "|" in line.text and len(line.columns) == 2) >= 2
    for index, line in enumerate(lines):
        line = _signing_cell_apart(line, bool(right) and not any(_name_line(r.text) for r in right))
        pieces = line.columns
        cell = signature_cell_lines(pieces[1]) if len(pieces) == 2 else []
        if cells_joined:
            right.append(line)
        elif rows_joined and "|" in line.text:  # either half may be empty: "- Lưu: VT, VP. |", " | Trần Thị Bình"
            left_half, right_half = (fold(half) for half in line.text.split("|", 1))
            if left_half:
                left.extend(_entries_apart(Line(left_half, line.indent, line.number, line.blank_before)))
            if right_half:
                right.extend(Line(piece, 0, line.number, line.blank_before and n == 0)
                             for n, piece in enumerate(signature_cell_lines(right_half)))
        elif rows_joined and forms.SIGNED.match(line.text.strip()):
            right.append(line)  # "(Đã ký)" set on a line of its own from a row: it stands in the signature
        elif len(pieces) == 2 and (lists.is_signature_start(Line(pieces[1], 0, 0)) or upper_line(pieces[1])
                                   or (right and (is_personal_name(pieces[1]) or title_in_small_letters(pieces[1])))
                                   or _small_title_over_column_name(lines, index, pieces[1])
                                   or (len(cell) > 1 and upper_line(cell[0]) and is_personal_name(cell[-1]))) \
                and not pieces[1].startswith("("):
            # the right piece a signature cell flattened ("BỘ TRƯỞNG, CHỦ NHIỆM (Đã ký) Nguyễn Xuân Phúc") too
            left.extend(_entries_apart(Line(pieces[0], line.indent, line.number, line.blank_before)))
            right.extend(Line(piece, 0, line.number, line.blank_before and n == 0) for n, piece in enumerate(cell))
            cells_joined = "|" in line.text
        elif line.indent >= CENTRED_INDENT and not line.text.startswith(("-", "(")) \
                and (right or left or _signature_line(line, right)):  # a centred signature may come first
            right.append(line)
        elif right and not any(_name_line(r.text) for r in right) and _name_line(line.text) \
                and any(upper_line(r.text) for r in right):
            right.append(line)  # the name under the titles, even where a PDF's text puts it inside an entry
        elif listing and right and right[-1] is previous and not line.text.startswith(("-", "+", "•")) \
                and not (_name_line(right[-1].text) and left and not left[-1].text.rstrip().endswith((";", "."))):
            # A line under the signature's last line goes on with the signature block, except after the name when a
            # Nơi nhận entry was left open above it (a PDF's text puts the name inside an entry that goes on).
            right.append(line)
        elif listing and (_signature_line(line, right) or index in small_titles) and (
                lists.is_signature_start(line) or (right and right[-1] is previous)
                or not left or left[-1].text.rstrip().endswith((";", "."))
                or (left[-1].text.rstrip().endswith(":") and bool(lists.DISTRIBUTION.match(left[-1].text)))):
            # The two cells read row by row: a signature line between the Nơi nhận entries (an entry left open,
            # "…, phòng: KGVX," above a line of capitals, goes on with that line).
            right.append(line)
        else:
            entries = _entries_apart(line)
            last = _signing_cell_apart(entries[-1]) if len(entries) > 1 else entries[-1]
            if last is not entries[-1]:  # "Nơi nhận: - Như trên; - Lưu: VT. KT. CHỦ TỊCH …": one line for both cells
                entry, signing = last.columns
                entries[-1] = dataclasses.replace(last, text=entry, raw=entry)
                right.append(Line(signing, 0, line.number, line.blank_before))
            left.extend(entries)
        previous = line
        listing = listing or bool(lists.DISTRIBUTION.match(line.text))
    return left + right


def _small_title_over_column_name(lines: list[Line], index: int, piece: str) -> bool:
    """Whether ``piece``, a line's right column, is a title in small letters ("Phó Thủ tướng") with a personal name
    in the right column (or the line) of one of the next lines: the signature beside the Nơi nhận entries."""
    if not title_in_small_letters(piece):
        return False
    for line in lines[index + 1:index + 4]:
        last = line.columns[-1] if line.columns else ""
        if last and is_personal_name(last) and not upper_line(last):
            return True
    return False


# The signature's cell read onto the end of a Nơi nhận line with one space between ("Nơi nhận: KT. CHỦ TỊCH",
# "- Như trên; PHÓ CHỦ TỊCH"): after "Nơi nhận:" or an entry's final mark, a signing form or a title in capitals; a
# signing form may stand glued to the mark ("- Lưu: VT, TH1, NC2.KT. CHỦ TỊCH").
_SIGNING_TAIL = re.compile(rf"^(?P<left>{forms.DISTRIBUTION_WORD}\s*:|[-–+•].*?[;.])(?:\s+|(?=(?:TM|KT|TL|TUQ|Q)\.\s*[A-ZĐÀ-Ỹ]))"
                           r"(?P<right>[A-ZĐÀ-Ỹ][^;:,]*)$")
# The same under the titles: "(Đã ký)" (its brackets) or a name after the entry's mark.
_SIGNING_TAIL_MARK = re.compile(r"^(?P<left>[-–+•].*?[;.])\s+(?P<right>[(\[A-ZĐÀ-Ỹ][^;:,]*)$")
_SECOND_TITLE = re.compile(r"^(?:PHỤ\s+TRÁCH|THƯỜNG\s+TRỰC|BÍ\s+THƯ)$")  # "PHÓ GIÁM ĐỐC" / "PHỤ TRÁCH"; "TM. BAN …" / "BÍ THƯ"
_TITLE_WORD = re.compile(r"\b(?:TRƯỞNG|PHÓ|CHỦ\s+TỊCH|GIÁM\s+ĐỐC|THỦ\s+TƯỚNG|CHÁNH|ỦY\s+VIÊN|THƯ\s+KÝ|CHỦ\s+NHIỆM)\b")


def _plain_signature_at(lines: list[Line], index: int) -> bool:
    """Whether a signature without "TM."/"KT."/"TL." starts at ``index`` before (or without) the Nơi nhận block: a post
    in capitals ("CHỦ TỊCH", "BỘ TRƯỞNG, CHỦ NHIỆM"), maybe a second such line and signature residue, then a personal
    name, and after it nothing but the Nơi nhận block or the end of the text."""
    text = lines[index].text
    joined = title_with_name(text)  # "CHỦ TỊCH Bùi Văn Tỉnh": the title and the name on one line
    small = small_title_over_name(lines, index)  # "Giám đốc" over the name
    if not ((upper_line(text) and _TITLE_WORD.search(text)) or joined or small) or text.endswith((".", ";", ":")):
        return False
    for offset, line in enumerate(lines[index:index + 5], start=index):
        if offset == index and not joined:
            continue
        if not joined and (is_placeholder(line.text) or (upper_line(line.text) and offset == index + 1 and not small)):
            continue
        if not joined and not signer_name(line.text):
            return False
        after = lines[offset + 1:]
        # A block of capitals further down is the letter's signature (this one a co-signer's, as a Biên bản's THƯ KÝ).
        return (not after or bool(lists.DISTRIBUTION.match(after[0].text))) and not any(
            upper_line(rest.text) and not rest.text.startswith(("-", "+", "•")) for rest in after)
    return False


def _name_cell_at(lines: list[Line], index: int, start: int) -> bool:
    """Whether the signer's name stands alone at ``index`` after the body's last sentence, with only the Nơi nhận
    block (or nothing) after it: a signature cell holding the name only, read before the Nơi nhận cell or last."""
    return index > start and lines[index - 1].text.rstrip().endswith((".", "!", "?")) \
        and bool(name_alone(lines[index:])) and (index + 1 == len(lines) or bool(lists.DISTRIBUTION.match(lines[index + 1].text)))


def _signing_cell_apart(line: Line, under_titles: bool = False) -> Line:
    """``line`` with a signature line read onto its end set apart as a second column (see ``_SIGNING_TAIL``); under
    the signature's titles (``under_titles``: read on the rows above, no name yet) also a second title line in
    capitals ("- Như trên; PHỤ TRÁCH"), "(Đã ký)" or the signer's name ("- Lưu: VT. Nguyễn Văn An")."""
    match = _SIGNING_TAIL.match(line.text) or (_SIGNING_TAIL_MARK.match(line.text) if under_titles else None)
    if not match or len(line.columns) > 1:
        return line
    right = match.group("right").strip()
    signing = lists.is_signature_start(Line(right, 0, 0))
    # A title line of two words or more (not a Lưu entry's unit codes "VT,TH. TT."), the residue, or the name.
    below = under_titles and (is_placeholder(right) or (len(right.split()) >= 2 and _name_line(right))
                              or (upper_line(right) and len(right.split()) >= 2 and not right.endswith(".")
                                  and bool(_TITLE_WORD.search(right) or _SECOND_TITLE.match(right))))
    if not below and (not (upper_line(right) or title_with_name(right)) or len(right.split()) < 2
                      or not (signing or _TITLE_WORD.search(right))):
        return line
    return dataclasses.replace(line, raw=f"{match.group('left')}     {right}")


_TWO_ENTRIES = re.compile(r"(?<=;)\s*(?=[-–+•]\s)|(?<=:)\s*(?=[-–+•]\s)")


def _entries_apart(line: Line) -> list[Line]:
    """A line holding two Nơi nhận entries ("- Phòng VX;- Lưu VT, …", "Nơi nhận: - Như trên; - Lưu: VT.") as lines."""
    opens = line.text.startswith(("-", "+", "•")) or bool(lists.DISTRIBUTION.match(line.text))
    pieces = [piece.strip() for piece in _TWO_ENTRIES.split(line.text)] if opens else []
    if len(pieces) < 2:
        return [line]
    return [dataclasses.replace(line, text=piece, raw=piece, blank_before=line.blank_before and i == 0)
            for i, piece in enumerate(pieces)]


def _signature_line(line: Line, right: list[Line]) -> bool:
    """A line of the signature block (titles, a placeholder, the name under them), not a Nơi nhận entry."""
    text = line.text
    if text.startswith(("-", "+", "•", "(")) and not is_placeholder(text):
        return False
    return upper_line(text) or lists.is_signature_start(line) or is_placeholder(text) \
        or title_with_name(text) or bool(right and signer_name(text))


_YEAR = re.compile(r"^(?P<year>(?:19[4-9]|2\d\d)\d)/(?P<rest>.+)$")


def _cell_lines(lines: list[str], element: rules.Element) -> str:
    """An agency name's lines as the letter broke them, where each fits the header's left cell as ptdraft prints it;
    one name broken in a wider cell than ptdraft's ("TỔ CÔNG TÁC CHUYÊN TRÁCH CẢI" / "CÁCH THỦ TỤC …") would wrap again
    inside each line, so its lines are joined and the page wraps the name as one. A joint letter's bodies, each on a
    line of its own ("THƯỜNG TRỰC HĐND TỈNH …" / "ỦY BAN NHÂN DÂN TỈNH …"), stay on their lines."""
    style = rules.STYLES[element]
    room = rules.HEADER_LEFT - style.left_indent - style.right_indent
    text = "\n".join(lines)
    if len(lines) > 1 and not any(opens_a_body(line) for line in lines[1:]) and any(
            len(wrapped_widths(line.upper() if style.upper else line, room, style.size, bold=style.bold,
                               italic=style.italic)) > 1 for line in lines):
        return " ".join(lines)
    return text


def _number_year(header: Header) -> int | None:
    """The year of a legal normative document's number ("37/2007/QĐ-UBND" → 2007), None when it has none."""
    match = _YEAR.match(header.symbol)
    return int(match["year"]) if match else None


def _type_by_symbol(header: Header, notes: list[str]) -> str:
    """The type a symbol's first group names when the copy printed no type name and no V/v ("Số: 44/2025/QĐ-CTUBND"
    under a header whose "QUYẾT ĐỊNH" the site left out): that type, with a note; "" when it names none."""
    if header.vv:
        return ""
    match = _YEAR.match(header.symbol)
    code = (match["rest"] if match else header.symbol).split("-")[0]
    for name, abbreviation in doctypes.ABBREVIATIONS.items():
        if code == abbreviation or (code.upper() == abbreviation.upper() and abbreviation.isupper()):
            notes.append(f"không thấy tên loại văn bản: theo ký hiệu “{code}”, đọc là {name}")
            return name
    return ""


def _symbol_codes(header: Header, doc_type: str, notes: list[str]) -> tuple[str, str, str]:
    """The type group as written (when it is not the decree's abbreviation), the issuer's and the unit's codes from
    the symbol ("VPCP-CN" → "", VPCP, CN; "QĐ-UBND" → "", UBND, ""; "KHLT-SYT-SGDĐT" → KHLT, SYT, SGDĐT; the year
    of "2007/QĐ-UBND" is not a code)."""
    match = _YEAR.match(header.symbol)
    groups = [g for g in (match["rest"] if match else header.symbol).split("-") if g]
    type_code = ""
    if not groups:
        return "", "", ""
    if not doctypes.is_cong_van(doc_type):
        wanted = doctypes.abbreviation(doc_type)
        if wanted and groups[0].casefold() == wanted.casefold():  # "TTR-UBND" typed for the decree's "TTr"
            groups = groups[1:]
        elif wanted and groups[0] == f"{wanted}LT" and len(groups) > 1:
            # A joint letter's older symbol ("KHLT-SYT-SGDĐT", "TTLT-BYT-BTC"): its type group kept as written
            type_code, groups = groups[0], groups[1:]
            notes.append(f"ký hiệu “{header.symbol}” của văn bản liên tịch theo mẫu cũ (“{type_code}”): giữ nguyên")
        elif wanted and groups[0].startswith((f"{wanted}.", f"{wanted}/")) and groups[0][len(wanted) + 1:][:1].isalpha():
            # "QĐ.UBND", the older "QĐ/UB": the type's code and the issuer's joined by a "." or a "/", printed as
            # written (as "KH/UBND-SYT" is), not after a second "QĐ-"
            type_code, groups = groups[0], groups[1:]
            notes.append(f"ký hiệu “{header.symbol}” nối “{wanted}” với phần sau bằng dấu “{type_code[len(wanted)]}” "
                         "(không phải “-” theo Nghị định 30): giữ nguyên ký hiệu")
        elif wanted and groups[0].startswith(wanted) and groups[0][len(wanted):].isupper() \
                and groups[0][len(wanted):].isalpha() and len(groups[0]) - len(wanted) >= 3:
            # "QĐUBND": a PDF's text lost the "-" after the type's code (not "QCPH/UBND": a group of its own)
            notes.append(f"ký hiệu “{header.symbol}” thiếu dấu “-” sau “{wanted}”: đọc là “{wanted}-{groups[0][len(wanted):]}”")
            groups = [groups[0][len(wanted):]] + groups[1:]
        elif wanted and len(groups) > 1:
            # A type group of its own ("KL-UBND" on a Thông báo): printed as written, not after the decree's "TB"
            type_code, groups = groups[0], groups[1:]
            notes.append(f"ký hiệu “{header.symbol}” không mở đầu bằng “{wanted}” của loại {doc_type}: giữ nguyên ký hiệu")
        elif wanted and len(groups) == 1 and match and forms.PARLIAMENT_CODE.match(groups[0]):
            # The Quốc hội's form, year and body with no type group ("653/2019/UBTVQH14"): kept as written
            type_code = NO_TYPE_GROUP
            notes.append(f"ký hiệu “{header.symbol}” theo mẫu của Quốc hội (không có chữ viết tắt tên loại): giữ nguyên")
        elif wanted:
            # One group only ("UBND" on a Thông báo): the draft prints the type's code before it, and says so.
            notes.append(f"ký hiệu “{header.symbol}” không có chữ viết tắt tên loại “{wanted}” của {doc_type}: "
                         f"bản thảo in “{wanted}-{header.symbol}”")
    return type_code, (groups[0] if groups else ""), "-".join(groups[1:])


def _weak_signature_start(lines: list[Line]) -> bool:
    """A signature without a signing form or a line in capitals at the top of ``lines``: a title and the name on one
    line ("CHỦ TỊCH Bùi Văn Tỉnh"), or a title in small letters over the name ("Giám đốc" / "Bùi Văn Tỉnh")."""
    return title_with_name(lines[0].text) or small_title_over_name(lines, 0)


def _signature_below(lines: list[Line]) -> bool:
    """Whether a signing form or a title in capitals stands in ``lines``: the letter's signature is that block."""
    return any(lists.is_signature_start(line) or (upper_line(line.text) and not line.text.startswith(("-", "+", "•")))
               for line in lines)


def _footer(lines: list[Line]) -> tuple[dict, list[Line]]:
    """Nơi nhận and the signature from the lines after the body; the lines left over."""
    parts: dict = {"distribution": [], "archive": None, "signature": None, "cosigner": None}
    leftover: list[Line] = []
    rest = _split_footer(placeholders_apart(lines))
    while rest:
        line = rest[0]
        if lists.DISTRIBUTION.match(line.text) and not parts["distribution"]:
            entries, used = lists.parse_distribution(rest)
            parts["distribution"] = entries
            rest = rest[max(used, 1):]
        elif parts["signature"] is None and (lists.is_signature_start(line) or upper_line(line.text)
                                             or (_weak_signature_start(rest) and not _signature_below(rest[1:]))):
            block = parse_signature(rest)
            parts["signature"] = block
            rest = block.rest if len(block.rest) < len(rest) else rest[1:]
            block.rest = []
        elif parts["cosigner"] is None and parts["signature"] is not None and parts["signature"].name \
                and lists.is_signature_start(line) \
                and (second := parse_signature(rest)).name:
            # A joint letter's two signatures side by side (the columns read left, then right): the right one is the
            # lead body's, the left one the co-signer's (Mẫu 1.9 prints it there, level with the first).
            parts["cosigner"], parts["signature"] = parts["signature"], second
            rest = second.rest if len(second.rest) < len(rest) else rest[1:]
            second.rest = []
        elif (parts["signature"] is None or not parts["signature"].name) and (name := name_alone(rest)):
            # A name alone in its table cell, under a title in a cell of its own or with none: the signer's.
            block = parts["signature"] or SignatureBlock()
            block.name = name
            if not (block.authority or block.position):
                block.notes.append(f"người ký “{name}” không có chức vụ ở trên: chỉ đọc họ tên")
            parts["signature"] = block
            rest = rest[1:]
        elif not line.text.strip(" |"):
            rest = rest[1:]  # the "|" a website closes the Nơi nhận cell with
        else:
            leftover.append(line)
            rest = rest[1:]
    return parts, leftover




def _unlabelled_distribution(lines: list[Line], start: int, end: int, notes: list[str]) -> tuple[list[Line], int]:
    """The Nơi nhận entries a copy left without their "Nơi nhận:" line, just above the signature after the body's
    last sentence ("…báo cáo./." / "- Như trên;" / "- Lưu: VT, VP." / "KT. GIÁM ĐỐC"): the label put back, with a
    note, so they are read as Nơi nhận and not printed as the body's last list."""
    if end >= len(lines) or lists.DISTRIBUTION.match(lines[end].text):
        return lines, end
    first = end
    while first > start and lists.BULLET.match(lines[first - 1].text) and lines[first - 1].text[1:2].isspace():
        first -= 1
    block = lines[first:end]
    if not block or first == start or not any(lists.is_distribution_entry(line.text) for line in block) \
            or not lines[first - 1].text.rstrip().endswith((END_MARK, ".")):
        return lines, end
    notes.append(f"các dòng {block[0].number}–{block[-1].number} (“{block[0].text}” …) không có chữ “Nơi nhận:” ở "
                 "trên: đọc là Nơi nhận")
    label = Line("Nơi nhận:", block[0].indent, block[0].number, block[0].blank_before)
    return [*lines[:first], label, *lines[first:]], first


def _read_header(lines: list[Line], notes: list[str], run_together: bool = False) -> tuple[list[Line], Header]:
    """The lines made plain (site lines above the header dropped, columns apart, typed rules off) and the header
    read at their top."""
    lines = split_run_together(lines, notes, force=run_together)
    lines = drop_chrome(strip_residue(_drop_converter_residue(lines, notes), notes), notes)
    lines = layout_columns(lines)
    lines = _bars_as_gaps(split_columns(tidy_header(lines[:60], notes)) + lines[60:])  # a header is never longer
    return lines, parse_header(lines)


def _forms_read(header: Header) -> tuple[bool, ...]:
    """Which of the header's parts were read and hold what their part holds: the issuing body (lines of a name's
    length), the number (a symbol of the decree's form), the national title, the date (a real one, or its known
    month and year), the type (or a V/v) and the subject (of a subject's length)."""
    subject = " ".join(header.subject)
    return (bool(header.authority) and all(len(line) <= 90 for line in header.authority),
            bool(header.symbol) and bool(_SYMBOL_READ.match(header.symbol)),
            header.national_title,
            header.date is not None or header.date_year is not None,
            bool(header.doc_type or header.vv),
            bool(subject) and len(subject) <= 400)


_SYMBOL_READ = re.compile(r"^(?:\d{4}/)?[0-9A-Za-zĐđ&]+(?:[-/.][0-9A-Za-zĐđ&]+)*$")


_HEADER_END = re.compile(r"^(?:Căn\s+cứ|Thực\s+hiện|Xét|Theo\s+đề\s+nghị)\b")


def _read_header_twice(lines: list[Line], notes: list[str]) -> tuple[list[Line], Header]:
    """The header read as its lines stand and, when that misses the issuing body, the number or the national title,
    read again with its lines run together (a copy whose cells a site or a converter broke at odd places reads better
    as one line cut at its forms): the second reading, with its notes, when it finds more parts and loses none."""
    own: list[str] = []
    read, header = _read_header(lines, own)
    first = _forms_read(header)
    if not all(first[:3]):  # the issuing body, the number or the national title missed
        end = next((i for i, line in enumerate(lines[:60]) if forms.RECIPIENTS.match(line.text)
                    or _HEADER_END.match(line.text) or lists.DISTRIBUTION.match(line.text)), min(len(lines), 60))
        zone = lines[:end]
        joined = Line(" ".join(line.text for line in zone), 0, zone[0].number if zone else 0,
                      bool(zone) and zone[0].blank_before)
        if zone and (forms.NATIONAL_TITLE_IN.search(joined.text) or forms.MOTTO_IN.search(joined.text)):
            again: list[str] = []
            read_again, header_again = _read_header([joined, *lines[end:]], again, run_together=True)
            second = _forms_read(header_again)
            if sum(second) > sum(first) and all(b for a, b in zip(first, second) if a):  # more, and nothing lost
                own = [*again, f"phần đầu văn bản (dòng {zone[0].number}–{zone[-1].number}) đọc lại như viết liền một "
                       "dòng, cắt theo Quốc hiệu, số, ngày tháng: đọc được nhiều phần hơn"]
                read, header = read_again, header_again
    notes.extend(own)
    return read, header


def assemble(source: Source) -> tuple[Draft, ImportReport]:
    """The draft a letter's text makes, and the report of what was recognised."""
    notes: list[str] = list(source.notes)
    unrecognised: list[str] = []
    lines = markdown_layout_apart(lines_of(_markdown_off(_literal_breaks(source.text, notes), notes)), notes)
    lines, tables = lift_tables(lines)
    lines, header = _read_header_twice(lines, notes)
    position = header.lines
    lines = lines[:position] + _edge_bars_off(_drop_furniture(lines[position:], notes))
    notes.extend(header.notes)
    indented = is_indented(lines[position:])
    if header.telegram:  # a công điện's recipients: the dash lines under "<sender> điện:" (Mẫu 1.6)
        recipients, used = lists.parse_telegram_recipients(lines[position:])
    else:
        recipients, used = lists.parse_recipients(lines[position:], indented)
    position += used
    end = next(
        (i for i in range(position, len(lines)) if lists.DISTRIBUTION.match(lines[i].text) or lists.is_signature_start(lines[i])
         or _plain_signature_at(lines, i) or _name_cell_at(lines, i, position)),
        len(lines),
    )
    lines, end = _unlabelled_distribution(lines, position, end, notes)
    body_lines = list(header.kept)
    if body_lines and position < end:  # the lines kept from the header are paragraphs of their own
        lines = [*lines[:position], dataclasses.replace(lines[position], blank_before=True), *lines[position + 1:]]
    for line in lines[position:end]:
        if _PAGE_NUMBER.match(line.text):
            notes.append(f"bỏ số trang “{line.text}” (dòng {line.number})")
        elif not line.text.strip(" |"):
            continue  # the "|" that closes a website's table cell
        else:
            body_lines.append(line)
    contact: list[str] = []
    texts = _boxes_placed(paragraphs(body_lines, one_per_line=source.one_per_paragraph),
                          _box_marks(source.boxes, header, contact, notes), notes)
    doc_type = header.doc_type or _type_by_symbol(header, notes) or doctypes.CONG_VAN
    normative = next((name for text in texts[:3] if (name := doctypes.normative_only(text))), None)
    if doc_type == doctypes.CONG_VAN and not (header.vv or recipients) and normative:
        notes.append(f"“{normative}” là văn bản quy phạm pháp luật, không phải loại văn bản hành chính của Nghị định "
                     "30/2020 mà ptdraft soạn: đọc như Công văn, tên loại giữ ở đầu nội dung để xem lại")
    elif doc_type == doctypes.CONG_VAN and not (header.vv or recipients):
        notes.append("không thấy tên loại văn bản, dòng V/v hay Kính gửi: coi là Công văn")
    body = structure.classify(texts, doc_type)
    # Appendices and attached texts (Mẫu 1.3, 2.1) follow the Nơi nhận and the signature: cut off before those are read.
    tail = lines[end:]
    authority = " ".join(header.parent_authority + header.authority)
    cut = first_annex(tail, authority)
    footer, after = _footer(tail[:cut])
    annexes, issuer, before = parse_annexes(_drop_site_tail(tail[cut:], notes), authority=authority,
                                            one_per_line=source.one_per_paragraph, notes=notes)
    leftover = [line.text for line in _page_numbers_off(_drop_site_tail(after, notes), notes) + before]
    unrecognised.extend(leftover)
    content, recognised = _content(header, doc_type, recipients, body, footer, notes)
    if contact:
        content = dataclasses.replace(content, contact="\n".join(contact))
        recognised.append(("Địa chỉ, liên hệ", "\n".join(contact)))
    if not body.close and (body.intro or body.items or body.closing) and not leftover:
        notes.append(f"văn bản không có “{END_MARK}” sau đoạn cuối: bản thảo không tự thêm (ptdraft check sẽ nhắc)")
    if annexes:
        content = dataclasses.replace(content, annexes=tuple(annexes), issuer_name=issuer)
        recognised.append(("Phụ lục, văn bản kèm theo", "\n".join(
            f"{annex.doc_type or 'Phụ lục'}: {annex.title}" if annex.title else annex.doc_type or "Phụ lục"
            for annex in annexes)))
    if leftover:
        kept = "\n\n".join(leftover)
        if content.close:
            # The lines left over are not a closing sentence: "./." stays where the letter wrote it, never after them.
            notes.append(f"không thêm “{content.close}” sau các dòng không nhận ra ở cuối văn bản")
            content = dataclasses.replace(content, close="")
        if content.closing:
            content = dataclasses.replace(content, closing=f"{content.closing}\n\n{kept}")
        else:
            content = dataclasses.replace(content, body=f"{content.body}\n\n{kept}".strip())
    if tables:
        content = _tables_back(content, tables)
        recognised.append(("Bảng", f"{len(tables)} bảng, giữ nguyên các ô"))
    block: SignatureBlock | None = footer["signature"]
    report = ImportReport(
        source=source.name,
        encoding=source.encoding,
        legacy=source.legacy,
        recognised=tuple(recognised),
        unrecognised=tuple(restore(text, tables) for text in unrecognised),
        notes=tuple(notes + (block.notes if block else [])),
        body_paragraphs=tuple(restore(text, tables) for text in body.intro),
        numbered_items=tuple(restore("\n".join(group), tables) for group in body.items),
        closing=restore(body.closing, tables),
        signature_lines=tuple(block.authority) if block else (),
        distribution=tuple(footer["distribution"]),
    )
    return Draft(content=content), report


def _level(text: str, levels: tuple[str, ...]) -> str:
    key = forms.fold(text)
    return next((level for level in levels if forms.fold(level) == key), "")


def _box_marks(boxes: tuple[tuple[int, str], ...], header: Header, contact: list[str],
               notes: list[str]) -> list[tuple[int, str]]:
    """What a DOCX puts in text boxes read, each with a note: an urgency ("KHẨN", "HỎA TỐC") or a secrecy mark
    ("MẬT") into its field, an address or phone line into ``contact`` (box 13), a "DỰ THẢO" left to the draft's own
    mark. The other text boxes' paragraphs are returned, to be kept in the body."""
    rest: list[tuple[int, str]] = []
    for before, text in boxes:
        urgency, secrecy = _level(text, rules.URGENCY_LEVELS), _level(text, rules.SECRECY_LEVELS)
        if urgency or secrecy:
            name, label, value = ("urgency", "độ khẩn", urgency) if urgency else ("secrecy", "độ mật", secrecy)
            current = getattr(header, name)
            if not current:
                setattr(header, name, value)
                notes.append(f"dấu “{text}” trong hộp văn bản (text box): đọc là {label} “{value}”")
            elif current == value:
                notes.append(f"dấu “{text}” trong hộp văn bản (text box) lặp lại {label} “{current}” đã có: không in hai lần")
            else:
                notes.append(f"dấu “{text}” trong hộp văn bản (text box) khác {label} “{current}” ở phần đầu văn bản: "
                             "giữ trong nội dung, hãy chọn một")
                rest.append((before, text))
        elif forms.CONTACT_LINE.match(text):
            contact.append(text)
            notes.append(f"dòng “{text}” trong hộp văn bản (text box): đọc là địa chỉ, liên hệ (ô 13, chân trang 1)")
        elif forms.fold(text).startswith(forms.fold(rules.DRAFT_MARK)) and len(text) <= 40:
            notes.append(f"bỏ dấu “{text}” trong hộp văn bản (text box): bản thảo in dấu dự thảo khi xuất với --du-thao")
        else:
            rest.append((before, text))
    return rest


def _boxes_placed(paras: list, boxes: list[tuple[int, str]], notes: list[str]) -> list[str]:
    """The body's paragraphs with each text box's paragraph kept among them where its anchor stands (at the body's
    start when the anchor is above it; before a closing "./." paragraph when below), each with a note."""
    texts = [p.text for p in paras]
    places: dict[int, list[str]] = {}
    for before, text in boxes:
        at = sum(1 for p in paras if p.last_line <= before)
        if at == len(texts) and texts and texts[-1].rstrip().endswith(END_MARK):
            at -= 1
        places.setdefault(at, []).append(text)
        notes.append(f"đoạn “{text[:80]}” nằm trong hộp văn bản (text box): giữ trong nội dung, ở chỗ hộp được neo; "
                     "hãy xem lại chỗ đặt")
    return [box for at in range(len(texts) + 1) for box in [*places.get(at, []), *texts[at:at + 1]]]


def _tables_back(content: Content, tables: list[str]) -> Content:
    """The content with each table's placeholder back as its "|" rows (body, closing, items, appendices)."""
    def back(text: str) -> str:
        return restore(text, tables)

    return dataclasses.replace(
        content, body=back(content.body), closing=back(content.closing),
        requirements=tuple(Item(back(item.text), tuple(back(sub) for sub in item.subitems)) for item in content.requirements),
        annexes=tuple(dataclasses.replace(annex, body=back(annex.body)) for annex in content.annexes))


_BRACKET_TAIL = re.compile(r"\s*\([^()]*\)$")


def _subject(header: Header, notes: list[str], body: str = "") -> str:
    """The summary (or V/v) as the draft prints it: one typed all in capitals put in the decree's case (Phụ lục II),
    the capitals the letter's ``body`` gives its names first, with a note; a summary with any small letter stays
    exactly as written, but for a bracket after capitals ("… THÀNH PHỐ HÀ NỘI (Giai đoạn: 2021- 2025)"): the capitals
    are put in case, the bracket kept."""
    subject = subject_text(header)
    head, bracket = subject, ""
    if (tail := _BRACKET_TAIL.search(subject)) and not all_capitals(subject):
        head, bracket = subject[:tail.start()], tail.group()
    if all_capitals(head):
        recased = from_capitals(head, first_capital=not header.vv, context=body)  # "V/v" goes on in small letters
        if recased != head:
            notes.append(SUBJECT_RECASED)
            return recased + bracket
    return subject


def _content(header: Header, doc_type: str, recipients: list[str], body: structure.Body, footer: dict,
             notes: list[str]) -> tuple[Content, list[tuple[str, str]]]:
    recognised: list[tuple[str, str]] = []

    def found(label: str, value: str) -> None:
        if value:
            recognised.append((label, value))

    type_code, issuer, unit = _symbol_codes(header, doc_type, notes)
    found("Cơ quan chủ quản", "\n".join(header.parent_authority))
    found("Cơ quan ban hành", "\n".join(header.authority))
    if header.symbol:
        # As the draft prints it: numbers below 10 with a leading 0 (FORMAT.md §6.1), "08" read from "Số: 08/…".
        found("Số, ký hiệu", f"{f'{header.number:02d}' if header.number else '(để trống)'}/{header.symbol}")
    found("Địa danh", header.place)
    found("Ngày", header.date.isoformat() if header.date else header.date_text)
    if header.national_title:
        notes.append("bỏ Quốc hiệu và Tiêu ngữ: bản thảo tự in")
    found("Độ khẩn", header.urgency)
    found("Độ mật", header.secrecy)
    by = ", ".join(word for word, there in (("dòng V/v", header.vv), ("Kính gửi", bool(recipients))) if there)
    found("Loại văn bản", header.doc_type or (f"{doc_type} (theo {by})" if by else ""))
    subject = _subject(header, notes, "\n".join(
        body.legal_bases + body.intro + [p for group in body.items for p in group] + [body.closing]))
    found("Trích yếu", subject)
    found("Kính gửi", "\n".join(recipients))
    found("Người có thẩm quyền", "\n".join(header.deciding_authority))
    found("Căn cứ", "\n".join(body.legal_bases))
    if body.deciding_word:
        notes.append(f"bỏ dòng “{body.deciding_word}”: bản thảo tự in")
    found("Đoạn mở đầu", f"{len(body.intro)} đoạn" if body.intro else "")
    requirements = body.requirements() if doc_type not in doctypes.DECIDING_WORD else None
    if body.items:
        kind = "điều" if doc_type in doctypes.DECIDING_WORD else "mục"
        found("Mục đánh số", f"{len(body.items)} {kind}" + (" (yêu cầu đánh số 1., 2., … với điểm a), b), …)" if requirements else ""))
    found("Đoạn kết", named(body.closing))
    found("Lời kết", body.close)
    flat = body.intro + ([] if requirements else [p for group in body.items for p in group])
    block: SignatureBlock | None = footer["signature"]
    signature = block.signature() if block else None
    second: SignatureBlock | None = footer["cosigner"]
    if block:
        found("Chữ ký", "\n".join(block.authority + block.position + ([block.name] if block.name else [])))
    if second:
        found("Chữ ký thứ hai", "\n".join(second.authority + second.position + [second.name]))
    for each in (second, block):
        for placeholder in each.placeholders if each else []:
            notes.append(f"bỏ dòng “{placeholder}” trong khối chữ ký")
    entries = list(footer["distribution"])
    archive = None
    distribution: list[str] = []
    for entry in entries:
        parsed = lists.parse_archive(entry)
        if parsed is not None and archive is None and not lists.reprints(parsed):
            # Its parts would print moved or with words added ("QHĐP (2)Q.Cường", "Lưu vp"): kept as written.
            notes.append(f"dòng “{entry}” không theo mẫu “Lưu: VT, …”: giữ nguyên như văn bản viết")
            distribution.append(entry)
        elif parsed is not None and archive is None and (parsed.units or parsed.drafter or parsed.copies):
            archive = parsed
        else:  # a bare "Lưu: VT" has no parts to keep apart: the line as written
            distribution.append(entry)
    found("Nơi nhận", "\n".join(entries))
    if archive is not None:
        found("Lưu", archive.text)
        printed = ", ".join(["Lưu: VT", *archive.units] + ([archive.drafter] if archive.drafter else []))
        if archive.copies:
            notes.append(f"dòng “{archive.text}”: {archive.copies} bản, người soạn {archive.drafter or '(không có)'}")
        elif printed.rstrip(".") != archive.text.rstrip("."):
            notes.append(f"dòng “{archive.text}” sẽ in theo mẫu “{printed}.”")
    signed: dict[str, Any] = {"signature": signature} if signature else {}  # else the model's default
    if second:
        signed["cosigner"] = second.signature()
    content = Content(
        doc_type=doc_type,
        parent_authority=_cell_lines(header.parent_authority, rules.Element.PARENT_AUTHORITY),
        authority=_cell_lines(header.authority, rules.Element.AUTHORITY),
        issuer_code=issuer,
        unit_code=unit,
        type_code=type_code,
        number=header.number,
        number_year=_number_year(header),
        place=header.place,
        date=header.date,
        date_month=header.date_month,
        date_year=header.date_year,
        secrecy=header.secrecy,
        urgency=header.urgency,
        subject=subject,
        recipients=tuple(recipients),
        deciding_authority="\n".join(header.deciding_authority),
        legal_bases=tuple(body.legal_bases),
        body=structure.markup(flat) if flat else "",
        requirements=requirements or (),
        closing=body.closing,
        close=body.close,
        distribution=tuple(distribution),
        distribution_as_written=True,
        archive=tuple(archive.units) if archive else (),
        drafter_code=archive.drafter if archive else "",
        copies=archive.copies if archive else None,
        **signed,
    )
    return content, recognised
