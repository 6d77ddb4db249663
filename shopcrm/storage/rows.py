"""Rows of a query as dictionaries, straight from ``sqlite3``.

The same rows sqlite-utils' ``Database.query`` gives (a later column of the same name becomes
``name_2``, ``name_3``...), without importing sqlite-utils, its command line and its plugins
when the app starts: the counter's first screen reads rows and nothing more.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

Row = dict[str, Any]

NOT_ROWS = (
    "query() can only be used with SQL that returns rows - use execute() for other statements"
)


def as_dicts(cursor: sqlite3.Cursor) -> Iterator[Row]:
    """The rows of an executed ``cursor``; a statement that returns none is refused."""
    if cursor.description is None:
        raise ValueError(NOT_ROWS)
    keys = unique_keys(column[0] for column in cursor.description)
    return (dict(zip(keys, row, strict=True)) for row in cursor)


def unique_keys(keys: Iterable[str]) -> list[str]:
    """Column names made unique: a repeated name gets ``_2``, ``_3``... (one nobody else has)."""
    names = list(keys)
    taken = set(names)
    if len(taken) == len(names):
        return names
    seen: set[str] = set()
    result = []
    for name in names:
        unique = name
        if unique in seen:
            suffix = 2
            while unique in seen or unique in taken:
                unique = f"{name}_{suffix}"
                suffix += 1
        seen.add(unique)
        result.append(unique)
    return result
