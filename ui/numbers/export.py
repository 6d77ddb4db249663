"""The Numbers page's exports: the report of a period as a PDF, the figures as CSV, each saved
where the owner chooses in a save dialog opened without blocking (``open()``); the dialog open
is kept in ``file_dialog`` so that a test can answer it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from shopcrm import Shop, ShopError
from shopcrm.common.i18n import _
from shopcrm.documents.numbers_report import NumbersReport, numbers_report_pdf
from shopcrm.numbers.figures import Figures


class Export(QObject):
    """Save the report or the CSV; ``done`` says where it went, ``failed`` why it did not."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(self, shop: Shop, window: QWidget) -> None:
        super().__init__(window)
        self.shop = shop
        self.window = window
        self.file_dialog: QFileDialog | None = None

    def report(self, figures: Figures, segments: Sequence[tuple[str, int]]) -> NumbersReport:
        """What the PDF report of ``figures``'s period shows."""
        settings = self.shop.settings.get()
        numbers = self.shop.numbers
        return NumbersReport(
            figures=figures,
            months=tuple(numbers.revenue_by_month(12, until=figures.period.end)),
            visits=tuple(tuple(row) for row in numbers.visits_by_weekday_hour(figures.period)),
            segments=tuple(segments),
            shop_name=settings.shop_name,
            currency=settings.currency,
        )

    def save_pdf(self, figures: Figures, segments: Sequence[tuple[str, int]]) -> None:
        """Ask where, then save the report of ``figures``'s period."""
        report = self.report(figures, segments)
        self._ask(
            _("Save report as PDF"),
            self._name(figures, "pdf"),
            _("PDF (*.pdf)"),
            "pdf",
            lambda path: path.write_bytes(numbers_report_pdf(report)),
        )

    def save_csv(self, figures: Figures) -> None:
        """Ask where, then save ``figures`` as CSV (UTF-8 with a BOM, so Excel reads ç ğ ş)."""
        text = self.shop.numbers.figures_csv(figures)
        self._ask(
            _("Save numbers as CSV"),
            self._name(figures, "csv"),
            _("CSV (*.csv)"),
            "csv",
            lambda path: path.write_text(text, encoding="utf-8-sig", newline=""),
        )

    def _name(self, figures: Figures, suffix: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = _("Numbers {period}").format(period=figures.period.title())
        name = "".join("-" if ch in '/\\:*?"<>|' else ch for ch in name)
        return str(Path(folder) / f"{name}.{suffix}")

    def _ask(
        self, title: str, name: str, filters: str, suffix: str, write: Callable[[Path], object]
    ) -> None:
        dialog = QFileDialog(self.window, title, name, filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        self.file_dialog = dialog

        def chosen(path: str) -> None:
            self.file_dialog = None
            try:
                write(Path(path))
            except (OSError, ShopError) as error:
                why = error.strerror if isinstance(error, OSError) and error.strerror else error
                self.failed.emit(_("The file could not be saved: {error}").format(error=why))
                return
            self.done.emit(_("Saved: {path}").format(path=path))

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(lambda _r: setattr(self, "file_dialog", None))
        dialog.open()
