"""Upgrading an older shop's database keeps everything it held, in its new place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from shopcrm import Shop
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
