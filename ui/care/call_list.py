"""Today's call list: whom to call and why, and the outcome of each call in one step.

Select a customer (Up/Down); a click on the phone copies it (or Ctrl+C); then one key records how
the call went: Alt+U reached, Alt+C no answer (back tomorrow, at most three times), Alt+T call back
on a day, Alt+İ not interested. The row leaves today's list at once; the call is in the contact log.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop, ShopError
from shopcrm.care.call_list import CallRow, Outcome
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _, ngettext
from ui.form_dialog import FormDialog
from ui.record_model import RecordTableModel
from ui.style import DONE_STYLE, ERROR_STYLE, HINT_STYLE, bold


class _Row:
    """A call row with an id, as the record model wants it."""

    def __init__(self, row: CallRow) -> None:
        self.row = row
        self.id = row.customer_id
        self.reasons = "\n".join(reason.text for reason in row.reasons)


class CallRowsModel(RecordTableModel[_Row]):
    """The customers to call: name, phone, and every reason on its own line."""

    NAME, PHONE, REASONS = range(3)

    def __init__(self) -> None:
        super().__init__([_("Customer"), _("Phone"), _("Why")])

    def cell(self, record: _Row, column: int, role: int) -> object:
        """Qt: what one cell shows."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.NAME:
                return record.row.name
            if column == self.PHONE:
                return record.row.phone or _("no phone")
            if column == self.REASONS:
                return record.reasons
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class CallBackDialog(FormDialog):
    """Ask the day to call back; the core refuses a day that makes no sense."""

    def __init__(self, shop: Shop, row: CallRow, recorded_by: str, parent: QWidget) -> None:
        super().__init__(_("Call back {name}").format(name=row.name), parent)
        self.shop = shop
        self.row = row
        self.recorded_by = recorded_by
        self.when = QDateEdit()
        self.when.setCalendarPopup(True)
        tomorrow = shop.clock().date() + timedelta(days=1)
        self.when.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("optional, e.g. after 6 pm"))
        self.form.addRow(_("Call back &on:"), self.when)
        self.form.addRow(_("&Note:"), self.note)
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("&Save"))
        self.when.setFocus()

    def submit(self) -> None:
        """Record the outcome through the core."""
        picked = self.when.date()
        self.shop.calls.record(
            self.row.customer_id,
            Outcome.CALL_BACK,
            call_back_on=date(picked.year(), picked.month(), picked.day()),
            note=self.note.text(),
            recorded_by=self.recorded_by,
            reasons=self.row.reasons,
        )


class CallListView(QWidget):
    """Today's call list with the outcome buttons."""

    changed = Signal()
    """A call was recorded (the contact log and the upcoming occasions changed)."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.dialog: CallBackDialog | None = None
        self.model = CallRowsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)  # a reason a line; a long one is cut, its tool tip whole
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(CallRowsModel.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CallRowsModel.PHONE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CallRowsModel.REASONS, QHeaderView.ResizeMode.Stretch)
        self.table.clicked.connect(self._clicked)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.title = bold(QLabel(_("&Today's calls")), 2)
        self.title.setBuddy(self.table)
        self.count = QLabel()
        self.skipped = QLabel()
        self.skipped.setStyleSheet(HINT_STYLE)
        self.skipped.setWordWrap(True)
        self.recorded_by = QLineEdit()
        self.recorded_by.setPlaceholderText(_("your name (optional)"))
        self.recorded_by.setMaximumWidth(220)
        who = QLabel(_("Calls &made by:"))
        who.setBuddy(self.recorded_by)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()

        self.copy_button = QPushButton(_("Co&py phone"))
        self.reached_button = QPushButton(_("Reac&hed"))
        self.no_answer_button = QPushButton(_("No &answer"))
        self.call_back_button = QPushButton(_("Call &back…"))
        self.not_interested_button = QPushButton(_("Not &interested"))
        self.copy_button.clicked.connect(self.copy_phone)
        self.reached_button.clicked.connect(lambda: self.record(Outcome.REACHED))
        self.no_answer_button.clicked.connect(lambda: self.record(Outcome.NO_ANSWER))
        self.call_back_button.clicked.connect(self.call_back)
        self.not_interested_button.clicked.connect(lambda: self.record(Outcome.NOT_INTERESTED))
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_phone)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(who)
        top.addWidget(self.recorded_by)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        for button in (
            self.reached_button,
            self.no_answer_button,
            self.call_back_button,
            self.not_interested_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.skipped)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Read today's list afresh, keeping the selected customer if still on it."""
        current = self.current()
        listed = self.shop.calls.today()
        self.model.set_records([_Row(row) for row in listed.rows])
        self.table.resizeRowsToContents()
        total = len(listed.rows)
        self.count.setText(ngettext("{n} customer", "{n} customers", total).format(n=number(total)))
        skipped = listed.skipped_without_consent
        self.skipped.setText(
            ngettext(
                "{n} customer was left out: no consent to marketing calls.",
                "{n} customers were left out: no consent to marketing calls.",
                skipped,
            ).format(n=number(skipped))
        )
        self.skipped.setVisible(skipped > 0)
        row = self.model.row_of(current.customer_id) if current is not None else -1
        if self.model.rowCount():
            self.table.selectRow(max(row, 0))
        self._update_buttons()

    def current(self) -> CallRow | None:
        """The selected customer's row, if any."""
        record = self.model.record_at(self.table.currentIndex().row())
        return record.row if record is not None else None

    def copy_phone(self) -> None:
        """Copy the selected customer's phone number."""
        row = self.current()
        if row is None or not row.phone:
            return
        QGuiApplication.clipboard().setText(row.phone)
        self._say(_("{phone} copied.").format(phone=row.phone))

    def record(self, outcome: Outcome) -> None:
        """Record how the call to the selected customer went."""
        row = self.current()
        if row is None:
            return
        try:
            self.shop.calls.record(
                row.customer_id,
                outcome,
                recorded_by=self.recorded_by.text(),
                reasons=row.reasons,
            )
        except ShopError as error:
            self._say(str(error), error=True)
            return
        self._recorded(row, outcome)

    def call_back(self) -> None:
        """Ask the day to call the selected customer back, then record it."""
        row = self.current()
        if row is None:
            return
        dialog = CallBackDialog(self.shop, row, self.recorded_by.text(), self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._recorded(row, Outcome.CALL_BACK))
        dialog.open()

    def _recorded(self, row: CallRow, outcome: Outcome) -> None:
        self.dialog = None
        messages = {
            Outcome.REACHED: _("{name}: reached. The call is in the contact log."),
            Outcome.NO_ANSWER: _("{name}: no answer. On the list again tomorrow."),
            Outcome.CALL_BACK: _("{name}: to call back. On the list again that day."),
            Outcome.NOT_INTERESTED: _("{name}: not interested. Off the list."),
        }
        self.reload()
        self._say(messages[outcome].format(name=row.name))
        self.changed.emit()

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == CallRowsModel.PHONE:
            self.copy_phone()

    def _say(self, message: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        self.status.setText(message)
        self.status.show()

    def _update_buttons(self, *_args: QModelIndex) -> None:
        chosen = self.current() is not None
        for button in (
            self.reached_button,
            self.no_answer_button,
            self.call_back_button,
            self.not_interested_button,
        ):
            button.setEnabled(chosen)
        self.copy_button.setEnabled(chosen and bool(self.current() and self.current().phone))  # type: ignore[union-attr]
