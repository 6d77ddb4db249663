"""The upcoming occasions: date arithmetic across year ends and 29 February, marks, follow-ups."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.care.contacts import ContactKind, add_entry
from shopcrm.care.upcoming import MarkAction


def listed(shop: Shop, today: date, days: int | None = None) -> list[tuple[str, date, int]]:
    return [
        (u.customer_name, u.coming.falls_on, u.coming.days_left)
        for u in shop.upcoming.occasions(days, today=today)
    ]


def test_the_next_days_soonest_first_with_the_date_and_days_left(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe", phone="0532 123 45 67", birthday="15.03")
    cem = shop.customers.add(name="Cem", birthday="10.03.1991")
    shop.customers.add(name="Gül", birthday="17.03")  # 8 days away: not in the 7 days
    shop.occasions.add(ayse.id, "wedding", "09.03.2016", note="çiçek gönder")
    rows = shop.upcoming.occasions(today=date(2026, 3, 9))
    assert [(u.customer_name, u.coming.days_left, u.coming.what) for u in rows] == [
        ("Ayşe", 0, "Wedding anniversary: 10 years"),
        ("Cem", 1, "Birthday: turns 35"),
        ("Ayşe", 6, "Birthday"),
    ]
    assert rows[0].occasion.note == "çiçek gönder" and rows[0].phone_display == "0532 123 45 67"
    assert rows[0].coming.falls_on == date(2026, 3, 9) and rows[0].id == rows[0].occasion.id
    # the caller may look further; the settings set the default
    assert [name for name, _on, _left in listed(shop, date(2026, 3, 9), 8)][-1] == "Gül"
    shop.settings.update(upcoming_days="1")
    assert [name for name, _on, _left in listed(shop, date(2026, 3, 9))] == ["Ayşe", "Cem"]
    assert cem.birthday == "1991-03-10"


def test_an_occasion_early_in_january_is_seen_from_late_december(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe", birthday="02.01.1980")
    assert listed(shop, date(2026, 12, 28)) == [("Ayşe", date(2027, 1, 2), 5)]
    (row,) = shop.upcoming.occasions(today=date(2026, 12, 28))
    assert row.coming.years == 47  # the age turned in 2027, not 2026
    assert listed(shop, date(2027, 1, 3)) == []  # passed: next year's is far
    # a notice of 7 days crosses the year end; one of 3 does not
    assert [u.customer_name for u in shop.upcoming.within_notice(date(2026, 12, 28))] == ["Ayşe"]
    (own,) = shop.occasions.of_customer(ayse.id)
    shop.occasions.update(own.id, notice_days=3)
    assert shop.upcoming.within_notice(date(2026, 12, 28)) == []
    assert [u.coming.days_left for u in shop.upcoming.within_notice(date(2026, 12, 30))] == [3]


def test_29_february_is_kept_on_28_february_in_a_year_without_one(shop: Shop) -> None:
    shop.customers.add(name="Şubat", birthday="29.02.1996")
    assert listed(shop, date(2027, 2, 25)) == [("Şubat", date(2027, 2, 28), 3)]
    assert listed(shop, date(2027, 3, 1)) == []
    assert listed(shop, date(2028, 2, 25)) == [("Şubat", date(2028, 2, 29), 4)]
    (row,) = shop.upcoming.occasions(today=date(2027, 2, 28))
    assert (row.coming.days_left, row.coming.years) == (0, 31)


def test_one_off_dates_come_once(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe")
    shop.occasions.add(ayse.id, "wedding", "12.03.2026", yearly=False, whose="kızı Elif")
    shop.occasions.add(ayse.id, "child_graduation", "05.03.2026", yearly=False)
    shop.occasions.add(ayse.id, "other", "10.03.2027", yearly=False, label="Açılış")
    rows = shop.upcoming.occasions(today=date(2026, 3, 9))
    assert [(u.coming.what, u.coming.days_left) for u in rows] == [("kızı Elif: wedding day", 3)]
    assert listed(shop, date(2027, 3, 9)) == [("Ayşe", date(2027, 3, 10), 1)]  # not the wedding
    assert listed(shop, date(2027, 3, 11)) == []  # all passed: never listed again
    assert listed(shop, date(2028, 3, 9)) == []


def test_ages_and_anniversary_numbers(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe", birthday="10.03.1991")
    shop.occasions.add(ayse.id, "wedding", "10.03.2016")
    shop.occasions.add(ayse.id, "engagement", "10.03.2015")
    shop.occasions.add(ayse.id, "child_birthday", "10.03.2008", whose="kızı Elif")
    shop.occasions.add(ayse.id, "child_birthday", "10.03.2026", whose="oğlu Can")  # newborn
    shop.occasions.add(ayse.id, "other", "10.03.2011", label="Dükkân açılışı")
    shop.occasions.add(ayse.id, "name_day", "10.03")
    rows = shop.upcoming.occasions(today=date(2026, 3, 9))
    assert sorted((u.coming.what, u.coming.years) for u in rows) == sorted(
        [
            ("Birthday: turns 35", 35),
            ("Wedding anniversary: 10 years", 10),
            ("Engagement anniversary: 11 years", 11),
            ("kızı Elif: turns 18", 18),
            ("oğlu Can: birthday", None),
            ("Dükkân açılışı: 15 years", 15),
            ("Name day", None),
        ]
    )


def test_a_removed_occasion_and_an_archived_customer_are_not_listed(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe", birthday="10.03")
    fatma = shop.customers.add(name="Fatma", birthday="11.03")
    (own,) = shop.occasions.of_customer(ayse.id)
    shop.occasions.remove(own.id)
    shop.customers.archive(fatma.id)
    assert listed(shop, date(2026, 3, 9)) == []
    assert shop.customers.get(ayse.id).birthday is None


def test_a_marked_occasion_is_gone_this_year_and_back_next_year(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe", birthday="10.03.1991")
    cem = shop.customers.add(name="Cem")
    wedding = shop.occasions.add(cem.id, "wedding", "11.03.2016")
    (birthday,) = shop.occasions.of_customer(ayse.id)
    mark = shop.upcoming.mark(birthday.id, "called", today=date(2026, 3, 9), recorded_by="Oya")
    assert (mark.year, mark.action) == (2026, MarkAction.CALLED)
    assert listed(shop, date(2026, 3, 9)) == [("Cem", date(2026, 3, 11), 2)]
    assert listed(shop, date(2026, 3, 9), 366)[-1] == ("Ayşe", date(2027, 3, 10), 366)
    assert listed(shop, date(2027, 3, 8)) == [
        ("Ayşe", date(2027, 3, 10), 2),
        ("Cem", date(2027, 3, 11), 3),
    ]
    entry = shop.store.one("SELECT * FROM contacts WHERE id = ?", (mark.contact_id,))
    assert entry is not None
    assert (entry["kind"], entry["occasion_id"], entry["recorded_by"]) == (
        "call",
        birthday.id,
        "Oya",
    )
    assert entry["summary"] == "Called for the occasion: Birthday: turns 35 (Mar 10, 2026)"
    # a dismissal marks it too, noted in the contact log, but it is no contact
    before = shop.contacts.last_contact(wedding.customer_id)
    dismissed = shop.upcoming.mark(wedding.id, MarkAction.DISMISSED, today=date(2026, 3, 9))
    assert listed(shop, date(2026, 3, 9)) == []
    note = shop.store.one(
        "SELECT kind, summary FROM contacts WHERE id = ?", (dismissed.contact_id,)
    )
    assert note is not None and note["kind"] == "visit_note"
    assert note["summary"].startswith("Nothing this year for the occasion: ")
    assert shop.contacts.last_contact(wedding.customer_id) == before
    assert [m.action for m in shop.upcoming.marks_of(wedding.id)] == [MarkAction.DISMISSED]
    # one mark a year
    with pytest.raises(InvalidInput, match="already marked for 2026"):
        shop.upcoming.mark(birthday.id, "card_sent", today=date(2026, 3, 9))


def test_a_card_and_a_gift_are_logged_for_the_occasion(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe")
    card = shop.occasions.add(ayse.id, "name_day", "10.03")
    gift = shop.occasions.add(ayse.id, "wedding", "10.03.2016", whose="kızı Elif")
    shop.upcoming.mark(card.id, "card_sent", today=date(2026, 3, 9))
    shop.upcoming.mark(gift.id, "gift_sent", today=date(2026, 3, 9))
    kinds = shop.store.query("SELECT kind, summary FROM contacts ORDER BY id")
    assert [(r["kind"], r["summary"]) for r in kinds] == [
        ("card", "Card sent for the occasion: Name day (Mar 10, 2026)"),
        (
            "gift",
            "Gift sent for the occasion: kızı Elif: wedding anniversary, 10 years (Mar 10, 2026)",
        ),
    ]


def test_what_cannot_be_marked_is_refused_and_nothing_is_written(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe")
    past = shop.occasions.add(ayse.id, "wedding", "01.03.2026", yearly=False)
    coming = shop.occasions.add(ayse.id, "wedding", "01.04.2016")
    with pytest.raises(InvalidInput, match="will not come again"):
        shop.upcoming.mark(past.id, "called", today=date(2026, 3, 9))
    with pytest.raises(InvalidInput, match="not something done"):
        shop.upcoming.mark(coming.id, "emailed", today=date(2026, 3, 9))
    with pytest.raises(InvalidInput, match="at most 100"):
        shop.upcoming.mark(coming.id, "called", recorded_by="x" * 101)
    removed = shop.occasions.remove(coming.id)
    with pytest.raises(InvalidInput):
        shop.upcoming.mark(removed.id, "called", today=date(2026, 3, 9))
    assert shop.store.one("SELECT count(*) AS n FROM occasion_marks") == {"n": 0}
    assert shop.store.one("SELECT count(*) AS n FROM contacts") == {"n": 0}


def test_the_caller_may_ask_for_other_days_within_bounds(shop: Shop) -> None:
    shop.customers.add(name="Ayşe", birthday="09.03")
    shop.customers.add(name="Cem", birthday="09.09")
    assert [n for n, _d, _l in listed(shop, date(2026, 3, 9), 0)] == ["Ayşe"]
    assert [n for n, _d, _l in listed(shop, date(2026, 3, 9), 366)] == ["Ayşe", "Cem"]
    for bad in (-1, 367, "yedi"):
        with pytest.raises(InvalidInput):
            shop.upcoming.occasions(bad, today=date(2026, 3, 9))  # type: ignore[arg-type]


def test_due_follow_ups_oldest_first(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe", phone="0532 123 45 67")
    cem = shop.customers.add(name="Cem")
    now = datetime(2026, 3, 1, 10)
    with shop.store.transaction():
        late = add_entry(
            shop.store,
            now,
            ayse.id,
            ContactKind.CALL,
            "Ara, sipariş",
            follow_up_on=date(2026, 3, 5),
        )
        today = add_entry(
            shop.store,
            now,
            cem.id,
            ContactKind.COMPLAINT,
            "Solmuş gül",
            follow_up_on=date(2026, 3, 9),
        )
        add_entry(
            shop.store, now, cem.id, ContactKind.CALL, "Sonra", follow_up_on=date(2026, 3, 10)
        )
        done = add_entry(
            shop.store, now, cem.id, ContactKind.CALL, "Yapıldı", follow_up_on=date(2026, 3, 2)
        )
        voided = add_entry(
            shop.store, now, cem.id, ContactKind.CALL, "İptal", follow_up_on=date(2026, 3, 2)
        )
        shop.store.execute(
            "UPDATE contacts SET follow_up_done_at = ? WHERE id = ?", (now.isoformat(), done)
        )
        shop.store.execute(
            "UPDATE contacts SET voided_at = ? WHERE id = ?", (now.isoformat(), voided)
        )
    due = shop.upcoming.follow_ups(date(2026, 3, 9))
    assert [(f.id, f.customer_name, f.days_late, f.kind) for f in due] == [
        (late, "Ayşe", 4, ContactKind.CALL),
        (today, "Cem", 0, ContactKind.COMPLAINT),
    ]
    assert due[0].summary == "Ara, sipariş" and due[0].phone_display == "0532 123 45 67"
