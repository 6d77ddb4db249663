"""Opening the database: created, migrated after a backup, checked, and never opened twice.

What a file must be to open as a shop: test_shop_files.py; bad days (a full disk, a read-only
folder, a damaged file's -wal): test_bad_days.py; backups: test_backups.py.
"""

import sqlite3
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from shopcrm import DatabaseDamaged, DatabaseInUse, Shop
from shopcrm.storage import checkpoints, integrity
from shopcrm.storage.migrations import LATEST
from tests.core.conftest import FakeClock


def test_a_new_file_gets_the_latest_schema_with_safe_settings(
    db_path: Path, clock: FakeClock
) -> None:
    with Shop.open(db_path, clock=clock) as shop:
        assert shop.store.schema_version() == LATEST
        pragma = shop.store.conn.execute
        assert pragma("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert pragma("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert pragma("PRAGMA foreign_keys").fetchone()[0] == 1


def test_data_survives_closing_and_reopening(db_path: Path, clock: FakeClock) -> None:
    with Shop.open(db_path, clock=clock) as shop:
        c = shop.customers.add(name="Şule Çınar")
        shop.purchases.log(c.id, "99.90")
    with Shop.open(db_path, clock=clock) as shop:
        assert shop.customers.get(c.id).total_spent == 9990


def test_one_backup_a_day_and_the_last_fourteen_kept(db_path: Path, clock: FakeClock) -> None:
    for day in range(20):
        with Shop.open(db_path, clock=clock) as shop:
            if day == 0:
                shop.settings.update(backup_budget=50)  # room enough: the count is tested
            shop.customers.add(name=f"Müşteri {day}")
        with Shop.open(db_path, clock=clock):
            pass  # a second opening on the same day takes no second backup
        clock.advance(days=1)
    dailies = sorted((db_path.parent / "backups").glob("shop-daily-*.sqlite3"))
    assert len(dailies) == 14
    assert dailies[-1].name == f"shop-daily-{(clock.now - timedelta(days=1)):%Y-%m-%d}.sqlite3"
    newest = sqlite3.connect(dailies[-1])
    # The backup is taken when the day's first opening happens, before that day's changes.
    assert newest.execute("SELECT count(*) FROM customers").fetchone()[0] == 19
    newest.close()


def test_a_second_copy_of_the_app_gets_a_clear_message(db_path: Path, clock: FakeClock) -> None:
    with Shop.open(db_path, clock=clock), pytest.raises(DatabaseInUse, match="already open"):
        Shop.open(db_path, clock=clock)
    with Shop.open(db_path, clock=clock):
        pass  # free again once the first copy closed


def test_a_damaged_file_is_refused_untouched_naming_the_newest_good_backup(
    db_path: Path, clock: FakeClock
) -> None:
    with Shop.open(db_path, clock=clock) as shop:
        shop.customers.add(name="Hakan")
    clock.advance(days=1)
    with Shop.open(db_path, clock=clock) as shop:
        shop.customers.add(name="Irmak")
    data = bytearray(db_path.read_bytes())
    data[100:4000] = b"\xff" * 3900
    db_path.write_bytes(bytes(data))
    clock.advance(days=1)
    with pytest.raises(DatabaseDamaged, match="damaged") as error:
        Shop.open(db_path, clock=clock)
    assert db_path.read_bytes() == bytes(data)
    expected = db_path.parent / "backups" / f"shop-daily-{datetime(2026, 3, 10):%Y-%m-%d}.sqlite3"
    assert error.value.newest_good_backup == expected
    assert str(expected) in str(error.value)
    assert not (db_path.parent / "backups" / "shop-daily-2026-03-11.sqlite3").exists()


def damage(path: Path) -> bytes:
    """Overwrite the middle of the file, as a failing disk would; return the damaged bytes."""
    data = bytearray(path.read_bytes())
    data[5000:9000] = b"\xff" * 4000
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_check_in_the_background_lets_nothing_be_written_to_a_damaged_file(
    db_path: Path, clock: FakeClock
) -> None:
    with Shop.open(db_path, clock=clock) as shop:
        for n in range(300):
            shop.customers.add(name=f"Müşteri {n}", notes="x" * 200)
    damaged = damage(db_path)
    shop = Shop.open(db_path, clock=clock, check_in_background=True)
    try:
        with pytest.raises(DatabaseDamaged):
            shop.verify()
        assert shop.check_finished()
        with pytest.raises(DatabaseDamaged):
            shop.customers.add(name="Yeni Müşteri")
    finally:
        shop.close()
    assert db_path.read_bytes() == damaged
    assert not (db_path.parent / "backups" / "shop-daily-2026-03-09.sqlite3").exists()


def held_check(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the opening's integrity check until the event is set (a big file's seconds)."""
    release = threading.Event()
    real = integrity.quick_check

    def slow(conn: sqlite3.Connection) -> bool:
        release.wait(10)
        return real(conn)

    monkeypatch.setattr(integrity, "quick_check", slow)
    return release


def test_a_change_does_not_wait_for_the_check_and_the_daily_backup_holds_it(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Shop.open(db_path, clock=clock) as shop:
        shop.customers.add(name="Ayşe")
    clock.advance(days=1)
    release = held_check(monkeypatch)
    with Shop.open(db_path, clock=clock, check_in_background=True) as shop:
        shop.customers.add(name="Fatma")  # the check still runs: the counter does not wait
        assert not shop.check_finished()
        release.set()
        shop.verify()
        shop.store.wait_for_daily_backup()
        shop.customers.add(name="Zeynep")
    backup = sqlite3.connect(db_path.parent / "backups" / "shop-daily-2026-03-10.sqlite3")
    assert backup.execute("SELECT name FROM customers ORDER BY id").fetchall() == [
        ("Ayşe",),
        ("Fatma",),
    ]
    backup.close()


def test_a_change_made_while_a_damaged_file_is_checked_stays_in_its_wal(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The purchase logged during the check is kept (in the -wal); the file itself is left as
    it was checked; once the verdict is in, nothing more is written."""
    with Shop.open(db_path, clock=clock) as shop:
        who = shop.customers.add(name="Ayşe").id
        for n in range(300):
            shop.customers.add(name=f"Müşteri {n}", notes="x" * 200)
    damaged = damage(db_path)
    release = held_check(monkeypatch)
    shop = Shop.open(db_path, clock=clock, check_in_background=True)
    try:
        shop.purchases.log(who, amount=12_345)
        assert not shop.check_finished()
        release.set()
        with pytest.raises(DatabaseDamaged):
            shop.verify()
        with pytest.raises(DatabaseDamaged):
            shop.purchases.log(who, amount=100)
    finally:
        shop.close()
    assert db_path.read_bytes() == damaged
    wal = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        logged = wal.execute("SELECT amount FROM purchases").fetchall()
    finally:
        wal.close()
    assert logged == [(12_345,)]
    assert not (db_path.parent / "backups" / "shop-daily-2026-03-09.sqlite3").exists()


def in_the_file_itself(db_path: Path) -> int:
    """The purchases the database file holds without its -wal (-1 while a checkpoint is
    writing it: a reader that ignores the -wal may then see half a change)."""
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM purchases").fetchone()[0])
    except sqlite3.DatabaseError:
        return -1
    finally:
        conn.close()


def folded_into_the_file(db_path: Path, purchases: int) -> int:
    """Wait (up to 10 s) until the file itself holds ``purchases``; what it holds then."""
    deadline = time.monotonic() + 10
    while (held := in_the_file_itself(db_path)) != purchases and time.monotonic() < deadline:
        time.sleep(0.05)
    return held


def test_the_sales_reach_the_file_beside_the_counter_not_in_a_sale(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shop's connection never folds the -wal into the file inside a commit (a big shop's
    sale would then wait 15 ms for a thousand pages); a thread does, once the sales pause."""
    monkeypatch.setattr(checkpoints, "QUIET_SECONDS", 0.05)
    with Shop.open(db_path, clock=clock) as shop:
        assert shop.store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        who = shop.customers.add(name="Ayşe").id
        for _ in range(400):  # well past SQLite's own 1,000 pages
            shop.purchases.log(who, amount=12_345)
        assert folded_into_the_file(db_path, 400) == 400


def test_no_checkpoint_before_the_background_check_has_passed(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkpoints, "QUIET_SECONDS", 0.05)
    with Shop.open(db_path, clock=clock) as shop:
        who = shop.customers.add(name="Ayşe").id
    clock.advance(days=1)
    release = held_check(monkeypatch)
    with Shop.open(db_path, clock=clock, check_in_background=True) as shop:
        for _ in range(400):
            shop.purchases.log(who, amount=100)
        time.sleep(0.5)
        assert in_the_file_itself(db_path) == 0  # all in the -wal while the check runs
        release.set()
        shop.verify()
        shop.purchases.log(who, amount=100)  # the first change after the verdict
        assert folded_into_the_file(db_path, 401) == 401
