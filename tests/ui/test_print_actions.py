"""Print actions where they belong: the counter prints the voucher just earned or a thank-you
card (Ctrl+P, the banner's button, the customer's Print… menu), and the main window opens the
Print page set up for it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.documents.kinds import DocumentKind, PrintJob
from shopcrm.loyalty.rules import RewardKind, RuleKind
from tests.ui.conftest import show_active, type_text
from ui.care.page import CarePage
from ui.counter.page import CounterPage
from ui.customers.page import CustomersPage
from ui.main_window import MainWindow
from ui.printing.page import PrintPage


def serve(qtbot: QtBot, page: CounterPage, name: str) -> None:
    type_text(page.search, name)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.customer is not None and page.customer.name.startswith(name)


def log(qtbot: QtBot, page: CounterPage, amount: str) -> None:
    qtbot.keyClicks(page.amount, amount)
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)


def asked(qtbot: QtBot, page: CounterPage) -> list[PrintJob]:
    jobs: list[PrintJob] = []
    page.print_requested.connect(jobs.append)
    return jobs


def test_ctrl_p_after_a_purchase_that_earned_a_voucher_prints_that_voucher(
    qtbot: QtBot, three_customers_counter: CounterPage, shop: Shop
) -> None:
    page = three_customers_counter
    shop.rules.add(RuleKind.WELCOME, RewardKind.PERCENT, value=10)
    jobs = asked(qtbot, page)
    serve(qtbot, page, "Ayşe")
    log(qtbot, page, "100")
    assert page.banner.print_button.isVisible()
    assert page.banner.print_button.text() == "Print the voucher (Ctrl+P)"

    qtbot.keyClick(page.amount, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    (earned,) = shop.rewards.of_customer(page.customer.id)  # type: ignore[union-attr]
    assert jobs == [PrintJob(DocumentKind.VOUCHER, reward_ids=(earned.id,))]

    page.banner.print_button.click()
    assert jobs[-1] == jobs[0]


def test_ctrl_p_otherwise_prints_a_thank_you_card_for_the_customer_served(
    qtbot: QtBot, three_customers_counter: CounterPage
) -> None:
    page = three_customers_counter
    jobs = asked(qtbot, page)
    qtbot.keyClick(page.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert jobs == []
    assert page.sale.error.text() == "First find and pick the customer."

    serve(qtbot, page, "Şükrü")
    log(qtbot, page, "40")
    assert not page.banner.print_button.isVisible()  # nothing earned: no voucher to print
    qtbot.keyClick(page.amount, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    customer = page.customer
    assert customer is not None and customer.name == "Şükrü Öztürk"
    assert jobs == [PrintJob(DocumentKind.THANK_YOU, customer_ids=(customer.id,))]


def test_the_customers_print_menu_offers_cards_and_their_open_vouchers(
    qtbot: QtBot, three_customers_counter: CounterPage, shop: Shop
) -> None:
    page = three_customers_counter
    jobs = asked(qtbot, page)
    serve(qtbot, page, "Mehmet")
    customer = page.customer
    assert customer is not None
    menu = page.panel.print_button.menu_
    titles = [action.text() for action in menu.actions()]
    assert titles == [
        "Thank-you card (A6)",
        "Thank-you card, folded (A5)",
        "Loyalty card (card printer)",
        "Voucher, one per page",
    ]

    menu.actions()[2].trigger()
    assert jobs == [PrintJob(DocumentKind.LOYALTY_CARD, customer_ids=(customer.id,))]

    menu.actions()[3].trigger()  # no voucher yet: said, nothing asked
    assert len(jobs) == 1
    assert page.sale.error.text() == "Mehmet Şahin has no open voucher to print."

    voucher = shop.rewards.give_goodwill(customer.id, "amount", 5_000, note="özür")
    menu.actions()[3].trigger()
    assert jobs[-1] == PrintJob(DocumentKind.VOUCHER, reward_ids=(voucher.id,))


def test_a_print_asked_for_opens_the_print_page_with_its_preview(qtbot: QtBot, shop: Shop) -> None:
    shop.settings.update(shop_name="Çiçekçi Gülşen")
    ayse = shop.customers.add(name="Ayşe Yılmaz", address_form="hanim")
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    show_active(qtbot, window)
    counter = window.stack.currentWidget()
    assert isinstance(counter, CounterPage)
    counter.print_requested.emit(PrintJob(DocumentKind.THANK_YOU, customer_ids=(ayse.id,)))

    page = window.stack.currentWidget()
    assert isinstance(page, PrintPage)
    assert window.side_bar.currentItem().text() == "Print"
    assert page.tabs.currentWidget() is page.compose
    assert page.compose.recipients.ids() == (ayse.id,)
    qtbot.waitUntil(lambda: page.compose.preview.pages() == 1, timeout=5_000)
    assert "Dear Ms Yılmaz" in page.compose.preview.pdf.getAllText(0).text()


def test_the_customers_page_prints_for_the_selected_customer(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz")
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    jobs: list[PrintJob] = []
    page.print_requested.connect(jobs.append)
    page.table.selectRow(0)
    actions = page.print_button.menu_.actions()
    assert [a.text() for a in actions][-2:] == ["Letter (A4)", "Address labels"]
    actions[-2].trigger()
    assert jobs == [PrintJob(DocumentKind.LETTER, customer_ids=(ayse.id,))]
    actions[3].trigger()  # her vouchers: she has none
    assert len(jobs) == 1 and page.error.text() == "Ayşe Yılmaz has no open voucher to print."


def test_the_upcoming_occasions_print_the_selected_card_or_all_of_them(
    qtbot: QtBot, shop: Shop
) -> None:
    today = shop.clock().date()
    ids = []
    for name, days in (("Ayşe Yılmaz", 2), ("Cem Kara", 5)):
        customer = shop.customers.add(name=name)
        soon = today + timedelta(days=days)
        occasion = shop.occasions.add(
            customer.id, "wedding", f"{soon.day:02d}.{soon.month:02d}.2012"
        )
        ids.append(occasion.id)
    page = CarePage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    jobs: list[PrintJob] = []
    page.print_requested.connect(jobs.append)
    upcoming = page.upcoming
    upcoming.table.selectRow(1)
    upcoming.print_button.click()
    assert jobs == [PrintJob(DocumentKind.OCCASION, occasion_ids=(ids[1],))]
    upcoming.print_all_button.click()
    assert jobs[-1] == PrintJob(DocumentKind.OCCASION, occasion_ids=tuple(ids))


def test_an_occasion_card_printed_leaves_the_upcoming_list(
    qtbot: QtBot, shop: Shop, tmp_path: Path
) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz", address_form="hanim", consents={"letter": True})
    soon = shop.clock().date() + timedelta(days=3)
    shop.occasions.add(ayse.id, "wedding", f"{soon.day:02d}.{soon.month:02d}.2012")
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    show_active(qtbot, window)
    care = window.page(MainWindow.CARE)
    assert isinstance(care, CarePage)
    window.go_to(MainWindow.CARE)
    care.tabs.setCurrentWidget(care.upcoming)
    care.upcoming.table.selectRow(0)
    care.upcoming.print_button.click()

    page = window.stack.currentWidget()
    assert isinstance(page, PrintPage)
    compose = page.compose
    qtbot.waitUntil(lambda: compose.preview.pages() == 1, timeout=5_000)
    assert "Dear Ms Yılmaz" in compose.preview.pdf.getAllText(0).text()
    compose.output.start([shop.documents.prepare(compose.job())], None, str(tmp_path / "c.pdf"))
    qtbot.waitUntil(lambda: compose.question is not None, timeout=10_000)
    assert compose.question is not None
    compose.question.yes_button.click()
    assert shop.upcoming.occasions() == []
    window.go_to(MainWindow.CARE)
    assert care.upcoming.model.rowCount() == 0
    assert [e.kind for e in shop.contacts.of_customer(ayse.id)] == ["card"]
