"""One line of text holds at most ``render_limits.MAX_VALUE`` characters, the same limit wherever text comes in: a
letter to import (.txt line, .docx paragraph, pasted text), a draft loaded, a draft saved. Over it: one Vietnamese
message naming the file and the line, exit 2, nothing written."""
from __future__ import annotations

import dataclasses
import json

import docx
import pytest

from ptdraft import cli, importer
from ptdraft.errors import InputError
from ptdraft.files import drafts
from ptdraft.text import MAX_VALUE, overlong_line
from tests.support import REPO

LETTER = REPO / "examples" / "cong-van-van-phong-ubnd-tinh.json"
TEXT = (REPO / "examples" / "cong-van-chep-tu-pdf.txt").read_text(encoding="utf-8")


def _run(capsys, *args) -> tuple[int, str]:
    code = cli.main([str(a) for a in args])
    return code, capsys.readouterr().err


def _one_line(code: int, err: str) -> str:
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("ptdraft: lỗi: ") and "Traceback" not in err, lines
    return lines[0]


def test_overlong_line_finds_the_first_line_over_the_limit():
    assert overlong_line("a" * MAX_VALUE) is None
    assert overlong_line(("a" * 1000 + "\n") * 400) is None  # long text of short lines is fine
    assert overlong_line("một\nhai\n" + "b" * (MAX_VALUE + 1) + "\n" + "c" * (MAX_VALUE + 5)) == (3, MAX_VALUE + 1)


@pytest.mark.parametrize("line", [
    "Căn cứ Luật Tổ chức chính quyền địa phương; " * 5_000,  # words, no line end: 220,000 characters
    "A" * (MAX_VALUE + 1),  # one word
], ids=["words", "one-word"])
def test_a_text_file_with_an_overlong_line_is_refused_naming_the_line(line, tmp_path, capsys):
    source = tmp_path / "dong-dai.txt"
    lines = TEXT.splitlines()
    source.write_text("\n".join(lines[:4] + [line] + lines[4:]), encoding="utf-8")
    out = tmp_path / "x.json"
    message = _one_line(*_run(capsys, "import", source, "-o", out))
    assert "dong-dai.txt" in message and "dòng 5 " in message and "200.000" in message
    assert not out.exists()


def test_the_limit_is_on_characters_not_bytes(tmp_path, capsys):
    """A line of MAX_VALUE Vietnamese letters (two bytes each in UTF-8) is still accepted, in the middle of the letter
    and at its end (where the signature is looked for): the import reads it in one pass, no pattern backtracking
    over it (which took hours before)."""
    source = tmp_path / "dung-gioi-han.txt"
    lines = TEXT.splitlines()
    at = [i for i, line in enumerate(lines) if line.startswith(("2. ", "4. "))]  # after a sentence's end
    long = "Đ" * (MAX_VALUE - 1) + "."
    lines = lines[:at[0]] + [long, ""] + lines[at[0]:at[1]] + [long, ""] + lines[at[1]:]
    source.write_text("\n".join(lines), encoding="utf-8")
    code, err = _run(capsys, "import", source, "-o", tmp_path / "x.json")
    assert code == 0, err
    assert (tmp_path / "x.json").read_text(encoding="utf-8").count(long) == 2


def test_lines_that_join_into_a_paragraph_over_the_limit_are_refused_naming_them(tmp_path, capsys):
    """Each line under the limit, but no blank line or sentence end between them: the paragraph they make is over it."""
    source = tmp_path / "doan-dai.txt"
    lines = TEXT.splitlines()
    middle = len(lines) // 2
    filler = ["x" * 60_000] * 4
    source.write_text("\n".join(lines[:middle] + ["", *filler, ""] + lines[middle:]), encoding="utf-8")
    out = tmp_path / "x.json"
    message = _one_line(*_run(capsys, "import", source, "-o", out))
    assert "doan-dai.txt" in message and f"dòng {middle + 2}–" in message and "một đoạn" in message
    assert not out.exists()


def test_a_docx_paragraph_over_the_limit_is_refused_naming_the_paragraph(tmp_path, capsys):
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG")
    document.add_paragraph("Căn cứ " * 40_000)
    path = tmp_path / "doan-dai.docx"
    document.save(path)
    message = _one_line(*_run(capsys, "import", path, "-o", tmp_path / "x.json"))
    assert "doan-dai.docx" in message and "đoạn 2 " in message
    assert not (tmp_path / "x.json").exists()


def test_pasted_text_with_an_overlong_line_is_refused():
    with pytest.raises(InputError) as caught:
        importer.import_text(TEXT + "\n" + "x" * (MAX_VALUE + 1))
    assert "dòng" in str(caught.value) and "200.000" in str(caught.value)


def test_a_draft_with_an_overlong_line_is_refused_on_loading_naming_the_field(tmp_path, capsys):
    data = json.loads(LETTER.read_text(encoding="utf-8"))
    data["content"]["body"] = "Đoạn một.\n" + "x" * (MAX_VALUE + 1)
    path = tmp_path / "ban-thao.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    message = _one_line(*_run(capsys, "render", path, "-o", tmp_path / "x.docx"))
    assert "ban-thao.json" in message and "content.body" in message and "dòng 2 " in message
    assert not (tmp_path / "x.docx").exists()


def test_a_draft_that_would_not_load_again_is_not_saved(tmp_path):
    draft = drafts.load_draft(LETTER)
    long = dataclasses.replace(draft, values={**draft.values, "ghi_chu": "y" * (MAX_VALUE + 1)})
    path = tmp_path / "ban-thao.json"
    with pytest.raises(InputError) as caught:
        drafts.save_draft(long, path)
    assert "values.ghi_chu" in str(caught.value)
    assert not path.exists()
    drafts.save_draft(draft, path)  # and the draft as it was saves and loads
    assert drafts.load_draft(path) == draft
