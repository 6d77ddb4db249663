"""Purchases: logged in one step at the counter, voided (never deleted) when they were wrong."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from shopcrm.common.cleaning import clean, quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NeedsConfirmation, NotFound
from shopcrm.common.formatting import money
from shopcrm.common.i18n import _
from shopcrm.common.money import parse_amount
from shopcrm.common.preferences import Settings, SettingsReader
from shopcrm.common.whole import known_id
from shopcrm.loyalty import engine, redemption, rewards, visits
from shopcrm.loyalty.redemption import VoucherUse
from shopcrm.sales import voids
from shopcrm.sales.records import PURCHASE_COLUMNS, Purchase, purchase_from_row
from shopcrm.sales.voids import VoidReason
from shopcrm.storage.store import Store

EARLIEST = datetime(2000, 1, 1)
MAX_NOTE = 500
_TIME_CHARACTERS = re.compile(r"[0-9T:.+\- Z]+")
_LONGEST_TIME = len("2026-03-09T10:30:00.000000+03:00")


class PurchaseService:
    """Log and void purchases; each keeps the customer's visits and spending in step."""

    def __init__(self, store: Store, clock: Clock, settings: SettingsReader) -> None:
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
        confirmed: bool = False,
    ) -> Purchase:
        """Record a purchase: ``amount`` as typed ("1.250,50") or in kuruş (an ``int``).

        ``purchased_at`` defaults to now; an earlier time enters yesterday's sales. ``redeem``
        lists rewards used with it: the purchase keeps the gross amount and the discount, and
        the vouchers are marked used. Rewards the purchase earns are issued with it, in the same
        transaction. Bad amounts, future or absurd dates, an archived or unknown customer, a
        used or expired voucher raise a translated error and log nothing. An amount over the
        shop's "unusually large" limit raises ``NeedsConfirmation`` unless ``confirmed``.
        """
        settings = self._settings()
        minor = parse_amount(amount, settings.currency)
        when = self._checked_time(purchased_at)
        note = clean(note, _("Note"), MAX_NOTE)
        reward_ids = _reward_ids(redeem)
        self._check_customer(customer_id)
        self._check_size(minor, settings, confirmed)
        with self._store.transaction():
            purchase_id = self._insert(customer_id, minor, note, when, reward_ids, settings)
        return self.get(purchase_id)

    def preview(self, customer_id: int, amount: str | int, redeem: Sequence[int]) -> VoucherUse:
        """What these rewards would take off this amount, and what would be left of each
        voucher worth more than what is left to pay; nothing is written."""
        settings = self._settings()
        minor = parse_amount(amount, settings.currency)
        today = self._clock().date()
        used = redemption.usable(
            self._store, _reward_ids(redeem), customer_id, today, settings.currency
        )
        return redemption.use_vouchers(minor, used, settings.keeps_rest, settings.currency)

    def preview_discount(self, customer_id: int, amount: str | int, redeem: Sequence[int]) -> int:
        """The discount (kuruş) these rewards would give on this amount; nothing is written."""
        return self.preview(customer_id, amount, redeem).discount

    def void(self, purchase_id: int, reason: VoidReason | str, note: str = "") -> Purchase:
        """Void a purchase; it stays on record but no longer counts.

        ``reason`` is a ``VoidReason`` or the shopkeeper's own words (see ``shopcrm.sales.voids``).
        Vouchers used with it can be used again; rewards it earned and are no longer earned
        are taken back (a reward already redeemed stays, with a note of the void).
        """
        purchase = self.get(purchase_id)
        code, words = voids.checked_reason(reason, note)
        if purchase.voided:
            raise InvalidInput(_("This purchase was already voided."))
        with self._store.transaction():
            self._void(purchase, code, words)
        return self.get(purchase_id)

    def correct(
        self,
        purchase_id: int,
        amount: str | int | None = None,
        customer_id: int | None = None,
        reason: VoidReason | str | None = None,
        note: str = "",
        confirmed: bool = False,
    ) -> Purchase:
        """Correct a purchase's amount or customer: it is voided and a new purchase, linked to it
        (``replaces_id``), takes its place, at the same time and with the same note and vouchers
        (those the new customer may use). Returns the new purchase; all in one transaction.

        The reason defaults to "wrong amount" or "wrong customer"; a correction that changes
        nothing is refused.
        """
        old = self.get(purchase_id)
        if old.voided:
            raise InvalidInput(_("This purchase was already voided."))
        settings = self._settings()
        minor = old.amount if amount is None else parse_amount(amount, settings.currency)
        target = old.customer_id if customer_id is None else customer_id
        if (minor, target) == (old.amount, old.customer_id):
            raise InvalidInput(_("Nothing to correct: give the right amount or customer."))
        default = (
            VoidReason.WRONG_CUSTOMER if target != old.customer_id else VoidReason.WRONG_AMOUNT
        )
        code, words = voids.checked_reason(reason or default, note)
        self._check_customer(target)
        self._check_size(minor, settings, confirmed)
        kept = [
            r.id
            for r in rewards.redeemed_with(self._store, old.id)
            if r.customer_id in (None, target)
        ]
        when = datetime.fromisoformat(old.purchased_at)
        with self._store.transaction():
            self._void(old, code, words, reused=kept)
            new_id = self._insert(target, minor, old.note, when, kept, settings, replaces=old.id)
        return self.get(new_id)

    def _insert(
        self,
        customer_id: int,
        minor: int,
        note: str,
        when: datetime,
        redeem: Sequence[int],
        settings: Settings,
        replaces: int | None = None,
    ) -> int:
        """Write a purchase with its vouchers, visits and rewards (inside a transaction)."""
        now = self._clock()
        used = redemption.usable(self._store, redeem, customer_id, when.date(), settings.currency)
        vouchers = redemption.use_vouchers(minor, used, settings.keeps_rest, settings.currency)
        cursor = self._store.execute(
            "INSERT INTO purchases (customer_id, amount, discount, note, purchased_at, "
            "created_at, replaces_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (customer_id, minor, vouchers.discount, note, iso(when), iso(now), replaces),
        )
        purchase_id = int(cursor.lastrowid or 0)
        redemption.mark_redeemed(self._store, now, used, purchase_id)
        redemption.keep_rests(self._store, now, vouchers.rests)
        visits.refresh(self._store, settings.visit_rule, customer_id)
        engine.settle(self._store, now, customer_id, settings.visit_rule, earned_by=purchase_id)
        return purchase_id

    def _void(
        self, purchase: Purchase, code: VoidReason, words: str, reused: Sequence[int] = ()
    ) -> None:
        """Void a purchase and undo what it did (inside a transaction)."""
        now = self._clock()
        cursor = self._store.execute(
            "UPDATE purchases SET voided_at = ?, void_code = ?, void_reason = ? "
            "WHERE id = ? AND voided_at IS NULL",
            (iso(now), code.value, words, purchase.id),
        )
        if cursor.rowcount != 1:
            raise InvalidInput(_("This purchase was already voided."))
        why = voids.describe(code, words)
        redemption.release(
            self._store,
            now,
            purchase.id,
            _("Given back: the purchase it was used in was voided ({reason}).").format(reason=why),
            quiet=reused,
        )
        rule = self._settings().visit_rule
        visits.refresh(self._store, rule, purchase.customer_id)
        engine.settle(
            self._store,
            now,
            purchase.customer_id,
            rule,
            take_back_reason=_(
                "Taken back: a purchase that earned it was voided ({reason})."
            ).format(reason=why),
        )

    def _check_size(self, minor: int, settings: Settings, confirmed: bool) -> None:
        """Ask before an unusually large amount (the shop sets the limit; 0 never asks)."""
        limit = settings.large_amount
        if limit and minor > limit and not confirmed:
            raise NeedsConfirmation(
                _(
                    "{amount} is more than {limit}: an unusually large amount for one purchase. "
                    "Is it right?"
                ).format(
                    amount=money(minor, settings.currency), limit=money(limit, settings.currency)
                )
            )

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
