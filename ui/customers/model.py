"""The customers table: a Qt model over the core's customers, and the proxy that sorts and filters.

The model holds the light ``CustomerLine``s the core lists and works out the text of a cell
only when the view shows it, so that 100,000 customers load in a moment. Sorting uses one Python
sort over the column's ``SORT_ROLE`` values instead of Qt comparing rows two by two through
Python, which would take seconds; names are not even keyed again: the core lists them in
Turkish order, so a name's place in that list is its sort value. The filter compares the folded
query with the names as the core stored them folded.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from shopcrm import Customer
from shopcrm.common import formatting as fmt
from shopcrm.common.i18n import _
from shopcrm.common.text import fold, sort_key_text
from shopcrm.numbers.segments import Segment, SegmentLimits, segment_titles
from shopcrm.people.phone import query_digits
from shopcrm.people.records import CustomerLine

Index = QModelIndex | QPersistentModelIndex

NAME, PHONE, EMAIL, TAGS, VISITS, SPENT, LAST_VISIT, SINCE, SEGMENT = range(9)
COLUMN_COUNT = 9

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""What a column sorts by: the Turkish sort key of a name, raw numbers, ISO dates."""
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
"""The folded text the filter box looks in: name, e-mail and phone digits."""
CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 3
"""The row's ``shopcrm.people.records.CustomerLine``."""

ARCHIVED_COLOUR = QColor("#8a8a8a")
_NUMBERS = (VISITS, SPENT)
_LONG_TEXTS = (NAME, EMAIL, TAGS)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_PHONE_CHARS = frozenset("0123456789 +-()./")


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


def filter_text(line: CustomerLine) -> str:
    """What the filter box is compared with: the folded name and e-mail, and the phone digits."""
    email = line.email.casefold() if line.email.isascii() else fold(line.email)
    return f"{line.name_folded}\n{email}\n{line.phone_digits}"


def folded_query(text: str) -> str:
    """The filter box text, comparable with ``filter_text``: folded, or a phone's digits."""
    stripped = text.strip()
    if stripped and set(stripped) <= _PHONE_CHARS and any(ch.isdigit() for ch in stripped):
        return query_digits(stripped)
    return fold(text)


def sort_value(line: CustomerLine, column: int) -> Any:
    """The ``SORT_ROLE`` value of one cell."""
    if column == NAME:
        return sort_key_text(line.name)
    if column == PHONE:
        return line.phone
    if column == EMAIL:
        return line.email.casefold()
    if column == TAGS:
        return sort_key_text(line.tags)
    if column == VISITS:
        return line.visit_count
    if column == SPENT:
        return line.total_spent
    if column == LAST_VISIT:
        return line.last_visit or ""
    return line.created_at


class CustomersModel(QAbstractTableModel):
    """The customers the page lists, one row each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[CustomerLine] = []
        self.filter_texts: list[str] = []
        """Each row's ``filter_text``; always changed in place, so it can be held on to."""
        self._rows_by_id: dict[int, int] = {}
        self._cells: dict[tuple[int, int], str] = {}
        self._sort_values: dict[int, list[Any]] = {}
        self._names_ranked = False
        self._currency = "TRY"
        self._limits: SegmentLimits | None = None
        self._segment_titles = segment_titles()
        self._segment_places = {segment: place for place, segment in enumerate(Segment)}
        self._titles = column_titles()

    def set_lines(
        self,
        lines: Sequence[CustomerLine],
        currency: str = "TRY",
        in_name_order: bool = True,
        limits: SegmentLimits | None = None,
    ) -> None:
        """List these customers, replacing the rows; money is shown in ``currency``, segments
        under ``limits`` (none shown without).

        ``lines`` are in Turkish order of name, as ``shop.customers.lines()`` gives them,
        unless ``in_name_order`` is False.
        """
        self.beginResetModel()
        self._limits = limits
        self._lines = list(lines)
        self.filter_texts[:] = [filter_text(line) for line in self._lines]
        self._rows_by_id = {line.id: row for row, line in enumerate(self._lines)}
        self._cells = {}
        self._sort_values = {NAME: list(range(len(self._lines)))} if in_name_order else {}
        self._names_ranked = in_name_order
        self._currency = currency
        self.endResetModel()

    def replace_customer(self, customer: Customer) -> bool:
        """Show the new state of a listed customer; False when they are not listed."""
        row = self._rows_by_id.get(customer.id)
        if row is None:
            return False
        line = CustomerLine.of(customer)
        self.filter_texts[row] = filter_text(line)
        for column in range(COLUMN_COUNT):
            self._cells.pop((line.id, column), None)
        previous = self._lines[row]
        self._lines[row] = line
        for column, values in self._sort_values.items():
            if column == NAME and self._names_ranked:
                if line.name != previous.name:
                    self._place_name(row)
            else:
                values[row] = self._sort_value(line, column)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        return True

    def remove_customer(self, customer_id: int) -> bool:
        """Take a customer off the list (archived while archived ones are hidden)."""
        row = self._rows_by_id.get(customer_id)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        del self.filter_texts[row]
        for values in self._sort_values.values():
            del values[row]
        self._rows_by_id = {line.id: r for r, line in enumerate(self._lines)}
        self.endRemoveRows()
        return True

    def _place_name(self, row: int) -> None:
        """Give a renamed row the name sort value between its new neighbours in Turkish order."""
        values = self._sort_values[NAME]
        others = sorted((r for r in range(len(values)) if r != row), key=values.__getitem__)
        if not others:
            return
        place = bisect.bisect_left(
            others,
            sort_key_text(self._lines[row].name),
            key=lambda r: sort_key_text(self._lines[r].name),
        )
        before = values[others[place - 1]] if place > 0 else values[others[0]] - 1
        after = values[others[place]] if place < len(others) else before + 1
        values[row] = (before + after) / 2

    def line(self, row: int) -> CustomerLine:
        """The customer in ``row``, as the list knows them."""
        return self._lines[row]

    def row_of(self, customer_id: int) -> int | None:
        """The row of a customer, or None when they are not listed."""
        return self._rows_by_id.get(customer_id)

    def sort_values(self, column: int) -> list[Any]:
        """A value per row that sorts ``column`` as ``SORT_ROLE`` does, worked out once and kept.

        For names it is the row's place in Turkish order rather than the longer sort key.
        """
        values = self._sort_values.get(column)
        if values is None:
            values = [self._sort_value(line, column) for line in self._lines]
            self._sort_values[column] = values
        return values

    def put_in_order(self, order: Sequence[int]) -> None:
        """Rearrange the rows: row ``i`` becomes what was row ``order[i]``."""
        self.layoutAboutToBeChanged.emit()
        new_row = [0] * len(order)
        for new, old in enumerate(order):
            new_row[old] = new
        self._lines = [self._lines[i] for i in order]
        self.filter_texts[:] = [self.filter_texts[i] for i in order]
        self._sort_values = {
            column: [values[i] for i in order] for column, values in self._sort_values.items()
        }
        self._rows_by_id = {line.id: row for row, line in enumerate(self._lines)}
        before = self.persistentIndexList()
        after = [self.index(new_row[i.row()], i.column()) for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """How many customers are listed (a table has no children)."""
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """How many columns there are."""
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles; numbers are aligned right."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The text, sort value, filter text, colour or customer of one cell."""
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        line = self._lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            key = (line.id, column)
            text = self._cells.get(key)
            if text is None:
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
        if role == SORT_ROLE:
            return self._sort_value(line, column)
        if role == FILTER_ROLE:
            return self.filter_texts[row]
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

    def _sort_value(self, line: CustomerLine, column: int) -> Any:
        if column == SEGMENT:
            segment = self.segment(line)
            return len(self._segment_places) if segment is None else self._segment_places[segment]
        return sort_value(line, column)

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
        if column == LAST_VISIT:
            return fmt.day(line.last_visit)
        return fmt.day(line.created_at)


class CustomersProxy(QSortFilterProxyModel):
    """Keeps the rows matching the filter box, and sorts by ``SORT_ROLE``.

    Sorting rearranges the model's rows with one Python sort over the column's sort values (the
    order Qt's own sort would give, in a fraction of the time); the proxy then keeps that order.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_ROLE)
        self._query = ""
        self._ids: frozenset[int] | None = None
        self._texts: list[str] = []
        self._column = -1
        self._order = Qt.SortOrder.AscendingOrder

    def customers_model(self) -> CustomersModel:
        """The model underneath."""
        model = self.sourceModel()
        assert isinstance(model, CustomersModel)
        return model

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        """Show ``model`` (a ``CustomersModel``), sorted again whenever it reloads."""
        assert isinstance(model, CustomersModel)
        super().setSourceModel(model)
        self._texts = model.filter_texts
        model.modelReset.connect(self._resort)

    def set_query(self, text: str) -> None:
        """Keep the customers whose name, e-mail or phone contains ``text``, folded."""
        self.beginFilterChange()
        self._query = folded_query(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_customer_ids(self, ids: frozenset[int] | None) -> None:
        """Keep only these customers (a segment's), or every customer with None."""
        self.beginFilterChange()
        self._ids = ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Whether a row matches the filter box and is one of the customers kept."""
        query = self._query
        if query and query not in self._texts[source_row]:
            return False
        return self._ids is None or self.customers_model().line(source_row).id in self._ids

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``: names in Turkish order, numbers by value, dates by ISO text."""
        self._column, self._order = column, order
        self._resort()

    def sort_column(self) -> int:
        """The column the rows are sorted by; -1 keeps the order the core gave."""
        return self._column

    def sort_order(self) -> Qt.SortOrder:
        """Ascending or descending."""
        return self._order

    def _resort(self) -> None:
        model = self.customers_model()
        if self._column < 0 or model.rowCount() < 2:
            return
        values = model.sort_values(self._column)
        descending = self._order == Qt.SortOrder.DescendingOrder
        order = sorted(range(len(values)), key=values.__getitem__, reverse=descending)
        if order != list(range(len(order))):
            model.put_in_order(order)
