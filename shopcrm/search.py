"""Finding customers the way a Turkish shopkeeper types.

Names are stored folded (see ``shopcrm.text.fold``), so "sukru", "ŞÜKRÜ" and "şük" all find
"Şükrü Öztürk", and "isik" finds "Işık". Three or more characters match anywhere in the name or
the phone digits through a trigram full-text index; one or two characters match the start of any
word of the name. Best first: the name starting with the query, then a word of it, then frequent
and recent customers.
"""

from __future__ import annotations

from typing import Any

from shopcrm.phone import query_digits
from shopcrm.records import CUSTOMER_COLUMNS, Customer, customer_from_row
from shopcrm.store import Store
from shopcrm.text import fold

_PHONE_CHARS = set("0123456789 +-()./")
_MIN_TRIGRAM = 3


def index_words(store: Store, customer_id: int, name_folded: str) -> None:
    """Record the words of a customer's folded name for one- and two-letter lookups."""
    store.execute("DELETE FROM customer_words WHERE customer_id = ?", (customer_id,))
    for word in set(name_folded.split()):
        store.execute(
            "INSERT INTO customer_words(word, customer_id) VALUES (?, ?)", (word, customer_id)
        )


def find(
    store: Store, query: str, limit: int = 50, include_archived: bool = False
) -> list[Customer]:
    """Up to ``limit`` customers matching ``query``, best first."""
    text = query.strip()
    if not text:
        return []
    if set(text) <= _PHONE_CHARS and sum(ch.isdigit() for ch in text) >= _MIN_TRIGRAM:
        return _by_phone(store, query_digits(text), limit, include_archived)
    return _by_name(store, fold(text).split(), limit, include_archived)


def _by_phone(store: Store, digits: str, limit: int, archived: bool) -> list[Customer]:
    if len(digits) < _MIN_TRIGRAM:
        return []
    rows = store.query(
        f"""
        SELECT {_columns("c")} FROM customer_search s JOIN customers c ON c.id = s.rowid
        WHERE customer_search MATCH :match {_archived_filter(archived)}
          AND instr(c.phone_digits, :digits) > 0
        ORDER BY instr(c.phone_digits, :digits) != 1, c.visit_count DESC, c.last_visit DESC
        LIMIT :limit
        """,
        {"match": _phrase(digits), "digits": digits, "limit": limit},
    )
    return [customer_from_row(r) for r in rows]


def _by_name(store: Store, words: list[str], limit: int, archived: bool) -> list[Customer]:
    long_words = [w for w in words if len(w) >= _MIN_TRIGRAM]
    short_words = [w for w in words if len(w) < _MIN_TRIGRAM]
    params: dict[str, Any] = {"query": _like(" ".join(words)), "limit": limit}
    filters = []
    for n, word in enumerate(short_words):
        params[f"w{n}"] = _like(word)
        filters.append(f"(' ' || c.name_folded) LIKE '% ' || :w{n} || '%' ESCAPE '\\'")
    if long_words:
        params["match"] = " AND ".join(_phrase(w) for w in long_words)
        source = "customer_search s JOIN customers c ON c.id = s.rowid"
        filters.insert(0, "customer_search MATCH :match")
    else:
        first = short_words[0]
        params["lo"], params["hi"] = first, first + "\U0010ffff"
        source = (
            "(SELECT DISTINCT customer_id FROM customer_words WHERE word >= :lo AND word < :hi) w "
            "JOIN customers c ON c.id = w.customer_id"
        )
    rows = store.query(
        f"""
        SELECT {_columns("c")} FROM {source}
        WHERE {" AND ".join(filters)} {_archived_filter(archived)}
        ORDER BY
            CASE WHEN c.name_folded LIKE :query || '%' ESCAPE '\\' THEN 0
                 WHEN (' ' || c.name_folded) LIKE '% ' || :query || '%' ESCAPE '\\' THEN 1
                 ELSE 2 END,
            c.visit_count DESC, c.last_visit DESC, c.name_folded
        LIMIT :limit
        """,
        params,
    )
    return [customer_from_row(r) for r in rows]


def _columns(alias: str) -> str:
    return ", ".join(f"{alias}.{name.strip()}" for name in CUSTOMER_COLUMNS.split(","))


def _archived_filter(include_archived: bool) -> str:
    return "" if include_archived else "AND c.archived_at IS NULL"


def _phrase(word: str) -> str:
    """An FTS5 phrase matching ``word`` literally."""
    return '"' + word.replace('"', '""') + '"'


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
