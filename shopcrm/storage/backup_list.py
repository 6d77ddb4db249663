"""The backups of a database as the owner chooses among them: when each was taken, its size, and
how many customers and purchases it holds.

Each backup is only looked at: opened read-only and ``immutable`` (a backup has no -wal, and no
-shm is made beside it), and its counts read from the largest id of each table, which SQLite finds
in the index at once: customers and purchases are never deleted, so the largest id is their
number, even in a backup of millions. A backup that cannot be read is listed as damaged, with
why, never raised. Damage deeper in a file than the counts is found by ``restore``'s full check.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from shopcrm.common.errors import ShopError
from shopcrm.common.i18n import _
from shopcrm.storage import backups, connections, identity


class BackupKind(StrEnum):
    """Why a backup was taken."""

    DAILY = "daily"
    BEFORE_UPGRADE = "before_upgrade"
    SET_ASIDE = "set_aside"
    """A daily copy that failed its check when it was taken."""


@dataclass(frozen=True)
class BackupFile:
    """One backup of the shop's database."""

    path: Path
    kind: BackupKind
    taken_at: datetime
    """When the file was written (its modification time, local)."""
    size: int
    """Bytes."""
    customers: int | None
    """None when the backup cannot be read."""
    purchases: int | None
    problem: str = ""
    """Why the backup cannot be used ("" for a sound one): a damaged backup is never restored."""

    @property
    def damaged(self) -> bool:
        """Whether the backup is known to be damaged or unreadable."""
        return bool(self.problem)


def listed(database: Path) -> list[BackupFile]:
    """Every backup of ``database`` in its backups folder, newest first (by the day in its
    name, then by when it was written)."""
    found = []
    try:
        entries = list(backups.backup_folder(database).iterdir())
    except OSError:
        return []
    for path in entries:
        if backups.day_of(database, path.name) is None:
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        found.append(_looked_at(database, path, info.st_size, info.st_mtime))
    found.sort(key=lambda b: (backups.day_of(database, b.path.name), b.taken_at), reverse=True)
    return found


def _looked_at(database: Path, path: Path, size: int, mtime: float) -> BackupFile:
    taken = datetime.fromtimestamp(mtime)
    if backups.is_set_aside(database, path.name):
        problem = _("This copy failed its check when it was taken.")
        return BackupFile(path, BackupKind.SET_ASIDE, taken, size, None, None, problem)
    kind = BackupKind.DAILY if "-daily-" in path.name else BackupKind.BEFORE_UPGRADE
    try:
        customers, purchases = counts(path)
    except DamagedBackup as error:
        return BackupFile(path, kind, taken, size, None, None, error.reason)
    return BackupFile(path, kind, taken, size, customers, purchases)


def counts(path: Path) -> tuple[int, int]:
    """How many customers and purchases the backup at ``path`` holds; raise ``DamagedBackup``
    when it cannot be read as a shop's database."""
    try:
        found = identity.inspect(path)
    except ShopError:
        raise damaged(path, _("it is not a ShopCRM database")) from None
    if found is None:
        raise damaged(path, _("the file is gone"))
    try:
        conn = connections.read_only(path, immutable=True)
        try:
            customers = conn.execute("SELECT coalesce(max(id), 0) FROM customers").fetchone()[0]
            purchases = conn.execute("SELECT coalesce(max(id), 0) FROM purchases").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as error:
        raise damaged(path, _("SQLite cannot read it: {error}").format(error=error)) from None
    except UnicodeDecodeError:  # its schema's text is not UTF-8: a damaged page
        raise damaged(path, _("it fails SQLite's integrity check")) from None
    return int(customers), int(purchases)


class DamagedBackup(ShopError):
    """A backup that cannot be read or fails its check: it is never restored."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason
        """Why, in a few words (for the list of backups)."""


def damaged(path: Path, reason: str) -> DamagedBackup:
    """The error of a backup that cannot be used, saying which and why."""
    message = _(
        "The backup {name} is damaged or unreadable, so it cannot be restored ({reason}). "
        "Nothing was changed. Choose another backup."
    ).format(name=path.name, reason=reason)
    return DamagedBackup(message, reason)
