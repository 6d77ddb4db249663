"""Nothing flashes a window of its own: a widget made without a parent and shown before it is
put in its place becomes a top-level window for a moment, and on a real desktop it takes the
keyboard from the counter. Every page is opened and a sale logged, and no window but the main
one (and the menus, tool tips and dialogs Qt opens on purpose) may appear."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.loyalty.rules import RewardKind, RuleKind
from tests.ui.conftest import show_active, type_text
from ui.counter.page import CounterPage
from ui.main_window import MainWindow


class WindowsShown(QObject):
    """Records every plain window (not a popup, tool tip or dialog) shown."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.windowType() == Qt.WindowType.Window
        ):
            self.shown.append(type(watched).__name__)
        return False


def test_no_page_and_no_sale_flashes_a_window_of_its_own(qtbot: QtBot, shop: Shop) -> None:
    shop.rules.add(RuleKind.VISITS, RewardKind.PERCENT, value=10, every_visits=4)
    shop.rules.add(RuleKind.SPENDING, RewardKind.AMOUNT, value="50", every_spending="1000")
    shop.settings.update(print_welcome=True)
    shop.customers.add(name="Ayşe Yılmaz", consents={"letter": True})
    window = MainWindow(shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    app = QApplication.instance()
    assert app is not None
    watcher = WindowsShown()
    app.installEventFilter(watcher)
    try:
        for number in (*range(MainWindow.PRINT, 0, -1), MainWindow.COUNTER):
            window.go_to(number)
            qtbot.wait(20)
        counter = window.stack.currentWidget()
        assert isinstance(counter, CounterPage)
        for amount in ("80", "120"):
            type_text(counter.search, "ayşe")
            qtbot.keyClick(counter.search, Qt.Key.Key_Return)
            type_text(counter.amount, amount)
            qtbot.keyClick(counter.amount, Qt.Key.Key_Return)
            qtbot.wait(50)
            qtbot.keyClick(counter.amount, Qt.Key.Key_Escape)
    finally:
        app.removeEventFilter(watcher)
    assert watcher.shown == [], ", ".join(watcher.shown)
    assert window.isActiveWindow()
