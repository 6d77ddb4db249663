"""The shop's settings: its name and address, language, currency and what counts as a visit."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from shopcrm import visits
from shopcrm.cleaning import as_text, clean, quote
from shopcrm.errors import InvalidInput
from shopcrm.i18n import LANGUAGES, _
from shopcrm.store import Store
from shopcrm.visits import VisitRule

CURRENCIES = ("TRY", "EUR", "USD", "GBP")
MAX_TEXT = 300
MAX_PHONE = 40


@dataclass(frozen=True)
class Settings:
    """The shop's settings. ``language`` is "" to follow the system."""

    shop_name: str = ""
    address: str = ""
    phone: str = ""
    language: str = ""
    currency: str = "TRY"
    visit_rule: VisitRule = VisitRule.EACH_DAY


class SettingsService:
    """Read and change the shop's settings."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self) -> Settings:
        """The current settings, with defaults for anything never set."""
        stored = {
            r["key"]: r["value"] for r in self._store.query("SELECT key, value FROM settings")
        }
        values: dict[str, Any] = {
            f.name: stored[f.name] for f in fields(Settings) if f.name in stored
        }
        if "visit_rule" in values:
            values["visit_rule"] = VisitRule(values["visit_rule"])
        return Settings(**values)

    def update(self, **changes: Any) -> Settings:
        """Change some settings. Changing the visit rule recounts every customer's visits."""
        current = self.get()
        known = {f.name for f in fields(Settings)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown settings: {sorted(unknown)}")
        new = replace(current, **_validated(changes))
        with self._store.transaction():
            for name in changes:
                self._store.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (name, str(getattr(new, name))),
                )
            if new.visit_rule != current.visit_rule:
                visits.refresh(self._store, new.visit_rule)
        return new


def _validated(changes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "language":
            if not isinstance(value, str) or value not in ("", *LANGUAGES):
                raise InvalidInput(_("Unknown language: {value}").format(value=quote(value)))
        elif name == "currency":
            value = as_text(value).strip().upper()
            if value not in CURRENCIES:
                raise InvalidInput(_("Unknown currency: {value}").format(value=quote(value)))
        elif name == "visit_rule":
            try:
                value = VisitRule(value)
            except ValueError:
                raise InvalidInput(
                    _("Unknown visit rule: {value}").format(value=quote(value))
                ) from None
        else:
            longest = MAX_PHONE if name == "phone" else MAX_TEXT
            value = clean(value, _field_label(name), longest, multiline=name == "address")
        out[name] = value
    return out


def _field_label(name: str) -> str:
    labels = {"shop_name": _("Shop name"), "address": _("Address"), "phone": _("Phone")}
    return labels.get(name, name)
