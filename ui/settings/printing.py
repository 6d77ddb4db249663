"""The Printing part of the Settings page: the shop's logo and the four print rules.

The logo is kept (or removed) as soon as it is chosen, through ``shop.logo``; the rules are
saved with the rest of the page. Each rule that is on says since when: a rule counts the
purchases and customers from the moment it was switched on, never before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from shopcrm import InvalidInput, Shop, ShopError
from shopcrm.common.formatting import amount_input, moment, number
from shopcrm.common.i18n import _, babel_locale, ngettext
from shopcrm.common.preferences import Settings
from shopcrm.documents.print_queue import PrintRule
from shopcrm.documents.shop_logo import MAX_BYTES
from ui.confirm import Question, ask
from ui.signed_box import SignedBox
from ui.style import DONE_STYLE, ERROR_STYLE, HINT_STYLE

LOGO_WIDTH, LOGO_HEIGHT = 160, 64
"""The logo is shown small, within this many pixels."""
MAX_OCCASION_DAYS = 90


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


class PrintingSettings(QGroupBox):
    """The logo (chosen from a PNG or JPEG file, shown small, removable) and the print rules."""

    logo_changed = Signal()
    """Emitted after the logo was set or removed."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(_("Printing"), parent)
        self.shop = shop
        self.question: Question | None = None
        self.file_dialog: QFileDialog | None = None

        self.logo_picture = QLabel()
        self.logo_picture.setObjectName("logoPicture")
        self.logo_picture.setFixedSize(LOGO_WIDTH + 8, LOGO_HEIGHT + 8)
        self.logo_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_picture.setStyleSheet("border: 1px solid palette(mid); background: white;")
        self.logo_name = _hint()
        self.choose_button = QPushButton(_("Choose a logo &file…"))
        self.choose_button.setToolTip(_("A PNG or JPEG picture, shown on cards and letters"))
        self.remove_button = QPushButton(_("Remove the logo"))
        self.logo_message = QLabel()
        self.logo_message.setObjectName("logoMessage")
        self.logo_message.setWordWrap(True)
        self.logo_message.hide()

        self.welcome = QCheckBox(_("&Welcome card after a customer's first purchase"))
        self.thank_you = QCheckBox(_("Than&k-you card after a purchase over:"))
        self.thank_you_amount = QLineEdit()
        self.thank_you_amount.setMaximumWidth(
            self.thank_you_amount.fontMetrics().horizontalAdvance("9.999.999,99") + 24
        )
        self.thank_you_row = SignedBox(self.thank_you_amount)
        self.occasion = QCheckBox(_("Card for each occasion, days ahead:"))
        self.occasion_days = QSpinBox()
        self.occasion_days.setLocale(QLocale(babel_locale()))
        self.occasion_days.setRange(1, MAX_OCCASION_DAYS)
        self.occasion_days.setSuffix(" " + _("days"))
        self.we_miss_you = QCheckBox()
        self.since = {rule: _hint() for rule in PrintRule}

        logo_buttons = QHBoxLayout()
        logo_buttons.addWidget(self.choose_button)
        logo_buttons.addWidget(self.remove_button)
        logo_buttons.addStretch(1)
        logo_text = QVBoxLayout()
        logo_text.addWidget(self.logo_name)
        logo_text.addLayout(logo_buttons)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_picture, 0, Qt.AlignmentFlag.AlignTop)
        logo_row.addLayout(logo_text, 1)

        rules = QGridLayout()
        rules.setColumnStretch(2, 1)
        rules.setVerticalSpacing(2)
        rows: list[tuple[QCheckBox, QWidget | None, PrintRule | None]] = [
            (self.welcome, None, PrintRule.WELCOME),
            (self.thank_you, self.thank_you_row, PrintRule.THANK_YOU),
            (self.occasion, self.occasion_days, None),
            (self.we_miss_you, None, PrintRule.WE_MISS_YOU),
        ]
        indent = self.welcome.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 8
        for row, (box, field, rule) in enumerate(rows):
            rules.addWidget(box, 2 * row, 0, 1, 1 if field else 3)
            if field is not None:
                rules.addWidget(field, 2 * row, 1, Qt.AlignmentFlag.AlignLeft)
            if rule is not None:  # since when it counts, under the rule, when it is on
                self.since[rule].setContentsMargins(indent, 0, 0, 4)
                rules.addWidget(self.since[rule], 2 * row + 1, 0, 1, 3)

        column = QVBoxLayout(self)
        column.addLayout(logo_row)
        column.addWidget(
            _hint(
                _(
                    "The logo is printed on cards and letters: a PNG or JPEG picture of at "
                    "most {max} MB."
                ).format(max=number(MAX_BYTES // (1024 * 1024)))
            )
        )
        column.addWidget(self.logo_message)
        column.addSpacing(6)
        column.addWidget(
            _hint(
                _(
                    "Each rule puts its cards in the print queue on the Print page, once for "
                    "each reason, for purchases and customers from the moment it is switched "
                    "on. Customers without consent for letters are left out when printing."
                )
            )
        )
        column.addLayout(rules)

        self.thank_you.toggled.connect(self.thank_you_row.setEnabled)
        self.occasion.toggled.connect(self.occasion_days.setEnabled)
        self.choose_button.clicked.connect(lambda: self.choose_logo())
        self.remove_button.clicked.connect(lambda: self.ask_remove_logo())
        self.show_logo()

    # the rules ----------------------------------------------------------------------------

    def show_settings(self, settings: Settings) -> None:
        """Show the print rules as they are set, and since when each that is on counts."""
        self.welcome.setChecked(settings.print_welcome)
        self.thank_you.setChecked(settings.print_thank_you_over > 0)
        self.thank_you_amount.setText(
            amount_input(settings.print_thank_you_over) if settings.print_thank_you_over else ""
        )
        self.thank_you_row.setEnabled(self.thank_you.isChecked())
        self.thank_you_row.show_money(settings.currency)
        self.occasion.setChecked(settings.print_occasion_days > 0)
        self.occasion_days.setValue(settings.print_occasion_days or 7)
        self.occasion_days.setEnabled(self.occasion.isChecked())
        self.show_away_days(settings.lapsed_first_days)
        self.we_miss_you.setChecked(settings.print_we_miss_you)
        for rule, label in self.since.items():
            noted = self.shop.print_queue.switched_on(rule)
            label.setText(
                _("On since {moment}").format(moment=moment(noted.since)) if noted else ""
            )
            label.setVisible(noted is not None)

    def show_away_days(self, days: int) -> None:
        """Say after how many days away the "we miss you" letter is printed (the first
        win-back call's days, set above)."""
        self.we_miss_you.setText(
            ngettext(
                "“We miss you” lette&r after {n} day away",
                "“We miss you” lette&r after {n} days away",
                days,
            ).format(n=number(days))
        )

    def values(self) -> dict[str, object]:
        """The print rules as keyword arguments for ``shop.settings.update``. A thank-you card
        switched on without its amount is refused (``InvalidInput``), not saved as off."""
        amount = self.thank_you_amount.text().strip()
        if self.thank_you.isChecked() and amount in ("", "0"):
            raise InvalidInput(_("Please give the amount over which a thank-you card is printed."))
        return {
            "print_welcome": self.welcome.isChecked(),
            "print_thank_you_over": amount if self.thank_you.isChecked() else 0,
            "print_occasion_days": self.occasion_days.value() if self.occasion.isChecked() else 0,
            "print_we_miss_you": self.we_miss_you.isChecked(),
        }

    def fill_queue(self) -> str:
        """After the settings were saved: the print queue takes what the rules now find due (a
        rule just switched on queues the occasion cards of the coming days at once). What was
        added, in words ("" when nothing was)."""
        try:
            added = self.shop.print_queue.refresh()
        except ShopError as error:
            return str(error)
        if not added:
            return ""
        return ngettext(
            "{n} card or letter was added to the print queue.",
            "{n} cards or letters were added to the print queue.",
            added,
        ).format(n=number(added))

    # the logo -----------------------------------------------------------------------------

    def show_logo(self) -> None:
        """Show the logo small, with its file's name and size, or that there is none."""
        info = self.shop.logo.info()
        data = self.shop.logo.get()
        pixmap = QPixmap()
        if info is None or data is None or not pixmap.loadFromData(data):
            self.logo_picture.setPixmap(QPixmap())
            self.logo_picture.setText(_("No logo"))
            self.logo_name.setText(_("Cards and letters are printed without a logo."))
            self.remove_button.setEnabled(False)
            return
        self.logo_picture.setPixmap(
            pixmap.scaled(
                LOGO_WIDTH,
                LOGO_HEIGHT,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.logo_name.setText(
            _("{name} ({format}, {width} × {height} pixels)").format(
                name=info.file_name or _("logo"),
                format=info.format,
                width=number(info.width),
                height=number(info.height),
            )
        )
        self.remove_button.setEnabled(True)

    def choose_logo(self) -> None:
        """Open a file dialog for a PNG or JPEG picture (without blocking); the file chosen
        becomes the logo."""
        dialog = QFileDialog(self, _("Choose the shop's logo"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([_("PNG or JPEG pictures (*.png *.jpg *.jpeg)")])
        dialog.fileSelected.connect(self.use_logo_file)
        self.file_dialog = dialog
        dialog.open()

    def use_logo_file(self, path: str) -> None:
        """Make the picture at ``path`` the logo, or say why it cannot be."""
        try:
            self.shop.logo.set(Path(path))
        except ShopError as error:
            self._tell(str(error), ERROR_STYLE)
            return
        self.show_logo()
        self._tell(_("Logo saved: it is printed on cards and letters."), DONE_STYLE)
        self.logo_changed.emit()

    def ask_remove_logo(self) -> None:
        """Ask before removing the logo."""
        self.question = ask(
            self,
            _("Remove the logo"),
            _("Remove the logo? Cards and letters will be printed without it."),
            _("Remove"),
            self.remove_logo,
        )

    def remove_logo(self) -> None:
        """Remove the logo."""
        self.shop.logo.remove()
        self.show_logo()
        self._tell(_("Logo removed."), DONE_STYLE)
        self.logo_changed.emit()

    def clear_message(self) -> None:
        """Forget what was said about the logo."""
        self.logo_message.clear()
        self.logo_message.hide()

    def _tell(self, text: str, style: str) -> None:
        self.logo_message.setStyleSheet(style)
        self.logo_message.setText(text)
        self.logo_message.show()
