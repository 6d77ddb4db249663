"""Only ShopCRM's own files are opened as a shop; anything else is refused and left as it was.

ShopCRM marks its files (``PRAGMA application_id``). A missing file, or a SQLite file without a
single table, becomes a new shop; an empty (0-byte) file, a file that is not SQLite and the
database of another program are refused, byte for byte unchanged, with nothing made beside them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from shopcrm import NotAShopDatabase, Shop, ShopError
from shopcrm.storage import migrations
from shopcrm.storage.identity import APPLICATION_ID
from shopcrm.storage.migrations import LATEST
from tests.core.conftest import FakeClock


def application_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()


def assert_refused_untouched(path: Path, clock: FakeClock, *words: str) -> str:
    """Open ``path``: refused as not a shop's database, with nothing changed or made beside it."""
    folder = path.parent
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(NotAShopDatabase) as error:
        Shop.open(path, clock=clock)
    message = str(error.value)
    assert str(path) in message and "left unchanged" in message and "--db" in message
    for word in words:
        assert word in message
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    return message


def test_the_mark_is_ascii_scrm() -> None:
    assert APPLICATION_ID.to_bytes(4, "big") == b"SCRM"


def test_a_missing_file_becomes_a_new_marked_shop(db_path: Path, clock: FakeClock) -> None:
    with Shop.open(db_path, clock=clock) as shop:
        assert shop.store.schema_version() == LATEST
    assert application_id(db_path) == APPLICATION_ID


def test_an_empty_file_is_refused_untouched(db_path: Path, clock: FakeClock) -> None:
    db_path.write_bytes(b"")
    assert_refused_untouched(db_path, clock, "empty")


def test_an_empty_file_beside_backups_names_the_newest_good_backup(
    db_path: Path, clock: FakeClock
) -> None:
    Shop.open(db_path, clock=clock).close()
    clock.advance(days=1)
    Shop.open(db_path, clock=clock).close()
    db_path.write_bytes(b"")
    with pytest.raises(NotAShopDatabase) as error:
        Shop.open(db_path, clock=clock)
    assert "shop-daily-2026-03-10.sqlite3" in str(error.value)
    assert db_path.read_bytes() == b""


def test_a_file_that_is_not_sqlite_is_refused_untouched(db_path: Path, clock: FakeClock) -> None:
    db_path.write_text("Bu bir veritabanı değil, bir alışveriş listesi.\n" * 100)
    assert_refused_untouched(db_path, clock, "not a SQLite database")


@pytest.mark.parametrize("journal", ["DELETE", "WAL"])
def test_another_programs_database_is_refused_untouched(
    db_path: Path, clock: FakeClock, journal: str
) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.com')")
    conn.commit()
    conn.close()
    assert_refused_untouched(db_path, clock, "another program")


def test_a_database_marked_by_another_program_is_refused_untouched(
    db_path: Path, clock: FakeClock
) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA application_id = 252006673")  # Fossil's
    conn.execute("PRAGMA user_version = 2")
    conn.execute("CREATE TABLE settings (key, value)")
    conn.commit()
    conn.close()
    assert_refused_untouched(db_path, clock, "another program")


def test_a_sqlite_file_without_tables_becomes_a_shop(db_path: Path, clock: FakeClock) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE scratch (x)")
    conn.execute("DROP TABLE scratch")
    conn.commit()
    conn.close()
    with Shop.open(db_path, clock=clock) as shop:
        shop.customers.add(name="İlker Çelik")
    assert application_id(db_path) == APPLICATION_ID


def unmarked_shop(path: Path, version: int) -> None:
    """A database as an earlier ShopCRM left it: schema ``version``, no mark, one customer."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    for number in range(version):
        migrations.MIGRATIONS[number](conn)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(
        "INSERT INTO customers (name, name_folded, created_at, updated_at) "
        "VALUES ('Oya Er', 'oya er', '2026-01-05T10:00:00', '2026-01-05T10:00:00')"
    )
    conn.close()


def test_an_unmarked_shop_of_an_earlier_version_is_marked_after_its_backup(
    db_path: Path, clock: FakeClock
) -> None:
    unmarked_shop(db_path, LATEST)
    with Shop.open(db_path, clock=clock) as shop:
        assert [c.name for c in shop.customers.search("oya")] == ["Oya Er"]
    assert application_id(db_path) == APPLICATION_ID
    backup = db_path.parent / "backups" / "shop-daily-2026-03-09.sqlite3"
    assert application_id(backup) == 0  # the copy shows the file as it was found


def test_an_unmarked_shop_of_version_one_is_backed_up_migrated_and_marked(
    db_path: Path, clock: FakeClock
) -> None:
    unmarked_shop(db_path, 1)
    with Shop.open(db_path, clock=clock) as shop:
        assert shop.store.schema_version() == LATEST
    assert application_id(db_path) == APPLICATION_ID
    (backup,) = (db_path.parent / "backups").glob("shop-before-v2-*.sqlite3")
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT name FROM customers").fetchall() == [("Oya Er",)]
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    copy.close()


@pytest.mark.parametrize("marked", [True, False])
def test_a_shop_made_by_a_newer_shopcrm_is_refused_untouched(
    db_path: Path, clock: FakeClock, marked: bool
) -> None:
    unmarked_shop(db_path, LATEST)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    if marked:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()
    before = {p.name: p.read_bytes() for p in db_path.parent.iterdir()}
    with pytest.raises(ShopError, match="newer ShopCRM"):
        Shop.open(db_path, clock=clock)
    assert {p.name: p.read_bytes() for p in db_path.parent.iterdir()} == before


def test_an_unfinished_new_shop_never_leaves_an_empty_file(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "MIGRATIONS", [broken, *migrations.MIGRATIONS[1:]])
    with pytest.raises(ShopError):
        Shop.open(db_path, clock=clock)
    assert not db_path.exists()
    monkeypatch.undo()
    with Shop.open(db_path, clock=clock) as shop:
        assert shop.store.schema_version() == LATEST


def test_a_new_shop_beside_a_stray_wal_is_not_mixed_with_it(
    db_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    old = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE moz_places (url TEXT)")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("INSERT INTO moz_places VALUES ('https://example.com')")
    stray = Path(f"{old}-wal").read_bytes()
    conn.close()
    Path(f"{db_path}-wal").write_bytes(stray)  # left beside a database that is gone
    with Shop.open(db_path, clock=clock) as shop:
        tables = {r["name"] for r in shop.store.query("SELECT name FROM sqlite_master")}
        assert "moz_places" not in tables and "customers" in tables
        shop.customers.add(name="Temiz Başlangıç")
    assert application_id(db_path) == APPLICATION_ID
    assert Path(f"{db_path}-wal.orphaned").read_bytes() == stray
