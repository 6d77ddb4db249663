"""What a print job becomes once everything it needs is read from the database: plain values,
already worded in the documents' language, so that drawing touches no database and can run in
a worker thread while the shop goes on."""

from __future__ import annotations

from dataclasses import dataclass

from shopcrm.documents.kinds import VOUCHER_KINDS, DocumentKind
from shopcrm.documents.sheets import Sheet


@dataclass(frozen=True)
class ShopFace:
    """The shop as its documents show it."""

    name: str
    address: str
    """As typed in the settings; lines apart."""
    phone: str
    logo: bytes | None = None

    @property
    def footer_parts(self) -> list[str]:
        """The lines of the address, then the phone: what the foot of a card shows."""
        lines = [line.strip() for line in self.address.splitlines()]
        return [part for part in (*lines, self.phone.strip()) if part]

    @property
    def footer(self) -> str:
        """The address and the phone on one line: "Bağdat Cad. 12 · Kadıköy · 0216 123 45 67"."""
        return " · ".join(self.footer_parts)


@dataclass(frozen=True)
class Recipient:
    """A customer a card, loyalty card, letter or label is made for."""

    customer_id: int
    name: str
    message: str = ""
    """The text with its placeholders filled."""
    heading: str = ""
    """The card's title: "Teşekkür ederiz", "İyi ki doğdunuz!", "Müşteri kartı"."""
    subheading: str = ""
    """An occasion card's occasion: "kızı Elif — 18. yaş günü"."""
    address_lines: tuple[str, ...] = ()
    card_code: str = ""
    occasion_id: int | None = None
    """The occasion an occasion card is for."""
    occasion_year: int | None = None
    """The year of the occasion's day the card is for (its next day, seen from today)."""


@dataclass(frozen=True)
class VoucherFace:
    """A voucher as it is printed: every line already worded."""

    reward_id: int
    code: str
    title: str
    """"Kupon", or "Hediye çeki" for an anonymous gift voucher."""
    value: str
    """What it is worth: "₺100,00 indirim", "%10 indirim", "Kupa hediye"."""
    expires: str
    """"Son kullanma tarihi: 9 Nisan 2026"."""
    owner: str
    """"Sahibi: Şükrü Öztürk", or "" for a voucher anyone may use."""
    message: str = ""


@dataclass(frozen=True)
class Prepared:
    """A print job ready to draw."""

    kind: DocumentKind
    title: str
    """The kind's name, for the PDF's title."""
    shop: ShopFace
    dated: str
    """Today, as a letter is dated: "9 Mart 2026"."""
    recipients: tuple[Recipient, ...] = ()
    vouchers: tuple[VoucherFace, ...] = ()
    sheet: Sheet | None = None
    """The sheet of labels, business cards or vouchers the items go on (None: one a page)."""
    first_label: int = 1
    left_out: int = 0
    """Customers left out of a marketing job for want of consent for letters."""
    without_address: int = 0
    """Customers left out of address labels because they have no address."""

    @property
    def count(self) -> int:
        """How many things are printed: cards, vouchers, letters or labels."""
        return len(self.vouchers) if self.kind in VOUCHER_KINDS else len(self.recipients)
