"""Loyalty: what counts as a visit, the rules, rewards and their vouchers, using them with a
purchase, and the engine that settles what each customer has earned.

``from shopcrm.loyalty import LoyaltyService`` (or ``Progress``, ``balance``...) still finds what
was in the old ``shopcrm.loyalty`` module, now ``shopcrm.loyalty.engine``.
"""

from __future__ import annotations

import importlib


def __getattr__(name: str) -> object:
    """What the old ``shopcrm.loyalty`` module held, from the engine."""
    engine = importlib.import_module("shopcrm.loyalty.engine")
    try:
        return getattr(engine, name)
    except AttributeError:
        raise AttributeError(f"module 'shopcrm.loyalty' has no attribute {name!r}") from None
