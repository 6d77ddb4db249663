"""Bad days for the disk, the file and the folder: each is told as what it is, and changes nothing.

A full disk, a read-only file or folder, a file the user may not read: never "damaged", because
restoring a backup would lose the day's purchases. A damaged file is refused without changing a
byte of it or of its -wal, whether the check runs before the opening or beside it.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from shopcrm import (
    DatabaseDamaged,
    DiskFull,
    Shop,
    StorageProblem,
)
from shopcrm.common.i18n import set_language
from shopcrm.storage import connections
from tests.core.conftest import FakeClock
from tests.core.stranger import file_state, open_as_stranger, shared_folder


def fill_until_full(shop: Shop) -> int:
    """Let the database grow no more (a real SQLITE_FULL), then add customers until one is
    refused; return how many were added."""
    pages = shop.store.conn.execute("PRAGMA page_count").fetchone()[0]
    shop.store.conn.execute(f"PRAGMA max_page_count = {pages}")
    added = 0
    with pytest.raises(DiskFull) as error:
        for n in range(10_000):
            shop.customers.add(name=f"Müşteri {n}", notes="x" * 400)
            added += 1
    assert str(shop.path) in str(error.value)
    assert "full" in str(error.value) and "free some space" in str(error.value).lower()
    assert "damaged" not in str(error.value)
    return added


def test_a_full_disk_during_a_sale_is_told_as_a_full_disk_and_nothing_half_done(
    shop: Shop,
) -> None:
    added = fill_until_full(shop)
    count = shop.store.one("SELECT count(*) AS n FROM customers")
    assert count == {"n": added}
    shop.store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    shop.customers.add(name="Yer Açıldı")
    assert shop.store.one("SELECT count(*) AS n FROM customers") == {"n": added + 1}


def test_a_full_disk_is_told_in_turkish(shop: Shop) -> None:
    set_language("tr")
    pages = shop.store.conn.execute("PRAGMA page_count").fetchone()[0]
    shop.store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull, match="dolu"):
        for n in range(10_000):
            shop.customers.add(name=f"Müşteri {n}", notes="x" * 400)


class FailingCommit:
    """The store's connection, except that COMMIT fails as on a full disk (with the real
    SQLITE_FULL error SQLite gave a moment before)."""

    def __init__(self, conn: sqlite3.Connection, error: sqlite3.Error) -> None:
        self._conn = conn
        self._error = error

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.strip().upper() == "COMMIT":
            raise self._error
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def real_full_disk_error(folder: Path) -> sqlite3.Error:
    conn = sqlite3.connect(folder / "full.sqlite3")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    try:
        conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    except sqlite3.OperationalError as error:
        assert error.sqlite_errorname == "SQLITE_FULL"
        return error
    finally:
        conn.close()
    raise AssertionError("SQLite did not refuse the page")


def test_a_commit_that_fails_on_a_full_disk_rolls_back_and_says_so(
    shop: Shop, tmp_path: Path
) -> None:
    real = shop.store.conn
    shop.store.conn = FailingCommit(real, real_full_disk_error(tmp_path))  # type: ignore[assignment]
    with pytest.raises(DiskFull), shop.store.transaction():
        shop.store.execute(
            "INSERT INTO settings (key, value) VALUES ('test', 'lost with the commit')"
        )
    assert not real.in_transaction
    shop.store.conn = real
    assert shop.store.one("SELECT value FROM settings WHERE key = 'test'") is None


def test_a_file_damaged_while_open_is_told_as_damage_not_a_raw_sqlite_error(
    db_path: Path, clock: FakeClock
) -> None:
    with Shop.open(db_path, clock=clock) as shop:
        for n in range(300):
            shop.customers.add(name=f"Müşteri {n}", notes="x" * 200)
    conn = sqlite3.connect(db_path)
    leaves = [
        n
        for (n,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf' "
            "ORDER BY pageno"
        )
    ]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with Shop.open(db_path, clock=clock) as shop:
        with db_path.open("r+b") as f:  # the last customers' pages go bad under the open shop
            for page in leaves[len(leaves) // 2 :]:
                f.seek((page - 1) * page_size)
                f.write(b"\xff" * page_size)
        shop.store.conn.execute("PRAGMA shrink_memory")  # forget the pages read so far
        with pytest.raises(DatabaseDamaged, match="damaged"):
            shop.store.query("SELECT * FROM customers WHERE notes LIKE '%y%'")
        with pytest.raises(DatabaseDamaged, match="damaged"):
            shop.store.one("SELECT * FROM customers WHERE notes LIKE '%z%'")
        rows = shop.store.execute("SELECT id FROM customers WHERE notes NOT LIKE '%w%'")
        with pytest.raises(DatabaseDamaged, match="damaged"):
            for _row in rows:  # read as the search reads, row by row
                pass
        with pytest.raises(DatabaseDamaged, match="damaged"):
            shop.store.execute("SELECT id, notes FROM customers ORDER BY notes").fetchall()


def test_a_folder_that_cannot_be_made_is_a_storage_problem(
    tmp_path: Path, clock: FakeClock
) -> None:
    (tmp_path / "shop").write_text("a file where the folder should be")
    with pytest.raises(StorageProblem) as error:
        Shop.open(tmp_path / "shop" / "shop.sqlite3", clock=clock)
    assert str(tmp_path / "shop") in str(error.value)


def test_a_lock_file_that_cannot_be_opened_is_a_storage_problem(
    db_path: Path, clock: FakeClock
) -> None:
    Shop.open(db_path, clock=clock).close()
    lock = db_path.with_name(db_path.name + ".lock")
    lock.unlink()
    lock.mkdir()
    with pytest.raises(StorageProblem) as error:
        Shop.open(db_path, clock=clock)
    assert str(lock) in str(error.value)


# --- read-only and unreadable, as a user without the owner's rights ------------------------


@pytest.fixture
def shared() -> Iterator[Path]:
    with shared_folder() as folder:
        yield folder


def make_shop(folder: Path) -> Path:
    path = folder / "shop.sqlite3"
    with Shop.open(path) as shop:
        shop.customers.add(name="Gül Aydın")
    shutil.rmtree(folder / "backups", ignore_errors=True)
    path.with_name(path.name + ".lock").unlink()
    return path


def test_a_read_only_database_file_is_told_as_such_not_as_damage(shared: Path) -> None:
    path = make_shop(shared)
    shared.chmod(0o777)
    path.chmod(0o444)
    before = path.read_bytes()
    kind, message = open_as_stranger(path)
    assert kind == "NoPermission", message
    assert str(path) in message and "permissions" in message and "damaged" not in message
    assert path.read_bytes() == before


def test_an_unreadable_database_file_is_told_as_such_not_as_damage(shared: Path) -> None:
    path = make_shop(shared)
    shared.chmod(0o777)
    path.chmod(0o000)
    kind, message = open_as_stranger(path)
    assert kind == "NoPermission", message
    assert str(path) in message and "read" in message and "damaged" not in message


def test_a_read_only_folder_is_told_as_such(shared: Path) -> None:
    path = make_shop(shared)
    path.chmod(0o666)
    shared.chmod(0o555)
    before = file_state(shared)
    kind, message = open_as_stranger(path)
    assert kind == "NoPermission", message
    assert f"folder {shared}" in message and "damaged" not in message
    assert file_state(shared) == before


def test_a_read_only_folder_with_a_lock_file_is_told_as_such(shared: Path) -> None:
    path = make_shop(shared)
    path.chmod(0o666)
    lock = path.with_name(path.name + ".lock")
    lock.touch()
    lock.chmod(0o666)
    shared.chmod(0o555)
    kind, message = open_as_stranger(path)
    assert kind == "NoPermission", message
    assert f"folder {shared}" in message and "damaged" not in message


# --- checking a damaged file never changes it ------------------------------------------------


def damaged_with_wal(source: Path, clock: FakeClock, target: Path) -> Path:
    """A shop at ``target`` whose -wal holds committed changes and whose file is damaged (as a
    computer that lost power, then a failing disk, would leave it)."""
    with Shop.open(source, clock=clock) as shop:
        for n in range(300):
            shop.customers.add(name=f"Müşteri {n}", notes="x" * 200)
        shop.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shop.customers.add(name="Son Müşteri", notes="only in the -wal")
        target.mkdir()
        shutil.copy(source, target / source.name)
        shutil.copy(f"{source}-wal", target / f"{source.name}-wal")
    path = target / source.name
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16384] = b"\xff" * 16384
    path.write_bytes(bytes(data))
    assert Path(f"{path}-wal").stat().st_size > 0
    return path


@pytest.mark.parametrize("in_background", [False, True])
def test_checking_a_damaged_file_changes_neither_it_nor_its_wal(
    tmp_path: Path, clock: FakeClock, in_background: bool
) -> None:
    path = damaged_with_wal(tmp_path / "shop.sqlite3", clock, tmp_path / "copy")
    wal = Path(f"{path}-wal")
    before, wal_before = path.read_bytes(), wal.read_bytes()
    with pytest.raises(DatabaseDamaged, match="damaged"):
        shop = Shop.open(path, clock=clock, check_in_background=in_background)
        try:
            shop.verify()
        finally:
            shop.close()
    assert path.read_bytes() == before
    assert wal.exists() and wal.read_bytes() == wal_before
    assert not (path.parent / "backups").exists()


def test_a_schema_too_damaged_to_read_is_not_changed_by_a_background_opening(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = damaged_with_wal(tmp_path / "shop.sqlite3", clock, tmp_path / "copy")
    source = tmp_path / "shop.sqlite3"  # undamaged, with the same list of tables
    with closing(connections.read_only(source)) as conn:  # the list of tables: page 1 and more
        pages = [
            p for (p,) in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")
        ]
    data = bytearray(path.read_bytes())
    for page in pages:  # all of them: the -wal may hold a newer page 1 (the file grew)
        data[(page - 1) * 4096 + (100 if page == 1 else 0) : page * 4096] = b"\xff" * (
            4096 - (100 if page == 1 else 0)
        )
    path.write_bytes(bytes(data))
    wal = Path(f"{path}-wal")
    before, wal_before = path.read_bytes(), wal.read_bytes()
    # Whether the -wal holds a newer copy of the first page (then the schema still reads and
    # the background check finds the damage) depends on where the last change fell: either way
    # the damage is told and nothing is changed.
    with pytest.raises(DatabaseDamaged, match="damaged"):
        shop = Shop.open(path, clock=clock, check_in_background=True)
        try:
            shop.verify()
        finally:
            shop.close()
    assert path.read_bytes() == before
    assert wal.read_bytes() == wal_before
