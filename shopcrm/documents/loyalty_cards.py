"""Loyalty cards: the customer's name and card code (as text, a QR code and a Code128) that the
counter's search box recognises when scanned. One per 85.6 x 54 mm page for a card printer, or
ten to an A4 sheet of 85 x 54 mm business-card labels."""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.colors import black
from reportlab.lib.units import mm

from shopcrm.documents import fonts
from shopcrm.documents.codes import draw_code128, draw_qr
from shopcrm.documents.layout import Box, draw, fit, fit_in
from shopcrm.documents.look import (
    ACCENT,
    GOLD,
    INK,
    MUTED,
    SAFE,
    Logo,
    Surface,
    inset,
    on_sheets,
    rule,
)
from shopcrm.documents.prepared import Prepared, Recipient

CARD = (85.6 * mm, 54 * mm)
"""ISO/IEC 7810 ID-1, the size of a bank card."""


def single_cards(surface: Surface, prepared: Prepared, logo: Logo | None) -> Iterator[None]:
    """One card per page of the card's own size."""
    for recipient in prepared.recipients:
        surface.canvas.setPageSize(CARD)
        card_face(surface, prepared, recipient, logo, (0.0, 0.0, *CARD))
        surface.canvas.showPage()
        yield


def card_sheets(surface: Surface, prepared: Prepared, logo: Logo | None) -> Iterator[None]:
    """Ten cards to a sheet of business-card labels, from ``first_label`` on."""
    assert prepared.sheet is not None
    sheet = prepared.sheet
    for recipient, box in on_sheets(surface, sheet, prepared.first_label, prepared.recipients):
        card_face(surface, prepared, recipient, logo, box)
        yield


def card_face(
    surface: Surface, prepared: Prepared, recipient: Recipient, logo: Logo | None, box: Box
) -> None:
    """A loyalty card in ``box``: the shop at the top, the customer's name, the card's line of
    text, the Code128 with the code under it, and the QR code on the right."""
    canvas = surface.canvas
    x, y, width, height = inset(box, SAFE)
    top = y + height
    band = 8 * mm
    qr = 19 * mm
    canvas.setFillColor(MUTED)
    caption = fit_in(
        canvas,
        recipient.heading,
        fonts.SANS,
        (x + width - 24 * mm, top - 4 * mm, 24 * mm, 4 * mm),
        6.5,
        5.0,
        align="right",
        max_lines=1,
    )
    taken = surface.logo(logo, (x, top - band, 16 * mm, band), anchor="w")
    name_x = x if taken is None else taken[0] + taken[2] + 2 * mm
    canvas.setFillColor(ACCENT)
    fit_in(
        canvas,
        prepared.shop.name,
        fonts.SANS_BOLD,
        (name_x, top - band, x + width - caption.width - 2 * mm - name_x, band),
        10.0,
        6.0,
        valign="middle",
        max_lines=2,
    )
    top -= band + 1.5 * mm
    rule(canvas, x, top, width, GOLD, 0.8)
    top -= 2.5 * mm
    left = width - qr - 2 * mm
    draw_qr(canvas, recipient.card_code, x + width - qr, y, qr)
    canvas.setFillColor(INK)
    code_line = 3 * mm
    bars = 7 * mm
    bottom = y + bars + code_line + 1.5 * mm
    name = fit(recipient.name, fonts.SANS_BOLD, left, 12 * mm, 13.0, 5.5, max_lines=3)
    if name.shortened:  # a very long name takes the card's line of text's room too
        name = fit(recipient.name, fonts.SANS_BOLD, left, top - bottom, 13.0, 5.0)
    draw(canvas, name, x, top, left)
    message_top = top - name.height - 1.5 * mm
    if recipient.message and message_top - bottom > 2.5 * mm:
        canvas.setFillColor(MUTED)
        fit_in(
            canvas,
            recipient.message,
            fonts.SERIF_ITALIC,
            (x, bottom, left, message_top - bottom),
            7.0,
            4.5,
            valign="middle",
        )
    canvas.setFillColor(black)
    drawn = draw_code128(canvas, recipient.card_code, x, y + code_line, left, bars)
    fit_in(
        canvas,
        recipient.card_code,
        fonts.MONO_BOLD,
        (x + (left - drawn) / 2, y, drawn, code_line),
        7.5,
        5.0,
        align="center",
        valign="bottom",
    )
