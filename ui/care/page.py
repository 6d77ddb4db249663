"""The Occasions & calls page: today's work with the customers' lives.

Today's call list first; the upcoming occasions and the open complaints beside it, each a tab
(Alt+1, Alt+2, Alt+3 switch).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from shopcrm import Shop
from shopcrm.common.i18n import _
from ui.care.call_list import CallListView
from ui.care.complaints import OpenComplaints
from ui.care.upcoming_list import UpcomingList
from ui.lazy_page import ReloadWhenShown


class CarePage(ReloadWhenShown):
    """Today's calls, the upcoming occasions and the open complaints."""

    changed = Signal()
    """A call, a mark or a complaint changed what other pages show."""
    print_requested = Signal(object)
    """A ``PrintJob`` of occasion cards, from the upcoming occasions."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.calls = CallListView(shop)
        self.upcoming = UpcomingList(shop)
        self.complaints = OpenComplaints(shop)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.calls, _("Call list"))
        self.tabs.addTab(self.upcoming, _("Upcoming occasions"))
        self.tabs.addTab(self.complaints, _("Open complaints"))
        for part in (self.calls, self.complaints):
            part.changed.connect(self._part_changed)
        self.upcoming.marked.connect(lambda _occasion: self._part_changed())
        self.upcoming.print_requested.connect(self.print_requested)
        for number in range(1, 4):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.activated.connect(lambda n=number: self._show_tab(n - 1))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.calls.table)

    def _show_tab(self, index: int) -> None:
        if index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
            self.tabs.currentWidget().setFocus()

    def _part_changed(self) -> None:
        """A call or a resolved complaint changes what the other parts show."""
        self.reload()
        self.changed.emit()

    def reload(self) -> None:
        """Read everything the page shows afresh."""
        self.calls.reload()
        self.upcoming.reload()
        self.complaints.reload()
