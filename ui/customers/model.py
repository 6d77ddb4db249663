"""The customers table: a Qt model that reads the core's customers list a page at a time.

The list may hold a million customers: the model knows only how many there are, and reads the
rows the view shows in pages of ``PAGE_ROWS`` (``shop.customer_list``, one index walk each),
keeping the last ``PAGES_KEPT`` pages. Sorting by a column and filtering ask the core for the
list in another order or with other rows; nothing is sorted or searched here, so the page costs
the same, in time and memory, at 1,000 customers and at 1,000,000.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from shopcrm.common import formatting as fmt
from shopcrm.common.i18n import _
from shopcrm.numbers.segments import Segment, SegmentLimits, segment_titles
from shopcrm.people.customer_list import CustomerListService, ListOrder, ListQuery
from shopcrm.people.records import CustomerLine

Index = QModelIndex | QPersistentModelIndex

NAME, PHONE, EMAIL, TAGS, VISITS, SPENT, LAST_VISIT, SINCE, SEGMENT = range(9)
COLUMN_COUNT = 9

ORDERS = [
    ListOrder.NAME,
    ListOrder.PHONE,
    ListOrder.EMAIL,
    ListOrder.TAGS,
    ListOrder.VISITS,
    ListOrder.SPENT,
    ListOrder.LAST_VISIT,
    ListOrder.SINCE,
    ListOrder.SEGMENT,
]
"""The order each column sorts by."""

CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 3
"""The row's ``shopcrm.people.records.CustomerLine``."""

PAGE_ROWS = 100
"""Rows read at once."""
PAGES_KEPT = 20
"""Pages kept in memory (the view shows one or two; the rest make scrolling back free)."""
CELLS_KEPT = 20_000
"""Cell texts kept; past this many they are made again as they are shown."""

ARCHIVED_COLOUR = QColor("#8a8a8a")
_NUMBERS = (VISITS, SPENT)
_LONG_TEXTS = (NAME, EMAIL, TAGS)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        CUSTOMER_ROLE,
    )
)
"""The roles the model answers; the view asks for a dozen more per cell on each paint."""


def column_titles() -> list[str]:
    """The column headings, translated."""
    return [
        _("Name"),
        _("Phone"),
        _("E-mail"),
        _("Tags"),
        _("Visits"),
        _("Total spent"),
        _("Last visit"),
        _("Customer since"),
        _("Segment"),
    ]


class CustomersModel(QAbstractTableModel):
    """The customers the page lists, one row each, read from the core as they are shown."""

    def __init__(self, source: CustomerListService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._query = ListQuery()
        self._count = 0
        self._total = 0
        self._pages: OrderedDict[int, list[CustomerLine]] = OrderedDict()
        self._cells: dict[tuple[int, int], str] = {}
        """Texts of cells shown, by customer and column: kept while only the order changes."""
        self._days: dict[str, str] = {}
        """Dates as shown, by ISO day: a million customers came on a few hundred days."""
        self._last: tuple[int, list[CustomerLine]] = (-1, [])
        self._currency = "TRY"
        self._limits: SegmentLimits | None = None
        self._segment_titles = segment_titles()
        self._titles = column_titles()

    def query(self) -> ListQuery:
        """Which customers are listed, in what order."""
        return self._query

    def set_query(self, query: ListQuery) -> None:
        """List the customers of ``query`` from the top (the customers did not change: what
        was counted and written of them holds)."""
        archived = query.include_archived != self._query.include_archived
        self._query = query
        if archived:
            self.reload()
        else:
            self._read(recount=False)

    def change_query(self, **changes: Any) -> None:
        """List the customers of the query with ``changes`` (``text=``, ``segment=``, ...)."""
        self.set_query(ListQuery(**{**self._query.__dict__, **changes}))

    def set_look(self, currency: str, limits: SegmentLimits | None) -> None:
        """Show money in ``currency`` and the segments under ``limits`` (none without)."""
        self._currency = currency
        self._limits = limits

    def reload(self) -> None:
        """Read the list again: the customers changed."""
        self._cells.clear()
        self._days.clear()
        self._read(recount=True)

    def _read(self, recount: bool) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._last = (-1, [])
        if recount:
            self._total = self._source.total(self._query.include_archived)
        filtered = bool(self._query.text) or self._query.segment is not None
        self._count = self._source.count(self._query) if filtered else self._total
        self.endResetModel()

    def total(self) -> int:
        """How many customers there are (archived ones when they are shown), filter or not."""
        return self._total

    def line(self, row: int) -> CustomerLine:
        """The customer in ``row``."""
        number, place = divmod(row, PAGE_ROWS)
        if number == self._last[0]:  # the view asks for the same few rows cell by cell
            return self._last[1][place]
        page = self._pages.get(number)
        if page is None:
            page = self._source.page(self._query, number * PAGE_ROWS, PAGE_ROWS)
            self._pages[number] = page
            if len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
                self._cells.clear()
        else:
            self._pages.move_to_end(number)
        if place >= len(page):  # the list got shorter behind our back
            raise IndexError(row)
        self._last = (number, page)
        return page[place]

    def row_of(self, customer_id: int) -> int | None:
        """The row of a customer, or None when they are not listed."""
        for number, page in self._pages.items():
            for place, line in enumerate(page):
                if line.id == customer_id:
                    return number * PAGE_ROWS + place
        if self._query.order == ListOrder.SEGMENT and not self._query.text:
            # counting the customers before them by segment reads every customer (seconds for
            # a million): the selection stays only if they are on the first page
            first = self._source.page(self._query, 0, PAGE_ROWS) if self._count else []
            return next((row for row, line in enumerate(first) if line.id == customer_id), None)
        return self._source.position(self._query, customer_id)

    def mapToSource(self, index: QModelIndex) -> QModelIndex:
        """``index`` itself: the page had a sorting proxy over the model; code written for it
        (``page.proxy.mapToSource``) still works."""
        return index

    def mapFromSource(self, index: QModelIndex) -> QModelIndex:
        """``index`` itself (see ``mapToSource``)."""
        return index

    def rows_read(self) -> int:
        """How many rows are held in memory now (at most ``PAGES_KEPT`` pages)."""
        return sum(len(page) for page in self._pages.values())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """How many customers are listed (a table has no children)."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """How many columns there are."""
        return 0 if parent.isValid() else COLUMN_COUNT

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (the view's heading): the core lists the customers in that order."""
        if not 0 <= column < COLUMN_COUNT:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._query.order == ORDERS[column] and self._query.descending == descending:
            return
        self.layoutAboutToBeChanged.emit()
        self.change_query(order=ORDERS[column], descending=descending)
        self.layoutChanged.emit()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The text, colour, alignment or customer of one cell."""
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        try:
            line = self.line(row)
        except IndexError:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            key = (line.id, column)
            text = self._cells.get(key)
            if text is None:
                if len(self._cells) > CELLS_KEPT:
                    self._cells.clear()
                text = self._cells[key] = self._cell_text(line, column)
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return ARCHIVED_COLOUR if line.archived else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in _NUMBERS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            # a name, an e-mail or tags too long for a narrowed column can still be read whole
            text = self._cell_text(line, column) if column in _LONG_TEXTS else ""
            if line.archived:
                return f"{text}\n{_('Archived')}" if text else _("Archived")
            return text or None
        if role == CUSTOMER_ROLE:
            return line
        return None

    def segment(self, line: CustomerLine) -> Segment | None:
        """The segment of a listed customer (None for the archived, or without limits)."""
        if self._limits is None or line.archived:
            return None
        return self._limits.segment(
            line.visit_count, line.total_spent, line.last_visit, line.created_at
        )

    def _cell_text(self, line: CustomerLine, column: int) -> str:
        if column == SEGMENT:
            segment = self.segment(line)
            return "" if segment is None else self._segment_titles[segment]
        if column == NAME:
            return line.name
        if column == PHONE:
            return line.phone_display
        if column == EMAIL:
            return line.email
        if column == TAGS:
            return ", ".join(line.tag_list)
        if column == VISITS:
            return fmt.number(line.visit_count)
        if column == SPENT:
            return fmt.money(line.total_spent, self._currency)
        return self._day(line.last_visit if column == LAST_VISIT else line.created_at)

    def _day(self, iso: str | None) -> str:
        if not iso:
            return ""
        text = self._days.get(iso[:10])
        if text is None:
            text = self._days[iso[:10]] = fmt.day(iso[:10])
        return text
