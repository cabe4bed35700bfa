"""Save a picture of the drafting window with the real letter open, for README and for looking at it.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshot.py docs/screenshot.png
    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py /tmp/window.png

Opens examples/cong-van-van-phong-ubnd-tinh.json (the real letter of tests/data/samples)
in a 1366×768 window (a common office laptop screen), Vietnamese interface, on the
"Recipients" step, with its own empty data folder so no restore or start dialog
appears, and saves QWidget.grab() of the window as PNG.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LETTER = ROOT / "examples" / "cong-van-van-phong-ubnd-tinh.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="PNG file to write")
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT (default 1366x768)")
    parser.add_argument("--step", type=int, default=5, help="step shown, 1-10 (default 5: Kính gửi)")
    parser.add_argument("--language", default="vi", choices=("vi", "en"))
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))

    os.environ["PTDRAFT_DATA_DIR"] = tempfile.mkdtemp(prefix="ptdraft-screenshot-")
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName("ptdraft")

    from ptdraft import api
    from ptdraft.gui import i18n
    from ptdraft.gui.main_window import MainWindow
    from ptdraft.gui.settings import Settings, data_dir
    from ptdraft.gui.state import DraftState

    i18n.set_language(args.language)
    folder = data_dir()
    window = MainWindow(DraftState(api.load_draft(LETTER), LETTER), Settings(folder), folder)
    window.finish_start()
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    window.go_to_step(args.step - 1)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:  # let the layout, the preview and the window manager settle
        app.processEvents()
        time.sleep(0.02)
    image = window.grab()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(args.output), "PNG"):
        print(f"could not write {args.output}", file=sys.stderr)
        return 1
    print(f"{args.output}: {image.width()}×{image.height()}, platform {app.platformName()}")
    window.autosaver.timer.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
