"""``Shop``: the one way into the core. It opens the database and hands out the services."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from shopcrm.common.clock import Clock, local_now
from shopcrm.common.errors import ShopError
from shopcrm.common.i18n import _
from shopcrm.people.customers import CustomerService
from shopcrm.settings import SettingsService
from shopcrm.storage import backups
from shopcrm.storage.store import Store

if TYPE_CHECKING:
    from shopcrm.care.call_list import CallListService, DueOccasion
    from shopcrm.care.complaints import ComplaintService
    from shopcrm.care.contact_log import ContactService
    from shopcrm.care.upcoming import UpcomingService
    from shopcrm.common.preferences import Settings
    from shopcrm.documents.print_queue import PrintQueueService
    from shopcrm.documents.printed import PrintedLog
    from shopcrm.documents.service import DocumentService
    from shopcrm.documents.shop_logo import LogoService
    from shopcrm.loyalty.engine import LoyaltyService
    from shopcrm.loyalty.reward_service import RewardService
    from shopcrm.loyalty.rules import LoyaltyRule, RuleService
    from shopcrm.loyalty.visits import Recount, VisitRule
    from shopcrm.moving.customer_data_files import CustomerDataService
    from shopcrm.moving.erasing import ErasureService
    from shopcrm.moving.export_customers import CustomerExport
    from shopcrm.moving.export_sales import SalesExport
    from shopcrm.moving.importing import ImportService
    from shopcrm.moving.mailing import MailingService
    from shopcrm.numbers.draws import DrawService
    from shopcrm.numbers.segments import SegmentService
    from shopcrm.numbers.service import NumbersService
    from shopcrm.people.consent import ConsentService
    from shopcrm.people.customer_list import CustomerListService
    from shopcrm.people.merging import MergeService
    from shopcrm.people.occasions import OccasionService
    from shopcrm.sales.purchases import PurchaseService
    from shopcrm.storage.backup_list import BackupFile


class Shop:
    """An open shop database and its services.

    >>> shop = Shop.open("shop.sqlite3")
    >>> c = shop.customers.add(name="Şükrü Öztürk", phone="0532 123 45 67")
    >>> shop.purchases.log(c.id, amount="1.250,50")
    """

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.closed = False
        """Whether ``close`` was called (a timer of a window may still fire after it)."""
        self.clock = clock
        self.settings = SettingsService(store, self._recount_visits, self._settings_saved)
        self.customers = CustomerService(store, clock)

    # The other services are made, and their modules imported, when first used: the counter's
    # first screen needs few of them, and a start pays only for what it shows.

    @cached_property
    def consent(self) -> ConsentService:
        from shopcrm.people.consent import ConsentService

        return ConsentService(self.store, self.clock)

    @cached_property
    def merges(self) -> MergeService:
        from shopcrm.people.merging import MergeService

        return MergeService(self.store, self.clock, self._refresh_counts)

    @cached_property
    def purchases(self) -> PurchaseService:
        from shopcrm.sales.purchases import PurchaseService

        return PurchaseService(self.store, self.clock, self.settings.get)

    @cached_property
    def rules(self) -> RuleService:
        from shopcrm.loyalty.rules import RuleService

        return RuleService(self.store, self.clock, self.settings.get, catch_up=self._catch_up)

    @cached_property
    def rewards(self) -> RewardService:
        from shopcrm.loyalty.reward_service import RewardService

        read_settings = self.settings.get
        return RewardService(self.store, self.clock, lambda: read_settings().currency)

    @cached_property
    def loyalty(self) -> LoyaltyService:
        from shopcrm.loyalty.engine import LoyaltyService

        return LoyaltyService(self.store, self.clock, self.settings.get)

    @cached_property
    def contacts(self) -> ContactService:
        from shopcrm.care.contact_log import ContactService

        return ContactService(self.store, self.clock)

    @cached_property
    def complaints(self) -> ComplaintService:
        from shopcrm.care.complaints import ComplaintService

        return ComplaintService(self.store, self.clock)

    @cached_property
    def occasions(self) -> OccasionService:
        from shopcrm.people.occasions import OccasionService

        return OccasionService(self.store, self.clock)

    @cached_property
    def upcoming(self) -> UpcomingService:
        from shopcrm.care.upcoming import UpcomingService

        return UpcomingService(self.store, self.clock, self.settings.get)

    @cached_property
    def calls(self) -> CallListService:
        from shopcrm.care.call_list import CallListService

        return CallListService(self.store, self.clock, self.settings.get, self._occasions_due)

    @cached_property
    def documents(self) -> DocumentService:
        from shopcrm.documents.service import DocumentService

        return DocumentService(self.store, self.clock, self.settings.get)

    @cached_property
    def printed(self) -> PrintedLog:
        from shopcrm.documents.printed import PrintedLog

        return PrintedLog(self.store, self.clock)

    @cached_property
    def logo(self) -> LogoService:
        from shopcrm.documents.shop_logo import LogoService

        return LogoService(self.store, self.clock)

    @cached_property
    def print_queue(self) -> PrintQueueService:
        from shopcrm.documents.print_queue import PrintQueueService

        return PrintQueueService(self.store, self.clock, self.settings.get)

    @cached_property
    def segments(self) -> SegmentService:
        from shopcrm.numbers.segments import SegmentService

        return SegmentService(self.store, self.clock, self.settings.get)

    @cached_property
    def customer_list(self) -> CustomerListService:
        from shopcrm.people.customer_list import CustomerListService

        segments = self.segments
        return CustomerListService(self.store, segments.condition, segments.place, segments.count)

    @cached_property
    def draws(self) -> DrawService:
        from shopcrm.numbers.draws import DrawService

        return DrawService(self.store, self.clock, self.rewards, self.settings.get)

    @cached_property
    def numbers(self) -> NumbersService:
        from shopcrm.numbers.service import NumbersService

        return NumbersService(self.store, self.clock, self.settings.get)

    @cached_property
    def customer_export(self) -> CustomerExport:
        from shopcrm.moving.export_customers import CustomerExport

        return CustomerExport(self.store, self.clock)

    @cached_property
    def sales_export(self) -> SalesExport:
        from shopcrm.moving.export_sales import SalesExport

        return SalesExport(self.store, self.clock)

    @cached_property
    def mailing(self) -> MailingService:
        from shopcrm.moving.mailing import MailingService

        return MailingService(self.store, self.clock)

    @cached_property
    def customer_data(self) -> CustomerDataService:
        from shopcrm.moving.customer_data_files import CustomerDataService

        return CustomerDataService(self.store, self.clock, self.settings.get)

    @cached_property
    def erasure(self) -> ErasureService:
        from shopcrm.moving.erasing import ErasureService

        return ErasureService(self.store, self.clock)

    @cached_property
    def imports(self) -> ImportService:
        from shopcrm.moving.importing import ImportService

        return ImportService(self.store, self.clock, self.customers, self.occasions, self.loyalty)

    def _settings_saved(self, before: Settings, after: Settings) -> None:
        """A change of the settings, inside its transaction: the print queue notes the print
        rules switched on or off."""
        self.print_queue.rules_changed(before, after)

    def _recount_visits(self, rule: VisitRule, trial: bool) -> Recount:
        """Count visits under ``rule`` and settle rewards; a trial is rolled back."""
        from shopcrm.loyalty import recount

        reason = _("Taken back: visits were counted again under another rule.")
        if not trial:
            return recount.recount_visits(self.store, self.clock(), rule, reason)
        with recount.trial(self.store):
            impact = recount.recount_visits(self.store, self.clock(), rule, reason)
        return impact

    def _refresh_counts(self, customer_id: int) -> None:
        """Count one customer's visits, spending and last visit again (after a merge)."""
        from shopcrm.loyalty import visits

        visits.refresh(self.store, self.settings.get().visit_rule, customer_id)

    def _occasions_due(self, on: date) -> list[DueOccasion]:
        """The occasions within their notice on a day, for the call list."""
        from shopcrm.care.call_list import DueOccasion

        return [
            DueOccasion(
                occasion_id=due.id,
                customer_id=due.customer_id,
                year=due.coming.falls_on.year,
                text=due.coming.text,
            )
            for due in self.upcoming.within_notice(on)
        ]

    def _catch_up(self, rule: LoyaltyRule) -> int:
        """Issue what a resumed rule has earned every customer meanwhile."""
        from shopcrm.loyalty import recount

        return recount.catch_up(self.store, self.clock(), rule, self.settings.get().visit_rule)

    @classmethod
    def open(
        cls,
        path: str | Path,
        clock: Clock = local_now,
        exclusive: bool = True,
        check_in_background: bool = False,
    ) -> Shop:
        """Open or create the database at ``path``: checked, backed up and migrated.

        Raises ``DatabaseInUse`` when another copy of the app has it open (unless
        ``exclusive`` is False), ``DatabaseDamaged`` when the file is damaged, and the other
        ``StorageProblem``s (``NotAShopDatabase``, ``NetworkDrive``, ``NoPermission``,
        ``DiskFull``...) when it cannot be used; a refused file is left unchanged. With
        ``check_in_background`` the integrity check runs while the caller starts up: changes
        made meanwhile go into the -wal without waiting (the file itself stays as checked, and a
        file found damaged refuses every change after the verdict), and ``verify()`` tells it.
        """
        return cls(Store.open(Path(path), clock, exclusive, check_in_background), clock)

    def check_finished(self) -> bool:
        """Whether the integrity check of the opening is over (never blocks)."""
        return self.store.checked()

    def verify(self) -> None:
        """Wait for the integrity check; raise ``DatabaseDamaged`` if the file is damaged."""
        self.store.verified()

    def backup_finished(self) -> bool:
        """Whether today's backup is over, or none is coming (never blocks)."""
        return self.store.backup_finished()

    def backup_problem(self) -> ShopError | None:
        """Why today's backup failed, once it is over (None otherwise; never blocks). A failed
        backup never stops the shop: tell the shopkeeper and carry on."""
        return self.store.backup_problem()

    @property
    def created(self) -> bool:
        """Whether this opening created the database: a new shop, opened for the first time."""
        return self.store.created

    @property
    def path(self) -> Path:
        """The database file."""
        return self.store.path

    def close(self, hurry: bool = False) -> None:
        """Close the database, after today's backup is complete; in a ``hurry`` (quitting),
        an unfinished backup or check is stopped instead, and nothing unfinished is kept."""
        self.closed = True
        self.store.close(hurry)

    @property
    def backup_folder(self) -> Path:
        """The folder where the shop's backups are kept."""
        return backups.backup_folder(self.store.path)

    def backups(self) -> list[BackupFile]:
        """The shop's backups, newest first, each with its size and counts (a damaged one says
        so)."""
        from shopcrm.storage import backup_list

        return backup_list.listed(self.store.path)

    def check_backup(self, backup: Path) -> None:
        """Read the whole backup: raise ``DamagedBackup`` (saying why) unless it can be
        restored."""
        from shopcrm.storage import restore

        restore.check(backup)

    def restore(self, backup: Path, checked: bool = False) -> Path:
        """Put ``backup`` in place of the shop's database: the backup is checked first (a
        damaged one raises ``DamagedBackup`` and nothing changes), then this shop is closed and
        the current file kept aside beside it, named with the time; that path is returned.
        Open the shop again with ``Shop.open(shop.path)``. With ``checked`` (the caller has
        just checked it, ``check_backup``) it is not read twice."""
        from shopcrm.storage import restore

        if not checked:
            restore.check(backup)
        self.close()
        return restore.restore(self.store.path, backup, self.clock(), checked=True)

    def __enter__(self) -> Shop:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
