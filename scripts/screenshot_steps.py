"""Take a picture of every step of the drafting window on an office screen, to look at what a clerk sees.

    xvfb-run -a -s "-screen 0 1366x768x24" python3 scripts/screenshot_steps.py OUTDIR
    xvfb-run -a -s "-screen 0 1366x768x24" python3 scripts/screenshot_steps.py OUTDIR --screen "1920x1080 150%" --language en

Writes OUTDIR/step-01.png, step-02.png, … (one per step) (the window as it opens on the screen chosen, with a taskbar's room kept:
1366×768 at 100 % by default), guide.png (F1 on the Kính gửi step) and file-dialog.png (File → Open, Qt's own
file dialog). The draft is the real letter of examples/ (or a template's example with --template); the data
folder is a new empty one, so no restore or start dialog appears and nothing of the user's is touched.
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


def settle(app, seconds: float = 0.6) -> None:
    """Let the layout, the preview and the window manager finish."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def save(widget, path: Path) -> None:
    image = widget.grab()
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    print(f"{path}: {image.width()}×{image.height()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="folder for the PNG files")
    parser.add_argument("--language", default="vi", choices=("vi", "en"))
    parser.add_argument("--screen", default="1366x768 100%",
                        help='one of "1366x768 100%%", "1920x1080 125%%", "1920x1080 150%%"')
    parser.add_argument("--template", help="a shipped template's id (its example is shown instead of the letter)")
    args = parser.parse_args()

    os.environ["PTDRAFT_DATA_DIR"] = tempfile.mkdtemp(prefix="ptdraft-screenshots-")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName("ptdraft")

    from ptdraft import api
    from ptdraft.gui import i18n
    from ptdraft.gui.dialogs import Prompts
    from ptdraft.gui.main_window import MainWindow
    from ptdraft.gui.settings import Settings, data_dir
    from ptdraft.gui.state import DraftState
    from ptdraft.gui.window_place import OFFICE_SCREENS, fit_to_screen

    if args.screen not in OFFICE_SCREENS:
        parser.error(f"--screen must be one of {', '.join(OFFICE_SCREENS)}")
    i18n.set_language(args.language)
    draft = api.example_draft(api.get_template(args.template)) if args.template else api.load_draft(LETTER)
    folder = data_dir()
    window = MainWindow(DraftState(draft, None), Settings(folder), folder)
    window.finish_start()
    window.show()
    window.setGeometry(fit_to_screen(None, OFFICE_SCREENS[args.screen], window.minimumSizeHint()))
    settle(app, 1.5)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for index in range(len(window.steps)):
        window.go_to_step(index)
        settle(app)
        save(window, args.outdir / f"step-{index + 1:02d}.png")

    window.go_to_step(4)
    window.guide.action.trigger()
    settle(app)
    save(window.guide.dialog, args.outdir / "guide.png")
    window.guide.dialog.close()

    def grab_file_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, grab_file_dialog)
            return
        settle(app)
        save(dialog, args.outdir / "file-dialog.png")
        dialog.reject()

    QTimer.singleShot(0, grab_file_dialog)
    Prompts(window).open_path(str(ROOT / "examples"))
    window.autosaver.timer.stop()
    window.close_for_language()  # no save question
    return 0


if __name__ == "__main__":
    sys.exit(main())
