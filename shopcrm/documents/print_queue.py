"""The print queue of routine notes (``shop.print_queue``): cards and letters that the print
rules add, so that none depends on someone remembering it.

``refresh`` asks every rule what is due (``shopcrm.documents.print_rules``) and queues each
reason once, ever: a note dropped or printed never comes back for the same reason. The UI calls
it when the app opens and once a day, and ``refresh_for_customer`` after each purchase (one
customer's purchases only: quick at the counter). A waiting note whose reason no longer holds
(the purchase was voided, the customer came back, the occasion was marked done...) leaves the
queue on the next refresh.

The four notes are commercial messages to the customer (Law 6563 counts greetings from a
business among them): they respect consent for letters. A note is queued whatever the consent,
because consent is often recorded a moment after the purchase that queued it; it is printed
only while the customer has consent for letters. ``count`` tells how many will print,
``left_out`` how many wait for consent, and each ``QueueItem`` says whether it has it.

``printed`` marks notes printed and writes each to the customer's contact log (an occasion's
card also marks the occasion done for that year, as the upcoming list does), in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from shopcrm.care.contacts import ContactKind, add_entry
from shopcrm.care.upcoming import UpcomingService
from shopcrm.common.cleaning import clean, quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import day
from shopcrm.common.i18n import _
from shopcrm.common.preferences import Settings, SettingsReader
from shopcrm.common.whole import known_id
from shopcrm.documents import print_rules as rules
from shopcrm.documents.kinds import DocumentKind, PrintJob
from shopcrm.documents.print_rules import PrintRule, QueuedDocument, RulesOn, SwitchedOn
from shopcrm.documents.print_words import document_titles, document_words, summary, why
from shopcrm.documents.texts import ready_text
from shopcrm.people.consent import Channel, consent_condition
from shopcrm.people.occasions import OCCASION_COLUMNS, Occasion, occasion_from_row
from shopcrm.storage.store import Row, Store

MAX_RECORDED_BY = 100
MAX_IDS = 100_000
"""More notes than any queue holds: a longer list is refused before it reaches SQL."""
_WAITING = "q.printed_at IS NULL AND q.dropped_at IS NULL"
_HAS_CONSENT = consent_condition(Channel.LETTER, "q.customer_id")

__all__ = [
    "PrintQueueService",
    "PrintRule",
    "QueueBatch",
    "QueueItem",
    "QueuedDocument",
    "SwitchedOn",
    "document_titles",
    "document_words",
]


@dataclass(frozen=True)
class QueueItem:
    """A note waiting in the queue: for whom, what, why (in words), and since when."""

    id: int
    customer_id: int
    customer_name: str
    document: QueuedDocument
    why: str
    """Why the rule queued it: "Purchase of ₺1.250,00 on 9 Mar 2026"."""
    queued_at: str
    """ISO local time."""
    has_consent: bool
    """Whether the customer has consent for letters now: without it the note is left out of
    the batch (and waits, until consent is given or the note is dropped)."""
    purchase_id: int | None
    occasion_id: int | None
    occasion_year: int | None

    @property
    def title(self) -> str:
        """What the note is, in the current language ("Thank-you card")."""
        return document_titles()[self.document]


@dataclass(frozen=True)
class QueueBatch:
    """The notes of one kind that print together: their ids and their customers, each once
    (two thank-you cards waiting for one customer print as one card); for occasion cards, the
    occasion of each note and its customer, in the same order."""

    document: QueuedDocument
    item_ids: tuple[int, ...]
    customer_ids: tuple[int, ...]
    occasion_ids: tuple[int, ...]


class PrintQueueService:
    """Fill the print queue from the print rules; list, drop, print and log its notes."""

    def __init__(self, store: Store, clock: Clock, settings: SettingsReader) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings
        self._upcoming = UpcomingService(store, clock, settings)

    # filling ------------------------------------------------------------------------------

    def refresh(self, today: date | None = None) -> int:
        """Queue every note the rules that are on say is due (seen from ``today``, default
        today), each reason once ever, and drop the waiting ones whose reason no longer holds;
        how many were added."""
        now = self._clock()
        on = today or now.date()
        settings = self._settings()
        coming: list[rules.ComingOccasion] = []
        if settings.print_occasion_days:
            coming = [
                (u.id, u.customer_id, u.coming.falls_on)
                for u in self._upcoming.occasions(settings.print_occasion_days, on)
            ]
        with self._store.transaction():
            on_since = rules.rules_on(self._store, now, settings)
            rules.withdraw_stale(self._store, now)
            due = self._welcome_cards(on_since, None) + rules.occasion_cards(coming)
            letters = on_since.get(PrintRule.WE_MISS_YOU)
            if letters is not None:
                due += rules.we_miss_you_letters(
                    self._store, letters, settings.lapsed_first_days, on
                )
            return self._queue(settings, on_since, due, None)

    def refresh_for_customer(self, customer_id: int) -> int:
        """After a purchase: queue this customer's welcome and thank-you cards that are due,
        and drop their waiting notes whose reason no longer holds (a "we miss you" letter once
        they came back); how many were added. Reads only this customer's rows (and the rules'
        notes once)."""
        found = self._customer(customer_id)
        now = self._clock()
        settings = self._settings()
        with self._store.transaction():
            on_since = rules.rules_on(self._store, now, settings)
            rules.withdraw_stale(self._store, now, found)
            return self._queue(settings, on_since, self._welcome_cards(on_since, found), found)

    def _welcome_cards(self, on_since: RulesOn, customer_id: int | None) -> list[rules.Due]:
        """The welcome cards due (of one customer, or all), when the rule is on."""
        welcome = on_since.get(PrintRule.WELCOME)
        return [] if welcome is None else rules.welcome_cards(self._store, welcome, customer_id)

    def _queue(
        self, settings: Settings, on_since: RulesOn, due: list[rules.Due], customer_id: int | None
    ) -> int:
        """Queue ``due``, then the thank-you cards due (of one customer, or all): after the
        welcome cards, so that a first purchase over the amount gets one card, not two. How
        many were added."""
        now = self._clock()
        added = rules.queue(self._store, now, due)
        thanks = on_since.get(PrintRule.THANK_YOU)
        if thanks is not None:
            over = settings.print_thank_you_over
            cards = rules.thank_you_cards(self._store, thanks, over, customer_id)
            added += rules.queue(self._store, now, cards)
        return added

    def rules_changed(self, before: Settings, after: Settings) -> None:
        """Note the print rules switched on or off by a change of the settings (called by the
        settings service inside the change's transaction)."""
        rules.note_switches(self._store, self._clock(), before, after)

    def switched_on(self, rule: PrintRule | str) -> SwitchedOn | None:
        """When a print rule that is on was switched on (its events from then on are queued);
        None when it is off."""
        try:
            code = PrintRule(rule)
        except ValueError:
            raise InvalidInput(
                _("“{rule}” is not a print rule.").format(rule=quote(rule))
            ) from None
        return rules.switched_on(self._store, code)

    # reading ------------------------------------------------------------------------------

    def waiting(self) -> list[QueueItem]:
        """The notes waiting to be printed, oldest first, each with why it is due and whether
        its customer has consent for letters."""
        rows = self._store.query(
            "SELECT q.id AS id, q.customer_id AS customer_id, c.name AS customer_name, "
            "q.document AS document, q.reason_key AS reason_key, q.queued_at AS queued_at, "
            "q.purchase_id AS purchase_id, q.occasion_id AS occasion_id, "
            f"q.occasion_year AS occasion_year, {_HAS_CONSENT} AS has_consent, "
            "p.amount AS amount, p.purchased_at AS purchased_at "
            "FROM print_queue q JOIN customers c ON c.id = q.customer_id "
            "LEFT JOIN purchases p ON p.id = q.purchase_id "
            f"WHERE {_WAITING} ORDER BY q.queued_at, q.id"
        )
        occasions = self._occasions({r["occasion_id"] for r in rows if r["occasion_id"]})
        currency = self._settings().currency
        return [
            QueueItem(
                id=r["id"],
                customer_id=r["customer_id"],
                customer_name=r["customer_name"],
                document=QueuedDocument(r["document"]),
                why=why(r, occasions, currency),
                queued_at=r["queued_at"],
                has_consent=bool(r["has_consent"]),
                purchase_id=r["purchase_id"],
                occasion_id=r["occasion_id"],
                occasion_year=r["occasion_year"],
            )
            for r in rows
        ]

    def count(self) -> int:
        """How many waiting notes will print (their customers have consent for letters): the
        number beside the Print page on the side bar."""
        return self._count(_HAS_CONSENT)

    def left_out(self) -> int:
        """How many waiting notes are left out of the batch for want of consent for letters."""
        return self._count(f"NOT ({_HAS_CONSENT})")

    def _count(self, condition: str) -> int:
        row = self._store.one(
            f"SELECT count(*) AS n FROM print_queue q WHERE {_WAITING} AND {condition}"
        )
        return int(row["n"]) if row else 0

    # printing -----------------------------------------------------------------------------

    def drop(self, item_id: int) -> None:
        """Take a waiting note off the queue without printing it; its reason never queues it
        again. ``NotFound`` for an unknown id; a note printed or dropped is refused."""
        row = self._waiting_rows([item_id])[0]
        with self._store.transaction():
            self._store.execute(
                "UPDATE print_queue SET dropped_at = ? WHERE id = ?",
                (iso(self._clock()), row["id"]),
            )

    def batches(self, item_ids: Sequence[int]) -> list[QueueBatch]:
        """The waiting notes ``item_ids`` grouped by what they are (welcome cards, thank-you
        cards, occasion cards, letters, in that order), leaving out those whose customer has
        no consent for letters. Unknown, printed or dropped notes are refused."""
        rows = [r for r in self._waiting_rows(item_ids) if r["has_consent"]]
        out = []
        for document in QueuedDocument:
            mine = [r for r in rows if r["document"] == document.value]
            if mine:
                occasions = tuple(
                    int(r["occasion_id"]) for r in mine if document is QueuedDocument.OCCASION_CARD
                )
                customers = tuple(int(r["customer_id"]) for r in mine)
                if document is not QueuedDocument.OCCASION_CARD:
                    customers = tuple(dict.fromkeys(customers))  # one card for two reasons
                out.append(
                    QueueBatch(document, tuple(int(r["id"]) for r in mine), customers, occasions)
                )
        return out

    def jobs(
        self, item_ids: Sequence[int], texts: Mapping[QueuedDocument, str] | None = None
    ) -> list[PrintJob]:
        """The print jobs that print the waiting notes ``item_ids`` as one batch: one per kind
        of note (see ``batches``), marketing (customers without consent for letters are left
        out). ``texts`` gives a note's own text; without one, a welcome card and a "we miss
        you" letter take their ready texts ("welcome", "miss_you"), a thank-you card the
        owner's text for thank-you cards, an occasion card the text of its occasion."""
        kinds = {
            QueuedDocument.WELCOME_CARD: DocumentKind.THANK_YOU,
            QueuedDocument.THANK_YOU_CARD: DocumentKind.THANK_YOU,
            QueuedDocument.OCCASION_CARD: DocumentKind.OCCASION,
            QueuedDocument.WE_MISS_YOU_LETTER: DocumentKind.LETTER,
        }
        ready = {
            QueuedDocument.WELCOME_CARD: "welcome",
            QueuedDocument.WE_MISS_YOU_LETTER: "miss_you",
        }
        chosen = dict(texts or {})
        for document, key in ready.items():
            if document not in chosen:
                chosen[document] = ready_text(kinds[document], key).text
        return [
            PrintJob(
                kind=kinds[batch.document],
                customer_ids=batch.customer_ids,
                occasion_ids=batch.occasion_ids,
                text=chosen.get(batch.document),
                marketing=True,
            )
            for batch in self.batches(item_ids)
        ]

    def printed(self, item_ids: Sequence[int], recorded_by: str = "") -> list[int]:
        """Mark the waiting notes ``item_ids`` printed and write each to its customer's contact
        log (a card or a letter, with why it was sent; an occasion's card also marks the
        occasion card-sent for its year), all in one transaction; the contact log entries' ids.
        An unknown id, a note already printed or dropped, or one given twice is refused and
        nothing is marked."""
        who = clean(recorded_by, _("Recorded by"), MAX_RECORDED_BY)
        rows = self._waiting_rows(item_ids)
        occasions = self._occasions({r["occasion_id"] for r in rows if r["occasion_id"]})
        currency = self._settings().currency
        now = self._clock()
        entries = []
        with self._store.transaction():
            for row in rows:
                document = QueuedDocument(row["document"])
                letter = document is QueuedDocument.WE_MISS_YOU_LETTER
                contact_id = add_entry(
                    self._store,
                    now,
                    row["customer_id"],
                    ContactKind.LETTER if letter else ContactKind.CARD,
                    summary(row, occasions, currency),
                    recorded_by=who,
                    occasion_id=row["occasion_id"],
                )
                self._store.execute(
                    "UPDATE print_queue SET printed_at = ?, contact_id = ? WHERE id = ?",
                    (iso(now), contact_id, row["id"]),
                )
                if document is QueuedDocument.OCCASION_CARD:
                    self._store.execute(
                        "INSERT INTO occasion_marks (occasion_id, year, action, contact_id, "
                        "created_at) VALUES (?, ?, 'card_sent', ?, ?) "
                        "ON CONFLICT(occasion_id, year) DO NOTHING",
                        (row["occasion_id"], row["occasion_year"], contact_id, iso(now)),
                    )
                entries.append(contact_id)
        return entries

    # helpers ------------------------------------------------------------------------------

    def _waiting_rows(self, item_ids: object) -> list[Row]:
        """The rows of the waiting notes ``item_ids``, in the order given; refused (nothing
        changed) when one is unknown, printed, dropped or given twice."""
        if isinstance(item_ids, int | str) or not isinstance(item_ids, Sequence):
            item_ids = [item_ids]
        if len(item_ids) > MAX_IDS:
            raise InvalidInput(_("Too many notes chosen at once."))
        ids: list[int] = []
        seen: set[int] = set()
        for given in item_ids:
            found = known_id(given)
            if found is None:
                raise NotFound(
                    _("There is no note number {id} in the print queue.").format(id=quote(given))
                )
            if found in seen:
                raise InvalidInput(
                    _("Note number {id} is chosen twice: it is printed once.").format(id=found)
                )
            ids.append(found)
            seen.add(found)
        if not ids:
            return []
        rows = self._store.query(
            "SELECT q.id AS id, q.customer_id AS customer_id, c.name AS customer_name, "
            "q.document AS document, q.reason_key AS reason_key, q.purchase_id AS purchase_id, "
            "q.occasion_id AS occasion_id, q.occasion_year AS occasion_year, "
            f"q.printed_at AS printed_at, q.dropped_at AS dropped_at, {_HAS_CONSENT} "
            "AS has_consent, p.amount AS amount, p.purchased_at AS purchased_at "
            "FROM print_queue q JOIN customers c ON c.id = q.customer_id "
            "LEFT JOIN purchases p ON p.id = q.purchase_id "
            "WHERE q.id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        by_id = {int(r["id"]): r for r in rows}
        for found in ids:
            row = by_id.get(found)
            if row is None:
                raise NotFound(
                    _("There is no note number {id} in the print queue.").format(id=found)
                )
            what = {"document": document_words()[QueuedDocument(row["document"])]}
            what["name"] = quote(row["customer_name"])
            if row["printed_at"]:
                raise InvalidInput(
                    _("The {document} for {name} was already printed on {date}.").format(
                        date=day(row["printed_at"]), **what
                    )
                )
            if row["dropped_at"]:
                raise InvalidInput(
                    _("The {document} for {name} was taken off the queue on {date}.").format(
                        date=day(row["dropped_at"]), **what
                    )
                )
        return [by_id[found] for found in ids]

    def _occasions(self, ids: set[int]) -> dict[int, Occasion]:
        if not ids:
            return {}
        rows = self._store.query(
            f"SELECT {OCCASION_COLUMNS} FROM occasions o "
            "WHERE o.id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(ids)),),
        )
        return {int(r["id"]): occasion_from_row(r) for r in rows}

    def _customer(self, customer_id: object) -> int:
        found = known_id(customer_id)
        if found is None or not self._store.one(
            "SELECT 1 AS x FROM customers WHERE id = ?", (found,)
        ):
            raise NotFound(_("There is no customer number {id}.").format(id=quote(customer_id)))
        return found
