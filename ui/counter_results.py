"""The Counter's search results: a Qt table model over the customers the core found."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from shopcrm import Customer
from shopcrm.formatting import day
from shopcrm.i18n import _

Index = QModelIndex | QPersistentModelIndex


class CustomerResultsModel(QAbstractTableModel):
    """Found customers, best first: name, phone, visits and last visit."""

    NAME, PHONE, VISITS, LAST_VISIT = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._customers: list[Customer] = []
        self._headers = [_("Name"), _("Phone"), _("Visits"), _("Last visit")]

    def set_customers(self, customers: list[Customer]) -> None:
        """Show these customers instead of the previous ones."""
        self.beginResetModel()
        self._customers = list(customers)
        self.endResetModel()

    def customer_at(self, row: int) -> Customer | None:
        """The customer on ``row``, or None."""
        return self._customers[row] if 0 <= row < len(self._customers) else None

    def row_of(self, customer_id: int) -> int:
        """The row showing this customer, or -1."""
        for row, customer in enumerate(self._customers):
            if customer.id == customer_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: how many customers are shown."""
        return 0 if parent.isValid() else len(self._customers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: name, phone, visits, last visit."""
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Qt: the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: what one cell shows."""
        customer = self.customer_at(index.row())
        if customer is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return customer.name
            if column == self.PHONE:
                return customer.phone_display
            if column == self.VISITS:
                return str(customer.visit_count)
            if column == self.LAST_VISIT:
                return day(customer.last_visit)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VISITS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return customer.id
        return None
