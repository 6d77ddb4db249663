"""The list of every customer, read a page at a time: the Customers page's rows.

Each order the page offers is an index (``shopcrm.storage.schema_lean_customers``): names by the
stored Turkish sort key (``customers.name_sort``), numbers by value, dates by ISO text, ties by
the customer's number. A page of rows is one walk of that index, so that showing and sorting the
list cost the same at a thousand customers and at a million; only the page shown is ever read.

What is typed in the filter box matches, folded like the counter's search, anywhere in the name,
the e-mail, the phone's digits or the tags; the segment chosen keeps its customers.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from shopcrm.common.text import fold
from shopcrm.people.phone import looks_like_phone, query_digits
from shopcrm.people.records import CUSTOMER_LINE_COLUMNS, CustomerLine
from shopcrm.storage import connections
from shopcrm.storage.reading import Reading
from shopcrm.storage.store import Store

FOLD_FUNCTION = "shopcrm_fold"
"""The SQL name of ``shopcrm.common.text.fold`` on the shop's connection (tags are stored as
typed, with their Turkish letters)."""

SqlPart = tuple[str, dict[str, object]]

FEW = 20_000
"""Up to this many customers kept by a typed text are found in one pass and kept by number."""


class ListOrder(StrEnum):
    """What the list is sorted by: one per column of the Customers page."""

    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    TAGS = "tags"
    VISITS = "visits"
    SPENT = "spent"
    LAST_VISIT = "last_visit"
    SINCE = "since"
    SEGMENT = "segment"


_SORTED_BY = {
    ListOrder.NAME: "name_sort",
    ListOrder.PHONE: "phone",
    ListOrder.EMAIL: "email",
    ListOrder.TAGS: "tags",
    ListOrder.VISITS: "visit_count",
    ListOrder.SPENT: "total_spent",
    ListOrder.LAST_VISIT: "last_visit",
    ListOrder.SINCE: "created_at",
}


@dataclass(frozen=True)
class ListQuery:
    """Which customers the list holds and in what order."""

    order: ListOrder = ListOrder.NAME
    descending: bool = False
    text: str = ""
    """What was typed in the filter box ('' keeps everyone)."""
    segment: str | None = None
    """Only the active customers of this segment (``shopcrm.numbers.segments.Segment``)."""
    include_archived: bool = False


@functools.lru_cache(maxsize=4096)
def _fold_tags(tags: str) -> str:
    """``fold`` for the tags of a row: a shop uses a few tags over and over, folded once each."""
    return fold(tags)


def filter_words(text: str) -> str:
    """What a filter box text is looked for as: a phone's national digits when it is made of
    phone characters, else the folded text ('' matches everyone)."""
    if looks_like_phone(text):
        return query_digits(text)
    return fold(text)


class CustomerListService:
    """Pages of the customers list, its length, and where a customer stands in it."""

    def __init__(
        self,
        store: Store,
        segment_condition: Callable[[str], SqlPart],
        segment_place: Callable[[], SqlPart],
        segment_count: Callable[[str], int],
    ) -> None:
        self._store = store
        self._segment_condition = segment_condition
        self._segment_place = segment_place
        self._segment_count = segment_count
        self._few: tuple[ListQuery, list[int] | None] | None = None
        store.conn.create_function(FOLD_FUNCTION, 1, _fold_tags, deterministic=True)

    def page(self, query: ListQuery, offset: int, limit: int) -> list[CustomerLine]:
        """``limit`` customers from position ``offset`` (0 the first) of the list."""
        few = self._matches(query)
        if few is not None:
            return self._lines(few[max(0, offset) : max(0, offset) + max(0, limit)])
        where, params = self._where(query)
        params.update(limit=max(0, limit), offset=max(0, offset))
        if query.order == ListOrder.SEGMENT:
            sql, place_params = self._by_segment(query, where)
            params.update(place_params)
        else:
            order, order_params = self._order(query)
            params.update(order_params)
            sql = (
                f"SELECT {CUSTOMER_LINE_COLUMNS} FROM customers {where} ORDER BY {order} "
                "LIMIT :limit OFFSET :offset"
            )
        return list(map(CustomerLine._make, self._store.execute(sql, params)))

    def _by_segment(self, query: ListQuery, where: str) -> SqlPart:
        """SQL for a page in the order of the segments, by name in each: one walk of the names'
        index per segment, one after the other, rather than the place of every customer worked
        out and sorted (seconds for a million)."""
        place, params = self._segment_place()
        places = list(range(6 if query.include_archived else 5))
        way = " DESC" if query.descending else ""
        and_ = "AND" if where else "WHERE"
        parts = [
            f"SELECT * FROM (SELECT {CUSTOMER_LINE_COLUMNS} FROM customers {where} "
            f"{and_} ({place}) = {number} ORDER BY name_sort{way}, id{way})"
            for number in (reversed(places) if query.descending else places)
        ]
        return " UNION ALL ".join(parts) + " LIMIT :limit OFFSET :offset", params

    def count(self, query: ListQuery) -> int:
        """How many customers the list holds (read afresh: call it after a change)."""
        if not query.text:
            if query.segment is None:
                return self.total(query.include_archived)
            return self._segment_count(query.segment)
        few = self._matches(query, afresh=True)
        if few is not None:
            return len(few)
        where, params = self._where(query)
        sql = f"SELECT count(*) AS n FROM customers NOT INDEXED {where}"
        return self._count_of(sql, params)

    def _matches(self, query: ListQuery, afresh: bool = False) -> list[int] | None:
        """Every customer a typed text keeps, in order, when they are at most ``FEW``; None
        when they are more, or nothing was typed.

        One pass over the table finds them (walking an order's index to find a few among a
        million would take far longer); they are kept until the query changes or ``count``."""
        if not query.text:
            return None
        if not afresh and self._few is not None and self._few[0] == query:
            return self._few[1]
        where, params = self._where(query)
        order, order_params = self._order(query)
        params.update(order_params, limit=FEW + 1)
        sql = f"SELECT id FROM customers NOT INDEXED {where} ORDER BY {order} LIMIT :limit"
        ids = [row[0] for row in self._store.execute(sql, params)]
        found = ids if len(ids) <= FEW else None
        self._few = (query, found)
        return found

    def _lines(self, ids: list[int]) -> list[CustomerLine]:
        """The lines of these customers, in this order."""
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        sql = f"SELECT {CUSTOMER_LINE_COLUMNS} FROM customers WHERE id IN ({marks})"
        by_id = {
            line.id: line for line in map(CustomerLine._make, self._store.execute(sql, tuple(ids)))
        }
        return [by_id[i] for i in ids if i in by_id]

    def total(self, include_archived: bool = False) -> int:
        """How many customers there are (archived ones too, or not), whatever the filter.

        The whole table is counted from its smallest index, on a connection of its own: its
        pages (20 MB for a million customers) do not stay in the shop's page cache. The archived
        ones are counted from their own index."""
        if self._store.conn.in_transaction:  # what this transaction added counts too
            row = self._store.one("SELECT count(*) AS n FROM customers")
            everyone = int(row["n"]) if row else 0
        else:
            with closing(connections.read_only(self._store.path)) as counting:
                everyone = int(counting.execute("SELECT count(*) FROM customers").fetchone()[0])
        if include_archived:
            return everyone
        row = self._store.one(
            "SELECT count(*) AS n FROM customers INDEXED BY customers_archived "
            "WHERE archived_at IS NOT NULL"
        )
        return everyone - (int(row["n"]) if row else 0)

    def newest_id(self) -> int:
        """The number of the customer added last (0 when there is none)."""
        row = self._store.one("SELECT max(id) AS n FROM customers")
        return int(row["n"] or 0) if row else 0

    def position(self, query: ListQuery, customer_id: int) -> int | None:
        """The position of a customer in the list (0 the first), or None when it does not hold
        them."""
        where, params = self._where(query)
        params["id"] = customer_id
        and_ = "AND" if where else "WHERE"
        if self._store.one(f"SELECT 1 FROM customers {where} {and_} id = :id", params) is None:
            return None
        few = self._matches(query)
        if few is not None:
            return few.index(customer_id) if customer_id in few else None
        terms, key_params = self._key(query)
        params.update(key_params)
        if len(terms) == 1:
            return self._position_by_index(terms[0], where, and_, params, query.descending)
        # NULL (never visited) sorts first, as in ORDER BY; a row value would not compare it
        key = ", ".join(f"coalesce({term}, '')" for term in terms)
        before = ">" if query.descending else "<"
        sql = (
            f"SELECT count(*) AS n FROM customers {where} {and_} "
            f"({key}, id) {before} (SELECT {key}, id FROM customers WHERE id = :id)"
        )
        return self._count_of(sql, params)

    def _position_by_index(
        self, key: str, where: str, and_: str, params: dict[str, Any], descending: bool
    ) -> int:
        """The position of customer ``:id`` counted as ranges of the order's own index: those
        before them by the key, then those of the same key before them by number."""
        row = self._store.one(f"SELECT {key} AS k FROM customers WHERE id = :id", params)
        params["k"] = row["k"] if row else None
        count = f"SELECT count(*) AS n FROM customers {where} {and_} "
        if params["k"] is None:  # NULLs come first, or last when descending
            same = self._count_of(
                count + f"{key} IS NULL AND id {'>' if descending else '<'} :id", params
            )
            return same + (
                self._count_of(count + f"{key} IS NOT NULL", params) if descending else 0
            )
        before, after = (">", ">") if descending else ("<", "<")
        by_key = self._count_of(count + f"{key} {before} :k", params)
        same = self._count_of(count + f"{key} = :k AND id {after} :id", params)
        nulls = 0 if descending else self._count_of(count + f"{key} IS NULL", params)
        return by_key + same + nulls

    def _count_of(self, sql: str, params: dict[str, Any]) -> int:
        row = self._store.one(sql, params)
        return int(row["n"]) if row else 0

    def _where(self, query: ListQuery) -> tuple[str, dict[str, Any]]:
        conditions: list[str] = []
        params: dict[str, Any] = {}
        if not query.include_archived:
            conditions.append("archived_at IS NULL")
        words = filter_words(query.text)
        if words:
            params["words"] = words
            if looks_like_phone(query.text):
                conditions.append("instr(phone_digits, :words) > 0")
            else:
                conditions.append(
                    "(instr(name_folded, :words) > 0 OR instr(lower(email), :words) > 0 "
                    "OR instr(phone_digits, :words) > 0 "
                    f"OR (tags != '' AND instr({FOLD_FUNCTION}(tags), :words) > 0))"
                )
        if query.segment is not None:
            sql, segment_params = self._segment_condition(query.segment)
            conditions.append(sql)
            params.update(segment_params)
        return ("WHERE " + " AND ".join(conditions)) if conditions else "", params

    def _key(self, query: ListQuery) -> tuple[list[str], dict[str, object]]:
        """What the list is sorted by, term by term, before the customer's number."""
        if query.order == ListOrder.SEGMENT:
            place, params = self._segment_place()
            return [f"({place})", "name_sort"], params
        return [_SORTED_BY[ListOrder(query.order)]], {}

    def _order(self, query: ListQuery) -> SqlPart:
        terms, params = self._key(query)
        direction = " DESC" if query.descending else ""
        return ", ".join(f"{term}{direction}" for term in [*terms, "id"]), params


def lines_by_name(store: Reading, ids: Iterable[int]) -> list[CustomerLine]:
    """The lines of the customers ``ids`` (archived ones too), in Turkish alphabetical order of
    name: one statement, whatever their number."""
    rows = store.query(
        f"SELECT {CUSTOMER_LINE_COLUMNS} FROM customers "
        "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name_sort, id",
        (json.dumps(sorted(ids)),),
    )
    return [CustomerLine._make(row.values()) for row in rows]
