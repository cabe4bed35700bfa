"""The text of a DOCX, paragraph by paragraph in document order, through the one DOCX reader of ptdraft.

Tables are read row by row and, in each row, cell by cell, left to right: the header
(issuing body | national title) and the Nơi nhận | signature row come out as the left
column then the right, like a PDF's text does.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ptdraft.errors import InputError


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _not_a_zip(path: Path) -> str:
    """Why a .docx that is no zip cannot be read: Word keeps a password-protected DOCX in an OLE container (with
    an "EncryptedPackage" stream), and a Word 97-2003 file renamed .docx is one too."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            rest = handle.read(1 << 20) if head == _OLE_MAGIC else b""
    except OSError:
        head, rest = b"", b""
    if head == _OLE_MAGIC and "EncryptedPackage".encode("utf-16-le") in rest:
        return "tệp DOCX có mật khẩu (được mã hóa): hãy mở bằng Word, bỏ mật khẩu rồi lưu lại"
    if head == _OLE_MAGIC:
        return "tệp không phải DOCX mà là tệp Word 97-2003 đổi đuôi: hãy đổi đuôi thành .doc để nhập"
    return "tệp không phải DOCX (không phải tệp nén Office Open XML)"


def docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph's text, tables and text boxes included; a manual line break starts a new line. Read by
    :mod:`ptdraft.ooxml.docx_reader`, the reader the checker uses too."""
    from ptdraft.ooxml import docx_reader

    where = str(path)
    try:
        if not zipfile.is_zipfile(path):
            raise InputError(_not_a_zip(path), where)
    except OSError as exc:
        raise InputError(f"không đọc được tệp DOCX ({exc})", where) from None
    package = docx_reader.read(path, where)
    return [line for para in package.info.paragraphs for line in para.text.split("\n")]
