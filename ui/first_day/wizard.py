"""The first day's setup: shown once, when ShopCRM opens a shop it has just created.

Language, the shop's name, address and phone for its cards, a logo, the currency and what
counts as a visit; every page may be left as it is, "Skip the setup" (Esc) leaves everything at
its default, and all of it is in Settings later. Finish keeps what was chosen: the settings in
one step, then the logo.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget, QWizard

from shopcrm import NeedsConfirmation, Shop, ShopError
from shopcrm.common.i18n import _
from shopcrm.loyalty.visits import VisitRule
from ui.first_day.pages import LANGUAGE_NAMES, DonePage, LanguagePage, LogoPage, MoneyPage, ShopPage
from ui.settings.page import visit_rule_titles
from ui.to_front import bring_to_front


class FirstDayWizard(QWizard):
    """The setup; ``exec()`` returns Accepted once kept, Rejected when skipped."""

    def bring_to_front(self) -> None:
        """Come to the front (ShopCRM was started again while the setup is open)."""
        bring_to_front(self)

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        settings = shop.settings.get()
        self.setWindowTitle(_("ShopCRM — first day"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.language_page = LanguagePage(settings)
        self.shop_page = ShopPage(settings)
        self.logo_page = LogoPage()
        self.money_page = MoneyPage(settings)
        self.done_page = DonePage()
        for page in (
            self.language_page,
            self.shop_page,
            self.logo_page,
            self.money_page,
            self.done_page,
        ):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("&Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("&Skip the setup"))
        self.currentIdChanged.connect(self._page_shown)
        self.setMinimumSize(640, 460)

    def values(self) -> dict[str, object]:
        """What the pages hold, as keyword arguments for ``shop.settings.update``."""
        return {
            "language": self.language_page.language.currentData(),
            "shop_name": self.shop_page.shop_name.text(),
            "address": self.shop_page.address.toPlainText(),
            "phone": self.shop_page.phone.text(),
            "currency": self.money_page.currency.currentData(),
            "visit_rule": self.money_page.visit_rule.currentData(),
        }

    def _page_shown(self, _id: int) -> None:
        if self.currentPage() is self.done_page:
            self.done_page.summary.setText(self.summary())
            self.done_page.error.hide()

    def summary(self) -> str:
        """What Finish keeps, line by line."""
        values = self.values()
        language = str(values["language"])
        rule = VisitRule(str(values["visit_rule"]))
        empty = _("(empty)")
        lines = [
            _("Language: {value}").format(
                value=LANGUAGE_NAMES.get(language) or _("System default")
            ),
            _("Shop name: {value}").format(value=str(values["shop_name"]).strip() or empty),
            _("Address: {value}").format(
                value=", ".join(
                    line.strip() for line in str(values["address"]).splitlines() if line.strip()
                )
                or empty
            ),
            _("Phone: {value}").format(value=str(values["phone"]).strip() or empty),
            _("Logo: {value}").format(value=self.logo_page.file_name or _("none")),
            _("Currency: {value}").format(value=self.money_page.currency.currentText()),
            _("A visit is: {value}").format(value=visit_rule_titles()[rule]),
        ]
        return "\n".join(lines)

    def keep(self) -> bool:
        """Save what was chosen; whether it was kept (a refusal is shown on the last page)."""
        try:
            try:
                self.shop.settings.update(confirmed=False, **self.values())
            except NeedsConfirmation:
                # a new shop has nothing recorded that another currency or visit rule changes
                self.shop.settings.update(confirmed=True, **self.values())
            if self.logo_page.picture is not None:
                self.shop.logo.set(self.logo_page.picture, self.logo_page.file_name)
        except ShopError as error:
            self.done_page.error.setText(str(error))
            self.done_page.error.show()
            return False
        return True

    def accept(self) -> None:
        """Finish: keep the choices, then close; a refusal keeps the setup open."""
        if self.keep():
            super().accept()
