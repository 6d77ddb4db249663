"""A box for an amount or a percent with its sign beside it ("₺ [ 100 ]", "[ 10 ] %").

The sign stands on the side the language writes it (``shopcrm.common.formatting.currency_sign`` and
``percent_sign``), so that what is typed reads the way the amount will be shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from shopcrm.common.formatting import currency_sign, percent_sign


class SignedBox(QWidget):
    """``box`` with a sign beside it. The row takes the keyboard focus into the box."""

    def __init__(self, box: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = box
        self.sign = QLabel()
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.box, 1)
        self.setFocusProxy(box)

    def set_sign(self, sign: str, before: bool) -> None:
        """Show ``sign`` before or after the box."""
        self.sign.setText(sign)
        self._layout.removeWidget(self.sign)
        self._layout.insertWidget(0 if before else 1, self.sign)

    def show_money(self, currency: str) -> None:
        """The box holds an amount in ``currency``."""
        self.set_sign(*currency_sign(currency))

    def show_percent(self) -> None:
        """The box holds a percent."""
        self.set_sign(*percent_sign())
