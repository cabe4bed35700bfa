"""Hostile and careless input through the command line (issue 15, first part): depth and size refused before
parsing, only regular files read, outputs that never replace an input, a read-only file or a file of another kind.
Every case: exit code 2, one Vietnamese line, no traceback, and the files there before unchanged."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ptdraft import cli
from tests.support import REPO

LETTER = REPO / "examples" / "cong-van-van-phong-ubnd-tinh.json"
TEXT = REPO / "examples" / "cong-van-chep-tu-pdf.txt"


def _one_message(code: int, err: str) -> str:
    assert code == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("ptdraft: lỗi: "), lines
    return lines[0]


def _run(capsys, *args) -> tuple[int, str]:
    try:
        code = cli.main([str(a) for a in args])
    except SystemExit as stop:  # argparse's own refusals
        code = stop.code
    return code, capsys.readouterr().err


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def _draft_with_body(body: str) -> dict:
    data = json.loads(LETTER.read_text(encoding="utf-8"))
    data["content"]["body"] = body
    return data


# -- depth ---------------------------------------------------------------------------------------------------------

DEEP_JSON = [
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 5_000 + "1" + "}" * 5_000,
    '{"format": 1, "content": {}, "values": {"x": ' + "[" * 70 + "]" * 70 + "}}",
    '{"format": 1, "content": {"body": "x"}, "title": ' + "[" * 2_000 + "]" * 2_000 + "}",
]


@pytest.mark.parametrize("text", DEEP_JSON, ids=["arrays-100k", "objects-5k", "values-70", "title-2k"])
@pytest.mark.parametrize("command", ["render", "check", "register-issue"])
def test_deep_json_is_refused_with_the_limit(text, command, tmp_path, capsys):
    path = tmp_path / "sau.json"
    path.write_text(text, encoding="utf-8")
    before = _hashes(tmp_path)
    args = {"render": ("render", path, "-o", tmp_path / "x.docx"), "check": ("check", path),
            "register-issue": ("register", "issue", path, "--db", tmp_path / "db.sqlite3")}[command]
    code, err = _run(capsys, *args)
    line = _one_message(code, err)
    assert "sau.json" in line
    assert _hashes(tmp_path) == before


def _nested(kind: str, depth: int) -> str:
    inner = {
        "parens": "(" * depth + "1" + ")" * depth,
        "lists": "[" * depth + "1" + "]" * depth,
        "dicts": "{'a': " * depth + "1" + "}" * depth,
        "plus": " + ".join(["1"] * depth),
        "tilde": " ~ ".join(["'a'"] * depth),
        "filters": "x" + " | upper" * depth,
        "not": "not " * depth + "x",
        "attrs": "x" + ".a" * depth,
    }[kind]
    return "{{ " + inner + " }}"


def _blocks(kind: str, depth: int) -> str:
    if kind == "if":
        return "{% if x %}" * depth + "a" + "{% endif %}" * depth
    return "{% for i in range(1) %}" * depth + "a" + "{% endfor %}" * depth


JINJA = [(_nested(kind, depth), f"{kind}-{depth}") for kind in ("parens", "lists", "dicts") for depth in (60, 300, 2_000)]
JINJA += [(_nested(kind, depth), f"{kind}-{depth}") for kind in ("plus", "tilde", "filters", "not", "attrs")
          for depth in (3_000, 20_000)]
JINJA += [(_blocks(kind, depth), f"{kind}-{depth}") for kind in ("if", "for") for depth in (150, 400)]


@pytest.mark.parametrize("body", [b for b, _ in JINJA], ids=[i for _, i in JINJA])
def test_jinja_nested_or_chained_beyond_reason_is_one_message(body, tmp_path, capsys):
    path = tmp_path / "mau-sau.json"
    path.write_text(json.dumps(_draft_with_body(body), ensure_ascii=False), encoding="utf-8")
    code, err = _run(capsys, "render", path, "-o", tmp_path / "x.docx")
    if code == 0:  # some chains are fine to fill (a long "~" join): then the letter is written
        assert (tmp_path / "x.docx").stat().st_size > 0
    else:
        assert "Jinja" in _one_message(code, err) or "quá" in err
        assert not (tmp_path / "x.docx").exists()
    code, err = _run(capsys, "check", path)
    assert code in (0, 1, 2) and "Traceback" not in err and "RecursionError" not in err


# -- only regular files ------------------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing; Windows has none to read")
@pytest.mark.parametrize("name, args", [
    ("ong.txt", ("import", "{path}", "-o", "{tmp}/x.json")),
    ("ong.docx", ("import", "{path}", "-o", "{tmp}/x.json")),
    ("ong.docx", ("check", "{path}")),
    ("ong.json", ("check", "{path}")),
    ("ong.json", ("render", "{path}", "-o", "{tmp}/x.docx")),
    ("ong.toml", ("template", "import", "{path}", "--db", "{tmp}/db.sqlite3")),
    ("ong.csv", ("merge", str(LETTER), "--rows", "{path}", "-o", "{tmp}/out")),
])
def test_a_pipe_is_refused_at_once(name, args, tmp_path):
    """A named pipe would make a read wait forever: every command that reads a file refuses it (in a child
    process with a time limit, so a regression fails instead of hanging the run)."""
    path = tmp_path / name
    os.mkfifo(path)
    argv = [a.format(path=path, tmp=tmp_path) for a in args]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "ptdraft", *argv], capture_output=True, text=True,
                            encoding="utf-8", timeout=20, env=env, cwd=tmp_path)
    line = _one_message(result.returncode, result.stderr)
    assert name in line


def test_a_folder_and_a_huge_file_are_refused(tmp_path, capsys):
    (tmp_path / "thu-muc.txt").mkdir()
    code, err = _run(capsys, "import", tmp_path / "thu-muc.txt", "-o", tmp_path / "x.json")
    assert "thư mục" in _one_message(code, err)
    huge = tmp_path / "lon.txt"
    huge.write_bytes(("Đoạn văn một dòng.\n" * 200_000).encode("utf-8"))  # 4 MB of one-line paragraphs
    code, err = _run(capsys, "import", huge, "-o", tmp_path / "x.json")
    assert "quá lớn" in _one_message(code, err) and "MB" in err
    assert not (tmp_path / "x.json").exists()


# -- outputs ---------------------------------------------------------------------------------------------------------


def test_an_output_never_replaces_the_input(tmp_path, capsys):
    letter = tmp_path / "cong-van.json"
    letter.write_bytes(LETTER.read_bytes())
    text = tmp_path / "chep.txt"
    text.write_bytes(TEXT.read_bytes())
    before = _hashes(tmp_path)
    for args in (("import", text, "-o", text), ("render", letter, "-o", letter),
                 ("render", letter, "--data", letter, "-o", letter), ("new", "giay-moi", "--data", letter, "-o", letter)):
        code, err = _run(capsys, *args)
        line = _one_message(code, err)
        assert "-o" in line
    assert _hashes(tmp_path) == before


def test_an_output_never_replaces_a_file_of_another_kind_or_a_read_only_one(tmp_path, capsys):
    letter = tmp_path / "cong-van.json"
    letter.write_bytes(LETTER.read_bytes())
    notes = tmp_path / "ghi-chu.docx"
    notes.write_text("không phải DOCX", encoding="utf-8")
    table = tmp_path / "bang.json"
    table.write_text("ma,ten\n1,a\n", encoding="utf-8")
    locked = tmp_path / "khoa.docx"
    code, err = _run(capsys, "render", letter, "-o", locked)
    assert code == 0, err
    locked.chmod(0o444)
    before = _hashes(tmp_path)
    for args, word in ((("render", letter, "-o", notes), "DOCX"), (("import", TEXT, "-o", table), "bản thảo"),
                       (("render", letter, "-o", locked), "chỉ cho đọc")):
        code, err = _run(capsys, *args)
        assert word in _one_message(code, err)
    assert _hashes(tmp_path) == before


def test_register_issue_leaves_a_read_only_draft_alone(tmp_path, capsys):
    draft = tmp_path / "cong-van.json"
    draft.write_bytes(LETTER.read_bytes())
    draft.chmod(0o444)
    code, err = _run(capsys, "register", "issue", draft, "--db", tmp_path / "db.sqlite3")
    assert "chỉ cho đọc" in _one_message(code, err)
    assert draft.read_bytes() == LETTER.read_bytes()
    code, err = _run(capsys, "register", "list", "--json", "--db", tmp_path / "db.sqlite3")
    assert code == 0 and capsys.readouterr().out == ""


# -- DOCX of absurd size, findings in proportion -------------------------------------------------------------------


def _stuffed_docx(path: Path, paragraph: str, copies: int) -> None:
    """The real letter's DOCX with ``copies`` more copies of one paragraph's XML at the start of its body."""
    import io
    import zipfile

    from ptdraft import api

    data = api.docx_bytes(api.load_draft(LETTER))
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = part.decode("utf-8")
                at = text.index("<w:body>") + len("<w:body>")
                part = (text[:at] + paragraph * copies + text[at:]).encode("utf-8")
            package.writestr(info, part)
    path.write_bytes(out.getvalue())


SECTION = ('<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="500" w:right="500" '
           'w:bottom="500" w:left="500" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:pPr></w:p>')
INDENTED = ('<w:p><w:pPr><w:ind w:firstLine="0"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" '
            'w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t>Một đoạn văn bản.</w:t></w:r></w:p>')


@pytest.mark.parametrize("paragraph, copies, word", [(SECTION, 2_000, "section"), (INDENTED, 40_000, "đoạn")])
def test_a_docx_past_reason_is_refused_with_the_limit(paragraph, copies, word, tmp_path, capsys):
    path = tmp_path / "lon.docx"
    _stuffed_docx(path, paragraph, copies)
    for args in (("check", path), ("check", "--fix", path, "-o", tmp_path / "sua.docx"), ("import", path, "-o",
                                                                                          tmp_path / "x.json")):
        code, err = _run(capsys, *args)
        line = _one_message(code, err)
        assert word in line and "tối đa" in line
    assert not (tmp_path / "sua.docx").exists() and not (tmp_path / "x.json").exists()


def test_findings_come_in_proportion(tmp_path, capsys):
    """Five thousand paragraphs breaking the same rules: a few lines per rule with the count of the rest, the total
    and --json's count; --fix still repairs every one, in time linear in the file."""
    path = tmp_path / "nhieu.docx"
    _stuffed_docx(path, INDENTED, 5_000)
    code = cli.main(["check", str(path)])
    out = capsys.readouterr().out
    assert code == 1
    lines = [line for line in out.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    assert 0 < len(lines) <= 40, len(lines)
    import re

    others = re.findall(r"\(và ([\d.]+) chỗ khác như vậy\)", out)
    assert others and int(others[0].replace(".", "")) >= 4_990  # the sixth stands for itself and all after it
    assert "1–1,27 cm" in out  # the count's dots leave the message's own numbers alone
    total = int(out.split(": ", 1)[1].split()[0])
    assert total >= 5_000
    code = cli.main(["check", "--json", str(path)])
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == total == sum(f["count"] for f in data["findings"])
    code = cli.main(["check", "--fix", str(path), "-o", str(tmp_path / "sua.docx")])
    out = capsys.readouterr().out
    assert (tmp_path / "sua.docx").is_file() and "Đã sửa" in out


@pytest.mark.parametrize("reference", ["/" + "etc/passwd", "/".join([".."] * 3 + ["mau.toml"]), "C:\\mau.toml",
                                       "Cong Van", "a" * 101])
def test_a_drafts_template_reference_is_an_id_never_a_path(reference, tmp_path, capsys):
    """A draft names its template by id; a path there is refused before anything reads it or the register records it."""
    data = json.loads(LETTER.read_text(encoding="utf-8"))
    data["template"]["id"] = reference
    path = tmp_path / "ban-thao.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, err = _run(capsys, "register", "issue", path, "--db", tmp_path / "db.sqlite3")
    assert "template" in _one_message(code, err)
    code, err = _run(capsys, "render", path, "-o", tmp_path / "x.docx")
    assert "template" in _one_message(code, err)
    assert not (tmp_path / "x.docx").exists()
