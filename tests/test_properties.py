"""Property tests (hypothesis): any Unicode in any text field gives a DOCX python-docx reopens, or a PtdraftError.

The files that export are kept (at most 20) and opened by LibreOffice in the session's
one batch conversion (tests/test_libreoffice.py::test_fuzz_documents_open).
"""
from __future__ import annotations

from tests.support import fuzzing


def test_any_text_in_any_field_exports_or_fails_cleanly(fuzz_corpus):
    """Arbitrary text in a template value or a saved draft's content never raises anything but a PtdraftError."""
    fuzzing.run(fuzz_corpus)
    assert fuzz_corpus.paths, "no case exported at all: the property checked nothing"
