"""Where the main window was: its size and place are kept between runs (QSettings), and put
back only where a screen still shows them (a second monitor unplugged since is not)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

GEOMETRY_KEY = "window/geometry"


def user_settings() -> QSettings:
    """This user's ShopCRM settings of the machine (not the shop's: those are in its file)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ShopCRM", "ShopCRM")


def save_place(window: QWidget, settings: QSettings) -> None:
    """Keep the window's size and place (and whether it is maximised)."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.sync()


def restore_place(window: QWidget, settings: QSettings) -> bool:
    """Put the window back where it was; whether it was. A place no screen shows now (the
    screen is gone, the resolution smaller) is refused: the window keeps its default place."""
    saved = settings.value(GEOMETRY_KEY)
    if not isinstance(saved, QByteArray | bytes) or not saved:
        return False
    before = window.geometry()
    if not window.restoreGeometry(QByteArray(saved)):
        return False
    if not on_a_screen(window):
        window.setGeometry(before)
        return False
    return True


def on_a_screen(window: QWidget) -> bool:
    """Whether the window's title bar (its top middle) is on a screen's usable area."""
    frame = window.frameGeometry()
    top_middle = QPoint(frame.center().x(), frame.top() + 10)
    return any(
        screen.availableGeometry().contains(top_middle) for screen in QGuiApplication.screens()
    )
