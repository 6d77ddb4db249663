"""Before adding a customer whose name is already someone's: is this the same person?

The question shows who the namesakes are (phone, visits, last visit), so that the shopkeeper can
tell, and offers to use one of them, to add a new customer after all, or to go back (Vazgeç).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer
from shopcrm.common.formatting import day, number
from shopcrm.common.i18n import _, ngettext
from ui.form_dialog import label_cancel


class NamesakeQuestion(QDialog):
    """Ask whether one of ``namesakes`` is the customer being added. After it closes,
    ``chosen`` is the customer to use, or ``add_new`` says to add a new one; neither: go back."""

    def __init__(self, name: str, namesakes: list[Customer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Is this the same person?"))
        self.setMinimumWidth(420)
        self.chosen: Customer | None = None
        self.add_new = False
        self._namesakes = namesakes

        question = QLabel(
            ngettext(
                "A customer named {name} is already here. Is this the same person?",
                "{n} customers named {name} are already here. Is this one of them?",
                len(namesakes),
            ).format(name=name, n=number(len(namesakes)))
        )
        question.setWordWrap(True)
        self.list = QListWidget()
        for customer in namesakes:
            item = QListWidgetItem(describe(customer))
            item.setData(Qt.ItemDataRole.UserRole, customer.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        rows = min(len(namesakes), 5)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth())
        self.list.itemDoubleClicked.connect(lambda _item: self._use())

        self.buttons = QDialogButtonBox()
        use = self.buttons.addButton(_("Use this customer"), QDialogButtonBox.ButtonRole.AcceptRole)
        add = self.buttons.addButton(
            _("Add a new customer"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        label_cancel(self.buttons)
        use.setDefault(True)
        use.clicked.connect(self._use)
        add.clicked.connect(self._add)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.list.setFocus()

    def button(self, text: str) -> QAbstractButton:
        """The button labelled ``text``."""
        return next(b for b in self.buttons.buttons() if b.text() == text)

    def details(self) -> str:
        """What is shown of the namesakes, one line each."""
        return "\n".join(self.list.item(row).text() for row in range(self.list.count()))

    def _use(self) -> None:
        row = max(self.list.currentRow(), 0)
        self.chosen = self._namesakes[row]
        self.accept()

    def _add(self) -> None:
        self.add_new = True
        self.accept()


def describe(customer: Customer) -> str:
    """A namesake in one line: "Ayşe Yılmaz · 0532 123 45 67 · 5 visits · last visit 2 Mar
    2026"."""
    parts = [customer.name, customer.phone_display or _("no phone")]
    parts.append(
        ngettext("{n} visit", "{n} visits", customer.visit_count).format(
            n=number(customer.visit_count)
        )
    )
    if customer.last_visit:
        parts.append(_("last visit {date}").format(date=day(customer.last_visit)))
    else:
        parts.append(_("no visit yet"))
    return " · ".join(parts)
