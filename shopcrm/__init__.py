"""ShopCRM's core: customers, purchases, rewards and documents, with no Qt.

Everything starts from ``Shop.open(path)``; see ``shopcrm.shop``.
"""

from shopcrm.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    DiskFull,
    DuplicatePhone,
    InvalidInput,
    NeedsConfirmation,
    NetworkDrive,
    NoPermission,
    NotAShopDatabase,
    NotFound,
    ShopError,
    StorageProblem,
)
from shopcrm.records import Customer, Purchase
from shopcrm.shop import Shop

__all__ = [
    "Customer",
    "DatabaseDamaged",
    "DatabaseInUse",
    "DiskFull",
    "DuplicatePhone",
    "InvalidInput",
    "NeedsConfirmation",
    "NetworkDrive",
    "NoPermission",
    "NotAShopDatabase",
    "NotFound",
    "Purchase",
    "Shop",
    "ShopError",
    "StorageProblem",
]
