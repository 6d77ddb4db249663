"""The integrity check run on every opening: a damaged file is refused, never written to.

The check reads the file on a read-only connection, opened before any connection that may write:
closing a read-write connection would fold the -wal into the damaged file. ``PRAGMA quick_check``
reads the whole file (half a second for a million purchases); the app can run it beside its
start-up (``BackgroundCheck``): a change made meanwhile goes into the -wal, which nothing folds
into the file before the verdict (``Store.transaction``), so a damaged file itself is never
written to. Only real corruption is damage: a file that cannot be read is told as what
it is (see ``failures``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from shopcrm.common.errors import ShopError
from shopcrm.storage import connections, failures


def quick_check(conn: sqlite3.Connection) -> bool:
    """Whether the database on ``conn`` passes SQLite's quick integrity check. SQLite's errors
    (corruption among them) are raised, for ``failures`` to tell apart."""
    return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")


def check(path: Path) -> None:
    """Check ``path`` on a read-only connection: raise ``DatabaseDamaged``, or the error of a file
    that cannot be read, or return when it is sound."""
    error = _verdict(path, keep=None)
    if error is not None:
        raise error


def _verdict(
    path: Path, keep: list[sqlite3.Connection] | None, stop: threading.Event | None = None
) -> ShopError | None:
    """Run the check; the error to raise, or None. With ``keep``, the connection stays open
    there instead of being closed; setting ``stop`` ends the check early, with an error."""
    conn: sqlite3.Connection | None = None
    try:
        with failures.reported(path):
            conn = connections.read_only(path)
            if keep is not None:
                keep.append(conn)  # from now on ``stop`` may interrupt it
            if stop is not None:
                connections.stop_when_set(conn, stop)
                if stop.is_set():
                    conn.interrupt()
            if not quick_check(conn):
                return failures.damaged(path)
    except ShopError as error:
        return error
    finally:
        if conn is not None and keep is None:
            conn.close()
    return None


class BackgroundCheck:
    """``check`` on a read-only connection of its own, in a thread; ``then`` runs if it passes.

    The connection stays open until ``close``: while it is open, closing the store's
    read-write connection never folds the -wal into a file found damaged.
    """

    def __init__(self, path: Path, then: Callable[[], None]) -> None:
        self._path = path
        self._then = then
        self._error: ShopError | None = None
        self._kept: list[sqlite3.Connection] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._error = _verdict(self._path, keep=self._kept, stop=self._stop)
        if self._error is None and not self._stop.is_set():
            self._then()

    def done(self) -> bool:
        """Whether the verdict is in (never blocks)."""
        return not self._thread.is_alive()

    def verdict(self) -> ShopError | None:
        """Wait for the check; the error to raise if the file is damaged or unreadable, else
        None."""
        self._thread.join()
        return self._error

    def stop(self) -> None:
        """End an unfinished check in a moment (the app is quitting): its verdict is then an
        error, so that nothing more is written, and nothing starts after it."""
        self._stop.set()
        for conn in list(self._kept):
            conn.interrupt()  # the check runs as one step of SQLite's: interrupt it there too
        self._thread.join()

    def close(self) -> None:
        """Close the check's connection (after the verdict)."""
        self._thread.join()
        for conn in self._kept:
            conn.close()
        self._kept.clear()
