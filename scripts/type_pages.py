"""Page images of every shipped template's example, as LibreOffice prints them, to look at by eye.

    python3 scripts/type_pages.py OUT_DIR [TEMPLATE_ID ...]

Renders each template's example to DOCX, converts them all in one soffice call, and writes
OUT_DIR/<id>-<page>.png (pdftoppm, 60 dpi). The images are for reviewing, never committed.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ptdraft import api  # noqa: E402


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(argv[1:])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        print("cần LibreOffice (soffice) và poppler (pdftoppm)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="ptdraft-type-pages-") as work:
        work_dir = Path(work)
        docs = []
        for template in api.list_templates():
            if wanted and template.id not in wanted:
                continue
            path = work_dir / f"{template.id}.docx"
            api.export_docx(api.example_draft(template), path)
            docs.append(path)
        profile = (work_dir / "profile").as_uri()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to",
                        "pdf", "--outdir", str(work_dir), *map(str, docs)], check=True, capture_output=True,
                       timeout=900)
        for doc in docs:
            pdf = doc.with_suffix(".pdf")
            if not pdf.is_file():
                print(f"{doc.name}: LibreOffice không chuyển được", file=sys.stderr)
                continue
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out / doc.stem)], check=True)
            pages = sorted(out.glob(f"{doc.stem}-*.png"))
            print(f"{doc.stem}: {len(pages)} trang")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
