"""The demo shop: deterministic, realistic, and made only in a new file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from shopcrm import Customer, Purchase, Shop
from shopcrm.demo import create_demo_database
from shopcrm.loyalty.rewards import Reward
from shopcrm.settings import Settings

TODAY = date(2026, 3, 9)
TURKISH_LETTERS = set("çğıİöşüÇĞÖŞÜ")
Content = tuple[list[Customer], list[Purchase], Settings, list[Reward]]


def _content(path: Path) -> Content:
    with Shop.open(path) as shop:
        customers = shop.customers.all(include_archived=True)
        purchases = [p for c in customers for p in shop.purchases.of_customer(c.id, limit=10_000)]
        return customers, purchases, shop.settings.get(), shop.rewards.all(limit=100_000)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo_database(path, today=TODAY)
    return path


@pytest.fixture(scope="module")
def content(demo: Path) -> Content:
    return _content(demo)


@pytest.fixture
def shop(demo: Path) -> Iterator[Shop]:
    with Shop.open(demo) as opened:
        yield opened


def test_same_seed_and_day_give_the_same_shop(tmp_path: Path, content: Content) -> None:
    again = tmp_path / "again.sqlite3"
    create_demo_database(again, today=TODAY)
    assert _content(again) == content


def test_another_seed_gives_another_shop(tmp_path: Path, content: Content) -> None:
    other = tmp_path / "other.sqlite3"
    create_demo_database(other, today=TODAY, customers=40, seed=7)
    customers, _, _, _ = _content(other)
    assert len(customers) == 40
    assert customers != content[0]


def test_about_three_hundred_turkish_customers(
    content: Content,
) -> None:
    customers, _, _, _ = content
    assert len(customers) == 300
    with_turkish = [c for c in customers if set(c.name) & TURKISH_LETTERS]
    assert len(with_turkish) > 200
    phones = [c.phone for c in customers if c.phone]
    assert len(phones) > 250
    assert len(set(phones)) == len(phones)
    assert sum(c.phone.startswith("+905") for c in customers) > 240
    assert 0.5 < sum(c.marketing_consent for c in customers) / len(customers) < 0.7
    assert any(c.email.endswith("@gmail.com") for c in customers)
    assert any(c.email.endswith("@hotmail.com") for c in customers)
    assert any("VIP" in c.tags for c in customers)
    assert any("komşu" in c.tags for c in customers)
    assert any("toptan" in c.tags for c in customers)
    assert any(c.notes for c in customers)
    ids = {c.id for c in customers}
    referred = [c for c in customers if c.referred_by is not None]
    assert referred
    assert all(c.referred_by in ids and c.referred_by < c.id for c in referred)


def test_a_year_of_purchases_at_shop_hours(
    content: Content,
) -> None:
    _, purchases, settings, _ = content
    times = [datetime.fromisoformat(p.purchased_at) for p in purchases]
    assert len(purchases) > 1500
    assert min(times).date() <= TODAY - timedelta(days=350)
    assert min(times).date() >= TODAY - timedelta(days=370)
    assert max(times).date() == TODAY
    assert all(9 <= t.hour < 20 for t in times)
    assert sum(t.weekday() == 6 for t in times) < len(times) * 0.05
    amounts = [p.amount for p in purchases]
    assert all(isinstance(a, int) and a > 0 for a in amounts)
    typical = [a for a in amounts if 5_000 <= a <= 150_000]
    assert len(typical) > 0.8 * len(amounts)
    assert any(a >= 300_000 for a in amounts)
    assert any(a % 100 for a in amounts)  # some with kuruş
    voided = [p for p in purchases if p.voided]
    assert 3 <= len(voided) <= 15
    assert all(p.why_voided for p in voided)
    # reasons from the list read in the language of whoever looks (the tests read English)
    listed = [p for p in voided if p.void_code != "other"]
    assert listed and all(p.void_reason == "" for p in listed)
    assert {p.why_voided for p in listed} <= {
        "Wrong amount",
        "Returned",
        "Wrong customer",
        "Entered twice",
    }
    assert any(p.note for p in purchases)
    assert settings.shop_name == "Güneş Çiçekçilik"


def test_mixed_behaviour(content: Content) -> None:
    customers, _, _, _ = content
    six_months_ago = (TODAY - timedelta(days=182)).isoformat()
    last_two_weeks = (TODAY - timedelta(days=14)).isoformat()
    loyal = [c for c in customers if c.visit_count >= 20]
    slipping = [
        c for c in customers if c.visit_count >= 3 and (c.last_visit or "") < six_months_ago
    ]
    one_timers = [c for c in customers if c.visit_count == 1]
    newcomers = [c for c in customers if c.created_at >= last_two_weeks and c.visit_count]
    assert len(loyal) >= 20
    assert len(slipping) >= 15
    assert len(one_timers) >= 20
    assert len(newcomers) >= 3
    for c in customers:
        if c.last_visit:
            assert c.created_at <= c.last_visit


def test_turkish_search_works_on_it(shop: Shop) -> None:
    assert shop.customers.search("sukru")[0].name == "Şükrü Öztürk"
    assert "Ayşe Yılmaz" in [c.name for c in shop.customers.search("ayse yilmaz")]
    assert "Işıl Kılıç" in [c.name for c in shop.customers.search("isil")]
    assert "İbrahim Çelik" in [c.name for c in shop.customers.search("IBRAHIM")]
    sukru = shop.customers.search("Şükrü Öztürk")[0]
    assert shop.customers.search(sukru.phone_display[:8])


def test_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    path.write_bytes(b"precious")
    with pytest.raises(FileExistsError):
        create_demo_database(path, customers=10)
    assert path.read_bytes() == b"precious"


def test_leaves_no_empty_backup_behind(tmp_path: Path) -> None:
    create_demo_database(tmp_path / "demo.sqlite3", today=TODAY, customers=20)
    assert not (tmp_path / "backups").exists()


def test_its_cards_greet_most_people_as_bey_or_hanim(shop: Shop) -> None:
    rows = shop.store.query(
        "SELECT name, address_form FROM customers WHERE name NOT LIKE '% Ltd%' "
        "AND name NOT LIKE '%A.Ş.%'"
    )
    forms = [row["address_form"] for row in rows]
    assert forms.count("bey") + forms.count("hanim") > len(forms) / 2
    assert forms.count("first_name") > 10 and forms.count("") > 5
    ayse = [row["address_form"] for row in rows if row["name"].startswith("Ayşe ")]
    assert ayse and "bey" not in ayse


def test_its_cards_carry_the_shops_logo(shop: Shop) -> None:
    info = shop.logo.info()
    assert info is not None and info.file_name == "gunes-cicekcilik.png"
