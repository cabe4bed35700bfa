"""Print and PDF export through Qt's printing, painting the same pages as the preview."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

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
    scale = printer.resolution() / 1440
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
        os.replace(temp, path)
    except PermissionError:
        raise OutputError(
            "không ghi đè được tệp: tệp đang mở trong chương trình khác hoặc chỉ cho đọc; hãy đóng tệp hoặc chọn tên khác",
            str(path),
        ) from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
