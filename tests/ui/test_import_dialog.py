"""The import wizard, as the owner uses it: Ctrl+I on the Customers page, a Turkish Excel file,
the preview with a duplicate, the import, and the bad rows saved to fix."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from tests.ui.conftest import show_active
from ui.customers.page import CustomersPage
from ui.moving.import_dialog import CHOOSE, PREVIEW, RESULT, WORKING, ImportDialog


def turkish_file(tmp_path: Path) -> Path:
    path = tmp_path / "müşteriler.csv"
    rows = [
        "Ad;Soyad;Cep;E-posta;Doğum tarihi;Ziyaret;Toplam harcama",
        "Çağla;Öztürk;0532 401 22 33;cagla@ornek.com;15.04.1985;4;1.250,50",
        "Ayşe;K.;0532 111 22 33;;03.09.1979;;",
        "İpek;Işık;0532;;31.02.1990;;",
    ]
    path.write_bytes("\r\n".join(rows).encode("cp1254"))
    return path


def opened(qtbot: QtBot, shop: Shop, path: Path) -> ImportDialog:
    dialog = ImportDialog(shop)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(path))
    dialog.read_file()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() in (CHOOSE, PREVIEW), timeout=10_000)
    return dialog


def test_ctrl_i_opens_the_wizard_and_the_import_lands(
    qtbot: QtBot, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = shop.customers.add(name="Ayşe Kaya", phone="0532 111 22 33")
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: page.moving.import_dialog is not None and page.moving.import_dialog.isVisible()
    )
    dialog = page.moving.import_dialog
    assert isinstance(dialog, ImportDialog)
    dialog.path.setText(str(turkish_file(tmp_path)))
    dialog.read_file()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == PREVIEW, timeout=10_000)
    preview = dialog.preview
    assert "1 duplicate" in preview.summary.text()
    assert "1 row with problems" in preview.summary.text()
    assert preview.rows.item(0, 1).text() == "Çağla Öztürk"
    assert preview.duplicates.item(0, 2).text() == "Ayşe Kaya"
    choice = preview.duplicates.cellWidget(0, 4)
    assert isinstance(choice, QComboBox)
    choice.setCurrentIndex(choice.findData("merge"))
    choice.activated.emit(choice.currentIndex())
    assert "31.02.1990" in preview.problems.item(0, 1).text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == RESULT, timeout=10_000)
    assert "1 new customers, 1 merged" in dialog.told.text()
    assert shop.customers.get(known.id).birthday == "1979-09-03"
    assert page.model.rowCount() == 2
    assert dialog.save_bad_button.isVisible()
    saved = tmp_path / "düzeltilecek.csv"
    monkeypatch.setattr(
        "ui.moving.import_dialog.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(saved), ""),
    )
    dialog.save_bad_button.click()
    text = saved.read_text(encoding="utf-8-sig")
    assert "İpek;Işık;0532;;31.02.1990" in text and "Line 4" in text
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_a_renamed_image_is_refused_and_nothing_changes(
    qtbot: QtBot, shop: Shop, tmp_path: Path
) -> None:
    image = tmp_path / "liste.csv"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    dialog = opened(qtbot, shop, image)
    assert dialog.stack.currentIndex() == CHOOSE
    assert dialog.error.isVisible()
    assert "PNG" in dialog.error.text()
    assert shop.customers.count() == 0


def test_a_column_mapped_otherwise_is_read_again(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Müşteri;Renk\nAyşe;mavi\n", encoding="utf-8")
    dialog = opened(qtbot, shop, path)
    assert dialog.stack.currentIndex() == PREVIEW
    tags = dialog.preview.columns.cellWidget(1, 2)
    assert isinstance(tags, QComboBox)
    tags.setCurrentIndex(tags.findData("tags"))
    tags.activated.emit(tags.currentIndex())
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == PREVIEW, timeout=10_000)
    assert dialog.plan is not None and dialog.plan.entries[0].draft.tags == ("mavi",)
    names = dialog.preview.columns.cellWidget(0, 2)
    assert isinstance(names, QComboBox)
    names.setCurrentIndex(0)
    names.activated.emit(0)
    assert dialog.error.isVisible() and not dialog.import_button.isEnabled()


def test_every_choice_is_reached_with_tab(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    shop.customers.add(name="Ayşe Kaya", phone="0532 111 22 33")
    dialog = opened(qtbot, shop, turkish_file(tmp_path))
    show_active(qtbot, dialog)
    dialog.preview.tabs.setCurrentIndex(2)
    dialog.preview.all_choice.setFocus()
    reached = []
    for _ in range(4):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    choice = dialog.preview.duplicates.cellWidget(0, 4)
    assert choice in reached
    assert isinstance(choice, QComboBox)
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    assert dialog.plan is not None
    assert dialog.plan.duplicates[0].choice.value == "merge"


def test_cancel_during_the_import_leaves_nothing(
    qtbot: QtBot, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "liste.csv"
    rows = [f"Müşteri {i};0532 100 {i // 100:02d} {i % 100:02d}" for i in range(400)]
    path.write_text("Ad Soyad;Telefon\n" + "\n".join(rows), encoding="utf-8")
    dialog = opened(qtbot, shop, path)
    assert dialog.stack.currentIndex() == PREVIEW
    halfway = threading.Event()
    added = []
    real_add = shop.customers.add

    def add_and_wait(*args: object, **kwargs: object) -> object:
        added.append(1)
        if len(added) == 150:
            halfway.wait(10)  # the person presses Cancel meanwhile
        return real_add(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shop.customers, "add", add_and_wait)
    dialog.start_import()
    assert dialog.stack.currentIndex() == WORKING
    qtbot.waitUntil(lambda: len(added) >= 150, timeout=10_000)
    dialog.close_button.click()
    halfway.set()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == PREVIEW, timeout=10_000)
    assert "cancelled" in dialog.error.text()
    assert shop.customers.count() == 0
    assert dialog.isVisible()
