"""Write resources/docx/skeleton.json: the DOCX package parts ptdraft's writer starts every letter from.

The parts are those python-docx's default document has (content types, relations, settings, web settings, font
table, theme, numbering, the body's shell with its section properties), taken once from python-docx with its
"different first page" header and footer parts and without the parts a letter does not need (stylesWithEffects,
custom XML, the thumbnail). The page's sizes and margins in the section properties are written as placeholders
(``@@PAGE_WIDTH@@`` …) that ptdraft/docx_writer.py fills; the styles, the headers and the footers are ptdraft's own
and are written there too. Keeping the parts as data means no command imports python-docx to write a letter.

    python3 scripts/build_docx_skeleton.py          # rewrite the file
    python3 scripts/build_docx_skeleton.py --check  # exit 1 when the file differs from what python-docx gives

The parts come from python-docx (MIT licence, see resources/docx/NOTICE.md).
"""
from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "docx" / "skeleton.json"

# Distinct numbers python-docx writes where the page's values go, then turned into placeholders.
SENTINELS = {
    "PAGE_WIDTH": 90001, "PAGE_HEIGHT": 90002, "MARGIN_TOP": 90003, "MARGIN_BOTTOM": 90004,
    "MARGIN_LEFT": 90005, "MARGIN_RIGHT": 90006, "HEADER": 90007, "FOOTER": 90008,
}


def python_docx_parts(values: dict[str, int]) -> tuple[list[tuple[str, bytes]], dict[str, str]]:
    """The parts of python-docx's default document set up with ``values`` (twips), in zip order, and the part
    names of the four header and footer parts."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = docx.Document()
    section = document.sections[0]
    section.page_width = docx.shared.Twips(values["PAGE_WIDTH"])
    section.page_height = docx.shared.Twips(values["PAGE_HEIGHT"])
    section.top_margin = docx.shared.Twips(values["MARGIN_TOP"])
    section.bottom_margin = docx.shared.Twips(values["MARGIN_BOTTOM"])
    section.left_margin = docx.shared.Twips(values["MARGIN_LEFT"])
    section.right_margin = docx.shared.Twips(values["MARGIN_RIGHT"])
    section.header_distance = docx.shared.Twips(values["HEADER"])
    section.footer_distance = docx.shared.Twips(values["FOOTER"])
    section.gutter = 0
    section.different_first_page_header_footer = True
    names = {
        "header": section.header.part.partname.lstrip("/"),
        "first_header": section.first_page_header.part.partname.lstrip("/"),
        "first_footer": section.first_page_footer.part.partname.lstrip("/"),
        "footer": section.footer.part.partname.lstrip("/"),
    }
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects") or rel.reltype == RT.CUSTOM_XML:
            del document.part.rels[rel_id]
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rel_id]
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return [(info.filename, package.read(info.filename)) for info in package.infolist()], names


def skeleton() -> dict:
    """What skeleton.json holds: the parts as text, the page values as placeholders, the header and footer names."""
    import docx

    parts, names = python_docx_parts(SENTINELS)
    own = {"word/styles.xml", "docProps/core.xml", "docProps/app.xml", *names.values()}
    out = []
    for name, data in parts:
        if name in own:  # written by ptdraft/docx_writer.py: only the name and its place in the zip are kept
            out.append([name, None])
            continue
        text = data.decode("utf-8")
        if name == "word/document.xml":
            for key, number in SENTINELS.items():
                quoted = f'"{number}"'
                if text.count(quoted) != 1:
                    raise SystemExit(f"python-docx wrote {quoted} {text.count(quoted)} times in document.xml")
                text = text.replace(quoted, f'"@@{key}@@"')
        out.append([name, text])
    return {"python_docx": docx.__version__, "parts": out, "names": names}


def main(argv: list[str]) -> int:
    text = json.dumps(skeleton(), ensure_ascii=False, indent=1) + "\n"
    if "--check" in argv:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("resources/docx/skeleton.json is up to date" if same else "resources/docx/skeleton.json differs")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
