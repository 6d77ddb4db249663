"""The open complaints, oldest first, so that the customer who has waited longest is served first.

Each row says when the complaint was made, how long it has waited, whose it is (with the phone)
and what it was; Resolve… asks what was done, Contact log… opens the customer's whole log. The
widget stands on its own (the care page shows it); ``changed`` tells the page something changed.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop
from shopcrm.care.complaints import OpenComplaint
from shopcrm.common.formatting import moment, number
from shopcrm.common.i18n import _, ngettext
from ui.care.contact_dialog import ResolveComplaintDialog
from ui.care.contact_log import ContactLogDialog
from ui.keys import ENTER, on_keys
from ui.style import HINT_STYLE, bold
from ui.tables import list_table

Index = QModelIndex | QPersistentModelIndex
OPENED, WAITING, CUSTOMER, PHONE, COMPLAINT = range(5)


def waited(opened_at: str, today: date) -> str:
    """How long a complaint has waited, in days: "today", "1 day", "3 days"."""
    days = (today - datetime.fromisoformat(opened_at).date()).days
    if days <= 0:
        return _("since today")
    return ngettext("{n} day", "{n} days", days).format(n=number(days))


class OpenComplaintsModel(QAbstractTableModel):
    """The open complaints as a table: opened, waiting, customer, phone, complaint."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[OpenComplaint] = []
        self._cells: list[list[str]] = []
        self._headers = [_("Opened"), _("Waiting"), _("Customer"), _("Phone"), _("Complaint")]

    def set_complaints(self, complaints: list[OpenComplaint], today: date) -> None:
        """Show these complaints (their texts are made once, here)."""
        self.beginResetModel()
        self._rows = list(complaints)
        self._cells = [
            [
                moment(c.entry.happened_at),
                waited(c.entry.happened_at, today),
                c.customer_name,
                c.phone,
                c.entry.summary,
            ]
            for c in self._rows
        ]
        self.endResetModel()

    def complaint_at(self, row: int) -> OpenComplaint | None:
        """The complaint on ``row``, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: how many complaints are open."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: five columns."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Qt: the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: a cell's text; the whole complaint in the tool tip."""
        complaint = self.complaint_at(index.row())
        if complaint is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COMPLAINT:
            return complaint.entry.summary
        if role == Qt.ItemDataRole.UserRole:
            return complaint.entry.id
        return None


class OpenComplaints(QWidget):
    """Every open complaint, oldest first, with Resolve… and the customer's contact log."""

    changed = Signal()
    """A complaint was resolved, or the contact log changed."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.dialog: QDialog | None = None
        self.model = OpenComplaintsModel()
        self.table = list_table(self.model, stretch=COMPLAINT)
        self.title = bold(QLabel(_("Open &complaints")))
        self.title.setBuddy(self.table)
        self.count = QLabel()
        self.count.setStyleSheet(HINT_STYLE)
        self.resolve_button = QPushButton(_("&Resolve…"))
        self.resolve_button.setToolTip(_("Say what was done about the selected complaint (Enter)"))
        self.log_button = QPushButton(_("Contact &log…"))
        self.log_button.setToolTip(_("Everything recorded about this customer"))
        self.resolve_button.clicked.connect(self.resolve_current)
        self.log_button.clicked.connect(self.open_log)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.resolve_current)
        on_keys(self.table, ENTER, self.resolve_current)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.count, 1)
        top.addWidget(self.log_button)
        top.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        """Read the open complaints afresh, keeping the one selected if it is still open."""
        current = self.current()
        complaints = self.shop.complaints.open_ones()
        self.model.set_complaints(complaints, self.shop.clock().date())
        n = len(complaints)
        self.count.setText(
            ngettext("{n} open complaint", "{n} open complaints", n).format(n=number(n))
            if n
            else _("No open complaints.")
        )
        for row, complaint in enumerate(complaints):
            if current is not None and complaint.entry.id == current.entry.id:
                self.table.selectRow(row)
        self._update_buttons()

    def current(self) -> OpenComplaint | None:
        """The selected complaint, if any."""
        return self.model.complaint_at(self.table.currentIndex().row())

    def resolve_current(self) -> None:
        """Resolve the selected complaint, after asking what was done."""
        complaint = self.current()
        if complaint is None:
            return
        dialog = ResolveComplaintDialog(self.shop, complaint.entry, self)
        self.dialog = dialog
        dialog.accepted.connect(self._changed)
        dialog.open()

    def open_log(self) -> None:
        """Open the selected complaint's customer's contact log."""
        complaint = self.current()
        if complaint is None:
            return
        customer = self.shop.customers.get(complaint.entry.customer_id)
        dialog = ContactLogDialog(self.shop, customer, self)
        dialog.log.reload(select=complaint.entry.id)
        dialog.log.changed.connect(self._changed)
        self.dialog = dialog
        dialog.open()

    def _changed(self) -> None:
        self.reload()
        self.table.setFocus()
        self.changed.emit()

    def _update_buttons(self, *_args: QModelIndex) -> None:
        chosen = self.current() is not None
        self.resolve_button.setEnabled(chosen)
        self.log_button.setEnabled(chosen)
