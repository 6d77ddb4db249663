"""The rule form: one value per kind of reward, the currency's sign beside an amount, and labels
that say what to type ("Kaç ziyarette bir:")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.common.formatting import currency_sign, percent_sign
from shopcrm.common.i18n import set_language
from shopcrm.loyalty.rules import RewardKind, RuleKind
from ui.rewards.rule_form import RuleFormDialog
from ui.rewards.voucher_dialogs import GiftVouchersDialog, GoodwillDialog


@pytest.fixture
def turkish() -> Iterator[None]:
    set_language("tr")
    yield
    set_language("en")


def new_form(qtbot: QtBot, shop: Shop) -> RuleFormDialog:
    form = RuleFormDialog(shop)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def choose(box: object, value: str) -> None:
    box.setCurrentIndex(box.findData(value))  # type: ignore[attr-defined]


def label_of(form: RuleFormDialog, field: QWidget) -> str:
    label = form.form.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


def sign_before(sign: QLabel, box: QWidget) -> bool:
    """Whether ``sign`` is drawn left of ``box`` (both shown in the same row)."""
    assert sign.isVisible() and box.isVisible()
    return sign.mapToGlobal(sign.rect().center()).x() < box.mapToGlobal(box.rect().center()).x()


def test_each_kind_of_reward_keeps_its_own_value(qtbot: QtBot, shop: Shop) -> None:
    form = new_form(qtbot, shop)
    assert form.reward.value.text() == "10"
    choose(form.reward.kind, RewardKind.AMOUNT.value)
    assert form.reward.value.text() == ""  # not "10" of the percent, read as ₺10
    form.reward.value.setText("150")
    choose(form.reward.kind, RewardKind.PERCENT.value)
    assert form.reward.value.text() == "10"
    choose(form.reward.kind, RewardKind.GIFT.value)
    form.reward.gift.setText("Kupa")
    choose(form.reward.kind, RewardKind.AMOUNT.value)
    assert form.reward.value.text() == "150"
    form.save()
    assert shop.rules.all()[-1].value == 15000


def test_editing_a_rule_shows_its_value_under_its_own_kind_only(qtbot: QtBot, shop: Shop) -> None:
    rule = shop.rules.add(RuleKind.WELCOME, RewardKind.AMOUNT, value="75")
    form = RuleFormDialog(shop, rule=rule)
    qtbot.addWidget(form)
    assert form.reward.value.text() == "75.00"
    choose(form.reward.kind, RewardKind.PERCENT.value)
    assert form.reward.value.text() == ""
    choose(form.reward.kind, RewardKind.AMOUNT.value)
    assert form.reward.value.text() == "75.00"


def test_the_currency_sign_stands_beside_the_amounts_where_the_language_writes_it(
    qtbot: QtBot, shop: Shop, turkish: None
) -> None:
    assert currency_sign("TRY") == ("₺", True)
    assert percent_sign() == ("%", True)
    form = new_form(qtbot, shop)
    choose(form.kind, RuleKind.SPENDING.value)
    choose(form.reward.kind, RewardKind.AMOUNT.value)
    assert form.spending_sign.text() == "₺" and sign_before(form.spending_sign, form.every_spending)
    assert form.reward.sign.text() == "₺" and sign_before(form.reward.sign, form.reward.value)
    choose(form.reward.kind, RewardKind.PERCENT.value)
    assert form.reward.sign.text() == "%" and sign_before(form.reward.sign, form.reward.value)

    set_language("en")
    assert percent_sign() == ("%", False)
    shop.settings.update(currency="EUR")
    form = new_form(qtbot, shop)
    assert form.reward.sign.text() == "%" and not sign_before(form.reward.sign, form.reward.value)
    choose(form.kind, RuleKind.SPENDING.value)
    assert form.spending_sign.text() == "€" and sign_before(form.spending_sign, form.every_spending)


def test_the_owners_voucher_dialogs_show_the_sign_too(
    qtbot: QtBot, shop: Shop, turkish: None
) -> None:
    goodwill = GoodwillDialog(shop)
    gifts = GiftVouchersDialog(shop)
    for dialog in (goodwill, gifts):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    assert goodwill.reward.sign.text() == "₺"
    assert sign_before(goodwill.reward.sign, goodwill.reward.value)
    assert gifts.sign.text() == "₺" and sign_before(gifts.sign, gifts.value)


def test_the_kinds_and_their_labels_say_what_to_type(
    qtbot: QtBot, shop: Shop, turkish: None
) -> None:
    form = new_form(qtbot, shop)
    titles = [form.kind.itemText(i) for i in range(form.kind.count())]
    assert titles[:3] == ["Ziyaret sayısı", "Harcama tutarı", "Doğum günü"]
    assert label_of(form, form.every_visits) == "Kaç &ziyarette bir:"
    assert label_of(form, form.spending_row) == "Kaç liralık h&arcamada bir:"
    assert label_of(form, form.days_before) == "Doğum gününe kaç gün ka&la:"
    shop.settings.update(currency="EUR")
    form = new_form(qtbot, shop)
    assert label_of(form, form.spending_row) == "Kaç € h&arcamada bir:"
