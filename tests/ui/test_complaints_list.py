"""The open complaints: oldest first, resolved from the list, the customer's log one key away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from tests.ui.conftest import type_text
from ui.care.complaints import CUSTOMER, OPENED, PHONE, WAITING, OpenComplaints
from ui.care.contact_dialog import ResolveComplaintDialog
from ui.care.contact_log import ContactLogDialog


def test_open_complaints_oldest_first_and_resolving_one(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67").id
    mehmet = shop.customers.add(name="Mehmet Şahin").id
    shop.contacts.add(ayse, "complaint", "Kart yazılmamış")
    old = shop.contacts.add(mehmet, "complaint", "Geç teslim", happened_at="2026-01-05T09:00")
    shop.contacts.add(ayse, "call", "Aradık")
    widget = OpenComplaints(shop)
    qtbot.addWidget(widget)
    widget.resize(800, 300)
    widget.show()
    qtbot.waitExposed(widget)
    model = widget.model
    assert model.rowCount() == 2
    assert [model.data(model.index(r, CUSTOMER)) for r in range(2)] == [
        "Mehmet Şahin",
        "Ayşe Yılmaz",
    ]
    assert model.data(model.index(0, OPENED)) == "Jan 5, 2026 9:00\u202fAM"
    assert model.data(model.index(1, WAITING)) == "since today"
    assert model.data(model.index(1, PHONE)) == "0532 123 45 67"
    assert widget.count.text() == "2 open complaints"

    widget.table.selectRow(0)
    widget.table.setFocus()
    QTest.keyClick(widget.table, Qt.Key.Key_Return)
    dialog = widget.dialog
    assert isinstance(dialog, ResolveComplaintDialog) and dialog.isVisible()
    assert dialog.buttons.button(dialog.buttons.StandardButton.Cancel).text() == "Cancel"
    type_text(dialog.resolution, "Özür dilendi, indirim yapıldı")
    with qtbot.waitSignal(widget.changed):
        dialog.save()
    assert shop.contacts.get(old.id).resolution == "Özür dilendi, indirim yapıldı"
    assert shop.complaints.response_time(old.id) is not None
    assert model.rowCount() == 1 and widget.count.text() == "1 open complaint"

    widget.table.selectRow(0)
    widget.log_button.click()
    log = widget.dialog
    assert isinstance(log, ContactLogDialog)
    current = log.log.current()
    assert current is not None and current.summary == "Kart yazılmamış"
    log.reject()


def test_no_open_complaints_says_so(qtbot: QtBot, shop: Shop) -> None:
    widget = OpenComplaints(shop)
    qtbot.addWidget(widget)
    assert widget.count.text() == "No open complaints."
    assert not widget.resolve_button.isEnabled()
