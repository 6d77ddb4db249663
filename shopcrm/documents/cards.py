"""Cards: the thank-you card (A6), the folded thank-you card (an A5 sheet folded into two A6
panels, the message inside) and the occasion card (A6), one customer each.

A card is centred like a printed greeting card: a thin gold frame, the logo and the shop's name,
the heading in italics with a small ornament, the occasion (on an occasion card), the message,
and the shop's address and phone at the foot. Each part shrinks or wraps to its own box.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.pagesizes import A5, A6, landscape
from reportlab.lib.units import mm

from shopcrm.documents import fonts
from shopcrm.documents.layout import Box, draw_in, fit, fit_in, fit_parts
from shopcrm.documents.look import ACCENT, CUT, INK, MUTED, Logo, Surface, frame, inset, ornament
from shopcrm.documents.prepared import Prepared, Recipient

FRAME_INSET = 7 * mm
CONTENT_INSET = 12 * mm


def thank_you_cards(surface: Surface, prepared: Prepared, logo: Logo | None) -> Iterator[None]:
    """One A6 page per recipient (thank-you and occasion cards alike)."""
    width, height = A6
    for recipient in prepared.recipients:
        surface.canvas.setPageSize(A6)
        frame(surface.canvas, inset((0, 0, width, height), FRAME_INSET))
        card_panel(surface, prepared, recipient, logo, (0, 0, width, height))
        surface.canvas.showPage()
        yield


def folded_cards(surface: Surface, prepared: Prepared, logo: Logo | None) -> Iterator[None]:
    """Two A5 pages (landscape) per recipient: the outside (back panel on the left, front on
    the right) and the inside (the message on the right panel). Print both sides, turning the
    sheet on its short edge, and fold along the marks."""
    size = landscape(A5)
    panel_w, height = size[0] / 2, size[1]
    back, front = (0, 0, panel_w, height), (panel_w, 0, panel_w, height)
    canvas = surface.canvas
    for recipient in prepared.recipients:
        canvas.setPageSize(size)
        _fold_marks(surface, size)
        frame(canvas, inset(front, FRAME_INSET))
        _front(surface, prepared, recipient, logo, front)
        _back(surface, prepared, back)
        canvas.showPage()
        canvas.setPageSize(size)
        _fold_marks(surface, size)
        inside_right = (panel_w, 0, panel_w, height)
        frame(canvas, inset(inside_right, FRAME_INSET))
        _message(surface, recipient.message, inset(inside_right, CONTENT_INSET), 12.0)
        canvas.showPage()
        yield


def card_panel(
    surface: Surface, prepared: Prepared, recipient: Recipient, logo: Logo | None, box: Box
) -> None:
    """A whole card in ``box``: logo, shop, heading, occasion, message and the shop's foot."""
    x, _y, width, _height = inner = inset(box, CONTENT_INSET)
    top = _masthead(surface, prepared, logo, inner, logo_height=15 * mm)
    top = _heading(surface, recipient, x, top, width)
    foot = _foot(surface, prepared, inner)
    _message(surface, recipient.message, (x, foot, width, top - foot), 11.0)


def _front(
    surface: Surface, prepared: Prepared, recipient: Recipient, logo: Logo | None, box: Box
) -> None:
    x, y, width, _height = inner = inset(box, CONTENT_INSET)
    top = _masthead(surface, prepared, logo, inner, logo_height=30 * mm)
    block = fit(recipient.heading, fonts.SERIF_ITALIC, width, 30 * mm, 30.0, 14.0, 1.15, 2)
    middle = y + (top - y) / 2
    surface.canvas.setFillColor(ACCENT)
    fit_in(
        surface.canvas,
        recipient.heading,
        fonts.SERIF_ITALIC,
        (x, middle - block.height / 2, width, block.height),
        30.0,
        14.0,
        align="center",
        leading=1.15,
        max_lines=2,
    )
    ornament(surface.canvas, x + width / 2, middle - block.height / 2 - 5 * mm, 40 * mm)


def _back(surface: Surface, prepared: Prepared, box: Box) -> None:
    x, y, width, _height = inner = inset(box, CONTENT_INSET)
    surface.canvas.setFillColor(ACCENT)
    name_box = (x, y + 12 * mm, width, 8 * mm)
    fit_in(surface.canvas, prepared.shop.name, fonts.SERIF_BOLD, name_box, 10.0, 7.0, "center")
    _foot(surface, prepared, inner)


def _masthead(
    surface: Surface, prepared: Prepared, logo: Logo | None, box: Box, logo_height: float
) -> float:
    """The logo and the shop's name at the top of ``box``; the height left below them."""
    x, y, width, height = box
    top = y + height
    taken = surface.logo(logo, (x, top - logo_height, width, logo_height), anchor="n")
    if taken is not None:
        top = taken[1] - 2.5 * mm
    if prepared.shop.name:
        surface.canvas.setFillColor(ACCENT)
        block = fit_in(
            surface.canvas,
            prepared.shop.name,
            fonts.SERIF_BOLD,
            (x, top - 10 * mm, width, 10 * mm),
            12.0,
            7.0,
            align="center",
            leading=1.15,
            max_lines=2,
        )
        top -= block.height + 4 * mm
    return top


def _heading(surface: Surface, recipient: Recipient, x: float, top: float, width: float) -> float:
    """The heading, its ornament and the occasion below ``top``; the height left below them."""
    canvas = surface.canvas
    if recipient.heading:
        canvas.setFillColor(ACCENT)
        block = fit_in(
            canvas,
            recipient.heading,
            fonts.SERIF_ITALIC,
            (x, top - 18 * mm, width, 18 * mm),
            20.0,
            11.0,
            align="center",
            leading=1.15,
            max_lines=2,
        )
        top -= block.height + 3.5 * mm
        ornament(canvas, x + width / 2, top, 30 * mm)
        top -= 4.5 * mm
    if recipient.subheading:
        canvas.setFillColor(MUTED)
        block = fit_in(
            canvas,
            recipient.subheading,
            fonts.SANS,
            (x, top - 9 * mm, width, 9 * mm),
            9.0,
            6.5,
            align="center",
            max_lines=2,
        )
        top -= block.height + 4 * mm
    return top


def _foot(surface: Surface, prepared: Prepared, box: Box) -> float:
    """The shop's address and phone at the bottom of ``box``; the height it leaves above."""
    x, y, width, _height = box
    if not prepared.shop.footer:
        return y
    surface.canvas.setFillColor(MUTED)
    block = fit_parts(prepared.shop.footer_parts, " · ", fonts.SANS, width, 7 * mm, 6.5, 5.0, 2)
    draw_in(surface.canvas, block, (x, y, width, 7 * mm), "center", "bottom")
    return float(y + block.height + 4 * mm)


def _message(surface: Surface, message: str, box: Box, largest: float) -> None:
    """The message, centred in ``box``, as large as fits (down to 5.5 points)."""
    surface.canvas.setFillColor(INK)
    fit_in(
        surface.canvas,
        message,
        fonts.SERIF,
        box,
        largest,
        5.5,
        align="center",
        valign="middle",
        leading=1.35,
    )


def _fold_marks(surface: Surface, size: tuple[float, float]) -> None:
    """Short marks at the top and bottom of the fold, inside the safe margin's edge."""
    canvas = surface.canvas
    middle, height = size[0] / 2, size[1]
    canvas.saveState()
    canvas.setStrokeColor(CUT)
    canvas.setLineWidth(0.4)
    canvas.line(middle, 5 * mm, middle, 8 * mm)
    canvas.line(middle, height - 5 * mm, middle, height - 8 * mm)
    canvas.restoreState()
