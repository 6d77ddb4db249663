"""A customer's occasions: kept, changed, removed; the birthday in one place; bad input refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

import pytest

from shopcrm import InvalidInput, NotFound, Shop
from shopcrm.common.i18n import set_language
from shopcrm.people.occasions import OccasionKind
from tests.core.conftest import FakeClock


@pytest.fixture
def turkish() -> Iterator[None]:
    set_language("tr")
    yield
    set_language("en")


def test_a_customer_keeps_any_number_of_occasions(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz")
    wedding = shop.occasions.add(ayse.id, "wedding", "20.06.2016", note="çiçek gönder")
    elif_ = shop.occasions.add(
        ayse.id, OccasionKind.CHILD_BIRTHDAY, "2008-03-12", whose="kızı Elif", notice_days="3"
    )
    opening = shop.occasions.add(ayse.id, "other", "01.09", label="Dükkân açılışı")
    graduation = shop.occasions.add(
        ayse.id, "child_graduation", "26.06.2026", whose="oğlu Can", yearly=False
    )
    assert (wedding.month, wedding.day, wedding.year, wedding.yearly) == (6, 20, 2016, True)
    assert wedding.note == "çiçek gönder" and wedding.notice_days is None
    assert (elif_.whose, elif_.typed, elif_.notice_days) == ("kızı Elif", "12.03.2008", 3)
    assert (opening.label, opening.year) == ("Dükkân açılışı", None)
    assert not graduation.yearly
    # the next to come first (seen from 9 March 2026)
    assert [o.id for o in shop.occasions.of_customer(ayse.id)] == [
        elif_.id,
        wedding.id,
        graduation.id,
        opening.id,
    ]


def test_an_occasion_is_changed_and_removed_never_deleted(shop: Shop, clock: FakeClock) -> None:
    ayse = shop.customers.add(name="Ayşe")
    o = shop.occasions.add(ayse.id, "engagement", "14.02.2020")
    clock.advance(days=1)
    changed = shop.occasions.update(o.id, on="15.02.2020", note="kırmızı gül")
    assert (changed.day, changed.note, changed.kind) == (15, "kırmızı gül", "engagement")
    assert changed.updated_at > o.updated_at
    removed = shop.occasions.remove(o.id)
    assert removed.removed and shop.occasions.of_customer(ayse.id) == []
    assert [x.id for x in shop.occasions.of_customer(ayse.id, include_removed=True)] == [o.id]
    with pytest.raises(InvalidInput):
        shop.occasions.update(o.id, note="again")
    with pytest.raises(sqlite3.IntegrityError), shop.store.transaction():
        shop.store.execute("DELETE FROM occasions WHERE id = ?", (o.id,))
    with pytest.raises(NotFound):
        shop.occasions.get(9999)
    with pytest.raises(NotFound):
        shop.occasions.add(9999, "birthday", "15.03")


def test_the_birthday_is_the_customers_birthday_occasion(shop: Shop) -> None:
    leyla = shop.customers.add(name="Leyla", birthday="20.03.1990")
    (own,) = shop.occasions.of_customer(leyla.id)
    assert (own.kind, own.whose, own.typed) == ("birthday", "", "20.03.1990")
    # changed through the occasions, the customer reads it
    shop.occasions.update(own.id, on="21.03.1990", note="lale sever")
    assert shop.customers.get(leyla.id).birthday == "1990-03-21"
    # changed through the customer, it is the same occasion (its note kept)
    shop.customers.update(leyla.id, birthday="22.03")
    (same,) = shop.occasions.of_customer(leyla.id)
    assert (same.id, same.typed, same.note) == (own.id, "22.03", "lale sever")
    # one birthday of one's own; a spouse's birthday is another occasion
    with pytest.raises(InvalidInput) as error:
        shop.occasions.add(leyla.id, "birthday", "01.01.1990")
    assert "already kept" in error.value.fields["kind"]
    shop.occasions.add(leyla.id, "birthday", "01.01.1988", whose="eşi Ahmet")
    # cleared on the customer form: the occasion is removed, kept on record
    assert shop.customers.update(leyla.id, birthday="").birthday is None
    assert [o.whose for o in shop.occasions.of_customer(leyla.id)] == ["eşi Ahmet"]
    assert len(shop.occasions.of_customer(leyla.id, include_removed=True)) == 2
    again = shop.occasions.add(leyla.id, "birthday", "05.05")
    assert shop.customers.get(leyla.id).birthday == "05-05" and again.id != own.id


def test_removed_and_passed_occasions_are_listed_last(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe", birthday="29.02")
    passed = shop.occasions.add(ayse.id, "wedding", "01.03.2026", yearly=False)
    coming = shop.occasions.add(ayse.id, "name_day", "15.03")
    shop.customers.update(ayse.id, birthday="")  # its 29 February is removed
    listed = shop.occasions.of_customer(ayse.id, include_removed=True)
    assert [o.id for o in listed][:2] == [coming.id, passed.id]
    assert listed[2].removed and listed[2].typed == "29.02"


def test_a_customer_without_occasions_has_no_birthday(shop: Shop) -> None:
    mehmet = shop.customers.add(name="Mehmet")
    assert mehmet.birthday is None
    assert shop.customers.update(mehmet.id, notes="VIP").birthday is None
    assert shop.occasions.of_customer(mehmet.id) == []


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"on": "31.04"}, "on", "There is no such day: 31.04"),
        ({"on": "29.02.1981"}, "on", "There is no such day: 29.02.1981"),
        ({"on": "yarın"}, "on", "not a valid date"),
        ({"on": ""}, "on", "Please give the date"),
        ({"on": "15.03.1850"}, "on", "check the year"),
        ({"on": "15.03.2027"}, "on", "year of the birthday"),
        ({"kind": "wedding", "on": "15.03.2027"}, "on", "still to come"),
        ({"kind": "wedding", "on": "15.03", "yearly": False}, "on", "needs its year"),
        ({"kind": "birthday", "on": "15.03.1980", "yearly": False}, "yearly", "every year"),
        ({"kind": "other", "on": "15.03"}, "label", "name the occasion"),
        ({"kind": "other", "on": "15.03", "label": "  "}, "label", "name the occasion"),
        ({"kind": "party"}, "kind", "not a kind of occasion"),
        ({"whose": "k" * 101}, "whose", "at most 100"),
        ({"note": "n" * 301}, "note", "at most 300"),
        ({"note": "çiçek\u202e"}, "note", "invisible"),
        ({"kind": "other", "label": "l" * 101, "on": "15.03"}, "label", "at most 100"),
        ({"notice_days": "91"}, "notice_days", "between 0 and 90"),
        ({"notice_days": "üç"}, "notice_days", "not a whole number"),
    ],
)
def test_bad_input_is_refused_naming_its_field_and_nothing_is_saved(
    shop: Shop, fields: dict[str, object], field: str, message: str
) -> None:
    ayse = shop.customers.add(name="Ayşe")
    given: dict[str, object] = {"kind": "birthday", "on": "15.03.1980", **fields}
    with pytest.raises(InvalidInput) as error:
        shop.occasions.add(ayse.id, **given)  # type: ignore[arg-type]
    assert message in error.value.fields[field]
    assert shop.occasions.of_customer(ayse.id, include_removed=True) == []


def test_a_bad_change_changes_nothing(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe")
    o = shop.occasions.add(ayse.id, "wedding", "20.06.2016")
    with pytest.raises(InvalidInput) as error:
        shop.occasions.update(o.id, on="31.06.2016", note="x" * 400)
    assert list(error.value.fields) == ["on", "note"]
    assert shop.occasions.get(o.id) == o


def test_a_one_off_date_may_be_in_the_future_an_anniversary_may_not(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe")
    wedding = shop.occasions.add(ayse.id, "wedding", "12.09.2026", yearly=False)
    assert wedding.year == 2026 and not wedding.yearly
    assert shop.occasions.add(ayse.id, "other", "29.02.2028", yearly=False, label="Düğün").year
    # this year's anniversary is today's year: allowed
    assert shop.occasions.add(ayse.id, "engagement", "01.01.2026").year == 2026


def test_the_turkish_refusals_are_translated(shop: Shop, turkish: None) -> None:
    ayse = shop.customers.add(name="Ayşe")
    with pytest.raises(InvalidInput) as error:
        shop.occasions.add(ayse.id, "other", "31.04")
    assert error.value.fields == {
        "label": "Lütfen özel günün adını yazın, örneğin “Dükkân açılışı”.",
        "on": "Böyle bir gün yok: 31.04",
    }


def test_near_tells_what_comes_within_its_notice(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe", birthday="12.03.1991")
    shop.occasions.add(ayse.id, "wedding", "20.03.2016", notice_days=14)
    shop.occasions.add(ayse.id, "name_day", "20.03")  # 3 days of notice by default
    near = shop.occasions.near(ayse.id, today=date(2026, 3, 9))
    assert [(c.what, c.days_left, c.years) for c in near] == [
        ("Birthday: turns 35", 3, 35),
        ("Wedding anniversary: 10 years", 11, 10),
    ]
    assert near[0].text == "Birthday: turns 35 — in 3 days"
    assert near[0].falls_on == date(2026, 3, 12)
    shop.settings.update(notice_birthday="2")
    assert [c.days_left for c in shop.occasions.near(ayse.id, today=date(2026, 3, 9))] == [11]
    assert [c.text for c in shop.occasions.near(ayse.id, today=date(2026, 3, 20))] == [
        "Wedding anniversary: 10 years — today",
        "Name day — today",
    ]


def test_near_in_turkish(shop: Shop, turkish: None) -> None:
    ayse = shop.customers.add(name="Ayşe", birthday="12.03")
    shop.occasions.add(ayse.id, "wedding", "10.03.2016")
    shop.occasions.add(ayse.id, "child_birthday", "11.03.2008", whose="kızı Elif")
    texts = [c.text for c in shop.occasions.near(ayse.id, today=date(2026, 3, 9))]
    assert texts == [
        "10. evlilik yıl dönümü yarın",
        "kızı Elif — 18. yaş günü 2 gün sonra",
        "Doğum günü 3 gün sonra",
    ]
    today = [c.text for c in shop.occasions.near(ayse.id, today=date(2026, 3, 10))]
    assert today[0] == "10. evlilik yıl dönümü bugün"


def test_the_birthday_rule_follows_the_birthday_occasion(shop: Shop, clock: FakeClock) -> None:
    shop.rules.add("birthday", "percent", value=15, days_before=3)
    leyla = shop.customers.add(name="Leyla")
    own = shop.occasions.add(leyla.id, "birthday", "12.03.1990")
    shop.occasions.add(leyla.id, "birthday", "10.03.1960", whose="annesi Nuran")  # not hers

    def birthday_progress() -> list[str]:
        return [p.text for p in shop.loyalty.progress(leyla.id) if p.rule.kind == "birthday"]

    assert birthday_progress() == ["Birthday on Mar 12, 2026: 15% off"]
    (reward,) = shop.rewards.issue_birthdays(date(2026, 3, 9))
    assert reward.customer_id == leyla.id and reward.cycle == 2026
    shop.occasions.update(own.id, on="20.03.1990")
    assert birthday_progress() == ["Birthday on Mar 20, 2026: 15% off"]
    shop.occasions.remove(own.id)
    assert birthday_progress() == []
    assert shop.rewards.issue_birthdays(date(2027, 3, 9)) == []
