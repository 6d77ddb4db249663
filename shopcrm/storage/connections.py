"""How the core connects to a database file: read-write for the shop, read-only to look and check.

A read-only connection never writes the file or its -wal, and closing it never folds the -wal into
the file (only a connection that may write does that, and only when it is the last one open).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


def read_write(path: Path) -> sqlite3.Connection:
    """The shop's own connection: autocommit (the store opens its transactions), usable from the
    backup and check threads."""
    return sqlite3.connect(path, isolation_level=None, timeout=5.0, check_same_thread=False)


def read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot change ``path``. ``immutable`` also keeps SQLite from making a
    -shm beside it, at the price of not reading a -wal: only for a file without one."""
    uri = f"{path.resolve().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def stop_when_set(conn: sqlite3.Connection, stop: threading.Event) -> None:
    """Make a long query on ``conn`` end (SQLite's "interrupted") soon after ``stop`` is set."""
    conn.set_progress_handler(lambda: 1 if stop.is_set() else 0, 10_000)
