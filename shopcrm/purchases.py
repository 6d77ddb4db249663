"""Purchases: logged in one step at the counter, voided (never deleted) when they were wrong."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from shopcrm import loyalty, rewards, visits
from shopcrm.cleaning import clean, quote
from shopcrm.clock import Clock, iso
from shopcrm.errors import InvalidInput, NotFound
from shopcrm.i18n import _
from shopcrm.money import parse_amount
from shopcrm.records import PURCHASE_COLUMNS, Purchase, purchase_from_row
from shopcrm.settings import SettingsService
from shopcrm.store import Store
from shopcrm.whole import known_id

EARLIEST = datetime(2000, 1, 1)
MAX_NOTE = 500
MAX_REASON = 200
_TIME_CHARACTERS = re.compile(r"[0-9T:.+\- Z]+")
_LONGEST_TIME = len("2026-03-09T10:30:00.000000+03:00")


class PurchaseService:
    """Log and void purchases; each keeps the customer's visits and spending in step."""

    def __init__(self, store: Store, clock: Clock, settings: SettingsService) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings

    def log(
        self,
        customer_id: int,
        amount: str | int,
        note: str = "",
        purchased_at: datetime | str | None = None,
        redeem: Sequence[int] = (),
    ) -> Purchase:
        """Record a purchase: ``amount`` as typed ("1.250,50") or in kuruş (an ``int``).

        ``purchased_at`` defaults to now; an earlier time enters yesterday's sales. ``redeem``
        lists rewards used with it: the purchase keeps the gross amount and the discount, and
        the vouchers are marked used. Rewards the purchase earns are issued with it, in the same
        transaction. Bad amounts, future or absurd dates, an archived or unknown customer, a
        used or expired voucher raise a translated error and log nothing.
        """
        settings = self._settings.get()
        minor = parse_amount(amount, settings.currency)
        when = self._checked_time(purchased_at)
        note = clean(note, _("Note"), MAX_NOTE)
        reward_ids = _reward_ids(redeem)
        self._check_customer(customer_id)
        rule = settings.visit_rule
        now = self._clock()
        with self._store.transaction():
            used = rewards.usable(self._store, reward_ids, customer_id, when.date())
            discount = rewards.discount_for(minor, used)
            cursor = self._store.execute(
                "INSERT INTO purchases (customer_id, amount, discount, note, purchased_at, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (customer_id, minor, discount, note, iso(when), iso(now)),
            )
            purchase_id = int(cursor.lastrowid or 0)
            rewards.mark_redeemed(self._store, now, used, purchase_id)
            visits.refresh(self._store, rule, customer_id)
            loyalty.settle(self._store, now, customer_id, rule, earned_by=purchase_id)
        return self.get(purchase_id)

    def preview_discount(self, customer_id: int, amount: str | int, redeem: Sequence[int]) -> int:
        """The discount (kuruş) these rewards would give on this amount; nothing is written."""
        minor = parse_amount(amount, self._settings.get().currency)
        used = rewards.usable(self._store, _reward_ids(redeem), customer_id, self._clock().date())
        return rewards.discount_for(minor, used)

    def void(self, purchase_id: int, reason: str) -> Purchase:
        """Void a purchase with a reason; it stays on record but no longer counts.

        Vouchers used with it can be used again; rewards it earned and are no longer earned
        are taken back (a reward already redeemed stays, with a note of the void).
        """
        purchase = self.get(purchase_id)
        reason = clean(reason, _("Reason"), MAX_REASON)
        if not reason:
            raise InvalidInput(_("Please give a reason for voiding the purchase."))
        if purchase.voided:
            raise InvalidInput(_("This purchase was already voided."))
        rule = self._settings.get().visit_rule
        now = self._clock()
        with self._store.transaction():
            self._store.execute(
                "UPDATE purchases SET voided_at = ?, void_reason = ? "
                "WHERE id = ? AND voided_at IS NULL",
                (iso(now), reason, purchase_id),
            )
            rewards.release(
                self._store,
                purchase_id,
                _("Given back: the purchase it was used in was voided ({reason}).").format(
                    reason=reason
                ),
            )
            visits.refresh(self._store, rule, purchase.customer_id)
            loyalty.settle(
                self._store,
                now,
                purchase.customer_id,
                rule,
                take_back_reason=_(
                    "Taken back: a purchase that earned it was voided ({reason})."
                ).format(reason=reason),
            )
        return self.get(purchase_id)

    def _check_customer(self, customer_id: int) -> None:
        customer = None
        if known_id(customer_id) is not None:
            customer = self._store.one(
                "SELECT archived_at FROM customers WHERE id = ?", (customer_id,)
            )
        if customer is None:
            raise NotFound(_("There is no customer number {id}.").format(id=quote(customer_id)))
        if customer["archived_at"] is not None:
            raise InvalidInput(_("This customer is archived. Bring them back before a sale."))

    def get(self, purchase_id: int) -> Purchase:
        """The purchase with this id; ``NotFound`` if there is none."""
        row = self._store.one(
            f"SELECT {PURCHASE_COLUMNS} FROM purchases WHERE id = ?", (purchase_id,)
        )
        if row is None:
            raise NotFound(_("There is no purchase number {id}.").format(id=purchase_id))
        return purchase_from_row(row)

    def of_customer(self, customer_id: int, limit: int = 20) -> list[Purchase]:
        """A customer's most recent purchases, voided ones included, newest first."""
        rows = self._store.query(
            f"SELECT {PURCHASE_COLUMNS} FROM purchases WHERE customer_id = ? "
            "ORDER BY purchased_at DESC, id DESC LIMIT ?",
            (customer_id, limit),
        )
        return [purchase_from_row(r) for r in rows]

    def _checked_time(self, value: datetime | str | None) -> datetime:
        now = self._clock()
        if value is None:
            return now
        if isinstance(value, str):
            value = _typed_time(value)
        if not isinstance(value, datetime):
            raise InvalidInput(_("“{text}” is not a date and time.").format(text=quote(value)))
        value = value.replace(tzinfo=None, microsecond=0)
        if value > now + timedelta(minutes=5):
            raise InvalidInput(_("A purchase cannot be in the future."))
        if value < EARLIEST:
            raise InvalidInput(_("That date is too long ago. Please check it."))
        return value


def _typed_time(text: str) -> datetime:
    """An ISO date and time ("2026-03-09T10:30:00", "2026-03-09 10:30"), in ASCII digits."""
    stripped = text.strip()
    if len(stripped) <= _LONGEST_TIME and _TIME_CHARACTERS.fullmatch(stripped):
        try:
            return datetime.fromisoformat(stripped)
        except ValueError:
            pass
    raise InvalidInput(_("“{text}” is not a date and time.").format(text=quote(text)))


def _reward_ids(redeem: Sequence[int]) -> list[int]:
    """The rewards to redeem, each a possible record number, or ``NotFound`` for the first
    that cannot be one."""
    ids = []
    for value in redeem:
        reward_id = known_id(value)
        if reward_id is None:
            raise NotFound(_("There is no reward number {id}.").format(id=quote(value)))
        ids.append(reward_id)
    return list(dict.fromkeys(ids))
