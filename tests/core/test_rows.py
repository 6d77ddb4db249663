"""The store's rows are the ones sqlite-utils would give, without importing it."""

from __future__ import annotations

import sqlite3

from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils.utils import dedupe_keys

from shopcrm.storage.rows import as_dicts, unique_keys


@given(st.lists(st.sampled_from(["id", "id_2", "id_3", "name", "name_2"]), max_size=8))
def test_repeated_column_names_are_told_apart_as_sqlite_utils_does(names: list[str]) -> None:
    assert unique_keys(names) == dedupe_keys(names)


def test_a_join_keeps_both_ids_and_a_statement_without_rows_is_refused() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE a (id INTEGER, name TEXT)")
    conn.execute("INSERT INTO a VALUES (1, 'Şükrü'), (2, 'Çağla')")

    rows = list(
        as_dicts(conn.execute("SELECT x.id, y.id, x.name FROM a x JOIN a y ON y.id = 3 - x.id"))
    )

    assert rows == [{"id": 1, "id_2": 2, "name": "Şükrü"}, {"id": 2, "id_2": 1, "name": "Çağla"}]
    try:
        as_dicts(conn.execute("UPDATE a SET name = 'x' WHERE id = 0"))
    except ValueError:
        pass
    else:
        raise AssertionError("an UPDATE gave rows")
