"""A schema script split into its statements (a trigger keeps its inner semicolons)."""

from __future__ import annotations

import sqlite3


def statements(script: str) -> list[str]:
    """The statements of ``script``, comment lines left out."""
    found, current = [], ""
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        current += line + "\n"
        if sqlite3.complete_statement(current):
            found.append(current.strip())
            current = ""
    return found
