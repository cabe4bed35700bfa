"""The two lists of an imported letter: Kính gửi (box 9a) and Nơi nhận (box 9b) with its "Lưu" line.

Entries start with "-" (or "+", "•"); a line that does not continues the entry above it,
including a note in brackets printed on its own line or beside it ("(để b/c)"), which
goes before the entry's final ";". The entries are kept without the dash and the final
";" or ".", which the layout puts back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ptdraft.importer.lines import PARAGRAPH_INDENT, Line, fold, join_lines
from ptdraft.reference import forms
from ptdraft.rules import SAME_AS_ABOVE

RECIPIENTS = forms.RECIPIENTS
DISTRIBUTION = forms.DISTRIBUTION
BULLET = re.compile(r"^[-+•–]\s*")  # an entry's dash or bullet
_NOTE = re.compile(r"^(?P<entry>.*?)\s*[;,.]?\s*(?P<note>\([^()]*\))\s*[;.]?$")
_ARCHIVE = re.compile(r"^Lưu\b\s*:?\s*(?P<rest>.*)$", re.I)
# A drafter's code with the copies kept ("(NVT-15b)", "(H2b)", "NVT.15b"), as some offices type it under "Lưu".
_DRAFTER_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,7}(?:[-.]?\d{1,3}b?)?"
_DRAFTER_LINE = re.compile(rf"\({_DRAFTER_CODE}\)\.?$|^[A-ZĐ]{{1,6}}[-.]?\d{{1,3}}b\.?$")


def clean_entry(text: str) -> str:
    """An entry without its dash and final punctuation, with a note in brackets moved before the final mark."""
    text = fold(BULLET.sub("", text.strip()))
    note = _NOTE.match(text)
    if note and note.group("entry"):
        text = f"{note.group('entry')} {note.group('note')}"
    return text.rstrip(" ;.,").strip()


def _entries(lines: list[Line], stop) -> tuple[list[str], int]:
    """Dash entries from the top of ``lines`` until ``stop(line, entries)`` is true; and how many lines they took."""
    entries: list[str] = []
    for index, line in enumerate(lines):
        if stop(line, entries):
            return entries, index
        if BULLET.match(line.text) or not entries:
            entries.append(line.text)
        else:
            entries[-1] = join_lines(entries[-1], line.text)  # "QT-" / "TV;": a code broken at its "-" has no space
    return entries, len(lines)


def parse_recipients(lines: list[Line], indented: bool) -> tuple[list[str], int]:
    """The Kính gửi entries when ``lines`` start with "Kính gửi", and how many lines they take (0 when not)."""
    if not lines or not RECIPIENTS.match(lines[0].text):
        return [], 0
    first = RECIPIENTS.sub("", lines[0].text)
    # One recipient on the "Kính gửi: …" line is the whole list when a clearly longer line in a capital follows,
    # not a dash entry: that is the body's first (a PDF's text has no blank line between them), where a recipient
    # wrapped onto the next line leaves that line no longer than the first. A first entry that ends with ";", "," or
    # ":" goes on in the lines under it.
    alone = bool(first) and not first.rstrip().endswith((";", ",", ":"))

    def stop(line: Line, entries: list[str]) -> bool:
        if not entries:
            return False
        if alone and len(entries) == 1 and not BULLET.match(line.text) and line.text[:1].isupper() \
                and line.width > 1.2 * lines[0].width:
            return True
        if line.blank_before and BULLET.match(line.text) and entries[-1].rstrip().endswith((";", ",")):
            return False  # the next entry after a blank line (pdftotext -layout spaces a list's lines apart)
        if indented and not line.blank_before and line.indent >= lines[0].indent + 2 * PARAGRAPH_INDENT \
                and not entries[-1].rstrip().endswith((".", ";")) and not BULLET.match(line.text):
            return False  # the entry wrapped onto a line set under its own text, deeper than "Kính gửi"
        if line.blank_before or (indented and line.indent >= PARAGRAPH_INDENT and not BULLET.match(line.text)):
            return True
        # After an entry that ends the list with ".", only another dash entry goes on.
        return entries[-1].rstrip().endswith(".") and not BULLET.match(line.text)

    rest = lines[1:]
    if first:
        rest = [Line(first, 0, lines[0].number)] + rest
    entries, used = _entries(rest, stop)
    used = used if not first else used - 1
    if len(entries) == 1:
        # "Kính gửi: Công an thành phố; Ban Quản lý dự án; UBND các quận: …" — the entries on one line, ";" apart.
        # "Kính gửi: - Phòng Tổ chức; - Phòng Công chức.": each piece after its own dash.
        pieces = [re.sub(r"^[-–+•]\s+", "", piece.strip()) for piece in entries[0].split(";")]
        if len([p for p in pieces if p]) >= 2 and all(p[:1].isupper() for p in pieces if p):
            entries = [p for p in pieces if p]
    cleaned = [e for e in (clean_entry(x) for x in entries) if e]
    if len(cleaned) == 1 and len(entries) == 1 and entries[0].rstrip().endswith(".") and not entries[0].rstrip().endswith("./."):
        # One recipient on the "Kính gửi:" line keeps the full stop the letter put after it: the decree sets no mark
        # there (FORMAT.md §7), so the draft prints it as written; several entries get theirs from the draft.
        cleaned[0] += "."
    return cleaned, max(1, 1 + used)


def parse_telegram_recipients(lines: list[Line]) -> tuple[list[str], int]:
    """A công điện's recipients (Mẫu 1.6): the dash lines under "<sender> điện:", an entry wrapped onto the next
    printed line joined to it; and how many lines they take."""
    entries: list[str] = []
    used = 0
    for line in lines:
        if BULLET.match(line.text):
            entries.append(line.text)
        elif entries and not entries[-1].rstrip().endswith((";", ".")) and line.text[:1].islower():
            entries[-1] = f"{entries[-1]} {line.text}"
        else:
            break
        used += 1
    return [e for e in (clean_entry(entry) for entry in entries) if e], used


@dataclass
class Archive:
    """The "Lưu: VT, …" line: archive units, the drafter's code and the number of copies."""

    text: str
    units: list[str] = field(default_factory=list)
    drafter: str = ""
    copies: int | None = None


def parse_archive(entry: str) -> Archive | None:
    """The parts of a "Lưu …" entry; None when ``entry`` is not one."""
    m = _ARCHIVE.match(entry)
    if not m:
        return None
    archive = Archive(entry)
    parts = [fold(p) for p in m.group("rest").split(",") if fold(p)]
    if parts and parts[0].rstrip(".").upper() == "VT":
        parts = parts[1:]
    if parts:
        last = parts.pop().rstrip(";")
        if (d := re.match(r"^(?P<unit>[^\s()]+)\s*\((?P<inner>[^()]*)\)\s*(?P<after>\S*)$", last)):
            parts.append(d.group("unit"))
            inner, after = d.group("inner").strip(), d.group("after").strip(".;")  # "VX.Tr(5).": the final mark
            if inner.isdigit():
                archive.copies = int(inner) or None
                archive.drafter = after
            else:
                archive.drafter = inner + after
        elif (d := re.match(r"^(?P<drafter>[^\s.()]+)\.\((?P<n>\d+)\)$", last)):
            archive.drafter, archive.copies = d.group("drafter"), int(d.group("n")) or None
        elif (d := re.match(r"^(?P<unit>\S+?)\.\s+(?P<drafter>\S+)$", last)):
            parts.append(d.group("unit"))
            archive.drafter = d.group("drafter").rstrip(".")
        elif re.search(r"[a-zđ0-9]", last) and not last.isdigit() and len(parts) >= 1:
            archive.drafter = last.rstrip(".")  # "H2b", "pvc": a drafter's code, not a unit's
        else:
            parts.append(last.rstrip("."))
    archive.units = [p for p in parts if p]
    return archive


def reprints(archive: Archive) -> bool:
    """Whether the parts of ``archive`` print back as its own words in their order ("Lưu: VT, KTN (3)" does;
    "Lưu: VT, QHĐP (2)Q.Cường" would move the count, "Lưu vp" would gain a "VT", "Lưu: VT, QHQT (3b).18" would
    lose its brackets)."""
    from ptdraft.layout import archive_line
    from ptdraft.model import Content

    printed = archive_line(Content(archive=tuple(archive.units), drafter_code=archive.drafter, copies=archive.copies))
    # The same words; and a bracket that is no plain count with more after it ("QHQT (3b).18") is no drafter's
    # code in brackets ("HCQT (H2b)" → "HCQT, H2b"): its line would lose the brackets.
    lost = [m.group(0) for m in re.finditer(r"\([^()]*[^\d\s()][^()]*\)(?=\s*[.\w])", archive.text)
            if m.group(0) not in printed]
    if any(part.count("(") != part.count(")") for part in [*archive.units, archive.drafter]):
        return False  # "QLGT (Đạt, 5b)": a bracket the commas split is no unit and no drafter's code
    # The same words and brackets in the same order: "PC08(ĐTM)" (a team of the unit), "CS (3b)" (a count), "TCKH.
    # (Hằng 05b)" would lose theirs. Only a drafter's code with its copies in brackets ("HCQT (H2b)") prints in the
    # decree's form "HCQT, H2b".
    written = re.sub(r"\((?P<code>[A-ZĐ]+[-.]?\d+b?)\)", r" \g<code>", archive.text)
    tokens = r"\w+|[()]"
    return re.findall(tokens, fold(printed).casefold()) == re.findall(tokens, fold(written).casefold()) \
        and not lost


SIGNING_FORM = forms.SIGNING_FORM  # TM., KT., TL., TUQ., Q. and the older spellings (FORMAT.md §8)


def is_distribution_entry(text: str) -> bool:
    """Whether a dash entry is one only a Nơi nhận holds: "- Như trên;", "- Lưu: VT, …"."""
    if not BULLET.match(text):
        return False
    entry = BULLET.sub("", text.strip())
    return entry.startswith(SAME_AS_ABOVE) or bool(_ARCHIVE.match(entry))


def is_signature_start(line: Line) -> bool:
    """A line that opens the signature block: "TM. …", "KT. …", "TL. …", "TUQ. …", "Q. …" (older: "T/M …", "K/T …")."""
    return bool(SIGNING_FORM.match(line.text)) and line.text[:2].isupper()


def _archive_goes_on(line: Line, archive: str) -> bool:
    """Whether ``line``, right under the Lưu entry ``archive`` with no blank line between, is that entry's end wrapped
    in a narrow cell: one short word that is no word in capitals and no signing form ("Tuấn.", "19", "(3)Q.Cường."),
    or, after an entry left open with ",", its next units ("(VX/P) T.")."""
    text = line.text.strip()
    if line.blank_before or BULLET.match(text) or SIGNING_FORM.match(text) or len(text) > 16:
        return False
    capitals = text.upper() == text and sum(ch.isalpha() for ch in text) >= 2 and not any(ch.isdigit() for ch in text)
    return (len(text.split()) == 1 and not capitals) or (archive.rstrip().endswith(",") and len(text.split()) <= 3)


def parse_distribution(lines: list[Line]) -> tuple[list[str], int]:
    """The Nơi nhận entries from ``lines`` (the first is the "Nơi nhận:" line), and how many lines they take.

    The list ends after its "Lưu" entry, or where the signature block starts.
    """
    first = DISTRIBUTION.sub("", lines[0].text)
    rest = ([Line(first, 0, lines[0].number)] if first else []) + lines[1:]

    def stop(line: Line, entries: list[str]) -> bool:
        if is_signature_start(line):
            return True
        if not entries:
            return False
        if _ARCHIVE.match(BULLET.sub("", entries[-1])):
            if _DRAFTER_LINE.match(line.text.strip()) and not _DRAFTER_LINE.search(entries[-1]):
                return False  # the drafter's code on a line of its own under "Lưu" ("(NVT-15b)"): the Lưu line's
            if _archive_goes_on(line, entries[-1]):
                return False
            return not BULLET.match(line.text) and (line.blank_before or not line.text[:1].islower())
        if entries[-1].rstrip().endswith("-") and not BULLET.match(line.text):
            return False  # an entry broken at a "-" goes on after a PDF's blank line
        if not entries[-1].rstrip().endswith((";", ".")) and not BULLET.match(line.text) \
                and not (line.text.isupper() or is_signature_start(line)) and line.text.rstrip().endswith((";", ",", ":", "-")):
            return False  # an entry left open goes on in a line that ends as an entry's part does
        return line.blank_before and not BULLET.match(line.text) and not line.text.startswith("(")

    entries, taken = _entries(rest, stop)
    used = taken if not first else taken - 1
    if entries and not any(BULLET.match(entry) for entry in entries):
        # "Nơi nhận:" / "Như trên;" / "Lưu: VT.": entries typed without dashes, one a line (a line in small letters
        # goes on with the one above), each also cut after a ";" before a capital where a copy joined them
        entries = [piece for entry in _undashed_lines(rest[:taken]) for piece in _undashed_apart(entry)]
    return [e for e in (clean_entry(x) for x in entries) if e], max(1, 1 + used)


def _undashed_lines(lines: list[Line]) -> list[str]:
    """The entries of a list typed without dashes, one a line: a line opening with a capital or a figure starts an
    entry, a line in small letters or a bracket goes on with the one above (wrapped), and so does any line under one
    left open where the list ends its entries with ";"."""
    entries: list[str] = []
    marked = any(line.text.rstrip().endswith(";") for line in lines)  # entries ended by ";": a wrap ends otherwise
    for line in lines:
        text = line.text.strip()
        if entries and (not (text[:1].isupper() or text[:1].isdigit())
                        or (marked and not entries[-1].rstrip().endswith((";", ".", ")")))):
            entries[-1] = join_lines(entries[-1], text)
        else:
            entries.append(text)
    return entries


def _undashed_apart(entry: str) -> list[str]:
    """"Như trên; Lưu: VT.": the entries a list typed without dashes joined, each cut after a ";" before a capital."""
    pieces: list[str] = []
    for piece in re.split(r"(?<=;)\s+", entry):
        if pieces and not piece[:1].isupper():
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces
