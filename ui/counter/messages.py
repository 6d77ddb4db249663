"""What the Counter says after a sale and before it: the logged banner's lines and the preview of
what the ticked rewards take off. Plain functions of what the core returns: no widget here."""

from __future__ import annotations

from collections.abc import Sequence

from shopcrm import Customer, Purchase, Shop, ShopError
from shopcrm.common.formatting import money
from shopcrm.common.i18n import _, ngettext
from shopcrm.common.money import parse_amount
from shopcrm.loyalty.redemption import VoucherUse
from shopcrm.loyalty.rewards import Reward
from shopcrm.loyalty.rules import RewardKind


def logged_message(
    purchase: Purchase,
    customer: Customer,
    used: Sequence[Reward],
    earned: Sequence[Reward],
    currency: str,
) -> str:
    """The banner after a purchase: what was logged for whom (the visit it was), the gifts to
    hand over, what was kept of a voucher worth more, and the rewards it earned."""
    amount = money(purchase.amount, currency)
    if purchase.discount:
        lines = [
            _(
                "Logged {amount} for {name}: discount {discount}, paid {paid} — visit {visit}"
            ).format(
                amount=amount,
                name=customer.name,
                discount=money(purchase.discount, currency),
                paid=money(purchase.paid, currency),
                visit=customer.visit_count,
            )
        ]
    else:
        lines = [
            _("Logged {amount} for {name} — visit {visit}").format(
                amount=amount, name=customer.name, visit=customer.visit_count
            )
        ]
    for reward in used:
        if reward.reward == RewardKind.GIFT:
            lines.append(_("Hand over the gift: {what}").format(what=reward.gift))
    new = [r for r in earned if r.remainder_of is None]
    for rest in (r for r in earned if r.remainder_of is not None):
        lines.append(
            _("The rest, {value}, is kept on a new voucher: {code}").format(
                value=money(rest.value, currency), code=rest.code
            )
        )
    if len(new) == 1:
        lines.append(
            _("★ New reward: {what} (code {code})").format(
                what=new[0].description(currency), code=new[0].code
            )
        )
    elif new:
        counts: dict[str, int] = {}
        for reward in new:
            what = reward.description(currency)
            counts[what] = counts.get(what, 0) + 1
        listed = ", ".join(
            what if n == 1 else _("{n} × {what}").format(n=n, what=what)
            for what, n in counts.items()
        )
        lines.append(_("★ New rewards: {rewards}").format(rewards=listed))
    return "\n".join(lines)


def sale_preview(
    shop: Shop, customer_id: int, typed: str, ticked: Sequence[int], currency: str
) -> tuple[str, bool] | None:
    """What the counter says under the amount while rewards are ticked, and whether it is an
    error; None while there is nothing to say (the amount is still being typed)."""
    if not typed.strip():
        return (
            ngettext(
                "{n} reward ticked for this purchase: type the amount.",
                "{n} rewards ticked for this purchase: type the amount.",
                len(ticked),
            ).format(n=len(ticked)),
            False,
        )
    try:
        gross = parse_amount(typed.strip(), currency)
    except ShopError:
        return None  # still typing: Enter will say what is wrong
    try:
        use = shop.purchases.preview(customer_id, gross, list(ticked))
    except ShopError as error:
        return str(error), True
    return preview_text(gross, use, currency), False


def preview_text(gross: int, use: VoucherUse, currency: str) -> str:
    """What the ticked rewards do to an amount: "Discount ₺100 — to pay ₺900", and what is
    kept of a voucher worth more than what is left to pay."""
    to_pay = money(gross - use.discount, currency)
    if use.discount:
        text = _("Discount {discount} — to pay {to_pay}").format(
            discount=money(use.discount, currency), to_pay=to_pay
        )
    else:
        text = _("To pay {to_pay}").format(to_pay=to_pay)
    for reward, rest in use.rests:
        text += "\n" + _("{value} of voucher {code} is kept on a new voucher.").format(
            value=money(rest, currency), code=reward.code
        )
    return text
