"""What can be printed (``DocumentKind``) and what one print asks for (``PrintJob``).

Sizes: a thank-you card and an occasion card are A6 (105 x 148 mm); a folded thank-you card is
an A5 sheet (210 x 148 mm) folded into two A6 panels, printed on both sides; a voucher is an A6
page turned sideways, eight vouchers share an A4 sheet with cut marks, and a receipt voucher is
80 mm wide; a loyalty card is 85.6 x 54 mm (a card printer's size), and ten go on an A4 sheet
of 85 x 54 mm business-card labels; a letter is A4; address labels go on the A4 sheets of
``shopcrm.documents.sheets``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from shopcrm.common.cleaning import quote
from shopcrm.common.errors import InvalidInput, ShopError
from shopcrm.common.i18n import _


class DocumentKind(StrEnum):
    """A kind of document the shop prints."""

    THANK_YOU = "thank_you"
    THANK_YOU_FOLDED = "thank_you_folded"
    OCCASION = "occasion"
    VOUCHER = "voucher"
    VOUCHER_SHEET = "voucher_sheet"
    VOUCHER_RECEIPT = "voucher_receipt"
    LOYALTY_CARD = "loyalty_card"
    LOYALTY_SHEET = "loyalty_sheet"
    LETTER = "letter"
    LABELS = "labels"


VOUCHER_KINDS = frozenset(
    {DocumentKind.VOUCHER, DocumentKind.VOUCHER_SHEET, DocumentKind.VOUCHER_RECEIPT}
)
"""The kinds printed for vouchers (``PrintJob.reward_ids``), not for customers."""


def checked_kind(value: object) -> DocumentKind:
    """A kind of document given by its value ("thank_you"...); ``InvalidInput`` otherwise."""
    try:
        return DocumentKind(value if isinstance(value, str) else "")
    except ValueError:
        raise InvalidInput(
            _("“{text}” is not a kind of document.").format(text=quote(value))
        ) from None


def kind_titles() -> dict[DocumentKind, str]:
    """What each kind of document is called, in the current language (for lists and menus)."""
    return {
        DocumentKind.THANK_YOU: _("Thank-you card (A6)"),
        DocumentKind.THANK_YOU_FOLDED: _("Thank-you card, folded (A5)"),
        DocumentKind.OCCASION: _("Occasion card (A6)"),
        DocumentKind.VOUCHER: _("Voucher, one per page"),
        DocumentKind.VOUCHER_SHEET: _("Vouchers, eight to an A4 sheet"),
        DocumentKind.VOUCHER_RECEIPT: _("Voucher for the receipt printer (80 mm)"),
        DocumentKind.LOYALTY_CARD: _("Loyalty card (card printer)"),
        DocumentKind.LOYALTY_SHEET: _("Loyalty cards, ten to a sheet of business cards"),
        DocumentKind.LETTER: _("Letter (A4)"),
        DocumentKind.LABELS: _("Address labels"),
    }


@dataclass(frozen=True)
class PrintJob:
    """One thing to print: a kind of document for some customers, vouchers or occasions.

    ``customer_ids`` are the recipients of cards, loyalty cards, letters and labels, in the
    order they are printed; ``reward_ids`` the vouchers of the voucher kinds; ``occasion_ids``
    the occasions of occasion cards (each names its customer). ``text`` is the message with its
    placeholders (``shopcrm.documents.texts``): None takes the owner's saved text for the kind,
    or else its first ready text (an occasion card then takes the ready text of each
    occasion's kind, an anonymous gift voucher the "gift" text). ``label_sheet`` is the sheet
    of address labels ("L7160", "L7163", "L7165"); ``first_label`` the label (1 = top left,
    along the rows) where printing starts on a part-used sheet, for labels and the voucher and
    loyalty card sheets. ``marketing`` leaves out the customers without consent for letters
    (``Prepared.left_out`` counts them).
    """

    kind: DocumentKind
    customer_ids: tuple[int, ...] = ()
    reward_ids: tuple[int, ...] = ()
    occasion_ids: tuple[int, ...] = ()
    text: str | None = None
    label_sheet: str = "L7160"
    first_label: int = 1
    marketing: bool = False


Progress = Callable[[int, int], bool]
"""Told (done, total) after each card, voucher, letter or label is drawn; returning False
cancels."""


class Cancelled(ShopError):
    """Making a PDF was cancelled (its ``Progress`` returned False); nothing was made."""
