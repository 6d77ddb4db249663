"""Upgrading an older shop's database keeps everything it held, in its new place."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from shopcrm import Shop
from shopcrm.storage.backups import backup_folder
from shopcrm.storage.migrations import MIGRATIONS
from tests.core.conftest import FakeClock


def test_an_older_shops_single_consent_becomes_a_consent_per_channel(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, migrate in enumerate(MIGRATIONS[:3]):
        migrate(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    rows = [
        ("Ayşe", 1, "2025-05-01T10:00:00"),  # agreed
        ("Fatma", 0, "2025-06-01T10:00:00"),  # agreed once, then withdrew
        ("Gül", 0, None),  # never asked
    ]
    for name, consent, when in rows:
        conn.execute(
            "INSERT INTO customers (name, name_folded, marketing_consent, consent_date, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, '2025-01-01T10:00:00', "
            "'2025-01-01T10:00:00')",
            (name, name.lower(), consent, when),
        )
    conn.close()
    with Shop.open(path, clock=clock) as shop:
        held = shop.store.query(
            "SELECT c.name, k.channel, k.given, k.method, k.noted_at FROM consents k "
            "JOIN customers c ON c.id = k.customer_id ORDER BY c.name, k.channel"
        )
    assert [(r["name"], r["channel"], r["given"]) for r in held] == [
        ("Ayşe", "call", 1),
        ("Ayşe", "email", 1),
        ("Ayşe", "letter", 1),
        ("Ayşe", "sms", 1),
        ("Fatma", "call", 0),
        ("Fatma", "email", 0),
        ("Fatma", "letter", 0),
        ("Fatma", "sms", 0),
    ]
    assert {(r["method"], r["noted_at"]) for r in held if r["name"] == "Ayşe"} == {
        ("earlier", "2025-05-01T10:00:00")
    }


def test_an_older_shops_birthdays_become_birthday_occasions_and_nothing_is_lost(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, migrate in enumerate(MIGRATIONS[:3]):
        migrate(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    rows = [
        ("Ayşe", "03-15", ""),  # no year
        ("Fatma", "1980-11-02", "Lilyum sever"),  # with the year
        ("Gül", "02-29", ""),  # 29 February without a year
        ("Işıl", "1996-02-29", ""),  # and with a leap year
        ("Mehmet", None, ""),  # never told
        ("Şükrü", "sonbahar", "Kapıya teslim"),  # not a date: kept in the notes
    ]
    for name, birthday, notes in rows:
        conn.execute(
            "INSERT INTO customers (name, name_folded, birthday, notes, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, '2025-01-01T10:00:00', '2025-02-01T10:00:00')",
            (name, name.lower(), birthday, notes),
        )
    conn.close()
    with Shop.open(path, clock=clock) as shop:
        by_name = {c.name: c for c in shop.customers.all()}
        assert {name: c.birthday for name, c in by_name.items()} == {
            "Ayşe": "03-15",
            "Fatma": "1980-11-02",
            "Gül": "02-29",
            "Işıl": "1996-02-29",
            "Mehmet": None,
            "Şükrü": None,
        }
        assert by_name["Fatma"].notes == "Lilyum sever"
        assert by_name["Şükrü"].notes == "Kapıya teslim\nDoğum günü: sonbahar"
        (isil,) = shop.occasions.of_customer(by_name["Işıl"].id)
        assert (isil.kind, isil.whose, isil.day, isil.month, isil.year, isil.yearly) == (
            "birthday",
            "",
            29,
            2,
            1996,
            True,
        )
        columns = {r["name"] for r in shop.store.query("PRAGMA table_info(customers)")}
        assert "birthday" not in columns  # one place for the date
        # the birthday rule reads the migrated dates: 29 February is kept on the 28th in 2027
        shop.rules.add("birthday", "percent", value=10, days_before=0)
        due = shop.rewards.issue_birthdays(date(2027, 2, 28))
        assert sorted(r.customer_id for r in due) == sorted([by_name["Gül"].id, by_name["Işıl"].id])
    (before,) = backup_folder(path).glob("*-before-v4-*.sqlite3")  # backed up first
    with closing(sqlite3.connect(before)) as kept:
        assert kept.execute("SELECT count(birthday) FROM customers").fetchone() == (5,)
