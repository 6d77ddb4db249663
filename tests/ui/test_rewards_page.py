"""The Rewards page: rules added, edited and paused; goodwill and gift vouchers; voiding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.loyalty.rules import RewardKind, RuleKind
from tests.ui.conftest import show_active, type_text
from ui.main_window import MainWindow
from ui.rewards.model import RulesModel, VouchersModel
from ui.rewards.page import RewardsPage
from ui.rewards.rule_form import RuleFormDialog


@pytest.fixture
def page(qtbot: QtBot, shop: Shop) -> RewardsPage:
    rewards = RewardsPage(shop)
    qtbot.addWidget(rewards)
    rewards.resize(1000, 650)
    show_active(qtbot, rewards)
    return rewards


def rule_rows(page: RewardsPage) -> list[tuple[str, str, str]]:
    model = page.rules_model
    return [
        tuple(str(model.index(row, column).data()) for column in range(3))  # type: ignore[misc]
        for row in range(model.rowCount())
    ]


def voucher_column(page: RewardsPage, column: int) -> list[str]:
    proxy = page.vouchers_proxy
    return [str(proxy.index(row, column).data()) for row in range(proxy.rowCount())]


def open_rule_form(qtbot: QtBot, page: RewardsPage) -> RuleFormDialog:
    page.rules.setFocus()
    qtbot.waitUntil(page.rules.hasFocus)
    qtbot.keyClick(page.rules, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "&Add rule…"
    qtbot.waitUntil(lambda: page.dialog is not None)  # a mnemonic clicks after a short delay
    dialog = page.dialog
    assert isinstance(dialog, RuleFormDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_first_rule_of_a_new_shop_is_listed(page: RewardsPage) -> None:
    assert rule_rows(page) == [("Every 4 visits: 10% off", "90 days", "Active")]
    assert page.vouchers_proxy.rowCount() == 0
    assert page.count.text() == "0 vouchers"


def test_add_a_spending_rule_then_pause_and_resume_it(
    qtbot: QtBot, page: RewardsPage, shop: Shop
) -> None:
    dialog = open_rule_form(qtbot, page)
    dialog.kind.setCurrentIndex(dialog.kind.findData(RuleKind.SPENDING.value))
    assert dialog.every_spending.isVisibleTo(dialog)
    assert not dialog.every_visits.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.every_spending, "2,000")
    dialog.reward.kind.setCurrentIndex(dialog.reward.kind.findData(RewardKind.AMOUNT.value))
    dialog.reward.value.clear()
    qtbot.keyClicks(dialog.reward.value, "100")
    dialog.valid_days.setValue(60)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(dialog.reward.value, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert rule_rows(page)[1] == ("Every ₺2,000.00 spent: ₺100.00 off", "60 days", "Active")
    assert page.current_rule() is not None and page.current_rule().kind is RuleKind.SPENDING  # type: ignore[union-attr]
    assert page.status.text() == "Rule added: Every ₺2,000.00 spent: ₺100.00 off"

    assert page.pause_button.text() == "&Pause"
    page.pause_button.click()
    assert rule_rows(page)[1][2] == "Paused"
    assert not shop.rules.all()[1].active
    assert page.pause_button.text() == "Res&ume"
    assert "Vouchers already issued stay valid" in page.status.text()
    foreground = page.rules_model.index(1, RulesModel.RULE).data(Qt.ItemDataRole.ForegroundRole)
    assert foreground is not None  # paused rules are grey
    page.pause_button.click()
    assert rule_rows(page)[1][2] == "Active" and shop.rules.all()[1].active


def test_a_wrong_value_is_refused_inline(qtbot: QtBot, page: RewardsPage, shop: Shop) -> None:
    dialog = open_rule_form(qtbot, page)
    assert dialog.every_visits.isVisibleTo(dialog)
    dialog.reward.value.selectAll()
    qtbot.keyClicks(dialog.reward.value, "150")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "The discount must be between 1 and 100 percent."
    assert len(shop.rules.all()) == 1

    dialog.reward.kind.setCurrentIndex(dialog.reward.kind.findData(RewardKind.GIFT.value))
    assert not dialog.reward.value.isVisibleTo(dialog) and dialog.reward.gift.isVisibleTo(dialog)
    dialog.save()
    assert dialog.error.text() == "Please name the gift."
    type_text(dialog.reward.gift, "Çiçek buketi")
    dialog.every_visits.setValue(10)
    dialog.save()
    assert not dialog.isVisible()
    assert rule_rows(page)[1][0] == "Every 10 visits: Çiçek buketi as a gift"


def test_edit_a_rule_keeps_its_kind(qtbot: QtBot, page: RewardsPage, shop: Shop) -> None:
    page.rules.setFocus()
    qtbot.keyClick(page.rules, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, RuleFormDialog)
    assert not dialog.kind.isEnabled()
    assert dialog.every_visits.value() == 4 and dialog.reward.value.text() == "10"
    dialog.every_visits.setValue(5)
    dialog.reward.value.setText("15")
    dialog.save()
    assert rule_rows(page)[0][0] == "Every 5 visits: 15% off"
    assert page.status.text() == "Rule saved: Every 5 visits: 15% off"


def test_goodwill_voucher_for_a_customer_chosen_by_typing(
    qtbot: QtBot, page: RewardsPage, shop: Shop
) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67")
    shop.customers.add(name="Mehmet Şahin")
    page.goodwill_button.click()
    dialog = page.dialog
    assert dialog is not None
    picker = dialog.customer  # type: ignore[attr-defined]
    type_text(picker, "ayşe")
    assert [c.name for c in picker.offered()] == ["Ayşe Yılmaz"]
    popup = picker.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.customer_id() == ayse.id and picker.text() == "Ayşe Yılmaz"

    dialog.reward.value.setText("75")  # type: ignore[attr-defined]
    type_text(dialog.note, "Geç teslimat için özür")  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.changed):
        dialog.save()  # type: ignore[attr-defined]
    [reward] = shop.rewards.of_customer(ayse.id)
    assert reward.origin == "goodwill" and reward.value == 7500
    assert voucher_column(page, VouchersModel.CUSTOMER) == ["Ayşe Yılmaz"]
    assert voucher_column(page, VouchersModel.WHAT) == ["₺75.00 off (goodwill)"]
    assert voucher_column(page, VouchersModel.STATE) == ["Valid"]
    assert voucher_column(page, VouchersModel.CODE) == [reward.code]
    assert page.current_voucher() == reward


def test_goodwill_needs_a_customer_from_the_list(
    qtbot: QtBot, page: RewardsPage, shop: Shop
) -> None:
    shop.customers.add(name="Ayşe Yılmaz")
    page.goodwill_button.click()
    dialog = page.dialog
    type_text(dialog.customer, "nobody")  # type: ignore[union-attr]
    dialog.save()  # type: ignore[union-attr]
    assert dialog.isVisible()  # type: ignore[union-attr]
    assert dialog.error.text() == "Choose the customer from the list."  # type: ignore[union-attr]
    assert shop.rewards.all() == []


def test_gift_vouchers_are_made_then_one_is_voided(
    qtbot: QtBot, page: RewardsPage, shop: Shop
) -> None:
    page.gift_button.click()
    dialog = page.dialog
    dialog.count.setValue(3)  # type: ignore[union-attr]
    dialog.save()  # type: ignore[union-attr]
    assert dialog.isVisible() and dialog.error.isVisible()  # type: ignore[union-attr]
    qtbot.keyClicks(dialog.value, "250")  # type: ignore[union-attr]
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(dialog.value, Qt.Key.Key_Return)  # type: ignore[union-attr]
    assert voucher_column(page, VouchersModel.CUSTOMER) == ["Gift voucher"] * 3
    assert voucher_column(page, VouchersModel.WHAT) == ["₺250.00 gift voucher"] * 3
    assert page.status.text().startswith("3 gift vouchers made: ")
    assert page.count.text() == "3 vouchers"

    assert page.void_button.isEnabled()
    voucher = page.current_voucher()
    assert voucher is not None
    page.vouchers.setFocus()
    qtbot.keyClick(page.vouchers, Qt.Key.Key_Delete)
    dialog = page.dialog
    assert dialog is not None and voucher.code in dialog.windowTitle()
    dialog.save()  # type: ignore[attr-defined]
    assert dialog.error.text() == "Please give a reason for voiding the voucher."  # type: ignore[attr-defined]
    type_text(dialog.reason, "Kayboldu")  # type: ignore[attr-defined]
    dialog.save()  # type: ignore[attr-defined]
    assert shop.rewards.get(voucher.id).void_reason == "Kayboldu"
    row = page.vouchers_proxy.mapFromSource(
        page.vouchers_model.index(page.vouchers_model.row_of(voucher.id), VouchersModel.STATE)
    )
    assert str(row.data()).startswith("Voided ")
    assert not page.void_button.isEnabled()

    page.state_filter.setCurrentIndex(page.state_filter.findData("voided"))
    assert voucher_column(page, VouchersModel.CODE) == [voucher.code]
    page.state_filter.setCurrentIndex(page.state_filter.findData("valid"))
    assert len(voucher_column(page, VouchersModel.CODE)) == 2
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.find_box.hasFocus()
    other = next(c for c in voucher_column(page, VouchersModel.CODE))
    qtbot.keyClicks(page.find_box, other[:6].lower())
    assert voucher_column(page, VouchersModel.CODE) == [other]


def test_used_and_handed_over_vouchers_say_so(qtbot: QtBot, page: RewardsPage, shop: Shop) -> None:
    cem = shop.customers.add(name="Cem Demir")
    discount = shop.rewards.give_goodwill(cem.id, RewardKind.PERCENT, value="10")
    gift = shop.rewards.give_goodwill(cem.id, RewardKind.GIFT, gift="Kupa")
    shop.purchases.log(cem.id, "100", redeem=[discount.id])
    shop.rewards.hand_over(gift.id)
    page.refresh()
    states = voucher_column(page, VouchersModel.STATE)
    assert sorted(s.split()[0] for s in states) == ["Handed", "Used"]


def test_the_rewards_page_sits_between_customers_and_settings_and_birthdays_are_issued(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "shop.sqlite3"
    today = date.today()
    with Shop.open(path) as shop:
        shop.rules.add(RuleKind.BIRTHDAY, RewardKind.GIFT, gift="Çiçek", days_before=7)
        soon = date.fromordinal(today.toordinal() + 3)
        if (soon.month, soon.day) == (2, 29):
            soon = date.fromordinal(soon.toordinal() + 1)
        customer = shop.customers.add(name="Zeynep Kara", birthday=soon.strftime("%d.%m"))
    shop = Shop.open(path)
    try:
        window = MainWindow(shop)
        qtbot.addWidget(window)
        show_active(qtbot, window)
        qtbot.waitUntil(lambda: window.birthdays_issued is not None)
        assert [r.customer_id for r in window.birthdays_issued] == [customer.id]  # type: ignore[attr-defined, union-attr]
        assert [window.side_bar.item(i).text() for i in range(4)] == [
            "Counter",
            "Customers",
            "Rewards",
            "Settings",
        ]
        qtbot.keyClick(
            QApplication.focusWidget() or window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier
        )
        rewards = window.page(MainWindow.REWARDS)
        assert isinstance(rewards, RewardsPage)
        assert window.stack.currentWidget() is rewards
        assert voucher_column(rewards, VouchersModel.WHAT) == ["Çiçek as a gift"]
        window.close()
    finally:
        shop.close()
    with Shop.open(path) as again:  # issued once: a second start issues nothing more
        assert again.rewards.issue_birthdays() == []
        assert len(again.rewards.all()) == 1


def test_tab_goes_from_the_rules_to_the_vouchers_in_reading_order(
    qtbot: QtBot, page: RewardsPage
) -> None:
    page.rules.setFocus()
    qtbot.waitUntil(page.rules.hasFocus)
    seen = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # type: ignore[arg-type]
        seen.append(QApplication.focusWidget())
    assert seen == [
        page.add_rule_button,
        page.edit_rule_button,
        page.pause_button,
        page.state_filter,
        page.find_box,
        page.vouchers,
    ]


def test_a_new_rule_counts_from_today_unless_past_visits_are_ticked(
    qtbot: QtBot, page: RewardsPage, shop: Shop
) -> None:
    dialog = open_rule_form(qtbot, page)
    assert not dialog.count_past.isChecked()
    dialog.every_visits.setValue(10)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(dialog.reward.value, Qt.Key.Key_Return)
    assert shop.rules.all()[1].counts_from == date.today().isoformat()

    show_active(qtbot, page)
    dialog = open_rule_form(qtbot, page)
    dialog.every_visits.setValue(5)
    dialog.count_past.setChecked(True)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(dialog.reward.value, Qt.Key.Key_Return)
    assert shop.rules.all()[2].counts_from == ""
    edit = RuleFormDialog(shop, page, shop.rules.all()[2])
    qtbot.addWidget(edit)
    assert not edit.count_past.isVisibleTo(edit)
