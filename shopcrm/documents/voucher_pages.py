"""Vouchers: one to a page (A6, turned sideways), eight to an A4 sheet with cut marks, or on an
80 mm receipt printer's roll. Each shows the code as text, a QR code and a Code128 of the code,
what it is worth, when it expires and, when it has one, its owner's name.

The page and the sheet share one face, laid out in proportion to its box; the receipt is a
column of its own, black only (thermal printers print nothing else), as long as it needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A6, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from shopcrm.documents import fonts
from shopcrm.documents.codes import draw_code128, draw_qr
from shopcrm.documents.layout import Block, Box, draw, fit, fit_in, fit_parts
from shopcrm.documents.look import (
    ACCENT,
    INK,
    MUTED,
    SAFE,
    Logo,
    Surface,
    cut_marks,
    frame,
    inset,
    on_sheets,
    rule,
)
from shopcrm.documents.prepared import Prepared, VoucherFace
from shopcrm.documents.sheets import VOUCHER_SHEET

FACE_HEIGHT = 58 * mm
"""The height the face's sizes are drawn for (a sheet's voucher inside its 5 mm margins)."""
RECEIPT_WIDTH = 80 * mm


def single_vouchers(surface: Surface, prepared: Prepared, logo: Logo | None) -> Iterator[None]:
    """One voucher per A6 page, turned sideways, in a thin frame."""
    size = landscape(A6)
    for voucher in prepared.vouchers:
        surface.canvas.setPageSize(size)
        page = (0.0, 0.0, size[0], size[1])
        frame(surface.canvas, inset(page, SAFE + 1 * mm), weight=1.0)
        voucher_face(surface, prepared, voucher, logo, inset(page, 11 * mm))
        surface.canvas.showPage()
        yield


def voucher_sheets(surface: Surface, prepared: Prepared, logo: Logo | None) -> Iterator[None]:
    """Eight vouchers to an A4 sheet, touching, with cut marks in the margins."""
    sheet = VOUCHER_SHEET
    left, top = sheet.left * mm, (sheet.page[1] - sheet.top) * mm
    width, height = sheet.columns * sheet.across * mm, sheet.rows * sheet.down * mm
    grid = (left, top - height, width, height)
    xs = [left + i * sheet.across * mm for i in range(sheet.columns + 1)]
    ys = [top - i * sheet.down * mm for i in range(sheet.rows + 1)]

    def marks() -> None:
        cut_marks(surface.canvas, xs, ys, grid, gap=1.5 * mm, length=3.5 * mm)

    for voucher, box in on_sheets(surface, sheet, prepared.first_label, prepared.vouchers, marks):
        voucher_face(surface, prepared, voucher, logo, inset(box, SAFE))
        yield


def voucher_face(
    surface: Surface, prepared: Prepared, voucher: VoucherFace, logo: Logo | None, box: Box
) -> None:
    """A voucher in ``box``: the shop, what it is, its worth, owner and expiry and message on
    the left, above its Code128; the QR code and the code as text on the right."""
    canvas = surface.canvas
    x, y, width, height = box
    scale = height / FACE_HEIGHT
    qr = 26 * mm * scale
    left_width = width - qr - 4 * mm * scale
    code_size = 9.5 * scale
    draw_qr(canvas, voucher.code, x + width - qr, y + height - qr, qr)
    canvas.setFillColor(INK)
    fit_in(
        canvas,
        voucher.code,
        fonts.MONO_BOLD,
        (x + width - qr, y + height - qr - code_size * 1.3, qr, code_size * 1.2),
        code_size,
        6.0,
        align="center",
    )
    top = y + height
    band = 7 * mm * scale
    taken = surface.logo(logo, (x, top - band, 14 * mm * scale, band), anchor="w")
    name_x = x if taken is None else taken[0] + taken[2] + 2 * mm
    if prepared.shop.name:
        canvas.setFillColor(ACCENT)
        fit_in(
            canvas,
            prepared.shop.name,
            fonts.SANS_BOLD,
            (name_x, top - band, x + left_width - name_x, band),
            9.0 * scale,
            5.5,
            valign="middle",
            max_lines=2,
        )
    top -= band + 2 * mm * scale
    canvas.setFillColor(MUTED)
    block = _lines(canvas, voucher.title, fonts.SERIF_ITALIC, x, top, left_width, 11 * scale)
    top -= block.height + 1.5 * mm * scale
    canvas.setFillColor(ACCENT)
    value = fit(voucher.value, fonts.SANS_BOLD, left_width, 14 * mm * scale, 22 * scale, 8, 1.1, 2)
    draw(canvas, value, x, top, left_width)
    top -= value.height + 2 * mm * scale
    canvas.setFillColor(INK)
    for line, lines in ((voucher.owner, 2), (voucher.expires, 1)):
        if line:
            block = _lines(canvas, line, fonts.SANS, x, top, left_width, 8.0 * scale, lines, 6.5)
            top -= block.height + 1.2 * mm * scale
    bars = 8 * mm * scale
    bottom = y + bars + 2 * mm * scale
    if voucher.message and top - bottom > 3 * mm:
        canvas.setFillColor(MUTED)
        fit_in(
            canvas,
            voucher.message,
            fonts.SERIF_ITALIC,
            (x, bottom, left_width, top - bottom - 0.5 * mm),
            8.0 * scale,
            5.0,
            valign="middle",
        )
    canvas.setFillColor(black)
    draw_code128(canvas, voucher.code, x, y, left_width, bars)


def _lines(
    canvas: Canvas,
    text: str,
    font: str,
    x: float,
    top: float,
    width: float,
    size: float,
    lines: int = 1,
    smallest: float = 5.0,
) -> Block:
    """``text`` on at most ``lines`` lines (shrunk to fit ``width``, down to ``smallest``
    points, then cut with "…") from ``top``."""
    block = fit(text, font, width, size * 1.25 * lines, size, min(smallest, size), max_lines=lines)
    draw(canvas, block, x, top, width)
    return block


def receipt_vouchers(surface: Surface, prepared: Prepared, logo: Logo | None) -> Iterator[None]:
    """One voucher per receipt: 80 mm wide, as long as its content, black only."""
    for voucher in prepared.vouchers:
        _receipt(surface, prepared, voucher, logo)
        yield


def _receipt(surface: Surface, prepared: Prepared, voucher: VoucherFace, logo: Logo | None) -> None:
    canvas = surface.canvas
    width = RECEIPT_WIDTH - 2 * SAFE
    tall = 300 * mm
    shop = prepared.shop
    parts: list[tuple[str, Block | float]] = []

    def text(value: str, font: str, size: float, lines: int | None = None) -> None:
        if value:
            parts.append(("text", fit(value, font, width, tall, size, size * 0.6, 1.2, lines)))

    def gap(points: float) -> None:
        parts.append(("gap", points))

    if logo is not None:
        parts.append(("logo", min(16 * mm, width / logo.aspect)))
        gap(2 * mm)
    text(shop.name, fonts.SANS_BOLD, 12, 2)
    if shop.footer_parts:
        parts.append(("text", fit_parts(shop.footer_parts, " · ", fonts.SANS, width, tall, 7, 5)))
    gap(3 * mm)
    parts.append(("rule", 0.0))
    gap(3 * mm)
    text(voucher.title, fonts.SERIF_ITALIC, 12, 1)
    gap(1 * mm)
    text(voucher.value, fonts.SANS_BOLD, 18, 3)
    gap(1.5 * mm)
    text(voucher.owner, fonts.SANS, 9, 5)
    text(voucher.expires, fonts.SANS, 9, 1)
    gap(3 * mm)
    parts.append(("qr", 34 * mm))
    text(voucher.code, fonts.MONO_BOLD, 14, 1)
    gap(2.5 * mm)
    parts.append(("bars", 12 * mm))
    gap(3 * mm)
    text(voucher.message, fonts.SERIF_ITALIC, 8.5)
    gap(2 * mm)
    text(prepared.dated, fonts.SANS, 7, 1)

    heights = [
        part.height if isinstance(part, Block) else part for kind, part in parts if kind != "rule"
    ]
    page_height = sum(heights) + 2 * SAFE
    canvas.setPageSize((RECEIPT_WIDTH, page_height))
    canvas.setFillColor(black)
    canvas.setStrokeColor(black)
    top = page_height - SAFE
    for kind, part in parts:
        if isinstance(part, Block):
            draw(canvas, part, SAFE, top, width, "center")
            top -= part.height
        elif kind == "gap":
            top -= part
        elif kind == "logo":
            surface.logo(logo, (SAFE, top - part, width, part), anchor="n")
            top -= part
        elif kind == "rule":
            rule(canvas, SAFE, top, width, black, 0.5)
        elif kind == "qr":
            draw_qr(canvas, voucher.code, (RECEIPT_WIDTH - part) / 2, top - part, part)
            top -= part
        elif kind == "bars":
            draw_code128(canvas, voucher.code, SAFE, top - part, width, part)
            top -= part
    canvas.showPage()
