"""The Counter's search: the box, a hint under it, and the customers found, one highlighted.

Typing searches at once (the core's Turkish search); Up/Down/PageUp/PageDown in the box move the
highlight; Enter picks. A voucher code typed or scanned into the box is looked up instead, and the
hint says what it is; a scanned loyalty card finds its holder. ``highlighted`` tells the page
whenever the highlighted customer changes, so that the page never serves anyone the results do
not show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, Shop
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _, ngettext
from shopcrm.people.card_codes import customer_of
from ui.counter.results import CustomerResultsModel, ResultColumns
from ui.style import HINT_STYLE, bold

if TYPE_CHECKING:
    from shopcrm.loyalty.rewards import VoucherLookup

VOUCHER_OK_STYLE = (
    "color: #1b5e20; background: #e8f5e9; border: 1px solid #81c784; border-radius: 4px;"
    " padding: 6px; font-weight: bold;"
)
VOUCHER_BAD_STYLE = (
    "color: #b71c1c; background: #ffebee; border: 1px solid #e57373; border-radius: 4px;"
    " padding: 6px; font-weight: bold;"
)
_MOVE_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class CounterSearch(QWidget):
    """Find the customer: box, hint and results; says which customer is highlighted."""

    highlighted = Signal()
    """The highlighted customer changed (``current()`` tells who, or None)."""
    activated = Signal()
    """Enter in the box or on a result: pick the highlighted customer (or use the voucher)."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.lookup: VoucherLookup | None = None
        """What the box's voucher code is, when it holds one."""
        self._quiet = False
        self._served_today = 0
        """How many of the customers shown while the box is empty came today."""

        self.box = QLineEdit()
        self.box.setObjectName("counterSearch")
        self.box.setPlaceholderText(_("Name or phone of the customer…"))
        self.box.setClearButtonEnabled(True)
        font = self.box.font()
        font.setPointSize(font.pointSize() + 3)
        self.box.setFont(font)
        self.box.textChanged.connect(self._text_changed)
        self.box.returnPressed.connect(self.activated)
        self.box.installEventFilter(self)

        self.hint = QLabel()
        self.hint.setObjectName("counterHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)

        self.model = CustomerResultsModel()
        self.results = QTableView()
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setTabKeyNavigation(False)
        self.results.verticalHeader().hide()
        self.results.setShowGrid(False)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(False)
        # always there: a scroll bar that comes and goes with the number of results lays the
        # table out again and paints it twice on the keystroke that fills an empty list
        self.results.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.results.horizontalHeader().setHighlightSections(False)
        self.columns = ResultColumns(self.results, self.model)
        self.results.activated.connect(self._row_activated)
        self.results.selectionModel().currentRowChanged.connect(self._current_changed)

        self.label = bold(QLabel(_("&Find a customer")))
        self.label.setBuddy(self.box)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.label)
        self.column.addWidget(self.box)
        self.column.addWidget(self.hint)
        self.extras = QVBoxLayout()
        """Room under the hint for the page's own notes (the gift voucher ticked)."""
        self.column.addLayout(self.extras)
        self.column.addWidget(self.results, 1)
        self._search("")  # today's and the most recent customers, before anyone types

    # what is highlighted -------------------------------------------------------------------

    def current(self) -> Customer | None:
        """The highlighted customer, or None."""
        return self.model.record_at(self.results.currentIndex().row())

    def highlight(self, customer: Customer) -> None:
        """Highlight ``customer``; when the results do not hold them, they become the results."""
        row = self.model.row_of(customer.id)
        if row < 0:
            self.show_results([customer], keep=customer.id)
        else:
            self._select_row(row)

    def show_results(self, customers: list[Customer], keep: int | None = None) -> None:
        """Show ``customers``; highlight the one with id ``keep`` if shown, else the first."""
        self._quiet = True
        try:
            self.model.set_records(customers)
            self.columns.widen()
            row = self.model.row_of(keep) if keep is not None else -1
            if self.model.rowCount():
                self._select_row(max(row, 0))
        finally:
            self._quiet = False
        self.highlighted.emit()
        self.update_hint()

    def search_again(self) -> None:
        """Search the box's text afresh (the data changed), keeping the highlighted customer."""
        current = self.current()
        self._search(self.box.text(), keep=current.id if current else None)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.results.selectionModel().setCurrentIndex(index, flags)
        self.results.scrollTo(index)

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet:
            self.highlighted.emit()

    def _row_activated(self, index: QModelIndex) -> None:
        self._select_row(index.row())
        self.activated.emit()

    # typing --------------------------------------------------------------------------------

    def set_text_quietly(self, text: str) -> None:
        """Put ``text`` in the box without searching (the caller shows the results)."""
        self.box.blockSignals(True)
        self.box.setText(text)
        self.box.blockSignals(False)
        self.lookup = None

    def _text_changed(self, text: str) -> None:
        self._search(text)

    def _search(self, text: str, keep: int | None = None) -> None:
        self.lookup = None
        if self.shop.rewards.looks_like_code(text):
            # a voucher code, typed or scanned: say what it is, offer its customer if valid
            self.lookup = self.shop.rewards.look_up(text)
            customer = self.lookup.customer
            valid = self.lookup.state == "valid"
            self.show_results([customer] if valid and customer else [], keep)
        elif not text.strip():
            # before anyone types: today's customers first, then the most recently seen
            recent = self.shop.customers.recent()
            self._served_today = recent.today
            self.show_results(recent.customers, keep)
        else:
            self.show_results(self.shop.customers.search(text), keep)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down/PageUp/PageDown in the box move the highlight through the results."""
        if (
            watched is self.box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _MOVE_KEYS
            and self.model.rowCount() > 0
        ):
            self._move(event.key())
            return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        rows = self.model.rowCount()
        current = self.results.currentIndex().row()
        page = max(1, self.results.viewport().height() // max(1, self.results.rowHeight(0)) - 1)
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_PageDown: page,
        }[Qt.Key(key)]
        self._select_row(min(rows - 1, max(0, (current if current >= 0 else 0) + step)))

    def update_hint(self) -> None:
        """Say what to do next, what a voucher code is, or why nobody is found."""
        text = self.box.text().strip()
        if self.lookup is not None:
            valid = self.lookup.state == "valid"
            message = self.lookup.message
            if valid:
                message += "\n" + _("Press Enter to use it with this purchase.")
            self.hint.setText(message)
            self._hint_style(VOUCHER_OK_STYLE if valid else VOUCHER_BAD_STYLE)
            return
        self._hint_style(HINT_STYLE)
        if not text and self.model.rowCount():
            self.hint.setText(self._recent_hint())
        elif not text:
            self.hint.setText(_("Type a few letters of the name, or the phone number."))
        elif self.model.rowCount() == 0 and (hint := self.shop.customers.search_hint(text)):
            self.hint.setText(hint)
        elif self.model.rowCount() == 0:
            self.hint.setText(
                _("No customer found. Press Ctrl+N to add “{text}”.").format(text=text)
            )
        elif customer_of(text) is not None and (holder := self.model.record_at(0)):
            self.hint.setText(
                _("Loyalty card of {name}. Press Enter to pick.").format(name=holder.name)
            )
        else:
            self.hint.setText(_("Up/Down to choose, Enter to pick."))

    def _recent_hint(self) -> str:
        """What the list under an empty box is, and what to do."""
        if self._served_today:
            seen = ngettext(
                "{n} customer served today, then the most recent ones.",
                "{n} customers served today, then the most recent ones.",
                self._served_today,
            ).format(n=number(self._served_today))
        else:
            seen = _("The most recent customers.")
        return (
            seen + " " + _("Type a name or phone to search; Up/Down and Enter pick from the list.")
        )

    def say(self, message: str) -> None:
        """Show ``message`` as the hint until the next keystroke."""
        self._hint_style(HINT_STYLE)
        self.hint.setText(message)

    def _hint_style(self, style: str) -> None:
        """Style the hint; only when the style changes (a new style sheet restyles and lays
        out the widget again, too costly for every keystroke)."""
        if self.hint.styleSheet() != style:
            self.hint.setStyleSheet(style)
