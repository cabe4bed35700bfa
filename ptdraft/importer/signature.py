"""The signature block of an imported letter (box 7): authority lines, the signer's position, the name.

    TM. ỦY BAN NHÂN DÂN      → mode TM.KT., collective "ỦY BAN NHÂN DÂN",
    KT. CHỦ TỊCH                head title "CHỦ TỊCH", position "PHÓ CHỦ TỊCH"
    PHÓ CHỦ TỊCH
    Trương Việt Dũng         → name

"(Đã ký)" lines and the sample layouts' signature placeholder are recognised and left out.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ptdraft.importer.header import TITLE_WORDS, title_in_small_letters, upper_line
from ptdraft.importer.lines import Line
from ptdraft.importer.lists import SIGNING_FORM
from ptdraft.model import Signature, SigningMode
from ptdraft.reference import forms
from ptdraft.vietnamese.names import is_personal_name

_PREFIX = SIGNING_FORM


def _authority_line(line: str) -> re.Match:
    """The signing form of a line the block reader took as an authority line (it did so because this matched)."""
    found = _PREFIX.match(line)
    if found is None:
        raise ValueError(f"not a signing-authority line: {line!r}")
    return found


def _mode(match: re.Match) -> str:
    return match.group("mode") or match.group("bare") or match.group("old").replace("/", "").replace(".", "")
_SIGNED = forms.SIGNED
_MODES = {"TM": SigningMode.TM, "KT": SigningMode.KT, "TL": SigningMode.TL, "TUQ": SigningMode.TUQ, "Q": SigningMode.Q}


@dataclass
class SignatureBlock:
    """The lines of box 7 as printed, and what is left over (lines after the name)."""

    authority: list[str] = field(default_factory=list)  # the TM./KT./TL./TUQ./Q. lines
    position: list[str] = field(default_factory=list)
    name: str = ""
    placeholders: list[str] = field(default_factory=list)
    rest: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def signature(self) -> Signature:
        """The block in the draft's model; a combination the model lacks keeps every line (and a note says so)."""
        position = " ".join(self.position)
        parsed = [(_mode(m), m.group("title")) for m in map(_authority_line, self.authority)]
        modes = [m for m, _ in parsed]
        if parsed and len(self.position) >= 2 and _POST_WORD.match(self.position[-1]) \
                and not any(_POST_WORD.search(line) for line in self.position[:-1]):
            # "KT. VỤ TRƯỞNG" / "VỤ LUẬT PHÁP VÀ ĐIỀU ƯỚC QUỐC TẾ" / "PHÓ VỤ TRƯỞNG": the last form's title wrapped over
            # the lines above the signer's own title
            parsed[-1] = (parsed[-1][0], "\n".join([parsed[-1][1], *self.position[:-1]]))
            position = self.position[-1]
        if not parsed:
            return Signature(SigningMode.NONE, position=position, name=self.name)
        if modes == ["TM"]:
            return Signature(SigningMode.TM, collective=parsed[0][1], position=position, name=self.name)
        if modes == ["TM", "KT"]:
            return Signature(SigningMode.TM_KT, collective=parsed[0][1], head_title=parsed[1][1], position=position, name=self.name)
        if modes == ["TL", "KT"]:
            return Signature(SigningMode.TL_KT, head_title=parsed[0][1], order_title=parsed[1][1], position=position,
                             name=self.name)
        if len(modes) == 1:
            return Signature(_MODES[modes[0]], head_title=parsed[0][1], position=position, name=self.name)
        # e.g. "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG": the first mode, the other lines kept in its title.
        self.notes.append(
            "khối chữ ký " + " / ".join(self.authority) + " (nhiều quyền hạn) chưa có sẵn trong bản thảo: "
            f"giữ ở chế độ {modes[0]}., các dòng sau nằm trong chức danh"
        )
        head = "\n".join([parsed[0][1]] + self.authority[1:])
        return Signature(_MODES[modes[0]], head_title=head, position=position, name=self.name)


# A title in capitals with the name after it, glued ("CHÁNH VĂN PHÒNGThái Hữu Phép") or one space apart, the way a
# site that joins a table cell's lines with spaces prints it ("PHÓ CHỦ TỊCH Bùi Văn Tỉnh").
_GLUED_NAME = re.compile(r"^(?P<title>.*[A-ZÀ-Ỹ]{2,})\s?(?P<name>[A-ZÀ-ỸĐ][a-zà-ỹđ]+(?:\s+[A-ZÀ-ỸĐ][a-zà-ỹđ]+){1,5})$")
# Where a line holds two signing forms ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"): before the second.
_SECOND_FORM = re.compile(r"\s+(?=(?:KT|TL|TUQ|Q)\.\s*[A-ZĐÀ-Ỹ])")
# The deputy's title after a "KT." form's head title on its line ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "KT. BỘ TRƯỞNG THỨ TRƯỞNG").
_DEPUTY_AFTER = re.compile(r"^(?P<form>KT\.\s*\S.*?)\s+(?P<position>(?:(?:TỔ|ĐỘI|ĐOÀN|TRẠM)\s+)?(?:PHÓ|THỨ)\s.*"
                           r"|P\.\s*\S.*)$")  # "TỔ PHÓ …" of a team, the abbreviated "P.CHỦ TỊCH"
# The head's title after a "TM." form's collective body ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "TM. BAN THƯỜNG VỤ BÍ THƯ");
# a body whose own name ends in such words ("TM. BAN GIÁM ĐỐC") is not split: its last word before them is no "BAN".
_HEAD_AFTER_BODY = re.compile(r"^(?P<form>TM\.\s*\S.*?(?<!\bBAN))\s+(?P<position>(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BÍ\s+THƯ"
                              r"|TRƯỞNG\s+BAN|CHỦ\s+NHIỆM|THỦ\s+TƯỚNG|TỔNG\s+GIÁM\s+ĐỐC|GIÁM\s+ĐỐC|HIỆU\s+TRƯỞNG"
                              r"|CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG|TRƯỞNG\s+ĐOÀN|CHỦ\s+TỌA))$")
# The signer's own title after a "TL."/"TUQ." form's head title ("TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ PHÁP CHẾ", "TUQ. CHỦ TỊCH
# CHÁNH VĂN PHÒNG"): the head is a leader's title, and what follows it opens with a post's words.
_OWN_TITLE_AFTER = re.compile(r"^(?P<form>(?:TL|TUQ)\.\s*(?:BỘ\s+TRƯỞNG|CHỦ\s+TỊCH|THỦ\s+TƯỚNG|TỔNG\s+GIÁM\s+ĐỐC"
                              r"|GIÁM\s+ĐỐC|CHỦ\s+NHIỆM|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|HIỆU\s+TRƯỞNG|VIỆN\s+TRƯỞNG"
                              r"|CHÁNH\s+ÁN|THỦ\s+TRƯỞNG|TRƯỞNG\s+BAN))\s+(?P<position>(?:PHÓ\s+)?(?:CHÁNH|VỤ\s+TRƯỞNG"
                              r"|CỤC\s+TRƯỞNG|TRƯỞNG|GIÁM\s+ĐỐC|CHỦ\s+NHIỆM|THỦ\s+TRƯỞNG)\b.*)$")




def is_placeholder(text: str) -> bool:
    """Whether ``text`` is signature residue ("(Đã ký)", "[đã ký]", "Ký, ghi rõ họ tên") rather than a line of the block."""
    return bool(_SIGNED.match(text))


_GLUED_PLACEHOLDER = re.compile(r"^(?P<text>.*\S)\s*(?P<mark>[(\[]\s*đã\s+ký[^()\[\]]*[)\]])$", re.I)


_PLACEHOLDER_INSIDE = re.compile(r"^(?P<before>.*\S)\s*(?P<mark>[(\[]\s*đã\s+ký[^()\[\]]*[)\]])\s*(?P<text>\S.*)$", re.I)
_PLACEHOLDER_BEFORE = re.compile(r"^(?P<mark>[(\[]\s*đã\s+ký[^()\[\]]*[)\]]\s*:?|đã\s+ký\s*:)\s*(?P<text>\S.*)$", re.I)


def placeholders_apart(lines: list[Line]) -> list[Line]:
    """Signature residue made a line of its own: "CHỦ TỊCH(Đã ký)" as "CHỦ TỊCH" and "(Đã ký)", and "(Đã ký)" broken
    over two lines by a converter ("(Đ" / "ã ký)") as one line."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        if out and out[-1].text.startswith(("(", "[")) and not is_placeholder(out[-1].text) \
                and is_placeholder(out[-1].text + text):
            joined = out[-1].text + text
            out[-1] = dataclasses.replace(out[-1], text=joined, raw=joined)
            continue
        match = _GLUED_PLACEHOLDER.match(text)
        before = _PLACEHOLDER_BEFORE.match(text)
        inside = _PLACEHOLDER_INSIDE.match(text)
        if inside and upper_line(inside.group("before")) and is_personal_name(inside.group("text")):
            # "KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Bùi Văn Tỉnh": a cell's lines joined by a copy, the mark between
            out.append(dataclasses.replace(line, text=inside.group("before"), raw=inside.group("before")))
            out.append(Line(inside.group("mark"), line.indent, line.number))
            out.append(Line(inside.group("text"), line.indent, line.number))
        elif match:
            out.append(dataclasses.replace(line, text=match.group("text"), raw=match.group("text")))
            out.append(Line(match.group("mark"), line.indent, line.number))
        elif before and is_personal_name(before.group("text")):  # "(Đã ký)Nguyễn Văn An", "Đã ký: Nguyễn Văn An"
            out.append(dataclasses.replace(line, text=before.group("mark").rstrip(" :"), raw=before.group("mark").rstrip(" :")))
            out.append(Line(before.group("text"), line.indent, line.number))
        else:
            out.append(line)
    return out


def _title_and_name(text: str) -> re.Match | None:
    """``text`` as a title in capitals and the signer's name after it (see ``_GLUED_NAME``); with a space between,
    the title must name a post ("CHỦ TỊCH Bùi Văn Tỉnh", not an entry's "- TTCP, PTT Hoàng Trung Hải")."""
    if len(text) > _LONGEST_TITLE_AND_NAME:  # the pattern backtracks over the line: quadratic in a very long one
        return None
    match = _GLUED_NAME.match(text)
    if not match or not upper_line(match.group("title")) or not is_personal_name(match.group("name")):
        return None
    spaced = text[match.end("title"):match.start("name")] != ""
    if spaced and (not _POST_WORD.search(match.group("title")) or text.startswith(("-", "+", "•"))):
        return None
    return match


_LONGEST_TITLE_AND_NAME = 300  # "KT. CHỦ TỊCH ỦY BAN NHÂN DÂN … PHÓ CHỦ TỊCH Nguyễn Văn An" is under 150
_POST_WORD = re.compile(r"\b(?:TRƯỞNG|PHÓ|CHỦ\s+TỊCH|GIÁM\s+ĐỐC|THỦ\s+TƯỚNG|CHÁNH|ỦY\s+VIÊN|UỶ\s+VIÊN|THƯ\s+KÝ|CHỦ\s+NHIỆM)\b")


def title_with_name(text: str) -> bool:
    """Whether ``text`` is a title in capitals with the signer's name glued on ("PHÓ CHỦ TỊCHNguyễn Thị Thu") or one
    space after it ("CHỦ TỊCH Bùi Văn Tỉnh")."""
    return _title_and_name(text) is not None


def _unglued(lines: list[Line]) -> list[Line]:
    """The block's lines a copy joined, each on its own line: a title with the name glued on ("CHÁNH VĂN
    PHÒNGThái Hữu Phép", "CHỦ TỊCH Bùi Văn Tỉnh"), two signing forms ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"), a "KT."
    form and the deputy's title ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH")."""
    out = []
    for line in lines:
        pieces = [line.text]
        match = _title_and_name(line.text)
        if match:  # "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Văn Tỉnh": the name off first, then the titles apart
            pieces = [match.group("title").strip(), match.group("name")]
        if _PREFIX.match(pieces[0]) and upper_line(pieces[0]):
            titles = _SECOND_FORM.split(pieces[0])
            for pattern in (_DEPUTY_AFTER, _HEAD_AFTER_BODY, _OWN_TITLE_AFTER):
                joined = pattern.match(titles[-1])
                if joined:
                    titles[-1:] = [joined.group("form"), joined.group("position")]
                    break
            pieces = titles + pieces[1:]
        if len(pieces) == 1:
            out.append(line)
            continue
        for i, piece in enumerate(pieces):
            out.append(Line(piece, line.indent, line.number, line.blank_before and i == 0))
    return out


def parse_signature(lines: list[Line]) -> SignatureBlock:
    """The signature block at the top of ``lines``: capitals, then the name; anything after goes to ``rest``.
    A name that is no personal name is left out of the block (it stays in the letter's text) with a note."""
    block = SignatureBlock()
    lines = _unglued(lines)
    named_at = -1
    for index, line in enumerate(lines):
        text = line.text
        if _SIGNED.match(text):
            block.placeholders.append(text)
            continue
        if block.name and index == named_at + 1 and named_at > 0 and lines[named_at - 1].number == lines[named_at].number \
                and _name_goes_on(block.name, line):
            block.name = f"{block.name} {text.strip()}"  # "PHÓ CHỦ NHIỆMNguyễn Xuân" / "Phúc": a narrow cell wrapped it
            continue
        if not block.name and (upper_line(text) or (_PREFIX.match(text) and not block.position)
                               or ((block.authority or index == 0) and not block.position and title_in_small_letters(text))):
            # An older letter's or a law site's "KT. Bộ trưởng" / "Phó Thủ tướng": a title typed in small letters.
            if _PREFIX.match(text) and not block.position:
                block.authority.append(text)
            else:
                block.position.append(text)
            continue
        if not block.name and (block.authority or block.position or index == 0):
            if is_personal_name(text) or not (block.authority or block.position):
                block.name, named_at = text, index
                continue
            name = signer_name(text)
            if name:
                block.name, named_at = name, index
                block.notes.append(f"dòng tên người ký “{text}”: đọc tên là “{name}”")
                continue
            block.notes.append(f"dòng “{text}” dưới chức vụ không phải họ tên người: giữ trong nội dung")
        block.rest = lines[index:]
        break
    if not block.name and len(block.position) >= 2 and _looks_like_name(block.position[-1]):
        block.name = block.position.pop()  # a name typed in capitals, after the titles
    return block


def _name_goes_on(name: str, line: Line) -> bool:
    """Whether ``line``, right under the signer's name (printed on one line with the title) with no blank line between,
    is the name's last word wrapped onto a line of its own: one word typed as names are, and the name with it still a
    person's name."""
    words = line.text.split()
    return not line.blank_before and len(words) == 1 and words[0][:1].isupper() and not upper_line(words[0]) \
        and len(name.split()) < 5 and is_personal_name(f"{name} {words[0]}")


def name_alone(lines: list[Line]) -> str:
    """The signer's name when ``lines`` open with a personal name typed as names are and nothing but signature residue
    or the Nơi nhận block comes after it: a name alone in its cell, with no title above it in that cell ("" else)."""
    if not lines or upper_line(lines[0].text) or lines[0].text.startswith(("-", "+", "•", "(")):
        return ""
    name = signer_name(lines[0].text)
    after = [line for line in lines[1:] if not is_placeholder(line.text)]
    if not name or (after and not forms.DISTRIBUTION.match(after[0].text)):
        return ""
    return name


# What a copy prints on the name's line beside the name: "Nguyễn Văn An - Đã ký" (a site's note), "Nguyễn Văn An.",
# "…;" or "…./." (a mark typed after it), "Đ/c Nguyễn Văn An", and the signer's title in small letters before the name
# ("Phó Chủ tịch Nguyễn Văn An", "Thứ trưởng Nguyễn Văn An"), the way the e-office copies and news reposts print it.
_AFTER_NAME = re.compile(r"(?:\s*[-–]\s*[(\[]?\s*đã\s+ký\s*[)\]]?|\s*[.;,]+(?:/\.)?)\s*$", re.I)
_BEFORE_NAME = re.compile(r"^(?:Đ/c|Đ/C|Đồng\s+chí)\s+")


def signer_name(text: str) -> str:
    """The signer's name in a name line that holds more than the name (see ``_AFTER_NAME``), "" when there is none:
    what is cut is never a part of a name, and what is left must read as a personal name."""
    text = " ".join(text.split())
    if is_personal_name(text):
        return text
    rest = _BEFORE_NAME.sub("", _AFTER_NAME.sub("", text))
    if rest != text and is_personal_name(rest):
        return rest
    words = rest.split()
    for cut in range(1, len(words) - 1):
        title, name = " ".join(words[:cut]), " ".join(words[cut:])
        if title_in_small_letters(title) and not upper_line(title) and is_personal_name(name):
            return name
    return ""


def small_title_over_name(lines: list[Line], index: int) -> bool:
    """Whether ``lines[index]`` is a signer's title typed in small letters with no signing form ("Phó Thủ tướng",
    "Giám đốc") and the next line but signature residue is a personal name typed as names are (not in capitals)."""
    if not title_in_small_letters(lines[index].text) or _PREFIX.match(lines[index].text):
        return False
    after = [line.text for line in lines[index + 1:index + 4] if not is_placeholder(line.text)]
    return bool(after) and not upper_line(after[0]) and bool(signer_name(after[0]))


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and not TITLE_WORDS.search(text) and not any(ch in text for ch in ".,:;")
