"""The file name proposed for a document: type abbreviation, number once issued, date, the subject's first words,
in plain ASCII, for every shipped template."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re

import pytest

from ptdraft import api
from ptdraft.reference import doctypes
from ptdraft.outputs.file_names import CONG_VAN_CODE, FALLBACK, SUBJECT_CHARS, SUBJECT_WORDS, ascii_words, proposed_name
from ptdraft.model import Content

NAME = re.compile(r"^[A-Za-z]+(-[a-z]+)*(-so\d+)?(-\d\d-\d\d-\d{4})?(-[a-z0-9]+)*\.docx$")


def test_the_example_of_the_issue():
    """A Giấy mời of 15/01/2027 on "Triển khai chuyển đổi số" is GM-15-01-2027-trien-khai-chuyen-doi-so.docx."""
    content = Content(doc_type="Giấy mời", date=_dt.date(2027, 1, 15), subject="Triển khai chuyển đổi số")
    assert proposed_name(content, "docx") == "GM-15-01-2027-trien-khai-chuyen-doi-so.docx"


def test_the_number_once_issued_and_the_draft_suffix():
    content = Content(doc_type="Quyết định", number=12, date=_dt.date(2027, 3, 5),
                      subject="Về việc thành lập Tổ công tác")
    assert proposed_name(content, ".ptdraft.json") == "QD-so12-05-03-2027-thanh-lap-to-cong-tac.ptdraft.json"


def test_a_cong_van_has_cv_and_loses_its_v_v():
    content = Content(doc_type="Công văn", subject="V/v báo cáo tình hình đường điện")
    assert proposed_name(content, "pdf") == f"{CONG_VAN_CODE}-bao-cao-tinh-hinh-duong-dien.pdf"


def test_an_empty_document_still_gets_a_name():
    assert proposed_name(Content(doc_type=""), "docx") == f"{FALLBACK}.docx"
    assert ascii_words("Đường ĐÊ, số 3/2!") == ["duong", "de", "so", "3", "2"]


@pytest.mark.parametrize("template", api.list_templates(), ids=lambda t: t.id)
def test_every_shipped_template_gets_a_short_ascii_name_from_its_example(template):
    """The name of each template's example: ASCII, of the expected shape, the type's abbreviation first, the
    example's date, and its subject's words (as far as the length allows)."""
    draft = api.example_draft(template)
    content = api.fill(draft, strict=False)
    name = api.proposed_file_name(draft, "docx")
    assert name.isascii() and NAME.match(name), name
    abbreviation = doctypes.abbreviation(content.doc_type)
    if abbreviation:
        assert name.startswith(ascii_words(abbreviation)[0].upper()[:1])
        assert name.split("-")[0].casefold() == "".join(ascii_words(abbreviation))
    if content.date is not None:
        assert content.date.strftime("-%d-%m-%Y") in name
    words = ascii_words(content.subject)
    if words[:2] in (["v", "v"], ["ve", "viec"]):
        words = words[2:]
    if words:  # the subject's first words, as many as fit, cut at a word
        kept = next(k for k in range(len(words), 0, -1) if name.endswith("-" + "-".join(words[:k]) + ".docx"))
        assert kept == min(len(words), SUBJECT_WORDS) or len("-".join(words[:kept + 1])) > SUBJECT_CHARS
    issued = dataclasses.replace(content, number=7)
    assert "-so7-" in proposed_name(issued, "docx") or proposed_name(issued, "docx").endswith("-so7.docx")
