"""Reading apart from the shop's connection: a long count (the numbers of a custom range over
millions of purchases) runs on a read-only connection of its own, in another thread, while the
counter keeps logging purchases on the shop's; it can be stopped half-way."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Protocol

from shopcrm.common.errors import ShopError
from shopcrm.storage import failures
from shopcrm.storage.connections import read_only

Row = dict[str, Any]
Params = tuple[Any, ...] | dict[str, Any]


class Reading(Protocol):
    """What reads rows: the shop's ``Store`` or a ``Reader``."""

    def query(self, sql: str, params: Params = ()) -> list[Row]: ...

    def one(self, sql: str, params: Params = ()) -> Row | None: ...


class Stopped(ShopError):
    """A reading stopped half-way by ``Reader.stop`` (nothing to tell the user)."""


class Reader:
    """A read-only connection to the shop's file, for one thread at a time; ``stop`` (from any
    thread) ends the query running in it with ``Stopped``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with failures.reported(path):
            self.conn = read_only(path)
        self._stopped = False
        self._closed = False
        self._lock = threading.Lock()

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        """Rows of a query as dictionaries."""
        if self._stopped:
            raise Stopped()
        try:
            with failures.reported(self.path):
                cursor = self.conn.execute(sql, params)
                names = [d[0] for d in cursor.description or ()]
                return [dict(zip(names, row, strict=True)) for row in cursor]
        except ShopError:
            if self._stopped:
                raise Stopped() from None
            raise

    def one(self, sql: str, params: Params = ()) -> Row | None:
        """The first row of a query, or None."""
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def stop(self) -> None:
        """End the query running now, and any after it (safe from another thread)."""
        self._stopped = True
        with self._lock:
            if not self._closed:
                self.conn.interrupt()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self.conn.close()
