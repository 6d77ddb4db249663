"""Consent to commercial messages (Law 6563), per customer and per channel, with its history.

Greetings for an occasion, win-back calls and reminders of rewards need the customer's prior
consent for the channel used (a call, an SMS, an e-mail, a letter), and consent can be withdrawn
at any time. Each change is a row of ``consents`` (given or withdrawn, how and when), never
changed or deleted; the newest row of a channel is what holds now, and a channel without rows
has no consent. ``consent_condition`` gives the call list the same rule as SQL, to filter many
customers at once.

``customers.marketing_consent`` and ``consent_date`` stay as a summary kept in step in the same
transaction (consent on at least one channel, and when consent last changed), so that older
readers of the table and the counter's one-table reads keep working; the truth is here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from shopcrm.common.cleaning import clean, quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import day
from shopcrm.common.i18n import _
from shopcrm.common.moments import happened_at
from shopcrm.common.whole import known_id
from shopcrm.storage.store import Row, Store

MAX_NOTE = 200


class Channel(StrEnum):
    """A way the shop may send a commercial message."""

    CALL = "call"
    SMS = "sms"
    EMAIL = "email"
    LETTER = "letter"


class ConsentMethod(StrEnum):
    """How a consent was given. ``EARLIER`` marks the single consent of an older database,
    copied to every channel when it was upgraded; it is never given anew."""

    WRITTEN = "written"
    VERBAL = "verbal"
    ELECTRONIC = "electronic"
    EARLIER = "earlier"


GIVEN_BY = (ConsentMethod.WRITTEN, ConsentMethod.VERBAL, ConsentMethod.ELECTRONIC)
"""The ways a consent can be given today."""


def channel_titles() -> dict[Channel, str]:
    """What each channel is called, in the current language (for forms and lists)."""
    return {
        Channel.CALL: _("Phone calls"),
        Channel.SMS: _("SMS"),
        Channel.EMAIL: _("E-mail"),
        Channel.LETTER: _("Letters"),
    }


def method_titles() -> dict[ConsentMethod, str]:
    """What each way of giving consent is called, in the current language."""
    return {
        ConsentMethod.WRITTEN: _("Written"),
        ConsentMethod.VERBAL: _("Verbal"),
        ConsentMethod.ELECTRONIC: _("Electronic"),
        ConsentMethod.EARLIER: _("Earlier single consent"),
    }


@dataclass(frozen=True)
class ConsentChange:
    """One row of a customer's consent history: consent given or withdrawn on one channel."""

    id: int
    customer_id: int
    channel: Channel
    given: bool
    method: ConsentMethod
    noted_at: str
    """When the customer gave or withdrew it (ISO local time)."""
    recorded_at: str
    """When the shop recorded it."""
    note: str


@dataclass(frozen=True)
class ChannelConsent:
    """What holds now for one channel of one customer."""

    channel: Channel
    given: bool
    method: ConsentMethod | None
    """How the consent that holds (or held, before it was withdrawn) was given."""
    given_at: str | None
    """When the consent that holds (or was withdrawn) was given."""
    withdrawn_at: str | None
    """When it was withdrawn, if it is withdrawn now."""

    @property
    def asked(self) -> bool:
        """Whether the customer ever said yes or no on this channel."""
        return self.given_at is not None or self.withdrawn_at is not None


Wish = tuple[Channel, bool, ConsentMethod]
"""A channel, whether consent is to be given on it, and how (ignored when it is not)."""


def checked_channel(value: object) -> Channel:
    """A channel given by its value ("call", "sms", "email", "letter"); ``InvalidInput`` else."""
    try:
        return Channel(value if isinstance(value, str) else "")
    except ValueError:
        raise InvalidInput(
            _("“{text}” is not a channel: phone calls, SMS, e-mail or letters.").format(
                text=quote(value)
            )
        ) from None


def checked_method(value: object) -> ConsentMethod:
    """A way of giving consent today (written, verbal, electronic); ``InvalidInput`` else."""
    try:
        method = ConsentMethod(value if isinstance(value, str) else "")
    except ValueError:
        method = None
    if method is None or method not in GIVEN_BY:
        raise InvalidInput(
            _("“{text}” is not a way consent is given: written, verbal or electronic.").format(
                text=quote(value)
            )
        )
    return method


def checked_yes_no(value: object) -> bool:
    """Whether consent is given: ``True`` or ``False`` (1 and 0 too); ``InvalidInput`` else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise InvalidInput(_("“{text}” is not a yes or a no for consent.").format(text=quote(value)))


def checked_wishes(
    every_channel: object = None,
    per_channel: Mapping[str, object] | None = None,
    method: object = ConsentMethod.VERBAL,
) -> list[Wish]:
    """What a customer form asks of the consents, checked: ``every_channel`` (True or False, or
    None for no wish) for all four channels, then ``per_channel`` ({"call": True, "sms":
    (True, "written")...}) for the channels it names. ``method`` is how consent given without
    its own method was given. ``InvalidInput`` for an unknown channel, method or answer."""
    default = checked_method(method)
    wishes: dict[Channel, tuple[bool, ConsentMethod]] = {}
    if every_channel is not None:
        given = checked_yes_no(every_channel)
        wishes = {channel: (given, default) for channel in Channel}
    if per_channel is not None and not isinstance(per_channel, Mapping):
        raise InvalidInput(_("Give the consents as a yes or a no for each channel."))
    for key, wish in (per_channel or {}).items():
        channel = checked_channel(key)
        if isinstance(wish, tuple) and len(wish) == 2:
            wishes[channel] = (checked_yes_no(wish[0]), checked_method(wish[1]))
        else:
            wishes[channel] = (checked_yes_no(wish), default)
    return [(channel, given, how) for channel, (given, how) in wishes.items()]


def current(store: Store, customer_id: int) -> dict[Channel, ChannelConsent]:
    """What holds now on every channel for this customer (no consent where never asked)."""
    history = _rows(store, "customer_id = ?", (customer_id,))
    return {
        channel: _holds(channel, [h for h in history if h.channel is channel])
        for channel in Channel
    }


def write_wishes(
    store: Store, now: datetime, customer_id: int, wishes: Iterable[Wish], note: str = ""
) -> bool:
    """Record, inside the caller's transaction, the wishes that change what holds (a consent
    given, withdrawn, or given again in another way), noted now; whether any did. Keeps the
    customer's summary columns in step."""
    holds = current(store, customer_id)
    changed = False
    for channel, given, method in wishes:
        was = holds[channel]
        if given == was.given and (not given or method is was.method):
            continue
        _insert(store, customer_id, channel, given, method, now, now, note)
        changed = True
    if changed:
        refresh_summary(store, customer_id)
    return changed


def refresh_summary(store: Store, customer_id: int) -> None:
    """Set ``customers.marketing_consent`` (consent on at least one channel) and
    ``consent_date`` (when consent last changed) from the history (inside a transaction)."""
    store.execute(
        "UPDATE customers SET marketing_consent = coalesce((SELECT max(given) FROM "
        "(SELECT given, max(id) FROM consents WHERE customer_id = :id GROUP BY channel)), 0), "
        "consent_date = (SELECT max(noted_at) FROM consents WHERE customer_id = :id) "
        "WHERE id = :id",
        {"id": customer_id},
    )


def consent_condition(channel: Channel | str, customer_id_sql: str = "customers.id") -> str:
    """An SQL condition, true for a customer who has consent on ``channel`` now, to filter many
    customers in one query (the call list skips those without consent for calls).

    ``customer_id_sql`` is the SQL expression of the customer's id in the caller's query
    ("customers.id", "c.id"): the program's own text, never what a person typed.
    """
    code = checked_channel(channel).value
    return (
        f"coalesce((SELECT k.given FROM consents k WHERE k.customer_id = {customer_id_sql} "
        f"AND k.channel = '{code}' ORDER BY k.id DESC LIMIT 1), 0) = 1"
    )


class ConsentService:
    """Give and withdraw consent per channel, read what holds, and keep the history."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def record(
        self,
        customer_id: int,
        channel: Channel | str,
        given: bool,
        method: ConsentMethod | str = ConsentMethod.VERBAL,
        noted_at: datetime | str | None = None,
        note: str = "",
    ) -> ChannelConsent:
        """Give (``given``) or withdraw consent on one channel; what holds after.

        ``noted_at`` is when the customer said so (now by default; not in the future, nor before
        this channel's last change); ``method`` how a consent was given (written, verbal,
        electronic). Saying again what already holds records nothing. Bad input raises a
        translated ``InvalidInput`` and records nothing.
        """
        target = self._customer(customer_id)
        code = checked_channel(channel)
        yes = checked_yes_no(given)
        how = checked_method(method)
        now = self._clock()
        when = happened_at(noted_at, now, _("Consent cannot be dated in the future."))
        words = clean(note, _("Note"), MAX_NOTE)
        was = current(self._store, target)[code]
        last = max(filter(None, (was.given_at, was.withdrawn_at)), default=None)
        if last is not None and iso(when) < last:
            raise InvalidInput(
                _("This channel's consent last changed on {date}; date the change later.").format(
                    date=day(last)
                )
            )
        if yes == was.given and (not yes or how is was.method):
            return was
        with self._store.transaction():
            _insert(self._store, target, code, yes, how, when, now, words)
            refresh_summary(self._store, target)
        return self.of_customer(target)[code]

    def of_customer(self, customer_id: int) -> dict[Channel, ChannelConsent]:
        """What holds now on each of the four channels, in the order of ``Channel``."""
        return current(self._store, self._customer(customer_id))

    def history(
        self, customer_id: int, channel: Channel | str | None = None
    ) -> list[ConsentChange]:
        """Every change of this customer's consents (of one channel, if given), newest first."""
        target = self._customer(customer_id)
        if channel is None:
            return _rows(self._store, "customer_id = ?", (target,))[::-1]
        code = checked_channel(channel)
        return _rows(self._store, "customer_id = ? AND channel = ?", (target, code.value))[::-1]

    def has_consent(self, customer_id: int, channel: Channel | str) -> bool:
        """Whether this customer has consent on ``channel`` now."""
        return self.of_customer(customer_id)[checked_channel(channel)].given

    def customers_with_consent(self, channel: Channel | str) -> set[int]:
        """The ids of every customer with consent on ``channel`` now."""
        code = checked_channel(channel)
        rows = self._store.query(
            "SELECT customer_id, given, max(id) FROM consents WHERE channel = ? "
            "GROUP BY customer_id",
            (code.value,),
        )
        return {row["customer_id"] for row in rows if row["given"]}

    def _customer(self, customer_id: object) -> int:
        found = known_id(customer_id)
        if found is None or not self._store.one(
            "SELECT 1 AS x FROM customers WHERE id = ?", (found,)
        ):
            raise NotFound(_("There is no customer number {id}.").format(id=quote(customer_id)))
        return found


_COLUMNS = "id, customer_id, channel, given, method, noted_at, recorded_at, note"


def _rows(store: Store, where: str, params: tuple[object, ...]) -> list[ConsentChange]:
    """The consent rows matching ``where``, oldest first."""
    rows = store.query(f"SELECT {_COLUMNS} FROM consents WHERE {where} ORDER BY id", params)
    return [_change(row) for row in rows]


def _change(row: Row) -> ConsentChange:
    return ConsentChange(
        id=row["id"],
        customer_id=row["customer_id"],
        channel=Channel(row["channel"]),
        given=bool(row["given"]),
        method=ConsentMethod(row["method"]),
        noted_at=row["noted_at"],
        recorded_at=row["recorded_at"],
        note=row["note"],
    )


def _holds(channel: Channel, history: list[ConsentChange]) -> ChannelConsent:
    """What a channel's history (oldest first) says holds now."""
    if not history:
        return ChannelConsent(channel, False, None, None, None)
    newest = history[-1]
    consents = [h for h in history if h.given]
    last_given = consents[-1] if consents else None
    return ChannelConsent(
        channel=channel,
        given=newest.given,
        method=last_given.method if last_given else None,
        given_at=last_given.noted_at if last_given else None,
        withdrawn_at=None if newest.given else newest.noted_at,
    )


def _insert(
    store: Store,
    customer_id: int,
    channel: Channel,
    given: bool,
    method: ConsentMethod,
    noted_at: datetime,
    recorded_at: datetime,
    note: str,
) -> None:
    store.execute(
        "INSERT INTO consents (customer_id, channel, given, method, noted_at, recorded_at, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            customer_id,
            channel.value,
            int(given),
            method.value,
            iso(noted_at),
            iso(recorded_at),
            note,
        ),
    )
