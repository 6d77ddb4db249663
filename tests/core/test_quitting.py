"""Quitting does not wait for the daily backup or the opening's check: they are stopped, and
an unfinished backup is never left behind to be taken for a good one."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from shopcrm import Shop
from shopcrm.storage import backups, integrity
from tests.core.conftest import FakeClock


def a_shop_from_yesterday(path: Path, clock: FakeClock) -> None:
    with Shop.open(path, clock=clock) as shop:
        for n in range(30):
            shop.customers.add(name=f"Müşteri {n}")
    clock.advance(days=1)


def hold_the_backup(monkeypatch: pytest.MonkeyPatch, hold: float = 5) -> threading.Event:
    """The daily copy waits after its first step until it is told to stop (or ``hold`` s)."""
    reached = threading.Event()
    real = backups._stopper

    def slow(stop: threading.Event) -> Callable[[int, int, int], None]:
        check = real(stop)

        def progress(status: int, remaining: int, total: int) -> None:
            reached.set()
            stop.wait(hold)
            check(status, remaining, total)

        return progress

    monkeypatch.setattr(backups, "_stopper", slow)
    return reached


def test_an_unfinished_backup_is_stopped_and_deleted(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_shop_from_yesterday(db_path, clock)
    reached = hold_the_backup(monkeypatch)
    shop = Shop.open(db_path, clock=clock)
    daily = shop.store.daily_backup
    assert daily is not None
    assert reached.wait(5)

    shop.close(hurry=True)

    assert daily.done() and daily.stopped and daily.error is None
    assert list((db_path.parent / "backups").iterdir()) == []
    assert shop.backup_problem() is None  # stopped is not failed: nothing to tell

    monkeypatch.undo()
    with Shop.open(db_path, clock=clock) as again:  # the next opening takes it again
        again.store.wait_for_daily_backup()
    taken = db_path.parent / "backups" / "shop-daily-2026-03-10.sqlite3"
    assert backups.is_healthy(taken)


def test_a_finished_backup_is_kept_when_quitting(db_path: Path, clock: FakeClock) -> None:
    a_shop_from_yesterday(db_path, clock)
    shop = Shop.open(db_path, clock=clock)
    shop.store.wait_for_daily_backup()
    shop.close(hurry=True)
    assert backups.is_healthy(db_path.parent / "backups" / "shop-daily-2026-03-10.sqlite3")


def test_closing_without_hurry_still_waits_for_the_backup(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_shop_from_yesterday(db_path, clock)
    reached = hold_the_backup(monkeypatch, hold=0.5)
    shop = Shop.open(db_path, clock=clock)
    assert reached.wait(5)
    shop.close()  # the held step lets go after its half second: the copy completes
    assert backups.is_healthy(db_path.parent / "backups" / "shop-daily-2026-03-10.sqlite3")


def test_a_stopped_check_starts_no_backup_and_writes_nothing(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_shop_from_yesterday(db_path, clock)
    reached, let_go = threading.Event(), threading.Event()
    real = integrity.quick_check

    def slow(conn: sqlite3.Connection) -> bool:
        reached.set()
        let_go.wait(5)
        return real(conn)

    monkeypatch.setattr(integrity, "quick_check", slow)
    shop = Shop.open(db_path, clock=clock, check_in_background=True)
    assert reached.wait(5)
    check = shop.store._check
    assert check is not None
    stopping = threading.Thread(target=lambda: shop.close(hurry=True))
    stopping.start()
    while not check._stop.is_set():
        pass
    let_go.set()
    stopping.join(5)

    assert not stopping.is_alive()
    assert shop.store.daily_backup is None
    assert not (db_path.parent / "backups").exists() or not list(
        (db_path.parent / "backups").glob("*daily*")
    )
