"""Merge two records of the same person (Customers page, Ctrl+M), and undo a merge.

The customer selected on the page stands on the left; the other is chosen on the right by a few
letters of the name or phone. Both are shown side by side with what each holds, and which one
is kept is chosen; everything of the other moves to it (``shop.merges``). Below, the merges
into the selected customer (or the one they were merged into) can be undone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, Shop, ShopError
from shopcrm.common.formatting import day, money, number
from shopcrm.common.i18n import _
from shopcrm.people.merging import Merge
from ui.customer_picker import CustomerPicker
from ui.style import DONE_STYLE, ERROR_STYLE, HINT_STYLE


def moved_text(moved: dict[str, int]) -> str:
    """What a merge moves (or moved), in a few words: "5 purchases, 2 rewards..."."""
    names = {
        "purchases": _("purchases"),
        "rewards": _("rewards and vouchers"),
        "adjustments": _("opening balances"),
        "occasions": _("occasions"),
        "contacts": _("contact log entries"),
        "consents": _("consent records"),
        "call_outcomes": _("calls"),
        "print_queue": _("cards waiting to print"),
    }
    parts = [f"{names[t]}: {number(n)}" for t, n in moved.items() if n and t in names]
    return "; ".join(parts) if parts else _("nothing recorded yet")


class CustomerSide(QGroupBox):
    """One of the two customers: their details and what they hold."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.fields = {key: QLabel() for key in ("name", "phone", "email", "visits", "holds")}
        form = QFormLayout(self)
        for key, label in (
            ("name", _("Name:")),
            ("phone", _("Phone:")),
            ("email", _("E-mail:")),
            ("visits", _("Visits:")),
            ("holds", _("Holds:")),
        ):
            self.fields[key].setWordWrap(True)
            self.fields[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, self.fields[key])

    def show_customer(self, customer: Customer | None, shop: Shop) -> None:
        """Show ``customer`` (None: empty)."""
        if customer is None:
            for label in self.fields.values():
                label.clear()
            return
        currency = shop.settings.get().currency
        self.fields["name"].setText(customer.name)
        self.fields["phone"].setText(customer.phone_display)
        self.fields["email"].setText(customer.email)
        self.fields["visits"].setText(
            _("{visits} visits, {spent}, last on {last}").format(
                visits=number(customer.visit_count),
                spent=money(customer.total_spent, currency),
                last=day(customer.last_visit) or "—",
            )
        )
        self.fields["holds"].setText(moved_text(shop.merges.what_moves(customer.id)))


class MergeDialog(QDialog):
    """Merge the selected customer with another, or undo a merge of theirs."""

    changed = Signal()
    """Emitted after a merge or an undo."""

    def __init__(self, shop: Shop, customer: Customer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.customer = customer
        self.other: Customer | None = None
        self.setWindowTitle(_("Merge customers"))

        about = QLabel(
            _(
                "Two records of the same person become one: the purchases, rewards, occasions, "
                "contact log and consents of the one merged go to the one kept, and its empty "
                "fields are filled. The one merged is archived, not deleted; the merge can be "
                "undone here."
            )
        )
        about.setWordWrap(True)
        about.setStyleSheet(HINT_STYLE)
        self.left = CustomerSide(_("Selected customer"))
        self.right = CustomerSide(_("Other customer"))
        self.picker = CustomerPicker(shop, exclude_id=customer.id)
        self.picker.setObjectName("mergeOther")
        picker_label = QLabel(_("&Other customer:"))
        picker_label.setBuddy(self.picker)
        self.keep_left = QRadioButton()
        self.keep_right = QRadioButton()
        self.keep_left.setChecked(True)
        self.keep_right.setEnabled(False)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.done_label = QLabel()
        self.done_label.setStyleSheet(DONE_STYLE)
        self.done_label.setWordWrap(True)
        self.done_label.hide()

        self.merges = QListWidget()
        self.merges.setObjectName("mergesList")
        self.merges.setMaximumHeight(self.merges.fontMetrics().height() * 5)
        self.undo_button = QPushButton(_("&Undo merge"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(_("&Merge"))
        self.merge_button.setEnabled(False)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))
        for button in (self.merge_button, close, self.undo_button):
            button.setAutoDefault(False)  # Enter chooses in the picker; it never merges
            button.setDefault(False)

        sides = QHBoxLayout()
        left_column, right_column = QVBoxLayout(), QVBoxLayout()
        left_column.addWidget(self.left)
        left_column.addWidget(self.keep_left)
        right_row = QHBoxLayout()
        right_row.addWidget(picker_label)
        right_row.addWidget(self.picker, 1)
        right_column.addLayout(right_row)
        right_column.addWidget(self.right)
        right_column.addWidget(self.keep_right)
        sides.addLayout(left_column, 1)
        sides.addLayout(right_column, 1)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.merges, 1, Qt.AlignmentFlag.AlignTop)
        undo_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        self.merges_box = QGroupBox(_("Merges"))
        self.merges_box.setLayout(undo_row)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(sides)
        layout.addWidget(self.error)
        layout.addWidget(self.done_label)
        layout.addWidget(self.merges_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.picker.chosen.connect(self._chose)
        self.merge_button.clicked.connect(self.merge)
        close.clicked.connect(self.reject)
        self.undo_button.clicked.connect(self.undo)
        self.resize(860, 460)
        self._show()

    def _show(self) -> None:
        self.left.show_customer(self.customer, self.shop)
        self.right.show_customer(self.other, self.shop)
        self.keep_left.setText(_("Keep {name}").format(name=self.customer.name))
        other = self.other.name if self.other is not None else "…"
        self.keep_right.setText(_("Keep {name}").format(name=other))
        self.keep_right.setEnabled(self.other is not None)
        self.merge_button.setEnabled(self.other is not None)
        self._list_merges()

    def _list_merges(self) -> None:
        """The merges into this customer, and the one they are merged into, to undo."""
        self.merges.clear()
        found: list[tuple[Merge, str]] = []
        for merge in self.shop.merges.into(self.customer.id):
            name = self.shop.customers.get(merge.merged_id).name
            found.append((merge, _("{name} merged into this customer").format(name=name)))
        into = self.shop.merges.merged_into(self.customer.id)
        if into is not None:
            merge = next(m for m in self.shop.merges.into(into) if m.merged_id == self.customer.id)
            name = self.shop.customers.get(into).name
            found.append((merge, _("This customer is merged into {name}").format(name=name)))
        for merge, text in found:
            item = QListWidgetItem(
                _("{what}, on {day} ({moved})").format(
                    what=text, day=day(merge.merged_at), moved=moved_text(merge.moved)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, merge.id)
            self.merges.addItem(item)
        if found:
            self.merges.setCurrentRow(0)
        self.merges_box.setVisible(bool(found))
        self.undo_button.setEnabled(bool(found))

    def _chose(self, customer: Customer | None) -> None:
        self.other = customer
        self.error.hide()
        self._show()

    def merge(self) -> None:
        """Merge the one not kept into the one kept."""
        if self.other is None:
            return
        kept, merged = (
            (self.customer, self.other)
            if self.keep_left.isChecked()
            else (self.other, self.customer)
        )
        try:
            done = self.shop.merges.merge(kept.id, merged.id)
        except ShopError as error:
            self._tell(str(error))
            return
        self.customer = self.shop.customers.get(done.kept_id)
        self.other = None
        self.picker.choose(None)
        self.picker.exclude_id = self.customer.id
        self._said(
            _("{merged} is merged into {kept} ({moved}).").format(
                merged=merged.name, kept=kept.name, moved=moved_text(done.moved)
            )
        )
        self._show()
        self.changed.emit()

    def undo(self) -> None:
        """Undo the merge chosen in the list."""
        item = self.merges.currentItem()
        if item is None:
            return
        try:
            undone = self.shop.merges.undo(int(item.data(Qt.ItemDataRole.UserRole)))
        except ShopError as error:
            self._tell(str(error))
            return
        self.customer = self.shop.customers.get(self.customer.id)
        name = self.shop.customers.get(undone.merged_id).name
        self._said(_("The merge is undone: {name} is back.").format(name=name))
        self._show()
        self.changed.emit()

    def _tell(self, text: str) -> None:
        self.done_label.hide()
        self.error.setText(text)
        self.error.show()

    def _said(self, text: str) -> None:
        self.error.hide()
        self.done_label.setText(text)
        self.done_label.show()


class MergeAction(QObject):
    """The Customers page's Merge… button and Ctrl+M: the merge dialog of the customer
    selected (``current``); ``changed`` after a merge or an undo."""

    changed = Signal()

    def __init__(self, page: QWidget, shop: Shop, current: Callable[[], Customer | None]) -> None:
        super().__init__(page)
        self._page = page
        self._shop = shop
        self._current = current
        self.dialog: MergeDialog | None = None
        self.button = QPushButton(_("Merge…"))
        self.button.setToolTip(_("Merge with another record of the same person (Ctrl+M)"))
        self.button.clicked.connect(self.open)
        QShortcut(QKeySequence("Ctrl+M"), page, self.open)

    def open(self, other: Customer | None = None) -> None:
        """Open the merge dialog on the selected customer (``other`` already chosen, if
        given)."""
        customer = self._current()
        if customer is None:
            return
        self.dialog = MergeDialog(self._shop, customer, self._page)
        if isinstance(other, Customer) and other.id != customer.id:
            self.dialog.picker.choose(other)
        self.dialog.changed.connect(self.changed)
        self.dialog.open()
