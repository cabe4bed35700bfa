"""Importing the real letter of tests/data/samples (text copied out of its PDF) and printing it again."""
from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ptdraft import api
from ptdraft.model import Item, SigningMode

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
LETTER = SAMPLES / "cong-van-van-phong-ubnd-tinh.txt"


@pytest.fixture(scope="module")
def imported():
    return api.import_file(LETTER)


def words(text: str) -> list[str]:
    """The words of a text, in order, compared without case or punctuation."""
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())


def docx_texts(data: bytes) -> list[str]:
    """Every paragraph of a DOCX in document order, table cells left to right."""
    out: list[str] = []

    def walk(element) -> None:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                out.append(Paragraph(child, None).text)
            elif child.tag == qn("w:tbl"):
                for row in child.iterchildren(qn("w:tr")):
                    for cell in row.iterchildren(qn("w:tc")):
                        walk(cell)

    walk(docx.Document(io.BytesIO(data)).element.body)
    return out


def test_the_two_kinh_gui_recipients(imported):
    """Both Kính gửi entries are recognised, without their dash and final punctuation."""
    draft, report = imported
    assert draft.content.recipients == (
        "Các phòng, đơn vị thuộc Văn phòng",
        "Công chức, viên chức, người lao động cơ quan",
    )
    assert report.part("Kính gửi") == "Các phòng, đơn vị thuộc Văn phòng\nCông chức, viên chức, người lao động cơ quan"


def test_the_body_paragraphs_are_rebuilt_from_the_pdf_lines(imported):
    """The two opening paragraphs come back whole: each printed line joined to the next, no blank-line breaks."""
    draft, report = imported
    paragraphs = draft.content.body.split("\n\n")
    assert len(paragraphs) == 2 and report.body_paragraphs == tuple(paragraphs)
    assert paragraphs[0].startswith("Trong thời gian qua, Văn phòng UBND tỉnh đã và đang triển khai thực hiện nghiêm túc ý kiến")
    assert "cấp xã… nên khối lượng công việc" in paragraphs[0]
    assert paragraphs[0].endswith("nỗ lực của toàn thể cán bộ, công chức, viên chức và người lao động cơ quan.")
    assert paragraphs[1].startswith("Để tiếp tục thực hiện tốt công tác tham mưu cho UBND tỉnh, lãnh đạo Văn phòng")
    assert paragraphs[1].endswith("thực hiện các nội dung sau đây:")
    assert "\n" not in paragraphs[0] + paragraphs[1] and "  " not in paragraphs[0] + paragraphs[1]


def test_the_four_numbered_requirements(imported):
    """Items 1.–4. become the draft's four requirements, each one whole paragraph without its number."""
    draft, report = imported
    items = draft.content.requirements
    assert len(items) == 4 and all(isinstance(item, Item) and not item.subitems for item in items)
    assert items[0].text.startswith("Tiếp tục nêu cao tinh thần trách nhiệm") and items[0].text.endswith("chất lượng tốt nhất.")
    assert items[1].text.startswith("Thực hiện nghiêm túc kỷ luật") and items[1].text.endswith("tiến độ công việc.")
    assert items[2].text.startswith("Tăng cường sự đoàn kết") and items[2].text.endswith("nhiệm vụ được giao.")
    assert items[3].text.startswith("Trưởng các phòng, đơn vị") and items[3].text.endswith("của lãnh đạo UBND tỉnh.")
    assert "không bỏ sót nhiệm vụ, phấn đấu" in items[3].text  # the line that started with a stray space
    assert report.numbered_items == tuple(f"{n}. {item.text}" for n, item in enumerate(items, start=1))


def test_the_closing_and_the_close(imported):
    """The paragraph after the list is the closing, and "Trân trọng./." is the close."""
    draft, report = imported
    closing = draft.content.closing
    assert closing.startswith("Lãnh đạo Văn phòng UBND tỉnh luôn tin tưởng vào khả năng")
    assert closing.endswith("lần thứ XVII, nhiệm kỳ 2020 - 2025.")
    assert draft.content.close == "Trân trọng./."
    assert report.closing == closing and report.part("Lời kết") == "Trân trọng./."


def test_the_noi_nhan_lines(imported):
    """Nơi nhận as the letter wrote it: "Như trên" kept where it stands, "Lưu" gives the archive unit and drafter code."""
    draft, report = imported
    content = draft.content
    assert report.distribution == ("Như trên", "CT, PCT UBND tỉnh (b/c)", "LĐVP UBND tỉnh", "Lưu VT, HCQT (H2b)")
    assert content.distribution == ("Như trên", "CT, PCT UBND tỉnh (b/c)", "LĐVP UBND tỉnh")
    assert content.distribution_as_written
    assert (content.archive, content.drafter_code, content.copies) == (("HCQT",), "H2b", None)
    from ptdraft.layout import distribution_entries

    assert distribution_entries(content) == [
        "Như trên;", "CT, PCT UBND tỉnh (b/c);", "LĐVP UBND tỉnh;", "Lưu: VT, HCQT, H2b.",
    ]


def test_the_missing_header_and_signature_stay_empty(imported):
    """The copied text has no header or signature: those parts stay empty, and it is taken as a công văn."""
    content = imported[0].content
    assert content.doc_type == "Công văn"
    assert (content.authority, content.issuer_code, content.number, content.place, content.date) == ("", "", None, "", None)
    assert content.signature.mode is SigningMode.NONE and content.signature.name == ""
    assert imported[1].unrecognised == ()


def test_printing_the_imported_letter_gives_every_word_in_order(imported):
    """The DOCX of the imported draft holds every word of the copied letter, in the same order, from Kính gửi on."""
    draft, _report = imported
    printed = words("\n".join(docx_texts(api.docx_bytes(draft, strict=False))))
    letter = words(LETTER.read_text(encoding="utf-8"))
    start = printed.index("kính")
    assert printed[:start] == words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số:")
    assert printed[start:] == letter


def test_the_imported_draft_saves_and_loads(imported, tmp_path):
    """The draft passes the draft file's schema: saved, loaded back, it is the same draft."""
    draft, _report = imported
    path = tmp_path / "letter.json"
    api.save_draft(draft, path)
    assert api.load_draft(path).content == draft.content


def test_kinh_gui_entries_on_one_line_apart_by_semicolons_are_separate_recipients():
    from ptdraft.importer import import_text

    text = ("UBND TỈNH QUẢNG TRỊ\nSỞ GIAO THÔNG VẬN TẢI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 12/SGTVT-QLGT\nV/v phân luồng giao thông\nQuảng Trị, ngày 5 tháng 3 năm 2023\n\n"
            "Kính gửi: Công an tỉnh; Ban Quản lý dự án giao thông; UBND các huyện: Cam Lộ, Gio Linh.\n\n"
            "Sở Giao thông vận tải đề nghị các đơn vị phối hợp thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
            "GIÁM ĐỐC\n\nLê Văn An\n")
    content = import_text(text)[0].content
    assert content.recipients == ("Công an tỉnh", "Ban Quản lý dự án giao thông", "UBND các huyện: Cam Lộ, Gio Linh")
    # One recipient whose name holds a ";" before a small letter stays one.
    one = import_text(text.replace("Công an tỉnh; Ban Quản lý dự án giao thông; UBND các huyện: Cam Lộ, Gio Linh",
                                   "Sở Tài chính; đồng gửi Kho bạc"))[0].content
    assert one.recipients == ("Sở Tài chính; đồng gửi Kho bạc.",)


def test_a_cong_dien_s_sender_line_and_recipients_are_read():
    """Mẫu 1.6: "<sender> điện:" under CÔNG ĐIỆN, then the recipients as dash lines (one wrapped), then the body."""
    from ptdraft.importer import import_text

    text = ("THỦ TƯỚNG CHÍNH PHỦ\n******\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 1225/CĐ-TTg\nHà Nội, ngày 10 tháng 8 năm 2006\n\nCÔNG ĐIỆN\n\nTHỦ TƯỚNG CHÍNH PHỦ ĐIỆN:\n\n"
            "- Bộ trưởng các Bộ: Nông nghiệp và Phát triển nông thôn, Y tế;\n"
            "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố\ntrực thuộc Trung ương.\n\n"
            "Hiện nay, tình hình dịch cúm gia cầm đang diễn biến phức tạp.\n\nĐề nghị các đồng chí chỉ đạo quyết liệt./.\n\n"
            "THỦ TƯỚNG\n\nNguyễn Tấn Dũng\n")
    content = import_text(text)[0].content
    assert content.doc_type == "Công điện" and content.subject == ""
    assert content.deciding_authority == "THỦ TƯỚNG CHÍNH PHỦ"
    assert content.recipients == ("Bộ trưởng các Bộ: Nông nghiệp và Phát triển nông thôn, Y tế",
                                  "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương")
    assert content.body.startswith("Hiện nay") and "ĐIỆN" not in content.body
    assert content.signature.name == "Nguyễn Tấn Dũng"
