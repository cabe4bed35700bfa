"""Property test of every way text enters a document, shared by test_properties.py and the LibreOffice batch.

Any Unicode text hypothesis can make, put in any text field (a template value, a
part of a saved draft's content), must give either a DOCX that python-docx reopens or
a PtdraftError with a message; never another exception. Up to ``MAX_KEPT`` of the
produced files are kept so LibreOffice can open them in the session's one batch.
"""
from __future__ import annotations

import copy
import io
import json
import unicodedata
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptdraft import api
from ptdraft.files import drafts
from ptdraft.errors import PtdraftError
from ptdraft.model import FieldKind

from tests.support import LETTER_JSON, W

MAX_EXAMPLES = 60
MAX_KEPT = 20

# Parts of a saved draft's content that hold text, and whether they are lists of strings.
CONTENT_TEXT_PARTS = {
    "parent_authority": False,
    "authority": False,
    "place": False,
    "subject": False,
    "circulation": False,
    "body": False,
    "closing": False,
    "close": False,
    "contact": False,
    "deciding_authority": False,
    "recipients": True,
    "distribution": True,
    "legal_bases": True,
    "archive": True,
}
from ptdraft.model import SIGNATURE_TEXTS as SIGNATURE_PARTS  # noqa: E402
DOC_TYPES = ("Công văn", "Quyết định", "Thông báo", "Giấy mời")


def _letter_data() -> dict:
    return json.loads(LETTER_JSON.read_text(encoding="utf-8"))


class Corpus:
    """The DOCX files the property test produced, at most MAX_KEPT, written into ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: list[Path] = []

    def keep(self, data: bytes) -> None:
        if len(self.paths) >= MAX_KEPT:
            return
        path = self.folder / f"fuzz-{len(self.paths) + 1:02d}.docx"
        path.write_bytes(data)
        self.paths.append(path)


def _check_docx(data: bytes) -> None:
    """python-docx reopens the file, and every text node of the body is NFC."""
    document = docx.Document(io.BytesIO(data))
    for node in document.element.body.iter(W + "t"):
        text = node.text or ""
        assert unicodedata.is_normalized("NFC", text), repr(text)


def _outcome(make) -> bytes | None:
    """Run ``make``; a PtdraftError must carry a non-empty message, anything else propagates."""
    try:
        return make()
    except PtdraftError as exc:
        assert exc.message.strip(), "a PtdraftError without a message"
        return None


texts = st.text()
text_lists = st.lists(st.text(), max_size=3)


@st.composite
def value_cases(draw):
    """A shipped template and one of its text-like fields set to arbitrary text."""
    templates = api.list_templates()
    template = draw(st.sampled_from(templates))
    fields = [f for f in template.fields if f.kind in (FieldKind.TEXT, FieldKind.MULTILINE, FieldKind.LIST)]
    item = draw(st.sampled_from(fields))
    value = draw(text_lists if item.kind is FieldKind.LIST else texts)
    return ("value", template.id, item.id, value)


@st.composite
def content_cases(draw):
    """The real letter's saved draft with one part of its content (or signature) set to arbitrary text."""
    doc_type = draw(st.sampled_from(DOC_TYPES))
    part = draw(st.sampled_from(sorted(CONTENT_TEXT_PARTS) + [f"signature.{p}" for p in SIGNATURE_PARTS]))
    if part.startswith("signature.") or not CONTENT_TEXT_PARTS[part]:
        value = draw(texts)
    else:
        value = draw(text_lists)
    return ("content", doc_type, part, value)


def export_case(case) -> bytes | None:
    """Export one case to DOCX bytes, or None for a PtdraftError."""
    kind = case[0]
    if kind == "value":
        _, template_id, field_id, value = case
        template = api.get_template(template_id)

        def make() -> bytes:
            draft = api.new_draft(template, {**template.example, field_id: value})
            return api.docx_bytes(draft)

        return _outcome(make)
    _, doc_type, part, value = case
    data = copy.deepcopy(_letter_data())
    data["content"]["doc_type"] = doc_type
    if part.startswith("signature."):
        data["content"]["signature"][part.split(".", 1)[1]] = value
    else:
        data["content"][part] = value

    def make_from_json() -> bytes:
        return api.docx_bytes(drafts.draft_from_dict(data, "fuzz.json"))

    return _outcome(make_from_json)


def run(corpus: Corpus) -> None:
    """The property, over MAX_EXAMPLES cases; files that export are checked and kept."""

    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.one_of(value_cases(), content_cases()))
    def check(case) -> None:
        data = export_case(case)
        if data is not None:
            _check_docx(data)
            corpus.keep(data)

    check()
