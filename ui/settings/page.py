"""The Settings page: the shop's name and address, language, currency, what counts as a visit,
the days of occasions and calls, the limits of segments and numbers, printing (the logo and
the print rules) and the backups."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from shopcrm import NeedsConfirmation, Shop, ShopError
from shopcrm.common.formatting import amount_input
from shopcrm.common.i18n import _
from shopcrm.loyalty.visits import VisitRule
from shopcrm.settings import CURRENCIES, Settings, VoucherRest
from ui.confirm import Question, ask
from ui.settings.backups import BackupSettings
from ui.settings.days import DaySettings
from ui.settings.numbers import NumberSettings
from ui.settings.printing import PrintingSettings
from ui.style import DONE_STYLE, ERROR_STYLE

# Each language is named in its own language, so that anyone can find theirs.
_LANGUAGE_NAMES = {"tr": "Türkçe", "en": "English"}
_HELP_STYLE = "color: #5f6368;"


def voucher_rest_titles() -> dict[VoucherRest, str]:
    """What each answer to "a voucher worth more than the purchase" is called, translated."""
    return {
        VoucherRest.KEEP: _("Keep the rest on a new voucher"),
        VoucherRest.REFUSE: _("Refuse the voucher for that purchase"),
    }


def visit_rule_titles() -> dict[VisitRule, str]:
    """What each visit rule is called on the page, translated."""
    return {
        VisitRule.EACH_DAY: _("Each day with a purchase"),
        VisitRule.EACH_PURCHASE: _("Each purchase"),
    }


class SettingsPage(QWidget):
    """Change the shop's settings and save them through the core."""

    changed = Signal()
    """Emitted after saved settings change what other pages show (currency, visit counts)."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop

        self.shop_name = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 4 + 12)
        self.phone = QLineEdit()
        self.language = QComboBox()
        self.language.addItem(_("System default"), "")
        for code, name in _LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.visit_rule = QComboBox()
        for rule, title in visit_rule_titles().items():
            self.visit_rule.addItem(title, rule.value)
        self.large_amount = QLineEdit()
        self.large_amount.setPlaceholderText(_("0: never ask"))
        self.large_amount.setMaximumWidth(self.large_amount.fontMetrics().averageCharWidth() * 18)
        large_help = QLabel(
            _("A purchase above this amount is asked about once before it is logged.")
        )
        large_help.setWordWrap(True)
        large_help.setStyleSheet(_HELP_STYLE)
        large_help.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.voucher_rest = QComboBox()
        for rest, title in voucher_rest_titles().items():
            self.voucher_rest.addItem(title, rest.value)
        self.question: Question | None = None
        visit_help = QLabel(
            _(
                "Changing this counts every customer's visits and rewards again; you are shown "
                "what changes before it is applied."
            )
        )
        visit_help.setWordWrap(True)
        visit_help.setStyleSheet(_HELP_STYLE)
        visit_help.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(_("Shop &name:"), self.shop_name)
        form.addRow(_("&Address:"), self.address)
        form.addRow(_("&Phone:"), self.phone)
        form.addRow(_("&Language:"), self.language)
        form.addRow(_("&Currency:"), self.currency)
        form.addRow(_("A &visit is:"), self.visit_rule)
        form.addRow("", visit_help)
        form.addRow(_("Ask about amounts &over:"), self.large_amount)
        form.addRow("", large_help)
        form.addRow(_("A voucher wor&th more than the purchase:"), self.voucher_rest)

        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("settingsSaved")
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setWordWrap(True)
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setToolTip(_("Save the settings (Ctrl+S)"))
        self.save_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.days = DaySettings()
        self.printing = PrintingSettings(shop)
        self.numbers = NumberSettings()
        self.backups = BackupSettings(shop)
        lapsed_days = self.days.boxes["lapsed_first_days"]
        lapsed_days.valueChanged.connect(self.printing.show_away_days)
        lapsed_days.valueChanged.connect(self.numbers.show_lapsed_days)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addWidget(self.days)
        column.addWidget(self.numbers)
        column.addWidget(self.printing)
        column.addWidget(self.backups)
        column.addWidget(self.error)
        column.addWidget(self.message)
        column.addLayout(buttons)
        column.addStretch(1)
        inner = QWidget()
        inner.setLayout(column)
        inner.setMaximumWidth(640)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.addWidget(inner, 1, Qt.AlignmentFlag.AlignTop)
        row_layout.addStretch(0)
        scroll = QScrollArea()  # a short window scrolls; nothing is squeezed
        scroll.setWidget(row)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.save_button.clicked.connect(lambda: self.save())
        self.printing.logo_changed.connect(self.changed)
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save())
        self.refresh()

    def refresh(self) -> None:
        """Show the settings as they are stored now."""
        self._show(self.shop.settings.get())
        self._clear_messages()

    def values(self) -> dict[str, object]:
        """What the fields hold, as keyword arguments for ``shop.settings.update``."""
        return {
            "shop_name": self.shop_name.text(),
            "address": self.address.toPlainText(),
            "phone": self.phone.text(),
            "language": self.language.currentData(),
            "currency": self.currency.currentData(),
            "visit_rule": self.visit_rule.currentData(),
            "large_amount": self.large_amount.text().strip(),
            "voucher_rest": self.voucher_rest.currentData(),
            **self.days.values(),
            **self.numbers.values(),
            **self.printing.values(),
            **self.backups.values(),
        }

    def save(self, confirmed: bool = False) -> None:
        """Save through the core; show what was refused, or that it worked.

        A change the core wants agreed (another currency, another visit rule) is asked about,
        saying exactly what it does; nothing is saved unless the answer is yes.
        """
        self._clear_messages()
        before = self.shop.settings.get()
        try:
            after = self.shop.settings.update(confirmed=confirmed, **self.values())
        except NeedsConfirmation as question:
            self.question = ask(
                self, _("Save settings"), str(question), _("Save"), lambda: self.save(True)
            )
            return
        except ShopError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self._show(after)
        lines = [_("Settings saved.")]
        if after.language != before.language:
            lines.append(_("The new language is used the next time ShopCRM starts."))
        queued = self.printing.fill_queue()
        if queued:
            lines.append(queued)
        self.message.setText("\n".join(lines))
        self.message.show()
        if after != before:
            self.changed.emit()

    def _show(self, settings: Settings) -> None:
        self.shop_name.setText(settings.shop_name)
        self.address.setPlainText(settings.address)
        self.phone.setText(settings.phone)
        self._choose(self.language, settings.language)
        self._choose(self.currency, settings.currency)
        self._choose(self.visit_rule, settings.visit_rule.value)
        self._choose(self.voucher_rest, settings.voucher_rest.value)
        self.days.show_settings(settings)
        self.numbers.show_settings(settings)
        self.printing.show_settings(settings)
        self.backups.show_settings(settings)
        self.large_amount.setText(
            amount_input(settings.large_amount) if settings.large_amount else "0"
        )

    @staticmethod
    def _choose(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        box.setCurrentIndex(max(index, 0))

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page clears its messages: they told about what was just done."""
        if not event.spontaneous():
            self._clear_messages()
        super().hideEvent(event)

    def _clear_messages(self) -> None:
        self.printing.clear_message()
        self.backups.clear_message()
        self.error.clear()
        self.error.hide()
        self.message.clear()
        self.message.hide()
