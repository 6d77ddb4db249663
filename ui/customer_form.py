"""The customer form: add a new customer or change one, in one short dialog."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from shopcrm import Customer, DuplicatePhone, InvalidInput, NotFound, Shop, ShopError
from shopcrm.common.i18n import _
from shopcrm.people.address_forms import address_form_titles
from ui.consent_fields import ConsentFields
from ui.customer_picker import CustomerPicker
from ui.form_dialog import FormDialog
from ui.namesake_question import NamesakeQuestion


class CustomerFormDialog(FormDialog):
    """Add a customer, or edit ``customer`` when given. After accept, ``.customer`` is saved."""

    def __init__(
        self,
        shop: Shop,
        parent: QWidget | None = None,
        customer: Customer | None = None,
        initial_name: str = "",
        initial_phone: str = "",
    ) -> None:
        super().__init__(_("Edit customer") if customer else _("New customer"), parent)
        self.shop = shop
        self.customer: Customer | None = customer
        self._editing = customer is not None
        self._allow_duplicate_phone = False
        self._not_a_namesake = ""
        self.setMinimumWidth(460)

        self.name = QLineEdit()
        self.address_form = QComboBox()
        for form, title in address_form_titles().items():
            self.address_form.addItem(title, form.value)
        self.address_form.setToolTip(
            _("How cards and letters greet the customer: “Sayın Şükrü Bey”, “Sevgili Ayşe”…")
        )
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(_("e.g. 0532 123 45 67"))
        self.email = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(56)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(56)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(_("comma separated, e.g. regular, wholesale"))
        self.consents = ConsentFields(shop)
        self.consent = self.consents.every
        self.birthday = QLineEdit()
        self.birthday.setPlaceholderText(_("e.g. 15.03 or 15.03.1980"))
        self.referred_by = CustomerPicker(shop, exclude_id=customer.id if customer else None)
        self.referred_by.setPlaceholderText(_("Who sent them? Type a name, then choose"))

        self.add_field("name", _("&Name:"), self.name)
        self.add_field("address_form", _("&Form of address:"), self.address_form)
        self.add_field("phone", _("&Phone:"), self.phone)
        self.add_field("email", _("&E-mail:"), self.email)
        self.add_field("address", _("&Address:"), self.address)
        self.add_field("notes", _("N&otes:"), self.notes)
        self.add_field("tags", _("&Tags:"), self.tags)
        self.add_field("birthday", _("&Birthday:"), self.birthday)
        self.add_field("referred_by", _("&Referred by:"), self.referred_by)
        self.form.addRow(self.consents)

        if customer is not None:
            self._fill(customer)
        else:
            self.name.setText(initial_name.strip())
            self.phone.setText(initial_phone.strip())
        self.name.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Open with the cursor after the name, nothing selected: the next key adds to it."""
        super().showEvent(event)
        QTimer.singleShot(0, self._cursor_after_name)

    def _cursor_after_name(self) -> None:
        self.name.deselect()
        self.name.end(False)

    def _fill(self, customer: Customer) -> None:
        self.name.setText(customer.name)
        self.address_form.setCurrentIndex(self.address_form.findData(customer.address_form.value))
        self.phone.setText(customer.phone_display)
        self.email.setText(customer.email)
        self.address.setPlainText(customer.address)
        self.notes.setPlainText(customer.notes)
        self.tags.setText(", ".join(customer.tags))
        self.consents.show_customer(customer)
        self.birthday.setText(birthday_text(customer.birthday))
        if customer.referred_by is not None:
            with contextlib.suppress(NotFound):
                self.referred_by.choose(self.shop.customers.get(customer.referred_by))

    def values(self) -> dict[str, object]:
        """What the form holds, as keyword arguments for the core."""
        return {
            "name": self.name.text(),
            "address_form": self.address_form.currentData(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "address": self.address.toPlainText(),
            "notes": self.notes.toPlainText(),
            "tags": self.tags.text(),
            "consents": self.consents.changes(),
            "birthday": self.birthday.text(),
            "referred_by": self.referred_by.customer_id(),
        }

    def save(self, allow_duplicate_phone: bool = False) -> None:
        """Save through the core; accept on success, explain and stay open otherwise. A new
        customer whose name is already someone's is asked about first."""
        self._allow_duplicate_phone = allow_duplicate_phone
        if not self._editing and self._ask_about_namesakes():
            return
        super().save()

    def submit(self) -> None:
        """Add or change the customer through the core."""
        if self.referred_by.unresolved():
            message = _("Choose who referred them from the list, or clear the field.")
            raise InvalidInput(message, fields={"referred_by": message})
        allow = self._allow_duplicate_phone
        if self.customer is not None and self._editing:
            self.customer = self.shop.customers.update(
                self.customer.id, allow_duplicate_phone=allow, **self.values()
            )
        else:
            self.customer = self.shop.customers.add(
                allow_duplicate_phone=allow,
                **self.values(),  # type: ignore[arg-type]
            )

    def refused(self, error: ShopError) -> None:
        """A known phone offers the existing customer; other refusals show inline."""
        if isinstance(error, DuplicatePhone):
            self._ask_about_duplicate(error)
        else:
            super().refused(error)

    def _ask_about_namesakes(self) -> bool:
        """Ask whether a customer of the same name is the one being added; True if asked."""
        name = self.name.text()
        if name == self._not_a_namesake:
            return False
        namesakes = self.shop.customers.namesakes(name)
        if not namesakes:
            return False
        box = NamesakeQuestion(namesakes[0].name, namesakes, self)
        self.namesake_box = box

        def decided() -> None:
            if box.chosen is not None:
                self.customer = box.chosen
                self.accept()
            elif box.add_new:
                self._not_a_namesake = name
                self.save(self._allow_duplicate_phone)
            else:
                self.name.setFocus()

        box.finished.connect(decided)
        box.open()
        return True

    def _ask_about_duplicate(self, error: DuplicatePhone) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Phone already in use"))
        box.setText(str(error))
        use = box.addButton(_("Use the existing customer"), QMessageBox.ButtonRole.AcceptRole)
        add = box.addButton(_("Add anyway"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(_("Cancel"))
        if self._editing:
            use.hide()
            add.setText(_("Save anyway"))
        box.setDefaultButton(use if not self._editing else add)
        self.duplicate_box = box

        def decided() -> None:
            clicked = box.clickedButton()
            if clicked is use:
                self.customer = error.existing
                self.accept()
            elif clicked is add:
                self.save(allow_duplicate_phone=True)
            else:
                self.phone.setFocus()

        box.finished.connect(decided)
        box.open()


def birthday_text(stored: str | None) -> str:
    """A stored birthday ("03-15" or "1980-03-15") the way it is typed: "15.03", "15.03.1980"."""
    if not stored:
        return ""
    parts = stored.split("-")
    if len(parts) == 2:
        return f"{parts[1]}.{parts[0]}"
    if len(parts) == 3:
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    return stored
