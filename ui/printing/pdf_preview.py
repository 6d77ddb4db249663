"""A live preview of a PDF made in memory: the real document, page by page, as it will print."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget


class PdfPreview(QPdfView):
    """Shows the PDF given as bytes; each page fits the view whole, pages one under another."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # the stubs want a parent; Qt does not
        self.pdf = QPdfDocument()  # not a child: deleting the view must not delete it first
        self._buffer: QBuffer | None = None
        self.setDocument(self.pdf)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitInView)

    def show_pdf(self, pdf: bytes) -> None:
        """Show this PDF instead of the one shown."""
        self.pdf.close()
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    def clear(self) -> None:
        """Show nothing."""
        self.pdf.close()

    def pages(self) -> int:
        """How many pages the preview shows."""
        return int(self.pdf.pageCount())
