"""What counts as a visit, and a customer's visits, spending and last visit derived from their
non-voided purchases. The figures cached on the customer row are always recomputed from the
purchases, inside the transaction that changed them, never added up by hand."""

from __future__ import annotations

from dataclasses import dataclass

from shopcrm.common.preferences import VisitRule
from shopcrm.storage.store import Store


@dataclass(frozen=True)
class Recount:
    """What counting visits again did (or would do) to the customers' counts and rewards."""

    customers: int
    """Customers whose visit count changed."""
    issued: int
    """Rewards issued."""
    taken_back: int
    """Unused rewards taken back (voided)."""

    @property
    def changes_anything(self) -> bool:
        """Whether anyone's count or rewards change."""
        return bool(self.customers or self.issued or self.taken_back)


def visits_sql(rule: VisitRule) -> str:
    """The SQL aggregate counting visits over rows of ``purchases``."""
    if rule is VisitRule.EACH_PURCHASE:
        return "count(*)"
    return "count(DISTINCT substr(purchased_at, 1, 10))"


def refresh(store: Store, rule: VisitRule, customer_id: int | None = None) -> None:
    """Recompute visit count, total spent and last visit of one customer, or of everyone."""
    where = "WHERE id = :id" if customer_id is not None else ""
    store.execute(
        f"""
        UPDATE customers SET
            visit_count = (SELECT {visits_sql(rule)} FROM purchases
                           WHERE customer_id = customers.id AND voided_at IS NULL),
            total_spent = (SELECT coalesce(sum(amount - discount), 0) FROM purchases
                           WHERE customer_id = customers.id AND voided_at IS NULL),
            last_visit = (SELECT max(purchased_at) FROM purchases
                          WHERE customer_id = customers.id AND voided_at IS NULL)
        {where}
        """,
        {"id": customer_id},
    )


__all__ = ["Recount", "VisitRule", "refresh", "visits_sql"]
