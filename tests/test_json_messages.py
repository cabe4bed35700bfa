"""A draft file that is no valid JSON: one Vietnamese message naming the file, the line and the column, and what is
wrong in Vietnamese words (not the JSON reader's English), exit code 2, nothing written."""
from __future__ import annotations

import re

import pytest

from ptdraft.errors import InputError
from ptdraft.files.disk import read_json
from tests.support.storage import run_cli

CASES = [
    ('{"a": 1,, }', 1, "tên mục"),
    ('{"a": 1 "b": 2}', 1, "dấu phẩy"),
    ('{"a": }', 1, "thiếu giá trị"),
    ('{\n  "a" 1\n}', 2, "hai chấm"),
    ('{"a": 1} x', 1, "chữ thừa"),
    ('{"a": "\\q"}', 1, "dãy thoát"),
]


@pytest.mark.parametrize("text, line, words", CASES)
def test_what_is_wrong_is_said_in_vietnamese(tmp_path, text, line, words):
    path = tmp_path / "ban-thao.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_json(path)
    message = caught.value.message
    assert f"dòng {line}," in message and words in message
    assert not re.search(r"\b(Expecting|Invalid|Extra|delimiter|property)\b", message)


def test_the_command_line_says_it_once_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "ban-thao.json"
    path.write_text('{"a": 1,, }', encoding="utf-8")
    out = tmp_path / "x.docx"
    code, _out, err = run_cli(capsys, "render", path, "-o", out)
    assert code == 2 and "Traceback" not in err and str(path) in err and "tên mục" in err
    assert not out.exists()


def test_an_empty_draft_or_template_file_is_called_empty(tmp_path, capsys):
    for name, words in (("ban-thao.json", "tệp rỗng"), ("mau.toml", "tệp mẫu rỗng")):
        path = tmp_path / name
        path.write_text("  \n", encoding="utf-8")
        code, _out, err = run_cli(capsys, "render", path, "-o", tmp_path / "x.docx")
        assert code == 2 and words in err and str(path) in err and "Traceback" not in err
    assert not (tmp_path / "x.docx").exists()
