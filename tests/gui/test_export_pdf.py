"""Export PDF (and printing, which paints the same pages) through Qt's printing of the preview's layout."""
from __future__ import annotations


import subprocess

from ptdraft import api
from tests.support.gui import LETTER_JSON, ScriptedPrompts


def _pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_export_pdf_prints_the_preview_pages(make_window, tmp_path):
    """File → Export PDF writes an A4 PDF with as many pages as the preview, the letter's text on them,
    page 1 without a number and "2" at the top of page 2; the old file at that path is replaced whole."""
    target = tmp_path / "cong-van.pdf"
    target.write_bytes(b"old")
    prompts = ScriptedPrompts(export_path=target)
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    assert window.export_pdf() == target
    assert _pdf_pages(target) == len(window.pages) == 2
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    text = _pdf_text(target)
    page1, page2 = text.split("\f")[:2]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page1 and "Độc lập - Tự do - Hạnh phúc" in page1
    assert "Kính gửi:" in page1
    assert page2.strip().splitlines()[0].strip() == "2"
    assert "Nguyễn Văn An" in page2
    assert prompts.calls["exported"] == [(target,)]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_pdf_to_a_missing_folder_offers_another_name(make_window, tmp_path):
    """A PDF target in a folder that does not exist gives the clerk the message and the choice of another name."""
    prompts = ScriptedPrompts(export_path=tmp_path / "khong-co" / "x.pdf", try_other_name=False)
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    assert window.export_pdf() is None
    assert "không tồn tại" in prompts.calls["try_other_name"][0][0]
