"""The draw dialog: a draw from the keyboard, a voucher given to a winner, the notice saved,
an earlier draw checked, and its Alt keys in both languages."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from tests.ui.conftest import show_active, type_text
from tests.ui.test_mnemonics import check_alt_keys, shown
from ui.numbers.draw_dialog import DrawDialog

NAMES = ["Ayşe Yılmaz", "Şükrü Öztürk", "Gül Işık", "Ömer Çelik"]


@pytest.fixture
def customers(shop: Shop) -> list[int]:
    """Four customers who visited today; Ayşe and Şükrü with consent on every channel, Gül
    with consent to SMS only, Ömer with none; one more who came 40 days ago."""
    ids = []
    for number, name in enumerate(NAMES):
        customer = shop.customers.add(
            name, phone=f"0532 400 00 0{number}", marketing_consent=number < 2
        )
        shop.purchases.log(customer.id, 10_000)
        ids.append(customer.id)
    shop.consent.record(ids[2], "sms", True)
    old = shop.customers.add("Hakan Demir", marketing_consent=True)
    shop.purchases.log(old.id, 5_000, purchased_at=shop.clock() - timedelta(days=40))
    return ids


@pytest.fixture
def dialog(qtbot: QtBot, shop: Shop, customers: list[int]) -> DrawDialog:
    dialog = DrawDialog(shop)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def key(
    widget: object, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(widget, which, modifier)  # type: ignore[arg-type]


def test_the_pool_size_follows_the_fields(dialog: DrawDialog) -> None:
    # This month with consent to calls or letters: Ayşe and Şükrü (the first day of the month
    # may be today: Hakan came 40 days ago either way).
    assert dialog.size_label.text().endswith(": 2 customers.")
    dialog.pool.consent_only.setChecked(False)
    assert dialog.size_label.text().endswith(": 4 customers.")
    dialog.pool.by_days.setChecked(False)
    assert dialog.size_label.text() == "All customers: 5 customers."
    dialog.pool.by_visits.setChecked(True)
    assert dialog.size_label.text() == "Customers with at least 2 visits: 0 customers."
    dialog.pool.by_visits.setChecked(False)
    dialog.pool.by_segment.setChecked(True)  # all joined today: new
    assert dialog.size_label.text() == "Customers in the segment “New”: 5 customers."
    dialog.pool.segment.setCurrentText("VIP")
    assert dialog.size_label.text() == "Customers in the segment “VIP”: 0 customers."


def test_a_draw_from_the_keyboard(qtbot: QtBot, dialog: DrawDialog, shop: Shop) -> None:
    key(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert dialog.winners.hasFocus()
    dialog.winners.selectAll()
    type_text(dialog.winners, "3")
    key(dialog.winners, Qt.Key.Key_Return)
    assert dialog.error.text() == "Only 2 customers are on this list: draw at most 2 winners."
    assert shop.draws.all() == []
    dialog.winners.selectAll()
    type_text(dialog.winners, "2")
    key(dialog.winners, Qt.Key.Key_Return)
    (draw,) = shop.draws.all()
    assert dialog.error.isHidden()
    shown_names = [dialog.winners_model.record_at(r).name for r in range(2)]  # type: ignore[union-attr]
    assert shown_names == [w.name for w in draw.winners]
    assert sorted(shown_names) == ["Ayşe Yılmaz", "Şükrü Öztürk"]
    phones = {dialog.winners_model.record_at(r).phone for r in range(2)}  # type: ignore[union-attr]
    assert phones == {"0532 400 00 00", "0532 400 00 01"}
    assert f"Seed {draw.seed}; 2 customers took part" in dialog.seed_label.text()
    assert dialog.winners_table.hasFocus()
    assert dialog.draws_model.rowCount() == 1


def test_a_voucher_for_the_highlighted_winner(qtbot: QtBot, dialog: DrawDialog, shop: Shop) -> None:
    dialog.winners.setValue(2)
    dialog.draw_button.click()
    (draw,) = shop.draws.all()
    key(dialog.winners_table, Qt.Key.Key_Down)
    second = draw.winners[1]
    key(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # a button's Alt key clicks late
    qtbot.waitUntil(lambda: dialog.voucher_dialog is not None)
    voucher = dialog.voucher_dialog
    assert voucher is not None and voucher.winner == second
    voucher.reward.kind.setCurrentIndex(voucher.reward.kind.findData("amount"))
    type_text(voucher.reward.value, "150")
    key(voucher.reward.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.voucher_dialog is None)
    winners = shop.draws.get(draw.id).winners
    assert winners[0].reward_id is None
    assert winners[1].reward_id is not None
    reward = shop.rewards.get(winners[1].reward_id)
    assert (reward.customer_id, reward.value) == (second.customer_id, 15_000)
    assert dialog.winners_model.record_at(1).voucher == reward.code  # type: ignore[union-attr]
    assert dialog.status.text() == f"Voucher {reward.code} given to {second.name}."
    # Once only: the second time says so and opens nothing.
    dialog.voucher_button.click()
    assert dialog.voucher_dialog is None
    assert dialog.status.text() == "This winner has already been given a voucher for the draw."


def test_the_notice_is_saved_as_pdf(qtbot: QtBot, dialog: DrawDialog, tmp_path: Path) -> None:
    dialog.winners.setValue(2)
    dialog.draw_button.click()
    dialog.notice_button.click()
    file_dialog = dialog.file_dialog
    assert file_dialog is not None
    file_dialog.selectFile(str(tmp_path / "ilan"))
    file_dialog.accept()
    saved = tmp_path / "ilan.pdf"
    qtbot.waitUntil(saved.exists)
    text = "\n".join(page.extract_text() for page in PdfReader(saved).pages)
    assert "Draw results" in text
    assert "Yılmaz" not in text and "Öztürk" not in text
    assert "Ayşe Y." in text and "Şükrü Ö." in text
    assert dialog.status.text() == f"Saved: {saved}"


def test_check_says_an_earlier_draw_repeats(qtbot: QtBot, dialog: DrawDialog, shop: Shop) -> None:
    dialog.draw_button.click()
    (draw,) = shop.draws.all()
    key(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.check_label.text() != "")
    assert dialog.check_label.text() == (
        f"It repeats: seed {draw.seed} picks the same winners from the same list."
    )


def test_alt_keys_in_both_languages(
    qtbot: QtBot, shop: Shop, customers: list[int], language: str
) -> None:
    dialog = shown(qtbot, DrawDialog(shop))
    check_alt_keys(dialog, "draw")
    assert isinstance(dialog, DrawDialog)
    dialog.draw_button.click()
    check_alt_keys(dialog, "draw, drawn")
    winner = shop.draws.all()[0].winners[0]
    dialog.give_voucher()
    voucher = dialog.voucher_dialog
    assert voucher is not None and voucher.winner == winner
    for kind in ("percent", "amount", "gift"):
        voucher.reward.kind.setCurrentIndex(voucher.reward.kind.findData(kind))
        check_alt_keys(voucher, f"voucher {kind}")
    voucher.reject()
