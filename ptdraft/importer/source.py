"""Reading the file to import: a text file in any common encoding, or a DOCX, as clean Unicode lines.

A text file is read as UTF-8 (with or without a byte-order mark) or UTF-16 (with one);
a file that is not UTF-8 is tried as Windows-1258 (Vietnamese with separate tone marks), then as
Windows-1252, the code page old Vietnamese fonts stored their bytes in, and accepted only if it reads as TCVN3
or VNI; text in any other encoding is refused, never guessed. Legacy text is
converted to Unicode, everything to NFC, and characters a document cannot hold
(control characters, zero-width marks) are removed; the notes say what was done.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ptdraft.errors import InputError
from ptdraft.text import bad_characters, grouped, normalise, overlong_line, overlong_message
from ptdraft.vietnamese import legacy
from ptdraft.vietnamese.letters import LOOK_ALIKES

MAX_IMPORT_BYTES = 2 * 1024 * 1024  # a letter copied out of a PDF; a 200-page plan is about 600 KB of text
MAX_IMPORT_LINES = 20_000  # lines of text; a 200-page plan has about 8,000


def _check_lines(text: str, where: str) -> None:
    lines = text.count("\n") + 1
    if lines > MAX_IMPORT_LINES:
        raise InputError(f"quá nhiều dòng ({grouped(lines)}; tối đa {grouped(MAX_IMPORT_LINES)})", where)


def _check_line_length(text: str, where: str, unit: str = "dòng") -> None:
    """The limit a draft's text has on one line (:func:`~ptdraft.text.overlong_line`), applied
    to the cleaned text before anything is made of it: a draft the import writes always loads."""
    found = overlong_line(text)
    if found is not None:
        raise InputError(overlong_message(*found, unit), where)

TEXT_SUFFIXES = (".txt", ".text", ".md")  # ".md": an OCR tool's or an assistant's Markdown
_INNER_SOFT_HYPHEN = re.compile("\u00ad(?![ \t]*\n)")


@dataclass(frozen=True)
class Source:
    """The text to import. ``one_per_paragraph``: each line is already a paragraph (DOCX)."""

    name: str
    text: str
    encoding: str
    one_per_paragraph: bool = False
    legacy: str | None = None
    notes: tuple[str, ...] = ()
    # A DOCX's text boxes: (lines of ``text`` before it, text) of each of their paragraphs, left out of ``text``.
    boxes: tuple[tuple[int, str], ...] = ()


def _decode(raw: bytes, where: str) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as exc:
            raise InputError(f"tệp UTF-8 bị hỏng (byte thứ {exc.start + 4})", where) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"tệp UTF-16 bị hỏng (byte thứ {exc.start + 1})", where) from None
    if b"\x00" in raw:
        raise InputError("tệp không phải văn bản (có byte 0): hãy chọn tệp .txt hoặc .docx", where)
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        position = exc.start + 1
    vietnamese = legacy.read_cp1258(raw)
    if vietnamese is not None:
        return vietnamese, "Windows-1258"
    text = raw.decode("cp1252", errors="replace")
    if legacy.detect(text) is None:
        raise InputError(
            f"tệp không phải văn bản UTF-8 (byte thứ {position}) và cũng không đọc được theo bảng mã Windows-1258, "
            "TCVN3 hay VNI: hãy lưu lại tệp dạng UTF-8",
            where,
        )
    return text, "Windows-1252"


def clean_text(text: str) -> tuple[str, str | None, list[str]]:
    """``text`` in Unicode NFC without forbidden characters, the legacy encoding converted from, and notes."""
    notes: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    converted, encoding = legacy.convert(text)
    if encoding:
        notes.append(f"đã chuyển văn bản từ bảng mã {legacy.NAMES[encoding]} sang Unicode")
    composed = unicodedata.normalize("NFC", converted)
    if composed != converted:
        notes.append("đã chuẩn hóa Unicode sang dạng dựng sẵn (NFC)")
    for wrong, right, what in LOOK_ALIKES:
        if count := sum(composed.count(ch) for ch in wrong):
            composed = re.sub(f"[{wrong}]", right, composed)
            notes.append(f"đã thay {count} ký tự {what} bằng “{right}”")
    bad = bad_characters(composed.replace("\u00ad", ""))
    if bad:
        notes.append(f"đã bỏ {len(bad)} ký tự điều khiển không in được ({', '.join(dict.fromkeys(bad))})")
    # A soft hyphen at the end of a printed line (a word broken there) is kept for the line joiner.
    cleaned = "\u00ad".join(normalise(part) for part in composed.split("\u00ad"))
    cleaned = _INNER_SOFT_HYPHEN.sub("", cleaned)
    return cleaned, encoding, notes


def read_source(path: Path) -> Source:
    """The file at ``path`` ready to import; InputError naming the file when it cannot be read."""
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + (".docx",):
        if suffix == ".doc":
            return _read_doc(path, where)
        if suffix == ".pdf":
            return _read_pdf(path, where)
        raise InputError("chỉ nhập được tệp văn bản .txt, .md, tệp Word .docx, .doc hoặc tệp PDF", where)
    from ptdraft.files import disk as files

    files.check_regular(path, where=where, limit=MAX_IMPORT_BYTES if suffix != ".docx" else files.MAX_READ_BYTES)
    if suffix == ".docx":
        from ptdraft.importer.docx_reader import docx_text

        return _docx_source(path.name, docx_text(path), "DOCX", where)
    raw = files.read_regular(path, where=where, limit=MAX_IMPORT_BYTES)
    if not raw.strip():
        raise InputError("tệp rỗng", where)
    decoded, charset = _decode(raw, where)
    _check_lines(decoded, where)
    text, encoding, notes = clean_text(decoded)
    _check_line_length(text, where)
    return Source(path.name, text, charset, False, encoding, tuple(notes))


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _read_doc(path: Path, where: str) -> Source:
    """A Word 97–2003 letter, converted to DOCX by LibreOffice in a folder of its own and read as DOCX."""
    import tempfile

    from ptdraft.files import disk as files
    from ptdraft.outputs import libreoffice
    from ptdraft.importer.docx_reader import DocxText, docx_text

    files.check_regular(path, where=where, limit=files.MAX_READ_BYTES)
    if files.read_regular(path, where=where, limit=files.MAX_READ_BYTES)[:8] != _OLE_MAGIC:
        raise InputError("tệp .doc này không phải văn bản Word 97-2003", where)
    with tempfile.TemporaryDirectory(prefix="ptdraft-doc-") as folder:
        converted = libreoffice.doc_to_docx(path, Path(folder))
        read = docx_text(converted)
    read = DocxText(read.lines, read.boxes, ("đã chuyển tệp .doc (Word 97-2003) sang .docx bằng LibreOffice",) + read.notes)
    return _docx_source(path.name, read, "DOC", where)


def _read_pdf(path: Path, where: str) -> Source:
    """A born-digital PDF's text, read as a text file is (its lines, its columns apart by runs of spaces)."""
    from ptdraft.files import disk as files
    from ptdraft.importer.pdf_reader import pdf_text

    files.check_regular(path, where=where, limit=files.MAX_READ_BYTES)
    if files.read_regular(path, where=where, limit=files.MAX_READ_BYTES)[:5] != b"%PDF-":
        raise InputError("tệp .pdf này không phải tệp PDF", where)
    raw, read_notes = pdf_text(path, where)
    _check_lines(raw, where)
    text, encoding, notes = clean_text(raw)
    _check_line_length(text, where)
    return Source(path.name, text, "PDF", False, encoding, tuple(read_notes + notes))


def _docx_source(name: str, read, kind: str, where: str) -> Source:
    """The Source of a Word file's text (:class:`~ptdraft.importer.docx_reader.DocxText`): each paragraph a line."""
    text, encoding, notes = clean_text("\n".join(read.lines))
    _check_lines(text, where)
    _check_line_length(text, where, "đoạn")
    boxes = tuple((before, clean_text(box)[0]) for before, box in read.boxes)
    return Source(name, text, kind, True, encoding, tuple(list(read.notes) + notes), boxes)


def source_from_text(text: str, name: str = "văn bản dán vào") -> Source:
    """Pasted text, ready to import."""
    cleaned, encoding, notes = clean_text(text)
    _check_line_length(cleaned, name)
    return Source(name, cleaned, "Unicode", False, encoding, tuple(notes))
