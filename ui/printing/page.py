"""The Print page (Ctrl+6): make a print of any document for any recipients, and print the
cards the print rules queued."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from shopcrm import Shop
from shopcrm.common.i18n import _
from shopcrm.documents.kinds import PrintJob
from ui.printing.compose import ComposePrint


class PrintPage(QWidget):
    """Two tabs: a new print, and the print queue."""

    changed = Signal()

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.compose = ComposePrint(shop)
        self.compose.changed.connect(self.changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.compose, _("&New print"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.compose)

    def load(self, job: PrintJob) -> None:
        """Open a new print set up for ``job`` (asked for from another page)."""
        self.tabs.setCurrentWidget(self.compose)
        self.compose.load(job)

    def refresh(self) -> None:
        """Show the data afresh after another page changed it."""
        self.compose.refresh()
