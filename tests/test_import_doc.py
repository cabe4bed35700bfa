"""Importing a Word 97–2003 letter (.doc, issue 11 point 3): converted through LibreOffice when it is installed,
otherwise one clear message; a broken .doc is one message, exit 2, nothing written."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import docx
import pytest

from tests.support.import_scoring import score_file

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / "tests" / "data" / "samples" / "real"


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ptdraft", *args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def word97(soffice, tmp_path_factory) -> Path:
    """Sample 03 typed into Word one paragraph per printed line, saved as Word 97–2003 by LibreOffice."""
    folder = tmp_path_factory.mktemp("doc")
    document = docx.Document()
    for line in (REAL / "03.txt").read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(folder / "03.docx")
    profile = (Path("/tmp") / f"ptdraft-test-doc-{uuid.uuid4().hex}").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
                    "--outdir", str(folder), str(folder / "03.docx")], capture_output=True, timeout=180, check=True)
    return folder / "03.doc"


def test_a_word_97_letter_imports_as_its_text_does(word97, tmp_path):
    output = tmp_path / "03.json"
    result = _run("import", str(word97), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert "LibreOffice" in result.stdout + result.stderr
    assert output.exists()
    assert score_file(word97, REAL / "03.json") == score_file(REAL / "03.txt", REAL / "03.json")


def test_without_libreoffice_a_doc_is_one_message(word97, tmp_path):
    result = _run("import", str(word97), "-o", str(tmp_path / "out.json"),
                  env={"PTDRAFT_SOFFICE": str(tmp_path / "no-soffice")})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "LibreOffice" in result.stderr and ".doc" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out.json").exists()


def test_a_broken_word_97_file_is_one_message(tmp_path):
    broken = tmp_path / "broken.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    before = broken.read_bytes()
    result = _run("import", str(broken), "-o", str(tmp_path / "out.json"))
    assert result.returncode == 2, result.stdout
    assert result.stderr.count("\n") == 1 and ".doc" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists() and broken.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.doc"]


@pytest.mark.parametrize("content, message", [
    # A password-protected DOCX is an OLE compound file holding an "EncryptedPackage" stream (MS-OFFCRYPTO 2.3.4);
    # the directory entry's UTF-16 name is what is read.
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600,
     "mật khẩu"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024, "Word 97-2003 đổi đuôi"),
])
def test_an_encrypted_or_renamed_docx_is_one_message_naming_why(tmp_path, content, message):
    source = tmp_path / "cong-van.docx"
    source.write_bytes(content)
    result = _run("import", str(source), "-o", str(tmp_path / "out.json"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr and "cong-van.docx" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out.json").exists()
