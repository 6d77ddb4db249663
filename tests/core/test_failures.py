"""What the operating system and SQLite say becomes the core's own error, told as what it is."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from shopcrm import (
    DatabaseDamaged,
    DatabaseInUse,
    DiskFull,
    InvalidInput,
    NoPermission,
    NotFound,
    Shop,
    ShopError,
    StorageProblem,
)
from shopcrm.common.i18n import set_language
from shopcrm.storage import failures


def os_error(code: int, filename: Path) -> OSError:
    return OSError(code, os.strerror(code), str(filename))


def sqlite_error(sql: str, conn: sqlite3.Connection) -> sqlite3.Error:
    try:
        conn.execute(sql)
    except sqlite3.Error as error:
        return error
    raise AssertionError(f"{sql} did not fail")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_no_space_is_a_full_disk(tmp_path: Path, code: int) -> None:
    target = tmp_path / "backups" / "shop-daily-2026-03-09.sqlite3"
    error = failures.storage_error(os_error(code, target), tmp_path / "shop.sqlite3")
    assert type(error) is DiskFull
    assert str(target) in str(error) and "free some space" in str(error).lower()


@pytest.mark.parametrize("code", [errno.EACCES, errno.EPERM])
def test_a_refused_file_is_a_missing_permission(tmp_path: Path, code: int) -> None:
    target = tmp_path / "shop.sqlite3"
    target.write_bytes(b"")
    error = failures.storage_error(os_error(code, target), target)
    assert type(error) is NoPermission
    assert f"file {target}" in str(error) and "permissions" in str(error)


def test_a_file_that_cannot_be_made_in_a_folder_names_the_folder(tmp_path: Path) -> None:
    error = failures.storage_error(os_error(errno.EACCES, tmp_path / "new.lock"), tmp_path)
    assert type(error) is NoPermission
    assert f"folder {tmp_path}" in str(error)


def test_a_read_only_disk_is_told_as_such(tmp_path: Path) -> None:
    error = failures.storage_error(os_error(errno.EROFS, tmp_path / "x"), tmp_path / "x")
    assert type(error) is NoPermission
    assert "read-only" in str(error) and "--db" in str(error)


def test_any_other_system_error_says_what_the_system_said(tmp_path: Path) -> None:
    error = failures.storage_error(os_error(errno.EIO, tmp_path / "x"), tmp_path / "x")
    assert type(error) is StorageProblem
    assert os.strerror(errno.EIO) in str(error) and str(tmp_path / "x") in str(error)


def test_a_real_sqlite_full_is_a_full_disk(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.sqlite3")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    error = sqlite_error("INSERT INTO t VALUES (zeroblob(100000))", conn)
    conn.close()
    mapped = failures.storage_error(error, tmp_path / "a.sqlite3")
    assert type(mapped) is DiskFull and str(tmp_path / "a.sqlite3") in str(mapped)


def test_a_real_sqlite_read_only_is_a_missing_permission(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    error = sqlite_error("INSERT INTO t VALUES (1)", conn)
    conn.close()
    assert error.sqlite_errorname == "SQLITE_READONLY"
    mapped = failures.storage_error(error, path)
    assert type(mapped) is NoPermission and f"file {path}" in str(mapped)


def test_a_real_cannot_open_in_a_missing_folder_is_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "a.sqlite3"
    try:
        sqlite3.connect(path)
    except sqlite3.Error as error:
        mapped = failures.storage_error(error, path)
    else:
        raise AssertionError("SQLite opened a file in a missing folder")
    assert type(mapped) is StorageProblem
    assert str(tmp_path / "gone") in str(mapped) and "damaged" not in str(mapped)


def test_a_real_busy_database_is_in_use(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    first = sqlite3.connect(path, isolation_level=None)
    first.execute("BEGIN IMMEDIATE")
    second = sqlite3.connect(path, isolation_level=None, timeout=0)
    error = sqlite_error("BEGIN IMMEDIATE", second)
    first.close()
    second.close()
    assert isinstance(failures.storage_error(error, path), DatabaseInUse)


def test_only_real_corruption_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    conn = sqlite3.connect(path)
    error = sqlite_error("SELECT * FROM sqlite_master", conn)
    conn.close()
    assert error.sqlite_errorname in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
    assert isinstance(failures.storage_error(error, path), DatabaseDamaged)


def test_any_other_sqlite_error_says_what_sqlite_said(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.sqlite3")
    error = sqlite_error("SELECT * FROM nowhere", conn)
    conn.close()
    mapped = failures.storage_error(error, tmp_path / "a.sqlite3")
    assert type(mapped) is StorageProblem and "no such table: nowhere" in str(mapped)


def test_a_long_system_message_is_shortened(tmp_path: Path) -> None:
    error = sqlite3.OperationalError("near " + "x" * 5000 + ": syntax error")
    mapped = failures.storage_error(error, tmp_path / "a.sqlite3")
    assert len(str(mapped)) < 600


def test_the_schemas_own_guards_pass_through_untouched(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.sqlite3")
    conn.execute("CREATE TABLE t (x UNIQUE)")
    conn.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError), failures.reported(tmp_path / "a.sqlite3"):
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()


def test_reported_turns_raw_errors_into_the_cores_own(tmp_path: Path) -> None:
    with pytest.raises(DiskFull) as error, failures.reported(tmp_path / "a.sqlite3"):
        raise os_error(errno.ENOSPC, tmp_path / "a.sqlite3")
    assert isinstance(error.value.__cause__, OSError)
    with pytest.raises(ShopError), failures.reported(tmp_path / "a.sqlite3"):
        raise os_error(errno.EIO, tmp_path / "a.sqlite3")


def test_the_messages_are_translated(tmp_path: Path) -> None:
    set_language("tr")
    full = failures.storage_error(os_error(errno.ENOSPC, tmp_path / "x"), tmp_path / "x")
    refused = failures.storage_error(os_error(errno.EACCES, tmp_path / "x"), tmp_path / "x")
    assert "dolu" in str(full)
    assert "izin" in str(refused)


def test_a_number_too_large_for_sqlite_is_refused_as_input(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.sqlite3")
    with pytest.raises(InvalidInput, match="too large"), failures.reported(tmp_path / "a.sqlite3"):
        conn.execute("SELECT ?", (2**70,))
    conn.close()


def test_a_number_too_large_never_reaches_a_caller_raw(shop: Shop) -> None:
    with pytest.raises(NotFound):  # no customer can have that number
        shop.customers.get(2**70)


def test_inside_a_transaction_the_schemas_guards_still_reach_the_services(shop: Shop) -> None:
    customer = shop.customers.add(name="Silinmez Müşteri")
    guard = "archived, never deleted"
    with pytest.raises(sqlite3.IntegrityError, match=guard), shop.store.transaction():
        shop.store.execute("DELETE FROM customers WHERE id = ?", (customer.id,))
    assert shop.customers.get(customer.id).name == "Silinmez Müşteri"


def test_inside_a_transaction_raw_errors_on_the_connection_are_told_too(shop: Shop) -> None:
    with pytest.raises(InvalidInput, match="too large"), shop.store.transaction():
        shop.store.conn.execute("SELECT ?", (2**70,))
    with pytest.raises(StorageProblem, match="no such table"), shop.store.transaction():
        shop.store.conn.execute("INSERT INTO nowhere VALUES (1)")
    assert not shop.store.conn.in_transaction


def test_a_mistake_in_the_programs_own_values_is_not_told_as_a_disk_problem(shop: Shop) -> None:
    # a bug must show itself as one: "check the disk" would send the shopkeeper the wrong way
    with pytest.raises(sqlite3.ProgrammingError), shop.store.transaction():
        shop.store.execute("SELECT ?", ((1, 2),))
    assert not shop.store.conn.in_transaction
