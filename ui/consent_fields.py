"""The customer form's consent part: per channel (calls, SMS, e-mail, letters) yes or no and how
it was given, as Law 6563 asks; the day is recorded by the core when the form is saved.

A tick on "every channel" ticks the four at once. Only what the shopkeeper changed is handed to
the core, so saving a form leaves the consent history alone unless a consent really changed.
``History…`` shows every change, read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, Shop
from shopcrm.common.formatting import day, moment
from shopcrm.common.i18n import _
from shopcrm.people.consent import (
    GIVEN_BY,
    Channel,
    ChannelConsent,
    ConsentChange,
    ConsentMethod,
    channel_titles,
    method_titles,
)
from ui.style import HINT_STYLE


def consent_state(held: ChannelConsent) -> str:
    """What holds on a channel, briefly: "given 3 Mar 2026", "withdrawn 5 Mar 2026"."""
    if held.given and held.given_at:
        return _("given {day}").format(day=day(held.given_at))
    if held.withdrawn_at:
        return _("withdrawn {day}").format(day=day(held.withdrawn_at))
    return _("not asked")


class ConsentFields(QGroupBox):
    """Consent per channel: a tick for yes, how it was given, and what holds now."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(_("Consent to marketing messages (Law 6563)"), parent)
        self.shop = shop
        self.customer_id: int | None = None
        self.held: dict[Channel, ChannelConsent] = {}
        self.every = QCheckBox(_("Agrees on e&very channel"))
        self.history_button = QPushButton(_("&History…"))
        self.history_button.setToolTip(_("Every consent given or withdrawn, with its date"))
        self.history_button.clicked.connect(self.show_history)
        self.history: ConsentHistoryDialog | None = None
        self.ticks: dict[Channel, QCheckBox] = {}
        self.methods: dict[Channel, QComboBox] = {}
        self.states: dict[Channel, QLabel] = {}
        grid = QGridLayout(self)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.every, 0, 0, 1, 2)
        grid.addWidget(self.history_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        for row, (channel, title) in enumerate(channel_titles().items(), start=1):
            tick = QCheckBox(title)
            method = QComboBox()
            for code in GIVEN_BY:
                method.addItem(method_titles()[code], code.value)
            method.setCurrentIndex(method.findData(ConsentMethod.VERBAL.value))
            method.setToolTip(_("How the consent was given"))
            state = QLabel(_("not asked"))
            state.setStyleSheet(HINT_STYLE)
            tick.toggled.connect(self._ticked)
            grid.addWidget(tick, row, 0)
            grid.addWidget(method, row, 1)
            grid.addWidget(state, row, 2)
            self.ticks[channel], self.methods[channel], self.states[channel] = tick, method, state
        grid.setColumnStretch(2, 1)
        self.every.toggled.connect(self._every_toggled)
        self.show_customer(None)

    def show_customer(self, customer: Customer | None) -> None:
        """Show what holds for this customer (a new one: nothing given)."""
        self.customer_id = customer.id if customer else None
        self.held = self.shop.consent.of_customer(customer.id) if customer else {}
        for channel, tick in self.ticks.items():
            held = self.held.get(channel)
            method = self.methods[channel]
            if held is not None and held.method is ConsentMethod.EARLIER:
                method.addItem(method_titles()[ConsentMethod.EARLIER], held.method.value)
            if held is not None and held.method is not None:
                method.setCurrentIndex(method.findData(held.method.value))
            tick.setChecked(bool(held and held.given))
            self.states[channel].setText(consent_state(held) if held else _("not asked"))
        self.history_button.setVisible(customer is not None)
        self._ticked()

    def changes(self) -> dict[str, tuple[bool, str]]:
        """What the shopkeeper changed, per channel, as the core takes it: {"sms": (False,
        "verbal")}; channels left as they were are not named."""
        out = {}
        for channel, tick in self.ticks.items():
            given, method = tick.isChecked(), str(self.methods[channel].currentData())
            held = self.held.get(channel)
            was_given = bool(held and held.given)
            was_method = held.method.value if held and held.method else None
            if given != was_given or (given and method != was_method):
                out[channel.value] = (given, method)
        return out

    def _every_toggled(self, checked: bool) -> None:
        for tick in self.ticks.values():
            tick.setChecked(checked)

    def _ticked(self, *_args: object) -> None:
        for channel, tick in self.ticks.items():
            self.methods[channel].setEnabled(tick.isChecked())
        self.every.blockSignals(True)  # a channel unticked must not untick the others
        self.every.setChecked(all(tick.isChecked() for tick in self.ticks.values()))
        self.every.blockSignals(False)

    def show_history(self) -> None:
        """Show every change of this customer's consents, newest first."""
        if self.customer_id is None:
            return
        changes = self.shop.consent.history(self.customer_id)
        self.history = ConsentHistoryDialog(changes, self)
        self.history.open()


def change_text(change: ConsentChange) -> str:
    """One change of consent in a line: "5 Mar 2026 10:30 · SMS · withdrawn"."""
    what = (
        _("given ({method})").format(method=method_titles()[change.method])
        if change.given
        else _("withdrawn")
    )
    parts = [moment(change.noted_at), channel_titles()[change.channel], what]
    if change.note:
        parts.append(change.note)
    return " · ".join(parts)


class ConsentHistoryDialog(QDialog):
    """A customer's consent history, read-only, newest first."""

    def __init__(self, changes: list[ConsentChange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Consent history"))
        self.list = QListWidget()
        self.list.addItems([change_text(c) for c in changes] or [_("No consent recorded yet.")])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 300)
