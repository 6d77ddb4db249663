"""Backups belong to one database only, a bad copy never pushes out a good one, and a backup that
fails is told without stopping the shop."""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from shopcrm import DiskFull, Shop, StorageProblem
from shopcrm.storage import backups
from tests.core.conftest import FakeClock


def customers_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM customers ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def room_for_every_daily(monkeypatch: pytest.MonkeyPatch) -> None:
    """A budget that leaves room for ``DAILY_KEPT`` dailies: the count is what is tested."""
    monkeypatch.setattr(backups, "DEFAULT_BUDGET", 50)


def test_backups_of_a_database_with_a_longer_name_are_never_taken_for_ours(
    tmp_path: Path, clock: FakeClock, room_for_every_daily: None
) -> None:
    shop_path, kadikoy_path = tmp_path / "shop.sqlite3", tmp_path / "shop-kadikoy.sqlite3"
    with Shop.open(shop_path, clock=clock) as shop:
        shop.customers.add(name="Merkez Müşterisi")
    clock.advance(days=1)
    Shop.open(shop_path, clock=clock).close()  # shop-daily-2026-03-10
    for day in range(20):
        clock.advance(days=1)
        with Shop.open(kadikoy_path, clock=clock) as kadikoy:
            kadikoy.customers.add(name=f"Kadıköy Müşterisi {day}")
    folder = tmp_path / "backups"
    assert (folder / "shop-daily-2026-03-10.sqlite3").exists(), "kadıköy's rotation deleted it"
    assert len(list(folder.glob("shop-kadikoy-daily-*.sqlite3"))) == backups.DAILY_KEPT
    newest = backups.newest_good_backup(shop_path)
    assert newest == folder / "shop-daily-2026-03-10.sqlite3"
    assert customers_in(newest) == ["Merkez Müşterisi"]


def test_backup_names_match_exactly(tmp_path: Path) -> None:
    shop = tmp_path / "shop.sqlite3"
    assert backups.is_backup_of(shop, "shop-daily-2026-03-10.sqlite3")
    assert backups.is_backup_of(shop, "shop-before-v2-20260310-101500.sqlite3")
    assert not backups.is_backup_of(shop, "shop-kadikoy-daily-2026-03-10.sqlite3")
    assert not backups.is_backup_of(shop, "shop-kadikoy-before-v2-20260310-101500.sqlite3")
    assert not backups.is_backup_of(shop, "shop-daily-2026-03-10.damaged.sqlite3")
    assert not backups.is_backup_of(shop, "shop-daily-2026-03-10.sqlite3.partial")
    other = tmp_path / "shop.db"
    assert not backups.is_backup_of(other, "shop-daily-2026-03-10.sqlite3")
    assert backups.is_backup_of(other, "shop.db-daily-2026-03-10.sqlite3")


def spoil_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on the daily copies come out damaged, as from a failing backup disk."""
    real = backups.take_backup

    def spoiled(
        conn: sqlite3.Connection, target: Path, stop: threading.Event | None = None
    ) -> Path:
        real(conn, target, stop)
        data = bytearray(target.read_bytes())
        data[len(data) // 2 :] = b"\xff" * (len(data) - len(data) // 2)
        target.write_bytes(bytes(data))
        return target

    monkeypatch.setattr(backups, "take_backup", spoiled)


def grow(shop: Shop, day: int) -> None:
    for n in range(40):
        shop.customers.add(name=f"Müşteri {day}-{n}", notes="x" * 300)


def test_damaged_daily_copies_never_push_out_the_good_ones(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, room_for_every_daily: None
) -> None:
    for day in range(backups.DAILY_KEPT + 1):  # the first opening creates the shop
        with Shop.open(db_path, clock=clock) as shop:
            grow(shop, day)
        clock.advance(days=1)
    folder = db_path.parent / "backups"
    good = sorted(p.name for p in folder.iterdir())
    assert len(good) == backups.DAILY_KEPT
    last_good = folder / good[-1]
    spoil_copies(monkeypatch)
    for day in range(backups.DAILY_KEPT + 1, backups.DAILY_KEPT + 6):
        with Shop.open(db_path, clock=clock) as shop:
            grow(shop, day)
            shop.store.wait_for_daily_backup()
            problem = shop.store.backup_problem()
            assert problem is not None and "set aside" in str(problem)
        clock.advance(days=1)
    names = sorted(p.name for p in folder.iterdir())
    assert [n for n in names if n.endswith(".damaged.sqlite3")] == [
        f"shop-daily-2026-03-{day:02d}.damaged.sqlite3" for day in range(24, 29)
    ]
    assert [n for n in names if not n.endswith(".damaged.sqlite3")] == good
    assert backups.newest_good_backup(db_path) == last_good
    monkeypatch.undo()
    monkeypatch.setattr(backups, "DEFAULT_BUDGET", 50)  # undone with the spoiling
    with Shop.open(db_path, clock=clock) as shop:
        shop.store.wait_for_daily_backup()
        assert shop.store.backup_problem() is None
    dailies = sorted(p.name for p in folder.glob("shop-daily-*-??.sqlite3"))
    assert len(dailies) == backups.DAILY_KEPT
    assert dailies[-1] == "shop-daily-2026-03-29.sqlite3" and good[0] not in dailies


def test_before_migration_backups_are_not_counted_among_the_dailies(
    db_path: Path, clock: FakeClock, room_for_every_daily: None
) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir()
    kept = folder / "shop-before-v2-20250101-090000.sqlite3"
    kept.write_bytes(b"")
    for _day in range(backups.DAILY_KEPT + 3):
        Shop.open(db_path, clock=clock).close()
        clock.advance(days=1)
    assert kept.exists()


def test_a_daily_backup_that_cannot_be_written_is_told_and_the_shop_goes_on(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    Shop.open(db_path, clock=clock).close()
    clock.advance(days=1)

    def disk_full(
        conn: sqlite3.Connection, target: Path, stop: threading.Event | None = None
    ) -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(backups, "take_backup", disk_full)
    with Shop.open(db_path, clock=clock, check_in_background=True) as shop:
        customer = shop.customers.add(name="Satış Durmaz")
        shop.purchases.log(customer.id, "12.50")
        shop.store.wait_for_daily_backup()
        problem = shop.backup_problem()
        assert isinstance(problem, DiskFull)
        assert "backup" in str(problem) and str(db_path.parent / "backups") in str(problem)
        assert shop.backup_finished()


def test_a_backups_folder_that_cannot_be_made_is_told(db_path: Path, clock: FakeClock) -> None:
    Shop.open(db_path, clock=clock).close()
    clock.advance(days=1)
    (db_path.parent / "backups").write_text("a file where the backups folder should be")
    with Shop.open(db_path, clock=clock) as shop:
        shop.customers.add(name="Yine de Satış")
        shop.store.wait_for_daily_backup()
        problem = shop.backup_problem()
    assert isinstance(problem, StorageProblem)
    assert str(db_path.parent / "backups") in str(problem)


def test_a_backup_that_worked_is_no_problem(db_path: Path, clock: FakeClock) -> None:
    Shop.open(db_path, clock=clock).close()
    clock.advance(days=1)
    with Shop.open(db_path, clock=clock, check_in_background=True) as shop:
        shop.verify()
        shop.store.wait_for_daily_backup()
        assert shop.backup_finished()
        assert shop.backup_problem() is None
