"""Print the importer's structural score per part (issue 11): ``python3 benchmarks/score_import.py [--cases] [--word] [--pdf] [--one-line] [--narrow] [--sites] [FOLDER ...]``.

Each folder holds NAME.txt/.docx with NAME.json annotations (the form of tests/data/samples/real); without
arguments the tuned samples, the tuned corpus and the held-out corpus (tests/data/corpus/{tuned,heldout}) are
scored, then the header excerpts of long letters (tests/data/corpus/excerpts/{tuned,heldout}, scored on their header
parts only), each on its own with every part on a line. The parts each letter of a tuned folder loses are listed under
its table; for a held-out folder only the totals are printed (the held-out letters are not looked at one by one
while the importer is changed) unless ``--cases`` is given. ``--word`` also scores the corpus letters typed in Word
(tests/import_scoring.word_docx: a DOCX built from each annotation, the header and the signature row in tables, and
without tables, columns apart by tabs) and imported from the DOCX; ``--pdf`` prints the Word letters (header in a
table) to PDF with LibreOffice and imports the text ``pdftotext`` reads out of them (plain and ``-layout``);
``--one-line`` imports every text letter and excerpt with its lines run together on one line, ``--narrow`` with every
line wrapped at 24 characters; ``--sites`` builds each annotated letter and excerpt as other sites print it
(tests/support/import_scoring.site_text: merged cells with " | ", columns apart by spaces, cells flattened, one
column after the other in either order, rows interleaved) and imports that text. See
tests/support/import_scoring.py for what each part measures.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.import_scoring import (  # noqa: E402
    PARTS, SITE_STYLES, narrow_cells, run_together, score_folder, score_pdf_folder, score_site_folder, score_variant_folder, score_word_folder, table,
)

DEFAULT = ("tests/data/samples/real", "tests/data/corpus/tuned", "tests/data/corpus/heldout",
           "tests/data/corpus/excerpts/tuned", "tests/data/corpus/excerpts/heldout")
WORD = ("tests/data/corpus/tuned", "tests/data/corpus/heldout")  # also scored as typed in Word (--word)


def _print(title: str, folder: Path, means: dict, per_case: dict, cases: bool) -> None:
    print(table(title, means, len(per_case)))
    if folder.name == "heldout" and not cases:
        return
    for name, scores in per_case.items():
        low = [f"{part} {scores[part]:.2f}" for part in PARTS if part in scores and scores[part] < 1.0]
        if low:
            print(f"  {name}: " + ", ".join(low))


def main(argv: list[str]) -> int:
    cases = "--cases" in argv
    word = "--word" in argv
    pdf = "--pdf" in argv
    folders = [Path(a) for a in argv if not a.startswith("--")] or [ROOT / name for name in DEFAULT]
    for folder in folders:
        means, per_case = score_folder(folder)
        _print(str(folder), folder, means, per_case, cases)
    if word:
        for folder in [ROOT / name for name in WORD]:
            for header_table, lists, how in ((True, False, "header in a table"),
                                             (False, False, "no table, columns apart by tabs"),
                                             (True, True, "header in a table, automatic bullets and numbering")):
                means, per_case = score_word_folder(folder, header_table, lists)
                _print(f"{folder} typed in Word ({how})", folder, means, per_case, cases)
    for flag, variant, how in (("--one-line", run_together, "run together on one line"),
                               ("--narrow", narrow_cells, "wrapped at 24 characters")):
        if flag in argv:
            for folder in [ROOT / name for name in DEFAULT[1:]]:
                means, per_case = score_variant_folder(folder, variant)
                _print(f"{folder} {how}", folder, means, per_case, cases)
    if "--sites" in argv:
        for style in SITE_STYLES:
            for folder in [ROOT / name for name in DEFAULT[1:]]:
                means, per_case = score_site_folder(folder, style)
                _print(f"{folder} printed by a site ({style})", folder, means, per_case, cases)
    if pdf:
        for folder in [ROOT / name for name in WORD]:
            for reading, (means, per_case) in score_pdf_folder(folder).items():
                _print(f"{folder} typed in Word, printed to PDF, read by {reading}", folder, means, per_case, cases)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
