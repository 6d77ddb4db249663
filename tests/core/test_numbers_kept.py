"""The aggregates the purchase transaction keeps give what the purchases themselves give: a
month or a year read from them equals the same days as a custom period computed from the
purchases, and after logging, voiding and correcting they equal a rebuild from scratch."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from shopcrm import Shop
from shopcrm.numbers import days, visitors
from shopcrm.numbers.periods import Period, custom, last_month, this_month, this_year
from shopcrm.storage import schema_days, schema_numbers
from tests.core.conftest import FakeClock

TODAY = date(2026, 12, 2)


@pytest.fixture
def busy(shop: Shop, clock: FakeClock) -> Shop:
    """Forty customers and about 400 purchases over 2025 and 2026, some voided, some corrected,
    some at midnight, one archived customer."""
    clock.now = datetime(2026, 12, 2, 10, 0)
    shop.rules.pause(shop.rules.all()[0].id)
    rng = random.Random(11)
    ids = [shop.customers.add(name=f"Müşteri {n:02d}").id for n in range(40)]
    start = datetime(2025, 1, 1)
    for _ in range(400):
        who = rng.choice(ids[: rng.randint(1, 40)])  # the first customers come more often
        when = start + timedelta(days=rng.randrange(700), minutes=rng.choice((0, 600, 1439)))
        p = shop.purchases.log(who, amount=rng.randint(1, 500) * 100, purchased_at=when)
        roll = rng.random()
        if roll < 0.05:
            shop.purchases.void(p.id, "entered_twice")
        elif roll < 0.08:
            shop.purchases.correct(p.id, amount=rng.randint(1, 500) * 100)
    shop.customers.archive(ids[5])
    return shop


def same_days(period: Period) -> Period:
    return custom(period.start, period.end, today=TODAY)


@pytest.mark.parametrize(
    "period", [this_month(TODAY), last_month(TODAY), this_year(TODAY), this_year(date(2025, 6, 1))]
)
@pytest.mark.parametrize("rule", ["day", "purchase"])
def test_a_month_or_year_kept_equals_the_same_days_computed(
    busy: Shop, period: Period, rule: str
) -> None:
    busy.settings.update(visit_rule=rule, confirmed=True)
    kept = {f.key: f.value for f in busy.numbers.figures(period).all()}
    computed = {f.key: f.value for f in busy.numbers.figures(same_days(period)).all()}
    assert kept["customers_served"] > 0 or period.start.month == 12
    assert kept == pytest.approx(computed)
    for key in (
        "customers_served",
        "new_customers",
        "returning_customers",
        "repeat_rate",
        "average_days_between_visits",
        "lapsed_6m",
        "lapsed_1y",
    ):
        assert busy.numbers.customers_behind(key, period) == busy.numbers.customers_behind(
            key, same_days(period)
        ), key


def test_churn_kept_equals_churn_computed(busy: Shop) -> None:
    november = last_month(TODAY)
    kept = busy.numbers.figures(november).get("churn").value
    before = busy.numbers.customers_behind("customers_served", november.previous())
    now = set(busy.numbers.customers_behind("customers_served", november))
    assert kept == pytest.approx(len(set(before) - now) / len(before))
    assert busy.numbers.customers_behind("churn", november) == sorted(
        set(before) - now, key=lambda i: busy.customers.get(i).name
    )


def test_the_kept_aggregates_equal_a_rebuild(busy: Shop) -> None:
    assert_kept_equal_a_rebuild(busy)


def test_purchases_moved_in_time_or_to_another_customer_keep_the_aggregates_right(
    busy: Shop,
) -> None:
    """Every way a purchase row can change (as a merge of two customers will move them): moved
    to another customer, to another day (before the customer's first visit, after their last,
    between two), voided and brought back; the kept rows equal a rebuild after each."""
    rng = random.Random(3)
    conn = busy.store.conn
    ids = [r["id"] for r in busy.store.query("SELECT id FROM purchases ORDER BY id")]
    customers = [r["id"] for r in busy.store.query("SELECT id FROM customers")]
    for step in range(60):
        purchase = rng.choice(ids)
        kind = step % 4
        with conn:
            if kind == 0:
                conn.execute(
                    "UPDATE purchases SET customer_id = ? WHERE id = ?",
                    (rng.choice(customers), purchase),
                )
            elif kind == 1:
                when = datetime(2024, 6, 1) + timedelta(days=rng.randrange(950), hours=9)
                conn.execute(
                    "UPDATE purchases SET purchased_at = ? WHERE id = ?",
                    (when.isoformat(sep=" "), purchase),
                )
            elif kind == 2:
                conn.execute(
                    "UPDATE purchases SET voided_at = CASE WHEN voided_at IS NULL "
                    "THEN '2026-12-02 10:00:00' END WHERE id = ?",
                    (purchase,),
                )
            else:
                conn.execute(
                    "UPDATE purchases SET customer_id = ?, purchased_at = ? WHERE id = ?",
                    (rng.choice(customers), f"2026-{rng.randint(1, 12):02d}-01 00:00:00", purchase),
                )
        assert_kept_equal_a_rebuild(busy)


def assert_kept_equal_a_rebuild(busy: Shop) -> None:
    store = busy.store
    kept_rows = store.query("SELECT * FROM numbers_periods ORDER BY customer_id, unit, period")
    fresh = store.query(
        "SELECT * FROM (" + schema_numbers.ROWS_SQL.format(only="") + ") ORDER BY 3, 1, 2"
    )
    assert [tuple(r.values()) for r in kept_rows] == [tuple(r.values()) for r in fresh]
    totals = store.query("SELECT * FROM numbers_totals WHERE customers > 0 ORDER BY unit, period")
    columns = ", ".join(f"sum({c})" for c in schema_numbers.TOTAL_COLUMNS)
    again = store.query(
        f"SELECT unit, period, {columns} FROM ("
        + schema_numbers.CONTRIBUTION_SQL.format(who="customer_id")
        + ") GROUP BY unit, period ORDER BY unit, period"
    )
    assert [tuple(r.values()) for r in totals] == [tuple(r.values()) for r in again]
    hours = store.query("SELECT day, hour, purchases FROM numbers_hours WHERE purchases > 0")
    counted = store.query(
        "SELECT substr(purchased_at, 1, 10) AS day, CAST(substr(purchased_at, 12, 2) AS INTEGER) "
        "AS hour, count(*) AS purchases FROM purchases WHERE voided_at IS NULL GROUP BY 1, 2"
    )
    assert sorted(tuple(r.values()) for r in hours) == sorted(tuple(r.values()) for r in counted)
    assert_days_equal_a_rebuild(busy)


def assert_days_equal_a_rebuild(busy: Shop) -> None:
    """The day tables equal the same tables filled from scratch, and no change left its
    working rows behind."""
    conn = busy.store.conn
    kept = {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3").fetchall()
        for table in ("numbers_day_visits", "numbers_day_paid")
    }
    assert conn.execute("SELECT count(*) FROM numbers_day_scope").fetchone()[0] == 0
    conn.execute("SAVEPOINT fresh")
    try:
        conn.execute("DELETE FROM numbers_day_visits")
        conn.execute("DELETE FROM numbers_day_paid")
        for statement in schema_days.FILL_STATEMENTS:
            conn.execute(statement)
        for table, rows in kept.items():
            assert conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3").fetchall() == rows
    finally:
        conn.execute("ROLLBACK TO fresh")
        conn.execute("RELEASE fresh")


@pytest.mark.parametrize(
    "day", [date(2026, 5, 17), date(2026, 4, 30), date(2025, 12, 31), date(2026, 11, 1), TODAY]
)
def test_customers_away_and_spent_so_far_on_any_day(busy: Shop, day: date) -> None:
    """Worked out customer by customer from the purchases, on a day within a month, a month's
    last day, a year's last day and today."""
    busy.settings.update(
        segment_at_risk_days=20, lapsed_first_days=30, lapsed_second_days=60, lapsed_third_days=120
    )
    rows = busy.store.query(
        "SELECT p.customer_id, p.purchased_at, p.amount - p.discount AS paid, "
        "c.archived_at IS NOT NULL AS archived FROM purchases p "
        "JOIN customers c ON c.id = p.customer_id "
        "WHERE p.voided_at IS NULL AND p.purchased_at < ?",
        ((day + timedelta(days=1)).isoformat(),),
    )
    last: dict[int, date] = {}
    archived = set()
    for r in rows:
        seen = date.fromisoformat(r["purchased_at"][:10])
        last[r["customer_id"]] = max(last.get(r["customer_id"], seen), seen)
        if r["archived"]:
            archived.add(r["customer_id"])
    away = {who: (day - seen).days for who, seen in last.items() if who not in archived}
    expected = (
        sum(1 for d in away.values() if 30 <= d < 60),
        sum(1 for d in away.values() if 60 <= d < 120),
        sum(1 for d in away.values() if d >= 120),
    )
    period = custom(day - timedelta(days=9), day, today=TODAY)
    figures = busy.numbers.figures(period)
    got = tuple(figures.get(k).value for k in ("lapsed_6m", "lapsed_1y", "lapsed_2y"))
    assert got == expected
    assert sum(expected) > 0
    paid = sum(r["paid"] for r in rows)
    assert figures.get("clv_spent").value == (2 * paid + len(last)) // (2 * len(last))
    behind = busy.numbers.customers_behind("lapsed_1y", period)
    assert set(behind) == {who for who, d in away.items() if 60 <= d < 120}


@pytest.mark.parametrize("rule", ["day", "purchase"])
def test_any_range_of_days_kept_by_day_equals_its_purchases(busy: Shop, rule: str) -> None:
    """Random ranges (a day, a week, ranges across months and years, ranges with no purchase,
    ranges starting and ending on a month's last day): the day tables give what the purchases
    give, and so does churn against the range before; the customers behind each figure are
    those the purchases give."""
    busy.settings.update(visit_rule=rule, confirmed=True)
    rule_ = busy.settings.get().visit_rule
    # A new customer with two purchases on their first day and a visit five days later: came
    # again within any window by purchase, within five days or more by day; counted once.
    twice = busy.customers.add(name="Şükrü İkialış").id
    for when in ("2024-03-10 09:00", "2024-03-10 18:30", "2024-03-15 00:00"):
        busy.purchases.log(twice, amount=1000, purchased_at=datetime.fromisoformat(when))
    march = days.visitor_totals(busy.store, custom(date(2024, 3, 10), date(2024, 3, 10)), rule_, 3)
    assert (march["new"], march["again"]) == (1, 1 if rule == "purchase" else 0)
    rng = random.Random(7)
    ranges = [
        (date(2024, 3, 1), date(2024, 3, 31)),
        (date(2026, 11, 30), date(2026, 11, 30)),
        (date(2025, 1, 31), date(2025, 3, 31)),
        (date(2024, 1, 1), date(2024, 12, 31)),
        (date(2025, 12, 25), date(2026, 1, 7)),
    ]
    for _ in range(30):
        start = date(2025, 1, 1) + timedelta(days=rng.randrange(720))
        ranges.append((start, start + timedelta(days=rng.choice((0, 6, 29, 90, 400)))))
    served = 0
    for start, end in ranges:
        period = custom(start, end, today=TODAY)
        for window in (0, 30, 90):
            kept = days.visitor_totals(busy.store, period, rule_, window)
            computed = visitors.visitor_totals(busy.store, period, rule_, window)
            assert kept == computed, (start, end, window)
        assert days.churned(busy.store, period) == visitors.churned(busy.store, period)
        served += kept["customers"]
        v = visitors.visitors(busy.store, period, rule_, 30)
        expected = {
            "customers_served": set(v.ids),
            "new_customers": {r.customer_id for r in v.new},
            "returning_customers": {r.customer_id for r in v.returning},
            "repeat_rate": {r.customer_id for r in v.new if r.repeated},
            "average_days_between_visits": {
                r.customer_id for r in v.rows if r.before or r.visits > 1
            },
        }
        for key, ids in expected.items():
            assert days.behind(busy.store, key, period, rule_, 30) == ids, (key, start, end)
    assert served > 0
