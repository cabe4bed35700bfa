"""The text of a DOCX, paragraph by paragraph in document order, through the one DOCX reader of ptdraft.

Tables are read row by row and, in each row, cell by cell, left to right: the header
(issuing body | national title) and the Nơi nhận | signature row come out as the left
column then the right, like a PDF's text does.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ptdraft.errors import InputError


def _not_a_zip(path: Path) -> str:
    """Why a .docx that is no zip cannot be read: Word keeps a password-protected DOCX in an OLE container (with
    an "EncryptedPackage" stream), and a Word 97-2003 file renamed .docx is one too."""
    from ptdraft.ooxml.docx_reader import ENCRYPTED, OLE_MAGIC, is_encrypted, not_a_zip

    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        head = b""
    if is_encrypted(head):
        return ENCRYPTED
    if head[:8] == OLE_MAGIC:
        return "tệp không phải DOCX mà là tệp Word 97-2003 đổi đuôi: hãy đổi đuôi thành .doc để nhập"
    return not_a_zip(head)


def docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph's text, tables and content controls included, text boxes left out; a manual line break starts
    a new line. Read by :mod:`ptdraft.ooxml.docx_reader`, the reader the checker uses too."""
    from ptdraft.ooxml import docx_reader

    where = str(path)
    try:
        if not zipfile.is_zipfile(path):
            raise InputError(_not_a_zip(path), where)
    except OSError as exc:
        raise InputError(f"không đọc được tệp DOCX ({exc})", where) from None
    package = docx_reader.read(path, where)
    # A text box's text (a stamp, a note placed on the page) stands outside the letter's flow: left out, as Word's
    # own "save as text" leaves it. An automatic list's label ("1.", "a)", a bullet) is in no run: put before the text
    # as a typist would type it, so the list reads as the letter prints it.
    return [line for para in package.info.paragraphs if not para.in_textbox
            for line in _labelled(para.label, para.text).split("\n")]


def _labelled(label: str, text: str) -> str:
    """A list paragraph's text with its label: numbers as Word prints them, any bullet as the letters' "-" (a "+"
    kept), the dot or symbol-font glyph of Word's default bullets included."""
    label = label.strip()
    if not label or not text.strip():
        return text
    if label in ("+", "\uf02b"):
        label = "+"
    elif not any(ch.isalnum() for ch in label):
        label = "-"
    return f"{label} {text.lstrip()}"
