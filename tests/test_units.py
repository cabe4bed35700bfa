"""Unit tests of the text rules: dates, number and symbol, numbering, Kính gửi, Nơi nhận, signature lines, body markup."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ptdraft import body
from ptdraft.reference import dates
from ptdraft.layout import Para, Table, layout, number_line
from ptdraft.model import Content, Item, Signature, SigningMode

# ---- dates (FORMAT.md §5.1) -------------------------------------------------------------


@pytest.mark.parametrize(
    "day, expected",
    [
        (dt.date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (dt.date(2025, 12, 1), "ngày 01 tháng 12 năm 2025"),
        (dt.date(2020, 2, 9), "ngày 09 tháng 02 năm 2020"),
        (dt.date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
        (dt.date(2024, 10, 10), "ngày 10 tháng 10 năm 2024"),
        (dt.date(2024, 11, 30), "ngày 30 tháng 11 năm 2024"),
    ],
)
def test_date_words_examples(day, expected):
    """The date is written out with Arabic numerals, a leading zero only on days 1–9 and months 1–2."""
    assert dates.date_words(day) == expected


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("day", [1, 9, 10, 28])
def test_leading_zero_rule_every_month(day, month):
    """Across every month: days below 10 and months 1–2 get a leading zero, months 3–12 do not."""
    words = dates.date_words(dt.date(2027, month, day))
    expected_day = f"{day:02d}"
    expected_month = f"{month:02d}" if month <= 2 else str(month)
    assert words == f"ngày {expected_day} tháng {expected_month} năm 2027"


def test_place_date_line():
    """The place comes first, then a comma, then the date: "Hà Nội, ngày 05 tháng 01 năm 2020"."""
    assert dates.place_date("Hà Nội", dt.date(2020, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2020"


def test_blank_date_leaves_room_for_day_and_month():
    """With no date, the line keeps "ngày … tháng … năm <year>" with blanks for the records office to fill."""
    line = dates.place_date("Quảng Trị", None)
    found = re.fullmatch(r"Quảng Trị, ngày(\s+)tháng(\s+)năm (\d{4})", line)
    assert found, line
    assert len(found.group(1)) >= 3 and len(found.group(2)) >= 3
    assert int(found.group(3)) == dt.date.today().year


# ---- number and symbol (§6) ----------------------------------------------------------------

SYMBOL_PATTERN = re.compile(r"^Số: (0[1-9]|[1-9]\d+)/[A-Za-zĐđ]+(-[A-ZĐ0-9&]+)+$")  # FORMAT.md §6.1


@pytest.mark.parametrize(
    "doc_type, issuer, unit, number, expected",
    [
        ("Quyết định", "UBND", "", 15, "Số: 15/QĐ-UBND"),
        ("Quyết định", "BNV", "", 15, "Số: 15/QĐ-BNV"),
        ("Công văn", "UBND", "VP", 5, "Số: 05/UBND-VP"),
        ("Công văn", "BNV", "VP", 5, "Số: 05/BNV-VP"),
        ("Công văn", "UBND", "VX", 12, "Số: 12/UBND-VX"),
        ("Thông báo", "UBND", "", 3, "Số: 03/TB-UBND"),
        ("Giấy mời", "SNV", "", 120, "Số: 120/GM-SNV"),
        ("Quy định", "UBND", "", 1, "Số: 01/QyĐ-UBND"),
        ("Tờ trình", "SNV", "", 2, "Số: 02/TTr-SNV"),
        ("Chương trình", "UBND", "", 4, "Số: 04/CTr-UBND"),
        ("Giấy uỷ quyền", "UBND", "", 6, "Số: 06/GUQ-UBND"),
        ("quyết định", "UBND", "", 15, "Số: 15/QĐ-UBND"),
    ],
)
def test_number_and_symbol(doc_type, issuer, unit, number, expected):
    """Named types get "<n>/<type>-<issuer>", a công văn "<n>/<issuer>-<unit>"; numbers below 10 get a leading zero."""
    content = Content(doc_type=doc_type, issuer_code=issuer, unit_code=unit, number=number)
    line = number_line(content)
    assert line == expected
    assert SYMBOL_PATTERN.match(line)


@pytest.mark.parametrize(
    "doc_type, issuer, unit, tail",
    [("Quyết định", "UBND", "", "/QĐ-UBND"), ("Công văn", "UBND", "VP", "/UBND-VP")],
)
def test_blank_number(doc_type, issuer, unit, tail):
    """Without a number, "Số:" keeps a blank before the symbol, as the decree's samples print it."""
    line = number_line(Content(doc_type=doc_type, issuer_code=issuer, unit_code=unit, number=None))
    assert line.startswith("Số: ") and line.endswith(tail)
    blank = line[len("Số: ") : -len(tail)]
    assert blank and not blank.strip(), repr(blank)
    assert len(blank) >= 3, "room to write the number by hand"


# ---- helpers over a whole layout --------------------------------------------------------------


def _paras(blocks):
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from (b for b in cell.blocks if isinstance(b, Para))
        elif isinstance(block, Para):
            yield block


def texts(content: Content) -> list[str]:
    return [p.text for p in _paras(layout(content).blocks)]


def closing_cells(content: Content) -> tuple[list[str], list[str]]:
    table = [b for b in layout(content).blocks if isinstance(b, Table)][-1]
    left, right = table.rows[0].cells
    return [b.text for b in left.blocks], [b.text for b in right.blocks]


BASE = Content(doc_type="Công văn", authority="SỞ NỘI VỤ", issuer_code="SNV", unit_code="VP", place="Hà Nội",
               date=dt.date(2026, 1, 5), subject="thử", signature=Signature(position="GIÁM ĐỐC", name="Trần B"))


# ---- numbering (§4.2) --------------------------------------------------------------------------


def test_requirements_are_numbered_in_order():
    """Items print 1., 2., 3. in order; their sub-items a), b), c), d), đ), e), g) in the Vietnamese alphabet."""
    subs = tuple(f"điểm {n}" for n in range(7))
    content = dataclasses.replace(BASE, requirements=(Item("một", subs), Item("hai"), Item("ba", ("x", "y"))))
    out = [t for t in texts(content) if re.match(r"(\d+\.|[a-zđ]\)) ", t)]
    assert out == [
        "1. một",
        "a) điểm 0", "b) điểm 1", "c) điểm 2", "d) điểm 3", "đ) điểm 4", "e) điểm 5", "g) điểm 6",
        "2. hai",
        "3. ba",
        "a) x", "b) y",
    ]


def test_body_markers_are_renumbered():
    """Numbers and letters typed in the body are only markers: "5." and "9." print as 1. and 2., "e)" twice as a) b)."""
    content = dataclasses.replace(BASE, body="Mở đầu.\n\n5. Một\ne) p\ne) q\n9. Hai")
    out = texts(content)
    start = out.index("Mở đầu.")
    assert out[start + 1 : start + 5] == ["1. Một", "a) p", "b) q", "2. Hai"]


# ---- Kính gửi (§7) -----------------------------------------------------------------------------------


def test_one_recipient_is_inline():
    """One recipient goes on the "Kính gửi:" line itself, without a dash or final punctuation."""
    out = texts(dataclasses.replace(BASE, recipients=("Sở Tài chính;",)))
    assert "Kính gửi: Sở Tài chính" in out
    assert "Kính gửi:" not in out


def test_several_recipients_are_dashed_lines():
    """Several recipients: "Kính gửi:" alone, then "- X;" lines with the last one ending in "."."""
    out = texts(dataclasses.replace(BASE, recipients=("Sở Tài chính", "Sở Xây dựng.", "  Sở Y tế ;  ")))
    start = out.index("Kính gửi:")
    assert out[start + 1 : start + 4] == ["- Sở Tài chính;", "- Sở Xây dựng;", "- Sở Y tế."]


def test_blank_recipients_are_dropped():
    """Empty entries do not print as lone dashes."""
    out = texts(dataclasses.replace(BASE, recipients=("", "Sở Tài chính", "  ")))
    assert "Kính gửi: Sở Tài chính" in out


# ---- Nơi nhận (§7) ----------------------------------------------------------------------------------


def test_noi_nhan_with_kinh_gui_opens_with_nhu_tren():
    """With a Kính gửi part the list opens "- Như trên;" and closes "- Lưu: VT, <unit>."."""
    content = dataclasses.replace(BASE, recipients=("Sở Tài chính",), distribution=("Lãnh đạo Sở",), archive=("VP",))
    left, _ = closing_cells(content)
    assert left == ["Nơi nhận:", "- Như trên;", "- Lãnh đạo Sở;", "- Lưu: VT, VP."]


def test_noi_nhan_without_kinh_gui_has_no_nhu_tren():
    """Without Kính gửi there is no "Như trên"; the Lưu line still closes the list with "."."""
    content = dataclasses.replace(BASE, distribution=("Như Điều 3;", "Bộ Nội vụ"), archive=("TCCB",))
    left, _ = closing_cells(content)
    assert left == ["Nơi nhận:", "- Như Điều 3;", "- Bộ Nội vụ;", "- Lưu: VT, TCCB."]


def test_nhu_tren_is_not_doubled():
    """A "Như trên" the clerk typed is kept once, not added again."""
    content = dataclasses.replace(BASE, recipients=("A", "B"), distribution=("Như trên", "C"))
    left, _ = closing_cells(content)
    assert left == ["Nơi nhận:", "- Như trên;", "- C;", "- Lưu: VT."]


def test_luu_line_with_drafter_and_copies():
    """The drafter's initials and copy count end the Lưu line: "- Lưu: VT, TCCB, PL.(300).\""""
    content = dataclasses.replace(BASE, archive=("TCCB",), drafter_code="PL", copies=300)
    left, _ = closing_cells(content)
    assert left[-1] == "- Lưu: VT, TCCB, PL.(300)."


def test_typed_luu_line_is_replaced_not_duplicated():
    """A "Lưu: …" line typed into the distribution is not printed twice."""
    content = dataclasses.replace(BASE, distribution=("Bộ Nội vụ", "Lưu: VT, VP."), archive=("VP",))
    left, _ = closing_cells(content)
    assert sum(1 for t in left if t.startswith("- Lưu")) == 1
    assert left[-1] == "- Lưu: VT, VP."


# ---- signature (§8) -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "signature, expected",
    [
        (Signature(SigningMode.TM, collective="ỦY BAN NHÂN DÂN", position="CHỦ TỊCH"), ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        (Signature(SigningMode.KT, head_title="BỘ TRƯỞNG", position="THỨ TRƯỞNG"), ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]),
        (Signature(SigningMode.TL, head_title="BỘ TRƯỞNG", position="CHÁNH VĂN PHÒNG"), ["TL. BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG"]),
        (Signature(SigningMode.TUQ, head_title="CHỦ TỊCH", position="GIÁM ĐỐC SỞ NỘI VỤ"), ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"]),
        (Signature(SigningMode.Q, head_title="CỤC TRƯỞNG"), ["Q. CỤC TRƯỞNG"]),
        (
            Signature(SigningMode.TM_KT, collective="ỦY BAN NHÂN DÂN", head_title="CHỦ TỊCH", position="PHÓ CHỦ TỊCH"),
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        (Signature(SigningMode.NONE, position="GIÁM ĐỐC"), ["GIÁM ĐỐC"]),
    ],
)
def test_signature_lines(signature, expected):
    """Each authority prefix (TM., KT., TL., TUQ., Q., and TM. then KT.) prints in capitals with its full stop, above the title."""
    assert list(signature.authority_lines()) == expected
    signature = dataclasses.replace(signature, name="Nguyễn Văn An")
    _, right = closing_cells(dataclasses.replace(BASE, signature=signature))
    assert right == expected + ["Nguyễn Văn An"]


def test_signature_lines_print_upper_case_and_the_name_does_not():
    """Authority and title lines print in capitals even when typed in lower case; the name keeps its case."""
    signature = Signature(SigningMode.KT, head_title="Giám đốc", position="Phó Giám đốc", name="Lê Thị Hoa")
    _, right = closing_cells(dataclasses.replace(BASE, signature=signature))
    assert right == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Hoa"]


# ---- body markup (ptdraft/body.py) --------------------------------------------------------------------------


def test_parse_paragraphs_join_lines():
    """A blank line separates paragraphs; lines of one paragraph join with one space (no manual breaks)."""
    assert body.parse("Dòng một\n  dòng hai  \n\n\nĐoạn hai") == (
        body.Paragraph("Dòng một dòng hai"),
        body.Paragraph("Đoạn hai"),
    )


def test_parse_numbered_list_with_points():
    """"1." opens an item, "a)" a point of the item above; a continuation line joins the item; a paragraph after a blank line ends the list."""
    parsed = body.parse("1. Một\ntiếp\na) p\nb) q\n2. Hai\n\nSau danh sách")
    assert parsed == (
        body.NumberedList((Item("Một tiếp", ("p", "q")), Item("Hai"))),
        body.Paragraph("Sau danh sách"),
    )


def test_parse_point_without_item_is_plain_text():
    """"a)" with no open item is ordinary text, not a point."""
    assert body.parse("a) không phải điểm") == (body.Paragraph("a) không phải điểm"),)


def test_parse_articles_hold_clauses_and_points():
    """"Điều n." opens an article; the items after it are its clauses and the points theirs, up to the next article."""
    parsed = body.parse("Điều 1. Phạm vi\n1. Khoản\na) Điểm\n\nĐiều 2. Hiệu lực\nVăn bản có hiệu lực.")
    assert parsed == (
        body.Article("Phạm vi", (body.NumberedList((Item("Khoản", ("Điểm",)),)),)),
        body.Article("Hiệu lực Văn bản có hiệu lực."),
    )


def test_parse_decimal_and_year_are_not_items():
    """"1.5 triệu" and "2025. Năm" do not open numbered items."""
    assert body.parse("1.5 triệu đồng") == (body.Paragraph("1.5 triệu đồng"),)
    assert body.parse("2025. Năm bản lề") == (body.Paragraph("2025. Năm bản lề"),)


def test_parse_empty_text():
    """Empty or blank text has no blocks."""
    assert body.parse("") == ()
    assert body.parse(" \n\n \n") == ()


def test_end_mark_appended_to_last_paragraph():
    """A "./." close is appended to the last body paragraph, replacing its final full stop."""
    content = dataclasses.replace(BASE, doc_type="Thông báo", body="Đoạn một.\n\nĐoạn cuối.", close="./.")
    out = texts(content)
    assert "Đoạn cuối./." in out and "Đoạn một." in out
    assert "./." not in out


def test_article_heading_is_bold_but_article_sentence_is_not():
    """FORMAT.md §4.2: "Điều n." and a title standing alone are bold; a sentence after "Điều n." is regular text."""
    content = Content(
        doc_type="Quyết định",
        authority="ỦY BAN NHÂN DÂN",
        body="Điều 1. Phạm vi điều chỉnh\n\nQuy chế này quy định việc soạn thảo.\n\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.",
    )
    articles = [b for b in layout(content).blocks if isinstance(b, Para) and b.text.startswith("Điều")]
    assert [(run.text, run.bold) for run in articles[0].runs] == [("Điều 1.", True), (" Phạm vi điều chỉnh", True)]
    assert [(run.text, run.bold) for run in articles[1].runs] == [
        ("Điều 2.", True),
        (" Quyết định này có hiệu lực từ ngày ký.", None),
    ]


def test_signing_by_order_handed_to_a_deputy():
    """FORMAT.md §8: TL. may be handed to the deputy of the one signing by order, who signs KT.: three title lines."""
    signature = Signature(SigningMode.TL_KT, head_title="Chủ tịch", order_title="Chánh Văn phòng",
                          position="Phó Chánh Văn phòng", name="Võ Tuấn Anh")
    assert signature.authority_lines() == ("TL. Chủ tịch", "KT. Chánh Văn phòng", "Phó Chánh Văn phòng")
    _left, right = closing_cells(dataclasses.replace(BASE, signature=signature))
    assert right == ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Võ Tuấn Anh"]


def test_invisible_marks_are_dropped_and_control_characters_are_refused():
    """A zero-width space or byte-order mark pasted into a value is simply dropped; a control character is
    reported by its code so the clerk can be told which field holds it."""
    from ptdraft.text import bad_characters, clean

    assert clean("Quảng\u200b Trị\ufeff") == ("Quảng Trị", False)
    assert bad_characters("Quảng\u200b Trị\x07") == ["U+0007"]


# ---- dates typed by a clerk (dd/mm/yyyy) ------------------------------------------------------------------


@pytest.mark.parametrize("typed,expected", [
    ("15/01/2027", (2027, 1, 15)), ("5/1/2027", (2027, 1, 5)), ("05-01-2027", (2027, 1, 5)),
    ("05.01.2027", (2027, 1, 5)), ("2027-01-15", (2027, 1, 15)), (" 29/02/2028 ", (2028, 2, 29)),
])
def test_typed_dates_are_exactly_the_date_typed(typed, expected):
    """dd/mm/yyyy and its variants give that very day, never a neighbour (15/01/2027 is 15 January)."""
    from ptdraft.reference.dates import parse_date

    assert parse_date(typed) == dt.date(*expected)


@pytest.mark.parametrize("typed,reason", [
    ("31/04/2027", "tháng 4 năm 2027 chỉ có 30 ngày"), ("29/02/2027", "chỉ có 28 ngày"), ("15/13/2027", "không có tháng 13"),
    ("15/01-2027", "không phải ngày"), ("mai", "không phải ngày"), ("15/01/27", "không phải ngày"),
])
def test_impossible_or_malformed_dates_say_why(typed, reason):
    """An impossible date is refused with the reason in Vietnamese, never moved to another day."""
    from ptdraft.reference.dates import parse_date

    with pytest.raises(ValueError) as error:
        parse_date(typed)
    assert reason in str(error.value)


def test_set_takes_a_typed_date():
    """``--set ngay=15/01/2027`` (coerce_text) stores 2027-01-15; a list splits at ";" and line ends."""
    from ptdraft.model import Field, FieldKind
    from ptdraft.templating.templates import coerce_text

    assert coerce_text(Field("ngay", "Ngày", FieldKind.DATE), "15/01/2027") == "2027-01-15"
    assert coerce_text(Field("ds", "DS", FieldKind.LIST), "A; B\nC") == ["A", "B", "C"]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_date_forms_are_babels_vietnamese_patterns(day):
    """The date words and the short date, written without Babel, are what Babel's vi_VN patterns give."""
    from babel.dates import format_date

    pattern = "'ngày' dd 'tháng' MM 'năm' yyyy" if day.month <= 2 else "'ngày' dd 'tháng' M 'năm' yyyy"
    assert dates.date_words(day) == format_date(day, pattern, locale="vi_VN")
    assert dates.short_date(day) == format_date(day, "dd/MM/yyyy", locale="vi_VN")
