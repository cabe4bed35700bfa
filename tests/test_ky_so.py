"""Ký số: the PDF's empty signature fields sit where Phụ lục I puts them, signing fills them (PKCS#12 file and a
SoftHSM2 token) with PAdES B-B, verifying tells an intact file from a changed one, and bad input is one message.

The field rectangles are compared with ``pdftotext -bbox`` (poppler, not the code under test) on the real
LibreOffice PDF: the title line above the signature field, the name below it, the seal over its left third, for
documents of several types, two of them with the signature on page 2 or 3. The CA, the certificates and the token
are made here, in the session's temporary folder.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyhanko", reason="the ky-so extra is not installed (pip install -e '.[test]' installs it)")

from ptdraft import api, cli  # noqa: E402
from ptdraft.outputs import libreoffice
from ptdraft.outputs import pdf_fields
from ptdraft.layout import number_line  # noqa: E402
from tests.support import signing as keys  # noqa: E402
from tests.support.documents import pagination_drafts  # noqa: E402
from tests.support import (  # noqa: E402
    decision_draft,
    find_phrase,
    full_cong_van_draft,
    full_decision_draft,
    letter_draft,
    pdf_pages,
    template_example,
)

MM = 72 / 25.4
PAGE_WIDTH = 210 * MM
LEFT_MARGIN = 30 * MM
RIGHT_MARGIN = 15 * MM
SIGNATURE_COLUMN = LEFT_MARGIN + 70 * MM  # the Nơi nhận column is 7 cm wide (FORMAT.md §3, the samples' tables)
ISO_VN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00")


def _run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- the PDFs -------------------------------------------------------------------------------


def _documents(shipped) -> dict[str, object]:
    docs = {
        "letter": letter_draft(),  # công văn, KT. two title lines, signature on page 2
        "decision": decision_draft(),  # Quyết định, TM.
        "full-cong-van": full_cong_van_draft(),
        "full-decision": full_decision_draft(),
        "three-pages": pagination_drafts()["preview-three-pages"],  # signature on page 3
        "empty-last-page": pagination_drafts()["preview-empty-last-page"],  # closing row filling page 2
    }
    for template in shipped:
        if template.id in ("giay-moi", "thong-bao", "quyet-dinh"):
            docs[f"template-{template.id}"] = template_example(template)
    return docs


@pytest.fixture(scope="module")
def exported(soffice, shipped_templates, tmp_path_factory):
    """Each document through the export's own steps (marked DOCX, one LibreOffice call for all, fields from the
    named destinations): name → (draft, layout, PDF with fields, boxes)."""
    folder = tmp_path_factory.mktemp("ky-so-pdf")
    docs = _documents(shipped_templates)
    layouts = {name: api.layout_draft(draft) for name, draft in docs.items()}
    sources = []
    for name, layout in layouts.items():
        path = folder / f"{name}.docx"
        path.write_bytes(pdf_fields.marked_docx(layout))
        sources.append(path)
    pdfs = libreoffice.to_pdf(sources, folder, destinations=True)
    out = {}
    for source in sources:
        name = source.stem
        plain = pdfs[source.resolve()].read_bytes()
        boxes = pdf_fields.signature_boxes(plain, layouts[name])
        number = number_line(api.fill(docs[name]))
        if name == "letter":
            boxes[pdf_fields.COPY] = pdf_fields.copy_box(layouts[name], number)
        path = folder / f"{name}-fields.pdf"
        path.write_bytes(pdf_fields.add_fields(plain, boxes, number=number))
        (folder / f"{name}-plain.pdf").write_bytes(plain)
        out[name] = (docs[name], layouts[name], path, boxes)
    return out


def _signature_words(page, draft):
    """The words of the last title line and of the name, as poppler reads them from the page."""
    content = api.fill(draft)
    title = content.signature.authority_lines()[-1].upper()
    name = content.signature.name
    title_words = find_phrase(page.words, " ".join(title.split()))
    name_words = find_phrase(page.words, name)
    return title_words, name_words


@pytest.mark.libreoffice
def test_signature_field_between_the_title_line_and_the_name(exported):
    """Box 7c: on the page of the signature block, below every word of the title line, above every word of the
    name, centred over the name in the signature column, tall enough for a signature."""
    pages_seen = set()
    for name, (draft, _layout, path, boxes) in exported.items():
        box = boxes[pdf_fields.SIGNER]
        pages = pdf_pages(path)
        page = pages[box.page]
        title_words, name_words = _signature_words(page, draft)
        assert title_words and name_words, f"{name}: title or name not on page {box.page + 1} of {len(pages)}"
        pages_seen.add(box.page)
        top_from_top = page.height - box.y1
        bottom_from_top = page.height - box.y0
        assert max(w.y1 for w in title_words) <= top_from_top, name
        assert bottom_from_top <= min(w.y0 for w in name_words), name
        middle = (min(w.x0 for w in name_words) + max(w.x1 for w in name_words)) / 2
        assert abs((box.x0 + box.x1) / 2 - middle) < 3, name
        assert box.x0 >= SIGNATURE_COLUMN - 0.5 and box.x1 <= PAGE_WIDTH - RIGHT_MARGIN + 0.5, name
        assert box.height >= 18 * MM, name  # the decree sets no height; the gap ptdraft leaves is about 23 mm
        assert box.width >= box.height, name
    assert pages_seen == {0, 1, 2}  # the block landed on page 1, 2 or 3


@pytest.mark.libreoffice
def test_seal_over_the_left_third_of_the_signature(exported):
    """Box 8: the seal's field covers about the left third of the signature field, not its right part, and stays
    between the title line and the name."""
    for name, (draft, _layout, path, boxes) in exported.items():
        signer, seal = boxes[pdf_fields.SIGNER], boxes[pdf_fields.SEAL]
        assert seal.page == signer.page
        overlap = min(seal.x1, signer.x1) - max(seal.x0, signer.x0)
        assert 0.25 * signer.width <= overlap <= 0.45 * signer.width, name
        assert seal.x0 <= signer.x0 + 1 and seal.x1 < signer.x0 + signer.width / 2, name
        assert abs(seal.width - seal.height) < 0.5, name  # a round seal's square
        page = pdf_pages(path)[seal.page]
        title_words, name_words = _signature_words(page, draft)
        assert page.height - seal.y1 >= max(w.y1 for w in title_words), name
        assert page.height - seal.y0 <= min(w.y0 for w in name_words), name


@pytest.mark.libreoffice
def test_copy_box_top_right_of_page_one(exported):
    """Box 14: page 1, right-aligned with the text area, in the top margin above the Quốc hiệu, wide enough for
    the number line and an ISO 8601 time at 10 pt."""
    _draft, _layout, path, boxes = exported["letter"]
    box = boxes[pdf_fields.COPY]
    page = pdf_pages(path)[0]
    assert box.page == 0
    assert abs(box.x1 - (PAGE_WIDTH - RIGHT_MARGIN)) < 0.5
    assert box.x0 > PAGE_WIDTH / 2
    national = find_phrase(page.words, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert national
    assert page.height - box.y0 <= min(w.y0 for w in national)
    assert box.y1 <= page.height
    # "2026-01-05T09:30:00+07:00" is 25 characters of Times New Roman 10 pt: about 110 pt.
    assert box.width >= 110 and box.height >= 2 * 10


@pytest.mark.libreoffice
def test_fields_named_for_their_role(exported):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields

    _draft, _layout, path, _boxes = exported["letter"]
    with path.open("rb") as handle:
        reader = PdfFileReader(handle)
        found = {name: value for name, value, _ref in fields.enumerate_sig_fields(reader)}
    assert found == {"chu-ky-nguoi-ky": None, "con-dau": None, "ban-sao": None}
    _draft, _layout, path, _boxes = exported["decision"]
    with path.open("rb") as handle:
        reader = PdfFileReader(handle)
        assert [name for name, _v, _r in fields.enumerate_sig_fields(reader)] == ["chu-ky-nguoi-ky", "con-dau"]


@pytest.mark.libreoffice
def test_pdf_command_writes_the_pdf_with_fields(soffice, tmp_path, capsys):
    """``ptdraft pdf DRAFT.json -o FILE.pdf --copy`` end to end: the PDF's pages, its three fields, the text
    unchanged (the fields are an incremental update over LibreOffice's file)."""
    out = tmp_path / "cong-van.pdf"
    code, stdout, err = _run(capsys, "pdf", "examples/cong-van-van-phong-ubnd-tinh.json", "-o", out, "--copy")
    assert code == 0, err
    assert "2 trang" in stdout and "chu-ky-nguoi-ky: trang 2" in stdout and "ban-sao: trang 1" in stdout
    assert pdf_fields.field_rows(out.read_bytes(), str(out)) == [
        ("chu-ky-nguoi-ky", False), ("con-dau", False), ("ban-sao", False)
    ]
    words = " ".join(w.text for page in pdf_pages(out) for w in page.words)
    assert "Nguyễn Văn An" in words and "PHÓ CHÁNH VĂN PHÒNG" in words
    assert [p.name for p in tmp_path.iterdir()] == ["cong-van.pdf"]  # no temporary file left beside it


@pytest.mark.libreoffice
def test_pdf_a_keeps_its_identification(soffice, tmp_path, capsys):
    """``--pdf-a``: LibreOffice's PDF/A-2b with the fields added still says PDF/A-2b in its XMP metadata, and the
    producer of the document information equals the XMP's (PDF/A wants the two to agree), before and after signing."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    draft = tmp_path / "quyet-dinh.json"
    api.save_draft(decision_draft(), draft)
    out = tmp_path / "quyet-dinh.pdf"
    code, stdout, err = _run(capsys, "pdf", draft, "-o", out, "--pdf-a")
    assert code == 0, err
    assert "PDF/A-2b" in stdout
    with out.open("rb") as handle:
        reader = PdfFileReader(handle)
        xmp = reader.root["/Metadata"].data.decode("utf-8")
        producer = str(reader.trailer_view["/Info"]["/Producer"])
    assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert f'pdf:Producer="{producer}"' in xmp


# -- keys ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def authority(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ky-so-keys")
    ca = keys.Authority(folder)
    ca.signer = ca.issue("Nguyễn Văn An", "nguoi-ky.p12")
    ca.agency = ca.issue("Văn phòng Ủy ban nhân dân tỉnh", "co-quan.p12")
    ca.expired = ca.issue("Trần Văn Hết Hạn", "het-han.p12", days=(-400, -30))
    ca.cannot_sign = ca.issue("Lê Thị Mã Hóa", "ma-hoa.p12", signing=False)
    ca.password = folder / "mat-khau.txt"
    ca.password.write_text(keys.PASSWORD + "\n", encoding="utf-8")
    ca.wrong = folder / "sai-mat-khau.txt"
    ca.wrong.write_text("khong-dung\n", encoding="utf-8")
    ca.signature_png = keys.png(folder / "chu-ky.png", (0, 0, 200))
    ca.seal_png = keys.png(folder / "con-dau.png", (220, 0, 0), (240, 240))
    return ca


@pytest.fixture
def unsigned(exported, tmp_path) -> Path:
    """A fresh copy of the letter's PDF with its three empty fields."""
    target = tmp_path / "van-ban.pdf"
    shutil.copyfile(exported["letter"][2], target)
    return target


def _p12(authority, issued, *more):
    return ("--pkcs12", issued.p12, "--password-file", authority.password, *more)


def _appearance(path: Path, field: str):
    """(the text its appearance shows, the widths of its font, the signature dictionary) of a signed field."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields

    with path.open("rb") as handle:
        reader = PdfFileReader(handle)
        for name, value, ref in fields.enumerate_sig_fields(reader):
            if name == field:
                stream = ref.get_object()["/AP"]["/N"]
                data = stream.data
                texts = re.findall(rb"/ActualText \((.*?)\)\s*>>", data, re.S)
                font = stream["/Resources"]["/Font"]["/F1"] if "/Font" in stream["/Resources"] else None
                widths = list(font["/DescendantFonts"][0].get_object()["/W"]) if font is not None else []
                sig = {k: value.get_object()[k] for k in ("/SubFilter", "/M")}
                return [_pdf_text(t) for t in texts], widths, sig, data
    raise AssertionError(field)


def _pdf_text(raw: bytes) -> str:
    """A PDF literal string's bytes (with its escapes) as text."""
    out = bytearray()
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == 0x5C:  # backslash
            nxt = raw[i + 1:i + 4]
            octal = re.match(rb"[0-7]{1,3}", nxt)
            if octal:
                out.append(int(octal.group(), 8))
                i += 1 + len(octal.group())
                continue
            out.append(raw[i + 1])
            i += 2
            continue
        out.append(c)
        i += 1
    data = bytes(out)
    return data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1")


@pytest.mark.libreoffice
def test_sign_all_three_fields_and_verify(authority, unsigned, tmp_path, capsys):
    """Signer (blue PNG), seal (red PNG), copy box (text): each a PAdES signature; verify lists all three intact,
    trusted against the test CA; the copy box says the number and the signing time in ISO 8601 at +07:00."""
    code, out, err = _run(capsys, "sign", unsigned, "--field", "chu-ky-nguoi-ky",
                          *_p12(authority, authority.signer, "--image", authority.signature_png))
    assert code == 0, err
    assert "Nguyễn Văn An" in out
    code, out, err = _run(capsys, "sign", unsigned, "--field", "con-dau",
                          *_p12(authority, authority.agency, "--image", authority.seal_png))
    assert code == 0, err
    signed = tmp_path / "da-ky.pdf"
    code, out, err = _run(capsys, "sign", unsigned, "--field", "ban-sao", *_p12(authority, authority.agency), "-o", signed)
    assert code == 0, err

    code, out, err = _run(capsys, "verify", signed, "--trust", authority.pem)
    assert code == 0, out + err
    lines = out.splitlines()
    assert len([line for line in lines if "còn nguyên vẹn" in line]) == 3, out
    assert all("được xác minh" in line for line in lines if "còn nguyên vẹn" in line)
    assert "con-dau: Văn phòng Ủy ban nhân dân tỉnh" in out

    texts, widths, sig, stream = _appearance(signed, "ban-sao")
    assert sig["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert texts[0] == number_line(api.fill(letter_draft()))  # "Số: …/VP-HCQT", the number left blank
    assert ISO_VN.fullmatch(texts[1]), texts
    # The time shown is the signature's own /M (D:YYYYMMDDHHmmSS+07'00').
    shown = texts[1]
    assert str(sig["/M"]).replace("D:", "").startswith(re.sub(r"\D", "", shown[:19]))
    assert b"/F1 10 Tf" in stream  # 10 pt
    # Times New Roman's digits are half an em: 500 in the PDF's thousandths (not the font's 1024 of 2048).
    pairs = dict(zip(widths[::2], widths[1::2]))
    assert any(500 in list(chunk) for chunk in pairs.values())
    assert all(0 < w <= 1000 for chunk in pairs.values() for w in chunk)


def _change_one_byte(path: Path) -> None:
    """One byte inside the first signed range changed, the file still a well-formed PDF: the "W" of the
    document information's /Creator "Writer" (UTF-16, as LibreOffice writes it) becomes "w"."""
    data = bytearray(path.read_bytes())
    marker = b"/Creator<FEFF0057"
    at = data.index(marker) + len(marker) - 2
    ranges = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)", data)
    assert ranges and int(ranges.group(1)) == 0 and at < int(ranges.group(2))  # inside the first signed range
    assert data[at:at + 1] == b"5"
    data[at] = ord("7")
    path.write_bytes(bytes(data))


@pytest.mark.libreoffice
def test_one_byte_changed_breaks_the_signature(authority, unsigned, capsys):
    """A byte inside the signed range changed (a letter of the PDF's producer name): verify says broken, exit 1."""
    code, _out, err = _run(capsys, "sign", unsigned, "--field", "chu-ky-nguoi-ky",
                           *_p12(authority, authority.signer, "--image", authority.signature_png))
    assert code == 0, err
    code, out, _err = _run(capsys, "verify", unsigned)
    assert code == 0 and "còn nguyên vẹn" in out
    _change_one_byte(unsigned)
    code, out, err = _run(capsys, "verify", unsigned)
    assert code == 1, out + err
    assert "HỎNG" in out and "chu-ky-nguoi-ky" in out
    assert "Traceback" not in err


# -- the token -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def token(authority, tmp_path_factory):
    if keys.softhsm_library() is None:
        if keys.on_ci():
            pytest.fail("softhsm2 is not installed; CI installs it (.ci/run APT_PACKAGES)")
        pytest.skip("softhsm2 (softhsm2-util, libsofthsm2.so) is not installed: apt-get install softhsm2")
    import os

    before = os.environ.get("SOFTHSM2_CONF")
    made = keys.make_token(tmp_path_factory.mktemp("softhsm"), "ptdraft-thu", authority.signer)
    folder = made.conf.parent
    (folder / "pin.txt").write_text(keys.PIN + "\n", encoding="utf-8")
    (folder / "sai-pin.txt").write_text("000000\n", encoding="utf-8")
    made.pin = folder / "pin.txt"
    made.wrong_pin = folder / "sai-pin.txt"
    yield made
    if before is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = before


@pytest.mark.libreoffice
def test_sign_with_a_softhsm_token(token, authority, unsigned, tmp_path, capsys):
    """The signer's key on a PKCS#11 token (SoftHSM2): signed, verified intact and trusted; then one byte changed."""
    signed = tmp_path / "ky-bang-token.pdf"
    code, out, err = _run(capsys, "sign", unsigned, "--field", "chu-ky-nguoi-ky", "--pkcs11", token.library,
                          "--token", token.label, "--pin-file", token.pin, "--image", authority.signature_png,
                          "-o", signed)
    assert code == 0, err
    code, out, err = _run(capsys, "verify", signed, "--trust", authority.pem)
    assert code == 0, out + err
    assert "chu-ky-nguoi-ky: Nguyễn Văn An" in out and "còn nguyên vẹn" in out
    _change_one_byte(signed)
    code, out, _err = _run(capsys, "verify", signed)
    assert code == 1 and "HỎNG" in out


def _refused(capsys, before: dict[Path, bytes], output: Path | None, *args) -> str:
    """The command exits 2 with one Vietnamese line, writes no output, and leaves every input as it was."""
    code, out, err = _run(capsys, *args)
    assert code == 2, out + err
    assert err.startswith("ptdraft: lỗi: ") and err.count("\n") == 1 and "Traceback" not in err, err
    for path, data in before.items():
        assert path.read_bytes() == data
    if output is not None:
        assert not output.exists()
        assert not [p for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.")]
    return err


@pytest.mark.libreoffice
def test_wrong_pin(token, authority, unsigned, tmp_path, capsys):
    out = tmp_path / "khong-ghi.pdf"
    err = _refused(capsys, {unsigned: unsigned.read_bytes()}, out, "sign", unsigned, "--field", "chu-ky-nguoi-ky",
                   "--pkcs11", token.library, "--token", token.label, "--pin-file", token.wrong_pin, "-o", out)
    assert "mã PIN của token sai" in err
    err = _refused(capsys, {unsigned: unsigned.read_bytes()}, out, "sign", unsigned, "--field", "chu-ky-nguoi-ky",
                   "--pkcs11", token.library, "--token", "khong-co", "--pin-file", token.pin, "-o", out)
    assert "không thấy token 'khong-co'" in err and "ptdraft-thu" in err


@pytest.mark.libreoffice
def test_bad_keys_are_refused(authority, unsigned, tmp_path, capsys):
    """Wrong password, an expired certificate, one that cannot sign: one message each, nothing written."""
    out = tmp_path / "khong-ghi.pdf"
    before = {unsigned: unsigned.read_bytes()}
    field = ("sign", unsigned, "--field", "chu-ky-nguoi-ky")
    err = _refused(capsys, before, out, *field, "--pkcs12", authority.signer.p12, "--password-file", authority.wrong,
                   "-o", out)
    assert "sai mật khẩu" in err and "nguoi-ky.p12" in err
    err = _refused(capsys, before, out, *field, *_p12(authority, authority.expired), "-o", out)
    assert "đã hết hạn" in err and "Trần Văn Hết Hạn" in err
    err = _refused(capsys, before, out, *field, *_p12(authority, authority.cannot_sign), "-o", out)
    assert "không dùng để ký" in err
    # Without -o the input itself is the output: still untouched.
    err = _refused(capsys, before, None, *field, *_p12(authority, authority.expired))
    assert "đã hết hạn" in err


@pytest.mark.libreoffice
def test_password_needed_without_a_terminal(authority, unsigned, capsys, monkeypatch):
    """No --password-file and no terminal to ask at: one message naming the option."""
    monkeypatch.setattr("sys.stdin", None)
    err = _refused(capsys, {unsigned: unsigned.read_bytes()}, None, "sign", unsigned, "--field", "con-dau",
                   "--pkcs12", authority.agency.p12)
    assert "--password-file" in err


@pytest.mark.libreoffice
def test_bad_pdfs_are_refused(authority, exported, unsigned, tmp_path, capsys):
    """A PDF that is not ptdraft's (no signature field), a missing field (the present ones listed), a file that is
    not a PDF, a field already signed, a copy box given an image."""
    out = tmp_path / "khong-ghi.pdf"
    plain = tmp_path / "khong-phai-ptdraft.pdf"
    shutil.copyfile(exported["letter"][2].with_name("letter-plain.pdf"), plain)
    err = _refused(capsys, {plain: plain.read_bytes()}, out, "sign", plain, "--field", "chu-ky-nguoi-ky",
                   *_p12(authority, authority.signer), "-o", out)
    assert "không có trường chữ ký 'chu-ky-nguoi-ky'" in err and "không có trường chữ ký nào" in err

    err = _refused(capsys, {unsigned: unsigned.read_bytes()}, out, "sign", unsigned, "--field", "chu-ky",
                   *_p12(authority, authority.signer), "-o", out)
    assert "'chu-ky'" in err and "chu-ky-nguoi-ky (chưa ký), con-dau (chưa ký), ban-sao (chưa ký)" in err

    text = tmp_path / "ghi-chu.pdf"
    text.write_text("không phải PDF", encoding="utf-8")
    err = _refused(capsys, {text: text.read_bytes()}, out, "sign", text, "--field", "con-dau",
                   *_p12(authority, authority.agency), "-o", out)
    assert "không phải PDF" in err
    err = _refused(capsys, {text: text.read_bytes()}, None, "verify", text)
    assert "không phải PDF" in err

    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes(unsigned.read_bytes()[:4000])
    _refused(capsys, {truncated: truncated.read_bytes()}, out, "sign", truncated, "--field", "con-dau",
             *_p12(authority, authority.agency), "-o", out)

    code, _o, err = _run(capsys, "sign", unsigned, "--field", "con-dau", *_p12(authority, authority.agency))
    assert code == 0, err
    err = _refused(capsys, {unsigned: unsigned.read_bytes()}, out, "sign", unsigned, "--field", "con-dau",
                   *_p12(authority, authority.agency), "-o", out)
    assert "'con-dau' đã được ký" in err

    err = _refused(capsys, {unsigned: unsigned.read_bytes()}, out, "sign", unsigned, "--field", "ban-sao",
                   *_p12(authority, authority.agency, "--image", authority.seal_png), "-o", out)
    assert "ban-sao" in err

    not_png = tmp_path / "anh.png"
    not_png.write_bytes(b"GIF89a rubbish")
    err = _refused(capsys, {unsigned: unsigned.read_bytes()}, out, "sign", unsigned, "--field", "chu-ky-nguoi-ky",
                   *_p12(authority, authority.signer, "--image", not_png), "-o", out)
    assert "anh.png" in err


def test_missing_pyhanko_says_what_to_install(tmp_path, capsys, monkeypatch):
    """Without the ky-so extra: one Vietnamese line with the pip command, exit 2."""
    import sys

    monkeypatch.setitem(sys.modules, "pyhanko", None)
    code, _out, err = _run(capsys, "verify", tmp_path / "x.pdf")
    assert code == 2
    assert "pyHanko" in err and "ptdraft[ky-so]" in err


def test_vietnam_time_is_utc_plus_seven():
    import datetime as dt

    from ptdraft.outputs import pdf_signing

    moment = pdf_signing.signing_time(dt.datetime(2026, 1, 5, 2, 30, 15, 999, tzinfo=dt.timezone.utc))
    assert moment.isoformat() == "2026-01-05T09:30:15+07:00"


def test_layout_marks_are_in_the_closing_table():
    """The two bookmarks sit in the signature column's paragraphs: after the last title line, before the name."""
    import io
    import zipfile

    layout = api.layout_draft(letter_draft())
    with zipfile.ZipFile(io.BytesIO(pdf_fields.marked_docx(layout))) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    title_at = xml.index('w:name="PtdraftKySoChucVu"')
    name_at = xml.index('w:name="PtdraftKySoHoTen"')
    assert xml.rfind("PHÓ CHÁNH VĂN PHÒNG", 0, title_at) > xml.rfind("<w:p>", 0, title_at)
    assert xml.index("Nguyễn Văn An", name_at) < xml.index("</w:p>", name_at)
    assert xml.rfind("<w:tbl>") < title_at < name_at
    # Without the marks the DOCX is the writer's own, byte for byte in document.xml otherwise.
    from ptdraft import docx_writer

    with zipfile.ZipFile(io.BytesIO(docx_writer.to_bytes(layout))) as package:
        plain = package.read("word/document.xml").decode("utf-8")
    assert re.sub(r"<w:bookmark(Start|End)[^>]*/>", "", xml) == plain


@pytest.mark.libreoffice
def test_missing_token_library_says_what_to_install(authority, unsigned, tmp_path, capsys, monkeypatch):
    """pyHanko there but python-pkcs11 (its pkcs11 extra) not: one line with the pip command, nothing written."""
    import sys

    monkeypatch.setitem(sys.modules, "pkcs11", None)
    pin = tmp_path / "pin.txt"
    pin.write_text("123456\n", encoding="utf-8")
    err = _refused(capsys, {unsigned: unsigned.read_bytes()}, None, "sign", unsigned, "--field", "chu-ky-nguoi-ky",
                   "--pkcs11", "/khong/co/libtoken.so", "--token", "T", "--pin-file", pin)
    assert "ptdraft[ky-so]" in err


def test_the_help_names_the_fields_the_pdf_has():
    from ptdraft import rules
    from ptdraft.cli import sign as cli_sign

    assert cli_sign.ROLE_LIST == ", ".join(rules.ROLES)
