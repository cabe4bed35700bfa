"""An all-capitals subject takes the capitals the letter's own body gives its names (vietnamese.recase's
``context``): "TAM GIÁC MẠCH" is "Tam giác mạch" when the body writes it so inside a sentence, and the body's
capitals count only where they say something (not a sentence's first word, not part of a longer name, not when the
body writes the words in small letters as often)."""
from __future__ import annotations

import pytest

from ptdraft import api
from ptdraft.importer.assemble import SUBJECT_RECASED
from ptdraft.vietnamese.recase import from_capitals

BODY = ("Nhằm quảng bá hình ảnh hoa Tam giác mạch, Sở tổ chức Lễ hội hoa Tam giác mạch lần thứ IX.\n"
        "Tam giác mạch là loài hoa đặc trưng của cao nguyên đá Đồng Văn.\n"
        "Phối hợp với Sở Giáo dục và Đào tạo tuyên truyền đến học sinh.\n"
        "Thực hiện Kế hoạch số 12/KH-UBND và kế hoạch của huyện.")


@pytest.mark.parametrize("subject, without, with_body", [
    ("TỔ CHỨC LỄ HỘI HOA TAM GIÁC MẠCH LẦN THỨ IX", "Tổ chức lễ hội hoa tam giác mạch lần thứ IX",
     "Tổ chức Lễ hội hoa Tam giác mạch lần thứ IX"),
    ("PHÁT TRIỂN CÂY TAM GIÁC MẠCH", "Phát triển cây tam giác mạch", "Phát triển cây Tam giác mạch"),
    # "Giáo dục" is capital in the body only inside "Sở Giáo dục và Đào tạo": no capital for the subject's
    ("VỀ CÔNG TÁC GIÁO DỤC NĂM 2024", "Về công tác giáo dục năm 2024", "Về công tác giáo dục năm 2024"),
    # "Kế hoạch" once capital (cited with its number), once small: no evidence either way
    ("TRIỂN KHAI KẾ HOẠCH PHÒNG CHỐNG THIÊN TAI", "Triển khai kế hoạch phòng chống thiên tai",
     "Triển khai kế hoạch phòng chống thiên tai"),
    # a sentence's first word says nothing ("Tam giác mạch là …" alone would not do): here "LOÀI HOA" is small
    ("BẢO TỒN LOÀI HOA ĐẶC TRƯNG", "Bảo tồn loài hoa đặc trưng", "Bảo tồn loài hoa đặc trưng"),
])
def test_the_bodys_capitals_come_before_the_guess(subject, without, with_body):
    assert from_capitals(subject) == without
    assert from_capitals(subject, context=BODY) == with_body


def test_a_sentence_initial_capital_is_no_evidence():
    assert from_capitals("PHÁT TRIỂN CÂY TAM GIÁC MẠCH", context="Tam giác mạch là loài hoa.") \
        == "Phát triển cây tam giác mạch"


def test_the_rules_capitals_stay_when_the_body_has_none():
    assert from_capitals("KIỆN TOÀN BAN CHỈ ĐẠO TỈNH HÀ GIANG", context="ban chỉ đạo làm việc.") \
        == "Kiện toàn Ban Chỉ đạo tỉnh Hà Giang"


def test_an_imported_letter_keeps_its_bodys_name_in_the_subject():
    letter = ("ỦY BAN NHÂN DÂN\nHUYỆN ĐỒNG VĂN\nSố: 15/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\nĐồng Văn, ngày 4 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
              "TỔ CHỨC LỄ HỘI HOA TAM GIÁC MẠCH LẦN THỨ IX\n\n" + BODY.split("\n")[0] + "\n\n"
              "Trên đây là Kế hoạch tổ chức Lễ hội hoa Tam giác mạch lần thứ IX./.\n\nNơi nhận:\n- UBND tỉnh;\n"
              "- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn Sơn\n")
    draft, report = api.import_text(letter)
    assert draft.content.subject == "Tổ chức Lễ hội hoa Tam giác mạch lần thứ IX"
    assert SUBJECT_RECASED in report.notes
