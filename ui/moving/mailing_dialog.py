"""The mailing list part of the export dialog: which channel (SMS or e-mail), and how many
customers the list holds and how many are left out for lack of consent, told as it is chosen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from shopcrm import Shop, ShopError
from shopcrm.common.i18n import _
from shopcrm.moving.mailing import MailingList
from shopcrm.people.consent import Channel


class MailingPanel(QWidget):
    """Choose the channel of a mailing list and see who is on it."""

    changed = Signal()

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.channel = QComboBox()
        self.channel.addItem(_("SMS"), Channel.SMS.value)
        self.channel.addItem(_("E-mail"), Channel.EMAIL.value)
        self.counts = QLabel()
        self.counts.setObjectName("mailingCounts")
        self.counts.setWordWrap(True)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("&Channel:"))
        label.setBuddy(self.channel)
        layout.addRow(label, self.channel)
        layout.addRow(self.counts)
        self.channel.currentIndexChanged.connect(lambda _i: self.refresh())
        self.mailing: MailingList | None = None

    def chosen(self) -> Channel:
        """The channel chosen."""
        return Channel(self.channel.currentData())

    def refresh(self) -> None:
        """Count the list of the channel chosen, as it stands now."""
        try:
            self.mailing = self.shop.mailing.build(self.chosen())
        except ShopError as error:
            self.mailing = None
            self.counts.setText(str(error))
        else:
            self.counts.setText(self.mailing.summary())
        self.changed.emit()
