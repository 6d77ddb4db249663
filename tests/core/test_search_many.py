"""A search that hits many names gives the same best results as ranking every match would: the
names starting with what was typed, then those with a later word starting with it, each the
most frequent first; the exact name is never lost to the limit."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from shopcrm import Shop
from shopcrm.common.text import fold
from shopcrm.people import search
from shopcrm.storage.migrations import MIGRATIONS
from shopcrm.storage.schema_search import migrate_search
from tests.core.conftest import FakeClock

FIRST = ["Kaya", "Kayahan", "Ali", "Alican", "Halil", "Salih", "Gül", "Gülşen", "Yıldız", "Ayşe"]
LAST = ["Kaya", "Akkaya", "Kayalı", "Yılmaz", "Yıldırım", "Aliyev", "Özgül", "Gültekin", "Şahin"]


def fill(shop: Shop, count: int, seed: int = 7) -> None:
    """``count`` customers with names mixed from the lists, and visits and last visits that
    often tie, as in a real shop."""
    rng = random.Random(seed)
    with shop.store.transaction():
        for n in range(count):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if n % 7 == 0:
                name += f" {rng.choice(LAST)}"
            customer = shop.customers.add(name=name)
            visits = rng.choice([0, 0, 1, 2, 3, 5, 8, 13])
            last = f"2026-0{rng.randint(1, 3)}-0{rng.randint(1, 2)}T10:00:00" if visits else None
            shop.store.execute(
                "UPDATE customers SET visit_count = ?, last_visit = ? WHERE id = ?",
                (visits, last, customer.id),
            )


def ranked_whole(shop: Shop, query: str) -> list[tuple[int, str]]:
    """Every active match of ``query`` ranked the way the counter shows it, from all names."""
    q = fold(query)
    rows = shop.store.query(
        "SELECT id, name_folded, visit_count, last_visit FROM customers WHERE archived_at IS NULL"
    )
    found = []
    for r in rows:
        name = r["name_folded"]
        if not all(word in name for word in q.split()):
            continue
        kind = 0 if name.startswith(q) else 1 if f" {q}" in f" {name}" else 2
        found.append((kind, -r["visit_count"], r["last_visit"] or "", name, r["id"]))
    # last visit newest first (DESC), None last: sort the dates descending within the visits
    found.sort(key=lambda f: (f[0], f[1], _descending(f[2]), f[3]))
    return [(f[0], f[3]) for f in found]


def _descending(iso: str) -> tuple[int, ...]:
    return (*(-ord(ch) for ch in iso), 0) if iso else (1,)


def kinds_and_names(shop: Shop, query: str, limit: int = 50) -> list[tuple[int, str]]:
    q = fold(query)
    out = []
    for c in shop.customers.search(query, limit=limit):
        name = fold(c.name)
        out.append((0 if name.startswith(q) else 1 if f" {q}" in f" {name}" else 2, name))
    return out


@pytest.fixture
def crowd(shop: Shop) -> Shop:
    fill(shop, 600)
    return shop


@pytest.mark.parametrize("query", ["kay", "Kaya", "ali", "yıl", "yıldı", "gül", "ALI"])
def test_a_word_held_by_many_names_gives_the_best_of_all_of_them(
    crowd: Shop, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = kinds_and_names(crowd, query)
    assert search._holders(crowd.store, f'"{fold(query)}"') <= search.MANY  # ranked whole
    monkeypatch.setattr(search, "MANY", 20)  # now the word-start index is walked instead
    assert kinds_and_names(crowd, query) == exact
    whole = ranked_whole(crowd, query)
    assert [(k, n) for k, n in exact] == whole[:50]
    starting = [n for k, n in whole if k < 2]
    if len(starting) >= 50:
        assert all(k < 2 for k, _n in exact)


def test_when_few_names_start_with_it_the_other_holders_fill_the_rest(
    shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(shop, 300)
    for name in ("Ayaz Şahin", "Ayaz Kaya", "Nur Ayaz"):
        shop.customers.add(name=name)
    monkeypatch.setattr(search, "MANY", 100)  # at least twice the limit, as the real one
    assert search._holders(shop.store, '"aya"') > search.MANY
    found = kinds_and_names(shop, "aya")  # Ayaz starts with it; Kaya, Akkaya hold it inside
    whole = ranked_whole(shop, "aya")
    starting = [x for x in whole if x[0] < 2]
    assert 0 < len(starting) < 50
    assert found[: len(starting)] == starting
    rest = found[len(starting) :]
    assert len(found) == 50 and all(kind == 2 for kind, _name in rest)
    customers = shop.customers.search("aya")
    assert len({c.id for c in customers}) == 50
    # the others are the best of those looked at, in the counter's order
    visits = [c.visit_count for c in customers[len(starting) :]]
    assert visits == sorted(visits, reverse=True)


def test_the_exact_name_is_kept_however_many_more_frequent_names_hold_it(
    shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(shop, 300)
    ali = shop.customers.add(name="Ali")  # never came
    monkeypatch.setattr(search, "MANY", 10)
    found = shop.customers.search("ali")
    kinds = [k for k, _name in kinds_and_names(shop, "ali")]
    assert ali.id in [c.id for c in found]
    assert kinds == sorted(kinds)  # names starting with it, then a later word, then inside
    assert all(fold(c.name).startswith("ali") for c in shop.customers.search("ali", limit=5))
    first = shop.customers.search("ali kayalı")
    assert first and fold(first[0].name).startswith("ali kayali")


def test_archived_customers_stay_out_of_a_many_match_search(
    crowd: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "MANY", 20)
    first = crowd.customers.search("kay")[0]
    crowd.customers.archive(first.id)
    assert first.id not in [c.id for c in crowd.customers.search("kay")]
    with_archived = crowd.customers.search("kay", include_archived=True)
    assert first.id in [c.id for c in with_archived]


def test_over_the_real_threshold_the_best_are_those_of_ranking_every_match(shop: Shop) -> None:
    fill(shop, 3 * search.MANY, seed=3)
    assert search._holders(shop.store, '"kay"') > search.MANY
    for query in ("kay", "kaya", "ali", "yıl", "gül", "aya", "ali kay"):
        whole = ranked_whole(shop, query)
        found = kinds_and_names(shop, query)
        starting = [x for x in whole if x[0] < 2]
        assert found[: min(50, len(starting))] == starting[:50], query
        assert len(found) == min(50, len(whole)), query


def test_an_older_shop_gets_the_three_letter_word_starts(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, migrate in enumerate(MIGRATIONS[: MIGRATIONS.index(migrate_search)]):
        migrate(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    names = ["Ali Kaya Kayalı", "Kaya Ali", "Şükrü Öztürk", "Ay Su"]
    for n, name in enumerate(names, start=1):
        conn.execute(
            "INSERT INTO customers (id, name, name_folded, visit_count, last_visit, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, '2026-01-0' || ?, '2025-01-01', '2025-01-01')",
            (n, name, fold(name), n, n),
        )
        conn.executemany(  # as the shop kept them before (a text last visit)
            "INSERT INTO customer_prefixes (prefix, customer_id, starts_name, visit_count, "
            "last_visit) VALUES (?, ?, ?, ?, ?)",
            [r for r in search.prefix_rows(n, fold(name), n) if len(r[0].strip()) < 3],
        )
    conn.close()
    with Shop.open(path, clock=clock) as shop:
        held = {
            tuple(r.values())
            for r in shop.store.query(
                "SELECT prefix, customer_id, starts_name, visit_count FROM customer_prefixes"
            )
        }
        assert held == {
            (p, cid, first, visits)
            for cid, name in enumerate(names, start=1)
            for p, _id, first, visits, _last in search.prefix_rows(cid, fold(name), cid)
        }
        assert ("ali", 1, 1, 1) in held and (" kay", 1, 0, 1) in held
        assert (" ali", 2, 0, 2) in held and ("ay", 4, 1, 4) in held
        monkey = search.MANY
        search.MANY = 0
        try:
            assert [c.name for c in shop.customers.search("kay")] == ["Kaya Ali", "Ali Kaya Kayalı"]
            assert [c.name for c in shop.customers.search("ali")] == ["Ali Kaya Kayalı", "Kaya Ali"]
        finally:
            search.MANY = monkey


def test_a_customer_found_is_the_customer_the_shop_holds(shop: Shop) -> None:
    referrer = shop.customers.add(name="Kaya Aydın")
    full = shop.customers.add(
        name="Kayahan Öztürk",
        phone="0532 123 45 67",
        email="kayahan@example.com",
        address="Bağdat Cd. 5\nKadıköy",
        notes="Lilyum sever",
        tags=["vip", "komşu"],
        referred_by=referrer.id,
        marketing_consent=True,
        birthday="1980-03-15",
        address_form="bey",
    )
    shop.purchases.log(full.id, "250")
    shop.customers.archive(referrer.id)
    for query in ("kay", "kayahan", "k", "0532"):
        for found in shop.customers.search(query, include_archived=True):
            assert found == shop.customers.get(found.id)
    assert shop.customers.search("kayahan")[0].tags == ("vip", "komşu")
    assert shop.customers.search("kaya aydın", include_archived=True)[0].archived


def test_many_numbers_starting_with_the_digits_give_the_most_frequent_first(
    shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(5)
    with shop.store.transaction():
        for n in range(120):
            area = "532" if n % 4 else "212"
            customer = shop.customers.add(name=f"Ayşe {n}", phone=f"0{area} {n + 100:03d} 45 67")
            shop.store.execute(
                "UPDATE customers SET visit_count = ? WHERE id = ?",
                (rng.randint(0, 40), customer.id),
            )
    exact = [(c.id, c.visit_count) for c in shop.customers.search("0532")]
    monkeypatch.setattr(search, "MANY", 10)  # now the index of the first digits is walked
    walked = [(c.id, c.visit_count) for c in shop.customers.search("0532")]
    assert [v for _id, v in walked] == [v for _id, v in exact]
    assert len(walked) == 50
    assert all(c.phone.startswith("+90532") for c in shop.customers.search("0532"))
    every = sorted((c.visit_count for c in shop.customers.search("0532", limit=500)), reverse=True)
    assert [v for _id, v in walked] == every[:50]
    held_inside = shop.customers.search("45 67")  # in every number, never at its start
    assert len(held_inside) == 10  # the best of the first MANY holding them
    visits = [c.visit_count for c in held_inside]
    assert visits == sorted(visits, reverse=True)


def test_a_few_names_among_many_alike_are_ranked_whole(
    crowd: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        crowd.customers.add(name=f"Güler Aydın {n}")
        crowd.customers.add(name=f"Ayşe Güler {n}")
    exact = kinds_and_names(crowd, "güle")
    assert [k for k, _n in exact] == [0] * 5 + [1] * 5
    monkeypatch.setattr(search, "MANY", 5)  # many hold it, few start a name or a word with it
    assert search._holders(crowd.store, '"gule"') > search.MANY
    assert kinds_and_names(crowd, "güle") == exact
    monkeypatch.setattr(search, "MANY", 3)  # and walked when they are more than MANY
    assert kinds_and_names(crowd, "güle") == exact
