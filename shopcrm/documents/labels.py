"""Address labels: the customer's name (bold) and address on each label of an A4 sheet
(``shopcrm.documents.sheets``), starting at any label of a part-used sheet. The text is as
large as fits the label inside a 5 mm margin (3 mm above and below on the low labels), centred
from top to bottom; nothing else is printed, so a sheet fed a little off still reads well.

Every label of a print takes one size, the largest at which all of them fit, so that the sheet
looks even; only a name or an address too long to print whole at 7 points (cut with "…")
takes a smaller size of its own."""

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
COMMON_SMALLEST = 7.0
"""The print's common size never goes below this: a label needing less shrinks alone."""


def address_labels(surface: Surface, prepared: Prepared, logo: Logo | None) -> Iterator[None]:
    """One label per recipient, from ``first_label`` on."""
    assert prepared.sheet is not None
    canvas = surface.canvas
    canvas.setFillColor(INK)
    common = _common_size(prepared)
    for recipient, box in on_sheets(
        surface, prepared.sheet, prepared.first_label, prepared.recipients
    ):
        x, y, width, height = box
        across, down = SAFE, (SAFE if height > 45 * mm else 3 * mm)
        inner_w, inner_h = width - 2 * across, height - 2 * down
        name, address = label_blocks(recipient, inner_w, inner_h, common)
        gap = name.leading - name.size if address.lines else 0.0
        total = name.height + gap + address.height
        top = y + (height + total) / 2
        canvas.setFillColor(INK)
        draw(canvas, name, x + across, top, inner_w)
        draw(canvas, address, x + across, top - name.height - gap, inner_w)
        yield


def _common_size(prepared: Prepared) -> float:
    """The size every label of the print takes: the largest at which each fits, leaving out
    those too long to print whole (they shrink alone)."""
    assert prepared.sheet is not None
    sheet = prepared.sheet
    height = sheet.label_height * mm
    across, down = SAFE, (SAFE if height > 45 * mm else 3 * mm)
    width, height = sheet.label_width * mm - 2 * across, height - 2 * down
    sizes = [
        address.size
        for name, address in (label_blocks(r, width, height) for r in prepared.recipients)
        if not (name.shortened or address.shortened)
    ]
    return max(min(sizes, default=LARGEST), COMMON_SMALLEST)


def label_blocks(
    recipient: Recipient, width: float, height: float, largest: float = LARGEST
) -> tuple[Block, Block]:
    """The name (on at most three lines) and the address at the largest common size up to
    ``largest`` at which both fit: each line of the address on a line of its own when that is
    possible at 7.5 points or more, wrapped otherwise. A name too long even at 7 points is cut
    with "…" there, so that the address stays readable."""
    address = "\n".join(recipient.address_lines)
    longest = max((unit_width(line, fonts.SANS) for line in recipient.address_lines), default=0)
    size = largest
    while size >= UNWRAPPED:
        if longest * size <= width:
            name, lines = _blocks(recipient.name, address, width, height, size)
            if not name.shortened and not lines.shortened:
                return name, lines
        size -= 0.25
    size = largest
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
