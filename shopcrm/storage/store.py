"""The one open database handle: opening, checking, migrating, backing up and transactions.

``Store.open`` is the only way a database file is opened. It refuses a network share, a file that
is not a shop's, a second copy of the app and a damaged file, all without touching the file; backs
the file up before a migration and once a day; and turns on WAL with full sync so that every
committed change survives a power cut. Whatever the operating system or SQLite says on the way in
or out becomes the core's own error (see ``failures``); the schema's own guards (IntegrityError)
reach the services as they are.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from shopcrm.common.clock import Clock
from shopcrm.common.errors import DatabaseDamaged, ShopError, StorageProblem
from shopcrm.common.i18n import _
from shopcrm.storage import (
    backups,
    checkpoints,
    connections,
    failures,
    identity,
    integrity,
    location,
    migrations,
)
from shopcrm.storage.lock import DatabaseLock
from shopcrm.storage.rows import Row as Row  # the services take Row from here
from shopcrm.storage.rows import as_dicts

CACHE_KIB = 64 * 1024
"""Page cache of one open database: enough to keep the customers and search indexes of a
100,000-customer shop in memory, so searching while typing never waits for the disk."""


class Store:
    """An open database: run queries, and group changes into one transaction each."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, lock: DatabaseLock | None, clock: Clock
    ) -> None:
        self.path = path
        self.conn = conn
        # What sqlite-utils' Database turns on for a connection; ``query`` reads rows without it.
        conn.execute("PRAGMA recursive_triggers=on")
        self.daily_backup: backups.DailyBackup | None = None
        self._lock = lock
        self._clock = clock
        self._check: integrity.BackgroundCheck | None = None
        self._daily_started = False
        self._checkpoints: checkpoints.Checkpointer | None = None
        self.created = False
        """Whether this opening created the database (a new, empty shop)."""

    @cached_property
    def db(self) -> Any:
        """sqlite-utils' ``Database`` over this connection, made when first asked for: importing
        sqlite-utils (and its command line and plugins) is not paid for at start-up."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @classmethod
    def open(
        cls, path: Path, clock: Clock, exclusive: bool = True, check_in_background: bool = False
    ) -> Store:
        """Open (or create) the database at ``path``, ready to use at the latest schema.

        Refused, with nothing changed: a network share (``NetworkDrive``), a file that is not a
        shop's (``NotAShopDatabase``), one made by a newer ShopCRM, one open in another copy of
        the app (``DatabaseInUse``), a damaged one (``DatabaseDamaged``), and one this user may
        not write (``NoPermission``). The integrity check runs first on a read-only connection,
        or, with ``check_in_background``, beside the caller's own start-up; then every change
        waits for it (see ``verified``).
        """
        with failures.reported(Path(path)):
            path = Path(path).resolve()
        location.refuse_network_drive(path)
        found = identity.inspect(path)
        if found is None:
            with failures.reported(path.parent):
                location.make_private_folder(path.parent)
        lock = DatabaseLock(path) if exclusive else None
        if lock:
            lock.acquire()
        try:
            return cls._open_locked(path, clock, lock, found, check_in_background)
        except BaseException:
            if lock:
                lock.release()
            raise

    @classmethod
    def _open_locked(
        cls,
        path: Path,
        clock: Clock,
        lock: DatabaseLock | None,
        found: identity.ShopFile | None,
        check_in_background: bool,
    ) -> Store:
        if found is None:
            found = identity.inspect(path)  # made by someone else meanwhile?
        created = found is None
        if found is None:
            _create(path)
            found = identity.ShopFile(marked=True, version=migrations.LATEST, wal=True)
        else:
            location.keep_private(path, Path(f"{path}-wal"), Path(f"{path}-shm"))
            failures.refuse_read_only(path)
        current = found.marked and found.version == migrations.LATEST and found.wal
        background = check_in_background and current and not created
        if not created and not background:
            integrity.check(path)
        with failures.reported(path):
            conn = connections.read_write(path)
        try:
            store = cls(path, conn, lock, clock)
            store.created = created
            store._prepare()
            store._migrate(clock(), backup_first=not created)
            if not found.marked:
                store._mark(backed_up=found.version < migrations.LATEST)
            # The -wal is folded beside the shop's work (``checkpoints``), once the file is
            # known sound: after the check that runs in the background, if it does.
            store.conn.execute("PRAGMA wal_autocheckpoint=0")
            if background:
                store._check = integrity.BackgroundCheck(path, store._start_daily_backup)
            else:
                store._checkpoints = checkpoints.Checkpointer(path)
                if not created:
                    store._start_daily_backup()
        except BaseException:
            _close_keeping_wal(path, conn)
            raise
        return store

    def close(self, hurry: bool = False) -> None:
        """Close the database (after today's backup is complete); free it for another copy.

        In a ``hurry`` (the app quits), an unfinished integrity check and daily backup are
        stopped instead of waited for: the unfinished copy is deleted (the next opening takes
        today's backup again), and a file whose check was stopped is closed as one found
        damaged would be. A file found damaged is closed without its -wal being folded into it.
        """
        try:
            if self._checkpoints is not None:
                self._checkpoints.stop()
            if hurry and self._check is not None:
                self._check.stop()
            refused = self._check.verdict() if self._check is not None else None
            if hurry and self.daily_backup is not None:
                self.daily_backup.stop()
            if self.daily_backup is not None:
                self.daily_backup.wait()
            with failures.reported(self.path):
                if self._check is not None and refused is not None:
                    self.conn.close()  # the check's connection is still open: no checkpoint
                    self._check.close()
                else:
                    if self._check is not None:
                        self._check.close()
                    self.conn.close()
        finally:
            if self._lock:
                lock, self._lock = self._lock, None
                lock.release()

    def checked(self) -> bool:
        """Whether the integrity check has finished (never blocks; True when it ran at open)."""
        return self._check is None or self._check.done()

    def verified(self) -> None:
        """Wait for the integrity check; raise ``DatabaseDamaged`` if the file is damaged (or
        the error of a file that could not be read)."""
        if self._check is not None:
            error = self._check.verdict()
            if error is not None:
                raise error

    def backup_finished(self) -> bool:
        """Whether today's backup is over, or none is coming (never blocks)."""
        if not self.checked():
            return False
        return self.daily_backup is None or self.daily_backup.done()

    def wait_for_daily_backup(self) -> None:
        """Wait until today's backup is over (or known not to come)."""
        if self._check is not None:
            self._check.verdict()
        if self.daily_backup is not None:
            self.daily_backup.wait()

    def backup_problem(self) -> ShopError | None:
        """Why today's backup failed, once it is over; None while it runs, when it worked, or
        when none was due (never blocks). The shop works on either way."""
        backup = self.daily_backup
        if backup is None or not backup.done():
            return None
        if backup.set_aside is not None:
            return StorageProblem(
                _(
                    "Today's backup failed its check, so it was set aside as {copy} and every "
                    "older backup was kept. The disk may be failing: copy the backups folder to "
                    "another disk soon."
                ).format(copy=backup.set_aside)
            )
        if backup.error is None:
            return None
        error = backup.error
        if isinstance(error, OSError):  # told about the backup, not its unfinished copy
            error = OSError(error.errno, error.strerror)
        problem = failures.storage_error(error, backup.target)
        message = _(
            "Today's backup could not be made. {problem} The shop works as usual; the older "
            "backups were kept."
        ).format(problem=problem)
        if isinstance(problem, DatabaseDamaged):
            return DatabaseDamaged(message, problem.newest_good_backup)
        return type(problem)(message)

    def _start_daily_backup(self) -> None:
        if not self._daily_started:
            self._daily_started = True
            self.daily_backup = backups.start_daily(self.path, self._clock())

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All changes inside happen together or not at all; nested blocks join the outer one.

        A change made while the opening's integrity check still runs does not wait for it: it
        goes into the -wal, which nothing folds into the file before the check has passed (see
        ``_refuse_if_damaged``). Once the file is found damaged, nothing more is written. A
        change the disk refuses (full, read-only...) is rolled back and told as the core's own
        error.
        """
        self._refuse_if_damaged()
        if self.conn.in_transaction:
            yield
            return
        with failures.reported(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except (sqlite3.Error, OSError, OverflowError) as error:
            self._roll_back()
            told = failures.translated(error, self.path)
            if told is error:
                raise
            raise told from error
        except BaseException:
            self._roll_back()
            raise
        try:
            with failures.reported(self.path):
                self.conn.execute("COMMIT")
        except BaseException:
            self._roll_back()
            raise
        if self._checkpoints is not None:
            self._checkpoints.changed()

    def _refuse_if_damaged(self) -> None:
        """Raise the check's verdict on a damaged file; while the check runs, let the change go
        into the -wal (the counter never waits seconds for a check of a big file): the file
        itself stays as it was checked, since no checkpoint runs before the verdict (the shop's
        connection makes none, and the ``Checkpointer`` starts after it), and a file found
        damaged is closed without folding its -wal into it. The purchases logged meanwhile are
        kept in that -wal either way."""
        check = self._check
        if check is None or not check.done():
            return
        error = check.verdict()
        if error is not None:
            raise error
        if self._checkpoints is None:
            self._checkpoints = checkpoints.Checkpointer(self.path)

    def _roll_back(self) -> None:
        """Undo the open transaction, if SQLite has not already."""
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the error that led here is the one to tell

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Row]:
        """Rows of a query as dictionaries."""
        with failures.reported(self.path):
            return list(as_dicts(self.conn.execute(sql, params)))

    def one(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Row | None:
        """The first row of a query, or None."""
        with failures.reported(self.path):
            return next(as_dicts(self.conn.execute(sql, params)), None)

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one statement (inside a ``transaction`` when it changes data). Reading rows from
        the cursor reports SQLite's errors as the core's own, too."""
        with failures.reported(self.path):
            cursor = self.conn.cursor(_ReportedCursor)
            cursor.path = self.path
            return cursor.execute(sql, params)

    def schema_version(self) -> int:
        """The number of migrations applied to this database."""
        with failures.reported(self.path):
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _prepare(self) -> None:
        with failures.reported(self.path):
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")

    def _migrate(self, now: datetime, backup_first: bool) -> None:
        version = self.schema_version()
        if version > migrations.LATEST:
            raise identity.made_by_newer()
        if version < migrations.LATEST and backup_first:
            with failures.reported(self.path):
                backups.before_migration(self.conn, self.path, version, now)
        for number in range(version, migrations.LATEST):
            with self.transaction():
                migrations.MIGRATIONS[number](self.conn)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")

    def _mark(self, backed_up: bool) -> None:
        """Mark a database of an earlier ShopCRM as ShopCRM's, once a backup shows it as it was
        found (taken before its migration, or today's; a failed backup leaves it for the next
        opening)."""
        if not backed_up:
            self._start_daily_backup()
            if self.daily_backup is not None:
                self.daily_backup.wait()
                if self.daily_backup.error or self.daily_backup.set_aside:
                    return
        with self.transaction():
            identity.mark(self.conn)


class _ReportedCursor(sqlite3.Cursor):
    """A cursor whose rows, read one by one or all at once, tell SQLite's errors as the core's
    own (SQLite reads the file row by row, long after ``execute``)."""

    path = Path()

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.Error as error:
            told = failures.translated(error, self.path)
            if told is error:
                raise
            raise told from error

    def fetchone(self) -> Any:
        """The next row, or None."""
        with failures.reported(self.path):
            return super().fetchone()

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        """The next ``size`` rows."""
        with failures.reported(self.path):
            return super().fetchmany(size)

    def fetchall(self) -> list[Any]:
        """The remaining rows."""
        with failures.reported(self.path):
            return super().fetchall()


def _create(path: Path) -> None:
    """Make a new, empty shop at ``path`` in one step: built and marked under a temporary name,
    then moved in place, so that an interrupted creation never leaves an empty or half-made
    file (which the next opening would refuse)."""
    partial = path.with_name(path.name + ".new")
    with failures.reported(path):
        for leftover in (partial, *(Path(f"{partial}{end}") for end in ("-journal", "-wal"))):
            leftover.unlink(missing_ok=True)
        location.create_private_file(partial)
        conn = connections.read_write(partial)
        try:
            conn.execute("PRAGMA foreign_keys=ON")  # as every migration runs
            conn.execute("BEGIN IMMEDIATE")
            for step in migrations.MIGRATIONS:
                step(conn)
            conn.execute(f"PRAGMA user_version = {migrations.LATEST}")
            identity.mark(conn)
            conn.execute("COMMIT")
            conn.execute("PRAGMA journal_mode=WAL")
        except BaseException:
            conn.close()
            partial.unlink(missing_ok=True)
            raise
        conn.close()
        _set_aside_stray_journal(path)
        os.replace(partial, path)


def _set_aside_stray_journal(path: Path) -> None:
    """Move away a -wal (and drop the -shm) left beside a database that is gone: SQLite would
    read the old changes into the new file. The -wal is kept as ``-wal.orphaned``."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if wal.exists():
        wal.replace(Path(f"{wal}.orphaned"))
    shm.unlink(missing_ok=True)


def _close_keeping_wal(path: Path, conn: sqlite3.Connection) -> None:
    """Close ``conn`` after a failed open without folding the -wal into the file: the last
    connection to close would, and a file that failed to open (damaged, say) must be left byte
    for byte as it was. A read-only connection holding the -wal open meanwhile is not the
    last."""
    keeper = None
    try:
        keeper = connections.read_only(path)
        keeper.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error:
        pass  # unreadable: closing folds nothing it could have read either
    try:
        conn.close()
    finally:
        if keeper is not None:
            keeper.close()
