"""Loyalty at the Counter: progress, rewards earned, redeemed with a purchase, vouchers scanned."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shopcrm import Customer, Shop
from shopcrm.loyalty.rewards import RewardStatus
from shopcrm.loyalty.rules import RewardKind
from tests.ui.conftest import show_active, type_text
from ui.counter.page import CounterPage


class FakeClock:
    """A clock that stands still until the test moves it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def next_day(self) -> None:
        self.now += timedelta(days=1)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 9, 10, 30))


@pytest.fixture
def shop(tmp_path: Path, clock: FakeClock) -> Iterator[Shop]:
    with Shop.open(tmp_path / "shop.sqlite3", clock=clock) as s:
        yield s


@pytest.fixture
def page(qtbot: QtBot, shop: Shop) -> CounterPage:
    counter = CounterPage(shop)
    qtbot.addWidget(counter)
    counter.resize(1000, 700)
    show_active(qtbot, counter)
    counter.focus_search()
    qtbot.waitUntil(counter.search.hasFocus)
    return counter


def visits(shop: Shop, clock: FakeClock, customer: Customer, n: int) -> None:
    """``n`` purchases of ₺100 on ``n`` days (one visit each), logged through the core."""
    for _ in range(n):
        clock.next_day()
        shop.purchases.log(customer.id, "100")


def pick(qtbot: QtBot, page: CounterPage, typed: str) -> None:
    page.focus_search()
    type_text(page.search, typed)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.amount.hasFocus()


def sell(qtbot: QtBot, page: CounterPage, amount: str) -> None:
    page.amount.clear()
    qtbot.keyClicks(page.amount, amount)
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)


def progress_texts(page: CounterPage) -> list[str]:
    return [line.label.text() for line in page.loyalty.progress_lines]


def test_progress_almost_there_and_the_reward_earned_on_the_4th_visit(
    qtbot: QtBot, page: CounterPage, shop: Shop, clock: FakeClock
) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz")
    visits(shop, clock, ayse, 2)
    pick(qtbot, page, "ayşe")
    assert page.loyalty.isVisible()
    assert progress_texts(page) == ["2 more visits to 10% off"]
    bar = page.loyalty.progress_lines[0].bar
    assert (bar.value(), bar.maximum()) == (2, 4)
    assert page.loyalty.almost_there() == []
    assert page.loyalty.rows == [] and page.loyalty.no_rewards.isVisible()

    clock.next_day()
    sell(qtbot, page, "100")
    assert progress_texts(page) == ["★ 1 more visit to 10% off — Almost there!"]
    [almost] = page.loyalty.almost_there()
    assert "bold" in almost.label.styleSheet()

    clock.next_day()
    sell(qtbot, page, "100")
    [reward] = shop.rewards.of_customer(ayse.id)
    assert f"New reward: 10% off (code {reward.code})" in page.confirmation_text.text()
    assert page.confirmation_text.text().startswith("Logged ₺100.00 for Ayşe Yılmaz — visit 4")
    [row] = page.loyalty.rows
    assert row.check.text() == "10% off"
    assert reward.code in row.details.text()
    assert "valid until Jun 11, 2026" in row.details.text()  # 90 days after Mar 13
    assert not row.ticked and row.hand_over_button is None
    assert progress_texts(page) == ["4 more visits to 10% off"]

    qtbot.keyClick(page.amount, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.loyalty.rows == []  # the 4th visit undone: its reward is taken back
    assert progress_texts(page) == ["★ 1 more visit to 10% off — Almost there!"]


def test_redeeming_during_a_purchase_shows_what_to_pay_and_undo_gives_it_back(
    qtbot: QtBot, page: CounterPage, shop: Shop, clock: FakeClock
) -> None:
    mehmet = shop.customers.add(name="Mehmet Şahin")
    visits(shop, clock, mehmet, 4)
    [reward] = shop.rewards.of_customer(mehmet.id)
    clock.next_day()
    pick(qtbot, page, "mehmet")
    assert not page.preview.isVisible()

    qtbot.keyClick(page.amount, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert page.loyalty.ticked_ids() == [reward.id]
    assert page.preview.text() == "1 reward ticked for this purchase: type the amount."
    qtbot.keyClicks(page.amount, "1,000")
    assert page.preview.isVisible()
    assert page.preview.text() == "Discount ₺100.00 — to pay ₺900.00"
    assert page.amount.hasFocus()

    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    [purchase] = [p for p in shop.purchases.of_customer(mehmet.id) if p.discount]
    assert (purchase.amount, purchase.discount, purchase.paid) == (100000, 10000, 90000)
    assert "discount ₺100.00, paid ₺900.00" in page.confirmation_text.text()
    assert "₺1,000.00  (discount ₺100.00, paid ₺900.00)" in page.purchases_model.text_of(purchase)
    assert shop.rewards.get(reward.id).status(clock.now.date()) is RewardStatus.USED
    assert page.loyalty.rows == []
    assert not page.preview.isVisible()

    qtbot.keyClick(page.amount, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shop.purchases.get(purchase.id).voided
    assert [row.reward.id for row in page.loyalty.rows] == [reward.id]
    assert not page.loyalty.rows[0].ticked


def test_alt_digit_and_space_toggle_a_reward(
    qtbot: QtBot, page: CounterPage, shop: Shop, clock: FakeClock
) -> None:
    oya = shop.customers.add(name="Oya Kaya")
    shop.rewards.give_goodwill(oya.id, RewardKind.AMOUNT, value="50", note="gecikme")
    pick(qtbot, page, "oya")
    [row] = page.loyalty.rows
    assert row.check.text() == "₺50.00 off" and row.key.text() == "Alt+1"
    qtbot.keyClick(page.amount, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert row.ticked
    qtbot.keyClick(page.amount, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert not row.ticked
    row.check.setFocus()
    qtbot.keyClick(row.check, Qt.Key.Key_Space)
    assert row.ticked
    page.amount.setFocus()
    qtbot.keyClicks(page.amount, "30")
    assert page.preview.text() == (
        "Discount ₺30.00 — to pay ₺0.00\n"
        f"₺20.00 of voucher {row.reward.code} is kept on a new voucher."
    )


def test_a_scanned_voucher_code_picks_its_customer_with_the_voucher_ticked(
    qtbot: QtBot, page: CounterPage, shop: Shop, clock: FakeClock
) -> None:
    shop.customers.add(name="Şükrü Öztürk")
    cem = shop.customers.add(name="Cem Demir")
    visits(shop, clock, cem, 4)
    [reward] = shop.rewards.of_customer(cem.id)

    qtbot.keyClicks(page.search, reward.code)  # a barcode scanner types like a keyboard
    assert page.hint.text().startswith(f"Voucher {reward.code}: 10% off for Cem Demir")
    assert "#1b5e20" in page.hint.styleSheet()  # green
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.customer is not None and page.customer.id == cem.id
    assert page.loyalty.ticked_ids() == [reward.id]
    assert page.amount.hasFocus()
    sell(qtbot, page, "200")
    assert shop.purchases.of_customer(cem.id)[0].paid == 18000
    # the code has done its job: the name takes its place, Cem stays served for Undo
    assert page.search.text() == "Cem Demir"
    assert page.customer is not None and page.customer.id == cem.id
    assert page.undo_button.isVisible()

    page.focus_search()
    qtbot.keyClicks(page.search, reward.code.lower())
    assert page.hint.text() == (
        f"Voucher {reward.code} of Cem Demir was used on Mar 13, 2026, with a purchase of ₺200.00."
    )
    assert "#b71c1c" in page.hint.styleSheet()  # red
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.search.selectedText() == page.search.text()  # the next scan replaces it


def test_a_mistyped_or_unknown_code_is_told_apart(qtbot: QtBot, page: CounterPage) -> None:
    qtbot.keyClicks(page.search, "KX7M-4QPA-9C")
    assert page.lookup is not None and page.lookup.state in ("mistyped", "unknown")
    mistyped = "KX7M-4QPA-9Z" if page.lookup.state == "unknown" else "KX7M-4QPA-9C"
    page.search.clear()
    qtbot.keyClicks(page.search, mistyped)
    assert page.hint.text() == (
        f"“{mistyped}” is not a valid voucher code: please check it for typing mistakes."
    )
    assert "#b71c1c" in page.hint.styleSheet()
    assert page.results_model.rowCount() == 0
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.customer is None


def test_an_anonymous_gift_voucher_is_ticked_for_the_customer_picked_next(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    shop.customers.add(name="Gülşen Çelik")
    [voucher] = shop.rewards.issue_gift_vouchers(1, "50")
    qtbot.keyClicks(page.search, voucher.code)
    assert page.hint.text().startswith(f"Gift voucher {voucher.code}: ₺50.00, valid until")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.voucher_banner.isVisible()
    assert voucher.code in page.voucher_note.text()
    assert page.search.text() == "" and page.search.hasFocus()

    pick(qtbot, page, "gülşen")
    [row] = page.loyalty.rows
    assert row.reward.id == voucher.id and row.ticked
    assert row.check.text() == "₺50.00 gift voucher"
    qtbot.keyClicks(page.amount, "200")
    assert page.preview.text() == "Discount ₺50.00 — to pay ₺150.00"
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    assert page.customer is not None
    assert shop.purchases.of_customer(page.customer.id)[0].paid == 15000
    assert shop.rewards.get(voucher.id).redeemed_at is not None
    assert not page.voucher_banner.isVisible() and page.voucher is None
    assert page.loyalty.rows == []


def test_a_voucher_refused_by_the_core_logs_nothing(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    ali = shop.customers.add(name="Ali Koç")
    reward = shop.rewards.give_goodwill(ali.id, RewardKind.PERCENT, value="20")
    pick(qtbot, page, "ali")
    page.loyalty.tick(reward.id)
    shop.rewards.void(reward.id, "verildi yanlışlıkla")  # meanwhile, on the Rewards page
    qtbot.keyClicks(page.amount, "100")
    assert "voided" in page.preview.text()
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    assert page.error.isVisible() and "voided" in page.error.text()
    assert shop.purchases.of_customer(ali.id) == []


def test_a_gift_is_handed_over_without_a_purchase(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    irmak = shop.customers.add(name="Irmak Işık")
    gift = shop.rewards.give_goodwill(irmak.id, RewardKind.GIFT, gift="Kupa")
    pick(qtbot, page, "irmak")
    [row] = page.loyalty.rows
    assert row.check.text() == "Kupa as a gift"
    assert row.hand_over_button is not None
    with qtbot.waitSignal(page.changed):
        row.hand_over_button.click()
    assert page.confirmation_text.text() == f"Handed over: Kupa as a gift (code {gift.code})"
    assert shop.rewards.get(gift.id).redeemed_at is not None
    assert page.loyalty.rows == []


def test_a_gift_used_with_a_purchase_is_to_be_handed_over(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    irmak = shop.customers.add(name="Irmak Işık")
    shop.rewards.give_goodwill(irmak.id, RewardKind.GIFT, gift="Kupa")
    pick(qtbot, page, "irmak")
    qtbot.keyClick(page.amount, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(page.amount, "80")
    assert page.preview.text() == "To pay ₺80.00"
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    assert "Hand over the gift: Kupa" in page.confirmation_text.text()


def test_an_opening_balance_from_a_paper_card(qtbot: QtBot, page: CounterPage, shop: Shop) -> None:
    hatice = shop.customers.add(name="Hatice Acar")
    pick(qtbot, page, "hatice")
    page.loyalty.balance_button.click()
    dialog = page.errands.balance_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.visits.setValue(0)
    dialog.save()
    assert dialog.isVisible() and dialog.error.isVisible()  # nothing to add: refused inline
    dialog.visits.setValue(3)
    type_text(dialog.reason, "Kâğıt kart: 3 damga")
    with qtbot.waitSignal(page.changed):
        dialog.save()
    assert shop.loyalty.balance(hatice.id).visits == 3
    assert progress_texts(page) == ["★ 1 more visit to 10% off — Almost there!"]
    assert page.confirmation_text.text() == "Opening balance saved for Hatice Acar."


def test_a_gift_voucher_scanned_by_mistake_is_dropped(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    shop.customers.add(name="Gülşen Çelik")
    [voucher] = shop.rewards.issue_gift_vouchers(1, "50")
    pick(qtbot, page, "gülşen")
    page.focus_search()  # Esc lets Gülşen go: the voucher waits for the customer found next
    assert page.customer is None
    qtbot.keyClicks(page.search, voucher.code)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.hint.text() == "Now find the customer, and press Enter."
    pick(qtbot, page, "gülşen")
    assert page.loyalty.ticked_ids() == [voucher.id]
    page.drop_voucher_button.click()
    assert page.voucher is None and not page.voucher_banner.isVisible()
    assert page.loyalty.rows == []
    assert shop.rewards.get(voucher.id).redeemed_at is None
