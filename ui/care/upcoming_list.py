"""The upcoming occasions, for the "Occasions & calls" page: the next days, soonest first, and
what was done for each.

Each row says when (the date and how soon), who (the customer and their phone), what ("35. yaş
günü", "kızı Elif — 18. yaş günü") and the note. The buttons under the list, the row's context
menu (right click, or the menu key) and Delete (dismiss) mark the selected row: called, card
sent, gift sent (each written to the customer's contact log) or dismissed for this year. A
marked row leaves the list until next year.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop, ShopError
from shopcrm.care.upcoming import MarkAction, UpcomingOccasion
from shopcrm.common.formatting import day
from shopcrm.common.i18n import _, ngettext
from shopcrm.common.preferences import DAY_COUNTS
from shopcrm.documents.kinds import DocumentKind, PrintJob
from shopcrm.people.occasion_texts import days_left
from ui.keys import on_keys
from ui.record_model import RecordTableModel
from ui.style import DONE_STYLE, ERROR_STYLE, HINT_STYLE
from ui.tables import list_table

DATE, WHEN, CUSTOMER, PHONE, WHAT, NOTE = range(6)


def mark_names() -> dict[MarkAction, str]:
    """The buttons' and the menu's words for each mark, with their Alt keys."""
    return {
        MarkAction.CALLED: _("&Called"),
        MarkAction.CARD_SENT: _("Ca&rd sent"),
        MarkAction.GIFT_SENT: _("&Gift sent"),
        MarkAction.DISMISSED: _("D&ismiss this year"),
    }


class UpcomingModel(RecordTableModel[UpcomingOccasion]):
    """The upcoming occasions, each cell's text prepared once when the rows arrive."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [_("Date"), _("When"), _("Customer"), _("Phone"), _("Occasion"), _("Note")], parent
        )
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_rows(self, rows: Sequence[UpcomingOccasion]) -> None:
        """Show these upcoming occasions."""
        self._texts = {
            u.id: (
                day(u.coming.falls_on),
                days_left(u.coming.days_left),
                u.customer_name,
                u.phone_display,
                u.coming.what,
                u.occasion.note,
            )
            for u in rows
        }
        self.set_records(rows)

    def cell(self, record: UpcomingOccasion, column: int, role: int) -> object:
        """The prepared text; today's occasions in bold; long texts whole in the tool tip."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[record.id][column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (CUSTOMER, WHAT, NOTE):
            return self._texts[record.id][column] or None
        if role == Qt.ItemDataRole.FontRole and record.coming.days_left == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None


class UpcomingList(QWidget):
    """The occasions of the next days with the means to mark each one. ``marked`` is emitted
    with the occasion's id after a mark (the contact log changed too)."""

    marked = Signal(int)
    print_requested = Signal(object)
    """A ``PrintJob`` of occasion cards: the selected occasion's, or every one listed."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.today: date | None = None
        """The day the list is seen from (None: the shop's today, each time it reloads)."""

        self.days = QSpinBox()
        self.days.setRange(0, DAY_COUNTS["upcoming_days"][1])
        self.days.setValue(shop.settings.get().upcoming_days)
        self.days.setSuffix(_(" days"))
        days_label = QLabel(_("&Days ahead:"))
        days_label.setBuddy(self.days)
        self.count = QLabel()
        self.count.setStyleSheet(HINT_STYLE)

        self.model = UpcomingModel(self)
        self.table = list_table(self.model, stretch=NOTE)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.menu: QMenu | None = None

        self.buttons: dict[MarkAction, QPushButton] = {}
        row = QHBoxLayout()
        for action, text in mark_names().items():
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, a=action: self.mark_current(a))
            self.buttons[action] = button
            row.addWidget(button)
        row.addStretch(1)
        self.print_button = QPushButton(_("&Print the card…"))
        self.print_button.setToolTip(_("The occasion card of the selected occasion"))
        self.print_button.clicked.connect(self.print_current)
        self.print_all_button = QPushButton(_("Print &all the cards…"))
        self.print_all_button.setToolTip(_("One occasion card for each occasion listed"))
        self.print_all_button.clicked.connect(self.print_all)
        row.addWidget(self.print_button)
        row.addWidget(self.print_all_button)
        self.buttons[MarkAction.DISMISSED].setToolTip(
            _("Take it off the list for this year, without writing to the contact log (Delete)")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(days_label)
        top.addWidget(self.days)
        top.addWidget(self.count, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)

        self.days.valueChanged.connect(lambda _n: self.reload())
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        on_keys(self.table, [Qt.Key.Key_Delete], lambda: self.mark_current(MarkAction.DISMISSED))
        self.reload()

    def reload(self) -> None:
        """Read the upcoming occasions afresh, keeping the selected one if it is still there."""
        current = self.current()
        today = self.today or self.shop.clock().date()
        rows = self.shop.upcoming.occasions(self.days.value(), today=today)
        self.model.set_rows(rows)
        n = len(rows)
        self.count.setText(ngettext("{n} occasion", "{n} occasions", n).format(n=n))
        row = self.model.row_of(current.id) if current is not None else -1
        if rows:
            self.table.selectRow(max(row, 0))
        self._update_buttons()

    def current(self) -> UpcomingOccasion | None:
        """The selected row, if any."""
        return self.model.record_at(self.table.currentIndex().row())

    def mark_current(self, action: MarkAction) -> None:
        """Mark the selected occasion; the row leaves the list for this year."""
        chosen = self.current()
        if chosen is None:
            return
        row = self.table.currentIndex().row()
        try:
            self.shop.upcoming.mark(chosen.id, action, today=self.today)
        except ShopError as error:
            self._say(str(error), ERROR_STYLE)
            return
        self._say(_marked_text(action, chosen), DONE_STYLE)
        self.reload()
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self.marked.emit(chosen.id)

    def print_current(self) -> None:
        """Ask the Print page for the selected occasion's card."""
        chosen = self.current()
        if chosen is not None:
            self.print_requested.emit(PrintJob(DocumentKind.OCCASION, occasion_ids=(chosen.id,)))

    def print_all(self) -> None:
        """Ask the Print page for a card for each occasion listed."""
        ids = tuple(
            row.id
            for number in range(self.model.rowCount())
            if (row := self.model.record_at(number)) is not None
        )
        if ids:
            self.print_requested.emit(PrintJob(DocumentKind.OCCASION, occasion_ids=ids))

    def _context_menu(self, at: QPoint) -> None:
        index = self.table.indexAt(at)
        if index.isValid():
            self.table.selectRow(index.row())
        if self.current() is None:
            return
        menu = QMenu(self)
        for action, text in mark_names().items():
            item = QAction(text, menu)
            item.triggered.connect(lambda _checked=False, a=action: self.mark_current(a))
            menu.addAction(item)
        self.menu = menu
        menu.popup(self.table.viewport().mapToGlobal(at))

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.current() is not None
        for button in (*self.buttons.values(), self.print_button):
            button.setEnabled(chosen)
        self.print_all_button.setEnabled(self.model.rowCount() > 0)

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.show()


def _marked_text(action: MarkAction, row: UpcomingOccasion) -> str:
    """What the list says after a mark."""
    what, name = row.coming.what, row.customer_name
    if action is MarkAction.CALLED:
        return _("Called {name} for “{occasion}”: written to the contact log.").format(
            name=name, occasion=what
        )
    if action is MarkAction.CARD_SENT:
        return _("Card sent to {name} for “{occasion}”: written to the contact log.").format(
            name=name, occasion=what
        )
    if action is MarkAction.GIFT_SENT:
        return _("Gift sent to {name} for “{occasion}”: written to the contact log.").format(
            name=name, occasion=what
        )
    return _("“{occasion}” of {name} is off the list until next year.").format(
        name=name, occasion=what
    )
