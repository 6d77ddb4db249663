"""Putting a backup back in place of the shop's database, the current file kept aside.

The order is what keeps every step safe: the backup is checked whole first (a damaged one is
refused and nothing moves); the shop must be closed (its connection folds the -wal into the file
when it closes, and the lock is free: another copy of the app still open is told so); the backup
is copied beside the database under a temporary name (a full disk fails here, before anything
moves); only then is the current file renamed aside with a timestamp, together with its -wal
should one be left (so that the file kept aside stays whole), and the copy moved in place. If a
step fails, the current file goes back where it was.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from shopcrm.common.i18n import _
from shopcrm.storage import backup_list, connections, failures, location
from shopcrm.storage.backup_list import DamagedBackup
from shopcrm.storage.lock import DatabaseLock


def check(backup: Path) -> None:
    """Raise ``DamagedBackup`` unless ``backup`` is a shop database that passes SQLite's full
    quick check (every page read)."""
    backup_list.counts(backup)
    try:
        conn = connections.read_only(backup, immutable=True)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except Exception as error:  # any failure to read it is a reason not to restore it
        reason = _("SQLite cannot read it: {error}").format(error=error)
        raise backup_list.damaged(backup, reason) from None
    if verdict != "ok":
        raise backup_list.damaged(backup, _("it fails SQLite's integrity check"))


def kept_aside_name(database: Path, now: datetime) -> Path:
    """Where the current database is kept when a backup replaces it: beside it, named with the
    time of the restore (``shop-before-restore-20261202-101500.sqlite3``)."""
    base = database.stem if database.suffix == ".sqlite3" else database.name
    return database.with_name(f"{base}-before-restore-{now:%Y%m%d-%H%M%S}.sqlite3")


def restore(database: Path, backup: Path, now: datetime, checked: bool = False) -> Path:
    """Put ``backup`` in place of ``database`` (which must be closed); the path the current
    file was kept under. The backup is checked first, unless the caller just did (``checked``).

    Raises ``DamagedBackup`` for a backup that fails its check, ``DatabaseInUse`` while the
    database is open (here or in another copy of the app), and the storage errors (a full disk,
    a missing permission) as the core's own; in each case the database is as it was.
    """
    if not checked:
        check(backup)
    lock = DatabaseLock(database)
    lock.acquire()
    try:
        aside = kept_aside_name(database, now)
        copy = database.with_name(database.name + ".restoring")
        with failures.reported(database):
            _copy(backup, copy)
            try:
                _move_aside(database, aside)
                os.replace(copy, database)
            except BaseException:
                copy.unlink(missing_ok=True)
                if aside.exists() and not database.exists():
                    _move_aside(aside, database)
                raise
    finally:
        lock.release()
    return aside


def _copy(backup: Path, copy: Path) -> None:
    """Copy ``backup`` to ``copy``, readable by its owner alone, and on the disk for good."""
    location.create_private_file(copy)
    try:
        with backup.open("rb") as source, copy.open("r+b") as target:
            shutil.copyfileobj(source, target, 1024 * 1024)
            target.flush()
            os.fsync(target.fileno())
    except BaseException:
        copy.unlink(missing_ok=True)
        raise


def _move_aside(database: Path, aside: Path) -> None:
    """Rename ``database`` to ``aside``, its -wal with it; its -shm (an index SQLite rebuilds)
    is dropped."""
    wal = Path(f"{database}-wal")
    if wal.exists():
        wal.replace(Path(f"{aside}-wal"))
    Path(f"{database}-shm").unlink(missing_ok=True)
    database.replace(aside)


__all__ = ["DamagedBackup", "check", "kept_aside_name", "restore"]
