"""The text of a DOCX, paragraph by paragraph in document order (the import's only python-docx import).

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
    """Every paragraph's text, tables included; a manual line break starts a new line."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    where = str(path)
    try:
        if not zipfile.is_zipfile(path):
            raise InputError(_not_a_zip(path), where)
        from ptdraft.checker.docx_reader import check_limits

        check_limits(path, where)
        document = docx.Document(str(path))
    except InputError:
        raise
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"không đọc được tệp DOCX ({exc})", where) from None
    except Exception as exc:  # python-docx raises its own errors for a damaged package
        raise InputError(f"tệp DOCX bị hỏng hoặc không hợp lệ ({type(exc).__name__})", where) from None

    out: list[str] = []
    paragraph, table, row, cell, content = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdtContent")

    def walk(element) -> None:
        for child in element.iterchildren():
            if child.tag == paragraph:
                out.extend(Paragraph(child, None).text.split("\n"))  # type: ignore[arg-type] # text only, no part
            elif child.tag == table:
                for tr in child.iterchildren(row):
                    for tc in tr.iterchildren(cell):
                        walk(tc)
            elif child.tag == qn("w:sdt"):
                for inner in child.iterchildren(content):
                    walk(inner)

    try:
        body = document.element.body
        if body is None:
            raise AttributeError("body")
        walk(body)
    except (AttributeError, TypeError, ValueError, RecursionError) as exc:  # a document part that is not Word's
        raise InputError(f"phần nội dung của tệp DOCX không phải văn bản Word ({type(exc).__name__})", where) from None
    return out
