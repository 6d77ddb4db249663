"""What a file is, before ShopCRM opens it: its own database, a file to refuse, or nothing yet.

ShopCRM marks its files with ``PRAGMA application_id`` ("SCRM"). A file is read without being
changed, and refused when it is empty (0 bytes), not SQLite, or the database of another program
(another mark, or tables and no mark). A SQLite file without a single table may become a shop,
and so may a missing file. Databases of earlier versions carry no mark: they are known by their
schema version (``PRAGMA user_version``) and ShopCRM's own tables, and are marked once opened.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from shopcrm.common.errors import NotAShopDatabase, ShopError
from shopcrm.common.i18n import _
from shopcrm.storage import backups, connections, failures, migrations

APPLICATION_ID = int.from_bytes(b"SCRM", "big")
"""ShopCRM's mark in every database it makes (``PRAGMA application_id``)."""
SHOP_TABLES = frozenset({"settings", "customers", "purchases"})
"""Tables every ShopCRM database has had since its first version."""
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class ShopFile:
    """A database that may be opened as a shop."""

    marked: bool
    """Whether it carries ShopCRM's mark (an earlier version's database does not, yet)."""
    version: int
    """Its schema version: 0 for a SQLite file without tables, which becomes a new shop."""
    wal: bool
    """Whether it is already in WAL mode (a restored backup is not)."""


def inspect(path: Path) -> ShopFile | None:
    """What the file ``path`` is; None when there is none. Raise ``NotAShopDatabase`` for a file
    that is not a shop's, and a ``ShopError`` for one made by a newer ShopCRM. Nothing is written,
    and nothing is made beside the file (except SQLite's -shm for a file with a -wal)."""
    with failures.reported(path):
        try:
            with path.open("rb") as f:
                header = f.read(100)
        except FileNotFoundError:
            return None
        if not header:
            raise _refused_empty(path)
        if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
            raise _refused_not_sqlite(path)
        mark = int.from_bytes(header[68:72], "big", signed=True)
        version = int.from_bytes(header[60:64], "big", signed=True)
        wal = header[18] == 2 and header[19] == 2
        if mark == APPLICATION_ID:
            found = ShopFile(marked=True, version=version, wal=wal)
        elif mark != 0:
            raise _refused_foreign(path)
        else:
            found = _look_inside(path, wal)
    if found.version > migrations.LATEST:
        raise made_by_newer()
    return found


def _look_inside(path: Path, wal: bool) -> ShopFile:
    """Read the mark, the version and the tables of a file whose header has no mark (the mark
    may be waiting in its -wal)."""
    has_wal = Path(f"{path}-wal").exists()
    conn = connections.read_only(path, immutable=not has_wal)
    try:
        mark = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    finally:
        conn.close()
    if mark == APPLICATION_ID:
        return ShopFile(marked=True, version=version, wal=wal)
    if mark == 0 and not tables and version == 0:
        return ShopFile(marked=False, version=0, wal=wal)
    if mark == 0 and version >= 1 and tables >= SHOP_TABLES:
        return ShopFile(marked=False, version=version, wal=wal)
    raise _refused_foreign(path)


def mark(conn: sqlite3.Connection) -> None:
    """Mark the database on ``conn`` as ShopCRM's (inside the caller's transaction)."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def made_by_newer() -> ShopError:
    """The refusal of a database whose schema is newer than this ShopCRM knows."""
    return ShopError(_("This database was made by a newer ShopCRM. Please update the program."))


def _refused_empty(path: Path) -> NotAShopDatabase:
    backup = backups.newest_good_backup(path)
    if backup is not None:
        return NotAShopDatabase(
            _(
                "The file {path} is empty (0 bytes), so it is not a ShopCRM database. It was "
                "left unchanged. If it was your shop's database, its newest good backup is "
                "{backup}: open that copy with --db, or copy it in place of the empty file."
            ).format(path=path, backup=backup)
        )
    return NotAShopDatabase(
        _(
            "The file {path} is empty (0 bytes), so it is not a ShopCRM database. It was left "
            "unchanged. Open your shop's database with --db, or delete the empty file to start "
            "a new shop in its place."
        ).format(path=path)
    )


def _refused_not_sqlite(path: Path) -> NotAShopDatabase:
    backup = backups.newest_good_backup(path)
    if backup is not None:
        return NotAShopDatabase(
            _(
                "The file {path} is not a SQLite database, so it is not a ShopCRM database. It "
                "was left unchanged. If it was your shop's database, its newest good backup is "
                "{backup}: open that copy with --db, or copy it in place of this file."
            ).format(path=path, backup=backup)
        )
    return NotAShopDatabase(
        _(
            "The file {path} is not a SQLite database, so it is not a ShopCRM database. It was "
            "left unchanged. Open your shop's database with --db."
        ).format(path=path)
    )


def _refused_foreign(path: Path) -> NotAShopDatabase:
    return NotAShopDatabase(
        _(
            "The file {path} is the database of another program, not of ShopCRM. It was left "
            "unchanged. Open your shop's database with --db, or give a new file name to start "
            "a new shop."
        ).format(path=path)
    )
