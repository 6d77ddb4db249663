"""The purchases and the contact log of a date range, for the accountant: CSV or XLSX, voided
purchases and entries in it, marked as such (never hidden), from the first day's morning to the
last day's night (both days included, in the shop's local time)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from shopcrm.care.contacts import ContactKind, kind_titles
from shopcrm.common.clock import Clock
from shopcrm.common.errors import InvalidInput
from shopcrm.common.formatting import day
from shopcrm.common.i18n import _
from shopcrm.moving import export_columns as col
from shopcrm.moving.table_files import Cell, Money, TableFormat, TableJob, Written
from shopcrm.sales.voids import VoidReason, reason_titles
from shopcrm.storage.store import Row, Store


def checked_range(start: date, end: date) -> tuple[str, str]:
    """The ISO bounds of the days ``start`` to ``end`` (both included): the first moment of
    ``start`` and the first moment after ``end``. ``InvalidInput`` if they are the wrong way."""
    if not isinstance(start, date) or not isinstance(end, date):
        raise InvalidInput(_("Choose the first and the last day."))
    if end < start:
        raise InvalidInput(
            _("The last day ({end}) is before the first ({start}).").format(
                start=day(start.isoformat()), end=day(end.isoformat())
            )
        )
    return start.isoformat(), (end + timedelta(days=1)).isoformat()


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text).replace(second=0, microsecond=0) if text else None


def purchase_cells(row: Row, language: str | None = None) -> list[Cell]:
    """One row of the purchases file, in the order of ``PURCHASE_COLUMNS``."""
    reason = ""
    if row["voided_at"] is not None:
        code = row["void_code"]
        title = reason_titles().get(VoidReason(code), "") if code else ""
        reason = " — ".join(t for t in (title, row["void_reason"]) if t)
    voided = col.VOIDED_MARK.text(language) if row["voided_at"] is not None else ""
    values: dict[str, Cell] = {
        col.PURCHASE_NO: row["id"],
        col.WHEN: _moment(row["purchased_at"]),
        col.CUSTOMER_NO: row["customer_id"],
        col.CUSTOMER: row["name"],
        col.AMOUNT: Money(row["amount"]),
        col.DISCOUNT: Money(row["discount"]),
        col.PAID: Money(row["amount"] - row["discount"]),
        col.NOTE: row["note"],
        col.VOIDED: voided,
        col.VOID_REASON: reason,
        col.REPLACES: row["replaces_id"],
    }
    return [values[column.key] for column in col.PURCHASE_COLUMNS]


def contact_cells(row: Row, language: str | None = None) -> list[Cell]:
    """One row of the contact log file, in the order of ``CONTACT_COLUMNS``."""
    status = ""
    if row["status"] == "open":
        status = col.OPEN.text(language)
    elif row["status"] == "resolved":
        status = col.RESOLVED.text(language)
    follow_up = date.fromisoformat(row["follow_up_on"][:10]) if row["follow_up_on"] else None
    values: dict[str, Cell] = {
        col.CONTACT_NO: row["id"],
        col.WHEN: _moment(row["happened_at"]),
        col.CUSTOMER_NO: row["customer_id"],
        col.CUSTOMER: row["name"],
        col.KIND: kind_titles()[ContactKind(row["kind"])],
        col.SUMMARY: row["summary"],
        col.RECORDED_BY: row["recorded_by"],
        col.FOLLOW_UP: follow_up,
        col.SCORE: row["score"],
        col.STATUS: status,
        col.RESOLUTION: row["resolution"],
        col.RESOLVED_AT: _moment(row["resolved_at"]),
        col.VOIDED: col.VOIDED_MARK.text(language) if row["voided_at"] is not None else "",
        col.VOID_REASON: row["void_reason"],
    }
    return [values[column.key] for column in col.CONTACT_COLUMNS]


class SalesExport:
    """The purchases and the contact log of a date range, to a file for the accountant."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def purchases(
        self,
        path: str | Path,
        kind: TableFormat | str,
        start: date,
        end: date,
        language: str | None = None,
    ) -> Written:
        """Write every purchase logged from ``start`` to ``end`` (both days included), voided
        ones marked, oldest first."""
        return self.purchases_job(kind, start, end, language).write(path)

    def contacts(
        self,
        path: str | Path,
        kind: TableFormat | str,
        start: date,
        end: date,
        language: str | None = None,
    ) -> Written:
        """Write every entry of the contact log from ``start`` to ``end`` (both days included),
        voided ones marked, oldest first."""
        return self.contacts_job(kind, start, end, language).write(path)

    def purchases_job(
        self, kind: TableFormat | str, start: date, end: date, language: str | None = None
    ) -> TableJob[Row]:
        """The purchases of the days read, ready to be written (``TableJob.write``)."""
        chosen = TableFormat(kind)
        since, until = checked_range(start, end)
        rows = self._store.query(
            "SELECT p.id, p.purchased_at, p.customer_id, c.name, p.amount, p.discount, p.note, "
            "p.voided_at, p.void_code, p.void_reason, p.replaces_id "
            "FROM purchases p JOIN customers c ON c.id = p.customer_id "
            "WHERE p.purchased_at >= ? AND p.purchased_at < ? ORDER BY p.purchased_at, p.id",
            (since, until),
        )
        return TableJob(
            chosen,
            col.PURCHASE_COLUMNS,
            rows,
            partial(purchase_cells, language=language),
            sheet=_("Purchases"),
            language=language,
        )

    def contacts_job(
        self, kind: TableFormat | str, start: date, end: date, language: str | None = None
    ) -> TableJob[Row]:
        """The contact log of the days read, ready to be written (``TableJob.write``)."""
        chosen = TableFormat(kind)
        since, until = checked_range(start, end)
        rows = self._store.query(
            "SELECT k.id, k.happened_at, k.customer_id, c.name, k.kind, k.summary, "
            "k.recorded_by, k.follow_up_on, k.score, k.status, k.resolution, k.resolved_at, "
            "k.voided_at, k.void_reason FROM contacts k JOIN customers c ON c.id = k.customer_id "
            "WHERE k.happened_at >= ? AND k.happened_at < ? ORDER BY k.happened_at, k.id",
            (since, until),
        )
        return TableJob(
            chosen,
            col.CONTACT_COLUMNS,
            rows,
            partial(contact_cells, language=language),
            sheet=_("Contact log"),
            language=language,
        )
