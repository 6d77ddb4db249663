"""The log of a customer's requests about their own data (KVKK, Article 11): each export of
their data and each erasure, what and when, never the data itself (``privacy_requests``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from shopcrm.common.clock import iso
from shopcrm.common.i18n import _
from shopcrm.storage.store import Store


class PrivacyAction(StrEnum):
    """What was done at a customer's request."""

    DATA_EXPORT = "data_export"
    ERASURE = "erasure"


def action_titles() -> dict[PrivacyAction, str]:
    """What each action is called, in the current language."""
    return {
        PrivacyAction.DATA_EXPORT: _("Their data was given to them"),
        PrivacyAction.ERASURE: _("Their personal data was erased"),
    }


@dataclass(frozen=True)
class PrivacyRequest:
    """One logged request: what, in which form ("json", "pdf"), when and by whom."""

    id: int
    customer_id: int
    action: PrivacyAction
    detail: str
    done_at: str
    recorded_by: str


def log_request(
    store: Store,
    customer_id: int,
    action: PrivacyAction,
    now: datetime,
    detail: str = "",
    recorded_by: str = "",
) -> None:
    """Log a request, inside the caller's transaction."""
    store.execute(
        "INSERT INTO privacy_requests (customer_id, action, detail, done_at, recorded_by) "
        "VALUES (?, ?, ?, ?, ?)",
        (customer_id, action.value, detail, iso(now), recorded_by),
    )


def requests_of(store: Store, customer_id: int) -> list[PrivacyRequest]:
    """A customer's logged requests, oldest first."""
    rows = store.query(
        "SELECT id, customer_id, action, detail, done_at, recorded_by FROM privacy_requests "
        "WHERE customer_id = ? ORDER BY id",
        (customer_id,),
    )
    return [
        PrivacyRequest(
            r["id"],
            r["customer_id"],
            PrivacyAction(r["action"]),
            r["detail"],
            r["done_at"],
            r["recorded_by"],
        )
        for r in rows
    ]


def is_erased(store: Store, customer_id: int) -> bool:
    """Whether this customer's personal data was erased."""
    return (
        store.one(
            "SELECT 1 AS x FROM privacy_requests WHERE customer_id = ? AND action = ?",
            (customer_id, PrivacyAction.ERASURE.value),
        )
        is not None
    )
