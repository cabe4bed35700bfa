"""Every finding says what to do in words (issue 10: the review panel showed "Cách sửa: - , -"): the fix of every
rule, over the shipped templates and drafts and files broken on purpose, is a sentence with letters, never empty,
never a list of blanks joined by commas."""
from __future__ import annotations

import dataclasses
import re

import pytest

from ptdraft import api
from ptdraft.checker import check_bytes
from ptdraft.model import Item
from ptdraft.vietnamese import FindingKind, TextFinding, check_text
from tests.support.checker import broken
from tests.support import letter_draft, template_example
from tests.test_checker import CASES
from tests.test_signing import WRONG

EMPTY_JOIN = re.compile(r",\s*,|^\W*[-–]?\s*,|,\s*[-–]?\s*$|“\s*”|«\s*»|\(\s*\)|\"\s*\"")


def assert_sentence(text: str, what: object) -> None:
    assert text and text.strip(), f"empty fix: {what}"
    assert re.search(r"[^\W\d_]{2,}", text), f"fix without words: {text!r} ({what})"
    assert not EMPTY_JOIN.search(text), f"fix with an empty list or quote: {text!r} ({what})"


def _bad_drafts():
    """Drafts with something wrong in every part the draft check looks at."""
    letter = letter_draft()
    content = letter.content
    yield "blank", api.blank_draft()
    yield "nothing", dataclasses.replace(letter, content=dataclasses.replace(
        content, doc_type="Công văn nháp", authority="", issuer_code="", place="", subject="", recipients=(),
        body="", requirements=(), closing="", signature=dataclasses.replace(content.signature, name="", position="",
                                                                            head_title="")))
    yield "template error", dataclasses.replace(letter, content=dataclasses.replace(content, body="Nội dung {{ nam "))
    yield "text", dataclasses.replace(letter, content=dataclasses.replace(
        content, body="Giai đoạn 2026 -2031 , nâng cao trâch nhiệm của của người đứng đầu.Để ( đúng) của Tỉnh Quảng Trị",
        requirements=(Item("Thực hiện theo khoản 2 Điều 5 ,đúng hạn"),)))
    for template in api.list_templates():
        yield template.id, api.new_draft(template)
        yield f"{template.id} example", template_example(template)
    for signature, _part in WRONG:
        draft = template_example(api.get_template("giay-moi"))
        yield f"signature {signature}", dataclasses.replace(
            draft, content=dataclasses.replace(draft.content, signature=dataclasses.replace(signature, name="Lê An")))


@pytest.mark.parametrize("name, draft", list(_bad_drafts()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_draft_finding_says_what_to_do(name, draft):
    """What the window lists (the draft's problems, its DOCX's findings, its text findings) and ``ptdraft check``
    prints for a draft."""
    for problem in api.find_problems(draft):
        assert_sentence(problem.fix, (name, problem))
    for finding in api.check_draft(draft):
        assert_sentence(finding.fix, (name, finding))
    for finding in api.check_spelling(draft):
        assert_sentence(finding.how_to_fix, (name, finding))


def test_the_crafted_drafts_reach_every_kind_of_draft_finding():
    """The drafts above are not all clean: they give missing parts, template errors, signature mismatches and
    text findings of several kinds (so the test above checks those fixes)."""
    drafts = dict(_bad_drafts())
    rules = {f.rule for d in drafts.values() for f in api.check_draft(d)}
    assert {"draft.missing", "draft.template", "draft.signature"} <= rules
    kinds = {f.kind for f in api.check_spelling(drafts["text"])}
    assert {FindingKind.SPACING, FindingKind.SYLLABLE, FindingKind.DOUBLED_WORD, FindingKind.CAPITALISATION} <= kinds


@pytest.mark.parametrize("rule, template_id, change", CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_every_docx_rule_says_what_to_do(rule, template_id, change):
    """The fix of every checker rule, on a DOCX broken for that rule (tests/test_checker.py's cases)."""
    findings = check_bytes(broken(template_id, change))
    assert rule in {f.rule for f in findings}
    for finding in findings:
        assert_sentence(finding.fix, finding)


def test_the_units_rules_say_what_to_do():
    draft = letter_draft()
    draft = dataclasses.replace(draft, content=dataclasses.replace(
        draft.content, parent_authority="UBND HUYỆN TRIỆU PHONG", distribution=("Sở Tài chính tỉnh Quảng Bình",)))
    findings = [f for f in check_bytes(api.docx_bytes(draft)) if f.rule.startswith("units.")]
    assert findings
    for finding in findings:
        assert_sentence(finding.fix, finding)


@pytest.mark.parametrize("kind", list(FindingKind))
def test_a_text_finding_without_a_suggestion_still_says_what_to_do(kind):
    finding = TextFinding(kind, 0, 4, "tóan", "…")
    assert_sentence(finding.how_to_fix, kind)
    assert "tóan" in finding.how_to_fix or kind is FindingKind.ENCODING


def test_the_lopsided_dash_of_the_issue_is_a_sentence():
    """"2026 -2031" suggested " - " and "-", which the panel joined into "- , -"."""
    (finding,) = check_text("Giai đoạn 2026 -2031", lexicon=None)
    assert finding.kind is FindingKind.SPACING
    assert finding.how_to_fix.startswith("Đặt một khoảng trắng ở cả hai bên dấu gạch ngang")
    assert_sentence(finding.how_to_fix, finding)


def test_spelling_fixes_name_the_word_and_its_replacement():
    finding = next(f for f in check_text("nâng cao trâch nhiệm", lexicon=None) if f.excerpt == "trâch")
    assert finding.how_to_fix.startswith("Thay “trâch” bằng “trách”")
    (encoded,) = check_text("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    assert encoded.kind is FindingKind.ENCODING and "Unicode" in encoded.how_to_fix
