"""Reading a file people import: CSV (any encoding and separator), XLSX and vCard, as a table of
text.

What the file is comes from its bytes, not its name: a ZIP or a PNG renamed ``.csv`` is told
as such. A CSV's encoding is found with a preference for UTF-8, then Windows-1254 (what Excel
in Turkish saves), then what ``charset-normalizer`` says; its separator is the one of ``;``,
``,``, tab and ``|`` that splits the first lines alike. Cells are read as text and never
evaluated: a cell "=1+1" is the text "=1+1".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from shopcrm.common.cleaning import quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _
from shopcrm.moving.cards import read_vcards

MAX_BYTES = 20 * 1024 * 1024
"""The largest file read: 100,000 customers of a CSV take a fraction of it."""
MAX_ROWS = 100_000
MAX_COLUMNS = 200
"""More cells than this in a row is not a customer list (the row is refused, not read)."""
MAX_CELL = 10_000
"""Characters of one cell kept for checking (a longer one is refused by its field anyway)."""
SEPARATORS = (";", ",", "\t", "|")
_SAMPLE = 64 * 1024
_LATIN_FAMILY = ("cp125", "iso8859", "latin", "mac_", "cp85", "cp437", "ascii")
"""Single-byte encodings charset-normalizer may guess for a Turkish Windows file."""

Progress = Callable[[int, int], bool]
"""Told (done, total) as a file is read; returns False to stop."""


class ReadCancelled(InvalidInput):
    """The reading was stopped by the person waiting for it."""


@dataclass(frozen=True)
class Sheet:
    """A file as a table of text: the header row, then each row with its line number in the file
    (1 is the header). ``wide_rows`` are rows refused for too many cells (their number and
    how many cells)."""

    name: str
    kind: str
    """"csv", "xlsx" or "vcard"."""
    headers: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]
    encoding: str = "utf-8"
    separator: str = ","
    wide_rows: list[tuple[int, int]] = field(default_factory=list)


def read_file(path: Path, progress: Progress | None = None) -> Sheet:
    """Read ``path`` as a table of text; ``InvalidInput`` with a clear message for a file that
    cannot be one (empty, too big, an image or an archive, not readable)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidInput(
                _("“{file}” is too big to import ({size} MB; at most {max} MB).").format(
                    file=quote(path.name),
                    size=number(round(size / 1024 / 1024)),
                    max=number(MAX_BYTES // 1024 // 1024),
                )
            )
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInput(
            _("“{file}” could not be read: {reason}").format(
                file=quote(path.name), reason=error.strerror or type(error).__name__
            )
        ) from None
    return read_bytes(path.name, data, progress)


def read_bytes(name: str, data: bytes, progress: Progress | None = None) -> Sheet:
    """Read a file's bytes (``name`` is only for messages and the kind when the bytes agree)."""
    if not data.strip():
        raise InvalidInput(_("“{file}” is empty.").format(file=quote(name)))
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(name, data, progress)
    refused = _binary_kind(data)
    if refused:
        raise InvalidInput(
            _(
                "“{file}” is not a customer list but {kind}. Please choose a CSV, XLSX or "
                "vCard file."
            ).format(file=quote(name), kind=refused)
        )
    text, encoding = decode(data)
    if text.lstrip().upper().startswith("BEGIN:VCARD"):
        headers, rows = read_vcards(name, text)
        return Sheet(name, "vcard", headers, rows, encoding)
    return _read_csv(name, text, encoding, progress)


def _binary_kind(data: bytes) -> str:
    """What a file of bytes is when it is not text ("" when it may be text)."""
    head = data[:16]
    kinds = {
        b"\x89PNG": _("an image (PNG)"),
        b"\xff\xd8\xff": _("an image (JPEG)"),
        b"GIF8": _("an image (GIF)"),
        b"%PDF": _("a PDF document"),
        b"\xd0\xcf\x11\xe0": _("an old Excel or Word file (XLS): save it as XLSX or CSV"),
        b"Rar!": _("an archive (RAR)"),
        b"\x1f\x8b": _("an archive (GZIP)"),
        b"7z\xbc\xaf": _("an archive (7-Zip)"),
        b"SQLite format 3": _("a database"),
    }
    for magic, kind in kinds.items():
        if head.startswith(magic):
            return kind
    sample = data[:_SAMPLE]
    utf16 = sample.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and sample.count(b"\x00") > max(8, len(sample) // 20):
        return _("a file of another program (not text)")
    return ""


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding: UTF-8 (with or without a BOM) or
    UTF-16 first, then Windows-1254 for a single-byte file, else charset-normalizer's guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    single_byte = guess is None or guess.startswith(_LATIN_FAMILY)
    if single_byte:
        try:
            return data.decode("cp1254"), "cp1254"
        except UnicodeDecodeError:
            pass
    encoding = guess or "cp1254"
    return data.decode(encoding, errors="replace"), encoding


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE], preemptive_behaviour=False).best()
    return best.encoding if best is not None else None


def find_separator(text: str) -> str:
    """The separator that splits the first lines into the same number of cells (most cells on
    a tie), ';' when the lines hold no separator at all."""
    lines = [line for line in text[:_SAMPLE].splitlines()[:20] if line.strip()]
    best, best_score = ";", (0, 0)
    for separator in SEPARATORS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=separator)]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        alike = sum(1 for n in counts if n == counts[0])
        score = (alike, counts[0])
        if score > best_score:
            best, best_score = separator, score
    return best


def _read_csv(name: str, text: str, encoding: str, progress: Progress | None) -> Sheet:
    separator = find_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    headers: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    wide: list[tuple[int, int]] = []
    total = max(1, text.count("\n"))
    try:
        for cells in reader:
            line = reader.line_num
            if headers is None:
                if not any(c.strip() for c in cells):
                    continue
                headers = _headers(name, cells)
                continue
            _keep_row(name, line, cells, rows, wide)
            if progress is not None and len(rows) % 1000 == 0 and not progress(line, total):
                raise ReadCancelled(_("The import was cancelled."))
    except csv.Error as error:
        raise InvalidInput(
            _("“{file}” could not be read as CSV at line {line}: {reason}").format(
                file=quote(name), line=number(reader.line_num), reason=str(error)
            )
        ) from None
    if headers is None:
        raise InvalidInput(_("“{file}” is empty.").format(file=quote(name)))
    return Sheet(name, "csv", headers, rows, encoding, separator, wide)


def _headers(name: str, cells: list[str]) -> tuple[str, ...]:
    if len(cells) > MAX_COLUMNS:
        raise InvalidInput(
            _(
                "“{file}” has {n} columns; a customer list has at most {max}. Is it the right file?"
            ).format(file=quote(name), n=number(len(cells)), max=number(MAX_COLUMNS))
        )
    return tuple(c.strip().lstrip("\ufeff") for c in cells)


def _keep_row(
    name: str,
    line: int,
    cells: list[str],
    rows: list[tuple[int, tuple[str, ...]]],
    wide: list[tuple[int, int]],
) -> None:
    if not any(c.strip() for c in cells):
        return
    if len(cells) > MAX_COLUMNS:
        wide.append((line, len(cells)))
        return
    if len(rows) >= MAX_ROWS:
        raise InvalidInput(
            _("“{file}” has more than {max} rows: please split it into smaller files.").format(
                file=quote(name), max=number(MAX_ROWS)
            )
        )
    rows.append((line, tuple(c[:MAX_CELL] for c in cells)))


def _read_xlsx(name: str, data: bytes, progress: Progress | None) -> Sheet:
    """The first worksheet of an XLSX file, its cells as text (formulas as written)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl meets an archive that is not a workbook in many ways
        raise InvalidInput(
            _(
                "“{file}” is an archive (ZIP), not a spreadsheet. Please choose a CSV, XLSX or "
                "vCard file."
            ).format(file=quote(name))
        ) from None
    try:
        sheet = book.worksheets[0]
        headers: tuple[str, ...] | None = None
        rows: list[tuple[int, tuple[str, ...]]] = []
        wide: list[tuple[int, int]] = []
        total = max(1, sheet.max_row or 1)
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(v) for v in values]
            while cells and not cells[-1]:
                cells.pop()
            if headers is None:
                if cells:
                    headers = _headers(name, cells)
                continue
            _keep_row(name, line, cells, rows, wide)
            if progress is not None and line % 1000 == 0 and not progress(line, total):
                raise ReadCancelled(_("The import was cancelled."))
    except InvalidInput:
        raise
    except Exception:  # a damaged sheet inside a sound archive
        raise InvalidInput(
            _("“{file}” could not be read as XLSX: it may be damaged.").format(file=quote(name))
        ) from None
    finally:
        book.close()
    if headers is None:
        raise InvalidInput(_("“{file}” is empty.").format(file=quote(name)))
    return Sheet(name, "xlsx", headers, rows, "xlsx", "", wide)


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: a date as 1985-04-15, a whole number without ".0", any other
    number with two decimals (an amount: 1250.50)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}"
    return str(value)
