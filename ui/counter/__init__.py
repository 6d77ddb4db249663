"""The Counter page: find the customer, log the purchase, undo a mistake (``ui.counter.page``), and
the widgets it is made of."""

from __future__ import annotations


def __getattr__(name: str) -> object:
    """``from ui.counter import CounterPage`` finds the page, loaded
    only when asked for."""
    if name == "CounterPage":
        from ui.counter.page import CounterPage

        return CounterPage
    raise AttributeError(f"module 'ui.counter' has no attribute {name!r}")
