"""The owner sees the backups with what each holds, restores a sound one (the current file kept
aside beside it), and is refused a damaged one with a clear message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from shopcrm import DatabaseInUse, Shop
from shopcrm.storage import backups
from shopcrm.storage.backup_list import BackupKind, DamagedBackup
from tests.core.conftest import FakeClock


def names_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM customers ORDER BY id")]
    finally:
        conn.close()


def two_days_of_backups(db_path: Path, clock: FakeClock) -> None:
    """Day one: 2 customers, 1 purchase; the daily backup of day two holds them. Then a third
    customer and two more purchases, backed up on day three; then a fourth customer."""
    with Shop.open(db_path, clock=clock) as shop:
        a = shop.customers.add(name="Ayşe Yılmaz")
        shop.customers.add(name="Şükrü Öztürk")
        shop.purchases.log(a.id, amount=12_500)
    clock.advance(days=1)
    with Shop.open(db_path, clock=clock) as shop:
        shop.store.wait_for_daily_backup()
        c = shop.customers.add(name="Çağla Işık")
        shop.purchases.log(c.id, amount=5_000)
        shop.purchases.log(c.id, amount=7_000)
    clock.advance(days=1)
    with Shop.open(db_path, clock=clock) as shop:
        shop.store.wait_for_daily_backup()
        shop.customers.add(name="İlker Güneş")


def test_backups_are_listed_newest_first_with_their_counts(db_path: Path, clock: FakeClock) -> None:
    two_days_of_backups(db_path, clock)
    with Shop.open(db_path, clock=clock) as shop:
        listed = shop.backups()
    assert [b.path.name for b in listed] == [
        "shop-daily-2026-03-11.sqlite3",
        "shop-daily-2026-03-10.sqlite3",
    ]
    assert [(b.customers, b.purchases) for b in listed] == [(3, 3), (2, 1)]
    assert all(b.kind is BackupKind.DAILY and not b.damaged for b in listed)
    assert all(b.size == b.path.stat().st_size > 0 for b in listed)


def spoil(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2 :] = b"\xff" * (len(data) - len(data) // 2)
    path.write_bytes(bytes(data))


def test_a_damaged_backup_is_listed_as_such_and_refused_for_restore(
    db_path: Path, clock: FakeClock
) -> None:
    two_days_of_backups(db_path, clock)
    folder = db_path.parent / "backups"
    broken = folder / "shop-daily-2026-03-10.sqlite3"
    spoil(broken)
    (folder / "shop-daily-2026-03-09.sqlite3").write_bytes(b"not a database at all, sorry")
    schema_gone = folder / "shop-daily-2026-03-08.sqlite3"
    data = bytearray((folder / "shop-daily-2026-03-11.sqlite3").read_bytes())
    data[100:4096] = b"\xff" * 3996  # the first page's list of tables, past the header
    schema_gone.write_bytes(bytes(data))
    shop = Shop.open(db_path, clock=clock)
    try:
        listed = {b.path.name: b for b in shop.backups()}
        assert not listed["shop-daily-2026-03-11.sqlite3"].damaged
        unreadable = listed["shop-daily-2026-03-09.sqlite3"]
        assert unreadable.damaged and unreadable.customers is None
        assert listed["shop-daily-2026-03-08.sqlite3"].damaged
        with pytest.raises(DamagedBackup):
            shop.restore(schema_gone)
        with pytest.raises(DamagedBackup) as refused:
            shop.restore(broken)
        assert "shop-daily-2026-03-10.sqlite3" in str(refused.value)
        assert "cannot be restored" in str(refused.value)
        assert "Nothing was changed" in str(refused.value)
        # the shop is still open and whole: a sale goes on
        shop.customers.add(name="Oya Kaya")
    finally:
        shop.close()
    assert names_in(db_path)[-1] == "Oya Kaya"
    assert not list(db_path.parent.glob("*before-restore*"))


def test_restore_keeps_the_current_file_aside_and_the_data_is_the_backups(
    db_path: Path, clock: FakeClock
) -> None:
    two_days_of_backups(db_path, clock)
    clock.advance(hours=2)
    shop = Shop.open(db_path, clock=clock)
    shop.customers.add(name="Written just now")  # still in the -wal while the shop is open
    before = names_in(db_path)
    chosen = db_path.parent / "backups" / "shop-daily-2026-03-10.sqlite3"
    aside = shop.restore(chosen)
    assert aside == db_path.parent / "shop-before-restore-20260311-123000.sqlite3"
    assert names_in(aside) == before, "the file kept aside lost what was written last"
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0
    with Shop.open(db_path, clock=clock) as reopened:
        assert [c.name for c in reopened.customers.all()] == ["Ayşe Yılmaz", "Şükrü Öztürk"]
        assert reopened.customers.search("ayse")[0].total_spent == 12_500
        reopened.customers.add(name="Yeni Müşteri")  # the restored file takes changes
    assert chosen.exists(), "the backup itself stays"


def test_restore_is_refused_while_another_copy_holds_the_shop(
    db_path: Path, clock: FakeClock
) -> None:
    two_days_of_backups(db_path, clock)
    from shopcrm.storage import restore

    with Shop.open(db_path, clock=clock), pytest.raises(DatabaseInUse):
        restore.restore(
            db_path, db_path.parent / "backups" / "shop-daily-2026-03-10.sqlite3", clock()
        )
    assert names_in(db_path)[-1] == "İlker Güneş"


def make_backup(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    path.write_bytes(b"x" * size)
    return path


def test_the_budget_keeps_the_newest_and_the_last_good_one_and_stays_under_it(
    tmp_path: Path,
) -> None:
    database = tmp_path / "shop.sqlite3"
    database.write_bytes(b"d" * 1000)
    folder = tmp_path / "backups"
    folder.mkdir()
    older = [make_backup(folder, f"shop-daily-2026-03-{d:02d}.sqlite3", 900) for d in (1, 2, 3)]
    last_good = make_backup(folder, "shop-daily-2026-03-04.sqlite3", 900)
    failed = make_backup(folder, "shop-daily-2026-03-05.damaged.sqlite3", 900)
    later = [make_backup(folder, f"shop-daily-2026-03-{d:02d}.sqlite3", 900) for d in (6, 7)]
    upgrade = make_backup(folder, "shop-before-v7-20260308-091500.sqlite3", 900)
    newest = make_backup(folder, "shop-daily-2026-03-09.sqlite3", 900)
    other_shop = make_backup(folder, "shop-kadikoy-daily-2026-03-01.sqlite3", 5000)

    deleted = backups.prune(database, budget=5)

    assert newest.exists() and last_good.exists() and failed.exists()
    assert other_shop.exists(), "another shop's backup is none of ours"
    assert set(deleted) == {*older, later[0]}, "the oldest go first, until it fits"
    ours = [p for p in folder.iterdir() if p != other_shop]
    assert sum(p.stat().st_size for p in ours) <= 5 * 1000
    assert later[1].exists() and upgrade.exists()


def test_the_budget_keeps_the_newest_even_when_it_alone_is_over(tmp_path: Path) -> None:
    database = tmp_path / "shop.sqlite3"
    database.write_bytes(b"d" * 100)
    folder = tmp_path / "backups"
    folder.mkdir()
    old = make_backup(folder, "shop-daily-2026-03-01.sqlite3", 500)
    newest = make_backup(folder, "shop-daily-2026-03-02.sqlite3", 500)
    assert backups.prune(database, budget=1) == [old]
    assert newest.exists()


def test_daily_backups_stay_within_three_times_the_database_by_default(
    db_path: Path, clock: FakeClock
) -> None:
    for day in range(8):
        with Shop.open(db_path, clock=clock) as shop:
            for n in range(30):
                shop.customers.add(name=f"Müşteri {day}-{n}", notes="x" * 400)
            shop.store.wait_for_daily_backup()
            assert shop.settings.get().backup_budget == 3
        clock.advance(days=1)
    folder = db_path.parent / "backups"
    total = sum(p.stat().st_size for p in folder.iterdir())
    assert total <= 3 * db_path.stat().st_size
    assert (folder / "shop-daily-2026-03-16.sqlite3").exists()  # the newest
    with Shop.open(db_path, clock=clock) as shop:
        shop.settings.update(backup_budget=10)
        assert shop.settings.get().backup_budget == 10
        with pytest.raises(Exception, match="between 1 and 50"):
            shop.settings.update(backup_budget=0)


def test_a_restore_that_fails_halfway_leaves_the_current_file_in_place(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_days_of_backups(db_path, clock)
    from shopcrm import StorageProblem
    from shopcrm.storage import restore

    def refused(source: object, target: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(restore.os, "replace", refused)
    with pytest.raises(StorageProblem):
        restore.restore(
            db_path, db_path.parent / "backups" / "shop-daily-2026-03-10.sqlite3", clock()
        )
    monkeypatch.undo()
    assert names_in(db_path)[-1] == "İlker Güneş"
    assert not list(db_path.parent.glob("*before-restore*"))
    assert not list(db_path.parent.glob("*.restoring"))
