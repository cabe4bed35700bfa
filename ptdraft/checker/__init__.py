"""The Decree-30 checker: findings for any DOCX (made by ptdraft, Word or anyone else) or for a draft.

    findings = checker.check_docx(Path("cong-van.docx"))
    report = checker.fix_docx(Path("cong-van.docx"), Path("cong-van-da-sua.docx"))

Reading a DOCX (:mod:`ptdraft.ooxml.docx_reader`, shared with the importer) gives plain facts with the effective formatting
resolved; :mod:`.recognise` finds the elements; :mod:`.rules_format` and
:mod:`.rules_text` judge them with the numbers of :mod:`ptdraft.rules`;
:mod:`.fixer` repairs what can be repaired without changing a word.
"""
from __future__ import annotations

from ptdraft import lazy
from ptdraft.checker.engine import check_bytes, check_docx, check_package
from ptdraft.checker.findings import Finding, Result

__all__ = ["Finding", "Result", "FixReport", "check_bytes", "check_docx", "check_package", "check_written", "fix_docx"]

# Checking a draft (:func:`ptdraft.api.check_draft` lays it out and writes it, this checks the bytes) and fixing
# a DOCX load what they need on first use: a plain check of a DOCX does not.
_LAZY = {"check_written": "ptdraft.checker.draft", "FixReport": "ptdraft.checker.fixer", "fix_docx": "ptdraft.checker.fixer"}


__getattr__ = lazy.attributes(__name__, globals(), _LAZY)
