"""A customer's recent purchases as a Qt list model; voided ones are struck through."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from shopcrm import Purchase
from shopcrm.common.formatting import moment, money
from shopcrm.common.i18n import _

Index = QModelIndex | QPersistentModelIndex


class PurchaseListModel(QAbstractListModel):
    """Purchases, newest first: "23 Nov 2026 16:05 · ₺1,250.50 · note", voided ones marked."""

    def __init__(self) -> None:
        super().__init__()
        self._purchases: list[Purchase] = []
        self._currency = "TRY"

    def set_purchases(self, purchases: list[Purchase], currency: str) -> None:
        """Show these purchases, their amounts in ``currency``."""
        self.beginResetModel()
        self._purchases = list(purchases)
        self._currency = currency
        self.endResetModel()

    def purchase_at(self, row: int) -> Purchase | None:
        """The purchase on ``row``, or None."""
        return self._purchases[row] if 0 <= row < len(self._purchases) else None

    def text_of(self, purchase: Purchase) -> str:
        """One purchase as one line of text."""
        parts = [moment(purchase.purchased_at), money(purchase.amount, self._currency)]
        if purchase.discount:
            parts[-1] += "  " + _("(discount {discount}, paid {paid})").format(
                discount=money(purchase.discount, self._currency),
                paid=money(purchase.paid, self._currency),
            )
        if purchase.note:
            parts.append(purchase.note)
        text = " · ".join(parts)
        if purchase.replaces_id is not None:
            text += "  " + _("(correction)")
        if purchase.voided:
            text += "  " + _("(voided: {reason})").format(reason=purchase.why_voided)
        return text

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: how many purchases are shown."""
        return 0 if parent.isValid() else len(self._purchases)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: what one line shows, and how (voided: struck through and grey)."""
        purchase = self.purchase_at(index.row())
        if purchase is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text_of(purchase)
        if role == Qt.ItemDataRole.FontRole and purchase.voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and purchase.voided:
            return QColor("#888888")
        if role == Qt.ItemDataRole.UserRole:
            return purchase.id
        return None
