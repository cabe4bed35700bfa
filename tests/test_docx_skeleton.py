"""resources/docx/skeleton.json, the parts every DOCX starts from, is what python-docx gives (so a letter written
without importing python-docx is the letter python-docx's skeleton gave before), and no command that writes a
letter imports python-docx."""
from __future__ import annotations

import dataclasses
import importlib.util
import json
import docx
import pytest

from ptdraft import docx_writer, rules
from tests.support import RENDER_REAL_LETTER, REPO, modules_loaded_by

spec = importlib.util.spec_from_file_location("build_docx_skeleton", REPO / "scripts" / "build_docx_skeleton.py")
builder = importlib.util.module_from_spec(spec)
spec.loader.exec_module(builder)
STORED = json.loads((REPO / "resources" / "docx" / "skeleton.json").read_text(encoding="utf-8"))
SAME_PYTHON_DOCX = STORED["python_docx"] == docx.__version__


def test_stored_parts_have_python_docx_s_names_and_relations():
    """Whatever python-docx release is installed, its default document has the parts and relations stored."""
    parts, names = builder.python_docx_parts(builder.SENTINELS)
    assert [name for name, _ in parts] == [name for name, _ in STORED["parts"]]
    assert names == STORED["names"]
    stored = dict(STORED["parts"])
    built = {name: data.decode("utf-8") for name, data in parts}
    for name in ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"):
        assert stored[name] == built[name]


@pytest.mark.skipif(not SAME_PYTHON_DOCX, reason="the stored parts were taken from another python-docx release; "
                    "run scripts/build_docx_skeleton.py")
def test_stored_file_is_what_the_script_writes():
    assert builder.skeleton() == STORED


@pytest.mark.parametrize("page", [
    rules.PAGE,
    dataclasses.replace(rules.PAGE, left=1800, right=1134, top=1247, bottom=1304, header=567, footer=680),
])
def test_skeleton_equals_the_one_python_docx_makes(page):
    """For the decree's page and another setup: the same parts, byte for byte, as from python-docx itself."""
    values = docx_writer._page_values(page)
    parts, names = builder.python_docx_parts(values)
    style, font = rules.STYLES[rules.Element.PAGE_NUMBER], rules.FONT
    ours = docx_writer._skeleton(page, style, font)
    theirs = docx_writer.skeleton_parts(parts, names, style, font)
    if SAME_PYTHON_DOCX:
        assert ours == theirs
    else:
        assert [n for n, _ in ours] == [n for n, _ in theirs]
        assert dict(ours)["word/document.xml"] == dict(theirs)["word/document.xml"]


def test_writing_a_letter_imports_no_python_docx():
    assert "docx" not in modules_loaded_by(RENDER_REAL_LETTER)
