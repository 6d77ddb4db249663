"""The first day's setup: on a new shop only; skipping keeps the defaults; what is chosen lands
in the settings; keyboard first, in Turkish and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

import main
from shopcrm import Shop
from shopcrm.common.i18n import current_language
from shopcrm.common.preferences import Settings, VisitRule
from tests.ui.conftest import type_text
from ui.first_day.wizard import FirstDayWizard


@pytest.fixture
def wizard(qtbot: QtBot, shop: Shop) -> FirstDayWizard:
    w = FirstDayWizard(shop)
    qtbot.addWidget(w)
    w.open()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # so that its Alt keys work
    return w


def press(qtbot: QtBot, wizard: FirstDayWizard, key: Qt.Key, alt: bool = False) -> None:
    target = QApplication.focusWidget() or wizard
    modifier = Qt.KeyboardModifier.AltModifier if alt else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(target, key, modifier)


def alt_next(qtbot: QtBot, wizard: FirstDayWizard) -> None:
    """Alt+N (Next: the button's click comes a moment later, as Qt animates it)."""
    before = wizard.currentId()
    press(qtbot, wizard, Qt.Key.Key_N, alt=True)
    qtbot.waitUntil(lambda: wizard.currentId() == before + 1)


def logo_file(tmp_path: Path) -> Path:
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#1b5e20"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def test_skipping_leaves_the_defaults(qtbot: QtBot, wizard: FirstDayWizard, shop: Shop) -> None:
    press(qtbot, wizard, Qt.Key.Key_Return)  # to the shop page
    type_text(wizard.shop_page.shop_name, "Öztürk Kırtasiye")
    press(qtbot, wizard, Qt.Key.Key_Escape)  # skip the setup
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert shop.settings.get() == Settings()
    assert shop.logo.get() is None


def test_what_is_chosen_lands_in_the_settings(
    qtbot: QtBot, wizard: FirstDayWizard, shop: Shop, tmp_path: Path
) -> None:
    wizard.language_page.language.setFocus()
    wizard.language_page.language.setCurrentIndex(wizard.language_page.language.findData("tr"))
    alt_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.shop_page
    type_text(wizard.shop_page.shop_name, "Öztürk Kırtasiye")
    wizard.shop_page.address.setFocus()
    type_text(wizard.shop_page.address, "Bağdat Cad. 12, Kadıköy")
    wizard.shop_page.phone.setFocus()
    type_text(wizard.shop_page.phone, "0216 555 12 34")
    press(qtbot, wizard, Qt.Key.Key_Return)  # Enter in a box: Next
    assert wizard.currentPage() is wizard.logo_page
    wizard.logo_page.use_file(str(logo_file(tmp_path)))
    alt_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.money_page
    wizard.money_page.currency.setCurrentIndex(wizard.money_page.currency.findData("EUR"))
    wizard.money_page.visit_rule.setCurrentIndex(
        wizard.money_page.visit_rule.findData(VisitRule.EACH_PURCHASE.value)
    )
    alt_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.done_page
    summary = wizard.done_page.summary.text()
    assert "Öztürk Kırtasiye" in summary and "logo.png" in summary and "EUR" in summary
    press(qtbot, wizard, Qt.Key.Key_F, alt=True)  # Finish
    qtbot.waitUntil(lambda: not wizard.isVisible())

    settings = shop.settings.get()
    assert settings.language == "tr"
    assert settings.shop_name == "Öztürk Kırtasiye"
    assert settings.address == "Bağdat Cad. 12, Kadıköy"
    assert settings.phone == "0216 555 12 34"
    assert settings.currency == "EUR"
    assert settings.visit_rule is VisitRule.EACH_PURCHASE
    info = shop.logo.info()
    assert info is not None and info.file_name == "logo.png" and info.width == 120


def test_steps_left_alone_keep_their_defaults(
    qtbot: QtBot, wizard: FirstDayWizard, shop: Shop
) -> None:
    for _page in range(4):
        alt_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.done_page
    press(qtbot, wizard, Qt.Key.Key_F, alt=True)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert shop.settings.get() == Settings()


def test_a_refused_value_is_told_and_nothing_is_kept(
    qtbot: QtBot, wizard: FirstDayWizard, shop: Shop, tmp_path: Path
) -> None:
    wizard.next()
    wizard.shop_page.shop_name.setText("Öztürk Kırtasiye")
    wizard.shop_page.phone.setText("0" * 60)
    wizard.next()
    wizard.logo_page.use_file(str(logo_file(tmp_path)))
    wizard.next()
    wizard.next()
    wizard.accept()
    assert wizard.isVisible()
    assert wizard.done_page.error.isVisible() and "Phone" in wizard.done_page.error.text()
    assert shop.settings.get() == Settings()
    assert shop.logo.get() is None


def test_a_file_that_is_no_picture_is_refused_on_its_page(
    wizard: FirstDayWizard, tmp_path: Path
) -> None:
    bad = tmp_path / "logo.png"
    bad.write_text("not a picture")
    wizard.logo_page.use_file(str(bad))
    assert wizard.logo_page.picture is None
    assert wizard.logo_page.message.text()


# --- when it is shown ------------------------------------------------------------------------


class FakeWindow:
    def __init__(self, shop: Shop, **_options: object) -> None:
        self.shop = shop

    def installEventFilter(self, _f: object) -> None:
        pass

    def show(self) -> None:
        self.shop.close()

    def stop_timers(self) -> None:
        pass

    def after_first_paint(self, _job: object) -> None:
        pass  # a stand-in is never painted


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Shop]:
    """main.main with a stand-in window; the shops the setup was shown for."""
    shown: list[Shop] = []
    monkeypatch.setattr(main, "first_day", lambda _app, shop: shown.append(shop))
    monkeypatch.setattr("ui.main_window.MainWindow", FakeWindow)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    return shown


def test_shown_on_a_new_database(started: list[Shop], tmp_path: Path) -> None:
    assert main.main(["--db", str(tmp_path / "new.sqlite3"), "--lang", "en"]) == 0
    assert len(started) == 1


def test_not_shown_on_an_existing_database(started: list[Shop], tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    Shop.open(path).close()
    assert main.main(["--db", str(path), "--lang", "en"]) == 0
    assert started == []


def test_not_shown_for_the_demo(
    started: list[Shop], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main, "data_folder", lambda: tmp_path)
    monkeypatch.setattr("shopcrm.demo.create_demo_database", lambda path: Shop.open(path).close())
    assert main.main(["--demo", "--lang", "en"]) == 0
    assert (tmp_path / main.DEMO_DATABASE_NAME).exists()
    assert started == []


def test_the_language_chosen_is_the_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def choose_turkish(_app: QApplication, shop: Shop) -> None:
        shop.settings.update(language="tr")

    monkeypatch.setattr(main, "first_day", choose_turkish)
    monkeypatch.setattr(main, "system_language", lambda: "en")
    languages: list[str] = []

    class Window(FakeWindow):
        def __init__(self, shop: Shop, **options: object) -> None:
            super().__init__(shop, **options)
            languages.append(current_language())

    monkeypatch.setattr("ui.main_window.MainWindow", Window)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(main, "install_qt_translation", lambda app, lang: None)
    try:
        assert main.main(["--db", str(tmp_path / "new.sqlite3")]) == 0
        assert languages == ["tr"]
    finally:
        main.set_language("en")
