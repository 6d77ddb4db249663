"""What the first frame does not show runs just after it (ui/first_paint.py): the day's first
look and the side bar's print count, listening for a second start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from tests.ui.test_print_queue_tab import welcome_cards
from ui.first_paint import AfterFirstPaint
from ui.main_window import MainWindow


class FirstPaintSpy(QObject):
    """Notes what ``look`` says when the window is first painted."""

    def __init__(self, window: QWidget, look: Callable[[], object]) -> None:
        super().__init__(window)
        self.look = look
        self.seen: object = None
        window.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = self.look()
        return False


def test_the_jobs_run_once_right_after_the_first_paint(qtbot: QtBot) -> None:
    window = QLabel("Güneş Çiçekçilik")
    qtbot.addWidget(window)
    ran: list[str] = []
    after = AfterFirstPaint(window)
    after.add(lambda: ran.append("first"))
    spy = FirstPaintSpy(window, lambda: list(ran))
    window.show()
    qtbot.waitUntil(lambda: after.done)
    assert spy.seen == []  # nothing ran before the first frame was drawn
    assert ran == ["first"]
    after.add(lambda: ran.append("later"))  # once painted: at the next turn of the loop
    qtbot.waitUntil(lambda: ran == ["first", "later"])
    window.repaint()
    assert ran == ["first", "later"]


def test_a_window_shown_but_never_painted_runs_them_a_moment_later(qtbot: QtBot) -> None:
    window = QLabel("Güneş Çiçekçilik")
    qtbot.addWidget(window)
    ran: list[str] = []
    after = AfterFirstPaint(window)
    after.add(lambda: ran.append("job"))
    QApplication.sendEvent(window, QShowEvent())  # told it is shown; no paint comes
    assert ran == []
    qtbot.waitUntil(lambda: ran == ["job"], timeout=2000)


def test_the_print_count_comes_just_after_the_first_paint(qtbot: QtBot, shop: Shop) -> None:
    welcome_cards(shop)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    spy = FirstPaintSpy(window, lambda: ("issued", window.birthdays_issued))
    window.show()
    qtbot.waitUntil(lambda: window.side_bar.item(window.PRINT).text() == "Print (1)")
    assert spy.seen == ("issued", None)  # the day's first look waited for the first frame
    assert window.birthdays_issued == []
