"""The notice of a draw's results for the shop window: one A4 page.

The shop's logo and name, "Draw results", when the draw was made, who took part (the pool in
words) and how many, the winners in the order drawn, and the seed that repeats the draw. A
notice hangs in a window: a winner shows by first name and the surname's initial only ("Ayşe
Y."), never a phone or a full name.
"""

from __future__ import annotations

import io
from datetime import datetime

from babel.dates import format_time
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from shopcrm.common.formatting import day, number
from shopcrm.common.i18n import _, babel_locale, ngettext
from shopcrm.documents import fonts, layout
from shopcrm.documents.layout import draw_in, fit, fit_in, fit_parts
from shopcrm.documents.look import (
    ACCENT,
    GOLD,
    INK,
    MUTED,
    Surface,
    frame,
    inset,
    ornament,
    read_logo,
    rule,
)
from shopcrm.documents.prepared import ShopFace
from shopcrm.numbers.draws import Draw

MARGIN = 22 * mm
FRAME_INSET = 10 * mm
ONE_COLUMN = 12
"""More winners than this are listed in two columns."""


def draw_notice(draw: Draw, shop: ShopFace) -> bytes:
    """The notice of ``draw`` as a one-page A4 PDF, in the current language."""
    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=A4, initialFontName=fonts.SANS, invariant=True, pageCompression=0
    )
    canvas.setTitle(_("Draw results"))
    canvas.setAuthor(shop.name)
    canvas.setCreator("ShopCRM")
    _page(Surface(canvas), draw, shop)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page(surface: Surface, draw: Draw, shop: ShopFace) -> None:
    canvas = surface.canvas
    width, height = A4
    frame(canvas, inset((0, 0, width, height), FRAME_INSET), GOLD, 1.2)
    text_w = width - 2 * MARGIN
    top = height - MARGIN
    logo = read_logo(shop.logo)
    taken = surface.logo(logo, (MARGIN, top - 30 * mm, text_w, 30 * mm), anchor="n")
    if taken is not None:
        top = taken[1] - 4 * mm
    canvas.setFillColor(ACCENT)
    name = fit_in(
        canvas,
        shop.name,
        fonts.SERIF_BOLD,
        (MARGIN, top - 16 * mm, text_w, 16 * mm),
        20,
        11,
        align="center",
        max_lines=2,
    )
    top -= name.height + 6 * mm
    ornament(canvas, width / 2, top, 70 * mm)
    top -= 8 * mm
    canvas.setFillColor(INK)
    heading = fit_in(
        canvas,
        _("Draw results"),
        fonts.SERIF_BOLD,
        (MARGIN, top - 16 * mm, text_w, 16 * mm),
        32,
        18,
        align="center",
        max_lines=1,
    )
    top -= heading.height + 4 * mm
    canvas.setFillColor(MUTED)
    when = fit_in(
        canvas,
        _when(draw.drawn_at),
        fonts.SANS,
        (MARGIN, top - 7 * mm, text_w, 7 * mm),
        12,
        8,
        align="center",
        max_lines=1,
    )
    top -= when.height + 7 * mm
    canvas.setFillColor(INK)
    taking_part = "\n".join(
        [
            draw.pool_words + ".",
            ngettext(
                "{n} customer took part in the draw.",
                "{n} customers took part in the draw.",
                draw.pool_size,
            ).format(n=number(draw.pool_size)),
        ]
    )
    part = fit_in(
        canvas,
        taking_part,
        fonts.SERIF,
        (MARGIN, top - 22 * mm, text_w, 22 * mm),
        13,
        8,
        align="center",
        leading=1.35,
    )
    top -= part.height + 8 * mm
    rule(canvas, MARGIN + 30 * mm, top, text_w - 60 * mm, GOLD, 0.8)
    top -= 8 * mm
    canvas.setFillColor(ACCENT)
    title = _("The winner") if len(draw.winners) == 1 else _("The winners")
    said = fit_in(
        canvas,
        title,
        fonts.SERIF_BOLD,
        (MARGIN, top - 12 * mm, text_w, 12 * mm),
        20,
        12,
        align="center",
        max_lines=1,
    )
    top -= said.height + 6 * mm
    bottom = 62 * mm
    _winners(canvas, draw, (MARGIN, bottom, text_w, top - bottom))
    _seed(canvas, draw, (MARGIN, 26 * mm, text_w, 28 * mm))
    rule(canvas, MARGIN, 22 * mm, text_w, GOLD, 0.6)
    if shop.footer_parts:
        canvas.setFillColor(MUTED)
        foot = fit_parts(shop.footer_parts, " · ", fonts.SANS, text_w, 7 * mm, 9, 6, 2)
        draw_in(canvas, foot, (MARGIN, 13 * mm, text_w, 7 * mm), "center", "top")


def _winners(canvas: Canvas, draw: Draw, box: tuple[float, float, float, float]) -> None:
    """The winners in the order drawn, "1.  Ayşe Y.", in one column or two, each column
    left-aligned and centred in its half (or on the page)."""
    lines = [f"{winner.place}.  {winner.window_name}" for winner in draw.winners]
    x, y, width, height = box
    canvas.setFillColor(INK)
    if len(lines) <= ONE_COLUMN:
        columns, largest, smallest, leading = [lines], 24.0, 9.0, 1.45
    else:
        half = (len(lines) + 1) // 2
        columns, largest, smallest, leading = [lines[:half], lines[half:]], 18.0, 7.0, 1.35
    room = width / len(columns)
    for index, column in enumerate(columns):
        block = fit(
            "\n".join(column), fonts.SERIF, room - 6 * mm, height, largest, smallest, leading
        )
        left = x + index * room + (room - block.width) / 2
        layout.draw(canvas, block, left, y + height, block.width)


def _seed(canvas: Canvas, draw: Draw, box: tuple[float, float, float, float]) -> None:
    """How to repeat the draw: its seed, the rule, and the fingerprint of the list."""
    canvas.setFillColor(MUTED)
    text = "\n".join(
        [
            _("The draw can be repeated with seed {seed}.").format(seed=draw.seed),
            _(
                "Python's random.Random(seed).sample(list, {n}) picks the winners, the list being "
                "the customer numbers in order (SHA-256: {sha})."
            ).format(n=len(draw.winners), sha=draw.candidates_sha256),
        ]
    )
    fit_in(canvas, text, fonts.SANS, box, 9.5, 6, align="center", valign="bottom", leading=1.4)


def _when(drawn_at: str) -> str:
    moment = datetime.fromisoformat(drawn_at)
    time = format_time(moment, "short", locale=babel_locale())
    return _("Drawn on {date} at {time}").format(date=day(moment, style="long"), time=time)
