"""The chosen customer at a glance, at the top of the Counter, with the occasions that come
within their notice ("Doğum günü 3 gün sonra") and a button to keep their occasions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer
from shopcrm.common.formatting import day, money, number
from shopcrm.common.i18n import _
from shopcrm.documents.kinds import DocumentKind
from shopcrm.numbers.segments import Segment
from shopcrm.people.occasions import Coming
from ui.printing.menu import PrintMenuButton
from ui.segment_badge import SegmentBadge
from ui.style import HINT_STYLE, bold

OCCASION_STYLE = "color: #ad1457;"
"""An occasion near: it stands out from the figures, and is not a refusal (red)."""


class CustomerPanel(QFrame):
    """The chosen customer at a glance: name, phone, visits, spending, last visit and notes,
    and their occasions near. ``occasions_requested`` asks to open the customer's occasions,
    ``print_requested`` to print something for them."""

    occasions_requested = Signal()
    print_requested = Signal(object)
    """A ``DocumentKind`` to print for the customer (the Print… menu)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = bold(QLabel(), 6)
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.segment = SegmentBadge()
        self.segment.hide()
        self.phone = QLabel()
        self.visits = bold(QLabel(), 2)
        self.total = bold(QLabel(), 2)
        self.last_visit = bold(QLabel(), 2)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(HINT_STYLE)
        self.last_contact = QLabel()
        self.last_contact.setObjectName("counterLastContact")
        self.last_contact.setStyleSheet(HINT_STYLE)
        self.last_contact.setWordWrap(True)
        self.occasions = bold(QLabel())
        self.occasions.setObjectName("counterOccasions")
        self.occasions.setStyleSheet(OCCASION_STYLE)
        self.occasions.setWordWrap(True)
        self.occasions.hide()
        self.occasions_button = QPushButton(_("Occasions…"))
        self.occasions_button.setToolTip(_("Birthdays, anniversaries and other dates to keep"))
        self.occasions_button.clicked.connect(self.occasions_requested)
        self.print_button = PrintMenuButton(
            _("Print…"),
            [
                DocumentKind.THANK_YOU,
                DocumentKind.THANK_YOU_FOLDED,
                DocumentKind.LOYALTY_CARD,
                DocumentKind.VOUCHER,
            ],
        )
        self.print_button.setToolTip(
            _("A thank-you card, a loyalty card or a voucher for this customer (Ctrl+P)")
        )
        self.print_button.chosen.connect(self.print_requested)

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
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone, 1)
        phone_row.addWidget(self.occasions_button)
        phone_row.addWidget(self.print_button)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)  # a long name wraps over the whole width
        name_row.addWidget(self.segment, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(name_row)
        layout.addLayout(phone_row)
        layout.addWidget(self.occasions)
        layout.addLayout(figures)
        layout.addWidget(self.notes)
        layout.addWidget(self.last_contact)

    def show_customer(
        self, customer: Customer, currency: str, segment: Segment | None = None
    ) -> None:
        """Fill the panel with ``customer`` and their ``segment``; money in ``currency``."""
        self.name.setText(customer.name)
        self.segment.show_segment(segment)
        self.phone.setText(customer.phone_display or _("No phone number"))
        self.visits.setText(number(customer.visit_count))
        self.total.setText(money(customer.total_spent, currency))
        self.last_visit.setText(day(customer.last_visit) or _("never"))
        self.notes.setText(customer.notes)
        self.notes.setVisible(bool(customer.notes))

    def show_last_contact(self, text: str) -> None:
        """Say when and how the customer was last contacted ("Son temas: 3 gün önce, arama")."""
        self.last_contact.setText(text)

    def show_occasions(self, near: Sequence[Coming]) -> None:
        """Show the occasions that come within their notice, one a line, with their notes."""
        lines = [
            _("{occasion} ({note})").format(occasion=c.text, note=c.occasion.note)
            if c.occasion.note
            else c.text
            for c in near
        ]
        self.occasions.setText("\n".join(lines))
        self.occasions.setVisible(bool(lines))
