"""Bringing customers in from a file (``shop.imports``): read, map, check, then one transaction.

    sheet = shop.imports.read(path)              # no database: may run off the UI thread
    mapping = shop.imports.recognise(sheet)      # the columns, changed by the person if need be
    plan = shop.imports.plan(sheet, mapping)     # drafts, bad rows and duplicates with choices
    outcome = shop.imports.run(plan, progress)   # backup, then all of it or nothing

A backup is taken first; then every row lands in one transaction: new customers with their
birthday and anniversary as occasions, consent only where the file gives it, and visits and
spending as an opening balance so that loyalty continues where it was. A failure or a
cancellation on the way leaves the database as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shopcrm.common.cleaning import quote
from shopcrm.common.clock import Clock
from shopcrm.common.errors import InvalidInput, ShopError
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _
from shopcrm.loyalty.engine import LoyaltyService
from shopcrm.moving import reading
from shopcrm.moving.columns import Mapping, recognise
from shopcrm.moving.duplicates import Choice, Entry, Known, Plan, find_duplicates
from shopcrm.moving.reading import Progress, Sheet
from shopcrm.moving.rows import Draft, read_rows
from shopcrm.people import consent
from shopcrm.people.consent import ConsentMethod
from shopcrm.people.customers import CustomerService
from shopcrm.people.occasions import OccasionKind, OccasionService
from shopcrm.storage import backups, failures
from shopcrm.storage.store import Store

PROGRESS_EVERY = 100
"""Rows between two progress reports (each is also a chance to cancel)."""


class ImportCancelled(ShopError):
    """The import was stopped before it ended; nothing was imported."""


@dataclass(frozen=True)
class Outcome:
    """What an import did."""

    added: int
    merged: int
    skipped: int
    backup: Path | None
    rewards: int = 0
    """Rewards the loyalty rules issued for the opening balances brought in."""


class ImportService:
    """Read files of customers, show what they hold, and bring them in."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        customers: CustomerService,
        occasions: OccasionService,
        loyalty: LoyaltyService,
    ) -> None:
        self._store = store
        self._clock = clock
        self._customers = customers
        self._occasions = occasions
        self._loyalty = loyalty

    def read(self, path: str | Path, progress: Progress | None = None) -> Sheet:
        """The file as a table of text (touches no database); ``InvalidInput`` says why a file
        cannot be read."""
        return reading.read_file(Path(path), progress)

    def recognise(self, sheet: Sheet) -> Mapping:
        """Which column holds what, recognised from the headers."""
        return recognise(sheet.headers, sheet.kind)

    def plan(self, sheet: Sheet, mapping: Mapping, progress: Progress | None = None) -> Plan:
        """The rows checked (drafts and bad rows) and the duplicates found, each skipped until
        the person chooses otherwise; ``InvalidInput`` when no column holds the names.
        ``progress`` as for ``read``."""
        problem = mapping.problem()
        if problem:
            raise InvalidInput(problem)
        drafts, bad = read_rows(sheet, mapping, self._clock().date(), progress)
        entries = find_duplicates(self._store, drafts)
        return Plan(sheet.name, entries, bad)

    def run(self, plan: Plan, progress: Progress | None = None) -> Outcome:
        """Back up, then bring in every entry of ``plan`` in one transaction. ``progress`` is
        told (done, total) and may return False to cancel (``ImportCancelled``); on any error
        nothing is imported."""
        if not plan.entries:
            raise InvalidInput(_("There is no customer to import in this file."))
        self._store.verified()
        folder = backups.backup_folder(self._store.path)
        with failures.reported(folder):
            backup = backups.before_import(self._store.conn, self._store.path, self._clock())
        writer = _Writer(self, plan.file_name)
        total = len(plan.entries)
        with self._store.transaction():
            rewards_before = self._rewards()
            for done, entry in enumerate(plan.entries):
                if (
                    progress is not None
                    and done % PROGRESS_EVERY == 0
                    and not progress(done, total)
                ):
                    raise ImportCancelled(_("The import was cancelled: nothing was imported."))
                try:
                    writer.bring_in(entry)
                except ImportCancelled:
                    raise
                except ShopError as error:
                    raise InvalidInput(
                        _("Row {line}: {reason} Nothing was imported.").format(
                            line=number(entry.draft.line), reason=str(error)
                        )
                    ) from error
            if progress is not None:
                progress(total, total)
            rewards = self._rewards() - rewards_before
        return Outcome(writer.added, writer.merged, writer.skipped, backup, rewards)

    def _rewards(self) -> int:
        row = self._store.one("SELECT count(*) AS n FROM rewards")
        return int(row["n"]) if row else 0


class _Writer:
    """Brings the entries in, one by one, inside the import's transaction."""

    def __init__(self, service: ImportService, file_name: str) -> None:
        self.s = service
        self.known = Known.of_shop(service._store)
        self.reason = _("Imported from {file}").format(file=quote(file_name, 60))
        self.added = self.merged = self.skipped = 0

    def bring_in(self, entry: Entry) -> None:
        draft = entry.draft
        target, _by = self.known.match(draft) if entry.duplicate else (None, "")
        if target is not None and entry.choice is Choice.SKIP:
            self.skipped += 1
        elif target is not None and entry.choice is Choice.MERGE:
            self.merge(target, draft)
            self.merged += 1
        else:
            self.add(draft)
            self.added += 1

    def add(self, draft: Draft) -> None:
        wishes = {c.value: (True, ConsentMethod.ELECTRONIC.value) for c in draft.consents}
        customer = self.s._customers.add(
            name=draft.name,
            phone=draft.phone,
            email=draft.email,
            address=draft.address,
            notes=draft.notes,
            tags=draft.tags,
            birthday=draft.birthday.typed if draft.birthday else "",
            consents=wishes,
            allow_duplicate_phone=True,
        )
        self.known.add(customer.id, customer.phone, customer.email)
        self.anniversary(customer.id, draft)
        self.opening_balance(customer.id, draft)

    def merge(self, customer_id: int, draft: Draft) -> None:
        """Fill the customer's empty fields from the draft, add what they lack."""
        current = self.s._customers.get(customer_id)
        changes: dict[str, object] = {}
        for key in ("phone", "email", "address", "notes"):
            if not getattr(current, key) and getattr(draft, key):
                changes[key] = getattr(draft, key)
        new_tags = [t for t in draft.tags if t not in current.tags]
        if new_tags and len(current.tags) + len(new_tags) <= 30:
            changes["tags"] = [*current.tags, *new_tags]
        if current.birthday is None and draft.birthday is not None:
            changes["birthday"] = draft.birthday.typed
        holds = consent.current(self.s._store, customer_id)
        asked_never = {c.value: (True, "electronic") for c in draft.consents if not holds[c].asked}
        if asked_never:
            changes["consents"] = asked_never
        if changes:
            updated = self.s._customers.update(customer_id, allow_duplicate_phone=True, **changes)
            self.known.add(customer_id, updated.phone, updated.email)
        self.anniversary(customer_id, draft)
        balance = self.s._loyalty.balance(customer_id)
        if not balance.visits and not balance.spending:
            self.opening_balance(customer_id, draft)

    def anniversary(self, customer_id: int, draft: Draft) -> None:
        day = draft.anniversary
        if day is None:
            return
        for kept in self.s._occasions.of_customer(customer_id):
            if kept.kind is OccasionKind.WEDDING and (kept.month, kept.day) == day[:2]:
                return
        self.s._occasions.add(customer_id, OccasionKind.WEDDING, on=day.typed, yearly=True)

    def opening_balance(self, customer_id: int, draft: Draft) -> None:
        if draft.visits or draft.spent:
            # A till's lifetime counts: loyalty goes on from there; the rounds they complete
            # were the till's to reward, so none is issued for them.
            self.s._loyalty.adjust(
                customer_id,
                visits=draft.visits,
                spending=draft.spent,
                reason=self.reason,
                already_rewarded=True,
            )
