"""Printing a PDF made in memory, and saving it.

QtPdf renders pages to images only, so each page is drawn at about 300 dpi (not the printer's
1200: the same on paper, a fraction of the memory) on white, keeping its proportions, centred on
the printer's page. QPrinter's margins are 3.5 mm; the documents keep a 5 mm safe area.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from shopcrm import ShopError
from shopcrm.common.i18n import _

PRINT_DPI = 300


def page_image(document: QPdfDocument, page: int, dpi: int = PRINT_DPI) -> QImage:
    """One page of ``document`` as an image at ``dpi``, on white."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    image = document.render(page, size, QPdfDocumentRenderOptions())
    white = QImage(image.size(), QImage.Format.Format_RGB32)
    white.fill(QColor("white"))
    painter = QPainter(white)
    painter.drawImage(0, 0, image)
    painter.end()
    return white


def print_pdf(
    pdf: bytes, printer: QPrinter, progress: Callable[[int, int], bool] | None = None
) -> int:
    """Print every page of ``pdf`` on ``printer`` (set up by the print dialog); the pages
    printed. Each page goes on a paper of its own size when the printer allows it.
    ``progress(done, total)`` is told after each page; False stops: the pages not yet sent are
    not printed (``printer.abort()``) and ``ShopError`` says so. May run in a worker thread."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    count = int(document.pageCount())
    if count == 0:
        return 0
    painter = QPainter()
    for page in range(count):
        if progress is not None and page and not progress(page, count):
            printer.abort()
            painter.end()
            document.close()
            raise ShopError(_("Printing was stopped."))
        points = document.pagePointSize(page)
        layout_size = QPageSize(points, QPageSize.Unit.Point)
        printer.setPageLayout(
            QPageLayout(
                layout_size, QPageLayout.Orientation.Portrait, printer.pageLayout().margins()
            )
        )
        if page == 0:
            if not painter.begin(printer):
                return 0
        elif not printer.newPage():
            break
        image = page_image(document, page)
        target = QRectF(painter.viewport())
        scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        x = target.x() + (target.width() - scaled.width()) / 2
        y = target.y() + (target.height() - scaled.height()) / 2
        painter.drawImage(QRectF(x, y, scaled.width(), scaled.height()), image)
    painter.end()
    if progress is not None:
        progress(count, count)
    document.close()
    return count


def save_pdf(pdf: bytes, path: str | Path) -> Path:
    """Write ``pdf`` to ``path`` (".pdf" added when missing); the path written."""
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    target.write_bytes(pdf)
    return target
