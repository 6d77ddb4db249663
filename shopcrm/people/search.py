"""Finding customers the way a Turkish shopkeeper types.

Names are stored folded (see ``shopcrm.common.text.fold``), so "sukru", "ŞÜKRÜ" and "şük" all find
"Şükrü Öztürk", and "isik" finds "Işık". Three or more characters match anywhere in the name or
the phone digits through a trigram full-text index; one or two characters match the start of any
word of the name. Best first: the names starting with the query, then those with a later word
starting with it, then the rest; within each, frequent and recent customers first, then by name.
A loyalty card's code (``shopcrm.people.card_codes``), scanned or typed, finds its holder alone.

A query that hits many names (more than ``MANY``: "yıl", "kay", "ali" in a big shop) is not
ranked whole: the names starting with it and those with a later word starting with it are read
best first from the word-start index (``customer_prefixes``, three-letter keys) and stop at the
limit; only when they are fewer than the limit do the other names holding the query fill the
rest, the best of the first ``MANY`` of them. Phone digits alike ("0532"): the numbers starting
with them are walked best first on the index of their first three digits.
"""

from __future__ import annotations

from typing import Any

from shopcrm.common.cleaning import has_refused_character, is_refused_character
from shopcrm.common.i18n import _
from shopcrm.common.text import fold
from shopcrm.people.card_codes import card_code, customer_of
from shopcrm.people.phone import looks_like_phone, query_digits
from shopcrm.people.records import (
    CUSTOMER_COLUMNS,
    Customer,
    customer_from_values,
)
from shopcrm.storage.schema_lean_customers import UNIX_SECONDS
from shopcrm.storage.schema_search import LATER_WORD, START_LENGTH, WHOLE_WORD, word_starts
from shopcrm.storage.store import Store

_MIN_TRIGRAM = 3
MAX_QUERY = 100
"""Only the first characters of a search are used: no name or phone is longer."""
MAX_WORDS = 8
"""Only the first words of a search are used, so that a pasted page never builds a query too
large for SQLite."""
MANY = 500
"""More names than this holding a query, and it is not ranked whole (see above)."""


PREFIX_LENGTHS = (1, 2)
INSERT_PREFIX = (
    "INSERT OR IGNORE INTO customer_prefixes"
    "(prefix, customer_id, starts_name, visit_count, last_visit) "
    f"VALUES (?, ?, ?, ?, {UNIX_SECONDS.format('?')})"
)
"""Writes a row of ``prefix_rows`` unless it is there; the last visit is kept as Unix seconds
(the same order in 4 bytes: ``shopcrm.storage.schema_lean_customers``)."""


def prefix_rows(
    customer_id: int, name_folded: str, visit_count: int = 0, last_visit: str | None = None
) -> list[tuple[str, int, int, int, str | None]]:
    """The rows of ``customer_prefixes`` for one customer (see ``INSERT_PREFIX``): the one-
    and two-letter beginnings of the words, the three-letter ones of the first word ("ali") and
    of the later words (" ali"), and the later words whole ("=kaya"; see
    ``shopcrm.storage.schema_search``)."""
    words = name_folded.split()
    prefixes: dict[str, int] = {}
    for position, word in enumerate(words):
        for length in PREFIX_LENGTHS:
            if len(word) >= length:
                key = word[:length]
                prefixes[key] = max(prefixes.get(key, 0), int(position == 0))
    prefixes.update(word_starts(name_folded))
    return [(p, customer_id, first, visit_count, last_visit) for p, first in prefixes.items()]


def index_words(store: Store, customer_id: int, name_folded: str) -> None:
    """Make sure the word beginnings of a customer's name are recorded for one- and two-letter
    lookups. The schema's triggers keep them (a customer added, renamed, their visits), so this
    finds them there already."""
    row = store.one("SELECT visit_count, last_visit FROM customers WHERE id = ?", (customer_id,))
    visits, last = (row["visit_count"], row["last_visit"]) if row else (0, None)
    store.conn.executemany(INSERT_PREFIX, prefix_rows(customer_id, name_folded, visits, last))


def find(
    store: Store, query: str, limit: int = 50, include_archived: bool = False
) -> list[Customer]:
    """Up to ``limit`` customers matching ``query``, best first.

    Never raises for what was typed: characters that can never be in a name (control,
    invisible, broken) are dropped, and only the first ``MAX_QUERY`` characters and
    ``MAX_WORDS`` words are used; what folds to nothing finds no one.
    """
    text = usable_query(query)
    if not text:
        return []
    card_holder = customer_of(text)
    if card_holder is not None:
        return [c for c in _customers(store, [card_holder]) if include_archived or not c.archived]
    if looks_like_phone(text) and len(query_digits(text)) >= _MIN_TRIGRAM:
        return _by_phone(store, query_digits(text), limit, include_archived)
    words = fold(text).split()[:MAX_WORDS]
    if not words:
        return []
    return _by_name(store, words, limit, include_archived)


def usable_query(query: str) -> str:
    """What of a typed search is used: its first ``MAX_QUERY`` characters, trimmed, without
    characters that can never be in a name or phone."""
    text = str(query)[:MAX_QUERY]
    if has_refused_character(text):
        text = "".join(ch for ch in text if not is_refused_character(ch))
    return text.strip()


def hint(store: Store, query: str) -> str | None:
    """What to type instead, when the shape of a search means it cannot find anyone (one or
    two digits of a phone number), or why a scanned loyalty card finds no one; None when it
    can."""
    text = usable_query(query)
    card_holder = customer_of(text)
    if card_holder is not None:
        return _card_hint(store, card_holder)
    if looks_like_phone(text) and len(query_digits(text)) < _MIN_TRIGRAM:
        return _("Type at least three digits of the phone number.")
    return None


def _card_hint(store: Store, customer_id: int) -> str | None:
    """Why a loyalty card finds no one at the counter: nobody holds it, or its holder is
    archived; None when its holder is found."""
    holders = _customers(store, [customer_id])
    if not holders:
        return _("No customer has this loyalty card ({code}).").format(code=card_code(customer_id))
    if holders[0].archived:
        return _(
            "This loyalty card belongs to {name}, who is archived: bring them back on the "
            "Customers page."
        ).format(name=holders[0].name)
    return None


def _by_phone(store: Store, digits: str, limit: int, archived: bool) -> list[Customer]:
    """Numbers starting with the digits first, then numbers holding them anywhere; the most
    frequent customers first in each. Many numbers starting with them ("532") are walked best
    first on the index of their first three digits; of many holding them inside, the best of
    the first ``MANY`` are taken."""
    if len(digits) < _MIN_TRIGRAM:
        return []
    best_first = "ORDER BY c.visit_count DESC, c.last_visit DESC"
    params = {"digits": digits, "start": digits[:_MIN_TRIGRAM], "limit": limit, "many": MANY}
    range_ = "c.phone_digits >= :digits AND c.phone_digits < :digits || ':'"
    counted = store.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM customers c WHERE {range_} LIMIT :many + 1)", params
    ).fetchone()[0]
    walk = "INDEXED BY customers_by_phone_start" if counted > MANY else ""
    start = "AND substr(c.phone_digits, 1, 3) = :start" if counted > MANY else ""
    starting = [
        row[0]
        for row in store.execute(
            f"""
            SELECT c.id FROM customers c {walk}
            WHERE {range_} {start} {_archived_filter(archived)}
            {best_first} LIMIT :limit
            """,
            params,
        ).fetchall()
    ]
    anywhere: list[int] = []
    if len(starting) < limit:
        anywhere = [
            row[0]
            for row in store.execute(
                f"""
                SELECT c.id FROM (
                    SELECT rowid FROM customer_search WHERE customer_search MATCH :match
                    LIMIT :many
                ) s JOIN customers c ON c.id = s.rowid
                WHERE instr(c.phone_digits, :digits) > 1 {_archived_filter(archived)}
                {best_first} LIMIT :limit
                """,
                {**params, "match": _phrase(digits), "limit": limit - len(starting)},
            ).fetchall()
        ]
    return _customers(store, starting + anywhere)


def _by_name(store: Store, words: list[str], limit: int, archived: bool) -> list[Customer]:
    long_words = [w for w in words if len(w) >= _MIN_TRIGRAM]
    short_words = [w for w in words if len(w) < _MIN_TRIGRAM]
    params: dict[str, Any] = {"query": _like(" ".join(words)), "limit": limit}
    filters = []
    for n, word in enumerate(short_words):
        params[f"w{n}"] = _like(word)
        filters.append(f"(' ' || c.name_folded) LIKE '% ' || :w{n} || '%' ESCAPE '\\'")
    if not long_words:
        # One or two letters: walk the prefix index, already in best-first order.
        params["prefix"] = short_words[0]
        sql = f"""
            SELECT c.id FROM customer_prefixes p JOIN customers c ON c.id = p.customer_id
            WHERE p.prefix = :prefix AND {" AND ".join(filters)} {_archived_filter(archived)}
            ORDER BY p.starts_name DESC, p.visit_count DESC, p.last_visit DESC
            LIMIT :limit
            """
        return _best(store, sql, params)
    params["match"] = " AND ".join(_phrase(w) for w in long_words)
    if len(words[0]) >= START_LENGTH and _holders(store, params["match"]) > MANY:
        return _customers(store, _many(store, words, filters, params, archived))
    filters.insert(0, "customer_search MATCH :match")
    sql = f"""
        SELECT c.id FROM customer_search s JOIN customers c ON c.id = s.rowid
        WHERE {" AND ".join(filters)} {_archived_filter(archived)}
        ORDER BY
            CASE WHEN c.name_folded LIKE :query || '%' ESCAPE '\\' THEN 0
                 WHEN (' ' || c.name_folded) LIKE '% ' || :query || '%' ESCAPE '\\' THEN 1
                 ELSE 2 END,
            c.visit_count DESC, c.last_visit DESC, c.name_folded
        LIMIT :limit
        """
    return _best(store, sql, params)


_LAST = "\U0010ffff"
"""Sorts after every character: the end of a range of keys starting alike."""
_STARTS_NAME = "c.name_folded LIKE :query || '%' ESCAPE '\\'"
_STARTS_WORD = "(' ' || c.name_folded) LIKE '% ' || :query || '%' ESCAPE '\\'"


def _holders(store: Store, match: str) -> int:
    """How many names (and phones) hold the query, counted up to ``MANY + 1``."""
    row = store.execute(
        "SELECT count(*) FROM (SELECT 1 FROM customer_search WHERE customer_search MATCH ? "
        "LIMIT ?)",
        (match, MANY + 1),
    ).fetchone()
    return int(row[0])


def _many(
    store: Store, words: list[str], filters: list[str], params: dict[str, Any], archived: bool
) -> list[int]:
    """The best of a query held by many names, without ranking them all: the names starting
    with it, then those with a later word starting with it, then, if room is left, the best of
    the first ``MANY`` other names holding it. The first two are walked best first on the
    three-letter word-start keys and stop at the limit: every key they walk matches a query of
    three letters. A longer query is counted first (up to ``MANY``, on the names' index and on
    the later words kept whole), and ranked whole when few start with it, so that a rare start
    among many alike ("gule" among the "gül...") walks nothing."""
    limit = params["limit"]
    start = words[0][:START_LENGTH]
    archived_sql = _archived_filter(archived)
    walk = f"""
        SELECT c.id FROM customer_prefixes p JOIN customers c ON c.id = p.customer_id
        WHERE p.prefix = :start AND p.starts_name = :first AND {{which}} {archived_sql}
        ORDER BY p.visit_count DESC, p.last_visit DESC, c.name_folded
        LIMIT :limit
        """
    typed = " ".join(words)
    names = {"from": typed, "to": typed + _LAST, "many": MANY}
    name_range = "c.name_folded >= :from AND c.name_folded < :to"
    walk_only = typed == start
    if walk_only or _more_than_many(
        store, f"customers c INDEXED BY customers_by_name WHERE {name_range}", names
    ):
        sql = walk.format(which=_STARTS_NAME)
        found = _ids(store, sql, {**params, "start": start, "first": 1})
    else:
        sql = f"""
            SELECT c.id FROM customers c INDEXED BY customers_by_name
            WHERE {name_range} {archived_sql}
            ORDER BY c.visit_count DESC, c.last_visit DESC, c.name_folded LIMIT :limit
            """
        found = _ids(store, sql, {**params, **names})
    if len(found) < limit:
        room = {**params, "limit": limit - len(found)}
        later = {"from": WHOLE_WORD + words[0], "to": WHOLE_WORD + words[0] + _LAST, "many": MANY}
        word_range = "p.prefix >= :from AND p.prefix < :to"
        which = f"{_STARTS_WORD} AND NOT {_STARTS_NAME}"
        if walk_only or _more_than_many(store, f"customer_prefixes p WHERE {word_range}", later):
            sql = walk.format(which=which)
            found += _ids(store, sql, {**room, "start": LATER_WORD + start, "first": 0})
        else:
            sql = f"""
                SELECT c.id FROM customers c
                WHERE c.id IN (SELECT p.customer_id FROM customer_prefixes p WHERE {word_range})
                  AND {which} {archived_sql}
                ORDER BY c.visit_count DESC, c.last_visit DESC, c.name_folded LIMIT :limit
                """
            found += _ids(store, sql, {**room, **later})
    return found + _others(store, filters, params, archived, limit - len(found))


def _more_than_many(store: Store, rows: str, params: dict[str, Any]) -> bool:
    """Whether more than ``MANY`` rows are in ``rows`` (FROM ... WHERE ...), counting no
    further."""
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {rows} LIMIT :many + 1)"
    return int(store.execute(sql, params).fetchone()[0]) > MANY


def _ids(store: Store, sql: str, params: dict[str, Any]) -> list[int]:
    return [row[0] for row in store.execute(sql, params).fetchall()]


def _others(
    store: Store, filters: list[str], params: dict[str, Any], archived: bool, room: int
) -> list[int]:
    """The best of the first ``MANY`` names holding a query but no word starting with it."""
    if room <= 0:
        return []
    others = " AND ".join([*filters, f"NOT {_STARTS_WORD}"])
    sql = f"""
        SELECT c.id FROM (
            SELECT rowid FROM customer_search WHERE customer_search MATCH :match LIMIT :many
        ) s JOIN customers c ON c.id = s.rowid
        WHERE {others} {_archived_filter(archived)}
        ORDER BY c.visit_count DESC, c.last_visit DESC, c.name_folded
        LIMIT :limit
        """
    rest = {**params, "many": MANY, "limit": room}
    return [row[0] for row in store.execute(sql, rest).fetchall()]


def _best(store: Store, ranked_ids_sql: str, params: dict[str, Any]) -> list[Customer]:
    """Rank on the few columns needed, then read the whole rows of the winners only."""
    return _customers(store, [row[0] for row in store.execute(ranked_ids_sql, params).fetchall()])


def _customers(store: Store, ids: list[int]) -> list[Customer]:
    """The customers with these ids, in this order."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    sql = f"SELECT {CUSTOMER_COLUMNS} FROM customers WHERE id IN ({marks})"
    rows = store.execute(sql, tuple(ids)).fetchall()
    by_id = {values[0]: customer_from_values(values) for values in rows}
    return [by_id[i] for i in ids if i in by_id]


def _archived_filter(include_archived: bool) -> str:
    return "" if include_archived else "AND c.archived_at IS NULL"


def _phrase(word: str) -> str:
    """An FTS5 phrase matching ``word`` literally."""
    return '"' + word.replace('"', '""') + '"'


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
