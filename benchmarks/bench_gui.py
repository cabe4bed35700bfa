"""How quick and how light the drafting window is (issue 3's targets).

    python benchmarks/bench_gui.py [--starts 5] [--keys 200] [--copies 3] [--json]
    python benchmarks/bench_gui.py --keys-only --copies 75 [--free-text | --from-fields] [--profile FILE]
    xvfb-run -a -s "-screen 0 1366x768x24" python benchmarks/bench_gui.py   # with a real X server

1. Start: ``python -m ptdraft examples/cong-van-van-phong-ubnd-tinh.json`` as a subprocess
   with PTDRAFT_BENCH_EXIT=1 (ptdraft/gui/app.py prints "window shown" on a zero-timer after
   the window's first paint, then "window ready" and quits once the deferred part of the start
   is done, docs/decisions/0021); the time from launching the process to each line, ``--starts``
   runs, interleaved with a bare PySide6 window (the same zero-timer after its first paint).
   Target: under 1.0 s; shown ÷ bare ≤ 2.0 (issue 14).
2. Keystroke to preview: the real letter with its body ``--copies`` times over (3: three pages;
   75: 28 pages; 285: 101 pages), one key at a time sent with QTest.keyClick where a clerk
   types the body (typing_target): on the letter, whose body is the template's wording, the
   box of the field it prints ("{{ co_quan }}"); on the long drafts, whose body is written out
   as free text, the body's editor, at the end of its first paragraph. Before timing, the
   benchmark stops with a message unless that widget is shown, has the focus, and one key
   changes the draft's filled text and the preview's pages (tests/gui/test_typing_benchmark.py
   tests that premise). Then the event loop runs until the window emits ``preview_updated``
   (the preview re-laid out and paginated), and until the page canvas has repainted the new
   pages (only the rows that changed are painted; a key whose change is out of view needs no
   paint, and its repaint time is its signal time: the count of those keys is printed). ``--keys`` keystrokes after a warm-up; medians and 95th percentiles printed, and
   with ``--json`` one JSON line; ``--profile FILE`` writes a cProfile of the timed keys.
   Targets (issue 14): 3 pages median ≤ 6 ms; 28 pages median ≤ 12 ms, p95 ≤ 20 ms;
   101 pages p95 ≤ 30 ms; the resident set grows ≤ 10 MB over 1,000 keys on 28 pages.
3. Memory: the resident set (VmRSS) of a fresh process with the real letter open in the
   window and its preview drawn. Target: under 200 MB.

Each process gets an empty data folder (no restore question). Without a DISPLAY the window
is drawn offscreen. Nothing here is asserted; the figures go into README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LETTER = ROOT / "examples" / "cong-van-van-phong-ubnd-tinh.json"
WARMUP_KEYS = 20
TARGETS = {"start": 1.0, "median": 16.0, "p95": 30.0, "rss": 200.0}
# Issue 14's keystroke targets by --copies (the letter's body so many times over): (median, p95) in ms, None: none.
ISSUE_14 = {3: (6.0, None), 75: (12.0, 20.0), 285: (None, 30.0)}


def _env() -> dict:
    env = {**os.environ, "PTDRAFT_DATA_DIR": tempfile.mkdtemp(prefix="ptdraft-bench-")}
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# A bare PySide6 main window, shown, as the yardstick of the start (issue 14: ptdraft's start ÷ this ≤ 2.0).
# "Shown", for both, is a zero-timer after the window's first paint: its whole first frame drawn (docs/decisions/0021).
BARE_WINDOW = (
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.resize(1366, 768)\n"
    "class FirstPaint(QObject):\n"
    "    def eventFilter(self, watched, event):\n"
    "        if event.type() == QEvent.Type.Paint:\n"
    "            watched.removeEventFilter(self)\n"
    "            QTimer.singleShot(0, lambda: (print('bare: window shown', flush=True), app.quit()))\n"
    "        return False\n"
    "watch = FirstPaint()\n"
    "window.installEventFilter(watch)\n"
    "window.show()\n"
    "app.exec()\n"
)


def _time_to_lines(command: list[str], env: dict, *marks: str) -> list[float]:
    """Seconds from launching ``command`` to each of its lines containing ``marks``, in order."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    times = []
    for mark in marks:
        line = child.stdout.readline()
        times.append(time.perf_counter() - started)
        if mark not in line:
            child.kill()
            raise SystemExit(f"{command[:3]} did not report {mark!r}: {line!r}")
    child.wait(timeout=60)
    return times


def bench_start(runs: int) -> tuple[list[float], list[float], list[float]]:
    """Seconds from launching `python -m ptdraft LETTER` to the window shown (a zero-timer after its first paint, as
    for the bare window: the first frame drawn, docs/decisions/0021), to the window complete (every step, action and
    the preview: finish_start done), and, interleaved, a bare PySide6 window's start, per run."""
    ours, ready, bare = [], [], []
    env = {**_env(), "PTDRAFT_BENCH_EXIT": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "ptdraft", str(LETTER)]
    _time_to_lines(command, env, "window shown", "window ready")  # warm-up: bytecode written, files cached
    for _ in range(runs):
        shown, complete = _time_to_lines(command, env, "window shown", "window ready")
        ours.append(shown)
        ready.append(complete)
        bare.append(_time_to_lines([sys.executable, "-c", BARE_WINDOW], env, "window shown")[0])
    return ours, ready, bare


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _window(draft):
    from ptdraft.gui.main_window import MainWindow
    from ptdraft.gui.settings import Settings, data_dir
    from ptdraft.gui.state import DraftState

    folder = data_dir()
    window = MainWindow(DraftState(draft), Settings(folder), folder)
    window.finish_start()
    window.resize(1366, 768)
    window.show()
    return window


def child_rss() -> None:
    """In a fresh process: open the real letter, draw it, print the resident set in MB."""
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from ptdraft import api

    window = _window(api.load_draft(LETTER))
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    print(f"{_rss_mb():.1f} {len(window.pages)}", flush=True)
    window.autosaver.timer.stop()


def bench_rss() -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, __file__, "--child-rss"], capture_output=True, text=True, env=_env(), timeout=120, check=True
    )
    rss, pages = out.stdout.split()
    return float(rss), int(pages)


def three_page_letter(copies: int = 3):
    """The real letter with its body ``copies`` times over (3: three pages, also tests/support/documents.py; 75 and
    285 for the long drafts of issue 14, 28 and 101 pages). Its body comes from a template field ("{{ co_quan }}")."""
    import dataclasses

    from ptdraft import api

    letter = api.load_draft(LETTER)
    body = "\n\n".join([letter.content.body.strip()] * copies)
    return dataclasses.replace(letter, content=dataclasses.replace(letter.content, body=body))


def typing_draft(copies: int = 3, free: bool | None = None):
    """The draft the keystrokes go into. ``free`` (by default: when it is longer than the three-page letter): its
    body written out as free text, as a long draft a clerk writes is (the "Edit as free text" of the content step);
    else the body stays the template's wording, filled from its fields."""
    import dataclasses

    from ptdraft.templating import part_fields

    draft = three_page_letter(copies)
    if free is None:
        free = copies > 3
    if free:
        draft = dataclasses.replace(draft, content=part_fields.as_free_text(draft, "body"))
    return draft


def typing_target(window):
    """Where a clerk types the body on the window's content step: the body's editor when the body is free text, else
    the box of the first template field the body prints (the letter's "{{ co_quan }}"); with the cursor at the end
    of the first paragraph (of the field's text). Returns (the widget, how to name it)."""
    from PySide6.QtGui import QTextCursor

    from ptdraft.gui.part_editor import focus_of

    index = next(i for i, step in enumerate(window.steps) if step.key == "content")
    window.go_to_step(index)
    step = window.steps[index]
    editor = step.part_editors["body"]
    if editor.from_fields:
        field_id, widget = next(iter(editor.field_widgets.items()))
        target = focus_of(widget)
        target.setFocus()
        target.end(False)
        return target, f"the body's field {field_id!r} ({type(target).__name__})"
    target = step.body
    target.setFocus()
    cursor = target.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)  # type at the end of the first paragraph
    target.setTextCursor(cursor)
    return target, f"the body's editor ({type(target).__name__})"


def pages_text(pages) -> tuple:
    """What the preview pages show: each page's pieces, where they are and the text of each of their lines."""
    return tuple((page.number, piece.kind, piece.rect.getRect(),
                  tuple((line.text, round(line.x, 2), round(line.y, 2)) for line in piece.lines))
                 for page in pages for piece in page.pieces)


def type_key(app, window, target, key) -> None:
    """One key into ``target``, then the event loop run until the window has updated its preview."""
    from PySide6.QtTest import QTest

    updated = []
    window.preview_updated.connect(lambda: updated.append(True))
    try:
        QTest.keyClick(target, key)
        deadline = time.perf_counter() + 10
        while not updated and time.perf_counter() < deadline:
            app.processEvents()
    finally:
        window.preview_updated.disconnect()
    if not updated:
        raise SystemExit("the window did not update its preview within 10 s of a key")


def check_premise(app, window, target) -> None:
    """Fail loudly unless ``target`` is shown with the focus and a key typed into it changes the draft's filled text
    and the preview's pages (so the keystrokes timed reach what the clerk sees)."""
    from PySide6.QtCore import Qt

    if not target.isVisible():
        raise SystemExit(f"the benchmark would type into a hidden widget ({type(target).__name__})")
    if not target.hasFocus():
        raise SystemExit(f"the widget typed into ({type(target).__name__}) does not have the focus")
    filled, shown = window.filled, pages_text(window.pages)
    type_key(app, window, target, Qt.Key.Key_X)
    if window.filled == filled:
        raise SystemExit("a key typed into the benchmark's widget did not change the draft's filled text")
    if pages_text(window.pages) == shown:
        raise SystemExit("a key typed into the benchmark's widget did not change the preview pages")


def bench_keys(count: int, copies: int = 3, free: bool | None = None, profile: str = "") -> dict:
    """Milliseconds from a keystroke where the clerk types (typing_target) to preview_updated, and to the canvas
    repainted; and the growth of the resident set (MB) from after the warm-up keys to the end."""
    os.environ.update({k: v for k, v in _env().items() if k in ("PTDRAFT_DATA_DIR", "QT_QPA_PLATFORM")})
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = _window(typing_draft(copies, free))
    window.activateWindow()
    for _ in range(50):
        app.processEvents()
    target, where = typing_target(window)
    for _ in range(10):
        app.processEvents()
    check_premise(app, window, target)
    pages = len(window.pages)
    before = window.filled, pages_text(window.pages)

    updated = []
    window.preview_updated.connect(lambda: updated.append(time.perf_counter()))
    painted_at = []
    canvas = window.preview.canvas
    original_paint = canvas.paintEvent

    def paint(event):
        original_paint(event)
        painted_at.append(time.perf_counter())

    canvas.paintEvent = paint
    keys = [Qt.Key.Key_Space if i % 6 == 5 else Qt.Key(Qt.Key.Key_A + i % 26) for i in range(WARMUP_KEYS + count)]
    to_signal, to_paint, painted = [], [], []
    rss_after_warmup = 0.0
    out_of_view = 0  # keys whose change of the pages was out of view: nothing to paint
    profiler = None
    for index, key in enumerate(keys):
        if index == WARMUP_KEYS:
            rss_after_warmup = _rss_mb()
            if profile:
                import cProfile

                profiler = cProfile.Profile()
                profiler.enable()
        updated.clear()
        painted_at.clear()
        started = time.perf_counter()
        QTest.keyClick(target, key)
        while not updated:
            app.processEvents()
        signalled = updated[0]
        # The canvas paints again only the rows of the pages that changed (PageCanvas.repainting); when none of them
        # is in view, what the clerk sees is already right at the signal.
        in_view = not canvas.visibleRegion().intersected(canvas.repainting).isEmpty()
        deadline = time.perf_counter() + 0.5
        while in_view and not any(t >= signalled for t in painted_at) and time.perf_counter() < deadline:
            app.processEvents()
        if index >= WARMUP_KEYS:
            to_signal.append((signalled - started) * 1000)
            if in_view:  # the updated pages painted
                repainted = next((t for t in painted_at if t >= signalled), time.perf_counter())
                painted.append((repainted - started) * 1000)
            else:
                repainted, out_of_view = signalled, out_of_view + 1
            to_paint.append((repainted - started) * 1000)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    growth = _rss_mb() - rss_after_warmup
    if window.filled == before[0] or pages_text(window.pages) == before[1]:
        raise SystemExit("the keys timed left the draft's filled text or the preview pages as they were")
    if len(window.pages) < pages:
        raise SystemExit(f"the draft shrank while typing ({pages} pages, then {len(window.pages)})")
    window.autosaver.timer.stop()
    return {"where": where, "pages": pages, "to_signal": to_signal, "to_paint": to_paint, "rss_growth": growth,
            "out_of_view": out_of_view, "painted": painted}


def _key_figures(keys: dict) -> dict:
    return {
        "pages": keys["pages"], "where": keys["where"], "keys": len(keys["to_signal"]),
        "median_ms": round(statistics.median(keys["to_signal"]), 2),
        "p95_ms": round(_percentile(keys["to_signal"], 0.95), 2),
        "repainted_median_ms": round(statistics.median(keys["to_paint"]), 2),
        "repainted_p95_ms": round(_percentile(keys["to_paint"], 0.95), 2),
        # the same over the keys that had something in view to paint (the others' repaint time is their signal's)
        "repainted_in_view_median_ms": round(statistics.median(keys["painted"]), 2) if keys["painted"] else None,
        "rss_growth_mb": round(keys["rss_growth"], 1),
        "keys_changing_nothing_in_view": keys["out_of_view"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="ptdraft window benchmarks")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--copies", type=int, default=3,
                        help="the real letter's body this many times over (3: three pages; 30, 100: long drafts)")
    body = parser.add_mutually_exclusive_group()
    body.add_argument("--free-text", dest="free", action="store_true", default=None,
                      help="the body written out as free text, typed in the body's editor (the default above 3 copies)")
    body.add_argument("--from-fields", dest="free", action="store_false",
                      help="the body the template's wording, typed in its field's box (the default for the letter)")
    parser.add_argument("--keys-only", action="store_true", help="only the keystroke figures (no start, no RSS)")
    parser.add_argument("--profile", metavar="FILE", default="",
                        help="write a cProfile of the timed keys to FILE (python -m pstats FILE)")
    parser.add_argument("--json", action="store_true", help="also print one JSON line with the figures")
    parser.add_argument("--child-rss", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_rss:
        child_rss()
        return 0

    from PySide6 import __version__ as pyside

    display = "offscreen" if "QT_QPA_PLATFORM" in _env() else f"display {os.environ.get('DISPLAY', '')}"
    print(f"ptdraft window benchmarks: Python {platform.python_version()}, PySide6 {pyside}, {platform.machine()}, "
          f"{os.cpu_count()} CPU, {display}")
    keys = bench_keys(args.keys, args.copies, args.free, args.profile)
    figures = _key_figures(keys)
    to_signal, to_paint, pages, growth = keys["to_signal"], keys["to_paint"], keys["pages"], keys["rss_growth"]
    if args.keys_only:
        print(f"keystroke to preview, {pages} pages, typed into {keys['where']}: median {figures['median_ms']:.1f} ms, "
              f"p95 {figures['p95_ms']:.1f} ms over {len(to_signal)} keys; repainted: median "
              f"{figures['repainted_median_ms']:.1f} ms, p95 {figures['repainted_p95_ms']:.1f} ms "
              f"({keys['out_of_view']} keys changed nothing in view; over the others: median "
              f"{figures['repainted_in_view_median_ms'] or 0:.1f} ms); "
              f"RSS growth over the keys {growth:+.1f} MB")
        target = ISSUE_14.get(args.copies)
        if target is not None:
            median, p95 = target
            met = (median is None or figures["median_ms"] <= median) and (p95 is None or figures["p95_ms"] <= p95)
            wanted = ", ".join(f"{name} ≤ {value:g} ms" for name, value in (("median", median), ("p95", p95)) if value)
            print(f"issue 14's target for this draft: {wanted}: {'met' if met else 'NOT met'}"
                  + (f"; RSS growth ≤ +10 MB over 1,000 keys: {'met' if growth <= 10 else 'NOT met'}"
                     if args.copies == 75 and len(to_signal) >= 1000 else ""))
            figures["target_met"] = met
        if args.json:
            print(json.dumps({"bench": "gui-keys", "copies": args.copies, **figures}, ensure_ascii=False))
        return 0
    starts, ready, bare = bench_start(args.starts)
    start_ratio = statistics.median(a / b for a, b in zip(starts, bare))
    rss, letter_pages = bench_rss()

    rows = [
        ("start to window shown (s)", f"{statistics.median(starts):.2f} median, {min(starts):.2f}-{max(starts):.2f} "
         f"over {len(starts)} runs", f"< {TARGETS['start']:.1f}", statistics.median(starts) < TARGETS["start"]),
        ("  ÷ a bare PySide6 window's start", f"{start_ratio:.2f} (bare window {statistics.median(bare):.2f} s)",
         "≤ 2.0", start_ratio <= 2.0),
        ("  … to the window complete (s)", f"{statistics.median(ready):.2f} median (÷ bare "
         f"{statistics.median(a / b for a, b in zip(ready, bare)):.2f}): every step, action and the preview", "", None),
        (f"keystroke to preview, {pages} pages, into {keys['where']} (ms)",
         f"median {statistics.median(to_signal):.1f}, p95 {_percentile(to_signal, 0.95):.1f} over {len(to_signal)} keys",
         f"< {TARGETS['median']:.0f} / < {TARGETS['p95']:.0f}",
         statistics.median(to_signal) < TARGETS["median"] and _percentile(to_signal, 0.95) < TARGETS["p95"]),
        ("  … and the page repainted (ms)",
         f"median {statistics.median(to_paint):.1f}, p95 {_percentile(to_paint, 0.95):.1f}", "", None),
        (f"RSS growth over {len(to_signal)} keys (MB)", f"{growth:+.1f}", "", None),
        (f"memory, real letter open ({letter_pages} pages) (MB RSS)", f"{rss:.0f}", f"< {TARGETS['rss']:.0f}",
         rss < TARGETS["rss"]),
    ]
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"{'measure':<{width}}  {'result':<{value_width}}  {'target':<10}  met")
    for name, value, target, met in rows:
        mark = "" if met is None else ("yes" if met else "NO")
        print(f"{name:<{width}}  {value:<{value_width}}  {target:<10}  {mark}")
    if args.json:
        print(json.dumps({"bench": "gui", "copies": args.copies, "keys": figures,
                          "start_s": round(statistics.median(starts), 3), "start_ratio": round(start_ratio, 3),
                          "ready_s": round(statistics.median(ready), 3), "rss_mb": round(rss, 1)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
