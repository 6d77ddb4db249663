"""Two records of one person merged into one, logged so that the merge can be undone exactly.

Merging customer B into A, in one transaction: B's purchases, rewards and vouchers, opening
balances, occasions, contact log (complaints among it), consents, call outcomes and print queue
rows become A's; the customers B referred are A's referrals; A's empty fields (phone, e-mail,
address, notes, tags, how to address them, who referred them) are filled from B's; A's and B's
visits, spending and consent summaries are counted again. B is kept, archived (hidden from the
counter, search and lists) and marked merged into A. The numbers' aggregates of both are rebuilt
once the purchases have moved (``shopcrm.storage.numbers_bulk``).

Two things move with a change, each logged: a reward whose round (cycle) A already holds for the
same rule gets the next round free (the database allows a round once per customer), and B's own
birthday is removed when A has one (a customer has one birthday). The winners of past draws stay
as drawn: a draw is a record of what happened. Nothing is issued or taken back by a merge: the
rewards the joined history has earned come with A's next purchase (``engine.settle``).

Every value changed is logged (table, row, column, before, after); ``undo`` puts each one back
where it still holds what the merge wrote, in the reverse order, and brings B back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.i18n import _
from shopcrm.people import consent
from shopcrm.storage import numbers_bulk
from shopcrm.storage.store import Row, Store

MOVED = (
    "purchases",
    "rewards",
    "adjustments",
    "occasions",
    "contacts",
    "consents",
    "call_outcomes",
    "print_queue",
)
"""The tables whose rows of the merged customer become the kept customer's (``customer_id``)."""
FILLED = ("email", "address", "notes", "tags", "address_form")
"""The kept customer's fields filled from the merged one's when empty (the phone too, with its
digits, and who referred them)."""
_CHANGEABLE = {
    **{table: {"customer_id"} for table in MOVED},
    "rewards": {"customer_id", "cycle"},
    "occasions": {"customer_id", "removed_at"},
    "customers": {"referred_by", "archived_at", "updated_at", "phone", "phone_digits", *FILLED},
}
"""What a merge may change, and so what an undo may write back (the log is read as data)."""

CountsRefresher = Callable[[int], None]
"""Counts one customer's visits, spending and last visit again (``Shop`` hands the visit
rule's)."""


@dataclass(frozen=True)
class Merge:
    """One customer merged into another."""

    id: int
    kept_id: int
    merged_id: int
    merged_at: str
    undone_at: str | None
    moved: dict[str, int]
    """How many rows of each table (``MOVED``) became the kept customer's."""


class MergeService:
    """Merge two customers, and undo a merge."""

    def __init__(self, store: Store, clock: Clock, refresh_counts: CountsRefresher) -> None:
        self._store = store
        self._clock = clock
        self._refresh_counts = refresh_counts

    def what_moves(self, merged_id: int) -> dict[str, int]:
        """How many rows of each table (``MOVED``) a merge of this customer would move."""
        return {
            table: int(
                self._scalar(f"SELECT count(*) FROM {table} WHERE customer_id = ?", (merged_id,))
            )
            for table in MOVED
        }

    def merge(self, kept_id: int, merged_id: int) -> Merge:
        """Merge the customer ``merged_id`` into ``kept_id`` (see the module); the merge.

        Refused with ``InvalidInput``: a customer with themselves, a customer already merged,
        an archived customer to keep; ``NotFound`` for an unknown one.
        """
        kept, merged = self._customer(kept_id), self._customer(merged_id)
        if kept_id == merged_id:
            raise InvalidInput(_("Choose two different customers to merge."))
        for row in (kept, merged):
            into = self._merged_into(row["id"])
            if into is not None:
                raise InvalidInput(
                    _("{name} is already merged into {other}.").format(
                        name=row["name"], other=into["name"]
                    )
                )
        if kept["archived_at"] is not None:
            raise InvalidInput(
                _(
                    "{name} is archived: bring them back before merging another customer into them."
                ).format(name=kept["name"])
            )
        now = iso(self._clock())
        with self._store.transaction():
            merge_id = int(
                self._store.execute(
                    "INSERT INTO customer_merges (kept_id, merged_id, merged_at) VALUES (?, ?, ?)",
                    (kept_id, merged_id, now),
                ).lastrowid
                or 0
            )
            log = _Log(self._store, merge_id)
            self._free_rounds(log, kept_id, merged_id)
            self._one_birthday(log, kept_id, merged_id, now)
            with numbers_bulk.bulk_move(self._store.conn, (kept_id, merged_id)):
                for table in MOVED:
                    log.set_where(table, "customer_id", kept_id, "customer_id = ?", (merged_id,))
            log.set_where(
                "customers",
                "referred_by",
                kept_id,
                "referred_by = ? AND id <> ?",
                (merged_id, kept_id),
            )
            if kept["referred_by"] == merged_id:
                log.set_where(
                    "customers", "referred_by", merged["referred_by"], "id = ?", (kept_id,)
                )
            self._fill(log, kept, merged)
            self._add_settled_rounds(merge_id, kept_id, merged_id)
            log.set_where("customers", "updated_at", now, "id = ?", (kept_id,))
            log.set_where("customers", "archived_at", now, "id = ?", (merged_id,))
            log.set_where("customers", "updated_at", now, "id = ?", (merged_id,))
            self._recount(kept_id, merged_id)
        return self.get(merge_id)

    def undo(self, merge_id: int) -> Merge:
        """Undo a merge: every value it changed goes back where it still holds what the merge
        wrote, and the merged customer is back. Refused when the kept customer has since been
        merged into another (undo that one first)."""
        merge = self.get(merge_id)
        if merge.undone_at is not None:
            raise InvalidInput(_("This merge was already undone."))
        into = self._merged_into(merge.kept_id)
        if into is not None:
            raise InvalidInput(
                _("{name} has since been merged into {other}: undo that merge first.").format(
                    name=self._customer(merge.kept_id)["name"], other=into["name"]
                )
            )
        with self._store.transaction():
            with numbers_bulk.bulk_move(self._store.conn, (merge.kept_id, merge.merged_id)):
                _Log(self._store, merge_id).put_back()
            self._take_back_settled_rounds(merge_id, merge.kept_id)
            self._store.execute(
                "UPDATE customer_merges SET undone_at = ? WHERE id = ?",
                (iso(self._clock()), merge_id),
            )
            self._recount(merge.kept_id, merge.merged_id)
        return self.get(merge_id)

    def get(self, merge_id: int) -> Merge:
        """A merge by its id; ``NotFound`` if there is none."""
        row = self._store.one("SELECT * FROM customer_merges WHERE id = ?", (merge_id,))
        if row is None:
            raise NotFound(_("There is no such merge."))
        return self._merge(row)

    def into(self, customer_id: int) -> list[Merge]:
        """The merges into this customer that can be undone, newest first."""
        rows = self._store.query(
            "SELECT * FROM customer_merges WHERE kept_id = ? AND undone_at IS NULL "
            "ORDER BY id DESC",
            (customer_id,),
        )
        return [self._merge(row) for row in rows]

    def merged_into(self, customer_id: int) -> int | None:
        """The customer this one is merged into, if it is."""
        row = self._merged_into(customer_id)
        return int(row["id"]) if row is not None else None

    def _merge(self, row: Row) -> Merge:
        counts = {
            r["table_name"]: int(r["n"])
            for r in self._store.query(
                "SELECT table_name, count(*) AS n FROM customer_merge_changes "
                "WHERE merge_id = ? AND column_name = 'customer_id' GROUP BY table_name",
                (row["id"],),
            )
        }
        return Merge(
            id=row["id"],
            kept_id=row["kept_id"],
            merged_id=row["merged_id"],
            merged_at=row["merged_at"],
            undone_at=row["undone_at"],
            moved={table: counts.get(table, 0) for table in MOVED},
        )

    def _customer(self, customer_id: int) -> Row:
        row = self._store.one("SELECT * FROM customers WHERE id = ?", (customer_id,))
        if row is None:
            raise NotFound(_("There is no customer number {id}.").format(id=customer_id))
        return row

    def _merged_into(self, customer_id: int) -> Row | None:
        return merged_into(self._store, customer_id)

    def _scalar(self, sql: str, params: tuple[object, ...]) -> Any:
        """The first column of the first row, or None when there is no row."""
        row = self._store.execute(sql, params).fetchone()
        return row[0] if row is not None else None

    def _free_rounds(self, log: _Log, kept_id: int, merged_id: int) -> None:
        """Give each reward of the merged customer whose round the kept one holds for the same
        rule the next free round (the database allows a round once per customer)."""
        rows = self._store.query(
            "SELECT id, rule_id, cycle FROM rewards WHERE customer_id = ? AND rule_id IS NOT NULL "
            "AND voided_at IS NULL ORDER BY id",
            (merged_id,),
        )
        for row in rows:
            taken = self._scalar(
                "SELECT 1 FROM rewards WHERE customer_id = ? AND rule_id = ? AND cycle = ? "
                "AND voided_at IS NULL",
                (kept_id, row["rule_id"], row["cycle"]),
            )
            if taken is None:
                continue
            free = self._scalar(
                "SELECT max(cycle) + 1 FROM rewards WHERE customer_id IN (?, ?) AND rule_id = ?",
                (kept_id, merged_id, row["rule_id"]),
            )
            log.set_where("rewards", "cycle", free, "id = ?", (row["id"],))

    def _add_settled_rounds(self, merge_id: int, kept_id: int, merged_id: int) -> None:
        """The rounds the merged customer completed before the shop kept them here (imported,
        rewarded elsewhere) are settled for the kept one too, on top of theirs: the balance
        that moves over does not earn its past rewards again. Logged by rule for the undo."""
        rows = self._store.query(
            "SELECT m.rule_id, m.cycles, k.cycles AS had FROM settled_cycles m "
            "LEFT JOIN settled_cycles k ON k.customer_id = ? AND k.rule_id = m.rule_id "
            "WHERE m.customer_id = ? AND m.cycles > 0",
            (kept_id, merged_id),
        )
        for row in rows:
            now_settled = (row["had"] or 0) + row["cycles"]
            self._store.execute(
                "INSERT INTO customer_merge_changes (merge_id, step, table_name, row_id, "
                "column_name, old_value, new_value) VALUES (?, 0, 'settled_cycles', ?, "
                "'cycles', ?, ?)",
                (merge_id, row["rule_id"], row["had"], now_settled),
            )
            self._store.execute(
                "INSERT INTO settled_cycles (customer_id, rule_id, cycles) VALUES (?, ?, ?) "
                "ON CONFLICT (customer_id, rule_id) DO UPDATE SET cycles = excluded.cycles",
                (kept_id, row["rule_id"], now_settled),
            )

    def _take_back_settled_rounds(self, merge_id: int, kept_id: int) -> None:
        """The kept customer's settled rounds as they were before the merge (where they still
        hold what it wrote)."""
        for row in self._store.query(
            "SELECT row_id, old_value, new_value FROM customer_merge_changes "
            "WHERE merge_id = ? AND table_name = 'settled_cycles'",
            (merge_id,),
        ):
            where = "customer_id = ? AND rule_id = ? AND cycles = ?"
            params = (kept_id, row["row_id"], row["new_value"])
            if row["old_value"] is None:
                self._store.execute(f"DELETE FROM settled_cycles WHERE {where}", params)
            else:
                self._store.execute(
                    f"UPDATE settled_cycles SET cycles = ? WHERE {where}",
                    (row["old_value"], *params),
                )

    def _one_birthday(self, log: _Log, kept_id: int, merged_id: int, now: str) -> None:
        """A customer has one birthday: the merged one's is removed when the kept one has
        one."""
        own = "kind = 'birthday' AND whose = '' AND removed_at IS NULL AND customer_id = ?"
        if self._scalar(f"SELECT count(*) FROM occasions WHERE {own}", (kept_id,)):
            log.set_where("occasions", "removed_at", now, own, (merged_id,))

    def _fill(self, log: _Log, kept: Row, merged: Row) -> None:
        """Fill the kept customer's empty fields from the merged one's."""
        where = ("id = ?", (kept["id"],))
        if not kept["phone"] and merged["phone"]:
            log.set_where("customers", "phone", merged["phone"], *where)
            log.set_where("customers", "phone_digits", merged["phone_digits"], *where)
        for name in FILLED:
            if not kept[name] and merged[name]:
                log.set_where("customers", name, merged[name], *where)
        referrer = merged["referred_by"]
        if kept["referred_by"] is None and referrer is not None and referrer != kept["id"]:
            log.set_where("customers", "referred_by", referrer, *where)

    def _recount(self, *customer_ids: int) -> None:
        for customer_id in customer_ids:
            self._refresh_counts(customer_id)
            consent.refresh_summary(self._store, customer_id)


def merged_into(store: Store, customer_id: int) -> Row | None:
    """The customer (``id``, ``name``) this one is merged into, or None."""
    return store.one(
        "SELECT c.id, c.name FROM customer_merges m JOIN customers c ON c.id = m.kept_id "
        "WHERE m.merged_id = ? AND m.undone_at IS NULL",
        (customer_id,),
    )


class _Log:
    """Changes made by one merge, each logged with the value it replaced."""

    def __init__(self, store: Store, merge_id: int) -> None:
        self._store = store
        self._merge_id = merge_id
        self._step = 0

    def set_where(
        self, table: str, column: str, value: object, where: str, params: tuple[object, ...]
    ) -> None:
        """Set ``column`` to ``value`` on the rows of ``table`` matching ``where``, logging
        each row's value before."""
        assert column in _CHANGEABLE[table]
        self._step += 1
        self._store.execute(
            "INSERT INTO customer_merge_changes "
            "(merge_id, step, table_name, row_id, column_name, old_value, new_value) "
            f"SELECT ?, ?, ?, id, ?, {column}, ? FROM {table} WHERE ({where}) "
            f"AND {column} IS NOT ?",
            (self._merge_id, self._step, table, column, value, *params, value),
        )
        self._store.execute(
            f"UPDATE {table} SET {column} = ? WHERE id IN (SELECT row_id FROM "
            "customer_merge_changes WHERE merge_id = ? AND step = ?)",
            (value, self._merge_id, self._step),
        )

    def put_back(self) -> None:
        """Write back every logged value, the last change first, where the row still holds
        what the merge wrote."""
        steps = self._store.query(
            "SELECT DISTINCT step, table_name, column_name FROM customer_merge_changes "
            "WHERE merge_id = ? ORDER BY step DESC",
            (self._merge_id,),
        )
        for step in steps:
            table, column = step["table_name"], step["column_name"]
            if column not in _CHANGEABLE.get(table, ()):
                continue  # never written by a merge: not ours to write back
            self._store.execute(
                f"UPDATE {table} SET {column} = c.old_value FROM customer_merge_changes c "
                f"WHERE c.merge_id = ? AND c.step = ? AND c.row_id = {table}.id "
                f"AND {table}.{column} IS c.new_value",
                (self._merge_id, step["step"]),
            )
