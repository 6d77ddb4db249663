"""Folding the -wal into the database file beside the counter, not in its way.

In WAL mode every commit appends the pages it changed to the -wal; SQLite's own rule folds them
into the file (a checkpoint) inside the commit that passes 1,000 pages. A sale changes some
thirty pages of a big shop's file (the purchase, the customer's row and the indexes that follow
both, the numbers' aggregates), so one sale in thirty or forty paid for writing a thousand pages
here and there in a file of gigabytes: 15 ms instead of 2 at the counter (a million customers).

Here the shop's connection never checkpoints (``wal_autocheckpoint=0``); a ``Checkpointer``
thread does, on a connection of its own, a moment after the changes stop coming (and at the
latest ``LONGEST_WAIT`` after they began, so that a long busy spell does not grow the -wal
without end). A passive checkpoint never waits for, nor blocks, the
shop's writes or readers: what it cannot fold yet, the next one does. Durability is the same:
every commit is already in the -wal, synced (``synchronous=FULL``).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from pathlib import Path

from shopcrm.storage import connections

log = logging.getLogger(__name__)

QUIET_SECONDS = 0.5
"""A checkpoint runs this long after the last change (a sale, a batch of them)."""
LONGEST_WAIT = 5.0
"""Changes that keep coming are folded this long after the first of them."""


class Checkpointer:
    """Checkpoints one database file in a thread of its own until ``stop``."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._changed = threading.Event()
        self._stopping = threading.Event()
        self._conn: sqlite3.Connection | None = None
        self.last: tuple[int, int] | None = None
        """The -wal's pages and those folded, after the last checkpoint (None before one)."""
        self._thread = threading.Thread(target=self._run, name="checkpoints", daemon=True)
        self._thread.start()

    def changed(self) -> None:
        """A transaction committed (never blocks)."""
        self._changed.set()

    def stop(self) -> None:
        """End the thread (a checkpoint under way is interrupted; the next opening or the
        shop's own close folds what is left)."""
        self._stopping.set()
        self._changed.set()
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(sqlite3.ProgrammingError):  # the thread just closed it
                conn.interrupt()
        self._thread.join(5.0)

    def _run(self) -> None:
        try:
            self._conn = connections.read_write(self._path)
            self._conn.execute("PRAGMA wal_autocheckpoint=0")
        except sqlite3.Error as error:
            log.warning("No checkpoints for %s: %s", self._path, error)
            return
        try:
            while not self._stopping.is_set():
                self._changed.wait()
                # Wait for the changes to pause: a checkpoint between two sales of a busy
                # moment would share the disk with them.
                began = time.monotonic()
                while self._changed.is_set() and not self._stopping.is_set():
                    self._changed.clear()
                    self._stopping.wait(QUIET_SECONDS)
                    if time.monotonic() - began > LONGEST_WAIT:
                        break
                if not self._stopping.is_set():
                    self._fold()
        finally:
            conn, self._conn = self._conn, None
            conn.close()

    def _fold(self) -> None:
        conn = self._conn
        if conn is None:
            return
        try:
            _busy, pages, folded = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.last = (pages, folded)
        except sqlite3.Error as error:  # interrupted, or busy: the next one goes on
            log.debug("Checkpoint of %s not done: %s", self._path, error)
