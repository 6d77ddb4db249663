"""A customer's contact log: entries added, corrected, voided and complaints resolved through
the dialogs, newest first, voided ones struck through; opened from the Customers page."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.care.contacts import ComplaintStatus, ContactKind
from tests.ui.conftest import show_active, type_text
from ui.care.contact_dialog import ContactEntryDialog, ResolveComplaintDialog, VoidEntryDialog
from ui.care.contact_log import ContactLog, ContactLogDialog
from ui.customers.page import CustomersPage


def log_of(qtbot: QtBot, shop: Shop, customer_id: int) -> ContactLog:
    log = ContactLog(shop)
    qtbot.addWidget(log)
    log.show_customer(customer_id)
    log.resize(700, 400)
    log.show()
    qtbot.waitExposed(log)
    return log


def opened_dialog(log: ContactLog) -> QDialog:
    dialog = log.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_adding_a_survey_answer_through_the_dialog(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz").id
    shop.contacts.add(ayse, "call", "Aradık", happened_at="2020-05-01T10:00")
    log = log_of(qtbot, shop, ayse)
    assert log.last_contact.text().startswith("Last contact: May 1, 2020, call")
    log.add_button.click()
    dialog = opened_dialog(log)
    assert isinstance(dialog, ContactEntryDialog)
    assert not dialog.score.isVisibleTo(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("survey"))
    assert dialog.score.isVisibleTo(dialog)
    type_text(dialog.summary, "Çiçekler çok taze, teşekkürler")
    type_text(dialog.recorded_by, "Gülşen")
    dialog.save()
    assert dialog.isVisible(), "a survey needs its score"
    assert dialog.error.text() == "Please give the survey's score, from 1 to 5."
    assert len(shop.contacts.of_customer(ayse)) == 1
    dialog.score.setCurrentText("4")
    dialog.follow_up.wanted.setChecked(True)
    dialog.follow_up.day.setDate(QDate(2099, 1, 2))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    newest = shop.contacts.of_customer(ayse)[0]
    assert (newest.kind, newest.score, newest.summary) == (
        ContactKind.SURVEY,
        4,
        "Çiçekler çok taze, teşekkürler",
    )
    assert (newest.recorded_by, newest.follow_up_on) == ("Gülşen", "2099-01-02")
    assert log.current() == newest
    first_line = log.model.data(log.model.index(0)).splitlines()
    assert first_line[0].endswith("Survey answer · Gülşen")
    assert "Score: 4 of 5 · Follow up on Jan 2, 2099" in first_line[2]
    assert log.last_contact.text() == "Last contact: today, survey answer"


def test_an_empty_summary_is_refused_and_nothing_is_saved(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe").id
    log = log_of(qtbot, shop, ayse)
    log.add_entry(ContactKind.CARD)
    dialog = opened_dialog(log)
    assert isinstance(dialog, ContactEntryDialog)
    assert dialog.chosen_kind() is ContactKind.CARD
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Cancel"
    dialog.save()
    assert (
        dialog.isVisible() and dialog.error.text() == "Please write a short summary of the contact."
    )
    assert shop.contacts.of_customer(ayse) == []


def test_correcting_and_voiding_keep_the_old_entry_struck_through(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe").id
    call = shop.contacts.add(ayse, "call", "Aradık, açmadı", happened_at="2026-01-05T10:15:40")
    log = log_of(qtbot, shop, ayse)
    log.list.setCurrentIndex(log.model.index(0))
    log.correct_button.click()
    dialog = opened_dialog(log)
    assert isinstance(dialog, ContactEntryDialog)
    assert dialog.summary.toPlainText() == "Aradık, açmadı"
    dialog.summary.clear()
    type_text(dialog.summary, "Aradık, sipariş verdi")
    type_text(dialog.reason, "yanlış not")
    dialog.save()
    assert not dialog.isVisible()
    new, old = shop.contacts.of_customer(ayse)
    assert (new.replaces_id, new.happened_at) == (call.id, "2026-01-05T10:15:40")
    assert old.replaced_by == new.id and old.void_reason == "yanlış not"
    struck = log.model.data(log.model.index(1), Qt.ItemDataRole.FontRole)
    assert struck is not None and struck.strikeOut()
    assert "(corrected)" in log.model.data(log.model.index(1))
    log.list.setCurrentIndex(log.model.index(1))
    assert not log.correct_button.isEnabled() and not log.void_button.isEnabled()

    log.list.setCurrentIndex(log.model.index(0))
    log.list.setFocus()
    QTest.keyClick(log.list, Qt.Key.Key_Delete)
    voiding = opened_dialog(log)
    assert isinstance(voiding, VoidEntryDialog)
    type_text(voiding.reason, "Yanlış müşteri")
    voiding.save()
    assert shop.contacts.get(new.id).void_reason == "Yanlış müşteri"
    assert "(voided: Yanlış müşteri)" in log.model.data(log.model.index(0))
    assert log.last_contact.text() == "Last contact: none yet"


def test_resolving_a_complaint_from_the_log(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe").id
    complaint = shop.contacts.add(ayse, "complaint", "Buket soldu", happened_at="2026-01-05T10:00")
    log = log_of(qtbot, shop, ayse)
    assert "Open complaint" in log.model.data(log.model.index(0))
    log.list.setCurrentIndex(log.model.index(0))
    assert log.resolve_button.isEnabled()
    log.resolve_button.click()
    dialog = opened_dialog(log)
    assert isinstance(dialog, ResolveComplaintDialog)
    dialog.save()
    assert dialog.error.text() == "Please write what was done about the complaint."
    type_text(dialog.resolution, "Yeni buket gönderildi")
    dialog.when.setDateTime(
        dialog.when.dateTime().fromString("2026-01-06T15:30", Qt.DateFormat.ISODate)
    )
    dialog.save()
    resolved = shop.contacts.get(complaint.id)
    assert resolved.status is ComplaintStatus.RESOLVED
    assert resolved.resolved_at == "2026-01-06T15:30:00"
    assert shop.complaints.response_time(complaint.id) == datetime(2026, 1, 6, 15, 30) - datetime(
        2026, 1, 5, 10, 0
    )
    assert "Resolved Jan 6, 2026" in log.model.data(log.model.index(0))
    assert not log.resolve_button.isEnabled()


def test_a_follow_up_is_marked_done(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe").id
    shop.contacts.add(ayse, "call", "Fiyat soracak", follow_up_on=date.today())
    log = log_of(qtbot, shop, ayse)
    log.list.setCurrentIndex(log.model.index(0))
    with qtbot.waitSignal(log.changed):
        log.done_button.click()
    assert shop.contacts.follow_ups_due() == []
    assert "Followed up" in log.model.data(log.model.index(0))
    assert not log.done_button.isEnabled()


def test_the_customers_page_opens_the_selected_customers_log_by_keyboard(
    qtbot: QtBot, shop: Shop
) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz").id
    shop.contacts.add(ayse, "gift", "Saksı lavanta")
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    show_active(qtbot, page)
    assert not page.log_button.isEnabled()
    page.table.selectRow(0)
    page.table.setFocus()
    assert page.log_button.isEnabled()
    QTest.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.log_dialog is not None and page.log_dialog.isVisible())
    dialog = page.log_dialog
    assert isinstance(dialog, ContactLogDialog)
    assert dialog.windowTitle() == "Contact log: Ayşe Yılmaz"
    assert dialog.log.model.rowCount() == 1
    assert dialog.log.current() is not None and dialog.log.current().summary == "Saksı lavanta"
    dialog.reject()


def test_correcting_an_entry_whose_follow_up_day_has_passed(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe").id
    entry = shop.contacts.add(ayse, "call", "Fiyat soracak", happened_at="2026-01-05T10:00")
    shop.store.execute("UPDATE contacts SET follow_up_on = '2026-01-08' WHERE id = ?", (entry.id,))
    log = log_of(qtbot, shop, ayse)
    log.list.setCurrentIndex(log.model.index(0))
    log.correct_button.click()
    dialog = opened_dialog(log)
    assert isinstance(dialog, ContactEntryDialog)
    assert dialog.follow_up.value() == date(2026, 1, 8)
    dialog.summary.moveCursor(QTextCursor.MoveOperation.End)
    type_text(dialog.summary, ", fiyat verildi")
    dialog.save()
    assert not dialog.isVisible(), dialog.error.text()
    newest = shop.contacts.of_customer(ayse)[0]
    assert (newest.summary, newest.follow_up_on) == ("Fiyat soracak, fiyat verildi", "2026-01-08")


def test_a_refusal_of_the_core_is_shown_not_raised(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe").id
    entry = shop.contacts.add(ayse, "call", "Fiyat soracak", follow_up_on=date.today())
    log = log_of(qtbot, shop, ayse)
    log.list.setCurrentIndex(log.model.index(0))
    shop.contacts.void(entry.id, "başka bir pencereden")  # meanwhile, elsewhere
    log.done_button.click()
    assert log.error.isVisible()
    assert log.error.text() == "This entry was voided or corrected: change the newest one."
    assert "(voided: başka bir pencereden)" in log.model.data(log.model.index(0))
    log.show_customer(ayse)  # what was tried is over once the log is read again
    assert not log.error.isVisible()
