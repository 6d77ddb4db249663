"""Segments: each at its limits, the order in which the rules win, the counts and the lists of
customers, and the limits the settings refuse.

The tests' day is Monday 9 March 2026 (the clock of tests/core/conftest.py). With the default
limits:
- lapsed from 182 days away: 182 days before 9 March 2026 is 8 September 2025
  (8 Sep -> 8 Oct 30 days, -> 8 Nov 31, -> 8 Dec 30, -> 8 Jan 31, -> 8 Feb 31, -> 8 Mar 28,
  -> 9 Mar 1: 182);
- at risk from 60 days away: 60 days before 9 March is 8 January 2026 (9 Mar -> 9 Feb 28
  days, -> 9 Jan 31, -> 8 Jan 1: 60);
- new when joined 60 days ago or less: 8 January 2026 (60 days) is new, 7 January (61) is not;
- VIP from 20 visits or 10.000 ₺ (1_000_000 kuruş) spent.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from shopcrm import Customer, InvalidInput, NotFound, Shop
from shopcrm.common.i18n import set_language
from shopcrm.common.preferences import Settings
from shopcrm.numbers.segments import Segment, SegmentLimits, segment_of, segment_titles
from tests.core.conftest import FakeClock

TODAY = date(2026, 3, 9)
LAPSED_DAY = "2025-09-08"  # 182 days before TODAY
AT_RISK_DAY = "2026-01-08"  # 60 days before TODAY


def someone(
    visits: int = 5,
    spent: int = 50_000,
    last_visit: str | None = "2026-03-01T12:00:00",
    joined: str = "2025-06-01T10:00:00",
) -> Customer:
    """A customer with these cached figures (the rest does not matter to the segment)."""
    return Customer(
        id=1,
        name="Ayşe Yılmaz",
        phone="",
        email="",
        address="",
        notes="",
        tags=(),
        referred_by=None,
        marketing_consent=False,
        consent_date=None,
        visit_count=visits,
        total_spent=spent,
        last_visit=last_visit,
        created_at=joined,
        updated_at=joined,
        archived=False,
    )


def of(customer: Customer, settings: Settings | None = None) -> Segment:
    return segment_of(customer, settings or Settings(), TODAY)


def test_lapsed_from_182_days_away() -> None:
    assert of(someone(last_visit=f"{LAPSED_DAY}T23:59:59")) is Segment.LAPSED  # 182 days
    assert of(someone(last_visit="2025-09-09T00:00:00")) is Segment.AT_RISK  # 181 days
    assert of(someone(last_visit="2024-01-02T10:00:00")) is Segment.LAPSED


def test_at_risk_from_60_days_away() -> None:
    assert of(someone(last_visit=f"{AT_RISK_DAY}T18:00:00")) is Segment.AT_RISK  # 60 days
    assert of(someone(last_visit="2026-01-09T09:00:00")) is Segment.REGULAR  # 59 days


def test_new_when_joined_60_days_ago_or_less() -> None:
    recent = "2026-03-01T12:00:00"
    assert of(someone(joined="2026-01-08T23:00:00", last_visit=recent)) is Segment.NEW  # 60
    assert of(someone(joined="2026-01-07T09:00:00", last_visit=recent)) is Segment.REGULAR  # 61
    assert of(someone(joined="2026-03-09T10:00:00", last_visit=None, visits=0)) is Segment.NEW


def test_vip_from_20_visits_or_10_000_lira() -> None:
    assert of(someone(visits=20, spent=100)) is Segment.VIP
    assert of(someone(visits=19, spent=100)) is Segment.REGULAR
    assert of(someone(visits=2, spent=1_000_000)) is Segment.VIP
    assert of(someone(visits=2, spent=999_999)) is Segment.REGULAR


def test_a_customer_who_never_bought_is_away_since_joining() -> None:
    never = {"visits": 0, "spent": 0, "last_visit": None}
    assert of(someone(joined=f"{LAPSED_DAY}T08:00:00", **never)) is Segment.LAPSED  # 182 days
    assert of(someone(joined="2025-09-09T08:00:00", **never)) is Segment.AT_RISK  # 181 days
    # joined 60 days ago: new, but away 60 days: at risk comes first
    assert of(someone(joined=f"{AT_RISK_DAY}T08:00:00", **never)) is Segment.AT_RISK
    assert of(someone(joined="2026-01-09T08:00:00", **never)) is Segment.NEW  # 59 days


def test_the_first_rule_that_holds_wins() -> None:
    big = {"visits": 50, "spent": 5_000_000}
    assert of(someone(last_visit=f"{LAPSED_DAY}T10:00:00", **big)) is Segment.LAPSED
    assert of(someone(last_visit=f"{AT_RISK_DAY}T10:00:00", **big)) is Segment.AT_RISK
    # joined 10 days ago with 25 visits brought from a paper card: new before VIP
    assert of(someone(joined="2026-02-27T10:00:00", **big)) is Segment.NEW
    # an imported customer, joined last week, last seen a year ago: lapsed before new
    imported = someone(joined="2026-03-02T10:00:00", last_visit="2025-03-01T10:00:00")
    assert of(imported) is Segment.LAPSED


def test_the_owners_limits_move_the_segments() -> None:
    settings = replace(
        Settings(),
        segment_new_days=10,
        segment_at_risk_days=30,
        segment_vip_visits=5,
        segment_vip_spent=200_000,
        lapsed_first_days=90,
    )
    # 9 March - 30 days = 7 February; - 90 days = 9 December 2025; - 10 days = 27 February
    assert of(someone(last_visit="2026-02-07T10:00:00", visits=1), settings) is Segment.AT_RISK
    assert of(someone(last_visit="2026-02-08T10:00:00", visits=1), settings) is Segment.REGULAR
    assert of(someone(last_visit="2025-12-09T10:00:00"), settings) is Segment.LAPSED
    assert of(someone(last_visit="2025-12-10T10:00:00"), settings) is Segment.AT_RISK
    assert of(someone(joined="2026-02-27T10:00:00"), settings) is Segment.NEW
    assert of(someone(joined="2026-02-26T10:00:00", visits=4, spent=199_999), settings) is (
        Segment.REGULAR
    )
    assert of(someone(visits=5), settings) is Segment.VIP
    assert of(someone(visits=1, spent=200_000), settings) is Segment.VIP


def test_segments_are_named_in_the_language() -> None:
    set_language("tr")
    try:
        titles = segment_titles()
    finally:
        set_language("en")
    assert list(titles) == list(Segment)
    assert titles == {
        Segment.NEW: "Yeni",
        Segment.REGULAR: "Düzenli",
        Segment.VIP: "VIP",
        Segment.AT_RISK: "Risk altında",
        Segment.LAPSED: "Kayıp",
    }


# the whole shop ------------------------------------------------------------------------------


def add(shop: Shop, clock: FakeClock, name: str, joined: str, visits: list[str]) -> int:
    """A customer who joined at ``joined`` and bought 100 ₺ at each of ``visits``."""
    clock.now = datetime.fromisoformat(joined)
    customer = shop.customers.add(name=name)
    for moment in visits:
        clock.now = datetime.fromisoformat(moment)
        shop.purchases.log(customer.id, 10_000)
    clock.now = datetime(2026, 3, 9, 10, 30)
    return customer.id


@pytest.fixture
def shop_of_seven(shop: Shop, clock: FakeClock) -> dict[str, int]:
    """Seven customers, one archived; VIP from 3 visits to keep it short."""
    shop.settings.update(segment_vip_visits=3)
    ids = {
        "lapsed": add(shop, clock, "Cem Kaya", "2025-01-10T10:00:00", [f"{LAPSED_DAY}T18:00:00"]),
        "never, lapsed": add(shop, clock, "Gül Şahin", "2025-06-01T10:00:00", []),
        "at risk": add(
            shop, clock, "Oya Demir", "2025-05-05T10:00:00", [f"{AT_RISK_DAY}T09:00:00"]
        ),
        "new": add(shop, clock, "İlker Öz", "2026-01-09T10:00:00", ["2026-03-02T10:00:00"]),
        "vip": add(
            shop,
            clock,
            "Şükrü Öztürk",
            "2025-04-01T10:00:00",
            ["2026-02-01T10:00:00", "2026-02-15T10:00:00", "2026-03-08T10:00:00"],
        ),
        "regular": add(
            shop,
            clock,
            "Irmak Çelik",
            "2025-04-01T10:00:00",
            ["2026-02-01T10:00:00", "2026-01-09T10:00:00"],
        ),
        "archived": add(shop, clock, "Hakan Ak", "2025-04-01T10:00:00", ["2026-03-01T10:00:00"]),
    }
    shop.customers.archive(ids["archived"])
    return ids


def test_counts_name_every_segment_and_leave_out_the_archived(
    shop: Shop, shop_of_seven: dict[str, int]
) -> None:
    assert shop.segments.counts() == {
        Segment.NEW: 1,
        Segment.REGULAR: 1,
        Segment.VIP: 1,
        Segment.AT_RISK: 1,
        Segment.LAPSED: 2,
    }


def test_an_empty_shop_counts_nothing_in_every_segment(shop: Shop) -> None:
    assert shop.segments.counts() == dict.fromkeys(Segment, 0)
    assert shop.segments.customer_ids(Segment.VIP) == []


def test_the_customers_of_each_segment(shop: Shop, shop_of_seven: dict[str, int]) -> None:
    ids = shop_of_seven
    assert shop.segments.customer_ids(Segment.LAPSED) == [ids["lapsed"], ids["never, lapsed"]]
    assert shop.segments.customer_ids("at_risk") == [ids["at risk"]]
    assert shop.segments.customer_ids(Segment.NEW) == [ids["new"]]
    assert shop.segments.customer_ids(Segment.VIP) == [ids["vip"]]
    assert shop.segments.customer_ids(Segment.REGULAR) == [ids["regular"]]
    with pytest.raises(InvalidInput):
        shop.segments.customer_ids("gold")


def test_one_customers_segment_archived_or_not(shop: Shop, shop_of_seven: dict[str, int]) -> None:
    assert shop.segments.of_customer(shop_of_seven["vip"]) is Segment.VIP
    assert shop.segments.of_customer(shop_of_seven["archived"]) is Segment.REGULAR
    customer = shop.customers.get(shop_of_seven["at risk"])
    assert segment_of(customer, shop.settings.get(), TODAY) is Segment.AT_RISK
    with pytest.raises(NotFound):
        shop.segments.of_customer(999)


def test_time_moves_customers_on(
    shop: Shop, clock: FakeClock, shop_of_seven: dict[str, int]
) -> None:
    clock.now = datetime(2026, 3, 11, 9, 0)  # two days later: İlker joined 61 days ago
    assert shop.segments.of_customer(shop_of_seven["new"]) is Segment.REGULAR
    # Irmak's last visit (1 February) is 38 days away, and Şükrü's on 8 March three days
    assert shop.segments.counts()[Segment.NEW] == 0
    shop.settings.update(segment_vip_visits=2)
    assert shop.segments.customer_ids(Segment.VIP) == sorted(
        [shop_of_seven["vip"], shop_of_seven["regular"]]
    )


def test_the_counts_agree_with_each_customers_segment(shop: Shop, clock: FakeClock) -> None:
    """Every limit a day either side, in SQL and in Python, under the defaults and under
    settings saved before "at risk" had to come before "lapsed"."""
    days = ["2025-09-07", LAPSED_DAY, "2025-09-09", "2026-01-07", AT_RISK_DAY, "2026-01-09"]
    moments = [f"{d}T{t}" for d in days for t in ("00:00:00", "23:59:59")]
    for n, joined in enumerate(["2025-01-01T10:00:00", *moments]):
        add(shop, clock, f"Bir Müşteri {n}", joined, [])
        for m, last in enumerate(moments):
            if last >= joined:
                add(shop, clock, f"Müşteri {n} {m}", joined, [last])
    for legacy in (False, True):
        if legacy:  # at risk from 90 days, lapsed from 45: lapsed decides alone
            shop.store.execute(
                "INSERT OR REPLACE INTO settings(key, value) VALUES "
                "('segment_at_risk_days', '90'), ('lapsed_first_days', '45')"
            )
        settings = shop.settings.get()
        expected = dict.fromkeys(Segment, 0)
        members: dict[Segment, list[int]] = {s: [] for s in Segment}
        for customer in (shop.customers.get(line.id) for line in shop.customers.lines()):
            segment = segment_of(customer, settings, TODAY)
            expected[segment] += 1
            members[segment].append(customer.id)
        assert shop.segments.counts() == expected
        assert {s: shop.segments.customer_ids(s) for s in Segment} == {
            s: sorted(ids) for s, ids in members.items()
        }
        if legacy:
            assert expected[Segment.AT_RISK] == 0
        else:
            assert min(expected[s] for s in Segment if s is not Segment.VIP) > 0


def test_limits_fall_on_days() -> None:
    limits = SegmentLimits.on(Settings(), TODAY)
    assert (limits.lapsed_before, limits.at_risk_before, limits.new_from) == (
        "2025-09-09",
        "2026-01-09",
        "2026-01-08",
    )


# the settings --------------------------------------------------------------------------------


def test_the_defaults(shop: Shop) -> None:
    s = shop.settings.get()
    assert (s.segment_new_days, s.segment_at_risk_days, s.lapsed_first_days) == (60, 60, 182)
    assert (s.segment_vip_visits, s.segment_vip_spent) == (20, 1_000_000)
    assert (s.repeat_window_days, s.clv_years, s.complaint_target_days) == (90, 3, 2)


def test_limits_are_saved_and_read_back(shop: Shop) -> None:
    shop.settings.update(
        segment_new_days="30",
        segment_at_risk_days=45,
        segment_vip_visits=" 12 ",
        segment_vip_spent="5,000",
        repeat_window_days=60,
        clv_years="5",
        complaint_target_days=3,
    )
    s = shop.settings.get()
    assert (s.segment_new_days, s.segment_at_risk_days, s.segment_vip_visits) == (30, 45, 12)
    assert s.segment_vip_spent == 500_000  # 5,000 (English) in kuruş
    assert (s.repeat_window_days, s.clv_years, s.complaint_target_days) == (60, 5, 3)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"segment_at_risk_days": 182}, "fewer than"),
        ({"segment_at_risk_days": 200}, "fewer than"),
        ({"lapsed_first_days": 60}, "fewer than"),
        ({"segment_new_days": 0}, "between 1 and 3,650 days"),
        ({"segment_at_risk_days": 3}, "between 7 and 3,650 days"),
        ({"segment_vip_visits": 0}, "between 1 and 100,000"),
        ({"segment_vip_visits": "many"}, "not a whole number"),
        ({"segment_vip_spent": "0"}, "more than zero"),
        ({"segment_vip_spent": "-5"}, "more than zero"),
        ({"repeat_window_days": 0}, "between 1 and 3,650 days"),
        ({"clv_years": 21}, "between 1 and 20"),
        ({"complaint_target_days": 91}, "between 1 and 90 days"),
    ],
)
def test_absurd_limits_are_refused_and_nothing_is_saved(
    shop: Shop, changes: dict[str, object], words: str
) -> None:
    before = shop.settings.get()
    with pytest.raises(InvalidInput, match=words):
        shop.settings.update(**changes)
    assert shop.settings.get() == before


def test_at_risk_and_lapsed_move_together(shop: Shop) -> None:
    shop.settings.update(lapsed_first_days=40, segment_at_risk_days=30)
    s = shop.settings.get()
    assert (s.segment_at_risk_days, s.lapsed_first_days) == (30, 40)


def test_counting_reads_the_segments_index_never_the_customer_rows(shop: Shop) -> None:
    """counts() runs over 1,000,000 customers: every part of its one statement is a range of
    the index customers_by_segment, read alone (docs/segments.md, Speed)."""
    statements: list[str] = []
    shop.store.conn.set_trace_callback(statements.append)
    try:
        shop.segments.counts()
    finally:
        shop.store.conn.set_trace_callback(None)
    (counting,) = [s for s in statements if "UNION ALL" in s]
    plan = [row[3] for row in shop.store.conn.execute("EXPLAIN QUERY PLAN " + counting)]
    searches = [step for step in plan if "customers" in step]
    assert len(searches) == 4
    assert all("USING COVERING INDEX customers_by_segment" in step for step in searches), plan
