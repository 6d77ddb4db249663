"""The Counter's search results: a Qt table model over the customers the core found.

Every keystroke brings new results and the view asks ``data()`` for every visible cell and
role on each repaint (about 2,000 calls), so each row's texts are made once, when the results
arrive (the phone laid out, the date and the visits in the shop's language), and ``data()`` only
looks them up. The columns keep fixed widths (see ``fit_columns``): nothing is measured per
keystroke.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from shopcrm import Customer
from shopcrm.common.formatting import day, number
from shopcrm.common.i18n import _
from ui.record_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_PADDING = 18
"""Room around a cell's text (the style's margins)."""
WIDEST_PHONE = "(0216) 555 55 55"
"""The widest Turkish number as laid out (a landline): the names keep the rest of the row. A
longer foreign number widens the column when it is shown (``widen``)."""
WIDEST_VISITS = "88.888"


class CustomerResultsModel(RecordTableModel[Customer]):
    """Found customers, best first: name, phone, visits and last visit."""

    NAME, PHONE, VISITS, LAST_VISIT = range(4)

    def __init__(self) -> None:
        super().__init__([_("Name"), _("Phone"), _("Visits"), _("Last visit")])
        self._texts: list[tuple[str, str, str, str]] = []

    def set_records(self, records: Sequence[Customer]) -> None:
        """Show these customers; their texts are made here, once."""
        self.beginResetModel()
        self._records = list(records)
        self._texts = [self.texts(c) for c in self._records]
        self.endResetModel()

    @staticmethod
    def texts(customer: Customer) -> tuple[str, str, str, str]:
        """What the four columns show for ``customer``."""
        return (
            customer.name,
            customer.phone_display,
            number(customer.visit_count),
            day(customer.last_visit),
        )

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        """Qt: what one cell shows, looked up (the texts are made in ``set_records``)."""
        row = index.row()
        if not 0 <= row < len(self._texts):
            return None
        if role == _DISPLAY:
            return self._texts[row][index.column()]
        if role == _ALIGN:
            return _RIGHT if index.column() == self.VISITS else None
        if role == _TOOLTIP:
            # a long name or number cut short in its column reads whole here
            return self._texts[row][index.column()] or None
        if role == _USER:
            return self._records[row].id
        return None

    def column_texts(self, column: int) -> list[str]:
        """The texts of ``column`` shown now."""
        return [texts[column] for texts in self._texts]

    def cell(self, record: Customer, column: int, role: int) -> object:
        """What ``column`` of ``record`` shows (``data`` answers from the texts made once)."""
        if role == _DISPLAY:
            return self.texts(record)[column]
        return None


class ResultColumns:
    """Fixed widths for the phone, visits and last visit (room for the widest they usually
    hold, and their headings), the name taking the rest: the widths never follow the results,
    so a keystroke measures nothing. Only a text longer than the widest sample (a long foreign
    number) is measured, and widens its column, never narrowing it: the columns stay still."""

    def __init__(self, table: QTableView, model: CustomerResultsModel) -> None:
        self._table = table
        self._model = model
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(model.NAME, QHeaderView.ResizeMode.Stretch)
        longest_day = max((day(date(2026, month, 28)) for month in range(1, 13)), key=len)
        self._samples = {
            model.PHONE: WIDEST_PHONE,
            model.VISITS: WIDEST_VISITS,
            model.LAST_VISIT: longest_day,
        }
        cells = table.fontMetrics()
        heading = header.fontMetrics()
        for column, sample in self._samples.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(
                cells.horizontalAdvance(sample) + _PADDING,
                heading.horizontalAdvance(title) + _PADDING,
            )
            header.resizeSection(column, width)

    def widen(self) -> None:
        """Widen a column whose text shown now is longer than its sample and needs more room."""
        header = self._table.horizontalHeader()
        metrics: QFontMetrics | None = None
        for column, sample in self._samples.items():
            longer = [t for t in self._model.column_texts(column) if len(t) > len(sample)]
            if not longer:
                continue
            metrics = metrics or self._table.fontMetrics()
            width = max(metrics.horizontalAdvance(t) for t in longer) + _PADDING
            if width > header.sectionSize(column):
                header.resizeSection(column, width)
