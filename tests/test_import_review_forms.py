"""Forms a new user's review of the importer met (issue 11): an e-signature stamp's fields in a column beside the
Nơi nhận entries, a giấy mời's invitation sentence under its subject, Word's automatic I./II. section numbering under
a plan's subject, a signer's name alone in its table cell, one Kính gửi recipient's full stop, and the end mark
after an annex. Each letter is our own, written here."""
from __future__ import annotations

from ptdraft import api
from ptdraft.importer.lines import lines_of
from ptdraft.layout import layout
from ptdraft.model import SigningMode
from tests.test_import_docx import printed


def _printed(content) -> list[str]:
    """Every printed paragraph of the draft's layout, table cells left to right, white space folded."""
    return printed(layout(content))


# -- a. the stamp's fields in the signature's column ---------------------------------------------------------

STAMPED = (
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "HUYỆN BẮC MÊ\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 112/UBND-VP\tBắc Mê, ngày 04 tháng 4 năm 2024\n"
    "V/v rà soát hộ nghèo năm 2024\n\n"
    "Kính gửi: Ủy ban nhân dân các xã, thị trấn.\n\n"
    "Ủy ban nhân dân huyện đề nghị các xã rà soát danh sách hộ nghèo, gửi về Phòng Lao động - Thương binh và Xã "
    "hội trước ngày 20/4/2024./.\n\n"
    "Nơi nhận:\tKT. CHỦ TỊCH\n"
    "- Như trên;\tPHÓ CHỦ TỊCH\n"
    "- Phòng LĐTBXH;\tKý bởi: Ủy ban nhân dân huyện Bắc Mê\n"
    "- Lưu: VT.\tCơ quan: Huyện Bắc Mê, Tỉnh Hà Giang\n"
    "\tNgày ký: 04-04-2024 09:12:40 +07:00\n"
    "\tHoàng Văn Minh\n"
)


def test_a_tab_after_text_sets_two_columns_apart_however_close_its_stop():
    # "- Như trên;" is 11 characters: its tab reaches the next stop after one space, still a column's gap.
    assert lines_of("- Như trên;\tPHÓ CHỦ TỊCH")[0].columns == ["- Như trên;", "PHÓ CHỦ TỊCH"]
    assert lines_of("\tHoàng Văn Minh")[0].indent == 4


def test_e_signature_fields_beside_the_noi_nhan_entries_are_dropped_with_a_note():
    draft, report = api.import_text(STAMPED)
    content = draft.content
    assert content.distribution == ("Như trên", "Phòng LĐTBXH", "Lưu: VT")
    sig = content.signature
    assert (sig.mode, sig.head_title, sig.position, sig.name) == (SigningMode.KT, "CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                                  "Hoàng Văn Minh")
    for field in ("Ký bởi: Ủy ban nhân dân huyện Bắc Mê", "Cơ quan: Huyện Bắc Mê, Tỉnh Hà Giang",
                  "Ngày ký: 04-04-2024 09:12:40 +07:00"):
        assert any(field in note and note.startswith("bỏ dấu vết chữ ký số") for note in report.notes), field
    everything = " ".join([content.body, content.closing, *content.distribution, *report.unrecognised])
    assert "Ký bởi" not in everything and "Cơ quan:" not in everything


def test_a_stamp_field_other_than_its_own_is_kept_away_from_a_signature():
    # "Cơ quan: …" is residue only near the stamp's own fields; a letter's own two-column line keeps it.
    text = STAMPED.replace("- Phòng LĐTBXH;\tKý bởi: Ủy ban nhân dân huyện Bắc Mê\n", "- Phòng LĐTBXH;\n") \
        .replace("\tNgày ký: 04-04-2024 09:12:40 +07:00\n", "\n\n\n\n")
    text = text.replace("Ủy ban nhân dân huyện đề nghị", "Cơ quan:   Phòng Lao động huyện.\n\nỦy ban nhân dân huyện đề nghị")
    draft, report = api.import_text(text)
    assert "Cơ quan: Phòng Lao động huyện." in draft.content.body
    assert not any("Phòng Lao động huyện" in note for note in report.notes)
