"""The pages of the first day's setup: language, the shop on its cards, the logo, money and
visits, and a last look. Each only holds what is typed or chosen; the wizard saves it all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWizardPage,
)

from shopcrm import ShopError
from shopcrm.common.formatting import money
from shopcrm.common.i18n import _
from shopcrm.documents.shop_logo import checked_picture, read_logo_file
from shopcrm.settings import CURRENCIES, Settings
from ui.settings.page import visit_rule_titles
from ui.style import ERROR_STYLE, HINT_STYLE

LANGUAGE_NAMES = {"tr": "Türkçe", "en": "English"}
"""Each language in its own words, so that anyone finds theirs."""
LOGO_WIDTH, LOGO_HEIGHT = 200, 80


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def _form(page: QWizardPage) -> QFormLayout:
    """A form at the top of ``page``, its fields as wide as the page."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    column = QVBoxLayout(page)
    column.addLayout(form)
    column.addStretch(1)
    return form


def _choose(box: QComboBox, value: str) -> None:
    box.setCurrentIndex(max(box.findData(value), 0))


class LanguagePage(QWizardPage):
    """Welcome, and the language ShopCRM speaks."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setTitle(_("Welcome to ShopCRM"))
        self.setSubTitle(
            _(
                "A few questions to set up your shop. Every step can be skipped, and all of it "
                "can be changed later in Settings (Ctrl+4)."
            )
        )
        self.language = QComboBox()
        self.language.addItem(_("System default"), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        _choose(self.language, settings.language)
        form = _form(self)
        form.addRow(_("&Language:"), self.language)
        form.addRow("", _note(_("ShopCRM opens in this language when the setup ends.")))


class ShopPage(QWizardPage):
    """The shop's name, address and phone, printed on its cards and letters."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setTitle(_("Your shop"))
        self.setSubTitle(
            _("Printed on your cards, vouchers and letters. Leave empty to fill in later.")
        )
        self.shop_name = QLineEdit(settings.shop_name)
        self.address = QPlainTextEdit(settings.address)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 4 + 12)
        self.phone = QLineEdit(settings.phone)
        form = _form(self)
        form.addRow(_("Shop na&me:"), self.shop_name)
        form.addRow(_("&Address:"), self.address)
        form.addRow(_("&Phone:"), self.phone)


class LogoPage(QWizardPage):
    """A logo for the cards: a PNG or JPEG file, checked when chosen, kept when finished."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Your logo"))
        self.setSubTitle(_("A PNG or JPEG picture printed on your cards and letters. Optional."))
        self.picture: bytes | None = None
        self.file_name = ""
        self.file_dialog: QFileDialog | None = None
        self.preview = QLabel()
        self.preview.setObjectName("firstDayLogo")
        self.preview.setFixedSize(LOGO_WIDTH + 8, LOGO_HEIGHT + 8)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid palette(mid); background: white;")
        self.choose_button = QPushButton(_("Choose a logo &file…"))
        self.forget_button = QPushButton(_("&Without a logo"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.choose_button.clicked.connect(self.choose)
        self.forget_button.clicked.connect(self.forget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.forget_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.preview)
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addStretch(1)
        self._show()

    def choose(self) -> None:
        """Open a file dialog (without blocking) for the logo's picture."""
        dialog = QFileDialog(self, _("Choose the shop's logo"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([_("PNG or JPEG pictures (*.png *.jpg *.jpeg)")])
        dialog.fileSelected.connect(self.use_file)
        self.file_dialog = dialog
        dialog.open()

    def use_file(self, path: str) -> None:
        """Take the picture at ``path`` for the logo, or say why it cannot be one."""
        try:
            data = read_logo_file(Path(path))
            checked_picture(data, Path(path).name)
        except ShopError as error:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(str(error))
            return
        self.picture, self.file_name = data, Path(path).name
        self._show()

    def forget(self) -> None:
        """No logo after all."""
        self.picture, self.file_name = None, ""
        self._show()

    def _show(self) -> None:
        pixmap = QPixmap()
        if self.picture is not None and pixmap.loadFromData(self.picture):
            self.preview.setPixmap(
                pixmap.scaled(
                    LOGO_WIDTH,
                    LOGO_HEIGHT,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.message.setStyleSheet(HINT_STYLE)
            self.message.setText(_("Logo: {file}").format(file=self.file_name))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("No logo"))
            self.message.setStyleSheet(HINT_STYLE)
            self.message.setText("")
        self.forget_button.setEnabled(self.picture is not None)


class MoneyPage(QWizardPage):
    """The currency, and what counts as a visit."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setTitle(_("Money and visits"))
        self.setSubTitle(_("How amounts are written, and how the loyalty rules count visits."))
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(f"{code} — {money(125_050, code)}", code)
        _choose(self.currency, settings.currency)
        self.visit_rule = QComboBox()
        for rule, title in visit_rule_titles().items():
            self.visit_rule.addItem(title, rule.value)
        _choose(self.visit_rule, settings.visit_rule.value)
        form = _form(self)
        form.addRow(_("&Currency:"), self.currency)
        form.addRow(
            "",
            _note(_("Amounts are only written with this sign; they are never converted.")),
        )
        form.addRow(_("A &visit is:"), self.visit_rule)
        form.addRow(
            "",
            _note(
                _(
                    "Each day with a purchase: several purchases by a customer on the same day "
                    "count as one visit. Each purchase: every purchase is a visit."
                )
            ),
        )


class DonePage(QWizardPage):
    """A last look: what will be kept, and where to change it later."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Ready"))
        self.setSubTitle(
            _("Press Finish to keep this and open the counter. Settings (Ctrl+4) changes it later.")
        )
        self.summary = QLabel()
        self.summary.setObjectName("firstDaySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel()
        self.error.setObjectName("firstDayError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.error)
        column.addStretch(1)
