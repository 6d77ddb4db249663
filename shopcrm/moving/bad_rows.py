"""The rows an import refused, saved as a CSV to fix and import again: the file's own columns,
then one more that says what is wrong. UTF-8 with a BOM, so that Excel shows the Turkish
letters right; the file's own separator (';' for a Turkish Excel file)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _
from shopcrm.moving.reading import Sheet
from shopcrm.moving.rows import BadRow


def bad_rows_text(sheet: Sheet, bad: list[BadRow]) -> str:
    """The bad rows as CSV text, under the file's headers and a "Problem" column."""
    out = io.StringIO(newline="")
    separator = sheet.separator if sheet.separator in (";", ",", "\t") else ";"
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow([*sheet.headers, _("Problem")])
    width = len(sheet.headers)
    for row in bad:
        cells = list(row.cells[:width]) + [""] * (width - len(row.cells))
        reason = _("Line {line}: {reason}").format(line=row.line, reason=row.reason())
        writer.writerow([*cells, reason])
    return out.getvalue()


def save_bad_rows(path: Path, sheet: Sheet, bad: list[BadRow]) -> None:
    """Write the bad rows to ``path``; ``InvalidInput`` when it cannot be written."""
    try:
        path.write_text(bad_rows_text(sheet, bad), encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InvalidInput(
            _("The file could not be saved: {reason}").format(
                reason=error.strerror or type(error).__name__
            )
        ) from None
