"""The errors the core raises. Each carries a message already translated for the shopkeeper."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class ShopError(Exception):
    """Something the user can act on; ``str(error)`` is the translated message to show."""


class InvalidInput(ShopError, ValueError):
    """A value typed by the user was refused; nothing was changed.

    A form with several fields refused at once carries ``fields``: each refused field's name
    (as the core's keyword argument) and its message; ``str(error)`` then lists them all.
    """

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.fields: dict[str, str] = dict(fields or {})


class NeedsConfirmation(ShopError):
    """The change is allowed, but it does something the user must agree to first (a very large
    amount, relabelling every past amount...). ``str(error)`` says exactly what; nothing was
    changed. The caller asks, and calls again with ``confirmed=True``."""


class NotFound(ShopError, LookupError):
    """The customer, purchase or other record asked for does not exist."""


class DatabaseInUse(ShopError):
    """Another copy of ShopCRM has this database open, or another change holds it for longer
    than the store waits."""


class DatabaseDamaged(ShopError):
    """The database file is damaged: it failed its integrity check (it was then left untouched),
    or SQLite found it corrupt while reading it (the change that met it was not made)."""

    def __init__(self, message: str, newest_good_backup: Path | None) -> None:
        super().__init__(message)
        self.newest_good_backup = newest_good_backup


class StorageProblem(ShopError):
    """The operating system or SQLite could not read or write the shop's files. The message says
    what happened (a full disk, a missing permission...) and what to do; nothing was changed."""


class DiskFull(StorageProblem):
    """The disk holding the database (or its backups) is full."""


class NoPermission(StorageProblem):
    """A file or folder is read-only, or this user may not read or write it."""


class NotAShopDatabase(StorageProblem):
    """The file is empty, is not a SQLite database, or is the database of another program. It
    was left exactly as it was."""


class NetworkDrive(StorageProblem):
    """The database is on a network share, where SQLite's WAL journal cannot work safely."""
