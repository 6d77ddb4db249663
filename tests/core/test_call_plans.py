"""Putting the customers behind a figure on today's call list: only those with consent to
calls, each once, with why; bad input changes nothing."""

from __future__ import annotations

import pytest

from shopcrm import InvalidInput, Shop


def test_those_with_consent_to_calls_are_on_todays_list_once_with_why(shop: Shop) -> None:
    ayse = shop.customers.add("Ayşe Yılmaz", phone="0532 111 11 11").id
    sukru = shop.customers.add("Şükrü Öztürk", phone="0532 222 22 22").id
    gul = shop.customers.add("Gül Işık", phone="0532 333 33 33").id  # no consent to calls
    gone = shop.customers.add("Cem Arslan", phone="0532 444 44 44").id
    for customer_id in (ayse, sukru, gone):
        shop.consent.record(customer_id, "call", True)
    shop.customers.archive(gone)

    planned = shop.calls.plan([ayse, sukru, gul, gone], "Kayıp müşteriler, Mart 2026")
    assert (planned.added, planned.already, planned.left_out) == (2, 0, 2)
    rows = {row.name: row for row in shop.calls.today().rows}
    assert sorted(rows) == ["Ayşe Yılmaz", "Şükrü Öztürk"]
    assert "To call: Kayıp müşteriler, Mart 2026" in rows["Ayşe Yılmaz"].reasons[0].text
    (entry,) = shop.contacts.of_customer(ayse)
    assert entry.kind == "visit_note" and str(entry.follow_up_on) == "2026-03-09"

    again = shop.calls.plan([ayse, sukru], "Kayıp müşteriler, Mart 2026")
    assert (again.added, again.already, again.left_out) == (0, 2, 0)
    assert len(shop.contacts.of_customer(ayse)) == 1


def test_bad_input_is_refused_and_writes_nothing(shop: Shop) -> None:
    ayse = shop.customers.add("Ayşe Yılmaz").id
    shop.consent.record(ayse, "call", True)
    for ids, why in (([ayse], "  "), ([ayse, 999], "Kayıp"), (["x"], "Kayıp")):
        with pytest.raises(InvalidInput):
            shop.calls.plan(ids, why)  # type: ignore[arg-type]
    assert shop.contacts.of_customer(ayse) == []
    assert shop.calls.plan([], "Kayıp").added == 0
