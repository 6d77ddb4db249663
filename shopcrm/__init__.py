"""ShopCRM's core: customers, purchases, rewards and documents, with no Qt.

Everything starts from ``Shop.open(path)``; see ``shopcrm.shop``. The core is grouped into
wings named for the shop's work; a wing imports only the wings below it:

    common    text, errors, i18n, formatting, money, clock: the small base
    storage   the database file: store, migrations, backups, integrity, lock, failures
    people    customers, their records, search and phones
    loyalty   what counts as a visit, rules, rewards and vouchers, the engine that settles them
    sales     purchases, voids and corrections
    care      the contact log and complaints, upcoming occasions, the call list
    numbers   KPIs for a period and the customers behind them, segments, draws
    documents cards, vouchers, loyalty cards, letters and labels as PDFs; the print queue
    moving    bringing customers in from other programs' files (and taking the data out)
    (top)     shop.py (the way in), settings.py, demo.py
"""

from shopcrm import old_paths
from shopcrm.common.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    DiskFull,
    InvalidInput,
    NeedsConfirmation,
    NetworkDrive,
    NoPermission,
    NotAShopDatabase,
    NotFound,
    ShopError,
    StorageProblem,
)
from shopcrm.people.customers import DuplicatePhone
from shopcrm.people.records import Customer
from shopcrm.sales.records import Purchase
from shopcrm.shop import Shop

old_paths.keep(old_paths.MOVED)

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
