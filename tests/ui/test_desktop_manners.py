"""Desktop manners: Ctrl+Q quits, F1 helps, the window comes back where it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from tests.ui.conftest import show_active
from ui.help import HelpDialog
from ui.main_window import MainWindow
from ui.window_place import GEOMETRY_KEY, on_a_screen


def settings_in(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "shopcrm.ini"), QSettings.Format.IniFormat)


def test_ctrl_q_closes_the_window_and_the_shop(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    window = MainWindow(Shop.open(path))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.keyClick(window.counter.search, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    Shop.open(path).close()  # the database is free again: the shop was closed


def test_the_window_comes_back_where_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    place = settings_in(tmp_path)
    first = MainWindow(Shop.open(tmp_path / "a.sqlite3"), place=place)
    qtbot.addWidget(first)
    show_active(qtbot, first)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    wanted = QRect(screen.left() + 20, screen.top() + 30, 950, 640)
    first.setGeometry(wanted)
    qtbot.waitUntil(lambda: first.geometry() == wanted)
    first.close()
    assert settings_in(tmp_path).value(GEOMETRY_KEY)

    second = MainWindow(Shop.open(tmp_path / "b.sqlite3"), place=settings_in(tmp_path))
    qtbot.addWidget(second)
    # the test screen is 800 pixels wide, narrower than the window may be: the height and
    # the top come back as saved (the default is 740 high), the width is fitted to the screen
    assert second.height() == 640 != 740
    assert second.y() == wanted.y()
    second.close()


def test_a_place_no_screen_shows_is_not_restored(qtbot: QtBot, tmp_path: Path) -> None:
    place = settings_in(tmp_path)
    first = MainWindow(Shop.open(tmp_path / "a.sqlite3"))
    qtbot.addWidget(first)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    first.setGeometry(screen.right() + 3000, screen.bottom() + 3000, 950, 640)  # a gone screen
    place.setValue(GEOMETRY_KEY, first.saveGeometry())
    place.sync()
    first.close()

    second = MainWindow(Shop.open(tmp_path / "b.sqlite3"), place=settings_in(tmp_path))
    qtbot.addWidget(second)
    show_active(qtbot, second)
    assert on_a_screen(second)
    second.close()


def test_a_first_run_keeps_the_default_size(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(Shop.open(tmp_path / "a.sqlite3"), place=settings_in(tmp_path))
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == (1100, 740)
    window.close()


def test_f1_opens_the_help_in_the_language_with_the_real_paths(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    path = tmp_path / "dükkan.sqlite3"
    window = MainWindow(Shop.open(path))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.waitUntil(window.counter.search.hasFocus)
    window.counter.search.setText("ay")
    qtbot.keyClick(window.counter.search, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help is not None and window.help.isVisible())
    help_page = window.help
    assert isinstance(help_page, HelpDialog)
    text = help_page.text.toPlainText()
    heading = {"tr": "Kasada", "en": "At the counter"}[language]
    rewards = {"tr": "Ödüller nasıl çalışır", "en": "How rewards work"}[language]
    assert heading in text and rewards in text
    assert str(path.resolve()) in text
    assert str(path.resolve().parent / "backups") in text
    assert "Ctrl+Q" in text
    qtbot.waitUntil(help_page.isActiveWindow)
    qtbot.keyClick(help_page.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not help_page.isVisible())
    assert window.counter.search.text() == "ay"  # the counter is as it was
    window.close()


def test_brought_to_front_the_counter_stays_as_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(Shop.open(tmp_path / "shop.sqlite3"))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    search = window.counter.search
    qtbot.waitUntil(search.hasFocus)
    search.setText("ayş")
    window.showMinimized()
    window.bring_to_front()
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible()
    assert search.text() == "ayş"
    assert window.stack.currentWidget() is window.counter
    window.close()


def test_quitting_while_the_check_runs_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    import time

    import main
    from shopcrm.storage import integrity

    path = tmp_path / "shop.sqlite3"
    Shop.open(path).close()

    def stopped_by_the_quit(_conn: sqlite3.Connection) -> bool:
        time.sleep(0.3)
        raise sqlite3.OperationalError("interrupted")

    monkeypatch.setattr(integrity, "quick_check", stopped_by_the_quit)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: told.append(text))

    def quit_at_once() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()

    QTimer.singleShot(50, quit_at_once)
    assert main.main(["--db", str(path), "--lang", "en"]) == 0
    assert told == []
