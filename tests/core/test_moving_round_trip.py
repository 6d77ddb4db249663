"""Out and back in: the customers a shop exports (CSV, Turkish Excel CSV, XLSX, vCard; in
Turkish and in English) come into another shop as the same customers, every Turkish letter
right, with their phones, e-mails, birthdays, tags and notes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from shopcrm.moving.table_files import TableFormat
from tests.core.conftest import FakeClock

PEOPLE = [
    dict(
        name="Şükrü Öztürk",
        phone="0532 123 45 67",
        email="sukru@example.com",
        notes="Çiçekleri sever; =1+1 değil",
        tags="VIP, komşu",
    ),
    dict(name="İpek Ağaoğlu", phone="0216 336 45 78", email="", notes="=2+2 hediye", tags=""),
    dict(name="Çağla Güneş Işık", phone="", email="cagla@example.com", notes="", tags="öğretmen"),
]


def filled(shop: Shop) -> Shop:
    for person in PEOPLE:
        shop.customers.add(**person)
    sukru = shop.customers.search("Şükrü")[0]
    shop.customers.update(sukru.id, birthday=date(1985, 4, 15))
    return shop


def seen(shop: Shop) -> list[tuple[object, ...]]:
    return sorted(
        (c.name, c.phone, c.email, c.notes, c.tags, c.birthday)
        for c in (shop.customers.get(r["id"]) for r in shop.store.query("SELECT id FROM customers"))
    )


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize(
    "kind", [TableFormat.CSV, TableFormat.CSV_TURKISH_EXCEL, TableFormat.XLSX, "vcard"]
)
def test_exported_customers_import_as_the_same_customers(
    shop: Shop, clock: FakeClock, tmp_path: Path, language: str, kind: str
) -> None:
    set_language(language)
    try:
        filled(shop)
        path = tmp_path / ("customers.vcf" if kind == "vcard" else f"customers.{kind}")
        if kind == "vcard":
            shop.customer_export.to_vcards(path)
        else:
            shop.customer_export.to_table(path, kind, language=language)
        with Shop.open(tmp_path / "other.sqlite3", clock=clock) as other:
            sheet = other.imports.read(path)
            outcome = other.imports.run(other.imports.plan(sheet, other.imports.recognise(sheet)))
            assert outcome.added == len(PEOPLE)
            assert seen(other) == seen(shop)
    finally:
        set_language("en")
