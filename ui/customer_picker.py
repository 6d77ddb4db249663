"""Choose an existing customer by typing a few letters of the name or phone.

A line edit with a completer over the core's customer search (Turkish folding and all): type,
then Down and Enter (or a click) choose one of the customers offered. Typing again forgets the
choice, so what is shown and what is chosen never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from shopcrm import Customer, Shop
from shopcrm.common.i18n import _

_SUGGESTIONS = 15


class CustomerPicker(QLineEdit):
    """A line edit that chooses a customer; ``customer`` is the one chosen, or None."""

    chosen = Signal(object)
    """Emitted with the ``Customer`` chosen, or None when the choice is forgotten."""

    def __init__(
        self, shop: Shop, parent: QWidget | None = None, exclude_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.shop = shop
        self.exclude_id = exclude_id
        self.customer: Customer | None = None
        self._offered: dict[str, Customer] = {}
        self.setPlaceholderText(_("Type a name or phone, then choose"))
        self.setClearButtonEnabled(True)

        self.suggestions = QStandardItemModel(self)
        completer = QCompleter(self.suggestions, self)
        # the core's search already matched (folded, anywhere in the name): show all it found
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(10)
        completer.setWidget(self)
        completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.completer_ = completer
        self.textEdited.connect(self._typed)

    def _typed(self, text: str) -> None:
        if self.customer is not None and text != self.customer.name:
            self.customer = None
            self.chosen.emit(None)
        self.suggestions.clear()
        self._offered.clear()
        if not text.strip():
            self._hide_popup()
            return
        for customer in self.shop.customers.search(text, limit=_SUGGESTIONS):
            if customer.id == self.exclude_id:
                continue
            label = customer.name
            if customer.phone_display:
                label = f"{customer.name} · {customer.phone_display}"
            item = QStandardItem(label)
            item.setData(customer.id, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.suggestions.appendRow(item)
            self._offered[str(customer.id)] = customer
        self._offer()

    def _offer(self) -> None:
        if not self.suggestions.rowCount():
            self._hide_popup()
            return
        self.completer_.complete()
        # Enter takes the best match, as at the counter; Down and Up choose another
        popup = self.completer_.popup()
        if popup is not None:
            popup.setCurrentIndex(self.completer_.completionModel().index(0, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down opens the list of customers again when it was closed."""
        if (
            event.key() == Qt.Key.Key_Down
            and not self._popup_visible()
            and self.suggestions.rowCount()
        ):
            self._offer()
            return
        super().keyPressEvent(event)

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        customer = self._offered.get(str(index.data(Qt.ItemDataRole.UserRole)))
        if customer is not None:
            self.choose(customer)

    def _hide_popup(self) -> None:
        popup = self.completer_.popup()
        if popup is not None:
            popup.hide()

    def _popup_visible(self) -> bool:
        popup = self.completer_.popup()
        return popup is not None and popup.isVisible()

    def offered(self) -> list[Customer]:
        """The customers offered for what was typed, in the order shown."""
        return list(self._offered.values())

    def choose(self, customer: Customer | None) -> None:
        """Make ``customer`` the choice (None: no one), and show their name."""
        self.customer = customer
        self.setText(customer.name if customer is not None else "")
        self._hide_popup()
        self.chosen.emit(customer)

    def customer_id(self) -> int | None:
        """The id of the customer chosen, or None."""
        return self.customer.id if self.customer is not None else None

    def unresolved(self) -> bool:
        """Whether something is typed but no customer was chosen from the list."""
        return self.customer is None and bool(self.text().strip())
