"""The Rewards page (``ui.rewards.page``): rules and vouchers, and their dialogs."""

from __future__ import annotations


def __getattr__(name: str) -> object:
    """``from ui.rewards import RewardsPage`` finds the page, loaded
    only when asked for."""
    if name == "RewardsPage":
        from ui.rewards.page import RewardsPage

        return RewardsPage
    raise AttributeError(f"module 'ui.rewards' has no attribute {name!r}")
