"""The main window and the start-up choices of main.py."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import main
from shopcrm import Shop
from shopcrm.common.i18n import current_language, set_language
from shopcrm.storage import backups
from tests.core.conftest import FakeClock
from tests.ui.conftest import ROOT, show_active
from ui.counter.page import CounterPage
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    shop = Shop.open(tmp_path / "corner.sqlite3")
    win = MainWindow(shop)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    yield win
    shop.close()


def test_starts_on_the_counter_with_the_search_box_focused(
    qtbot: QtBot, window: MainWindow
) -> None:
    counter = window.counter
    assert isinstance(counter, CounterPage)
    assert window.stack.currentWidget() is counter
    assert window.side_bar.currentRow() == MainWindow.COUNTER
    qtbot.waitUntil(counter.search.hasFocus)
    assert window.windowTitle() == "ShopCRM — corner.sqlite3"
    assert window.minimumWidth() <= 1024 and window.minimumHeight() <= 700


def test_the_title_shows_the_shop_name(qtbot: QtBot, window: MainWindow) -> None:
    window.shop.settings.update(shop_name="Öztürk Kırtasiye")
    window.update_title()
    assert window.windowTitle() == "ShopCRM — Öztürk Kırtasiye"


def test_ctrl_digits_switch_pages(qtbot: QtBot, window: MainWindow) -> None:
    counter = window.counter
    qtbot.waitUntil(counter.search.hasFocus)
    qtbot.keyClick(counter.search, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.side_bar.currentRow() == MainWindow.CUSTOMERS
    assert window.stack.currentWidget() is window.page(MainWindow.CUSTOMERS)
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused or window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page(MainWindow.REWARDS)
    assert window.side_bar.item(MainWindow.REWARDS).text() == "Rewards"
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier
    )
    assert window.stack.currentWidget() is window.page(MainWindow.SETTINGS)
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier
    )
    assert window.stack.currentWidget() is counter
    qtbot.waitUntil(counter.search.hasFocus)


def test_the_side_bar_works_with_arrow_keys(qtbot: QtBot, window: MainWindow) -> None:
    window.side_bar.setFocus()
    qtbot.keyClick(window.side_bar, Qt.Key.Key_Down)
    assert window.stack.currentIndex() == MainWindow.CUSTOMERS
    qtbot.keyClick(window.side_bar, Qt.Key.Key_Up)
    assert window.stack.currentWidget() is window.counter


def test_a_change_on_one_page_refreshes_the_others(qtbot: QtBot, window: MainWindow) -> None:
    counter = window.counter
    assert isinstance(counter, CounterPage)
    customers = window.page(MainWindow.CUSTOMERS)
    refreshed: list[bool] = []
    customers.refresh = lambda: refreshed.append(True)  # type: ignore[method-assign]
    window.shop.customers.add(name="Irmak Işık")
    qtbot.keyClicks(counter.search, "isik")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    qtbot.keyClicks(counter.amount, "50")
    qtbot.keyClick(counter.amount, Qt.Key.Key_Return)
    assert refreshed == [True]


def test_closing_the_window_closes_the_shop(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    win = MainWindow(Shop.open(path))
    qtbot.addWidget(win)
    win.show()
    win.close()
    Shop.open(path).close()  # would raise DatabaseInUse if the window still held it


def test_language_comes_from_the_argument_then_the_shop_then_the_system() -> None:
    assert main.choose_language("en", "tr", "tr") == "en"
    assert main.choose_language("tr", "", "en") == "tr"
    assert main.choose_language(None, "tr", "en") == "tr"
    assert main.choose_language(None, "en", "tr") == "en"
    assert main.choose_language(None, "", "tr") == "tr"
    assert main.choose_language(None, "", "en") == "en"


def test_arguments_and_database_paths(tmp_path: Path) -> None:
    args = main.parse_arguments(["--db", str(tmp_path / "a.sqlite3"), "--lang", "tr"])
    assert main.database_path(args) == tmp_path / "a.sqlite3"
    assert args.lang == "tr"
    default = main.database_path(main.parse_arguments([]))
    demo = main.database_path(main.parse_arguments(["--demo"]))
    assert default.name == "shopcrm.sqlite3" and demo.name == "demo.sqlite3"
    assert default.parent == demo.parent
    assert default.parent.name == "ShopCRM" and default.parent.parent.name != "ShopCRM"
    assert Path(main.__file__).resolve().parent not in default.parents
    with pytest.raises(SystemExit):
        main.parse_arguments(["--lang", "de"])


def test_turkish_qt_buttons_are_installed(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert main.install_qt_translation(app, "en") is None
    translator = main.install_qt_translation(app, "tr")
    try:
        assert translator is not None, "qtbase_tr.qm is missing from the PySide6 wheel"
        assert translator.translate("QPlatformTheme", "Cancel") == "İptal"
    finally:
        if translator is not None:
            app.removeTranslator(translator)


def test_the_stored_language_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tr.sqlite3"
    with Shop.open(path) as shop:
        shop.settings.update(language="tr")
    seen: list[str] = []
    monkeypatch.setattr(main, "set_language", lambda lang: (seen.append(lang), set_language(lang)))
    monkeypatch.setattr(main, "install_qt_translation", lambda app, lang: None)

    from tests.ui.test_first_day import FakeWindow

    monkeypatch.setattr("ui.main_window.MainWindow", FakeWindow)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    assert main.main(["--db", str(path)]) == 0
    assert seen[-1] == "tr"
    assert current_language() == "tr"


def test_an_unopenable_database_shows_the_error_and_exits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "busy.sqlite3"
    shown: list[str] = []
    monkeypatch.setattr(
        main.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text)
    )
    with Shop.open(path):
        assert main.main(["--db", str(path), "--lang", "en"]) == 1
    assert len(shown) == 1 and shown[0]


def test_a_damaged_database_found_after_the_window_shows_is_refused(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "damaged.sqlite3"
    with Shop.open(path) as shop:
        for n in range(300):
            shop.customers.add(name=f"Müşteri {n}", notes="x" * 200)
    data = bytearray(path.read_bytes())
    data[5000:9000] = b"\xff" * 4000
    path.write_bytes(bytes(data))
    shown: list[str] = []
    monkeypatch.setattr(
        main.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text)
    )
    app = QApplication.instance()
    assert app is not None
    guard = QTimer()  # never hang the test run
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: app.exit(99))
    guard.start(20_000)
    assert main.main(["--db", str(path), "--lang", "en"]) == 1
    guard.stop()
    assert len(shown) == 1 and "damaged" in shown[0]
    # the window left behind polls nothing more: its shop is closed
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert windows and not any(t.isActive() for w in windows for t in w.findChildren(QTimer))
    assert path.read_bytes() == bytes(data)


def test_ctrl_n_adds_a_customer_on_the_page_shown(qtbot: QtBot, window: MainWindow) -> None:
    from ui.customers.page import CustomersPage

    counter = window.counter
    assert isinstance(counter, CounterPage)
    window.go_to(MainWindow.CUSTOMERS)
    customers = window.page(MainWindow.CUSTOMERS)
    assert isinstance(customers, CustomersPage)
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    assert customers.form is not None and counter.errands.customer_dialog is None
    customers.form.reject()
    window.side_bar.setFocus()  # Ctrl+N works from the side bar too
    qtbot.keyClick(window.side_bar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert customers.form is not None and customers.form.isVisible()
    customers.form.reject()


# --- bad days at start-up ----------------------------------------------------------------------


def foreign_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()


def on_a_network_share(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = (
        f"1 0 8:1 / / rw - ext4 /dev/sda1 rw\n2 1 0:50 / {path.parent} rw - cifs //nas/dükkân rw\n"
    )
    monkeypatch.setattr("shopcrm.storage.location.mount_table", lambda: table)


REFUSALS = {
    "empty": (lambda path, _mp: path.write_bytes(b""), "boş (0 bayt)"),
    "not sqlite": (
        lambda path, _mp: path.write_text("alışveriş listesi\n" * 50),
        "SQLite veritabanı değil",
    ),
    "foreign": (lambda path, _mp: foreign_database(path), "başka bir programın veritabanı"),
    "network": (on_a_network_share, "ağ sürücüsünde"),
    "folder is a file": (
        lambda path, _mp: path.parent.parent.joinpath("dosya").write_text("x"),
        "Sistemin bildirdiği",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_refused_database_is_told_in_the_apps_language_and_the_app_exits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    prepare, word = REFUSALS[case]
    folder = tmp_path / ("dosya" if case == "folder is a file" else "dükkân")
    if case != "folder is a file":
        folder.mkdir()
    path = folder / "shop.sqlite3"
    prepare(path, monkeypatch)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    shown: list[str] = []
    monkeypatch.setattr(
        main.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text)
    )
    qt_languages: list[str] = []
    monkeypatch.setattr(
        main, "install_qt_translation", lambda _app, language: qt_languages.append(language)
    )
    assert main.main(["--db", str(path), "--lang", "tr"]) == 1
    assert len(shown) == 1 and word in shown[0], shown
    assert qt_languages == ["tr"]
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_the_app_exits_without_a_traceback_on_a_refused_database(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    path.write_bytes(b"")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import main\n"
        "main.QMessageBox.critical = lambda _p, _t, text: print(text)\n"
        "sys.exit(main.main(['--db', sys.argv[2], '--lang', 'en']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(ROOT), str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "empty" in done.stdout


def test_a_failed_daily_backup_is_told_once_without_blocking_the_counter(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shop.sqlite3"
    yesterday = FakeClock(datetime(2026, 3, 9, 10, 0))
    Shop.open(path, clock=yesterday).close()

    def disk_full(_conn: sqlite3.Connection, target: Path, _stop: object = None) -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(backups, "take_backup", disk_full)
    shop = Shop.open(path, clock=FakeClock(datetime(2026, 3, 10, 9, 0)), check_in_background=True)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    counter = window.counter
    assert isinstance(counter, CounterPage)
    qtbot.waitUntil(counter.search.hasFocus)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    timer = main.watch_daily_backup(app, shop, window)
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=10_000)
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert len(boxes) == 1
    box = boxes[0]
    assert "backup" in box.text() and "full" in box.text()
    assert box.windowModality() == Qt.WindowModality.NonModal
    assert QApplication.activeModalWidget() is None
    qtbot.wait(300)
    assert window.isActiveWindow() and counter.search.hasFocus()  # the counter keeps the keys
    qtbot.keyClicks(counter.search, "ali")
    assert counter.search.text() == "ali"
    qtbot.wait(300)
    assert not timer.isActive()
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]) == 1
    ok = box.button(QMessageBox.StandardButton.Ok)
    assert ok is not None
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    shop.close()


def test_a_window_left_open_overnight_shows_the_new_days_occasions(
    qtbot: QtBot, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 3, 9, 18, 0))
    shop = Shop.open(tmp_path / "night.sqlite3", clock=clock)
    ayse = shop.customers.add(name="Ayşe Yılmaz")
    shop.occasions.add(ayse.id, "wedding", "17.03.2012")  # 8 days ahead: not this week yet
    window = MainWindow(shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    counter = window.counter
    assert isinstance(counter, CounterPage)
    assert not any("Ayşe" in row for row in counter.upcoming.rows())
    clock.advance(days=1)
    window._issue_birthdays()  # the timer's tick after midnight
    assert any("Ayşe" in row for row in counter.upcoming.rows())
    shop.close()


def test_while_a_big_file_is_checked_the_status_bar_says_so_and_the_counter_logs_at_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.core.test_store import held_check

    path = tmp_path / "shop.sqlite3"
    with Shop.open(path) as shop:
        shop.customers.add(name="Şükrü Öztürk")
    release = held_check(monkeypatch)
    shop = Shop.open(path, check_in_background=True)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    bar = window.statusBar()
    qtbot.waitUntil(bar.isVisible)
    assert bar.currentMessage() == "Checking the database… the counter works meanwhile."
    counter = window.counter
    assert isinstance(counter, CounterPage)
    qtbot.keyClicks(counter.search, "sukru")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    qtbot.keyClicks(counter.amount, "75")
    qtbot.keyClick(counter.amount, Qt.Key.Key_Return)
    assert counter.confirmation_text.text() == "Logged ₺75.00 for Şükrü Öztürk — visit 1"
    assert not shop.check_finished()  # logged while the check still ran
    release.set()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    assert shop.store.one("SELECT count(*) AS n FROM purchases") == {"n": 1}
