"""Loyalty: what counts as a visit, the rules, rewards and their vouchers, using them with a
purchase, and the engine that settles what each customer has earned.

``from shopcrm.loyalty import LoyaltyService`` (or ``Progress``, ``balance``...) still finds what
was in the old ``shopcrm.loyalty`` module, now ``shopcrm.loyalty.engine``.
"""

from __future__ import annotations

import importlib

_ENGINE_NAMES = frozenset(
    {
        "ALMOST_SHARE",
        "MAX_ADJUSTED_VISITS",
        "Balance",
        "LoyaltyService",
        "Progress",
        "active_rules",
        "balance",
        "cycles_earned",
        "settle",
    }
)
"""What the old ``shopcrm.loyalty`` module offered (any other name is a module of the wing)."""


def __getattr__(name: str) -> object:
    """What the old ``shopcrm.loyalty`` module held, from the engine."""
    if name not in _ENGINE_NAMES:
        raise AttributeError(f"module 'shopcrm.loyalty' has no attribute {name!r}")
    return getattr(importlib.import_module("shopcrm.loyalty.engine"), name)
