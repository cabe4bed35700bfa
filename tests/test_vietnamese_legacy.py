"""Legacy 8-bit Vietnamese encodings (TCVN3/ABC and VNI Windows): known strings, round trips, detection."""
from __future__ import annotations

from pathlib import Path

import pytest

from ptdraft import api
from ptdraft.vietnamese import FindingKind, check_text, convert_legacy, detect_legacy, legacy
from ptdraft.vietnamese.letters import BASE_VOWELS, join

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"

# The national title as it shows when pasted from a .VnTime (TCVN3) and a VNI-Times document.
TCVN3_TITLE = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
VNI_TITLE = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"


def test_known_tcvn3_strings_decode():
    """Strings typed in .VnTime fonts (ư is the soft-hyphen byte) decode to their Unicode text."""
    assert legacy.decode(TCVN3_TITLE, legacy.TCVN3) == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert legacy.decode("B¶o Th¾ng", legacy.TCVN3) == "Bảo Thắng"
    assert legacy.decode("M\u00adêng Kh\u00ad¬ng", legacy.TCVN3) == "Mường Khương"
    assert legacy.decode("§éc lËp - Tù do - H¹nh phóc", legacy.TCVN3) == "Độc lập - Tự do - Hạnh phúc"


def test_known_vni_strings_decode():
    """Strings typed in VNI fonts (base letter + modifier byte) decode to their Unicode text."""
    assert legacy.decode(VNI_TITLE, legacy.VNI) == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert legacy.decode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", legacy.VNI) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert legacy.decode("Ñoäc laäp - Töï do - Haïnh phuùc", legacy.VNI) == "Độc lập - Tự do - Hạnh phúc"


def test_encoding_gives_the_known_legacy_strings():
    """Encoding the Unicode text with the tables gives exactly the known pasted strings."""
    assert legacy.encode("Cộng hoà xã hội chủ nghĩa Việt Nam", legacy.TCVN3) == TCVN3_TITLE
    assert legacy.encode("Cộng hòa xã hội chủ nghĩa Việt Nam", legacy.VNI) == VNI_TITLE


def _every_letter(upper: bool) -> str:
    letters = [join(base, tone) for base in BASE_VOWELS for tone in range(6)] + ["đ"]
    return " ".join(letter.upper() if upper else letter for letter in letters)


@pytest.mark.parametrize("encoding", [legacy.TCVN3, legacy.VNI])
def test_every_lower_case_letter_round_trips(encoding):
    """All 12 vowels × 6 tones and đ encode to the legacy form and decode back unchanged."""
    text = _every_letter(upper=False)
    assert legacy.decode(legacy.encode(text, encoding), encoding) == text


def test_every_capital_round_trips_in_vni():
    """VNI has upper-case modifier bytes, so every capital letter round-trips too."""
    text = _every_letter(upper=True)
    assert legacy.decode(legacy.encode(text, legacy.VNI), legacy.VNI) == text


@pytest.mark.parametrize(
    "text",
    [
        "Trưởng phòng Tài chính – Kế hoạch, đường Điện Biên Phủ, khuỷu tay, người ở, thuở ấy.",
        "ĐẮK LẮK, CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # capitals typed in a .VnTimeH font
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, HCQT.",
    ],
)
@pytest.mark.parametrize("encoding", [legacy.TCVN3, legacy.VNI])
def test_known_sentences_round_trip(text, encoding):
    """Whole sentences go to the legacy encoding and back unchanged (TCVN3's capitals through a capitals-only line)."""
    assert legacy.decode(legacy.encode(text, encoding), encoding) == text


def test_tcvn3_has_no_capital_toned_letters():
    """TCVN3 keeps capitals only for Ă Â Ê Ô Ơ Ư Đ; "Ủy" at a sentence start comes back as "ủy" (the encoding's limit)."""
    assert legacy.encode("Ủy ban", legacy.TCVN3) == "ñy ban"
    assert legacy.decode("ñy ban", legacy.TCVN3) == "ủy ban"
    assert legacy.encode("Ăn, Đi", legacy.TCVN3) == "¡n, §i"


def test_detection_and_conversion():
    """Legacy text is detected and converted with its encoding named; Unicode and foreign text are left alone."""
    assert convert_legacy(TCVN3_TITLE) == ("Cộng hoà xã hội chủ nghĩa Việt Nam", "TCVN3")
    assert convert_legacy(VNI_TITLE) == ("Cộng hòa xã hội chủ nghĩa Việt Nam", "VNI")
    assert detect_legacy("Cộng hòa xã hội chủ nghĩa Việt Nam") is None
    assert detect_legacy("Café à la crème, déjà vu") is None
    assert detect_legacy("plain ASCII text") is None
    assert convert_legacy("Cộng hòa") == ("Cộng hòa", None)


def test_no_real_sample_reads_as_legacy():
    """The six real documents are Unicode: none of them is taken for TCVN3 or VNI."""
    files = [SAMPLES / "cong-van-van-phong-ubnd-tinh.txt", *sorted((SAMPLES / "real").glob("*.txt"))]
    assert len(files) == 6
    for path in files:
        assert detect_legacy(path.read_text(encoding="utf-8")) is None, path.name


def test_check_text_reports_legacy_text_with_the_converted_text():
    """A pasted TCVN3 text gives one finding naming the encoding, with the Unicode text as the suggestion."""
    findings = check_text(TCVN3_TITLE)
    assert [f.kind for f in findings] == [FindingKind.ENCODING]
    assert "TCVN3" in findings[0].message
    assert findings[0].suggestions == ("Cộng hoà xã hội chủ nghĩa Việt Nam",)


@pytest.mark.parametrize("encoding", [legacy.TCVN3, legacy.VNI])
def test_importing_a_legacy_file_converts_it_and_says_so(tmp_path, encoding):
    """A letter saved as 8-bit TCVN3 or VNI bytes imports as Unicode, and the report names the encoding."""
    text = (SAMPLES / "real" / "14.txt").read_text(encoding="utf-8")
    path = tmp_path / "letter.txt"
    path.write_bytes(legacy.encode(text, encoding).encode("cp1252"))
    draft, report = api.import_file(path)
    reference, _ = api.import_file(SAMPLES / "real" / "14.txt")
    assert report.legacy == encoding
    assert any(encoding in note for note in report.notes)
    assert draft.content.signature.name == "Lê Minh Hưng"
    if encoding == legacy.VNI:
        assert draft.content == reference.content
    else:
        # TCVN3 cannot hold a capital Ủ ("Ủy ban" comes back "ủy ban"): equal but for that letter's case.
        assert [b.replace("Ủ", "ủ") for b in reference.content.legal_bases] == list(draft.content.legal_bases)
        assert draft.content.signature == reference.content.signature


def test_a_windows_1258_letter_imports_exactly(tmp_path):
    """Windows-1258, the Vietnamese code page that stores tone marks as separate characters, reads back as the same
    letter in Unicode NFC."""
    import unicodedata

    text = (SAMPLES / "real" / "14.txt").read_text(encoding="utf-8")
    path = tmp_path / "letter.txt"
    tones = "\u0300\u0301\u0303\u0309\u0323"

    def as_cp1258(char: str) -> str:  # the letter with its shape marks (ư, â, ă…) composed, the tone mark apart
        parts = unicodedata.normalize("NFD", char)
        return unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + "".join(
            c for c in parts if c in tones)

    path.write_bytes("".join(as_cp1258(c) for c in text).encode("cp1258"))
    draft, report = api.import_file(path)
    reference, _ = api.import_file(SAMPLES / "real" / "14.txt")
    assert report.encoding == "Windows-1258"
    assert draft.content == reference.content


@pytest.mark.parametrize("text, encoding", [
    ("日本語のテキストです。これは公文書の例です。", "shift_jis"),
    ("日本語のテキストです。これは公文書の例です。", "euc_jp"),
    ("中文文本测试，这是一份公文。", "gbk"),
    ("中文文本測試，這是一份公文。", "big5"),
    ("한국어 문서 시험입니다.", "cp949"),
    ("Пример текста на русском языке.", "cp1251"),
    ("Ελληνικό κείμενο δοκιμής.", "cp1253"),
])
def test_a_file_in_another_language_s_code_page_is_refused_not_guessed(tmp_path, capsys, text, encoding):
    """Text in a code page that is neither Unicode nor a Vietnamese one never comes in as garbage read as TCVN3 or
    VNI: one message naming the file, exit code 2, nothing written."""
    from ptdraft import cli

    path = tmp_path / "letter.txt"
    path.write_bytes((text * 30).encode(encoding))
    out = tmp_path / "out.json"
    code = cli.main(["import", str(path), "-o", str(out)])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1 and "letter.txt" in lines[0] and "UTF-8" in lines[0], lines
    assert not out.exists()
