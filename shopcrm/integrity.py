"""The integrity check run on every opening: a damaged file is refused, never written to.

``PRAGMA quick_check`` reads the whole file: half a second for a million purchases. The app
can run it beside its start-up (``BackgroundCheck``): every change waits for the verdict, so
nothing is ever written to a damaged file.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from shopcrm import backups
from shopcrm.errors import DatabaseDamaged
from shopcrm.i18n import _


def quick_check(conn: sqlite3.Connection) -> bool:
    """Whether the database on ``conn`` passes SQLite's quick integrity check."""
    try:
        return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    except sqlite3.DatabaseError:
        return False


def damaged(path: Path) -> DatabaseDamaged:
    """The error for a damaged ``path``, naming the newest good backup when there is one."""
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
    return DatabaseDamaged(message, backup)


class BackgroundCheck:
    """``quick_check`` on a connection of its own, in a thread; ``then`` runs if it passes."""

    def __init__(self, path: Path, then: Callable[[], None]) -> None:
        self._path = path
        self._then = then
        self._passed = False
        self._thread = threading.Thread(target=self._run, name="quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        conn = sqlite3.connect(self._path, isolation_level=None)
        try:
            self._passed = quick_check(conn)
        finally:
            conn.close()
        if self._passed:
            self._then()

    def done(self) -> bool:
        """Whether the verdict is in (never blocks)."""
        return not self._thread.is_alive()

    def verdict(self) -> DatabaseDamaged | None:
        """Wait for the check; the error to raise if the file is damaged, else None."""
        self._thread.join()
        return None if self._passed else damaged(self._path)
