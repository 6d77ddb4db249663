"""The note under the Counter's search box while an anonymous gift voucher waits for the
purchase of the customer served (or found next), with "Don't use it"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from shopcrm.common.formatting import money
from shopcrm.common.i18n import _
from shopcrm.loyalty.rewards import Reward


class GiftVoucherNote(QFrame):
    """Says which gift voucher is ticked for the next purchase; "Don't use it" drops it."""

    dropped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterVoucherNote")
        self.setStyleSheet(
            "#counterVoucherNote { background: #e8f5e9; border: 1px solid #81c784;"
            " border-radius: 4px; } QLabel { color: #1b5e20; font-weight: bold; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.drop_button = QPushButton(_("Do&n't use it"))
        self.drop_button.clicked.connect(self.dropped)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.drop_button)
        self.hide()

    def show_voucher(self, reward: Reward, currency: str) -> None:
        """Tell that ``reward`` is ticked for the next purchase."""
        self.text.setText(
            _("Gift voucher {code} ({amount}) is ticked for the next purchase.").format(
                code=reward.code, amount=money(reward.value, currency)
            )
        )
        self.show()
