"""The Export dialog and a customer's own data from the Customers page, as a user works them:
Ctrl+E, what and format, the file written; the row menu's export and erase, the word typed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from tests.ui.conftest import show_active, type_text
from tests.ui.test_mnemonics import check_alt_keys, shown
from ui.customers.page import CustomersPage
from ui.moving.customer_data import EraseDialog
from ui.moving.export_dialog import ExportDialog, ExportWhat


def customers(shop: Shop) -> tuple[int, int]:
    a = shop.customers.add(
        name="Şükrü Öztürk", phone="0532 123 45 67", email="s@example.com", consents={"sms": True}
    ).id
    b = shop.customers.add(name="Ayşe Yılmaz", phone="0533 765 43 21").id
    shop.purchases.log(a, 125050)
    return a, b


def test_ctrl_e_opens_the_export_dialog_which_writes_the_file(
    qtbot: QtBot, shop: Shop, tmp_path: Path, language: str
) -> None:
    customers(shop)
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = page.moving.export_dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    check_alt_keys(dialog, "export, customers")
    dialog.choose(ExportWhat.CUSTOMERS, "xlsx")
    assert not dialog.start.isVisibleTo(dialog)
    assert dialog.suggested_name().endswith(".xlsx")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_to(tmp_path / "c.xlsx")
    assert saved.args[0].rows == 2
    qtbot.waitUntil(lambda: dialog.worker is None)
    assert str(tmp_path / "c.xlsx") in dialog.outcome.text()
    rows = list(openpyxl.load_workbook(tmp_path / "c.xlsx").active.iter_rows(values_only=True))
    assert {r[1] for r in rows[1:]} == {"Şükrü Öztürk", "Ayşe Yılmaz"}
    assert rows[0][1] == ("Ad Soyad" if language == "tr" else "Name")
    dialog.choose(ExportWhat.PURCHASES, "csv_tr")
    assert dialog.start.isVisibleTo(dialog)
    check_alt_keys(dialog, "export, purchases")
    dialog.start.setDate(dialog.end.date().addDays(1))
    dialog.save_to(tmp_path / "p.csv")
    assert dialog.error.isVisibleTo(dialog) and not (tmp_path / "p.csv").exists()
    assert dialog.worker is None
    dialog.start.setDate(dialog.end.date().addDays(-31))
    with qtbot.waitSignal(dialog.saved):
        dialog.save_to(tmp_path / "p.csv")
    text = (tmp_path / "p.csv").read_bytes().decode("cp1254")
    assert "Şükrü Öztürk" in text and "1250,50" in text


def test_the_mailing_list_tells_who_was_left_out(
    qtbot: QtBot, shop: Shop, tmp_path: Path, language: str
) -> None:
    customers(shop)
    dialog = shown(qtbot, ExportDialog(shop))
    assert isinstance(dialog, ExportDialog)
    dialog.choose(ExportWhat.MAILING)
    check_alt_keys(dialog, "export, mailing list")
    counts = dialog.mailing.counts.text()
    assert counts == (
        "Listede 1 müşteri var. 1 müşteri SMS izni olmadığı için dışarıda kaldı."
        if language == "tr"
        else "1 customer on the list. 1 left out: no consent to SMS."
    )
    with qtbot.waitSignal(dialog.saved):
        dialog.save_to(tmp_path / "sms.csv")
    assert counts in dialog.outcome.text()
    rows = list(csv.reader(io.StringIO((tmp_path / "sms.csv").read_text("utf-8"), newline="")))
    assert rows[1:] == [["Şükrü Öztürk", "+905321234567", "s@example.com"]]


def test_erase_asks_for_the_word_then_the_customer_is_gone(
    qtbot: QtBot, shop: Shop, language: str
) -> None:
    a, b = customers(shop)
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    source = page.model.row_of(a)
    assert source is not None
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(source, 0)).row())
    page.table.setFocus()
    qtbot.keyClick(
        page.table,
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = page.data_actions.erase_dialog
    assert isinstance(dialog, EraseDialog)
    qtbot.waitExposed(dialog)
    check_alt_keys(dialog, "erase")
    assert not dialog.erase_button.isEnabled()
    type_text(dialog.word, "SİL" if language == "tr" else "ERASE")
    assert dialog.erase_button.isEnabled()
    dialog.erase_button.click()
    assert shop.erasure.is_erased(a)
    assert page.model.row_of(a) is None and page.model.row_of(b) is not None
    box = page.data_actions.message
    assert isinstance(box, QMessageBox)
    assert ("Silinmiş müşteri" if language == "tr" else "Erased customer") in box.text()
    box.accept()
    assert shop.customers.search("şükrü", include_archived=True) == []


def test_a_wrong_word_never_erases(qtbot: QtBot, shop: Shop) -> None:
    a, _b = customers(shop)
    dialog = shown(qtbot, EraseDialog(shop, shop.customers.get(a)))
    assert isinstance(dialog, EraseDialog)
    type_text(dialog.word, "SIL?")
    assert not dialog.erase_button.isEnabled()
    dialog.erase()  # even if it were pressed
    assert dialog.error.isVisibleTo(dialog)
    assert not shop.erasure.is_erased(a)


def test_the_customers_data_is_saved_from_the_row_menu(
    qtbot: QtBot, shop: Shop, tmp_path: Path
) -> None:
    a, _b = customers(shop)
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    texts = [action.text() for action in page.table.actions()]
    assert "Export this customer's data…" in texts and "Erase this customer…" in texts
    page.data_actions.save(shop.customers.get(a), tmp_path / "d.json")
    data = json.loads((tmp_path / "d.json").read_text("utf-8"))
    assert data["customer"]["name"] == "Şükrü Öztürk"
    page.data_actions.save(shop.customers.get(a), tmp_path / "d.pdf")
    assert (tmp_path / "d.pdf").read_bytes().startswith(b"%PDF")
    assert page.data_actions.message is not None
    page.data_actions.message.accept()


def test_a_long_export_can_be_stopped_and_leaves_no_file(
    qtbot: QtBot, shop: Shop, tmp_path: Path
) -> None:
    for n in range(3000):
        shop.store.execute(
            "INSERT INTO customers (name, name_folded, created_at, updated_at) "
            "VALUES (?, ?, '2026-01-01T10:00:00', '2026-01-01T10:00:00')",
            (f"Müşteri {n}", f"musteri {n}"),
        )
    dialog = shown(qtbot, ExportDialog(shop))
    assert isinstance(dialog, ExportDialog)
    dialog.choose(ExportWhat.CUSTOMERS, "xlsx")
    dialog.save_to(tmp_path / "big.xlsx")
    assert dialog.worker is not None and dialog.stop_button.isVisibleTo(dialog)
    check_alt_keys(dialog, "export, writing")
    dialog.stop()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert dialog.error.isVisibleTo(dialog)
    assert list(tmp_path.glob("big.xlsx*")) == []
    assert dialog.save_button.isEnabled() and not dialog.stop_button.isVisibleTo(dialog)
