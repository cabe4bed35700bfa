"""Bad input: one Vietnamese message naming the field, file or line; exit code 2; no traceback;
no half-written or destroyed output; no temp file left behind.

Most cases run the command line in-process (ptdraft.cli.main with capsys); a few run
``python -m ptdraft`` in a subprocess to prove no traceback reaches the terminal.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest

from ptdraft import cli
from tests.support import LETTER_JSON, REPO

LETTER_TEMPLATE = "cong-van-van-phong-ubnd-tinh"
VIETNAMESE = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
SENTINEL = b"PK old file the clerk already has \x00\x01"

# A small template with a field of every kind, written to a temp folder by the tests.
TEMPLATE = '''\
id = "thu-nghiem"
title = "Thử nghiệm"
doc_type = "Thông báo"
version = 1

[[fields]]
id = "ngay_hop"
label = "Ngày họp"
kind = "date"

[[fields]]
id = "hinh_thuc"
label = "Hình thức"
kind = "choice"
options = ["trực tiếp", "trực tuyến"]

[[fields]]
id = "thanh_phan"
label = "Thành phần"
kind = "list"

[[fields]]
id = "so_nguoi"
label = "Số người"
kind = "number"

[content]
authority = "SỞ NỘI VỤ"
issuer_code = "SNV"
place = "Hà Nội"
subject = "về cuộc họp"
body = "Họp theo hình thức {{ hinh_thuc }} với {{ so_nguoi }} người."
close = "./."

[content.signature]
mode = "KT."
head_title = "GIÁM ĐỐC"
position = "PHÓ GIÁM ĐỐC"
name = "Trần Văn Bình"
'''
BODY_LINE = 'body = "Họp theo hình thức {{ hinh_thuc }} với {{ so_nguoi }} người."'


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_clean_failure(code: int, err: str, *names: str) -> str:
    """Exit code 2 and one Vietnamese line on stderr naming every one of ``names``; returns the message."""
    assert code == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one message, got {lines}"
    message = lines[0]
    assert message.startswith("ptdraft: lỗi: "), message
    assert VIETNAMESE & set(message.lower()), f"not Vietnamese: {message}"
    for name in names:
        assert name in message, f"{name!r} not named in: {message}"
    return message


@pytest.fixture
def work(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def write_template(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def letter_data() -> dict:
    return json.loads(LETTER_JSON.read_text(encoding="utf-8"))


def write_json(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def render_fails(capsys, work: Path, args: list, *names: str) -> str:
    """Run a render that must fail over an existing output file; the file and the folder stay as they were."""
    out = work / "out.docx"
    out.write_bytes(SENTINEL)
    before = listing(work)
    code, _, err = run_cli(capsys, "render", *args, "-o", out)
    message = assert_clean_failure(code, err, *names)
    assert out.read_bytes() == SENTINEL, "the existing output file was changed"
    assert listing(work) == before, f"left behind: {listing(work) - before}"
    return message


# ---- values -----------------------------------------------------------------------------------


def test_missing_required_fields(capsys, work):
    """A missing required value is refused, naming every missing field."""
    render_fails(capsys, work, [LETTER_TEMPLATE], "tinh", "nguoi_ky")


def test_unknown_field_in_set(capsys, work):
    """--set of a field the template does not declare is refused, naming it."""
    render_fails(capsys, work, [LETTER_TEMPLATE, "--set", "tinh=Huế", "--set", "khong_co=1"], "khong_co", "--set")


def test_unknown_field_in_data(capsys, work):
    """--data with a field the template does not declare is refused, naming it."""
    data = write_json(work, "values.json", {"tinh": "Huế", "nguoi_ky": "A", "khong_co": 1})
    render_fails(capsys, work, [LETTER_TEMPLATE, "--data", data], "khong_co")


def test_set_without_equals(capsys, work):
    """--set without "=" is refused, quoting what was typed."""
    render_fails(capsys, work, [LETTER_TEMPLATE, "--set", "tinh"], "--set", "tinh")


@pytest.mark.parametrize(
    "args, name",
    [
        (["--set", "so_nguoi=năm"], "so_nguoi"),
        (["--set", "ngay_hop=05/13/2026"], "ngay_hop"),
        (["--set", "ngay_hop=2026-02-30"], "ngay_hop"),
        (["--set", "hinh_thuc=qua thư"], "hinh_thuc"),
    ],
    ids=["number", "date-form", "date-day", "choice"],
)
def test_wrong_kind_in_set(capsys, work, args, name):
    """A --set value of the wrong kind (number, date, choice) is refused, naming the field."""
    template = write_template(work, "mau.toml", TEMPLATE)
    render_fails(capsys, work, [template, *args], name)


@pytest.mark.parametrize(
    "values, name",
    [
        ({"so_nguoi": "năm"}, "so_nguoi"),
        ({"so_nguoi": True}, "so_nguoi"),
        ({"ngay_hop": 20260105}, "ngay_hop"),
        ({"hinh_thuc": "qua thư"}, "hinh_thuc"),
        ({"thanh_phan": "Sở Nội vụ"}, "thanh_phan"),
        ({"thanh_phan": ["Sở Nội vụ", 3]}, "thanh_phan"),
    ],
    ids=["number-text", "number-bool", "date-number", "choice", "list-string", "list-number"],
)
def test_wrong_kind_in_data(capsys, work, values, name):
    """A --data value of the wrong kind (number, date, choice, list) is refused, naming the field."""
    template = write_template(work, "mau.toml", TEMPLATE)
    data = write_json(work, "values.json", values)
    render_fails(capsys, work, [template, "--data", data], name)


def test_data_file_not_an_object(capsys, work):
    """A --data file holding a list instead of an object is refused, naming the file."""
    data = write_json(work, "values.json", ["tinh", "Huế"])
    render_fails(capsys, work, [LETTER_TEMPLATE, "--data", data], "values.json")


def test_unknown_template(capsys, work):
    """An unknown template id is refused, listing the templates there are."""
    message = render_fails(capsys, work, ["khong-co-mau"], "khong-co-mau")
    assert LETTER_TEMPLATE in message


# ---- saved drafts -------------------------------------------------------------------------------


def _draft_case(mutate):
    data = letter_data()
    mutate(data)
    return data


DRAFT_CASES = {
    "unknown-top-key": (lambda d: d.update(khong_co=1), ["khong_co"]),
    "unknown-content-key": (lambda d: d["content"].update(khong_co=1), ["content", "khong_co"]),
    "unknown-signature-key": (lambda d: d["content"]["signature"].update(khong_co=1), ["content.signature", "khong_co"]),
    "number-as-text": (lambda d: d["content"].update(number="5"), ["content.number"]),
    "recipients-as-text": (lambda d: d["content"].update(recipients="Sở Nội vụ"), ["content.recipients"]),
    "bad-date": (lambda d: d["content"].update(date="2025-02-30"), ["content.date"]),
    "date-form": (lambda d: d["content"].update(date="15/07/2025"), ["content.date"]),
    "bad-signing-mode": (lambda d: d["content"]["signature"].update(mode="KT"), ["content.signature.mode"]),
    "newer-format": (lambda d: d.update(format=99), ["99", "phiên bản"]),
    "format-as-text": (lambda d: d.update(format="1"), ["format"]),
    "missing-content": (lambda d: d.pop("content"), ["content"]),
    "value-wrong-kind": (lambda d: d["values"].update(nam="hai nghìn"), ["nam"]),
    "value-unknown-field": (lambda d: d["values"].update(khong_co="x"), ["khong_co"]),
    "value-missing-required": (lambda d: d["values"].pop("nguoi_ky"), ["nguoi_ky", "Họ và tên người ký"]),
    "control-char-in-content": (lambda d: d["content"].update(subject="V/v thử\x07"), ["content.subject", "U+0007"]),
    "control-char-in-value": (lambda d: d["values"].update(tinh="Quảng\x1bTrị"), ["values.tinh", "U+001B"]),
    "control-char-in-list": (
        lambda d: d["content"].update(recipients=["Sở A", "Sở\x0cB"]),
        ["content.recipients[2]", "U+000C"],
    ),
}


@pytest.mark.parametrize("case", sorted(DRAFT_CASES))
def test_bad_draft_json(capsys, work, case):
    """A saved draft that does not match the schema or its own fields is refused, naming the place (and the file,
    except for a missing value, which names the field and its label)."""
    mutate, names = DRAFT_CASES[case]
    draft = write_json(work, "draft.json", _draft_case(mutate))
    file_name = [] if case == "value-missing-required" else ["draft.json"]
    render_fails(capsys, work, [draft], *file_name, *names)


def test_invalid_json_names_the_line(capsys, work):
    """A draft that is not valid JSON is refused with the line number of the error."""
    path = work / "draft.json"
    path.write_text('{\n  "format": 1,\n  "content": {"doc_type": "Công văn",}\n}\n', encoding="utf-8")
    render_fails(capsys, work, [path], "draft.json", "dòng 3")


def test_missing_draft_file(capsys, work):
    """A draft file that does not exist is refused, naming it."""
    render_fails(capsys, work, [work / "khong-co.json"], "khong-co.json")


def test_draft_not_utf8(capsys, work):
    """A draft file that is not UTF-8 is refused, naming the file."""
    path = work / "draft.json"
    path.write_bytes('{"format": 1, "title": "Công văn"}'.encode("cp1258", errors="replace") + b"\xff\xfe")
    render_fails(capsys, work, [path], "draft.json")


# ---- templates -------------------------------------------------------------------------------------------


def test_toml_syntax_error_names_the_line(capsys, work):
    """A template with a TOML syntax error is refused with its file name and line number."""
    text = TEMPLATE.replace('version = 1', 'version = = 1')
    line = text.splitlines().index("version = = 1") + 1
    template = write_template(work, "hong.toml", text)
    render_fails(capsys, work, [template], "hong.toml", f"dòng {line}")


def test_jinja_syntax_error_names_the_part_and_line(capsys, work):
    """A template with a Jinja syntax error is refused, naming the file, the part and the line."""
    text = TEMPLATE.replace(BODY_LINE, 'body = """Dòng một.\n\nHọp {{ so_nguoi }"""')
    template = write_template(work, "hong.toml", text)
    render_fails(capsys, work, [template], "hong.toml", "content.body", "dòng 3")


def test_undefined_name_is_refused(capsys, work):
    """A template whose text uses a name it does not declare is refused, naming the name and the part."""
    text = TEMPLATE.replace(BODY_LINE, 'body = "Họp với {{ khong_khai_bao }} người."')
    template = write_template(work, "hong.toml", text)
    render_fails(capsys, work, [template], "hong.toml", "content.body", "khong_khai_bao")


def test_undefined_attribute_is_refused(capsys, work):
    """A missing attribute of a declared value is an error naming the attribute and the part, never printed as nothing."""
    text = TEMPLATE.replace(BODY_LINE, 'body = "Họp theo hình thức {{ hinh_thuc.khong_co }}."')
    template = write_template(work, "hong.toml", text)
    render_fails(capsys, work, [template, "--set", "hinh_thuc=trực tiếp"], "body", "khong_co")


@pytest.mark.parametrize(
    "expression",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ so_nguoi.__class__.__mro__[1].__subclasses__() }}",
        "{{ hinh_thuc.__class__.__base__.__subclasses__() }}",
        "{{ hinh_thuc.upper.__globals__ }}",
        "{{ thanh_phan.__class__.__init__.__globals__ }}",
        "{{ hinh_thuc|attr('__class__') }}",
        "{{ hinh_thuc.format.__globals__ }}",
        "{{ thanh_phan.append(1) }}",
    ],
)
def test_sandbox_escape_is_refused(capsys, work, expression):
    """A template that reaches for Python internals is refused with a message, and nothing is written."""
    text = TEMPLATE.replace(BODY_LINE, f'body = "Họp {expression}."')
    template = write_template(work, "hong.toml", text)
    message = render_fails(capsys, work, [template, "--set", "hinh_thuc=trực tiếp", "--set", "so_nguoi=3",
                                          "--set", "thanh_phan=A"], "body")
    for leak in ("<class", "<built-in", "<function", "<module", "object at 0x", "__globals__ of"):
        assert leak not in message, f"the message shows Python internals: {message}"


def test_template_cannot_read_files(capsys, work):
    """A template has no way to include or import a file: the sandbox has no loader."""
    (work / "bi-mat.txt").write_text("MẬT KHẨU", encoding="utf-8")
    text = TEMPLATE.replace(BODY_LINE, 'body = "{% include \'bi-mat.txt\' %}"')
    template = write_template(work, "hong.toml", text)
    render_fails(capsys, work, [template], "body")


def test_values_are_not_template_code(capsys, work):
    """A value that looks like Jinja is printed as typed, never evaluated."""
    out = work / "out.docx"
    code, _, err = run_cli(capsys, "render", LETTER_TEMPLATE, "--set", "tinh={{ 7*7 }}", "--set", "nguoi_ky=An", "-o", out)
    assert code == 0, err
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "{{ 7*7 }}" in xml and "49" not in xml


# ---- control characters and NFC -------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x07", "\x00", "\x1b", "\ufffe"])
def test_control_character_in_set(capsys, work, char):
    """A value holding a character XML cannot store is refused, naming the field and the character."""
    render_fails(capsys, work, [LETTER_TEMPLATE, "--set", f"tinh=Quảng{char}Trị", "--set", "nguoi_ky=An"],
                 "tinh", f"U+{ord(char):04X}")


def test_decomposed_unicode_comes_out_composed(capsys, work):
    """Values typed or pasted in decomposed Unicode (NFD) print in composed form (NFC)."""
    province, name = "Quảng Trị", "Nguyễn Thị Huyền"
    nfd_province, nfd_name = unicodedata.normalize("NFD", province), unicodedata.normalize("NFD", name)
    assert nfd_province != province
    out = work / "out.docx"
    code, _, err = run_cli(capsys, "render", LETTER_TEMPLATE, "--set", f"tinh={nfd_province}",
                           "--set", f"nguoi_ky={nfd_name}", "-o", out)
    assert code == 0, err
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert province.upper() in xml and name in xml
    assert unicodedata.normalize("NFD", "Quảng") not in xml
    assert unicodedata.is_normalized("NFC", xml)


def test_decomposed_unicode_in_draft_json_comes_out_composed(capsys, work):
    """A saved draft in decomposed Unicode (as text copied from a PDF) prints composed."""
    data = letter_data()
    data["content"]["body"] = unicodedata.normalize("NFD", data["content"]["body"])
    data["values"]["nguoi_ky"] = unicodedata.normalize("NFD", "Nguyễn Văn Ánh")
    draft = write_json(work, "draft.json", data)
    out = work / "out.docx"
    code, _, err = run_cli(capsys, "render", draft, "-o", out)
    assert code == 0, err
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert unicodedata.is_normalized("NFC", xml)
    assert "Nguyễn Văn Ánh" in xml and "Trong thời gian qua" in xml


# ---- output paths ------------------------------------------------------------------------------------------


def test_output_in_missing_folder(capsys, work):
    """An output path in a folder that does not exist is refused, naming the folder; nothing is created."""
    code, _, err = run_cli(capsys, "render", LETTER_JSON, "-o", work / "khong-co" / "out.docx")
    assert_clean_failure(code, err, "khong-co")
    assert not (work / "khong-co").exists()


def test_output_is_a_directory(capsys, work):
    """An output path that is a folder is refused, naming it; the folder is untouched."""
    folder = work / "thu-muc.docx"
    folder.mkdir()
    (folder / "a.txt").write_text("x")
    code, _, err = run_cli(capsys, "render", LETTER_JSON, "-o", folder)
    assert_clean_failure(code, err, "thu-muc.docx")
    assert listing(folder) == {"a.txt"}


def test_file_held_open_keeps_the_old_file(capsys, work, monkeypatch):
    """When the final rename keeps failing (the file is open in Word), the old file stays byte-identical, the
    DOCX goes to "out (1).docx" beside it, and the command says so in one line naming both; no temp file is left."""
    out = work / "out.docx"
    out.write_bytes(SENTINEL)
    real_replace = os.replace

    def refuse(src, dst):
        if Path(dst) == out:
            raise PermissionError(13, "Permission denied", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse)
    code, stdout, err = run_cli(capsys, "render", LETTER_JSON, "-o", out)
    assert code == 0, err
    assert out.read_bytes() == SENTINEL
    assert listing(work) == {"out.docx", "out (1).docx"}, "a temp file was left behind"
    assert zipfile.is_zipfile(work / "out (1).docx")
    [line] = err.splitlines()
    assert line.startswith("ptdraft: chú ý: ") and "Word" in line and "out.docx" in line and "out (1).docx" in line
    assert "Traceback" not in err and stdout.strip() == f"Đã ghi {work / 'out (1).docx'}"


def test_folder_not_writable(capsys, work, monkeypatch):
    """A folder where no file can be created is refused, naming the folder; the old file stays."""
    out = work / "out.docx"
    out.write_bytes(SENTINEL)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, _, err = run_cli(capsys, "render", LETTER_JSON, "-o", out)
    assert_clean_failure(code, err, "out.docx", str(work))
    assert out.read_bytes() == SENTINEL


def test_disk_full_keeps_the_old_file(capsys, work, monkeypatch):
    """A write that fails half-way (disk full) leaves the old file intact and no temp file."""
    out = work / "out.docx"
    out.write_bytes(SENTINEL)

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run_cli(capsys, "render", LETTER_JSON, "-o", out)
    assert_clean_failure(code, err, "out.docx")
    assert out.read_bytes() == SENTINEL
    assert listing(work) == {"out.docx"}


def test_successful_render_replaces_the_file_and_leaves_no_temp(capsys, work):
    """A render over an existing file replaces it with a complete DOCX and leaves only that file."""
    out = work / "out.docx"
    out.write_bytes(SENTINEL)
    code, stdout, err = run_cli(capsys, "render", LETTER_JSON, "-o", out)
    assert code == 0 and err == ""
    assert "out.docx" in stdout
    assert zipfile.is_zipfile(out) and "word/document.xml" in zipfile.ZipFile(out).namelist()
    assert listing(work) == {"out.docx"}


def test_output_file_gets_ordinary_permissions(capsys, work):
    """The DOCX is readable like any file the user creates (the umask applies), not private to the writer."""
    out = work / "out.docx"
    code, _, err = run_cli(capsys, "render", LETTER_JSON, "-o", out)
    assert code == 0, err
    probe = work / "probe"
    probe.write_bytes(b"")
    assert (out.stat().st_mode & 0o777) == (probe.stat().st_mode & 0o777)


def test_overwrite_keeps_the_old_file_mode(capsys, work):
    """Replacing an existing file keeps that file's permissions."""
    out = work / "out.docx"
    out.write_bytes(SENTINEL)
    os.chmod(out, 0o640)
    code, _, err = run_cli(capsys, "render", LETTER_JSON, "-o", out)
    assert code == 0, err
    assert out.read_bytes() != SENTINEL
    assert out.stat().st_mode & 0o777 == 0o640


def test_new_draft_refuses_bad_values(capsys, work):
    """`ptdraft new` refuses a value of the wrong kind the same way and writes no draft."""
    code, _, err = run_cli(capsys, "new", LETTER_TEMPLATE, "--set", "nam=abc", "-o", work / "draft.json")
    assert_clean_failure(code, err, "nam")
    assert not (work / "draft.json").exists()


# ---- through a real process ------------------------------------------------------------------------------------


def _subprocess(tmp_path: Path, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "ptdraft", *map(str, args)], cwd=tmp_path, env=env,
                          capture_output=True, timeout=120)


@pytest.mark.parametrize(
    "case",
    ["missing-field", "invalid-json", "jinja-error", "control-char"],
)
def test_no_traceback_from_a_real_process(tmp_path, case):
    """`python -m ptdraft` prints one Vietnamese line and exits 2, never a traceback, and keeps the old output."""
    out = tmp_path / "out.docx"
    out.write_bytes(SENTINEL)
    if case == "missing-field":
        args = ["render", LETTER_TEMPLATE, "-o", out]
        names = ["tinh"]
    elif case == "invalid-json":
        bad = tmp_path / "draft.json"
        bad.write_text('{\n"format": 1,\n"content": }', encoding="utf-8")
        args = ["render", bad, "-o", out]
        names = ["draft.json", "dòng 3"]
    elif case == "jinja-error":
        template = write_template(tmp_path, "hong.toml", TEMPLATE.replace(BODY_LINE, 'body = "{% for %}"'))
        args = ["render", template, "-o", out]
        names = ["hong.toml", "content.body"]
    else:
        args = ["render", LETTER_TEMPLATE, "--set", "tinh=A\x07B", "--set", "nguoi_ky=An", "-o", out]
        names = ["tinh", "U+0007"]
    result = _subprocess(tmp_path, *args)
    err = result.stderr.decode("utf-8")
    assert_clean_failure(result.returncode, err, *names)
    assert result.stdout == b""
    assert out.read_bytes() == SENTINEL
    assert listing(tmp_path) - {"draft.json", "hong.toml"} == {"out.docx"}


def test_real_process_renders_the_letter(tmp_path):
    """`python -m ptdraft render examples/….json -o letter.docx` succeeds from any folder and writes a DOCX."""
    result = _subprocess(tmp_path, "render", LETTER_JSON, "-o", "letter.docx")
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert zipfile.is_zipfile(tmp_path / "letter.docx")


def test_jinja_errors_name_the_line_of_the_template_file(tmp_path, capsys):
    """A Jinja syntax error in a template's body is reported with the line of the .toml file it is on."""
    from ptdraft import cli

    path = tmp_path / "thu.toml"
    path.write_text(
        'id = "thu"\ntitle = "Thử"\ndoc_type = "Công văn"\n\n[[fields]]\nid = "a"\nlabel = "A"\n\n'
        '[content]\nauthority = "SỞ"\nbody = """\nDòng một.\n\nDòng {{ a ba.\n"""\n',
        encoding="utf-8",
    )
    assert cli.main(["fields", str(path)]) == 2
    err = capsys.readouterr().err
    assert "content.body" in err and "(dòng 14 của tệp)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("args", "output", "names"), [
    # a draft command named as a letter: the file would be JSON under a .docx or .pdf name
    (["import", "letter.txt"], "letter.docx", ["letter.docx", ".json", "ptdraft render"]),
    (["import", "letter.txt"], "letter.pdf", ["letter.pdf", ".json", "ptdraft pdf"]),
    (["new", LETTER_TEMPLATE], "new.docx", ["new.docx", ".json", "ptdraft render"]),
    # a letter named as a draft or a PDF: render writes DOCX only
    (["render", LETTER_TEMPLATE], "letter.pdf", ["letter.pdf", ".docx", "ptdraft pdf"]),
    (["render", LETTER_TEMPLATE], "letter.json", ["letter.json", ".docx"]),
])
def test_an_output_named_as_another_kind_is_refused_before_any_work(capsys, work, args, output, names):
    (work / "letter.txt").write_text("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 07/KH-UBND\n\nKẾ HOẠCH\nPhòng chống hạn hán\n",
                                     encoding="utf-8")
    before = listing(work)
    code, out, err = run_cli(capsys, *args, "-o", work / output)
    assert_clean_failure(code, err, *names)
    assert listing(work) == before and not out  # nothing written, nothing read out
