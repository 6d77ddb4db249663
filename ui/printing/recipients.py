"""Who (or what) a print is for: customers chosen one by one, the customers of the call list's
win-back, everyone with an occasion in the next days, the occasions themselves (occasion
cards), or vouchers. One ticked list whatever the source: Space ticks, Delete takes a chosen
customer off, "All" and "None" tick everything or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, NotFound, Shop
from shopcrm.care.call_list import ReasonKind
from shopcrm.common.formatting import day, number
from shopcrm.common.i18n import _
from shopcrm.common.text import fold
from shopcrm.documents.kinds import VOUCHER_KINDS, DocumentKind
from shopcrm.loyalty.rewards import Reward, RewardStatus
from ui.customer_picker import CustomerPicker

MAX_DAYS = 366


class Source(StrEnum):
    """Where the list of a print comes from."""

    CHOSEN = "chosen"
    WIN_BACK = "win_back"
    OCCASIONS = "occasions"


def source_titles() -> dict[Source, str]:
    """The sources as the combo box names them."""
    return {
        Source.CHOSEN: _("Customers I choose"),
        Source.WIN_BACK: _("Customers to win back (call list)"),
        Source.OCCASIONS: _("Customers with an occasion in the next days"),
    }


class RecipientList(QWidget):
    """Choose who or what is printed; ``ids()`` are the ticked ones, in the order shown."""

    changed = Signal()

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.kind = DocumentKind.THANK_YOU
        self._chosen: list[Customer] = []
        """The customers chosen one by one, kept while other sources or kinds are looked at."""
        self._filling = False

        self.source = QComboBox()
        for source, title in source_titles().items():
            self.source.addItem(title, source.value)
        self.source.currentIndexChanged.connect(lambda _i: self.reload())
        self.days = QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(max(1, min(MAX_DAYS, shop.settings.get().upcoming_days)))
        self.days.setSuffix(_(" days"))
        self.days.valueChanged.connect(lambda _v: self.reload())
        self.picker = CustomerPicker(shop)
        self.picker.chosen.connect(self._picked)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Code or name…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)

        self.list = QListWidget()
        self.list.setObjectName("printRecipients")
        self.list.itemChanged.connect(self._item_changed)
        self.list.installEventFilter(self)
        self.all_button = QPushButton(_("&Tick all"))
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button = QPushButton(_("Untick all"))
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        self.remove_button = QPushButton(_("Take off the list"))
        self.remove_button.clicked.connect(self.remove_current)
        self.count = QLabel()
        self.count.setObjectName("printRecipientCount")

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.source_label = QLabel(_("&Whom for"))
        self.source_label.setBuddy(self.source)
        form.addRow(self.source_label, self.source)
        self.days_label = QLabel(_("With&in"))
        self.days_label.setBuddy(self.days)
        form.addRow(self.days_label, self.days)
        self.picker_label = QLabel(_("Add a c&ustomer"))
        self.picker_label.setBuddy(self.picker)
        form.addRow(self.picker_label, self.picker)
        self.filter_label = QLabel(_("F&ind"))
        self.filter_label.setBuddy(self.filter)
        form.addRow(self.filter_label, self.filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        self._form = form
        self.set_kind(self.kind)

    # what is chosen -------------------------------------------------------------------------

    def current_source(self) -> Source:
        """Where the customers come from (for the kinds printed for customers)."""
        return Source(self.source.currentData())

    def ids(self) -> tuple[int, ...]:
        """The ids ticked, in the order shown: vouchers for a voucher kind, occasions for
        occasion cards, else customers."""
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(dict.fromkeys(out))

    def is_marketing(self) -> bool:
        """Whether this print is a mailing, which only customers who agreed to letters get: a
        letter, labels, occasion cards, or anything sent to a whole group."""
        mailed = {DocumentKind.LETTER, DocumentKind.LABELS, DocumentKind.OCCASION}
        if self.kind in VOUCHER_KINDS:
            return False
        return self.kind in mailed or self.current_source() is not Source.CHOSEN

    # changing what is shown -----------------------------------------------------------------

    def set_kind(self, kind: DocumentKind) -> None:
        """Show the list that ``kind`` prints for: vouchers, occasions or customers."""
        self.kind = kind
        vouchers = kind in VOUCHER_KINDS
        self._form.setRowVisible(
            self.source_label, not vouchers and kind is not DocumentKind.OCCASION
        )
        self._form.setRowVisible(self.filter_label, vouchers)
        self.reload()

    def choose_customers(self, customer_ids: Iterable[int]) -> None:
        """Make these customers the chosen ones (a print asked for from another page)."""
        chosen = []
        for customer_id in customer_ids:
            try:
                chosen.append(self.shop.customers.get(customer_id))
            except NotFound:
                continue
        self._chosen = chosen
        self.source.setCurrentIndex(self.source.findData(Source.CHOSEN.value))
        self.reload()

    def tick_only(self, ids: Iterable[int]) -> None:
        """Tick exactly these ids of the list (vouchers or occasions asked for elsewhere),
        reaching further ahead for an occasion not yet in the list."""
        wanted = set(ids)
        if self.kind is DocumentKind.OCCASION and not wanted <= self._shown_ids():
            self.days.setValue(MAX_DAYS)
        self._filling = True
        for row in range(self.list.count()):
            item = self.list.item(row)
            ticked = int(item.data(Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self._filling = False
        self._done_changing()

    def reload(self) -> None:
        """Fill the list afresh from its source (the data may have changed)."""
        vouchers = self.kind in VOUCHER_KINDS
        occasions = self.kind is DocumentKind.OCCASION
        source = self.current_source()
        self._form.setRowVisible(
            self.days_label, occasions or (not vouchers and source is Source.OCCASIONS)
        )
        chosen = not vouchers and not occasions and source is Source.CHOSEN
        self._form.setRowVisible(self.picker_label, chosen)
        self.remove_button.setVisible(chosen)
        ticked_before = set(self.ids())
        self._filling = True
        self.list.clear()
        if vouchers:
            self._fill_vouchers(ticked_before)
        elif occasions:
            for upcoming in self.shop.upcoming.occasions(days=self.days.value()):
                text = _("{date} · {name} · {occasion}").format(
                    date=day(upcoming.coming.falls_on),
                    name=upcoming.customer_name,
                    occasion=upcoming.coming.what,
                )
                self._add(upcoming.id, text, True)
        elif source is Source.CHOSEN:
            for customer in self._chosen:
                self._add(customer.id, _label(customer), True)
        elif source is Source.WIN_BACK:
            for row in self.shop.calls.today().rows:
                if any(r.kind is ReasonKind.WINBACK for r in row.reasons):
                    self._add(row.customer_id, row.name, True)
        else:
            seen: set[int] = set()
            for upcoming in self.shop.upcoming.occasions(days=self.days.value()):
                if upcoming.customer_id not in seen:
                    seen.add(upcoming.customer_id)
                    self._add(upcoming.customer_id, upcoming.customer_name, True)
        self._filling = False
        self._filter(self.filter.text())
        self._done_changing()

    def _fill_vouchers(self, ticked_before: set[int]) -> None:
        currency = self.shop.settings.get().currency
        names: dict[int, str] = {}
        for reward in self.shop.rewards.all(state=RewardStatus.VALID):
            owner = ""
            if reward.customer_id is not None:
                if reward.customer_id not in names:
                    try:
                        names[reward.customer_id] = self.shop.customers.get(reward.customer_id).name
                    except NotFound:
                        names[reward.customer_id] = ""
                owner = names[reward.customer_id]
            self._add(
                reward.id, _voucher_label(reward, owner, currency), reward.id in ticked_before
            )

    def _add(self, item_id: int, text: str, ticked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def _shown_ids(self) -> set[int]:
        return {
            int(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
        }

    def _picked(self, customer: Customer | None) -> None:
        if customer is None:
            return
        if all(c.id != customer.id for c in self._chosen):
            self._chosen.append(customer)
            self._filling = True
            self._add(customer.id, _label(customer), True)
            self._filling = False
            self._done_changing()
        self.picker.choose(None)
        self.picker.setFocus()

    def remove_current(self) -> None:
        """Take the highlighted customer off the chosen ones (Delete)."""
        if self.current_source() is not Source.CHOSEN or self.kind in VOUCHER_KINDS:
            return
        if self.kind is DocumentKind.OCCASION:
            return
        row = self.list.currentRow()
        if row < 0:
            return
        item = self.list.takeItem(row)
        gone = int(item.data(Qt.ItemDataRole.UserRole))
        self._chosen = [c for c in self._chosen if c.id != gone]
        self._done_changing()

    def _tick_all(self, ticked: bool) -> None:
        self._filling = True
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for row in range(self.list.count()):
            item = self.list.item(row)
            if not item.isHidden():
                item.setCheckState(state)
        self._filling = False
        self._done_changing()

    def _filter(self, text: str) -> None:
        wanted = fold(text).strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in fold(item.text()))

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self._done_changing()

    def _done_changing(self) -> None:
        ticked = len(self.ids())
        self.count.setText(
            _("{ticked} of {shown} ticked").format(
                ticked=number(ticked), shown=number(self.list.count())
            )
        )
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete in the list takes a chosen customer off it."""
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
        ):
            self.remove_current()
            return True
        return super().eventFilter(watched, event)


def _label(customer: Customer) -> str:
    if customer.phone_display:
        return f"{customer.name} · {customer.phone_display}"
    return customer.name


def _voucher_label(reward: Reward, owner: str, currency: str) -> str:
    worth = reward.description(currency)
    until = day(reward.expires_on)
    if owner:
        return _("{code} · {worth} · {owner} · until {date}").format(
            code=reward.code, worth=worth, owner=owner, date=until
        )
    return _("{code} · {worth} · until {date}").format(code=reward.code, worth=worth, date=until)
