"""Copies of the database in ``backups/`` beside it: one a day (the last 14 kept) and one
before every migration. Copies are taken with SQLite's backup API, so they are consistent even
while the app is writing."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from pathlib import Path

DAILY_KEPT = 14


def backup_folder(database: Path) -> Path:
    """The folder where the backups of ``database`` live."""
    return database.parent / "backups"


def take_backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the open database into ``target`` (a complete, self-contained file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    copy = sqlite3.connect(partial)
    try:
        conn.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
    partial.replace(target)
    return target


def before_migration(conn: sqlite3.Connection, database: Path, version: int, now: datetime) -> Path:
    """Back up the database before it is migrated away from schema ``version``."""
    name = f"{database.stem}-before-v{version + 1}-{now:%Y%m%d-%H%M%S}.sqlite3"
    return take_backup(conn, backup_folder(database) / name)


class DailyBackup:
    """Today's backup, copied in a background thread so that opening the shop does not wait.

    The copy shows the database exactly as it was when the backup was started: a read
    snapshot is pinned before this object is returned, whatever is written meanwhile.
    """

    def __init__(self, database: Path, target: Path) -> None:
        self.target = target
        self.error: Exception | None = None
        self._source = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
        self._source.execute("BEGIN")
        self._source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        self._thread = threading.Thread(target=self._run, name="daily-backup", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            take_backup(self._source, self.target)
            stem = self.target.name[: -len("YYYY-MM-DD.sqlite3")]
            dailies = sorted(self.target.parent.glob(stem + "*.sqlite3"))
            for old in dailies[:-DAILY_KEPT]:
                old.unlink()
        except Exception as error:  # kept in .error: a failed backup must not stop the sale
            self.error = error
        finally:
            self._source.execute("ROLLBACK")
            self._source.close()

    def wait(self) -> None:
        """Wait until the copy is complete (done before the database is closed)."""
        self._thread.join()


def start_daily(database: Path, now: datetime) -> DailyBackup | None:
    """Start today's backup unless there is one; the last ``DAILY_KEPT`` are kept."""
    target = backup_folder(database) / f"{database.stem}-daily-{now:%Y-%m-%d}.sqlite3"
    if target.exists():
        return None
    return DailyBackup(database, target)


def is_healthy(path: Path) -> bool:
    """Whether ``path`` is a SQLite database that passes its quick integrity check."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def newest_good_backup(database: Path) -> Path | None:
    """The most recent backup of ``database`` that is itself undamaged, if any."""
    folder = backup_folder(database)
    candidates = sorted(
        folder.glob(f"{database.stem}-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    return next((p for p in candidates if is_healthy(p)), None)
