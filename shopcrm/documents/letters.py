"""Letters: A4, from the owner to each customer of a selection (mail merge), with the shop's
letterhead, the customer's name and address where a DL window envelope shows it (DIN 5008:
20 mm from the left, 45 mm from the top), the date, the owner's text, and the shop at the foot."""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from shopcrm.documents import fonts
from shopcrm.documents.layout import Block, draw, draw_in, fit, fit_in, fit_parts
from shopcrm.documents.look import ACCENT, GOLD, INK, MUTED, Logo, Surface, rule
from shopcrm.documents.prepared import Prepared, Recipient

LEFT = 25 * mm
RIGHT = 20 * mm
WINDOW = (LEFT, A4[1] - 90 * mm, 85 * mm, 40 * mm)
"""Where a DL window envelope shows the address: 45-90 mm from the top."""


def letters(surface: Surface, prepared: Prepared, logo: Logo | None) -> Iterator[None]:
    """One A4 page per recipient."""
    for recipient in prepared.recipients:
        surface.canvas.setPageSize(A4)
        _letter(surface, prepared, recipient, logo)
        surface.canvas.showPage()
        yield


def _letter(surface: Surface, prepared: Prepared, recipient: Recipient, logo: Logo | None) -> None:
    canvas = surface.canvas
    width, height = A4
    text_width = width - LEFT - RIGHT
    top = height - 15 * mm
    surface.logo(logo, (LEFT, top - 22 * mm, 55 * mm, 22 * mm), anchor="nw")
    shop = prepared.shop
    head_x, head_w = LEFT + 60 * mm, text_width - 60 * mm
    canvas.setFillColor(ACCENT)
    name = fit_in(
        canvas,
        shop.name,
        fonts.SERIF_BOLD,
        (head_x, top - 14 * mm, head_w, 14 * mm),
        16,
        9,
        align="right",
        leading=1.15,
        max_lines=2,
    )
    canvas.setFillColor(MUTED)
    lines = "\n".join([*shop.address.splitlines(), shop.phone])
    below = top - name.height - 2 * mm
    fit_in(
        canvas,
        lines.strip(),
        fonts.SANS,
        (head_x, below - 16 * mm, head_w, 16 * mm),
        8.5,
        6,
        align="right",
        max_lines=5,
    )
    rule(canvas, LEFT, height - 40 * mm, text_width, GOLD, 0.8)
    x, y, window_w, window_h = WINDOW
    sender = _sender_line(prepared, window_w)
    if sender.lines:
        canvas.setFillColor(MUTED)
        draw(canvas, sender, x, y + window_h, window_w)
        rule(canvas, x, y + window_h - sender.height - 0.8 * mm, sender.width, MUTED, 0.3)
    canvas.setFillColor(INK)
    address = "\n".join([recipient.name, *recipient.address_lines])
    fit_in(canvas, address, fonts.SANS, (x, y, window_w, window_h - 5 * mm), 10.5, 6.5)
    date_box = (LEFT, height - 103 * mm, text_width, 5 * mm)
    fit_in(canvas, prepared.dated, fonts.SERIF, date_box, 10.5, 8, align="right", max_lines=1)
    body_top, body_bottom = height - 112 * mm, 27 * mm
    fit_in(
        canvas,
        recipient.message,
        fonts.SERIF,
        (LEFT, body_bottom, text_width, body_top - body_bottom),
        11.0,
        6.5,
        leading=1.4,
    )
    rule(canvas, LEFT, 20 * mm, text_width, GOLD, 0.6)
    if shop.footer_parts:
        canvas.setFillColor(MUTED)
        parts = [shop.name, *shop.footer_parts]
        foot = fit_parts(parts, " · ", fonts.SANS, text_width, 7 * mm, 7.5, 5.5, 2)
        draw_in(canvas, foot, (LEFT, 11 * mm, text_width, 7 * mm), "center", "top")


def _sender_line(prepared: Prepared, width: float) -> Block:
    """The shop's name and address in one small line above the recipient's, for the window of
    the envelope; middle lines of the address are left out until it fits."""
    shop = prepared.shop
    parts = [shop.name, *(line.strip() for line in shop.address.splitlines())]
    parts = [part for part in parts if part]
    while parts:
        line = fit(" · ".join(parts), fonts.SANS, width, 3 * mm, 6.5, 5.0, max_lines=1)
        if not line.shortened or len(parts) <= 2:
            return line
        del parts[-2]
    return fit("", fonts.SANS, width, 3 * mm, 6.5)
