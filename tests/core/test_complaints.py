"""Complaints: open until resolved with what was done; the open ones oldest first; response
times kept for the numbers."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.care.contacts import ComplaintStatus
from tests.core.conftest import FakeClock


def test_open_complaints_are_listed_oldest_first(shop: Shop, clock: FakeClock) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67").id
    mehmet = shop.customers.add(name="Mehmet Şahin").id
    late = shop.contacts.add(ayse, "complaint", "Kart yazılmamış")
    early = shop.contacts.add(mehmet, "complaint", "Geç teslim", happened_at="2026-03-02T09:00")
    shop.contacts.add(ayse, "call", "Aradık")
    voided = shop.contacts.add(mehmet, "complaint", "Yanlış kayıt", happened_at="2026-03-01")
    shop.contacts.void(voided.id, "yanlışlıkla girildi")
    listed = shop.complaints.open_ones()
    assert [c.entry.id for c in listed] == [early.id, late.id]
    assert (listed[1].customer_name, listed[1].phone) == ("Ayşe Yılmaz", "0532 123 45 67")
    assert (listed[0].customer_name, listed[0].phone) == ("Mehmet Şahin", "")


def test_resolving_keeps_what_was_done_and_the_response_time(shop: Shop, clock: FakeClock) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz").id
    complaint = shop.contacts.add(ayse, "complaint", "Orkide soldu", happened_at="2026-03-07T16:00")
    with pytest.raises(InvalidInput, match="what was done"):
        shop.complaints.resolve(complaint.id, " ")
    assert shop.complaints.response_time(complaint.id) is None
    resolved = shop.complaints.resolve(complaint.id, "Yeni orkide gönderildi")
    assert resolved.status is ComplaintStatus.RESOLVED and not resolved.open_complaint
    assert (resolved.resolution, resolved.resolved_at) == (
        "Yeni orkide gönderildi",
        "2026-03-09T10:30:00",
    )
    assert shop.complaints.open_ones() == []
    assert shop.complaints.response_time(complaint.id) == timedelta(days=1, hours=18, minutes=30)
    with pytest.raises(InvalidInput, match="already resolved"):
        shop.complaints.resolve(complaint.id, "Tekrar")


def test_response_times_for_the_numbers(shop: Shop, clock: FakeClock) -> None:
    ayse = shop.customers.add(name="Ayşe").id
    hours = shop.contacts.add(ayse, "complaint", "Geç", happened_at="2026-03-02T09:00")
    days = shop.contacts.add(ayse, "complaint", "Solgun", happened_at="2026-03-04T12:00")
    still_open = shop.contacts.add(ayse, "complaint", "Kırık vazo", happened_at="2026-03-08")
    shop.complaints.resolve(hours.id, "Özür", resolved_at="2026-03-02T13:30")
    shop.complaints.resolve(days.id, "Yenisi", resolved_at=datetime(2026, 3, 7, 12, 0))
    times = shop.complaints.times()
    assert [(t.entry_id, t.opened_at, t.duration) for t in times] == [
        (hours.id, "2026-03-02T09:00:00", timedelta(hours=4, minutes=30)),
        (days.id, "2026-03-04T12:00:00", timedelta(days=3)),
    ]
    with_open = shop.complaints.times(include_open=True)
    assert [(t.entry_id, t.resolved_at, t.duration) for t in with_open][-1] == (
        still_open.id,
        None,
        None,
    )
    assert [t.entry_id for t in shop.complaints.times(since=date(2026, 3, 3))] == [days.id]
    assert [t.entry_id for t in shop.complaints.times(until=date(2026, 3, 2))] == [hours.id]


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("2026-03-09T11:00", "future"),
        ("2026-03-05T08:59", "before it was made"),
        ("soon", "not a date and time"),
    ],
)
def test_a_resolution_cannot_be_in_the_future_or_before_the_complaint(
    shop: Shop, when: str, message: str
) -> None:
    ayse = shop.customers.add(name="Ayşe").id
    complaint = shop.contacts.add(ayse, "complaint", "Geç", happened_at="2026-03-05T09:00")
    with pytest.raises(InvalidInput, match=message):
        shop.complaints.resolve(complaint.id, "Özür", resolved_at=when)
    assert shop.contacts.get(complaint.id).open_complaint


def test_only_a_complaint_is_resolved(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe").id
    call = shop.contacts.add(ayse, "call", "Aradık")
    with pytest.raises(InvalidInput, match="Only a complaint"):
        shop.complaints.resolve(call.id, "Bir şey")
    voided = shop.contacts.add(ayse, "complaint", "x")
    shop.contacts.void(voided.id, "deneme")
    with pytest.raises(InvalidInput, match="voided"):
        shop.complaints.resolve(voided.id, "Bir şey")
