"""How long the Vietnamese spelling check of a three-page draft takes, in-process.

The draft is the real letter (examples/cong-van-van-phong-ubnd-tinh.json) grown to three
A4 pages: its four requirements written out three times (twelve items) and its opening
paragraphs twice, with the letter's own misspelling ("trâch") and a doubled word put back
in. ``api.check_spelling`` (fill the draft, then check every text part) runs ``RUNS``
times after a warm-up, as the window would after each keystroke (the word cache warm),
and ``COLD_RUNS`` times with every cache emptied first (the first check after start).

    python benchmarks/bench_spelling.py [--runs 50] [--cold-runs 10] [--pages]

``--pages`` also prints the draft's page count, converting its DOCX with LibreOffice.
Target (issue 5): under 20 ms for a three-page draft. Nothing is asserted; the figures
go into README.md.
"""
from __future__ import annotations

import argparse
import dataclasses
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_p95_ms  # noqa: E402
from ptdraft import api  # noqa: E402
from ptdraft.templating import render  # noqa: E402
from ptdraft.model import Item  # noqa: E402
from ptdraft.vietnamese import default_lexicon, lexicon, spelling, syllable  # noqa: E402

LETTER = ROOT / "examples" / "cong-van-van-phong-ubnd-tinh.json"
WARMUP = 5


def three_page_draft():
    draft = api.load_draft(LETTER)
    content = draft.content
    items = list(content.requirements) * 3
    items[3] = Item(items[3].text.replace("trách nhiệm người đứng đầu", "trâch nhiệm người đứng đầu"))
    items[5] = Item(items[5].text.replace("của đơn vị", "của của đơn vị"))
    body = content.body.strip() + "\n\n" + content.body.strip()
    return dataclasses.replace(draft, content=dataclasses.replace(content, requirements=tuple(items), body=body))


def _clear_caches() -> None:
    for function in (syllable.analyse, syllable.problem_of, spelling._check_word, lexicon._suggest_keys, lexicon._marked_keys):
        function.cache_clear()


def pages(draft) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.docx"
        api.export_docx(draft, path)
        try:
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(path)],
                           check=True, capture_output=True, timeout=180)
            info = subprocess.run(["pdfinfo", str(path.with_suffix(".pdf"))], check=True, capture_output=True, text=True)
        except (OSError, subprocess.SubprocessError) as exc:
            return f"unknown ({exc})"
        return next((line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")), "unknown")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--cold-runs", type=int, default=10)
    parser.add_argument("--pages", action="store_true", help="count the draft's pages with LibreOffice")
    args = parser.parse_args()

    draft = three_page_draft()
    content = api.fill(draft)
    words = sum(len(text.split()) for _ref, text in render.content_sources(content))
    found = api.check_spelling(draft)
    clock = time.perf_counter_ns
    cold: list[int] = []
    for _ in range(args.cold_runs):
        _clear_caches()
        t0 = clock()
        api.check_spelling(draft)
        cold.append(clock() - t0)
    for _ in range(WARMUP):
        api.check_spelling(draft)
    warm: list[int] = []
    for _ in range(args.runs):
        t0 = clock()
        api.check_spelling(draft)
        warm.append(clock() - t0)
    source = default_lexicon()
    print(f"python {platform.python_version()} on {platform.machine()}, word list: {source.source if source else 'none'}")
    print(f"draft: {words} words in {len(content.requirements)} requirements and the body; findings: "
          + ", ".join(f"{f.ref} {f.kind.value} “{f.excerpt}”" for f in found))
    if args.pages:
        print(f"pages (LibreOffice): {pages(draft)}")
    median, p95 = median_p95_ms(warm)
    print(f"check_spelling, warm: median {median:.2f} ms, p95 {p95:.2f} ms over {args.runs} runs (target < 20 ms)")
    median, p95 = median_p95_ms(cold)
    print(f"check_spelling, cold caches: median {median:.2f} ms, p95 {p95:.2f} ms over {args.cold_runs} runs")


if __name__ == "__main__":
    main()
