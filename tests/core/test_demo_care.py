"""The demo shop keeps in touch: a realistic contact log, complaints and consents per channel."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from shopcrm import Shop
from shopcrm.care.contacts import ComplaintStatus, ContactKind
from shopcrm.demo import create_demo_database
from shopcrm.people.consent import Channel, ConsentMethod

TODAY = date(2026, 3, 9)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo_database(path, today=TODAY)
    return path


def _log(shop: Shop) -> list[object]:
    return [
        entry
        for customer in shop.customers.all(include_archived=True)
        for entry in shop.contacts.of_customer(customer.id)
    ]


def test_the_log_holds_every_kind_of_contact(demo: Path) -> None:
    with Shop.open(demo) as shop:
        entries = shop.store.query("SELECT kind, count(*) AS n FROM contacts GROUP BY kind")
        counts = {row["kind"]: row["n"] for row in entries}
        assert set(counts) == {kind.value for kind in ContactKind}
        assert counts["call"] >= 50 and counts["card"] >= 30 and counts["visit_note"] >= 30
        surveys = shop.store.query("SELECT score FROM contacts WHERE kind = 'survey'")
        assert len(surveys) >= 5 and {r["score"] for r in surveys} >= {4, 5}
        logged = shop.store.query("SELECT happened_at, created_at FROM contacts")
        assert all(r["happened_at"] <= f"{TODAY}T12:00:00" for r in logged)
        assert all(r["happened_at"] <= r["created_at"] for r in logged)


def test_complaints_are_resolved_in_hours_to_days_and_some_are_open(demo: Path) -> None:
    with Shop.open(demo) as shop:
        times = shop.complaints.times()
        assert len(times) >= 4
        durations = [t.duration for t in times if t.duration is not None]
        assert min(durations) < timedelta(hours=12) and max(durations) >= timedelta(days=2)
        assert max(durations) < timedelta(days=7)
        still_open = shop.complaints.open_ones()
        assert 1 <= len(still_open) <= 2
        assert all(c.entry.status is ComplaintStatus.OPEN for c in still_open)
        assert [c.entry.happened_at for c in still_open] == sorted(
            c.entry.happened_at for c in still_open
        )


def test_follow_ups_are_due_today_and_this_week(demo: Path) -> None:
    with Shop.open(demo) as shop:
        today = shop.contacts.follow_ups_due(TODAY)
        week = shop.contacts.follow_ups_due(TODAY + timedelta(days=6))
        assert len(today) >= 1 and len(week) >= len(today) + 2
        assert all(e.follow_up_on and e.follow_up_on >= TODAY.isoformat() for e in week)


def test_the_featured_customer_has_a_little_of_everything(demo: Path) -> None:
    with Shop.open(demo) as shop:
        (ayse,) = [c for c in shop.customers.search("Ayşe Yılmaz") if c.name == "Ayşe Yılmaz"][:1]
        log = shop.contacts.of_customer(ayse.id)
        kinds = {e.kind for e in log}
        assert {ContactKind.CARD, ContactKind.SURVEY, ContactKind.COMPLAINT} <= kinds
        assert any(e.replaces_id for e in log) and any(e.voided and not e.replaced_by for e in log)
        assert shop.contacts.last_contact_text(ayse.id).startswith("Last contact:")


def test_most_customers_have_consent_per_channel_some_withdrawn(demo: Path) -> None:
    with Shop.open(demo) as shop:
        customers = shop.customers.all(include_archived=True)
        asked = [c for c in customers if c.consent_date is not None]
        assert len(asked) > len(customers) / 2
        calls = shop.consent.customers_with_consent(Channel.CALL)
        sms = shop.consent.customers_with_consent(Channel.SMS)
        assert calls != sms and len(calls) > len(customers) / 3
        methods = {r["method"] for r in shop.store.query("SELECT DISTINCT method FROM consents")}
        assert methods >= {ConsentMethod.VERBAL, ConsentMethod.WRITTEN, ConsentMethod.ELECTRONIC}
        withdrawn = shop.store.query("SELECT count(*) AS n FROM consents WHERE given = 0")
        assert withdrawn[0]["n"] >= 10


def test_the_same_seed_gives_the_same_log(tmp_path: Path, demo: Path) -> None:
    again = tmp_path / "again.sqlite3"
    create_demo_database(again, today=TODAY)
    with Shop.open(demo) as first, Shop.open(again) as second:
        assert _log(first) == _log(second)
        assert first.store.query("SELECT * FROM consents") == second.store.query(
            "SELECT * FROM consents"
        )
