"""The notice of a draw for the shop window: every Turkish letter extracts back, a winner shows
by first name and initial only, the seed and the list are told, DejaVu embedded, one A4 page."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from shopcrm.numbers.pools import Pool
from tests.core.test_documents import TURKISH, logo_png, pages_as_png, text_of
from tests.core.test_documents_pdf import STANDARD_14, fonts_of, page_sizes_mm

NAMES = ["Ayşe Yılmaz", "Şükrü Öztürk", "Çağrı Ünlü", "İpek Ğüzel", "Öykü Işıkçı"]
SHOWN = ["Ayşe Y.", "Şükrü Ö.", "Çağrı Ü.", "İpek Ğ.", "Öykü I."]
SURNAMES = ["Yılmaz", "Öztürk", "Ünlü", "Ğüzel", "Işıkçı"]


@pytest.fixture
def turkish() -> Iterator[None]:
    set_language("tr")
    yield
    set_language("en")


def notice(shop: Shop, winners: int = 5) -> tuple[bytes, int]:
    shop.settings.update(
        shop_name="Güneş Çiçekçilik",
        address=f"Moda Cad. 27, {TURKISH}\nKadıköy / İstanbul",
        phone="0216 336 45 78",
    )
    shop.logo.set(logo_png(), "logo.png")
    for number, name in enumerate(NAMES):
        customer = shop.customers.add(name, phone=f"0532 400 00 0{number}")
        shop.purchases.log(customer.id, 10_000, purchased_at="2026-03-02T12:00:00")
    draw = shop.draws.run(
        Pool(min_visits=1), winners=winners, consent_only=False, seed=123456789012
    )
    return shop.documents.draw_notice(draw), draw.id


def test_the_notice_in_turkish_extracts_every_letter_and_the_words(
    shop: Shop, turkish: None
) -> None:
    pdf, _draw_id = notice(shop)
    text = text_of(pdf)
    assert [ch for ch in TURKISH if ch not in text] == []
    for words in (
        "Güneş Çiçekçilik",
        "Çekiliş sonuçları",
        "Çekiliş tarihi: 9 Mart 2026, saat 10:30",
        "En az 1 ziyareti olan müşteriler.",
        "Çekilişe 5 müşteri katıldı.",
        "Kazananlar",
        "123456789012",
    ):
        assert words in text, words


def test_a_winner_shows_by_first_name_and_initial_only(shop: Shop) -> None:
    pdf, draw_id = notice(shop)
    text = text_of(pdf)
    order = [shop.customers.get(w.customer_id).name for w in shop.draws.get(draw_id).winners]
    lines = [f"{place}. {SHOWN[NAMES.index(name)]}" for place, name in enumerate(order, 1)]
    flat = " ".join(text.split())
    for line in lines:
        assert line in flat, line
    for surname in SURNAMES:
        assert surname not in text, surname
    assert "0532" not in text
    assert "The draw can be repeated with seed 123456789012." in flat
    assert "The winners" in text.splitlines()


def test_one_winner_is_the_winner(shop: Shop) -> None:
    text = text_of(notice(shop, winners=1)[0])
    lines = text.splitlines()
    assert "The winner" in lines and "The winners" not in lines


def test_the_notice_is_one_a4_page_in_embedded_dejavu(shop: Shop, tmp_path: Path) -> None:
    pdf, _draw_id = notice(shop)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert [(round(w, 1), round(h, 1)) for w, h in page_sizes_mm(pdf)] == [(210.0, 297.0)]
    fonts = fonts_of(pdf)
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
        assert name not in STANDARD_14 and name.startswith("DejaVu"), name
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert b"/Helvetica" not in pdf
    assert len(pages_as_png(pdf, tmp_path, dpi=40)) == 1
