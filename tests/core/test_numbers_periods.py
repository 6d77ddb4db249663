"""Periods (the one before, their titles, bad custom ones), the charts' series and the figures
as CSV in both languages."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.common.i18n import set_language
from shopcrm.numbers.figures import MonthRevenue
from shopcrm.numbers.periods import Period, PeriodKind, custom, last_month, this_month, this_year
from tests.core.conftest import FakeClock

TODAY = date(2026, 12, 2)


def test_the_period_before_each_kind() -> None:
    assert this_month(TODAY).previous() == Period(
        PeriodKind.MONTH, date(2026, 11, 1), date(2026, 11, 30)
    )
    assert last_month(date(2026, 3, 31)) == Period(
        PeriodKind.MONTH, date(2026, 2, 1), date(2026, 2, 28)
    )
    assert this_month(date(2026, 1, 15)).previous().end == date(2025, 12, 31)
    assert this_year(TODAY).previous() == Period(
        PeriodKind.YEAR, date(2025, 1, 1), date(2025, 12, 31)
    )
    # 15 days from 1 to 15 November: the 15 days before are 17 to 31 October.
    fifteen = custom(date(2026, 11, 1), date(2026, 11, 15), today=TODAY)
    assert fifteen.previous() == Period(PeriodKind.CUSTOM, date(2026, 10, 17), date(2026, 10, 31))
    one_day = custom("02.12.2026", "02.12.2026", today=TODAY)
    assert one_day.previous().start == one_day.previous().end == date(2026, 12, 1)


def test_titles_in_both_languages() -> None:
    periods = (
        this_month(TODAY),
        this_year(TODAY),
        custom(date(2026, 11, 1), date(2026, 11, 15), today=TODAY),
        custom(date(2025, 12, 20), date(2026, 1, 5), today=TODAY),
    )
    set_language("tr")
    assert [p.title() for p in periods] == [
        "Aralık 2026",
        "2026",
        "1 Kas – 15 Kas 2026",
        "20 Ara 2025 – 5 Oca 2026",
    ]
    assert this_month(date(2026, 8, 1)).title() == "Ağustos 2026"
    set_language("en")
    assert [p.title() for p in periods] == [
        "December 2026",
        "2026",
        "Nov 1 – Nov 15, 2026",
        "Dec 20, 2025 – Jan 5, 2026",
    ]


@pytest.mark.parametrize(
    ("start", "end", "says"),
    [
        (date(2026, 11, 15), date(2026, 11, 1), "ends before it starts"),
        (date(1999, 12, 31), date(2026, 11, 1), "too long ago"),
        (date(2026, 11, 1), date(2028, 1, 1), "too far ahead"),
        ("31.04.2026", "01.05.2026", "no such day"),
        ("yesterday", "01.05.2026", "is not a date"),
    ],
)
def test_bad_custom_periods_are_refused(start: object, end: object, says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        custom(start, end, today=TODAY)  # type: ignore[arg-type]


def test_a_bad_custom_period_is_refused_in_turkish() -> None:
    set_language("tr")
    with pytest.raises(InvalidInput, match="başlamadan önce bitiyor"):
        custom(date(2026, 11, 15), date(2026, 11, 1), today=TODAY)


@pytest.fixture
def sales(shop: Shop, clock: FakeClock) -> dict[str, int]:
    clock.now = datetime(2026, 12, 2, 10, 0)
    shop.rules.pause(shop.rules.all()[0].id)
    a = shop.customers.add(name="Ayşe Demir").id
    b = shop.customers.add(name="Burak Kaya").id
    log = shop.purchases.log
    log(a, amount=10000, purchased_at="2026-10-05T09:15:00")  # Monday 9:15, A's first
    log(a, amount=2000, purchased_at="2026-10-05T17:40:00")  # same day: no new visit
    log(a, amount=5000, purchased_at="2026-11-30T23:59:59")  # Monday 23:59
    log(b, amount=7000, purchased_at="2026-11-01T00:00:00")  # Sunday 0:00, B's first
    log(b, amount=3000, purchased_at="2026-11-07T14:05:00")  # Saturday 14:05
    shop.purchases.void(log(b, amount=9900, purchased_at="2026-11-07T15:00:00").id, "undone")
    return {"A": a, "B": b}


def test_revenue_by_month_splits_new_and_returning(shop: Shop, sales: dict[str, int]) -> None:
    assert shop.numbers.revenue_by_month(3) == [
        MonthRevenue(date(2026, 10, 1), new=12_000, returning=0),  # A's first month
        MonthRevenue(date(2026, 11, 1), new=10_000, returning=5_000),  # B new, A back
        MonthRevenue(date(2026, 12, 1), new=0, returning=0),
    ]
    assert shop.numbers.revenue_by_month(1, until=date(2026, 11, 15)) == [
        MonthRevenue(date(2026, 11, 1), new=10_000, returning=5_000)
    ]


def test_visits_by_weekday_and_hour(shop: Shop, sales: dict[str, int]) -> None:
    grid = shop.numbers.visits_by_weekday_hour(custom("01.10.2026", "30.11.2026", today=TODAY))
    assert len(grid) == 7 and all(len(row) == 24 for row in grid)
    seen = {(d, h): n for d, row in enumerate(grid) for h, n in enumerate(row) if n}
    # Monday = 0: A on 5 Oct at 9 and at 17 (two trips to the counter) and 30 Nov at 23; B on
    # Sunday 1 Nov at 0 and Saturday 7 Nov at 14 (the voided one at 15 is not a trip).
    assert seen == {(0, 9): 1, (0, 17): 1, (0, 23): 1, (6, 0): 1, (5, 14): 1}


def test_figures_as_csv_in_both_languages(shop: Shop, sales: dict[str, int]) -> None:
    november = last_month(TODAY)
    set_language("tr")
    lines = shop.numbers.figures_csv(shop.numbers.figures(november)).splitlines()
    assert lines[0] == "Grup;Gösterge;Kasım 2026;Ekim 2026;Değişim"
    assert lines[1] == "Müşteriler;Gelen müşteri;2;1;+1"
    # Revenue: 150 lira in November (B 70 + 30, A 50) against 120 in October.
    assert "Ciro;Ciro;₺150,00;₺120,00;+₺30,00" in lines
    # A returning: 50 of 150 lira, 33.3%; October had no returning customer.
    assert "Ciro;Ciroda tekrar gelenlerin payı;%33,3;%0;+33,3 puan" in lines
    assert "Kayıp oranı;Kayıp oranı;%0;—;—" in lines
    set_language("en")
    lines = shop.numbers.figures_csv(shop.numbers.figures(november)).splitlines()
    assert lines[0] == "Group,Figure,November 2026,October 2026,Change"
    assert lines[1] == "Customers,Customers served,2,1,+1"
    assert "Revenue,Revenue,₺150.00,₺120.00,+₺30.00" in lines
    assert "Revenue,Revenue from returning customers,33.3%,0%,+33.3 points" in lines
    # Average days between visits: A 5 Oct -> 30 Nov (56), B 1 -> 7 Nov (6): 31.0 days.
    assert "Revenue,Average days between visits,31.0 days,—,—" in lines
