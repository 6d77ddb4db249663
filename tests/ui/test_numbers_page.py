"""The Numbers page: the core's figures as tiles, a period change, the customers behind a
tile and a letter to them, Ctrl+7, the Alt keys, and the exports."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.documents.kinds import DocumentKind, PrintJob
from shopcrm.numbers.counting import Counting, Listing
from shopcrm.numbers.figures import Figure, FigureKind, Figures
from shopcrm.people.records import CustomerLine
from tests.core.conftest import FakeClock
from tests.ui.conftest import show_active
from tests.ui.test_mnemonics import MNEMONIC, alt_keys, check_alt_keys
from ui.main_window import MainWindow
from ui.numbers.page import SLOW_COUNT_MS, NumbersPage
from ui.numbers.period_bar import CUSTOM, LAST_MONTH, THIS_YEAR


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 2, 18, 30))


@pytest.fixture
def shop(tmp_path: Path, clock: FakeClock) -> Iterator[Shop]:
    """Three customers: Şükrü came in November and December, Ayşe only in November, Çağla
    only in December (her first visit); Ayşe's December purchase was voided."""
    with Shop.open(tmp_path / "shop.sqlite3", clock=clock) as shop:
        sukru = shop.customers.add(name="Şükrü Öztürk", phone="0532 123 45 67")
        ayse = shop.customers.add(name="Ayşe Yılmaz", phone="0533 765 43 21")
        cagla = shop.customers.add(name="Çağla Güneş")
        shop.purchases.log(sukru.id, "100", purchased_at="2026-11-10T10:00:00")
        shop.purchases.log(ayse.id, "50", purchased_at="2026-11-20T15:00:00")
        shop.purchases.log(sukru.id, "300", purchased_at="2026-12-01T11:00:00")
        shop.purchases.log(cagla.id, "200", purchased_at="2026-12-02T09:00:00")
        voided = shop.purchases.log(ayse.id, "999", purchased_at="2026-12-02T10:00:00")
        shop.purchases.void(voided.id, reason="yanlış tutar")
        yield shop


def shown_page(qtbot: QtBot, shop: Shop) -> NumbersPage:
    page = NumbersPage(shop)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def tile_text(page: NumbersPage, key: str) -> str:
    return page.tiles.tiles[key].value.text()


def test_the_tiles_show_the_cores_figures_formatted(qtbot: QtBot, shop: Shop) -> None:
    page = shown_page(qtbot, shop)
    assert page.heading.text() == "December 2026 — compared with November 2026"
    # December: Şükrü (₺300) and Çağla (₺200) came; Ayşe's ₺999 was voided. Çağla is new.
    assert tile_text(page, "customers_served") == "2"
    assert tile_text(page, "new_customers") == "1"
    assert tile_text(page, "returning_customers") == "1"
    assert tile_text(page, "revenue") == "₺500.00"
    # November: Şükrü ₺100 and Ayşe ₺50, both new: ₺150, so December is up by ₺350, good.
    revenue = page.tiles.tiles["revenue"]
    assert revenue.change.text() == "▲ ₺350.00"
    assert "#2e7d32" in revenue.change.styleSheet()
    # Every tile is the core's own figure, written as the page writes it.
    figures = shop.numbers.figures(page.period())
    for figure in figures.all():
        from shopcrm.documents.figure_texts import value_text

        assert tile_text(page, figure.key) == value_text(figure.kind, figure.value, "TRY")


def test_churn_and_its_colours(qtbot: QtBot, shop: Shop) -> None:
    page = shown_page(qtbot, shop)
    # Of November's two customers (Şükrü, Ayşe), Ayşe did not come in December: 50% churn.
    churn = page.tiles.tiles["churn"]
    assert churn.value.text() == "50%"
    # A rise in churn is bad news: red; a fall is good: green; a neutral figure is grey.
    churn.show_figure(Figure("churn", "Churn", 0.5, 0.25, FigureKind.PERCENT, False), "TRY")
    assert churn.change.text() == "▲ 25 points"
    assert "#c62828" in churn.change.styleSheet()
    churn.show_figure(Figure("churn", "Churn", 0.1, 0.25, FigureKind.PERCENT, False), "TRY")
    assert "#2e7d32" in churn.change.styleSheet()
    churn.show_figure(Figure("churn", "Churn", 3, 1, FigureKind.COUNT, None, note="n"), "TRY")
    assert "#6b6b6b" in churn.change.styleSheet()
    assert churn.toolTip() == "n"
    assert not churn.clickable and not churn.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_period_change_updates_the_tiles_without_new_widgets(qtbot: QtBot, shop: Shop) -> None:
    page = shown_page(qtbot, shop)
    tile = page.tiles.tiles["revenue"]
    page.period_bar.choose(LAST_MONTH)
    assert page.heading.text() == "November 2026 — compared with October 2026"
    assert page.tiles.tiles["revenue"] is tile
    assert tile_text(page, "revenue") == "₺150.00"  # ₺100 + ₺50
    assert tile_text(page, "customers_served") == "2"
    page.period_bar.choose(THIS_YEAR)
    assert page.heading.text() == "2026 — compared with 2025"
    assert tile_text(page, "revenue") == "₺650.00"  # 100 + 50 + 300 + 200, not the voided 999
    assert tile_text(page, "customers_served") == "3"
    page.period_bar.set_custom(date(2026, 12, 2), date(2026, 12, 2))
    # a custom range is counted in another thread, from the day tables: it just shows
    qtbot.waitUntil(lambda: tile_text(page, "revenue") == "₺200.00")  # Çağla alone on 2 December
    assert page.heading.text().startswith("Dec 2, 2026")
    assert page.period_bar.choices.checkedId() == CUSTOM
    qtbot.wait(SLOW_COUNT_MS + 50)
    assert page.message.isHidden()


def test_a_slow_count_says_so_until_its_figures_come(
    qtbot: QtBot, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many years of a big shop take longer: the page says it is counting, and the figures
    replace the note when they come."""
    page = shown_page(qtbot, shop)
    run = Counting.run

    def slow(counting: Counting) -> Figures:
        time.sleep(SLOW_COUNT_MS / 1000 + 0.3)
        return run(counting)

    monkeypatch.setattr(Counting, "run", slow)
    page.period_bar.set_custom(date(2026, 12, 2), date(2026, 12, 2))
    assert page.message.isHidden()
    qtbot.waitUntil(lambda: page.message.text() == "Counting the numbers of Dec 2, 2026…")
    assert page.message.isVisible()
    qtbot.waitUntil(lambda: tile_text(page, "revenue") == "₺200.00")
    assert page.message.isHidden()


def test_a_count_overtaken_by_another_period_is_dropped(qtbot: QtBot, shop: Shop) -> None:
    """The owner picks a custom range, then a month before its count ends: the month shows,
    and the custom range's figures, when they come, do not replace it."""
    page = shown_page(qtbot, shop)
    page.period_bar.set_custom(date(2026, 11, 1), date(2026, 12, 2))
    page.period_bar.choose(0)  # this month
    assert page.heading.text() == "December 2026 — compared with November 2026"
    qtbot.wait(300)
    assert not page.counting.running()
    assert page.heading.text() == "December 2026 — compared with November 2026"
    assert tile_text(page, "customers_served") == "2"


def test_a_custom_range_the_core_refuses_says_why(qtbot: QtBot, shop: Shop) -> None:
    page = shown_page(qtbot, shop)
    page.period_bar.set_custom(date(2026, 12, 10), date(2026, 12, 1))
    assert (
        page.period_bar.error.text() == "The period ends before it starts. Please check the dates."
    )
    assert page.heading.text() == "December 2026 — compared with November 2026"


def test_a_tile_opens_its_customers_and_prints_them_a_letter(qtbot: QtBot, shop: Shop) -> None:
    page = shown_page(qtbot, shop)
    tile = page.tiles.tiles["customers_served"]
    assert tile.clickable and tile.focusPolicy() & Qt.FocusPolicy.TabFocus
    tile.setFocus()
    QTest.keyClick(tile, Qt.Key.Key_Return)
    dialog = page.behind
    assert dialog is not None and dialog.isVisible()
    assert dialog.summary.text() == "Finding the customers…"  # found apart
    assert not dialog.letter.isEnabled()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.summary.text() == "2 customers"
    names = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert names == ["Çağla Güneş", "Şükrü Öztürk"]  # December's two, in Turkish order
    assert dialog.model.index(1, 1).data() == "0532 123 45 67"
    assert dialog.model.index(1, 2).data() == "2"  # Şükrü's two visits
    sukru, cagla = (shop.customers.search(n)[0].id for n in ("Şükrü", "Çağla"))
    with qtbot.waitSignal(page.print_requested) as asked:
        dialog.letter.click()
    assert asked.args == [PrintJob(DocumentKind.LETTER, customer_ids=(cagla, sukru))]
    assert not dialog.isVisible()


def test_the_customers_behind_a_tile_go_on_todays_call_list_with_consent(
    qtbot: QtBot, shop: Shop
) -> None:
    page = shown_page(qtbot, shop)
    sukru, cagla = (shop.customers.search(n)[0].id for n in ("Şükrü", "Çağla"))
    shop.consent.record(sukru, "call", True)  # Çağla has given no consent to calls
    page.tiles.tiles["customers_served"].setFocus()
    QTest.keyClick(page.tiles.tiles["customers_served"], Qt.Key.Key_Return)
    dialog = page.behind
    assert dialog is not None
    show_active(qtbot, dialog)
    qtbot.waitUntil(dialog.call.isEnabled)
    with qtbot.waitSignal(page.changed):
        QTest.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert dialog.summary.text() == (
        "1 customer put on today's call list. 1 left out: no consent to calls."
    )
    assert [row.name for row in shop.calls.today().rows] == ["Şükrü Öztürk"]
    assert not dialog.call.isEnabled()
    assert shop.contacts.of_customer(cagla) == []


def test_a_click_opens_a_tile_too(qtbot: QtBot, shop: Shop) -> None:
    page = shown_page(qtbot, shop)
    tile = page.tiles.tiles["new_customers"]
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert page.behind is not None
    qtbot.waitUntil(lambda: page.behind is not None and page.behind.model.rowCount() == 1)  # Çağla
    page.behind.reject()
    assert page.behind is None


def test_a_long_search_for_the_customers_keeps_the_window_answering(
    qtbot: QtBot, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A million-customer shop takes seconds to list the customers behind a figure: the dialog
    opens at once and says so, and closing it stops the search; its result never lands."""
    page = shown_page(qtbot, shop)
    run = Listing.run

    def slow(listing: Listing) -> list[CustomerLine]:
        time.sleep(0.4)
        return run(listing)

    monkeypatch.setattr(Listing, "run", slow)
    page.open_customers("customers_served")
    dialog = page.behind
    assert dialog is not None and dialog.isVisible()
    qtbot.wait(100)
    assert dialog.summary.text() == "Finding the customers…"
    assert not dialog.letter.isEnabled() and not dialog.call.isEnabled()
    assert page.listing.running()
    dialog.reject()
    assert page.behind is None
    qtbot.waitUntil(lambda: not page.listing.running())
    assert dialog.model.rowCount() == 0


def test_ctrl_7_opens_the_numbers_page(qtbot: QtBot, shop: Shop) -> None:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert window.side_bar.item(window.NUMBERS).text() == "Numbers"
    QTest.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, NumbersPage)
    assert tile_text(page, "revenue") == "₺500.00"
    with qtbot.waitSignal(page.print_requested):
        page.open_customers("customers_served")
        dialog = page.behind
        assert dialog is not None
        qtbot.waitUntil(dialog.letter.isEnabled)
        dialog.print_letter()
    assert window.stack.currentIndex() == window.PRINT


def test_alt_keys_are_unique(qtbot: QtBot, shop: Shop, language: str) -> None:
    page = shown_page(qtbot, shop)
    check_alt_keys(page, "numbers")
    page.open_customers("customers_served")
    dialog = page.behind
    assert dialog is not None
    qtbot.waitUntil(dialog.letter.isEnabled)
    check_alt_keys(dialog, "customers behind")
    page.behind.reject()
    assert all(MNEMONIC.findall(text) for _k, text in alt_keys(page))


def test_turkish_tiles(qtbot: QtBot, shop: Shop, language: str) -> None:
    page = shown_page(qtbot, shop)
    if language == "tr":
        assert page.heading.text() == "Aralık 2026 — Kasım 2026 ile karşılaştırıldı"
        assert tile_text(page, "revenue") == "₺500,00"
        assert page.tiles.tiles["revenue"].change.text() == "▲ ₺350,00"
        assert tile_text(page, "churn") == "%50"


def test_the_csv_and_the_pdf_are_saved_where_asked(
    qtbot: QtBot, shop: Shop, tmp_path: Path
) -> None:
    page = shown_page(qtbot, shop)
    page.save_csv()
    dialog = page.export.file_dialog
    assert dialog is not None
    target = tmp_path / "numbers.csv"
    dialog.selectFile(str(target))
    dialog.accept()
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert any("₺500.00" in row for row in rows)
    page.save_pdf()
    dialog = page.export.file_dialog
    assert dialog is not None
    report = tmp_path / "numbers"  # the dialog adds ".pdf"
    dialog.selectFile(str(report))
    dialog.accept()
    report = tmp_path / "numbers.pdf"
    text = "".join(p.extract_text() for p in PdfReader(report).pages)
    assert "December 2026" in text and "₺500.00" in text
    assert page.message.text() == f"Saved: {report}"


def test_the_charts_follow_the_core_and_the_language(
    qtbot: QtBot, shop: Shop, language: str
) -> None:
    page = shown_page(qtbot, shop)
    charts = page.charts
    assert charts is not None
    # The last 12 months end with December 2026: November ₺150, December ₺500.
    assert charts.revenue.categories[-2:] == {"tr": ["Kas", "Ara"], "en": ["Nov", "Dec"]}[language]
    new, returning = charts.revenue._sets
    assert (new.at(10), returning.at(10)) == (150.0, 0.0)  # Şükrü and Ayşe both new in November
    assert (new.at(11), returning.at(11)) == (200.0, 300.0)  # Çağla new, Şükrü returning
    assert charts.revenue.value_labels[-1] == {"tr": "₺500", "en": "₺500"}[language]
    returning.hovered.emit(True, 11)  # the mouse on December's returning customers' part
    tips = {"tr": "Tekrar gelen müşteri — Ara: ₺300", "en": "Returning customers — Dec: ₺300"}
    assert QToolTip.text() == tips[language]
    # December's visits: Tuesday 1st (Şükrü) and Wednesday 2nd (Çağla; Ayşe's was voided).
    assert (
        charts.weekdays.categories[:3]
        == {
            "tr": ["Pzt", "Sal", "Çar"],
            "en": ["Mon", "Tue", "Wed"],
        }[language]
    )
    (visits,) = charts.weekdays._sets
    assert [visits.at(day) for day in range(7)] == [0, 1, 1, 0, 0, 0, 0]
    (hours,) = charts.hours._sets
    assert charts.hours.categories == ["09", "10", "11"]  # Çağla at 9, Şükrü at 11
    assert [hours.at(i) for i in range(3)] == [1, 0, 1]


def test_the_app_starts_without_qtcharts() -> None:
    import subprocess
    import sys

    script = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from pathlib import Path; import tempfile\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from shopcrm import Shop; from ui.main_window import MainWindow\n"
        "shop = Shop.open(Path(tempfile.mkdtemp()) / 's.sqlite3')\n"
        "window = MainWindow(shop); window.show(); app.processEvents()\n"
        "assert 'PySide6.QtCharts' not in sys.modules\n"
        "window.go_to(window.NUMBERS); app.processEvents()\n"
        "assert 'PySide6.QtCharts' in sys.modules\n"
        "window.close()\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()


def test_tab_walks_from_the_period_to_the_tiles_with_customers(qtbot: QtBot, shop: Shop) -> None:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.go_to(window.NUMBERS)
    page = window.stack.currentWidget()
    assert isinstance(page, NumbersPage)
    assert page.period_bar.choices.button(0).hasFocus()  # "This month"
    stops = []
    for _ in range(8):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops[:3] == [page.pdf_button, page.csv_button, page.draw_button]
    tiles = page.tiles.tiles
    assert stops[3] is tiles["customers_served"] and stops[4] is tiles["new_customers"]
    QTest.keyClick(stops[4], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.behind is not None and page.behind.model.rowCount() == 1)  # Çağla
    page.behind.reject()


def test_the_draw_opens_with_alt_d_and_closing_it_refreshes_the_other_pages(
    qtbot: QtBot, shop: Shop
) -> None:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.go_to(window.NUMBERS)
    page = window.stack.currentWidget()
    assert isinstance(page, NumbersPage)
    QTest.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.draw is not None and page.draw.isVisible())
    from ui.numbers.draw_dialog import DrawDialog

    assert isinstance(page.draw, DrawDialog)
    changed: list[bool] = []
    page.changed.connect(lambda: changed.append(True))
    page.draw.reject()
    assert page.draw is None and changed == [True]
