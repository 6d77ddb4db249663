"""A Qt table model over records the core returned (customers, rules, vouchers...).

The rows are set at once; a row is found by its number or by the record's ``id``. Subclasses
say what each cell shows with ``cell``; the record's id is always under ``Qt.UserRole``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=_HasId)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows of records under the given column titles."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._records: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        """Show these records instead of the previous ones."""
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> R | None:
        """The record on ``row``, or None."""
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, record_id: int) -> int:
        """The row showing the record with this id, or -1."""
        for row, record in enumerate(self._records):
            if record.id == record_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: how many records are shown."""
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: one column per title."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Qt: the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: what one cell shows (see ``cell``); the record's id under ``UserRole``."""
        record = self.record_at(index.row())
        if record is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        return self.cell(record, index.column(), role)

    def cell(self, record: R, column: int, role: int) -> object:
        """What ``column`` of ``record`` gives for ``role`` (None for nothing)."""
        raise NotImplementedError
