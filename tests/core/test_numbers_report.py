"""The numbers report: an A4 PDF whose text extracts with every Turkish letter and ₺, in DejaVu
alone, with the figures of the period, the previous one and the change."""

from __future__ import annotations

from datetime import date

import pytest

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from shopcrm.documents.numbers_report import NumbersReport, numbers_report_pdf
from shopcrm.numbers.periods import last_month, this_month
from tests.core.test_documents import TURKISH, text_of
from tests.core.test_documents_pdf import MM, STANDARD_14, fonts_of, page_sizes_mm

SHOP_NAME = f"Şükrü Öztürk Çiçekçilik ({TURKISH})"


@pytest.fixture
def report(shop: Shop) -> NumbersReport:
    """March 2026 (the clock's month): Çağla spent ₺300 and Şükrü ₺200 (his second visit);
    in February Şükrü alone spent ₺100."""
    sukru = shop.customers.add(name="Şükrü Öztürk")
    cagla = shop.customers.add(name="Çağla Güneş")
    shop.purchases.log(sukru.id, "100", purchased_at="2026-02-10T10:00:00")
    shop.purchases.log(sukru.id, "200", purchased_at="2026-03-02T10:00:00")
    shop.purchases.log(cagla.id, "300", purchased_at="2026-03-05T16:30:00")
    period = this_month(date(2026, 3, 9))
    numbers = shop.numbers
    return NumbersReport(
        figures=numbers.figures(period),
        months=tuple(numbers.revenue_by_month(12, until=period.end)),
        visits=tuple(tuple(row) for row in numbers.visits_by_weekday_hour(period)),
        segments=(("Düzenli müşteri", 1), ("Yeni (İlk ziyaret)", 1)),
        shop_name=SHOP_NAME,
        currency="TRY",
        made_on=date(2026, 3, 9),
    )


def test_the_text_extracts_with_every_turkish_letter_and_the_lira(report: NumbersReport) -> None:
    text = text_of(numbers_report_pdf(report))
    for letter in f"{TURKISH}₺":
        assert letter in text, letter
    assert SHOP_NAME in text
    assert "Düzenli müşteri" in text


def test_the_figures_this_period_the_previous_and_the_change(report: NumbersReport) -> None:
    text = text_of(numbers_report_pdf(report))
    assert "March 2026 — compared with February 2026" in text
    # Revenue: ₺500 in March (₺200 + ₺300) against ₺100 in February: up ₺400.
    assert "₺500.00" in text and "₺100.00" in text and "▲ ₺400.00" in text
    # Customers served: 2 against 1, up by one.
    assert "Customers served" in text and "▲ 1" in text


def test_in_turkish(report: NumbersReport) -> None:
    set_language("tr")
    try:
        period = report.figures.period
        assert period == this_month(date(2026, 3, 9))
        text = text_of(numbers_report_pdf(report))
    finally:
        set_language("en")
    assert "Mart 2026 — Şubat 2026 ile karşılaştırıldı" in text
    assert "₺500,00" in text and "▲ ₺400,00" in text


def test_only_dejavu_embedded_and_a4_pages(report: NumbersReport) -> None:
    pdf = numbers_report_pdf(report)
    fonts = fonts_of(pdf)
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
        assert name not in STANDARD_14 and name.startswith("DejaVu"), name
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
    assert b"/Helvetica" not in pdf and b"/Times" not in pdf and b"/Courier" not in pdf
    for width, height in page_sizes_mm(pdf):
        assert (round(width), round(height)) == (210, 297)
    assert round(210 * MM) == 595


def test_a_period_without_purchases_still_makes_a_report(shop: Shop) -> None:
    period = last_month(date(2026, 3, 9))
    numbers = shop.numbers
    report = NumbersReport(
        figures=numbers.figures(period),
        months=tuple(numbers.revenue_by_month(12, until=period.end)),
        visits=tuple(tuple(row) for row in numbers.visits_by_weekday_hour(period)),
    )
    text = text_of(numbers_report_pdf(report))
    assert "February 2026 — compared with January 2026" in text
    assert "—" in text
