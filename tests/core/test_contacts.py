"""The contact log: entries newest first, corrected or voided but never deleted, follow-ups and
the last contact."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from shopcrm import InvalidInput, NotFound, Shop
from shopcrm.care.contacts import ComplaintStatus, ContactKind
from shopcrm.common.i18n import set_language
from tests.core.conftest import FakeClock


@pytest.fixture
def ayse(shop: Shop) -> int:
    return shop.customers.add(name="Ayşe Yılmaz").id


def test_every_kind_is_logged_newest_first(shop: Shop, clock: FakeClock, ayse: int) -> None:
    shop.contacts.add(ayse, "call", "Doğum günü kutlandı", happened_at="2026-03-01T11:00")
    shop.contacts.add(ayse, ContactKind.CARD, "Yılbaşı kartı", happened_at=datetime(2026, 1, 2))
    shop.contacts.add(ayse, "survey", "Çiçekler çok taze", score=5, recorded_by=" Elif ")
    shop.contacts.add(ayse, "visit_note", "Lilyum sordu", happened_at="2026-03-08")
    log = shop.contacts.of_customer(ayse)
    assert [(e.kind, e.happened_at) for e in log] == [
        (ContactKind.SURVEY, "2026-03-09T10:30:00"),
        (ContactKind.VISIT_NOTE, "2026-03-08T00:00:00"),
        (ContactKind.CALL, "2026-03-01T11:00:00"),
        (ContactKind.CARD, "2026-01-02T00:00:00"),
    ]
    survey = log[0]
    assert (survey.score, survey.recorded_by, survey.status) == (5, "Elif", None)
    assert all(e.score is None for e in log[1:])


def test_a_complaint_starts_open(shop: Shop, ayse: int) -> None:
    complaint = shop.contacts.add(ayse, "complaint", "Buket solmuş geldi")
    assert complaint.status is ComplaintStatus.OPEN and complaint.open_complaint


def test_a_correction_replaces_the_entry_in_one_step(
    shop: Shop, clock: FakeClock, ayse: int
) -> None:
    first = shop.contacts.add(ayse, "call", "Aradık, açmadı", follow_up_on="2026-03-12")
    clock.advance(minutes=10)
    new = shop.contacts.correct(first.id, summary="Aradık, sipariş verdi", reason="yanlış not")
    assert new.replaces_id == first.id
    assert (new.summary, new.kind, new.follow_up_on) == (
        "Aradık, sipariş verdi",
        "call",
        "2026-03-12",
    )
    assert new.happened_at == first.happened_at
    old = shop.contacts.get(first.id)
    assert old.voided and old.void_reason == "yanlış not" and old.replaced_by == new.id
    assert [e.id for e in shop.contacts.of_customer(ayse)] == [new.id, first.id]
    # The voided one can be neither corrected nor voided again.
    with pytest.raises(InvalidInput, match="voided or corrected"):
        shop.contacts.correct(first.id, summary="again")
    with pytest.raises(InvalidInput, match="voided or corrected"):
        shop.contacts.void(first.id, "again")
    with pytest.raises(InvalidInput, match="Nothing to correct"):
        shop.contacts.correct(new.id, summary="Aradık, sipariş verdi")


def test_a_correction_may_change_the_kind_and_clear_the_follow_up(shop: Shop, ayse: int) -> None:
    note = shop.contacts.add(ayse, "visit_note", "Memnun", follow_up_on="2026-03-10")
    with pytest.raises(InvalidInput, match="score"):
        shop.contacts.correct(note.id, kind="survey")
    survey = shop.contacts.correct(note.id, kind="survey", score="4", follow_up_on=None)
    assert (survey.kind, survey.score, survey.follow_up_on) == (ContactKind.SURVEY, 4, None)
    call = shop.contacts.correct(survey.id, kind="call")
    assert call.score is None
    complaint = shop.contacts.correct(call.id, kind="complaint")
    assert complaint.status is ComplaintStatus.OPEN


def test_a_resolved_complaint_keeps_its_resolution_when_corrected(
    shop: Shop, clock: FakeClock, ayse: int
) -> None:
    complaint = shop.contacts.add(ayse, "complaint", "Geç teslim")
    clock.advance(hours=5)
    shop.complaints.resolve(complaint.id, "Özür dilendi, indirim verildi", "2026-03-09T13:30")
    corrected = shop.contacts.correct(complaint.id, summary="Teslimat iki saat gecikti")
    assert corrected.status is ComplaintStatus.RESOLVED
    assert corrected.resolution == "Özür dilendi, indirim verildi"
    assert shop.complaints.response_time(corrected.id) == (
        datetime(2026, 3, 9, 13, 30) - datetime(2026, 3, 9, 10, 30)
    )
    with pytest.raises(InvalidInput, match="after it was resolved"):
        shop.contacts.correct(corrected.id, happened_at="2026-03-09T14:00")


def test_voiding_keeps_the_entry_and_needs_a_reason(shop: Shop, ayse: int) -> None:
    entry = shop.contacts.add(ayse, "gift", "Saksı çiçeği gönderildi", follow_up_on="2026-03-09")
    with pytest.raises(InvalidInput, match="reason"):
        shop.contacts.void(entry.id, "  ")
    voided = shop.contacts.void(entry.id, "Yanlış müşteri")
    assert voided.voided and voided.void_reason == "Yanlış müşteri"
    assert shop.contacts.of_customer(ayse) == [voided]
    assert shop.contacts.follow_ups_due() == []
    assert shop.contacts.last_contact(ayse) is None
    count = shop.store.one("SELECT count(*) AS n FROM contacts")
    assert count == {"n": 1}


def test_follow_ups_due_today_and_this_week(shop: Shop, clock: FakeClock, ayse: int) -> None:
    mehmet = shop.customers.add(name="Mehmet Şahin").id
    today = shop.contacts.add(ayse, "call", "Fiyat soracak", follow_up_on=date(2026, 3, 9))
    friday = shop.contacts.add(mehmet, "letter", "Davetiye", follow_up_on="13.03.2026")
    shop.contacts.add(ayse, "card", "Kart", follow_up_on="2026-03-20")
    assert [e.id for e in shop.contacts.follow_ups_due()] == [today.id]
    assert [e.id for e in shop.contacts.follow_ups_due(date(2026, 3, 15))] == [today.id, friday.id]
    clock.advance(days=5)
    assert [e.id for e in shop.contacts.follow_ups_due()] == [today.id, friday.id]
    done = shop.contacts.mark_follow_up_done(today.id)
    assert done.follow_up_done_at == "2026-03-14T10:30:00"
    assert not done.follow_up_due(date(2026, 3, 14))
    assert [e.id for e in shop.contacts.follow_ups_due()] == [friday.id]
    with pytest.raises(InvalidInput, match="already done"):
        shop.contacts.mark_follow_up_done(today.id)


def test_the_last_contact_says_when_and_how(shop: Shop, clock: FakeClock, ayse: int) -> None:
    assert shop.contacts.last_contact_text(ayse) == "Last contact: none yet"
    shop.contacts.add(ayse, "call", "Aradık", happened_at="2026-03-06T15:00")
    shop.contacts.add(ayse, "card", "Kart", happened_at="2026-02-01T15:00")
    last = shop.contacts.last_contact(ayse)
    assert last is not None and (last.kind, last.happened_at) == ("call", "2026-03-06T15:00:00")
    assert shop.contacts.last_contact_text(ayse) == "Last contact: 3 days ago, call"
    set_language("tr")
    assert shop.contacts.last_contact_text(ayse) == "Son temas: 3 gün önce, arama"
    shop.contacts.add(ayse, "visit_note", "Uğradı")
    assert shop.contacts.last_contact_text(ayse) == "Son temas: bugün, ziyaret notu"
    clock.advance(days=1)
    assert shop.contacts.last_contact_text(ayse) == "Son temas: dün, ziyaret notu"
    clock.advance(days=100)
    assert shop.contacts.last_contact_text(ayse) == "Son temas: 9 Mar 2026, ziyaret notu"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"summary": "   "}, "summary"),
        ({"summary": "x" * 1001}, "at most 1.000|at most 1,000"),
        ({"kind": "fax"}, "not a kind of contact"),
        ({"kind": "survey", "score": 6}, "from 1 to 5"),
        ({"kind": "survey", "score": 0}, "from 1 to 5"),
        ({"kind": "survey", "score": "x"}, "from 1 to 5"),
        ({"kind": "survey", "score": True}, "from 1 to 5"),
        ({"kind": "survey"}, "score"),
        ({"kind": "call", "score": 3}, "Only a survey"),
        ({"follow_up_on": "2026-03-08"}, "past"),
        ({"follow_up_on": "31.04.2026"}, "no such day"),
        ({"follow_up_on": "next week"}, "not a date"),
        ({"happened_at": "2026-03-10T10:30"}, "future"),
        ({"happened_at": "1999-12-31T10:00"}, "too long ago"),
        ({"happened_at": "yesterday"}, "not a date and time"),
        ({"recorded_by": "E" * 101}, "at most 100"),
        ({"recorded_by": "Elif\u202e"}, "invisible"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(
    shop: Shop, ayse: int, fields: dict[str, object], message: str
) -> None:
    entry = {"kind": "call", "summary": "Aradık", **fields}
    with pytest.raises(InvalidInput, match=message):
        shop.contacts.add(ayse, **entry)  # type: ignore[arg-type]
    assert shop.contacts.of_customer(ayse) == []


def test_an_unknown_customer_or_entry_is_not_found(shop: Shop, ayse: int) -> None:
    with pytest.raises(NotFound):
        shop.contacts.add(999, "call", "Aradık")
    with pytest.raises(NotFound):
        shop.contacts.void(999, "yok")
    with pytest.raises(NotFound):
        shop.contacts.add(ayse, "call", "Aradık", occasion_id=5)
    set_language("tr")
    with pytest.raises(InvalidInput, match="Lütfen"):
        shop.contacts.add(ayse, "call", "")
