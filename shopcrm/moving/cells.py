"""The guard against spreadsheet formula injection (OWASP "CSV injection").

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula: a customer named ``=HYPERLINK(...)`` would run
on the accountant's machine. Every text cell of an export goes through ``guarded``, which puts a
single quote in front of such a text, as OWASP advises; ``unguarded`` takes it off again when the
file is read back (the importer's part). Numbers written as numbers are never touched.
"""

from __future__ import annotations

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula."""
QUOTE = "'"


def is_dangerous(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula."""
    return text.startswith(DANGEROUS_FIRST)


def guarded(value: object) -> object:
    """``value`` made safe for a spreadsheet cell: a text that begins like a formula gets a
    single quote in front ("=1+1" -> "'=1+1"); anything else is returned as it is."""
    if isinstance(value, str) and is_dangerous(value):
        return QUOTE + value
    return value


def unguarded(text: str) -> str:
    """A cell's text as it was before ``guarded``: "'=1+1" -> "=1+1"; other texts unchanged
    (a name that merely starts with a quote keeps it)."""
    if text.startswith(QUOTE) and is_dangerous(text[1:]):
        return text[1:]
    return text
