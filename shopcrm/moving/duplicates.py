"""Which rows of a file are customers the shop already has, or repeat an earlier row: the same
phone number or the same e-mail address. Each such row is shown with its match and a choice:
skip it, merge it into that customer (empty fields filled, occasions added), or add it anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shopcrm.moving.rows import BadRow, Draft
from shopcrm.storage.store import Store


class Choice(StrEnum):
    """What happens to a row that matches a customer."""

    SKIP = "skip"
    MERGE = "merge"
    ADD = "add"


@dataclass
class Entry:
    """A draft with what it matches: a customer of the shop (``customer_id``, ``customer_name``)
    or an earlier row of the file (``earlier_line``), and how (by "phone" or "email")."""

    draft: Draft
    customer_id: int | None = None
    customer_name: str = ""
    earlier_line: int | None = None
    matched_by: str = ""
    choice: Choice = Choice.ADD

    @property
    def duplicate(self) -> bool:
        """Whether the row matches a customer or an earlier row."""
        return self.customer_id is not None or self.earlier_line is not None


@dataclass
class Plan:
    """What an import will do: every good row with its duplicate, and the bad rows."""

    file_name: str
    entries: list[Entry]
    bad: list[BadRow]

    @property
    def duplicates(self) -> list[Entry]:
        """The rows that match a customer or an earlier row."""
        return [e for e in self.entries if e.duplicate]

    def choose_for_all(self, choice: Choice) -> None:
        """Make one choice for every duplicate."""
        for entry in self.duplicates:
            entry.choice = choice


class Known:
    """Customers by phone and by e-mail (folded), the shop's and those a file adds."""

    def __init__(self) -> None:
        self.phones: dict[str, int] = {}
        self.emails: dict[str, int] = {}

    @classmethod
    def of_shop(cls, store: Store) -> Known:
        """Every customer of the shop, archived ones too (the oldest wins a shared number)."""
        known = cls()
        for customer_id, phone, email in store.execute(
            "SELECT id, phone, email FROM customers ORDER BY id DESC"
        ):
            known.add(customer_id, phone, email)
        return known

    def add(self, key: int, phone: str, email: str) -> None:
        """Know ``key`` by its phone and e-mail (an earlier holder is replaced)."""
        if phone:
            self.phones[phone] = key
        if email:
            self.emails[email.casefold()] = key

    def match(self, draft: Draft) -> tuple[int | None, str]:
        """Who has the draft's phone, else its e-mail, and by which ("phone", "email")."""
        if draft.phone and draft.phone in self.phones:
            return self.phones[draft.phone], "phone"
        if draft.email and draft.email.casefold() in self.emails:
            return self.emails[draft.email.casefold()], "email"
        return None, ""


def find_duplicates(store: Store, drafts: list[Draft]) -> list[Entry]:
    """Each draft with its match: a customer of the shop first, else an earlier row of the
    file. A duplicate is skipped unless the person chooses otherwise."""
    shop = Known.of_shop(store)
    names = {}
    matched = [shop.match(d) for d in drafts]
    wanted = [m[0] for m in matched if m[0] is not None]
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.query(
            f"SELECT id, name FROM customers WHERE id IN ({marks})", tuple(chunk)
        ):
            names[row["id"]] = row["name"]
    in_file = Known()
    entries = []
    for draft, (customer_id, by) in zip(drafts, matched, strict=True):
        entry = Entry(draft)
        if customer_id is not None:
            entry.customer_id, entry.matched_by = customer_id, by
            entry.customer_name = names.get(customer_id, "")
        else:
            earlier, by = in_file.match(draft)
            if earlier is not None:
                entry.earlier_line, entry.matched_by = earlier, by
        if entry.duplicate:
            entry.choice = Choice.SKIP
        in_file.add(draft.line, draft.phone, draft.email)
        entries.append(entry)
    return entries
