"""Counts and amounts on the pages follow the language: 1.000 in Turkish, 1,000 in English.

No number is written into a message in one language's format: examples are built with
``shopcrm.common.formatting`` so that an English page never shows "250,50" and a Turkish one
never "1000".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from shopcrm.loyalty.rules import RewardKind, RuleKind
from shopcrm.people.records import CustomerLine
from ui.counter.opening_balance import OpeningBalanceDialog
from ui.counter.results import CustomerResultsModel
from ui.customers.model import VISITS, CustomersModel
from ui.rewards.model import RulesModel
from ui.rewards.page import RewardsPage
from ui.rewards.rule_form import RuleFormDialog
from ui.rewards.voucher_dialogs import GiftVouchersDialog


@pytest.fixture
def turkish() -> Iterator[None]:
    set_language("tr")
    yield
    set_language("en")


def test_a_thousand_vouchers_are_counted_with_the_grouping_of_the_language(
    qtbot: QtBot, shop: Shop, turkish: None
) -> None:
    shop.rewards.issue_gift_vouchers(500, "10")
    shop.rewards.issue_gift_vouchers(500, "10")
    page = RewardsPage(shop)
    qtbot.addWidget(page)
    assert page.count.text() == "1.000 kupon (yalnızca en yeni 1.000)"
    set_language("en")
    page.reload()
    assert page.count.text() == "1,000 vouchers (the newest 1,000 only)"


def test_visits_and_days_valid_are_grouped(shop: Shop, turkish: None) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz")
    (line,) = shop.customers.lines()
    many = line._replace(visit_count=1234)

    class OneCustomer:  # the core's list, holding a customer of 1,234 visits
        def total(self, include_archived: bool = False) -> int:
            return 1

        def count(self, query: object) -> int:
            return 1

        def page(self, query: object, offset: int, limit: int) -> list[CustomerLine]:
            return [many][offset : offset + limit]

    customers = CustomersModel(OneCustomer())  # type: ignore[arg-type]
    customers.reload()
    assert customers.index(0, VISITS).data() == "1.234"
    found = CustomerResultsModel()
    found.set_records([replace(ayse, visit_count=1234)])
    assert found.index(0, CustomerResultsModel.VISITS).data() == "1.234"
    rule = shop.rules.add(RuleKind.WELCOME, RewardKind.PERCENT, value=10, valid_days=3650)
    rules = RulesModel()
    rules.set_rules([rule], "TRY")
    assert rules.index(0, RulesModel.VALID_FOR).data() == "3.650 gün"
    assert ayse.id == line.id


def test_amount_examples_are_written_the_way_the_language_writes_them(
    qtbot: QtBot, shop: Shop, turkish: None
) -> None:
    customer = shop.customers.add(name="Ayşe Yılmaz")
    for language, whole, decimal, thousand in [
        ("tr", "100", "250,50", "1.500"),
        ("en", "100", "250.50", "1,500"),
    ]:
        set_language(language)
        form = RuleFormDialog(shop)
        qtbot.addWidget(form)
        form.reward.kind.setCurrentIndex(form.reward.kind.findData(RewardKind.AMOUNT.value))
        gifts = GiftVouchersDialog(shop)
        qtbot.addWidget(gifts)
        balance = OpeningBalanceDialog(shop, customer)
        qtbot.addWidget(balance)
        for box in (form.reward.value, gifts.value):
            assert whole in box.placeholderText() and decimal in box.placeholderText()
        assert thousand in balance.spending.placeholderText()


def test_count_boxes_group_their_numbers(qtbot: QtBot, shop: Shop, turkish: None) -> None:
    form = RuleFormDialog(shop)
    qtbot.addWidget(form)
    form.valid_days.setValue(3650)
    form.every_visits.setValue(1000)
    assert form.valid_days.text() == "3.650 gün"
    assert form.every_visits.text() == "1.000"
    set_language("en")
    gifts = GiftVouchersDialog(shop)
    qtbot.addWidget(gifts)
    gifts.valid_days.setValue(3650)
    assert gifts.valid_days.text() == "3,650 days"
