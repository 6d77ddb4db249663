"""The customers to a file: CSV (two kinds) or XLSX with their visits, spending, last visit,
tags, occasions and consent on each channel (``export_columns.CUSTOMER_COLUMNS``), or vCard for
a phone (``shopcrm.moving.vcards``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from shopcrm.common.clock import Clock
from shopcrm.common.i18n import _
from shopcrm.common.text import sort_key_text
from shopcrm.moving import export_columns as col
from shopcrm.moving.table_files import Cell, Money, TableFormat, TableJob, Written
from shopcrm.moving.vcards import VCardJob
from shopcrm.people.consent import Channel
from shopcrm.people.occasion_texts import describe
from shopcrm.people.records import CUSTOMER_COLUMNS, Customer, customer_from_row
from shopcrm.storage.store import Store


@dataclass(frozen=True)
class ExportedCustomer:
    """A customer with what the customers file holds beside the record."""

    customer: Customer
    occasions: tuple[str, ...]
    """Their occasions other than their own birthday: "Evlilik yıl dönümü 06-12"."""
    consents: frozenset[Channel]
    """The channels they have consent on now."""


def exported_customers(
    store: Store, customer_ids: Sequence[int] | None = None
) -> list[ExportedCustomer]:
    """The customers to export (those not archived, or exactly ``customer_ids``), in Turkish
    alphabetical order, with their occasions and consents, read in three queries."""
    params: tuple[int, ...] = ()
    if customer_ids is None:
        where = "WHERE archived_at IS NULL"
    else:
        where = f"WHERE id IN ({', '.join('?' * len(customer_ids))})" if customer_ids else "WHERE 0"
        params = tuple(customer_ids)
    rows = store.query(f"SELECT {CUSTOMER_COLUMNS} FROM customers {where}", params)
    customers = sorted((customer_from_row(r) for r in rows), key=lambda c: sort_key_text(c.name))
    occasions: dict[int, list[str]] = {}
    for o in store.query(
        "SELECT customer_id, kind, whose, label, yearly, month, day, year FROM occasions "
        "WHERE removed_at IS NULL AND NOT (kind = 'birthday' AND whose = '') "
        "ORDER BY customer_id, month, day, id"
    ):
        when = f"{o['month']:02d}-{o['day']:02d}"
        if o["year"] is not None:
            when = f"{o['year']:04d}-{when}"
        what = describe(o["kind"], o["whose"], o["label"], bool(o["yearly"]))
        occasions.setdefault(o["customer_id"], []).append(f"{what} {when}")
    consents: dict[int, set[Channel]] = {}
    for k in store.query(
        "SELECT customer_id, channel, given FROM consents WHERE id IN "
        "(SELECT max(id) FROM consents GROUP BY customer_id, channel)"
    ):
        if k["given"]:
            consents.setdefault(k["customer_id"], set()).add(Channel(k["channel"]))
    return [
        ExportedCustomer(c, tuple(occasions.get(c.id, ())), frozenset(consents.get(c.id, set())))
        for c in customers
    ]


def customer_cells(item: ExportedCustomer, language: str | None = None) -> list[Cell]:
    """One row of the customers file, in the order of ``CUSTOMER_COLUMNS``."""
    c = item.customer
    yes, no = col.YES.text(language), col.NO.text(language)
    values: dict[str, Cell] = {
        col.CUSTOMER_NO: c.id,
        col.NAME: c.name,
        col.PHONE: c.phone,
        col.EMAIL: c.email,
        col.ADDRESS: c.address,
        col.BIRTHDAY: c.birthday or "",
        col.TAGS: ", ".join(c.tags),
        col.NOTES: c.notes,
        col.VISITS: c.visit_count,
        col.TOTAL_SPENT: Money(c.total_spent),
        col.LAST_VISIT: date.fromisoformat(c.last_visit[:10]) if c.last_visit else None,
        col.CUSTOMER_SINCE: date.fromisoformat(c.created_at[:10]),
        col.OCCASIONS: "; ".join(item.occasions),
    }
    for channel in Channel:
        values[col.CONSENT_KEYS[channel.value]] = yes if channel in item.consents else no
    return [values[column.key] for column in col.CUSTOMER_COLUMNS]


class CustomerExport:
    """Write the shop's customers (or some of them) to a file."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def table_job(
        self,
        kind: TableFormat | str,
        customer_ids: Sequence[int] | None = None,
        language: str | None = None,
    ) -> TableJob[ExportedCustomer]:
        """The customers (not archived, or those of ``customer_ids``) read, ready to be written
        as CSV or XLSX (``TableJob.write``, which a worker thread may run)."""
        chosen = TableFormat(kind)
        return TableJob(
            chosen,
            col.CUSTOMER_COLUMNS,
            exported_customers(self._store, customer_ids),
            partial(customer_cells, language=language),
            sheet=_("Customers"),
            language=language,
        )

    def vcard_job(self, customer_ids: Sequence[int] | None = None) -> VCardJob:
        """The customers read, ready to be written as vCards 3.0 (``VCardJob.write``)."""
        items = exported_customers(self._store, customer_ids)
        return VCardJob([item.customer for item in items])

    def to_table(
        self,
        path: str | Path,
        kind: TableFormat | str,
        customer_ids: Sequence[int] | None = None,
        language: str | None = None,
    ) -> Written:
        """Write the customers (not archived, or those of ``customer_ids``) as CSV or XLSX."""
        return self.table_job(kind, customer_ids, language).write(path)

    def to_vcards(self, path: str | Path, customer_ids: Sequence[int] | None = None) -> Written:
        """Write the customers as vCards 3.0 in one .vcf file, for a phone's contacts."""
        return self.vcard_job(customer_ids).write(path)
