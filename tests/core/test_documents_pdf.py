"""What a printer and a reader of the PDF see: every Turkish letter and ₺ extracted back, only
DejaVu fonts and all of them embedded, pages of the exact size, codes that scan, and long names
that stay inside their card."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from shopcrm import Shop
from shopcrm.documents.kinds import DocumentKind, PrintJob
from shopcrm.documents.sheets import ADDRESS_SHEETS, BUSINESS_CARDS, VOUCHER_SHEET, Sheet
from shopcrm.loyalty.rewards import Reward
from shopcrm.people.card_codes import card_code
from tests.core.test_documents import (
    TURKISH,
    Material,
    every_job,
    furnish,
    pages_as_png,
    text_of,
)

MM = 72 / 25.4
STANDARD_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}
LETTERS = f"{TURKISH} ₺"


@pytest.fixture
def material(shop: Shop) -> Material:
    return furnish(shop)


def with_every_letter(shop: Shop, material: Material) -> dict[DocumentKind, PrintJob]:
    """Every kind of job, its text holding every Turkish letter and ₺; the customers' names
    and addresses hold them too (labels print no text)."""
    for customer_id in material.customers[:3]:
        shop.customers.update(customer_id, address=f"Çarşı Sok. {TURKISH}\n₺ Pasajı, İzmir")
    text = f"{{greeting}},\n{LETTERS}\n{{shop}}"
    return {
        kind: PrintJob(**{**job.__dict__, "text": None if kind is DocumentKind.LABELS else text})
        for kind, job in every_job(material).items()
    }


def test_every_turkish_letter_and_the_lira_sign_are_extracted_back(
    shop: Shop, material: Material
) -> None:
    for kind, job in with_every_letter(shop, material).items():
        extracted = text_of(shop.documents.render(job))
        missing = [ch for ch in LETTERS if ch != " " and ch not in extracted]
        assert missing == [], f"{kind}: {missing} not extracted"


def test_text_typed_in_decomposed_form_prints_in_nfc(shop: Shop, material: Material) -> None:
    decomposed = unicodedata.normalize("NFD", "Şükrü, İğdır'a hoş geldiniz")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    job = PrintJob(DocumentKind.THANK_YOU, customer_ids=(material.customers[0],), text=decomposed)
    extracted = text_of(shop.documents.render(job))
    assert "Şükrü, İğdır'a hoş geldiniz" in unicodedata.normalize("NFC", extracted)
    assert "Şükrü, İğdır'a" in extracted


def fonts_of(pdf: bytes) -> list[dict[str, Any]]:
    """Every font a page or a form on it uses, as pypdf reads it."""
    found: list[dict[str, Any]] = []

    def walk(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            found.append(font.get_object())
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return found


def test_only_dejavu_is_used_and_every_font_is_embedded(shop: Shop, material: Material) -> None:
    for kind, job in with_every_letter(shop, material).items():
        pdf = shop.documents.render(job)
        fonts = fonts_of(pdf)
        assert fonts, kind
        for font in fonts:
            name = str(font["/BaseFont"]).lstrip("/")
            assert name.split("+")[-1] not in STANDARD_14, f"{kind}: {name}"
            assert name.split("+")[-1].startswith("DejaVu"), f"{kind}: {name}"
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{kind}: {name} is not embedded"
        assert b"/Helvetica" not in pdf and b"/Times" not in pdf and b"/Courier" not in pdf


SIZES_MM = {
    DocumentKind.THANK_YOU: (105.0, 148.0),
    DocumentKind.THANK_YOU_FOLDED: (210.0, 148.0),
    DocumentKind.OCCASION: (105.0, 148.0),
    DocumentKind.VOUCHER: (148.0, 105.0),
    DocumentKind.VOUCHER_SHEET: (210.0, 297.0),
    DocumentKind.LOYALTY_CARD: (85.6, 54.0),
    DocumentKind.LOYALTY_SHEET: (210.0, 297.0),
    DocumentKind.LETTER: (210.0, 297.0),
    DocumentKind.LABELS: (210.0, 297.0),
}


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    return [
        (float(page.mediabox.width) / MM, float(page.mediabox.height) / MM)
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def test_every_page_has_its_exact_size(shop: Shop, material: Material) -> None:
    for kind, job in every_job(material).items():
        sizes = page_sizes_mm(shop.documents.render(job))
        if kind is DocumentKind.VOUCHER_RECEIPT:
            assert all(abs(width - 80.0) < 0.1 and 90 < height < 300 for width, height in sizes)
            continue
        want_w, want_h = SIZES_MM[kind]
        for width, height in sizes:
            assert abs(width - want_w) < 0.1 and abs(height - want_h) < 0.1, (kind, width, height)


@pytest.mark.parametrize(
    ("sheet", "size", "grid"),
    [
        (ADDRESS_SHEETS["L7160"], (63.5, 38.1), (3, 7)),
        (ADDRESS_SHEETS["L7163"], (99.1, 38.1), (2, 7)),
        (ADDRESS_SHEETS["L7165"], (99.1, 67.7), (2, 4)),
        (BUSINESS_CARDS, (85.0, 54.0), (2, 5)),
        (VOUCHER_SHEET, (95.0, 68.0), (2, 4)),
    ],
)
def test_the_sheets_are_the_makers_to_a_tenth_of_a_millimetre(
    sheet: Sheet, size: tuple[float, float], grid: tuple[int, int]
) -> None:
    assert (sheet.label_width, sheet.label_height) == size
    assert (sheet.columns, sheet.rows) == grid
    first, last = sheet.box(1), sheet.box(sheet.count)
    left, bottom = first[0] / MM, last[1] / MM
    right = 210.0 - (last[0] + last[2]) / MM
    top = 297.0 - (first[1] + first[3]) / MM
    assert abs(left - right) < 0.1 and abs(top - bottom) < 0.1  # centred, as the makers' are
    for number in range(1, sheet.count + 1):
        x, y, width, height = sheet.box(number)
        assert abs(width / MM - size[0]) < 0.1 and abs(height / MM - size[1]) < 0.1
        assert x >= 0 and y >= 0 and x + width <= 210 * MM + 0.1 and y + height <= 297 * MM


def text_positions(pdf: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """Each piece of text on a page with where it starts, in points."""
    found: list[tuple[str, float, float]] = []

    def seen(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            found.append((text.strip(), float(tm[4]) + float(cm[4]), float(tm[5]) + float(cm[5])))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=seen)
    return found


@pytest.mark.parametrize("sheet_name", ["L7160", "L7163", "L7165"])
def test_labels_start_at_the_label_asked_for_and_stay_inside_their_labels(
    shop: Shop, material: Material, sheet_name: str
) -> None:
    sheet = ADDRESS_SHEETS[sheet_name]
    people = material.customers[:4]  # the fifth has no address
    first = sheet.count - 1
    job = PrintJob(
        DocumentKind.LABELS, customer_ids=tuple(people), label_sheet=sheet_name, first_label=first
    )
    pdf = shop.documents.render(job)
    assert len(page_sizes_mm(pdf)) == 2  # the last two labels of a part-used sheet, then a new one
    names = [shop.customers.get(i).name for i in people]
    placed = [(names[0], 0, first), (names[1], 0, first + 1), (names[2], 1, 1), (names[3], 1, 2)]
    for name, page, number in placed:
        x, y, width, height = sheet.box(number)
        [(_, start_x, baseline)] = [p for p in text_positions(pdf, page) if p[0] == name]
        assert x + 5 * MM - 0.5 <= start_x <= x + width - 5 * MM
        assert y + 3 * MM <= baseline <= y + height - 3 * MM


def decoded(pdf: bytes, folder: Path) -> list[str]:
    """What zbarimg reads on every page rendered at 300 dpi: "QR-Code:…", "CODE-128:…"."""
    found: list[str] = []
    for png in pages_as_png(pdf, folder, dpi=300):
        run = subprocess.run(["zbarimg", "-q", str(png)], capture_output=True, text=True)
        found += run.stdout.split()
    return found


def open_vouchers(shop: Shop, material: Material) -> list[Reward]:
    return [shop.rewards.get(reward_id) for reward_id in material.vouchers]


@pytest.mark.parametrize(
    "kind", [DocumentKind.VOUCHER, DocumentKind.VOUCHER_SHEET, DocumentKind.VOUCHER_RECEIPT]
)
def test_a_vouchers_qr_code_and_code128_both_scan_back_to_its_code(
    shop: Shop, material: Material, tmp_path: Path, kind: DocumentKind
) -> None:
    codes = [reward.code for reward in open_vouchers(shop, material)]
    pdf = shop.documents.render(PrintJob(kind, reward_ids=tuple(material.vouchers)))
    read = decoded(pdf, tmp_path)
    for code in codes:
        assert f"QR-Code:{code}" in read and f"CODE-128:{code}" in read, (code, read)
        assert code in text_of(pdf)


@pytest.mark.parametrize("kind", [DocumentKind.LOYALTY_CARD, DocumentKind.LOYALTY_SHEET])
def test_a_loyalty_cards_codes_scan_back_to_the_customers_card_code(
    shop: Shop, material: Material, tmp_path: Path, kind: DocumentKind
) -> None:
    people = tuple(material.customers[:3])
    pdf = shop.documents.render(PrintJob(kind, customer_ids=people, first_label=9))
    read = decoded(pdf, tmp_path)
    for customer_id in people:
        code = card_code(customer_id)
        assert f"QR-Code:{code}" in read and f"CODE-128:{code}" in read, (code, read)


def ink_box(png: Path) -> tuple[int, int, int, int] | None:
    """The smallest box holding every non-white pixel: (left, top, right, bottom)."""
    with Image.open(png) as page:
        grey = page.convert("L").point(lambda v: 255 if v < 235 else 0)
        return grey.getbbox()


LONG_NAME = ("Şükrü Öztürkoğulları Çağlayangil " * 7)[:200].strip()


@pytest.mark.parametrize(
    "kind",
    [
        DocumentKind.THANK_YOU,
        DocumentKind.OCCASION,
        DocumentKind.LOYALTY_CARD,
        DocumentKind.VOUCHER,
        DocumentKind.VOUCHER_RECEIPT,
        DocumentKind.LETTER,
        DocumentKind.THANK_YOU_FOLDED,
    ],
)
def test_a_200_character_name_stays_inside_the_card(
    shop: Shop, material: Material, tmp_path: Path, kind: DocumentKind
) -> None:
    assert len(LONG_NAME) == 199 or len(LONG_NAME) == 200
    unbroken = "Ş" * 200
    for number, name in enumerate((LONG_NAME, unbroken)):
        customer_id = material.customers[0]
        shop.customers.update(customer_id, name=name, address_form="")
        job = {
            DocumentKind.OCCASION: PrintJob(kind, occasion_ids=(material.occasions[1],)),
            DocumentKind.VOUCHER: PrintJob(kind, reward_ids=(material.vouchers[0],)),
            DocumentKind.VOUCHER_RECEIPT: PrintJob(kind, reward_ids=(material.vouchers[0],)),
        }.get(kind, PrintJob(kind, customer_ids=(customer_id,)))
        pdf = shop.documents.render(job)
        extracted = re.sub(r"\s+", "", text_of(pdf))
        assert name.replace(" ", "")[:20] in extracted, kind
        folder = tmp_path / f"{kind.value}-{number}"
        folder.mkdir()
        dpi = 100
        for png in pages_as_png(pdf, folder, dpi=dpi):
            with Image.open(png) as page:
                width, height = page.size
            box = ink_box(png)
            assert box is not None
            margin = 5 * dpi / 25.4 - 1
            left, top, right, bottom = box
            assert left >= margin and top >= margin, (kind, png.name, box)
            assert width - right >= margin and height - bottom >= margin, (kind, png.name, box)


def test_a_200_character_name_stays_inside_its_label_and_business_card(
    shop: Shop, material: Material, tmp_path: Path
) -> None:
    customer_id = material.customers[0]
    shop.customers.update(customer_id, name=LONG_NAME)
    for kind, sheet in (
        (DocumentKind.LABELS, ADDRESS_SHEETS["L7160"]),
        (DocumentKind.LOYALTY_SHEET, BUSINESS_CARDS),
    ):
        pdf = shop.documents.render(PrintJob(kind, customer_ids=(customer_id,), first_label=5))
        folder = tmp_path / kind.value
        folder.mkdir()
        [png] = pages_as_png(pdf, folder, dpi=100)
        x, y, width, height = sheet.box(5)
        scale = 100 / 72
        page_height = 297 * MM
        label = (
            x * scale,
            (page_height - y - height) * scale,
            (x + width) * scale,
            (page_height - y) * scale,
        )
        box = ink_box(png)
        assert box is not None
        inside = 2.5 * MM * scale
        assert box[0] >= label[0] + inside and box[1] >= label[1] + inside, (kind, box, label)
        assert box[2] <= label[2] - inside and box[3] <= label[3] - inside, (kind, box, label)


@pytest.mark.parametrize(
    "kind",
    [
        DocumentKind.THANK_YOU,
        DocumentKind.THANK_YOU_FOLDED,
        DocumentKind.LOYALTY_CARD,
        DocumentKind.VOUCHER,
        DocumentKind.LETTER,
    ],
)
def test_the_longest_message_shrinks_to_fit_inside_the_card(
    shop: Shop, material: Material, tmp_path: Path, kind: DocumentKind
) -> None:
    message = ("{greeting}, sizinle iş yapmaktan mutluyuz. " * 80)[:3000]
    job = PrintJob(
        kind,
        customer_ids=(material.customers[0],),
        reward_ids=(material.vouchers[0],),
        text=message,
    )
    pdf = shop.documents.render(job)
    assert "sizinle iş yapmaktan mutluyuz" in text_of(pdf)
    for png in pages_as_png(pdf, tmp_path, dpi=100):
        with Image.open(png) as page:
            width, height = page.size
        box = ink_box(png)
        assert box is not None
        margin = 5 * 100 / 25.4 - 1
        assert box[0] >= margin and box[1] >= margin, (kind, png.name, box)
        assert width - box[2] >= margin and height - box[3] >= margin, (kind, png.name, box)


def text_sizes(pdf: bytes, page: int = 0) -> dict[str, float]:
    """The font size of each piece of text on a page."""
    found: dict[str, float] = {}

    def seen(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            found[text.strip()] = round(float(size) * float(tm[0]) * float(cm[0] or 1), 2)

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=seen)
    return found


def test_the_labels_of_a_print_share_one_size_and_a_name_too_long_shrinks_alone(
    shop: Shop,
) -> None:
    streets = ["Çiçek Sok. No: 3", "Söğütlüçeşme Caddesi No: 78 Daire: 6", "Moda Cad. 12"]
    people = [
        shop.customers.add(
            name=f"Müşteri {n}", address=f"{streets[n % 3]}\n3471{n} Kadıköy / İstanbul"
        ).id
        for n in range(6)
    ]
    long_name = ("Gülşen Çağla Öztürkoğlu İnceşahin " * 6)[:200]
    people.append(shop.customers.add(name=long_name, address="Ada Sok. 1\nİzmir").id)
    pdf = shop.documents.render(
        PrintJob(DocumentKind.LABELS, customer_ids=tuple(people), label_sheet="L7160")
    )
    sizes = text_sizes(pdf)
    usual = {sizes[f"Müşteri {n}"] for n in range(6)}
    usual |= {sizes[street] for street in streets}
    assert len(usual) == 1, sizes  # the short names and addresses as large as the longest one
    (common,) = usual
    assert common >= 7  # no smaller than the longest ordinary address needs
    assert sizes["Ada Sok. 1"] < common  # the label with the very long name shrank alone
