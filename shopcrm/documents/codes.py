"""The machine-readable codes on vouchers and loyalty cards: a QR code and a Code128 of the same
ASCII text, drawn in black with plain rectangles (no font, so nothing but DejaVu is ever
embedded), each with its quiet zone left white, sized so that a counter's scanner and zbarimg
read them."""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

QR_QUIET = 4
"""Modules of white around a QR code, as its standard asks."""
BAR_QUIET = 10
"""Narrow bars' widths of white either side of a Code128, as its standard asks."""
THINNEST_BAR = 0.25 * mm
"""The narrowest bar drawn: wide enough for a cheap scanner and a 300 dpi printer."""
THICKEST_BAR = 0.4 * mm


@lru_cache(maxsize=2048)
def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of the QR code of ``value``, row by row (error
    correction M: a scratched card still reads)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    count = code.getModuleCount()
    return tuple(tuple(bool(code.isDark(r, c)) for c in range(count)) for r in range(count))


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``value`` in the square of side ``size`` whose bottom left corner is
    (``x``, ``y``); the square includes its quiet zone."""
    modules = qr_modules(value)
    module = size / (len(modules) + 2 * QR_QUIET)
    path = canvas.beginPath()
    for row, dark in enumerate(modules):
        top = y + size - (QR_QUIET + row + 1) * module
        column = 0
        while column < len(dark):
            if not dark[column]:
                column += 1
                continue
            start = column
            while column < len(dark) and dark[column]:
                column += 1
            path.rect(x + (QR_QUIET + start) * module, top, (column - start) * module, module)
    canvas.saveState()
    canvas.setFillColor(black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def qr_side(value: str, module: float) -> float:
    """The side of the QR code of ``value`` with modules of ``module`` points, quiet zone in."""
    return (len(qr_modules(value)) + 2 * QR_QUIET) * module


@lru_cache(maxsize=2048)
def _modules_of_code128(value: str) -> float:
    return float(Code128(value, barWidth=1.0, quiet=0).width)


def code128_width(value: str, bar: float = THINNEST_BAR) -> float:
    """The width of the Code128 of ``value`` with narrow bars of ``bar`` points, quiet zones in."""
    return (_modules_of_code128(value) + 2 * BAR_QUIET) * bar


def draw_code128(
    canvas: Canvas, value: str, x: float, y: float, width: float, height: float
) -> float:
    """Draw the Code128 of ``value`` centred in the column from ``x`` that is ``width`` wide,
    bars ``height`` tall from ``y``, as wide as the column allows (up to 0.4 mm a bar); the
    width drawn, quiet zones in. Raises ``ValueError`` if the column is too narrow for bars of
    0.25 mm (a layout's mistake, never the shop's)."""
    bar = min(THICKEST_BAR, width / (_modules_of_code128(value) + 2 * BAR_QUIET))
    if bar < THINNEST_BAR - 1e-6:
        raise ValueError(f"{width / mm:.1f} mm is too narrow for the Code128 of {value!r}")
    drawn = code128_width(value, bar)
    symbol = Code128(value, barWidth=bar, barHeight=height, quiet=0, humanReadable=False)
    canvas.saveState()
    canvas.setFillColor(black)
    symbol.drawOn(canvas, x + (width - drawn) / 2 + BAR_QUIET * bar, y)
    canvas.restoreState()
    return drawn
