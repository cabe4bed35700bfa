"""Start the window (placeholder until the drafting window lands)."""
from __future__ import annotations

import sys


def run(path: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("ptdraft: cửa sổ soạn thảo đang được xây dựng. Hãy dùng lệnh 'ptdraft render'.")
    label.setWindowTitle("ptdraft")
    label.resize(640, 120)
    label.show()
    return app.exec()
