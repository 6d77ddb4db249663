"""Nothing the shopkeeper needs is cut short, drawn over, or left stale (1024x600, Turkish).

The e-mails and names of the Customers page show whole (the table scrolls sideways rather than
cut them to "abdul…"); a sort arrow never covers a heading; every open reward at the counter can
be reached and the box says how many there are; a page's status line does not keep an old
message after the shopkeeper moved to another page and back.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from shopcrm.loyalty.rules import RewardKind
from tests.ui.conftest import show_active
from ui.counter.reward_list import LoyaltyBox
from ui.customers.model import EMAIL, NAME
from ui.customers.page import CustomersPage
from ui.main_window import MainWindow
from ui.rewards.page import RewardsPage
from ui.settings.page import SettingsPage

SMALL = (1024, 600)


@pytest.fixture
def turkish() -> Iterator[None]:
    set_language("tr")
    yield
    set_language("en")


def drawn_heading(
    header: QHeaderView, column: int, text: bool, arrow: QStyleOptionHeader.SortIndicator
) -> QImage:
    """One heading drawn the way the header draws it, with or without its text and arrow."""
    option = QStyleOptionHeader()
    header.initStyleOption(option)
    header.initStyleOptionForIndex(option, column)
    option.state |= QStyle.StateFlag.State_Horizontal
    option.rect = QRect(0, 0, header.sectionSize(column), header.height())
    if not text:
        option.text = ""
    option.sortIndicator = arrow
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    header.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, header)
    painter.end()
    return image


def differing_columns(a: QImage, b: QImage) -> set[int]:
    return {
        x
        for x in range(a.width())
        if any(a.pixel(x, y) != b.pixel(x, y) for y in range(a.height()))
    }


def arrow_covers_heading(table: QTableView, column: int) -> bool:
    """Whether the sort arrow, drawn as the header draws it, touches the heading's text."""
    header = table.horizontalHeader()
    table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
    text = differing_columns(
        drawn_heading(header, column, False, down), drawn_heading(header, column, True, down)
    )
    # The arrow is where the heading drawn with it pointing up differs from pointing down.
    arrow = differing_columns(
        drawn_heading(header, column, True, up), drawn_heading(header, column, True, down)
    )
    assert text and arrow
    return any(min(text) - 2 <= x <= max(text) + 2 for x in arrow)


def test_the_sort_arrow_never_covers_a_heading(qtbot: QtBot, shop: Shop, turkish: None) -> None:
    shop.customers.add(name="Ayşe Yılmaz", email="ayse@example.com")
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(*SMALL)
    show_active(qtbot, window)
    window.go_to(MainWindow.CUSTOMERS)
    customers = window.page(MainWindow.CUSTOMERS)
    assert isinstance(customers, CustomersPage)
    covered = [
        customers.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(customers.model.columnCount())
        if arrow_covers_heading(customers.table, c)
    ]
    assert covered == []
    window.go_to(MainWindow.REWARDS)
    rewards = window.page(MainWindow.REWARDS)
    assert isinstance(rewards, RewardsPage)
    model = rewards.vouchers_model
    covered = [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(model.columnCount())
        if arrow_covers_heading(rewards.vouchers, c)
    ]
    assert covered == []


LONG_NAMES = ["Abdurrahman Şükrüoğlu", "Gülşen Karaağaçlı", "Işıl Çağlayan"]
LONG_EMAILS = ["abdullah_kose@hotmail.com", "gulsen.kara@gmail.com", "isil@example.com"]


def test_names_and_e_mails_show_whole_at_1024_by_600(
    qtbot: QtBot, shop: Shop, turkish: None
) -> None:
    for name, email in zip(LONG_NAMES, LONG_EMAILS, strict=True):
        shop.customers.add(name=name, email=email)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(*SMALL)
    show_active(qtbot, window)
    window.go_to(MainWindow.CUSTOMERS)
    page = window.page(MainWindow.CUSTOMERS)
    assert isinstance(page, CustomersPage)
    metrics = page.table.fontMetrics()
    for column, texts in ((NAME, LONG_NAMES), (EMAIL, LONG_EMAILS)):
        for text in texts:
            assert metrics.horizontalAdvance(text) + 8 <= page.table.columnWidth(column), text
    index = page.table.model().index(0, EMAIL)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()  # in full, even if narrowed

    window.resize(1400, 800)
    qtbot.waitUntil(lambda: page.table.viewport().width() > 1100)
    total = sum(page.table.columnWidth(c) for c in range(page.model.columnCount()))
    assert abs(total - page.table.viewport().width()) <= 2  # the spare width is used, not left


def open_rewards_box(qtbot: QtBot, shop: Shop, count: int) -> tuple[LoyaltyBox, list[int]]:
    customer = shop.customers.add(name="Abdurrahman Şükrüoğlu Karaağaçlıgil")
    ids = []
    for n in range(count):
        if n % 2:
            reward = shop.rewards.give_goodwill(
                customer.id, RewardKind.GIFT, gift="Saksıda beyaz orkide ve el yapımı kurdele"
            )
        else:
            reward = shop.rewards.give_goodwill(customer.id, RewardKind.AMOUNT, value=f"{n + 1}0")
        ids.append(reward.id)
    box = LoyaltyBox()
    qtbot.addWidget(box)
    box.resize(440, 500)
    box.show()
    qtbot.waitExposed(box)
    box.show_loyalty(
        shop.loyalty.progress(customer.id), shop.rewards.of_customer(customer.id), "TRY"
    )
    qtbot.waitUntil(lambda: all(row.isVisible() for row in box.rows))
    return box, ids


def fully_visible(box: LoyaltyBox, row: int) -> bool:
    widget = box.rows[row]
    viewport = box.rows_scroll.viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft())
    bottom = widget.mapTo(viewport, widget.rect().bottomRight())
    return viewport.rect().contains(top) and viewport.rect().contains(bottom)


def test_the_open_rewards_box_says_how_many_and_reaches_every_one(
    qtbot: QtBot, shop: Shop, turkish: None
) -> None:
    box, _ids = open_rewards_box(qtbot, shop, 5)
    qtbot.waitUntil(lambda: box.rows_count.isVisible())
    shown = [r for r in range(5) if fully_visible(box, r)]
    assert shown == [0, 1, 2]
    assert box.rows_count.text() == "3 / 5 gösteriliyor — gerisi için kaydırın"
    partly = [
        r
        for r in range(5)
        if r not in shown and box.rows[r].visibleRegion().boundingRect().height() > 0
    ]
    assert partly == []  # no row is cut in half at the bottom
    box.toggle_row(5)
    assert box.rows[4].ticked
    qtbot.waitUntil(lambda: fully_visible(box, 4))
    assert box.rows_count.text() == "3 / 5 gösteriliyor — gerisi için kaydırın"


def test_a_reward_row_fits_a_narrow_counter(qtbot: QtBot, shop: Shop, turkish: None) -> None:
    box, _ids = open_rewards_box(qtbot, shop, 2)
    box.resize(360, 500)
    qtbot.waitUntil(lambda: box.rows_scroll.viewport().width() <= 360)
    gift = box.rows[1]
    assert gift.width() <= box.rows_scroll.viewport().width()
    assert gift.hand_over_button is not None
    assert gift.key.isVisible() and gift.key.text() == "Alt+2"
    viewport = box.rows_scroll.viewport()
    right = gift.key.mapTo(viewport, gift.key.rect().topRight()).x()
    assert right <= viewport.width()  # the key is not pushed out of sight
    assert gift.check.text() == "Saksıda beyaz orkide ve el yapımı kurdele hediye"
    assert gift.check.text() in gift.check.toolTip()


def test_a_page_forgets_its_old_message_when_left(qtbot: QtBot, shop: Shop, turkish: None) -> None:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(*SMALL)
    show_active(qtbot, window)
    window.go_to(MainWindow.REWARDS)
    rewards = window.page(MainWindow.REWARDS)
    assert isinstance(rewards, RewardsPage)
    rewards.pause_or_resume()
    assert rewards.status.isVisible()
    window.go_to(MainWindow.CUSTOMERS)
    customers = window.page(MainWindow.CUSTOMERS)
    assert isinstance(customers, CustomersPage)
    customers._show_error("Bir hata")
    assert customers.error.isVisible()
    window.go_to(MainWindow.SETTINGS)
    settings = window.page(MainWindow.SETTINGS)
    assert isinstance(settings, SettingsPage)
    settings.save_button.click()
    assert settings.message.isVisible()
    window.go_to(MainWindow.REWARDS)
    assert not rewards.status.isVisible()
    window.go_to(MainWindow.CUSTOMERS)
    assert not customers.error.isVisible()
    window.go_to(MainWindow.SETTINGS)
    assert not settings.message.isVisible()
