"""Copies of the database in ``backups/`` beside it: one a day (the last 14 good ones kept), and
one before every migration and every import (never deleted). Copies are taken with SQLite's
backup API, so they are consistent even while the app is writing.

A backup's name says exactly whose it is: ``shop-daily-2026-03-10.sqlite3`` belongs to
``shop.sqlite3`` and never to ``shop-kadikoy.sqlite3`` beside it. Each daily copy is checked
once taken; a copy that fails is set aside under a name no rotation counts, and on that day no
older copy is deleted, so the last good backup from before a problem is always kept.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from shopcrm.storage import connections, location

DAILY_KEPT = 14
SET_ASIDE = ".damaged"
"""Inserted before ``.sqlite3`` in the name of a daily copy that failed its check."""


def backup_folder(database: Path) -> Path:
    """The folder where the backups of ``database`` live."""
    return database.parent / "backups"


def _base(database: Path) -> str:
    """The start of every backup name of ``database``: the name without ``.sqlite3``, or the
    whole name for a file named otherwise (``shop.db`` and ``shop.sqlite3`` stay apart)."""
    return database.stem if database.suffix == ".sqlite3" else database.name


def _daily(database: Path) -> re.Pattern[str]:
    return re.compile(re.escape(_base(database)) + r"-daily-(\d{4}-\d{2}-\d{2})\.sqlite3")


def _before_migration(database: Path) -> re.Pattern[str]:
    return re.compile(re.escape(_base(database)) + r"-before-v\d+-\d{8}-\d{6}\.sqlite3")


def _before_import(database: Path) -> re.Pattern[str]:
    return re.compile(re.escape(_base(database)) + r"-before-import-\d{8}-\d{6}\.sqlite3")


def is_backup_of(database: Path, name: str) -> bool:
    """Whether the file called ``name`` in the backups folder is a backup of ``database``."""
    return bool(
        _daily(database).fullmatch(name)
        or _before_migration(database).fullmatch(name)
        or _before_import(database).fullmatch(name)
    )


def dailies(database: Path) -> list[Path]:
    """The daily backups of ``database``, oldest first (set-aside copies are not among them)."""
    pattern = _daily(database)
    found = []
    for path in _listed(backup_folder(database)):
        match = pattern.fullmatch(path.name)
        if match:
            found.append((match.group(1), path))
    return [path for _day, path in sorted(found)]


def _listed(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


STEP_PAGES = 1024
"""Pages copied per step of a daily backup: between steps it can be stopped (at quit)."""


class Stopped(Exception):
    """The backup was stopped before it was complete (the app is quitting)."""


def take_backup(
    conn: sqlite3.Connection, target: Path, stop: threading.Event | None = None
) -> Path:
    """Copy the open database into ``target`` (a complete, self-contained file, readable by
    its owner alone). When ``stop`` is set meanwhile, ``Stopped`` is raised; an unfinished copy
    is always deleted, never left to be taken for a backup."""
    location.make_private_folder(target.parent)
    partial = target.with_name(target.name + ".partial")
    location.create_private_file(partial)
    try:
        copy = sqlite3.connect(partial)
        try:
            if stop is None:
                conn.backup(copy)
            else:
                conn.backup(copy, pages=STEP_PAGES, progress=_stopper(stop))
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
        partial.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return target


def _stopper(stop: threading.Event) -> Callable[[int, int, int], None]:
    """A backup's progress call that ends it once ``stop`` is set."""

    def progress(_status: int, _remaining: int, _total: int) -> None:
        if stop.is_set():
            raise Stopped

    return progress


def before_migration(conn: sqlite3.Connection, database: Path, version: int, now: datetime) -> Path:
    """Back up the database before it is migrated away from schema ``version``."""
    name = f"{_base(database)}-before-v{version + 1}-{now:%Y%m%d-%H%M%S}.sqlite3"
    return take_backup(conn, backup_folder(database) / name)


def before_import(conn: sqlite3.Connection, database: Path, now: datetime) -> Path:
    """Back up the database before customers are imported into it (never deleted)."""
    name = f"{_base(database)}-before-import-{now:%Y%m%d-%H%M%S}.sqlite3"
    return take_backup(conn, backup_folder(database) / name)


class DailyBackup:
    """Today's backup, copied and checked in a background thread so that opening the shop does
    not wait.

    The copy shows the database exactly as it was when the backup was started: a read
    snapshot is pinned before this object is returned, whatever is written meanwhile. What went
    wrong stays in ``error`` (the system's own error) or ``set_aside`` (the copy that failed its
    check): a failed backup never stops a sale.
    """

    def __init__(self, database: Path, target: Path) -> None:
        self.database = database
        self.target = target
        self.error: Exception | None = None
        self.set_aside: Path | None = None
        self.stopped = False
        """Whether the backup was stopped unfinished (and its copy deleted)."""
        self._stop = threading.Event()
        self._checking: sqlite3.Connection | None = None
        self._thread = threading.Thread(target=self._run, name="daily-backup", daemon=True)
        try:
            self._source = _pinned(database)
        except sqlite3.Error as error:
            self.error = error
            return
        self._thread.start()

    def _run(self) -> None:
        unchecked = self.target.with_name(self.target.name + ".unchecked")
        try:
            take_backup(self._source, unchecked, self._stop)
            if self._stop.is_set():
                raise Stopped
            healthy = self._healthy(unchecked)
            if self._stop.is_set():
                raise Stopped
            if healthy:
                unchecked.replace(self.target)
                _rotate(self.database, keep=self.target)
            else:
                self.set_aside = self.target.with_name(
                    self.target.name.removesuffix(".sqlite3") + SET_ASIDE + ".sqlite3"
                )
                unchecked.replace(self.set_aside)
        except Stopped:
            self.stopped = True  # nothing unfinished is kept: the next opening takes it again
            with contextlib.suppress(OSError):
                unchecked.unlink()
        except Exception as error:  # kept in .error: a failed backup must not stop the sale
            self.error = error
        finally:
            self._source.close()

    def _healthy(self, copy: Path) -> bool:
        """``is_healthy``, on a connection ``stop`` can interrupt (the check is one long step
        of SQLite's, which its progress calls do not reach)."""
        try:
            conn = connections.read_only(copy)
        except (sqlite3.Error, OSError):
            return False
        self._checking = conn
        try:
            if self._stop.is_set():
                return False
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        except sqlite3.Error:
            return False
        finally:
            self._checking = None
            conn.close()

    def done(self) -> bool:
        """Whether the copy is over, whether it worked or not (never blocks)."""
        return not self._thread.is_alive()

    def wait(self) -> None:
        """Wait until the copy is complete (done before the database is closed)."""
        if self._thread.ident is not None:
            self._thread.join()

    def stop(self) -> None:
        """Stop an unfinished copy and wait for it to end, in a moment: what it had copied is
        deleted, and a copy already complete and checked is kept."""
        self._stop.set()
        checking = self._checking
        if checking is not None:
            with contextlib.suppress(sqlite3.Error):
                checking.interrupt()
        self.wait()


def _pinned(database: Path) -> sqlite3.Connection:
    """A read-only connection that sees the database as it is now, until it is closed."""
    conn = connections.read_only(database)
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _rotate(database: Path, keep: Path) -> None:
    """Delete the daily backups older than the newest ``DAILY_KEPT`` (never ``keep``, the good
    copy just taken); one that cannot be deleted stays."""
    for old in dailies(database)[:-DAILY_KEPT]:
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def start_daily(database: Path, now: datetime) -> DailyBackup | None:
    """Start today's backup unless there is one; the last ``DAILY_KEPT`` good ones are kept."""
    target = backup_folder(database) / f"{_base(database)}-daily-{now:%Y-%m-%d}.sqlite3"
    try:
        if target.exists():
            return None
    except OSError:
        pass  # the copy meets the same problem, and keeps it in its .error
    return DailyBackup(database, target)


def is_healthy(path: Path) -> bool:
    """Whether ``path`` is a SQLite database that passes its quick integrity check."""
    try:
        conn = connections.read_only(path)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return False


def newest_good_backup(database: Path) -> Path | None:
    """The most recent backup of ``database`` that is itself undamaged, if any."""
    candidates = []
    for path in _listed(backup_folder(database)):
        if is_backup_of(database, path.name):
            try:
                candidates.append((path.stat().st_mtime, path))
            except OSError:
                continue
    candidates.sort(reverse=True)
    return next((p for _time, p in candidates if is_healthy(p)), None)
