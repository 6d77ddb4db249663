"""The call list: whom to contact today, and why.

The reasons, each a row's line: an occasion within its notice, a follow-up that is due, an open
complaint, a customer away long enough to win back (at each of three limits in the settings), a
reward about to expire unredeemed. Occasions, win-back and expiring rewards are commercial
messages (Law 6563): they are skipped for a customer without consent to calls, and the list says
how many customers were skipped. A complaint or a follow-up is never skipped.

Each reason has a key that says exactly what it is about ("complaint:12", "reward:40",
"winback:7:182:2026-05-03"...). Recording the outcome of a call (one step) writes a call to the
contact log and an outcome row naming the keys it covered; the customer leaves today's list.
Reached or not interested: those reasons are done. Call back: they come back on the day given.
No answer: they come back tomorrow, at most three times.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from babel.dates import format_timedelta

from shopcrm.care.call_plans import PlannedCalls, plan_calls
from shopcrm.care.contacts import ContactKind, add_entry
from shopcrm.common.cleaning import clean, quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import day
from shopcrm.common.i18n import _, babel_locale
from shopcrm.common.preferences import SettingsReader
from shopcrm.loyalty.rewards import REWARD_COLUMNS, reward_from_row
from shopcrm.people.consent import Channel, consent_condition
from shopcrm.people.phone import display_phone
from shopcrm.storage.store import Store

MAX_NO_ANSWERS = 3
"""A reason whose calls were not answered this many times leaves the list."""
WINBACK_WINDOW_DAYS = 30
"""A customer is called to win them back in the month after they pass a limit, not forever."""
MAX_NOTE = 500


class ReasonKind(StrEnum):
    """Why a customer is on the call list."""

    COMPLAINT = "complaint"
    FOLLOW_UP = "follow_up"
    OCCASION = "occasion"
    EXPIRING_REWARD = "expiring_reward"
    WINBACK = "winback"


MARKETING = frozenset({ReasonKind.OCCASION, ReasonKind.WINBACK, ReasonKind.EXPIRING_REWARD})
"""The reasons that are commercial messages: only with the customer's consent to calls."""


class Outcome(StrEnum):
    """How a call from the list went."""

    REACHED = "reached"
    NO_ANSWER = "no_answer"
    CALL_BACK = "call_back"
    NOT_INTERESTED = "not_interested"


@dataclass(frozen=True)
class Reason:
    """One reason to call: its kind, what it is about (``key``) and what to tell the caller."""

    kind: ReasonKind
    key: str
    text: str
    occasion_id: int | None = None
    occasion_year: int | None = None
    contact_id: int | None = None


@dataclass(frozen=True)
class CallRow:
    """One customer to call today, with every reason."""

    customer_id: int
    name: str
    phone: str
    """The phone as people read it ("0532 123 45 67"); "" when there is none."""
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class CallList:
    """Today's calls, and how many customers were left out for want of consent to calls."""

    rows: tuple[CallRow, ...]
    skipped_without_consent: int


@dataclass(frozen=True)
class DueOccasion:
    """An occasion within its notice, as the call list needs it (from the occasions)."""

    occasion_id: int
    customer_id: int
    year: int
    text: str


OccasionsDue = Callable[[date], Sequence[DueOccasion]]
"""The occasions within their notice on a day, not yet marked for their year."""


def outcome_titles() -> dict[Outcome, str]:
    """What each outcome is called, in the current language."""
    return {
        Outcome.REACHED: _("Reached"),
        Outcome.NO_ANSWER: _("No answer"),
        Outcome.CALL_BACK: _("Call back"),
        Outcome.NOT_INTERESTED: _("Not interested"),
    }


class CallListService:
    """Today's call list, and the outcome of each call."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        settings: SettingsReader,
        occasions_due: OccasionsDue,
    ) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings
        self._occasions_due = occasions_due

    def today(self, today: date | None = None) -> CallList:
        """Whom to call on ``today`` (default: today), the reasons of each, best first:
        complaints, follow-ups, occasions, expiring rewards, then win-back."""
        on = today or self._clock().date()
        found: dict[int, list[Reason]] = {}
        for customer_id, reason in self._reasons(on):
            found.setdefault(customer_id, []).append(reason)
        closed = self._closed_keys(on)
        consenting = self._consenting(list(found))
        rows, skipped = [], 0
        names = self._names(list(found))
        for customer_id, reasons in found.items():
            open_reasons = [r for r in reasons if r.key not in closed]
            allowed = [
                r for r in open_reasons if r.kind not in MARKETING or customer_id in consenting
            ]
            if len(allowed) < len(open_reasons):
                skipped += 1
            if allowed and customer_id in names:
                name, phone = names[customer_id]
                rows.append(CallRow(customer_id, name, display_phone(phone), tuple(allowed)))
        order = list(ReasonKind)
        rows.sort(key=lambda row: (min(order.index(r.kind) for r in row.reasons), row.name))
        return CallList(tuple(rows), skipped)

    def record(
        self,
        customer_id: int,
        outcome: Outcome | str,
        call_back_on: date | str | None = None,
        note: str = "",
        recorded_by: str = "",
        reasons: Sequence[Reason] | None = None,
    ) -> int:
        """Record how the call to a customer on today's list went, in one step: a call in the
        contact log, and an outcome that takes the customer off today's list. ``reasons`` are
        the ones the call was for (default: all of theirs on today's list). Returns the
        contact log entry's id."""
        try:
            result = Outcome(outcome)
        except ValueError:
            raise InvalidInput(
                _("Unknown outcome of a call: {value}").format(value=quote(outcome))
            ) from None
        now = self._clock()
        back = self._call_back_day(result, call_back_on, now.date())
        note = clean(note, _("Note"), MAX_NOTE)
        who = clean(recorded_by, _("Recorded by"), 100)
        if reasons is None:
            row = next(
                (r for r in self.today(now.date()).rows if r.customer_id == customer_id), None
            )
            if row is None:
                raise NotFound(_("This customer is not on today's call list."))
            reasons = row.reasons
        summary = _("Call: {outcome} — {reasons}").format(
            outcome=outcome_titles()[result], reasons="; ".join(r.text for r in reasons)
        )
        if back is not None:
            summary += " — " + _("call back on {date}").format(date=day(back))
        if note:
            summary += " — " + note
        with self._store.transaction():
            contact_id = add_entry(
                self._store, now, customer_id, ContactKind.CALL, summary, recorded_by=who
            )
            self._store.execute(
                "INSERT INTO call_outcomes (customer_id, reasons, outcome, call_back_on, "
                "called_on, contact_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    customer_id,
                    ",".join(r.key for r in reasons),
                    result.value,
                    back.isoformat() if back else None,
                    now.date().isoformat(),
                    contact_id,
                    iso(now),
                ),
            )
            if result in (Outcome.REACHED, Outcome.NOT_INTERESTED):
                self._settle(reasons, contact_id, now)
        return contact_id

    # what is due ---------------------------------------------------------------------------

    def _reasons(self, on: date) -> list[tuple[int, Reason]]:
        return [
            *self._complaints(on),
            *self._follow_ups(on),
            *self._occasions(on),
            *self._expiring_rewards(on),
            *self._winback(on),
        ]

    def _complaints(self, on: date) -> list[tuple[int, Reason]]:
        rows = self._store.query(
            "SELECT id, customer_id, summary, happened_at FROM contacts WHERE kind = 'complaint' "
            "AND status = 'open' AND voided_at IS NULL ORDER BY happened_at"
        )
        out = []
        for row in rows:
            opened = datetime.fromisoformat(row["happened_at"]).date()
            text = _("Open complaint since {date}: {summary}").format(
                date=day(opened), summary=quote(row["summary"], 60)
            )
            reason = Reason(ReasonKind.COMPLAINT, f"complaint:{row['id']}", text)
            out.append((int(row["customer_id"]), reason))
        return out

    def _follow_ups(self, on: date) -> list[tuple[int, Reason]]:
        rows = self._store.query(
            "SELECT id, customer_id, summary, follow_up_on FROM contacts "
            "WHERE follow_up_on IS NOT NULL AND follow_up_on <= ? AND follow_up_done_at IS NULL "
            "AND voided_at IS NULL ORDER BY follow_up_on",
            (on.isoformat(),),
        )
        out = []
        for row in rows:
            text = _("Follow-up due {date}: {summary}").format(
                date=day(row["follow_up_on"]), summary=quote(row["summary"], 60)
            )
            reason = Reason(
                ReasonKind.FOLLOW_UP, f"follow_up:{row['id']}", text, contact_id=int(row["id"])
            )
            out.append((int(row["customer_id"]), reason))
        return out

    def _occasions(self, on: date) -> list[tuple[int, Reason]]:
        return [
            (
                due.customer_id,
                Reason(
                    ReasonKind.OCCASION,
                    f"occasion:{due.occasion_id}:{due.year}",
                    due.text,
                    occasion_id=due.occasion_id,
                    occasion_year=due.year,
                ),
            )
            for due in self._occasions_due(on)
        ]

    def _expiring_rewards(self, on: date) -> list[tuple[int, Reason]]:
        settings = self._settings()
        until = on + timedelta(days=settings.expiring_reward_days)
        rows = self._store.query(
            f"SELECT {REWARD_COLUMNS} FROM rewards WHERE customer_id IS NOT NULL "
            "AND redeemed_at IS NULL AND voided_at IS NULL AND expires_on >= ? "
            "AND expires_on <= ? ORDER BY expires_on",
            (on.isoformat(), until.isoformat()),
        )
        out = []
        for row in rows:
            reward = reward_from_row(row)
            text = _("Reward {what} expires on {date}").format(
                what=reward.description(settings.currency), date=day(reward.expires_on)
            )
            reason = Reason(ReasonKind.EXPIRING_REWARD, f"reward:{reward.id}", text)
            out.append((int(reward.customer_id or 0), reason))
        return out

    def _winback(self, on: date) -> list[tuple[int, Reason]]:
        settings = self._settings()
        limits = sorted(
            {settings.lapsed_first_days, settings.lapsed_second_days, settings.lapsed_third_days}
        )
        out = []
        for limit in limits:
            newest = (on - timedelta(days=limit)).isoformat()
            oldest = (on - timedelta(days=limit + WINBACK_WINDOW_DAYS)).isoformat()
            rows = self._store.query(
                "SELECT id, last_visit FROM customers WHERE archived_at IS NULL "
                "AND last_visit IS NOT NULL AND substr(last_visit, 1, 10) <= ? "
                "AND substr(last_visit, 1, 10) > ?",
                (newest, oldest),
            )
            texts: dict[int, str] = {}  # the same words for the same days away: made once
            for row in rows:
                last = datetime.fromisoformat(row["last_visit"]).date()
                away = (on - last).days
                if away not in texts:
                    ago = format_timedelta(
                        timedelta(days=-away), add_direction=True, locale=babel_locale()
                    )
                    texts[away] = _("Last visit {ago}: win them back").format(ago=ago)
                text = texts[away]
                key = f"winback:{row['id']}:{limit}:{last.isoformat()}"
                out.append((int(row["id"]), Reason(ReasonKind.WINBACK, key, text)))
        return out

    # what is done --------------------------------------------------------------------------

    def _closed_keys(self, on: date) -> set[str]:
        """The reason keys not to show on ``on``: done, called back later, or not answered today
        (or too often)."""
        closed: set[str] = set()
        no_answers: dict[str, int] = {}
        for row in self._store.query(
            "SELECT reasons, outcome, call_back_on, called_on FROM call_outcomes"
        ):
            keys = [k for k in str(row["reasons"]).split(",") if k]
            outcome = Outcome(row["outcome"])
            if outcome in (Outcome.REACHED, Outcome.NOT_INTERESTED) or (
                outcome is Outcome.CALL_BACK and row["call_back_on"] > on.isoformat()
            ):
                closed.update(keys)
            elif outcome is Outcome.NO_ANSWER:
                for key in keys:
                    no_answers[key] = no_answers.get(key, 0) + 1
                if row["called_on"] == on.isoformat():
                    closed.update(keys)
        closed.update(key for key, n in no_answers.items() if n >= MAX_NO_ANSWERS)
        return closed

    def _settle(self, reasons: Sequence[Reason], contact_id: int, now: datetime) -> None:
        """A call that reached the customer (or was turned down) does what it was for: the
        occasion is marked called, the follow-up done."""
        for reason in reasons:
            if reason.kind is ReasonKind.OCCASION and reason.occasion_id is not None:
                self._store.execute(
                    "INSERT OR IGNORE INTO occasion_marks (occasion_id, year, action, "
                    "contact_id, created_at) VALUES (?, ?, 'called', ?, ?)",
                    (reason.occasion_id, reason.occasion_year, contact_id, iso(now)),
                )
            elif reason.kind is ReasonKind.FOLLOW_UP and reason.contact_id is not None:
                self._store.execute(
                    "UPDATE contacts SET follow_up_done_at = ? WHERE id = ? "
                    "AND follow_up_done_at IS NULL",
                    (iso(now), reason.contact_id),
                )

    def _call_back_day(
        self, outcome: Outcome, value: date | str | None, today: date
    ) -> date | None:
        if outcome is not Outcome.CALL_BACK:
            return None
        if value is None or value == "":
            raise InvalidInput(_("Please give the day to call back."))
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                raise InvalidInput(_("“{text}” is not a date.").format(text=quote(value))) from None
        if value <= today:
            raise InvalidInput(_("The day to call back must be after today."))
        if value > today + timedelta(days=366):
            raise InvalidInput(_("The day to call back must be within a year."))
        return value

    def plan(self, customer_ids: Sequence[int], why: str, recorded_by: str = "") -> PlannedCalls:
        """Put these customers on today's call list with ``why``: those with consent to calls
        (``shopcrm.care.call_plans``)."""
        return plan_calls(self._store, self._clock, customer_ids, why, recorded_by)

    def _consenting(self, customer_ids: list[int]) -> set[int]:
        """Of these customers, those with consent to calls now."""
        if not customer_ids:
            return set()
        marks = ", ".join("?" * len(customer_ids))
        rows = self._store.query(
            f"SELECT id FROM customers WHERE id IN ({marks}) AND "
            + consent_condition(Channel.CALL, "customers.id"),
            tuple(customer_ids),
        )
        return {int(r["id"]) for r in rows}

    def _names(self, customer_ids: list[int]) -> dict[int, tuple[str, str]]:
        if not customer_ids:
            return {}
        marks = ", ".join("?" * len(customer_ids))
        rows = self._store.query(
            f"SELECT id, name, phone FROM customers WHERE archived_at IS NULL AND id IN ({marks})",
            tuple(customer_ids),
        )
        return {int(r["id"]): (str(r["name"]), str(r["phone"])) for r in rows}
