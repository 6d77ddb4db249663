"""The shop's settings: defaults, saved changes, and refused values."""

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.loyalty.visits import VisitRule
from shopcrm.settings import Settings


def test_defaults(shop: Shop) -> None:
    assert shop.settings.get() == Settings()
    assert shop.settings.get().currency == "TRY"
    assert shop.settings.get().visit_rule is VisitRule.EACH_DAY


def test_changes_are_kept(shop: Shop) -> None:
    shop.settings.update(
        shop_name=" Güneş  Çiçekçilik ",
        address="Moda Cad. 5\nKadıköy",
        language="tr",
        currency="eur",
        visit_rule="purchase",
    )
    s = shop.settings.get()
    assert s.shop_name == "Güneş Çiçekçilik"
    assert s.address == "Moda Cad. 5\nKadıköy"
    assert (s.language, s.currency, s.visit_rule) == ("tr", "EUR", VisitRule.EACH_PURCHASE)


@pytest.mark.parametrize(
    "change",
    [{"language": "de"}, {"currency": "XYZ"}, {"visit_rule": "weekly"}, {"shop_name": "x" * 301}],
)
def test_bad_values_are_refused_and_nothing_changes(shop: Shop, change: dict[str, str]) -> None:
    shop.settings.update(shop_name="Güneş")
    with pytest.raises(InvalidInput):
        shop.settings.update(**change, phone="0532 000 00 00")
    assert shop.settings.get() == Settings(shop_name="Güneş")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"shop_name": "Güneş\x00"}, "“Shop name” holds an invisible"),
        ({"shop_name": "Güneş \ud800"}, "“Shop name” holds an invisible"),
        ({"address": "Moda \u202eCad."}, "“Address” holds an invisible"),
        ({"address": "x" * 20000}, "“Address” can be at most 300 characters long"),
        ({"phone": "0" * 41}, "“Phone” can be at most 40 characters long"),
        ({"currency": "x" * 20000}, "Unknown currency: " + "X" * 29 + "…"),
        ({"language": ["tr"]}, "Unknown language"),
    ],
)
def test_bad_text_settings_are_refused_with_a_short_message(
    shop: Shop, change: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        shop.settings.update(**change)
    assert message in str(error.value) and len(str(error.value)) < 150
    assert shop.settings.get() == Settings()
