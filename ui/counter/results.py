"""The Counter's search results: a Qt table model over the customers the core found."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shopcrm import Customer
from shopcrm.common.formatting import day, number
from shopcrm.common.i18n import _
from ui.record_model import RecordTableModel


class CustomerResultsModel(RecordTableModel[Customer]):
    """Found customers, best first: name, phone, visits and last visit."""

    NAME, PHONE, VISITS, LAST_VISIT = range(4)

    def __init__(self) -> None:
        super().__init__([_("Name"), _("Phone"), _("Visits"), _("Last visit")])

    def cell(self, record: Customer, column: int, role: int) -> object:
        """Qt: what one cell shows."""
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return record.name
            if column == self.PHONE:
                return record.phone_display
            if column == self.VISITS:
                return number(record.visit_count)
            if column == self.LAST_VISIT:
                return day(record.last_visit)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return record.name  # a long name cut short in the column reads whole here
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VISITS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
