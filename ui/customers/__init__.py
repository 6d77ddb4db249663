"""The Customers page (``ui.customers.page``) and its table model."""

from __future__ import annotations


def __getattr__(name: str) -> object:
    """``from ui.customers import CustomersPage`` finds the page, loaded
    only when asked for."""
    if name == "CustomersPage":
        from ui.customers.page import CustomersPage

        return CustomersPage
    raise AttributeError(f"module 'ui.customers' has no attribute {name!r}")
