"""The words on the documents: placeholders, and the ready texts the owner starts from.

A text is the owner's words with placeholders in braces, filled for each recipient when the
document is made: ``{greeting}`` is the whole greeting ("Sayın Şükrü Bey", "Sevgili Ayşe",
"Dear Mr Öztürk"), ``{address_form}`` the name with its form of address for use inside a
sentence ("Şükrü Bey", "Ayşe Hanım", "Ayşe"); see ``placeholders()`` for all of them. Only
``{word}`` in braces is a placeholder (a lone brace is just a brace), and an unknown one is
refused when the text is saved (``check_text``), never found missing at print time.

The ready texts are in the current language. Kinds that print the same message share one text:
the two thank-you cards, the three voucher kinds, the two loyalty card kinds (``text_family``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from shopcrm.common.cleaning import clean, quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _
from shopcrm.documents.kinds import DocumentKind

MAX_TEXT = 3000
PLACEHOLDER = re.compile(r"\{([^{}\n]{0,40})\}")


@dataclass(frozen=True)
class ReadyText:
    """A text the program offers: ``key`` names it for code ("welcome", "miss_you"), ``title``
    for people."""

    key: str
    title: str
    text: str


def placeholders() -> list[tuple[str, str]]:
    """Every placeholder, as "{name}", with what it stands for (for the text editor's help)."""
    return [
        ("{greeting}", _("The greeting: “Dear Mr Öztürk”, “Dear Ayşe”")),
        ("{address_form}", _("The name with its form of address: “Mr Öztürk”, “Ayşe”")),
        ("{name}", _("The customer's full name")),
        ("{first_name}", _("The customer's first name")),
        ("{shop}", _("The shop's name")),
        ("{date}", _("Today's date")),
        ("{visits}", _("How many visits the customer has made")),
        ("{occasion}", _("The occasion, e.g. “Birthday: turns 35” (occasion cards)")),
        ("{whose}", _("Whose occasion it is, e.g. “kızı Elif” (occasion cards)")),
        ("{value}", _("What the voucher is worth (vouchers)")),
        ("{code}", _("The voucher's code (vouchers)")),
        ("{expires}", _("The voucher's last day (vouchers)")),
    ]


KNOWN = frozenset(name.strip("{}") for name, _meaning in placeholders())


def text_family(kind: DocumentKind) -> str:
    """The key the owner's text of ``kind`` is saved under (kinds that print the same message
    share one)."""
    return {
        DocumentKind.THANK_YOU_FOLDED: DocumentKind.THANK_YOU.value,
        DocumentKind.VOUCHER_SHEET: DocumentKind.VOUCHER.value,
        DocumentKind.VOUCHER_RECEIPT: DocumentKind.VOUCHER.value,
        DocumentKind.LOYALTY_SHEET: DocumentKind.LOYALTY_CARD.value,
    }.get(kind, kind.value)


def check_text(text: object) -> str:
    """The text made fit to keep (trimmed, NFC, at most ``MAX_TEXT`` characters), or
    ``InvalidInput`` naming the first unknown placeholder and listing the known ones."""
    cleaned = clean(text, _("Text"), MAX_TEXT, multiline=True)
    for match in PLACEHOLDER.finditer(cleaned):
        if _name(match) not in KNOWN:
            raise InvalidInput(
                _(
                    "“{placeholder}” is not a placeholder the documents know. Use one of: {known}."
                ).format(
                    placeholder=quote(match.group(0)),
                    known=", ".join(name for name, _meaning in placeholders()),
                )
            )
    return cleaned


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its placeholders replaced by ``values`` (one missing there is left empty)."""
    return PLACEHOLDER.sub(lambda m: values.get(_name(m), ""), text)


def _name(match: re.Match[str]) -> str:
    return match.group(1).strip().lower()


def ready_texts(kind: DocumentKind) -> list[ReadyText]:
    """The ready texts for ``kind``, in the current language; the first is the default."""
    family = text_family(kind)
    if family == DocumentKind.THANK_YOU:
        return _thank_you_texts()
    if family == DocumentKind.OCCASION:
        return _occasion_texts()
    if family == DocumentKind.VOUCHER:
        return _voucher_texts()
    if family == DocumentKind.LOYALTY_CARD:
        return _loyalty_texts()
    if family == DocumentKind.LETTER:
        return _letter_texts()
    return []


def ready_text(kind: DocumentKind, key: str) -> ReadyText:
    """The ready text ``key`` of ``kind`` ("welcome" of a thank-you card, "miss_you" of a
    letter); ``KeyError`` if there is none."""
    for ready in ready_texts(kind):
        if ready.key == key:
            return ready
    raise KeyError(key)


def occasion_text_key(occasion_kind: str, yearly: bool) -> str:
    """The key of the ready text for an occasion of this kind ("birthday", "anniversary"...)."""
    if occasion_kind in ("wedding", "engagement"):
        return "anniversary" if yearly else occasion_kind
    return {
        "birthday": "birthday",
        "child_birthday": "child_birthday",
        "child_graduation": "graduation",
    }.get(occasion_kind, "wishes")


def _thank_you_texts() -> list[ReadyText]:
    return [
        ReadyText(
            "thanks",
            _("We are happy to do business with you"),
            _(
                "{greeting},\n\nWe are happy to do business with you. Thank you for choosing "
                "us; we look forward to seeing you again.\n\n{shop}"
            ),
        ),
        ReadyText(
            "pleasure",
            _("It is a pleasure to serve you"),
            _(
                "{greeting},\n\nIt is a pleasure to serve you. Thank you sincerely for your "
                "interest and your trust.\n\nWith our best wishes,\n{shop}"
            ),
        ),
        ReadyText(
            "welcome",
            _("Welcome (after a first purchase)"),
            _(
                "{greeting},\n\nWelcome among our customers! Thank you for your first purchase "
                "with us. We will be glad to see you again.\n\n{shop}"
            ),
        ),
        ReadyText(
            "regular",
            _("For a regular customer"),
            _(
                "{greeting},\n\nThank you for your loyalty: {visits} visits so far, each one a "
                "pleasure for us. It is customers like you who keep our shop alive.\n\n{shop}"
            ),
        ),
    ]


def _occasion_texts() -> list[ReadyText]:
    return [
        ReadyText(
            "birthday",
            _("Birthday"),
            _(
                "{greeting},\n\nHappy birthday! We wish you a year full of health, joy and "
                "success.\n\nWith our warmest wishes,\n{shop}"
            ),
        ),
        ReadyText(
            "child_birthday",
            _("Child's birthday"),
            _(
                "{greeting},\n\nWe share your family's joy on this happy day and wish many "
                "happy, healthy years.\n\n{shop}"
            ),
        ),
        ReadyText(
            "anniversary",
            _("Anniversary"),
            _(
                "{greeting},\n\nCongratulations on your anniversary! May you share many more "
                "happy years together.\n\n{shop}"
            ),
        ),
        ReadyText(
            "engagement",
            _("Engagement"),
            _(
                "{greeting},\n\nCongratulations on your engagement! We wish you a lifetime of "
                "happiness together.\n\n{shop}"
            ),
        ),
        ReadyText(
            "wedding",
            _("Wedding"),
            _(
                "{greeting},\n\nCongratulations on your wedding! We wish you a lifetime of "
                "happiness together.\n\n{shop}"
            ),
        ),
        ReadyText(
            "graduation",
            _("Graduation"),
            _(
                "{greeting},\n\nCongratulations on the graduation! We share your pride and "
                "wish every success on the road ahead.\n\n{shop}"
            ),
        ),
        ReadyText(
            "wishes",
            _("Best wishes"),
            _("{greeting},\n\nOn this special day we send you our warmest wishes.\n\n{shop}"),
        ),
    ]


def _voucher_texts() -> list[ReadyText]:
    return [
        ReadyText(
            "next_visit",
            _("For your next visit"),
            _("Thank you for your loyalty. Use this voucher on your next visit."),
        ),
        ReadyText(
            "gift",
            _("A gift voucher"),
            _("A gift for you or for someone dear to you. Enjoy it!"),
        ),
        ReadyText(
            "once",
            _("Show it at the counter"),
            _("Show this voucher at the counter, printed or on your phone. It can be used once."),
        ),
    ]


def _loyalty_texts() -> list[ReadyText]:
    return [
        ReadyText(
            "show",
            _("Show your card"),
            _("Show your card at every visit: every visit counts towards your rewards."),
        ),
        ReadyText("thanks", _("Thank you"), _("Thank you for being our customer.")),
    ]


def _letter_texts() -> list[ReadyText]:
    return [
        ReadyText(
            "evening",
            _("Invitation to a customer evening"),
            _(
                "{greeting},\n\nWe are holding a small evening for our valued customers, and we "
                "would be delighted to see you there: to look at our new season together, have "
                "a cup of tea and talk.\n\nDate: …\nTime: …\nPlace: {shop}\n\nWe would be glad "
                "if you could let us know by phone whether you can come.\n\nKind regards,\n{shop}"
            ),
        ),
        ReadyText(
            "miss_you",
            _("We miss you"),
            _(
                "{greeting},\n\nWe have not seen you for a while, and we miss you. We hope all "
                "is well with you.\n\nWe would be glad to welcome you back to our shop, where "
                "there is always something new to see and a cup of tea waiting for you.\n\n"
                "Kind regards,\n{shop}"
            ),
        ),
        ReadyText(
            "thanks",
            _("A letter of thanks"),
            _(
                "{greeting},\n\nWe are happy to do business with you. Thank you sincerely for "
                "the interest and trust you have shown us; each of your {visits} visits has "
                "meant a great deal to us.\n\nWe look forward to serving you for many years to "
                "come.\n\nKind regards,\n{shop}"
            ),
        ),
    ]
