"""Address labels: the customer's name (bold) and address on each label of an A4 sheet
(``shopcrm.documents.sheets``), starting at any label of a part-used sheet. The text is as
large as fits the label inside a 5 mm margin (3 mm above and below on the low labels), centred
from top to bottom; nothing else is printed, so a sheet fed a little off still reads well."""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.units import mm

from shopcrm.documents import fonts
from shopcrm.documents.fonts import unit_width
from shopcrm.documents.layout import Block, draw, fit
from shopcrm.documents.look import INK, SAFE, Logo, Surface, on_sheets
from shopcrm.documents.prepared import Prepared, Recipient

LARGEST = 11.0
SMALLEST = 5.5
UNWRAPPED = 7.5
NAME_SMALLEST = 7.0


def address_labels(surface: Surface, prepared: Prepared, logo: Logo | None) -> Iterator[None]:
    """One label per recipient, from ``first_label`` on."""
    assert prepared.sheet is not None
    canvas = surface.canvas
    canvas.setFillColor(INK)
    for recipient, box in on_sheets(
        surface, prepared.sheet, prepared.first_label, prepared.recipients
    ):
        x, y, width, height = box
        across, down = SAFE, (SAFE if height > 45 * mm else 3 * mm)
        inner_w, inner_h = width - 2 * across, height - 2 * down
        name, address = label_blocks(recipient, inner_w, inner_h)
        gap = name.leading - name.size if address.lines else 0.0
        total = name.height + gap + address.height
        top = y + (height + total) / 2
        canvas.setFillColor(INK)
        draw(canvas, name, x + across, top, inner_w)
        draw(canvas, address, x + across, top - name.height - gap, inner_w)
        yield


def label_blocks(recipient: Recipient, width: float, height: float) -> tuple[Block, Block]:
    """The name (on at most three lines) and the address at the largest common size at which
    both fit: each line of the address on a line of its own when that is possible at 7.5 points
    or more, wrapped otherwise. A name too long even at 7 points is cut with "…" there, so that
    the address stays readable."""
    address = "\n".join(recipient.address_lines)
    longest = max((unit_width(line, fonts.SANS) for line in recipient.address_lines), default=0)
    size = LARGEST
    while size >= UNWRAPPED:
        if longest * size <= width:
            name, lines = _blocks(recipient.name, address, width, height, size)
            if not name.shortened and not lines.shortened:
                return name, lines
        size -= 0.25
    size = LARGEST
    while True:
        name, lines = _blocks(recipient.name, address, width, height, size)
        if not lines.shortened and (not name.shortened or size <= NAME_SMALLEST):
            return name, lines
        if size <= SMALLEST:
            return name, lines
        size -= 0.25


def _blocks(
    name: str, address: str, width: float, height: float, size: float
) -> tuple[Block, Block]:
    """The name and the address at ``size``, the address in the room the name leaves."""
    named = fit(name, fonts.SANS_BOLD, width, height, size, size, 1.2, 3)
    room = height - named.height - (named.leading - named.size)
    return named, fit(address, fonts.SANS, width, max(room, 0.0), size, size, 1.2)
