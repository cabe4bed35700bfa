"""The text of a born-digital PDF (a letter exported from Word, a law site's file), read with pypdf.

Each page's text is taken in pypdf's layout mode: the lines as they print, the two header columns side by side
apart by runs of spaces (the form ``pdftotext -layout`` gives, which the importer splits into its columns). A PDF
with no text in it (a scan) or one that needs a password is refused with a message; nothing is guessed.
"""
from __future__ import annotations

import re
from pathlib import Path

from ptdraft.errors import InputError
from ptdraft.importer.layout_tables import layout_tables

MAX_PDF_PAGES = 300  # a 200-page plan with its appendices
_WORD_GAP = re.compile(r"(?<=\S) {2,4}(?=\S)")


def pdf_text(path: Path, where: str) -> tuple[str, list[str]]:
    """The text of the PDF at ``path``, its pages one after the other, and the notes of how it was read."""
    import logging

    import pypdf
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged object is the file's problem, told as one message
    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("tệp PDF có mật khẩu: hãy mở bằng mật khẩu rồi lưu lại bản không mật khẩu", where)
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise InputError(f"tệp PDF quá dài ({count} trang; tối đa {MAX_PDF_PAGES})", where)
        pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise InputError("tệp PDF bị hỏng hoặc không đọc được: hãy mở bằng trình xem PDF và lưu lại, hoặc lấy lại "
                         "tệp gốc", where) from None
    # A PDF whose words are placed one by one (no space glyphs between them) reads with a tab between words: a
    # space, the columns staying apart by their runs of spaces.
    # A table's columns lined up by spaces become "|" rows; then runs of two to four spaces between words are the
    # layout's rounding of a word's gap, not two columns apart.
    read = [layout_tables(page.replace("\t", " ")) for page in pages]
    text = "\n\n".join(_WORD_GAP.sub(" ", page).rstrip() for page, _count in read)
    tables = sum(count for _page, count in read)
    if sum(ch.isalpha() for ch in text) < 20:
        raise InputError("tệp PDF không có chữ (bản chụp hay quét thành ảnh): cần nhận dạng chữ (OCR) rồi nhập "
                         "tệp chữ đó", where)
    notes = [f"đọc chữ trong tệp PDF ({count} trang)"]
    scans = [str(number) for number, page in enumerate(pages, start=1) if sum(ch.isalpha() for ch in page) < 20]
    if scans:  # a signed last page scanned in: its text is not in the file, and the user must know
        notes.append(f"trang {', '.join(scans)} không có chữ (ảnh quét): nội dung trang đó KHÔNG được nhập, cần gõ "
                     "lại hoặc nhận dạng chữ (OCR)")
    if tables:
        notes.append(f"đọc {tables} bảng trong PDF theo các cột thẳng hàng")
    return text, notes
