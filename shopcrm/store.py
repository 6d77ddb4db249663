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

from shopcrm import backups, integrity, migrations
from shopcrm.clock import Clock
from shopcrm.errors import DatabaseInUse, ShopError
from shopcrm.i18n import _
from shopcrm.lock import DatabaseLock

Row = dict[str, Any]
CACHE_KIB = 64 * 1024
"""Page cache of one open database: enough to keep the customers and search indexes of a
100,000-customer shop in memory, so searching while typing never waits for the disk."""


class Store:
    """An open database: run queries, and group changes into one transaction each."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: DatabaseLock | None) -> None:
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self._lock = lock
        self.daily_backup: backups.DailyBackup | None = None
        self._clock: Clock | None = None
        self._check: integrity.BackgroundCheck | None = None

    @classmethod
    def open(
        cls, path: Path, clock: Clock, exclusive: bool = True, check_in_background: bool = False
    ) -> Store:
        """Open (or create) the database at ``path``, ready to use at the latest schema.

        The integrity check runs first, or, with ``check_in_background``, beside the caller's
        own start-up; then every change waits for it (see ``verified``).
        """
        path = Path(path).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = DatabaseLock(path) if exclusive else None
        if lock:
            lock.acquire()
        try:
            existed = path.exists() and path.stat().st_size > 0
            conn = _connect(path)
            try:
                background = existed and check_in_background and _current(conn)
                if existed and not background and not integrity.quick_check(conn):
                    raise integrity.damaged(path)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
                store = cls(path, conn, lock)
                store._clock = clock
                store._migrate(clock(), backup_first=existed)
                if background:
                    store._check = integrity.BackgroundCheck(path, store._start_daily_backup)
                elif existed:  # a brand-new file has nothing to back up yet
                    store._start_daily_backup()
            except BaseException:
                conn.close()
                raise
        except BaseException:
            if lock:
                lock.release()
            raise
        return store

    def close(self) -> None:
        """Close the database (after today's backup is complete); free it for another copy."""
        if self._check is not None:
            self._check.verdict()
        if self.daily_backup is not None:
            self.daily_backup.wait()
        self.conn.close()
        if self._lock:
            self._lock.release()
            self._lock = None

    def checked(self) -> bool:
        """Whether the integrity check has finished (never blocks; True when it ran at open)."""
        return self._check is None or self._check.done()

    def verified(self) -> None:
        """Wait for the integrity check; raise ``DatabaseDamaged`` if the file is damaged."""
        if self._check is not None:
            error = self._check.verdict()
            if error is not None:
                raise error

    def _start_daily_backup(self) -> None:
        if self._clock is not None:
            self.daily_backup = backups.start_daily(self.path, self._clock())

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All changes inside happen together or not at all; nested blocks join the outer one.

        Nothing is written before the integrity check has passed.
        """
        self.verified()
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


def _current(conn: sqlite3.Connection) -> bool:
    """Whether the file is readable and needs no migration (so it may be checked later)."""
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0]) == migrations.LATEST
    except sqlite3.DatabaseError:
        return False


def _busy_error() -> ShopError:
    return DatabaseInUse(
        _("The database is busy with another change. Please try again in a moment.")
    )
