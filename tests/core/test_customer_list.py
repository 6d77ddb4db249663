"""The customers list as the Customers page reads it: Turkish order from the stored sort key,
every column both ways, a page at a time, the filter, and the step that brings an older file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shopcrm import Shop
from shopcrm.common.text import fold, name_sort_key, sort_key_text
from shopcrm.numbers.segments import Segment
from shopcrm.people.customer_list import FEW, ListOrder, ListQuery
from shopcrm.people.records import CustomerLine
from shopcrm.people.search import prefix_rows
from shopcrm.storage.backups import backup_folder
from shopcrm.storage.migrations import MIGRATIONS
from tests.core.conftest import FakeClock

NAMES_IN_TURKISH_ORDER = [
    "Cem Ak",
    "Çağla Er",
    "Gül Tan",
    "ılık Bey",
    "Irmak Su",
    "Işık Demir",
    "İlker Kaya",
    "inci Oral",
    "Oya Can",
    "Ömer Öz",
    "Şükrü Öztürk",
]


@pytest.fixture
def names(shop: Shop) -> dict[str, int]:
    """The customers of a small Turkish shop, added backwards, with visits, tags and phones."""
    ids = {}
    for number, name in enumerate(reversed(NAMES_IN_TURKISH_ORDER)):
        tags = ["düzenli"] if number % 3 == 0 else []
        customer = shop.customers.add(
            name=name, phone=f"0532 111 22 {number:02d}", email=f"c{number}@example.com", tags=tags
        )
        ids[name] = customer.id
        for day in range(1, number % 4 + 1):
            shop.purchases.log(customer.id, 100 * (number + 1), purchased_at=datetime(2026, 2, day))
    return ids


def listed(shop: Shop, query: ListQuery = ListQuery()) -> list[str]:  # noqa: B008
    return [line.name for line in shop.customer_list.page(query, 0, 1000)]


def test_the_stored_sort_key_orders_names_as_the_turkish_sort_key_does() -> None:
    many = [*NAMES_IN_TURKISH_ORDER, "ali", "Ali", "ALİ", "Âli", "a-b", "a b", "a1", "Zoë", "日本"]
    by_key = sorted(many, key=sort_key_text)
    assert sorted(many, key=lambda n: (name_sort_key(n).encode(), n)) == by_key
    assert sorted(NAMES_IN_TURKISH_ORDER, key=name_sort_key) == NAMES_IN_TURKISH_ORDER
    assert len(name_sort_key("Şükrü Öztürk").encode()) == len("Şükrü Öztürk")  # a byte a letter


def test_the_list_is_in_turkish_order_and_both_ways(shop: Shop, names: dict[str, int]) -> None:
    assert listed(shop) == NAMES_IN_TURKISH_ORDER
    assert listed(shop, ListQuery(descending=True)) == NAMES_IN_TURKISH_ORDER[::-1]
    assert [line.id for line in shop.customers.lines()] == [
        line.id for line in shop.customer_list.page(ListQuery(), 0, 100)
    ]


@pytest.mark.parametrize("order", list(ListOrder))
@pytest.mark.parametrize("descending", [False, True])
def test_every_column_sorts_by_its_value_and_pages_follow_on(
    shop: Shop, names: dict[str, int], order: ListOrder, descending: bool
) -> None:
    query = ListQuery(order=order, descending=descending)
    lines = shop.customer_list.page(query, 0, 100)
    places = {segment: place for place, segment in enumerate(Segment)}

    def value(line: CustomerLine) -> object:
        return {
            ListOrder.NAME: name_sort_key(line.name),
            ListOrder.PHONE: line.phone,
            ListOrder.EMAIL: line.email,
            ListOrder.TAGS: line.tags,
            ListOrder.VISITS: line.visit_count,
            ListOrder.SPENT: line.total_spent,
            ListOrder.LAST_VISIT: line.last_visit or "",
            ListOrder.SINCE: line.created_at,
            ListOrder.SEGMENT: (
                places[shop.segments.of_customer(line.id)],
                name_sort_key(line.name),
            ),
        }[order]

    keys = [(value(line), line.id) for line in lines]
    assert keys == sorted(keys, reverse=descending)
    assert len(lines) == 11
    # a page at a time gives the same rows, and each stands where position() says
    pages = [line for start in range(0, 11, 4) for line in shop.customer_list.page(query, start, 4)]
    assert pages == lines
    for place, line in enumerate(lines):
        assert shop.customer_list.position(query, line.id) == place


def test_the_filter_finds_name_phone_digits_e_mail_and_tags_folded(
    shop: Shop, names: dict[str, int]
) -> None:
    def found(text: str) -> list[str]:
        query = ListQuery(text=text)
        assert shop.customer_list.count(query) == len(listed(shop, query))
        return listed(shop, query)

    assert found("sukru") == ["Şükrü Öztürk"]
    assert found("ISIK") == ["Işık Demir"]
    assert found("0532 111 22 05") == ["Işık Demir"]
    assert found("2205") == ["Işık Demir"]
    assert found("C10@EXAMPLE") == ["Cem Ak"]
    tagged = [n for number, n in enumerate(reversed(NAMES_IN_TURKISH_ORDER)) if number % 3 == 0]
    assert found("duzenli") == sorted(tagged, key=sort_key_text)
    assert found("DÜZEN") == sorted(tagged, key=sort_key_text)
    assert found("nobody") == []
    assert shop.customer_list.count(ListQuery()) == 11


def test_a_filter_keeping_many_customers_walks_the_order(shop: Shop) -> None:
    for number in range(FEW + 2):
        shop.store.execute(
            "INSERT INTO customers (name, name_folded, name_sort, created_at, updated_at) "
            "VALUES (?, ?, ?, '2026-01-01T10:00:00', '2026-01-01T10:00:00')",
            (f"Ada {number:05d}", f"ada {number:05d}", name_sort_key(f"Ada {number:05d}")),
        )
    query = ListQuery(text="ada", descending=True)
    assert shop.customer_list.count(query) == FEW + 2
    assert [line.name for line in shop.customer_list.page(query, 1, 2)] == [
        f"Ada {FEW:05d}",
        f"Ada {FEW - 1:05d}",
    ]


def test_a_renamed_customer_gets_the_sort_key_of_the_new_name(
    shop: Shop, names: dict[str, int]
) -> None:
    shop.customers.update(names["Cem Ak"], name="İpek Ak")
    row = shop.store.one("SELECT name_sort FROM customers WHERE id = ?", (names["Cem Ak"],))
    assert row is not None and row["name_sort"] == name_sort_key("İpek Ak")
    order = listed(shop)
    assert order[order.index("inci Oral") + 1] == "İpek Ak"


def test_archived_customers_are_listed_only_when_asked(shop: Shop, names: dict[str, int]) -> None:
    shop.customers.archive(names["Oya Can"])
    assert "Oya Can" not in listed(shop)
    assert shop.customer_list.total() == 10
    assert shop.customer_list.total(include_archived=True) == 11
    everyone = ListQuery(include_archived=True)
    assert listed(shop, everyone) == NAMES_IN_TURKISH_ORDER
    assert shop.customer_list.position(ListQuery(), names["Oya Can"]) is None


def test_an_older_file_gets_its_sort_keys_and_lean_search_tables_and_finds_the_same(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, migrate in enumerate(MIGRATIONS[:6]):
        migrate(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    for number, name in enumerate(reversed(NAMES_IN_TURKISH_ORDER)):
        cursor = conn.execute(
            "INSERT INTO customers (name, name_folded, phone, phone_digits, visit_count, "
            "last_visit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
            "'2025-01-01T10:00:00', '2025-01-01T10:00:00')",
            (
                name,
                fold(name),
                f"+90532111220{number % 10}",
                f"532111220{number % 10}",
                number,
                f"2025-06-{number + 1:02d}T12:00:00",
            ),
        )
        for row in prefix_rows(int(cursor.lastrowid or 0), fold(name), number):
            conn.execute(
                "INSERT INTO customer_prefixes VALUES (?, ?, ?, ?, ?)",
                (*row[:4], f"2025-06-{number + 1:02d}T12:00:00"),
            )
    conn.close()
    with Shop.open(path, clock=clock) as shop:
        assert listed(shop) == NAMES_IN_TURKISH_ORDER
        assert [c.name for c in shop.customers.search("i")] == [  # most visits first
            "ılık Bey",
            "Irmak Su",
            "Işık Demir",
            "İlker Kaya",
            "inci Oral",
        ]
        assert [c.name for c in shop.customers.search("ozt")] == ["Şükrü Öztürk"]
        assert [c.name for c in shop.customers.search("2205")] == ["Işık Demir"]
        seconds = shop.store.one(
            "SELECT last_visit FROM customer_prefixes WHERE prefix = 'o' AND starts_name = 1 "
            "ORDER BY visit_count DESC LIMIT 1"
        )
        oya_came = datetime(2025, 6, 3, 12, tzinfo=UTC)  # Oya Can, the most visits of the O's
        assert seconds is not None and seconds["last_visit"] == int(oya_came.timestamp())
        # the triggers still keep the search in step: a rename, a purchase
        oya = shop.customers.search("oya")[0]
        shop.customers.update(oya.id, name="Zeynep Can")
        assert shop.customers.search("oya") == []
        assert [c.name for c in shop.customers.search("zey")] == ["Zeynep Can"]
        assert [c.name for c in shop.customers.search("c")] == ["Cem Ak", "Çağla Er", "Zeynep Can"]
        cem = shop.customers.search("cem")[0]
        shop.purchases.log(cem.id, 100)  # counted afresh: one visit, today
        came = int(clock.now.replace(tzinfo=UTC).timestamp())
        kept = shop.store.query(
            "SELECT visit_count, last_visit FROM customer_prefixes WHERE customer_id = ?",
            (cem.id,),
        )
        assert len(kept) == 5  # c, ce, cem, a, ak
        assert {(r["visit_count"], r["last_visit"]) for r in kept} == {(1, came)}
        assert [c.name for c in shop.customers.search("c")] == ["Çağla Er", "Cem Ak", "Zeynep Can"]
        tables = {r["name"] for r in shop.store.query("SELECT name FROM sqlite_schema")}
        assert "customer_prefixes_of_customer" not in tables
        assert "customer_search_content" not in tables  # the text is kept once, in customers
    assert list(backup_folder(path).glob("*-before-v7-*.sqlite3"))  # backed up first
    with Shop.open(path, clock=clock) as shop:  # checked whole on opening again
        assert shop.store.one("PRAGMA integrity_check") == {"integrity_check": "ok"}
        shop.store.execute(
            "INSERT INTO customer_search(customer_search) VALUES ('integrity-check')"
        )


def test_the_word_beginnings_follow_a_new_customer_a_rename_and_visits(shop: Shop) -> None:
    def beginnings(customer_id: int) -> set[tuple[str, int, int]]:
        rows = shop.store.query(
            "SELECT prefix, starts_name, visit_count FROM customer_prefixes WHERE customer_id = ?",
            (customer_id,),
        )
        return {(r["prefix"], r["starts_name"], r["visit_count"]) for r in rows}

    ayse = shop.customers.add(name='Ayşe "Kuzu" Işık\\')
    assert beginnings(ayse.id) == {
        ("a", 1, 0),
        ("ay", 1, 0),
        ('"', 0, 0),
        ('"k', 0, 0),
        ("i", 0, 0),
        ("is", 0, 0),
        ("ays", 1, 0),  # the three-letter starts and the later words whole
        (' "ku', 0, 0),
        ('="kuzu"', 0, 0),
        (" isi", 0, 0),
        ("=isik\\", 0, 0),
    }
    shop.purchases.log(ayse.id, 100)
    assert {visits for _, _, visits in beginnings(ayse.id)} == {1}
    shop.customers.update(ayse.id, name="Zeynep Öz")
    assert beginnings(ayse.id) == {
        ("z", 1, 1),
        ("ze", 1, 1),
        ("zey", 1, 1),
        ("o", 0, 1),
        ("oz", 0, 1),
    }
    assert [c.name for c in shop.customers.search("ze")] == ["Zeynep Öz"]
    assert shop.customers.search("ay") == []
