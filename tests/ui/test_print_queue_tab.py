"""The print queue on the Print page: the notes the print rules queued, their count on the side
bar, printed as one batch and marked printed after asking; a note taken off with Delete."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.care.contacts import ContactKind
from tests.ui.conftest import show_active, type_text
from ui.counter.page import CounterPage
from ui.main_window import MainWindow
from ui.printing.page import PrintPage
from ui.printing.queue_tab import QueueTab


def welcome_cards(shop: Shop) -> tuple[int, int]:
    """Two first purchases with the welcome card rule on: Ayşe has consent for letters, Gökçe
    not."""
    shop.settings.update(shop_name="Çiçekçi Gülşen", print_welcome=True)
    ayse = shop.customers.add(name="Ayşe Yılmaz", address_form="hanim", consents={"letter": True})
    gokce = shop.customers.add(name="Gökçe Ünal")
    for customer in (ayse, gokce):
        shop.purchases.log(customer.id, "120")
    shop.print_queue.refresh()
    return ayse.id, gokce.id


def window_on_print_page(qtbot: QtBot, shop: Shop) -> tuple[MainWindow, PrintPage]:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, PrintPage)
    return window, page


def rows(tab: QueueTab) -> list[list[str]]:
    model = tab.model
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_queue_shows_what_waits_and_its_count_on_the_side_bar(qtbot: QtBot, shop: Shop) -> None:
    welcome_cards(shop)
    window, page = window_on_print_page(qtbot, shop)
    assert window.side_bar.item(window.PRINT).text() == "Print (1)"  # only Ayşe's prints
    assert page.tabs.tabText(1) == "&Queue (1)"
    page.show_queue()
    tab = page.queue
    assert [row[0:2] + row[4:] for row in rows(tab)] == [
        ["Ayşe Yılmaz", "Welcome card", "Given"],
        ["Gökçe Ünal", "Welcome card", "Not given: waits"],
    ]
    assert tab.status.text() == "1 note prints. 1 waits for consent for letters."
    assert tab.print_button.isEnabled() and tab.table.hasFocus()


def test_save_all_then_yes_marks_printed_and_writes_the_contact_log(
    qtbot: QtBot, shop: Shop, tmp_path: Path
) -> None:
    ayse, gokce = welcome_cards(shop)
    window, page = window_on_print_page(qtbot, shop)
    page.show_queue()
    tab = page.queue
    tab.save_button.click()
    dialog = tab.output.file_dialog
    assert dialog is not None
    dialog.selectFile(str(tmp_path / "kuyruk"))
    dialog.accept()
    qtbot.waitUntil(lambda: tab.question is not None, timeout=10_000)
    text = PdfReader(str(tmp_path / "kuyruk.pdf")).pages[0].extract_text()
    assert "Dear Ms Yılmaz" in text and "Ünal" not in text  # no consent, not printed
    assert shop.contacts.of_customer(ayse) == []  # not before the shop says it went well

    question = tab.question
    assert question is not None
    assert question.yes_button.text() == "Mark printed"
    question.yes_button.click()
    (entry,) = shop.contacts.of_customer(ayse)
    assert entry.kind == ContactKind.CARD
    assert shop.contacts.of_customer(gokce) == []
    assert [row[0] for row in rows(tab)] == ["Gökçe Ünal"]  # still waits for consent
    assert tab.status.text() == "1 note marked printed and written to the contact log."
    assert window.side_bar.item(window.PRINT).text() == "Print"
    assert page.tabs.tabText(1) == "&Queue"

    tab.save_button.click()  # only a note without consent is left
    assert tab.output.file_dialog is None
    assert tab.status.text() == "Nothing to print: no note waiting has consent for letters."


def test_a_no_after_printing_leaves_the_notes_in_the_queue(
    qtbot: QtBot, shop: Shop, tmp_path: Path
) -> None:
    ayse, _gokce = welcome_cards(shop)
    _window, page = window_on_print_page(qtbot, shop)
    tab = page.queue
    batch = tab._batch()
    assert batch is not None
    tab._printing = batch[0]
    tab.output.start(batch[1], None, str(tmp_path / "k.pdf"))
    qtbot.waitUntil(lambda: tab.question is not None, timeout=10_000)
    assert tab.question is not None
    tab.question.no_button.click()
    assert shop.contacts.of_customer(ayse) == []
    assert shop.print_queue.count() == 1


def test_delete_takes_a_note_off_the_queue_after_asking(qtbot: QtBot, shop: Shop) -> None:
    welcome_cards(shop)
    window, page = window_on_print_page(qtbot, shop)
    page.show_queue()
    tab = page.queue
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    question = tab.question
    assert question is not None
    assert question.text() == (
        "Take the welcome card for Ayşe Yılmaz off the queue? It will not come back."
    )
    question.no_button.click()
    assert shop.print_queue.count() == 1

    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert tab.question is not None
    tab.question.yes_button.click()
    assert [row[0] for row in rows(tab)] == ["Gökçe Ünal"]
    assert shop.print_queue.count() == 0
    assert shop.print_queue.refresh() == 0  # it never comes back
    assert window.side_bar.item(window.PRINT).text() == "Print"


def test_a_sale_at_the_counter_queues_its_card_once_the_confirmation_shows(
    qtbot: QtBot, shop: Shop
) -> None:
    shop.settings.update(print_welcome=True)
    shop.customers.add(name="Ayşe Yılmaz", consents={"letter": True})
    window = MainWindow(shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    counter = window.stack.currentWidget()
    assert isinstance(counter, CounterPage)
    _window, page = window, window.page(MainWindow.PRINT)  # built, hidden behind the counter
    assert isinstance(page, PrintPage)
    type_text(counter.search, "ayşe")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    type_text(counter.amount, "80")
    qtbot.keyClick(counter.amount, Qt.Key.Key_Return)
    assert counter.confirmation.isVisible()
    qtbot.waitUntil(lambda: window.side_bar.item(window.PRINT).text() == "Print (1)")

    qtbot.keyClick(counter.amount, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.side_bar.item(window.PRINT).text() == "Print")
    window.go_to(MainWindow.PRINT)
    page.show_queue()
    assert page.queue.model.rowCount() == 0  # the voided purchase's card left the queue
