"""The Print page, used as a shopkeeper would: choose, see the preview follow, save or print,
stop a long run, and write what was printed to the contact log after saying yes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.documents.kinds import DocumentKind, PrintJob
from tests.ui.conftest import show_active, type_text
from ui.main_window import MainWindow
from ui.printing.compose import ComposePrint
from ui.printing.page import PrintPage


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture
def customers(shop: Shop) -> list[int]:
    shop.settings.update(shop_name="Çiçekçi Gülşen")
    people = [
        ("Şükrü Öztürk", "bey", "Bağdat Cad. 12\n34728 İstanbul", True),
        ("Ayşe Yılmaz", "hanim", "Çiçek Sok. 3\n34664 İstanbul", True),
        ("Gökçe Ünal", "", "", False),
    ]
    ids = []
    for name, form, address, letters in people:
        customer = shop.customers.add(
            name=name, address=address, address_form=form, marketing_consent=letters
        )
        ids.append(customer.id)
    return ids


@pytest.fixture
def page(qtbot: QtBot, shop: Shop, customers: list[int]) -> Iterator[ComposePrint]:
    print_page = PrintPage(shop)
    qtbot.addWidget(print_page)
    print_page.resize(1100, 700)
    show_active(qtbot, print_page)
    yield print_page.compose  # the page is kept alive while the test runs


def shows(page: ComposePrint, pages: int) -> bool:
    return page.preview.pages() == pages


def test_a_print_asked_for_shows_its_recipients_and_a_live_preview(
    qtbot: QtBot, page: ComposePrint, customers: list[int]
) -> None:
    page.load(PrintJob(DocumentKind.THANK_YOU, customer_ids=tuple(customers[:2])))
    assert page.recipients.ids() == tuple(customers[:2])
    assert page.preview.pages() == 2
    assert page.status.text() == "2 to print."

    page.text.editor.selectAll()
    type_text(page.text.editor, "Merhaba {first_name}, teşekkürler!")
    qtbot.waitUntil(lambda: "Merhaba Şükrü" in page.preview.pdf.getAllText(0).text(), timeout=2000)


def test_an_unknown_placeholder_is_named_and_nothing_prints(
    qtbot: QtBot, page: ComposePrint, customers: list[int]
) -> None:
    page.load(PrintJob(DocumentKind.THANK_YOU, customer_ids=(customers[0],)))
    page.text.editor.selectAll()
    type_text(page.text.editor, "Sevgili {isim}")
    assert page.text.message.text().startswith("“{isim}” is not a placeholder the documents know.")
    qtbot.waitUntil(lambda: "Mend the text" in page.status.text())
    page.print_button.click()
    assert page.output.print_dialog is None
    page.text.save_button.click()
    assert page.shop.documents.saved_text(DocumentKind.THANK_YOU) is None


def test_the_owners_text_is_kept_for_the_kind(page: ComposePrint, customers: list[int]) -> None:
    page.load(PrintJob(DocumentKind.LETTER, customer_ids=(customers[0],)))
    page.text.set_text("{greeting},\n\nYeni sezon geldi!\n\n{shop}")
    page.text.save_button.click()
    assert page.shop.documents.saved_text(DocumentKind.LETTER) == (
        "{greeting},\n\nYeni sezon geldi!\n\n{shop}"
    )
    assert page.text.choice.currentText() == "My own text"


def test_a_mailing_leaves_out_who_gave_no_consent_and_says_how_many(
    page: ComposePrint, customers: list[int]
) -> None:
    page.load(PrintJob(DocumentKind.LETTER, customer_ids=tuple(customers)))
    assert page.recipients.is_marketing()
    assert page.status.text() == "2 to print. 1 left out: no consent for letters."
    assert page.preview.pages() == 2


def test_saved_as_pdf_then_written_to_the_contact_log_after_asking(
    qtbot: QtBot, page: ComposePrint, customers: list[int], tmp_path: Path
) -> None:
    page.load(PrintJob(DocumentKind.THANK_YOU, customer_ids=tuple(customers[:2])))
    page.save_button.click()
    dialog = page.output.file_dialog
    assert dialog is not None
    dialog.selectFile(str(tmp_path / "kartlar"))
    dialog.accept()
    qtbot.waitUntil(lambda: page.question is not None, timeout=10_000)
    saved = tmp_path / "kartlar.pdf"
    assert "Dear Mr Öztürk" in pdf_text(saved) and "Dear Ms Yılmaz" in pdf_text(saved)
    assert page.status.text() == f"Saved: {saved}"
    assert page.shop.contacts.of_customer(customers[0]) == []  # not before saying yes

    question = page.question
    assert question is not None
    assert "Write the 2 cards and letters" in question.text()
    question.yes_button.click()
    assert [e.kind for e in page.shop.contacts.of_customer(customers[0])] == ["card"]
    assert page.status.text() == "Written to the contact log of 2 customers."


def test_a_no_to_the_log_writes_nothing(
    qtbot: QtBot, page: ComposePrint, customers: list[int], tmp_path: Path
) -> None:
    page.load(PrintJob(DocumentKind.LETTER, customer_ids=(customers[0],)))
    page.output.start([page.shop.documents.prepare(page.job())], None, str(tmp_path / "m.pdf"))
    qtbot.waitUntil(lambda: page.question is not None, timeout=10_000)
    assert page.question is not None
    page.question.no_button.click()
    assert page.shop.contacts.of_customer(customers[0]) == []


def test_printing_sends_the_cards_to_the_printer(
    qtbot: QtBot, page: ComposePrint, customers: list[int], tmp_path: Path
) -> None:
    page.load(PrintJob(DocumentKind.THANK_YOU, customer_ids=tuple(customers[:2])))
    page.print_button.click()
    assert page.output.print_dialog is not None  # the system's print dialog is asked first
    page.output.print_dialog.reject()
    assert page.output.print_dialog is None and not page.run.isVisible()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    page.output.start([page.shop.documents.prepare(page.job())], printer)
    qtbot.waitUntil(lambda: page.question is not None, timeout=20_000)
    assert page.status.text() == "2 sent to the printer."
    assert len(PdfReader(str(tmp_path / "printer.pdf")).pages) == 2


def test_a_long_run_shows_its_progress_and_stops_when_asked(
    qtbot: QtBot, page: ComposePrint, shop: Shop, tmp_path: Path
) -> None:
    many = tuple(shop.customers.add(name=f"Müşteri {n}").id for n in range(400))
    page.load(PrintJob(DocumentKind.THANK_YOU, customer_ids=many))
    seen: list[int] = []
    page.run.bar.valueChanged.connect(seen.append)
    page.output.start([shop.documents.prepare(page.job())], None, str(tmp_path / "hepsi.pdf"))
    qtbot.waitUntil(lambda: not page.run.running(), timeout=30_000)
    assert seen and max(seen) == 400 and page.run.bar.maximum() == 400
    assert len(PdfReader(str(tmp_path / "hepsi.pdf")).pages) == 400
    assert page.question is not None
    page.question.no_button.click()
    page.question = None
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)

    page.output.start([shop.documents.prepare(page.job())], None, str(tmp_path / "çok.pdf"))
    assert page.run.isVisible() and not page.print_button.isEnabled()
    assert page.run.stop_button.hasFocus()  # Space or Enter stops it
    qtbot.mouseClick(page.run.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.run.running(), timeout=10_000)
    assert page.status.text() == "Making the documents was cancelled."
    assert page.question is None and not (tmp_path / "çok.pdf").exists()
    assert page.print_button.isEnabled()


def test_vouchers_asked_for_are_the_ones_ticked(
    page: ComposePrint, shop: Shop, customers: list[int]
) -> None:
    mine = shop.rewards.give_goodwill(customers[0], "amount", 25_000, note="özür")
    other = shop.rewards.give_goodwill(customers[1], "amount", 10_000, note="özür")
    page.load(PrintJob(DocumentKind.VOUCHER, reward_ids=(mine.id,)))
    assert page.recipients.ids() == (mine.id,)
    assert page.recipients.list.count() == 2
    assert page.preview.pages() == 1
    assert other.code not in page.preview.pdf.getAllText(0).text()


def test_the_side_bar_opens_the_print_page_with_ctrl_6(qtbot: QtBot, shop: Shop) -> None:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), PrintPage)
    assert window.side_bar.currentItem().text() == "Print"
