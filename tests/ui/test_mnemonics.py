"""Alt keys and Cancel buttons, in Turkish and in English.

On each dialog and page every Alt key is one letter Qt can reach (Alt+I never reaches "İ") and
used once; Cancel says "Vazgeç", never "İptal", which reads as "void" beside "İptal et".
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.loyalty.rules import RewardKind, RuleKind
from ui.customers.page import CustomersPage
from ui.form_dialog import FormDialog
from ui.moving.import_dialog import PREVIEW, RESULT, ImportDialog
from ui.rewards.page import RewardsPage
from ui.rewards.rule_form import RuleFormDialog
from ui.rewards.voucher_dialogs import GiftVouchersDialog, GoodwillDialog, VoidVoucherDialog

MNEMONIC = re.compile(r"(?<!&)&([^&])")


def alt_keys(top: QWidget) -> list[tuple[str, str]]:
    """The Alt letter and text of every label with a buddy and every button shown in ``top``."""
    keys = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(
            widget, QAbstractButton
        ):
            text = widget.text()
        else:
            continue
        keys += [(letter, text) for letter in MNEMONIC.findall(text)]
    return keys


def check_alt_keys(top: QWidget, where: str) -> None:
    keys = alt_keys(top)
    unreachable = [text for letter, text in keys if not (letter.isascii() and letter.isalnum())]
    assert unreachable == [], where
    letters = [letter.upper() for letter, _text in keys]
    twice = sorted({text for letter, text in keys if letters.count(letter.upper()) > 1})
    assert twice == [], where


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_rule_form_in_every_state(qtbot: QtBot, shop: Shop, language: str) -> None:
    form = shown(qtbot, RuleFormDialog(shop))
    assert isinstance(form, RuleFormDialog)
    for rule_kind in RuleKind:
        form.kind.setCurrentIndex(form.kind.findData(rule_kind.value))
        for reward_kind in RewardKind:
            form.reward.kind.setCurrentIndex(form.reward.kind.findData(reward_kind.value))
            check_alt_keys(form, f"{rule_kind} {reward_kind}")


def test_the_voucher_dialogs(qtbot: QtBot, shop: Shop, language: str) -> None:
    goodwill = shown(qtbot, GoodwillDialog(shop))
    assert isinstance(goodwill, GoodwillDialog)
    for reward_kind in RewardKind:
        goodwill.reward.kind.setCurrentIndex(goodwill.reward.kind.findData(reward_kind.value))
        check_alt_keys(goodwill, f"goodwill {reward_kind}")
    check_alt_keys(shown(qtbot, GiftVouchersDialog(shop)), "gift vouchers")
    (voucher,) = shop.rewards.issue_gift_vouchers(1, "100")
    check_alt_keys(shown(qtbot, VoidVoucherDialog(shop, voucher, "x")), "void")


def test_the_pages(qtbot: QtBot, shop: Shop, language: str) -> None:
    rewards = shown(qtbot, RewardsPage(shop))
    assert isinstance(rewards, RewardsPage)
    check_alt_keys(rewards, "rewards")
    rewards.pause_or_resume()
    check_alt_keys(rewards, "rewards, a paused rule")
    customer = shop.customers.add(name="Ayşe Yılmaz")
    shop.customers.archive(customer.id)
    customers = shown(qtbot, CustomersPage(shop))
    assert isinstance(customers, CustomersPage)
    check_alt_keys(customers, "customers")
    customers.show_archived.setChecked(True)
    customers.table.selectRow(0)
    assert customers.archive_button.text().replace("&", "") in ("Unarchive", "Arşivden çıkar")
    check_alt_keys(customers, "customers, an archived one")

    from ui.care.page import CarePage

    care = shown(qtbot, CarePage(shop))
    assert isinstance(care, CarePage)
    for tab in range(care.tabs.count()):
        care.tabs.setCurrentIndex(tab)
        check_alt_keys(care, f"occasions and calls, tab {tab}")


def test_cancel_never_says_void(qtbot: QtBot, shop: Shop, language: str) -> None:
    (voucher,) = shop.rewards.issue_gift_vouchers(1, "100")
    dialogs: list[FormDialog] = [
        RuleFormDialog(shop),
        GoodwillDialog(shop),
        GiftVouchersDialog(shop),
        VoidVoucherDialog(shop, voucher, "x"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text() == {"tr": "Vazgeç", "en": "Cancel"}[language]
    void = dialogs[-1].buttons.button(QDialogButtonBox.StandardButton.Save)
    assert void.text().replace("&", "") == {"tr": "Kuponu iptal et", "en": "Void voucher"}[language]


def test_the_print_page_for_every_kind_and_source(qtbot: QtBot, shop: Shop, language: str) -> None:
    from shopcrm.documents.kinds import DocumentKind
    from ui.printing.page import PrintPage

    page = shown(qtbot, PrintPage(shop))
    assert isinstance(page, PrintPage)
    compose = page.compose
    for kind in DocumentKind:
        compose.kind.setCurrentIndex(compose.kind.findData(kind.value))
        for source in range(compose.recipients.source.count()):
            compose.recipients.source.setCurrentIndex(source)
            check_alt_keys(page, f"print {kind} {source}")
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    tab_keys = [k.upper() for t in tabs for k in MNEMONIC.findall(t)]
    page_keys = [k.upper() for k, _t in alt_keys(page)]
    assert not set(tab_keys) & set(page_keys), tabs

    page.show_queue()
    check_alt_keys(page, "print queue")
    queue_keys = [k.upper() for k, _t in alt_keys(page)]
    assert not set(tab_keys) & set(queue_keys), tabs


def test_the_first_day_setup(qtbot: QtBot, shop: Shop, language: str) -> None:
    from ui.first_day.wizard import FirstDayWizard

    wizard = shown(qtbot, FirstDayWizard(shop))
    assert isinstance(wizard, FirstDayWizard)
    for _page in range(len(wizard.pageIds())):
        check_alt_keys(wizard, type(wizard.currentPage()).__name__)
        wizard.next()


def test_the_import_wizard_on_every_step(
    qtbot: QtBot, shop: Shop, tmp_path: Path, language: str
) -> None:
    dialog = ImportDialog(shop)
    qtbot.addWidget(dialog)
    dialog.show()
    check_alt_keys(dialog, "import: choose")
    shop.customers.add(name="Ayşe Kaya", phone="0532 111 22 33")
    path = tmp_path / "liste.csv"
    path.write_text(
        "Ad Soyad;Telefon;Doğum tarihi\nAyşe K.;0532 111 22 33;\nOya;;31.02.1990\n",
        encoding="utf-8",
    )
    dialog.path.setText(str(path))
    dialog.read_file()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == PREVIEW, timeout=10_000)
    for tab in range(dialog.preview.tabs.count()):
        dialog.preview.tabs.setCurrentIndex(tab)
        check_alt_keys(dialog, f"import: preview tab {tab}")
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == RESULT, timeout=10_000)
    check_alt_keys(dialog, "import: result")
    assert dialog.close_button.text() in ("Close", "Kapat")


def test_the_merge_dialog_and_the_settings_page(qtbot: QtBot, shop: Shop, language: str) -> None:
    from ui.customers.merge_dialog import MergeDialog
    from ui.settings.page import SettingsPage

    kept = shop.customers.add(name="Ayşe Yılmaz")
    other = shop.customers.add(name="Ayse Yilmaz")
    shop.merges.merge(kept.id, other.id)
    dialog = shown(qtbot, MergeDialog(shop, shop.customers.get(kept.id)))
    assert isinstance(dialog, MergeDialog) and not dialog.merges_box.isHidden()
    check_alt_keys(dialog, "merge")
    check_alt_keys(shown(qtbot, SettingsPage(shop)), "settings")
