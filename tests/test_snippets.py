"""Snippets (issue 12.6): the approved legal bases, requests and closings shipped with ptdraft, the office's Nơi nhận
groups from its profile, each inserted where it prints."""
from __future__ import annotations

import json
import re

import pytest

from ptdraft import api
from ptdraft.office import snippets
from ptdraft.errors import InputError
from tests.support.storage import assert_one_message, run_cli

# FORMAT.md §5.1: ngày DD tháng M năm YYYY, a leading zero on days 1–9 and on months 1–2 only.
DATE = re.compile(r"ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})")


def test_shipped_snippets_are_approved_and_cover_every_kind():
    found = snippets.shipped()
    assert {s.kind for s in found} == set(snippets.KINDS) - {"noi_nhan"}  # groups are the office's own
    assert len({s.id for s in found}) == len(found)
    assert all(s.origin == "shipped" and s.lines for s in found)


def test_legal_bases_carry_dates_in_the_decrees_form():
    for snippet in snippets.available(kind="can_cu"):
        text = snippet.text
        assert text.startswith(("Căn cứ ", "Theo đề nghị của ")), text
        assert not text.endswith((";", ".")), text  # the layout ends each basis
        for day, month, _year in DATE.findall(text):
            assert 1 <= int(day) <= 31 and len(day) == 2, text
            assert month == (f"0{int(month)}" if int(month) in (1, 2) else str(int(month))), text
        if "Nghị định số" in text:
            assert re.search(r"Nghị định số \d+/\d{4}/NĐ-CP ngày", text), text


def test_a_bad_snippets_file_names_the_file_and_the_snippet():
    unapproved = '[[snippets]]\nid = "a"\nkind = "ket"\ntitle = "A"\ntext = "B"\n'
    with pytest.raises(InputError, match="chưa được duyệt"):
        snippets.parse(unapproved, "x.toml")
    approved = '[approval]\nstate = "approved"\n'
    with pytest.raises(InputError, match="loại 'khac'"):
        snippets.parse(approved + '[[snippets]]\nid = "a"\nkind = "khac"\ntitle = "A"\ntext = "B"\n', "x.toml")
    twice = approved + ('[[snippets]]\nid = "a"\nkind = "ket"\ntitle = "A"\ntext = "B"\n' * 2)
    with pytest.raises(InputError, match="lặp lại: a"):
        snippets.parse(twice, "x.toml")


def _by_id(snippet_id, profile=None):
    return next(s for s in api.snippets(profile=profile) if s.id == snippet_id)


def test_each_kind_goes_where_it_prints_in_a_template_draft():
    decision = api.example_draft(api.get_template("quyet-dinh"))
    with_basis = api.insert_snippet(decision, _by_id("can-cu-nd-30-2020"))
    assert with_basis.values["can_cu"][-1] == _by_id("can-cu-nd-30-2020").text
    printed = api.fill(with_basis).legal_bases
    # Into the Căn cứ list, so before the template's closing "Theo đề nghị của …" line.
    assert printed[-2].startswith("Căn cứ Nghị định số 30/2020/NĐ-CP") and printed[-1].startswith("Theo đề nghị")
    assert api.insert_snippet(with_basis, _by_id("can-cu-nd-30-2020")).values["can_cu"] == with_basis.values["can_cu"]

    letter = api.example_draft(api.get_template("cong-van-chung"))
    request = _by_id("de-nghi-lien-he")
    body = api.insert_snippet(letter, request).values["noi_dung"]
    assert body.endswith("\n\n" + request.text) and body.startswith(letter.values["noi_dung"].rstrip())
    closing = api.insert_snippet(letter, _by_id("ket-mong-phoi-hop"))
    assert api.fill(closing).close == "Rất mong nhận được sự quan tâm, phối hợp của Quý cơ quan./."

    group = api.snippets("noi_nhan", profile={"noi_nhan": "Cấp trên: UBND tỉnh; Sở Nội vụ"})[0]
    assert (group.title, group.lines, group.origin) == ("Cấp trên", ("UBND tỉnh", "Sở Nội vụ"), "office")
    assert api.insert_snippet(letter, group).values["noi_nhan"] == [*letter.values["noi_nhan"], "UBND tỉnh",
                                                                   "Sở Nội vụ"]


def test_a_blank_draft_takes_the_snippet_in_the_part_itself():
    blank = api.blank_draft()
    draft = api.insert_snippet(blank, _by_id("can-cu-luat-tcchqdp-2025"))
    assert draft.content.legal_bases == ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",)
    draft = api.insert_snippet(draft, _by_id("de-nghi-bao-cao-dung-han"))
    assert draft.content.body == _by_id("de-nghi-bao-cao-dung-han").text


def test_the_command_line_lists_and_inserts(capsys, tmp_path):
    code, out, err = run_cli(capsys, "snippets", "list", "--kind", "can_cu", "--json")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(row["kind"] == "can_cu" for row in rows)
    source = tmp_path / "qd.json"
    assert run_cli(capsys, "new", "quyet-dinh", "-o", source)[0] == 0
    target = tmp_path / "qd-can-cu.json"
    code, out, err = run_cli(capsys, "snippets", "add", source, "can-cu-nd-30-2020", "theo-de-nghi", "-o", target)
    assert code == 0, err
    bases = json.loads(target.read_text(encoding="utf-8"))["values"]["can_cu"]
    assert bases[-2:] == [_by_id("can-cu-nd-30-2020").text, "Theo đề nghị của Chánh Văn phòng"]
    before = source.read_bytes()
    code, _out, err = run_cli(capsys, "snippets", "add", source, "khong-co", "-o", tmp_path / "x.json")
    assert_one_message(code, err, "khong-co")
    code, _out, err = run_cli(capsys, "snippets", "add", source, "ket-tran-trong", "-o", source)
    assert_one_message(code, err, "-o")
    assert source.read_bytes() == before and not (tmp_path / "x.json").exists()
