"""A customer's occasions in one dialog: the list, the next to come first, with Add, Edit and
Remove. Opened from the Customers page and from the counter's customer panel.

Enter on the list changes the selected occasion, Delete removes it (after asking: a removed
occasion is kept on record but no longer comes).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, Shop, ShopError
from shopcrm.common.formatting import day
from shopcrm.common.i18n import _
from shopcrm.people.occasion_texts import days_left
from shopcrm.people.occasions import Occasion
from ui.care.occasion_dialog import OccasionDialog
from ui.confirm import Question, ask
from ui.keys import ENTER, on_keys
from ui.record_model import RecordTableModel
from ui.style import ERROR_STYLE, bold
from ui.tables import list_table

WHAT, DATE, REPEAT, NEXT, NOTE = range(5)


class OccasionsModel(RecordTableModel[Occasion]):
    """A customer's occasions, each cell's text prepared once when the rows arrive."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [_("Occasion"), _("Date"), _("Comes"), _("Next"), _("Note")],
            parent,
        )
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_occasions(self, occasions: Sequence[Occasion], today: date) -> None:
        """Show these occasions, as seen on ``today``."""
        self._texts = {o.id: _texts(o, today) for o in occasions}
        self.set_records(occasions)

    def cell(self, record: Occasion, column: int, role: int) -> object:
        """The prepared text of a cell; the whole note as its tool tip."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[record.id][column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (WHAT, NOTE):
            return self._texts[record.id][column] or None
        return None


def _texts(occasion: Occasion, today: date) -> tuple[str, ...]:
    falls = occasion.next_on(today)
    if falls is None:
        upcoming = _("passed")
    else:
        upcoming = _("{date} ({when})").format(
            date=day(falls), when=days_left((falls - today).days)
        )
    repeat = _("every year") if occasion.yearly else _("once")
    return (occasion.describe(falls), occasion.typed, repeat, upcoming, occasion.note)


class CustomerOccasionsDialog(QDialog):
    """Keep a customer's occasions: add, change, remove. ``changed`` after each change."""

    changed = Signal()

    def __init__(self, shop: Shop, customer: Customer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.customer = customer
        self.form: OccasionDialog | None = None
        self.question: Question | None = None
        self.setWindowTitle(_("Occasions of {name}").format(name=customer.name))
        self.setMinimumWidth(640)
        self.resize(760, 380)

        self.model = OccasionsModel(self)
        self.table = list_table(self.model, stretch=NOTE)
        self.title = bold(QLabel(_("&Occasions of {name}").format(name=customer.name)))
        self.title.setBuddy(self.table)
        self.empty = QLabel(_("No occasions yet. Add a birthday, a wedding anniversary…"))
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        self.add_button = QPushButton(_("&Add…"))
        self.edit_button = QPushButton(_("&Edit…"))
        self.remove_button = QPushButton(_("&Remove…"))
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.reject)
        close = self.close_buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_occasion)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.doubleClicked.connect(self.edit_current)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        on_keys(self.table, ENTER, self.edit_current)
        on_keys(self.table, [Qt.Key.Key_Delete], self.remove_current)
        self.reload()
        self.add_button.setDefault(False)
        self.add_button.setAutoDefault(False)
        self.table.setFocus()

    def reload(self, select: int | None = None) -> None:
        """Read the customer's occasions afresh; select the one with id ``select`` (else the
        one selected before, else the first)."""
        current = self.current()
        keep = select if select is not None else (current.id if current else None)
        occasions = self.shop.occasions.of_customer(self.customer.id)
        self.model.set_occasions(occasions, self.shop.clock().date())
        row = self.model.row_of(keep) if keep is not None else -1
        if occasions:
            self.table.selectRow(max(row, 0))
        self.empty.setVisible(not occasions)
        self._update_buttons()

    def current(self) -> Occasion | None:
        """The selected occasion, if any."""
        return self.model.record_at(self.table.currentIndex().row())

    def add_occasion(self) -> None:
        """Open the form for a new occasion of this customer."""
        self._open_form(OccasionDialog(self.shop, self.customer, parent=self))

    def edit_current(self) -> None:
        """Open the selected occasion in the form."""
        occasion = self.current()
        if occasion is not None:
            self._open_form(OccasionDialog(self.shop, self.customer, occasion, self))

    def remove_current(self) -> None:
        """Remove the selected occasion, after asking."""
        occasion = self.current()
        if occasion is None:
            return
        self.question = ask(
            self,
            _("Remove occasion"),
            _("Remove “{occasion}”? It no longer comes; it is kept on record.").format(
                occasion=occasion.describe()
            ),
            _("Remove"),
            lambda: self._remove(occasion),
        )

    def _remove(self, occasion: Occasion) -> None:
        self.question = None
        try:
            self.shop.occasions.remove(occasion.id)
        except ShopError as error:
            self._show_error(str(error))
            return
        self.reload()
        self.changed.emit()

    def _open_form(self, form: OccasionDialog) -> None:
        self.error.hide()
        self.form = form

        def done(result: int) -> None:
            self.form = None
            if result and form.occasion is not None:
                self.reload(select=form.occasion.id)
                self.changed.emit()
            self.table.setFocus()

        form.finished.connect(done)
        form.open()

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.current() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
