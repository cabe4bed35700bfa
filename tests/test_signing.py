"""The signature that fits the office (FORMAT.md §8): each signing form with the wrong signer is a finding with
its fix in words, in the draft check (window, pre-export check, ``ptdraft check``); the correct forms of every
shipped template and of the office profile's signers give none."""
from __future__ import annotations

import dataclasses
import json
import re

import pytest

from ptdraft import api, cli
from ptdraft.outputs import signing
from ptdraft.model import Signature, SigningMode
from tests.support import template_example

M = SigningMode

# (signature, the part to change): each is a mismatch of FORMAT.md §8.
WRONG = [
    (Signature(M.TL, head_title="CHỦ TỊCH", position="PHÓ CHỦ TỊCH"), "mode"),  # the example
    (Signature(M.TL, head_title="CHỦ TỊCH", position="CHỦ TỊCH"), "mode"),
    (Signature(M.TUQ, head_title="CHỦ TỊCH", position="PHÓ CHỦ TỊCH"), "mode"),
    (Signature(M.TUQ, head_title="CHỦ TỊCH", position="Chủ tịch"), "mode"),
    (Signature(M.TL, head_title="GIÁM ĐỐC", position="PHÓ CHỦ TỊCH"), "position"),
    (Signature(M.TUQ, head_title="BỘ TRƯỞNG", position="THỨ TRƯỞNG"), "mode"),
    (Signature(M.TL, head_title="CHỦ TỊCH", position="PHÓ CHÁNH VĂN PHÒNG"), "mode"),  # wants TL. … / KT. …
    (Signature(M.TUQ, head_title="CHỦ TỊCH", position="PHÓ CHÁNH VĂN PHÒNG"), "position"),
    (Signature(M.KT, head_title="CHỦ TỊCH", position="CHÁNH VĂN PHÒNG"), "position"),
    (Signature(M.KT, head_title="GIÁM ĐỐC", position="GIÁM ĐỐC"), "mode"),
    (Signature(M.KT, head_title="CHỦ TỊCH", position="PHÓ GIÁM ĐỐC"), "head_title"),
    (Signature(M.KT, head_title="PHÓ CHỦ TỊCH", position="PHÓ CHỦ TỊCH"), "head_title"),
    (Signature(M.KT, head_title="ỦY BAN NHÂN DÂN", position="PHÓ CHỦ TỊCH"), "head_title"),
    (Signature(M.TM, collective="CHỦ TỊCH", position="CHỦ TỊCH"), "collective"),
    (Signature(M.TM, collective="PHÓ GIÁM ĐỐC", position="PHÓ GIÁM ĐỐC"), "collective"),
    (Signature(M.TM, collective="ỦY BAN NHÂN DÂN", position="PHÓ CHỦ TỊCH"), "mode"),
    (Signature(M.TM, collective="HỘI ĐỒNG NHÂN DÂN", position="PHÓ CHỦ TỊCH"), "mode"),
    (Signature(M.TM, collective="ỦY BAN NHÂN DÂN", position="PHÓ BÍ THƯ"), "mode"),
    (Signature(M.TM_KT, collective="CHÁNH VĂN PHÒNG", head_title="CHỦ TỊCH", position="PHÓ CHỦ TỊCH"), "collective"),
    (Signature(M.TM_KT, collective="ỦY BAN NHÂN DÂN", head_title="CHỦ TỊCH", position="CHỦ TỊCH"), "mode"),
    (Signature(M.Q, head_title="PHÓ CỤC TRƯỞNG"), "head_title"),
    (Signature(M.Q, head_title="ỦY BAN NHÂN DÂN"), "head_title"),
    (Signature(M.Q, head_title="GIÁM ĐỐC", position="PHÓ GIÁM ĐỐC"), "position"),
    (Signature(M.TL_KT, head_title="CHỦ TỊCH", order_title="PHÓ CHỦ TỊCH", position="PHÓ CHÁNH VĂN PHÒNG"),
     "order_title"),
    (Signature(M.TL_KT, head_title="CHỦ TỊCH", order_title="CHÁNH VĂN PHÒNG", position="CHUYÊN VIÊN"), "position"),
    (Signature(M.TL_KT, head_title="CHỦ TỊCH", order_title="CHÁNH VĂN PHÒNG", position="CHÁNH VĂN PHÒNG"), "mode"),
    (Signature(M.NONE, position="PHÓ GIÁM ĐỐC"), "mode"),
]

# The forms FORMAT.md §8 shows, and others as offices write them: none is a finding.
RIGHT = [
    Signature(M.NONE, position="CHỦ TỊCH"),
    Signature(M.NONE, position="THƯ KÝ"),
    Signature(M.TM, collective="ỦY BAN NHÂN DÂN", position="CHỦ TỊCH"),
    Signature(M.TM, collective="UỶ BAN NHÂN DÂN", position="CHỦ TỊCH"),  # old tone-mark placement
    Signature(M.TM, collective="BAN THƯỜNG VỤ", position="BÍ THƯ"),
    # A standing body's deputy signs for it with TM. alone (decision 0024).
    Signature(M.TM, collective="THƯỜNG TRỰC HĐND", position="PHÓ CHỦ TỊCH"),
    Signature(M.TM, collective="Thường trực Hội đồng nhân dân", position="Phó Chủ tịch"),
    Signature(M.TM, collective="BAN THƯỜNG VỤ", position="PHÓ BÍ THƯ"),
    Signature(M.TM, collective="ĐẢNG UỶ", position="PHÓ BÍ THƯ"),
    Signature(M.TM, collective="BAN CHẤP HÀNH", position="PHÓ BÍ THƯ"),
    Signature(M.TM_KT, collective="THƯỜNG TRỰC HĐND", head_title="CHỦ TỊCH", position="PHÓ CHỦ TỊCH"),
    Signature(M.TM_KT, collective="ỦY BAN NHÂN DÂN", head_title="CHỦ TỊCH", position="PHÓ CHỦ TỊCH"),
    Signature(M.Q, head_title="CỤC TRƯỞNG"),
    Signature(M.KT, head_title="BỘ TRƯỞNG", position="THỨ TRƯỞNG"),
    Signature(M.KT, head_title="Chủ tịch", position="Phó Chủ tịch Thường trực"),
    Signature(M.KT, head_title="GIÁM ĐỐC", position="PHÓ GIÁM ĐỐC"),
    Signature(M.TL, head_title="BỘ TRƯỞNG", position="CHÁNH VĂN PHÒNG"),
    Signature(M.TL, head_title="CHỦ TỊCH", position="CHÁNH VĂN PHÒNG"),
    Signature(M.TUQ, head_title="CHỦ TỊCH", position="GIÁM ĐỐC SỞ NỘI VỤ"),
    Signature(M.TL_KT, head_title="CHỦ TỊCH", order_title="CHÁNH VĂN PHÒNG", position="PHÓ CHÁNH VĂN PHÒNG"),
    Signature(M.TUQ, head_title="HIỆU TRƯỞNG", position="TRƯỞNG PHÒNG ĐÀO TẠO"),
]


def _signed(signature: Signature, template: str = "giay-moi"):
    draft = template_example(api.get_template(template))
    signature = dataclasses.replace(signature, name="Nguyễn Văn An")
    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, signature=signature))


def _is_sentence(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]{2}", text)) and not re.search(r",\s*,|^\W*[-–]\s*,|,\s*$", text)


@pytest.mark.parametrize("signature, part", WRONG, ids=[f"{s.mode.value or '—'}{s.collective}{s.head_title}/"
                                                        f"{s.order_title}/{s.position}" for s, _p in WRONG])
def test_each_mismatch_is_a_finding_with_its_fix(signature, part):
    """The draft check (what the window lists and asks about before export) names the part to change and says
    in words what to write."""
    problems = [p for p in api.find_problems(_signed(signature)) if p.rule == "draft.signature"]
    assert [p.ref for p in problems] == [f"signature.{part}"]
    (problem,) = problems
    assert _is_sentence(problem.message) and _is_sentence(problem.fix)
    assert problem.fix != problem.message


@pytest.mark.parametrize("signature", RIGHT, ids=[f"{s.mode.value or '—'}{s.collective}{s.head_title}/"
                                                  f"{s.order_title}/{s.position}" for s in RIGHT])
def test_the_right_forms_are_no_finding(signature):
    assert signing.mismatches(signature) == []
    assert not [p for p in api.find_problems(_signed(signature)) if p.rule == "draft.signature"]


def test_tl_signed_by_the_vice_chairman_is_not_ready_to_export():
    """Issue 10: "TL. CHỦ TỊCH / PHÓ CHỦ TỊCH" passed as ready to export. It is now a finding of the draft check
    and of the DOCX-level check of the draft, with the KT. form to use."""
    draft = _signed(Signature(M.TL, head_title="CHỦ TỊCH", position="PHÓ CHỦ TỊCH"))
    (problem,) = api.find_problems(draft)
    assert problem.ref == "signature.mode"
    assert "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" in problem.fix
    (finding,) = [f for f in api.check_draft(draft) if f.rule == "draft.signature"]
    assert (finding.box, finding.section, finding.ref, finding.fix) == ("7a", "§8", "signature.mode", problem.fix)


def test_the_second_signature_is_checked_too():
    draft = template_example(api.get_template("bien-ban"))
    cosigner = Signature(M.KT, head_title="CHỦ TỊCH", position="THƯ KÝ", name="Lê Văn Bình")
    draft = dataclasses.replace(draft, content=dataclasses.replace(draft.content, cosigner=cosigner))
    assert [p.ref for p in api.find_problems(draft)] == ["cosigner.position"]


def test_a_signature_from_template_fields_is_checked_as_it_prints():
    """The signer's title typed in a template field ({{ chuc_vu }}) is judged by the filled text."""
    template = api.get_template("giay-moi")
    assert "{{" in template.content.signature.position
    draft = template_example(template)
    field = next(name for name in ("chuc_vu",) if draft.field(name) is not None)
    draft = api.with_values(draft, {**draft.values, field: "PHÓ CHỦ TỊCH"})
    assert [p.ref for p in api.find_problems(draft)] == ["signature.mode"]


def test_every_shipped_template_signs_in_a_form_that_fits():
    """The example and the defaults of every shipped template: no signature finding (and the examples no finding
    at all, as the template tests require)."""
    for template in api.list_templates():
        for draft in (template_example(template), api.new_draft(template)):
            found = [p for p in api.find_problems(draft) if p.rule == "draft.signature"]
            assert found == [], (template.id, found)


PROFILE = {
    "tinh": "Quảng Trị",
    "xa": "Xã Triệu Phong",
    "nguoi_ky": "\n".join((
        "Nguyễn Văn An; Chủ tịch",
        "Trần Văn Bình; Phó Chủ tịch; KT. Chủ tịch",
        "Lê Thị Hoa; Chánh Văn phòng; TL. Chủ tịch",
        "Phạm Văn Cường; Chủ tịch; TM. Ủy ban nhân dân",
        "Hoàng Văn Dũng; Giám đốc Sở Nội vụ; TUQ. Chủ tịch",
        "Võ Thị Em; Phó Chủ tịch; TM. Ủy ban nhân dân, KT. Chủ tịch",
    )),
}


def test_the_office_profile_signers_fill_every_template_in_a_form_that_fits():
    """A new draft of each template takes its signer from the office profile (the one signing in the template's
    form): the result is never a signature finding."""
    for template in api.list_templates():
        draft = api.new_draft(template, profile=PROFILE)
        found = [p for p in api.find_problems(draft) if p.rule == "draft.signature"]
        assert found == [], (template.id, found)


def test_ptdraft_check_of_a_draft_reports_the_mismatch(tmp_path, capsys):
    path = tmp_path / "giay-moi.json"
    api.save_draft(_signed(Signature(M.TL, head_title="CHỦ TỊCH", position="PHÓ CHỦ TỊCH")), path)
    assert cli.main(["check", "--json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["ref"]) for f in findings] == [("draft.signature", "signature.mode")]
    assert cli.main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Cách sửa: Chọn quyền hạn ký \"KT.\": KT. CHỦ TỊCH / PHÓ CHỦ TỊCH." in out
