"""Column widths that never cut a name or an e-mail short, and headings the sort arrow leaves clear.

Each column starts wide enough for its usual content (in average characters of the table's font)
and for its heading; the sorted column's heading also gets room for the arrow. The spare width
of a wide window goes to the columns that can use it (a name, an e-mail); in a narrow window
those keep their room too and the table scrolls sideways, rather than show "abdul…".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

_PADDING = 16
"""Room around a cell's text (the style's margins and the grid line)."""


class ColumnWidths(QObject):
    """Keeps ``table``'s columns in ``chars`` at their width, sharing the spare width between
    the columns in ``sharing``. Columns not in ``chars`` keep their own resize mode."""

    def __init__(self, table: QTableView, chars: Mapping[int, int], sharing: Sequence[int]) -> None:
        super().__init__(table)
        self._table = table
        self._chars = dict(chars)
        self._sharing = list(sharing)
        self._fitting = False
        header = table.horizontalHeader()
        for column in self._chars:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.viewport().installEventFilter(self)
        header.sortIndicatorChanged.connect(lambda _c, _o: self.fit())
        header.sectionResized.connect(self._resized)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: fit the columns again when the table changes width."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column not in self._chars:
            self.fit()  # a column sized to its contents changed: share what is left again

    def heading_width(self, column: int) -> int:
        """The width the heading of ``column`` needs, with room for the sort arrow when the
        table is sorted by it (the style centres the heading in what the arrow leaves)."""
        header = self._table.horizontalHeader()
        title = str(self._table.model().headerData(column, Qt.Orientation.Horizontal) or "")
        width = header.fontMetrics().horizontalAdvance(title) + _PADDING
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
            arrow = max(header.height(), header.fontMetrics().height() + 2 * margin) // 2
            width += arrow + 3 * margin
        return width

    def fit(self) -> None:
        """Set the widths: content or heading, whichever is wider, plus a share of the spare."""
        table = self._table
        header = table.horizontalHeader()
        char = table.fontMetrics().averageCharWidth()
        wanted = {
            column: max(chars * char + _PADDING, self.heading_width(column))
            for column, chars in self._chars.items()
        }
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in wanted and not header.isSectionHidden(c)
        )
        used = others + sum(wanted.values())
        spare = table.viewport().width() - used
        if spare > 0 and self._sharing:
            base = sum(wanted[c] for c in self._sharing)
            given = 0
            for column in self._sharing[:-1]:
                extra = spare * wanted[column] // base
                wanted[column] += extra
                given += extra
            wanted[self._sharing[-1]] += spare - given
        self._fitting = True
        try:
            for column, width in wanted.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False
