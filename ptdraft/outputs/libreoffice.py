"""LibreOffice, headless, as the converter of DOCX files to PDF (and PDF/A-2b) when it is installed.

Every call converts a whole batch in one ``soffice`` process (a cold start costs 1–2 s), with a
profile folder of its own so that a LibreOffice the user has open is never disturbed, and a
time limit. ``PTDRAFT_SOFFICE`` names the program when it is not on PATH or in its usual place.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Sequence

from ptdraft.errors import InputError

# The PDF export filter with its PDF/A-2b option (LibreOffice 7.4 and later read options as JSON).
PDF = "pdf"
PDF_A2B = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
# Bookmarks of the DOCX exported as named destinations (page and position), which the signature fields are placed
# from (ptdraft/outputs/pdf_fields.py).
_PDF_A2B_OPTION = '"SelectPdfVersion":{"type":"long","value":"2"}'
_DESTINATIONS_OPTION = '"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}'
SECONDS_PER_FILE = 10
SECONDS_AT_LEAST = 120


def find() -> str | None:
    """The soffice program, or None when LibreOffice is not installed."""
    named = os.environ.get("PTDRAFT_SOFFICE")
    if named:
        return named if Path(named).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for base in (os.environ.get("ProgramFiles"), os.environ.get("ProgramFiles(x86)")):
            if base:
                candidate = Path(base) / "LibreOffice" / "program" / "soffice.exe"
                if candidate.is_file():
                    return str(candidate)
    return None


def export_filter(*, pdf_a: bool = False, destinations: bool = False) -> str:
    """The ``--convert-to`` argument: plain PDF, PDF/A-2b, and/or bookmarks written as named destinations."""
    options = [text for wanted, text in ((pdf_a, _PDF_A2B_OPTION), (destinations, _DESTINATIONS_OPTION)) if wanted]
    return f"pdf:writer_pdf_Export:{{{','.join(options)}}}" if options else PDF


def _convert(program: str, target: str, sources: Sequence[Path], folder: Path, where: str, infilter: str = ""):
    """One soffice call converting ``sources`` to ``target`` in ``folder``, with a profile of its own and a time
    limit; the finished process (its return code and output)."""
    with tempfile.TemporaryDirectory(prefix="ptdraft-lo-") as profile:
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless", "--norestore", "--nologo", "--nodefault",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to", target,
            "--outdir", str(folder),
            *map(str, sources),
        ]
        limit = max(SECONDS_AT_LEAST, SECONDS_PER_FILE * len(sources))
        try:
            return subprocess.run(command, capture_output=True, timeout=limit, cwd=folder, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise InputError(f"LibreOffice không chuyển xong sau {limit} giây", where) from None
        except OSError as exc:
            raise InputError(f"không chạy được LibreOffice: {exc}", program) from None


def doc_to_docx(source: Path, folder: Path) -> Path:
    """A Word 97–2003 file (.doc) converted to DOCX in ``folder`` (which must not hold another file of its name).

    Raises InputError naming the file when LibreOffice is missing or cannot read it (broken, encrypted, not Word).
    """
    source = Path(source).resolve()
    where = str(source)
    program = find()
    if program is None:
        raise InputError("tệp .doc (Word 97-2003) cần LibreOffice để chuyển sang .docx, nhưng máy này chưa cài "
                         "(hoặc đặt biến PTDRAFT_SOFFICE chỉ tới soffice); hoặc mở bằng Word và lưu thành .docx", where)
    folder = Path(folder).resolve()
    # The Word 97 import filter named, so that a file it cannot read fails instead of opening as plain text.
    result = _convert(program, "docx:MS Word 2007 XML", [source], folder, where, infilter="MS Word 97")
    out = folder / f"{source.stem}.docx"
    if result.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        raise InputError("LibreOffice không đọc được tệp .doc này (tệp hỏng, có mật khẩu hoặc không phải Word 97-2003)",
                         where)
    return out


def to_pdf(sources: Sequence[Path], folder: Path, *, pdf_a: bool = False, destinations: bool = False) -> dict[Path, Path]:
    """Convert DOCX files to PDF in ``folder`` (one soffice call); maps each source to its PDF.

    ``destinations`` writes the DOCX bookmarks as the PDF's named destinations.

    Raises InputError when LibreOffice is missing, fails, or leaves a PDF unwritten.
    """
    sources = [Path(s).resolve() for s in sources]
    folder = Path(folder).resolve()
    program = find()
    if program is None:
        raise InputError("cần LibreOffice để tạo PDF, nhưng máy này chưa cài (hoặc đặt biến PTDRAFT_SOFFICE "
                         "chỉ tới soffice)", "PDF")
    stems = [Path(s).stem for s in sources]
    if len(set(stems)) != len(stems):
        raise InputError("các tệp cần chuyển sang PDF phải có tên khác nhau", "PDF")
    folder.mkdir(parents=True, exist_ok=True)
    result = _convert(program, export_filter(pdf_a=pdf_a, destinations=destinations), sources, folder, "PDF")
    out = {source: folder / f"{stem}.pdf" for source, stem in zip(sources, stems)}
    missing = [str(pdf.name) for pdf in out.values() if not pdf.is_file() or pdf.stat().st_size == 0]
    if result.returncode != 0 or missing:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise InputError(f"LibreOffice không tạo được {', '.join(missing) or 'PDF'} {detail[0]}".strip(), "PDF")
    return out
