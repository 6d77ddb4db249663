"""The one open database handle: opening, checking, migrating, backing up and transactions.

``Store.open`` is the only way a database file is opened. It refuses a second copy of the app,
refuses a damaged file without touching it, backs the file up before a migration and once a day,
and turns on WAL with full sync so that every committed change survives a power cut.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from shopcrm import backups, migrations
from shopcrm.clock import Clock
from shopcrm.errors import DatabaseDamaged, DatabaseInUse, ShopError
from shopcrm.i18n import _
from shopcrm.lock import DatabaseLock

Row = dict[str, Any]


class Store:
    """An open database: run queries, and group changes into one transaction each."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: DatabaseLock | None) -> None:
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self._lock = lock

    @classmethod
    def open(cls, path: Path, clock: Clock, exclusive: bool = True) -> Store:
        """Open (or create) the database at ``path``, ready to use at the latest schema."""
        path = Path(path).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = DatabaseLock(path) if exclusive else None
        if lock:
            lock.acquire()
        try:
            existed = path.exists() and path.stat().st_size > 0
            conn = _connect(path)
            try:
                if existed:
                    _check(conn, path)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.execute("PRAGMA foreign_keys=ON")
                store = cls(path, conn, lock)
                store._migrate(clock(), backup_first=existed)
                backups.daily(conn, path, clock())
            except BaseException:
                conn.close()
                raise
        except BaseException:
            if lock:
                lock.release()
            raise
        return store

    def close(self) -> None:
        """Close the database and let another copy of the app open it."""
        self.conn.close()
        if self._lock:
            self._lock.release()
            self._lock = None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All changes inside happen together or not at all; nested blocks join the outer one."""
        if self.conn.in_transaction:
            yield
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise _busy_error() from error
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.execute("COMMIT")

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Row]:
        """Rows of a query as dictionaries."""
        return list(self.db.query(sql, params))

    def one(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Row | None:
        """The first row of a query, or None."""
        return next(iter(self.db.query(sql, params)), None)

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one statement (inside a ``transaction`` when it changes data)."""
        return self.conn.execute(sql, params)

    def schema_version(self) -> int:
        """The number of migrations applied to this database."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, now: datetime, backup_first: bool) -> None:
        version = self.schema_version()
        if version > migrations.LATEST:
            raise ShopError(
                _("This database was made by a newer ShopCRM. Please update the program.")
            )
        if version < migrations.LATEST and backup_first:
            backups.before_migration(self.conn, self.path, version, now)
        for number in range(version, migrations.LATEST):
            with self.transaction():
                migrations.MIGRATIONS[number](self.conn)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=5.0, check_same_thread=False)
    return conn


def _check(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged file, naming the newest backup that is good."""
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError:
        result = "unreadable"
    if result == "ok":
        return
    backup = backups.newest_good_backup(path)
    if backup is None:
        message = _(
            "The database file {path} is damaged and was not changed. No good backup was found "
            "in the backups folder beside it."
        ).format(path=path)
    else:
        message = _(
            "The database file {path} is damaged and was not changed. The newest good backup "
            "is {backup}: close ShopCRM and open that copy with --db, or copy it in place of "
            "the damaged file."
        ).format(path=path, backup=backup)
    raise DatabaseDamaged(message, backup)


def _busy_error() -> ShopError:
    return DatabaseInUse(
        _("The database is busy with another change. Please try again in a moment.")
    )
