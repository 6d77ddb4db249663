"""Writing a table (a header row and rows of values) as a file a spreadsheet opens: CSV in
UTF-8 with a BOM (',' between fields, a dot in money), CSV for Turkish Excel (';' between
fields, Windows-1254, a decimal comma), or XLSX (openpyxl: money as number cells, moments as
date cells).

Windows-1254 holds every Turkish letter but not every character (₺, emoji, ā...): a character it
cannot hold is replaced (₺ by "TL", a letter by the same letter without its mark, anything else
by "?") and each replacement is told in ``Written.replaced``, so the user learns what changed.
Every text cell is guarded against formula injection (``shopcrm.moving.cells``). The file is
written beside its place and moved there when complete: a failed export leaves no half file.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Generic, TypeVar

from shopcrm.common.errors import ShopError
from shopcrm.common.formatting import MINOR_PER_MAJOR
from shopcrm.common.i18n import _, current_language
from shopcrm.moving.cells import guarded
from shopcrm.moving.export_columns import Column, headers

T = TypeVar("T")


class TableFormat(StrEnum):
    """How a table is written."""

    CSV = "csv"
    """UTF-8 with a BOM, ',' between fields, a dot in money: opens right in any Excel."""
    CSV_TURKISH_EXCEL = "csv_tr"
    """Windows-1254, ';' between fields, a decimal comma: what a Turkish Excel writes itself."""
    XLSX = "xlsx"


def format_titles() -> dict[TableFormat, str]:
    """What each format is called, in the current language."""
    return {
        TableFormat.CSV: _("CSV (UTF-8, for any program)"),
        TableFormat.CSV_TURKISH_EXCEL: _("CSV for Turkish Excel (; and Windows-1254)"),
        TableFormat.XLSX: _("Excel workbook (XLSX)"),
    }


SUFFIXES = {
    TableFormat.CSV: ".csv",
    TableFormat.CSV_TURKISH_EXCEL: ".csv",
    TableFormat.XLSX: ".xlsx",
}


@dataclass(frozen=True)
class Money:
    """An amount of money in a cell, in kuruş (written in lira)."""

    minor: int

    @property
    def lira(self) -> Decimal:
        return Decimal(self.minor) / MINOR_PER_MAJOR


Cell = str | int | Money | date | datetime | None


@dataclass(frozen=True)
class Replaced:
    """A character Windows-1254 could not hold, what it became, and how many times."""

    character: str
    by: str
    times: int


@dataclass(frozen=True)
class Written:
    """What an export wrote: its rows (without the header) and the characters replaced."""

    path: Path
    rows: int
    replaced: tuple[Replaced, ...] = ()


class ExportFailed(ShopError):
    """The file could not be written (no room, no permission...); nothing was left behind."""


class ExportStopped(ShopError):
    """The user stopped the export; no file was written."""


Progress = Callable[[int, int], bool]
"""Told (rows done, rows in all) as a file is written; answers whether to go on."""
PROGRESS_EVERY = 500


def reporting(rows: Sequence[T], progress: Progress | None) -> Iterator[T]:
    """``rows`` one by one, telling ``progress`` every few hundred; ``ExportStopped`` when it
    answers False."""
    total = len(rows)
    for done, row in enumerate(rows):
        if progress is not None and done % PROGRESS_EVERY == 0 and not progress(done, total):
            raise ExportStopped(_("The export was stopped; no file was written."))
        yield row
    if progress is not None:
        progress(total, total)


@dataclass(frozen=True)
class TableJob(Generic[T]):
    """A table ready to be written: the items read from the database (on the caller's thread)
    and how each becomes a row. ``write`` touches no database, so it may run in a worker."""

    kind: TableFormat
    columns: Sequence[Column]
    items: Sequence[T]
    cells: Callable[[T], Sequence[Cell]]
    sheet: str = ""
    language: str | None = None

    @property
    def rows(self) -> int:
        return len(self.items)

    def write(self, path: str | Path, progress: Progress | None = None) -> Written:
        """Write the table to ``path``, telling ``progress`` as it goes."""
        rows = (self.cells(item) for item in reporting(self.items, progress))
        return write_table(Path(path), self.kind, self.columns, rows, self.sheet, self.language)


_CP1254 = "cp1254"
_SUBSTITUTES = {"₺": "TL", "\u00a0": " ", "\u202f": " "}


def write_table(
    path: Path,
    kind: TableFormat,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Cell]],
    sheet: str = "",
    language: str | None = None,
) -> Written:
    """Write ``rows`` (one value per column, in order) under ``columns``' headers to ``path``."""
    language = language or current_language()
    path = Path(path)
    part = path.with_name(path.name + ".part")
    replaced: tuple[Replaced, ...] = ()
    try:
        if kind is TableFormat.XLSX:
            count = _write_xlsx(part, columns, rows, sheet, language)
        else:
            count, replaced = _write_csv(part, kind, columns, rows, language)
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise ExportFailed(
            _("The file {path} could not be written: {reason}").format(
                path=path, reason=error.strerror or error
            )
        ) from error
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return Written(path, count, replaced)


def csv_text(value: Cell, decimal_comma: bool) -> str:
    """A cell's text in a CSV file."""
    if value is None:
        return ""
    if isinstance(value, Money):
        text = f"{value.lira:.2f}"
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return str(guarded(value))


def _write_csv(
    path: Path,
    kind: TableFormat,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Cell]],
    language: str,
) -> tuple[int, tuple[Replaced, ...]]:
    turkish_excel = kind is TableFormat.CSV_TURKISH_EXCEL
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if turkish_excel else ",", lineterminator="\r\n")
    writer.writerow(headers(columns, language))
    count = 0
    for row in rows:
        writer.writerow([csv_text(value, turkish_excel) for value in row])
        count += 1
    text = buffer.getvalue()
    if not turkish_excel:
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        return count, ()
    held, replaced = fit_cp1254(text)
    path.write_bytes(held.encode(_CP1254))
    return count, replaced


def fit_cp1254(text: str) -> tuple[str, tuple[Replaced, ...]]:
    """``text`` with every character Windows-1254 cannot hold replaced, and what was replaced."""
    try:
        text.encode(_CP1254)
        return text, ()
    except UnicodeEncodeError:
        pass
    out: list[str] = []
    times: dict[str, int] = {}
    subs: dict[str, str] = {}
    for ch in text:
        if _fits(ch):
            out.append(ch)
            continue
        by = subs.get(ch)
        if by is None:
            by = subs[ch] = _substitute(ch)
        times[ch] = times.get(ch, 0) + 1
        out.append(by)
    return "".join(out), tuple(Replaced(ch, subs[ch], n) for ch, n in times.items())


def _fits(ch: str) -> bool:
    try:
        ch.encode(_CP1254)
    except UnicodeEncodeError:
        return False
    return True


def _substitute(ch: str) -> str:
    if ch in _SUBSTITUTES:
        return _SUBSTITUTES[ch]
    bare = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if bare and all(_fits(c) for c in bare):
        return bare
    return "?"


def _write_xlsx(
    path: Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Cell]],
    sheet: str,
    language: str,
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    ws = book.create_sheet(title=(sheet or "ShopCRM")[:31])
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    money_format = "#,##0.00"
    day_format = "dd.mm.yyyy" if language == "tr" else "yyyy-mm-dd"
    moment_format = day_format + " hh:mm"
    header_cells = []
    for title in headers(columns, language):
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    try:
        count = 0
        for row in rows:
            cells: list[object] = []
            for value in row:
                if isinstance(value, str):
                    # A plain value is written as it is (much faster than a cell object); guarded,
                    # it never begins with "=", so openpyxl never takes it for a formula.
                    cells.append(guarded(ILLEGAL_CHARACTERS_RE.sub("", value)))
                elif isinstance(value, Money):
                    cell = WriteOnlyCell(ws, value=float(value.lira))
                    cell.number_format = money_format
                    cells.append(cell)
                elif isinstance(value, datetime):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = moment_format
                    cells.append(cell)
                elif isinstance(value, date):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = day_format
                    cells.append(cell)
                else:
                    cells.append(value)
            ws.append(cells)
            count += 1
    except BaseException:
        # Stopped or failed halfway: finish the sheet's temporary file and remove it, so that
        # nothing is left open or behind.
        with contextlib.suppress(Exception):
            ws.close()
            if ws._writer is not None:
                ws._writer.cleanup()
        raise
    book.save(path)
    return count
