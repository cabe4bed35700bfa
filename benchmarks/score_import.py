"""Print the importer's structural score per part (issue 11): ``python3 benchmarks/score_import.py [FOLDER ...]``.

Each folder holds NAME.txt/.docx with NAME.json annotations (the form of tests/data/samples/real); without
arguments the tuned samples and the held-out corpus (tests/data/corpus/heldout) are scored. See
tests/import_scoring.py for what each part measures.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.import_scoring import PARTS, score_folder, table  # noqa: E402


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [ROOT / "tests/data/samples/real", ROOT / "tests/data/corpus/heldout"]
    for folder in folders:
        means, per_case = score_folder(folder)
        print(table(str(folder), means, len(per_case)))
        for name, scores in per_case.items():
            low = [f"{part} {scores[part]:.2f}" for part in PARTS if scores[part] < 1.0]
            if low:
                print(f"  {name}: " + ", ".join(low))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
