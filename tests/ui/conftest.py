"""Fixtures for the UI tests: Qt offscreen, English messages, a fresh shop, Turkish typing."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is imported anywhere

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from shopcrm import Shop  # noqa: E402


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    """A fresh, empty shop on a temporary file, closed after the test."""
    shop = Shop.open(tmp_path / "shop.sqlite3")
    yield shop
    shop.close()


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key; unlike qtbot.keyClicks, Turkish letters work."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def show_active(qtbot: object, widget: QWidget) -> None:
    """Show ``widget`` as the active window so that its shortcuts work."""
    widget.show()
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    widget.activateWindow()
    qtbot.waitUntil(lambda: widget.isActiveWindow())  # type: ignore[attr-defined]


@pytest.fixture
def three_customers_counter(qtbot: object, shop: Shop) -> object:
    """The Counter of a shop with Şükrü Öztürk, Ayşe Yılmaz and Mehmet Şahin, its search box
    focused."""
    from ui.counter.page import CounterPage

    shop.customers.add(name="Şükrü Öztürk", phone="0532 123 45 67")
    shop.customers.add(name="Ayşe Yılmaz", phone="0533 765 43 21")
    shop.customers.add(name="Mehmet Şahin")
    counter = CounterPage(shop)
    qtbot.addWidget(counter)  # type: ignore[attr-defined]
    counter.resize(1000, 650)
    show_active(qtbot, counter)
    counter.focus_search()
    qtbot.waitUntil(counter.search.hasFocus)  # type: ignore[attr-defined]
    return counter


@pytest.fixture(params=["tr", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each test using it runs in Turkish, then in English, Qt's own buttons included."""
    from PySide6.QtWidgets import QApplication

    import main
    from shopcrm.common.i18n import set_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    set_language(request.param)
    translator = main.install_qt_translation(app, request.param)
    yield request.param
    if translator is not None:
        app.removeTranslator(translator)
    set_language("en")


@pytest.fixture(autouse=True, scope="session")
def _own_user_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The window's place (QSettings, user scope) is kept in a folder of the test run, never in
    the tester's own ~/.config."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("user-settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
