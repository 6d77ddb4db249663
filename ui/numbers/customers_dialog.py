"""The customers behind a number: who they are, and a letter to them in one step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop, ShopError
from shopcrm.common import formatting as fmt
from shopcrm.common.i18n import _, ngettext
from shopcrm.documents.kinds import DocumentKind, PrintJob
from shopcrm.people.records import CustomerLine
from ui.record_model import RecordTableModel
from ui.tables import list_table

NAME, PHONE, VISITS, LAST_VISIT = range(4)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CustomerLinesModel(RecordTableModel[CustomerLine]):
    """Name, phone, visits and last visit of each customer."""

    def __init__(self) -> None:
        super().__init__([_("Name"), _("Phone"), _("Visits"), _("Last visit")])

    def cell(self, record: CustomerLine, column: int, role: int) -> object:
        """Qt: the text of a cell; numbers to the right."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column == VISITS:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == NAME:
            return record.name
        if column == PHONE:
            return record.phone_display
        if column == VISITS:
            return fmt.number(record.visit_count)
        return fmt.day(record.last_visit) or _("never")


class BehindDialog(QDialog):
    """The customers behind one figure of a period. It opens at once and says it is finding
    them; ``show_lines`` lists them when they are found. "Print a letter…" emits
    ``print_requested`` with a letter to all of them and closes the dialog."""

    print_requested = Signal(object)
    calls_planned = Signal()
    """Customers were put on today's call list (the contact log changed)."""

    def __init__(self, shop: Shop, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.shop = shop
        self.title = title
        self.ids: list[int] = []
        self.model = CustomerLinesModel()
        self.table = list_table(self.model, stretch=NAME)
        self.summary = QLabel(_("Finding the customers…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.letter = QPushButton(_("Print a &letter…"))
        self.letter.setEnabled(False)
        self.buttons.addButton(self.letter, QDialogButtonBox.ButtonRole.ActionRole)
        self.call = QPushButton(_("&Call them today"))
        self.call.setToolTip(
            _("Put them on today's call list, each with why (those with consent to calls)")
        )
        self.call.setEnabled(False)
        self.buttons.addButton(self.call, QDialogButtonBox.ButtonRole.ActionRole)
        self.call.clicked.connect(self.plan_calls)
        self.buttons.rejected.connect(self.reject)
        self.letter.clicked.connect(self.print_letter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 460)

    def show_lines(self, lines: list[CustomerLine]) -> None:
        """List the customers found (in the order given)."""
        self.ids = [line.id for line in lines]
        self.model.set_records(lines)
        count = len(lines)
        self.summary.setText(
            ngettext("{n} customer", "{n} customers", count).format(n=fmt.number(count))
        )
        self.letter.setEnabled(count > 0)
        self.call.setEnabled(count > 0)

    def show_failure(self, text: str) -> None:
        """Say why the customers could not be listed."""
        self.summary.setText(text)

    def plan_calls(self) -> None:
        """Put every customer listed on today's call list, and say how many went on it."""
        try:
            planned = self.shop.calls.plan(self.ids, self.title)
        except ShopError as error:
            self.summary.setText(str(error))
            return
        text = ngettext(
            "{n} customer put on today's call list.",
            "{n} customers put on today's call list.",
            planned.added,
        ).format(n=fmt.number(planned.added))
        if planned.already:
            text += " " + ngettext(
                "{n} was on it already.", "{n} were on it already.", planned.already
            ).format(n=fmt.number(planned.already))
        if planned.left_out:
            text += " " + ngettext(
                "{n} left out: no consent to calls.",
                "{n} left out: no consent to calls.",
                planned.left_out,
            ).format(n=fmt.number(planned.left_out))
        self.summary.setText(text)
        self.call.setEnabled(False)
        self.calls_planned.emit()

    def print_letter(self) -> None:
        """Ask for a letter to every customer listed."""
        rows = range(self.model.rowCount())
        ids = [line.id for row in rows if (line := self.model.record_at(row)) is not None]
        self.print_requested.emit(PrintJob(DocumentKind.LETTER, customer_ids=tuple(ids)))
        self.accept()
