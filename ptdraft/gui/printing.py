"""Print and PDF export through Qt's printing, painting the same pages as the preview."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from ptdraft import rules
from ptdraft.files import disk
from ptdraft.errors import OutputError
from ptdraft.gui.pages import Page, paint_page
from ptdraft.layout import Layout


def setup_printer(printer: QPrinter, layout: Layout) -> None:
    page_layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )
    printer.setPageLayout(page_layout)
    printer.setFullPage(True)
    printer.setDocName(layout.title)
    printer.setCreator("ptdraft")


def paint_pages(printer: QPrinter, pages: list[Page]) -> bool:
    painter = QPainter()
    if not painter.begin(printer):
        return False
    scale = printer.resolution() / rules.TWIPS_PER_INCH
    for index, page in enumerate(pages):
        if index:
            printer.newPage()
        painter.save()
        painter.scale(scale, scale)
        paint_page(painter, page)
        painter.restore()
    painter.end()
    return True


def export_pdf(pages: list[Page], layout: Layout, path: Path) -> None:
    """Write a PDF of the pages beside ``path`` and rename it into place."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"thư mục '{folder}' không tồn tại", str(path))
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(temp)
        setup_printer(printer, layout)
        if not paint_pages(printer, pages):
            raise OutputError("không tạo được tệp PDF", str(path))
        os.chmod(temp, disk._new_file_mode(path))  # the DOCX's permissions, not mkstemp's private 0o600
        os.replace(temp, path)
    except PermissionError:
        raise OutputError(
            "không ghi đè được tệp: tệp đang mở trong chương trình khác hoặc chỉ cho đọc; hãy đóng tệp hoặc chọn tên khác",
            str(path),
        ) from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


_APP = None


def layout_pdf(layout: Layout, path: Path) -> None:
    """The PDF of a layout, painted as the preview shows it, from any process (the command line too): a Qt
    application is made when there is none, drawing offscreen when there is no screen."""
    from PySide6.QtWidgets import QApplication

    from ptdraft.gui.pages import paginate

    global _APP
    if QApplication.instance() is None:  # a QApplication, so that a window opened later in the process can use it
        if not os.environ.get("QT_QPA_PLATFORM") and os.name != "nt" \
                and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _APP = QApplication([])
    export_pdf(paginate(layout), layout, path)
