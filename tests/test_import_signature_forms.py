"""The signature block in the forms copies print it (issue 11): a title without a signing form, lines a copy joined
onto one, a title typed in small letters; and a signer name that must read as one person's name."""
from __future__ import annotations

import re

import pytest

from ptdraft.importer import import_text
from ptdraft.model import SigningMode
from ptdraft.vietnamese.names import is_personal_name

HEAD = """ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/UBND-VX
V/v tổ chức hội nghị tổng kết
Hòa Bình, ngày 5 tháng 3 năm 2015

Kính gửi: Sở Nội vụ.

Ủy ban nhân dân tỉnh đề nghị Sở Nội vụ chuẩn bị hội nghị tổng kết công tác năm 2014 của ngành.
Đề nghị Sở Nội vụ thực hiện./.
"""
NOI_NHAN = """Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def _signed(text: str):
    draft, _report = import_text(text)
    return draft.content


@pytest.mark.parametrize("text", ["PHÓ CHỦ TỊCH Bùi Văn Tỉnh", "KT. CHỦ TỊCH Bùi Văn Tỉnh", "Giám Đốc Bùi Văn Tỉnh"])
def test_a_title_joined_to_a_name_is_no_name(text):
    assert not is_personal_name(text)


@pytest.mark.parametrize("name", ["Bùi Văn Tỉnh", "BÙI VĂN TỈNH", "Y Bhim Niê", "H'Hen Niê", "Ksor Phước"])
def test_names_in_one_case_stay_names(name):
    assert is_personal_name(name)


@pytest.mark.parametrize("line", ["ThS Bùi Văn Tỉnh", "Ths. Bùi Văn Tỉnh", "PGS. TS Bùi Văn Tỉnh", "TS Bùi Văn Tỉnh",
                                  "Đại Tá Bùi Văn Tỉnh", "BSCKII Bùi Văn Tỉnh"])
def test_a_degree_or_rank_typed_without_its_dot_still_signs(line):
    """The decree lets a degree or a military rank stand before the name; copies drop the dot or capitalise it."""
    content = _signed(HEAD + NOI_NHAN + f"HIỆU TRƯỞNG\n{line}\n")
    assert content.signature.name == line and content.signature.position == "HIỆU TRƯỞNG"
    assert line not in content.body


@pytest.mark.parametrize("order", ["before", "after"])
def test_a_title_in_capitals_and_the_name_joined_on_one_line(order):
    """A site that joins a table cell's lines with spaces prints "CHỦ TỊCH Bùi Văn Tỉnh"."""
    block = "CHỦ TỊCH Bùi Văn Tỉnh\n"
    content = _signed(HEAD + (block + NOI_NHAN if order == "before" else NOI_NHAN + block))
    assert content.signature.position == "CHỦ TỊCH"
    assert content.signature.name == "Bùi Văn Tỉnh"
    assert "Bùi Văn Tỉnh" not in content.body
    assert content.distribution == ("Như trên", "Lưu: VT")


def test_the_deputy_s_title_joined_to_the_name():
    content = _signed(HEAD + NOI_NHAN + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH Bùi Văn Tỉnh\n")
    signature = content.signature
    assert (signature.mode, signature.head_title, signature.position, signature.name) == (
        SigningMode.KT, "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Văn Tỉnh")


@pytest.mark.parametrize("line, head, position", [
    ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ("KT. BỘ TRƯỞNG THỨ TRƯỞNG", "BỘ TRƯỞNG", "THỨ TRƯỞNG"),
    ("KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM", "BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM"),
    ("KT. TỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG"),
])
def test_a_signing_form_and_the_deputy_s_title_on_one_line(line, head, position):
    content = _signed(HEAD + NOI_NHAN + f"{line}\nBùi Văn Tỉnh\n")
    signature = content.signature
    assert (signature.mode, signature.head_title, signature.position, signature.name) == (
        SigningMode.KT, head, position, "Bùi Văn Tỉnh")


def test_two_signing_forms_and_the_title_on_one_line():
    content = _signed(HEAD + NOI_NHAN + "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH\nBùi Văn Tỉnh\n")
    signature = content.signature
    assert (signature.mode, signature.collective, signature.head_title, signature.position, signature.name) == (
        SigningMode.TM_KT, "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Văn Tỉnh")


@pytest.mark.parametrize("order", ["before", "after"])
@pytest.mark.parametrize("title", ["Phó Thủ tướng", "Giám đốc", "Chủ tịch"])
def test_a_title_in_small_letters_without_a_signing_form(order, title):
    """A law site's copy types the signer's title as "Phó Thủ tướng", with no "KT." above it."""
    block = f"{title}\nBùi Văn Tỉnh\n"
    content = _signed(HEAD + (block + NOI_NHAN if order == "before" else NOI_NHAN + block))
    assert content.signature.mode == SigningMode.NONE
    assert (content.signature.position, content.signature.name) == (title, "Bùi Văn Tỉnh")
    assert "Bùi Văn Tỉnh" not in content.body and title not in content.body
    assert content.distribution == ("Như trên", "Lưu: VT")


def test_a_body_line_that_names_a_title_is_no_signature():
    """A sentence about the chairman in the body, then a name-like line, is not taken for a signature."""
    text = HEAD.replace("Đề nghị Sở Nội vụ thực hiện./.\n", "Chủ tịch UBND tỉnh giao:\nSở Nội vụ thực hiện./.\n")
    content = _signed(text + NOI_NHAN + "CHỦ TỊCH\nBùi Văn Tỉnh\n")
    assert "Chủ tịch UBND tỉnh giao:" in content.body
    assert (content.signature.position, content.signature.name) == ("CHỦ TỊCH", "Bùi Văn Tỉnh")


@pytest.mark.parametrize("residue", ["(Đã ký)", "[đã ký]", "(đã kỹ)", "Đã ký và đóng dấu"])
def test_what_stands_for_the_signature_is_dropped(residue):
    content = _signed(HEAD + NOI_NHAN + f"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{residue}\nBùi Văn Tỉnh\n")
    assert (content.signature.position, content.signature.name) == ("PHÓ CHỦ TỊCH", "Bùi Văn Tỉnh")
    assert residue not in content.body


def test_an_entry_that_names_a_leader_is_no_signature():
    """A Nơi nhận entry left open ("- TTCP, PTT Hoàng Trung Hải") reads like an abbreviation and a name on one line;
    the signature is the block below it."""
    text = HEAD + ("Nơi nhận:\n- Như trên;\n- TTCP, PTT Hoàng Trung Hải\n- Lưu: VT.\n"
                   "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nBùi Văn Tỉnh\n")
    content = _signed(text)
    signature = content.signature
    assert (signature.mode, signature.head_title, signature.position, signature.name) == (
        SigningMode.KT, "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Văn Tỉnh")


def test_a_title_and_name_line_above_the_signing_form_is_not_the_signature():
    """Where a signing form follows further down, that block is the letter's signature, not a line above it."""
    text = HEAD + NOI_NHAN + "\nTHƯ KÝ Trần Văn Nam\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Văn Tỉnh\n"
    signature = _signed(text).signature
    assert (signature.mode, signature.position, signature.name) == (SigningMode.KT, "PHÓ CHỦ TỊCH", "Bùi Văn Tỉnh")


def test_a_centred_signature_above_the_nơi_nhận_block():
    """A copy that centres the signature with spaces and prints it above Nơi nhận (the table's right cell first)."""
    pad = " " * 30
    text = HEAD + f"{pad}KT. CHỦ TỊCH\n{pad}PHÓ CHỦ TỊCH\n\n{pad}Bùi Văn Tỉnh\n" + NOI_NHAN
    content = _signed(text)
    signature = content.signature
    assert (signature.mode, signature.head_title, signature.position, signature.name) == (
        SigningMode.KT, "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Văn Tỉnh")
    assert content.distribution == ("Như trên", "Lưu: VT")
    assert "Nơi nhận" not in content.body


def test_a_closing_mark_typed_after_the_name():
    content = _signed(HEAD + NOI_NHAN + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Văn Tỉnh./.\n")
    assert content.signature.name == "Bùi Văn Tỉnh"


def test_a_title_in_small_letters_beside_the_last_entry():
    """A typist's Nơi nhận | signature row lined up with tabs, the title typed in small letters with no signing form."""
    text = HEAD + ("Nơi nhận:\t\t\n- Như trên;\t\tPhó Thủ tướng\n- Lưu: VT.\t\t\n\t\t\n\t\tBùi Văn Tỉnh\n")
    content = _signed(text)
    assert (content.signature.position, content.signature.name) == ("Phó Thủ tướng", "Bùi Văn Tỉnh")
    assert content.distribution == ("Như trên", "Lưu: VT")


def test_nơi_nhận_and_signature_copied_row_by_row_with_bars():
    """A copy that joins the two cells of each row with " | " ("- Như trên; | PHÓ GIÁM ĐỐC"): every row split where
    the bar stands, the entries to Nơi nhận, the titles and the name to the signature, "(Đã ký)" dropped, nothing
    left in the body and the close kept."""
    from ptdraft.importer import import_text

    text = "\n".join([
        "SỞ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH QUẢNG TRỊ | Độc lập - Tự do - Hạnh phúc",
        "Số: 125/STC-VP | Quảng Trị, ngày 05 tháng 02 năm 2027",
        "V/v triển khai chuyển đổi số",
        "Kính gửi: Các sở, ban, ngành tỉnh.",
        "Sở Tài chính đề nghị các cơ quan, đơn vị rà soát danh mục thủ tục hành chính trên môi trường điện tử.",
        "Trân trọng./.",
        "Nơi nhận: | KT. GIÁM ĐỐC",
        "- Như trên; | PHÓ GIÁM ĐỐC",
        "- Giám đốc Sở;",
        "- Lưu: VT, VP. | (Đã ký)",
        " | Trần Thị Bình",
    ])
    draft, _report = import_text(text)
    c = draft.content
    sig = c.signature
    assert (sig.head_title, sig.position, sig.name) == ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Bình")
    assert c.distribution == ("Như trên", "Giám đốc Sở") and c.archive == ("VP",)
    assert c.close == "Trân trọng./." and "|" not in c.body and "Đã ký" not in c.body


JOINED = {
    # A website that joins a table cell's lines with spaces, or keeps its cell edges as "|".
    "kt": (NOI_NHAN + "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Văn Tỉnh\n", (SigningMode.KT, "", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    "kt-minister": (NOI_NHAN + "KT. BỘ TRƯỞNG THỨ TRƯỞNG Bùi Văn Tỉnh\n", (SigningMode.KT, "", "BỘ TRƯỞNG", "THỨ TRƯỞNG")),
    "tm": (NOI_NHAN + "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Bùi Văn Tỉnh\n", (SigningMode.TM, "ỦY BAN NHÂN DÂN", "", "CHỦ TỊCH")),
    "tm-kt": (NOI_NHAN + "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Văn Tỉnh\n",
              (SigningMode.TM_KT, "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    "tl": (NOI_NHAN + "TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ PHÁP CHẾ Bùi Văn Tỉnh\n",
           (SigningMode.TL, "", "BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ")),
    "tuq": (NOI_NHAN + "TUQ. CHỦ TỊCH CHÁNH VĂN PHÒNG Bùi Văn Tỉnh\n", (SigningMode.TUQ, "", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG")),
    "da-ky-inside": (NOI_NHAN + "KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Bùi Văn Tỉnh\n",
                     (SigningMode.KT, "", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    "one-row-bar": ("Nơi nhận: - Như trên; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Văn Tỉnh\n",
                    (SigningMode.KT, "", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    "cell-edges": ("| Nơi nhận:\n- Như trên;\n- Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH\n\n\n\nBùi Văn Tỉnh |\n",
                   (SigningMode.KT, "", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    "signature-first-edges": ("| KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Văn Tỉnh |\n" + NOI_NHAN,
                              (SigningMode.KT, "", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    "all-on-one-line": ("Nơi nhận: - Như trên; - Lưu: VT. KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Văn Tỉnh\n",
                        (SigningMode.KT, "", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
}


@pytest.mark.parametrize("case", sorted(JOINED))
def test_a_signature_block_joined_onto_one_line_comes_apart(case):
    tail, (mode, collective, head, position) = JOINED[case]
    content = _signed(HEAD + tail)
    signature = content.signature
    assert (signature.mode, signature.collective, signature.head_title, signature.position, signature.name) == (
        mode, collective, head, position, "Bùi Văn Tỉnh")
    assert content.distribution == ("Như trên", "Lưu: VT")
    assert "Bùi Văn Tỉnh" not in content.body and "|" not in content.body


def test_a_body_named_ban_giam_doc_is_not_split_into_a_title():
    content = _signed(HEAD + NOI_NHAN + "TM. BAN GIÁM ĐỐC\nGIÁM ĐỐC\nBùi Văn Tỉnh\n")
    assert (content.signature.collective, content.signature.position) == ("BAN GIÁM ĐỐC", "GIÁM ĐỐC")


def test_a_signing_form_glued_onto_the_luu_line_is_the_signature():
    """A copy that lost the line break between the cells: "- Lưu: VT, TH1, NC2.KT. CHỦ TỊCH"."""
    content = _signed(HEAD + "Nơi nhận:\n- Như trên;\n- Lưu: VT, TH1, NC2.KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐặng Xuân Phong\n")
    signature = content.signature
    assert (signature.mode, signature.head_title, signature.position, signature.name) == (
        SigningMode.KT, "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đặng Xuân Phong")
    assert (content.archive, content.drafter_code) == (("TH1",), "NC2")


@pytest.mark.parametrize("entry", ["Lưu: VT, QLGT (Đạt, 5b).", "Lưu: VT, TCKH. (Hằng 05b)", "Lưu: VT, PC08(ĐTM)",
                                   "Lưu: VT, CS (3b)", "Lưu: VT, KT (2b)."])
def test_a_luu_line_whose_brackets_would_be_lost_is_kept_as_written(entry):
    from ptdraft.layout import distribution_entries

    content = _signed(HEAD + f"Nơi nhận:\n- Như trên;\n- {entry}\nCHỦ TỊCH\nBùi Văn Tỉnh\n")
    assert (content.archive, content.drafter_code, content.copies) == ((), "", None)
    # Its words and brackets as written, in order (spacing and a stray dot tidied like any entry's).
    tokens = r"\w+|[()]"
    assert re.findall(tokens, distribution_entries(content)[-1]) == re.findall(tokens, entry)


@pytest.mark.parametrize("entry, printed", [
    ("Lưu: VT, KTN (3)", "Lưu: VT, KTN (3)."), ("Lưu: VT, VX.Tr(5).", "Lưu: VT, VX.Tr (5)."),
    ("Lưu VT, HCQT (H2b)", "Lưu: VT, HCQT, H2b."),
])
def test_a_luu_line_that_parses_prints_its_parts_in_the_decrees_form(entry, printed):
    from ptdraft.layout import distribution_entries

    content = _signed(HEAD + f"Nơi nhận:\n- Như trên;\n- {entry}\nCHỦ TỊCH\nBùi Văn Tỉnh\n")
    assert distribution_entries(content)[-1] == printed


def test_two_signatures_side_by_side_are_the_signature_and_the_cosigner():
    """A joint letter's two signatures in columns (pdftotext -layout): the right one is the lead body's, the left one
    the co-signer's; neither lands in the body."""
    blocks = ("TM. BAN THƯỜNG VỤ                                KT. GIÁM ĐỐC\n"
              "KT. CHỦ TỊCH                                     PHÓ GIÁM ĐỐC\n"
              "PHÓ CHỦ TỊCH                                     (Đã ký)\n"
              "(Đã ký)\n"
              "Vũ Thị Hương                                     Nguyễn Mạnh Hùng\n\n")
    content = _signed(HEAD + blocks + NOI_NHAN)
    main, second = content.signature, content.cosigner
    assert (main.mode, main.head_title, main.position, main.name) == (
        SigningMode.KT, "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Mạnh Hùng")
    assert (second.mode, second.collective, second.head_title, second.position, second.name) == (
        SigningMode.TM_KT, "BAN THƯỜNG VỤ", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Thị Hương")
    assert "Hùng" not in content.body + content.closing and "GIÁM ĐỐC" not in content.closing
    assert content.distribution == ("Như trên", "Lưu: VT")


@pytest.mark.parametrize("block, lines", [
    ("KT. VỤ TRƯỞNG\nVỤ LUẬT PHÁP VÀ ĐIỀU ƯỚC QUỐC TẾ\nPHÓ VỤ TRƯỞNG\n",
     ("KT. VỤ TRƯỞNG\nVỤ LUẬT PHÁP VÀ ĐIỀU ƯỚC QUỐC TẾ", "PHÓ VỤ TRƯỞNG")),
    ("TL. BỘ TRƯỞNG\nKT. CỤC TRƯỞNG\nCỤC QUẢN LÝ THỊ TRƯỜNG\nPHÓ CỤC TRƯỞNG\n",
     ("TL. BỘ TRƯỞNG", "KT. CỤC TRƯỞNG\nCỤC QUẢN LÝ THỊ TRƯỜNG", "PHÓ CỤC TRƯỞNG")),
])
def test_a_head_title_wrapped_over_two_lines_stays_the_head_title(block, lines):
    """The unit's name under "KT. VỤ TRƯỞNG" goes on with that title; the signer's own title is the line under it."""
    content = _signed(HEAD + NOI_NHAN + block + "Bùi Văn Tỉnh\n")
    assert content.signature.authority_lines() == lines and content.signature.name == "Bùi Văn Tỉnh"


@pytest.mark.parametrize(("cell", "mode", "position"), [
    ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Bùi Văn Tỉnh", SigningMode.KT, "PHÓ CHỦ TỊCH"),
    ("CHỦ TỊCH, TRƯỞNG BAN (Đã ký) Bùi Văn Tỉnh", SigningMode.NONE, "CHỦ TỊCH, TRƯỞNG BAN"),
    ("P. GIÁM ĐỐC (Đã ký) Bùi Văn Tỉnh", SigningMode.NONE, "P. GIÁM ĐỐC"),
])
def test_a_closing_row_merged_by_a_website_onto_one_line(cell, mode, position):
    """thuvienphapluat's copy: the Nơi nhận cell and the signature cell each flattened, " | " between them, on one
    line. The entries go to Nơi nhận, the signature cell's form, title and name to the signature, "(Đã ký)" dropped."""
    content = _signed(HEAD + f"Nơi nhận: - Như trên; - Lưu: VT, VX. | {cell} |\n")
    signature = content.signature
    assert (signature.mode, signature.position, signature.name) == (mode, position, "Bùi Văn Tỉnh")
    assert content.distribution[0] == "Như trên" and "|" not in " ".join(content.distribution)
    assert "Đã ký" not in content.body and "Bùi Văn Tỉnh" not in content.body


@pytest.mark.parametrize("entries", [
    # one a line, as a site prints a list whose dashes were lost; one entry with no ";" and a bracket
    "Như trên;\nThường trực Thành ủy (kèm QĐ 236/QĐ-TTg)\nTTUB: CT, các PCT;\nCác phòng chuyên viên;\nLưu: VT, VX.",
    # an entry wrapped: its second line goes on with it (in small letters, or under an entry left open)
    "Như trên;\nThường trực Thành ủy (kèm QĐ\n236/QĐ-TTg);\nTTUB: CT, các\nPCT;\nCác phòng chuyên viên;\nLưu: VT, VX.",
])
def test_nơi_nhận_entries_typed_without_dashes_one_a_line(entries):
    content = _signed(HEAD + f"Nơi nhận:\n{entries}\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Văn Tỉnh\n")
    assert content.distribution == ("Như trên", "Thường trực Thành ủy (kèm QĐ 236/QĐ-TTg)", "TTUB: CT, các PCT",
                                    "Các phòng chuyên viên")
    assert content.archive == ("VX",) and content.signature.name == "Bùi Văn Tỉnh"
