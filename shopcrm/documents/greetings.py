"""How a document greets a customer, in the documents' language, by their form of address.

Turkish puts "Bey" or "Hanım" after the first name ("Sayın Şükrü Bey"); English puts "Mr" or
"Ms" before the surname ("Dear Mr Öztürk"), so which part of the name goes with the title is
the language's (``_TITLE_TAKES_SURNAME``). The first name is every word of the name but the
last ("Ayşe Nur Yılmaz": "Ayşe Nur Hanım"); a one-word name is both first name and surname.

| form          | {greeting} (tr / en)                    | {address_form} (tr / en)  |
| ------------- | --------------------------------------- | ------------------------- |
| not chosen    | Sayın Şükrü Öztürk / Dear Şükrü Öztürk  | Şükrü Öztürk              |
| bey           | Sayın Şükrü Bey / Dear Mr Öztürk        | Şükrü Bey / Mr Öztürk     |
| hanim         | Sayın Ayşe Hanım / Dear Ms Yılmaz       | Ayşe Hanım / Ms Yılmaz    |
| first_name    | Sevgili Ayşe / Dear Ayşe                | Ayşe                      |
| none          | Ayşe Yılmaz (the name alone)            | Ayşe Yılmaz               |
"""

from __future__ import annotations

from shopcrm.common.i18n import _, current_language
from shopcrm.people.address_forms import AddressForm

_TITLE_TAKES_SURNAME = {"tr": False, "en": True}


def first_name(name: str) -> str:
    """The first name(s): every word but the last ("Ayşe Nur Yılmaz": "Ayşe Nur")."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 else name.strip()


def surname(name: str) -> str:
    """The surname: the last word of the name."""
    words = name.split()
    return words[-1] if words else ""


def _titled_name(name: str) -> str:
    takes_surname = _TITLE_TAKES_SURNAME.get(current_language(), True)
    return surname(name) if takes_surname else first_name(name)


def greeting(name: str, form: AddressForm | str) -> str:
    """The greeting that opens a card or a letter ("Sayın Şükrü Bey"), without a comma."""
    form = AddressForm(form)
    if form is AddressForm.BEY:
        return _("Dear Mr {name}").format(name=_titled_name(name))
    if form is AddressForm.HANIM:
        return _("Dear Ms {name}").format(name=_titled_name(name))
    if form is AddressForm.FIRST_NAME:
        return _("Dear {first_name}").format(first_name=first_name(name))
    if form is AddressForm.NONE:
        return name
    return _("Dear {name}").format(name=name)


def addressed(name: str, form: AddressForm | str) -> str:
    """The name with its form of address, for use inside a sentence ("Şükrü Bey")."""
    form = AddressForm(form)
    if form is AddressForm.BEY:
        return _("Mr {name}").format(name=_titled_name(name))
    if form is AddressForm.HANIM:
        return _("Ms {name}").format(name=_titled_name(name))
    if form is AddressForm.FIRST_NAME:
        return first_name(name)
    return name
