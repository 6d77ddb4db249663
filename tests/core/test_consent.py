"""Consent per channel (Law 6563): given and withdrawn with its history, filtered in bulk."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from shopcrm import InvalidInput, NotFound, Shop
from shopcrm.common.i18n import set_language
from shopcrm.people.consent import Channel, ConsentMethod, consent_condition
from shopcrm.storage.migrations import MIGRATIONS
from tests.core.conftest import FakeClock


def test_the_single_consent_of_add_and_update_is_recorded_on_every_channel(
    shop: Shop, clock: FakeClock
) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz", marketing_consent=True)
    assert ayse.marketing_consent and ayse.consent_date == "2026-03-09T10:30:00"
    holds = shop.consent.of_customer(ayse.id)
    assert list(holds) == [Channel.CALL, Channel.SMS, Channel.EMAIL, Channel.LETTER]
    assert all(c.given and c.method is ConsentMethod.VERBAL for c in holds.values())
    assert {c.given_at for c in holds.values()} == {"2026-03-09T10:30:00"}

    clock.advance(days=3)
    withdrawn = shop.customers.update(ayse.id, marketing_consent=False)
    assert not withdrawn.marketing_consent
    assert withdrawn.consent_date == withdrawn.updated_at == "2026-03-12T10:30:00"
    call = shop.consent.of_customer(ayse.id)[Channel.CALL]
    assert not call.given
    assert call.withdrawn_at == "2026-03-12T10:30:00"
    assert call.given_at == "2026-03-09T10:30:00" and call.method is ConsentMethod.VERBAL
    history = shop.consent.history(ayse.id, "call")
    assert [(h.given, h.noted_at) for h in history] == [
        (False, "2026-03-12T10:30:00"),
        (True, "2026-03-09T10:30:00"),
    ]
    assert len(shop.consent.history(ayse.id)) == 8


def test_a_method_can_be_told_and_a_customer_never_asked_has_no_consent(shop: Shop) -> None:
    written = shop.customers.add(
        name="Fatma Kaya", marketing_consent=True, consent_method="written"
    )
    assert shop.consent.of_customer(written.id)[Channel.LETTER].method is ConsentMethod.WRITTEN
    never = shop.customers.add(name="Gül Demir")
    assert not never.marketing_consent and never.consent_date is None
    assert shop.consent.history(never.id) == []
    assert not any(c.given or c.asked for c in shop.consent.of_customer(never.id).values())


def test_consent_changes_per_channel_and_saying_it_again_records_nothing(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Mehmet Şahin")
    shop.consent.record(c.id, "sms", True, method="electronic")
    clock.advance(hours=2)
    shop.consent.record(c.id, Channel.CALL, True, method="written", note="Form no. 12")
    shop.consent.record(c.id, Channel.CALL, True, method="written")  # already so
    assert len(shop.consent.history(c.id)) == 2
    assert shop.consent.has_consent(c.id, "call") and shop.consent.has_consent(c.id, "sms")
    assert not shop.consent.has_consent(c.id, "email")
    clock.advance(days=1)
    sms = shop.consent.record(c.id, "sms", False)
    assert not sms.given and sms.withdrawn_at == "2026-03-10T12:30:00"
    assert shop.customers.get(c.id).marketing_consent  # calls still allowed
    assert shop.consent.history(c.id)[-1].note == ""
    assert shop.consent.history(c.id, "call")[0].note == "Form no. 12"
    # Given again in another way is a change; given the same way is not.
    shop.consent.record(c.id, "call", True, method="verbal")
    assert shop.consent.of_customer(c.id)[Channel.CALL].method is ConsentMethod.VERBAL
    assert len(shop.consent.history(c.id)) == 4


def test_the_call_list_filters_many_customers_at_once_by_consent(shop: Shop) -> None:
    yes = shop.customers.add(name="Ayşe", marketing_consent=True)
    withdrawn = shop.customers.add(name="Fatma", marketing_consent=True)
    shop.consent.record(withdrawn.id, "call", False)
    sms_only = shop.customers.add(name="Gül", consents={"sms": True})
    never = shop.customers.add(name="Oya")
    assert shop.consent.customers_with_consent("call") == {yes.id}
    assert shop.consent.customers_with_consent(Channel.SMS) == {yes.id, withdrawn.id, sms_only.id}
    rows = shop.store.query(
        f"SELECT id FROM customers WHERE {consent_condition('call')} ORDER BY id"
    )
    assert [r["id"] for r in rows] == [yes.id]
    rows = shop.store.query(
        f"SELECT c.id FROM customers c WHERE {consent_condition('sms', 'c.id')} ORDER BY c.id"
    )
    assert [r["id"] for r in rows] == [yes.id, withdrawn.id, sms_only.id]
    for customer in (yes, withdrawn, sms_only, never):
        for channel in Channel:
            expected = customer.id in shop.consent.customers_with_consent(channel)
            assert shop.consent.has_consent(customer.id, channel) is expected


def test_the_form_saves_each_channel_with_its_method(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Can Öztürk")
    clock.advance(minutes=5)
    changed = shop.customers.update(
        c.id,
        consents={"call": (True, "written"), "sms": (False, "verbal"), "email": True},
    )
    holds = shop.consent.of_customer(c.id)
    assert holds[Channel.CALL].method is ConsentMethod.WRITTEN
    assert holds[Channel.EMAIL].given and holds[Channel.EMAIL].method is ConsentMethod.VERBAL
    assert not holds[Channel.SMS].asked and not holds[Channel.LETTER].given
    assert changed.marketing_consent and changed.consent_date == "2026-03-09T10:35:00"
    assert len(shop.consent.history(c.id)) == 2


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, i: s.consent.record(i, "fax", True), "not a channel"),
        (lambda s, i: s.consent.record(i, "call", True, method="by pigeon"), "not a way consent"),
        (lambda s, i: s.consent.record(i, "call", True, method="earlier"), "not a way consent"),
        (lambda s, i: s.consent.record(i, "call", "yes"), "not a yes or a no"),
        (lambda s, i: s.consent.record(i, "call", True, noted_at="2026-03-10T10:30"), "future"),
        (lambda s, i: s.consent.record(i, "call", True, noted_at="2026-03-01T10:00"), "later"),
        (lambda s, i: s.consent.record(i, "call", True, note="x" * 201), "at most 200"),
        (lambda s, i: s.customers.update(i, consents={"telegram": True}), "not a channel"),
        (lambda s, i: s.customers.update(i, marketing_consent="maybe"), "not a yes or a no"),
        (lambda s, i: s.customers.add(name="Ece", consent_method="by pigeon"), "not a way"),
    ],
)
def test_bad_consent_input_is_refused_and_changes_nothing(
    shop: Shop, clock: FakeClock, call: object, message: str
) -> None:
    c = shop.customers.add(name="Ayşe")
    shop.consent.record(c.id, "call", True, noted_at=datetime(2026, 3, 2, 9, 0))
    shop.consent.record(c.id, "call", False, noted_at=datetime(2026, 3, 5, 9, 0))
    before = (shop.consent.history(c.id), shop.customers.all())
    with pytest.raises(InvalidInput, match=message):
        call(shop, c.id)  # type: ignore[operator]
    assert (shop.consent.history(c.id), shop.customers.all()) == before


def test_refusals_are_translated(shop: Shop) -> None:
    c = shop.customers.add(name="Ayşe")
    set_language("tr")
    with pytest.raises(InvalidInput, match="kanal"):
        shop.consent.record(c.id, "fax", True)
    with pytest.raises(NotFound, match="müşteri"):
        shop.consent.of_customer(999)


def test_an_older_shops_consent_reads_per_channel_and_changes_on(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, migrate in enumerate(MIGRATIONS[:3]):
        migrate(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    for name, consent, when in [
        ("Ayşe", 1, "2025-05-01T10:00:00"),
        ("Fatma", 0, "2025-06-01T10:00:00"),
        ("Gül", 0, None),
        ("Oya", 1, None),  # agreed, the day not written down
    ]:
        conn.execute(
            "INSERT INTO customers (name, name_folded, marketing_consent, consent_date, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, '2025-01-01T10:00:00', "
            "'2025-01-01T10:00:00')",
            (name, name.lower(), consent, when),
        )
    conn.close()
    with Shop.open(path, clock=clock) as shop:
        ayse, fatma, gul, oya = (shop.customers.get(i) for i in (1, 2, 3, 4))
        assert (oya.marketing_consent, oya.consent_date) == (True, "2025-01-01T10:00:00")
        assert shop.consent.of_customer(oya.id)[Channel.SMS].given_at == oya.consent_date
        assert (ayse.marketing_consent, ayse.consent_date) == (True, "2025-05-01T10:00:00")
        assert (fatma.marketing_consent, fatma.consent_date) == (False, "2025-06-01T10:00:00")
        assert (gul.marketing_consent, gul.consent_date) == (False, None)
        call = shop.consent.of_customer(ayse.id)[Channel.CALL]
        assert call.given and call.method is ConsentMethod.EARLIER
        assert call.given_at == "2025-05-01T10:00:00"
        withdrawn = shop.consent.of_customer(fatma.id)[Channel.EMAIL]
        assert not withdrawn.given and withdrawn.withdrawn_at == "2025-06-01T10:00:00"
        assert not shop.consent.of_customer(gul.id)[Channel.CALL].asked
        assert shop.consent.customers_with_consent("call") == {ayse.id, oya.id}
        shop.customers.update(gul.id, marketing_consent=True)
        assert shop.consent.customers_with_consent("letter") == {ayse.id, gul.id, oya.id}
        assert len(shop.consent.history(ayse.id)) == 4
