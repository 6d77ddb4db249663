"""The chosen customer at a glance, at the top of the Counter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from shopcrm import Customer
from shopcrm.common.formatting import day, money, number
from shopcrm.common.i18n import _
from ui.style import HINT_STYLE, bold


class CustomerPanel(QFrame):
    """The chosen customer at a glance: name, phone, visits, spending, last visit and notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = bold(QLabel(), 6)
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phone = QLabel()
        self.visits = bold(QLabel(), 2)
        self.total = bold(QLabel(), 2)
        self.last_visit = bold(QLabel(), 2)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(HINT_STYLE)

        figures = QGridLayout()
        for column, (caption, value) in enumerate(
            [
                (_("Visits"), self.visits),
                (_("Total spent"), self.total),
                (_("Last visit"), self.last_visit),
            ]
        ):
            figures.addWidget(QLabel(caption), 0, column)
            figures.addWidget(value, 1, column)
            figures.setColumnStretch(column, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.phone)
        layout.addLayout(figures)
        layout.addWidget(self.notes)

    def show_customer(self, customer: Customer, currency: str) -> None:
        """Fill the panel with ``customer``; money in ``currency``."""
        self.name.setText(customer.name)
        self.phone.setText(customer.phone_display or _("No phone number"))
        self.visits.setText(number(customer.visit_count))
        self.total.setText(money(customer.total_spent, currency))
        self.last_visit.setText(day(customer.last_visit) or _("never"))
        self.notes.setText(customer.notes)
        self.notes.setVisible(bool(customer.notes))
