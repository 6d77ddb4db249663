"""ShopCRM's core: customers, purchases, rewards and documents, with no Qt.

Everything starts from ``Shop.open(path)``; see ``shopcrm.shop``.
"""

from shopcrm.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    DuplicatePhone,
    InvalidInput,
    NotFound,
    ShopError,
)
from shopcrm.records import Customer, Purchase
from shopcrm.shop import Shop

__all__ = [
    "Customer",
    "DatabaseDamaged",
    "DatabaseInUse",
    "DuplicatePhone",
    "InvalidInput",
    "NotFound",
    "Purchase",
    "Shop",
    "ShopError",
]
