"""The Print page's parts that need no document of the core: the preview shows a PDF made in
memory, printing renders every page on white at 300 dpi, a batch draws off the UI thread."""

from __future__ import annotations

import io
import time
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A6
from reportlab.pdfgen.canvas import Canvas

from shopcrm import ShopError
from ui.printing.pdf_preview import PdfPreview
from ui.printing.printer import page_image, print_pdf, save_pdf
from ui.printing.worker import DrawWorker


def a_pdf(pages: int = 2) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A6)
    for page in range(pages):
        canvas.drawString(40, 200, f"Page {page + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_the_preview_shows_a_pdf_made_in_memory(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show_pdf(a_pdf(3))
    assert preview.pages() == 3
    preview.show_pdf(a_pdf(1))
    assert preview.pages() == 1


def test_a_page_is_rendered_at_300_dpi_on_white(qtbot: QtBot) -> None:
    document = QPdfDocument()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    buffer = QBuffer()
    buffer.setData(QByteArray(a_pdf(1)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    image = page_image(document, 0)
    assert (image.width(), image.height()) == (1240, 1748)  # A6 at 300 dpi
    assert image.pixelColor(5, 5) == QColor("white")


def test_printing_sends_every_page_to_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(a_pdf(2), printer) == 2
    assert (tmp_path / "printed.pdf").read_bytes().count(b"/Type /Page\n") + (
        tmp_path / "printed.pdf"
    ).read_bytes().count(b"/Type /Page ") >= 2


def test_saving_adds_the_pdf_ending(tmp_path: Path) -> None:
    path = save_pdf(a_pdf(1), tmp_path / "kartlar")
    assert path.name == "kartlar.pdf" and path.read_bytes().startswith(b"%PDF")


def test_a_batch_is_drawn_off_the_ui_thread_and_can_be_stopped(qtbot: QtBot) -> None:
    def draw(progress):  # type: ignore[no-untyped-def]
        for done in range(1, 101):
            if not progress(done, 100):
                raise ShopError("stopped")
        return a_pdf(1)

    worker = DrawWorker(draw)
    with qtbot.waitSignal(worker.done, timeout=5000) as finished:
        worker.start()
    assert finished.args[0].startswith(b"%PDF")
    worker.wait()

    def draw_slowly(progress):  # type: ignore[no-untyped-def]
        for done in range(1, 1001):  # up to 10 s: time enough for the UI thread to say stop
            if not progress(done, 1000):
                raise ShopError("stopped")
            time.sleep(0.01)
        return a_pdf(1)

    stopping = DrawWorker(draw_slowly)
    stopping.progress.connect(lambda done, total: stopping.cancel())
    with qtbot.waitSignal(stopping.failed, timeout=10000) as failed:
        stopping.start()
    assert failed.args == ["stopped"]
    stopping.wait()
