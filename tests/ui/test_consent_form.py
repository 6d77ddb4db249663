"""The customer form's consent part: per channel yes or no and how it was given; the history
read-only; saving without a change leaves the history alone."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.people.consent import Channel, ConsentMethod
from ui.customer_form import CustomerFormDialog


def open_form(qtbot: QtBot, shop: Shop, **kwargs: object) -> CustomerFormDialog:
    dialog = CustomerFormDialog(shop, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_new_customer_gives_consent_per_channel_with_its_method(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_form(qtbot, shop, initial_name="Ayşe Yılmaz")
    fields = dialog.consents
    assert not fields.methods[Channel.SMS].isEnabled()
    fields.ticks[Channel.CALL].setChecked(True)
    fields.methods[Channel.CALL].setCurrentIndex(
        fields.methods[Channel.CALL].findData(ConsentMethod.WRITTEN.value)
    )
    fields.ticks[Channel.SMS].setChecked(True)
    assert fields.methods[Channel.SMS].isEnabled()
    assert not dialog.consent.isChecked(), "two of four channels is not every channel"
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = dialog.customer
    assert saved is not None and saved.marketing_consent
    held = shop.consent.of_customer(saved.id)
    assert held[Channel.CALL].given and held[Channel.CALL].method is ConsentMethod.WRITTEN
    assert held[Channel.SMS].given and held[Channel.SMS].method is ConsentMethod.VERBAL
    assert not held[Channel.EMAIL].asked and not held[Channel.LETTER].asked


def test_every_channel_ticks_the_four_and_unticking_one_keeps_the_others(
    qtbot: QtBot, shop: Shop
) -> None:
    dialog = open_form(qtbot, shop, initial_name="Mehmet")
    fields = dialog.consents
    dialog.consent.setChecked(True)
    assert all(tick.isChecked() for tick in fields.ticks.values())
    fields.ticks[Channel.EMAIL].setChecked(False)
    assert not dialog.consent.isChecked()
    assert [c for c, tick in fields.ticks.items() if tick.isChecked()] == [
        Channel.CALL,
        Channel.SMS,
        Channel.LETTER,
    ]


def test_editing_shows_what_holds_and_records_only_what_changed(qtbot: QtBot, shop: Shop) -> None:
    customer = shop.customers.add(name="Gül Demir", marketing_consent=True)
    shop.consent.record(customer.id, "sms", False)
    dialog = open_form(qtbot, shop, customer=shop.customers.get(customer.id))
    fields = dialog.consents
    assert fields.ticks[Channel.CALL].isChecked() and not fields.ticks[Channel.SMS].isChecked()
    assert fields.states[Channel.SMS].text().startswith("withdrawn ")
    assert fields.states[Channel.CALL].text().startswith("given ")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(shop.consent.history(customer.id)) == 5

    again = open_form(qtbot, shop, customer=shop.customers.get(customer.id))
    again.consents.ticks[Channel.LETTER].setChecked(False)
    again.save()
    assert not shop.consent.has_consent(customer.id, "letter")
    assert len(shop.consent.history(customer.id)) == 6
    again.consents.show_history()
    history = again.consents.history
    assert history is not None and history.isVisible()
    assert history.list.count() == 6
    assert history.list.item(0).text().endswith("Letters · withdrawn")


def test_an_older_shops_consent_is_kept_when_the_form_is_saved(qtbot: QtBot, shop: Shop) -> None:
    customer = shop.customers.add(name="Oya")
    shop.store.execute(
        "INSERT INTO consents (customer_id, channel, given, method, noted_at, recorded_at) "
        "VALUES (?, 'call', 1, 'earlier', '2025-01-01T10:00:00', '2025-01-01T10:00:00')",
        (customer.id,),
    )
    dialog = open_form(qtbot, shop, customer=customer)
    method = dialog.consents.methods[Channel.CALL]
    assert method.currentData() == "earlier" and method.currentText() == "Earlier single consent"
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(shop.consent.history(customer.id)) == 1
