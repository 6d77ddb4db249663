"""Copies of the database in ``backups/`` beside it: one a day (the last 14 kept) and one
before every migration. Copies are taken with SQLite's backup API, so they are consistent even
while the app is writing."""

from __future__ import annotations

import sqlite3
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


def daily(conn: sqlite3.Connection, database: Path, now: datetime) -> Path | None:
    """Take today's backup unless there is one, and keep only the newest ``DAILY_KEPT``."""
    folder = backup_folder(database)
    target = folder / f"{database.stem}-daily-{now:%Y-%m-%d}.sqlite3"
    if target.exists():
        return None
    take_backup(conn, target)
    dailies = sorted(folder.glob(f"{database.stem}-daily-*.sqlite3"))
    for old in dailies[:-DAILY_KEPT]:
        old.unlink()
    return target


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
