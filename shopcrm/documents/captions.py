"""The fixed words printed on documents around the owner's text: a card's heading, an occasion
card's heading for each kind of occasion, a voucher's lines. Each is a whole message of its
own, so that a language puts its words in its own order."""

from __future__ import annotations

from shopcrm.common.i18n import _
from shopcrm.documents.kinds import DocumentKind


def heading(kind: DocumentKind) -> str:
    """The heading of a card of ``kind`` (an occasion card's is ``occasion_heading``)."""
    if kind in (DocumentKind.THANK_YOU, DocumentKind.THANK_YOU_FOLDED):
        return _("Thank you")
    if kind in (DocumentKind.LOYALTY_CARD, DocumentKind.LOYALTY_SHEET):
        return _("Customer card")
    return ""


def occasion_heading(occasion_kind: str, yearly: bool) -> str:
    """The heading of an occasion card: "İyi ki doğdunuz!", "Nice mutlu yıllara!"..."""
    if occasion_kind == "birthday":
        return _("Happy birthday!")
    if occasion_kind == "child_birthday":
        return _("Many happy returns!")
    if occasion_kind in ("wedding", "engagement") and yearly:
        return _("Happy anniversary!")
    if occasion_kind == "wedding":
        return _("Congratulations on your wedding!")
    if occasion_kind == "engagement":
        return _("Congratulations on your engagement!")
    if occasion_kind == "child_graduation":
        return _("Congratulations!")
    if occasion_kind == "name_day":
        return _("Happy name day!")
    return _("Best wishes!")


def voucher_title(gift_voucher: bool) -> str:
    """ "Kupon", or "Hediye çeki" for an anonymous gift voucher."""
    return _("Gift voucher") if gift_voucher else _("Voucher")


def voucher_expires(date: str) -> str:
    """The voucher's last day: "Son kullanma tarihi: 9 Nisan 2026"."""
    return _("Valid until {date}").format(date=date)


def voucher_owner(name: str) -> str:
    """Whose voucher it is: "Sahibi: Şükrü Öztürk"."""
    return _("For: {name}").format(name=name)
