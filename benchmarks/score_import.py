"""Print the importer's structural score per part (issue 11): ``python3 benchmarks/score_import.py [--cases] [FOLDER ...]``.

Each folder holds NAME.txt/.docx with NAME.json annotations (the form of tests/data/samples/real); without
arguments the tuned samples, the tuned corpus and the held-out corpus (tests/data/corpus/{tuned,heldout}) are
scored, each on its own with every part on a line. The parts each letter of a tuned folder loses are listed under
its table; for a held-out folder only the totals are printed (the held-out letters are not looked at one by one
while the importer is changed) unless ``--cases`` is given. See tests/support/import_scoring.py for what each part measures.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.import_scoring import PARTS, score_folder, table  # noqa: E402

DEFAULT = ("tests/data/samples/real", "tests/data/corpus/tuned", "tests/data/corpus/heldout")


def main(argv: list[str]) -> int:
    cases = "--cases" in argv
    folders = [Path(a) for a in argv if a != "--cases"] or [ROOT / name for name in DEFAULT]
    for folder in folders:
        means, per_case = score_folder(folder)
        print(table(str(folder), means, len(per_case)))
        if folder.name == "heldout" and not cases:
            continue
        for name, scores in per_case.items():
            low = [f"{part} {scores[part]:.2f}" for part in PARTS if scores[part] < 1.0]
            if low:
                print(f"  {name}: " + ", ".join(low))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
