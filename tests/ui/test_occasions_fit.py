"""Occasions fit the counter at 1024x600 in Turkish: the occasion line reads whole, the sale
stays in view, and the upcoming panel has room for its rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from tests.core.conftest import FakeClock
from tests.ui.conftest import show_active
from ui.counter.page import CounterPage
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    set_language("tr")
    shop = Shop.open(tmp_path / "shop.sqlite3", clock=FakeClock(datetime(2026, 3, 9, 10)))
    ayse = shop.customers.add(
        name="Ayşe Gülizar Karaosmanoğlu Yılmaz", notes="Kapıya teslim ister", birthday="12.03.1991"
    )
    shop.occasions.add(ayse.id, "wedding", "09.03.2016", note="kırmızı gül, 10 adet, kartına not")
    shop.occasions.add(ayse.id, "child_birthday", "10.03.2008", whose="kızı Elif Nazlı")
    for n in range(8):
        other = shop.customers.add(name=f"Müşteri {n}")
        shop.occasions.add(other.id, "name_day", f"{10 + n % 5}.03")
    win = MainWindow(shop)
    qtbot.addWidget(win)
    win.resize(1024, 600)
    show_active(qtbot, win)
    yield win
    shop.close()
    set_language("en")


def shows_whole(label: QLabel) -> bool:
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


def in_view(widget: QWidget, top: QWidget) -> bool:
    corner = widget.mapTo(top, widget.rect().bottomRight())
    return widget.isVisible() and top.rect().contains(corner)


def test_a_served_customers_occasions_and_the_sale_fit(qtbot: QtBot, window: MainWindow) -> None:
    counter = window.counter
    assert isinstance(counter, CounterPage)
    counter.pick(window.shop.customers.search("ayşe")[0])
    qtbot.wait(50)
    label = counter.panel.occasions
    assert label.text().count("\n") == 2
    assert shows_whole(label)
    assert in_view(counter.amount, window) and in_view(counter.log_button, window)
    assert in_view(counter.panel.occasions_button, window)


def test_the_upcoming_panel_has_room_beside_the_counter(qtbot: QtBot, window: MainWindow) -> None:
    counter = window.counter
    assert isinstance(counter, CounterPage)
    panel = counter.upcoming
    assert in_view(panel, window) and in_view(counter.amount, window)
    rows = panel.list
    row_height = rows.sizeHintForRow(1)
    assert rows.viewport().height() >= 8 * row_height  # a week's worth shows, the rest scrolls
