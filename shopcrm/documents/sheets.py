"""The A4 sheets documents are printed on several to a page: address labels, business-card
labels for loyalty cards, and the shop's own sheet of eight vouchers with cut marks.

Sizes, margins and pitches are the makers' (Avery's template sheets; each sheet is centred on
A4, so the margins follow from the label size and pitch). glabels-qt's templates
(avery-iso-templates.xml, zweckform-iso-templates.xml) agree to within 0.3 mm, except that
they round L7160's label up to 64 mm and give L7163 a 103 mm pitch; the makers' figures hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from shopcrm.common.cleaning import quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _
from shopcrm.documents.kinds import DocumentKind

A4 = (210.0, 297.0)
"""A4 in millimetres, portrait."""


@dataclass(frozen=True)
class Sheet:
    """A sheet of equal labels in rows and columns. Lengths are millimetres, measured from the
    sheet's top left corner; labels are numbered from 1, along the rows."""

    name: str
    label_width: float
    label_height: float
    columns: int
    rows: int
    left: float
    top: float
    across: float
    """The horizontal pitch: from one label's left edge to the next one's."""
    down: float
    """The vertical pitch: from one label's top edge to the next one's."""
    page: tuple[float, float] = A4

    @property
    def count(self) -> int:
        """How many labels the sheet holds."""
        return self.columns * self.rows

    def box(self, number: int) -> tuple[float, float, float, float]:
        """Label ``number`` (1 = top left) as (x, y, width, height) in points, from the page's
        bottom left corner, as reportlab draws."""
        if not 1 <= number <= self.count:
            raise ValueError(f"label {number} is not on a sheet of {self.count}")
        row, column = divmod(number - 1, self.columns)
        x = self.left + column * self.across
        top = self.top + row * self.down
        y = self.page[1] - top - self.label_height
        from reportlab.lib.units import mm  # when drawing: the app starts without reportlab

        return x * mm, y * mm, self.label_width * mm, self.label_height * mm


ADDRESS_SHEETS = {
    "L7160": Sheet("L7160", 63.5, 38.1, 3, 7, left=7.21, top=15.15, across=66.04, down=38.1),
    "L7163": Sheet("L7163", 99.1, 38.1, 2, 7, left=4.65, top=15.15, across=101.6, down=38.1),
    "L7165": Sheet("L7165", 99.1, 67.7, 2, 4, left=4.65, top=13.1, across=101.6, down=67.7),
}
"""The common A4 address label sheets (Avery and look-alikes), by the maker's part number."""

BUSINESS_CARDS = Sheet("C32011", 85.0, 54.0, 2, 5, left=15.0, top=13.5, across=95.0, down=54.0)
"""Ten 85 x 54 mm business cards on A4 (Avery C32011 and look-alikes): loyalty cards."""

VOUCHER_SHEET = Sheet("vouchers", 95.0, 68.0, 2, 4, left=10.0, top=12.5, across=95.0, down=68.0)
"""Eight vouchers of 95 x 68 mm on plain A4, touching, so that eight straight cuts part them;
the cut marks are drawn in the margins, never nearer the page's edge than 5 mm."""


def address_sheet_titles() -> dict[str, str]:
    """What each address label sheet is called, in the current language."""
    return {
        "L7160": _("L7160: 21 labels of 63.5 x 38.1 mm"),
        "L7163": _("L7163: 14 labels of 99.1 x 38.1 mm"),
        "L7165": _("L7165: 8 labels of 99.1 x 67.7 mm"),
    }


def sheet_of(kind: DocumentKind, label_sheet: str = "L7160") -> Sheet | None:
    """The sheet a job of ``kind`` prints on (``label_sheet`` names the address labels'), or
    None for a kind printed one to a page; its ``count`` bounds ``PrintJob.first_label``.
    ``InvalidInput`` for an unknown sheet of address labels."""
    if kind is DocumentKind.LABELS:
        sheet = ADDRESS_SHEETS.get(str(label_sheet).upper().strip())
        if sheet is None:
            raise InvalidInput(
                _("“{text}” is not a sheet of labels: L7160, L7163 or L7165.").format(
                    text=quote(label_sheet)
                )
            )
        return sheet
    if kind is DocumentKind.LOYALTY_SHEET:
        return BUSINESS_CARDS
    if kind is DocumentKind.VOUCHER_SHEET:
        return VOUCHER_SHEET
    return None
