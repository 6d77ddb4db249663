"""Everything the shop holds about one customer, for them (KVKK, Article 11): their record,
consents and their history, purchases (voided ones too), rewards and vouchers, opening
balances, occasions, the contact log, complaints, calls, the print queue, draws won and their
earlier requests; written as JSON (``CustomerData.as_json``) or as a readable PDF
(``shopcrm.moving.customer_data_pdf``); ``shopcrm.moving.customer_data_files`` writes them and
logs each export (what, when; not the data).

Each section is the rows of one table that name the customer, every column but the shop's own
search keys, so that nothing held is left out. Money is in kuruş (1250,50 ₺ is 125050),
moments are ISO local time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from shopcrm.common.errors import NotFound
from shopcrm.common.i18n import _
from shopcrm.people.card_codes import card_code
from shopcrm.people.consent import current
from shopcrm.people.records import birthday_of
from shopcrm.storage.store import Store

HIDDEN = ("name_folded", "phone_digits")
"""Columns that only repeat another for searching."""

SECTIONS = (
    "consent_now",
    "consent_history",
    "purchases",
    "rewards",
    "opening_balances",
    "occasions",
    "occasion_marks",
    "contact_log",
    "complaints",
    "calls",
    "print_queue",
    "draws",
    "privacy_requests",
)
"""The sections after the customer's record, in the order they are written."""

_QUERIES = {
    "consent_history": "SELECT * FROM consents WHERE customer_id = ? ORDER BY id",
    "purchases": "SELECT * FROM purchases WHERE customer_id = ? ORDER BY purchased_at, id",
    "rewards": "SELECT * FROM rewards WHERE customer_id = ? ORDER BY issued_at, id",
    "opening_balances": "SELECT * FROM adjustments WHERE customer_id = ? ORDER BY id",
    "occasions": "SELECT * FROM occasions WHERE customer_id = ? ORDER BY month, day, id",
    "occasion_marks": "SELECT m.* FROM occasion_marks m JOIN occasions o ON o.id = m.occasion_id "
    "WHERE o.customer_id = ? ORDER BY m.id",
    "contact_log": "SELECT * FROM contacts WHERE customer_id = ? AND kind <> 'complaint' "
    "ORDER BY happened_at, id",
    "complaints": "SELECT * FROM contacts WHERE customer_id = ? AND kind = 'complaint' "
    "ORDER BY happened_at, id",
    "calls": "SELECT * FROM call_outcomes WHERE customer_id = ? ORDER BY called_on, id",
    "print_queue": "SELECT * FROM print_queue WHERE customer_id = ? ORDER BY queued_at, id",
    "draws": "SELECT d.drawn_at, w.draw_id, w.place, w.reward_id FROM draw_winners w "
    "JOIN draws d ON d.id = w.draw_id WHERE w.customer_id = ? ORDER BY d.drawn_at",
    "privacy_requests": "SELECT * FROM privacy_requests WHERE customer_id = ? ORDER BY id",
}


def section_titles() -> dict[str, str]:
    """What each section is called, in the current language."""
    return {
        "customer": _("Personal details"),
        "consent_now": _("Consent now"),
        "consent_history": _("Consent history"),
        "purchases": _("Purchases"),
        "rewards": _("Rewards and vouchers"),
        "opening_balances": _("Opening balances"),
        "occasions": _("Occasions"),
        "occasion_marks": _("Occasions marked"),
        "contact_log": _("Contact log"),
        "complaints": _("Complaints"),
        "calls": _("Calls"),
        "print_queue": _("Print queue"),
        "draws": _("Draws won"),
        "privacy_requests": _("Earlier requests about their data"),
    }


Record = dict[str, Any]


@dataclass(frozen=True)
class CustomerData:
    """What the shop holds about one customer, as plain rows."""

    customer_id: int
    name: str
    shop_name: str
    exported_at: str
    customer: Record
    sections: dict[str, list[Record]] = field(default_factory=dict)

    def as_json(self) -> str:
        """The whole as JSON text (UTF-8, readable)."""
        whole = {
            "shop": self.shop_name,
            "exported_at": self.exported_at,
            "customer_id": self.customer_id,
            "money": "kuruş (1/100 lira)",
            "customer": self.customer,
            **{name: self.sections.get(name, []) for name in SECTIONS},
        }
        return json.dumps(whole, ensure_ascii=False, indent=2)


def gather(store: Store, customer_id: int, exported_at: str, shop_name: str = "") -> CustomerData:
    """Read everything held about ``customer_id``; ``NotFound`` if there is no such customer."""
    row = store.one(
        f"SELECT *, {birthday_of('customers')} AS birthday FROM customers WHERE id = ?",
        (customer_id,),
    )
    if row is None:
        raise NotFound(_("There is no customer number {id}.").format(id=customer_id))
    customer = {k: v for k, v in row.items() if k not in HIDDEN}
    customer["loyalty_card_code"] = card_code(customer_id)
    sections: dict[str, list[Record]] = {
        name: [dict(r) for r in store.query(sql, (customer_id,))] for name, sql in _QUERIES.items()
    }
    sections["consent_now"] = [
        {
            "channel": c.channel.value,
            "given": c.given,
            "method": c.method.value if c.method else None,
            "given_at": c.given_at,
            "withdrawn_at": c.withdrawn_at,
        }
        for c in current(store, customer_id).values()
    ]
    return CustomerData(customer_id, row["name"], shop_name, exported_at, customer, sections)
