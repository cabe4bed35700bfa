"""``ptdraft check`` on the command line: text and JSON output, exit codes 0/1/2, bad input named in one message."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
import zipfile

import pytest
from docx.shared import Mm

from ptdraft import api, cli
from tests.support.checker import broken, set_text, valid_docx
from tests.support import REPO, template_example

FINDING_KEYS = {"rule", "box", "section", "paragraph", "excerpt", "message", "fix", "fixable", "ref", "count"}


def _narrow_margin(d):
    d.sections[0].left_margin = Mm(20)


@pytest.fixture
def clean(tmp_path):
    path = tmp_path / "sach.docx"
    path.write_bytes(valid_docx("cong-van-chung"))
    return path


@pytest.fixture
def faulty(tmp_path):
    path = tmp_path / "loi.docx"
    path.write_bytes(broken("cong-van-chung", lambda d: (
        _narrow_margin(d), set_text(d, "Quảng Trị, ngày", "Quảng Trị, ngày 5 tháng 3 năm 2026"))))
    return path


def test_clean_docx_exits_0_and_says_so(clean, capsys):
    """A clean DOCX: exit code 0 and one line saying there is no format error."""
    assert cli.main(["check", str(clean)]) == 0
    out = capsys.readouterr().out
    assert "không có lỗi thể thức" in out and str(clean) in out


def test_findings_exit_1_and_are_listed_with_rule_box_paragraph_and_fix(faulty, capsys):
    """A DOCX with findings: exit code 1; each finding shows its rule id, box, paragraph, message and fix."""
    assert cli.main(["check", str(faulty)]) == 1
    out = capsys.readouterr().out
    assert "2 lỗi thể thức" in out
    assert "[page.margin.left]" in out and "[date.leading-zero] ô 4, đoạn 9" in out
    assert "Cách sửa:" in out and "(--fix sửa được)" in out


def test_json_output_is_a_list_of_findings_with_a_fixed_schema(faulty, capsys):
    """--json prints {"file", "findings": [...]}, each finding with the same keys and JSON types."""
    assert cli.main(["check", "--json", str(faulty)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == str(faulty) and data["total"] == 2
    assert [f["rule"] for f in data["findings"]] == ["page.margin.left", "date.leading-zero"]
    for finding in data["findings"]:
        assert set(finding) == FINDING_KEYS
        assert isinstance(finding["paragraph"], (int, type(None))) and isinstance(finding["fixable"], bool)
        assert all(isinstance(finding[k], str) for k in FINDING_KEYS - {"paragraph", "fixable", "count"})
        assert finding["count"] == 1
    assert data["findings"][1]["paragraph"] == 8 and data["findings"][1]["box"] == "4"


def test_json_output_of_a_clean_file_has_no_findings(clean, capsys):
    """--json on a clean file: an empty findings list and exit code 0."""
    assert cli.main(["check", "--json", str(clean)]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_fix_json_reports_fixed_and_remaining(faulty, tmp_path, capsys):
    """--fix --json prints the fixed findings and the remaining ones (none here), and exits 0."""
    output = tmp_path / "da-sua.docx"
    assert cli.main(["check", "--fix", "--json", str(faulty), "-o", str(output)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"file", "output", "fixed", "remaining"}
    assert [f["rule"] for f in data["fixed"]] == ["page.margin.left", "date.leading-zero"]
    assert data["remaining"] == []
    assert cli.main(["check", str(output)]) == 0


def test_fix_text_output_says_what_was_fixed(faulty, tmp_path, capsys):
    """--fix prints the file written, the fixes made and what remains."""
    output = tmp_path / "da-sua.docx"
    assert cli.main(["check", "--fix", str(faulty), "-o", str(output)]) == 0
    out = capsys.readouterr().out
    assert f"Đã ghi bản đã sửa: {output}" in out and "Đã sửa 2 lỗi" in out and "không có lỗi thể thức" in out


def test_draft_json_is_checked(tmp_path, capsys):
    """``ptdraft check DRAFT.json`` checks the draft's DOCX: clean exits 0, a signer in capitals exits 1."""
    draft = template_example(api.get_template("thong-bao"))
    path = tmp_path / "thong-bao.json"
    api.save_draft(draft, path)
    assert cli.main(["check", str(path)]) == 0
    capsys.readouterr()
    api.save_draft(api.with_values(draft, {**draft.values, "nguoi_ky": "LÊ VĂN HÙNG"}), path)
    assert cli.main(["check", "--json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["ref"]) for f in findings] == [("text.case", "signature")]


def _zip(path, files: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as package:
        for name, data in files.items():
            package.writestr(name, data)
    return path


def _corrupt_xml(path):
    with zipfile.ZipFile(__import__("io").BytesIO(valid_docx("cong-van-chung"))) as source:
        files = {name: source.read(name) for name in source.namelist()}
    files["word/document.xml"] = files["word/document.xml"][:500]
    return _zip(path, files)


BAD_INPUTS = {
    "not-a-zip": (lambda p: p.write_bytes(b"Hello, this is not a DOCX"), "không phải DOCX"),
    "empty": (lambda p: p.write_bytes(b""), "rỗng"),
    "zip-without-document": (lambda p: _zip(p, {"hello.txt": b"hi"}), "word/document.xml"),
    "corrupt-xml": (_corrupt_xml, "XML không hợp lệ"),
    "word-97": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512), ".doc"),
    "cut-short": (lambda p: p.write_bytes(valid_docx("cong-van-chung")[:3000]), "chưa tải, chép hết"),
    "missing": (lambda p: None, "không tìm thấy"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_docx_exits_2_with_one_message_naming_the_file(case, tmp_path, capsys):
    """A missing, empty, non-zip, zip-without-document, corrupt-XML or Word 97 file: exit 2, one message naming it."""
    make, words = BAD_INPUTS[case]
    path = tmp_path / "van-ban.docx"
    make(path)
    assert cli.main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and words in lines[0]


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_docx_under_json_prints_the_error_as_json(case, tmp_path, capsys):
    """``check --json`` on bad input: stdout is one JSON object naming the file and the error (a program reading
    the JSON learns what went wrong), the same message on stderr, exit 2."""
    make, words = BAD_INPUTS[case]
    path = tmp_path / "van-ban.docx"
    make(path)
    assert cli.main(["check", "--json", str(path)]) == 2
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["file"] == str(path) and words in data["error"]["message"] and data["error"]["where"] == str(path)
    assert "findings" not in data
    assert captured.err.strip() == f"ptdraft: lỗi: {path}: {data['error']['message']}"


@pytest.mark.parametrize("case", ["not-a-zip", "word-97", "cut-short"])
def test_check_and_import_name_a_bad_docx_alike(case, tmp_path, capsys):
    """A file named .docx that is no zip: check and import say the same thing, and import writes nothing."""
    make, _words = BAD_INPUTS[case]
    path = tmp_path / "van-ban.docx"
    make(path)
    assert cli.main(["check", str(path)]) == 2
    checked = capsys.readouterr().err.strip()
    out = tmp_path / "ban-thao.json"
    assert cli.main(["import", str(path), "-o", str(out)]) == 2
    imported = capsys.readouterr().err.strip()
    assert not out.exists()
    if case != "word-97":
        assert checked == imported
    else:  # a Word 97 file: each names it and says what to do for its own command
        assert ".doc" in checked and ".doc" in imported


def test_unreadable_draft_json_exits_2(tmp_path, capsys):
    """A draft file that is not valid JSON: exit 2 with a message naming the file and the line."""
    path = tmp_path / "ban-thao.json"
    path.write_text("{ not json", encoding="utf-8")
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "JSON" in err


@pytest.mark.parametrize("args", [["--fix"], ["-o", "x.docx"], ["--fix", "-o", "x.docx", "--json"]],
                         ids=["fix-without-output", "output-without-fix", "fix-a-draft"])
def test_wrong_option_combinations_exit_2(args, tmp_path, capsys):
    """--fix without -o, -o without --fix and --fix on a draft JSON are refused with exit code 2."""
    source = tmp_path / ("ban-thao.json" if "--json" in args else "in.docx")
    if source.suffix == ".json":
        api.save_draft(template_example(api.get_template("thong-bao")), source)
        args = [a for a in args if a != "--json"]
    else:
        source.write_bytes(valid_docx("cong-van-chung"))
    args = [a if a != "x.docx" else str(tmp_path / "x.docx") for a in args]
    assert cli.main(["check", str(source), *args]) == 2
    assert "ptdraft: lỗi:" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_corrupt_file_shows_no_traceback_in_a_real_process(tmp_path):
    """``python -m ptdraft check`` on a corrupt file: exit 2 and no Python traceback on the terminal."""
    path = _corrupt_xml(tmp_path / "hong.docx")
    result = subprocess.run([sys.executable, "-m", "ptdraft", "check", str(path)], capture_output=True, text=True,
                            cwd=REPO, timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and str(path) in result.stderr


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_docx_reader_imports_lxml():
    """lxml is imported by ptdraft/ooxml/docx_reader.py and by no other module of the package."""
    importers = {p.relative_to(REPO).as_posix() for p in (REPO / "ptdraft").rglob("*.py")
                 if "__pycache__" not in p.parts and "lxml" in _imports(p)}
    assert importers == {"ptdraft/ooxml/docx_reader.py"}


def test_checker_imports_neither_qt_nor_python_docx():
    """No checker module imports PySide6 or python-docx."""
    for path in (REPO / "ptdraft" / "checker").glob("*.py"):
        assert not _imports(path) & {"PySide6", "docx"}, path


def test_draft_with_missing_required_values_has_findings(tmp_path, capsys):
    """A draft still missing required values (a fresh Giấy mời) is not "clean": each missing value is a
    finding on the box that prints it, and the command exits 1."""
    draft_path = tmp_path / "gm.json"
    assert cli.main(["new", "giay-moi", "-o", str(draft_path)]) == 0
    capsys.readouterr()
    assert cli.main(["check", str(draft_path), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    missing = [f for f in findings if f["rule"] == "draft.missing"]
    required = [f.label for f in api.get_template("giay-moi").fields if f.required and f.default is None]
    assert sorted(f["message"].removeprefix("Chưa điền: ") for f in missing) == sorted(required)
    boxes = {f["message"].removeprefix("Chưa điền: "): f["box"] for f in missing}
    assert boxes["Họ và tên người ký"] == "7a" and boxes["Địa danh"] == "4"
