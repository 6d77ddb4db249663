"""The Print page (Ctrl+6): make a print of any document for any recipients, and print the
cards and letters the print rules queued."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from shopcrm import Shop
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _
from shopcrm.documents.kinds import PrintJob
from ui.lazy_page import ReloadWhenShown
from ui.printing.compose import ComposePrint
from ui.printing.queue_tab import QueueTab


class PrintPage(ReloadWhenShown):
    """Two tabs: a new print, and the print queue (its count in its title)."""

    changed = Signal()

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.compose = ComposePrint(shop, self)
        self.compose.changed.connect(self.changed)
        self.queue = QueueTab(shop, self)
        self.queue.changed.connect(self._queue_changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.compose, _("&New print"))
        self.tabs.addTab(self.queue, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.tabs)
        self._title_queue()

    def load(self, job: PrintJob) -> None:
        """Open a new print set up for ``job`` (asked for from another page)."""
        self.tabs.setCurrentWidget(self.compose)
        self.compose.load(job)
        self.compose.setFocus()

    def show_queue(self) -> None:
        """Show the print queue tab."""
        self.tabs.setCurrentWidget(self.queue)
        self.queue.setFocus()

    def _queue_changed(self) -> None:
        self._title_queue()
        self.changed.emit()

    def _title_queue(self) -> None:
        count = self.shop.print_queue.count()
        title = _("&Queue")
        if count:
            title = _("&Queue ({n})").format(n=number(count))
        self.tabs.setTabText(self.tabs.indexOf(self.queue), title)

    def reload(self) -> None:
        """Show the data afresh after another page changed it (when the page is seen: a
        sale never waits for the Print page)."""
        self.compose.refresh()
        self.queue.reload()
        self._title_queue()
