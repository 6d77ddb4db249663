"""The call list: whom to call today and why, consent for marketing calls, and outcomes that take
a customer off the list (or bring them back tomorrow, at most three times)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from shopcrm import InvalidInput, NotFound, Shop
from shopcrm.care.call_list import Outcome, ReasonKind
from shopcrm.care.contacts import ContactKind, add_entry
from shopcrm.common.i18n import set_language
from shopcrm.loyalty.rules import RewardKind
from tests.core.conftest import FakeClock


def consent_to_calls(shop: Shop, customer_id: int, given: bool = True) -> None:
    shop.consent.record(customer_id, "call", given)


def contact(shop: Shop, clock: FakeClock, customer_id: int, kind: ContactKind, **kw) -> int:  # type: ignore[no-untyped-def]
    with shop.store.transaction():
        return add_entry(shop.store, clock(), customer_id, kind, "Çiçekler solmuş geldi", **kw)


def rows(shop: Shop, on: date | None = None) -> dict[str, list[ReasonKind]]:
    return {row.name: [reason.kind for reason in row.reasons] for row in shop.calls.today(on).rows}


def test_an_open_complaint_and_a_due_follow_up_are_called_even_without_consent(
    shop: Shop, clock: FakeClock
) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67")
    mehmet = shop.customers.add(name="Mehmet Şahin")
    contact(shop, clock, ayse.id, ContactKind.COMPLAINT)
    contact(shop, clock, mehmet.id, ContactKind.CALL, follow_up_on=clock().date())
    contact(shop, clock, mehmet.id, ContactKind.CALL, follow_up_on=clock().date() + timedelta(1))
    listed = shop.calls.today()
    assert {r.name: [x.kind for x in r.reasons] for r in listed.rows} == {
        "Ayşe Yılmaz": [ReasonKind.COMPLAINT],
        "Mehmet Şahin": [ReasonKind.FOLLOW_UP],
    }
    assert listed.rows[0].phone == "0532 123 45 67"
    assert listed.skipped_without_consent == 0
    assert listed.rows[0].reasons[0].text.startswith("Open complaint since Mar 9, 2026: Çiçek")


def test_marketing_reasons_need_consent_to_calls_and_the_skipped_are_counted(
    shop: Shop, clock: FakeClock
) -> None:
    names = ["Ayşe", "Fatma", "Gül"]
    people = [shop.customers.add(name=name) for name in names]
    for person in people:
        shop.rewards.give_goodwill(person.id, RewardKind.AMOUNT, value="50", valid_days=10)
    consent_to_calls(shop, people[0].id)
    consent_to_calls(shop, people[1].id)
    consent_to_calls(shop, people[1].id, given=False)  # withdrawn since
    listed = shop.calls.today()
    assert [row.name for row in listed.rows] == ["Ayşe"]
    assert listed.rows[0].reasons[0].kind is ReasonKind.EXPIRING_REWARD
    assert listed.rows[0].reasons[0].text == "Reward ₺50.00 off expires on Mar 19, 2026"
    assert listed.skipped_without_consent == 2


def test_a_reward_expiring_later_than_the_setting_is_not_a_reason(
    shop: Shop, clock: FakeClock
) -> None:
    ayse = shop.customers.add(name="Ayşe")
    consent_to_calls(shop, ayse.id)
    shop.rewards.give_goodwill(ayse.id, RewardKind.AMOUNT, value="50", valid_days=30)
    assert rows(shop) == {}
    shop.settings.update(expiring_reward_days=30)
    assert rows(shop) == {"Ayşe": [ReasonKind.EXPIRING_REWARD]}


def test_a_customer_away_past_a_limit_is_called_in_the_month_after_it(
    shop: Shop, clock: FakeClock
) -> None:
    for name, days_ago in (("Ayşe", 190), ("Fatma", 250), ("Gül", 370), ("Oya", 100)):
        person = shop.customers.add(name=name)
        shop.purchases.log(person.id, "100", purchased_at=clock() - timedelta(days=days_ago))
        consent_to_calls(shop, person.id)
    assert rows(shop) == {"Ayşe": [ReasonKind.WINBACK], "Gül": [ReasonKind.WINBACK]}
    texts = {row.name: row.reasons[0].text for row in shop.calls.today().rows}
    assert texts["Ayşe"] == "Last visit 6 months ago: win them back"
    set_language("tr")
    texts = {row.name: row.reasons[0].text for row in shop.calls.today().rows}
    assert texts["Gül"] == "Son ziyaret 1 yıl önce: geri kazanmak için arayın"


def test_reached_takes_the_row_off_and_logs_the_call(shop: Shop, clock: FakeClock) -> None:
    mehmet = shop.customers.add(name="Mehmet Şahin")
    follow_up = contact(shop, clock, mehmet.id, ContactKind.CALL, follow_up_on=clock().date())
    contact_id = shop.calls.record(mehmet.id, Outcome.REACHED, recorded_by="Ece")
    assert rows(shop) == {}
    clock.advance(days=1)
    assert rows(shop) == {}
    logged = shop.store.one(
        "SELECT kind, summary, recorded_by FROM contacts WHERE id = ?", (contact_id,)
    )
    assert logged is not None and logged["kind"] == "call" and logged["recorded_by"] == "Ece"
    assert logged["summary"].startswith("Call: Reached — Follow-up due Mar 9, 2026")
    done = shop.store.one("SELECT follow_up_done_at FROM contacts WHERE id = ?", (follow_up,))
    assert done is not None and done["follow_up_done_at"] is not None


def test_no_answer_comes_back_tomorrow_at_most_three_times(shop: Shop, clock: FakeClock) -> None:
    ayse = shop.customers.add(name="Ayşe")
    contact(shop, clock, ayse.id, ContactKind.COMPLAINT)
    for attempt in range(3):
        assert rows(shop) == {"Ayşe": [ReasonKind.COMPLAINT]}, attempt
        shop.calls.record(ayse.id, Outcome.NO_ANSWER)
        assert rows(shop) == {}
        clock.advance(days=1)
    assert rows(shop) == {}  # three times unanswered: off the list
    assert shop.store.one("SELECT count(*) AS n FROM contacts WHERE kind = 'call'")["n"] == 3  # type: ignore[index]


def test_call_back_brings_the_row_back_on_that_day(shop: Shop, clock: FakeClock) -> None:
    ayse = shop.customers.add(name="Ayşe")
    contact(shop, clock, ayse.id, ContactKind.COMPLAINT)
    shop.calls.record(ayse.id, Outcome.CALL_BACK, call_back_on="2026-03-12")
    for _day in range(2):
        clock.advance(days=1)
        assert rows(shop) == {}
    clock.advance(days=1)
    assert rows(shop) == {"Ayşe": [ReasonKind.COMPLAINT]}


def test_not_interested_closes_those_reasons_but_a_new_one_shows(
    shop: Shop, clock: FakeClock
) -> None:
    ayse = shop.customers.add(name="Ayşe")
    consent_to_calls(shop, ayse.id)
    shop.rewards.give_goodwill(ayse.id, RewardKind.AMOUNT, value="50", valid_days=10)
    shop.calls.record(ayse.id, Outcome.NOT_INTERESTED)
    clock.advance(days=1)
    assert rows(shop) == {}
    contact(shop, clock, ayse.id, ContactKind.COMPLAINT)
    assert rows(shop) == {"Ayşe": [ReasonKind.COMPLAINT]}


@pytest.mark.parametrize(
    ("outcome", "call_back_on", "message"),
    [
        ("maybe", None, "Unknown outcome"),
        (Outcome.CALL_BACK, None, "day to call back"),
        (Outcome.CALL_BACK, "2026-03-09", "after today"),
        (Outcome.CALL_BACK, "31.04.2026", "is not a date"),
        (Outcome.CALL_BACK, "2028-01-01", "within a year"),
    ],
)
def test_a_wrong_outcome_is_refused_and_nothing_is_recorded(
    shop: Shop, clock: FakeClock, outcome: str, call_back_on: str | None, message: str
) -> None:
    ayse = shop.customers.add(name="Ayşe")
    contact(shop, clock, ayse.id, ContactKind.COMPLAINT)
    with pytest.raises(InvalidInput, match=message):
        shop.calls.record(ayse.id, outcome, call_back_on=call_back_on)
    assert rows(shop) == {"Ayşe": [ReasonKind.COMPLAINT]}
    assert shop.store.one("SELECT count(*) AS n FROM call_outcomes")["n"] == 0  # type: ignore[index]


def test_someone_not_on_the_list_has_no_outcome(shop: Shop) -> None:
    oya = shop.customers.add(name="Oya")
    with pytest.raises(NotFound):
        shop.calls.record(oya.id, Outcome.REACHED)


def test_the_list_is_ordered_complaints_first(shop: Shop, clock: FakeClock) -> None:
    ali = shop.customers.add(name="Ali")
    zeki = shop.customers.add(name="Zeki")
    contact(shop, clock, ali.id, ContactKind.CALL, follow_up_on=clock().date())
    contact(shop, clock, zeki.id, ContactKind.COMPLAINT)
    assert list(rows(shop)) == ["Zeki", "Ali"]
