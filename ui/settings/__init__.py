"""The Settings page (``ui.settings.page``)."""

from __future__ import annotations


def __getattr__(name: str) -> object:
    """``from ui.settings import SettingsPage`` finds the page, loaded
    only when asked for."""
    if name == "SettingsPage":
        from ui.settings.page import SettingsPage

        return SettingsPage
    raise AttributeError(f"module 'ui.settings' has no attribute {name!r}")
