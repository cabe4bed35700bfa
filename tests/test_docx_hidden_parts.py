"""What a DOCX holds beside its plain paragraphs, read by the one DOCX reader for the importer and the checker:
text boxes (an urgency stamp, a contact line placed on the page), tracked changes not yet accepted, and dates a
Word field fills in. Each letter is built here as Word writes it (python-docx plus raw WordML)."""
from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ptdraft import api, cli
from ptdraft.checker import check_bytes
from ptdraft.errors import InputError
from ptdraft.ooxml import docx_reader
from tests.support.word_letters import cell_lines, closing_row

_WPS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"')


def _letter(number: str = "125", date_line: str = "Quảng Trị, ngày 05 tháng 3 năm 2026") -> docx.Document:
    """A công văn typed in Word: a header table, Kính gửi, two paragraphs, the close, a Nơi nhận/signature table."""
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    for (row, column), lines in {(0, 0): ["UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ"],
                                 (0, 1): ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
                                 (1, 0): [f"Số: {number}/SNV-CCVC", "V/v báo cáo số lượng công chức năm 2026"],
                                 (1, 1): [date_line]}.items():
        cell_lines(header.cell(row, column), lines)
    document.add_paragraph("Kính gửi: Ủy ban nhân dân các xã, phường.")
    document.add_paragraph("Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh, Sở Nội vụ đề nghị các xã báo cáo số lượng "
                           "công chức có mặt đến ngày 31/3/2026.")
    document.add_paragraph("Báo cáo gửi về Sở Nội vụ trước ngày 10/4/2026.")
    document.add_paragraph("Trân trọng./.")
    closing_row(document, ["- Như trên;", "- Lưu: VT, CCVC."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Trần Thị Minh Hà"])
    return document


def _box(text: str, ident: int) -> object:
    """A paragraph anchoring a DrawingML text box (with the VML copy older Word reads as its fallback)."""
    return parse_xml(
        f'<w:p {nsdecls("w")} {_WPS}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="1270000" cy="360000"/><wp:wrapNone/><wp:docPr id="{ident}" name="Text Box {ident}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>'
        f'<w:txbxContent><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
        '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        f'<v:shape type="#_x0000_t202"><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')


def _body(document: docx.Document, index: int):
    """The body paragraph ``index`` (outside the tables)."""
    return document.paragraphs[index]._p


def _save(document: docx.Document, path) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


# -- text boxes ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("stamp", ["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"])
def test_an_urgency_stamp_in_a_text_box_is_the_drafts_urgency(tmp_path, stamp):
    document = _letter()
    _body(document, 0).addprevious(_box(stamp, 501))  # the box anchored above Kính gửi, under the header
    path = tmp_path / "khan.docx"
    _save(document, path)
    draft, report = api.import_file(path)
    assert draft.content.urgency == stamp
    assert stamp not in draft.content.body
    assert ("Độ khẩn", stamp) in report.recognised
    assert any("hộp văn bản" in note and stamp in note for note in report.notes)


def test_the_reader_reads_a_text_box_once_though_word_stores_it_twice():
    """Word writes each text box as DrawingML and again as VML for older readers: one paragraph, marked as a box."""
    document = _letter()
    _body(document, 1).addnext(_box("Số điện thoại trực ban: 0233.3852.123", 502))
    buffer = io.BytesIO()
    document.save(buffer)
    boxes = [p for p in docx_reader.read(buffer.getvalue()).info.paragraphs if p.in_textbox]
    assert [p.text for p in boxes] == ["Số điện thoại trực ban: 0233.3852.123"]


def test_a_contact_line_in_a_text_box_is_the_contact_block(tmp_path):
    document = _letter()
    _body(document, 1).addnext(_box("Số điện thoại trực ban: 0233.3852.123", 502))
    path = tmp_path / "lien-he.docx"
    _save(document, path)
    draft, report = api.import_file(path)
    assert draft.content.contact == "Số điện thoại trực ban: 0233.3852.123"
    assert "0233" not in draft.content.body
    assert any("hộp văn bản" in note and "liên hệ" in note for note in report.notes)


def test_other_text_in_a_text_box_stays_in_the_body_where_it_is_anchored(tmp_path):
    document = _letter()
    sentence = "Hồ sơ gửi kèm bản điện tử qua hệ thống quản lý văn bản."
    _body(document, 1).addnext(_box(sentence, 503))  # after the first body paragraph
    path = tmp_path / "hop.docx"
    _save(document, path)
    draft, report = api.import_file(path)
    paragraphs = draft.content.body.split("\n\n")
    assert paragraphs[0].startswith("Thực hiện Kế hoạch") and paragraphs[1] == sentence
    assert any("hộp văn bản" in note and sentence[:30] in note for note in report.notes)
    assert draft.content.close == "Trân trọng./."


def test_a_text_box_below_the_close_is_kept_before_it(tmp_path):
    document = _letter()
    sentence = "Mọi vướng mắc liên hệ Phòng Công chức, viên chức."
    _body(document, 3).addnext(_box(sentence, 504))  # anchored after "Trân trọng./."
    path = tmp_path / "cuoi.docx"
    _save(document, path)
    draft, _report = api.import_file(path)
    assert sentence in (draft.content.body + draft.content.closing)
    assert draft.content.close == "Trân trọng./."


# -- tracked changes ----------------------------------------------------------------------------------------------

def _tracked(inner: str) -> str:
    return f'<w:ins w:id="1" w:author="VT" w:date="2026-03-05T08:00:00Z"><w:r><w:t xml:space="preserve">{inner}</w:t></w:r></w:ins>'


def _deleted(inner: str) -> str:
    return (f'<w:del w:id="2" w:author="VT" w:date="2026-03-05T08:00:00Z"><w:r><w:delText xml:space="preserve">{inner}'
            '</w:delText></w:r></w:del>')


def _tracked_letter() -> docx.Document:
    document = _letter()
    paragraph = _body(document, 2)  # "Báo cáo gửi về Sở Nội vụ trước ngày 10/4/2026."
    for run in list(paragraph.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r")):
        run.getparent().remove(run)
    for piece in (
        '<w:r><w:t xml:space="preserve">Báo cáo gửi về Sở Nội vụ trước ngày </w:t></w:r>', _deleted("10/4/2026"),
        _tracked("15/4/2026"), '<w:r><w:t>.</w:t></w:r>',
    ):
        paragraph.append(_with_ns(piece))
    # A paragraph deleted whole, its mark with it: once accepted it is gone and the next one follows.
    gone = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:rPr><w:del w:id="3" w:author="VT" w:date="2026-03-05T08:00:00Z"/>'
                     f'</w:rPr></w:pPr>{_deleted("Đoạn này đã bỏ.")}</w:p>')
    paragraph.addnext(gone)
    return document


def _with_ns(xml: str):
    """A fragment of WordML with the w: namespace declared on its root."""
    end = min(i for i in (xml.find(" "), xml.find(">")) if i > 0)
    return parse_xml(xml[:end] + f' {nsdecls("w")}' + xml[end:])


def test_tracked_changes_are_read_as_accepted_with_a_note(tmp_path):
    path = tmp_path / "theo-doi.docx"
    _save(_tracked_letter(), path)
    draft, report = api.import_file(path)
    body = draft.content.body + "\n\n" + draft.content.closing
    assert "trước ngày 15/4/2026." in body
    assert "10/4/2026" not in body and "Đoạn này đã bỏ" not in body
    assert draft.content.close == "Trân trọng./."
    assert any("Track Changes" in note and "chấp nhận" in note for note in report.notes)


def test_the_checker_reports_tracked_changes_once_at_the_first_paragraph():
    data = io.BytesIO()
    _tracked_letter().save(data)
    findings = [f for f in check_bytes(data.getvalue()) if f.rule == "track-changes.pending"]
    assert len(findings) == 1
    finding = findings[0]
    assert finding.paragraph is not None and finding.excerpt.startswith("Báo cáo gửi về Sở Nội vụ trước ngày 15/4")
    # a deletion and an insertion in one paragraph, the next deleted with its mark: four changes in two paragraphs
    assert "4 thay đổi" in finding.message and "(đoạn 10–11)" in finding.message
    assert "Accept All Changes" in finding.fix


def test_a_letter_without_tracked_changes_or_date_fields_has_neither_finding():
    data = io.BytesIO()
    _letter().save(data)
    rules = {f.rule for f in check_bytes(data.getvalue())}
    assert not rules & {"track-changes.pending", "date.field"}


def test_a_deleted_table_row_is_still_a_pending_change():
    document = _letter()
    row = document.tables[1].rows[0]._tr
    row.insert(0, parse_xml(f'<w:trPr {nsdecls("w")}><w:del w:id="9" w:author="VT" w:date="2026-03-05T08:00:00Z"/></w:trPr>'))
    data = io.BytesIO()
    document.save(data)
    assert docx_reader.read(data.getvalue()).info.revisions == ("row-del",)
    assert "track-changes.pending" in {f.rule for f in check_bytes(data.getvalue())}


# -- date fields --------------------------------------------------------------------------------------------------

def _date_field_letter(code: str = 'DATE \\@ "dd"', simple: bool = False) -> docx.Document:
    """The date line with its day made by a Word field (a complex field, or a w:fldSimple)."""
    document = _letter()
    cell = document.tables[0].cell(1, 1)
    paragraph = cell.paragraphs[0]._p
    for run in list(paragraph.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r")):
        run.getparent().remove(run)
    if simple:
        field = f'<w:fldSimple {nsdecls("w")} w:instr=\' {code} \'><w:r><w:t>05</w:t></w:r></w:fldSimple>'
        pieces = [field]
    else:
        pieces = [f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
                  f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>',
                  f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
                  f'<w:r {nsdecls("w")}><w:t>05</w:t></w:r>',
                  f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>']
    paragraph.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">Quảng Trị, ngày </w:t></w:r>'))
    for piece in pieces:
        paragraph.append(parse_xml(piece))
    paragraph.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> tháng 3 năm 2026</w:t></w:r>'))
    return document


@pytest.mark.parametrize("simple", [False, True])
def test_the_checker_reports_a_date_made_by_a_date_field(simple):
    data = io.BytesIO()
    _date_field_letter(simple=simple).save(data)
    info = docx_reader.read(data.getvalue()).info
    line = next(p for p in info.paragraphs if p.text.startswith("Quảng Trị, ngày"))
    assert line.text == "Quảng Trị, ngày 05 tháng 3 năm 2026"  # the field's result, never its code
    findings = [f for f in check_bytes(data.getvalue()) if f.rule == "date.field"]
    assert [(f.box, f.paragraph) for f in findings] == [("4", line.index)]
    assert "DATE" in findings[0].message and "Ctrl+Shift+F9" in findings[0].fix


def test_a_page_field_is_no_date_field_and_createdate_is_one():
    data = io.BytesIO()
    _date_field_letter("PAGE").save(data)
    assert "date.field" not in {f.rule for f in check_bytes(data.getvalue())}
    data = io.BytesIO()
    _date_field_letter('CREATEDATE \\@ "dd"').save(data)
    found = [f for f in check_bytes(data.getvalue()) if f.rule == "date.field"]
    assert len(found) == 1 and "CREATEDATE" in found[0].message


def test_a_date_field_in_the_page_header_is_reported():
    document = _letter()
    header = document.sections[0].header.paragraphs[0]._p
    header.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" SAVEDATE "><w:r><w:t>05/03/2026</w:t></w:r>'
                            '</w:fldSimple>'))
    data = io.BytesIO()
    document.save(data)
    found = [f for f in check_bytes(data.getvalue()) if f.rule == "date.field"]
    assert len(found) == 1 and found[0].paragraph is None and "đầu trang" in found[0].message


def test_the_import_notes_a_date_made_by_a_field(tmp_path):
    path = tmp_path / "ngay.docx"
    _save(_date_field_letter(), path)
    draft, report = api.import_file(path)
    assert draft.content.date is not None and draft.content.date.day == 5
    assert any("trường DATE" in note and "kiểm tra lại ngày ký" in note for note in report.notes)


# -- an empty file, the number as written -------------------------------------------------------------------------

def test_an_empty_docx_gets_one_message_from_import_and_check(tmp_path, capsys):
    path = tmp_path / "rong.docx"
    path.write_bytes(b"")
    with pytest.raises(InputError) as imported:
        api.import_file(path)
    with pytest.raises(InputError) as checked:
        check_bytes(b"", str(path))
    assert imported.value.args == checked.value.args
    assert "tệp rỗng" in str(imported.value)
    capsys.readouterr()
    out = tmp_path / "rong.json"
    assert cli.main(["import", str(path), "-o", str(out)]) == 2
    said_by_import = capsys.readouterr().err
    assert cli.main(["check", str(path)]) == 2
    said_by_check = capsys.readouterr().err
    assert said_by_import == said_by_check and "tệp rỗng" in said_by_check and "Traceback" not in said_by_check
    assert not out.exists()


def test_a_number_below_ten_is_reported_as_the_letter_writes_it(tmp_path):
    path = tmp_path / "so.docx"
    _save(_letter(number="08"), path)
    draft, report = api.import_file(path)
    assert draft.content.number == 8
    assert ("Số, ký hiệu", "08/SNV-CCVC") in report.recognised


# -- characters that only look like the letters meant ---------------------------------------------------------------

def _with_eth(document: docx.Document) -> bytes:
    """The letter as an old font's converter leaves it: every "Đ"/"đ" an Icelandic eth, the symbol's "/" a division
    slash."""
    for paragraph in document.paragraphs + [p for t in document.tables for c in t._cells for p in c.paragraphs]:
        for run in paragraph.runs:
            run.text = run.text.replace("Đ", "\u00d0").replace("đ", "\u00f0").replace("/SNV", "\u2215SNV")
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_an_eth_for_d_is_one_finding_and_the_letter_is_read_as_meant(tmp_path):
    data = _with_eth(_letter())
    findings = check_bytes(data)
    look_alike = [f for f in findings if f.rule == "text.look-alike"]
    assert len(look_alike) == 1 and "Ð" in look_alike[0].message and "Ctrl+H" in look_alike[0].fix
    # the motto ("Ðộc lập") and the number ("125∕SNV-CCVC") are found as the letters meant: no other finding
    assert {f.rule for f in findings} == {f.rule for f in check_bytes(_with_eth_free())} | {"text.look-alike"}
    path = tmp_path / "letter.docx"
    path.write_bytes(data)
    draft, report = api.import_file(path)
    assert (draft.content.authority, draft.content.number) == ("SỞ NỘI VỤ", 125)
    assert any("chữ eth" in note for note in report.notes)  # the clerk is told, as for a text file
    assert draft.content.subject == "báo cáo số lượng công chức năm 2026"


def _with_eth_free() -> bytes:
    data = io.BytesIO()
    _letter().save(data)
    return data.getvalue()


def test_a_letter_with_the_meant_characters_has_no_look_alike_finding():
    assert "text.look-alike" not in {f.rule for f in check_bytes(_with_eth_free())}
