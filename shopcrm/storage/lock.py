"""One copy of ShopCRM per database: an operating-system lock on a file beside it.

The lock file stays when the database is closed (deleting it could let two copies in at once);
like the database, it is readable by its owner alone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from shopcrm.common.errors import DatabaseInUse
from shopcrm.common.i18n import _
from shopcrm.storage import failures, location


class DatabaseLock:
    """Holds ``<database>.lock`` while the database is open; released on close or crash."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise ``DatabaseInUse`` when another copy of the app holds it."""
        with failures.reported(self.path):
            f = os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT, location.PRIVATE_FILE), "r+")
        location.keep_private(self.path)
        try:
            _lock(f)
        except OSError:
            f.close()
            raise DatabaseInUse(
                _(
                    "ShopCRM is already open with this database, in another window or on "
                    "another account. Use that window, or close it and try again."
                )
            ) from None
        try:
            with failures.reported(self.path):
                f.seek(0)
                f.truncate()
                f.write(str(os.getpid()))
                f.flush()
        except BaseException:
            _unlock(f)
            f.close()
            raise
        self._file = f

    def release(self) -> None:
        """Let another copy of the app open the database."""
        if self._file is not None:
            f, self._file = self._file, None
            with failures.reported(self.path):
                try:
                    _unlock(f)
                finally:
                    f.close()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(f: IO[str]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(f: IO[str]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
