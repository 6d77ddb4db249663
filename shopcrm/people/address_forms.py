"""How a customer is addressed on cards and letters: with "Bey" or "Hanım" after the first name
("Sayın Şükrü Bey"), by the first name only ("Sevgili Ayşe"), with no form at all (the name
alone), or not chosen yet (the documents then use the full name with "Sayın" / "Dear").

The greeting itself is written by ``shopcrm.documents.greetings`` in the documents' language.
"""

from __future__ import annotations

from enum import StrEnum

from shopcrm.common.cleaning import quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _


class AddressForm(StrEnum):
    """A customer's form of address, as stored in ``customers.address_form``."""

    NOT_CHOSEN = ""
    BEY = "bey"
    HANIM = "hanim"
    FIRST_NAME = "first_name"
    NONE = "none"


def address_form_titles() -> dict[AddressForm, str]:
    """What each form is called in the customer form, in the current language."""
    return {
        AddressForm.NOT_CHOSEN: _("Not chosen (full name)"),
        AddressForm.BEY: _("Mr (Bey)"),
        AddressForm.HANIM: _("Ms (Hanım)"),
        AddressForm.FIRST_NAME: _("First name only"),
        AddressForm.NONE: _("No form of address"),
    }


def checked_address_form(value: object) -> AddressForm:
    """A form of address given by its stored value ('', 'bey', 'hanim', 'first_name', 'none');
    ``InvalidInput`` naming what was given otherwise."""
    if value is None:
        return AddressForm.NOT_CHOSEN
    try:
        return AddressForm(value if isinstance(value, str) else "\x00")
    except ValueError:
        raise InvalidInput(
            _("“{text}” is not a form of address: Bey, Hanım, first name only or none.").format(
                text=quote(value)
            )
        ) from None
