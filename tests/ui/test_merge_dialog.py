"""Merging two records of one person from the Customers page, and undoing it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from tests.ui.conftest import show_active
from ui.customers.page import CustomersPage


def test_merge_from_the_customers_page_and_undo(qtbot: QtBot, shop: Shop, language: str) -> None:
    kept = shop.customers.add(name="Ayşe Yılmaz")
    other = shop.customers.add(name="Ayse Yilmaz", phone="0532 123 45 67")
    shop.purchases.log(kept.id, amount=10_000)
    shop.purchases.log(other.id, amount=25_000)
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page._select(kept.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = page.merge.dialog
    assert dialog is not None
    assert not dialog.merge_button.isEnabled(), "nothing to merge before the other is chosen"
    assert dialog.left.fields["name"].text() == "Ayşe Yılmaz"
    dialog.picker.choose(shop.customers.get(other.id))
    assert dialog.right.fields["phone"].text() == "0532 123 45 67"
    assert dialog.keep_left.isChecked()
    dialog.merge_button.click()

    merged = shop.customers.get(kept.id)
    assert merged.total_spent == 35_000 and merged.phone == "+905321234567"
    assert shop.customers.get(other.id).archived
    assert page.model.rowCount() == 1
    assert dialog.merges.count() == 1 and not dialog.merges_box.isHidden()
    assert not dialog.done_label.isHidden()

    dialog.undo_button.click()
    assert shop.customers.get(kept.id).total_spent == 10_000
    assert not shop.customers.get(other.id).archived
    assert page.model.rowCount() == 2
    assert dialog.merges_box.isHidden()
    dialog.close()


def test_a_refused_merge_is_said_in_red(qtbot: QtBot, shop: Shop) -> None:
    kept = shop.customers.add(name="Ayşe Yılmaz")
    other = shop.customers.add(name="Ayse Yilmaz")
    third = shop.customers.add(name="Oya Kaya")
    shop.merges.merge(third.id, other.id)
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    page._select(kept.id)
    page.merge.button.click()
    dialog = page.merge.dialog
    assert dialog is not None
    dialog.picker.choose(shop.customers.get(other.id))
    dialog.merge_button.click()
    assert "already merged into Oya Kaya" in dialog.error.text()
    assert not shop.customers.get(kept.id).archived
    dialog.close()
