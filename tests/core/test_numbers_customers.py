"""The customer, churn, revenue and value figures on a small shop worked out by hand: November
2026 against October 2026, seen on 2 December 2026 at 10:00."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.numbers.periods import Period, PeriodKind, custom, last_month, this_month
from tests.core.conftest import FakeClock

TODAY = datetime(2026, 12, 2, 10, 0)
NOVEMBER = last_month(TODAY.date())
OCTOBER = NOVEMBER.previous()


@pytest.fixture
def people(shop: Shop, clock: FakeClock) -> dict[str, int]:
    """Ten customers and their purchases (amounts in lira), with voids, midnights and the last
    second of a month."""
    clock.now = TODAY
    shop.rules.pause(shop.rules.all()[0].id)  # no vouchers: this shop tests sales only
    names = {
        "A": "Ayşe Demir",
        "B": "Burak Kaya",
        "C": "Cem Öz",
        "D": "Deniz Şahin",
        "E": "Ece Tan",
        "F": "Fatma Yıldız",
        "G": "Gül Ak",
        "H": "Hakan Er",
        "I": "İlker Su",
        "J": "Jale Us",
    }
    ids = {k: shop.customers.add(name=n).id for k, n in names.items()}

    def buy(who: str, at: str, lira: int) -> int:
        return shop.purchases.log(ids[who], amount=lira * 100, purchased_at=at).id

    buy("A", "2026-09-10T12:00:00", 100)
    buy("A", "2026-10-05T12:00:00", 200)
    buy("A", "2026-11-03T10:00:00", 300)
    buy("A", "2026-11-03T15:00:00", 50)  # the same day: one visit
    buy("A", "2026-11-30T23:59:59", 100)  # the last second of November
    buy("B", "2026-10-20T11:00:00", 80)  # came once
    buy("C", "2026-11-01T00:00:00", 120)  # midnight: the first of November
    buy("C", "2026-11-20T16:00:00", 60)
    buy("D", "2026-11-10T10:00:00", 500)
    shop.purchases.void(buy("D", "2026-11-25T10:00:00", 999), "wrong_amount")
    shop.purchases.void(buy("D", "2026-10-15T10:00:00", 400), "entered_twice")
    buy("E", "2026-10-31T23:59:59", 70)
    buy("E", "2026-12-01T00:00:00", 90)  # midnight: December
    buy("G", "2026-05-01T10:00:00", 40)
    buy("H", "2025-06-01T10:00:00", 60)
    buy("I", "2024-11-30T10:00:00", 30)
    buy("J", "2024-01-01T10:00:00", 20)
    shop.customers.archive(ids["J"])
    return ids


def values(shop: Shop, period: Period) -> dict[str, tuple[object, object]]:
    return {f.key: (f.value, f.previous) for f in shop.numbers.figures(period).all()}


def test_customers_served_new_returning_and_the_repeat_rate(
    shop: Shop, people: dict[str, int]
) -> None:
    got = values(shop, NOVEMBER)
    # November: A (came in September), C (first at midnight on 1 November), D (a voided
    # October purchase does not make D a returning customer). October: A, B, E.
    assert got["customers_served"] == (3, 3)
    assert got["new_customers"] == (2, 2)  # C, D | B, E
    assert got["returning_customers"] == (1, 1)  # A | A
    # C came again 19 days after the first visit; D's second purchase was voided. In October
    # B never came back; E came again on 1 December, 31 days later (within 90).
    assert got["repeat_rate"] == (0.5, 0.5)


def test_churn_and_the_customers_away(shop: Shop, people: dict[str, int]) -> None:
    got = values(shop, NOVEMBER)
    # October's A, B, E: B and E did not come in November (E's purchase at 23:59:59 on 31
    # October is October's). September's A came in October.
    assert got["churn"] == (pytest.approx(2 / 3), 0.0)
    # On 30 November: G away 213 days (>= 182), H 547 (>= 365), I exactly 730 (>= 730);
    # J is archived. On 31 October: G 183, H 517, I 700. E's last visit on 30 November was
    # 31 October, though the row says 1 December.
    assert got["lapsed_6m"] == (1, 1)
    assert got["lapsed_1y"] == (1, 2)
    assert got["lapsed_2y"] == (1, 0)


def test_revenue_its_returning_share_the_average_purchase_and_days_between_visits(
    shop: Shop, people: dict[str, int]
) -> None:
    got = values(shop, NOVEMBER)
    # November: A 300 + 50 + 100, C 120 + 60, D 500 = 1,130 lira in 6 purchases (voids out).
    assert got["revenue"] == (113_000, 35_000)  # October: A 200, B 80, E 70
    assert got["returning_revenue_share"] == (
        pytest.approx(450 / 1130),
        pytest.approx(200 / 350),
    )
    assert got["average_purchase"] == (18_833, 11_667)  # 113,000 / 6; 35,000 / 3
    # Visits of November and the visit before each: A 5 Oct -> 3 Nov (29) -> 30 Nov (27),
    # C 1 Nov -> 20 Nov (19): 75 days in 3 gaps. October: A 10 Sep -> 5 Oct (25).
    assert got["average_days_between_visits"] == (25.0, 25.0)


def test_customer_value_spent_so_far_and_the_estimate(shop: Shop, people: dict[str, int]) -> None:
    figures = shop.numbers.figures(NOVEMBER)
    spent = figures.get("clv_spent")
    # By 30 November nine customers had bought (J too, archived since): 750 + 80 + 180 + 500
    # + 70 + 40 + 60 + 30 + 20 = 1,730 lira. By 31 October seven: 300 + 80 + 70 + 40 + 60 +
    # 30 + 20 = 600 lira.
    assert (spent.value, spent.previous) == (19_222, 8_571)
    # 2026 up to today (336 days): visits A 4 (750 lira), B 1 (80), C 2 (180), D 1 (500),
    # E 2 (70 + 90), G 1 (40): 1,710 lira in 11 visits of 6 customers. 155.45 lira a visit x
    # 11/6 x 365/336 = 1.99 visits a year x 3 years = 1,710 / 6 x 365 / 336 x 3 = 928.79 lira.
    estimate = figures.get("clv_estimate")
    assert estimate.value == 92_879
    assert estimate.note == "₺155.45 a visit × 2.0 visits a year × 3 years = ₺928.79"
    assert estimate.previous == 92_879  # October: the same year


def test_the_customers_behind_each_figure_by_name(shop: Shop, people: dict[str, int]) -> None:
    ids = people

    def behind(key: str) -> list[int]:
        return shop.numbers.customers_behind(key, NOVEMBER)

    assert behind("customers_served") == [ids["A"], ids["C"], ids["D"]]
    assert behind("new_customers") == [ids["C"], ids["D"]]
    assert behind("returning_customers") == [ids["A"]]
    assert behind("repeat_rate") == [ids["C"]]
    assert behind("churn") == [ids["B"], ids["E"]]
    assert behind("lapsed_6m") == [ids["G"]]
    assert behind("lapsed_1y") == [ids["H"]]
    assert behind("lapsed_2y") == [ids["I"]]
    assert behind("revenue") == [ids["A"], ids["C"], ids["D"]]
    assert behind("returning_revenue_share") == [ids["A"]]
    assert behind("average_days_between_visits") == [ids["A"], ids["C"]]
    figures = shop.numbers.figures(NOVEMBER)
    assert not figures.get("clv_estimate").has_customers
    assert figures.get("churn").has_customers


def test_a_period_without_purchases(shop: Shop, people: dict[str, int]) -> None:
    empty = custom(date(2026, 7, 1), date(2026, 7, 31), today=TODAY.date())
    got = values(shop, empty)
    assert got["customers_served"][0] == 0
    assert got["revenue"][0] == 0
    for key in (
        "repeat_rate",
        "returning_revenue_share",
        "average_purchase",
        "average_days_between_visits",
    ):
        assert got[key][0] is None
    # The 31 days before July (31 May - 30 June) had no customer: no churn to measure. The 31
    # before those (30 April - 30 May) had G, who did not come from 31 May to 30 June.
    assert got["churn"] == (None, 1.0)


def test_this_month_so_far(shop: Shop, people: dict[str, int]) -> None:
    december = this_month(TODAY.date())
    assert december == Period(PeriodKind.MONTH, date(2026, 12, 1), date(2026, 12, 31))
    got = values(shop, december)
    assert got["customers_served"] == (1, 3)  # E at midnight on 1 December
    assert got["revenue"] == (9_000, 113_000)
    assert got["churn"] == (1.0, pytest.approx(2 / 3))  # A, C, D have not come back yet


def test_visits_counted_by_purchase(shop: Shop, people: dict[str, int]) -> None:
    shop.settings.update(visit_rule="purchase", confirmed=True)
    got = values(shop, NOVEMBER)
    # A's three November purchases are three visits: 5 Oct -> 3 Nov (29) -> 3 Nov (0) ->
    # 30 Nov (27); C 1 Nov -> 20 Nov (19): 75 days in 4 gaps.
    assert got["average_days_between_visits"][0] == 18.75
    assert got["customers_served"] == (3, 3)
    # 2026: A made 5 purchases, the others as before: 1,710 lira in 12 visits of 6 customers,
    # 142.50 lira a visit x 12/6 x 365/336 = 2.17 visits a year x 3: 928.79 lira still.
    estimate = shop.numbers.figures(NOVEMBER).get("clv_estimate")
    assert estimate.value == 92_879
    assert estimate.note == "₺142.50 a visit × 2.2 visits a year × 3 years = ₺928.79"


def test_the_numbers_settings(shop: Shop) -> None:
    settings = shop.settings.get()
    assert (settings.repeat_window_days, settings.clv_years, settings.complaint_target_days) == (
        90,
        3,
        2,
    )
    shop.settings.update(repeat_window_days="30", clv_years=5, complaint_target_days=1)
    settings = shop.settings.get()
    assert (settings.repeat_window_days, settings.clv_years, settings.complaint_target_days) == (
        30,
        5,
        1,
    )
    for bad in ({"repeat_window_days": 0}, {"clv_years": 51}, {"complaint_target_days": "x"}):
        with pytest.raises(InvalidInput):
            shop.settings.update(**bad)


def test_a_shorter_repeat_window(shop: Shop, people: dict[str, int]) -> None:
    shop.settings.update(repeat_window_days=19)
    assert values(shop, NOVEMBER)["repeat_rate"][0] == 0.5  # C came back on day 19: in
    shop.settings.update(repeat_window_days=18)
    assert values(shop, NOVEMBER)["repeat_rate"][0] == 0.0  # ... and now out
