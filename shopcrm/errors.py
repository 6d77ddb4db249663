"""The errors the core raises. Each carries a message already translated for the shopkeeper."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from shopcrm.records import Customer


class ShopError(Exception):
    """Something the user can act on; ``str(error)`` is the translated message to show."""


class InvalidInput(ShopError, ValueError):
    """A value typed by the user was refused; nothing was changed."""


class NotFound(ShopError, LookupError):
    """The customer, purchase or other record asked for does not exist."""


class DuplicatePhone(ShopError):
    """Another customer already has this phone number."""

    def __init__(self, message: str, existing: Customer) -> None:
        super().__init__(message)
        self.existing = existing


class DatabaseInUse(ShopError):
    """Another copy of ShopCRM has this database open."""


class DatabaseDamaged(ShopError):
    """The database file failed its integrity check. It was left untouched."""

    def __init__(self, message: str, newest_good_backup: Path | None) -> None:
        super().__init__(message)
        self.newest_good_backup = newest_good_backup
