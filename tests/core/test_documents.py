"""Documents, end to end: a shop with a logo, Turkish customers, an occasion and vouchers, and
every kind of document made from it. The builders here are shared by the other
test_documents_* modules."""

from __future__ import annotations

import io
import math
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from shopcrm import Shop
from shopcrm.documents.kinds import DocumentKind, PrintJob

TURKISH = "çğıİöşüÇĞÖŞÜ"


def logo_png() -> bytes:
    """A small flower on a teal disc, with a transparent background."""
    picture = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    pen = ImageDraw.Draw(picture)
    pen.ellipse((8, 8, 232, 232), fill=(31, 95, 91, 255))
    for petal in range(6):
        angle = petal * math.pi / 3
        cx, cy = 120 + 48 * math.cos(angle), 120 + 48 * math.sin(angle)
        pen.ellipse((cx - 30, cy - 30, cx + 30, cy + 30), fill=(247, 240, 226, 255))
    pen.ellipse((96, 96, 144, 144), fill=(176, 141, 87, 255))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


@dataclass
class Material:
    """What the documents are made for: customers (one per form of address), a child's
    birthday, a voucher with an owner and an anonymous gift voucher."""

    customers: list[int]
    occasions: list[int]
    vouchers: list[int]


def furnish(shop: Shop, with_logo: bool = True) -> Material:
    """Give ``shop`` a name, an address, a logo and Turkish customers to print for."""
    shop.settings.update(
        shop_name="Çiçekçi Gülşen & Oğulları",
        address="Bağdat Cad. No: 112/4\nŞaşkınbakkal, Kadıköy\n34744 İstanbul",
        phone="0216 555 12 34",
    )
    if with_logo:
        shop.store.execute(
            "INSERT INTO shop_logo (id, image, file_name, updated_at) VALUES (1, ?, ?, ?)",
            (logo_png(), "logo.png", "2026-03-01T10:00:00"),
        )
    people = [
        ("Şükrü Öztürk", "bey", "Bağdat Cad. 12 D:4\nCaddebostan, Kadıköy\n34728 İstanbul"),
        ("Ayşe Nur Yılmaz", "hanim", "Çiçek Sok. 3\nÜsküdar\n34664 İstanbul"),
        ("Çağla Işık", "first_name", "İnönü Mah. Güneş Sok. 7/2\n06560 Yenimahalle, Ankara"),
        ("İlker Güneş", "", "Atatürk Blv. 45\nÇankaya\n06420 Ankara"),
        ("Gökçe Ünal", "none", ""),
    ]
    customers = []
    for name, form, address in people:
        customer = shop.customers.add(
            name=name, address=address, address_form=form, marketing_consent=True
        )
        customers.append(customer.id)
    for customer_id in customers[:3]:
        shop.purchases.log(customer_id, amount=125_050)
    child = shop.occasions.add(customers[1], "child_birthday", "15.03.2008", whose="kızı Elif")
    own = shop.occasions.add(customers[0], "birthday", "20.03.1971")
    voucher = shop.rewards.give_goodwill(customers[0], "amount", 25_000, note="özür")
    gift = shop.rewards.issue_gift_vouchers(1, 100_000)[0]
    return Material(customers, [child.id, own.id], [voucher.id, gift.id])


def every_job(material: Material) -> dict[DocumentKind, PrintJob]:
    """A job of every kind over the material."""
    people = tuple(material.customers)
    return {
        DocumentKind.THANK_YOU: PrintJob(DocumentKind.THANK_YOU, customer_ids=people[:2]),
        DocumentKind.THANK_YOU_FOLDED: PrintJob(
            DocumentKind.THANK_YOU_FOLDED, customer_ids=people[:1]
        ),
        DocumentKind.OCCASION: PrintJob(
            DocumentKind.OCCASION, occasion_ids=tuple(material.occasions)
        ),
        DocumentKind.VOUCHER: PrintJob(DocumentKind.VOUCHER, reward_ids=tuple(material.vouchers)),
        DocumentKind.VOUCHER_SHEET: PrintJob(
            DocumentKind.VOUCHER_SHEET, reward_ids=tuple(material.vouchers)
        ),
        DocumentKind.VOUCHER_RECEIPT: PrintJob(
            DocumentKind.VOUCHER_RECEIPT, reward_ids=tuple(material.vouchers)
        ),
        DocumentKind.LOYALTY_CARD: PrintJob(DocumentKind.LOYALTY_CARD, customer_ids=people[:2]),
        DocumentKind.LOYALTY_SHEET: PrintJob(
            DocumentKind.LOYALTY_SHEET, customer_ids=people, first_label=2
        ),
        DocumentKind.LETTER: PrintJob(DocumentKind.LETTER, customer_ids=people[:2]),
        DocumentKind.LABELS: PrintJob(DocumentKind.LABELS, customer_ids=people, first_label=5),
    }


def pages_as_png(pdf: bytes, folder: Path, dpi: int = 100) -> list[Path]:
    """The pages of ``pdf`` rendered by pdftoppm (poppler), as PNG files."""
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(source), str(folder / "page")],
        check=True,
        capture_output=True,
    )
    return sorted(folder.glob("page-*.png"))


def text_of(pdf: bytes) -> str:
    """Every page's text, as pypdf extracts it."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def material(shop: Shop) -> Material:
    return furnish(shop)


def test_every_kind_of_document_is_made_and_its_pages_are_not_blank(
    shop: Shop, material: Material, tmp_path: Path
) -> None:
    for kind, job in every_job(material).items():
        pdf = shop.documents.render(job)
        folder = tmp_path / kind.value
        folder.mkdir()
        for png in pages_as_png(pdf, folder, dpi=40):
            with Image.open(png) as page:
                darkest, _lightest = page.convert("L").getextrema()
            assert darkest < 100, f"{kind}: {png.name} is blank"
